#include "control/ControlConnection.h"

#include "control/ControlLogging.h"
#include "control/Message.h"

#include <QLocalSocket>

namespace gatehouse::control {

namespace {

// How many messages one client gets handled per turn of the event loop; the
// rest waits for the next turn, so a client flooding requests (or garbage)
// cannot hold the main thread while others wait to be heard.
constexpr int kMessagesPerTurn = 16;

}  // namespace

ControlConnection::ControlConnection(QLocalSocket *socket, const ClientIdentity &identity, qint64 maxMessageSize,
                                     qint64 maxPendingOutput, QObject *parent)
    : QObject(parent), m_socket(socket), m_identity(identity), m_framer(maxMessageSize),
      m_maxPendingOutput(maxPendingOutput)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(LineFramer::kReadChunk);
    connect(m_socket, &QLocalSocket::disconnected, this, &ControlConnection::onDisconnected);
}

ControlConnection::~ControlConnection() = default;

qint64 ControlConnection::pendingOutput() const
{
    return m_socket->bytesToWrite();
}

void ControlConnection::start()
{
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlConnection::onReadyRead);
    if (m_socket->state() != QLocalSocket::ConnectedState) {
        onDisconnected();
        return;
    }
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

bool ControlConnection::send(const QByteArray &message, const char *what)
{
    if (m_closing)
        return false;
    // One message may go over the cap (a large config); a backlog may not.
    const qint64 pending = m_socket->bytesToWrite();
    if (pending > m_maxPendingOutput) {
        qCWarning(lcControl).nospace() << "control client " << m_identity.toString() << " is not reading: " << pending
                                       << " bytes already wait for it (cap " << m_maxPendingOutput
                                       << "); dropping it instead of queueing this " << what;
        abort();
        return false;
    }
    m_socket->write(message);
    return true;
}

void ControlConnection::refuse(const RpcError &error)
{
    m_closing = true;
    m_socket->write(Message::errorResponse(QJsonValue::Null, error));
    // Flushes the error first, then closes.
    m_socket->disconnectFromServer();
    if (m_socket->state() == QLocalSocket::UnconnectedState)
        onDisconnected();
}

void ControlConnection::abort()
{
    m_closing = true;
    m_socket->abort();
    onDisconnected();
}

void ControlConnection::onReadyRead()
{
    int budget = kMessagesPerTurn;
    while (!m_closing) {
        while (!m_closing && budget > 0) {
            std::optional<QByteArray> message = m_framer.takeMessage();
            if (!message)
                break;
            --budget;
            Q_EMIT messageReceived(*message);
        }
        if (m_closing)
            return;
        if (budget == 0) {
            // More may be framed or waiting: the next turn, after the others.
            if (!m_moreScheduled) {
                m_moreScheduled = true;
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_moreScheduled = false;
                        onReadyRead();
                    },
                    Qt::QueuedConnection);
            }
            return;
        }
        if (m_framer.overflowed()) {
            qCWarning(lcControl).nospace()
                << "control client " << m_identity.toString() << " sent a message longer than the cap of "
                << m_framer.maxMessageSize() << " bytes: disconnecting it";
            abort();
            return;
        }
        if (m_socket->bytesAvailable() <= 0)
            return;
        if (!m_framer.append(m_socket->read(LineFramer::kReadChunk))) {
            qCWarning(lcControl).nospace()
                << "control client " << m_identity.toString() << " sent a message longer than the cap of "
                << m_framer.maxMessageSize() << " bytes (or no newline): disconnecting it";
            abort();
            return;
        }
    }
}

void ControlConnection::onDisconnected()
{
    m_closing = true;
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    qCDebug(lcControl).noquote() << "control client" << m_identity.toString() << "disconnected";
    Q_EMIT closed();
    deleteLater();
}

}  // namespace gatehouse::control
