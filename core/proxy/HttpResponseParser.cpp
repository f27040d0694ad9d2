#include "HttpResponseParser.h"

namespace gatehouse::proxy {

HttpResponseParser::HttpResponseParser(const Limits &limits)
    : m_engine(HttpMessageParser::Mode::Response, limits, m_head.headers, m_head.reason)
{ }

void HttpResponseParser::expectResponseTo(QByteArrayView method, bool upgradeRequested)
{
    m_requestIsHead = method == "HEAD";
    m_requestIsConnect = method == "CONNECT";
    m_upgradeRequested = upgradeRequested;
}

void HttpResponseParser::reset()
{
    m_engine.reset();
    const HttpResponseHead fresh;
    m_head.versionMajor = fresh.versionMajor;
    m_head.versionMinor = fresh.versionMinor;
    m_head.status = fresh.status;
    m_head.framing = fresh.framing;
    m_head.contentLength = fresh.contentLength;
    m_head.keepAlive = fresh.keepAlive;
    m_head.isUpgrade = fresh.isUpgrade;
    m_requestIsHead = m_requestIsConnect = m_upgradeRequested = false;
}

HttpParseStep HttpResponseParser::parse(QByteArrayView input)
{
    return afterStep(m_engine.parse(input));
}

HttpParseStep HttpResponseParser::finish()
{
    return afterStep(m_engine.finish());
}

HttpParseStep HttpResponseParser::afterStep(const HttpParseStep &step)
{
    switch (step.event) {
    case HttpParseStep::Event::Head:
        return completeHead(step);
    case HttpParseStep::Event::MessageComplete:
        // Interim responses share their request with the final one.
        if (!m_head.isInterim()) {
            m_requestIsHead = m_requestIsConnect = m_upgradeRequested = false;  // GET
        }
        return step;
    default:
        return step;
    }
}

HttpParseStep HttpResponseParser::completeHead(const HttpParseStep &step)
{
    HttpResponseHead &head = m_head;
    head.versionMajor = m_engine.versionMajor();
    head.versionMinor = m_engine.versionMinor();
    head.status = m_engine.statusCode();
    head.isUpgrade = false;

    if (head.versionMajor != 1 || head.versionMinor > 1) {
        return m_engine.fail(
            502,
            QStringLiteral("upstream answered with HTTP version %1.%2").arg(head.versionMajor).arg(head.versionMinor),
            step.consumed);
    }
    // llhttp 8.1 takes one to three digits, so "20" and "099" get here.
    if (head.status < 100 || head.status > 599)
        return m_engine.fail(502, QStringLiteral("invalid upstream status code %1").arg(head.status), step.consumed);

    if (m_engine.hasTransferEncoding()) {
        // The proxy re-frames chunked bodies; any other coding would reach the
        // client undecoded under a different framing.
        const QByteArray codings = head.headers.combinedValue("Transfer-Encoding");
        if (!HttpHeaders::equalsIgnoreCase(QByteArrayView(codings).trimmed(), "chunked")) {
            return m_engine.fail(
                502, QStringLiteral("unsupported upstream Transfer-Encoding \"%1\"").arg(QString::fromLatin1(codings)),
                step.consumed);
        }
    }

    const bool success = head.status >= 200 && head.status < 300;
    if (head.status == 101) {
        if (!m_upgradeRequested) {
            return m_engine.fail(502, QStringLiteral("upstream switched protocols without being asked to"),
                                 step.consumed);
        }
        head.isUpgrade = true;
    } else if (m_requestIsConnect && success) {
        head.isUpgrade = true;
    }
    m_engine.setUpgrade(head.isUpgrade);

    // RFC 9112 section 6.3: these have no body whatever their fields say;
    // llhttp 8.1 would read a body for a 204 or 304 with Content-Length.
    const bool noBody
        = head.isUpgrade || head.status < 200 || head.status == 204 || head.status == 304 || m_requestIsHead;
    if (noBody) {
        m_engine.skipBody();
        head.framing = HttpBodyFraming::None;
        head.contentLength = m_engine.hasContentLength() ? m_engine.contentLength() : 0;
    } else if (m_engine.isChunked()) {
        head.framing = HttpBodyFraming::Chunked;
        head.contentLength = 0;
    } else if (m_engine.hasContentLength()) {
        head.framing = HttpBodyFraming::ContentLength;
        head.contentLength = m_engine.contentLength();
    } else {
        head.framing = HttpBodyFraming::UntilClose;
        head.contentLength = 0;
    }
    head.keepAlive = !head.isUpgrade && m_engine.shouldKeepAlive();
    return step;
}

}  // namespace gatehouse::proxy
