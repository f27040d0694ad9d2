#pragma once

#include "HttpBodyFraming.h"
#include "HttpHeaders.h"

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse::proxy {

// A parsed upstream response head (or one the proxy builds), with the body
// framing HttpResponseParser derived for it. Rewritten for the client by
// HttpHeadRewriter and serialized by serialize().
struct HttpResponseHead
{
    int versionMajor = 1;
    int versionMinor = 1;
    int status = 200;
    QByteArray reason;  // as received; replaced by the standard phrase when unsafe to forward
    HttpHeaders headers;

    HttpBodyFraming framing = HttpBodyFraming::None;
    quint64 contentLength = 0;  // framing == ContentLength
    bool keepAlive = true;  // the upstream connection can serve another request afterwards
    bool isUpgrade = false;  // 101 Switching Protocols (or 2xx to CONNECT): a tunnel follows

    // 1xx other than 101: the final response for the same request follows.
    bool isInterim() const { return status >= 100 && status < 200 && status != 101; }

    // "HTTP/1.1 status reason\r\n" + fields + "\r\n".
    void serialize(QByteArray &out) const;
    QByteArray serialized() const;

    // The RFC 9110 reason phrase of a status, "Unknown" for codes it does not name.
    static QByteArrayView standardReason(int status);
};

}  // namespace gatehouse::proxy
