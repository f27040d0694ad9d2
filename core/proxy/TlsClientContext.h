#pragma once

#include "Result.h"
#include "proxy/TlsError.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

namespace gatehouse::proxy {

struct TlsClientOptions
{
    bool verify = true;  // false: any certificate is accepted, and a warning is logged
    QString caFile;  // PEM roots trusted in addition to the system's
    QList<QByteArray> alpn;  // offered protocols; empty: no ALPN
};

// Client-side TLS for terminate-and-reencrypt: one context per target setting,
// created once (loading the system roots costs milliseconds) and shared
// read-only by worker threads; each upstream Stream gets an SSL from it.
class TlsClientContext
{
public:
    using Ptr = std::shared_ptr<const TlsClientContext>;

    static Result<Ptr, TlsError> create(const TlsClientOptions &options);

    // An SSL that sends `serverName` as SNI (unless it is an IP address) and,
    // when verifying, checks the certificate against it.
    SSL *newSsl(const QString &serverName) const;
    bool verifies() const { return m_options.verify; }

private:
    TlsClientContext() = default;

    std::shared_ptr<SSL_CTX> m_ctx;
    TlsClientOptions m_options;
};

}  // namespace gatehouse::proxy
