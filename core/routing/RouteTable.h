#pragma once

#include "config/Config.h"
#include "routing/RouteQuery.h"

#include <QList>

#include <memory>

namespace gatehouse::routing {

// The routes of one config, compiled for lookup: an immutable snapshot that proxy
// workers share read-only (swap the whole shared_ptr on a config change). Built once
// per config revision; only enabled routes take part in selection.
//
// select() returns the route that wins a connection. A route is a candidate when every
// part of its match holds: the port is in match.ports; match.domains is empty, or the
// host is non-empty and matches one of them ("*" needs a host too); match.path is empty,
// or the path is non-empty and matches; match.clientIp is empty, or one entry matches
// the client ("*" matches even an unknown client); match.headers is empty, or the query
// has headers and every entry matches some header line of that name (name compared
// case-insensitively; value exact and case-sensitive, or a regular expression searched
// anywhere in the value). Among candidates the winner is decided by, in this order:
//   1. higher priority;
//   2. more specific domain: an exact name, then wildcards by suffix length
//      ("*.a.example.com" over "*.example.com"), then "*" and no domains (equal);
//      a route with several domains counts the most specific one that matched;
//   3. more specific path: PathPattern::specificity(), i.e. longer literal text first,
//      and at equal length an exact path over "/x/*" and globs; no path last;
//   4. narrower client network: the most specific clientIp entry that matched
//      (IPv4 /32 and IPv6 /128 rank alike); "*" and no clientIp last;
//   5. more header matches over fewer;
//   6. earlier in config.routes.
// The outcome never depends on hash order or build order. OverlapAnalysis uses the same order.
//
// Cost: the port picks a segment by binary search (PortSegments), so routes on other
// ports cost nothing; within it, the host is looked up in one flat table (NameTable) of
// exact names and wildcard suffixes, probing the host and each of its dot-suffixes, then
// the "*" routes and the routes without domains. Each of those lists is sorted by the
// best rank its routes can reach, and scanning stops as soon as nothing further can beat
// the route already found; suffix probes are skipped when no wildcard route can.
// Nothing is allocated unless a header regex runs.
class RouteTable
{
public:
    static std::shared_ptr<const RouteTable> build(const config::Config &config);
    ~RouteTable();
    RouteTable(const RouteTable &) = delete;
    RouteTable &operator=(const RouteTable &) = delete;

    // The winning route's index in config.routes (== routes()), or -1 when none matches.
    int selectIndex(const RouteQuery &query) const;
    // The winning route, or nullptr; it lives as long as this table.
    const config::Route *select(const RouteQuery &query) const;

    // Every route of the config, disabled ones included, so indexes match config.routes.
    const QList<config::Route> &routes() const { return m_routes; }
    int enabledRouteCount() const { return m_enabledCount; }
    // Some enabled route matches on request headers. When none does, a query's
    // headers cannot change the outcome and need not be gathered.
    bool matchesHeaders() const { return m_matchesHeaders; }

    // The ports enabled routes listen on: sorted, overlapping and adjacent ranges merged.
    const QList<config::PortRange> &portRanges() const { return m_portRanges; }
    // The same, one entry per port.
    QList<quint16> ports() const;
    bool hasPort(quint16 port) const;
    // Indexes (config order) of the enabled routes listening on `port`.
    QList<int> routesOnPort(quint16 port) const;

private:
    struct Index;
    RouteTable();

    QList<config::Route> m_routes;
    QList<config::PortRange> m_portRanges;
    int m_enabledCount = 0;
    bool m_matchesHeaders = false;
    std::unique_ptr<Index> m_index;
};

}  // namespace gatehouse::routing
