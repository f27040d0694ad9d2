#include "control/ControlClient.h"

#include "control/ControlLogging.h"
#include "control/ErrorCodes.h"
#include "control/Message.h"

#include <QLocalSocket>

namespace gatehouse::control {

namespace {

RpcError connectionLost(const QString &message)
{
    return { ErrorCode::ConnectionLost, message, QJsonValue::Undefined };
}

}  // namespace

ControlClient::ControlClient(QObject *parent) : QObject(parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &ControlClient::onConnectTimeout);
}

ControlClient::~ControlClient()
{
    m_pending.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ControlClient::connectToServer(const QString &endpoint)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_endpoint = endpoint;
    m_lastError.reset();
    m_refusal.reset();
    m_framer = LineFramer(m_framer.maxMessageSize());
    m_state = State::Connecting;
    m_socket = new QLocalSocket(this);
    m_socket->setReadBufferSize(LineFramer::kReadChunk);
    connect(m_socket, &QLocalSocket::connected, this, &ControlClient::onSocketConnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &ControlClient::onSocketError);
    connect(m_socket, &QLocalSocket::disconnected, this, &ControlClient::onSocketDisconnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlClient::onReadyRead);
    m_connectTimer.start(m_connectTimeout);
    m_socket->connectToServer(endpoint);
}

void ControlClient::disconnectFromServer()
{
    m_connectTimer.stop();
    m_state = State::Disconnected;
    m_outbox.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->disconnectFromServer();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    failAll(connectionLost(QStringLiteral("disconnected from ") + m_endpoint + QStringLiteral(" before the answer")));
}

qint64 ControlClient::call(const QString &method, const QJsonValue &params, QObject *context, Callback callback)
{
    return call(method, params, context, std::move(callback), m_callTimeout);
}

qint64 ControlClient::call(const QString &method, const QJsonValue &params, QObject *context, Callback callback,
                           std::chrono::milliseconds timeout)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, Pending { method, context, context != nullptr, std::move(callback) });

    const QByteArray message = Message::request(id, method, params);
    if (message.size() - 1 > m_framer.maxMessageSize()) {
        completeLater(
            id,
            Reply::failure({ ErrorCode::InvalidRequest,
                             QStringLiteral("the ") + method + QStringLiteral(" request is ")
                                 + QString::number(message.size() - 1) + QStringLiteral(" bytes, over the cap of ")
                                 + QString::number(m_framer.maxMessageSize()),
                             QJsonValue::Undefined }));
        return id;
    }
    switch (m_state) {
    case State::Disconnected:
        completeLater(
            id,
            Reply::failure(connectionLost(m_lastError ? m_lastError->message
                                                      : QStringLiteral("not connected to the Gatehouse service"))));
        return id;
    case State::Connecting:
        m_outbox.append(message);
        break;
    case State::Connected:
        m_socket->write(message);
        break;
    }
    QTimer::singleShot(timeout, this, [this, id, method, timeout] {
        complete(id,
                 Reply::failure({ ErrorCode::ClientTimeout,
                                  QStringLiteral("no answer to ") + method + QStringLiteral(" from ") + m_endpoint
                                      + QStringLiteral(" within ") + QString::number(timeout.count())
                                      + QStringLiteral(" ms"),
                                  QJsonValue::Undefined }));
    });
    return id;
}

qint64 ControlClient::subscribeEvents(QObject *context, Callback callback)
{
    return call(QStringLiteral("events.subscribe"), QJsonValue::Undefined, context, std::move(callback));
}

void ControlClient::onSocketConnected()
{
    m_connectTimer.stop();
    m_state = State::Connected;
    for (const QByteArray &message : std::as_const(m_outbox))
        m_socket->write(message);
    m_outbox.clear();
    // Never from inside connectToServer(), where a Unix connect completes at once.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state == State::Connected)
                Q_EMIT connected();
        },
        Qt::QueuedConnection);
}

void ControlClient::onSocketError()
{
    if (m_state != State::Connecting)
        return;  // after connecting, disconnected() follows and says why
    endConnection(classifySocketError(), false);
}

void ControlClient::onSocketDisconnected()
{
    if (m_state != State::Connected)
        return;
    // What the server said last (a refusal, say) arrives before the close.
    onReadyRead();
    if (m_state != State::Connected)
        return;
    endConnection(m_refusal ? *m_refusal
                            : ConnectError { ConnectError::Kind::ConnectionLost, m_endpoint,
                                             QStringLiteral("the Gatehouse service at ") + m_endpoint
                                                 + QStringLiteral(" closed the connection") },
                  true);
}

void ControlClient::onConnectTimeout()
{
    if (m_state != State::Connecting)
        return;
    endConnection({ ConnectError::Kind::Timeout, m_endpoint,
                    m_endpoint + QStringLiteral(" did not accept the connection within ")
                        + QString::number(m_connectTimeout.count())
                        + QStringLiteral(" ms: the service may be overloaded or hung") },
                  false);
}

void ControlClient::onReadyRead()
{
    const QPointer<ControlClient> self(this);
    while (m_socket && m_socket->bytesAvailable() > 0) {
        QLocalSocket *socket = m_socket;
        if (!m_framer.append(socket->read(LineFramer::kReadChunk))) {
            endConnection({ ConnectError::Kind::Protocol, m_endpoint,
                            QStringLiteral("the service at ") + m_endpoint
                                + QStringLiteral(" sent a message over the cap of ")
                                + QString::number(m_framer.maxMessageSize()) + QStringLiteral(" bytes") },
                          m_state == State::Connected);
            return;
        }
        while (std::optional<QByteArray> line = m_framer.takeMessage()) {
            handleMessage(*line);
            if (!self || m_socket != socket)
                return;  // a callback destroyed us or reconnected
        }
        if (m_framer.overflowed()) {
            endConnection({ ConnectError::Kind::Protocol, m_endpoint,
                            QStringLiteral("the service at ") + m_endpoint
                                + QStringLiteral(" sent a message over the cap of ")
                                + QString::number(m_framer.maxMessageSize()) + QStringLiteral(" bytes") },
                          m_state == State::Connected);
            return;
        }
    }
}

bool ControlClient::handleMessage(const QByteArray &line)
{
    Result<Message, InvalidMessage> parsed = Message::parse(line);
    if (!parsed.ok()) {
        qCWarning(lcControl).noquote() << "unusable message from the service at" << m_endpoint + u':'
                                       << parsed.error().error.message;
        return false;
    }
    const Message &message = parsed.value();
    if (message.kind == Message::Kind::Notification) {
        if (message.method == QStringLiteral("event") && message.params.isObject()) {
            const QPointer<ControlClient> self(this);
            Q_EMIT eventReceived(message.params.toObject());
            if (!self)
                return true;
        }
        Q_EMIT notificationReceived(message.method, message.params);
        return true;
    }
    if (message.kind == Message::Kind::Request) {
        qCDebug(lcControl) << "ignoring a request from the service:" << message.method;
        return true;
    }
    if (message.id.isNull()) {
        // Not an answer to any call: the server's refusal, or its complaint about a line we sent.
        if (message.error && message.error->code == ErrorCode::PermissionDenied) {
            m_refusal = ConnectError { ConnectError::Kind::AccessRefused, m_endpoint, message.error->message };
            m_lastError = m_refusal;  // so the failing callbacks can already tell why
            failAll(*message.error);
        } else if (message.error) {
            qCWarning(lcControl).noquote() << "the service at" << m_endpoint << "reported:" << message.error->message;
        }
        return true;
    }
    const qint64 id = qint64(message.id.toDouble(-1));
    if (message.error)
        complete(id, Reply::failure(*message.error));
    else
        complete(id, Reply(message.result));
    return true;
}

void ControlClient::complete(qint64 id, const Reply &reply)
{
    const auto found = m_pending.find(id);
    if (found == m_pending.end())
        return;  // answered already, timed out or failed
    const Pending pending = std::move(found.value());
    m_pending.erase(found);
    if (pending.hasContext && !pending.context)
        return;
    if (pending.callback)
        pending.callback(reply);
}

void ControlClient::completeLater(qint64 id, const Reply &reply)
{
    QMetaObject::invokeMethod(
        this, [this, id, reply] { complete(id, reply); }, Qt::QueuedConnection);
}

void ControlClient::failAll(const RpcError &error)
{
    const QList<qint64> ids = m_pending.keys();
    const QPointer<ControlClient> self(this);
    for (const qint64 id : ids) {
        complete(id, Reply::failure(error));
        if (!self)
            return;
    }
}

void ControlClient::endConnection(const ConnectError &error, bool wasConnected)
{
    m_connectTimer.stop();
    m_state = State::Disconnected;
    m_lastError = error;
    m_outbox.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    // Callers hear about it after connectToServer() has returned, as promised.
    // Only the calls made so far fail: a reconnect in between starts afresh.
    const QList<qint64> ids = m_pending.keys();
    QMetaObject::invokeMethod(
        this,
        [this, error, wasConnected, ids] {
            const QPointer<ControlClient> self(this);
            const RpcError failure = error.kind == ConnectError::Kind::AccessRefused
                ? RpcError { ErrorCode::PermissionDenied, error.message, QJsonValue::Undefined }
                : connectionLost(error.message);
            for (const qint64 id : ids) {
                complete(id, Reply::failure(failure));
                if (!self)
                    return;
            }
            if (wasConnected)
                Q_EMIT disconnected(error);
            else
                Q_EMIT connectFailed(error);
        },
        Qt::QueuedConnection);
}

ConnectError ControlClient::classifySocketError() const
{
    const QString &where = m_endpoint;
    switch (m_socket->error()) {
    case QLocalSocket::ServerNotFoundError:
        return { ConnectError::Kind::NotRunning, where,
                 QStringLiteral("the Gatehouse service is not running: ") + where
                     + QStringLiteral(" does not exist. Start the service (systemctl start gatehoused, or run "
                                      "gatehoused), or pass --control with the path it uses") };
    case QLocalSocket::ConnectionRefusedError:
        return { ConnectError::Kind::NotRunning, where,
                 QStringLiteral("the Gatehouse service is not running: nothing answers on ") + where
                     + QStringLiteral(" (left over from a service that stopped). Start the service (systemctl "
                                      "start gatehoused, or run gatehoused)") };
    case QLocalSocket::SocketAccessError:
#ifdef Q_OS_WIN
        return { ConnectError::Kind::PermissionDenied, where,
                 QStringLiteral("permission denied on the pipe ") + where
                     + QStringLiteral(": run this from an elevated (Administrator) prompt") };
#else
        return { ConnectError::Kind::PermissionDenied, where,
                 QStringLiteral("permission denied on ") + where
                     + QStringLiteral(": join the 'gatehouse' group (sudo usermod -aG gatehouse $USER, then log in "
                                      "again) or run as root") };
#endif
    case QLocalSocket::SocketTimeoutError:
        return { ConnectError::Kind::Timeout, where, where + QStringLiteral(" did not accept the connection in time") };
    default:
        break;
    }
    return { ConnectError::Kind::Other, where,
             QStringLiteral("cannot connect to ") + where + QStringLiteral(": ") + m_socket->errorString() };
}

}  // namespace gatehouse::control
