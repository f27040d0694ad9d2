// CertificateInfo::parse against certificates made by the openssl command line:
// names, dates (compared with what openssl prints), serial, issuer, and the
// RFC 9773 certificate identifier with the RFC's own example values.
#include "acme/CertificateInfo.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse::acme;

class TestCertificateInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void leafOfAChain();
    void datesMatchOpenssl();
    void issuerWithoutCommonNameAndNoAki();
    void badInput_data();
    void badInput();

private:
    bool openssl(const QStringList &arguments, QByteArray *output = nullptr);
    bool write(const QString &name, const QByteArray &bytes);
    QByteArray read(const QString &name);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

bool TestCertificateInfo::openssl(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000))
        return false;
    const QByteArray out = process.readAll();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(arguments.join(u' ')), out.constData());
        return false;
    }
    return true;
}

bool TestCertificateInfo::write(const QString &name, const QByteArray &bytes)
{
    QFile file(path(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray TestCertificateInfo::read(const QString &name)
{
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCertificateInfo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The issuer's subjectKeyIdentifier is the keyIdentifier of RFC 9773 section 4.1's example.
    QVERIFY(write(QStringLiteral("ca.cnf"),
                  "[req]\ndistinguished_name = dn\nx509_extensions = v3ca\nprompt = no\n"
                  "[dn]\nO = Gatehouse Test\nCN = Test Issuing CA\n"
                  "[v3ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign\n"
                  "subjectKeyIdentifier = 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4\n"));
    QVERIFY(write(QStringLiteral("leaf.cnf"),
                  "[v3leaf]\nsubjectAltName = DNS:a.example.com, IP:127.0.0.1, DNS:B.Example.com\n"
                  "authorityKeyIdentifier = keyid:always\n"));
    QVERIFY(write(QStringLiteral("plain.cnf"),
                  "[req]\ndistinguished_name = dn\nx509_extensions = v3\nprompt = no\n"
                  "[dn]\nC = DE\nO = Only Org\n"
                  "[v3]\nsubjectAltName = DNS:plain.example.com\n"));
    const QStringList ec { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
    QVERIFY(openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
                    + QStringList { QStringLiteral("-config"), path(QStringLiteral("ca.cnf")), QStringLiteral("-days"),
                                    QStringLiteral("10"), QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                                    QStringLiteral("-out"), path(QStringLiteral("ca.pem")) }));
    QVERIFY(openssl(QStringList { QStringLiteral("req"), QStringLiteral("-new") } + ec
                    + QStringList { QStringLiteral("-subj"), QStringLiteral("/CN=a.example.com"),
                                    QStringLiteral("-keyout"), path(QStringLiteral("leaf.key")), QStringLiteral("-out"),
                                    path(QStringLiteral("leaf.csr")) }));
    // Serial 0x87654321: its DER INTEGER content gets a leading 0x00 (the high bit is set).
    QVERIFY(openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                      path(QStringLiteral("leaf.csr")), QStringLiteral("-CA"), path(QStringLiteral("ca.pem")),
                      QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")), QStringLiteral("-set_serial"),
                      QStringLiteral("0x87654321"), QStringLiteral("-days"), QStringLiteral("90"),
                      QStringLiteral("-extfile"), path(QStringLiteral("leaf.cnf")), QStringLiteral("-extensions"),
                      QStringLiteral("v3leaf"), QStringLiteral("-out"), path(QStringLiteral("leaf.pem")) }));
    QVERIFY(
        openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
                + QStringList { QStringLiteral("-config"), path(QStringLiteral("plain.cnf")), QStringLiteral("-days"),
                                QStringLiteral("6"), QStringLiteral("-keyout"), path(QStringLiteral("plain.key")),
                                QStringLiteral("-out"), path(QStringLiteral("plain.pem")) }));
}

void TestCertificateInfo::leafOfAChain()
{
    const QByteArray chain = read(QStringLiteral("leaf.pem")) + read(QStringLiteral("ca.pem"));
    const auto info = CertificateInfo::parse(chain);
    QVERIFY2(info.ok(), info.ok() ? "" : qPrintable(info.error()));
    QCOMPARE(info->domains, QStringList({ QStringLiteral("a.example.com"), QStringLiteral("b.example.com") }));
    QCOMPARE(info->serial, QStringLiteral("87654321"));
    QCOMPARE(info->issuer, QStringLiteral("Test Issuing CA"));
    // RFC 9773 section 4.1's example: keyIdentifier 69:88:5B:..., serial 00:87:65:43:21.
    QCOMPARE(info->ariCertId, QStringLiteral("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"));
    QCOMPARE(info->lifetimeSeconds(), qint64(90) * 24 * 3600);

    // The CA alone parses as itself.
    const auto ca = CertificateInfo::parse(read(QStringLiteral("ca.pem")));
    QVERIFY(ca.ok());
    QVERIFY(ca->serial != info->serial);
    QVERIFY(ca->domains.isEmpty());
}

void TestCertificateInfo::datesMatchOpenssl()
{
    for (const QString &name : { QStringLiteral("leaf.pem"), QStringLiteral("plain.pem") }) {
        QByteArray printed;
        QVERIFY(openssl({ QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-in"), path(name),
                          QStringLiteral("-startdate"), QStringLiteral("-enddate"), QStringLiteral("-serial") },
                        &printed));
        QDateTime start, end;
        QString serial;
        for (const QByteArray &line : printed.split('\n')) {
            const QString text = QString::fromLatin1(line).simplified();
            if (text.startsWith(QLatin1String("notBefore=")))
                start = QDateTime::fromString(text.mid(10), QStringLiteral("MMM d HH:mm:ss yyyy 'GMT'"));
            else if (text.startsWith(QLatin1String("notAfter=")))
                end = QDateTime::fromString(text.mid(9), QStringLiteral("MMM d HH:mm:ss yyyy 'GMT'"));
            else if (text.startsWith(QLatin1String("serial=")))
                serial = text.mid(7).toLower();
        }
        QVERIFY2(start.isValid() && end.isValid(), printed.constData());
        // openssl prints GMT; the parsed text has no zone, so it is taken as UTC here.
        start.setTimeZone(QTimeZone::utc());
        end.setTimeZone(QTimeZone::utc());
        const auto info = CertificateInfo::parse(read(name));
        QVERIFY(info.ok());
        QCOMPARE(info->notBefore, start);
        QCOMPARE(info->notAfter, end);
        QCOMPARE(info->notBefore.timeSpec(), Qt::UTC);
        QCOMPARE(info->serial, serial);
    }
}

void TestCertificateInfo::issuerWithoutCommonNameAndNoAki()
{
    const auto info = CertificateInfo::parse(read(QStringLiteral("plain.pem")));
    QVERIFY2(info.ok(), info.ok() ? "" : qPrintable(info.error()));
    QCOMPARE(info->domains, QStringList { QStringLiteral("plain.example.com") });
    QCOMPARE(info->issuer, QStringLiteral("O=Only Org,C=DE"));  // RFC 2253 order
    QVERIFY(info->ariCertId.isEmpty());  // no authorityKeyIdentifier: nothing to ask renewalInfo about
    QCOMPARE(info->lifetimeSeconds(), qint64(6) * 24 * 3600);
}

void TestCertificateInfo::badInput_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("not PEM") << QByteArray("hello\n") << "no PEM certificate";
    QTest::newRow("a key, not a certificate")
        << QByteArray("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE "
                      "KEY-----\n")
        << "no PEM certificate";
    QTest::newRow("truncated") << QByteArray("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n")
                               << "no PEM certificate";
}

void TestCertificateInfo::badInput()
{
    QFETCH(QByteArray, pem);
    QFETCH(QString, mentions);
    const auto info = CertificateInfo::parse(pem);
    QVERIFY(!info.ok());
    QVERIFY2(info.error().contains(mentions), qPrintable(info.error()));
}

QTEST_GUILESS_MAIN(TestCertificateInfo)
#include "tst_certificateinfo.moc"
