// PROXY protocol v1 and v2: encode/parse round trips, every prefix of a valid
// header waiting for more, and malformed headers refused with their reason.
#include "proxy/ProxyProtocol.h"

#include <QTest>

using gatehouse::proxy::ProxyHeader;
using gatehouse::proxy::ProxyProtocol;
using Status = ProxyProtocol::Parsed::Status;

Q_DECLARE_METATYPE(ProxyHeader)

namespace {

ProxyHeader header(int version, const char *source, quint16 sourcePort, const char *destination,
                   quint16 destinationPort)
{
    ProxyHeader h;
    h.version = version;
    h.sourceAddress = QHostAddress(QString::fromLatin1(source));
    h.sourcePort = sourcePort;
    h.destinationAddress = QHostAddress(QString::fromLatin1(destination));
    h.destinationPort = destinationPort;
    return h;
}

ProxyHeader local(int version)
{
    ProxyHeader h;
    h.version = version;
    h.command = ProxyHeader::Command::Local;
    return h;
}

QByteArray v2(uchar versionCommand, uchar family, const QByteArray &block)
{
    QByteArray out("\r\n\r\n\0\r\nQUIT\n", 12);
    out += char(versionCommand);
    out += char(family);
    out += char(block.size() >> 8);
    out += char(block.size() & 0xff);
    return out + block;
}

}  // namespace

class TestProxyProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void knownBytes_data();
    void knownBytes();
    void everyPrefixNeedsMore_data();
    void everyPrefixNeedsMore();
    void malformed_data();
    void malformed();
    void flippedBytesNeverCrash();
};

void TestProxyProtocol::roundTrip_data()
{
    QTest::addColumn<ProxyHeader>("input");
    QTest::addColumn<QString>("expectedSource");
    QTest::addColumn<QString>("expectedDestination");

    QTest::newRow("v1 tcp4") << header(1, "192.0.2.10", 51234, "10.0.0.1", 443) << "192.0.2.10"
                             << "10.0.0.1";
    QTest::newRow("v1 tcp6") << header(1, "2001:db8::1", 1, "2001:db8::2", 65535) << "2001:db8::1"
                             << "2001:db8::2";
    QTest::newRow("v1 mapped to tcp4") << header(1, "::ffff:192.0.2.1", 80, "::ffff:192.0.2.2", 8080) << "192.0.2.1"
                                       << "192.0.2.2";
    QTest::newRow("v1 mixed families as tcp6") << header(1, "192.0.2.1", 80, "2001:db8::2", 8080) << "::ffff:192.0.2.1"
                                               << "2001:db8::2";
    QTest::newRow("v1 port zero") << header(1, "127.0.0.1", 0, "127.0.0.1", 0) << "127.0.0.1"
                                  << "127.0.0.1";
    QTest::newRow("v2 tcp4") << header(2, "192.0.2.10", 51234, "10.0.0.1", 443) << "192.0.2.10"
                             << "10.0.0.1";
    QTest::newRow("v2 tcp6") << header(2, "2001:db8::1", 1, "2001:db8::2", 65535) << "2001:db8::1"
                             << "2001:db8::2";
    QTest::newRow("v2 mapped to tcp4") << header(2, "::ffff:192.0.2.1", 80, "::ffff:192.0.2.2", 8080) << "192.0.2.1"
                                       << "192.0.2.2";
    QTest::newRow("v2 mixed families as tcp6") << header(2, "2001:db8::9", 80, "192.0.2.2", 8080) << "2001:db8::9"
                                               << "::ffff:192.0.2.2";
    // Found by fuzz_proxy_protocol: v1 wrote "fe80::1%eth0", which no parser accepts.
    QTest::newRow("v1 link-local with scope id") << header(1, "fe80::1%eth0", 1, "fe80::2%2", 2) << "fe80::1"
                                                 << "fe80::2";
    QTest::newRow("v2 link-local with scope id") << header(2, "fe80::1%eth0", 1, "2001:db8::2", 2) << "fe80::1"
                                                 << "2001:db8::2";
    QTest::newRow("v1 unknown") << local(1) << ""
                                << "";
    QTest::newRow("v2 local") << local(2) << ""
                              << "";
}

void TestProxyProtocol::roundTrip()
{
    QFETCH(ProxyHeader, input);
    QFETCH(QString, expectedSource);
    QFETCH(QString, expectedDestination);

    const QByteArray encoded = ProxyProtocol::encode(input);
    QVERIFY(encoded.size() <= (input.version == 1 ? ProxyProtocol::kMaxV1Length : ProxyProtocol::kMaxV2Length));
    const QByteArray payload("GET / HTTP/1.1\r\n\r\n");
    const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(QByteArray(encoded + payload));
    QCOMPARE(parsed.status, Status::Complete);
    QCOMPARE(parsed.error, QString());
    QCOMPARE(parsed.consumed, encoded.size());
    QCOMPARE(parsed.header.version, input.version);
    if (expectedSource.isEmpty()) {
        QCOMPARE(parsed.header.command, ProxyHeader::Command::Local);
        QVERIFY(!parsed.header.hasAddresses());
        return;
    }
    QCOMPARE(parsed.header.command, ProxyHeader::Command::Proxy);
    QCOMPARE(parsed.header.sourceAddress, QHostAddress(expectedSource));
    QCOMPARE(parsed.header.destinationAddress, QHostAddress(expectedDestination));
    QCOMPARE(parsed.header.sourcePort, input.sourcePort);
    QCOMPARE(parsed.header.destinationPort, input.destinationPort);
}

void TestProxyProtocol::knownBytes_data()
{
    // The spec's own examples, so encoder and parser cannot agree on a private dialect.
    QTest::addColumn<ProxyHeader>("input");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("v1 tcp4") << header(1, "192.168.0.1", 56324, "192.168.0.11", 443)
                             << QByteArray("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n");
    QTest::newRow("v1 tcp6") << header(1, "2001:db8::1", 4000, "2001:db8::2", 80)
                             << QByteArray("PROXY TCP6 2001:db8::1 2001:db8::2 4000 80\r\n");
    QTest::newRow("v1 unknown") << local(1) << QByteArray("PROXY UNKNOWN\r\n");
    QTest::newRow("v2 tcp4") << header(2, "10.1.2.3", 0x1234, "10.4.5.6", 443)
                             << v2(0x21, 0x11, QByteArray("\x0a\x01\x02\x03\x0a\x04\x05\x06\x12\x34\x01\xbb", 12));
    QTest::newRow("v2 local") << local(2) << v2(0x20, 0x00, QByteArray());
}

void TestProxyProtocol::knownBytes()
{
    QFETCH(ProxyHeader, input);
    QFETCH(QByteArray, bytes);
    QCOMPARE(ProxyProtocol::encode(input), bytes);
    QCOMPARE(ProxyProtocol::parse(bytes).status, Status::Complete);
}

void TestProxyProtocol::everyPrefixNeedsMore_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("v1 tcp4") << ProxyProtocol::encode(header(1, "192.0.2.10", 51234, "10.0.0.1", 443));
    QTest::newRow("v1 tcp6 longest") << ProxyProtocol::encode(
        header(1, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", 65535, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffd", 65535));
    QTest::newRow("v1 unknown") << QByteArray("PROXY UNKNOWN ff::1 ff::2 1 2\r\n");
    QTest::newRow("v2 tcp4") << ProxyProtocol::encode(header(2, "192.0.2.10", 51234, "10.0.0.1", 443));
    QTest::newRow("v2 tcp6") << ProxyProtocol::encode(header(2, "2001:db8::1", 1, "2001:db8::2", 2));
    QTest::newRow("v2 local") << ProxyProtocol::encode(local(2));
    QTest::newRow("v2 with tlv") << v2(0x21, 0x11,
                                       QByteArray(12, '\x01')
                                           + QByteArray("\x04\x00\x03"
                                                        "abc",
                                                        6));
}

void TestProxyProtocol::everyPrefixNeedsMore()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(ProxyProtocol::parse(bytes).status, Status::Complete);
    QCOMPARE(ProxyProtocol::parse(bytes).consumed, bytes.size());
    for (qsizetype n = 0; n < bytes.size(); ++n) {
        const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(QByteArrayView(bytes).first(n));
        if (parsed.status != Status::NeedMore)
            QFAIL(qPrintable(
                QStringLiteral("prefix of %1 bytes: status %2 (%3)").arg(n).arg(int(parsed.status)).arg(parsed.error)));
    }
}

void TestProxyProtocol::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");

    QTest::newRow("http") << QByteArray("GET / HTTP/1.1\r\n") << "not a PROXY protocol header";
    QTest::newRow("lower-case proxy") << QByteArray("proxy TCP4") << "not a PROXY protocol header";
    QTest::newRow("v1 no crlf in 107 bytes")
        << QByteArray("PROXY TCP4 " + QByteArray(120, '1')) << "v1 header without CRLF in the first 107 bytes";
    QTest::newRow("v1 lf only") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n") << "v1 header ends without CR";
    QTest::newRow("v1 udp") << QByteArray("PROXY UDP4 1.2.3.4 5.6.7.8 1 2\r\n")
                            << "v1 protocol is not TCP4, TCP6 or UNKNOWN";
    QTest::newRow("v1 missing port") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n")
                                     << "v1 header needs protocol, two addresses and two ports";
    QTest::newRow("v1 double space") << QByteArray("PROXY TCP4  1.2.3.4 5.6.7.8 1 2\r\n")
                                     << "v1 header needs protocol, two addresses and two ports";
    QTest::newRow("v1 v6 address in tcp4") << QByteArray("PROXY TCP4 ::1 5.6.7.8 1 2\r\n")
                                           << "v1 source address is not an address of the protocol's family";
    QTest::newRow("v1 host name") << QByteArray("PROXY TCP4 1.2.3.4 example.com 1 2\r\n")
                                  << "v1 destination address is not an address of the protocol's family";
    QTest::newRow("v1 port too big") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n")
                                     << "v1 port is not a number from 0 to 65535";
    QTest::newRow("v1 port leading zero")
        << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 01 2\r\n") << "v1 port is not a number from 0 to 65535";
    QTest::newRow("v1 negative port") << QByteArray("PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n")
                                      << "v1 port is not a number from 0 to 65535";

    const QByteArray v4Block(12, '\x01');
    QTest::newRow("v2 version 1") << v2(0x11, 0x11, v4Block) << "v2 version is not 2";
    QTest::newRow("v2 command 2") << v2(0x22, 0x11, v4Block) << "v2 command is neither LOCAL nor PROXY";
    QTest::newRow("v2 family 4") << v2(0x21, 0x41, v4Block) << "v2 address family or transport is unknown";
    QTest::newRow("v2 transport 3") << v2(0x21, 0x13, v4Block) << "v2 address family or transport is unknown";
    QTest::newRow("v2 short tcp4 block") << v2(0x21, 0x11, QByteArray(11, '\x01'))
                                         << "v2 length too short for its address family";
    QTest::newRow("v2 short tcp6 block") << v2(0x21, 0x21, QByteArray(35, '\x01'))
                                         << "v2 length too short for its address family";
    QTest::newRow("v2 udp") << v2(0x21, 0x12, v4Block) << "v2 transport is datagram; only stream is proxied";
    // The length field alone is enough to refuse an oversized header: no waiting for 64 KiB.
    QTest::newRow("v2 too long") << QByteArray("\r\n\r\n\0\r\nQUIT\n\x21\x11\xff\xff", 16)
                                 << "v2 header longer than 2064 bytes";
    QTest::newRow("v2 bad signature") << QByteArray("\r\n\r\n\0\r\nQUIX\n\x21\x11\x00\x0c", 16)
                                      << "not a PROXY protocol header";
}

void TestProxyProtocol::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(bytes);
    QCOMPARE(parsed.status, Status::Invalid);
    QCOMPARE(parsed.error, error);
}

void TestProxyProtocol::flippedBytesNeverCrash()
{
    // Each byte of valid headers flipped in turn: any status, never a read past the input (ASan).
    const QList<QByteArray> headers { ProxyProtocol::encode(header(1, "192.0.2.10", 51234, "10.0.0.1", 443)),
                                      ProxyProtocol::encode(header(2, "2001:db8::1", 1, "2001:db8::2", 2)) };
    int complete = 0;
    int total = 0;
    for (const QByteArray &good : headers) {
        for (qsizetype i = 0; i < good.size(); ++i) {
            QByteArray bad = good;
            bad[i] = char(bad[i] ^ 0xff);
            const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(bad);
            QVERIFY(parsed.consumed <= bad.size());
            complete += parsed.status == Status::Complete;
            ++total;
        }
    }
    // Address bytes of v2 carry no redundancy, so some flips still parse; the signature does.
    QVERIFY(complete > 0);
    QVERIFY(complete < total);
}

QTEST_GUILESS_MAIN(TestProxyProtocol)
#include "tst_proxyprotocol.moc"
