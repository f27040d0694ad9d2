// The connection pipeline end to end on real sockets: PortManager listeners hand
// connections to the ProxyEngine's workers, which sniff, route and tunnel them
// to real backends on 127.0.0.1.
#include "BlockingClient.h"
#include "ProxyRig.h"
#include "TestSupport.h"
#include "config/Config.h"
#include "platform/WorkerEventDispatcher.h"
#include "proxy/ProxyProtocol.h"
#include "proxy/Worker.h"
#include "proxy/WorkerPool.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <atomic>
#include <cstdlib>
#include <future>
#include <memory>
#include <vector>

using namespace gatehouse;
using gatehouse::test::freePort;

namespace {

// A backend on the main thread: greets each connection's first data with its
// name, echoes everything, and keeps what each connection sent.
class Backend : public QObject
{
public:
    explicit Backend(const QByteArray &name) : m_name(name)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                const int index = int(received.size());
                received.append(QByteArray());
                peers.append(socket->peerAddress());
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, index] {
                    const QByteArray data = socket->readAll();
                    if (received[index].isEmpty())
                        socket->write(m_name + ':');
                    received[index] += data;
                    socket->write(data);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    void close() { m_server.close(); }

    QList<QByteArray> received;
    QList<QHostAddress> peers;

private:
    QTcpServer m_server;
    QByteArray m_name;
};

config::Route forwardRoute(const QString &name, quint16 port, const QList<quint16> &targetPorts)
{
    config::Route route;
    route.name = name;
    route.match.ports = { { port, port } };
    route.action.type = config::ActionType::Forward;
    for (const quint16 target : targetPorts)
        route.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, target, {} };
    return route;
}

config::Route respondRoute(const QString &name, quint16 port, const QString &body)
{
    config::Route route;
    route.name = name;
    route.match.ports = { { port, port } };
    route.action.type = config::ActionType::Respond;
    route.action.respond.status = 200;
    route.action.respond.body = body;
    return route;
}

// One HTTP request with blocking socket calls on the calling thread, which runs no
// event loop meanwhile; what came back before the close, or within 5 s.
QByteArray blockingGet(quint16 port)
{
    test::BlockingClient client(port);
    if (!client.send("GET / HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n"))
        return {};
    return client.readToEnd();
}

// A client whose received bytes pile up in `data` as the event loop runs, so the
// backends on the same thread keep working while a test waits with QTRY_*.
struct Client
{
    explicit Client(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { data += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket socket;
    QByteArray data;
};

}  // namespace

class TestProxyEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tcpForwardEchoes();
    void passthroughRoutesBySni();
    void proxyProtocolReachesTheBackend_data();
    void proxyProtocolReachesTheBackend();
    void openTunnelSurvivesRouteRemoval();
    void deadTargetIsSkipped();
    void blockedClientNeverReachesTheBackend();
    void unknownSniWithoutFallbackIsClosed();
    void workersAcceptWithoutTheMainThread();
    void removedListenerFreesItsPortAtOnce();
    void aBurstIsSharedByTheWorkers();

private:
    bool apply(const config::Config &config) { return m_rig->apply(config); }

    std::unique_ptr<test::ProxyRig> m_rig;
};

void TestProxyEngine::init()
{
    m_rig = std::make_unique<test::ProxyRig>();
}

void TestProxyEngine::cleanup()
{
    m_rig.reset();
}

void TestProxyEngine::tcpForwardEchoes()
{
    Backend backend("one");
    QVERIFY(backend.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config.routes << forwardRoute(QStringLiteral("tcp"), port, { backend.port() });
    QVERIFY(apply(config));

    Client client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("hello");
    QTRY_COMPARE(client.data, QByteArray("one:hello"));
    QCOMPARE(backend.received, QList<QByteArray> { "hello" });
}

void TestProxyEngine::passthroughRoutesBySni()
{
    Backend a("a"), b("b");
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    for (auto [name, backend] : { std::pair { "a", &a }, std::pair { "b", &b } }) {
        config::Route route = forwardRoute(QString::fromLatin1(name), port, { backend->port() });
        route.match.domains = { QString::fromLatin1(name) + QStringLiteral(".test") };
        route.action.tls.mode = config::TlsMode::Passthrough;
        config.routes << route;
    }
    QVERIFY(apply(config));

    const QByteArray hello = test::opensslClientHello("b.test", { "http/1.1" });
    Client client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    // In two pieces, so the proxy has to wait for the whole ClientHello.
    client.socket.write(hello.left(10));
    QVERIFY(client.socket.waitForBytesWritten(1000));
    client.socket.write(hello.mid(10));
    QTRY_COMPARE(client.data, QByteArray("b:" + hello));
    QCOMPARE(b.received, QList<QByteArray> { hello });  // replayed byte for byte
    QVERIFY(a.received.isEmpty());
}

void TestProxyEngine::proxyProtocolReachesTheBackend_data()
{
    QTest::addColumn<bool>("http");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<QByteArray>("forwardedStart");
    // A route without a path tunnels; with one, the HTTP reverse proxy sends the
    // header on each upstream connection. The destination is the address the client
    // connected to either way.
    QTest::newRow("tcp tunnel, v2") << false << QByteArray("payload") << QByteArray("payload");
    QTest::newRow("http, v1") << true << QByteArray("GET /x HTTP/1.1\r\nHost: a.test\r\n\r\n")
                              << QByteArray("GET /x HTTP/1.1\r\n");
}

void TestProxyEngine::proxyProtocolReachesTheBackend()
{
    QFETCH(bool, http);
    QFETCH(QByteArray, sent);
    QFETCH(QByteArray, forwardedStart);
    Backend backend("pp");
    QVERIFY(backend.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route route = forwardRoute(QStringLiteral("pp"), port, { backend.port() });
    if (http)
        route.match.path = QStringLiteral("/*");
    route.action.sendProxyProtocol = http ? config::ProxyProtocolVersion::V1 : config::ProxyProtocolVersion::V2;
    config.routes << route;
    QVERIFY(apply(config));

    Client client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write(sent);
    QTRY_VERIFY(!backend.received.isEmpty() && backend.received.first().contains(forwardedStart));
    const auto parsed = proxy::ProxyProtocol::parse(backend.received.first());
    QCOMPARE(parsed.status, proxy::ProxyProtocol::Parsed::Status::Complete);
    QCOMPARE(parsed.header.sourcePort, client.socket.localPort());
    QVERIFY(parsed.header.sourceAddress.isEqual(QHostAddress::LocalHost, QHostAddress::ConvertV4MappedToIPv4));
    QCOMPARE(parsed.header.destinationPort, port);
    QVERIFY(parsed.header.destinationAddress.isEqual(QHostAddress::LocalHost, QHostAddress::ConvertV4MappedToIPv4));
    QVERIFY(backend.received.first().mid(parsed.consumed).startsWith(forwardedStart));
}

void TestProxyEngine::openTunnelSurvivesRouteRemoval()
{
    Backend backend("kept");
    QVERIFY(backend.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config.routes << forwardRoute(QStringLiteral("old"), port, { backend.port() });
    QVERIFY(apply(config));

    Client client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("before");
    QTRY_COMPARE(client.data, QByteArray("kept:before"));

    config.routes.clear();
    QVERIFY(apply(config));  // the listener closes; the tunnel must not
    QTcpSocket refused;
    refused.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!refused.waitForConnected(2000));

    client.socket.write("after");
    QTRY_COMPARE(client.data, QByteArray("kept:beforeafter"));
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
}

void TestProxyEngine::deadTargetIsSkipped()
{
    Backend live("live");
    QVERIFY(live.listen());
    const quint16 dead = freePort();  // nothing listens there
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route route = forwardRoute(QStringLiteral("lb"), port, { dead, live.port() });
    route.action.loadBalancing.maxFails = 1;
    config.routes << route;
    QVERIFY(apply(config));

    // Round robin would send every other connection to the dead target: each must
    // still reach the live one, by retry first and then because the dead one is skipped.
    for (int i = 0; i < 4; ++i) {
        Client client(port);
        QVERIFY(client.socket.waitForConnected(5000));
        client.socket.write("x");
        QTRY_COMPARE(client.data, QByteArray("live:x"));
    }
    QCOMPARE(live.received.size(), 4);
}

void TestProxyEngine::blockedClientNeverReachesTheBackend()
{
    Backend backend("blocked");
    QVERIFY(backend.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route route = forwardRoute(QStringLiteral("private"), port, { backend.port() });
    route.security.ipBlockList = { QStringLiteral("127.0.0.0/8") };
    config.routes << route;
    QVERIFY(apply(config));

    Client client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("let me in");
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(backend.received.isEmpty());
}

void TestProxyEngine::unknownSniWithoutFallbackIsClosed()
{
    Backend a("a");
    QVERIFY(a.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route route = forwardRoute(QStringLiteral("a"), port, { a.port() });
    route.match.domains = { QStringLiteral("a.test") };
    route.action.tls.mode = config::TlsMode::Passthrough;
    config.routes << route;
    QVERIFY(apply(config));

    Client client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write(test::opensslClientHello("other.test", {}));
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(a.received.isEmpty());
}

void TestProxyEngine::workersAcceptWithoutTheMainThread()
{
    if (!platform::hasWorkerEventDispatcher())
        QSKIP("the main thread accepts on this platform (Qt's own dispatcher in the workers)");
    // The main thread makes the request with blocking calls and runs no event loop
    // until the answer is in: the worker accepted and served the connection itself.
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config.routes << respondRoute(QStringLiteral("answer"), port, QStringLiteral("from a worker"));
    QVERIFY(apply(config));
    const QByteArray response = blockingGet(port);
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QVERIFY(response.endsWith("\r\n\r\nfrom a worker"));
}

void TestProxyEngine::removedListenerFreesItsPortAtOnce()
{
    // The workers stop watching the socket before PortManager closes it, so the port
    // is free the moment the apply returns, and a route on it again is served again.
    // Another port's listener, and a connection open on it, are not disturbed.
    Backend backend("kept");
    QVERIFY(backend.listen());
    const quint16 port = freePort(), keptPort = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config.routes << forwardRoute(QStringLiteral("kept"), keptPort, { backend.port() })
                  << respondRoute(QStringLiteral("answer"), port, QStringLiteral("one"));
    QVERIFY(apply(config));
    QVERIFY(blockingGet(port).endsWith("one"));
    Client open(keptPort);
    QVERIFY(open.socket.waitForConnected(5000));
    open.socket.write("before");
    QTRY_COMPARE(open.data, QByteArray("kept:before"));

    config::Config withoutAnswer = config;
    withoutAnswer.routes.removeLast();
    QVERIFY(apply(withoutAnswer));
    {
        QTcpServer other;
        QVERIFY2(other.listen(QHostAddress::LocalHost, port), qPrintable(other.errorString()));
    }
    open.socket.write("after");
    QTRY_COMPARE(open.data, QByteArray("kept:beforeafter"));
    Client fresh(keptPort);
    QVERIFY(fresh.socket.waitForConnected(5000));
    fresh.socket.write("new");
    QTRY_COMPARE(fresh.data, QByteArray("kept:new"));

    config.routes.last().action.respond.body = QStringLiteral("two");
    QVERIFY(apply(config));
    QVERIFY(blockingGet(port).endsWith("two"));
}

void TestProxyEngine::aBurstIsSharedByTheWorkers()
{
    if (!platform::hasWorkerEventDispatcher())
        QSKIP("the main thread accepts and picks the worker on this platform");
    // Worker 1 is busy (a task holds it) while 20 connections arrive: worker 0 is the
    // only one to accept them, and hands every other one to worker 1 instead of
    // keeping all 20.
    Backend backend("b");
    QVERIFY(backend.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config.routes << forwardRoute(QStringLiteral("burst"), port, { backend.port() });
    QVERIFY(apply(config));
    proxy::WorkerPool &pool = m_rig->engine().workers();
    QCOMPARE(pool.size(), 2);

    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    auto holding = std::make_shared<std::atomic<bool>>(false);
    pool.worker(1)->post([released, holding] {
        holding->store(true);
        released.wait();
    });
    QTRY_VERIFY(holding->load());

    constexpr int kClients = 20;
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<Client>(port));
        QVERIFY(clients.back()->socket.waitForConnected(5000));
        clients.back()->socket.write("ping");
    }
    // All accepted: each is worker 0's or waits in worker 1's queue, behind the hold.
    QTRY_COMPARE(pool.worker(0)->load() + pool.worker(1)->load(), kClients + 1);
    release.set_value();

    QTRY_COMPARE(backend.received.size(), kClients);
    for (const auto &client : clients)
        QTRY_VERIFY(client->data.startsWith("b:ping"));
    const int first = pool.worker(0)->activeConnections();
    const int second = pool.worker(1)->activeConnections();
    QCOMPARE(first + second, kClients);
    QVERIFY2(std::abs(first - second) <= 2, qPrintable(QStringLiteral("%1 and %2").arg(first).arg(second)));
}

QTEST_GUILESS_MAIN(TestProxyEngine)
#include "tst_proxyengine.moc"
