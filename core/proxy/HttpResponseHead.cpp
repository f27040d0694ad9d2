#include "HttpResponseHead.h"

#include "proxy/ByteWriter.h"

namespace gatehouse::proxy {

namespace {

// reason-phrase = *( HTAB / SP / VCHAR / obs-text ); llhttp 8.1 does not check it.
bool isSafeReason(QByteArrayView reason)
{
    for (const char c : reason) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

}  // namespace

QByteArrayView HttpResponseHead::standardReason(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 102:
        return "Processing";
    case 103:
        return "Early Hints";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 203:
        return "Non-Authoritative Information";
    case 204:
        return "No Content";
    case 205:
        return "Reset Content";
    case 206:
        return "Partial Content";
    case 300:
        return "Multiple Choices";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 421:
        return "Misdirected Request";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

void HttpResponseHead::serialize(QByteArray &out) const
{
    const QByteArrayView phrase = isSafeReason(reason) ? QByteArrayView(reason) : standardReason(status);
    constexpr QByteArrayView version = "HTTP/1.1 ";
    // The parsers take three-digit codes only; anything else is spelled out in full.
    const bool threeDigits = status >= 100 && status <= 999;
    const QByteArray code = threeDigits ? QByteArray() : QByteArray::number(status);
    ByteWriter writer(
        out, version.size() + (threeDigits ? 3 : code.size()) + 1 + phrase.size() + 2 + headers.serializedSize() + 2);
    writer.put(version);
    if (threeDigits) {
        writer.put(char('0' + status / 100));
        writer.put(char('0' + status / 10 % 10));
        writer.put(char('0' + status % 10));
    } else {
        writer.put(code);
    }
    writer.put(' ');
    writer.put(phrase);
    writer.put("\r\n");
    headers.writeTo(writer);
    writer.put("\r\n");
}

QByteArray HttpResponseHead::serialized() const
{
    QByteArray out;
    serialize(out);
    return out;
}

}  // namespace gatehouse::proxy
