// Automatic HTTPS end to end: the service in-process (so the test can read the
// PortManager's bind counts and move the certificate clock) against a real
// Pebble whose validation connects to the service's own listeners, and real
// clients (openssl s_client, QSslSocket) checking what is served.
#include "PebbleRig.h"
#include "TestSupport.h"
#include "acme/CertManager.h"
#include "net/PortManager.h"
#include "service/Service.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

constexpr int kIssueTimeoutMs = 90000;

struct Site
{
    QStringList domains;
};

}  // namespace

class TestAutomaticHttps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void http01();
    void tlsAlpn01();
    void batchSharesUserListener();
    void batchBindsChallengePortOnce();
    void applyDuringIssuance();
    void renewalServesNewSerial();
    void caDownBacksOffAndKeepsCertificate();

private:
    // The config: one terminating route per domain set on the TLS port, plus
    // (when asked) a user route holding the challenge port.
    QByteArray config(const QList<QStringList> &sets, const QStringList &challengeTypes, bool userRouteOnHttpPort,
                      const test::PebbleRig *ca = nullptr, const QString &caBundle = {}) const;
    std::unique_ptr<service::Service> startService(const QString &dir, const QByteArray &json);
    bool allValid(service::Service &service, int expected) const;
    // The serial of the certificate the service hands a client asking for `name`
    // (verified against Pebble's root); empty when the handshake fails.
    QString servedSerial(const QString &name, const QByteArray &rootPem);
    net::ListenerKey challengeKey() const { return { QStringLiteral("127.0.0.1"), m_httpPort }; }

    std::unique_ptr<test::PebbleRig> m_pebble;
    quint16 m_httpPort = 0;
    quint16 m_tlsPort = 0;
    qint64 m_clockShift = 0;  // seconds the service's certificate clock runs ahead
};

void TestAutomaticHttps::initTestCase()
{
    const QList<quint16> ports = test::freePorts(2);
    m_httpPort = ports[0];
    m_tlsPort = ports[1];
    m_pebble = std::make_unique<test::PebbleRig>(test::PebbleRig::Options { m_httpPort, m_tlsPort, {} });
    QVERIFY2(m_pebble->start(), qPrintable(m_pebble->errorString()));
}

QByteArray TestAutomaticHttps::config(const QList<QStringList> &sets, const QStringList &challengeTypes,
                                      bool userRouteOnHttpPort, const test::PebbleRig *ca,
                                      const QString &caBundle) const
{
    if (!ca)
        ca = m_pebble.get();
    QJsonArray routes;
    for (qsizetype i = 0; i < sets.size(); ++i) {
        routes.append(QJsonObject {
            { QStringLiteral("name"), QStringLiteral("site-%1").arg(i) },
            { QStringLiteral("match"),
              QJsonObject { { QStringLiteral("ports"), int(m_tlsPort) },
                            { QStringLiteral("domains"), QJsonArray::fromStringList(sets[i]) } } },
            { QStringLiteral("action"),
              QJsonObject { { QStringLiteral("type"), QStringLiteral("respond") },
                            { QStringLiteral("respond"),
                              QJsonObject { { QStringLiteral("status"), 200 },
                                            { QStringLiteral("body"), QStringLiteral("site-%1").arg(i) } } },
                            { QStringLiteral("tls"),
                              QJsonObject { { QStringLiteral("mode"), QStringLiteral("terminate") },
                                            { QStringLiteral("certificate"), QStringLiteral("auto") } } } } } });
    }
    if (userRouteOnHttpPort) {
        // A redirect on the challenge port must never redirect a challenge.
        routes.append(QJsonObject {
            { QStringLiteral("name"), QStringLiteral("to-https") },
            { QStringLiteral("match"), QJsonObject { { QStringLiteral("ports"), int(m_httpPort) } } },
            { QStringLiteral("action"),
              QJsonObject { { QStringLiteral("type"), QStringLiteral("redirect") },
                            { QStringLiteral("redirect"),
                              QJsonObject { { QStringLiteral("to"), QStringLiteral("https://{host}{path}") },
                                            { QStringLiteral("status"), 301 } } } } } });
    }
    const QJsonObject acme {
        { QStringLiteral("email"), QStringLiteral("ops@example.com") },
        { QStringLiteral("directoryUrl"), ca->directoryUrl() },
        { QStringLiteral("challengePort"), int(m_httpPort) },
        { QStringLiteral("challengeTypes"), QJsonArray::fromStringList(challengeTypes) },
        { QStringLiteral("caBundle"), caBundle.isEmpty() ? ca->caBundlePath() : caBundle },
    };
    return QJsonDocument(QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                                       { QStringLiteral("acme"), acme },
                                       { QStringLiteral("routes"), routes } })
        .toJson();
}

std::unique_ptr<service::Service> TestAutomaticHttps::startService(const QString &dir, const QByteArray &json)
{
    const QString configPath = dir + QStringLiteral("/config.json");
    if (!QFile::exists(configPath)) {
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
            return nullptr;
    }
    service::Service::Options options;
    options.configPath = configPath;
    options.stateDir = dir + QStringLiteral("/state");
    options.clock = [this] { return QDateTime::currentDateTimeUtc().addSecs(m_clockShift); };
    auto service = std::make_unique<service::Service>(options);
    const QString error = service->start();
    if (!error.isEmpty()) {
        qWarning().noquote() << "service did not start:" << error;
        return nullptr;
    }
    return service;
}

bool TestAutomaticHttps::allValid(service::Service &service, int expected) const
{
    const QList<acme::CertificateStatus> all = service.certificates()->status();
    if (all.size() != expected)
        return false;
    return std::all_of(all.cbegin(), all.cend(),
                       [](const acme::CertificateStatus &s) { return s.state == QLatin1String("valid"); });
}

QString TestAutomaticHttps::servedSerial(const QString &name, const QByteArray &rootPem)
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(rootPem));
    socket.setSslConfiguration(tls);
    socket.setPeerVerifyName(name);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_tlsPort, name);
    if (!encrypted.wait(10000)) {
        qWarning() << "handshake for" << name << "failed:" << socket.errorString() << socket.sslHandshakeErrors();
        return {};
    }
    return QString::fromLatin1(socket.peerCertificate().serialNumber()).remove(u':').toLower();
}

void TestAutomaticHttps::http01()
{
    QTemporaryDir dir;
    const QStringList names { QStringLiteral("one.example.com"), QStringLiteral("www.one.example.com") };
    auto service = startService(dir.path(), config({ names }, { QStringLiteral("http-01") }, false));
    QVERIFY(service);
    QTRY_VERIFY_WITH_TIMEOUT(allValid(*service, 1), kIssueTimeoutMs);

    // openssl s_client verifies the chain against Pebble's root and the name.
    for (const QString &name : names) {
        QProcess sclient;
        sclient.setProcessChannelMode(QProcess::MergedChannels);
        sclient.start(QStringLiteral("openssl"),
                      { QStringLiteral("s_client"), QStringLiteral("-connect"),
                        QStringLiteral("127.0.0.1:%1").arg(m_tlsPort), QStringLiteral("-servername"), name,
                        QStringLiteral("-verify_hostname"), name, QStringLiteral("-CAfile"), m_pebble->rootPemPath(),
                        QStringLiteral("-verify_return_error"), QStringLiteral("-brief") });
        sclient.closeWriteChannel();
        QSignalSpy done(&sclient, &QProcess::finished);
        QVERIFY(done.wait(15000));
        const QByteArray output = sclient.readAll();
        QVERIFY2(sclient.exitCode() == 0 && output.contains("Verification: OK"), output.constData());
    }
    const acme::CertificateStatus status = service->certificates()->status().first();
    QCOMPARE(servedSerial(names.first(), m_pebble->rootPem()), status.serial);
    // The lease is gone with the batch: nothing else wanted the port.
    QTRY_VERIFY(!service->ports().status(challengeKey()).has_value());
    QCOMPARE(service->ports().bindCount(challengeKey()), 1);
}

void TestAutomaticHttps::tlsAlpn01()
{
    QTemporaryDir dir;
    const QStringList names { QStringLiteral("alpn.example.com") };
    auto service = startService(dir.path(), config({ names }, { QStringLiteral("tls-alpn-01") }, false));
    QVERIFY(service);
    QTRY_VERIFY_WITH_TIMEOUT(allValid(*service, 1), kIssueTimeoutMs);
    QCOMPARE(servedSerial(names.first(), m_pebble->rootPem()), service->certificates()->status().first().serial);
    // tls-alpn-01 alone never takes the challenge port.
    QCOMPARE(service->ports().bindCount(challengeKey()), 0);
}

void TestAutomaticHttps::batchSharesUserListener()
{
    QTemporaryDir dir;
    QList<QStringList> sets;
    for (int i = 0; i < 20; ++i)
        sets << QStringList { QStringLiteral("shared%1.example.com").arg(i) };
    auto service = startService(dir.path(), config(sets, { QStringLiteral("http-01") }, true));
    QVERIFY(service);
    QTRY_VERIFY_WITH_TIMEOUT(allValid(*service, 20), kIssueTimeoutMs);
    QTRY_COMPARE(service->certificates()->runningOrders(), 0);
    // The user route's listener answered every challenge: one bind over the whole run.
    QCOMPARE(service->ports().bindCount(challengeKey()), 1);
    const auto listener = service->ports().status(challengeKey());
    QVERIFY(listener.has_value());
    QCOMPARE(listener->state, net::ListenerState::Bound);
    QVERIFY(listener->leases.isEmpty());  // the batch is over
    for (const net::ListenerStatus &status : service->ports().status())
        // QVERIFY2 evaluates its message even when the check passes.
        QVERIFY2(!status.lastError.has_value(), qPrintable(status.lastError ? status.lastError->message : QString()));
    for (int i = 0; i < 20; i += 7)
        QVERIFY(!servedSerial(sets[i].first(), m_pebble->rootPem()).isEmpty());
}

void TestAutomaticHttps::batchBindsChallengePortOnce()
{
    QTemporaryDir dir;
    QList<QStringList> sets;
    for (int i = 0; i < 20; ++i)
        sets << QStringList { QStringLiteral("batch%1.example.com").arg(i) };
    auto service = startService(dir.path(), config(sets, { QStringLiteral("http-01") }, false));
    QVERIFY(service);
    QTRY_VERIFY_WITH_TIMEOUT(allValid(*service, 20), kIssueTimeoutMs);
    QTRY_VERIFY(!service->ports().status(challengeKey()).has_value());  // released after the batch
    QCOMPARE(service->ports().bindCount(challengeKey()), 1);
}

void TestAutomaticHttps::applyDuringIssuance()
{
    QTemporaryDir dir;
    QList<QStringList> first;
    for (int i = 0; i < 8; ++i)
        first << QStringList { QStringLiteral("apply%1.example.com").arg(i) };
    auto service = startService(dir.path(), config(first, { QStringLiteral("http-01") }, false));
    QVERIFY(service);
    QTRY_VERIFY(service->certificates()->runningOrders() > 0);

    // Drop the last three (still queued) and add three new while orders run.
    QList<QStringList> second = first.mid(0, 5);
    for (int i = 0; i < 3; ++i)
        second << QStringList { QStringLiteral("added%1.example.com").arg(i) };
    const auto applied = service->apply({ config(second, { QStringLiteral("http-01") }, false), 0, false });
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));

    QTRY_VERIFY_WITH_TIMEOUT(allValid(*service, 8), kIssueTimeoutMs);
    QTRY_VERIFY(!service->ports().status(challengeKey()).has_value());
    QCOMPARE(service->ports().bindCount(challengeKey()), 1);
    QCOMPARE(service->challenges()->pendingHttp01(), 0);
    QCOMPARE(service->challenges()->http01Port(), quint16(0));
    for (const acme::CertificateStatus &status : service->certificates()->status())
        QVERIFY2(status.attempts == 0, qPrintable(status.lastError));
}

void TestAutomaticHttps::renewalServesNewSerial()
{
    QTemporaryDir dir;
    const QStringList names { QStringLiteral("renew.example.com") };
    m_clockShift = 0;
    auto service = startService(dir.path(), config({ names }, { QStringLiteral("http-01") }, false));
    QVERIFY(service);
    QTRY_VERIFY_WITH_TIMEOUT(allValid(*service, 1), kIssueTimeoutMs);
    const acme::CertificateStatus before = service->certificates()->status().first();

    // An open keep-alive connection on the old certificate.
    QSslSocket open;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(m_pebble->rootPem()));
    open.setSslConfiguration(tls);
    QSignalSpy encrypted(&open, &QSslSocket::encrypted);
    open.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_tlsPort, names.first());
    QVERIFY(encrypted.wait(10000));
    const auto request = [&open, &names] {
        open.write("GET / HTTP/1.1\r\nHost: " + names.first().toLatin1() + "\r\n\r\n");
        QByteArray got;
        QTRY_VERIFY2_WITH_TIMEOUT((got += open.readAll()).contains("site-0"), got.constData(), 10000);
    };
    request();

    // Past two thirds of the lifetime: the next check renews.
    const qint64 lifetime = before.notBefore.secsTo(before.notAfter);
    m_clockShift = QDateTime::currentDateTimeUtc().secsTo(before.notBefore) + lifetime * 2 / 3 + 3600;
    QVERIFY(service->certificates()->status().first().nextRenewal
            <= QDateTime::currentDateTimeUtc().addSecs(m_clockShift));
    service->certificates()->check();
    QCOMPARE(service->certificates()->status().first().state, QStringLiteral("renewing"));
    // Back to the real time: the new certificate (dated now by the CA) is not due again.
    m_clockShift = 0;
    QTRY_VERIFY_WITH_TIMEOUT(service->certificates()->status().first().serial != before.serial
                                 && service->certificates()->status().first().state == QLatin1String("valid"),
                             kIssueTimeoutMs);
    const acme::CertificateStatus after = service->certificates()->status().first();
    QCOMPARE(servedSerial(names.first(), m_pebble->rootPem()), after.serial);
    QVERIFY(after.nextRenewal > after.notBefore.addSecs(after.notBefore.secsTo(after.notAfter) / 2));
    QCOMPARE(service->certificates()->runningOrders(), 0);
    // The connection opened before the renewal goes on, on its own certificate.
    request();
    QCOMPARE(QString::fromLatin1(open.peerCertificate().serialNumber()).remove(u':').toLower(), before.serial);
    m_clockShift = 0;
}

void TestAutomaticHttps::caDownBacksOffAndKeepsCertificate()
{
    // A CA of its own, stopped halfway, so the other tests keep theirs.
    auto ca = std::make_unique<test::PebbleRig>(test::PebbleRig::Options { m_httpPort, m_tlsPort, {} });
    QVERIFY2(ca->start(), qPrintable(ca->errorString()));
    QTemporaryDir dir;
    const QStringList names { QStringLiteral("down.example.com") };
    // The bundle outlives the CA's own directory, so the restart below finds it.
    const QString bundle = dir.filePath(QStringLiteral("ca-https.pem"));
    QVERIFY(QFile::copy(ca->caBundlePath(), bundle));
    m_clockShift = 0;
    auto service = startService(dir.path(), config({ names }, { QStringLiteral("http-01") }, false, ca.get(), bundle));
    QVERIFY(service);
    QTRY_VERIFY_WITH_TIMEOUT(allValid(*service, 1), kIssueTimeoutMs);
    const acme::CertificateStatus issued = service->certificates()->status().first();
    const QByteArray root = ca->rootPem();
    ca.reset();  // the CA goes down

    auto renewed = service->certificates()->renew(names.first());
    QVERIFY2(renewed.ok(), renewed.ok() ? "" : qPrintable(renewed.error()));
    QTRY_VERIFY_WITH_TIMEOUT(service->certificates()->status().first().attempts == 1, 30000);
    acme::CertificateStatus failed = service->certificates()->status().first();
    QCOMPARE(failed.state, QStringLiteral("valid"));  // the old certificate stays
    QCOMPARE(failed.serial, issued.serial);
    QVERIFY2(failed.lastError.contains(QLatin1String("gatehouse:network")), qPrintable(failed.lastError));
    QCOMPARE(failed.lastAttempt.secsTo(failed.nextAttempt), 60);  // the first backoff
    QCOMPARE(servedSerial(names.first(), root), issued.serial);

    // Due again (past two thirds) and past the backoff: the second failure waits twice as long.
    const qint64 lifetime = issued.notBefore.secsTo(issued.notAfter);
    m_clockShift = QDateTime::currentDateTimeUtc().secsTo(issued.notBefore) + lifetime * 2 / 3 + 3600;
    service->certificates()->check();
    QTRY_VERIFY_WITH_TIMEOUT(service->certificates()->status().first().attempts == 2, 30000);
    failed = service->certificates()->status().first();
    QCOMPARE(failed.lastAttempt.secsTo(failed.nextAttempt), 120);

    // A restart keeps the certificate and the failure record.
    service.reset();
    service = startService(dir.path(), {});
    QVERIFY(service);
    const acme::CertificateStatus restarted = service->certificates()->status().first();
    QCOMPARE(restarted.serial, issued.serial);
    QCOMPARE(restarted.attempts, 2);
    QCOMPARE(restarted.nextAttempt.toSecsSinceEpoch(), failed.nextAttempt.toSecsSinceEpoch());
    QVERIFY(restarted.lastError.contains(QLatin1String("gatehouse:network")));
    QCOMPARE(servedSerial(names.first(), root), issued.serial);
    m_clockShift = 0;
}

QTEST_MAIN(TestAutomaticHttps)
#include "tst_automatichttps.moc"
