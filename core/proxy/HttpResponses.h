#pragma once

#include "config/Route.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

namespace gatehouse::proxy {

// Whole responses the proxy writes itself: error pages (no route, bad request,
// upstream down), the redirect action and the respond action. Each is the
// complete bytes to send; bodies are small.
class HttpResponses
{
public:
    struct Options
    {
        bool close = false;  // add Connection: close (the proxy closes after writing)
        bool omitBody = false;  // the request was HEAD: same fields, no body
        QDateTime now;  // for Date; invalid: the current time
    };

    // The parts of the request a redirect template can use.
    struct RedirectContext
    {
        QByteArrayView host;  // the request's Host (a port in it is dropped for {host})
        QByteArrayView path;  // as received, percent-encoded
        QByteArrayView query;  // without '?'
        quint16 port = 0;  // the port the client connected to
    };

    // A short text/plain page for `status` (400, 404, 421, 431, 502, 503, 504, ...).
    static QByteArray error(int status, const Options &options);
    static QByteArray error(int status) { return error(status, defaultOptions(status)); }
    // Whether the proxy should close the connection after this error by default:
    // after 400, 408, 431, 501 and 505 the byte stream cannot be trusted.
    static bool closesConnection(int status);

    static QByteArray redirect(const config::RedirectAction &action, const RedirectContext &context,
                               const Options &options);
    static QByteArray redirect(const config::RedirectAction &action, const RedirectContext &context);
    // {host}, {path}, {query}, {port} expanded, each percent-encoded for where it
    // stands, so a request cannot inject a header line, a fragment, another
    // authority ("//evil.example") or a second query into Location.
    static QByteArray expandRedirectTarget(const QString &pattern, const RedirectContext &context);

    static QByteArray respond(const config::RespondAction &action, const Options &options);
    static QByteArray respond(const config::RespondAction &action);
    // A generated answer: `headers` are whole lines ("Name: value\r\n"), checked by the caller.
    static QByteArray content(int status, QByteArrayView contentType, QByteArrayView headers, QByteArrayView body,
                              const Options &options);

    // IMF-fixdate (RFC 9110 section 5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT".
    static QByteArray httpDate(const QDateTime &time);

private:
    static Options defaultOptions(int status);
};

}  // namespace gatehouse::proxy
