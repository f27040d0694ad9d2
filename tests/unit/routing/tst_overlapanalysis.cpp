#include "RouteSpec.h"
#include "routing/DomainPattern.h"
#include "routing/OverlapAnalysis.h"
#include "routing/RouteTable.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::routing;
using namespace Qt::StringLiterals;

namespace {

// "routes[1]: shadowed by a (priority)" or "routes[1]: ambiguous with a", from the messages.
QStringList summarize(const config::Diagnostics &diagnostics)
{
    static const QRegularExpression ambiguous(
        u"^routes '([^']+)' \\(routes\\[\\d+\\]\\) and '([^']+)' have the same match"_s);
    static const QRegularExpression shadowed(
        u"^route '([^']+)' is shadowed by route '([^']+)' \\(routes\\[\\d+\\]\\)"_s);
    QStringList result;
    for (const config::Diagnostic &d : diagnostics) {
        if (d.severity != config::Diagnostic::Severity::Warning)
            result << u"not a warning: "_s + d.message;
        if (const auto m = ambiguous.match(d.message); m.hasMatch()) {
            result << u"%1: ambiguous with %2"_s.arg(d.path, m.captured(1));
        } else if (const auto s = shadowed.match(d.message); s.hasMatch()) {
            QString why = u"?"_s;
            if (d.message.contains(u"higher priority"))
                why = u"priority"_s;
            else if (d.message.contains(u"more specific"))
                why = u"specificity"_s;
            else if (d.message.contains(u"comes first"))
                why = u"order"_s;
            result << u"%1: shadowed by %2 (%3)"_s.arg(d.path, s.captured(2), why);
        } else {
            result << u"unexpected: "_s + d.message;
        }
    }
    return result;
}

}  // namespace

class TestOverlapAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void warnings_data();
    void warnings();
    void messages();
    void manyRoutes();
    void warnedRoutesAreNeverSelected();
};

void TestOverlapAnalysis::warnings_data()
{
    QTest::addColumn<QStringList>("routes");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    const QStringList none;

    // Ambiguous: the same match at the same priority.
    row("identical") << QStringList { u"a d=x.com path=/api/*"_s, u"b d=x.com path=/api/*"_s }
                     << QStringList { u"routes[1]: ambiguous with a"_s };
    row("identical, written differently") << QStringList { u"a ports=80,81 d=X.com,*.y.com ip=10.1.2.3/8"_s,
                                                           u"b ports=81,80-80 d=*.y.com,x.com ip=10.0.0.0/8"_s }
                                          << QStringList { u"routes[1]: ambiguous with a"_s };
    row("three identical") << QStringList { u"a d=x.com"_s, u"b d=x.com"_s, u"c d=x.com"_s }
                           << QStringList { u"routes[1]: ambiguous with a"_s, u"routes[2]: ambiguous with a"_s };
    row("identical catch-alls") << QStringList { u"a"_s, u"b"_s } << QStringList { u"routes[1]: ambiguous with a"_s };
    row("identical headers") << QStringList { u"a h=X-Env:prod h~ua:curl"_s, u"b h~ua:curl h=x-env:prod"_s }
                             << QStringList { u"routes[1]: ambiguous with a"_s };
    row("twin disabled") << QStringList { u"a d=x.com"_s, u"b d=x.com off"_s } << none;
    row("same match, higher priority later") << QStringList { u"a d=x.com"_s, u"b p=1 d=x.com"_s }
                                             << QStringList { u"routes[0]: shadowed by b (priority)"_s };
    row("header value differs") << QStringList { u"a h=x:1"_s, u"b h=x:2"_s } << none;
    row("regex vs exact of same text") << QStringList { u"a h~x:1"_s, u"b h=x:1"_s }
                                       << QStringList { u"routes[1]: shadowed by a (order)"_s };

    // Ports.
    row("catch-all above everything") << QStringList { u"all p=1"_s, u"b d=x.com path=/api ip=10.0.0.0/8 h=a:1"_s }
                                      << QStringList { u"routes[1]: shadowed by all (priority)"_s };
    row("catch-all on fewer ports") << QStringList { u"all p=1 ports=80"_s, u"b ports=80,443"_s } << none;
    row("range covers port") << QStringList { u"range p=1 ports=8000-8010"_s, u"b ports=8005"_s }
                             << QStringList { u"routes[1]: shadowed by range (priority)"_s };
    row("range misses one port") << QStringList { u"range p=1 ports=8000-8010"_s, u"b ports=8005-8011"_s } << none;
    row("ranges cover together") << QStringList { u"two p=1 ports=80,81-90"_s, u"b ports=80-85"_s }
                                 << QStringList { u"routes[1]: shadowed by two (priority)"_s };
    row("other port") << QStringList { u"a p=1 ports=443"_s, u"b ports=80"_s } << none;

    // Domains.
    row("wildcard covers exact, priority") << QStringList { u"a p=1 d=*.x.com"_s, u"b d=www.x.com"_s }
                                           << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("wildcard covers exact, same priority") << QStringList { u"a d=*.x.com"_s, u"b d=www.x.com"_s } << none;
    row("wildcard misses apex") << QStringList { u"a p=1 d=*.x.com"_s, u"b d=x.com"_s } << none;
    row("wider wildcard, same priority") << QStringList { u"a d=*.x.com"_s, u"b d=*.y.x.com"_s } << none;
    row("star misses no-host") << QStringList { u"a p=1 d=*"_s, u"b"_s } << none;
    row("no domain covers star") << QStringList { u"a p=1"_s, u"b d=*"_s }
                                 << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("no domain ties star: order") << QStringList { u"a ports=80,81"_s, u"b d=*"_s }
                                      << QStringList { u"routes[1]: shadowed by a (order)"_s };
    row("star ties no domain, but later") << QStringList { u"b d=*"_s, u"a ports=80,81"_s } << none;
    row("one domain uncovered") << QStringList { u"a p=1 d=*.x.com"_s, u"b d=a.x.com,b.y.com"_s } << none;
    row("all domains covered") << QStringList { u"a p=1 d=*.x.com"_s, u"b d=a.x.com,*.b.x.com"_s }
                               << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("extra exact name, earlier") << QStringList { u"a d=www.x.com,*.x.com ports=80,81"_s, u"b d=*.x.com"_s }
                                     << QStringList { u"routes[1]: shadowed by a (order)"_s };
    row("extra exact name, later") << QStringList { u"b d=*.x.com"_s, u"a d=www.x.com,*.x.com ports=80,81"_s } << none;
    row("b more specific on one name") << QStringList { u"a d=*.x.com ports=80,81"_s, u"b d=*.x.com,www.x.com"_s }
                                       << none;

    // Paths.
    row("prefix covers exact, priority") << QStringList { u"a p=1 path=/api/*"_s, u"b path=/api/v1"_s }
                                         << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("prefix covers exact, same priority") << QStringList { u"a path=/api/*"_s, u"b path=/api/v1"_s } << none;
    row("prefix misses sibling") << QStringList { u"a p=1 path=/api/*"_s, u"b path=/apix"_s } << none;
    row("root prefix misses no path") << QStringList { u"a p=1 path=/*"_s, u"b"_s } << none;
    row("glob covers exact") << QStringList { u"a p=1 path=/static/*.css"_s, u"b path=/static/x.css"_s }
                             << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("glob does not cover glob") << QStringList { u"a p=1 path=/static/*.css"_s, u"b path=/static/a*.css"_s }
                                    << none;
    row("path over domain-less") << QStringList { u"a d=x.com path=/a"_s, u"b d=x.com"_s } << none;

    // Client networks.
    row("wider cidr, priority") << QStringList { u"a p=1 ip=10.0.0.0/8"_s, u"b ip=10.1.0.0/16"_s }
                                << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("wider cidr, same priority") << QStringList { u"a ip=10.0.0.0/8"_s, u"b ip=10.1.0.0/16"_s } << none;
    row("cidr misses other clients") << QStringList { u"a p=1 ip=10.0.0.0/8"_s, u"b"_s } << none;
    row("v4 all misses v6") << QStringList { u"a p=1 ip=0.0.0.0/0"_s, u"b ip=2001:db8::/32"_s } << none;
    row("v6 all covers v6") << QStringList { u"a p=1 ip=::/0"_s, u"b ip=2001:db8::/32"_s }
                            << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("v4 and v6 all miss unknown") << QStringList { u"a p=1 ip=0.0.0.0/0,::/0"_s, u"b"_s } << none;
    row("star covers cidr") << QStringList { u"a p=1 ip=*"_s, u"b ip=10.0.0.0/8"_s }
                            << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("mapped form covers v4") << QStringList { u"a p=1 ip=::ffff:10.0.0.0/104"_s, u"b ip=10.1.2.3"_s }
                                 << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("same cidr, earlier") << QStringList { u"a ports=80,81 ip=10.0.0.0/8"_s, u"b ip=10.0.0.0/8"_s }
                              << QStringList { u"routes[1]: shadowed by a (order)"_s };
    row("extra narrow entry may not apply")
        << QStringList { u"a ports=80,81 ip=10.0.0.0/8,10.1.2.3"_s, u"b ip=10.0.0.0/8"_s }
        << QStringList { u"routes[1]: shadowed by a (order)"_s };
    row("b narrower on one entry") << QStringList { u"a ports=80,81 ip=10.0.0.0/8"_s, u"b ip=10.0.0.0/8,10.1.2.3"_s }
                                   << none;

    // Headers.
    row("fewer headers, priority") << QStringList { u"a p=1 h=x:1"_s, u"b h=x:1 h=y:2"_s }
                                   << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("fewer headers, same priority") << QStringList { u"a h=x:1"_s, u"b h=x:1 h=y:2"_s } << none;
    row("header route misses non-http") << QStringList { u"a p=1 h=x:1"_s, u"b"_s } << none;
    row("header names case-insensitive") << QStringList { u"a p=1 h=X-Env:prod"_s, u"b h=x-env:prod"_s }
                                         << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("header values case-sensitive") << QStringList { u"a p=1 h=x-env:Prod"_s, u"b h=x-env:prod"_s } << none;
    row("regex implied by exact") << QStringList { u"a p=1 h~x:^1"_s, u"b h=x:123"_s }
                                  << QStringList { u"routes[1]: shadowed by a (priority)"_s };
    row("regex not implied by exact") << QStringList { u"a p=1 h~x:^2"_s, u"b h=x:123"_s } << none;
    row("two regexes over one exact") << QStringList { u"a h~x:a h~x:b ports=80,81"_s, u"b h=x:ab"_s }
                                      << QStringList { u"routes[1]: shadowed by a (specificity)"_s };
    row("exact not implied by regex") << QStringList { u"a p=1 h=x:1"_s, u"b h~x:1"_s } << none;

    // Which shadow is reported, disabled routes.
    row("earliest shadower") << QStringList { u"b d=x.com"_s, u"a p=1"_s, u"c p=2"_s }
                             << QStringList { u"routes[0]: shadowed by a (priority)"_s,
                                              u"routes[1]: shadowed by c (priority)"_s };
    row("twins under a catch-all") << QStringList { u"a d=x.com"_s, u"b d=x.com"_s, u"c p=1"_s }
                                   << QStringList { u"routes[0]: shadowed by c (priority)"_s,
                                                    u"routes[1]: ambiguous with a"_s,
                                                    u"routes[1]: shadowed by c (priority)"_s };
    row("disabled shadower") << QStringList { u"a p=1 off"_s, u"b d=x.com"_s } << none;
    row("disabled shadowed") << QStringList { u"a p=1"_s, u"b d=x.com off"_s } << none;
    row("unrelated") << QStringList { u"a d=x.com"_s, u"b d=y.com"_s, u"c ports=443"_s } << none;
}

void TestOverlapAnalysis::warnings()
{
    QFETCH(QStringList, routes);
    QFETCH(QStringList, expected);

    const config::Diagnostics diagnostics = analyzeOverlaps(test::configFromSpecs(routes));
    QCOMPARE(summarize(diagnostics), expected);
}

void TestOverlapAnalysis::messages()
{
    const auto diagnostics = analyzeOverlaps(test::configFromSpecs({
        u"site d=example.com"_s,
        u"copy d=EXAMPLE.com"_s,
        u"catch-all p=5 ports=443"_s,
        u"api ports=443 path=/api/*"_s,
    }));
    QCOMPARE(diagnostics.size(), 2);
    QCOMPARE(diagnostics[0].severity, config::Diagnostic::Severity::Warning);
    QCOMPARE(diagnostics[0].path, u"routes[1]"_s);
    QCOMPARE(diagnostics[0].message,
             u"routes 'site' (routes[0]) and 'copy' have the same match and the same priority: 'site' (routes[0]) wins "
             "by config order, so 'copy' is never selected"_s);
    QCOMPARE(diagnostics[1].severity, config::Diagnostic::Severity::Warning);
    QCOMPARE(diagnostics[1].path, u"routes[3]"_s);
    QCOMPARE(diagnostics[1].message,
             u"route 'api' is shadowed by route 'catch-all' (routes[2]), which matches everything 'api' matches and "
             "has a higher priority (5 over 0), so 'api' is never selected"_s);
}

void TestOverlapAnalysis::manyRoutes()
{
    // 10k routes on one port, without domains, each on its own path: none overlaps, and a
    // higher-priority catch-all shadows all of them. Candidates are found by path key, so
    // this stays fast.
    config::Config config;
    for (int i = 0; i < 10000; ++i)
        config.routes.append(test::routeFromSpec(u"r%1 path=/svc/%1/*"_s.arg(i)));
    QCOMPARE(analyzeOverlaps(config).size(), 0);
    config.routes.append(test::routeFromSpec(u"umbrella p=1 path=/svc/*"_s));
    const auto diagnostics = analyzeOverlaps(config);
    QCOMPARE(diagnostics.size(), 10000);
    QVERIFY(diagnostics.last().message.contains(u"shadowed by route 'umbrella'"));
}

void TestOverlapAnalysis::warnedRoutesAreNeverSelected()
{
    // Soundness against the real selector: a route reported as shadowed or ambiguous must
    // lose every query of a pool that reaches every pattern of the configs below.
    const QStringList domains { u"a.example.com"_s, u"*.example.com"_s, u"*.a.example.com"_s, u"example.com"_s,
                                u"*"_s };
    const QStringList paths { QString(), u"/api"_s, u"/api/*"_s, u"/api/v1/*"_s, u"/*"_s, u"/api*"_s };
    const QStringList ips { u"10.0.0.0/8"_s, u"10.1.0.0/16"_s, u"10.1.2.3"_s, u"*"_s, u"::/0"_s };
    const QStringList headerSpecs { u"h=x:1"_s, u"h~x:^1"_s, u"h=y:2"_s };
    const QStringList portSpecs { u"80"_s, u"81"_s, u"80-81"_s, u"80,82"_s };

    const QStringList hosts { QString(),        u"a.example.com"_s,     u"b.a.example.com"_s,
                              u"example.com"_s, u"fresh.example.com"_s, u"zzz"_s };
    const QStringList queryPaths {
        QString(), u"/"_s, u"/api"_s, u"/api/v1"_s, u"/api/v1/x"_s, u"/apix"_s, u"/other"_s
    };
    const QList<ClientAddress> clients { ClientAddress(),
                                         ClientAddress(QHostAddress(u"10.1.2.3"_s)),
                                         ClientAddress(QHostAddress(u"10.1.9.9"_s)),
                                         ClientAddress(QHostAddress(u"10.9.9.9"_s)),
                                         ClientAddress(QHostAddress(u"2001:db8::1"_s)),
                                         ClientAddress(QHostAddress(u"192.168.1.1"_s)) };
    const QList<HeaderList> headerSets { {}, { { "x", "1" } }, { { "x", "12" } }, { { "x", "1" }, { "y", "2" } } };

    QRandomGenerator random(77);
    const auto pick = [&](const QStringList &list) { return list[random.bounded(int(list.size()))]; };
    int warned = 0;
    for (int round = 0; round < 1500; ++round) {
        QStringList specs;
        const int count = 2 + random.bounded(5);
        for (int r = 0; r < count; ++r) {
            QString spec = u"r%1 p=%2 ports=%3"_s.arg(r).arg(random.bounded(2)).arg(pick(portSpecs));
            if (random.bounded(2))
                spec += u" d="_s + pick(domains) + (random.bounded(3) == 0 ? u","_s + pick(domains) : QString());
            if (const QString p = pick(paths); !p.isEmpty())
                spec += u" path="_s + p;
            if (random.bounded(3) == 0)
                spec += u" ip="_s + pick(ips) + (random.bounded(3) == 0 ? u","_s + pick(ips) : QString());
            if (random.bounded(3) == 0)
                spec += u' ' + pick(headerSpecs);
            specs << spec;
        }
        const config::Config config = test::configFromSpecs(specs);
        const auto diagnostics = analyzeOverlaps(config);
        if (diagnostics.isEmpty())
            continue;
        const auto table = RouteTable::build(config);
        for (const config::Diagnostic &d : diagnostics) {
            ++warned;
            const int loser = d.path.mid(7).chopped(1).toInt();
            for (const quint16 port : { 80, 81, 82 }) {
                for (const QString &host : hosts) {
                    for (const QString &path : queryPaths) {
                        for (const ClientAddress &client : clients) {
                            for (int h = 0; h <= headerSets.size(); ++h) {
                                RouteQuery query;
                                query.port = port;
                                query.host = host;
                                query.path = path;
                                query.client = client;
                                query.headers = h < headerSets.size() ? &headerSets[h] : nullptr;
                                if (table->selectIndex(query) == loser) {
                                    qWarning().noquote() << specs.join(u" | ") << "\n"
                                                         << d.message << "\nhost" << host << "path" << path << "client"
                                                         << client.toString() << "headers" << h;
                                    QFAIL("a route reported as never selected was selected");
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    QVERIFY2(warned > 300, qPrintable(QString::number(warned)));
}

QTEST_APPLESS_MAIN(TestOverlapAnalysis)
#include "tst_overlapanalysis.moc"
