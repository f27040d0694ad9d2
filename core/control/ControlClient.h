#pragma once

#include "Result.h"
#include "control/ConnectError.h"
#include "control/LineFramer.h"
#include "control/RpcError.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QLocalSocket;

namespace gatehouse::control {

// The client end of the control protocol, used by gatehousectl and the GUI.
// Everything is asynchronous: connect, then call() with a callback; calls made
// while still connecting are sent once connected. Failures are classified
// (ConnectError) so callers can tell "start the service" from "join the group".
class ControlClient : public QObject
{
    Q_OBJECT

public:
    using Reply = Result<QJsonValue, RpcError>;
    using Callback = std::function<void(const Reply &reply)>;
    enum class State { Disconnected, Connecting, Connected };

    static constexpr std::chrono::milliseconds kDefaultConnectTimeout { 5000 };
    static constexpr std::chrono::milliseconds kDefaultCallTimeout { 60000 };

    explicit ControlClient(QObject *parent = nullptr);
    ~ControlClient() override;  // pending callbacks are not called

    void setMaxMessageSize(qint64 bytes) { m_framer.setMaxMessageSize(bytes); }
    void setConnectTimeout(std::chrono::milliseconds timeout) { m_connectTimeout = timeout; }
    void setCallTimeout(std::chrono::milliseconds timeout) { m_callTimeout = timeout; }

    // Emits connected() or connectFailed(), never before this returns.
    void connectToServer(const QString &endpoint);
    // Pending calls fail with ConnectionLost; disconnected() is not emitted.
    void disconnectFromServer();
    State state() const { return m_state; }
    QString endpoint() const { return m_endpoint; }
    // Why the last connection failed or ended; nullopt while all is well.
    std::optional<ConnectError> lastError() const { return m_lastError; }

    // Sends a request and returns its id. callback gets the result or the error
    // exactly once, never before call() returns: the server's error, or
    // ClientTimeout / ConnectionLost (ErrorCodes.h) made here. It is skipped if
    // context has been destroyed meanwhile (pass nullptr for no context).
    qint64 call(const QString &method, const QJsonValue &params, QObject *context, Callback callback);
    qint64 call(const QString &method, const QJsonValue &params, QObject *context, Callback callback,
                std::chrono::milliseconds timeout);
    // Subscribes to events; they arrive as eventReceived(). callback may be empty.
    qint64 subscribeEvents(QObject *context = nullptr, Callback callback = {});

Q_SIGNALS:
    void connected();
    void connectFailed(const gatehouse::control::ConnectError &error);
    // After connected(): the service closed the connection, refused us, or broke the protocol.
    void disconnected(const gatehouse::control::ConnectError &reason);
    // {"method":"event","params":{...}} notifications after subscribeEvents().
    void eventReceived(const QJsonObject &event);
    // Every notification from the server, events included.
    void notificationReceived(const QString &method, const QJsonValue &params);

private:
    struct Pending
    {
        QString method;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
    };

    void onSocketConnected();
    void onSocketError();
    void onSocketDisconnected();
    void onReadyRead();
    void onConnectTimeout();
    bool handleMessage(const QByteArray &line);
    void complete(qint64 id, const Reply &reply);
    void completeLater(qint64 id, const Reply &reply);
    void failAll(const RpcError &error);
    void endConnection(const ConnectError &error, bool wasConnected);
    ConnectError classifySocketError() const;
    QString oversizedMessage() const;

    QLocalSocket *m_socket = nullptr;
    LineFramer m_framer;
    State m_state = State::Disconnected;
    QString m_endpoint;
    std::optional<ConnectError> m_lastError;
    std::optional<ConnectError> m_refusal;  // the server's access check turned us away
    QHash<qint64, Pending> m_pending;
    QList<QByteArray> m_outbox;  // requests made while connecting
    qint64 m_nextId = 1;
    QTimer m_connectTimer;
    std::chrono::milliseconds m_connectTimeout = kDefaultConnectTimeout;
    std::chrono::milliseconds m_callTimeout = kDefaultCallTimeout;
};

}  // namespace gatehouse::control
