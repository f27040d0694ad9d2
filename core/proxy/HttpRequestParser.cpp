#include "HttpRequestParser.h"

#include "UriCharacters.h"

namespace gatehouse::proxy {

namespace {

using uri::isDigit;
using uri::isHexDigit;

// reg-name: unreserved / pct-encoded / sub-delims
bool isRegNameChar(char c)
{
    return uri::isUnreserved(c) || uri::isSubDelim(c) || c == '%';
}

bool isValidPort(QByteArrayView port, bool required)
{
    if (port.isEmpty())
        return !required;
    if (port.size() > 5)
        return false;
    int value = 0;
    for (const char c : port) {
        if (!isDigit(c))
            return false;
        value = value * 10 + (c - '0');
    }
    return value <= 65535;
}

QString latin1(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.data(), bytes.size());
}

}  // namespace

bool HttpRequestParser::isValidAuthority(QByteArrayView authority, bool requirePort)
{
    if (authority.isEmpty())
        return false;
    if (authority.startsWith('[')) {
        const qsizetype close = authority.indexOf(']');
        if (close < 2)
            return false;
        for (const char c : authority.sliced(1, close - 1)) {
            if (!isHexDigit(c) && c != ':' && c != '.')
                return false;
        }
        const QByteArrayView rest = authority.sliced(close + 1);
        if (rest.isEmpty())
            return !requirePort;
        return rest.startsWith(':') && isValidPort(rest.sliced(1), requirePort);
    }
    const qsizetype colon = authority.indexOf(':');
    const QByteArrayView host = colon < 0 ? authority : authority.first(colon);
    if (host.isEmpty())
        return false;
    for (const char c : host) {
        if (!isRegNameChar(c))
            return false;
    }
    if (colon < 0)
        return !requirePort;
    return isValidPort(authority.sliced(colon + 1), requirePort);
}

HttpRequestParser::HttpRequestParser(const Limits &limits)
    : m_engine(HttpMessageParser::Mode::Request, limits, m_head.headers, m_head.target)
{ }

HttpParseStep HttpRequestParser::parse(QByteArrayView input)
{
    const HttpParseStep step = m_engine.parse(input);
    return step.event == HttpParseStep::Event::Head ? completeHead(step) : step;
}

HttpParseStep HttpRequestParser::finish()
{
    const HttpParseStep step = m_engine.finish();
    return step.event == HttpParseStep::Event::Head ? completeHead(step) : step;
}

HttpParseStep HttpRequestParser::completeHead(const HttpParseStep &step)
{
    HttpRequestHead &head = m_head;
    const HttpHeaders &headers = head.headers;
    head.versionMajor = m_engine.versionMajor();
    head.versionMinor = m_engine.versionMinor();
    // llhttp's method names are static strings: no copy.
    const QByteArrayView method = m_engine.method();
    head.method = QByteArray::fromRawData(method.data(), method.size());

    // llhttp accepts any single-digit version, and "GET /" (HTTP/0.9).
    if (head.versionMajor != 1 || head.versionMinor > 1) {
        return m_engine.fail(
            505, QStringLiteral("unsupported HTTP version %1.%2").arg(head.versionMajor).arg(head.versionMinor),
            step.consumed);
    }
    const bool http11 = head.versionMinor == 1;

    // RFC 9112 section 3.2: 400 for a missing (HTTP/1.1), repeated or invalid Host.
    const qsizetype hostCount = headers.count("Host");
    if (hostCount > 1)
        return m_engine.fail(400, QStringLiteral("more than one Host header field"), step.consumed);
    if (hostCount == 0 && http11)
        return m_engine.fail(400, QStringLiteral("missing Host header field (required in HTTP/1.1)"), step.consumed);
    const QByteArrayView hostField = headers.value("Host");
    if (!hostField.isEmpty() && !isValidAuthority(hostField))
        return m_engine.fail(400, QStringLiteral("invalid Host header field"), step.consumed);

    if (m_engine.hasTransferEncoding()) {
        // RFC 9112 section 6.1: HTTP/1.0 has no chunked framing, so TE there
        // means the framing cannot be trusted.
        if (!http11) {
            return m_engine.fail(400, QStringLiteral("Transfer-Encoding in an HTTP/1.0 request"), step.consumed);
        }
        int chunkedCount = 0;
        bool lastIsChunked = false;
        QByteArrayView unsupported;
        const QByteArray codings = headers.combinedValue("Transfer-Encoding");
        HttpHeaders::forEachElement(codings, [&](QByteArrayView coding) {
            lastIsChunked = HttpHeaders::equalsIgnoreCase(coding, "chunked");
            if (lastIsChunked)
                ++chunkedCount;
            else if (unsupported.isEmpty())
                unsupported = coding;
            return true;
        });
        // Section 6.3: chunked not final means the length cannot be determined: 400.
        if (!lastIsChunked || chunkedCount != 1) {
            return m_engine.fail(400, QStringLiteral("Transfer-Encoding must end with chunked, applied once"),
                                 step.consumed);
        }
        // Section 6.1: a coding we do not implement: 501. The proxy re-frames
        // chunked bodies, so it would have to decode any other coding too.
        if (!unsupported.isEmpty()) {
            return m_engine.fail(501, QStringLiteral("unsupported transfer coding \"%1\"").arg(latin1(unsupported)),
                                 step.consumed);
        }
    }

    head.isConnect = head.method == "CONNECT";
    const QByteArrayView target = head.target;
    if (head.isConnect) {
        if (!isValidAuthority(target, true))
            return m_engine.fail(400, QStringLiteral("CONNECT needs a host:port target"), step.consumed);
        head.host = head.target;
    } else if (target.startsWith('/')) {
        head.host = hostField.toByteArray();
    } else if (target == "*") {
        if (head.method != "OPTIONS")
            return m_engine.fail(400, QStringLiteral("asterisk target outside OPTIONS"), step.consumed);
        head.host = hostField.toByteArray();
    } else if (head.isAbsoluteForm()) {
        // RFC 9112 section 3.2.2: the target's authority wins over Host.
        const qsizetype schemeEnd = target.indexOf("://");
        const QByteArrayView scheme = target.first(schemeEnd);
        if (!HttpHeaders::equalsIgnoreCase(scheme, "http") && !HttpHeaders::equalsIgnoreCase(scheme, "https"))
            return m_engine.fail(400, QStringLiteral("absolute target with a scheme other than http(s)"),
                                 step.consumed);
        QByteArrayView authority = target.sliced(schemeEnd + 3);
        for (qsizetype i = 0; i < authority.size(); ++i) {
            if (authority[i] == '/' || authority[i] == '?' || authority[i] == '#') {
                authority = authority.first(i);
                break;
            }
        }
        if (!isValidAuthority(authority))
            return m_engine.fail(400, QStringLiteral("invalid authority in the request target"), step.consumed);
        head.host = authority.toByteArray();
    } else {
        return m_engine.fail(400, QStringLiteral("invalid request target form"), step.consumed);
    }

    if (m_engine.isChunked()) {
        head.framing = HttpBodyFraming::Chunked;
        head.contentLength = 0;
    } else if (m_engine.hasContentLength()) {
        head.framing = HttpBodyFraming::ContentLength;
        head.contentLength = m_engine.contentLength();
    } else {
        head.framing = HttpBodyFraming::None;  // a request never reads until close
        head.contentLength = 0;
    }
    head.keepAlive = m_engine.shouldKeepAlive();
    head.isUpgrade = m_engine.isUpgrade() && !head.isConnect;
    // RFC 9110 section 10.1.1: ignore 100-continue from HTTP/1.0 clients.
    head.expectContinue = http11 && HttpHeaders::equalsIgnoreCase(headers.value("Expect"), "100-continue");
    return step;
}

}  // namespace gatehouse::proxy
