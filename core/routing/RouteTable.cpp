#include "routing/RouteTable.h"

#include "routing/DomainPattern.h"
#include "routing/IpPattern.h"
#include "routing/NameTable.h"
#include "routing/PathPattern.h"
#include "routing/PortSegments.h"

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <compare>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace gatehouse::routing {

namespace {

Q_LOGGING_CATEGORY(lcRouting, "gatehouse.routing")

struct CompiledHeader
{
    QByteArray name;  // lower-case
    QByteArray value;  // exact value
    QRegularExpression regex;
    bool isRegex = false;

    bool matchesValue(const QByteArray &candidate) const
    {
        if (!isRegex)
            return candidate == value;
        return regex.match(QString::fromUtf8(candidate)).hasMatch();
    }

    bool matches(const HeaderList &lines) const
    {
        for (const auto &line : lines) {
            if (line.first.size() == name.size() && line.first.compare(name, Qt::CaseInsensitive) == 0
                && matchesValue(line.second))
                return true;
        }
        return false;
    }
};

struct CompiledRoute
{
    int index = 0;  // in config.routes
    int priority = 0;
    PathPattern path;
    std::vector<IpPattern> clientIps;  // empty: any client
    std::vector<CompiledHeader> headers;
    int pathSpecificity = 0;
    int maxIpSpecificity = 0;

    // Whether everything but port and domain matches; on success `ipSpecificity` is the
    // specificity of the narrowest clientIp entry that matched.
    bool matchesRest(const RouteQuery &query, int &ipSpecificity) const
    {
        if (path.kind() != PathPattern::Kind::Any) {
            if (query.path.isEmpty() ? !query.httpLater : !path.matches(query.path))
                return false;
        }
        ipSpecificity = 0;
        if (!clientIps.empty()) {
            bool any = false;
            for (const IpPattern &ip : clientIps) {
                if (ip.matches(query.client)) {
                    any = true;
                    ipSpecificity = std::max(ipSpecificity, ip.specificity());
                }
            }
            if (!any)
                return false;
        }
        if (!headers.empty() && !(query.httpLater && !query.headers)) {
            if (!query.headers)
                return false;
            for (const CompiledHeader &header : headers) {
                if (!header.matches(*query.headers))
                    return false;
            }
        }
        return true;
    }
};

// The selection order of the class comment, as one lexicographic key; higher wins.
struct Rank
{
    int priority = std::numeric_limits<int>::min();
    int domain = 0;
    int path = 0;
    int ip = 0;
    int headers = 0;
    int order = std::numeric_limits<int>::min();  // minus the config index: earlier wins

    friend auto operator<=>(const Rank &, const Rank &) = default;
};

// Routes that share one domain key, sorted by the best rank each can reach.
struct CandidateList
{
    int domainSpecificity = 0;
    std::vector<int> routes;  // into Index::compiled
};

struct Bucket
{
    // Exact names ("example.com") and wildcard suffixes (".example.com") share one table:
    // the leading dot keeps them apart. Values index `lists`.
    NameTable names;
    std::vector<CandidateList> lists;
    CandidateList anyName;  // "*": any non-empty host
    CandidateList noDomain;  // no domains: any host, or none
    // The best rank any wildcard route here can reach: once a route at or above it is
    // found, the dot-suffixes of the host need no probing.
    Rank wildcardCeiling;
    bool hasWildcards = false;
};

}  // namespace

struct RouteTable::Index
{
    std::vector<CompiledRoute> compiled;  // enabled routes, config order
    PortSegments segments;
    std::vector<Bucket> buckets;  // one per segment

    Rank bound(const CandidateList &list, const CompiledRoute &route) const
    {
        return { route.priority,         list.domainSpecificity,    route.pathSpecificity,
                 route.maxIpSpecificity, int(route.headers.size()), -route.index };
    }

    void sort(CandidateList &list) const
    {
        std::sort(list.routes.begin(), list.routes.end(),
                  [&](int a, int b) { return bound(list, compiled[size_t(a)]) > bound(list, compiled[size_t(b)]); });
    }
};

namespace {

std::optional<CompiledRoute> compile(const config::Route &route, int index)
{
    CompiledRoute compiled;
    compiled.index = index;
    compiled.priority = route.priority;
    const auto path = PathPattern::parse(route.match.path);
    if (!path) {
        qCWarning(lcRouting) << "route" << route.name << "skipped: path:" << path.error();
        return std::nullopt;
    }
    compiled.path = *path;
    compiled.pathSpecificity = compiled.path.specificity();
    for (const QString &text : route.match.clientIp) {
        const auto ip = IpPattern::parse(text);
        if (!ip) {
            qCWarning(lcRouting) << "route" << route.name << "skipped: clientIp:" << ip.error();
            return std::nullopt;
        }
        compiled.clientIps.push_back(*ip);
        compiled.maxIpSpecificity = std::max(compiled.maxIpSpecificity, ip->specificity());
    }
    for (const config::HeaderMatch &header : route.match.headers) {
        CompiledHeader h;
        h.name = header.name.toLatin1().toLower();
        h.isRegex = header.isRegex;
        if (header.isRegex) {
            h.regex = QRegularExpression(header.value);
            if (!h.regex.isValid()) {
                qCWarning(lcRouting) << "route" << route.name << "skipped: header regex:" << h.regex.errorString();
                return std::nullopt;
            }
            // Compiles now, so that workers only ever read the expression.
            h.regex.optimize();
        } else {
            h.value = header.value.toUtf8();
        }
        compiled.headers.push_back(std::move(h));
    }
    return compiled;
}

}  // namespace

RouteTable::RouteTable() : m_index(std::make_unique<Index>()) { }

RouteTable::~RouteTable() = default;

std::shared_ptr<const RouteTable> RouteTable::build(const config::Config &config)
{
    std::shared_ptr<RouteTable> table(new RouteTable);
    table->m_routes = config.routes;
    Index &index = *table->m_index;

    // Domains per compiled route, parsed once.
    std::vector<std::vector<DomainPattern>> domains;
    for (int i = 0; i < int(config.routes.size()); ++i) {
        const config::Route &route = config.routes[i];
        if (!route.enabled)
            continue;
        auto compiled = compile(route, i);
        if (!compiled)
            continue;
        std::vector<DomainPattern> patterns;
        bool valid = true;
        for (const QString &text : route.match.domains) {
            const auto pattern = DomainPattern::parse(text);
            if (!pattern) {
                qCWarning(lcRouting) << "route" << route.name << "skipped: domain" << text << pattern.error();
                valid = false;
                break;
            }
            if (std::find(patterns.begin(), patterns.end(), *pattern) == patterns.end())
                patterns.push_back(*pattern);
        }
        if (!valid)
            continue;
        index.segments.add(int(index.compiled.size()), route.match.ports);
        if (!compiled->headers.empty())
            table->m_matchesHeaders = true;
        index.compiled.push_back(std::move(*compiled));
        domains.push_back(std::move(patterns));
    }
    index.segments.finish();
    table->m_enabledCount = int(index.compiled.size());
    table->m_portRanges = index.segments.mergedRanges();

    index.buckets.resize(size_t(index.segments.segmentCount()));
    for (int s = 0; s < index.segments.segmentCount(); ++s) {
        Bucket &bucket = index.buckets[size_t(s)];
        QHash<QString, int> listOf;
        for (const int r : index.segments.items(s)) {
            if (domains[size_t(r)].empty()) {
                bucket.noDomain.routes.push_back(r);
                continue;
            }
            for (const DomainPattern &pattern : domains[size_t(r)]) {
                if (pattern.kind() == DomainPattern::Kind::Any) {
                    bucket.anyName.routes.push_back(r);
                    continue;
                }
                auto it = listOf.find(pattern.text());
                if (it == listOf.end()) {
                    it = listOf.insert(pattern.text(), int(bucket.lists.size()));
                    bucket.lists.push_back({ pattern.specificity(), {} });
                    bucket.names.insert(pattern.text(), *it);
                }
                bucket.lists[size_t(*it)].routes.push_back(r);
            }
        }
        bucket.names.finish();
        index.sort(bucket.noDomain);
        index.sort(bucket.anyName);
        for (auto it = listOf.cbegin(); it != listOf.cend(); ++it) {
            CandidateList &list = bucket.lists[size_t(it.value())];
            index.sort(list);
            if (!it.key().startsWith(u'.'))
                continue;
            const Rank top = index.bound(list, index.compiled[size_t(list.routes.front())]);
            if (!bucket.hasWildcards || top > bucket.wildcardCeiling)
                bucket.wildcardCeiling = top;
            bucket.hasWildcards = true;
        }
    }
    return table;
}

int RouteTable::selectIndex(const RouteQuery &query) const
{
    const Index &index = *m_index;
    const int segment = index.segments.segmentOf(query.port);
    if (segment < 0)
        return -1;
    const Bucket &bucket = index.buckets[size_t(segment)];

    const CompiledRoute *best = nullptr;
    Rank bestRank;
    const auto scan = [&](const CandidateList &list) {
        for (const int r : list.routes) {
            const CompiledRoute &route = index.compiled[size_t(r)];
            Rank rank = index.bound(list, route);
            // The list is sorted by this bound: nothing further down can win.
            if (best && rank <= bestRank)
                return;
            if (!route.matchesRest(query, rank.ip))
                continue;
            if (!best || rank > bestRank) {
                best = &route;
                bestRank = rank;
            }
        }
    };

    if (!query.host.isEmpty()) {
        if (const int list = bucket.names.find(query.host); list >= 0)
            scan(bucket.lists[size_t(list)]);
        if (bucket.hasWildcards && !(best && bucket.wildcardCeiling <= bestRank)) {
            // Each dot-suffix, longest first: "a.b.example.com" probes ".b.example.com",
            // ".example.com", ".com". Never the host itself, so "*.example.com" skips the apex;
            // and none longer than the longest key, which bounds the work on a hostile Host.
            const qsizetype longest = bucket.names.maxKeyLength();
            qsizetype dot = query.host.indexOf(u'.', std::max<qsizetype>(1, query.host.size() - longest));
            for (; dot >= 0; dot = query.host.indexOf(u'.', dot + 1)) {
                if (const int list = bucket.names.find(query.host.mid(dot)); list >= 0)
                    scan(bucket.lists[size_t(list)]);
            }
        }
        scan(bucket.anyName);
    }
    scan(bucket.noDomain);
    return best ? best->index : -1;
}

const config::Route *RouteTable::select(const RouteQuery &query) const
{
    const int index = selectIndex(query);
    return index < 0 ? nullptr : &m_routes[index];
}

QList<quint16> RouteTable::ports() const
{
    QList<quint16> result;
    for (const config::PortRange &range : m_portRanges) {
        for (int port = range.from; port <= range.to; ++port)
            result.append(quint16(port));
    }
    return result;
}

bool RouteTable::hasPort(quint16 port) const
{
    return m_index->segments.segmentOf(port) >= 0;
}

QList<int> RouteTable::routesOnPort(quint16 port) const
{
    QList<int> result;
    const int segment = m_index->segments.segmentOf(port);
    if (segment < 0)
        return result;
    for (const int r : m_index->segments.items(segment))
        result.append(m_index->compiled[size_t(r)].index);
    return result;
}

}  // namespace gatehouse::routing
