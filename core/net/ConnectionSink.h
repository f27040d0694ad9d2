#pragma once

#include "net/ListenerKey.h"

#include <QtGlobal>

namespace gatehouse::net {

// Where PortManager hands its listeners' connections: the proxy implements it.
// Called on the PortManager's thread.
class ConnectionSink
{
public:
    virtual ~ConnectionSink() = default;

    // The sink may accept from a bound listening socket itself, on threads of its own,
    // so that each connection is accepted by the thread that will serve it (the
    // proxy's workers) rather than handed over from this one: true when it does so
    // from now on. False leaves accepting to the caller, which then passes each
    // connection to acceptConnection().
    virtual bool startAccepting(qintptr listenSocket, const ListenerKey &listener)
    {
        Q_UNUSED(listenSocket)
        Q_UNUSED(listener)
        return false;
    }
    // Returns once no thread of the sink uses `listenSocket` any more: the caller
    // closes it next, or accepts from it again itself.
    virtual void stopAccepting(qintptr listenSocket) { Q_UNUSED(listenSocket) }

    // Takes ownership of socketDescriptor: a native, non-blocking, close-on-exec
    // socket (an fd on Linux, a SOCKET on Windows) accepted on `listener`.
    virtual void acceptConnection(qintptr socketDescriptor, const ListenerKey &listener) = 0;
};

}  // namespace gatehouse::net
