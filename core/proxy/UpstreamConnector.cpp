#include "proxy/UpstreamConnector.h"

#include "proxy/DnsCache.h"
#include "proxy/SocketOps.h"
#include "proxy/StreamLogging.h"

#include <QHostInfo>
#include <QSocketNotifier>

namespace gatehouse::proxy {

UpstreamConnector::UpstreamConnector(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamConnector::onTimeout);
}

UpstreamConnector::~UpstreamConnector()
{
    abort();
}

void UpstreamConnector::connectToHost(const QString &host, quint16 port, std::chrono::milliseconds timeout)
{
    abort();
    ++m_generation;
    m_active = true;
    m_host = host;
    m_port = port;
    m_addresses.clear();
    m_next = 0;
    m_lastError = 0;
    m_timer.start(timeout);

    if (const QHostAddress literal(host); !literal.isNull()) {
        m_addresses = { literal };
        startLater();
        return;
    }
    if (auto cached = DnsCache::instance().find(host.toLower())) {
        m_addresses = *cached;
        startLater();
        return;
    }
    m_lookupId = QHostInfo::lookupHost(host, this, &UpstreamConnector::onLookup);
}

void UpstreamConnector::startLater()
{
    // Report from the event loop even when the connect fails at once; a later
    // attempt on this connector must not run this one's addresses.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation)
                tryNext();
        },
        Qt::QueuedConnection);
}

void UpstreamConnector::onLookup(const QHostInfo &info)
{
    m_lookupId = -1;
    if (!m_active)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        finishWithError(ConnectError::Kind::Dns,
                        QStringLiteral("cannot resolve %1: %2").arg(m_host, info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    DnsCache::instance().insert(m_host.toLower(), m_addresses);
    tryNext();
}

void UpstreamConnector::tryNext()
{
    if (!m_active)
        return;
    while (m_next < m_addresses.size()) {
        m_current = m_addresses.at(m_next++);
        auto started = socketops::startConnect(m_current, m_port);
        if (!started) {
            m_lastError = started.error();
            qCDebug(lcStream) << "connect to" << m_current << m_port
                              << "failed at once:" << socketops::errorString(m_lastError);
            continue;
        }
        m_socket = started.value();
        m_notifier = new QSocketNotifier(m_socket, QSocketNotifier::Write, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &UpstreamConnector::onWritable);
        return;
    }
    ConnectError::Kind kind = ConnectError::Kind::Other;
    switch (socketops::classifyConnectError(m_lastError)) {
    case socketops::ConnectErrorClass::Refused:
        kind = ConnectError::Kind::Refused;
        break;
    case socketops::ConnectErrorClass::TimedOut:
        kind = ConnectError::Kind::Timeout;
        break;
    case socketops::ConnectErrorClass::Unreachable:
        kind = ConnectError::Kind::Unreachable;
        break;
    case socketops::ConnectErrorClass::Other:
        break;
    }
    finishWithError(kind,
                    QStringLiteral("cannot connect to %1 port %2: %3")
                        .arg(m_host)
                        .arg(m_port)
                        .arg(socketops::errorString(m_lastError)));
}

void UpstreamConnector::onWritable()
{
    const int error = socketops::pendingError(m_socket);
    if (error != 0) {
        m_lastError = error;
        qCDebug(lcStream) << "connect to" << m_current << m_port << "failed:" << socketops::errorString(error);
        dropSocket();
        tryNext();
        return;
    }
    const qintptr socket = m_socket;
    const QHostAddress address = m_current;
    m_socket = -1;  // handed out
    dropSocket();
    m_timer.stop();
    m_active = false;
    Q_EMIT connected(socket, address);
}

void UpstreamConnector::onTimeout()
{
    if (!m_active)
        return;
    const bool resolving = m_lookupId >= 0;
    finishWithError(ConnectError::Kind::Timeout,
                    resolving ? QStringLiteral("resolving %1 timed out").arg(m_host)
                              : QStringLiteral("connecting to %1 port %2 timed out").arg(m_host).arg(m_port));
}

void UpstreamConnector::finishWithError(ConnectError::Kind kind, const QString &message)
{
    abort();
    Q_EMIT failed(ConnectError { kind, message });
}

void UpstreamConnector::abort()
{
    m_active = false;
    m_timer.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    dropSocket();
}

void UpstreamConnector::dropSocket()
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();  // may be inside its own activated()
        m_notifier = nullptr;
    }
    if (m_socket >= 0) {
        socketops::close(m_socket);
        m_socket = -1;
    }
}

}  // namespace gatehouse::proxy
