// Head rewriting (hop-by-hop removal, framing fields, X-Forwarded-*, Forwarded,
// Via), the chunked re-framing and the responses the proxy writes itself
// (errors, redirect expansion and escaping, respond).
#include "proxy/HttpChunkedEncoder.h"
#include "proxy/HttpHeadRewriter.h"
#include "proxy/HttpRequestParser.h"
#include "proxy/HttpResponseParser.h"
#include "proxy/HttpResponses.h"

#include <QTest>

using namespace gatehouse;
using proxy::HttpBodyFraming;
using proxy::HttpHeadRewriter;
using proxy::HttpParseStep;
using proxy::HttpResponses;

namespace {

// The head of the first request in `raw`, parsed the way the proxy gets it.
proxy::HttpRequestHead parseRequest(const QByteArray &raw)
{
    proxy::HttpRequestParser parser;
    const HttpParseStep step = parser.parse(raw);
    if (step.event != HttpParseStep::Event::Head)
        qFatal("test request did not parse: %s", qPrintable(parser.error().reason));
    return parser.head();
}

proxy::HttpResponseHead parseResponse(const QByteArray &raw, const QByteArray &method = "GET")
{
    proxy::HttpResponseParser parser;
    parser.expectResponseTo(method, true);
    const HttpParseStep step = parser.parse(raw);
    if (step.event != HttpParseStep::Event::Head)
        qFatal("test response did not parse: %s", qPrintable(parser.error().reason));
    return parser.head();
}

QDateTime fixedNow()
{
    return QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
}

}  // namespace

class TestHttpRewrite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void request_data();
    void request();
    void response_data();
    void response();
    void forwardedNode_data();
    void forwardedNode();
    void chunkedEncoder();
    void redirectTarget_data();
    void redirectTarget();
    void redirectResponse();
    void respondResponse();
    void errorResponses_data();
    void errorResponses();
    void httpDate();
};

void TestHttpRewrite::request_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("client");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray fwdA = "X-Forwarded-For: 192.0.2.7\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: a\r\n"
                            "Forwarded: for=192.0.2.7;host=a;proto=http\r\n";
    QTest::newRow("plain get") << QByteArray("GET /x HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n")
                               << QStringLiteral("192.0.2.7") << false << false
                               << "GET /x HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n" + fwdA + "\r\n";
    QTest::newRow("hop-by-hop and connection-named fields")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, X-Secret, x-other\r\nKeep-Alive: 5\r\n"
                      "X-Secret: 1\r\nProxy-Connection: keep-alive\r\nTE: trailers\r\nTrailer: X\r\n"
                      "Upgrade: websocket\r\nX-Other: 2\r\nX-Kept: 3\r\n\r\n")
        << QStringLiteral("192.0.2.7") << false << false
        << "GET / HTTP/1.1\r\nHost: a\r\nX-Kept: 3\r\n" + fwdA + "\r\n";
    QTest::newRow("connection cannot remove Host")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: Host\r\n\r\n") << QStringLiteral("192.0.2.7") << false
        << false << "GET / HTTP/1.1\r\nHost: a\r\n" + fwdA + "\r\n";
    QTest::newRow("websocket upgrade kept")
        << QByteArray("GET /ws HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, keep-alive\r\nUpgrade: websocket\r\n"
                      "Sec-WebSocket-Key: k\r\n\r\n")
        << QStringLiteral("192.0.2.7") << false << false
        << "GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nSec-WebSocket-Key: k\r\nConnection: Upgrade\r\n" + fwdA
            + "\r\n";
    QTest::newRow("content-length normalized")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 007\r\n\r\n") << QStringLiteral("192.0.2.7")
        << false << false << "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n" + fwdA + "\r\n";
    QTest::newRow("chunked stays chunked")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n") << QStringLiteral("192.0.2.7")
        << false << false << "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n" + fwdA + "\r\n";
    QTest::newRow("untrusted client: forwarding fields replaced")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 10.9.9.9\r\nX-Forwarded-Proto: https\r\n"
                      "X-Forwarded-Host: evil\r\nForwarded: for=10.9.9.9\r\n\r\n")
        << QStringLiteral("192.0.2.7") << false << false << "GET / HTTP/1.1\r\nHost: a\r\n" + fwdA + "\r\n";
    QTest::newRow("trusted proxy: appended and kept")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 203.0.113.1\r\nX-Forwarded-For: 10.0.0.2\r\n"
                      "X-Forwarded-Proto: https\r\nX-Forwarded-Host: www.a\r\nForwarded: for=203.0.113.1\r\n\r\n")
        << QStringLiteral("10.0.0.3") << true << false
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: www.a\r\n"
                      "X-Forwarded-For: 203.0.113.1, 10.0.0.2, 10.0.0.3\r\n"
                      "Forwarded: for=203.0.113.1, for=10.0.0.3;host=a;proto=http\r\n\r\n");
    QTest::newRow("trusted proxy without fields")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << QStringLiteral("192.0.2.7") << true << false
        << "GET / HTTP/1.1\r\nHost: a\r\n" + fwdA + "\r\n";
    QTest::newRow("ipv6 client over tls")
        << QByteArray("GET / HTTP/1.1\r\nHost: a.example:8443\r\n\r\n") << QStringLiteral("2001:db8::1") << false
        << true
        << QByteArray("GET / HTTP/1.1\r\nHost: a.example:8443\r\nX-Forwarded-For: 2001:db8::1\r\n"
                      "X-Forwarded-Proto: https\r\nX-Forwarded-Host: a.example:8443\r\n"
                      "Forwarded: for=\"[2001:db8::1]\";host=\"a.example:8443\";proto=https\r\n\r\n");
    QTest::newRow("ipv4-mapped client") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                                        << QStringLiteral("::ffff:192.0.2.7") << false << false
                                        << "GET / HTTP/1.1\r\nHost: a\r\n" + fwdA + "\r\n";
    QTest::newRow("absolute-form becomes origin-form")
        << QByteArray("GET http://b.example/p?q=1 HTTP/1.1\r\nHost: ignored\r\n\r\n") << QStringLiteral("192.0.2.7")
        << false << false
        << QByteArray("GET /p?q=1 HTTP/1.1\r\nHost: b.example\r\nX-Forwarded-For: 192.0.2.7\r\n"
                      "X-Forwarded-Proto: http\r\nX-Forwarded-Host: b.example\r\n"
                      "Forwarded: for=192.0.2.7;host=b.example;proto=http\r\n\r\n");
    QTest::newRow("http/1.0 request goes up as 1.1")
        << QByteArray("GET / HTTP/1.0\r\n\r\n") << QStringLiteral("192.0.2.7") << false << false
        << QByteArray("GET / HTTP/1.1\r\nHost: \r\nX-Forwarded-For: 192.0.2.7\r\nX-Forwarded-Proto: http\r\n"
                      "Forwarded: for=192.0.2.7;proto=http\r\n\r\n");
}

void TestHttpRewrite::request()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, client);
    QFETCH(bool, trusted);
    QFETCH(bool, tls);
    QFETCH(QByteArray, expected);

    proxy::HttpRequestHead head = parseRequest(raw);
    HttpHeadRewriter::RequestContext context;
    context.clientAddress = QHostAddress(client);
    context.clientIsTrustedProxy = trusted;
    context.tls = tls;
    HttpHeadRewriter::rewriteRequest(head, context);
    QCOMPARE(head.serialized(), expected);
    // What goes upstream is a valid HTTP/1.1 request (found by fuzz_http_request:
    // an HTTP/1.0 request without Host went up as HTTP/1.1 without one).
    proxy::HttpRequestParser upstream;
    QCOMPARE(upstream.parse(head.serialized()).event, HttpParseStep::Event::Head);
    QCOMPARE(upstream.head().method, head.method);
    QCOMPARE(upstream.head().target, head.target);
}

void TestHttpRewrite::response_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("clientMinor");
    QTest::addColumn<bool>("clientKeepAlive");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("framing");
    QTest::addColumn<bool>("closeClient");

    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nKeep-Alive: timeout=5\r\n"
                                                  "Connection: keep-alive\r\n\r\n")
                                    << QByteArray("GET") << 1 << true
                                    << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")
                                    << int(HttpBodyFraming::ContentLength) << false;
    QTest::newRow("chunked re-framed") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X\r\n\r\n")
                                       << QByteArray("GET") << 1 << true
                                       << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                                       << int(HttpBodyFraming::Chunked) << false;
    QTest::newRow("until-close to 1.1 client becomes chunked")
        << QByteArray("HTTP/1.0 200 OK\r\nX: y\r\n\r\n") << QByteArray("GET") << 1 << true
        << QByteArray("HTTP/1.1 200 OK\r\nX: y\r\nTransfer-Encoding: chunked\r\n\r\n") << int(HttpBodyFraming::Chunked)
        << false;
    QTest::newRow("chunked to 1.0 client: until close")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") << QByteArray("GET") << 0 << true
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n") << int(HttpBodyFraming::UntilClose) << true;
    QTest::newRow("1.0 keep-alive client")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n") << QByteArray("GET") << 0 << true
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n"
                      "Connection: keep-alive\r\n\r\n")
        << int(HttpBodyFraming::ContentLength) << false;
    QTest::newRow("client asked to close")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n") << QByteArray("GET") << 1 << false
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n\r\n")
        << int(HttpBodyFraming::ContentLength) << true;
    QTest::newRow("HEAD keeps content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n") << QByteArray("HEAD") << 1 << true
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n") << int(HttpBodyFraming::None) << false;
    QTest::newRow("204 drops content-length")
        << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n") << QByteArray("GET") << 1 << true
        << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << int(HttpBodyFraming::None) << false;
    QTest::newRow("101 keeps upgrade") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                                     "Connection: upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n")
                                       << QByteArray("GET") << 1 << true
                                       << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                                     "Sec-WebSocket-Accept: x\r\nConnection: Upgrade\r\n\r\n")
                                       << int(HttpBodyFraming::None) << false;
    QTest::newRow("unsafe reason replaced")
        << QByteArray("HTTP/1.1 404 No\x01pe\r\nContent-Length: 0\r\n\r\n") << QByteArray("GET") << 1 << true
        << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n") << int(HttpBodyFraming::ContentLength)
        << false;
}

void TestHttpRewrite::response()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, method);
    QFETCH(int, clientMinor);
    QFETCH(bool, clientKeepAlive);
    QFETCH(QByteArray, expected);
    QFETCH(int, framing);
    QFETCH(bool, closeClient);

    proxy::HttpResponseHead head = parseResponse(raw, method);
    HttpHeadRewriter::ResponseContext context;
    context.clientVersionMinor = clientMinor;
    context.clientKeepAlive = clientKeepAlive;
    const HttpHeadRewriter::ResponsePlan plan = HttpHeadRewriter::rewriteResponse(head, context);
    QCOMPARE(head.serialized(), expected);
    QCOMPARE(int(plan.framing), framing);
    QCOMPARE(plan.closeClient, closeClient);
}

void TestHttpRewrite::forwardedNode_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QByteArray>("xff");
    QTest::addColumn<QByteArray>("node");
    QTest::newRow("ipv4") << QStringLiteral("198.51.100.1") << QByteArray("198.51.100.1") << QByteArray("198.51.100.1");
    QTest::newRow("ipv6") << QStringLiteral("2001:db8::17") << QByteArray("2001:db8::17")
                          << QByteArray("\"[2001:db8::17]\"");
    QTest::newRow("ipv6 loopback") << QStringLiteral("::1") << QByteArray("::1") << QByteArray("\"[::1]\"");
    QTest::newRow("scoped ipv6") << QStringLiteral("fe80::1%lo") << QByteArray("fe80::1")
                                 << QByteArray("\"[fe80::1]\"");
    QTest::newRow("mapped ipv4") << QStringLiteral("::ffff:10.1.2.3") << QByteArray("10.1.2.3")
                                 << QByteArray("10.1.2.3");
    QTest::newRow("unknown") << QString() << QByteArray("unknown") << QByteArray("unknown");
}

void TestHttpRewrite::forwardedNode()
{
    QFETCH(QString, address);
    QFETCH(QByteArray, xff);
    QFETCH(QByteArray, node);
    const QHostAddress host = address.isEmpty() ? QHostAddress() : QHostAddress(address);
    QCOMPARE(HttpHeadRewriter::addressText(host), xff);
    QCOMPARE(HttpHeadRewriter::forwardedNode(host), node);
    QCOMPARE(HttpHeadRewriter::forwardedValue("a\"b\\c"), QByteArray("\"a\\\"b\\\\c\""));
}

void TestHttpRewrite::chunkedEncoder()
{
    QByteArray out;
    proxy::HttpChunkedEncoder::appendChunk(out, "hello");
    proxy::HttpChunkedEncoder::appendChunk(out, QByteArray(300, 'x'));
    proxy::HttpChunkedEncoder::appendChunk(out, "");  // no empty chunk: it would end the body
    proxy::HttpHeaders trailers;
    trailers.append("X-Sum", "1");
    proxy::HttpChunkedEncoder::appendLastChunk(out, trailers);
    QCOMPARE(out, "5\r\nhello\r\n12c\r\n" + QByteArray(300, 'x') + "\r\n0\r\nX-Sum: 1\r\n\r\n");

    // What we write must parse back to the same body.
    proxy::HttpRequestParser parser;
    const QByteArray request = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + out;
    QByteArrayView input = request;
    QByteArray body;
    for (;;) {
        const HttpParseStep step = parser.parse(input);
        input = input.sliced(step.consumed);
        if (step.event == HttpParseStep::Event::Body)
            body += step.body.toByteArray();
        if (step.event == HttpParseStep::Event::MessageComplete || step.event == HttpParseStep::Event::Error
            || step.event == HttpParseStep::Event::NeedMore)
            break;
    }
    QCOMPARE(body, "hello" + QByteArray(300, 'x'));
    QCOMPARE(parser.trailers().value("X-Sum"), QByteArrayView("1"));

    out.clear();
    proxy::HttpChunkedEncoder::appendChunkHeader(out, 0xabcdef0123ull);
    QCOMPARE(out, QByteArray("abcdef0123\r\n"));
}

void TestHttpRewrite::redirectTarget_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("https upgrade") << QStringLiteral("https://{host}{path}") << QByteArray("Example.COM:80")
                                   << QByteArray("/a/b") << QByteArray() << 80 << QByteArray("https://example.com/a/b");
    QTest::newRow("with query") << QStringLiteral("https://{host}:8443{path}?{query}") << QByteArray("a.example")
                                << QByteArray("/s") << QByteArray("q=1&r=%20x") << 80
                                << QByteArray("https://a.example:8443/s?q=1&r=%20x");
    QTest::newRow("port") << QStringLiteral("http://{host}:{port}/") << QByteArray("a") << QByteArray("/")
                          << QByteArray() << 8080 << QByteArray("http://a:8080/");
    QTest::newRow("ipv6 host") << QStringLiteral("https://{host}{path}") << QByteArray("[2001:DB8::1]:80")
                               << QByteArray("/") << QByteArray() << 80 << QByteArray("https://[2001:db8::1]/");
    QTest::newRow("path injection escaped")
        << QStringLiteral("https://x{path}") << QByteArray("a") << QByteArray("/a\r\nSet-Cookie: x#frag")
        << QByteArray() << 80 << QByteArray("https://x/a%0D%0ASet-Cookie:%20x%23frag");
    QTest::newRow("protocol-relative path defused")
        << QStringLiteral("{path}") << QByteArray("a") << QByteArray("//evil.example/x") << QByteArray() << 80
        << QByteArray("/%2Fevil.example/x");
    QTest::newRow("query fragment escaped") << QStringLiteral("/n?{query}") << QByteArray("a") << QByteArray("/")
                                            << QByteArray("a=1#b \"c\"") << 80 << QByteArray("/n?a=1%23b%20%22c%22");
    QTest::newRow("stray percent encoded")
        << QStringLiteral("https://x{path}") << QByteArray("a") << QByteArray("/100%/%41") << QByteArray() << 80
        << QByteArray("https://x/100%25/%41");
    QTest::newRow("backslash encoded") << QStringLiteral("https://x{path}") << QByteArray("a") << QByteArray("/\\evil")
                                       << QByteArray() << 80 << QByteArray("https://x/%5Cevil");
    QTest::newRow("unknown placeholder kept")
        << QStringLiteral("https://{host}/{nope}") << QByteArray("a") << QByteArray("/") << QByteArray() << 80
        << QByteArray("https://a/{nope}");
    QTest::newRow("non-ascii literal encoded")
        << QStringLiteral("https://x/caf\u00e9") << QByteArray("a") << QByteArray("/") << QByteArray() << 80
        << QByteArray("https://x/caf%C3%A9");
}

void TestHttpRewrite::redirectTarget()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    QFETCH(int, port);
    QFETCH(QByteArray, expected);
    HttpResponses::RedirectContext context;
    context.host = host;
    context.path = path;
    context.query = query;
    context.port = quint16(port);
    QCOMPARE(HttpResponses::expandRedirectTarget(pattern, context), expected);
}

void TestHttpRewrite::redirectResponse()
{
    config::RedirectAction action;
    action.to = QStringLiteral("https://{host}{path}");
    action.status = 308;
    HttpResponses::RedirectContext context;
    context.host = "a.example";
    context.path = "/x";
    HttpResponses::Options options;
    options.now = fixedNow();
    const QByteArray response = HttpResponses::redirect(action, context, options);
    QCOMPARE(response,
             QByteArray("HTTP/1.1 308 Permanent Redirect\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                        "Location: https://a.example/x\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        "Content-Length: 35\r\n\r\nRedirecting to https://a.example/x\n"));
}

void TestHttpRewrite::respondResponse()
{
    config::RespondAction action;
    action.status = 200;
    action.headers = { { QStringLiteral("Content-Type"), QStringLiteral("application/json") },
                       { QStringLiteral("Content-Length"), QStringLiteral("999") },
                       { QStringLiteral("X-Evil"), QStringLiteral("a\r\nSet-Cookie: b") },
                       { QStringLiteral("X-Ok"), QStringLiteral("1") } };
    action.body = QStringLiteral("{\"ok\":\"\u00e9\"}");
    HttpResponses::Options options;
    options.now = fixedNow();
    QCOMPARE(HttpResponses::respond(action, options),
             QByteArray("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Type: application/json\r\n"
                        "X-Ok: 1\r\nContent-Length: 11\r\n\r\n{\"ok\":\"\xc3\xa9\"}"));

    options.omitBody = true;
    options.close = true;
    action.headers.clear();
    action.body = QStringLiteral("hi");
    QCOMPARE(HttpResponses::respond(action, options),
             QByteArray("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                        "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nConnection: close\r\n\r\n"));
}

void TestHttpRewrite::errorResponses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<bool>("close");
    QTest::newRow("400") << 400 << QByteArray("HTTP/1.1 400 Bad Request\r\n") << true;
    QTest::newRow("404") << 404 << QByteArray("HTTP/1.1 404 Not Found\r\n") << false;
    QTest::newRow("421") << 421 << QByteArray("HTTP/1.1 421 Misdirected Request\r\n") << false;
    QTest::newRow("431") << 431 << QByteArray("HTTP/1.1 431 Request Header Fields Too Large\r\n") << true;
    QTest::newRow("501") << 501 << QByteArray("HTTP/1.1 501 Not Implemented\r\n") << true;
    QTest::newRow("502") << 502 << QByteArray("HTTP/1.1 502 Bad Gateway\r\n") << false;
    QTest::newRow("503") << 503 << QByteArray("HTTP/1.1 503 Service Unavailable\r\n") << false;
    QTest::newRow("504") << 504 << QByteArray("HTTP/1.1 504 Gateway Timeout\r\n") << false;
    QTest::newRow("505") << 505 << QByteArray("HTTP/1.1 505 HTTP Version Not Supported\r\n") << true;
}

void TestHttpRewrite::errorResponses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, statusLine);
    QFETCH(bool, close);
    const QByteArray response = HttpResponses::error(status);
    QVERIFY(response.startsWith(statusLine));
    QCOMPARE(response.contains("\r\nConnection: close\r\n"), close);

    // It is a well-formed response whose body length matches.
    proxy::HttpResponseParser parser;
    QByteArrayView input = response;
    HttpParseStep step = parser.parse(input);
    QCOMPARE(step.event, HttpParseStep::Event::Head);
    QCOMPARE(parser.head().status, status);
    input = input.sliced(step.consumed);
    step = parser.parse(input);
    QCOMPARE(step.event, HttpParseStep::Event::Body);
    QVERIFY(step.body.startsWith(QByteArray::number(status)));
    input = input.sliced(step.consumed);
    QCOMPARE(parser.parse(input).event, HttpParseStep::Event::MessageComplete);
    QVERIFY(input.isEmpty());
}

void TestHttpRewrite::httpDate()
{
    QCOMPARE(HttpResponses::httpDate(fixedNow()), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
    const QDateTime offset(QDate(2024, 2, 29), QTime(23, 30, 5), Qt::OffsetFromUTC, -3600);
    QCOMPARE(HttpResponses::httpDate(offset), QByteArray("Fri, 01 Mar 2024 00:30:05 GMT"));
}

QTEST_GUILESS_MAIN(TestHttpRewrite)
#include "tst_httprewrite.moc"
