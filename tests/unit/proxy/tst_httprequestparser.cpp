// The request parser: good requests fed whole, in odd pieces and a byte at a
// time (which must all read the same), smuggling attempts with the status and
// reason each gets, the head caps, pausing and the Upgrade hand-over.
#include "proxy/HttpRequestParser.h"

#include <QTest>

using gatehouse::proxy::HttpBodyFraming;
using gatehouse::proxy::HttpParseStep;
using gatehouse::proxy::HttpRequestParser;
using Event = HttpParseStep::Event;
using gatehouse::proxy::framingName;

namespace {

// Feeds `input` in pieces of `pieceSize` bytes the way the proxy does (keeping
// what was not consumed) and writes down every event, bodies joined per message,
// so different piece sizes must give the same transcript.
QByteArray transcript(const QByteArray &input, qsizetype pieceSize, HttpRequestParser::Limits limits = {})
{
    HttpRequestParser parser(limits);
    QByteArray out;
    QByteArray pending;
    QByteArray body;
    for (qsizetype fed = 0; fed < input.size();) {
        const qsizetype n = qMin(pieceSize, input.size() - fed);
        pending += input.mid(fed, n);
        fed += n;
        for (;;) {
            const HttpParseStep step = parser.parse(pending);
            if (step.event == Event::Body)
                body += step.body.toByteArray();
            pending.remove(0, step.consumed);
            if (step.event == Event::Head) {
                const auto &h = parser.head();
                out += "[" + h.method + " " + h.target + " 1." + QByteArray::number(h.versionMinor) + " host=" + h.host
                    + " " + framingName(h.framing);
                if (h.framing == HttpBodyFraming::ContentLength)
                    out += ":" + QByteArray::number(h.contentLength);
                out += QByteArray(h.keepAlive ? " ka" : " close") + (h.isUpgrade ? " upgrade" : "")
                    + (h.isConnect ? " connect" : "") + (h.expectContinue ? " expect" : "");
                for (qsizetype i = 0; i < h.headers.size(); ++i)
                    out += " " + h.headers.nameAt(i).toByteArray() + "=" + h.headers.valueAt(i).toByteArray();
                out += "]";
            } else if (step.event == Event::MessageComplete) {
                out += "body=" + body;
                for (qsizetype i = 0; i < parser.trailers().size(); ++i) {
                    out += " trailer:" + parser.trailers().nameAt(i).toByteArray() + "="
                        + parser.trailers().valueAt(i).toByteArray();
                }
                out += ";";
                body.clear();
            } else if (step.event == Event::Upgrade) {
                return out + "UPGRADE";
            } else if (step.event == Event::Error) {
                return out + "ERROR " + QByteArray::number(parser.error().status) + " "
                    + parser.error().reason.toUtf8();
            } else if (step.event == Event::NeedMore) {
                if (!pending.isEmpty())  // NeedMore means everything was used
                    return out + "NEEDMORE LEFT BYTES";
                break;
            }
        }
    }
    return out;
}

}  // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodRequests_data();
    void goodRequests();
    void rejected_data();
    void rejected();
    void headSizeCap();
    void headerCountCap();
    void pauseAfterHeadAndResume();
    void upgradeHandsOverTheRest();
    void declinedUpgradeContinuesParsing();
    void finishInTheMiddleIsAnError();
    void authority_data();
    void authority();
};

void TestHttpRequestParser::goodRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("get") << QByteArray("GET /a?b=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n")
                         << QByteArray("[GET /a?b=1 1.1 host=example.com none ka Host=example.com Accept=*/*]body=;");
    QTest::newRow("post content-length") << QByteArray("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")
                                         << QByteArray(
                                                "[POST /f 1.1 host=a cl:5 ka Host=a Content-Length=5]body=hello;");
    QTest::newRow("content-length zero") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
                                         << QByteArray("[POST / 1.1 host=a cl:0 ka Host=a Content-Length=0]body=;");
    QTest::newRow("chunked with extensions and trailers")
        << QByteArray("POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5;name=value\r\nhello\r\n6;q=\"x y\";n=2\r\n world\r\n0\r\nX-Sum: 42\r\nX-B: c\r\n\r\n")
        << QByteArray("[POST /up 1.1 host=a chunked ka Host=a Transfer-Encoding=chunked]"
                      "body=hello world trailer:X-Sum=42 trailer:X-B=c;");
    QTest::newRow("chunked upper-case hex")
        << QByteArray("PUT / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
                      "A\r\n0123456789\r\n0\r\n\r\n")
        << QByteArray("[PUT / 1.1 host=a chunked ka Host=a Transfer-Encoding=Chunked]"
                      "body=0123456789;");
    QTest::newRow("pipelined") << QByteArray("GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
                                             "POST /2 HTTP/1.1\r\nHost: b\r\nContent-Length: 2\r\n\r\nhi"
                                             "GET /3 HTTP/1.1\r\nHost: c\r\nConnection: close\r\n\r\n")
                               << QByteArray("[GET /1 1.1 host=a none ka Host=a]body=;"
                                             "[POST /2 1.1 host=b cl:2 ka Host=b Content-Length=2]body=hi;"
                                             "[GET /3 1.1 host=c none close Host=c Connection=close]body=;");
    QTest::newRow("duplicates kept in order")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\nx-b: 2\r\nX-A:3 \r\nCookie: c=1\r\nCookie: d=2\r\n\r\n")
        << QByteArray("[GET / 1.1 host=a none ka Host=a X-A=1 x-b=2 X-A=3 Cookie=c=1 Cookie=d=2]body=;");
    QTest::newRow("http/1.0 without host")
        << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("[GET / 1.0 host= none close]body=;");
    QTest::newRow("http/1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                                         << QByteArray("[GET / 1.0 host= none ka Connection=keep-alive]body=;");
    QTest::newRow("leading empty line") << QByteArray("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
                                        << QByteArray("[GET / 1.1 host=a none ka Host=a]body=;");
    QTest::newRow("absolute-form target wins over Host")
        << QByteArray("GET http://b.example:8080/p?q HTTP/1.1\r\nHost: a\r\n\r\n")
        << QByteArray("[GET http://b.example:8080/p?q 1.1 host=b.example:8080 none ka Host=a]body=;");
    QTest::newRow("options asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")
                                      << QByteArray("[OPTIONS * 1.1 host=a none ka Host=a]body=;");
    QTest::newRow("ipv6 host") << QByteArray("GET / HTTP/1.1\r\nHost: [::1]:8443\r\n\r\n")
                               << QByteArray("[GET / 1.1 host=[::1]:8443 none ka Host=[::1]:8443]body=;");
    QTest::newRow("expect 100-continue")
        << QByteArray("PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\nz")
        << QByteArray("[PUT /x 1.1 host=a cl:1 ka expect Host=a Expect=100-Continue Content-Length=1]body=z;");
    QTest::newRow("expect ignored on http/1.0")
        << QByteArray("PUT /x HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nz")
        << QByteArray("[PUT /x 1.0 host= cl:1 close Expect=100-continue Content-Length=1]body=z;");
    QTest::newRow("upgrade websocket")
        << QByteArray("GET /ws HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n"
                      "\x81\x05hello")
        << QByteArray("[GET /ws 1.1 host=a none ka upgrade Host=a Connection=keep-alive, Upgrade "
                      "Upgrade=websocket]body=;UPGRADE");
    QTest::newRow("upgrade header without connection token is not an upgrade")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n\r\n")
        << QByteArray("[GET / 1.1 host=a none ka Host=a Upgrade=websocket]body=;");
    QTest::newRow("connect") << QByteArray("CONNECT db.internal:5432 HTTP/1.1\r\nHost: db.internal:5432\r\n\r\nraw")
                             << QByteArray("[CONNECT db.internal:5432 1.1 host=db.internal:5432 none ka connect "
                                           "Host=db.internal:5432]body=;UPGRADE");
    QTest::newRow("obs-text and tab inside a value")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: caf\xc3\xa9\tb\r\n\r\n")
        << QByteArray("[GET / 1.1 host=a none ka Host=a X=caf\xc3\xa9\tb]body=;");
}

void TestHttpRequestParser::goodRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(transcript(input, input.size()), expected);
    QCOMPARE(transcript(input, 1), expected);
    QCOMPARE(transcript(input, 7), expected);
}

void TestHttpRequestParser::rejected_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");

    const QByteArray line = "POST / HTTP/1.1\r\nHost: a\r\n";
    QTest::newRow("CL then TE") << line + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                << 400 << QStringLiteral("Content-Length can't be present with Transfer-Encoding");
    QTest::newRow("TE then CL") << line + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n"
                                << 400 << QStringLiteral("Content-Length can't be present with Transfer-Encoding");
    QTest::newRow("TE chunked, identity") << line + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"
                                          << 400 << QStringLiteral("invalid Transfer-Encoding");
    QTest::newRow("TE identity") << line + "Transfer-Encoding: identity\r\n\r\nabc" << 400
                                 << QStringLiteral("Transfer-Encoding must end with chunked");
    QTest::newRow("TE chunked twice") << line
            + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                      << 400 << QStringLiteral("invalid Transfer-Encoding");
    QTest::newRow("TE xchunked") << line + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"
                                 << 400 << QStringLiteral("Transfer-Encoding must end with chunked");
    QTest::newRow("TE chunked with parameter") << line + "Transfer-Encoding: chunked;x=1\r\n\r\n0\r\n\r\n"
                                               << 400 << QStringLiteral("Transfer-Encoding must end with chunked");
    QTest::newRow("TE gzip, chunked") << line + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"
                                      << 501 << QStringLiteral("unsupported transfer coding \"gzip\"");
    QTest::newRow("TE on HTTP/1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                    << 400 << QStringLiteral("Transfer-Encoding in an HTTP/1.0 request");
    QTest::newRow("double CL differing") << line + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd" << 400
                                         << QStringLiteral("Duplicate Content-Length");
    QTest::newRow("double CL equal") << line + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc" << 400
                                     << QStringLiteral("Duplicate Content-Length");
    QTest::newRow("CL list") << line + "Content-Length: 3, 3\r\n\r\nabc" << 400
                             << QStringLiteral("invalid Content-Length");
    QTest::newRow("CL signed") << line + "Content-Length: +3\r\n\r\nabc" << 400
                               << QStringLiteral("invalid Content-Length");
    QTest::newRow("CL overflow") << line + "Content-Length: 99999999999999999999\r\n\r\n"
                                 << 400 << QStringLiteral("Content-Length overflow");
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400
                                        << QStringLiteral("invalid character in a header field");
    QTest::newRow("tab before colon") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX\t: b\r\n\r\n") << 400
                                      << QStringLiteral("invalid character in a header field");
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n") << 400
                              << QStringLiteral("obs-fold");
    QTest::newRow("obs-fold with tab") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n\r\n") << 400
                                       << QStringLiteral("obs-fold");
    QTest::newRow("whitespace before first field")
        << QByteArray("GET / HTTP/1.1\r\n Host: a\r\n\r\n") << 400 << QStringLiteral("obs-fold");
    QTest::newRow("bare LF after request line")
        << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << 400 << QStringLiteral("bare LF");
    // Field lines are skipped to their next CR or LF at once: a stray one deep inside a
    // long value is still found, whichever piece it arrives in.
    QTest::newRow("bare LF inside a long value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: " + QByteArray(100, 'v')
                                                               + "\n" + QByteArray(50, 'w') + "\r\n\r\n")
                                                 << 400 << QStringLiteral("bare LF");
    QTest::newRow("bare CR inside a long value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: " + QByteArray(100, 'v')
                                                               + "\r" + QByteArray(50, 'w') + "\r\n\r\n")
                                                 << 400 << QStringLiteral("bare CR");
    QTest::newRow("bare LF between fields")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n") << 400 << QStringLiteral("bare LF");
    QTest::newRow("bare LF ends head") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\n") << 400
                                       << QStringLiteral("bare LF");
    QTest::newRow("bare CR in value") << QByteArray("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n") << 400
                                      << QStringLiteral("bare CR");
    static const char withNul[] = "GET / HTTP/1.1\r\nHost: a\r\nX: b\0c\r\n\r\n";
    QTest::newRow("NUL in value") << QByteArray(withNul, sizeof(withNul) - 1) << 400
                                  << QStringLiteral("invalid character in a header field");
    QTest::newRow("control char in value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX: b\x01c\r\n\r\n") << 400
                                           << QStringLiteral("invalid character in a header field");
    QTest::newRow("empty field name") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n: b\r\n\r\n") << 400
                                      << QStringLiteral("empty header field name");
    QTest::newRow("missing host") << QByteArray("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n") << 400
                                  << QStringLiteral("missing Host");
    QTest::newRow("duplicate host") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400
                                    << QStringLiteral("more than one Host");
    QTest::newRow("duplicate identical host")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n") << 400 << QStringLiteral("more than one Host");
    QTest::newRow("host with userinfo") << QByteArray("GET / HTTP/1.1\r\nHost: user@a\r\n\r\n") << 400
                                        << QStringLiteral("invalid Host");
    QTest::newRow("host with path") << QByteArray("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n") << 400
                                    << QStringLiteral("invalid Host");
    QTest::newRow("invalid chunk size") << line + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
                                        << 400 << QStringLiteral("invalid chunk size");
    QTest::newRow("oversize chunk-size hex")
        << line + "Transfer-Encoding: chunked\r\n\r\n10000000000000000\r\nabc\r\n0\r\n\r\n"
        << 400 << QStringLiteral("Chunk size overflow");
    QTest::newRow("chunk size with space") << line + "Transfer-Encoding: chunked\r\n\r\n3 ;a\r\nabc\r\n0\r\n\r\n"
                                           << 400 << QStringLiteral("invalid chunk size");
    QTest::newRow("chunk size bare LF") << line + "Transfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n"
                                        << 400 << QStringLiteral("invalid chunk size");
    QTest::newRow("chunk data longer than size") << line + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n"
                                                 << 400 << QStringLiteral("Expected CRLF after chunk");
    QTest::newRow("obs-fold in trailer") << line + "Transfer-Encoding: chunked\r\n\r\n0\r\nX: 1\r\n 2\r\n\r\n"
                                         << 400 << QStringLiteral("obs-fold");
    QTest::newRow("bare LF ends trailers") << line + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\n"
                                           << 400 << QStringLiteral("bare LF");
    QTest::newRow("HTTP/1.2") << QByteArray("GET / HTTP/1.2\r\nHost: a\r\n\r\n") << 505
                              << QStringLiteral("unsupported HTTP version");
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 505
                              << QStringLiteral("unsupported HTTP version 2.0");
    QTest::newRow("HTTP/0.9") << QByteArray("GET /\r\n\r\n") << 505 << QStringLiteral("unsupported HTTP version 0.9");
    QTest::newRow("h2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505 << QStringLiteral("HTTP/2");
    QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\nHost: a\r\n\r\n") << 400
                                       << QStringLiteral("invalid or unknown method");
    QTest::newRow("two spaces in request line")
        << QByteArray("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << QStringLiteral("more than one space");
    QTest::newRow("control char in target")
        << QByteArray("GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << QStringLiteral("invalid request target");
    QTest::newRow("target without slash")
        << QByteArray("GET a/b HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << QStringLiteral("invalid request target");
    QTest::newRow("absolute target, other scheme")
        << QByteArray("GET ftp://a/b HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << QStringLiteral("scheme other than http");
    QTest::newRow("whitespace starts the trailers") << line + "Transfer-Encoding: chunked\r\n\r\n0\r\n X: 1\r\n\r\n"
                                                    << 400 << QStringLiteral("obs-fold");
    QTest::newRow("CONNECT without port")
        << QByteArray("CONNECT a HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << QStringLiteral("host:port");
    QTest::newRow("data after Connection: close")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n") << 400
        << QStringLiteral("data after the last message");
}

void TestHttpRequestParser::rejected()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    QFETCH(QString, reason);

    for (const qsizetype piece : { input.size(), qsizetype(1), qsizetype(5) }) {
        const QByteArray result = transcript(input, piece);
        const qsizetype at = result.indexOf("ERROR ");
        QVERIFY2(at >= 0, result.constData());
        const QByteArray error = result.mid(at + 6);
        QCOMPARE(error.left(3).toInt(), status);
        QVERIFY2(QString::fromUtf8(error).contains(reason), error.constData());
    }
}

void TestHttpRequestParser::headSizeCap()
{
    HttpRequestParser::Limits limits;
    limits.maxHeadBytes = 64;
    const QByteArray head = "GET / HTTP/1.1\r\nHost: a\r\nX: ";  // 28 bytes
    const QByteArray exactly = head + QByteArray(64 - head.size() - 4, 'v') + "\r\n\r\n";
    QCOMPARE(exactly.size(), 64);
    for (const qsizetype piece : { exactly.size(), qsizetype(1) }) {
        QVERIFY(transcript(exactly, piece, limits).startsWith("[GET / 1.1"));
        QCOMPARE(transcript(exactly + "GET", piece, limits).right(6), QByteArray("body=;"));
    }

    const QByteArray oneMore = head + QByteArray(64 - head.size() - 3, 'v') + "\r\n\r\n";
    for (const qsizetype piece : { oneMore.size(), qsizetype(1), qsizetype(10) })
        QCOMPARE(transcript(oneMore, piece, limits), QByteArray("ERROR 431 message head larger than 64 bytes"));

    // Never ending: the cap triggers without the end of the head.
    HttpRequestParser parser(limits);
    const QByteArray endless = "GET / HTTP/1.1\r\nX: " + QByteArray(1000, 'a');
    const HttpParseStep step = parser.parse(endless);
    QCOMPARE(step.event, Event::Error);
    QCOMPARE(parser.error().status, 431);
    QVERIFY(step.consumed <= 64);

    // The cap is per message: a second request of the same size is fine.
    const QByteArray two = exactly + exactly;
    QCOMPARE(transcript(two, two.size(), limits).count("body=;"), 2);

    // Trailer sections get the same cap.
    const QByteArray trailers = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: "
        + QByteArray(100, 't') + "\r\n\r\n";
    QVERIFY(transcript(trailers, trailers.size(), limits).endsWith("ERROR 431 trailer section larger than 64 bytes"));
}

void TestHttpRequestParser::headerCountCap()
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderCount = 3;
    QByteArray request = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n";
    QVERIFY(transcript(request, request.size(), limits).startsWith("[GET"));
    request.insert(request.size() - 2, "C: 3\r\n");
    QCOMPARE(transcript(request, request.size(), limits), QByteArray("ERROR 431 more than 3 header fields"));
    QCOMPARE(transcript(request, 1, limits), QByteArray("ERROR 431 more than 3 header fields"));
}

void TestHttpRequestParser::pauseAfterHeadAndResume()
{
    const QByteArray head = "POST /data HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n";
    const QByteArray input = head + "0123456789" + "GET /next HTTP/1.1\r\nHost: a\r\n\r\n";
    HttpRequestParser parser;
    HttpParseStep step = parser.parse(input);
    QCOMPARE(step.event, Event::Head);
    QCOMPARE(step.consumed, head.size());  // exactly the head: the body is still ours to keep
    QCOMPARE(parser.head().target, QByteArray("/data"));

    // The proxy connects upstream now; meanwhile it holds the rest. Later it
    // continues with what it kept, and only half the body has room upstream.
    QByteArrayView rest = QByteArrayView(input).sliced(step.consumed);
    step = parser.parse(rest.first(4));
    QCOMPARE(step.event, Event::Body);
    QCOMPARE(step.body, QByteArrayView("0123"));
    QCOMPARE(step.consumed, 4);
    rest = rest.sliced(4);
    step = parser.parse(rest);
    QCOMPARE(step.event, Event::Body);
    QCOMPARE(step.body, QByteArrayView("456789"));
    rest = rest.sliced(step.consumed);
    step = parser.parse(rest);
    QCOMPARE(step.event, Event::MessageComplete);
    QCOMPARE(step.consumed, 0);
    QCOMPARE(parser.head().target, QByteArray("/data"));  // still there until the next request is read
    QVERIFY(parser.isIdle());
    step = parser.parse(rest);
    QCOMPARE(step.event, Event::Head);
    QCOMPARE(parser.head().target, QByteArray("/next"));
    QCOMPARE(step.consumed, rest.size());
    QVERIFY(!parser.isIdle());
}

void TestHttpRequestParser::upgradeHandsOverTheRest()
{
    const QByteArray head = "GET /chat HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n";
    const QByteArray frames = "\x81\x02hi";
    const QByteArray input = head + frames;
    HttpRequestParser parser;
    HttpParseStep step = parser.parse(input);
    QCOMPARE(step.event, Event::Head);
    QVERIFY(parser.head().isUpgrade);
    QCOMPARE(parser.head().upgradeProtocol(), QByteArrayView("websocket"));
    QByteArrayView rest = QByteArrayView(input).sliced(step.consumed);
    step = parser.parse(rest);
    QCOMPARE(step.event, Event::MessageComplete);
    step = parser.parse(rest);
    QCOMPARE(step.event, Event::Upgrade);
    QCOMPARE(step.consumed, 0);  // the frames are tunnel bytes, untouched
    QVERIFY(parser.isUpgraded());
    QCOMPARE(parser.parse(rest).event, Event::Upgrade);
}

void TestHttpRequestParser::declinedUpgradeContinuesParsing()
{
    const QByteArray input = "GET /chat HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
                             "GET /plain HTTP/1.1\r\nHost: a\r\n\r\n";
    for (const bool beforeUpgradeStep : { false, true }) {
        HttpRequestParser parser;
        QByteArrayView rest = input;
        HttpParseStep step = parser.parse(rest);
        QCOMPARE(step.event, Event::Head);
        rest = rest.sliced(step.consumed);
        QCOMPARE(parser.parse(rest).event, Event::MessageComplete);
        if (!beforeUpgradeStep)
            QCOMPARE(parser.parse(rest).event, Event::Upgrade);
        // The upstream answered 200, not 101: the client's next bytes are HTTP.
        parser.continueAfterUpgrade();
        step = parser.parse(rest);
        QCOMPARE(step.event, Event::Head);
        QCOMPARE(parser.head().target, QByteArray("/plain"));
        QVERIFY(!parser.head().isUpgrade);
    }
}

void TestHttpRequestParser::finishInTheMiddleIsAnError()
{
    {
        HttpRequestParser parser;
        QCOMPARE(parser.finish().event, Event::NeedMore);  // nothing started: a clean close
    }
    {
        HttpRequestParser parser;
        const QByteArray input = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc";
        QCOMPARE(parser.parse(input).event, Event::Head);
        HttpParseStep step = parser.finish();
        QCOMPARE(step.event, Event::Error);
        QCOMPARE(parser.error().status, 400);
        QVERIFY(parser.error().reason.contains(QStringLiteral("in the middle of a request")));
    }
    {
        HttpRequestParser parser;
        QCOMPARE(parser.parse("GET / HTTP/1.1\r\nHo").event, Event::NeedMore);
        QCOMPARE(parser.finish().event, Event::Error);
    }
}

void TestHttpRequestParser::authority_data()
{
    QTest::addColumn<QByteArray>("authority");
    QTest::addColumn<bool>("requirePort");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << QByteArray("example.com") << false << true;
    QTest::newRow("name port") << QByteArray("example.com:8080") << false << true;
    QTest::newRow("empty port") << QByteArray("example.com:") << false << true;
    QTest::newRow("port required") << QByteArray("example.com") << true << false;
    QTest::newRow("port too big") << QByteArray("a:65536") << false << false;
    QTest::newRow("ipv6") << QByteArray("[2001:db8::1]:443") << true << true;
    QTest::newRow("ipv6 unclosed") << QByteArray("[2001:db8::1") << false << false;
    QTest::newRow("ipv6 junk after") << QByteArray("[::1]x") << false << false;
    QTest::newRow("userinfo") << QByteArray("u@a") << false << false;
    QTest::newRow("space") << QByteArray("a b") << false << false;
    QTest::newRow("empty") << QByteArray("") << false << false;
    QTest::newRow("two colons") << QByteArray("a:1:2") << false << false;
}

void TestHttpRequestParser::authority()
{
    QFETCH(QByteArray, authority);
    QFETCH(bool, requirePort);
    QFETCH(bool, valid);
    QCOMPARE(HttpRequestParser::isValidAuthority(authority, requirePort), valid);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
