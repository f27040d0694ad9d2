#pragma once

#include "Result.h"
#include "control/ClientIdentity.h"
#include "control/ListenError.h"
#include "control/Responder.h"
#include "control/RpcError.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QLocalServer;

namespace gatehouse::platform {
class PeerCredentials;
}

namespace gatehouse::control {

class ControlConnection;

// The service's end of the control protocol: JSON-RPC 2.0 over a QLocalServer
// (a Unix socket path or a Windows pipe name), one message per line. gatehoused
// registers its methods here; gatehousectl and the GUI talk to it through
// ControlClient. Only admitted peers get in (see platform/PeerCredentials.h).
class ControlServer : public QObject
{
    Q_OBJECT

public:
    using MethodResult = Result<QJsonValue, RpcError>;
    // Answers at once.
    using Handler = std::function<MethodResult(const QJsonValue &params, const ClientIdentity &client)>;
    // Answers through the responder, now or later.
    using AsyncHandler
        = std::function<void(const QJsonValue &params, const ClientIdentity &client, const Responder &responder)>;

    static constexpr qint64 kDefaultMaxPendingOutput = 16 * 1024 * 1024;
    static inline const QString kDefaultAccessGroup = QStringLiteral("gatehouse");

    explicit ControlServer(QObject *parent = nullptr);
    ~ControlServer() override;  // closes, which removes the socket file

    // Settings take effect for connections accepted afterwards.
    void setMaxMessageSize(qint64 bytes) { m_maxMessageSize = bytes; }
    qint64 maxMessageSize() const { return m_maxMessageSize; }
    // What may wait unread for one client before it is dropped.
    void setMaxPendingOutput(qint64 bytes) { m_maxPendingOutput = bytes; }
    // Linux: members of this group are let in, and the socket and a directory
    // created for it are given to it when it exists. Default "gatehouse".
    void setAccessGroup(const QString &group) { m_accessGroup = group; }
    QString accessGroup() const { return m_accessGroup; }

    // Unix: endpoint is the socket path. Its directory is created 0750 if missing
    // and must belong to us or root; a socket left by a dead server is replaced;
    // a live one is refused. The socket is made 0660. Windows: a pipe name.
    // Returns the full server name (the path, or \\.\pipe\NAME).
    Result<QString, ListenError> listen(const QString &endpoint);
    // Disconnects every client and removes the socket file.
    void close();
    bool isListening() const;
    QString fullServerName() const;

    // Registering a name again replaces the handler. "events.subscribe" and
    // "events.unsubscribe" are built in.
    void registerMethod(const QString &method, Handler handler);
    void registerAsyncMethod(const QString &method, AsyncHandler handler);

    // Sends {"jsonrpc":"2.0","method":"event","params":event} to every
    // subscriber. A subscriber that has stopped reading is dropped, not buffered for.
    void publish(const QJsonObject &event);

    int clientCount() const { return int(m_connections.size()); }
    int subscriberCount() const;

private:
    void onNewConnection();
    void onMessage(ControlConnection *connection, const QByteArray &line);
    void onClosed(ControlConnection *connection);
    RpcError refusal(const ClientIdentity &identity) const;

    QLocalServer *m_server;
    std::unique_ptr<platform::PeerCredentials> m_peers;
    QHash<QString, AsyncHandler> m_methods;
    QList<QPointer<ControlConnection>> m_connections;
    qint64 m_maxMessageSize;
    qint64 m_maxPendingOutput = kDefaultMaxPendingOutput;
    QString m_accessGroup = kDefaultAccessGroup;
    quint64 m_nextConnectionId = 1;
};

}  // namespace gatehouse::control
