#include "HttpHeadRewriter.h"

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
    // Collect first: removing Connection invalidates nothing we read, but the
    // names must be copied out of the buffer we are about to edit.
    QList<QByteArray> named;
    for (qsizetype i = headers.indexOf("Connection"); i >= 0; i = headers.indexOf("Connection", i + 1)) {
        HttpHeaders::forEachElement(headers.valueAt(i), [&](QByteArrayView token) {
            named.append(token.toByteArray());
            return true;
        });
    }

    qsizetype removed = 0;
    for (const char *name : { "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding" })
        removed += headers.removeAll(name);
    if (!keepUpgrade)
        removed += headers.removeAll("Upgrade");
    for (const QByteArray &name : named) {
        // "Connection: Host" would make the upstream pick its default virtual host.
        if (HttpHeaders::equalsIgnoreCase(name, "Host"))
            continue;
        if (keepUpgrade && HttpHeaders::equalsIgnoreCase(name, "Upgrade"))
            continue;
        removed += headers.removeAll(name);
    }
    return removed;
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
    bool token = !value.isEmpty();
    for (const char c : value)
        token = token && isTokenChar(c);
    if (token)
        return value.toByteArray();
    QByteArray quoted;
    quoted.reserve(value.size() + 2);
    quoted += '"';
    for (const char c : value) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    return quoted;
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
    }

    const bool keepUpgrade = head.isUpgrade && context.tunnelUpgrade;
    removeHopByHop(headers, keepUpgrade);
    if (keepUpgrade)
        headers.append("Connection", "Upgrade");

    // Framing fields come from what the parser decided, in one canonical form
    // (llhttp accepts "Content-Length: 007"; the upstream gets "7").
    headers.removeAll("Content-Length");
    if (head.framing == HttpBodyFraming::Chunked)
        headers.append("Transfer-Encoding", "chunked");
    else if (head.framing == HttpBodyFraming::ContentLength)
        headers.append("Content-Length", QByteArray::number(head.contentLength));

    const bool trusted = context.clientIsTrustedProxy;
    const QByteArray client = addressText(context.clientAddress);
    if (trusted && headers.contains("X-Forwarded-For"))
        headers.set("X-Forwarded-For", QByteArray(headers.combinedValue("X-Forwarded-For") + ", " + client));
    else
        headers.set("X-Forwarded-For", client);
    if (!(trusted && headers.contains("X-Forwarded-Proto")))
        headers.set("X-Forwarded-Proto", proto);
    if (!(trusted && headers.contains("X-Forwarded-Host"))) {
        if (host.isEmpty())
            headers.removeAll("X-Forwarded-Host");
        else
            headers.set("X-Forwarded-Host", host);
    }

    QByteArray element = "for=" + forwardedNode(context.clientAddress);
    if (!host.isEmpty())
        element += ";host=" + forwardedValue(host);
    element += ";proto=" + proto.toByteArray();
    if (trusted && headers.contains("Forwarded"))
        headers.set("Forwarded", QByteArray(headers.combinedValue("Forwarded") + ", " + element));
    else
        headers.set("Forwarded", element);

    appendVia(headers, head.versionMinor, context.via);
}

HttpHeadRewriter::ResponsePlan HttpHeadRewriter::rewriteResponse(HttpResponseHead &head, const ResponseContext &context)
{
    HttpHeaders &headers = head.headers;
    ResponsePlan plan;
    const bool http11Client = context.clientVersionMinor >= 1;
    removeHopByHop(headers, head.isUpgrade);

    switch (head.framing) {
    case HttpBodyFraming::None:
        // HEAD and 304 keep Content-Length: it describes the representation.
        // 1xx and 204 must not carry one (RFC 9110 section 8.6).
        if (head.status < 200 || head.status == 204)
            headers.removeAll("Content-Length");
        plan.framing = HttpBodyFraming::None;
        break;
    case HttpBodyFraming::ContentLength:
        headers.set("Content-Length", QByteArray::number(head.contentLength));
        plan.framing = HttpBodyFraming::ContentLength;
        break;
    case HttpBodyFraming::Chunked:
    case HttpBodyFraming::UntilClose:
        // An HTTP/1.1 client gets chunked either way, so an until-close upstream
        // does not cost the client its keep-alive connection; HTTP/1.0 clients
        // know no chunked and read until we close.
        headers.removeAll("Content-Length");
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
