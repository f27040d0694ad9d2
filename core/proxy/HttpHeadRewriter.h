#pragma once

#include "HttpBodyFraming.h"
#include "HttpHeaders.h"
#include "HttpRequestHead.h"
#include "HttpResponseHead.h"

#include <QByteArray>
#include <QHostAddress>

namespace gatehouse::proxy {

// Turns a parsed request head into the one sent upstream, and an upstream
// response head into the one sent to the client: hop-by-hop fields removed,
// framing fields regenerated from the parsed framing, X-Forwarded-* and
// Forwarded (RFC 7239) set, Via appended when configured. Heads are rewritten in
// place; bodies are not touched here (they stream, see HttpChunkedEncoder).
class HttpHeadRewriter
{
public:
    struct RequestContext
    {
        QHostAddress clientAddress;  // the peer of the client connection
        // addressText() and forwardedNode() of clientAddress, when the caller
        // keeps them (once per connection rather than per request); used
        // instead of clientAddress when clientText is not null.
        QByteArray clientText;
        QByteArray clientNode;
        // The peer is a proxy we trust (a load balancer, a CDN): its
        // X-Forwarded-For and Forwarded are extended, its X-Forwarded-Proto and
        // -Host kept. For anyone else all four are replaced, since a client can
        // write whatever it likes in them.
        bool clientIsTrustedProxy = false;
        bool tls = false;  // the client connection is TLS: proto=https
        bool tunnelUpgrade = true;  // keep Upgrade on an upgrade request (the proxy will tunnel a 101)
        QByteArray via;  // Via pseudonym ("gatehouse"); empty: no Via field
    };

    struct ResponseContext
    {
        int clientVersionMinor = 1;  // 0 for an HTTP/1.0 client: no chunked, no 1xx
        bool clientKeepAlive = true;  // the client connection stays open after this response
        QByteArray via;
    };

    // What the proxy does with the response body toward the client.
    struct ResponsePlan
    {
        HttpBodyFraming framing = HttpBodyFraming::None;  // None, ContentLength, Chunked (re-frame) or UntilClose
        bool closeClient = false;  // close the client connection after the body
        bool sendToClient = true;  // false for a 1xx an HTTP/1.0 client must not see
    };

    static void rewriteRequest(HttpRequestHead &head, const RequestContext &context);
    static ResponsePlan rewriteResponse(HttpResponseHead &head, const ResponseContext &context);

    // Removes Connection, the fields it names, Keep-Alive, Proxy-Connection, TE,
    // Trailer, Transfer-Encoding and (unless keepUpgrade) Upgrade. Host is never
    // removed, whatever Connection names. Returns how many fields went.
    static qsizetype removeHopByHop(HttpHeaders &headers, bool keepUpgrade);

    // The client address as X-Forwarded-For writes it: IPv4-mapped IPv6 as IPv4,
    // no scope id; "unknown" for a null address.
    static QByteArray addressText(const QHostAddress &address);
    // RFC 7239 node for for=: an IPv6 address bracketed and quoted ("[2001:db8::1]").
    static QByteArray forwardedNode(const QHostAddress &address);
    // An RFC 7239 value: as is when it is a token, else a quoted-string.
    static QByteArray forwardedValue(QByteArrayView value);
};

}  // namespace gatehouse::proxy
