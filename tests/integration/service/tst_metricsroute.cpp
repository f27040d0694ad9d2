// A metrics route in the real gatehoused: requests go through a forward route
// to a backend in this process (curl and a raw keep-alive socket as clients),
// then the metrics route is scraped with curl and read with a strict parser of
// the exposition format. Counts, status classes and bytes must match exactly
// what the clients saw; the listener of a port this process holds shows its
// conflict; a route that leaves the config leaves the metrics.
#include "PrometheusText.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace gatehouse;
using gatehouse::test::PrometheusText;

namespace {

// An HTTP/1.1 backend: /missing is 404, anything else 200 "hello"; keep-alive.
class Backend : public QObject
{
public:
    Backend()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

private:
    static void answer(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("in").toByteArray() + socket->readAll();
        for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4);  // the test's requests have no bodies
            const bool missing = head.startsWith("GET /missing ");
            const QByteArray body = missing ? QByteArray("not here\n") : QByteArray("hello\n");
            socket->write((missing ? "HTTP/1.1 404 Not Found\r\n" : "HTTP/1.1 200 OK\r\n")
                          + QByteArray("Content-Type: text/plain\r\nContent-Length: ") + QByteArray::number(body.size())
                          + "\r\n\r\n" + body);
        }
        socket->setProperty("in", buffer);
    }

    QTcpServer m_server;
};

struct CurlResult
{
    int exitCode = -1;
    QByteArray output;
};

// curl with the event loop running (the backend lives on this thread).
CurlResult curl(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy done(&process, &QProcess::finished);
    process.start(QStringLiteral("curl"),
                  QStringList { QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("20") }
                      + arguments);
    CurlResult result;
    if (!done.wait(30000)) {
        process.kill();
        process.waitForFinished(1000);
        return result;
    }
    result.exitCode = process.exitCode();
    result.output = process.readAllStandardOutput();
    if (result.exitCode != 0)
        qWarning("curl %s: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
    return result;
}

QJsonObject route(const QString &name, quint16 port, QJsonObject action, const QJsonObject &extra = {})
{
    QJsonObject object { { QStringLiteral("name"), name },
                         { QStringLiteral("match"), QJsonObject { { QStringLiteral("ports"), int(port) } } },
                         { QStringLiteral("action"), action } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject forwardTo(quint16 port)
{
    return { { QStringLiteral("type"), QStringLiteral("forward") },
             { QStringLiteral("targets"),
               QJsonArray { QJsonObject { { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                                          { QStringLiteral("port"), int(port) } } } } };
}

QMap<QString, QString> routeLabel(const char *name)
{
    return { { QStringLiteral("route"), QString::fromLatin1(name) } };
}

}  // namespace

class TestMetricsRoute : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void countsWhatClientsSaw();
    void tunnelsCountBytesAtClose();
    void answersOnlyGetAndHead();
    void allowListRefusesOthers();
    void showsListenerStates();
    void removedRouteLeavesTheMetrics();

private:
    QByteArray configJson(bool withSite) const
    {
        QJsonArray routes;
        if (withSite) {
            // With a path the route needs HTTP, so the port is served as HTTP (requests are counted).
            QJsonObject site = route(QStringLiteral("site"), m_sitePort, forwardTo(m_backend.port()));
            site.insert(QStringLiteral("match"),
                        QJsonObject { { QStringLiteral("ports"), int(m_sitePort) },
                                      { QStringLiteral("path"), QStringLiteral("/*") } });
            routes.append(site);
        }
        // Port and client only: a TCP tunnel.
        routes.append(route(QStringLiteral("tcp"), m_tcpPort, forwardTo(m_backend.port())));
        const QJsonObject metrics { { QStringLiteral("type"), QStringLiteral("metrics") } };
        QJsonObject scrape = route(
            QStringLiteral("scrape"), m_metricsPort, metrics,
            { { QStringLiteral("security"),
                QJsonObject { { QStringLiteral("ipAllowList"), QJsonArray { QStringLiteral("127.0.0.1") } } } } });
        QJsonObject scrapeMatch = scrape.value(QStringLiteral("match")).toObject();
        scrapeMatch.insert(QStringLiteral("path"), QStringLiteral("/metrics"));
        scrape.insert(QStringLiteral("match"), scrapeMatch);
        routes.append(scrape);
        QJsonObject closed = route(
            QStringLiteral("closed"), m_metricsPort, metrics,
            { { QStringLiteral("security"),
                QJsonObject { { QStringLiteral("ipAllowList"), QJsonArray { QStringLiteral("10.0.0.0/8") } } } } });
        QJsonObject closedMatch = closed.value(QStringLiteral("match")).toObject();
        closedMatch.insert(QStringLiteral("path"), QStringLiteral("/closed"));
        closed.insert(QStringLiteral("match"), closedMatch);
        routes.append(closed);
        routes.append(route(QStringLiteral("held"), m_holder.serverPort(), forwardTo(m_backend.port())));
        return QJsonDocument(QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                                           { QStringLiteral("routes"), routes } })
            .toJson();
    }

    bool writeConfig(bool withSite)
    {
        QFile file(m_configPath);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(configJson(withSite)) > 0;
    }

    QString metricsUrl(const char *path = "/metrics") const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_metricsPort).arg(QString::fromLatin1(path));
    }

    PrometheusText scrape()
    {
        const CurlResult result = curl({ metricsUrl() });
        PrometheusText parsed = PrometheusText::parse(result.output);
        if (result.exitCode != 0)
            parsed.error = QStringLiteral("curl failed");
        if (!parsed.error.isEmpty())
            qWarning("metrics: %s\n%s", qPrintable(parsed.error), result.output.constData());
        return parsed;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_configPath;
    Backend m_backend;
    QTcpServer m_holder;  // holds a port a route wants: another process, to gatehoused
    quint16 m_sitePort = 0;
    quint16 m_metricsPort = 0;
    quint16 m_tcpPort = 0;
    std::unique_ptr<QProcess> m_process;
};

void TestMetricsRoute::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(m_backend.listen());
    QVERIFY(m_holder.listen(QHostAddress::LocalHost, 0));
    const QList<quint16> ports = test::freePorts(3);
    m_sitePort = ports[0];
    m_metricsPort = ports[1];
    m_tcpPort = ports[2];
    m_configPath = m_dir->filePath(QStringLiteral("config.json"));
    QVERIFY(writeConfig(true));
    m_process = test::startGatehoused({ QStringLiteral("--config"), m_configPath, QStringLiteral("--state-dir"),
                                        m_dir->filePath(QStringLiteral("state")), QStringLiteral("--log-level"),
                                        QStringLiteral("warning") },
                                      m_dir->filePath(QStringLiteral("notify")));
    QVERIFY(m_process);
}

void TestMetricsRoute::cleanupTestCase()
{
    if (m_process && m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
    }
}

void TestMetricsRoute::countsWhatClientsSaw()
{
    PrometheusText before = scrape();
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    QCOMPARE(before.number(QStringLiteral("gatehouse_connections_total"), routeLabel("site")), 0.0);

    // 3x 200 and 2x 404 through the forward route, one connection each.
    quint64 sent = 0;
    quint64 received = 0;
    for (const char *path : { "/a", "/missing", "/b", "/missing", "/c" }) {
        const CurlResult result
            = curl({ QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                     QStringLiteral("%{http_code} %{size_request} %{size_header} %{size_download}"),
                     QStringLiteral("http://127.0.0.1:%1%2").arg(m_sitePort).arg(QString::fromLatin1(path)) });
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> fields = result.output.split(' ');
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields[0], QByteArray(qstrcmp(path, "/missing") == 0 ? "404" : "200"));
        sent += fields[1].toULongLong();
        received += fields[2].toULongLong() + fields[3].toULongLong();
    }

    // One more request on a connection that stays open.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sitePort);
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray request = "GET /kept HTTP/1.1\r\nHost: kept.test\r\n\r\n";
    socket.write(request);
    sent += quint64(request.size());
    QByteArray response;
    QTRY_VERIFY_WITH_TIMEOUT((response += socket.readAll()).endsWith("hello\n"), 10000);
    received += quint64(response.size());
    QVERIFY(response.startsWith("HTTP/1.1 200 "));

    // The curl connections are closed, the socket's is not.
    PrometheusText metrics;
    QTRY_VERIFY_WITH_TIMEOUT(
        (metrics = scrape()).value(QStringLiteral("gatehouse_connections_active"), routeLabel("site")) == 1.0, 10000);
    QVERIFY2(metrics.error.isEmpty(), qPrintable(metrics.error));
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_connections_total"), routeLabel("site")), 6.0);
    const auto requests = [&metrics](const char *code) {
        QMap<QString, QString> labels = routeLabel("site");
        labels.insert(QStringLiteral("code"), QString::fromLatin1(code));
        return metrics.number(QStringLiteral("gatehouse_requests_total"), labels);
    };
    QCOMPARE(requests("2xx"), 4.0);
    QCOMPARE(requests("4xx"), 2.0);
    QCOMPARE(requests("3xx"), 0.0);
    QCOMPARE(requests("5xx"), 0.0);
    QVERIFY(sent > 0 && received > 0);
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_bytes_received_total"), routeLabel("site")), double(sent));
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_bytes_sent_total"), routeLabel("site")), double(received));
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_config_revision")), 1.0);
    QCOMPARE(metrics.find(QStringLiteral("gatehouse_build_info")).size(), 1);

    // Every client connection is one worker thread's. Open now: the kept socket and
    // the scrape's own connection; taken since the last scrape: that scrape's.
    const auto overWorkers = [](const PrometheusText &text, const char *family) {
        double sum = 0;
        for (const PrometheusText::Sample &sample : text.find(QString::fromLatin1(family)))
            sum += sample.value;
        return sum;
    };
    const PrometheusText next = scrape();
    QVERIFY2(next.error.isEmpty(), qPrintable(next.error));
    QCOMPARE(next.find(QStringLiteral("gatehouse_worker_connections_total")).size(), QThread::idealThreadCount());
    QCOMPARE(overWorkers(next, "gatehouse_worker_connections_active"), 2.0);
    QCOMPARE(overWorkers(next, "gatehouse_worker_connections_total")
                 - overWorkers(metrics, "gatehouse_worker_connections_total"),
             1.0);
    QVERIFY(overWorkers(next, "gatehouse_worker_connections_total") >= 8.0);  // 6 on the site, 2 scrapes

    // The scrapes count on the metrics route itself.
    QVERIFY(metrics
                .value(QStringLiteral("gatehouse_requests_total"),
                       { { QStringLiteral("route"), QStringLiteral("scrape") },
                         { QStringLiteral("code"), QStringLiteral("2xx") } })
                .value_or(0)
            >= 1.0);

    socket.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(scrape().value(QStringLiteral("gatehouse_connections_active"), routeLabel("site")) == 0.0,
                             10000);
}

void TestMetricsRoute::tunnelsCountBytesAtClose()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_tcpPort);
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray request = "GET /through HTTP/1.1\r\nHost: tunnel.test\r\n\r\n";
    socket.write(request);
    QByteArray response;
    QTRY_VERIFY_WITH_TIMEOUT((response += socket.readAll()).endsWith("hello\n"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(scrape().number(QStringLiteral("gatehouse_connections_active"), routeLabel("tcp")), 1.0,
                              10000);
    socket.disconnectFromHost();

    PrometheusText metrics;
    QTRY_VERIFY_WITH_TIMEOUT(
        (metrics = scrape()).value(QStringLiteral("gatehouse_connections_active"), routeLabel("tcp")) == 0.0, 10000);
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_connections_total"), routeLabel("tcp")), 1.0);
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_bytes_received_total"), routeLabel("tcp")),
             double(request.size()));
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_bytes_sent_total"), routeLabel("tcp")), double(response.size()));
    // A tunnel does not see requests.
    for (const QString &code : { QStringLiteral("2xx"), QStringLiteral("4xx") })
        QCOMPARE(
            metrics.number(QStringLiteral("gatehouse_requests_total"),
                           { { QStringLiteral("route"), QStringLiteral("tcp") }, { QStringLiteral("code"), code } }),
            0.0);
}

void TestMetricsRoute::answersOnlyGetAndHead()
{
    const CurlResult post
        = curl({ QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-D"), QStringLiteral("-"),
                 QStringLiteral("-o"), QStringLiteral("/dev/null"), metricsUrl() });
    QCOMPARE(post.exitCode, 0);
    QVERIFY2(post.output.startsWith("HTTP/1.1 405 "), post.output.constData());
    QVERIFY2(post.output.contains("\r\nAllow: GET, HEAD\r\n"), post.output.constData());

    const CurlResult head = curl({ QStringLiteral("-I"), metricsUrl() });
    QCOMPARE(head.exitCode, 0);
    QVERIFY2(head.output.startsWith("HTTP/1.1 200 "), head.output.constData());
    QVERIFY2(head.output.contains("\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"),
             head.output.constData());
}

void TestMetricsRoute::allowListRefusesOthers()
{
    const CurlResult closed = curl({ QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                     QStringLiteral("%{http_code}"), metricsUrl("/closed") });
    QCOMPARE(closed.exitCode, 0);
    QCOMPARE(closed.output, QByteArray("403"));
}

void TestMetricsRoute::showsListenerStates()
{
    const PrometheusText metrics = scrape();
    QVERIFY2(metrics.error.isEmpty(), qPrintable(metrics.error));
    const auto up = [&metrics](quint16 port, const char *state) {
        return metrics.number(QStringLiteral("gatehouse_listener_up"),
                              { { QStringLiteral("address"), QStringLiteral("127.0.0.1") },
                                { QStringLiteral("port"), QString::number(port) },
                                { QStringLiteral("state"), QString::fromLatin1(state) } });
    };
    QCOMPARE(up(m_sitePort, "bound"), 1.0);
    QCOMPARE(up(m_metricsPort, "bound"), 1.0);
    QCOMPARE(up(m_tcpPort, "bound"), 1.0);
    QCOMPARE(up(m_holder.serverPort(), "conflict"), 0.0);
    QCOMPARE(metrics.find(QStringLiteral("gatehouse_listener_up")).size(), 4);
}

void TestMetricsRoute::removedRouteLeavesTheMetrics()
{
    QVERIFY(writeConfig(false));
    QCOMPARE(::kill(pid_t(m_process->processId()), SIGHUP), 0);
    PrometheusText metrics;
    QTRY_VERIFY_WITH_TIMEOUT((metrics = scrape()).value(QStringLiteral("gatehouse_config_revision")) == 2.0, 10000);
    QVERIFY(metrics.find(QStringLiteral("gatehouse_connections_total"), routeLabel("site")).isEmpty());
    QCOMPARE(metrics.number(QStringLiteral("gatehouse_connections_total"), routeLabel("held")), 0.0);
    // Its port is released with it.
    QVERIFY(
        metrics
            .find(QStringLiteral("gatehouse_listener_up"), { { QStringLiteral("port"), QString::number(m_sitePort) } })
            .isEmpty());
}

QTEST_GUILESS_MAIN(TestMetricsRoute)
#include "tst_metricsroute.moc"
