// The upstream response parser: framing by status and request method (HEAD,
// 1xx, 204, 304, CONNECT), 100 Continue before the final response, chunked,
// until-close, 101 hand-over, keep-alive verdicts and malformed responses (502).
// Every input is also fed a byte at a time and must read the same.
#include "proxy/HttpResponseParser.h"

#include <QTest>

using gatehouse::proxy::HttpBodyFraming;
using gatehouse::proxy::HttpParseStep;
using gatehouse::proxy::HttpResponseParser;
using Event = HttpParseStep::Event;
using gatehouse::proxy::framingName;

namespace {

// Feeds `input` in pieces, then signals EOF when `eof`; writes down every event.
QByteArray transcript(const QByteArray &input, qsizetype pieceSize, const QByteArray &method, bool upgrade, bool eof)
{
    HttpResponseParser parser;
    parser.expectResponseTo(method, upgrade);
    QByteArray out;
    QByteArray pending;
    QByteArray body;
    const auto handle = [&](const HttpParseStep &step) {
        if (step.event == Event::Body)
            body += step.body.toByteArray();
        pending.remove(0, step.consumed);
        switch (step.event) {
        case Event::Head: {
            const auto &h = parser.head();
            out += "[" + QByteArray::number(h.status) + " " + h.reason + " " + framingName(h.framing);
            if (h.framing == HttpBodyFraming::ContentLength)
                out += ":" + QByteArray::number(h.contentLength);
            out += QByteArray(h.keepAlive ? " ka" : " no-ka") + (h.isInterim() ? " interim" : "")
                + (h.isUpgrade ? " upgrade" : "") + "]";
            break;
        }
        case Event::MessageComplete:
            out += "body=" + body + ";";
            body.clear();
            break;
        case Event::Upgrade:
            out += "UPGRADE rest=" + pending;
            break;
        case Event::Error:
            out += "ERROR " + QByteArray::number(parser.error().status) + " " + parser.error().reason.toUtf8();
            break;
        default:
            break;
        }
        return step.event;
    };
    for (qsizetype fed = 0; fed < input.size();) {
        const qsizetype n = qMin(pieceSize, input.size() - fed);
        pending += input.mid(fed, n);
        fed += n;
        for (;;) {
            const Event event = handle(parser.parse(pending));
            if (event == Event::Upgrade)
                return out + input.mid(fed);  // what the tunnel gets: kept bytes, then the rest
            if (event == Event::Error)
                return out;
            if (event == Event::NeedMore)
                break;
        }
    }
    if (eof) {
        for (;;) {
            const Event event = handle(parser.finish());
            if (event != Event::MessageComplete && event != Event::Body && event != Event::Head)
                break;
        }
        out += "EOF";
    }
    return out;
}

}  // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responses_data();
    void responses();
    void keepAliveAcrossResponses();
    void continueThenFinal();
};

void TestHttpResponseParser::responses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<bool>("eof");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
                                    << QByteArray("GET") << false << false << QByteArray("[200 OK cl:5 ka]body=hello;");
    QTest::newRow("HEAD with content-length has no body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n") << QByteArray("HEAD") << false << false
        << QByteArray("[200 OK none ka]body=;");
    QTest::newRow("HEAD with chunked has no body")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") << QByteArray("HEAD") << false << false
        << QByteArray("[200 OK none ka]body=;");
    QTest::newRow("204 ignores content-length")
        << QByteArray(
               "HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        << QByteArray("DELETE") << false << false << QByteArray("[204 No Content none ka]body=;[200 OK cl:0 ka]body=;");
    QTest::newRow("304 ignores content-length")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\nETag: \"x\"\r\n\r\n") << QByteArray("GET")
        << false << false << QByteArray("[304 Not Modified none ka]body=;");
    QTest::newRow("100 then final") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
                                                  "Content-Length: 2\r\n\r\nok")
                                    << QByteArray("POST") << false << false
                                    << QByteArray("[100 Continue none ka interim]body=;[201 Created cl:2 ka]body=ok;");
    QTest::newRow("103 then HEAD final") << QByteArray(
        "HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n")
                                         << QByteArray("HEAD") << false << false
                                         << QByteArray("[103 Early Hints none ka interim]body=;[200 OK none ka]body=;");
    QTest::newRow("1xx with content-length has no body")
        << QByteArray("HTTP/1.1 199 Misc\r\nContent-Length: 2\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx")
        << QByteArray("GET") << false << false << QByteArray("[199 Misc none ka interim]body=;[200 OK cl:1 ka]body=x;");
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\n")
                             << QByteArray("GET") << false << false << QByteArray("[200 OK chunked ka]body=Wikipedia;");
    QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this")
                                 << QByteArray("GET") << false << true
                                 << QByteArray("[200 OK close no-ka]body=all of this;EOF");
    QTest::newRow("http/1.0 until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\nold") << QByteArray("GET") << false
                                          << true << QByteArray("[200 OK close no-ka]body=old;EOF");
    QTest::newRow("http/1.0 keep-alive") << QByteArray("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n"
                                                       "Content-Length: 1\r\n\r\nx")
                                         << QByteArray("GET") << false << false
                                         << QByteArray("[200 OK cl:1 ka]body=x;");
    QTest::newRow("connection close") << QByteArray(
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx")
                                      << QByteArray("GET") << false << false
                                      << QByteArray("[200 OK cl:1 no-ka]body=x;");
    QTest::newRow("cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << QByteArray("GET")
                               << false << true
                               << QByteArray("[200 OK cl:10 ka]ERROR 502 the upstream closed the connection before the "
                                             "response was completeEOF");
    QTest::newRow("101 switching protocols")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n\x81\x02hi")
        << QByteArray("GET") << true << false
        << QByteArray("[101 Switching Protocols none no-ka upgrade]body=;UPGRADE rest=\x81\x02hi");
    QTest::newRow("101 without upgrade fields")
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\n\r\nraw") << QByteArray("GET") << true << false
        << QByteArray("[101 Switching Protocols none no-ka upgrade]body=;UPGRADE rest=raw");
    QTest::newRow("101 nobody asked for") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n"
                                                        "Connection: upgrade\r\n\r\n")
                                          << QByteArray("GET") << false << false
                                          << QByteArray("ERROR 502 upstream switched protocols without being asked to");
    QTest::newRow("upgrade declined") << QByteArray("HTTP/1.1 200 OK\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n"
                                                    "Content-Length: 2\r\n\r\nno")
                                      << QByteArray("GET") << true << false << QByteArray("[200 OK cl:2 ka]body=no;");
    QTest::newRow("CONNECT 200") << QByteArray("HTTP/1.1 200 Connection Established\r\n\r\ntunnel")
                                 << QByteArray("CONNECT") << false << false
                                 << QByteArray(
                                        "[200 Connection Established none no-ka upgrade]body=;UPGRADE rest=tunnel");
    QTest::newRow("CONNECT refused") << QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\nno")
                                     << QByteArray("CONNECT") << false << false
                                     << QByteArray("[403 Forbidden cl:2 ka]body=no;");
    QTest::newRow("CL and TE") << QByteArray(
        "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                               << QByteArray("GET") << false << false
                               << QByteArray("ERROR 502 conflicting message framing: Content-Length can't be present "
                                             "with Transfer-Encoding");
    QTest::newRow("TE gzip") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx") << QByteArray("GET")
                             << false << false
                             << QByteArray("ERROR 502 unsupported upstream Transfer-Encoding \"gzip\"");
    QTest::newRow("obs-fold") << QByteArray("HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n")
                              << QByteArray("GET") << false << false
                              << QByteArray("ERROR 502 obs-fold (a header line starting with whitespace)");
    QTest::newRow("bare LF") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n") << QByteArray("GET") << false
                             << false << QByteArray("ERROR 502 bare LF in the message head (lines must end with CRLF)");
    QTest::newRow("two-digit status") << QByteArray("HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n") << QByteArray("GET")
                                      << false << false << QByteArray("ERROR 502 invalid upstream status code 20");
    QTest::newRow("HTTP/2.0 status line")
        << QByteArray("HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n") << QByteArray("GET") << false << false
        << QByteArray("ERROR 502 upstream answered with HTTP version 2.0");
    QTest::newRow("garbage") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << QByteArray("GET") << false << false
                             << QByteArray("ERROR 502 malformed response: Expected HTTP/");
    QTest::newRow("bad chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n")
                               << QByteArray("GET") << false << false
                               << QByteArray("[200 OK chunked ka]ERROR 502 invalid chunk size: Invalid character in "
                                             "chunk size");
}

void TestHttpResponseParser::responses()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, method);
    QFETCH(bool, upgrade);
    QFETCH(bool, eof);
    QFETCH(QByteArray, expected);
    QCOMPARE(transcript(input, input.size(), method, upgrade, eof), expected);
    QCOMPARE(transcript(input, 1, method, upgrade, eof), expected);
    QCOMPARE(transcript(input, 3, method, upgrade, eof), expected);
}

void TestHttpResponseParser::keepAliveAcrossResponses()
{
    // One pooled connection: HEAD, then GET; the HEAD framing must not stick.
    HttpResponseParser parser;
    const QByteArray first = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n";
    const QByteArray second = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody";
    parser.expectResponseTo("HEAD");
    QByteArrayView input = first;
    HttpParseStep step = parser.parse(input);
    QCOMPARE(step.event, Event::Head);
    QCOMPARE(parser.head().framing, HttpBodyFraming::None);
    QCOMPARE(parser.head().contentLength, 4u);  // the representation's length, for the client
    input = input.sliced(step.consumed);
    QCOMPARE(parser.parse(input).event, Event::MessageComplete);
    QVERIFY(parser.head().keepAlive);

    parser.expectResponseTo("GET");
    input = second;
    step = parser.parse(input);
    QCOMPARE(step.event, Event::Head);
    QCOMPARE(parser.head().framing, HttpBodyFraming::ContentLength);
    input = input.sliced(step.consumed);
    step = parser.parse(input);
    QCOMPARE(step.event, Event::Body);
    QCOMPARE(step.body, QByteArrayView("body"));
    input = input.sliced(step.consumed);
    QCOMPARE(parser.parse(input).event, Event::MessageComplete);
    QVERIFY(parser.isIdle());
}

void TestHttpResponseParser::continueThenFinal()
{
    // The proxy forwards the interim head to the client and keeps reading.
    HttpResponseParser parser;
    parser.expectResponseTo("HEAD");
    QByteArrayView input = "HTTP/1.1 100 Continue\r\n\r\n";
    HttpParseStep step = parser.parse(input);
    QCOMPARE(step.event, Event::Head);
    QVERIFY(parser.head().isInterim());
    input = input.sliced(step.consumed);
    QCOMPARE(parser.parse(input).event, Event::MessageComplete);
    // The final answer to the same HEAD request: still no body.
    input = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n";
    step = parser.parse(input);
    QCOMPARE(step.event, Event::Head);
    QCOMPARE(parser.head().framing, HttpBodyFraming::None);
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
