// HTTP request heads as the proxy handles them: arbitrary bytes into
// HttpRequestParser in arbitrary splits (same events, heads, bodies and errors
// whatever the split), each head rewritten by HttpHeadRewriter, and the
// rewritten head, as sent upstream, parsed again by a fresh parser: it must be
// valid HTTP with the same method, target, host and body framing.
#include "HttpDriver.h"
#include "proxy/HttpHeadRewriter.h"
#include "proxy/HttpRequestParser.h"

using namespace gatehouse::proxy;
using gatehouse::fuzz::HttpDriver;

namespace {

QByteArray framingText(const HttpRequestHead &head)
{
    return QByteArray::number(int(head.framing)) + '/' + QByteArray::number(head.contentLength);
}

QByteArray onHead(HttpRequestParser &parser, bool trusted)
{
    HttpRequestHead &head = parser.head();
    QByteArray trace = head.serialized() + framingText(head) + (head.keepAlive ? " keep" : " close")
        + (head.isUpgrade ? " upgrade" : "") + (head.isConnect ? " connect" : "") + " host=" + head.host;
    FUZZ_CHECK(head.host.isEmpty() || HttpRequestParser::isValidAuthority(head.host), QString::fromLatin1(head.host));
    const QByteArrayView path = head.path();
    const QByteArrayView query = head.query();
    FUZZ_CHECK(path.isEmpty() || path.startsWith('/'), QString::fromLatin1(path));
    Q_UNUSED(query);

    const HttpRequestHead original = head;
    HttpHeadRewriter::RequestContext context;
    context.clientAddress
        = trusted ? QHostAddress(QStringLiteral("2001:db8::7")) : QHostAddress(QStringLiteral("192.0.2.7"));
    context.clientIsTrustedProxy = trusted;
    context.tls = !trusted;
    context.via = "gatehouse";
    HttpHeadRewriter::rewriteRequest(head, context);
    const QByteArray upstream = head.serialized();
    trace += "\n> " + upstream;

    // What the upstream receives is one well-formed request head meaning the same request.
    HttpRequestParser::Limits roomy;
    roomy.maxHeadBytes = 1024 * 1024;
    roomy.maxHeaderCount = 10000;
    HttpRequestParser again(roomy);
    const HttpParseStep step = again.parse(upstream);
    FUZZ_CHECK(
        step.event == HttpParseStep::Event::Head,
        QStringLiteral("the rewritten head does not parse (%1): %2\n--- from\n%3--- to\n%4")
            .arg(int(step.event))
            .arg(again.error().reason, QString::fromLatin1(original.serialized()), QString::fromLatin1(upstream)));
    const HttpRequestHead &reparsed = again.head();
    FUZZ_CHECK(reparsed.method == original.method && reparsed.target == head.target && reparsed.host == original.host
                   && reparsed.framing == original.framing && reparsed.contentLength == original.contentLength
                   && reparsed.isConnect == original.isConnect,
               QStringLiteral("the rewritten head means another request:\n--- from\n%1%2\n--- to\n%3%4")
                   .arg(QString::fromLatin1(original.serialized()), QString::fromLatin1(framingText(original)),
                        QString::fromLatin1(upstream), QString::fromLatin1(framingText(reparsed))));
    FUZZ_CHECK(reparsed.isUpgrade == original.isUpgrade,
               QStringLiteral("upgrade lost or gained:\n%1").arg(QString::fromLatin1(upstream)));
    return trace;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = gatehouse::fuzz::bytes(data, size);
    const bool trusted = size > 0 && (data[size - 1] & 1);
    gatehouse::fuzz::checkSplitsAgree(input, [&](auto feedAll) {
        HttpRequestParser parser;
        HttpDriver<HttpRequestParser> driver(parser, [trusted](HttpRequestParser &p) { return onHead(p, trusted); });
        feedAll(driver);
        driver.finish();
        return driver.trace();
    });
    return 0;
}
