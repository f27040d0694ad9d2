#pragma once

#include "Result.h"
#include "proxy/TlsError.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

namespace gatehouse::proxy {

// One certificate and the names it serves: from PEM files now, from memory
// when ACME hands one over. With no domains, the names come from the
// certificate's subjectAltName DNS entries.
struct TlsCertificateSource
{
    QStringList domains;  // exact names and "*.example.com"
    QString certFile;  // PEM: the leaf first, then its chain
    QString keyFile;
    QByteArray certPem;  // used when certFile is empty
    QByteArray keyPem;

    static TlsCertificateSource fromFiles(const QStringList &domains, const QString &cert, const QString &key);
    static TlsCertificateSource fromPem(const QStringList &domains, const QByteArray &cert, const QByteArray &key);
    friend bool operator==(const TlsCertificateSource &, const TlsCertificateSource &) = default;
};

// The server-side TLS contexts of the proxy: an immutable snapshot, shared
// read-only by every worker thread and swapped whole when certificates change.
// Server Streams take one (keeping it alive for their handshake); the
// certificate is chosen by SNI: exact name, then a one-label wildcard, then the
// default. TLS 1.2 and 1.3, Mozilla "intermediate" ciphers, ALPN http/1.1.
class TlsContextStore
{
public:
    using Ptr = std::shared_ptr<const TlsContextStore>;
    using ContextPtr = std::shared_ptr<SSL_CTX>;

    static Result<Ptr, TlsError> build(const QList<TlsCertificateSource> &certificates,
                                       const std::optional<TlsCertificateSource> &defaultCertificate = std::nullopt);
    // A new snapshot: this one's contexts (shared, not reloaded) plus `certificate`,
    // which replaces any earlier one for the same names.
    Result<Ptr, TlsError> withCertificate(const TlsCertificateSource &certificate) const;
    // The hook for ACME tls-alpn-01: a store holding only the challenge certificate
    // and answering ALPN acme-tls/1 and nothing else. The connection pipeline uses
    // it instead of the main store when the sniffed ClientHello offers acme-tls/1.
    static Result<Ptr, TlsError> buildAcmeTlsAlpn(const QByteArray &certPem, const QByteArray &keyPem);

    // exact, then "*.<parent>", then the default; nullptr when none applies.
    SSL_CTX *contextFor(const QString &serverName) const;
    bool hasDefault() const { return m_default != nullptr; }
    // The protocols this store answers, in ALPN wire format and preference order.
    const QByteArray &alpnWire() const { return m_alpn; }
    QStringList names() const { return m_byName.keys(); }

    // A server-side SSL bound to this store (SNI picks the context during the
    // handshake); the caller keeps the store alive as long as the SSL.
    SSL *newServerSsl() const;

    // One context with the shared settings and certificate; for tests and tools.
    static Result<ContextPtr, TlsError> loadContext(const TlsCertificateSource &certificate);

private:
    TlsContextStore() = default;
    Result<bool, TlsError> add(const TlsCertificateSource &certificate);

    QHash<QString, ContextPtr> m_byName;
    ContextPtr m_default;
    ContextPtr m_base;  // what SSL_new starts from: the default, or a context without certificate
    QByteArray m_alpn;  // protocols this store answers, ALPN wire format
};

}  // namespace gatehouse::proxy
