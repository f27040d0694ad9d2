#include "HttpHeadRewriter.h"

#include <QVarLengthArray>

#include <array>
#include <charconv>

namespace gatehouse::proxy {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

constexpr QByteArrayView kFixedHopByHop[]
    = { "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding" };

bool isFixedHopByHop(QByteArrayView name)
{
    for (const QByteArrayView hop : kFixedHopByHop) {
        if (HttpHeaders::equalsIgnoreCase(name, hop))
            return true;
    }
    return false;
}

// HttpHeadRewriter::removeHopByHop(), also removing the fields `alsoRemove`
// accepts, all in one pass over the fields.
template<typename F> qsizetype removeHopByHopAnd(HttpHeaders &headers, bool keepUpgrade, F alsoRemove)
{
    // The names Connection lists, as views: removing fields leaves the bytes in place.
    QVarLengthArray<QByteArrayView, 8> named;
    for (qsizetype i = headers.indexOf("Connection"); i >= 0; i = headers.indexOf("Connection", i + 1)) {
        HttpHeaders::forEachElement(headers.valueAt(i), [&](QByteArrayView token) {
            // "Connection: Host" would make the upstream pick its default virtual host.
            if (HttpHeaders::equalsIgnoreCase(token, "Host"))
                return true;
            if (keepUpgrade && HttpHeaders::equalsIgnoreCase(token, "Upgrade"))
                return true;
            named.append(token);
            return true;
        });
    }
    return headers.removeIf([&](QByteArrayView name) {
        if (isFixedHopByHop(name) || alsoRemove(name))
            return true;
        if (!keepUpgrade && HttpHeaders::equalsIgnoreCase(name, "Upgrade"))
            return true;
        for (const QByteArrayView token : named) {
            if (HttpHeaders::equalsIgnoreCase(name, token))
                return true;
        }
        return false;
    });
}

// An RFC 7239 value: as is when it is a token, else a quoted-string.
template<typename Out> void appendForwardedValue(Out &out, QByteArrayView value)
{
    bool token = !value.isEmpty();
    for (const char c : value)
        token = token && isTokenChar(c);
    if (token) {
        out.append(value.data(), value.size());
        return;
    }
    out.reserve(out.size() + value.size() + 2);
    out.append('"');
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
}

// A decimal number as a view of `buffer`.
QByteArrayView decimal(quint64 value, std::array<char, 24> &buffer)
{
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    return QByteArrayView(buffer.data(), end - buffer.data());
}

void appendVia(HttpHeaders &headers, int receivedMinor, const QByteArray &via)
{
    if (via.isEmpty())
        return;
    // RFC 9110 section 7.6.3: each intermediary appends its own entry.
    QByteArray value = headers.combinedValue("Via");
    if (!value.isEmpty())
        value += ", ";
    value += "1." + QByteArray::number(receivedMinor) + ' ' + via;
    headers.set("Via", value);
}

}  // namespace

qsizetype HttpHeadRewriter::removeHopByHop(HttpHeaders &headers, bool keepUpgrade)
{
    return removeHopByHopAnd(headers, keepUpgrade, [](QByteArrayView) { return false; });
}

QByteArray HttpHeadRewriter::addressText(const QHostAddress &address)
{
    if (address.isNull())
        return QByteArrayLiteral("unknown");
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString().toLatin1();
    QHostAddress copy = address;
    copy.setScopeId(QString());
    return copy.toString().toLatin1();
}

QByteArray HttpHeadRewriter::forwardedNode(const QHostAddress &address)
{
    const QByteArray text = addressText(address);
    if (text.contains(':'))
        return '"' + ('[' + text + ']') + '"';
    return text;
}

QByteArray HttpHeadRewriter::forwardedValue(QByteArrayView value)
{
    QByteArray result;
    appendForwardedValue(result, value);
    return result;
}

void HttpHeadRewriter::rewriteRequest(HttpRequestHead &head, const RequestContext &context)
{
    HttpHeaders &headers = head.headers;
    const QByteArray host = head.host;  // as received, for X-Forwarded-Host and Forwarded
    const QByteArrayView proto = context.tls ? "https" : "http";

    // RFC 9112 section 3.2.2: forward absolute-form as origin-form with a Host
    // made from the target (origin servers need not understand absolute-form).
    if (head.isAbsoluteForm()) {
        QByteArray originForm = head.path().isEmpty() ? QByteArrayLiteral("/") : head.path().toByteArray();
        const QByteArrayView query = head.query();
        if (!query.isNull())
            originForm += '?' + query.toByteArray();
        head.target = originForm;
        headers.set("Host", host);
    } else if (!headers.contains("Host")) {
        // RFC 9112 section 3.2: the upstream hears HTTP/1.1, which requires Host;
        // a request without an authority (HTTP/1.0 without Host) gets an empty one.
        headers.append("Host", "");
    }

    // Hop-by-hop fields, and the framing field regenerated below, in one pass.
    const bool keepUpgrade = head.isUpgrade && context.tunnelUpgrade;
    removeHopByHopAnd(headers, keepUpgrade,
                      [](QByteArrayView name) { return HttpHeaders::equalsIgnoreCase(name, "Content-Length"); });
    if (keepUpgrade)
        headers.append("Connection", "Upgrade");

    // Framing fields come from what the parser decided, in one canonical form
    // (llhttp accepts "Content-Length: 007"; the upstream gets "7").
    std::array<char, 24> digits;
    if (head.framing == HttpBodyFraming::Chunked)
        headers.append("Transfer-Encoding", "chunked");
    else if (head.framing == HttpBodyFraming::ContentLength)
        headers.append("Content-Length", decimal(head.contentLength, digits));

    // X-Forwarded-For, -Proto, -Host and Forwarded: replaced (removed, then
    // appended in this order), or for a trusted proxy extended or kept.
    const bool trusted = context.clientIsTrustedProxy;
    const bool useText = !context.clientText.isNull();
    const QByteArray client = useText ? context.clientText : addressText(context.clientAddress);
    const QByteArray node = useText ? context.clientNode : forwardedNode(context.clientAddress);
    QByteArray forwardedFor = client;
    if (trusted && headers.contains("X-Forwarded-For"))
        forwardedFor = headers.combinedValue("X-Forwarded-For") + ", " + client;
    const bool keepProto = trusted && headers.contains("X-Forwarded-Proto");
    const bool keepHost = trusted && headers.contains("X-Forwarded-Host");

    QVarLengthArray<char, 256> forwarded;
    const auto add = [&forwarded](QByteArrayView bytes) { forwarded.append(bytes.data(), bytes.size()); };
    if (trusted && headers.contains("Forwarded")) {
        add(headers.combinedValue("Forwarded"));
        add(", ");
    }
    add("for=");
    add(node);
    if (!host.isEmpty()) {
        add(";host=");
        appendForwardedValue(forwarded, host);
    }
    add(";proto=");
    add(proto);

    headers.removeIf([&](QByteArrayView name) {
        return HttpHeaders::equalsIgnoreCase(name, "X-Forwarded-For")
            || HttpHeaders::equalsIgnoreCase(name, "Forwarded")
            || (!keepProto && HttpHeaders::equalsIgnoreCase(name, "X-Forwarded-Proto"))
            || (!keepHost && HttpHeaders::equalsIgnoreCase(name, "X-Forwarded-Host"));
    });
    headers.append("X-Forwarded-For", forwardedFor);
    if (!keepProto)
        headers.append("X-Forwarded-Proto", proto);
    if (!keepHost && !host.isEmpty())
        headers.append("X-Forwarded-Host", host);
    headers.append("Forwarded", QByteArrayView(forwarded.constData(), forwarded.size()));

    appendVia(headers, head.versionMinor, context.via);
}

HttpHeadRewriter::ResponsePlan HttpHeadRewriter::rewriteResponse(HttpResponseHead &head, const ResponseContext &context)
{
    HttpHeaders &headers = head.headers;
    ResponsePlan plan;
    const bool http11Client = context.clientVersionMinor >= 1;
    // Content-Length goes with the hop-by-hop fields, in one pass, unless the
    // response has no body and it describes the representation: HEAD and 304
    // keep it; 1xx and 204 must not carry one (RFC 9110 section 8.6). With a
    // body it is regenerated from the parsed framing.
    const bool dropLength = head.framing != HttpBodyFraming::None || head.status < 200 || head.status == 204;
    removeHopByHopAnd(headers, head.isUpgrade, [dropLength](QByteArrayView name) {
        return dropLength && HttpHeaders::equalsIgnoreCase(name, "Content-Length");
    });

    std::array<char, 24> digits;
    switch (head.framing) {
    case HttpBodyFraming::None:
        plan.framing = HttpBodyFraming::None;
        break;
    case HttpBodyFraming::ContentLength:
        headers.append("Content-Length", decimal(head.contentLength, digits));
        plan.framing = HttpBodyFraming::ContentLength;
        break;
    case HttpBodyFraming::Chunked:
    case HttpBodyFraming::UntilClose:
        // An HTTP/1.1 client gets chunked either way, so an until-close upstream
        // does not cost the client its keep-alive connection; HTTP/1.0 clients
        // know no chunked and read until we close.
        if (http11Client) {
            headers.append("Transfer-Encoding", "chunked");
            plan.framing = HttpBodyFraming::Chunked;
        } else {
            plan.framing = HttpBodyFraming::UntilClose;
        }
        break;
    }

    if (head.isUpgrade) {
        headers.append("Connection", "Upgrade");
        plan.closeClient = false;
    } else if (head.isInterim()) {
        // RFC 9110 section 15.2: no 1xx to an HTTP/1.0 client.
        plan.sendToClient = http11Client;
    } else {
        plan.closeClient = !context.clientKeepAlive || plan.framing == HttpBodyFraming::UntilClose;
        if (plan.closeClient)
            headers.append("Connection", "close");
        else if (!http11Client)
            headers.append("Connection", "keep-alive");
    }
    appendVia(headers, head.versionMinor, context.via);
    return plan;
}

}  // namespace gatehouse::proxy
