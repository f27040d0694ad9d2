// The ClientHello parser against real ClientHellos made by OpenSSL, their
// prefixes, fragmentations and corruptions.
#include "TestSupport.h"
#include "proxy/ClientHello.h"

#include <QTest>

#include <openssl/bio.h>
#include <openssl/ssl.h>

#include <memory>

using gatehouse::proxy::ClientHello;
using gatehouse::test::opensslClientHello;

namespace {

// Re-frames one record's handshake bytes into records of at most `chunk` bytes.
QByteArray fragment(const QByteArray &record, int chunk)
{
    const QByteArray handshake = record.mid(5);
    QByteArray out;
    for (qsizetype pos = 0; pos < handshake.size(); pos += chunk) {
        const QByteArray piece = handshake.mid(pos, chunk);
        out += QByteArray("\x16\x03\x01", 3) + char(piece.size() >> 8) + char(piece.size() & 0xff) + piece;
    }
    return out;
}

}  // namespace

class TestClientHello : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realClientHellos_data();
    void realClientHellos();
    void everyPrefixNeedsMore();
    void fragmentedAcrossRecords();
    void notTls_data();
    void notTls();
    void corrupted_data();
    void corrupted();
    void tooLarge();
    void flippedBytesNeverCrash();
};

void TestClientHello::realClientHellos_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QList<QByteArray>>("alpn");
    QTest::addColumn<bool>("tls13");

    QTest::newRow("sni and alpn") << opensslClientHello("Example.COM", { "h2", "http/1.1" }) << "example.com"
                                  << QList<QByteArray> { "h2", "http/1.1" } << true;
    QTest::newRow("acme-tls/1") << opensslClientHello("a.example.com", { "acme-tls/1" }) << "a.example.com"
                                << QList<QByteArray> { "acme-tls/1" } << true;
    QTest::newRow("no sni") << opensslClientHello(nullptr, {}) << "" << QList<QByteArray> {} << true;
    QTest::newRow("tls 1.2 only") << opensslClientHello("old.example", { "http/1.1" }, TLS1_2_VERSION) << "old.example"
                                  << QList<QByteArray> { "http/1.1" } << false;
}

void TestClientHello::realClientHellos()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, serverName);
    QFETCH(QList<QByteArray>, alpn);
    QFETCH(bool, tls13);

    QVERIFY(bytes.size() > 50);
    QVERIFY(ClientHello::looksLikeTls(bytes));
    const ClientHello hello = ClientHello::parse(QByteArray(bytes + "trailing application bytes"));
    QCOMPARE(hello.status, ClientHello::Status::Complete);
    QCOMPARE(hello.serverName, serverName);
    QCOMPARE(hello.alpn, alpn);
    QCOMPARE(hello.supportsTls13, tls13);
    QCOMPARE(hello.legacyVersion, quint16(0x0303));
    QCOMPARE(hello.consumed, bytes.size());
}

void TestClientHello::everyPrefixNeedsMore()
{
    const QByteArray bytes = opensslClientHello("prefix.example", { "http/1.1" });
    for (qsizetype n = 1; n < bytes.size(); ++n) {
        const ClientHello hello = ClientHello::parse(QByteArrayView(bytes).first(n));
        if (hello.status != ClientHello::Status::NeedMore)
            QFAIL(qPrintable(QStringLiteral("prefix of %1 bytes gave status %2").arg(n).arg(int(hello.status))));
    }
}

void TestClientHello::fragmentedAcrossRecords()
{
    const QByteArray bytes = opensslClientHello("frag.example", { "h2" });
    for (const int chunk : { 1, 7, 100, 1000 }) {
        const QByteArray split = fragment(bytes, chunk);
        const ClientHello hello = ClientHello::parse(split);
        QCOMPARE(hello.status, ClientHello::Status::Complete);
        QCOMPARE(hello.serverName, QStringLiteral("frag.example"));
        QCOMPARE(hello.consumed, split.size());
        QCOMPARE(ClientHello::parse(QByteArrayView(split).chopped(1)).status, ClientHello::Status::NeedMore);
    }
}

void TestClientHello::notTls_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("http") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    QTest::newRow("ssh") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n");
    QTest::newRow("sslv2-ish") << QByteArray("\x80\x2e\x01\x00\x02", 5);
    QTest::newRow("handshake type, bad major") << QByteArray("\x16\x02\x01\x00\x10", 5);
    QTest::newRow("empty") << QByteArray();
}

void TestClientHello::notTls()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(ClientHello::parse(bytes).status, ClientHello::Status::NotTls);
}

void TestClientHello::corrupted_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray good = opensslClientHello("bad.example", { "http/1.1" });

    QByteArray zeroLength = good;
    zeroLength[3] = 0;
    zeroLength[4] = 0;
    QTest::newRow("zero record length") << zeroLength << "bad record length";

    QByteArray serverHello = good;
    serverHello[5] = 0x02;
    QTest::newRow("not a ClientHello") << serverHello << "the first handshake message is not a ClientHello";

    QByteArray badVersion = good;
    badVersion[9] = 0x07;
    QTest::newRow("bad client version") << badVersion << "not an SSL 3 / TLS version";

    QByteArray alertInside = fragment(good, 10);
    alertInside[15] = 0x15;  // the second record becomes an alert
    QTest::newRow("alert between fragments") << alertInside << "a non-handshake record inside the ClientHello";

    // A minimal ClientHello whose one extension claims more bytes than it has.
    QByteArray body = QByteArray("\x03\x03", 2) + QByteArray(32, 'r') + QByteArray("\x00", 1)
        + QByteArray("\x00\x02\x13\x01", 4) + QByteArray("\x01\x00", 2) + QByteArray("\x00\x04\x00\x00\x00\x09", 6);
    QByteArray handshake = QByteArray("\x01\x00", 2) + char(body.size() >> 8) + char(body.size() & 0xff) + body;
    QByteArray record
        = QByteArray("\x16\x03\x01", 3) + char(handshake.size() >> 8) + char(handshake.size() & 0xff) + handshake;
    QTest::newRow("extension overruns") << record << "truncated extension";

    // A server name with a byte no host name has.
    const QByteArray sni = QByteArray("\x00\x00", 2) + QByteArray("\x00\x08", 2) + QByteArray("\x00\x06", 2)
        + QByteArray("\x00\x00\x03", 3) + QByteArray("a/b", 3);
    body = QByteArray("\x03\x03", 2) + QByteArray(32, 'r') + QByteArray("\x00", 1) + QByteArray("\x00\x02\x13\x01", 4)
        + QByteArray("\x01\x00", 2) + char(0) + char(sni.size()) + sni;
    handshake = QByteArray("\x01\x00", 2) + char(body.size() >> 8) + char(body.size() & 0xff) + body;
    record = QByteArray("\x16\x03\x01", 3) + char(handshake.size() >> 8) + char(handshake.size() & 0xff) + handshake;
    QTest::newRow("server name with slash") << record << "server name has characters no host name has";
}

void TestClientHello::corrupted()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const ClientHello hello = ClientHello::parse(bytes);
    QCOMPARE(hello.status, ClientHello::Status::Malformed);
    QCOMPARE(hello.error, error);
}

void TestClientHello::tooLarge()
{
    // A handshake header announcing 1 MiB: refused before any of it arrives.
    const QByteArray header = QByteArray("\x16\x03\x01\x00\x04\x01\x10\x00\x00", 9);
    QCOMPARE(ClientHello::parse(header).status, ClientHello::Status::TooLarge);
}

void TestClientHello::flippedBytesNeverCrash()
{
    // Each byte of a real ClientHello flipped in turn: any status but a crash (ASan checks reads).
    const QByteArray good = opensslClientHello("flip.example", { "h2", "http/1.1" });
    int complete = 0;
    for (qsizetype i = 0; i < good.size(); ++i) {
        QByteArray bad = good;
        bad[i] = char(bad[i] ^ 0xff);
        complete += ClientHello::parse(bad).status == ClientHello::Status::Complete;
    }
    // Flipping random/cipher/key-share bytes keeps the framing intact, so some still parse.
    QVERIFY(complete > 0);
    QVERIFY(complete < good.size());
}

QTEST_GUILESS_MAIN(TestClientHello)
#include "tst_clienthello.moc"
