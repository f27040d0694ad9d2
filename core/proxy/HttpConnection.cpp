#include "proxy/HttpConnection.h"

#include "acme/AcmeServingLogging.h"
#include "acme/ChallengeRegistry.h"
#include "proxy/HttpChunkedEncoder.h"
#include "proxy/HttpHeadRewriter.h"
#include "proxy/HttpRequestParser.h"
#include "proxy/HttpResponseParser.h"
#include "proxy/HttpResponses.h"
#include "proxy/Metrics.h"
#include "proxy/ProxyProtocol.h"
#include "proxy/SocketOps.h"
#include "proxy/TcpTunnel.h"
#include "proxy/TlsClientContext.h"
#include "proxy/UpstreamConnector.h"
#include "proxy/UpstreamPool.h"
#include "routing/ClientAddress.h"
#include "routing/DomainPattern.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <map>
#include <utility>

namespace gatehouse::proxy {

Q_LOGGING_CATEGORY(lcHttp, "gatehouse.proxy.http")
Q_DECLARE_LOGGING_CATEGORY(lcAccess)  // defined with ClientConnection

namespace {

// Unparsed client input kept while a request waits (for its upstream, or for
// the response before a pipelined request): reading stops above this.
constexpr qsizetype kClientBufferLimit = 64 * 1024;
// After an error answer the connection lingers this long, reading and
// discarding, so closing with unread input does not reset away the answer.
constexpr std::chrono::seconds kLinger { 2 };
// A target may answer before the request body is all in (413, a redirect, an
// error). What is left of the body is then read and dropped to keep the client's
// connection when it is known to be at most this; otherwise the answer says
// Connection: close and the connection closes after it.
constexpr quint64 kMaxDrainedBody = 1024 * 1024;

std::atomic<qint64> g_peakBuffered { 0 };

// Latin-1 bytes into `out`, reusing its capacity.
void assignLatin1(QString &out, QByteArrayView bytes)
{
    out.resize(bytes.size());
    QChar *data = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        data[i] = QLatin1Char(bytes[i]);
}

// UTF-8 bytes into `out`, reusing its capacity when they are all ASCII.
void assignUtf8(QString &out, QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80) {
            out = QString::fromUtf8(bytes);
            return;
        }
    }
    assignLatin1(out, bytes);
}

// Client TLS contexts by target settings, per worker thread (loading roots costs milliseconds).
Result<TlsClientContext::Ptr, TlsError> tlsContextFor(const config::TargetTls &tls)
{
    thread_local std::map<QString, TlsClientContext::Ptr> cache;
    const QString key = (tls.verify ? QStringLiteral("v:") : QStringLiteral("n:")) + tls.caBundle;
    const auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    TlsClientOptions options;
    options.verify = tls.verify;
    options.caFile = tls.caBundle;
    options.alpn = { QByteArrayLiteral("http/1.1") };
    auto created = TlsClientContext::create(options);
    if (created)
        cache.emplace(key, *created);
    return created;
}

}  // namespace

struct HttpConnection::Private
{
    enum class Phase {
        ReadingHead,  // waiting for (the rest of) a request head
        Connecting,  // a forward request waits for its upstream connection
        Forwarding,  // request body up, response down
        Answered,  // answered by the proxy itself; the request body is read and dropped
        Tunnel,  // after a 101: a TcpTunnel owns both streams
        Closing,  // answered and closing: lingering, input dropped
        Done,
    };
    enum class TimerKind { None, Idle, HeaderRead, Response, Activity, Linger };
    using Clock = std::chrono::steady_clock;

    HttpConnection *q;
    std::unique_ptr<Stream> client;
    ConnectionInfo info;
    // Derived from info.clientAddress once per connection: route queries, the
    // allow and block lists, X-Forwarded-For and Forwarded.
    routing::ClientAddress clientAddress;
    QByteArray forwardedFor;  // HttpHeadRewriter::addressText(); null until the first forward
    QByteArray forwardedNode;  // HttpHeadRewriter::forwardedNode()
    std::shared_ptr<const SnapshotSource> snapshots;
    std::shared_ptr<const acme::ChallengeRegistry> challenges;
    ProxySnapshot::Ptr firstSnapshot;  // for the first request only
    ProxySnapshot::Ptr snapshot;  // the current request's; keeps its route state alive

    HttpRequestParser parser;
    QByteArray clientIn;
    qsizetype clientInParsed = 0;  // the bytes of clientIn parsed by the running pumpClient()
    Phase phase = Phase::ReadingHead;
    // One timeout at a time, of kind timerKind, due at deadline. Requests move
    // the deadline many times a second, so `timer` is not restarted for each:
    // it stays due at timerDue and, when it fires before the deadline, is
    // started again for the rest. Only a deadline earlier than timerDue restarts it.
    QTimer timer;
    TimerKind timerKind = TimerKind::None;
    Clock::time_point deadline;
    Clock::time_point timerDue;
    bool pumping = false;
    bool clientEof = false;
    bool *destroyed = nullptr;  // set to true by the destructor (see streamData)

    // The route this connection counts for in the metrics: that of its latest
    // routed request. Shared, so it outlives the snapshot that named it.
    std::shared_ptr<RouteCounters> connectionCounters;

    // The current request.
    RouteRuntime *runtime = nullptr;
    bool accounted = false;  // counted in the route's metrics
    QString routeName;
    bool counted = false;  // holds one of the route's maxConnections
    UpstreamEndpoint *endpoint = nullptr;
    bool endpointActive = false;
    int attemptsLeft = 0;
    QByteArray method;
    QByteArray target;
    // The route query's host and path, reused from request to request.
    QString queryHostLatin1;
    QString queryHost;
    QString queryPath;
    QByteArray headBytes;  // the rewritten head, sent to each upstream attempt
    HttpBodyFraming requestFraming = HttpBodyFraming::None;
    int clientMinor = 1;
    bool requestKeepAlive = true;
    bool requestUpgrade = false;
    bool requestComplete = false;
    bool closeAfterResponse = false;
    int status = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 requestBodyBytes = 0;  // of the request body, as framed (decoded for chunked)
    QElapsedTimer requestClock;

    // Its upstream.
    std::unique_ptr<Stream> upstream;
    QString upstreamKey;
    bool upstreamPoolable = false;
    bool upstreamReused = false;
    bool retriedStale = false;
    UpstreamConnector *connector = nullptr;
    std::unique_ptr<HttpResponseParser> response;
    std::unique_ptr<HttpResponseParser> spareResponse;  // the previous request's, reused
    QByteArray responseHeadBytes;  // the rewritten response head, reused
    QByteArray upstreamIn;
    bool responseStarted = false;  // a final response head arrived
    bool responseHeadSent = false;
    bool interim = false;  // inside a 1xx response
    bool switching = false;  // inside a 101 response: a tunnel follows
    HttpHeadRewriter::ResponsePlan plan;
    TcpTunnel *tunnel = nullptr;

    explicit Private(HttpConnection *owner) : q(owner) { }

    // Client side.
    void onClientData(QByteArrayView data);
    void onClientEof();
    void pumpClient();
    void updateClientReading();
    void onRequestHead(qsizetype headSize);
    void onRequestBody(QByteArrayView body);
    void onRequestComplete();
    // ACME http-01 on the challenge port, before any route; false when not a challenge request.
    bool answerHttp01(const HttpRequestHead &head);
    void answerMetrics(const HttpRequestHead &head);
    void answer(const QByteArray &bytes, int answerStatus);
    void answerError(int errorStatus);
    void failRequest(int errorStatus, const QString &why);
    void finishRequest();
    void releaseRequest();
    void beginClose();
    void finish(const QString &why);

    // Upstream side.
    void startForward();
    void acquireUpstream(bool allowPooled);
    void onConnected(qintptr socket);
    void onConnectFailed(const ConnectError &error);
    void reportFailure();  // passive health, logged when it takes the endpoint out
    void attachUpstream(std::unique_ptr<Stream> stream, bool reused);
    void dropUpstream();
    void onUpstreamData(QByteArrayView data);
    void onUpstreamEof();
    void onUpstreamError(const StreamError &error);
    void pumpUpstream();
    void onResponseHead();
    void onResponseBody(QByteArrayView body);
    void onResponseComplete();
    void startTunnel(QByteArrayView upstreamRest);

    // Timers and accounting.
    void arm(TimerKind kind);
    void setDeadline(std::chrono::milliseconds timeout);
    void disarm();  // no timeout until the next arm()
    void onTimeout();
    void notePeak();
    // The access log line, and the request in its route's metrics.
    void logAccess(const QString &note = QString());
    void account();
    void countConnectionFor(RouteRuntime &route);
    void releaseConnection();
};

// ---- client side --------------------------------------------------------------

void HttpConnection::Private::onClientData(QByteArrayView data)
{
    if (phase == Phase::Closing || phase == Phase::Done)
        return;  // lingering: input is dropped
    clientIn.append(data);
    notePeak();
    if (timerKind == TimerKind::Activity)
        arm(TimerKind::Activity);
    pumpClient();
}

void HttpConnection::Private::onClientEof()
{
    clientEof = true;
    if (phase == Phase::Closing || phase == Phase::Done)
        return finish(QString());
    if (phase == Phase::ReadingHead)
        return finish(parser.isIdle() && clientIn.isEmpty() ? QString() : QStringLiteral("client closed mid-request"));
    if (!requestComplete)
        return finish(QStringLiteral("client closed before its request was complete"));
    closeAfterResponse = true;  // answer what was asked, then close
}

void HttpConnection::Private::pumpClient()
{
    if (pumping || !client)
        return;
    pumping = true;
    qsizetype &offset = clientInParsed;
    offset = 0;
    for (;;) {
        if (phase == Phase::Connecting || phase == Phase::Tunnel || phase == Phase::Closing || phase == Phase::Done)
            break;
        if ((phase == Phase::Forwarding || phase == Phase::Answered) && requestComplete)
            break;  // the next request waits until this one is answered
        if (phase == Phase::Forwarding && upstream && upstream->isOverHighWaterMark())
            break;  // resumed by streamDrained
        const QByteArrayView input = QByteArrayView(clientIn).sliced(offset);
        const HttpParseStep step = parser.parse(input);
        offset += step.consumed;
        bool stop = false;
        switch (step.event) {
        case HttpParseStep::Event::NeedMore:
            stop = true;
            break;
        case HttpParseStep::Event::Head:
            onRequestHead(step.consumed);
            break;
        case HttpParseStep::Event::Body:
            onRequestBody(step.body);
            break;
        case HttpParseStep::Event::MessageComplete:
            onRequestComplete();
            break;
        case HttpParseStep::Event::Upgrade:
            stop = true;  // the rest are tunnel bytes; they wait for the 101
            break;
        case HttpParseStep::Event::Error:
            if (method.isEmpty())
                method = "-";
            qCInfo(lcHttp).noquote() << info.clientAddress.toString() << "sent a bad request:" << parser.error().reason;
            answerError(parser.error().status);
            stop = true;
            break;
        }
        if (stop)
            break;
    }
    if (phase != Phase::Closing && phase != Phase::Done && phase != Phase::Tunnel)
        clientIn.remove(0, offset);
    offset = 0;
    pumping = false;

    if (phase == Phase::ReadingHead) {
        // Slowloris: once a head has started it must complete within headerRead.
        if (!parser.isIdle() || !clientIn.isEmpty()) {
            if (timerKind != TimerKind::HeaderRead)
                arm(TimerKind::HeaderRead);
        } else if (timerKind != TimerKind::Idle) {
            arm(TimerKind::Idle);
        }
    }
    updateClientReading();
    notePeak();
}

void HttpConnection::Private::updateClientReading()
{
    if (!client || phase == Phase::Tunnel || phase == Phase::Done)
        return;
    const bool blocked = phase != Phase::Closing
        && (clientIn.size() >= kClientBufferLimit
            || (phase == Phase::Forwarding && !requestComplete && upstream && upstream->isOverHighWaterMark()));
    if (blocked)
        client->pauseReading();
    else
        client->resumeReading();
}

void HttpConnection::Private::onRequestHead(qsizetype headSize)
{
    requestClock.start();
    disarm();
    snapshot = firstSnapshot ? std::move(firstSnapshot) : (snapshots ? snapshots->current() : snapshot);
    firstSnapshot.reset();

    HttpRequestHead &head = parser.head();
    method = head.method;
    target = head.target;
    requestFraming = head.framing;
    clientMinor = head.versionMinor;
    requestKeepAlive = head.keepAlive;
    requestUpgrade = head.isUpgrade;
    requestComplete = false;
    closeAfterResponse = clientEof;
    status = 0;
    bytesIn = quint64(headSize);
    bytesOut = 0;
    requestBodyBytes = 0;
    routeName.clear();
    runtime = nullptr;
    accounted = false;
    endpoint = nullptr;

    if (challenges && answerHttp01(head))
        return;

    assignLatin1(queryHostLatin1, head.host);
    routing::DomainPattern::normalizeHost(queryHostLatin1, queryHost);
    if (info.tls && !info.serverName.isEmpty() && queryHost != routing::DomainPattern::normalizeHost(info.serverName)) {
        // The certificate was chosen for another name (RFC 9110 section 15.5.20).
        return answerError(421);
    }
    if (head.isConnect)
        return answerError(405);
    assignUtf8(queryPath, head.path());
    routing::HeaderList headers;
    if (snapshot && snapshot->routes().matchesHeaders()) {
        // Views of the parsed head, which outlives the lookup.
        headers.reserve(head.headers.size());
        for (qsizetype i = 0; i < head.headers.size(); ++i) {
            const QByteArrayView name = head.headers.nameAt(i);
            const QByteArrayView value = head.headers.valueAt(i);
            headers.append({ QByteArray::fromRawData(name.data(), name.size()),
                             QByteArray::fromRawData(value.data(), value.size()) });
        }
    }
    routing::RouteQuery query;
    query.port = info.listener.port;
    query.host = queryHost;
    query.path = queryPath;
    query.client = clientAddress;
    query.headers = &headers;
    const int index = snapshot ? snapshot->routes().selectIndex(query) : -1;
    if (index < 0)
        return answerError(404);
    runtime = &snapshot->runtime(index);
    countConnectionFor(*runtime);
    const config::Route &route = runtime->route();
    routeName = route.name;
    const config::TlsMode mode = route.action.tls.mode;
    if (route.action.type == config::ActionType::Forward) {
        const bool terminates = mode == config::TlsMode::Terminate || mode == config::TlsMode::TerminateAndReencrypt;
        if (info.tls != terminates)
            return answerError(421);  // a plain route asked over TLS, or a TLS route over plain HTTP
    }
    if (!runtime->admits(clientAddress))
        return answerError(403);
    if (!runtime->tryOpen())
        return answerError(503);
    counted = true;

    HttpResponses::Options options;
    options.omitBody = head.isHead();
    options.close = !requestKeepAlive || closeAfterResponse;
    switch (route.action.type) {
    case config::ActionType::Respond:
        return answer(HttpResponses::respond(route.action.respond, options), route.action.respond.status);
    case config::ActionType::Redirect: {
        HttpResponses::RedirectContext context;
        context.host = head.host;
        context.path = head.path();
        context.query = head.query();
        context.port = info.listener.port;
        return answer(HttpResponses::redirect(route.action.redirect, context, options), route.action.redirect.status);
    }
    case config::ActionType::Metrics:
        return answerMetrics(head);
    case config::ActionType::Forward:
        return startForward();
    }
}

void HttpConnection::Private::answerMetrics(const HttpRequestHead &head)
{
    HttpResponses::Options options;
    options.omitBody = head.isHead();
    options.close = !requestKeepAlive || closeAfterResponse;
    if (!(head.method == "GET" || head.isHead())) {
        const QByteArray body = "405 Method Not Allowed: metrics answer GET and HEAD\n";
        return answer(HttpResponses::content(405, "text/plain; charset=utf-8", "Allow: GET, HEAD\r\n", body, options),
                      405);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray body
        = snapshot->metrics() ? snapshot->metrics()->render(*snapshot, now) : MetricsRegistry().render(*snapshot, now);
    answer(HttpResponses::content(200, MetricsRegistry::kContentType, {}, body, options), 200);
}

bool HttpConnection::Private::answerHttp01(const HttpRequestHead &head)
{
    constexpr QByteArrayView prefix = acme::ChallengeRegistry::kHttp01PathPrefix;
    if (info.tls || info.listener.port != challenges->http01Port() || !(head.method == "GET" || head.isHead()))
        return false;
    const QByteArrayView path = head.path();
    if (!path.startsWith(prefix))
        return false;
    routeName = QStringLiteral("acme-challenge");
    const QByteArrayView token = path.sliced(prefix.size());
    const std::optional<QByteArray> keyAuthorization = challenges->http01(token);
    qCInfo(acme::lcAcmeServing).noquote() << "http-01 request from" << info.clientAddress.toString() << "for token"
                                          << QString::fromLatin1(token) << (keyAuthorization ? "answered" : "unknown");
    if (!keyAuthorization) {
        answerError(404);
        return true;
    }
    config::RespondAction action;
    action.status = 200;
    action.headers = { { QStringLiteral("Content-Type"), QStringLiteral("text/plain") },
                       { QStringLiteral("Cache-Control"), QStringLiteral("no-store") } };
    action.body = QString::fromLatin1(*keyAuthorization);
    HttpResponses::Options options;
    options.omitBody = head.isHead();
    options.close = !requestKeepAlive || closeAfterResponse;
    answer(HttpResponses::respond(action, options), 200);
    return true;
}

void HttpConnection::Private::onRequestBody(QByteArrayView body)
{
    bytesIn += quint64(body.size());
    requestBodyBytes += quint64(body.size());
    if (phase != Phase::Forwarding || !upstream)
        return;  // answered by the proxy: the body is dropped
    if (requestFraming == HttpBodyFraming::Chunked) {
        QByteArray header;
        HttpChunkedEncoder::appendChunkHeader(header, quint64(body.size()));
        upstream->write(header);
        upstream->write(body);
        upstream->write(HttpChunkedEncoder::chunkEnd());
    } else {
        upstream->write(body);
    }
}

void HttpConnection::Private::onRequestComplete()
{
    requestComplete = true;
    if (phase == Phase::Answered)
        return finishRequest();
    if (phase != Phase::Forwarding)
        return;
    if (requestFraming == HttpBodyFraming::Chunked) {
        QByteArray last;
        HttpChunkedEncoder::appendLastChunk(last, parser.trailers());
        upstream->write(last);
    }
    if (!responseStarted)
        arm(TimerKind::Response);
}

void HttpConnection::Private::answer(const QByteArray &bytes, int answerStatus)
{
    status = answerStatus;
    bytesOut += quint64(bytes.size());
    client->write(bytes);
    if (!requestKeepAlive || HttpResponses::closesConnection(answerStatus))
        closeAfterResponse = true;
    phase = Phase::Answered;  // the body, if any, is read and dropped; then the next request
}

void HttpConnection::Private::answerError(int errorStatus)
{
    const bool broken = HttpResponses::closesConnection(errorStatus) || parser.error().status != 0;
    HttpResponses::Options options;
    options.close = broken || !requestKeepAlive || closeAfterResponse;
    options.omitBody = method == "HEAD";
    answer(HttpResponses::error(errorStatus, options), errorStatus);
    if (broken) {
        // The byte stream cannot be trusted any further.
        logAccess();
        releaseRequest();
        beginClose();
    }
}

void HttpConnection::Private::failRequest(int errorStatus, const QString &why)
{
    qCInfo(lcHttp).noquote() << "route" << routeName << "request" << method << target << "failed:" << why;
    dropUpstream();
    if (responseHeadSent || phase == Phase::Done)
        return finish(why);  // the client already has part of a response: only closing tells it
    const bool keep = requestComplete && requestKeepAlive && !closeAfterResponse;
    HttpResponses::Options options;
    options.close = !keep;
    options.omitBody = method == "HEAD";
    status = errorStatus;
    const QByteArray bytes = HttpResponses::error(errorStatus, options);
    bytesOut += quint64(bytes.size());
    client->write(bytes);
    if (keep)
        return finishRequest();
    logAccess(why);
    releaseRequest();
    beginClose();
}

void HttpConnection::Private::finishRequest()
{
    logAccess();
    releaseRequest();
    if (closeAfterResponse || !requestKeepAlive)
        return beginClose();
    if (parser.isUpgraded() || requestUpgrade)
        parser.continueAfterUpgrade();  // the upstream declined the upgrade: HTTP goes on
    phase = Phase::ReadingHead;
    method.clear();
    target.clear();
    arm(TimerKind::Idle);
    pumpClient();
}

void HttpConnection::Private::releaseRequest()
{
    if (counted) {
        runtime->close();
        counted = false;
    }
    if (endpointActive) {
        endpoint->active.fetch_sub(1, std::memory_order_relaxed);
        endpointActive = false;
    }
    if (connector)
        connector->abort();
    if (response)
        spareResponse = std::move(response);
    responseStarted = responseHeadSent = interim = switching = false;
    retriedStale = false;
}

void HttpConnection::Private::beginClose()
{
    if (phase == Phase::Closing || phase == Phase::Done)
        return;
    phase = Phase::Closing;
    dropUpstream();
    // The client asked for the close and sent nothing more: close at once, as
    // soon as the response has left. Otherwise it may still be sending (a body not
    // read, the next request already on its way): shut the write side and read to
    // its end, for a close meanwhile would answer it with a reset.
    const bool clientDone = !requestKeepAlive && requestComplete && clientIn.size() == clientInParsed;
    clientIn.clear();
    if (!client || clientEof || (clientDone && client->closeIfDone()))
        return finish(QString());
    client->shutdownWrite();
    client->resumeReading();  // to see the client's EOF
    arm(TimerKind::Linger);
}

void HttpConnection::Private::finish(const QString &why)
{
    if (phase == Phase::Done)
        return;
    if (!why.isEmpty())
        qCDebug(lcHttp).noquote() << info.clientAddress.toString() << "connection ends:" << why;
    if (status == 0 && !method.isEmpty() && phase != Phase::Closing && phase != Phase::Tunnel)
        logAccess(why);
    phase = Phase::Done;
    timer.stop();
    account();
    releaseRequest();
    releaseConnection();
    dropUpstream();
    if (client)
        client->close();
    Q_EMIT q->finished();
}

// ---- upstream side ------------------------------------------------------------

void HttpConnection::Private::startForward()
{
    if (forwardedFor.isNull()) {
        forwardedFor = HttpHeadRewriter::addressText(info.clientAddress);
        forwardedNode = HttpHeadRewriter::forwardedNode(info.clientAddress);
    }
    HttpHeadRewriter::RequestContext context;
    context.clientText = forwardedFor;
    context.clientNode = forwardedNode;
    context.tls = info.tls;
    HttpRequestHead &head = parser.head();
    HttpHeadRewriter::rewriteRequest(head, context);
    headBytes.resize(0);  // keeps the capacity of the previous request's head
    head.serialize(headBytes);
    attemptsLeft = std::max(1, std::min(3, runtime->endpointCount()));
    phase = Phase::Connecting;
    acquireUpstream(true);
}

void HttpConnection::Private::acquireUpstream(bool allowPooled)
{
    endpoint = runtime->pick(info.clientAddress);
    if (!endpoint)
        return failRequest(502, QStringLiteral("route '%1' has no targets").arg(routeName));
    --attemptsLeft;
    const config::Route &route = runtime->route();
    upstreamKey = endpoint->poolKey;
    // A connection that began with a PROXY header speaks for one client only.
    upstreamPoolable = route.action.sendProxyProtocol == config::ProxyProtocolVersion::None;
    if (upstreamPoolable && allowPooled) {
        if (std::unique_ptr<Stream> pooled = UpstreamPool::forCurrentThread().take(upstreamKey))
            return attachUpstream(std::move(pooled), true);
    }
    if (!connector) {
        connector = new UpstreamConnector(q);
        QObject::connect(connector, &UpstreamConnector::connected, q,
                         [this](qintptr socket, const QHostAddress &) { onConnected(socket); });
        QObject::connect(connector, &UpstreamConnector::failed, q,
                         [this](const ConnectError &error) { onConnectFailed(error); });
    }
    connector->connectToHost(endpoint->host, endpoint->port, std::chrono::seconds(snapshot->timeouts().connect));
}

void HttpConnection::Private::onConnectFailed(const ConnectError &error)
{
    qCWarning(lcHttp).noquote() << QStringLiteral("route '%1': target %2:%3 failed: %4")
                                       .arg(routeName, endpoint->host)
                                       .arg(endpoint->port)
                                       .arg(error.message);
    reportFailure();
    if (attemptsLeft > 0)
        return acquireUpstream(true);
    failRequest(error.kind == ConnectError::Kind::Timeout ? 504 : 502, error.message);
}

void HttpConnection::Private::reportFailure()
{
    if (runtime->reportFailure(*endpoint)) {
        const config::LoadBalancingSettings &lb = runtime->route().action.loadBalancing;
        qCWarning(lcHttp).noquote() << QStringLiteral("route '%1': target %2:%3 failed %4 times in a row; "
                                                      "skipped for %5 s")
                                           .arg(routeName, endpoint->host)
                                           .arg(endpoint->port)
                                           .arg(lb.maxFails)
                                           .arg(lb.failTimeout);
    }
}

QByteArray proxyHeaderFor(config::ProxyProtocolVersion version, const QHostAddress &client, quint16 clientPort,
                          qintptr clientSocket)
{
    if (version == config::ProxyProtocolVersion::None)
        return {};
    ProxyHeader header;
    header.version = version == config::ProxyProtocolVersion::V1 ? 1 : 2;
    header.sourceAddress = client;
    header.sourcePort = clientPort;
    const socketops::Endpoint local = socketops::localAddress(clientSocket);
    header.destinationAddress = local.address;
    header.destinationPort = local.port;
    return ProxyProtocol::encode(header);
}

void HttpConnection::Private::onConnected(qintptr socket)
{
    runtime->reportSuccess(*endpoint);
    auto stream = std::make_unique<Stream>(socket);
    const config::Route &route = runtime->route();
    stream->write(proxyHeaderFor(route.action.sendProxyProtocol, info.clientAddress, info.clientPort,
                                 client->socketDescriptor()));
    if (route.action.tls.mode == config::TlsMode::TerminateAndReencrypt) {
        const auto context = tlsContextFor(endpoint->tls);
        if (!context)
            return failRequest(502, QStringLiteral("TLS to the target: %1").arg(context.error().message));
        const QString name = endpoint->tls.serverName.isEmpty() ? endpoint->host : endpoint->tls.serverName;
        if (!stream->enableClientTls(*context, name))
            return failRequest(502, QStringLiteral("TLS to the target %1 could not be set up").arg(name));
    }
    stream->start();
    attachUpstream(std::move(stream), false);
}

void HttpConnection::Private::attachUpstream(std::unique_ptr<Stream> stream, bool reused)
{
    upstream = std::move(stream);
    upstream->setListener(q);
    upstream->resumeReading();
    upstreamReused = reused;
    upstreamIn.clear();
    if (!endpointActive) {
        endpoint->active.fetch_add(1, std::memory_order_relaxed);
        endpointActive = true;
    }
    if (spareResponse) {
        response = std::move(spareResponse);
        response->reset();
    } else {
        response = std::make_unique<HttpResponseParser>();
    }
    response->expectResponseTo(method, requestUpgrade);
    upstream->write(headBytes);
    phase = Phase::Forwarding;
    if (requestComplete)
        arm(TimerKind::Response);  // a retry of a request already read whole
    else
        arm(TimerKind::Activity);
    pumpClient();
}

void HttpConnection::Private::dropUpstream()
{
    if (upstream) {
        upstream->setListener(nullptr);
        upstream->close();
        // Often called from the upstream's own callback: delete it from the event loop.
        upstream.release()->deleteLater();
    }
    upstreamIn.clear();
}

void HttpConnection::Private::onUpstreamData(QByteArrayView data)
{
    upstreamIn.append(data);
    notePeak();
    if (timerKind == TimerKind::Activity)
        arm(TimerKind::Activity);
    pumpUpstream();
}

void HttpConnection::Private::pumpUpstream()
{
    qsizetype offset = 0;
    bool complete = false;
    while (phase == Phase::Forwarding && upstream && response && !complete) {
        if (client->isOverHighWaterMark()) {
            upstream->pauseReading();  // resumed by the client's streamDrained
            break;
        }
        const HttpParseStep step = response->parse(QByteArrayView(upstreamIn).sliced(offset));
        offset += step.consumed;
        switch (step.event) {
        case HttpParseStep::Event::NeedMore:
            upstreamIn.remove(0, offset);
            return notePeak();
        case HttpParseStep::Event::Head:
            onResponseHead();
            break;
        case HttpParseStep::Event::Body:
            onResponseBody(step.body);
            break;
        case HttpParseStep::Event::MessageComplete:
            if (interim)
                interim = false;
            else if (!switching)
                complete = true;
            break;
        case HttpParseStep::Event::Upgrade:
            return startTunnel(QByteArrayView(upstreamIn).sliced(offset));
        case HttpParseStep::Event::Error:
            return failRequest(502,
                               QStringLiteral("bad response from %1:%2: %3")
                                   .arg(endpoint->host)
                                   .arg(endpoint->port)
                                   .arg(response->error().reason));
        }
    }
    if (upstream)
        upstreamIn.remove(0, offset);
    notePeak();
    if (complete)
        onResponseComplete();
}

void HttpConnection::Private::onResponseHead()
{
    HttpResponseHead &head = response->head();
    HttpHeadRewriter::ResponseContext context;
    context.clientVersionMinor = clientMinor;
    context.clientKeepAlive = requestKeepAlive && !closeAfterResponse;
    if (head.isInterim()) {
        interim = true;
        const HttpHeadRewriter::ResponsePlan interimPlan = HttpHeadRewriter::rewriteResponse(head, context);
        if (interimPlan.sendToClient) {
            const QByteArray bytes = head.serialized();
            bytesOut += quint64(bytes.size());
            client->write(bytes);
        }
        return;
    }
    responseStarted = true;
    if (timerKind == TimerKind::Response)
        arm(TimerKind::Activity);
    if (!requestComplete && !requestUpgrade) {
        // An early answer: unless the rest of the body is small enough to drain
        // afterwards, the client is told this connection ends with it.
        const HttpRequestHead &request = parser.head();
        const bool drainable = requestFraming == HttpBodyFraming::ContentLength
            && request.contentLength - requestBodyBytes <= kMaxDrainedBody;
        if (!drainable) {
            closeAfterResponse = true;
            context.clientKeepAlive = false;
        }
    }
    switching = head.isUpgrade;
    plan = HttpHeadRewriter::rewriteResponse(head, context);
    status = head.status;
    if (plan.closeClient)
        closeAfterResponse = true;
    responseHeadBytes.resize(0);  // keeps the capacity of the previous response's head
    head.serialize(responseHeadBytes);
    bytesOut += quint64(responseHeadBytes.size());
    client->write(responseHeadBytes);
    responseHeadSent = true;
}

void HttpConnection::Private::onResponseBody(QByteArrayView body)
{
    bytesOut += quint64(body.size());
    if (plan.framing == HttpBodyFraming::Chunked) {
        QByteArray header;
        HttpChunkedEncoder::appendChunkHeader(header, quint64(body.size()));
        client->write(header);
        client->write(body);
        client->write(HttpChunkedEncoder::chunkEnd());
    } else {
        client->write(body);
    }
}

void HttpConnection::Private::onResponseComplete()
{
    if (plan.framing == HttpBodyFraming::Chunked) {
        QByteArray last;
        HttpChunkedEncoder::appendLastChunk(last, response->trailers());
        client->write(last);
    }
    const bool reusable = upstreamPoolable && requestComplete && response->head().keepAlive && upstreamIn.isEmpty()
        && upstream && upstream->isOpen() && !upstream->peerFinished();
    if (reusable) {
        upstream->setListener(nullptr);
        UpstreamPool::forCurrentThread().put(upstreamKey, std::move(upstream));
    } else {
        dropUpstream();
    }
    if (!requestComplete) {
        if (!closeAfterResponse && !requestUpgrade) {
            // Answered early, and the rest of the body is small: read and drop
            // it, then the next request (onRequestComplete finishes this one).
            phase = Phase::Answered;
            arm(TimerKind::Activity);
            return pumpClient();
        }
        closeAfterResponse = true;
    }
    finishRequest();
}

void HttpConnection::Private::onUpstreamEof()
{
    if (!response || phase != Phase::Forwarding)
        return failRequest(502, QStringLiteral("the target closed the connection"));
    const HttpParseStep step = response->finish();
    if (step.event == HttpParseStep::Event::MessageComplete && responseStarted)
        return onResponseComplete();  // an until-close body ended
    // A reused idle connection the target closed just as we sent: retry once on
    // a new one, when the request is still whole in our hands (no body sent).
    if (upstreamReused && !responseStarted && !interim && !retriedStale && requestFraming == HttpBodyFraming::None) {
        retriedStale = true;
        dropUpstream();
        phase = Phase::Connecting;
        ++attemptsLeft;
        return acquireUpstream(false);
    }
    failRequest(502,
                QStringLiteral("the target %1:%2 closed the connection before a complete response")
                    .arg(endpoint->host)
                    .arg(endpoint->port));
}

void HttpConnection::Private::onUpstreamError(const StreamError &error)
{
    if (error.kind == StreamError::Kind::TlsVerify) {
        const QString name = endpoint->tls.serverName.isEmpty() ? endpoint->host : endpoint->tls.serverName;
        qCWarning(lcHttp).noquote()
            << QStringLiteral("route '%1': the certificate of target %2:%3 is not trusted for the name %4 (%5); "
                              "set the target's tls.caBundle to the CA that issued it, tls.serverName to a name it "
                              "covers, or (not recommended) tls.verify to false")
                   .arg(routeName, endpoint->host)
                   .arg(endpoint->port)
                   .arg(name, error.message);
    }
    if (error.kind == StreamError::Kind::TlsHandshake || error.kind == StreamError::Kind::TlsVerify)
        reportFailure();
    failRequest(502, QStringLiteral("target %1:%2: %3").arg(endpoint->host).arg(endpoint->port).arg(error.message));
}

void HttpConnection::Private::startTunnel(QByteArrayView upstreamRest)
{
    timer.stop();
    timerKind = TimerKind::None;  // the tunnel has its own idle timeout
    phase = Phase::Tunnel;
    logAccess();
    if (!upstreamRest.isEmpty())
        client->write(upstreamRest);
    upstreamIn.clear();
    if (!clientIn.isEmpty())
        upstream->write(clientIn);  // the client's first tunnel bytes, held since the request
    clientIn.clear();
    client->resumeReading();
    upstream->resumeReading();
    TunnelOptions options;
    options.idleTimeout = std::chrono::seconds(snapshot->timeouts().idle);
    tunnel = new TcpTunnel(std::move(client), std::move(upstream), options, q);
    QObject::connect(tunnel, &TcpTunnel::finished, q, [this](const TunnelResult &result) {
        qCInfo(lcAccess).noquote() << QStringLiteral("route=%1 client=%2 tunnel up=%3 down=%4 ms=%5 end=%6")
                                          .arg(routeName, info.clientAddress.toString())
                                          .arg(result.clientToUpstream)
                                          .arg(result.upstreamToClient)
                                          .arg(result.durationMs)
                                          .arg(result.reason.isEmpty() ? QStringLiteral("closed") : result.reason);
        if (runtime)
            runtime->counters().countBytes(result.clientToUpstream, result.upstreamToClient);
        finish(QString());
    });
    tunnel->start();
}

// ---- timers and accounting ----------------------------------------------------

void HttpConnection::Private::arm(TimerKind kind)
{
    timerKind = kind;
    static const config::Timeouts kDefaults;
    const config::Timeouts &timeouts = snapshot ? snapshot->timeouts() : kDefaults;
    switch (kind) {
    case TimerKind::None:
        return;
    case TimerKind::Idle:
    case TimerKind::Activity:
        return setDeadline(std::chrono::seconds(timeouts.idle));
    case TimerKind::HeaderRead:
        return setDeadline(std::chrono::seconds(timeouts.headerRead));
    case TimerKind::Response:
        return setDeadline(std::chrono::seconds(timeouts.upstreamResponse));
    case TimerKind::Linger:
        return setDeadline(kLinger);
    }
}

void HttpConnection::Private::setDeadline(std::chrono::milliseconds timeout)
{
    deadline = Clock::now() + timeout;
    if (!timer.isActive() || deadline < timerDue) {
        timer.start(timeout);
        timerDue = deadline;
    }
}

void HttpConnection::Private::disarm()
{
    // The timer may go on running: it finds no kind when it fires.
    timerKind = TimerKind::None;
}

void HttpConnection::Private::onTimeout()
{
    if (timerKind == TimerKind::None)
        return;
    if (const Clock::time_point now = Clock::now(); now < deadline) {
        // The deadline moved on since the timer was started: wait for the rest.
        timer.start(std::chrono::ceil<std::chrono::milliseconds>(deadline - now));
        timerDue = deadline;
        return;
    }
    switch (timerKind) {
    case TimerKind::None:
        return;
    case TimerKind::Idle:
        return finish(QStringLiteral("idle"));
    case TimerKind::HeaderRead:
        qCInfo(lcHttp).noquote() << info.clientAddress.toString() << "sent no complete request head within"
                                 << (snapshot ? snapshot->timeouts().headerRead : 0) << "s";
        method = "-";
        return answerError(408);
    case TimerKind::Response:
        return failRequest(504,
                           QStringLiteral("no response from %1:%2 within %3 s")
                               .arg(endpoint ? endpoint->host : QString())
                               .arg(endpoint ? endpoint->port : 0)
                               .arg(snapshot->timeouts().upstreamResponse));
    case TimerKind::Activity:
        return finish(QStringLiteral("no traffic within the idle timeout"));
    case TimerKind::Linger:
        return finish(QString());
    }
}

void HttpConnection::Private::notePeak()
{
    const qint64 held = clientIn.size() + upstreamIn.size() + (client ? client->bufferedBytes() : 0)
        + (upstream ? upstream->bufferedBytes() : 0);
    qint64 peak = g_peakBuffered.load(std::memory_order_relaxed);
    while (held > peak && !g_peakBuffered.compare_exchange_weak(peak, held, std::memory_order_relaxed)) { }
}

void HttpConnection::Private::account()
{
    if (accounted || !runtime)
        return;
    accounted = true;
    runtime->counters().countRequest(status, bytesIn, bytesOut);
}

void HttpConnection::Private::countConnectionFor(RouteRuntime &route)
{
    RouteCounters &counters = route.counters();
    if (connectionCounters.get() == &counters)
        return;
    if (connectionCounters)
        connectionCounters->closeConnection();
    connectionCounters = route.sharedCounters();
    counters.openConnection();
}

void HttpConnection::Private::releaseConnection()
{
    if (connectionCounters) {
        connectionCounters->closeConnection();
        connectionCounters.reset();
    }
}

void HttpConnection::Private::logAccess(const QString &note)
{
    account();
    qCInfo(lcAccess).noquote() << QStringLiteral("route=%1 client=%2:%3 method=%4 target=%5 status=%6 in=%7 out=%8 "
                                                 "ms=%9%10")
                                      .arg(routeName.isEmpty() ? QStringLiteral("-") : routeName,
                                           info.clientAddress.toString())
                                      .arg(info.clientPort)
                                      .arg(QString::fromLatin1(method), QString::fromLatin1(target))
                                      .arg(status)
                                      .arg(bytesIn)
                                      .arg(bytesOut)
                                      .arg(requestClock.isValid() ? requestClock.elapsed() : 0)
                                      .arg(note.isEmpty() ? QString() : QStringLiteral(" note=\"%1\"").arg(note));
}

// ---- HttpConnection -----------------------------------------------------------

HttpConnection::HttpConnection(std::unique_ptr<Stream> client, const ConnectionInfo &info,
                               std::shared_ptr<const SnapshotSource> snapshots, ProxySnapshot::Ptr first,
                               std::shared_ptr<const acme::ChallengeRegistry> challenges, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this))
{
    d->client = std::move(client);
    d->info = info;
    d->clientAddress = routing::ClientAddress(info.clientAddress);
    d->snapshots = std::move(snapshots);
    d->challenges = std::move(challenges);
    d->firstSnapshot = first;
    d->snapshot = std::move(first);
    d->timer.setSingleShot(true);
    connect(&d->timer, &QTimer::timeout, this, [this] { d->onTimeout(); });
}

HttpConnection::~HttpConnection()
{
    if (d->destroyed)
        *d->destroyed = true;
    // Children whose signals reach into d go first.
    delete d->tunnel;
    d->tunnel = nullptr;
    delete d->connector;
    d->connector = nullptr;
    d->timer.stop();
    d->releaseRequest();
    d->releaseConnection();
    d->dropUpstream();
}

void HttpConnection::start()
{
    d->client->setListener(this);
    d->client->start();
    d->arm(Private::TimerKind::Idle);
}

qint64 HttpConnection::peakBufferedBytes()
{
    return g_peakBuffered.load(std::memory_order_relaxed);
}

void HttpConnection::resetPeakBufferedBytes()
{
    g_peakBuffered.store(0, std::memory_order_relaxed);
}

void HttpConnection::streamData(Stream &stream, QByteArrayView data)
{
    // What one delivery produces for the other side (a head and the body bytes
    // that came with it) leaves in one send(); the other side may go away meanwhile.
    // Only deleting this connection deletes the other stream at once: an
    // upstream that is let go is deleted later, or lives on in the pool or a tunnel.
    const bool fromClient = &stream == d->client.get();
    Stream *other = fromClient ? d->upstream.get() : d->client.get();
    if (other)
        other->cork();
    bool destroyed = false;
    bool *const outer = std::exchange(d->destroyed, &destroyed);
    if (fromClient)
        d->onClientData(data);
    else if (&stream == d->upstream.get())
        d->onUpstreamData(data);
    if (destroyed) {
        if (outer)
            *outer = true;
        return;
    }
    d->destroyed = outer;
    if (other)
        other->uncork();
}

void HttpConnection::streamEof(Stream &stream)
{
    if (&stream == d->client.get())
        d->onClientEof();
    else if (&stream == d->upstream.get())
        d->onUpstreamEof();
}

void HttpConnection::streamError(Stream &stream, const StreamError &error)
{
    if (&stream == d->client.get())
        d->finish(QStringLiteral("client: %1").arg(error.message));
    else if (&stream == d->upstream.get())
        d->onUpstreamError(error);
}

void HttpConnection::streamDrained(Stream &stream)
{
    if (&stream == d->client.get()) {
        if (d->upstream && d->phase == Private::Phase::Forwarding) {
            d->upstream->resumeReading();
            d->pumpUpstream();
        }
    } else if (&stream == d->upstream.get()) {
        d->pumpClient();
    }
}

}  // namespace gatehouse::proxy
