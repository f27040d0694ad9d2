#include "proxy/ProxySnapshot.h"

#include <QHash>

namespace gatehouse::proxy {

namespace {

bool needsFirstBytes(const config::Route &route)
{
    return !route.match.domains.isEmpty() || !route.match.path.isEmpty() || !route.match.headers.isEmpty()
        || route.action.tls.mode != config::TlsMode::None || route.action.type != config::ActionType::Forward;
}

}  // namespace

Result<ProxySnapshot::Ptr, QString> ProxySnapshot::build(const config::Config &config, quint64 revision,
                                                         const ProxySnapshot *previous,
                                                         const IssuedCertificates &issued, MetricsRegistry::Ptr metrics)
{
    using R = Result<Ptr, QString>;
    std::shared_ptr<ProxySnapshot> snapshot(new ProxySnapshot);
    snapshot->m_revision = revision;
    snapshot->m_routes = routing::RouteTable::build(config);
    snapshot->m_timeouts = config.timeouts;
    snapshot->m_metrics = std::move(metrics);
    for (const QString &text : config.acceptProxyProtocol) {
        if (auto pattern = routing::IpPattern::parse(text))
            snapshot->m_acceptProxyProtocol.push_back(pattern.value());
    }

    QHash<QString, std::shared_ptr<RouteRuntime>> carried;
    if (previous) {
        for (const auto &runtime : previous->m_runtime)
            carried.insert(runtime->route().name, runtime);
    }

    QList<TlsCertificateSource> certificates;
    std::optional<TlsCertificateSource> defaultCertificate;
    for (const config::Route &route : config.routes) {
        const auto old = carried.value(route.name);
        if (old && old->route() == route)
            snapshot->m_runtime.push_back(old);
        else
            snapshot->m_runtime.push_back(std::make_shared<RouteRuntime>(route, old ? old->sharedCounters() : nullptr));
        if (!route.enabled)
            continue;
        if (needsFirstBytes(route)) {
            for (const config::PortRange &range : route.match.ports) {
                for (int port = range.from; port <= range.to; ++port)
                    snapshot->m_sniffPorts.set(std::size_t(port));
            }
        }
        const config::TlsSettings &tls = route.action.tls;
        const bool terminates
            = tls.mode == config::TlsMode::Terminate || tls.mode == config::TlsMode::TerminateAndReencrypt;
        if (terminates && tls.autoCertificate) {
            const auto found = issued.constFind(config::certificateDomains(route.match.domains));
            if (found != issued.cend() && !certificates.contains(found.value()))
                certificates << found.value();
            continue;
        }
        if (!terminates || !tls.hasStaticCertificate())
            continue;
        const TlsCertificateSource source
            = TlsCertificateSource::fromFiles(route.match.domains, tls.certFile, tls.keyFile);
        if (route.match.domains.isEmpty() && !defaultCertificate)
            defaultCertificate = source;
        else
            certificates << source;
    }
    if (!certificates.isEmpty() || defaultCertificate) {
        auto store = TlsContextStore::build(certificates, defaultCertificate);
        if (!store)
            return R::failure(store.error().message);
        snapshot->m_tls = store.value();
    }
    return Ptr(std::move(snapshot));
}

Result<ProxySnapshot::Ptr, QString> ProxySnapshot::withCertificate(const TlsCertificateSource &certificate) const
{
    using R = Result<Ptr, QString>;
    auto tls = m_tls ? m_tls->withCertificate(certificate) : TlsContextStore::build({ certificate });
    if (!tls)
        return R::failure(tls.error().message);
    std::shared_ptr<ProxySnapshot> snapshot(new ProxySnapshot(*this));
    snapshot->m_tls = tls.value();
    return Ptr(std::move(snapshot));
}

bool ProxySnapshot::acceptsProxyProtocolFrom(const QHostAddress &peer) const
{
    const routing::ClientAddress address(peer);
    for (const routing::IpPattern &pattern : m_acceptProxyProtocol) {
        if (pattern.matches(address))
            return true;
    }
    return false;
}

}  // namespace gatehouse::proxy
