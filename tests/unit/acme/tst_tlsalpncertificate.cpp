// The RFC 8737 challenge certificate, checked with the openssl command line:
// one dNSName, the critical acmeIdentifier extension holding the DER OCTET
// STRING of SHA-256(keyAuthorization), a fresh P-256 key that matches it.
#include "acme/TlsAlpnCertificate.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse::acme;

namespace {

// Runs openssl with `input` on stdin; stdout, or a test failure message in `error`.
QByteArray openssl(const QStringList &arguments, const QByteArray &input, QString *error)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2")
                     .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
        return {};
    }
    return process.readAllStandardOutput();
}

}  // namespace

class TestTlsAlpnCertificate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void certificateHasWhatRfc8737Asks();
    void eachCertificateHasItsOwnKey();
    void badInputIsRefused_data();
    void badInputIsRefused();
};

void TestTlsAlpnCertificate::certificateHasWhatRfc8737Asks()
{
    const QByteArray keyAuthorization
        = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA.9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";
    const auto made = makeTlsAlpnCertificate(QStringLiteral("A.Example.com"), keyAuthorization);
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error()));
    QVERIFY(made->certPem.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(made->keyPem.startsWith("-----BEGIN PRIVATE KEY-----"));  // PKCS#8

    QString error;
    const QByteArray text = openssl({ QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text"),
                                      QStringLiteral("-certopt"), QStringLiteral("ext_dump") },
                                    made->certPem, &error);
    QVERIFY2(!text.isEmpty(), qPrintable(error));
    QVERIFY2(text.contains("DNS:a.example.com"), text.constData());
    QCOMPARE(text.count("DNS:"), 1);
    QVERIFY2(text.contains("1.3.6.1.5.5.7.1.31: critical"), text.constData());
    QVERIFY2(text.contains("ASN1 OID: prime256v1"), text.constData());

    // The extension's value, as DER: OCTET STRING (0x04), length 32 (0x20), the digest.
    const QByteArray expected
        = QByteArray("\x04\x20", 2) + QCryptographicHash::hash(keyAuthorization, QCryptographicHash::Sha256);
    const QByteArray der
        = openssl({ QStringLiteral("x509"), QStringLiteral("-outform"), QStringLiteral("DER") }, made->certPem, &error);
    QVERIFY2(!der.isEmpty(), qPrintable(error));
    // In the certificate: OID 1.3.6.1.5.5.7.1.31, critical TRUE, then extnValue OCTET STRING(34) = expected.
    const QByteArray oid("\x06\x08\x2b\x06\x01\x05\x05\x07\x01\x1f", 10);
    const QByteArray extension = oid + QByteArray("\x01\x01\xff\x04\x22", 5) + expected;
    QVERIFY2(der.contains(extension), der.toHex().constData());

    // Key and certificate belong together.
    const QByteArray certKey = openssl({ QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-pubkey") },
                                       made->certPem, &error);
    QVERIFY2(!certKey.isEmpty(), qPrintable(error));
    const QByteArray keyKey = openssl({ QStringLiteral("pkey"), QStringLiteral("-pubout") }, made->keyPem, &error);
    QVERIFY2(!keyKey.isEmpty(), qPrintable(error));
    QCOMPARE(certKey, keyKey);

    // Self-signed: it verifies against itself.
    QTemporaryDir dir;
    QFile self(dir.filePath(QStringLiteral("self.pem")));
    QVERIFY(self.open(QIODevice::WriteOnly) && self.write(made->certPem) > 0);
    self.close();
    const QByteArray verified
        = openssl({ QStringLiteral("verify"), QStringLiteral("-CAfile"), self.fileName(), QStringLiteral("-purpose"),
                    QStringLiteral("any"), QStringLiteral("-ignore_critical") },
                  made->certPem, &error);
    QVERIFY2(verified.contains("OK"), qPrintable(error));
}

void TestTlsAlpnCertificate::eachCertificateHasItsOwnKey()
{
    const auto first = makeTlsAlpnCertificate(QStringLiteral("a.example.com"), "x.y");
    const auto second = makeTlsAlpnCertificate(QStringLiteral("a.example.com"), "x.y");
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first->keyPem != second->keyPem);
    QVERIFY(first->certPem != second->certPem);
}

void TestTlsAlpnCertificate::badInputIsRefused_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QByteArray>("keyAuthorization");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty domain") << QString() << QByteArray("a.b") << "domain is empty";
    QTest::newRow("wildcard") << "*.example.com" << QByteArray("a.b") << "wildcard";
    QTest::newRow("empty key authorization") << "a.example.com" << QByteArray() << "key authorization is empty";
}

void TestTlsAlpnCertificate::badInputIsRefused()
{
    QFETCH(QString, domain);
    QFETCH(QByteArray, keyAuthorization);
    QFETCH(QString, mentions);
    const auto made = makeTlsAlpnCertificate(domain, keyAuthorization);
    QVERIFY(!made.ok());
    QVERIFY2(made.error().contains(mentions), qPrintable(made.error()));
}

QTEST_GUILESS_MAIN(TestTlsAlpnCertificate)
#include "tst_tlsalpncertificate.moc"
