// The CertManager's scheduling against CA answers Pebble cannot give: an
// in-process CertManager with an injected clock, a real PortManager, and a
// LocalAcmeServer (real HTTPS on 127.0.0.1) answering newOrder with chosen
// problem documents and renewalInfo with chosen windows. Pebble 2.4 has no
// renewalInfo in its directory, so ARI is exercised against that server only.
#include "LocalAcmeServer.h"
#include "TestSupport.h"
#include "acme/AcmeLogging.h"
#include "acme/CertManager.h"
#include "acme/CertStore.h"
#include "acme/ChallengeRegistry.h"
#include "config/ConfigReader.h"
#include "net/PortManager.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

const QString kRateLimited = QStringLiteral("urn:ietf:params:acme:error:rateLimited");
const QString kServerInternal = QStringLiteral("urn:ietf:params:acme:error:serverInternal");

// Log lines of the gatehouse.acme category, kept by a message handler.
QMutex g_logMutex;
QStringList g_acmeLog;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && context.category && qstrcmp(context.category, "gatehouse.acme") == 0) {
        QMutexLocker lock(&g_logMutex);
        g_acmeLog << message;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QStringList acmeWarnings()
{
    QMutexLocker lock(&g_logMutex);
    return g_acmeLog;
}

// Runs openssl with arguments in dir; the output when it succeeded, else nullopt (with a warning).
std::optional<QByteArray> openssl(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << arguments.join(u' ') << "failed:" << process.readAll();
        return std::nullopt;
    }
    return process.readAll();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString base64url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

}  // namespace

class TestCertManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void rateLimitedHonoursRetryAfter();
    void hourlyCapStopsAttempts();
    void backoffDoublesUpToADay();
    void ariEarlierWindowMovesRenewal();
    void fallbackPortWhenChallengePortIsHeld();

private:
    std::unique_ptr<acme::CertManager> makeManager(int attemptsPerHour = 5);
    config::Config config(const QStringList &domains, const QList<quint16> &fallbackPorts = {}) const;
    // Waits until the manager's only certificate has `attempts` failures.
    bool waitForAttempts(int attempts) const;
    acme::CertificateStatus only() const { return m_manager->status().value(0); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LocalAcmeServer> m_ca;
    std::unique_ptr<net::PortManager> m_ports;
    acme::ChallengeRegistry::Ptr m_challenges;
    std::unique_ptr<acme::CertManager> m_manager;
    QDateTime m_now;
    quint16 m_challengePort = 0;
    quint16 m_tlsPort = 0;
    QList<quint16> m_fallbackPorts;
    QStringList m_installed;  // domain sets the manager installed, joined by ','
};

void TestCertManager::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(recordMessage);
    // The warnings asserted below must be emitted whatever QT_LOGGING_RULES says.
    const_cast<QLoggingCategory &>(acme::lcAcme()).setEnabled(QtWarningMsg, true);
}

void TestCertManager::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestCertManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ca = std::make_unique<test::LocalAcmeServer>();
    QVERIFY2(m_ca->start(), qPrintable(m_ca->errorString()));
    m_ports = std::make_unique<net::PortManager>();
    m_ports->setLeaseAddress(QStringLiteral("127.0.0.1"));
    m_challenges = std::make_shared<acme::ChallengeRegistry>();
    const QList<quint16> ports = test::freePorts(4);
    m_challengePort = ports[0];
    m_tlsPort = ports[1];
    m_fallbackPorts = ports.mid(2);
    m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    m_installed.clear();
    QMutexLocker lock(&g_logMutex);
    g_acmeLog.clear();
}

void TestCertManager::cleanup()
{
    m_manager.reset();
    m_ports.reset();
    m_ca.reset();
    m_dir.reset();
}

std::unique_ptr<acme::CertManager> TestCertManager::makeManager(int attemptsPerHour)
{
    acme::CertManager::Options options;
    options.stateDir = m_dir->filePath(QStringLiteral("state"));
    options.clock = [this] { return m_now; };
    options.attemptsPerHour = attemptsPerHour;
    options.ariInterval = std::chrono::hours(1);
    return std::make_unique<acme::CertManager>(
        options, m_challenges, *m_ports,
        [this](const QStringList &domains, const QByteArray &, const QByteArray &) -> Result<bool, QString> {
            m_installed << domains.join(u',');
            return true;
        });
}

config::Config TestCertManager::config(const QStringList &domains, const QList<quint16> &fallbackPorts) const
{
    QJsonArray fallback;
    for (const quint16 port : fallbackPorts)
        fallback.append(int(port));
    const QJsonObject route { { QStringLiteral("name"), QStringLiteral("site") },
                              { QStringLiteral("match"),
                                QJsonObject { { QStringLiteral("ports"), int(m_tlsPort) },
                                              { QStringLiteral("domains"), QJsonArray::fromStringList(domains) } } },
                              { QStringLiteral("action"),
                                QJsonObject {
                                    { QStringLiteral("type"), QStringLiteral("respond") },
                                    { QStringLiteral("respond"), QJsonObject { { QStringLiteral("status"), 200 } } },
                                    { QStringLiteral("tls"),
                                      QJsonObject { { QStringLiteral("mode"), QStringLiteral("terminate") },
                                                    { QStringLiteral("certificate"), QStringLiteral("auto") } } } } } };
    const QJsonObject acme {
        { QStringLiteral("email"), QStringLiteral("ops@example.com") },
        { QStringLiteral("directoryUrl"), m_ca->directoryUrl() },
        { QStringLiteral("challengePort"), int(m_challengePort) },
        { QStringLiteral("challengeTypes"), QJsonArray { QStringLiteral("http-01") } },
        { QStringLiteral("fallbackPorts"), fallback },
        { QStringLiteral("caBundle"), m_ca->caBundlePath() },
    };
    const QByteArray json = QJsonDocument(QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                                                        { QStringLiteral("acme"), acme },
                                                        { QStringLiteral("routes"), QJsonArray { route } } })
                                .toJson();
    const config::ConfigReader::Result read = config::ConfigReader::read(json);
    for (const config::Diagnostic &diagnostic : read.diagnostics)
        qWarning().noquote() << "test config:" << diagnostic.toString();
    return read.config;
}

bool TestCertManager::waitForAttempts(int attempts) const
{
    const bool settled = QTest::qWaitFor(
        [this, attempts] {
            return only().attempts >= attempts && m_manager->runningOrders() == 0 && m_manager->queuedOrders() == 0;
        },
        15000);
    if (!settled || only().attempts != attempts)
        qWarning().noquote() << "expected" << attempts << "failed attempts, have" << only().attempts << "-"
                             << only().lastError;
    return settled && only().attempts == attempts;
}

void TestCertManager::rateLimitedHonoursRetryAfter()
{
    m_ca->setOrderProblem(429, kRateLimited, QStringLiteral("too many new orders recently"), 3600);
    m_manager = makeManager();
    const QStringList names { QStringLiteral("limited.example.com") };
    m_manager->configure(config(names));
    QVERIFY(waitForAttempts(1));
    acme::CertificateStatus status = only();
    QCOMPARE(status.state, QStringLiteral("failed"));
    QVERIFY2(status.lastError.contains(QLatin1String("rateLimited")), qPrintable(status.lastError));
    QCOMPARE(status.lastAttempt, m_now);
    // Retry-After (an hour), not the first backoff (a minute).
    QCOMPARE(status.lastAttempt.secsTo(status.nextAttempt), 3600);
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 1);

    // Past the first backoff but before Retry-After: nothing is sent.
    m_now = m_now.addSecs(61);
    m_manager->check();
    QCOMPARE(m_manager->runningOrders() + m_manager->queuedOrders(), 0);
    m_now = status.nextAttempt.addSecs(-1);
    m_manager->check();
    QCOMPARE(m_manager->runningOrders() + m_manager->queuedOrders(), 0);
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 1);

    // At Retry-After the next attempt goes out; the CA says an hour again.
    m_now = status.nextAttempt;
    m_manager->check();
    QCOMPARE(m_manager->runningOrders(), 1);
    QVERIFY(waitForAttempts(2));
    status = only();
    QCOMPARE(status.lastAttempt, m_now);
    QCOMPARE(status.lastAttempt.secsTo(status.nextAttempt), 3600);
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 2);
}

void TestCertManager::hourlyCapStopsAttempts()
{
    m_ca->setOrderProblem(500, kServerInternal, QStringLiteral("the CA had a bad moment"));
    m_manager = makeManager(3);
    const QString name = QStringLiteral("capped.example.com");
    m_manager->configure(config({ name }));
    const QDateTime first = m_now;
    QVERIFY(waitForAttempts(1));

    // renew() passes over the backoff, not over the cap.
    for (int attempt = 2; attempt <= 3; ++attempt) {
        m_now = m_now.addSecs(30);
        QVERIFY(only().nextAttempt > m_now);  // still backing off
        const auto renewed = m_manager->renew(name);
        QVERIFY2(renewed.ok(), renewed.ok() ? "" : qPrintable(renewed.error()));
        QVERIFY(waitForAttempts(attempt));
    }
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 3);

    m_now = m_now.addSecs(30);
    const QDateTime lifts = first.addSecs(3600);
    const auto refused = m_manager->renew(name);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error(),
             QStringLiteral("3 attempts for capped.example.com in the last hour already; the next is possible at %1")
                 .arg(lifts.toString(Qt::ISODate)));
    // Past the backoff of the third failure (240 s after it), the cap still holds, and the
    // status says when the next attempt can be.
    m_now = lifts.addSecs(-1);
    m_manager->check();
    QCOMPARE(m_manager->runningOrders() + m_manager->queuedOrders(), 0);
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 3);
    QCOMPARE(only().nextAttempt, lifts);

    // An hour after the first attempt it leaves the window: one more may go.
    m_now = lifts;
    m_manager->check();
    QCOMPARE(m_manager->runningOrders(), 1);
    QVERIFY(waitForAttempts(4));
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 4);
}

void TestCertManager::backoffDoublesUpToADay()
{
    m_ca->setOrderProblem(500, kServerInternal, QStringLiteral("the CA had a bad moment"));
    m_manager = makeManager(1000);  // the hourly cap stays out of the way
    m_manager->configure(config({ QStringLiteral("backoff.example.com") }));
    QList<qint64> waits;
    for (int failures = 1; failures <= 14; ++failures) {
        QVERIFY(waitForAttempts(failures));
        const acme::CertificateStatus status = only();
        QCOMPARE(status.lastAttempt, m_now);
        waits << status.lastAttempt.secsTo(status.nextAttempt);
        // A second early nothing starts; on time the next attempt does.
        m_now = status.nextAttempt.addSecs(-1);
        m_manager->check();
        QCOMPARE(m_manager->runningOrders() + m_manager->queuedOrders(), 0);
        m_now = status.nextAttempt;
        m_manager->check();
        QCOMPARE(m_manager->runningOrders(), 1);
    }
    const QList<qint64> expected { 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 30720, 61440, 86400, 86400, 86400 };
    QCOMPARE(waits, expected);
    QVERIFY(waitForAttempts(15));
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 15);
}

void TestCertManager::ariEarlierWindowMovesRenewal()
{
    // Against the local server: Debian's Pebble (2.4.0) lists no renewalInfo in
    // its directory, so the CertManager would never ask it.
    // A 90-day certificate with an Authority Key Identifier, signed by a CA made
    // here, stored the way the CertManager stores what it issues.
    const QString dir = m_dir->path();
    const QString name = QStringLiteral("ari.example.com");
    QVERIFY(openssl(dir,
                    { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                      QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=ARI Test CA") }));
    QVERIFY(openssl(dir,
                    { QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), QStringLiteral("leaf.key"), QStringLiteral("-out"),
                      QStringLiteral("leaf.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name }));
    {
        QFile extensions(m_dir->filePath(QStringLiteral("leaf.ext")));
        QVERIFY(extensions.open(QIODevice::WriteOnly));
        extensions.write("subjectAltName=DNS:" + name.toLatin1() + "\nauthorityKeyIdentifier=keyid:always\n");
    }
    QVERIFY(openssl(dir,
                    { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("leaf.csr"),
                      QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                      QStringLiteral("ca.key"), QStringLiteral("-set_serial"), QStringLiteral("0x5ca1ab1e0042"),
                      QStringLiteral("-days"), QStringLiteral("90"), QStringLiteral("-extfile"),
                      QStringLiteral("leaf.ext"), QStringLiteral("-out"), QStringLiteral("leaf.pem") }));
    // The RFC 9773 id, from what openssl says of the certificate.
    const auto aki
        = openssl(dir,
                  { QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("leaf.pem"), QStringLiteral("-noout"),
                    QStringLiteral("-ext"), QStringLiteral("authorityKeyIdentifier") });
    QVERIFY(aki);
    const QRegularExpressionMatch hex
        = QRegularExpression(QStringLiteral("((?:[0-9A-F]{2}:)+[0-9A-F]{2})")).match(QString::fromLatin1(*aki));
    QVERIFY2(hex.hasMatch(), aki->constData());
    const QString expectedId = base64url(QByteArray::fromHex(hex.captured(1).remove(u':').toLatin1())) + u'.'
        + base64url(QByteArray::fromHex("5ca1ab1e0042"));

    acme::StoredCertificate stored;
    stored.domains = { name };
    stored.chainPem
        = readFile(m_dir->filePath(QStringLiteral("leaf.pem"))) + readFile(m_dir->filePath(QStringLiteral("ca.pem")));
    stored.keyPem = readFile(m_dir->filePath(QStringLiteral("leaf.key")));
    acme::CertStore store(m_dir->filePath(QStringLiteral("state/certificates")));
    const auto saved = store.save(stored);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error()));

    m_now = QDateTime::currentDateTimeUtc();
    m_ca->setRenewalInfo(true);
    const QDateTime earlyStart = m_now.addDays(3);
    const QDateTime earlyEnd = m_now.addDays(4);
    m_ca->setRenewalWindow(earlyStart, earlyEnd);
    m_manager = makeManager();
    QCOMPARE(m_manager->load(), QStringList());
    QCOMPARE(m_installed, QStringList { name });
    m_manager->configure(config({ name }));

    // Before the CA answers: one third of the lifetime before notAfter (minus up to 1% jitter).
    const acme::CertificateStatus before = only();
    QCOMPARE(before.state, QStringLiteral("valid"));
    const qint64 lifetime = before.notBefore.secsTo(before.notAfter);
    QVERIFY(lifetime > 89 * 86400);
    const QDateTime ruleLatest = before.notAfter.addSecs(-lifetime / 3);
    const QDateTime ruleEarliest = ruleLatest.addSecs(-lifetime / 100 - 1);
    QVERIFY2(before.nextRenewal >= ruleEarliest && before.nextRenewal <= ruleLatest,
             qPrintable(before.nextRenewal.toString(Qt::ISODate)));

    // The CA suggests an earlier window: the renewal moves into it.
    QTRY_COMPARE(m_ca->requests(QStringLiteral("renewalInfo")), 1);
    QCOMPARE(m_ca->renewalInfoIds(), QStringList { expectedId });
    QTRY_VERIFY(only().nextRenewal < ruleEarliest);
    const QDateTime early = only().nextRenewal;
    QVERIFY2(early >= earlyStart && early <= earlyEnd, qPrintable(early.toString(Qt::ISODate)));
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 0);  // not due yet

    // Asked again (after ariInterval, an hour here), the CA now suggests a window
    // after the one-third point: that does not put the renewal off.
    m_ca->setRenewalWindow(before.notAfter.addDays(-10), before.notAfter.addDays(-5));
    m_now = m_now.addSecs(3600);
    m_manager->check();
    QTRY_COMPARE(m_ca->requests(QStringLiteral("renewalInfo")), 2);
    QTRY_VERIFY(only().nextRenewal != early);
    QCOMPARE(only().nextRenewal, before.nextRenewal);
    QCOMPARE(m_ca->requests(QStringLiteral("newOrder")), 0);
}

void TestCertManager::fallbackPortWhenChallengePortIsHeld()
{
    // Another program holds the challenge port and the first fallback.
    const QList<quint16> fallbacks = m_fallbackPorts;
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, m_challengePort));
    QTcpServer otherHolder;
    QVERIFY(otherHolder.listen(QHostAddress::LocalHost, fallbacks[0]));

    m_ca->setHoldOrders(true);
    m_ca->setOrderProblem(500, kServerInternal, QStringLiteral("released by the test"));
    m_manager = makeManager();
    m_manager->configure(config({ QStringLiteral("fallback.example.com") }, fallbacks));
    QTRY_COMPARE(m_ca->heldOrders(), 1);

    // While the order runs, the lease is on the second fallback, and the
    // registry answers http-01 there.
    QCOMPARE(m_manager->challengePort(), fallbacks[1]);
    QCOMPARE(m_challenges->http01Port(), fallbacks[1]);
    const auto lease = m_ports->status(net::ListenerKey { QStringLiteral("127.0.0.1"), fallbacks[1] });
    QVERIFY(lease.has_value());
    QCOMPARE(lease->state, net::ListenerState::Bound);
    QVERIFY(!lease->leases.isEmpty());
    QVERIFY(!m_ports->status(net::ListenerKey { QStringLiteral("127.0.0.1"), m_challengePort }).has_value());
    const QStringList warnings = acmeWarnings();
    const QString expected = QStringLiteral("port %1 is not available for http-01; answering on fallback port %2")
                                 .arg(m_challengePort)
                                 .arg(fallbacks[1]);
    const bool warned = std::any_of(warnings.cbegin(), warnings.cend(), [&expected, this](const QString &line) {
        return line.contains(expected) && line.contains(QLatin1String("port forward"))
            && line.contains(QString::number(m_challengePort));
    });
    QVERIFY2(warned, qPrintable(warnings.join(u'\n')));

    // The order ends (failed): the lease goes and the registry stops answering.
    m_ca->releaseHeldOrders();
    QVERIFY(waitForAttempts(1));
    QCOMPARE(m_challenges->http01Port(), quint16(0));
    QCOMPARE(m_manager->challengePort(), quint16(0));
    QVERIFY(!m_ports->status(net::ListenerKey { QStringLiteral("127.0.0.1"), fallbacks[1] }).has_value());
}

QTEST_MAIN(TestCertManager)
#include "tst_certmanager.moc"
