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
    //: %1 is the control socket's path (a pipe name on Windows).
    failAll(connectionLost(tr("disconnected from %1 before the answer").arg(m_endpoint)));
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
        completeLater(id,
                      //: %1 is a control method's name such as config.apply, %2 and %3 sizes in bytes.
                      Reply::failure({ ErrorCode::InvalidRequest,
                                       tr("the %1 request is %2 bytes, over the cap of %3")
                                           .arg(method)
                                           .arg(message.size() - 1)
                                           .arg(m_framer.maxMessageSize()),
                                       QJsonValue::Undefined }));
        return id;
    }
    switch (m_state) {
    case State::Disconnected:
        completeLater(id,
                      Reply::failure(connectionLost(m_lastError ? m_lastError->message
                                                                : tr("not connected to the Gatehouse service"))));
        return id;
    case State::Connecting:
        m_outbox.append(message);
        break;
    case State::Connected:
        m_socket->write(message);
        break;
    }
    QTimer::singleShot(timeout, this, [this, id, method, timeout] {
        //: %1 is a control method's name such as config.apply, %2 the control socket's path, %3 milliseconds.
        complete(
            id,
            Reply::failure(
                { ErrorCode::ClientTimeout,
                  tr("no answer to %1 from %2 within %3 ms").arg(method, m_endpoint, QString::number(timeout.count())),
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
    //: %1 is the control socket's path (a pipe name on Windows).
    endConnection(m_refusal ? *m_refusal
                            : ConnectError { ConnectError::Kind::ConnectionLost, m_endpoint,
                                             tr("the Gatehouse service at %1 closed the connection").arg(m_endpoint) },
                  true);
}

void ControlClient::onConnectTimeout()
{
    if (m_state != State::Connecting)
        return;
    //: %1 is the control socket's path (a pipe name on Windows), %2 milliseconds.
    endConnection({ ConnectError::Kind::Timeout, m_endpoint,
                    tr("%1 did not accept the connection within %2 ms: the service may be overloaded or hung")
                        .arg(m_endpoint, QString::number(m_connectTimeout.count())) },
                  false);
}

void ControlClient::onReadyRead()
{
    const QPointer<ControlClient> self(this);
    while (m_socket && m_socket->bytesAvailable() > 0) {
        QLocalSocket *socket = m_socket;
        if (!m_framer.append(socket->read(LineFramer::kReadChunk))) {
            endConnection({ ConnectError::Kind::Protocol, m_endpoint, oversizedMessage() },
                          m_state == State::Connected);
            return;
        }
        while (std::optional<QByteArray> line = m_framer.takeMessage()) {
            handleMessage(*line);
            if (!self || m_socket != socket)
                return;  // a callback destroyed us or reconnected
        }
        if (m_framer.overflowed()) {
            endConnection({ ConnectError::Kind::Protocol, m_endpoint, oversizedMessage() },
                          m_state == State::Connected);
            return;
        }
    }
}

QString ControlClient::oversizedMessage() const
{
    //: %1 is the control socket's path (a pipe name on Windows), %2 a size in bytes.
    return tr("the service at %1 sent a message over the cap of %2 bytes")
        .arg(m_endpoint, QString::number(m_framer.maxMessageSize()));
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
        //: %1 is the control socket's path (a pipe name on Windows). The commands and --control stay as they are.
        return { ConnectError::Kind::NotRunning, where,
                 tr("the Gatehouse service is not running: %1 does not exist. Start the service (systemctl start "
                    "gatehoused, or run gatehoused), or pass --control with the path it uses")
                     .arg(where) };
    case QLocalSocket::ConnectionRefusedError:
        //: %1 is the control socket's path. The commands stay as they are.
        return { ConnectError::Kind::NotRunning, where,
                 tr("the Gatehouse service is not running: nothing answers on %1 (left over from a service that "
                    "stopped). Start the service (systemctl start gatehoused, or run gatehoused)")
                     .arg(where) };
    case QLocalSocket::SocketAccessError:
#ifdef Q_OS_WIN
        //: %1 is a named pipe.
        return { ConnectError::Kind::PermissionDenied, where,
                 tr("permission denied on the pipe %1: run this from an elevated (Administrator) prompt").arg(where) };
#else
        //: %1 is the control socket's path. The group name and the command stay as they are.
        return { ConnectError::Kind::PermissionDenied, where,
                 tr("permission denied on %1: join the 'gatehouse' group (sudo usermod -aG gatehouse $USER, then log "
                    "in again) or run as root")
                     .arg(where) };
#endif
    case QLocalSocket::SocketTimeoutError:
        //: %1 is the control socket's path (a pipe name on Windows).
        return { ConnectError::Kind::Timeout, where, tr("%1 did not accept the connection in time").arg(where) };
    default:
        break;
    }
    //: %1 is the control socket's path (a pipe name on Windows), %2 the system's reason.
    return { ConnectError::Kind::Other, where, tr("cannot connect to %1: %2").arg(where, m_socket->errorString()) };
}

}  // namespace gatehouse::control
