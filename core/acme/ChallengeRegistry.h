#pragma once

#include "Result.h"
#include "proxy/TlsContextStore.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <shared_mutex>

namespace gatehouse::acme {

// The challenges the proxy answers right now. Written by the control plane (the
// CertManager, through its ChallengeResponder) and read by the proxy workers on
// challenge traffic. One object for the service's lifetime, so pending
// challenges survive any re-creation of certificate-management objects.
// Thread-safe; what ordinary traffic asks (answersHttp01On, http01Port) is one
// or two atomic reads, the maps are only consulted for challenge requests.
class ChallengeRegistry
{
public:
    using Ptr = std::shared_ptr<ChallengeRegistry>;

    // RFC 8555 section 8.3: GET /.well-known/acme-challenge/<token> answers `keyAuthorization`.
    void addHttp01(const QString &token, const QByteArray &keyAuthorization);
    void removeHttp01(const QString &token);
    std::optional<QByteArray> http01(QByteArrayView token) const;

    // RFC 8737: builds the challenge certificate and its TLS context for `domain`
    // (replacing an earlier one for the same name).
    Result<bool, QString> addTlsAlpn01(const QString &domain, const QByteArray &keyAuthorization);
    void removeTlsAlpn01(const QString &domain);
    // The context to answer a ClientHello for `serverName` offering acme-tls/1; null when none.
    proxy::TlsContextStore::Ptr tlsAlpn01(const QString &serverName) const;

    int pendingHttp01() const { return m_pendingHttp01.load(std::memory_order_acquire); }
    int pendingTlsAlpn01() const { return m_pendingTlsAlpn01.load(std::memory_order_acquire); }

    // The port whose plain-HTTP listener answers /.well-known/acme-challenge/ before
    // any route (0: none). Set by the CertManager to the leased port.
    void setHttp01Port(quint16 port) { m_http01Port.store(port, std::memory_order_release); }
    quint16 http01Port() const { return m_http01Port.load(std::memory_order_acquire); }
    // Whether connections on `port` must show their first bytes (to find challenge
    // requests) even when no route there needs it: it is the http-01 port. So a
    // port bound only by the ACME lease answers, and a port whose routes would
    // otherwise be plain TCP tunnels is read as HTTP while it is the challenge port.
    bool answersHttp01On(quint16 port) const { return port != 0 && port == http01Port(); }

    // The path prefix of http-01 requests.
    static constexpr QByteArrayView kHttp01PathPrefix = "/.well-known/acme-challenge/";
    // The ALPN protocol of tls-alpn-01 (RFC 8737 section 6.2).
    static constexpr QByteArrayView kAcmeTlsAlpnProtocol = "acme-tls/1";

private:
    // A standard lock rather than QReadWriteLock, whose locking happens inside Qt
    // where ThreadSanitizer cannot see it (core/ThreadSanitizer.h).
    mutable std::shared_mutex m_lock;
    QHash<QByteArray, QByteArray> m_http01;  // token -> key authorization
    QHash<QString, proxy::TlsContextStore::Ptr> m_tlsAlpn01;  // lower-case ASCII domain -> context
    std::atomic<int> m_pendingHttp01 { 0 };
    std::atomic<int> m_pendingTlsAlpn01 { 0 };
    std::atomic<quint16> m_http01Port { 0 };
};

}  // namespace gatehouse::acme
