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

// One bound, listening native socket. QSocketNotifier tells when connections are
// pending; each is accepted and passed on at once (DESIGN.md: native sockets, not
// QTcpServer, so the proxy gets a bare descriptor). Owned by PortManager.
class Listener : public QObject
{
public:
    using AcceptHandler = std::function<void(qintptr socketDescriptor)>;

    static Result<std::unique_ptr<Listener>, platform::SocketError> open(const ListenerKey &key,
                                                                         AcceptHandler onAccepted);
    ~Listener() override;

    const ListenerKey &key() const { return m_key; }
    qintptr socketDescriptor() const { return m_socket; }

private:
    Listener(const ListenerKey &key, qintptr socket, AcceptHandler onAccepted);
    void acceptPending();

    ListenerKey m_key;
    qintptr m_socket;
    AcceptHandler m_onAccepted;
    QSocketNotifier m_notifier;
    QTimer m_resumeTimer;
};

}  // namespace gatehouse::net
