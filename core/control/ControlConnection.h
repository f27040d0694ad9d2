#pragma once

#include "control/ClientIdentity.h"
#include "control/LineFramer.h"
#include "control/RpcError.h"

#include <QObject>

class QLocalSocket;

namespace gatehouse::control {

// One admitted (or being refused) client of ControlServer: frames its input,
// caps what it may send and what may queue up for it. Internal to the server;
// handlers reach it only through a Responder.
class ControlConnection : public QObject
{
    Q_OBJECT

public:
    ControlConnection(QLocalSocket *socket, const ClientIdentity &identity, qint64 maxMessageSize,
                      qint64 maxPendingOutput, QObject *parent);
    ~ControlConnection() override;

    const ClientIdentity &identity() const { return m_identity; }
    bool isSubscribed() const { return m_subscribed; }
    void setSubscribed(bool subscribed) { m_subscribed = subscribed; }
    bool isClosing() const { return m_closing; }
    qint64 pendingOutput() const;

    // Starts reading; messageReceived() follows for each complete message.
    void start();
    // Queues one serialised message. When more than the output cap is already
    // waiting the client has stopped reading: it is disconnected (logged as
    // `what`, e.g. "event") and false is returned.
    bool send(const QByteArray &message, const char *what = "reply");
    // Sends one error (id null) and disconnects without reading anything: for a
    // peer the access check refused.
    void refuse(const RpcError &error);
    // Drops the client now.
    void abort();

Q_SIGNALS:
    void messageReceived(const QByteArray &message);
    // The client is gone; the connection deletes itself later.
    void closed();

private:
    void onReadyRead();
    void onDisconnected();

    QLocalSocket *m_socket;
    ClientIdentity m_identity;
    LineFramer m_framer;
    qint64 m_maxPendingOutput;
    bool m_subscribed = false;
    bool m_closing = false;
    bool m_closedEmitted = false;
    bool m_moreScheduled = false;  // onReadyRead() queued for the next turn
};

}  // namespace gatehouse::control
