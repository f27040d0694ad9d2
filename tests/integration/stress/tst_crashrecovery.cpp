// gatehoused killed with SIGKILL in the middle of its work, then started again
// on the same config file and state directory:
// - during a stream of applies, the config file is always the old or the new
//   one, complete and valid (`gatehoused --check`), never a mix or a part;
// - during certificate issuance (a real Pebble), the certificate already
//   issued is intact and served after the restart, verified against Pebble's
//   root, and the interrupted issuance completes.
#include "PebbleRig.h"
#include "StressSupport.h"
#include "control/ControlClient.h"

#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include <functional>

using namespace gatehouse;
using namespace gatehouse::stress;

namespace {

constexpr int kKillRounds = 10;
constexpr int kRoutesPerConfig = 300;  // a file of tens of KiB: a write takes a while
constexpr int kIssueTimeoutMs = 90000;

// kRoutesPerConfig routes on one port, every name starting with prefix: a file
// mixing two configs would mix prefixes or miss routes.
QJsonObject bigConfig(const QString &prefix, quint16 port)
{
    QJsonArray routes;
    for (int i = 0; i < kRoutesPerConfig; ++i)
        routes.append(respondRoute(QStringLiteral("%1-%2").arg(prefix).arg(i), port,
                                   QStringLiteral("/%1/%2/*").arg(prefix).arg(i),
                                   QStringLiteral("%1 route %2").arg(prefix).arg(i)));
    return configJson(routes);
}

}  // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killDuringApplies();
    void killDuringIssuance();

private:
    // The serial of the certificate served for name on port, verified against
    // root; empty when the handshake fails.
    static QString servedSerial(quint16 port, const QString &name, const QByteArray &root);
    // The certs --json entry for domain once it is valid; empty on timeout.
    static QJsonObject waitForValid(const ServiceProcess &service, const QString &domain);
};

void TestCrashRecovery::killDuringApplies()
{
    const quint16 port = test::freePort();
    const QJsonObject configA = bigConfig(QStringLiteral("a"), port);
    const QJsonObject configB = bigConfig(QStringLiteral("b"), port);
    ServiceProcess service;
    QVERIFY(service.writeConfig(configA));

    int totalApplies = 0;
    for (int round = 0; round < kKillRounds; ++round) {
        QVERIFY2(service.start(), qPrintable(QStringLiteral("round %1: gatehoused did not come back").arg(round)));
        control::ControlClient client;
        QSignalSpy connected(&client, &control::ControlClient::connected);
        client.connectToServer(service.socketPath());
        QVERIFY(connected.wait(10000));

        // Applies back to back, A and B in turn, until the kill.
        int applies = 0;
        std::function<void()> next = [&] {
            client.call(QStringLiteral("config.apply"),
                        QJsonObject { { QStringLiteral("config"), applies % 2 == 0 ? configB : configA } }, &client,
                        [&](const control::ControlClient::Reply &reply) {
                            if (!reply)
                                return;  // the kill
                            ++applies;
                            next();
                        });
        };
        next();
        // At least one apply done, then a kill at a random moment of a later one.
        QTRY_VERIFY_WITH_TIMEOUT(applies >= 1, 30000);
        QTest::qWait(QRandomGenerator::global()->bounded(0, 300));  // a random moment in the stream
        service.kill9();
        totalApplies += applies;

        QFile file(service.configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error {};
        const QJsonObject onDisk = QJsonDocument::fromJson(file.readAll(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(QStringLiteral("round %1: the config file is not JSON after the kill: %2")
                                .arg(round)
                                .arg(error.errorString())));
        const QJsonArray routes = onDisk.value(QStringLiteral("routes")).toArray();
        QCOMPARE(routes.size(), kRoutesPerConfig);
        const QString prefix = routes.first()[QStringLiteral("name")].toString().left(2);
        QVERIFY2(prefix == QLatin1String("a-") || prefix == QLatin1String("b-"), qPrintable(prefix));
        for (const QJsonValue &route : routes)
            QVERIFY2(route[QStringLiteral("name")].toString().startsWith(prefix), "the file mixes two configs");

        const Run check = runProgram(test::binaryPath(QStringLiteral("gatehoused")),
                                     { QStringLiteral("--check"), QStringLiteral("--config"), service.configPath() });
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    }
    // What the kills left beside the config (the atomic writes' temporary files).
    const QStringList left
        = QDir(service.path(QStringLiteral("etc"))).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    qInfo("%d kill rounds, %d applies in all; in etc/: %s", kKillRounds, totalApplies,
          qPrintable(left.join(QStringLiteral(", "))));
    QVERIFY(service.start());
    QCOMPARE(service.ctl({ QStringLiteral("status") }).exitCode, 0);
}

QString TestCrashRecovery::servedSerial(quint16 port, const QString &name, const QByteArray &root)
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(root));
    socket.setSslConfiguration(tls);
    socket.setPeerVerifyName(name);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, name);
    if (!encrypted.wait(10000)) {
        qWarning() << "handshake for" << name << "failed:" << socket.errorString() << socket.sslHandshakeErrors();
        return {};
    }
    return QString::fromLatin1(socket.peerCertificate().serialNumber()).remove(u':').toLower();
}

QJsonObject TestCrashRecovery::waitForValid(const ServiceProcess &service, const QString &domain)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            const Run run = service.ctl({ QStringLiteral("certs"), QStringLiteral("--json") });
            for (const QJsonValue &value : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
                const QJsonObject cert = value.toObject();
                if (cert.value(QStringLiteral("domains")).toArray() == QJsonArray { domain }
                    && cert.value(QStringLiteral("state")).toString() == QLatin1String("valid"))
                    found = cert;
            }
            return !found.isEmpty();
        },
        kIssueTimeoutMs);
    return found;
}

void TestCrashRecovery::killDuringIssuance()
{
    const QList<quint16> ports = test::freePorts(2);
    const quint16 httpPort = ports[0];
    const quint16 tlsPort = ports[1];
    test::PebbleRig pebble({ httpPort, tlsPort, {} });
    QVERIFY2(pebble.start(), qPrintable(pebble.errorString()));

    const auto site = [tlsPort](const QString &name, const QString &domain) {
        return QJsonObject { { QStringLiteral("name"), name },
                             { QStringLiteral("match"),
                               QJsonObject { { QStringLiteral("ports"), int(tlsPort) },
                                             { QStringLiteral("domains"), QJsonArray { domain } } } },
                             { QStringLiteral("action"),
                               QJsonObject {
                                   { QStringLiteral("type"), QStringLiteral("respond") },
                                   { QStringLiteral("respond"), QJsonObject { { QStringLiteral("status"), 200 } } },
                                   { QStringLiteral("tls"),
                                     QJsonObject { { QStringLiteral("mode"), QStringLiteral("terminate") },
                                                   { QStringLiteral("certificate"), QStringLiteral("auto") } } } } } };
    };
    const auto config = [&](const QJsonArray &routes) {
        QJsonObject json = configJson(routes);
        json.insert(QStringLiteral("acme"),
                    QJsonObject { { QStringLiteral("email"), QStringLiteral("ops@example.com") },
                                  { QStringLiteral("directoryUrl"), pebble.directoryUrl() },
                                  { QStringLiteral("challengePort"), int(httpPort) },
                                  { QStringLiteral("challengeTypes"), QJsonArray { QStringLiteral("http-01") } },
                                  { QStringLiteral("caBundle"), pebble.caBundlePath() } });
        return json;
    };
    const QString first = QStringLiteral("first.example.com");
    const QString second = QStringLiteral("second.example.com");

    ServiceProcess service;
    QVERIFY(service.writeConfig(config({ site(QStringLiteral("first"), first) })));
    QVERIFY(service.start());
    const QJsonObject issued = waitForValid(service, first);
    QVERIFY2(!issued.isEmpty(), pebble.log().right(2000).constData());
    const QString serial = issued.value(QStringLiteral("serial")).toString();
    QCOMPARE(servedSerial(tlsPort, first, pebble.rootPem()), serial);

    // A second site: its order starts at once; the service dies as soon as
    // Pebble has it, in the middle of authorizations and validation.
    const qsizetype ordersBefore = pebble.log().count("/order-plz");
    const QJsonObject twoSites
        = config({ site(QStringLiteral("first"), first), site(QStringLiteral("second"), second) });
    QFile file(service.path(QStringLiteral("two.json")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(twoSites).toJson()) > 0);
    file.close();
    const Run applied = service.ctl({ QStringLiteral("apply"), file.fileName() });
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.all()));
    QVERIFY2(QTest::qWaitFor([&] { return pebble.log().count("/order-plz") > ordersBefore; }, kIssueTimeoutMs),
             pebble.log().right(2000).constData());
    service.kill9();
    QVERIFY(!service.running());

    // The config file is the applied one, whole.
    const Run check = runProgram(test::binaryPath(QStringLiteral("gatehoused")),
                                 { QStringLiteral("--check"), QStringLiteral("--config"), service.configPath() });
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));

    QVERIFY(service.start());
    // The certificate issued before the kill is served at once, the same one.
    QCOMPARE(servedSerial(tlsPort, first, pebble.rootPem()), serial);
    // The interrupted one completes.
    const QJsonObject completed = waitForValid(service, second);
    QVERIFY2(!completed.isEmpty(), pebble.log().right(3000).constData());
    const QString secondSerial = servedSerial(tlsPort, second, pebble.rootPem());
    QCOMPARE(secondSerial, completed.value(QStringLiteral("serial")).toString());
    QCOMPARE(servedSerial(tlsPort, first, pebble.rootPem()), serial);
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
