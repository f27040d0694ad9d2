#pragma once

#include "HttpBodyFraming.h"
#include "HttpHeaders.h"

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse::proxy {

// A parsed request head and the facts derived from it that the proxy routes
// and frames by. Filled by HttpRequestParser, rewritten by HttpHeadRewriter,
// serialized for the upstream by serialize().
struct HttpRequestHead
{
    QByteArray method;  // as sent ("GET"); llhttp only accepts known, upper-case methods
    QByteArray target;  // request-target as sent: origin-form, absolute-form, authority-form or "*"
    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;

    HttpBodyFraming framing = HttpBodyFraming::None;
    quint64 contentLength = 0;  // framing == ContentLength
    bool keepAlive = true;  // the client connection may carry another request after this one
    bool isUpgrade = false;  // Upgrade + Connection: upgrade (not CONNECT)
    bool isConnect = false;  // CONNECT: the target is host:port
    bool expectContinue = false;  // Expect: 100-continue on HTTP/1.1
    // The authority the request is for: the absolute-form target's authority or
    // CONNECT's target when present, else the Host field; as sent (may carry a
    // port; normalize with routing::DomainPattern::normalizeHost for matching).
    QByteArray host;

    bool isHead() const { return method == "HEAD"; }
    bool isAbsoluteForm() const;
    // For origin-form and absolute-form targets; empty for "*" and CONNECT.
    QByteArrayView path() const;  // from the first '/' up to '?' or '#'
    QByteArrayView query() const;  // after '?', without it, up to '#'
    QByteArrayView upgradeProtocol() const { return headers.value("Upgrade"); }

    // "METHOD target HTTP/1.1\r\n" + fields + "\r\n". The proxy speaks HTTP/1.1
    // upstream whatever the client's version (RFC 9110 section 6.2).
    void serialize(QByteArray &out) const;
    QByteArray serialized() const;
};

}  // namespace gatehouse::proxy
