#pragma once

#include "Result.h"
#include "net/ListenerKey.h"
#include "platform/ListenSocket.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <functional>
#include <memory>

namespace gatehouse::net {

class ConnectionSink;

// Accepts up to `limit` pending connections from `listenSocket`, passing each to
// `onAccepted`, which returns false when accepting must stop at once (it deleted the
// caller). Failures are logged with `key`. Returns false when out of descriptors:
// the socket stays readable, so a level-triggered watcher must pause (kPauseAfterEmfile)
// instead of spinning. The one accept loop of the project, for Listener and for
// sinks that accept themselves.
bool acceptPending(qintptr listenSocket, const ListenerKey &key, int limit,
                   const std::function<bool(qintptr socketDescriptor)> &onAccepted);
// How long accepting pauses after acceptPending() ran out of descriptors.
inline constexpr int kPauseAfterEmfileMs = 250;

// One bound, listening native socket. QSocketNotifier tells when connections are
// pending; each is accepted and passed on at once (DESIGN.md: native sockets, not
// QTcpServer, so the proxy gets a bare descriptor). Owned by PortManager.
class Listener : public QObject
{
public:
    using AcceptHandler = std::function<void(qintptr socketDescriptor)>;

    static Result<std::unique_ptr<Listener>, platform::SocketError> open(const ListenerKey &key,
                                                                         AcceptHandler onAccepted);
    ~Listener() override;  // takes the socket back from a sink first, then closes it

    const ListenerKey &key() const { return m_key; }
    qintptr socketDescriptor() const { return m_socket; }

    // Lets `sink` accept from the socket itself when it can (ConnectionSink::
    // startAccepting); this listener's own accepting rests meanwhile. Null, or a sink
    // that declines, leaves accepting here.
    void handOver(ConnectionSink *sink);
    // Accepting comes back here (the sink's stopAccepting() has returned).
    void takeBack();

private:
    Listener(const ListenerKey &key, qintptr socket, AcceptHandler onAccepted);
    void onReadable();

    ListenerKey m_key;
    qintptr m_socket;
    AcceptHandler m_onAccepted;
    ConnectionSink *m_acceptingSink = nullptr;  // while a sink accepts from the socket
    QSocketNotifier m_notifier;
    QTimer m_resumeTimer;
};

}  // namespace gatehouse::net
