// gatehousectl against real certificates: gatehoused as a child process with
// one automatic route, issuing from a real Pebble that validates http-01
// against gatehoused's own challenge listener; `certs`, `certs --json` and
// `renew` as people and scripts run them.
#include "PebbleRig.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

constexpr int kIssueTimeoutMs = 90000;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

}  // namespace

class TestCtlCertificates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void certsAndRenew();

private:
    Run ctl(const QStringList &arguments);
    // The certificate `certs --json` lists for m_domain, once `accept` holds for
    // it; an empty object when that does not happen within the issue timeout.
    QJsonObject waitForCertificate(const std::function<bool(const QJsonObject &)> &accept);

    std::unique_ptr<test::PebbleRig> m_pebble;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_service;
    QString m_socketPath;
    const QString m_domain = QStringLiteral("ctl.example.com");
};

void TestCtlCertificates::initTestCase()
{
    const QList<quint16> ports = test::freePorts(2);
    const quint16 httpPort = ports[0];
    const quint16 tlsPort = ports[1];
    m_pebble = std::make_unique<test::PebbleRig>(test::PebbleRig::Options { httpPort, tlsPort, {} });
    QVERIFY2(m_pebble->start(), qPrintable(m_pebble->errorString()));

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_socketPath = m_dir->filePath(QStringLiteral("run/control.sock"));
    const QJsonObject route { { QStringLiteral("name"), QStringLiteral("site") },
                              { QStringLiteral("match"),
                                QJsonObject { { QStringLiteral("ports"), int(tlsPort) },
                                              { QStringLiteral("domains"), QJsonArray { m_domain } } } },
                              { QStringLiteral("action"),
                                QJsonObject {
                                    { QStringLiteral("type"), QStringLiteral("respond") },
                                    { QStringLiteral("respond"), QJsonObject { { QStringLiteral("status"), 200 } } },
                                    { QStringLiteral("tls"),
                                      QJsonObject { { QStringLiteral("mode"), QStringLiteral("terminate") },
                                                    { QStringLiteral("certificate"), QStringLiteral("auto") } } } } } };
    const QJsonObject acme {
        { QStringLiteral("email"), QStringLiteral("ops@example.com") },
        { QStringLiteral("directoryUrl"), m_pebble->directoryUrl() },
        { QStringLiteral("challengePort"), int(httpPort) },
        { QStringLiteral("challengeTypes"), QJsonArray { QStringLiteral("http-01") } },
        { QStringLiteral("caBundle"), m_pebble->caBundlePath() },
    };
    const QByteArray json = QJsonDocument(QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                                                        { QStringLiteral("acme"), acme },
                                                        { QStringLiteral("routes"), QJsonArray { route } } })
                                .toJson();
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("etc"))));
    QFile config(m_dir->filePath(QStringLiteral("etc/config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly) && config.write(json) == json.size());
    config.close();

    m_service = test::startGatehoused({ QStringLiteral("--config"), config.fileName(), QStringLiteral("--state-dir"),
                                        m_dir->filePath(QStringLiteral("state")), QStringLiteral("--control"),
                                        m_socketPath, QStringLiteral("--log-level"), QStringLiteral("warning") },
                                      m_dir->filePath(QStringLiteral("notify")));
    QVERIFY(m_service);
}

void TestCtlCertificates::cleanupTestCase()
{
    if (m_service && m_service->state() == QProcess::Running) {
        m_service->terminate();
        if (!m_service->waitForFinished(10000))
            m_service->kill();
    }
    m_service.reset();
    m_pebble.reset();
}

Run TestCtlCertificates::ctl(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(test::binaryPath(QStringLiteral("gatehousectl")),
                  QStringList { QStringLiteral("--control"), m_socketPath } + arguments);
    Run run;
    if (!finished.wait(30000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("gatehousectl did not finish");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject TestCtlCertificates::waitForCertificate(const std::function<bool(const QJsonObject &)> &accept)
{
    QElapsedTimer timer;
    timer.start();
    QString last;
    while (timer.elapsed() < kIssueTimeoutMs) {
        const Run run = ctl({ QStringLiteral("certs"), QStringLiteral("--json") });
        last = run.all();
        if (run.exitCode == 0) {
            for (const QJsonValue &value : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
                const QJsonObject cert = value.toObject();
                if (cert.value(QStringLiteral("domains")).toArray() == QJsonArray { m_domain } && accept(cert))
                    return cert;
            }
        }
        QTest::qWait(250);
    }
    qWarning().noquote() << "certs --json last said:" << last;
    return {};
}

void TestCtlCertificates::certsAndRenew()
{
    const auto valid = [](const QJsonObject &cert) {
        return cert.value(QStringLiteral("state")).toString() == QLatin1String("valid");
    };
    const QJsonObject issued = waitForCertificate(valid);
    QVERIFY2(!issued.isEmpty(), m_pebble->log().right(2000).constData());
    const QString serial = issued.value(QStringLiteral("serial")).toString();
    QVERIFY(!serial.isEmpty());
    const QDateTime notAfter
        = QDateTime::fromString(issued.value(QStringLiteral("notAfter")).toString(), Qt::ISODateWithMs);
    QVERIFY(notAfter > QDateTime::currentDateTimeUtc());

    // The table: domain, state and expiry (in local time, as the tool prints it).
    const Run table = ctl({ QStringLiteral("certs") });
    QCOMPARE(table.exitCode, 0);
    const QDateTime localExpiry = notAfter.toLocalTime();
    const QString expiry
        = localExpiry.toString(localExpiry.date() == QDate::currentDate() ? QStringLiteral("HH:mm:ss")
                                                                          : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 2, qPrintable(table.all()));
    QVERIFY2(lines.first().contains(QLatin1String("DOMAINS")) && lines.first().contains(QLatin1String("STATE"))
                 && lines.first().contains(QLatin1String("EXPIRES")),
             qPrintable(table.out));
    const auto row
        = std::find_if(lines.cbegin(), lines.cend(), [this](const QString &line) { return line.startsWith(m_domain); });
    QVERIFY2(row != lines.cend(), qPrintable(table.out));
    QVERIFY2(row->contains(QLatin1String(" valid ")) && row->contains(expiry),
             qPrintable(QStringLiteral("expected valid and %1 in: %2").arg(expiry, *row)));

    // renew: accepted at once, and a new certificate follows.
    const Run renew = ctl({ QStringLiteral("renew"), m_domain });
    QVERIFY2(renew.exitCode == 0, qPrintable(renew.all()));
    QVERIFY2(renew.out.contains(QStringLiteral("Renewal of the certificate for %1 started").arg(m_domain)),
             qPrintable(renew.all()));
    const QJsonObject renewed = waitForCertificate([&valid, &serial](const QJsonObject &cert) {
        return valid(cert) && cert.value(QStringLiteral("serial")).toString() != serial;
    });
    QVERIFY2(!renewed.isEmpty(), m_pebble->log().right(2000).constData());
    QCOMPARE(renewed.value(QStringLiteral("attempts")).toInt(), 0);

    // A name no route has: exit 1 and the reason.
    const Run unknown = ctl({ QStringLiteral("renew"), QStringLiteral("unknown.example") });
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("no route has an automatic certificate for 'unknown.example'")),
             qPrintable(unknown.all()));
    QVERIFY(unknown.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCtlCertificates)
#include "tst_ctlcertificates.moc"
