// A backend that goes down and comes back, again and again, on the same port,
// behind the real gatehoused (an HTTP route, so the proxy answers for a target
// it cannot reach): while it flaps every request gets either the backend's 200
// or a clean 502 from the proxy, never a reset or a half response, and the
// service stays up; once the backend stays up, every request succeeds again
// (stale pooled upstream connections and the passive health marks recover).
// With a second, steady target, no request fails at all, and passive health
// skips the flapping target while it is marked down and takes it back after.
#include "StressSupport.h"

#include <QTcpServer>
#include <QTimer>

using namespace gatehouse;
using namespace gatehouse::stress;

namespace {

constexpr int kFlapMs = 150;  // up this long, then down as long
constexpr int kFlapRounds = 20;
constexpr int kSteadyRequests = 100;

// An HTTP/1.1 backend in this process that answers every request with 200 and
// keeps connections alive. down() closes the listener and aborts every open
// connection, as a crashed process would; up() listens on the same port again.
class FlappingBackend
{
public:
    bool up()
    {
        if (m_server.isListening())
            return true;
        return m_server.listen(QHostAddress::LocalHost, m_port);
    }

    void down()
    {
        m_server.close();
        for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>()) {
            socket->abort();
            socket->deleteLater();
        }
    }

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(&m_server);
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
                    qsizetype end = 0;
                    while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
                        buffer.remove(0, end + 4);
                        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nup\n");
                        ++m_served;
                    }
                    socket->setProperty("buffer", buffer);
                });
            }
        });
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            return false;
        m_port = m_server.serverPort();
        return true;
    }

    quint16 port() const { return m_port; }
    int served() const { return m_served; }

private:
    QTcpServer m_server;
    quint16 m_port = 0;
    int m_served = 0;
};

}  // namespace

class TestFlappingBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void okOrCleanBadGateway();
    void markedDownTargetReturns();
};

void TestFlappingBackend::okOrCleanBadGateway()
{
    FlappingBackend backend;
    QVERIFY(backend.start());
    const quint16 port = test::freePort();
    QJsonObject route = forwardRoute(QStringLiteral("flappy"), port, backend.port(), QStringLiteral("/*"));
    QJsonObject action = route.value(QStringLiteral("action")).toObject();
    action.insert(QStringLiteral("loadBalancing"),
                  QJsonObject { { QStringLiteral("maxFails"), 2 }, { QStringLiteral("failTimeout"), 1 } });
    route.insert(QStringLiteral("action"), action);
    ServiceProcess service;
    QVERIFY(service.writeConfig(configJson({ route })));
    QVERIFY(service.start());
    QCOMPARE(httpGet(port).status, 200);

    // Flap on a timer while requests go one after the other.
    int flips = 0;
    bool isUp = true;
    QTimer flapper;
    flapper.setInterval(kFlapMs);
    QObject::connect(&flapper, &QTimer::timeout, &flapper, [&] {
        if (isUp)
            backend.down();
        else
            QVERIFY(backend.up());
        isUp = !isUp;
        if (++flips == 2 * kFlapRounds) {
            flapper.stop();
            QVERIFY(backend.up());
            isUp = true;
        }
    });
    flapper.start();
    int ok = 0;
    int badGateway = 0;
    QStringList failures;
    while (flapper.isActive()) {
        const HttpResult result = httpGet(port);
        if (result.status == 200)
            ++ok;
        else if (result.status == 502)
            ++badGateway;
        else
            failures << QStringLiteral("status %1: %2").arg(result.status).arg(result.error);
        QVERIFY2(service.running(), "gatehoused died while the backend flapped");
    }
    qInfo("while flapping: %d ok, %d bad gateway, %d other", ok, badGateway, int(failures.size()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QVERIFY2(ok > 0 && badGateway > 0, "the flapping was not seen: both answers are expected");

    // Steadily up now: every request succeeds.
    for (int i = 0; i < kSteadyRequests; ++i) {
        const HttpResult result = httpGet(port);
        QVERIFY2(result.status == 200,
                 qPrintable(QStringLiteral("request %1 after the backend came back: status %2 %3")
                                .arg(i)
                                .arg(result.status)
                                .arg(result.error)));
    }
    QVERIFY(service.running());
}

// Two targets, one flapping: requests go on succeeding (a failed connect is
// retried on the other target), the flapping one is marked down and skipped,
// and once it stays up it gets requests again after failTimeout.
void TestFlappingBackend::markedDownTargetReturns()
{
    FlappingBackend flapping;
    FlappingBackend steady;
    QVERIFY(flapping.start());
    QVERIFY(steady.start());
    const quint16 port = test::freePort();
    QJsonObject route = forwardRoute(QStringLiteral("pair"), port, flapping.port(), QStringLiteral("/*"));
    QJsonObject action = route.value(QStringLiteral("action")).toObject();
    QJsonArray targets = action.value(QStringLiteral("targets")).toArray();
    targets.append(QJsonObject { { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                                 { QStringLiteral("port"), int(steady.port()) } });
    action.insert(QStringLiteral("targets"), targets);
    action.insert(QStringLiteral("loadBalancing"),
                  QJsonObject { { QStringLiteral("maxFails"), 1 }, { QStringLiteral("failTimeout"), 1 } });
    route.insert(QStringLiteral("action"), action);
    ServiceProcess service;
    QVERIFY(service.writeConfig(configJson({ route })));
    QVERIFY(service.start());

    for (int round = 0; round < kFlapRounds / 2; ++round) {
        flapping.down();
        for (int i = 0; i < 5; ++i) {
            const HttpResult result = httpGet(port);
            QVERIFY2(result.status == 200,
                     qPrintable(QStringLiteral("one target down: status %1 %2").arg(result.status).arg(result.error)));
        }
        QVERIFY(flapping.up());
        for (int i = 0; i < 5; ++i) {
            const HttpResult result = httpGet(port);
            QVERIFY2(result.status == 200,
                     qPrintable(QStringLiteral("both up: status %1 %2").arg(result.status).arg(result.error)));
        }
    }
    // Down once more, so the next request marks it down for failTimeout (1 s)...
    flapping.down();
    QCOMPARE(httpGet(port).status, 200);
    QVERIFY(flapping.up());
    // ...up again at once, but skipped until then: the next requests (a few
    // milliseconds) all go to the steady one...
    const int before = flapping.served();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(httpGet(port).status, 200);
    QCOMPARE(flapping.served(), before);
    // ...and after it, the target that came back is used again.
    QElapsedTimer waited;
    waited.start();
    while (flapping.served() == before && waited.elapsed() < 10000) {
        const HttpResult result = httpGet(port);
        QVERIFY2(result.status == 200, qPrintable(result.error));
    }
    QVERIFY2(flapping.served() > before, "the target that came back got no request within 10 s");
    QVERIFY(service.running());
}

QTEST_GUILESS_MAIN(TestFlappingBackend)
#include "tst_flappingbackend.moc"
