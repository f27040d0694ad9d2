#include "acme/ChallengeRegistry.h"

#include "acme/AcmeServingLogging.h"
#include "acme/TlsAlpnCertificate.h"

#include <QUrl>

#include <mutex>

namespace gatehouse::acme {

namespace {

// How a name is keyed: what the CA sends as SNI (ASCII, lower case).
QString domainKey(const QString &domain)
{
    return QString::fromLatin1(QUrl::toAce(domain.trimmed().toLower()));
}

}  // namespace

void ChallengeRegistry::addHttp01(const QString &token, const QByteArray &keyAuthorization)
{
    std::lock_guard locker(m_lock);
    m_http01.insert(token.toLatin1(), keyAuthorization);
    m_pendingHttp01.store(int(m_http01.size()), std::memory_order_release);
    qCDebug(lcAcmeServing).noquote() << "http-01 token published:" << token;
}

void ChallengeRegistry::removeHttp01(const QString &token)
{
    std::lock_guard locker(m_lock);
    if (m_http01.remove(token.toLatin1()))
        qCDebug(lcAcmeServing).noquote() << "http-01 token withdrawn:" << token;
    m_pendingHttp01.store(int(m_http01.size()), std::memory_order_release);
}

std::optional<QByteArray> ChallengeRegistry::http01(QByteArrayView token) const
{
    if (token.isEmpty() || m_pendingHttp01.load(std::memory_order_acquire) == 0)
        return std::nullopt;
    std::shared_lock locker(m_lock);
    const auto it = m_http01.constFind(token.toByteArray());
    if (it == m_http01.cend())
        return std::nullopt;
    return *it;
}

Result<bool, QString> ChallengeRegistry::addTlsAlpn01(const QString &domain, const QByteArray &keyAuthorization)
{
    using R = Result<bool, QString>;
    // Built outside the lock: key generation and signing take a while.
    const auto certificate = makeTlsAlpnCertificate(domain, keyAuthorization);
    if (!certificate)
        return R::failure(certificate.error());
    const auto store = proxy::TlsContextStore::buildAcmeTlsAlpn(certificate->certPem, certificate->keyPem);
    if (!store)
        return R::failure(QStringLiteral("tls-alpn-01 context for %1: %2").arg(domain, store.error().message));
    const QString key = domainKey(domain);
    std::lock_guard locker(m_lock);
    m_tlsAlpn01.insert(key, store.value());
    m_pendingTlsAlpn01.store(int(m_tlsAlpn01.size()), std::memory_order_release);
    qCDebug(lcAcmeServing).noquote() << "tls-alpn-01 certificate published for" << key;
    return true;
}

void ChallengeRegistry::removeTlsAlpn01(const QString &domain)
{
    const QString key = domainKey(domain);
    std::lock_guard locker(m_lock);
    if (m_tlsAlpn01.remove(key))
        qCDebug(lcAcmeServing).noquote() << "tls-alpn-01 certificate withdrawn for" << key;
    m_pendingTlsAlpn01.store(int(m_tlsAlpn01.size()), std::memory_order_release);
}

proxy::TlsContextStore::Ptr ChallengeRegistry::tlsAlpn01(const QString &serverName) const
{
    if (serverName.isEmpty() || m_pendingTlsAlpn01.load(std::memory_order_acquire) == 0)
        return nullptr;
    const QString key = domainKey(serverName);
    std::shared_lock locker(m_lock);
    return m_tlsAlpn01.value(key);
}

}  // namespace gatehouse::acme
