#include "proxy/ClientConnection.h"

#include "acme/AcmeServingLogging.h"
#include "acme/ChallengeRegistry.h"
#include "proxy/ClientHello.h"
#include "proxy/HttpConnection.h"
#include "proxy/ProxyProtocol.h"
#include "proxy/SocketOps.h"
#include "proxy/Stream.h"
#include "proxy/TcpTunnel.h"
#include "proxy/UpstreamConnector.h"
#include "routing/DomainPattern.h"

#include <QLoggingCategory>
#include <QTimerEvent>

namespace gatehouse::proxy {

Q_LOGGING_CATEGORY(lcConnection, "gatehouse.proxy.connection")
Q_LOGGING_CATEGORY(lcAccess, "gatehouse.access")

namespace {

// An HTTP/1.x request starts with a method token (upper-case letters) and a space.
enum class HttpGuess { Yes, No, NeedMore };
HttpGuess looksLikeHttp(const QByteArray &bytes)
{
    constexpr qsizetype kLongestMethod = 8;  // "OPTIONS " and custom methods this short
    for (qsizetype i = 0; i < bytes.size() && i <= kLongestMethod; ++i) {
        const char c = bytes[i];
        if (c == ' ')
            return i > 0 ? HttpGuess::Yes : HttpGuess::No;
        if (c < 'A' || c > 'Z')
            return HttpGuess::No;
    }
    return bytes.size() > kLongestMethod ? HttpGuess::No : HttpGuess::NeedMore;
}

}  // namespace

ClientConnection::ClientConnection(qintptr socket, const net::ListenerKey &listener, ProxySnapshot::Ptr snapshot,
                                   std::shared_ptr<const SnapshotSource> snapshots, Worker *worker,
                                   std::shared_ptr<const acme::ChallengeRegistry> challenges)
    : QObject(worker), m_socket(socket), m_listener(listener), m_snapshot(std::move(snapshot)),
      m_snapshots(std::move(snapshots)), m_challenges(std::move(challenges)), m_guard(worker)
{ }

ClientConnection::~ClientConnection()
{
    if (m_counted)
        m_runtime->close();
    if (m_counters)
        m_counters->closeConnection();
    if (m_endpoint && m_phase == Phase::Forwarding)
        m_endpoint->active.fetch_sub(1, std::memory_order_relaxed);
    if (m_socket >= 0)
        socketops::close(m_socket);
}

bool ClientConnection::sniffs() const
{
    return m_snapshot->needsSniffing(m_listener.port)
        || (m_challenges && m_challenges->answersHttp01On(m_listener.port));
}

void ClientConnection::start()
{
    m_age.start();
    // A proxy relays what it has at once; Nagle's algorithm would hold a response
    // head written apart from its body until the client's delayed ACK (~40 ms).
    socketops::setNoDelay(m_socket);
    const socketops::Endpoint peer = socketops::peerAddress(m_socket);
    m_clientAddress = peer.address;
    m_clientPort = peer.port;

    if (m_snapshot->acceptsProxyProtocolFrom(m_clientAddress))
        m_phase = Phase::ProxyHeader;
    else if (!sniffs())
        return selectRoute(QString(), false);

    m_readNotifier = new SocketNotifier(m_socket, QSocketNotifier::Read, this, this);
    m_readNotifier->setEnabled(true);
    m_firstBytesTimer.start(m_snapshot->timeouts().headerRead * 1000, this);
}

bool ClientConnection::readAvailable()
{
    char chunk[4096];
    while (m_buffer.size() < kSniffLimit) {
        const qint64 room = std::min<qint64>(sizeof(chunk), kSniffLimit - m_buffer.size());
        const socketops::IoResult result = socketops::receive(m_socket, chunk, room);
        switch (result.status) {
        case socketops::IoStatus::Done:
            m_buffer.append(chunk, result.bytes);
            if (result.bytes < room)
                return true;  // that was all there is: another read would say EAGAIN
            continue;
        case socketops::IoStatus::WouldBlock:
            return true;
        case socketops::IoStatus::Closed:
            finish(QStringLiteral("the client closed before choosing a route (%1 bytes)").arg(m_buffer.size()));
            return false;
        case socketops::IoStatus::Failed:
            finish(QStringLiteral("reading the first bytes failed: %1").arg(socketops::errorString(result.error)));
            return false;
        }
    }
    return true;
}

void ClientConnection::socketReady(QSocketNotifier::Type)
{
    if (readAvailable())
        process();
}

void ClientConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_firstBytesTimer.timerId())
        return QObject::timerEvent(event);
    m_firstBytesTimer.stop();
    onFirstBytesTimeout();
}

void ClientConnection::process()
{
    if (m_phase == Phase::ProxyHeader) {
        const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(m_buffer);
        if (parsed.status == ProxyProtocol::Parsed::Status::NeedMore)
            return;
        if (parsed.status == ProxyProtocol::Parsed::Status::Invalid)
            return finish(
                QStringLiteral("bad PROXY protocol header from %1: %2").arg(m_clientAddress.toString(), parsed.error));
        if (parsed.header.hasAddresses()) {
            m_clientAddress = parsed.header.sourceAddress;
            m_clientPort = parsed.header.sourcePort;
        }
        m_buffer.remove(0, parsed.consumed);
        m_phase = Phase::Sniffing;
        if (!sniffs())
            return selectRoute(QString(), false);
    }
    if (m_phase != Phase::Sniffing || m_buffer.isEmpty())
        return;

    if (ClientHello::looksLikeTls(m_buffer)) {
        const ClientHello hello = ClientHello::parse(m_buffer);
        switch (hello.status) {
        case ClientHello::Status::NeedMore:
            if (m_buffer.size() >= kSniffLimit)
                finish(QStringLiteral("TLS ClientHello larger than %1 bytes").arg(kSniffLimit));
            return;
        case ClientHello::Status::Complete:
            m_serverName = hello.serverName;
            m_offersAcmeTlsAlpn = hello.alpn.contains(acme::ChallengeRegistry::kAcmeTlsAlpnProtocol);
            if (m_offersAcmeTlsAlpn)
                return answerTlsAlpn01();
            return selectRoute(hello.serverName, true);
        case ClientHello::Status::Malformed:
            return finish(QStringLiteral("malformed TLS ClientHello: %1").arg(hello.error));
        case ClientHello::Status::TooLarge:
            return finish(QStringLiteral("TLS ClientHello too large"));
        case ClientHello::Status::NotTls:
            break;
        }
    }
    switch (looksLikeHttp(m_buffer)) {
    case HttpGuess::NeedMore:
        return;
    case HttpGuess::Yes:
        // Routed per request by Host and path; even without a route yet (it answers 404/421).
        stopSniffing();
        return startHttp(false);
    case HttpGuess::No:
        return selectRoute(QString(), false);
    }
}

void ClientConnection::onFirstBytesTimeout()
{
    if (m_phase == Phase::AcmeTlsAlpn)
        return finish(QStringLiteral("tls-alpn-01 handshake for %1 not completed within %2 s")
                          .arg(m_serverName)
                          .arg(m_snapshot->timeouts().headerRead));
    if (m_phase == Phase::ProxyHeader)
        return finish(QStringLiteral("no PROXY protocol header within %1 s").arg(m_snapshot->timeouts().headerRead));
    // Nothing recognisable in time: the port's route without domains may still take it.
    if (m_buffer.isEmpty() || looksLikeHttp(m_buffer) == HttpGuess::NeedMore)
        return selectRoute(QString(), false);
    finish(QStringLiteral("no complete first message within %1 s").arg(m_snapshot->timeouts().headerRead));
}

void ClientConnection::stopSniffing()
{
    m_firstBytesTimer.stop();
}

std::unique_ptr<Stream> ClientConnection::makeClientStream()
{
    auto stream = std::make_unique<Stream>(std::exchange(m_socket, -1), std::exchange(m_readNotifier, nullptr));
    stream->setInitialBytes(m_buffer);
    m_buffer.clear();
    return stream;
}

void ClientConnection::selectRoute(const QString &host, bool tls)
{
    stopSniffing();
    routing::RouteQuery query;
    query.port = m_listener.port;
    const QString normalized = routing::DomainPattern::normalizeHost(host);
    query.host = normalized;
    query.client = routing::ClientAddress(m_clientAddress);
    query.httpLater = tls;
    m_routeIndex = m_snapshot->routes().selectIndex(query);
    if (m_routeIndex < 0 && m_offersAcmeTlsAlpn)
        return refuseTlsAlpn01(QStringLiteral("no route for %1 on port %2").arg(host).arg(m_listener.port));
    if (m_routeIndex < 0)
        return finish(host.isEmpty() ? QStringLiteral("no route for port %1").arg(m_listener.port)
                                     : QStringLiteral("no route for %1 on port %2").arg(host).arg(m_listener.port));
    m_runtime = &m_snapshot->runtime(m_routeIndex);
    const config::Route &route = m_runtime->route();
    if (!m_runtime->admits(m_clientAddress))
        return finish(QStringLiteral("route '%1' does not admit %2").arg(route.name, m_clientAddress.toString()));
    if (!m_runtime->tryOpen())
        return finish(QStringLiteral("route '%1' is at its limit of %2 connections")
                          .arg(route.name)
                          .arg(route.security.maxConnections));
    m_counted = true;

    const config::TlsMode mode = route.action.tls.mode;
    const bool answersHttp = route.action.type != config::ActionType::Forward;
    if (tls && (answersHttp || (mode != config::TlsMode::Passthrough && mode != config::TlsMode::None))) {
        // Our own certificate would answer: never for acme-tls/1 (RFC 8737 section 4).
        if (m_offersAcmeTlsAlpn)
            return refuseTlsAlpn01(QStringLiteral("route '%1' terminates TLS here").arg(route.name));
        // HTTP inside: routes are chosen per request, and counted there.
        m_runtime->close();
        m_counted = false;
        return startHttp(true);
    }
    if (answersHttp)
        return finish(QStringLiteral("route '%1' answers HTTP, but the client did not speak it").arg(route.name));
    m_counters = m_runtime->sharedCounters();
    m_counters->openConnection();
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);  // the client waits while a target is found

    // Each target once, at most three: a retry goes to the next healthy one.
    m_attemptsLeft = std::min(3, m_runtime->endpointCount());
    connectUpstream();
}

void ClientConnection::connectUpstream()
{
    m_phase = Phase::Connecting;
    m_endpoint = m_runtime->pick(m_clientAddress);
    if (!m_endpoint)
        return finish(QStringLiteral("route '%1' has no targets").arg(m_runtime->route().name));
    --m_attemptsLeft;
    if (!m_connector) {
        m_connector = new UpstreamConnector(this);
        connect(m_connector, &UpstreamConnector::connected, this, &ClientConnection::onUpstreamConnected);
        connect(m_connector, &UpstreamConnector::failed, this, &ClientConnection::onUpstreamFailed);
    }
    m_connector->connectToHost(m_endpoint->host, m_endpoint->port,
                               std::chrono::seconds(m_snapshot->timeouts().connect));
}

void ClientConnection::onUpstreamFailed(const ConnectError &error)
{
    m_runtime->reportFailure(*m_endpoint);
    qCWarning(lcConnection).noquote() << "route" << m_runtime->route().name << "target" << m_endpoint->host
                                      << m_endpoint->port << "failed:" << error.message;
    if (m_attemptsLeft > 0)
        return connectUpstream();
    finish(QStringLiteral("no target of route '%1' could be reached: %2").arg(m_runtime->route().name, error.message));
}

void ClientConnection::onUpstreamConnected(qintptr socket, const QHostAddress &)
{
    m_runtime->reportSuccess(*m_endpoint);
    m_endpoint->active.fetch_add(1, std::memory_order_relaxed);
    m_phase = Phase::Forwarding;

    std::unique_ptr<Stream> client = makeClientStream();
    auto upstream = std::make_unique<Stream>(socket);
    upstream->write(proxyHeaderFor(m_runtime->route().action.sendProxyProtocol, m_clientAddress, m_clientPort,
                                   client->socketDescriptor()));
    TunnelOptions options;
    options.idleTimeout = std::chrono::seconds(m_snapshot->timeouts().idle);
    m_tunnel = new TcpTunnel(std::move(client), std::move(upstream), options, this);
    connect(m_tunnel, &TcpTunnel::finished, this, &ClientConnection::onTunnelFinished);
    m_tunnel->start();
}

void ClientConnection::onTunnelFinished(const TunnelResult &result)
{
    qCInfo(lcAccess).noquote() << QStringLiteral(
                                      "route=%1 client=%2:%3 sni=%4 target=%5:%6 up=%7 down=%8 ms=%9 end=%10")
                                      .arg(m_runtime->route().name, m_clientAddress.toString())
                                      .arg(m_clientPort)
                                      .arg(m_serverName.isEmpty() ? QStringLiteral("-") : m_serverName,
                                           m_endpoint->host)
                                      .arg(m_endpoint->port)
                                      .arg(result.clientToUpstream)
                                      .arg(result.upstreamToClient)
                                      .arg(result.durationMs)
                                      .arg(result.reason.isEmpty() ? QStringLiteral("closed") : result.reason);
    m_counters->countBytes(result.clientToUpstream, result.upstreamToClient);
    deleteLater();
}

void ClientConnection::startHttp(bool tls)
{
    if (tls && !m_snapshot->tls())
        return finish(
            QStringLiteral("TLS termination wanted for '%1', but no certificate is loaded").arg(m_serverName));
    std::unique_ptr<Stream> client = makeClientStream();
    if (tls && !client->enableServerTls(m_snapshot->tls()))
        return finish(QStringLiteral("TLS termination could not be set up for '%1'").arg(m_serverName));
    ConnectionInfo info;
    info.listener = m_listener;
    info.clientAddress = m_clientAddress;
    info.clientPort = m_clientPort;
    info.tls = tls;
    info.serverName = m_serverName;
    m_phase = Phase::Http;
    auto *http = new HttpConnection(std::move(client), info, m_snapshots, m_snapshot, m_challenges, this);
    connect(http, &HttpConnection::finished, this, &QObject::deleteLater);
    http->start();
}

void ClientConnection::answerTlsAlpn01()
{
    stopSniffing();
    const proxy::TlsContextStore::Ptr store = m_challenges ? m_challenges->tlsAlpn01(m_serverName) : nullptr;
    // Nothing pending here: a passthrough route's backend may run its own
    // validation, so routing goes on; anything we would terminate is refused there.
    if (!store)
        return selectRoute(m_serverName, true);

    m_phase = Phase::AcmeTlsAlpn;
    m_challengeStream = makeClientStream();
    if (!m_challengeStream->enableServerTls(store))
        return finish(QStringLiteral("the tls-alpn-01 handshake for %1 could not be set up").arg(m_serverName));
    m_challengeStream->setListener(this);
    m_firstBytesTimer.start(m_snapshot->timeouts().headerRead * 1000, this);
    m_challengeStream->start();
}

void ClientConnection::refuseTlsAlpn01(const QString &why)
{
    // A TLS 1.2-framed fatal handshake_failure alert, which every TLS version understands before a ServerHello.
    static constexpr char kHandshakeFailure[] = { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28 };
    if (m_socket >= 0)
        socketops::send(m_socket, kHandshakeFailure, sizeof kHandshakeFailure);
    qCInfo(acme::lcAcmeServing).noquote() << "acme-tls/1 from" << m_clientAddress.toString() << "for"
                                          << (m_serverName.isEmpty() ? QStringLiteral("(no SNI)") : m_serverName)
                                          << "refused: no tls-alpn-01 challenge is pending for it";
    finish(QStringLiteral("acme-tls/1 for %1 without a pending challenge (%2)").arg(m_serverName, why));
}

void ClientConnection::streamData(Stream &, QByteArrayView)
{
    // Nothing is expected after the handshake; the connection closes.
}

void ClientConnection::streamSecured(Stream &stream)
{
    qCInfo(acme::lcAcmeServing).noquote()
        << "tls-alpn-01 challenge certificate for" << m_serverName << "served to" << m_clientAddress.toString();
    stream.shutdownWrite();
}

void ClientConnection::streamWriteShut(Stream &)
{
    finish(QStringLiteral("tls-alpn-01 challenge for %1 answered").arg(m_serverName));
}

void ClientConnection::streamEof(Stream &stream)
{
    finish(stream.isSecured()
               ? QStringLiteral("tls-alpn-01 challenge for %1 answered").arg(m_serverName)
               : QStringLiteral("the client closed during the tls-alpn-01 handshake for %1").arg(m_serverName));
}

void ClientConnection::streamError(Stream &, const StreamError &error)
{
    finish(QStringLiteral("tls-alpn-01 handshake for %1: %2").arg(m_serverName, error.message));
}

void ClientConnection::finish(const QString &why)
{
    qCInfo(lcConnection).noquote() << m_clientAddress.toString() << "on port" << m_listener.port << "closed:" << why;
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);  // before the socket goes
    if (m_socket >= 0) {
        socketops::close(m_socket);
        m_socket = -1;
    }
    if (m_challengeStream) {
        m_challengeStream->setListener(nullptr);
        m_challengeStream->close();
    }
    m_firstBytesTimer.stop();
    deleteLater();
}

}  // namespace gatehouse::proxy
