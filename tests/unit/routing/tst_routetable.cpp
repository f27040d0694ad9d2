#include "RouteSpec.h"
#include "routing/DomainPattern.h"
#include "routing/IpPattern.h"
#include "routing/PathPattern.h"
#include "routing/RouteTable.h"

#include <QRandomGenerator>
#include <QTest>

#include <tuple>

using namespace gatehouse;
using namespace gatehouse::routing;
using namespace Qt::StringLiterals;

namespace {

// "name:value;Name:value" -> header lines; "-" -> no headers at all (not HTTP).
std::optional<HeaderList> headersFromText(const QString &text)
{
    if (text == u"-")
        return std::nullopt;
    HeaderList lines;
    for (const QString &line : text.split(u';', Qt::SkipEmptyParts))
        lines.append({ line.section(u':', 0, 0).toUtf8(), line.section(u':', 1).toUtf8() });
    return lines;
}

// The selection rules written the slow, obvious way: every enabled route, every pattern.
int referenceSelect(const config::Config &config, const RouteQuery &query)
{
    using Rank = std::tuple<int, int, int, int, int, int>;
    int best = -1;
    Rank bestRank;
    for (int i = 0; i < int(config.routes.size()); ++i) {
        const config::Route &route = config.routes[i];
        const config::RouteMatch &m = route.match;
        if (!route.enabled)
            continue;
        if (std::none_of(m.ports.cbegin(), m.ports.cend(),
                         [&](const config::PortRange &r) { return r.contains(query.port); }))
            continue;
        int domain = 0;
        if (!m.domains.isEmpty()) {
            if (query.host.isEmpty())
                continue;
            domain = -1;
            for (const QString &d : m.domains) {
                const auto p = DomainPattern::parse(d);
                if (p->matches(query.host.toString()))
                    domain = std::max(domain, p->specificity());
            }
            if (domain < 0)
                continue;
        }
        const auto path = PathPattern::parse(m.path);
        // At the TLS layer (httpLater), path and headers are not known yet and do not exclude.
        const bool later = query.httpLater && query.path.isEmpty() && !query.headers;
        if (!m.path.isEmpty() && !later && (query.path.isEmpty() || !path->matches(query.path)))
            continue;
        int ip = 0;
        if (!m.clientIp.isEmpty()) {
            ip = -1;
            for (const QString &text : m.clientIp) {
                const auto p = IpPattern::parse(text);
                if (p->matches(query.client))
                    ip = std::max(ip, p->specificity());
            }
            if (ip < 0)
                continue;
        }
        bool headersOk = true;
        for (const config::HeaderMatch &h : m.headers) {
            bool found = false;
            for (const auto &line : query.headers ? *query.headers : HeaderList()) {
                if (QString::fromUtf8(line.first).compare(h.name, Qt::CaseInsensitive) != 0)
                    continue;
                const QString value = QString::fromUtf8(line.second);
                found = found || (h.isRegex ? QRegularExpression(h.value).match(value).hasMatch() : value == h.value);
            }
            headersOk = headersOk && ((found && query.headers) || later);
        }
        if (!headersOk)
            continue;
        const Rank rank { route.priority, domain, path->specificity(), ip, int(m.headers.size()), -i };
        if (best < 0 || rank > bestRank) {
            best = i;
            bestRank = rank;
        }
    }
    return best;
}

}  // namespace

class TestRouteTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void select_data();
    void select();
    void returnsConfigIndexAndRoute();
    void ports();
    void emptyConfig();
    void regexCompiledOnce();
    void matchesReferenceOnRandomConfigs();
};

void TestRouteTable::select_data()
{
    QTest::addColumn<QStringList>("routes");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("host");  // raw; normalized by the test like the proxy does
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("client");  // empty: unknown
    QTest::addColumn<QString>("headers");  // "-": not HTTP; "tls": not HTTP yet (httpLater, no path)
    QTest::addColumn<QString>("winner");  // empty: none

    const QString c = u"192.0.2.10"_s;
    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };

    // Priority beats everything else.
    row("priority over exact domain") << QStringList { u"exact d=a.com"_s, u"catchall p=1"_s } << 80 << u"a.com"_s
                                      << u"/"_s << c << u"-"_s << u"catchall"_s;
    row("negative priority loses") << QStringList { u"low p=-5 d=a.com"_s, u"plain"_s } << 80 << u"a.com"_s << u"/"_s
                                   << c << u"-"_s << u"plain"_s;
    row("priority over path") << QStringList { u"long path=/a/b/c"_s, u"short p=2 path=/a/*"_s } << 80 << u"a.com"_s
                              << u"/a/b/c"_s << c << u"-"_s << u"short"_s;

    // Domain specificity.
    row("exact over wildcard") << QStringList { u"wild d=*.a.com"_s, u"exact d=www.a.com"_s } << 80 << u"www.a.com"_s
                               << u"/"_s << c << u"-"_s << u"exact"_s;
    row("higher-priority wildcard over exact") << QStringList { u"exact d=www.a.com"_s, u"wild p=1 d=*.a.com"_s } << 80
                                               << u"www.a.com"_s << u"/"_s << c << u"-"_s << u"wild"_s;
    row("wildcard on a very long host") << QStringList { u"wild d=*.a.com"_s, u"none"_s } << 80
                                        << QString(u"x."_s.repeated(200) + u"a.com"_s) << u"/"_s << c << u"-"_s
                                        << u"wild"_s;
    row("wildcard over none") << QStringList { u"none"_s, u"wild d=*.a.com"_s } << 80 << u"www.a.com"_s << u"/"_s << c
                              << u"-"_s << u"wild"_s;
    row("longer wildcard over shorter") << QStringList { u"short d=*.a.com"_s, u"long d=*.x.a.com"_s } << 80
                                        << u"y.x.a.com"_s << u"/"_s << c << u"-"_s << u"long"_s;
    row("wildcard over star") << QStringList { u"star d=*"_s, u"wild d=*.com"_s } << 80 << u"a.com"_s << u"/"_s << c
                              << u"-"_s << u"wild"_s;
    row("star ties with none: order") << QStringList { u"none"_s, u"star d=*"_s } << 80 << u"a.com"_s << u"/"_s << c
                                      << u"-"_s << u"none"_s;
    row("none ties with star: order") << QStringList { u"star d=*"_s, u"none"_s } << 80 << u"a.com"_s << u"/"_s << c
                                      << u"-"_s << u"star"_s;
    row("wildcard skips apex") << QStringList { u"wild d=*.a.com"_s, u"none"_s } << 80 << u"a.com"_s << u"/"_s << c
                               << u"-"_s << u"none"_s;
    row("wildcard any depth") << QStringList { u"wild d=*.a.com"_s, u"none"_s } << 80 << u"x.y.z.a.com"_s << u"/"_s << c
                              << u"-"_s << u"wild"_s;
    row("wildcard label boundary") << QStringList { u"wild d=*.a.com"_s } << 80 << u"xa.com"_s << u"/"_s << c << u"-"_s
                                   << QString();
    row("host normalized") << QStringList { u"none"_s, u"exact d=www.a.com"_s } << 80 << u"WWW.A.com.:8080"_s << u"/"_s
                           << c << u"-"_s << u"exact"_s;
    row("route counts its best domain") << QStringList { u"both d=*.a.com,www.a.com"_s, u"exact d=www.a.com"_s } << 80
                                        << u"www.a.com"_s << u"/"_s << c << u"-"_s << u"both"_s;
    row("route counts the domain that matched") << QStringList { u"both d=*.a.com,www.a.com"_s, u"deep d=*.x.a.com"_s }
                                                << 80 << u"y.x.a.com"_s << u"/"_s << c << u"-"_s << u"deep"_s;
    row("domain over path") << QStringList { u"wildpath d=*.a.com path=/api/v1/*"_s, u"exact d=www.a.com"_s } << 80
                            << u"www.a.com"_s << u"/api/v1/x"_s << c << u"-"_s << u"exact"_s;
    row("idn domain") << QStringList { u"idn d=bücher.de"_s } << 80 << u"xn--bcher-kva.de"_s << u"/"_s << c << u"-"_s
                      << u"idn"_s;

    // No host: routes with domains, even "*", stay out.
    row("no host: exact skipped") << QStringList { u"exact d=a.com"_s, u"none"_s } << 80 << QString() << u"/"_s << c
                                  << u"-"_s << u"none"_s;
    row("no host: star skipped") << QStringList { u"star d=*"_s } << 80 << QString() << u"/"_s << c << u"-"_s
                                 << QString();
    row("no host: none matches") << QStringList { u"none p=-1"_s } << 80 << QString() << QString() << c << u"-"_s
                                 << u"none"_s;

    // Paths.
    row("longer prefix over shorter") << QStringList { u"short path=/api/*"_s, u"long path=/api/v1/*"_s } << 80
                                      << u"a.com"_s << u"/api/v1/users"_s << c << u"-"_s << u"long"_s;
    row("shorter prefix where longer misses") << QStringList { u"short path=/api/*"_s, u"long path=/api/v1/*"_s } << 80
                                              << u"a.com"_s << u"/api/v2"_s << c << u"-"_s << u"short"_s;
    row("exact over same prefix") << QStringList { u"prefix path=/api/*"_s, u"exact path=/api"_s } << 80 << u"a.com"_s
                                  << u"/api"_s << c << u"-"_s << u"exact"_s;
    row("path over none") << QStringList { u"none"_s, u"root path=/*"_s } << 80 << u"a.com"_s << u"/x"_s << c << u"-"_s
                          << u"root"_s;
    row("no path: path route skipped") << QStringList { u"root path=/*"_s, u"none p=-1"_s } << 80 << u"a.com"_s
                                       << QString() << c << u"-"_s << u"none"_s;
    row("prefix segment boundary") << QStringList { u"api path=/api/*"_s } << 80 << u"a.com"_s << u"/apix"_s << c
                                   << u"-"_s << QString();
    row("glob") << QStringList { u"none"_s, u"css path=/static/*.css"_s } << 80 << u"a.com"_s << u"/static/x/y.css"_s
                << c << u"-"_s << u"css"_s;
    row("path over cidr") << QStringList { u"net ip=192.0.2.0/24"_s, u"path path=/x"_s } << 80 << u"a.com"_s << u"/x"_s
                          << c << u"-"_s << u"path"_s;

    // Client networks.
    row("narrower cidr") << QStringList { u"wide ip=192.0.0.0/8"_s, u"narrow ip=192.0.2.0/24"_s } << 80 << u"a.com"_s
                         << u"/"_s << c << u"-"_s << u"narrow"_s;
    row("cidr over none") << QStringList { u"none"_s, u"net ip=192.0.0.0/8"_s } << 80 << u"a.com"_s << u"/"_s << c
                          << u"-"_s << u"net"_s;
    row("cidr miss") << QStringList { u"net ip=10.0.0.0/8"_s, u"none p=-1"_s } << 80 << u"a.com"_s << u"/"_s << c
                     << u"-"_s << u"none"_s;
    row("route counts its narrowest matching entry")
        << QStringList { u"mid ip=192.0.0.0/16"_s, u"multi ip=10.0.0.0/8,192.0.2.10"_s } << 80 << u"a.com"_s << u"/"_s
        << c << u"-"_s << u"multi"_s;
    row("ipv6 client") << QStringList { u"v4 ip=0.0.0.0/0"_s, u"v6 ip=2001:db8::/32"_s } << 80 << u"a.com"_s << u"/"_s
                       << u"2001:db8::7"_s << u"-"_s << u"v6"_s;
    row("ipv6 narrower") << QStringList { u"wide ip=2001:db8::/32"_s, u"narrow ip=2001:db8:1::/48"_s } << 80
                         << u"a.com"_s << u"/"_s << u"2001:db8:1::7"_s << u"-"_s << u"narrow"_s;
    row("ipv4-mapped client") << QStringList { u"none"_s, u"v4 ip=192.0.2.0/24"_s } << 80 << u"a.com"_s << u"/"_s
                              << u"::ffff:192.0.2.10"_s << u"-"_s << u"v4"_s;
    row("unknown client: cidr skipped") << QStringList { u"net ip=0.0.0.0/0"_s } << 80 << u"a.com"_s << u"/"_s
                                        << QString() << u"-"_s << QString();
    row("unknown client: star matches") << QStringList { u"star ip=*"_s } << 80 << u"a.com"_s << u"/"_s << QString()
                                        << u"-"_s << u"star"_s;

    // Headers.
    row("header exact") << QStringList { u"none"_s, u"env h=x-env:prod"_s } << 80 << u"a.com"_s << u"/"_s << c
                        << u"X-Env:prod"_s << u"env"_s;
    row("header value case-sensitive") << QStringList { u"env h=x-env:prod"_s } << 80 << u"a.com"_s << u"/"_s << c
                                       << u"x-env:Prod"_s << QString();
    row("header value exact, not prefix") << QStringList { u"env h=x-env:prod"_s } << 80 << u"a.com"_s << u"/"_s << c
                                          << u"x-env:production"_s << QString();
    row("header any line of that name") << QStringList { u"env h=x-env:prod"_s } << 80 << u"a.com"_s << u"/"_s << c
                                        << u"x-env:dev;x-env:prod"_s << u"env"_s;
    row("header regex unanchored") << QStringList { u"ua h~User-Agent:curl/[0-9]"_s } << 80 << u"a.com"_s << u"/"_s << c
                                   << u"user-agent:Mozilla curl/8.1"_s << u"ua"_s;
    row("header regex anchored miss") << QStringList { u"ua h~User-Agent:^curl"_s } << 80 << u"a.com"_s << u"/"_s << c
                                      << u"user-agent:Mozilla curl/8.1"_s << QString();
    row("all headers must match") << QStringList { u"two h=a:1 h=b:2"_s } << 80 << u"a.com"_s << u"/"_s << c
                                  << u"a:1;c:2"_s << QString();
    row("not http: header route skipped") << QStringList { u"env h=x-env:prod"_s, u"none p=-1"_s } << 80 << u"a.com"_s
                                          << u"/"_s << c << u"-"_s << u"none"_s;
    row("no headers sent") << QStringList { u"env h=x-env:prod"_s } << 80 << u"a.com"_s << u"/"_s << c << QString()
                           << QString();
    row("more headers over fewer") << QStringList { u"one h=a:1"_s, u"two h=a:1 h=b:2"_s } << 80 << u"a.com"_s << u"/"_s
                                   << c << u"a:1;b:2"_s << u"two"_s;
    row("cidr over headers") << QStringList { u"hdr h=a:1"_s, u"net ip=192.0.2.0/24"_s } << 80 << u"a.com"_s << u"/"_s
                             << c << u"a:1"_s << u"net"_s;

    // Config order, ports, disabled routes.
    row("config order first") << QStringList { u"first d=a.com"_s, u"second d=a.com"_s } << 80 << u"a.com"_s << u"/"_s
                              << c << u"-"_s << u"first"_s;
    row("config order reversed") << QStringList { u"second d=a.com"_s, u"first d=a.com"_s } << 80 << u"a.com"_s
                                 << u"/"_s << c << u"-"_s << u"second"_s;
    row("other port ignored") << QStringList { u"p443 ports=443 p=9"_s, u"p80"_s } << 80 << u"a.com"_s << u"/"_s << c
                              << u"-"_s << u"p80"_s;
    row("no route on port") << QStringList { u"p80"_s } << 81 << u"a.com"_s << u"/"_s << c << u"-"_s << QString();
    row("range start") << QStringList { u"range ports=8000-8010"_s } << 8000 << u"a.com"_s << u"/"_s << c << u"-"_s
                       << u"range"_s;
    row("range end") << QStringList { u"range ports=8000-8010"_s } << 8010 << u"a.com"_s << u"/"_s << c << u"-"_s
                     << u"range"_s;
    row("past range") << QStringList { u"range ports=8000-8010"_s } << 8011 << u"a.com"_s << u"/"_s << c << u"-"_s
                      << QString();
    row("overlapping ranges, left") << QStringList { u"left ports=8000-8010"_s, u"right ports=8005-8020 p=1"_s } << 8004
                                    << u"a.com"_s << u"/"_s << c << u"-"_s << u"left"_s;
    row("overlapping ranges, both") << QStringList { u"left ports=8000-8010"_s, u"right ports=8005-8020 p=1"_s } << 8005
                                    << u"a.com"_s << u"/"_s << c << u"-"_s << u"right"_s;
    row("overlapping ranges, right") << QStringList { u"left ports=8000-8010 p=2"_s, u"right ports=8005-8020 p=1"_s }
                                     << 8011 << u"a.com"_s << u"/"_s << c << u"-"_s << u"right"_s;
    row("list and range") << QStringList { u"mixed ports=80,443,9000-9001"_s } << 9001 << u"a.com"_s << u"/"_s << c
                          << u"-"_s << u"mixed"_s;
    row("full port range") << QStringList { u"all ports=1-65535"_s } << 65535 << u"a.com"_s << u"/"_s << c << u"-"_s
                           << u"all"_s;
    row("disabled skipped") << QStringList { u"off p=9 d=a.com off"_s, u"on"_s } << 80 << u"a.com"_s << u"/"_s << c
                            << u"-"_s << u"on"_s;
    row("only disabled") << QStringList { u"off off"_s } << 80 << u"a.com"_s << u"/"_s << c << u"-"_s << QString();

    // The TLS layer: a path or header route may take the connection (routed again per request).
    row("tls: path route") << QStringList { u"api d=a.com path=/api/*"_s } << 80 << u"a.com"_s << QString() << c
                           << u"tls"_s << u"api"_s;
    row("tls: header route") << QStringList { u"env d=a.com h=x-env:prod"_s } << 80 << u"a.com"_s << QString() << c
                             << u"tls"_s << u"env"_s;
    row("tls: other domain still misses")
        << QStringList { u"api d=a.com path=/api/*"_s } << 80 << u"b.com"_s << QString() << c << u"tls"_s << QString();
    row("tcp: path route misses") << QStringList { u"api d=a.com path=/api/*"_s } << 80 << u"a.com"_s << QString() << c
                                  << u"-"_s << QString();
}

void TestRouteTable::select()
{
    QFETCH(QStringList, routes);
    QFETCH(int, port);
    QFETCH(QString, host);
    QFETCH(QString, path);
    QFETCH(QString, client);
    QFETCH(QString, headers);
    QFETCH(QString, winner);

    const config::Config config = test::configFromSpecs(routes);
    const auto table = RouteTable::build(config);
    const QString normalized = DomainPattern::normalizeHost(host);
    const bool tlsLayer = headers == u"tls";
    const auto lines = headersFromText(tlsLayer ? u"-"_s : headers);
    RouteQuery query;
    query.port = quint16(port);
    query.host = normalized;
    query.path = path;
    query.client = client.isEmpty() ? ClientAddress() : ClientAddress(QHostAddress(client));
    query.headers = lines ? &*lines : nullptr;
    query.httpLater = tlsLayer;

    const config::Route *route = table->select(query);
    QCOMPARE(route ? route->name : QString(), winner);
    // The slow reference agrees, so these rows also pin down the reference used below.
    QCOMPARE(referenceSelect(config, query), table->selectIndex(query));
}

void TestRouteTable::returnsConfigIndexAndRoute()
{
    const auto config = test::configFromSpecs({ u"a off"_s, u"b d=x.com"_s, u"c d=y.com"_s });
    const auto table = RouteTable::build(config);
    const QString host = u"y.com"_s;
    RouteQuery query;
    query.port = 80;
    query.host = host;
    QCOMPARE(table->selectIndex(query), 2);
    QCOMPARE(table->select(query), &table->routes()[2]);
    QCOMPARE(table->routes(), config.routes);
    QCOMPARE(table->enabledRouteCount(), 2);
    query.port = 81;
    QCOMPARE(table->selectIndex(query), -1);
    QCOMPARE(table->select(query), nullptr);
}

void TestRouteTable::ports()
{
    const auto config = test::configFromSpecs({
        u"a ports=443"_s,
        u"b ports=80,8000-8002"_s,
        u"c ports=8002-8004,81"_s,
        u"d ports=9000 off"_s,
        u"e ports=8001"_s,
    });
    const auto table = RouteTable::build(config);
    const QList<config::PortRange> expected { { 80, 81 }, { 443, 443 }, { 8000, 8004 } };
    QCOMPARE(table->portRanges(), expected);
    QCOMPARE(table->ports(), (QList<quint16> { 80, 81, 443, 8000, 8001, 8002, 8003, 8004 }));
    QVERIFY(table->hasPort(8003));
    QVERIFY(!table->hasPort(9000));
    QVERIFY(!table->hasPort(82));
    QCOMPARE(table->routesOnPort(8001), (QList<int> { 1, 4 }));
    QCOMPARE(table->routesOnPort(8002), (QList<int> { 1, 2 }));
    QCOMPARE(table->routesOnPort(81), (QList<int> { 2 }));
    QCOMPARE(table->routesOnPort(9000), QList<int>());
}

void TestRouteTable::emptyConfig()
{
    const auto table = RouteTable::build(config::Config());
    RouteQuery query;
    query.port = 80;
    QCOMPARE(table->selectIndex(query), -1);
    QVERIFY(table->ports().isEmpty());
    QVERIFY(table->portRanges().isEmpty());
    QCOMPARE(table->enabledRouteCount(), 0);
}

void TestRouteTable::regexCompiledOnce()
{
    // A regex route must keep working across many lookups and copies of the query.
    const auto table = RouteTable::build(test::configFromSpecs({ u"r h~x-id:^[0-9]+$"_s }));
    const HeaderList good { { "X-Id", "12345" } };
    const HeaderList bad { { "X-Id", "12a45" } };
    RouteQuery query;
    query.port = 80;
    for (int i = 0; i < 100; ++i) {
        query.headers = &good;
        QCOMPARE(table->selectIndex(query), 0);
        query.headers = &bad;
        QCOMPARE(table->selectIndex(query), -1);
    }
}

void TestRouteTable::matchesReferenceOnRandomConfigs()
{
    // Random configs over small pools, so that routes collide often; the indexed lookup and
    // its early exits must agree with the reference on every query.
    const QStringList domains { u"a.example.com"_s,   u"b.example.com"_s, u"*.example.com"_s,
                                u"*.a.example.com"_s, u"example.com"_s,   u"*"_s,
                                u"other.org"_s };
    const QStringList paths { QString(),    u"/"_s,  u"/api"_s,          u"/api/*"_s, u"/api/v1/*"_s,
                              u"/api/v1"_s, u"/*"_s, u"/static/*.css"_s, u"/api*"_s };
    const QStringList ips { u"10.0.0.0/8"_s,    u"10.1.0.0/16"_s, u"10.1.2.3"_s,
                            u"2001:db8::/32"_s, u"*"_s,           u"::ffff:10.0.0.0/104"_s };
    const QStringList headerSpecs { u"h=x-env:prod"_s, u"h~x-env:^pro"_s, u"h=x-a:1"_s };
    const QStringList portSpecs { u"80"_s, u"81"_s, u"80-90"_s, u"85-100"_s, u"80,95"_s };

    const QStringList hosts { QString(),        u"a.example.com"_s, u"c.a.example.com"_s,
                              u"example.com"_s, u"x.other.org"_s,   u"other.org"_s,
                              u"zzz"_s,         u"b.example.com"_s };
    const QStringList queryPaths { QString(),          u"/"_s,     u"/api"_s, u"/api/v1"_s, u"/api/v1/x"_s,
                                   u"/static/a.css"_s, u"/apix"_s, u"/api/"_s };
    const QList<ClientAddress> clients { ClientAddress(),
                                         ClientAddress(QHostAddress(u"10.1.2.3"_s)),
                                         ClientAddress(QHostAddress(u"10.9.9.9"_s)),
                                         ClientAddress(QHostAddress(u"::ffff:10.1.2.3"_s)),
                                         ClientAddress(QHostAddress(u"2001:db8::1"_s)),
                                         ClientAddress(QHostAddress(u"192.168.1.1"_s)) };
    const QList<HeaderList> headerSets { {}, { { "x-env", "prod" } }, { { "X-Env", "production" }, { "x-a", "1" } } };

    QRandomGenerator random(20240601);
    const auto pick = [&](const QStringList &list) { return list[random.bounded(int(list.size()))]; };
    int selected = 0;
    for (int round = 0; round < 300; ++round) {
        QStringList specs;
        const int count = 1 + random.bounded(12);
        for (int r = 0; r < count; ++r) {
            QString spec = u"r%1 p=%2 ports=%3"_s.arg(r).arg(random.bounded(3)).arg(pick(portSpecs));
            if (random.bounded(3) > 0) {
                QStringList ds { pick(domains) };
                if (random.bounded(3) == 0)
                    ds << pick(domains);
                spec += u" d="_s + ds.join(u',');
            }
            if (const QString p = pick(paths); !p.isEmpty())
                spec += u" path="_s + p;
            if (random.bounded(3) == 0)
                spec += u" ip="_s + pick(ips) + (random.bounded(2) ? u","_s + pick(ips) : QString());
            if (random.bounded(4) == 0)
                spec += u' ' + pick(headerSpecs);
            if (random.bounded(10) == 0)
                spec += u" off"_s;
            specs << spec;
        }
        const config::Config config = test::configFromSpecs(specs);
        const auto table = RouteTable::build(config);
        for (int q = 0; q < 200; ++q) {
            const QString host = pick(hosts);
            const QString path = pick(queryPaths);
            const int headerChoice = random.bounded(int(headerSets.size()) + 1);
            RouteQuery query;
            query.port = quint16(79 + random.bounded(23));
            query.host = host;
            query.path = path;
            query.client = clients[random.bounded(int(clients.size()))];
            query.headers = headerChoice < headerSets.size() ? &headerSets[headerChoice] : nullptr;
            // Sometimes the TLS layer: no path or headers yet, but HTTP may follow.
            if (random.bounded(5) == 0) {
                query.path = {};
                query.headers = nullptr;
                query.httpLater = true;
            }
            const int expected = referenceSelect(config, query);
            const int actual = table->selectIndex(query);
            if (actual != expected) {
                qWarning().noquote() << "config:" << specs.join(u" | ") << "\nquery: port" << query.port << "host"
                                     << host << "path" << path << "client" << query.client.toString();
            }
            QCOMPARE(actual, expected);
            selected += actual >= 0;
        }
    }
    // The pools must produce real matches, or this test proves nothing.
    QVERIFY2(selected > 10000, qPrintable(QString::number(selected)));
}

QTEST_APPLESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
