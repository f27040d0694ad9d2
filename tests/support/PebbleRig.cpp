#include "PebbleRig.h"

#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

namespace gatehouse::test {

namespace {

void stop(std::unique_ptr<QProcess> &process)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(5000);
    }
    process.reset();
}

}  // namespace

PebbleRig::PebbleRig(Options options) : m_options(std::move(options)) { }

PebbleRig::~PebbleRig()
{
    stop(m_pebble);
    stop(m_dns);
}

QString PebbleRig::directoryUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1/dir").arg(m_listenPort);
}

QString PebbleRig::managementUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_managementPort);
}

QString PebbleRig::caBundlePath() const
{
    return m_dir.filePath(QStringLiteral("pebble-https.pem"));
}

QString PebbleRig::rootPemPath() const
{
    return m_dir.filePath(QStringLiteral("pebble-root.pem"));
}

QByteArray PebbleRig::log() const
{
    return m_pebbleLog + m_dnsLog;
}

bool PebbleRig::fail(const QString &error)
{
    m_error = error;
    if (!m_pebbleLog.isEmpty())
        m_error += QStringLiteral("\n--- pebble log ---\n") + QString::fromUtf8(m_pebbleLog);
    if (!m_dnsLog.isEmpty())
        m_error += QStringLiteral("\n--- pebble-challtestsrv log ---\n") + QString::fromUtf8(m_dnsLog);
    stop(m_pebble);
    stop(m_dns);
    return false;
}

std::optional<QByteArray> PebbleRig::fetch(const QString &url, QString *error) const
{
    QNetworkAccessManager network;
    QNetworkRequest request { QUrl(url) };
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(caBundlePath()));
    request.setSslConfiguration(ssl);
    request.setTransferTimeout(5000);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000) || reply->error() != QNetworkReply::NoError) {
        if (error)
            *error = url + QStringLiteral(": ") + reply->errorString();
        return std::nullopt;
    }
    return reply->readAll();
}

bool PebbleRig::start(int timeoutMs)
{
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary directory: ") + m_dir.errorString());
    const QList<quint16> ports = freePorts(4);
    m_listenPort = ports.at(0);
    m_managementPort = ports.at(1);
    m_dnsPort = ports.at(2);
    m_dnsManagementPort = ports.at(3);

    // Pebble's own HTTPS certificate: self-signed for the loopback names.
    const QString keyPath = m_dir.filePath(QStringLiteral("pebble-https.key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), caBundlePath(), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1") });
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return fail(QStringLiteral("openssl req could not make Pebble's certificate: ") + openssl.errorString() + u'\n'
                    + QString::fromLocal8Bit(openssl.readAll()));

    const QJsonObject config {
        { QStringLiteral("pebble"),
          QJsonObject {
              { QStringLiteral("listenAddress"), QStringLiteral("127.0.0.1:%1").arg(m_listenPort) },
              { QStringLiteral("managementListenAddress"), QStringLiteral("127.0.0.1:%1").arg(m_managementPort) },
              { QStringLiteral("certificate"), caBundlePath() },
              { QStringLiteral("privateKey"), keyPath },
              { QStringLiteral("httpPort"), m_options.httpPort },
              { QStringLiteral("tlsPort"), m_options.tlsPort },
              { QStringLiteral("ocspResponderURL"), QString() },
              { QStringLiteral("externalAccountBindingRequired"), false },
          } }
    };
    const QString configPath = m_dir.filePath(QStringLiteral("pebble-config.json"));
    QFile configFile(configPath);
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(QJsonDocument(config).toJson()) <= 0)
        return fail(QStringLiteral("cannot write ") + configPath);
    configFile.close();

    m_dns = std::make_unique<QProcess>();
    m_dns->setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(m_dns.get(), &QProcess::readyRead, m_dns.get(), [this] { m_dnsLog += m_dns->readAll(); });
    m_dns->start(QStringLiteral("pebble-challtestsrv"),
                 { QStringLiteral("-dns01"), QStringLiteral("127.0.0.1:%1").arg(m_dnsPort),
                   QStringLiteral("-defaultIPv4"), QStringLiteral("127.0.0.1"), QStringLiteral("-defaultIPv6"),
                   QString(), QStringLiteral("-http01"), QString(), QStringLiteral("-https01"), QString(),
                   QStringLiteral("-tlsalpn01"), QString(), QStringLiteral("-management"),
                   QStringLiteral("127.0.0.1:%1").arg(m_dnsManagementPort) });

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PEBBLE_VA_NOSLEEP"), QStringLiteral("1"));
    for (auto it = m_options.environment.cbegin(); it != m_options.environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_pebble = std::make_unique<QProcess>();
    m_pebble->setProcessChannelMode(QProcess::MergedChannels);
    m_pebble->setProcessEnvironment(environment);
    QObject::connect(m_pebble.get(), &QProcess::readyRead, m_pebble.get(),
                     [this] { m_pebbleLog += m_pebble->readAll(); });
    m_pebble->start(QStringLiteral("pebble"),
                    { QStringLiteral("-config"), configPath, QStringLiteral("-dnsserver"),
                      QStringLiteral("127.0.0.1:%1").arg(m_dnsPort) });

    // Both announce their listeners in their logs; Pebble's line comes just
    // before it serves, so the directory itself is the final check.
    const auto exited = [](const std::unique_ptr<QProcess> &p) { return p->state() == QProcess::NotRunning; };
    const bool announced = QTest::qWaitFor(
        [&] {
            return exited(m_pebble) || exited(m_dns)
                || (m_pebbleLog.contains("ACME directory available at")
                    && m_dnsLog.contains("Starting management server"));
        },
        timeoutMs);
    if (exited(m_dns))
        return fail(QStringLiteral("pebble-challtestsrv did not start (%1)").arg(m_dns->errorString()));
    if (exited(m_pebble))
        return fail(QStringLiteral("pebble did not start (%1)").arg(m_pebble->errorString()));
    if (!announced)
        return fail(QStringLiteral("pebble did not announce its directory within %1 ms").arg(timeoutMs));

    QString error;
    std::optional<QByteArray> directory;
    const bool answered = QTest::qWaitFor(
        [&] {
            directory = fetch(directoryUrl(), &error);
            return directory.has_value();
        },
        5000);
    if (!answered || !directory)
        return fail(QStringLiteral("pebble's directory does not answer: ") + error);
    const auto root = fetch(managementUrl() + QStringLiteral("/roots/0"), &error);
    const auto intermediate = fetch(managementUrl() + QStringLiteral("/intermediates/0"), &error);
    if (!root || !intermediate || !root->contains("BEGIN CERTIFICATE"))
        return fail(QStringLiteral("pebble's management API gave no root: ") + error);
    m_rootPem = *root;
    m_intermediatePem = *intermediate;
    QFile rootFile(rootPemPath());
    if (!rootFile.open(QIODevice::WriteOnly) || rootFile.write(m_rootPem) != m_rootPem.size())
        return fail(QStringLiteral("cannot write ") + rootPemPath());
    return true;
}

}  // namespace gatehouse::test
