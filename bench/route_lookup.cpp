// Route lookup micro-benchmark: builds a 100k-route table and reports ns per lookup for
// several kinds of query, plus build and overlap-analysis time. Reports; asserts nothing.

#include "config/Config.h"
#include "routing/DomainPattern.h"
#include "routing/OverlapAnalysis.h"
#include "routing/RouteTable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>
#include <vector>

using namespace gatehouse;
using namespace Qt::StringLiterals;

namespace {

config::Route makeRoute(const QString &name, QList<config::PortRange> ports, QStringList domains, QString path = {},
                        int priority = 0)
{
    config::Route route;
    route.name = name;
    route.priority = priority;
    route.match.ports = std::move(ports);
    route.match.domains = std::move(domains);
    route.match.path = std::move(path);
    route.action.type = config::ActionType::Respond;
    return route;
}

// The query strings live here, so RouteQuery's views stay valid.
struct QueryStore
{
    std::vector<QString> hosts;
    std::vector<QString> paths;
    std::vector<routing::RouteQuery> queries;

    void add(quint16 port, const QString &host, const QString &path, const QHostAddress &client)
    {
        hosts.push_back(routing::DomainPattern::normalizeHost(host));
        paths.push_back(path);
        routing::RouteQuery q;
        q.port = port;
        q.client = routing::ClientAddress(client);
        queries.push_back(q);
    }
    void finish()
    {
        for (size_t i = 0; i < queries.size(); ++i) {
            queries[i].host = hosts[i];
            queries[i].path = paths[i];
        }
    }
};

constexpr int kExact = 60000;
constexpr int kWildcard = 20000;
constexpr int kApps = 1000;
constexpr int kPathsPerApp = 15;
constexpr int kRange = 4000;

void report(const char *what, const routing::RouteTable &table, const QueryStore &store, int iterations)
{
    const auto &queries = store.queries;
    long long found = 0;
    // Warm-up pass, then the timed one.
    for (const auto &q : queries)
        found += table.selectIndex(q);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < iterations; ++i)
        found += table.selectIndex(queries[size_t(i) % queries.size()]);
    const double ns = double(timer.nsecsElapsed()) / iterations;
    int hits = 0;
    for (const auto &q : queries)
        hits += table.selectIndex(q) >= 0;
    std::printf("  %-44s %8.1f ns/lookup  (%d/%zu queries select a route; checksum %lld)\n", what, ns, hits,
                queries.size(), found);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = 2000000;

    config::Config config;
    const QList<config::PortRange> https { { 443, 443 } };
    for (int i = 0; i < kExact; ++i)
        config.routes.append(makeRoute(u"exact%1"_s.arg(i), https, { u"host%1.zone%2.example"_s.arg(i).arg(i % 100) }));
    for (int i = 0; i < kWildcard; ++i)
        config.routes.append(makeRoute(u"wild%1"_s.arg(i), https, { u"*.w%1.example.net"_s.arg(i) }));
    for (int a = 0; a < kApps; ++a) {
        for (int p = 0; p < kPathsPerApp; ++p)
            config.routes.append(makeRoute(u"app%1-p%2"_s.arg(a).arg(p), https, { u"app%1.example.org"_s.arg(a) },
                                           u"/svc%1/*"_s.arg(p)));
    }
    for (int i = 0; i < kRange; ++i)
        config.routes.append(makeRoute(u"range%1"_s.arg(i), { { 8000, 8100 } }, { u"r%1.example.com"_s.arg(i) }));
    config.routes.append(makeRoute(u"to-https"_s, { { 80, 80 } }, {}));
    config.routes.append(makeRoute(u"default"_s, https, {}, {}, -1));
    for (int i = config.routes.size(); i < 100000; ++i)
        config.routes.append(makeRoute(u"plain%1"_s.arg(i), { { 80, 80 } }, { u"p%1.example.com"_s.arg(i) }));

    QElapsedTimer timer;
    timer.start();
    const auto table = routing::RouteTable::build(config);
    const qint64 buildMs = timer.elapsed();
    timer.restart();
    const auto warnings = routing::analyzeOverlaps(config);
    const qint64 analysisMs = timer.elapsed();

    std::printf("route_lookup: %lld routes (%d enabled), ports %s\n", static_cast<long long>(config.routes.size()),
                table->enabledRouteCount(), qPrintable(config::describePorts(table->portRanges())));
    std::printf("  build RouteTable                             %8lld ms\n", static_cast<long long>(buildMs));
    std::printf("  analyzeOverlaps                              %8lld ms  (%lld warnings)\n",
                static_cast<long long>(analysisMs), static_cast<long long>(warnings.size()));

    const QHostAddress client(u"203.0.113.9"_s);
    QueryStore exact, wildcard, miss, noPort, paths, pathMiss, range, noHost;
    for (int i = 0; i < 1024; ++i) {
        const int e = (i * 7919) % kExact;
        exact.add(443, u"Host%1.zone%2.example:443"_s.arg(e).arg(e % 100), u"/"_s, client);
        wildcard.add(443, u"a.b.w%1.example.net"_s.arg((i * 104729) % kWildcard), u"/"_s, client);
        miss.add(443, u"nobody%1.example.invalid"_s.arg(i), u"/"_s, client);
        noPort.add(9999, u"host%1.zone%2.example"_s.arg(i).arg(i % 100), u"/"_s, client);
        paths.add(443, u"app%1.example.org"_s.arg((i * 31) % kApps), u"/svc%1/items/42"_s.arg(i % kPathsPerApp),
                  client);
        pathMiss.add(443, u"app%1.example.org"_s.arg((i * 31) % kApps), u"/elsewhere"_s, client);
        range.add(quint16(8000 + i % 101), u"r%1.example.com"_s.arg((i * 13) % kRange), u"/"_s, client);
        noHost.add(80, QString(), QString(), client);
    }
    for (QueryStore *s : { &exact, &wildcard, &miss, &noPort, &paths, &pathMiss, &range, &noHost })
        s->finish();

    report("exact domain hit (443)", *table, exact, iterations);
    report("wildcard hit, 4-label host (443)", *table, wildcard, iterations);
    report("domain miss -> catch-all (443)", *table, miss, iterations);
    report("port without routes (9999)", *table, noPort, iterations);
    report("path routes, 15 per domain, hit", *table, paths, iterations);
    report("path routes, 15 per domain, miss -> catch-all", *table, pathMiss, iterations);
    report("port range 8000-8100, exact domain", *table, range, iterations);
    report("no host, no path (80)", *table, noHost, iterations);
    return 0;
}
