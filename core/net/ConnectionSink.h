#pragma once

#include "net/ListenerKey.h"

#include <QtGlobal>

namespace gatehouse::net {

// Where PortManager hands accepted connections: the proxy implements it and moves
// each socket to a worker. Called on the PortManager's thread.
class ConnectionSink
{
public:
    virtual ~ConnectionSink() = default;

    // Takes ownership of socketDescriptor: a native, non-blocking, close-on-exec
    // socket (an fd on Linux, a SOCKET on Windows) accepted on `listener`.
    virtual void acceptConnection(qintptr socketDescriptor, const ListenerKey &listener) = 0;
};

}  // namespace gatehouse::net
