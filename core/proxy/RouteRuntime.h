#pragma once

#include "config/Route.h"
#include "routing/IpPattern.h"

#include <QHostAddress>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

namespace gatehouse::proxy {

// One (host, port) a forward route can send to, with what passive health and
// least-connections need to know about it. Shared by all worker threads.
struct UpstreamEndpoint
{
    QString host;
    quint16 port = 0;
    config::TargetTls tls;
    // Idle connections to this endpoint, with this route's TLS to it, are
    // pooled under this key (UpstreamPool).
    QString poolKey;
    std::atomic<int> active { 0 };
    std::atomic<int> consecutiveFailures { 0 };
    std::atomic<qint64> skipUntilMs { 0 };  // steady-clock ms; skipped by the balancer before then
};

// The live state of one route: its targets' health, open connections and the
// round-robin position. Carried from one config snapshot to the next for a route
// of the same name that did not change, so an apply does not forget which
// backend is down or reset maxConnections.
class RouteRuntime
{
public:
    RouteRuntime(const config::Route &route);

    const config::Route &route() const { return m_route; }

    // Allow and block lists of security, compiled.
    bool admits(const QHostAddress &client) const;
    bool admits(const routing::ClientAddress &client) const;
    // Counts a connection against maxConnections; false (nothing counted) when full.
    bool tryOpen();
    void close();
    int activeConnections() const { return m_active.load(std::memory_order_relaxed); }

    // The next endpoint by the route's algorithm, skipping those marked down
    // unless all are; nullptr when the route has none.
    UpstreamEndpoint *pick(const QHostAddress &client);
    int endpointCount() const { return int(m_endpoints.size()); }
    // Passive health: maxFails failures in a row take an endpoint out for
    // failTimeout; true when this failure did.
    bool reportFailure(UpstreamEndpoint &endpoint);
    void reportSuccess(UpstreamEndpoint &endpoint);

    static qint64 nowMs();

private:
    config::Route m_route;
    std::vector<routing::IpPattern> m_allow;
    std::vector<routing::IpPattern> m_block;
    std::vector<std::unique_ptr<UpstreamEndpoint>> m_endpoints;
    std::atomic<int> m_active { 0 };
    std::atomic<unsigned> m_next { 0 };
};

}  // namespace gatehouse::proxy
