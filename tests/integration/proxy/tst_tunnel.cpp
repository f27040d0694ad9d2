// TcpTunnel and UpstreamConnector on real loopback TCP: echo through a tunnel,
// 100 MB to a slow reader with bounded buffering, half-close both ways, idle
// timeout, sniffed-bytes replay with a PROXY header, and connect failures.
#include "StreamTestPeers.h"
#include "proxy/ProxyProtocol.h"
#include "proxy/TcpTunnel.h"
#include "proxy/UpstreamConnector.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace gatehouse::proxy;
using gatehouse::test::FdServer;
using gatehouse::test::Recorder;

namespace {

// client peer <-> [client Stream | tunnel | upstream Stream] <-> backend peer,
// all four ends real loopback TCP sockets.
struct TunnelRig
{
    FdServer proxyListener;
    FdServer backendListener;
    std::unique_ptr<Stream> clientPeer;  // the test's client
    std::unique_ptr<Stream> backendPeer;  // the test's backend
    Recorder clientSaw;
    Recorder backendSaw;
    std::unique_ptr<TcpTunnel> tunnel;

    bool setUp(const TunnelOptions &options, const QByteArray &sniffed = {}, const QByteArray &upstreamPrefix = {})
    {
        auto [proxyClientSide, clientFd] = gatehouse::test::tcpPair(proxyListener);
        auto [backendFd, proxyUpstreamSide] = gatehouse::test::tcpPair(backendListener);
        if (clientFd < 0 || backendFd < 0)
            return false;
        clientPeer = std::make_unique<Stream>(clientFd);
        clientPeer->setListener(&clientSaw);
        clientPeer->start();
        backendPeer = std::make_unique<Stream>(backendFd);
        backendPeer->setListener(&backendSaw);
        backendPeer->start();
        auto client = std::make_unique<Stream>(proxyClientSide);
        client->setInitialBytes(sniffed);
        auto upstream = std::make_unique<Stream>(proxyUpstreamSide);
        upstream->write(upstreamPrefix);
        tunnel = std::make_unique<TcpTunnel>(std::move(client), std::move(upstream), options);
        tunnel->start();
        return true;
    }
};

// The pattern every byte of the large transfer follows, so order and loss show.
char patternByte(quint64 position)
{
    return char(position % 251);
}

}  // namespace

class TestTunnel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void echoThroughTunnel();
    void largeTransferToSlowReaderStaysBounded();
    void halfCloseClientFirst();
    void halfCloseBackendFirst();
    void idleTimeout();
    void resetEndsTunnel();
    void sniffedBytesReplayedAfterProxyHeader();
    void connectSucceedsByName();
    void connectRefused();
    void connectTimeout();
    void connectDnsFailure();
};

void TestTunnel::echoThroughTunnel()
{
    // The backend echoes with QTcpSocket: an independent socket implementation on the far end.
    QTcpServer echo;
    QVERIFY(echo.listen(QHostAddress::LocalHost));
    connect(&echo, &QTcpServer::newConnection, &echo, [&echo] {
        QTcpSocket *socket = echo.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
    });
    FdServer proxyListener;
    UpstreamConnector connector;
    QSignalSpy connected(&connector, &UpstreamConnector::connected);
    connector.connectToHost(QStringLiteral("127.0.0.1"), echo.serverPort(), std::chrono::seconds(5));
    QTRY_COMPARE(connected.size(), 1);

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, proxyListener.serverPort());
    QTRY_COMPARE(proxyListener.accepted.size(), 1);
    TcpTunnel tunnel(std::make_unique<Stream>(proxyListener.take()),
                     std::make_unique<Stream>(connected.first().first().value<qintptr>()), TunnelOptions {});
    QSignalSpy finished(&tunnel, &TcpTunnel::finished);
    tunnel.start();

    QByteArray sent(1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : sent)
        c = char(generator.generate());
    client.write(sent);
    QByteArray echoed;
    connect(&client, &QTcpSocket::readyRead, &client, [&] { echoed += client.readAll(); });
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), sent.size(), 20000);
    QVERIFY(echoed == sent);
    QCOMPARE(tunnel.bytesClientToUpstream(), quint64(sent.size()));
    QCOMPARE(tunnel.bytesUpstreamToClient(), quint64(sent.size()));

    client.disconnectFromHost();  // QTcpSocket closes fully; the echo server then closes too
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<TunnelResult>();
    QCOMPARE(result.clientToUpstream, quint64(sent.size()));
    QCOMPARE(result.upstreamToClient, quint64(sent.size()));
}

void TestTunnel::largeTransferToSlowReaderStaysBounded()
{
    constexpr quint64 total = 100ull * 1024 * 1024;
    TunnelOptions options;
    options.highWaterMark = 128 * 1024;
    TunnelRig rig;
    QVERIFY(rig.setUp(options));
    QSignalSpy finished(rig.tunnel.get(), &TcpTunnel::finished);

    // The backend writes as fast as its socket takes it, keeping its own buffer topped up.
    QByteArray pattern(Stream::kReadChunk + 251, Qt::Uninitialized);
    for (qsizetype i = 0; i < pattern.size(); ++i)
        pattern[i] = patternByte(quint64(i));
    quint64 written = 0;
    const auto pump = [&] {
        while (written < total && rig.backendPeer->bufferedBytes() < 512 * 1024) {
            const qsizetype n = qsizetype(qMin<quint64>(Stream::kReadChunk, total - written));
            rig.backendPeer->write(QByteArrayView(pattern).sliced(qsizetype(written % 251), n));
            written += quint64(n);
        }
        if (written == total)
            rig.backendPeer->shutdownWrite();
    };
    rig.backendPeer->setHighWaterMark(256 * 1024);
    struct Pump : StreamListener
    {
        std::function<void()> more;
        void streamData(Stream &, QByteArrayView) override { }
        void streamEof(Stream &) override { }
        void streamError(Stream &, const StreamError &) override { }
        void streamDrained(Stream &) override { more(); }
    } backendListener;
    backendListener.more = pump;
    rig.backendPeer->setListener(&backendListener);
    pump();

    // The client is slow: it reads nothing for half a second, then pauses 20 ms after every 4 MiB.
    quint64 checked = 0;
    bool mismatch = false;
    quint64 nextPause = 4 * 1024 * 1024;
    rig.clientSaw.keepData = false;
    rig.clientSaw.onData = [&](Stream &stream, QByteArrayView bytes) {
        for (const char c : bytes) {
            if (c != patternByte(checked++))
                mismatch = true;
        }
        if (checked >= nextPause) {
            nextPause += 4 * 1024 * 1024;
            stream.pauseReading();
            QTimer::singleShot(20, &stream, [&stream] { stream.resumeReading(); });
        }
    };
    rig.clientPeer->pauseReading();
    QTest::qWait(500);
    // Backpressure engaged: the tunnel stopped reading the backend, whose buffer is now full.
    QVERIFY(rig.tunnel->upstream().isReadingPaused());
    QVERIFY(rig.backendPeer->bufferedBytes() > 0);
    QVERIFY(written < total);
    rig.clientPeer->resumeReading();

    QTRY_VERIFY_WITH_TIMEOUT(rig.clientSaw.eof, 120000);
    QCOMPARE(rig.clientSaw.received, total);
    QVERIFY(!mismatch);
    QCOMPARE(rig.tunnel->bytesUpstreamToClient(), total);
    qInfo("peak buffered in the tunnel: %lld bytes (bound %lld)", qlonglong(rig.tunnel->peakBufferedBytes()),
          qlonglong(rig.tunnel->bufferBound()));
    QVERIFY(rig.tunnel->peakBufferedBytes() > options.highWaterMark / 2);  // the buffer was really used
    QVERIFY(rig.tunnel->peakBufferedBytes() <= rig.tunnel->bufferBound());

    rig.clientPeer->shutdownWrite();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<TunnelResult>().end, TunnelResult::End::Completed);
}

void TestTunnel::halfCloseClientFirst()
{
    TunnelRig rig;
    QVERIFY(rig.setUp(TunnelOptions {}));
    QSignalSpy finished(rig.tunnel.get(), &TcpTunnel::finished);

    rig.clientPeer->write("request");
    rig.clientPeer->shutdownWrite();
    QTRY_VERIFY(rig.backendSaw.eof);
    QCOMPARE(rig.backendSaw.data, QByteArray("request"));
    QVERIFY(rig.clientSaw.writeShut);
    // The other direction still works after the client's half-close.
    QCOMPARE(finished.size(), 0);
    QVERIFY(!rig.clientSaw.eof);
    rig.backendPeer->write("response after client EOF");
    rig.backendPeer->shutdownWrite();
    QTRY_VERIFY(rig.clientSaw.eof);
    QCOMPARE(rig.clientSaw.data, QByteArray("response after client EOF"));
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<TunnelResult>();
    QCOMPARE(result.end, TunnelResult::End::Completed);
    QCOMPARE(result.clientToUpstream, quint64(7));
    QCOMPARE(result.upstreamToClient, quint64(25));
    QVERIFY(rig.clientSaw.errors.isEmpty());
    QVERIFY(rig.backendSaw.errors.isEmpty());
}

void TestTunnel::halfCloseBackendFirst()
{
    TunnelRig rig;
    QVERIFY(rig.setUp(TunnelOptions {}));
    QSignalSpy finished(rig.tunnel.get(), &TcpTunnel::finished);

    rig.backendPeer->write("banner");
    rig.backendPeer->shutdownWrite();
    QTRY_VERIFY(rig.clientSaw.eof);
    QCOMPARE(rig.clientSaw.data, QByteArray("banner"));
    QCOMPARE(finished.size(), 0);
    rig.clientPeer->write("late upload");
    QTRY_COMPARE(rig.backendSaw.data, QByteArray("late upload"));
    QVERIFY(!rig.backendSaw.eof);
    rig.clientPeer->shutdownWrite();
    QTRY_VERIFY(rig.backendSaw.eof);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<TunnelResult>().end, TunnelResult::End::Completed);
}

void TestTunnel::idleTimeout()
{
    TunnelOptions options;
    options.idleTimeout = std::chrono::milliseconds(500);
    TunnelRig rig;
    QVERIFY(rig.setUp(options));
    QSignalSpy finished(rig.tunnel.get(), &TcpTunnel::finished);

    // Traffic every 100 ms for a second (two idle periods) keeps it open...
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    for (int i = 0; i < 10; ++i) {
        rig.clientPeer->write("tick");
        lastTick = clock.elapsed();
        QTest::qWait(100);  // the pacing of the traffic itself, not a wait for an event
        QCOMPARE(finished.size(), 0);
    }
    QTRY_COMPARE(rig.backendSaw.data.size(), 40);
    // ...silence closes it, one idle period after the last traffic, and both peers see it go.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
    const auto result = finished.first().first().value<TunnelResult>();
    QCOMPARE(result.end, TunnelResult::End::IdleTimeout);
    QVERIFY2(
        result.durationMs >= lastTick + 500 - 20,
        qPrintable(QStringLiteral("closed after %1 ms, last traffic at %2 ms").arg(result.durationMs).arg(lastTick)));
    QTRY_VERIFY(rig.clientSaw.eof || !rig.clientSaw.errors.isEmpty());
    QTRY_VERIFY(rig.backendSaw.eof || !rig.backendSaw.errors.isEmpty());
}

void TestTunnel::resetEndsTunnel()
{
    TunnelRig rig;
    QVERIFY(rig.setUp(TunnelOptions {}));
    QSignalSpy finished(rig.tunnel.get(), &TcpTunnel::finished);
    // SO_LINGER 0 makes close() send RST instead of FIN.
    const linger hard { 1, 0 };
    ::setsockopt(int(rig.backendPeer->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    rig.backendPeer->close();
    QTRY_COMPARE(finished.size(), 1);
    const auto result = finished.first().first().value<TunnelResult>();
    QCOMPARE(result.end, TunnelResult::End::UpstreamError);
    QVERIFY2(result.reason.contains(QStringLiteral("reset")), qPrintable(result.reason));
}

void TestTunnel::sniffedBytesReplayedAfterProxyHeader()
{
    // Passthrough: the first bytes were read by the sniffer; the backend must get
    // the PROXY header, then those bytes, then the rest, in that order.
    ProxyHeader header;
    header.sourceAddress = QHostAddress(QStringLiteral("203.0.113.7"));
    header.sourcePort = 40000;
    header.destinationAddress = QHostAddress(QStringLiteral("198.51.100.1"));
    header.destinationPort = 443;
    const QByteArray proxyHeader = ProxyProtocol::encodeV2(header);
    TunnelRig rig;
    QVERIFY(rig.setUp(TunnelOptions {}, QByteArray("sniffed-hello|"), proxyHeader));
    rig.clientPeer->write("after-sniff");
    QTRY_COMPARE(rig.backendSaw.data.size(), proxyHeader.size() + 25);
    const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(rig.backendSaw.data);
    QCOMPARE(parsed.status, ProxyProtocol::Parsed::Status::Complete);
    QCOMPARE(parsed.header.sourceAddress, header.sourceAddress);
    QCOMPARE(parsed.header.sourcePort, quint16(40000));
    QCOMPARE(rig.backendSaw.data.mid(parsed.consumed), QByteArray("sniffed-hello|after-sniff"));
    QCOMPARE(rig.tunnel->bytesClientToUpstream(), quint64(25));
}

void TestTunnel::connectSucceedsByName()
{
    FdServer backend;
    UpstreamConnector connector;
    QSignalSpy connected(&connector, &UpstreamConnector::connected);
    QSignalSpy failed(&connector, &UpstreamConnector::failed);
    connector.connectToHost(QStringLiteral("localhost"), backend.serverPort(), std::chrono::seconds(5));
    QVERIFY(connector.isConnecting());
    QTRY_COMPARE(connected.size() + failed.size(), 1);
    QCOMPARE(connected.size(), 1);
    QTRY_COMPARE(backend.accepted.size(), 1);
    ::close(int(connected.first().first().value<qintptr>()));
}

void TestTunnel::connectRefused()
{
    // A port that was just bound and released: nothing listens on it.
    quint16 port = 0;
    {
        FdServer probe;
        port = probe.serverPort();
    }
    UpstreamConnector connector;
    QSignalSpy failed(&connector, &UpstreamConnector::failed);
    QElapsedTimer timer;
    timer.start();
    connector.connectToHost(QStringLiteral("127.0.0.1"), port, std::chrono::seconds(5));
    QTRY_COMPARE(failed.size(), 1);
    const auto error = failed.first().first().value<ConnectError>();
    QCOMPARE(error.kind, ConnectError::Kind::Refused);
    QVERIFY2(error.message.contains(QString::number(port)), qPrintable(error.message));
    QVERIFY(timer.elapsed() < 2000);  // refused is immediate, not a timeout
}

void TestTunnel::connectTimeout()
{
    // A listener with backlog 0 and a full accept queue: Linux drops further SYNs,
    // so a connect neither succeeds nor is refused.
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), length), 0);
    QCOMPARE(::listen(listener, 0), 0);
    QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length), 0);
    const int filler = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QCOMPARE(::connect(filler, reinterpret_cast<sockaddr *>(&address), length), 0);

    UpstreamConnector connector;
    QSignalSpy failed(&connector, &UpstreamConnector::failed);
    QSignalSpy connected(&connector, &UpstreamConnector::connected);
    QElapsedTimer timer;
    timer.start();
    connector.connectToHost(QStringLiteral("127.0.0.1"), ntohs(address.sin_port), std::chrono::milliseconds(400));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(failed.first().first().value<ConnectError>().kind, ConnectError::Kind::Timeout);
    QVERIFY(timer.elapsed() >= 390);
    ::close(filler);
    ::close(listener);
}

void TestTunnel::connectDnsFailure()
{
    UpstreamConnector connector;
    QSignalSpy failed(&connector, &UpstreamConnector::failed);
    connector.connectToHost(QStringLiteral("no-such-host.invalid"), 80, std::chrono::seconds(20));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const auto error = failed.first().first().value<ConnectError>();
    QCOMPARE(error.kind, ConnectError::Kind::Dns);
    QVERIFY2(error.message.contains(QStringLiteral("no-such-host.invalid")), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(TestTunnel)
#include "tst_tunnel.moc"
