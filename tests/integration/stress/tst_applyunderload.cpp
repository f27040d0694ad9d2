// Config applies while load runs: wrk sends keep-alive requests through the
// real gatehoused to an nginx backend while this process applies, over the
// control socket, config after config that alternately adds and removes a
// route on the loaded port and a listener on another port (the loaded route
// itself stays). Not one request may fail and not one connection may drop.
//
// 10,000 applies (the count issue #9 asks for; about 15 s here, each apply
// validating, writing the config with fsync and rename, and reconciling
// listeners), under load until the last one is answered. GATEHOUSE_STRESS_APPLIES
// sets another count: the asan suite makes 1,500, as ASan makes an apply about
// eight times slower.
#include "StressSupport.h"
#include "control/ControlClient.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <functional>

using namespace gatehouse;
using namespace gatehouse::stress;

namespace {

constexpr int kApplies = 10000;
// wrk's duration: longer than any run should take; it is stopped after the last apply.
constexpr int kLoadCeilingSeconds = 600;

}  // namespace

class TestApplyUnderLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesDropNothing();
};

void TestApplyUnderLoad::appliesDropNothing()
{
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty())
        QSKIP("wrk not found: scripts/install-deps.sh test installs it");
    NginxBackend backend;
    QVERIFY2(backend.start(), qPrintable(backend.errors()));

    const QList<quint16> ports = test::freePorts(2);
    const quint16 loaded = ports[0];
    const quint16 other = ports[1];
    const QJsonObject load = forwardRoute(QStringLiteral("load"), loaded, backend.port(), QStringLiteral("/*"));
    // A: a second route on the loaded port (a path of its own); B: instead a
    // route on another port, so every apply changes the route table of the
    // loaded listener and binds or releases a listener.
    const QJsonObject configA = configJson(
        { load, respondRoute(QStringLiteral("extra-a"), loaded, QStringLiteral("/extra/*"), QStringLiteral("a")) });
    const QJsonObject configB
        = configJson({ load, respondRoute(QStringLiteral("extra-b"), other, {}, QStringLiteral("b")) });

    ServiceProcess service;
    QVERIFY(service.writeConfig(configA));
    QVERIFY(service.start());
    QCOMPARE(httpGet(loaded).status, 200);

    control::ControlClient client;
    QSignalSpy connected(&client, &control::ControlClient::connected);
    client.connectToServer(service.socketPath());
    QVERIFY(connected.wait(10000));

    const int wanted = qEnvironmentVariableIsSet("GATEHOUSE_STRESS_APPLIES")
        ? qEnvironmentVariableIntValue("GATEHOUSE_STRESS_APPLIES")
        : kApplies;
    QVERIFY2(wanted > 0, "GATEHOUSE_STRESS_APPLIES must be a positive count");

    QProcess wrkProcess;
    wrkProcess.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&wrkProcess, &QProcess::finished);
    wrkProcess.start(wrk,
                     { QStringLiteral("-t1"), QStringLiteral("-c16"), QStringLiteral("-d%1s").arg(kLoadCeilingSeconds),
                       QStringLiteral("http://127.0.0.1:%1/").arg(loaded) });
    QVERIFY(wrkProcess.waitForStarted());

    // One apply after the other, as fast as the service takes them; after the last,
    // wrk is stopped (SIGINT: it reports what it saw).
    int applies = 0;
    QStringList failures;
    bool inFlight = false;
    qint64 lastRevision = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    std::function<void()> next = [&] {
        if (wrkProcess.state() != QProcess::Running)
            return;
        if (applies >= wanted) {
            ::kill(pid_t(wrkProcess.processId()), SIGINT);
            return;
        }
        inFlight = true;
        const QJsonObject config = applies % 2 == 0 ? configB : configA;
        client.call(QStringLiteral("config.apply"), QJsonObject { { QStringLiteral("config"), config } }, &client,
                    [&](const control::ControlClient::Reply &reply) {
                        inFlight = false;
                        ++applies;
                        if (!reply)
                            failures << reply.error().message;
                        else
                            lastRevision = reply.value()[QStringLiteral("revision")].toInteger();
                        next();
                    });
    };
    next();
    QVERIFY(finished.wait((kLoadCeilingSeconds + 60) * 1000));
    QTRY_VERIFY_WITH_TIMEOUT(!inFlight, 30000);
    const QString report = QString::fromUtf8(wrkProcess.readAll());
    qInfo("%d applies (last revision %lld) during %lld s of load; wrk said:\n%s", applies, lastRevision,
          elapsed.elapsed() / 1000, qPrintable(report));

    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QVERIFY2(applies == wanted, qPrintable(QStringLiteral("%1 applies of %2").arg(applies).arg(wanted)));
    QCOMPARE(lastRevision, qint64(applies) + 1);
    const QRegularExpressionMatch requests = QRegularExpression(QStringLiteral("(\\d+) requests in")).match(report);
    QVERIFY2(requests.hasMatch() && requests.captured(1).toLongLong() > 0, qPrintable(report));
    // wrk prints these lines only when something failed: a connection closed
    // or reset before its response (read), a refused connect, a timeout.
    QVERIFY2(!report.contains(QStringLiteral("Socket errors")), qPrintable(report));
    QVERIFY2(!report.contains(QStringLiteral("Non-2xx")), qPrintable(report));
    QVERIFY(service.running());
}

QTEST_GUILESS_MAIN(TestApplyUnderLoad)
#include "tst_applyunderload.moc"
