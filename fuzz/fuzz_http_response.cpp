// Upstream responses as the proxy handles them: the first byte says what the
// request was (GET, HEAD, CONNECT or POST; Upgrade asked; an HTTP/1.0 or
// keep-alive client), the rest goes into HttpResponseParser in arbitrary splits
// (same story whatever the split), each head is rewritten for the client, and
// the rewritten head parses again with the framing the plan says; a body the
// client can only delimit by the close must close the client connection.
#include "HttpDriver.h"
#include "proxy/HttpHeadRewriter.h"
#include "proxy/HttpResponseParser.h"

using namespace gatehouse::proxy;
using gatehouse::fuzz::HttpDriver;

namespace {

struct Request
{
    QByteArray method;
    bool upgrade = false;
    HttpHeadRewriter::ResponseContext context;
};

QByteArray framingText(const HttpResponseHead &head)
{
    return QByteArray::number(int(head.framing)) + '/' + QByteArray::number(head.contentLength);
}

QByteArray onHead(HttpResponseParser &parser, Request &request)
{
    HttpResponseHead &head = parser.head();
    QByteArray trace = head.serialized() + framingText(head) + (head.keepAlive ? " keep" : " close")
        + (head.isUpgrade ? " upgrade" : "");
    FUZZ_CHECK(head.status >= 100 && head.status <= 599, QString::number(head.status));

    const HttpResponseHead original = head;
    const Request answered = request;
    if (!original.isInterim()) {
        // The parser expects the next response to answer a GET (HttpResponseParser::afterStep).
        request.method = "GET";
        request.upgrade = false;
    }
    const HttpHeadRewriter::ResponsePlan plan = HttpHeadRewriter::rewriteResponse(head, answered.context);
    trace += "\n> " + QByteArray::number(int(plan.framing)) + (plan.closeClient ? " close" : "")
        + (plan.sendToClient ? "" : " withheld");
    if (!plan.sendToClient)
        return trace;
    const QByteArray client = head.serialized();
    trace += '\n' + client;

    HttpResponseParser::Limits roomy;
    roomy.maxHeadBytes = 1024 * 1024;
    roomy.maxHeaderCount = 10000;
    HttpResponseParser again(roomy);
    // An interim response is followed by the final one for the same request.
    again.expectResponseTo(answered.method, answered.upgrade);
    const HttpParseStep step = again.parse(client);
    FUZZ_CHECK(step.event == HttpParseStep::Event::Head,
               QStringLiteral("the rewritten head does not parse (%1): %2\n--- from\n%3--- to\n%4")
                   .arg(int(step.event))
                   .arg(again.error().reason, QString::fromLatin1(original.serialized()), QString::fromLatin1(client)));
    const HttpResponseHead &reparsed = again.head();
    const QString both
        = QStringLiteral("\n--- from\n%1%2\n--- to (plan %3, close %4)\n%5%6")
              .arg(QString::fromLatin1(original.serialized()), QString::fromLatin1(framingText(original)))
              .arg(int(plan.framing))
              .arg(plan.closeClient)
              .arg(QString::fromLatin1(client), QString::fromLatin1(framingText(reparsed)));
    FUZZ_CHECK(reparsed.status == original.status, QStringLiteral("status changed") + both);
    if (plan.framing == HttpBodyFraming::ContentLength || plan.framing == HttpBodyFraming::Chunked) {
        FUZZ_CHECK(reparsed.framing == plan.framing, QStringLiteral("framing differs from the plan") + both);
        if (plan.framing == HttpBodyFraming::ContentLength)
            FUZZ_CHECK(reparsed.contentLength == original.contentLength, QStringLiteral("length changed") + both);
    }
    if (reparsed.framing == HttpBodyFraming::UntilClose || plan.framing == HttpBodyFraming::UntilClose)
        FUZZ_CHECK(plan.closeClient, QStringLiteral("a body delimited by the close, but the client stays open") + both);
    if (plan.framing == HttpBodyFraming::None && !original.isUpgrade)
        FUZZ_CHECK(reparsed.framing == HttpBodyFraming::None || plan.closeClient,
                   QStringLiteral("no body sent, but the client would wait for one") + both);
    return trace;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QByteArray methods[] = { "GET", "HEAD", "CONNECT", "POST" };
    Request request;
    request.method = methods[data[0] & 3];
    request.upgrade = data[0] & 4;
    request.context.clientVersionMinor = (data[0] & 8) ? 0 : 1;
    request.context.clientKeepAlive = !(data[0] & 16);
    request.context.via = (data[0] & 32) ? QByteArray("gatehouse") : QByteArray();
    const QByteArrayView input = gatehouse::fuzz::bytes(data + 1, size - 1);
    gatehouse::fuzz::checkSplitsAgree(input, [&](auto feedAll) {
        HttpResponseParser parser;
        parser.expectResponseTo(request.method, request.upgrade);
        Request current = request;
        HttpDriver<HttpResponseParser> driver(parser, [&current](HttpResponseParser &p) { return onHead(p, current); });
        feedAll(driver);
        driver.finish();
        return driver.trace();
    });
    return 0;
}
