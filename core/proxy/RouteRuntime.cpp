#include "proxy/RouteRuntime.h"

#include "routing/ClientAddress.h"

#include <QCryptographicHash>
#include <QHash>

namespace gatehouse::proxy {

namespace {

std::vector<routing::IpPattern> compile(const QStringList &patterns)
{
    std::vector<routing::IpPattern> compiled;
    for (const QString &text : patterns) {
        if (auto pattern = routing::IpPattern::parse(text))
            compiled.push_back(pattern.value());
    }
    return compiled;
}

}  // namespace

RouteRuntime::RouteRuntime(const config::Route &route)
    : m_route(route), m_allow(compile(route.security.ipAllowList)), m_block(compile(route.security.ipBlockList))
{
    for (const config::Target &target : route.action.targets) {
        for (const QString &host : target.hosts) {
            auto endpoint = std::make_unique<UpstreamEndpoint>();
            endpoint->host = host;
            endpoint->port = target.port;
            endpoint->tls = target.tls;
            endpoint->poolKey = host + u':' + QString::number(target.port);
            if (route.action.tls.mode == config::TlsMode::TerminateAndReencrypt) {
                endpoint->poolKey += QStringLiteral(":tls:") + target.tls.serverName + u':'
                    + (target.tls.verify ? u'v' : u'n') + u':' + target.tls.caBundle;
            }
            m_endpoints.push_back(std::move(endpoint));
        }
    }
}

bool RouteRuntime::admits(const QHostAddress &client) const
{
    return admits(routing::ClientAddress(client));
}

bool RouteRuntime::admits(const routing::ClientAddress &address) const
{
    for (const routing::IpPattern &pattern : m_block) {
        if (pattern.matches(address))
            return false;
    }
    if (m_allow.empty())
        return true;
    for (const routing::IpPattern &pattern : m_allow) {
        if (pattern.matches(address))
            return true;
    }
    return false;
}

bool RouteRuntime::tryOpen()
{
    const int limit = m_route.security.maxConnections;
    int current = m_active.load(std::memory_order_relaxed);
    do {
        if (limit > 0 && current >= limit)
            return false;
    } while (!m_active.compare_exchange_weak(current, current + 1, std::memory_order_relaxed));
    return true;
}

void RouteRuntime::close()
{
    m_active.fetch_sub(1, std::memory_order_relaxed);
}

qint64 RouteRuntime::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

UpstreamEndpoint *RouteRuntime::pick(const QHostAddress &client)
{
    const auto count = m_endpoints.size();
    if (count == 0)
        return nullptr;
    const qint64 now = nowMs();
    const auto healthy
        = [&](std::size_t i) { return m_endpoints[i]->skipUntilMs.load(std::memory_order_relaxed) <= now; };

    switch (m_route.action.loadBalancing.algorithm) {
    case config::LoadBalancing::IpHash: {
        // The same client keeps its backend while that backend is healthy.
        const std::size_t start = qHash(client.toString()) % count;
        for (std::size_t n = 0; n < count; ++n) {
            if (healthy((start + n) % count))
                return m_endpoints[(start + n) % count].get();
        }
        return m_endpoints[start].get();
    }
    case config::LoadBalancing::LeastConnections: {
        UpstreamEndpoint *best = nullptr;
        const std::size_t start = m_next.fetch_add(1, std::memory_order_relaxed) % count;
        for (std::size_t n = 0; n < count; ++n) {
            UpstreamEndpoint *candidate = m_endpoints[(start + n) % count].get();
            if (!healthy((start + n) % count))
                continue;
            if (!best
                || candidate->active.load(std::memory_order_relaxed) < best->active.load(std::memory_order_relaxed))
                best = candidate;
        }
        return best ? best : m_endpoints[start].get();
    }
    case config::LoadBalancing::RoundRobin:
        break;
    }
    const std::size_t start = m_next.fetch_add(1, std::memory_order_relaxed);
    for (std::size_t n = 0; n < count; ++n) {
        if (healthy((start + n) % count))
            return m_endpoints[(start + n) % count].get();
    }
    // Everything is marked down: trying one beats refusing every client.
    return m_endpoints[start % count].get();
}

bool RouteRuntime::reportFailure(UpstreamEndpoint &endpoint)
{
    const auto &lb = m_route.action.loadBalancing;
    if (endpoint.consecutiveFailures.fetch_add(1, std::memory_order_relaxed) + 1 < lb.maxFails)
        return false;
    endpoint.skipUntilMs.store(nowMs() + qint64(lb.failTimeout) * 1000, std::memory_order_relaxed);
    endpoint.consecutiveFailures.store(0, std::memory_order_relaxed);
    return true;
}

void RouteRuntime::reportSuccess(UpstreamEndpoint &endpoint)
{
    endpoint.consecutiveFailures.store(0, std::memory_order_relaxed);
}

}  // namespace gatehouse::proxy
