// The metrics a metrics route answers with, rendered from real snapshots: the
// exposition format read back by a strict parser, label escaping, counters
// carried across config changes by route name, and the service's part
// (listeners, certificates, revision). The parser itself must refuse what
// Prometheus would refuse, or the other checks would prove nothing.
#include "PrometheusText.h"
#include "config/ConfigLoader.h"
#include "proxy/Metrics.h"
#include "proxy/ProxySnapshot.h"
#include "proxy/TlsSessionCache.h"
#include "proxy/Worker.h"

#include <QTest>

using namespace gatehouse;
using gatehouse::test::PrometheusText;

namespace {

config::Config configOf(const QByteArray &json)
{
    config::ConfigValidator::Options options;
    options.checkFiles = false;
    const config::ConfigLoader::Result loaded = config::ConfigLoader::load(json, options);
    if (!loaded.ok())
        qFatal("test config rejected: %s", qPrintable(loaded.diagnostics.first().toString()));
    return loaded.config;
}

proxy::ProxySnapshot::Ptr snapshotOf(const QByteArray &json, const proxy::ProxySnapshot *previous = nullptr,
                                     proxy::MetricsRegistry::Ptr metrics = nullptr)
{
    auto built = proxy::ProxySnapshot::build(configOf(json), 1, previous, {}, std::move(metrics));
    if (!built)
        qFatal("snapshot failed: %s", qPrintable(built.error()));
    return built.value();
}

int indexOf(const proxy::ProxySnapshot &snapshot, const QString &name)
{
    for (int i = 0; i < snapshot.routeCount(); ++i) {
        if (snapshot.runtime(i).route().name == name)
            return i;
    }
    return -1;
}

const QByteArray kTwoRoutes = R"({"routes": [
    {"name": "site", "match": {"ports": 8080}, "action": {"type": "forward", "targets": [{"host": "127.0.0.1", "port": 9000}]}},
    {"name": "metrics", "match": {"ports": 9100}, "action": {"type": "metrics"}, "security": {"ipAllowList": ["127.0.0.1"]}}
]})";

}  // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parserRefusesBadText_data();
    void parserRefusesBadText();
    void rendersEveryFamily();
    void escapesLabelValues();
    void countersSurviveChangesByName();
    void serviceState();
    void workersAndTlsSessions();
};

void TestMetrics::parserRefusesBadText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QByteArray head = "# HELP a_total A.\n# TYPE a_total counter\n";
    QTest::newRow("no type") << QByteArray("# HELP a_total A.\na_total 1\n") << "without HELP and TYPE";
    QTest::newRow("duplicate series") << head + "a_total{x=\"1\"} 1\na_total{x=\"1\"} 2\n"
                                      << "duplicate series";
    QTest::newRow("same labels other order") << head + "a_total{x=\"1\",y=\"2\"} 1\na_total{y=\"2\",x=\"1\"} 2\n"
                                             << "duplicate series";
    QTest::newRow("bad escape") << head + "a_total{x=\"\\t\"} 1\n"
                                << "unknown escape";
    QTest::newRow("unterminated") << head + "a_total{x=\"1} 1\n"
                                  << "unterminated";
    QTest::newRow("not a number") << head + "a_total 1x\n"
                                  << "not a number";
    QTest::newRow("two spaces") << head + "a_total  1\n"
                                << "is not a number";
    QTest::newRow("no final newline") << head + "a_total 1"
                                      << "line feed";
    QTest::newRow("type after samples") << head + "a_total 1\n# TYPE a_total counter\n"
                                        << "after its samples";
    QTest::newRow("split family") << head + "a_total 1\n# HELP b B.\n# TYPE b gauge\nb 1\na_total{x=\"2\"} 1\n"
                                  << "not together";
    QTest::newRow("bad type") << QByteArray("# HELP a A.\n# TYPE a countr\na 1\n") << "bad TYPE";
}

void TestMetrics::parserRefusesBadText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const PrometheusText parsed = PrometheusText::parse(text);
    QVERIFY2(parsed.error.contains(error), qPrintable(QStringLiteral("got '%1'").arg(parsed.error)));
}

void TestMetrics::rendersEveryFamily()
{
    auto registry = std::make_shared<proxy::MetricsRegistry>();
    registry->setRevision(7);
    const auto snapshot = snapshotOf(kTwoRoutes, nullptr, registry);
    proxy::RouteCounters &site = snapshot->runtime(indexOf(*snapshot, QStringLiteral("site"))).counters();
    site.openConnection();
    site.openConnection();
    site.closeConnection();
    site.countRequest(200, 100, 1000);
    site.countRequest(204, 10, 20);
    site.countRequest(404, 1, 2);
    site.countRequest(503, 0, 5);
    site.countRequest(0, 7, 0);  // no answer: bytes only

    const QByteArray text = registry->render(*snapshot, QDateTime::currentDateTimeUtc());
    const PrometheusText parsed = PrometheusText::parse(text);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error + u'\n' + QString::fromUtf8(text)));

    const QMap<QString, QString> siteLabel { { QStringLiteral("route"), QStringLiteral("site") } };
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_connections_total"), siteLabel), 2.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_connections_active"), siteLabel), 1.0);
    const auto requests = [&](const char *code) {
        return parsed.number(QStringLiteral("gatehouse_requests_total"),
                             { { QStringLiteral("route"), QStringLiteral("site") },
                               { QStringLiteral("code"), QString::fromLatin1(code) } });
    };
    QCOMPARE(requests("1xx"), 0.0);
    QCOMPARE(requests("2xx"), 2.0);
    QCOMPARE(requests("3xx"), 0.0);
    QCOMPARE(requests("4xx"), 1.0);
    QCOMPARE(requests("5xx"), 1.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_bytes_received_total"), siteLabel), 118.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_bytes_sent_total"), siteLabel), 1027.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_connections_total"),
                           { { QStringLiteral("route"), QStringLiteral("metrics") } }),
             0.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_config_revision")), 7.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_build_info"),
                           { { QStringLiteral("version"), QStringLiteral(GATEHOUSE_VERSION) } }),
             1.0);
    QCOMPARE(parsed.types.value(QStringLiteral("gatehouse_requests_total")), QStringLiteral("counter"));
    QCOMPARE(parsed.types.value(QStringLiteral("gatehouse_connections_active")), QStringLiteral("gauge"));
    for (const char *family :
         { "gatehouse_listener_up", "gatehouse_certificate_expiry_seconds", "gatehouse_certificate_state" })
        QVERIFY2(parsed.types.contains(QString::fromLatin1(family)), family);  // described even without samples
}

void TestMetrics::escapesLabelValues()
{
    const QString name = QStringLiteral("we\"ird\\ näme\nsecond line");
    QCOMPARE(proxy::MetricsRegistry::escapeLabelValue(name), QByteArray("we\\\"ird\\\\ n\xc3\xa4me\\nsecond line"));
    config::Config config = configOf(kTwoRoutes);
    config.routes[0].name = name;  // JSON allows it; the validator does not forbid it
    const auto snapshot = proxy::ProxySnapshot::build(config, 1, nullptr).value();
    const PrometheusText parsed
        = PrometheusText::parse(proxy::MetricsRegistry().render(*snapshot, QDateTime::currentDateTimeUtc()));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_connections_total"), { { QStringLiteral("route"), name } }), 0.0);
}

void TestMetrics::countersSurviveChangesByName()
{
    const auto first = snapshotOf(kTwoRoutes);
    first->runtime(indexOf(*first, QStringLiteral("site"))).counters().countRequest(200, 5, 6);

    // "site" changes its target, "metrics" is gone, "other" is new.
    const auto second = snapshotOf(R"({"routes": [
        {"name": "other", "match": {"ports": 8081}, "action": {"type": "respond"}},
        {"name": "site", "match": {"ports": 8080}, "action": {"type": "forward", "targets": [{"host": "127.0.0.1", "port": 9001}]}}
    ]})",
                                   first.get());
    const proxy::RouteRuntime &site = second->runtime(indexOf(*second, QStringLiteral("site")));
    QVERIFY(&site != &first->runtime(indexOf(*first, QStringLiteral("site"))));  // new route state...
    QCOMPARE(site.counters().requests[1].load(), quint64(1));  // ...same counters
    QCOMPARE(site.counters().bytesSent.load(), quint64(6));

    const PrometheusText parsed
        = PrometheusText::parse(proxy::MetricsRegistry().render(*second, QDateTime::currentDateTimeUtc()));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QVERIFY(parsed
                .find(QStringLiteral("gatehouse_connections_total"),
                      { { QStringLiteral("route"), QStringLiteral("metrics") } })
                .isEmpty());
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_bytes_sent_total"),
                           { { QStringLiteral("route"), QStringLiteral("other") } }),
             0.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_bytes_sent_total"),
                           { { QStringLiteral("route"), QStringLiteral("site") } }),
             6.0);
}

void TestMetrics::serviceState()
{
    auto registry = std::make_shared<proxy::MetricsRegistry>();
    const auto snapshot = snapshotOf(kTwoRoutes, nullptr, registry);
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-03-01T12:00:00Z"), Qt::ISODate);
    registry->setListeners({ { QStringLiteral("127.0.0.1"), 8080, QStringLiteral("bound") },
                             { QStringLiteral("127.0.0.1"), 80, QStringLiteral("conflict") } });
    registry->setCertificates({ { { QStringLiteral("a.com"), QStringLiteral("www.a.com") },
                                  QStringLiteral("valid"),
                                  now.addSecs(30 * 86400 + 5) },
                                { { QStringLiteral("b.com") }, QStringLiteral("pending"), QDateTime() },
                                { { QStringLiteral("old.com") }, QStringLiteral("expired"), now.addSecs(-60) } });
    const PrometheusText parsed = PrometheusText::parse(registry->render(*snapshot, now));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));

    QCOMPARE(parsed.number(QStringLiteral("gatehouse_listener_up"),
                           { { QStringLiteral("port"), QStringLiteral("8080") },
                             { QStringLiteral("address"), QStringLiteral("127.0.0.1") },
                             { QStringLiteral("state"), QStringLiteral("bound") } }),
             1.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_listener_up"),
                           { { QStringLiteral("port"), QStringLiteral("80") },
                             { QStringLiteral("state"), QStringLiteral("conflict") } }),
             0.0);
    QCOMPARE(parsed.find(QStringLiteral("gatehouse_listener_up")).size(), 2);

    QCOMPARE(parsed.number(QStringLiteral("gatehouse_certificate_expiry_seconds"),
                           { { QStringLiteral("domains"), QStringLiteral("a.com,www.a.com") } }),
             30.0 * 86400 + 5);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_certificate_expiry_seconds"),
                           { { QStringLiteral("domains"), QStringLiteral("old.com") } }),
             -60.0);
    // No certificate yet: a state, no expiry.
    QVERIFY(parsed
                .find(QStringLiteral("gatehouse_certificate_expiry_seconds"),
                      { { QStringLiteral("domains"), QStringLiteral("b.com") } })
                .isEmpty());
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_certificate_state"),
                           { { QStringLiteral("domains"), QStringLiteral("b.com") },
                             { QStringLiteral("state"), QStringLiteral("pending") } }),
             1.0);
    QCOMPARE(parsed.find(QStringLiteral("gatehouse_certificate_state")).size(), 3);

    // A listener that goes away stops being reported.
    registry->setListeners({ { QStringLiteral("127.0.0.1"), 8080, QStringLiteral("bound") } });
    const PrometheusText after = PrometheusText::parse(registry->render(*snapshot, now));
    QCOMPARE(after.find(QStringLiteral("gatehouse_listener_up")).size(), 1);
}

void TestMetrics::workersAndTlsSessions()
{
    auto registry = std::make_shared<proxy::MetricsRegistry>();
    const auto snapshot = snapshotOf(kTwoRoutes, nullptr, registry);
    auto first = std::make_shared<proxy::WorkerCounters>();
    auto second = std::make_shared<proxy::WorkerCounters>();
    first->active = 2;
    first->opened = 9;
    second->opened = 4;
    registry->setWorkers({ first, second });

    // The cache is the process's: count what this test adds to it.
    proxy::TlsSessionCache &cache = proxy::TlsSessionCache::instance();
    const proxy::TlsSessionCache::Stats before = cache.stats();
    const QByteArray unknown(32, '\x7e');
    QCOMPARE(cache.take(reinterpret_cast<const unsigned char *>(unknown.constData()), 32), nullptr);

    const QByteArray text = registry->render(*snapshot, QDateTime::currentDateTimeUtc());
    const PrometheusText parsed = PrometheusText::parse(text);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error + u'\n' + QString::fromUtf8(text)));
    const auto worker = [](const char *index) {
        return QMap<QString, QString> { { QStringLiteral("worker"), QString::fromLatin1(index) } };
    };
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_worker_connections_active"), worker("0")), 2.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_worker_connections_active"), worker("1")), 0.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_worker_connections_total"), worker("0")), 9.0);
    QCOMPARE(parsed.number(QStringLiteral("gatehouse_worker_connections_total"), worker("1")), 4.0);
    QCOMPARE(parsed.find(QStringLiteral("gatehouse_worker_connections_total")).size(), 2);
    QCOMPARE(parsed.types.value(QStringLiteral("gatehouse_worker_connections_total")), QStringLiteral("counter"));

    QCOMPARE(parsed.number(QStringLiteral("gatehouse_tls_sessions")), double(before.sessions));
    const auto lookups = [&](const char *result) {
        return parsed.number(QStringLiteral("gatehouse_tls_session_lookups_total"),
                             { { QStringLiteral("result"), QString::fromLatin1(result) } });
    };
    QCOMPARE(lookups("found"), double(before.found));
    QCOMPARE(lookups("missing"), double(before.missing + 1));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
