// The GUI's models and helpers without a service: the route JSON round trip,
// the rebase behind "reload and re-apply", and how routes, ports and
// certificates read from the service's JSON.
#include "ApplyController.h"
#include "RouteJson.h"
#include "models/CertificatesModel.h"
#include "models/EventsModel.h"
#include "models/PortsModel.h"
#include "models/RoutesModel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;

namespace {

config::Route route(const QString &name, quint16 port, int priority = 0)
{
    config::Route r;
    r.name = name;
    r.priority = priority;
    r.match.ports = { { port, port } };
    r.action.targets = { config::Target { { QStringLiteral("127.0.0.1") }, 9, {} } };
    return r;
}

QStringList names(const config::Config &config)
{
    QStringList list;
    for (const config::Route &r : config.routes)
        list << r.name;
    return list;
}

}  // namespace

class TestGuiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeJsonRoundTrip();
    void routeJsonErrorsHaveRelativePaths();
    void rebaseKeepsBothSides();
    void routeStatusFromPortsAndCertificates();
    void portsConflictFirstWithHolder();
    void certificateTimesRelativeAndAbsolute();
    void eventsAreCapped();
};

void TestGuiModels::routeJsonRoundTrip()
{
    config::Route r = route(QStringLiteral("site"), 443, 3);
    r.match.domains = { QStringLiteral("example.com"), QStringLiteral("*.example.com") };
    r.action.tls.mode = config::TlsMode::Terminate;
    r.action.tls.autoCertificate = true;
    r.security.maxConnections = 10;
    const QString text = gui::RouteJson::toText(r);
    QVERIFY(text.indexOf(QStringLiteral("\"name\"")) < text.indexOf(QStringLiteral("\"match\"")));
    const gui::RouteJson::Parsed parsed = gui::RouteJson::fromText(text);
    QVERIFY(parsed.ok());
    QVERIFY(parsed.route == r);
}

void TestGuiModels::routeJsonErrorsHaveRelativePaths()
{
    const gui::RouteJson::Parsed unknown = gui::RouteJson::fromText(
        QStringLiteral(R"({"name": "a", "match": {"ports": 80, "colour": 1}, "action": {"type": "respond"}})"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.diagnostics.first().path, QStringLiteral("match.colour"));

    const gui::RouteJson::Parsed syntax = gui::RouteJson::fromText(QStringLiteral("{\n  \"name\": }"));
    QVERIFY(!syntax.ok());
    QCOMPARE(syntax.diagnostics.first().line, 2);

    QCOMPARE(
        gui::RouteJson::relativePath(QStringLiteral("routes[3].match.ports[1]"), 3).value_or(QStringLiteral("none")),
        QStringLiteral("match.ports[1]"));
    QCOMPARE(gui::RouteJson::relativePath(QStringLiteral("routes[3]"), 3).value_or(QStringLiteral("none")), QString());
    QVERIFY(!gui::RouteJson::relativePath(QStringLiteral("routes[31].name"), 3));
}

void TestGuiModels::rebaseKeepsBothSides()
{
    config::Config base;
    base.routes = { route(QStringLiteral("a"), 81), route(QStringLiteral("b"), 82), route(QStringLiteral("c"), 83) };
    // Local: a changed, b deleted, d added.
    config::Config local = base;
    local.routes[0].priority = 9;
    local.routes.removeAt(1);
    local.routes.append(route(QStringLiteral("d"), 84));
    // Fresh (someone else): c changed, e added.
    config::Config fresh = base;
    fresh.routes[2].priority = 4;
    fresh.routes.append(route(QStringLiteral("e"), 85));

    const config::Config merged = gui::ApplyController::rebase(local, base, fresh);
    QCOMPARE(names(merged),
             (QStringList { QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("e"), QStringLiteral("d") }));
    QCOMPARE(merged.routes[0].priority, 9);
    QCOMPARE(merged.routes[1].priority, 4);
    QCOMPARE(merged.bindAddress, fresh.bindAddress);
}

void TestGuiModels::routeStatusFromPortsAndCertificates()
{
    config::Config config;
    config.routes = { route(QStringLiteral("web"), 8080), route(QStringLiteral("held"), 8081) };
    config::Route secure = route(QStringLiteral("secure"), 8443);
    secure.match.domains = { QStringLiteral("example.com") };
    secure.action.tls.mode = config::TlsMode::Terminate;
    secure.action.tls.autoCertificate = true;
    config.routes << secure;
    config.acme.email = QStringLiteral("ops@example.com");

    gui::RoutesModel model;
    model.setConfig(config);
    QCOMPARE(model.statusText(0), QStringLiteral("not applied yet"));
    model.setBaseline(config);
    model.setPorts(QJsonArray {
        QJsonObject { { QStringLiteral("address"), QStringLiteral("127.0.0.1") },
                      { QStringLiteral("port"), 8080 },
                      { QStringLiteral("state"), QStringLiteral("bound") },
                      { QStringLiteral("routes"), QJsonArray { QStringLiteral("web") } } },
        QJsonObject {
            { QStringLiteral("address"), QStringLiteral("127.0.0.1") },
            { QStringLiteral("port"), 8081 },
            { QStringLiteral("state"), QStringLiteral("conflict") },
            { QStringLiteral("routes"), QJsonArray { QStringLiteral("held") } },
            { QStringLiteral("holder"),
              QJsonObject { { QStringLiteral("pid"), 42 }, { QStringLiteral("name"), QStringLiteral("nginx") } } } },
        QJsonObject { { QStringLiteral("address"), QStringLiteral("127.0.0.1") },
                      { QStringLiteral("port"), 8443 },
                      { QStringLiteral("state"), QStringLiteral("bound") },
                      { QStringLiteral("routes"), QJsonArray { QStringLiteral("secure") } } } });
    QCOMPARE(model.statusText(0), QStringLiteral("serving"));
    QVERIFY2(model.statusText(1).contains(QStringLiteral("nginx (pid 42)")), qPrintable(model.statusText(1)));
    QVERIFY(model.health(1) == gui::RoutesModel::Health::Conflict);

    // An automatic certificate the service has not listed yet is pending, not serving.
    QCOMPARE(model.statusText(2), QStringLiteral("certificate pending"));
    QJsonObject cert { { QStringLiteral("domains"), QJsonArray { QStringLiteral("example.com") } },
                       { QStringLiteral("state"), QStringLiteral("issuing") } };
    model.setCertificates({ cert });
    QCOMPARE(model.statusText(2), QStringLiteral("certificate issuing"));
    cert.insert(QStringLiteral("state"), QStringLiteral("failed"));
    cert.insert(QStringLiteral("lastError"), QStringLiteral("rate limited"));
    model.setCertificates({ cert });
    QCOMPARE(model.statusText(2), QStringLiteral("certificate failed: rate limited"));

    model.setEnabled(0, false);
    QCOMPARE(model.statusText(0), QStringLiteral("disabled"));
    QCOMPARE(model.uniqueName(QStringLiteral("web")), QStringLiteral("web-2"));
}

void TestGuiModels::portsConflictFirstWithHolder()
{
    const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    gui::PortsModel model;
    model.setNow(now);
    model.setPorts(
        QJsonArray { QJsonObject { { QStringLiteral("address"), QStringLiteral("0.0.0.0") },
                                   { QStringLiteral("port"), 8080 },
                                   { QStringLiteral("state"), QStringLiteral("bound") } },
                     QJsonObject { { QStringLiteral("address"), QStringLiteral("0.0.0.0") },
                                   { QStringLiteral("port"), 80 },
                                   { QStringLiteral("state"), QStringLiteral("denied") } },
                     QJsonObject { { QStringLiteral("address"), QStringLiteral("0.0.0.0") },
                                   { QStringLiteral("port"), 443 },
                                   { QStringLiteral("state"), QStringLiteral("conflict") },
                                   { QStringLiteral("nextRetry"), now.addSecs(30).toString(Qt::ISODateWithMs) },
                                   { QStringLiteral("holder"),
                                     QJsonObject { { QStringLiteral("pid"), 7 },
                                                   { QStringLiteral("name"), QStringLiteral("caddy") },
                                                   { QStringLiteral("exe"), QStringLiteral("/usr/bin/caddy") } } } } });
    QCOMPARE(model.port(0).value(QStringLiteral("port")).toInt(), 443);
    QCOMPARE(model.port(1).value(QStringLiteral("port")).toInt(), 80);
    const QString conflict = model.index(0, gui::PortsModel::Detail).data().toString();
    QVERIFY2(conflict.startsWith(QStringLiteral("in use by caddy (pid 7, /usr/bin/caddy); next retry in 30 seconds (")),
             qPrintable(conflict));
    QVERIFY(model.index(1, gui::PortsModel::Detail).data().toString().contains(QStringLiteral("CAP_NET_BIND_SERVICE")));

    // An event moves a listener to its new place and a release removes it.
    model.updateListener(QJsonObject { { QStringLiteral("address"), QStringLiteral("0.0.0.0") },
                                       { QStringLiteral("port"), 443 },
                                       { QStringLiteral("state"), QStringLiteral("bound") } });
    QCOMPARE(model.port(0).value(QStringLiteral("port")).toInt(), 80);
    model.removeListener(QStringLiteral("0.0.0.0"), 80);
    QCOMPARE(model.rowCount(), 2);
}

void TestGuiModels::certificateTimesRelativeAndAbsolute()
{
    const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    gui::CertificatesModel model;
    model.setNow(now);
    model.setCertificates(
        QJsonArray { QJsonObject { { QStringLiteral("domains"), QJsonArray { QStringLiteral("example.com") } },
                                   { QStringLiteral("state"), QStringLiteral("valid") },
                                   { QStringLiteral("notAfter"), now.addDays(60).toString(Qt::ISODate) },
                                   { QStringLiteral("nextRenewal"), now.addDays(30).toString(Qt::ISODate) },
                                   { QStringLiteral("issuer"), QStringLiteral("Example CA R1") },
                                   { QStringLiteral("serial"), QStringLiteral("3a9f01") } } });
    QCOMPARE(model.index(0, gui::CertificatesModel::Issuer).data().toString(), QStringLiteral("Example CA R1"));
    QCOMPARE(model.index(0, gui::CertificatesModel::Serial).data().toString(), QStringLiteral("3a9f01"));
    const QString expires = model.index(0, gui::CertificatesModel::Expires).data().toString();
    QVERIFY2(expires.startsWith(QStringLiteral("in 60 days (")), qPrintable(expires));
    QVERIFY2(expires.contains(now.addDays(60).toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))),
             qPrintable(expires));
    QVERIFY(
        model.index(0, gui::CertificatesModel::NextRenewal).data().toString().startsWith(QStringLiteral("in 30 days")));

    model.updateCertificate(QJsonObject { { QStringLiteral("domains"), QJsonArray { QStringLiteral("example.com") } },
                                          { QStringLiteral("state"), QStringLiteral("issuing") },
                                          { QStringLiteral("progress"), QStringLiteral("validating http-01") } });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, gui::CertificatesModel::Progress).data().toString(), QStringLiteral("validating http-01"));
}

void TestGuiModels::eventsAreCapped()
{
    gui::EventsModel model;
    model.setLimit(3);
    for (int i = 1; i <= 5; ++i)
        model.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("config.applied") },
                                   { QStringLiteral("revision"), i } });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, gui::EventsModel::Detail).data().toString(), QStringLiteral("config applied: revision 3"));
}

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
