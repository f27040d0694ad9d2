#include "HttpResponses.h"

#include "HttpHeaders.h"
#include "HttpResponseHead.h"
#include "UriCharacters.h"
#include "routing/DomainPattern.h"

#include <cstdio>

namespace gatehouse::proxy {

namespace {

// Appends `value` percent-encoding every byte `allowed` rejects. A '%' that
// starts a valid escape is kept (the path is already encoded); others are encoded.
template<typename Allowed> void appendEncoded(QByteArray &out, QByteArrayView value, Allowed allowed)
{
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '%' && i + 2 < value.size() && uri::isHexDigit(value[i + 1]) && uri::isHexDigit(value[i + 2])) {
            out += c;
        } else if (c != '%' && allowed(c)) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += "0123456789ABCDEF"[u >> 4];
            out += "0123456789ABCDEF"[u & 0xf];
        }
    }
}

bool isPathChar(char c)
{
    return uri::isUnreserved(c) || uri::isSubDelim(c) || c == ':' || c == '@' || c == '/';
}

bool isQueryChar(char c)
{
    return isPathChar(c) || c == '?';
}

bool isHostChar(char c)
{
    return uri::isUnreserved(c) || uri::isSubDelim(c) || c == '[' || c == ']' || c == ':';
}

// The template's own text is trusted config, but it must still not break the
// header line: anything that is not visible ASCII is encoded.
bool isLiteralChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f;
}

void appendHead(QByteArray &out, int status, const HttpResponses::Options &options)
{
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpResponseHead::standardReason(status).toByteArray()
        + "\r\nDate: " + HttpResponses::httpDate(options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc())
        + "\r\n";
}

QByteArray finish(QByteArray out, QByteArrayView body, const HttpResponses::Options &options)
{
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (options.close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!options.omitBody)
        out += body;
    return out;
}

}  // namespace

bool HttpResponses::closesConnection(int status)
{
    return status == 400 || status == 408 || status == 431 || status == 501 || status == 505;
}

HttpResponses::Options HttpResponses::defaultOptions(int status)
{
    Options options;
    options.close = closesConnection(status);
    return options;
}

QByteArray HttpResponses::error(int status, const Options &options)
{
    const QByteArray body
        = QByteArray::number(status) + ' ' + HttpResponseHead::standardReason(status).toByteArray() + '\n';
    QByteArray out;
    appendHead(out, status, options);
    out += "Content-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\n";
    return finish(out, body, options);
}

QByteArray HttpResponses::expandRedirectTarget(const QString &pattern, const RedirectContext &context)
{
    const QByteArray text = pattern.toUtf8();
    QByteArray out;
    out.reserve(text.size() + context.host.size() + context.path.size() + context.query.size());
    for (qsizetype i = 0; i < text.size();) {
        const auto placeholder = [&](QByteArrayView name) { return QByteArrayView(text).sliced(i).startsWith(name); };
        if (placeholder("{host}")) {
            const QString host = routing::DomainPattern::normalizeHost(QString::fromLatin1(context.host));
            appendEncoded(out, host.toLatin1(), isHostChar);
            i += 6;
        } else if (placeholder("{path}")) {
            QByteArrayView path = context.path;
            // "//evil.example/x" after a template starting with {path} would be a
            // protocol-relative URL to another site.
            if (path.startsWith("//")) {
                out += "/%2F";
                path = path.sliced(2);
            }
            appendEncoded(out, path, isPathChar);
            i += 6;
        } else if (placeholder("{query}")) {
            appendEncoded(out, context.query, isQueryChar);
            i += 7;
        } else if (placeholder("{port}")) {
            out += QByteArray::number(context.port);
            i += 6;
        } else {
            appendEncoded(out, QByteArrayView(text).sliced(i, 1), isLiteralChar);
            ++i;
        }
    }
    return out;
}

QByteArray HttpResponses::redirect(const config::RedirectAction &action, const RedirectContext &context,
                                   const Options &options)
{
    const QByteArray location = expandRedirectTarget(action.to, context);
    QByteArray out;
    appendHead(out, action.status, options);
    out += "Location: " + location + "\r\nContent-Type: text/plain; charset=utf-8\r\n";
    return finish(out, QByteArray("Redirecting to " + location + '\n'), options);
}

QByteArray HttpResponses::redirect(const config::RedirectAction &action, const RedirectContext &context)
{
    return redirect(action, context, Options());
}

QByteArray HttpResponses::respond(const config::RespondAction &action)
{
    return respond(action, Options());
}

QByteArray HttpResponses::respond(const config::RespondAction &action, const Options &options)
{
    QByteArray out;
    appendHead(out, action.status, options);
    bool hasContentType = false;
    for (const auto &[name, value] : action.headers) {
        const QByteArray nameBytes = name.toLatin1();
        // The proxy frames the body and owns the connection and the date.
        if (HttpHeaders::equalsIgnoreCase(nameBytes, "Content-Length")
            || HttpHeaders::equalsIgnoreCase(nameBytes, "Transfer-Encoding")
            || HttpHeaders::equalsIgnoreCase(nameBytes, "Connection")
            || HttpHeaders::equalsIgnoreCase(nameBytes, "Date"))
            continue;
        QByteArray valueBytes = value.toUtf8();
        // Validation rejects these; never let one split the head regardless.
        if (nameBytes.isEmpty() || nameBytes.contains(':') || nameBytes.contains('\r') || nameBytes.contains('\n')
            || valueBytes.contains('\r') || valueBytes.contains('\n'))
            continue;
        hasContentType = hasContentType || HttpHeaders::equalsIgnoreCase(nameBytes, "Content-Type");
        out += nameBytes + ": " + valueBytes + "\r\n";
    }
    const QByteArray body = action.body.toUtf8();
    if (!hasContentType && !body.isEmpty())
        out += "Content-Type: text/plain; charset=utf-8\r\n";
    return finish(out, body, options);
}

QByteArray HttpResponses::content(int status, QByteArrayView contentType, QByteArrayView headers, QByteArrayView body,
                                  const Options &options)
{
    QByteArray out;
    appendHead(out, status, options);
    out += "Content-Type: ";
    out += contentType;
    out += "\r\nCache-Control: no-store\r\n";
    out += headers;
    return finish(out, body, options);
}

QByteArray HttpResponses::httpDate(const QDateTime &time)
{
    static const char days[7][4] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char months[12][4]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char buffer[32];
    const int length = std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                     days[date.dayOfWeek() - 1], date.day(), months[date.month() - 1], date.year(),
                                     clock.hour(), clock.minute(), clock.second());
    return QByteArray(buffer, length);
}

}  // namespace gatehouse::proxy
