#include "ServiceConnection.h"

#include "control/ErrorCodes.h"

#include <QFileInfo>

namespace gatehouse::gui {

namespace {

constexpr auto kGroup = "gatehouse";

}  // namespace

ServiceConnection::ServiceConnection(QString endpoint, bool explicitEndpoint, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_explicitEndpoint(explicitEndpoint)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ServiceConnection::connectNow);
    connect(&m_client, &control::ControlClient::connected, this, &ServiceConnection::onConnected);
    connect(&m_client, &control::ControlClient::connectFailed, this, &ServiceConnection::onFailed);
    connect(&m_client, &control::ControlClient::disconnected, this, &ServiceConnection::onFailed);
    connect(&m_client, &control::ControlClient::eventReceived, this, &ServiceConnection::eventReceived);
}

void ServiceConnection::start()
{
    m_delay = m_initialDelay;
    connectNow();
}

void ServiceConnection::reconnectNow()
{
    m_retry.stop();
    start();
}

void ServiceConnection::setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum)
{
    m_initialDelay = initial;
    m_maximumDelay = maximum;
    m_delay = initial;
}

QString ServiceConnection::startCommand() const
{
#ifdef Q_OS_WIN
    return QStringLiteral("sc start gatehouse");
#else
    if (m_explicitEndpoint)
        return QStringLiteral("gatehoused --control %1").arg(m_endpoint);
    if (m_endpoint.startsWith(QStringLiteral("/run/")))
        return QStringLiteral("sudo systemctl start gatehoused");
    return QStringLiteral("gatehoused");
#endif
}

void ServiceConnection::connectNow()
{
    // While down, the last failure (with its advice) stays on show during retries.
    if (m_state == State::Connecting)
        setState(State::Connecting, tr("Connecting to the Gatehouse service at %1…").arg(m_endpoint));
    m_client.connectToServer(m_endpoint);
}

void ServiceConnection::onConnected()
{
    m_client.subscribeEvents(this, [this](const control::ControlClient::Reply &reply) {
        if (!reply.ok())
            return;  // the connection ended meanwhile; onFailed() has it
        m_delay = m_initialDelay;
        setState(State::Connected, tr("Connected to the Gatehouse service at %1.").arg(m_endpoint));
        Q_EMIT connected();
    });
}

void ServiceConnection::onFailed(const control::ConnectError &error)
{
    using Kind = control::ConnectError::Kind;
    const qint64 seconds = std::max<qint64>(1, (m_delay.count() + 999) / 1000);
    const QString retry = seconds == 1 ? tr("Retrying in 1 second.") : tr("Retrying in %1 seconds.").arg(seconds);
    if (error.kind == Kind::PermissionDenied || error.kind == Kind::AccessRefused) {
#ifdef Q_OS_WIN
        const QString advice = tr("Only Administrators and SYSTEM may manage Gatehouse: run the GUI as administrator.");
#else
        const QString group = QString::fromLatin1(kGroup);
        const QString advice = tr("Only root, the service's own user and members of the '%1' group may manage "
                                  "Gatehouse: join the group (sudo usermod -aG %1 $USER), then log out and in again.")
                                   .arg(group);
#endif
        setState(State::Denied, tr("Not connected: permission denied on %1. %2 %3").arg(m_endpoint, advice, retry));
    } else {
        QString reason;
        switch (error.kind) {
        case Kind::NotRunning:
            reason = QFileInfo::exists(m_endpoint)
                ? tr("the Gatehouse service is not running (nothing listens on %1)").arg(m_endpoint)
                : tr("the Gatehouse service is not running (%1 does not exist)").arg(m_endpoint);
            break;
        case Kind::Timeout:
            reason = tr("the service at %1 did not answer in time").arg(m_endpoint);
            break;
        case Kind::ConnectionLost:
            reason = tr("the connection to %1 was lost").arg(m_endpoint);
            break;
        default:
            reason = error.message;
            break;
        }
        setState(State::Unreachable, tr("Not connected: %1. Start it with: %2. %3").arg(reason, startCommand(), retry));
    }
    m_retry.start(m_delay);
    m_delay = std::min(m_delay * 2, m_maximumDelay);
}

void ServiceConnection::setState(State state, const QString &message)
{
    const bool changed = state != m_state || message != m_message;
    m_state = state;
    m_message = message;
    if (changed)
        Q_EMIT stateChanged(state);
}

}  // namespace gatehouse::gui
