#pragma once

#include "Result.h"
#include "config/Config.h"
#include "proxy/Metrics.h"
#include "proxy/RouteRuntime.h"
#include "proxy/TlsContextStore.h"
#include "routing/IpPattern.h"
#include "routing/RouteTable.h"

#include <QHash>
#include <QHostAddress>
#include <QString>

#include <bitset>
#include <memory>
#include <vector>

namespace gatehouse::proxy {

// Everything a connection needs to be routed, built once per config revision and
// shared read-only by all workers: the route table, the server TLS contexts, the
// timeouts, and each route's live state. A connection keeps the snapshot it
// started with; swapping in a new one never disturbs it.
class ProxySnapshot
{
public:
    using Ptr = std::shared_ptr<const ProxySnapshot>;

    // Certificates obtained through ACME, by canonical domain set
    // (config::certificateDomains), for routes with "certificate": "auto".
    using IssuedCertificates = QHash<QStringList, TlsCertificateSource>;

    // Loads the static certificates; their errors name the route and the file.
    // Routes with "auto" certificates take theirs from `issued` (none yet: the
    // handshake fails for those names until ACME delivers one).
    // Route state (target health, open connections) is carried over from
    // `previous` for routes of the same name and targets, and traffic counters
    // for routes of the same name. `metrics` is what metrics routes answer from
    // (null: their routes' counters only).
    static Result<Ptr, QString> build(const config::Config &config, quint64 revision, const ProxySnapshot *previous,
                                      const IssuedCertificates &issued = {}, MetricsRegistry::Ptr metrics = nullptr);
    // The same routes and state with `certificate` added to (or replacing the
    // same names in) the TLS contexts: a new certificate goes live for new
    // connections while open ones keep theirs.
    Result<Ptr, QString> withCertificate(const TlsCertificateSource &certificate) const;

    quint64 revision() const { return m_revision; }
    const routing::RouteTable &routes() const { return *m_routes; }
    RouteRuntime &runtime(int routeIndex) const { return *m_runtime[std::size_t(routeIndex)]; }
    int routeCount() const { return int(m_runtime.size()); }
    // Null when the snapshot was built without one.
    const MetricsRegistry::Ptr &metrics() const { return m_metrics; }
    // Null when no route terminates TLS.
    const TlsContextStore::Ptr &tls() const { return m_tls; }
    const config::Timeouts &timeouts() const { return m_timeouts; }
    bool acceptsProxyProtocolFrom(const QHostAddress &peer) const;
    // Whether a connection on `port` must show its first bytes before a route can
    // be chosen (TLS SNI, HTTP, or routes that answer themselves). Ports whose
    // routes match on port and client alone are forwarded at once, so protocols
    // where the server speaks first (SMTP, SSH banners) work.
    bool needsSniffing(quint16 port) const { return m_sniffPorts.test(port); }

private:
    ProxySnapshot() = default;

    quint64 m_revision = 0;
    std::shared_ptr<const routing::RouteTable> m_routes;
    std::vector<std::shared_ptr<RouteRuntime>> m_runtime;  // by route index
    TlsContextStore::Ptr m_tls;
    config::Timeouts m_timeouts;
    std::vector<routing::IpPattern> m_acceptProxyProtocol;
    std::bitset<65536> m_sniffPorts;
    MetricsRegistry::Ptr m_metrics;
};

}  // namespace gatehouse::proxy
