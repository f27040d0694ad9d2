// gatehoused as it runs in production: the real binary as a child process with
// a temporary config, state directory and control socket, driven through the
// control protocol with ControlClient (what gatehousectl and the GUI use).
#include "TestSupport.h"
#include "config/ConfigReader.h"
#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"
#include "control/ControlClient.h"
#include "control/ErrorCodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace gatehouse;
using gatehouse::test::freePort;

namespace {

QJsonObject routeJson(const QString &name, quint16 port)
{
    return QJsonObject { { QStringLiteral("name"), name },
                         { QStringLiteral("match"), QJsonObject { { QStringLiteral("ports"), int(port) } } },
                         { QStringLiteral("action"),
                           QJsonObject {
                               { QStringLiteral("type"), QStringLiteral("forward") },
                               { QStringLiteral("targets"),
                                 QJsonArray { QJsonObject { { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                                                            { QStringLiteral("port"), 9 } } } } } } };
}

QJsonObject configJson(const QJsonArray &routes)
{
    return QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                         { QStringLiteral("routes"), routes } };
}

}  // namespace

class TestService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstStartWritesTheDefault();
    void applyGetAndValidate();
    void staleRevisionChangesNothing();
    void strictApplyWithAHeldPortChangesNothing();
    void invalidReloadKeepsTheRunningConfig();
    void killDuringAppliesLeavesAWholeRevision();
    void invalidConfigAtStartIsReported();

private:
    // Starts gatehoused and waits for its sd_notify READY=1 (the test is its
    // service manager); false when it did not come up.
    bool startService()
    {
        m_process = test::startGatehoused({ QStringLiteral("--config"), m_configPath, QStringLiteral("--state-dir"),
                                            m_dir->filePath(QStringLiteral("state")), QStringLiteral("--control"),
                                            m_socketPath, QStringLiteral("--log-level"), QStringLiteral("warning") },
                                          m_dir->filePath(QStringLiteral("notify-%1").arg(++m_starts)));
        if (!m_process)
            return false;
        m_client = std::make_unique<control::ControlClient>();
        QSignalSpy connected(m_client.get(), &control::ControlClient::connected);
        m_client->connectToServer(m_socketPath);
        return connected.wait(5000);
    }

    control::ControlClient::Reply call(const QString &method, const QJsonValue &params = {})
    {
        std::optional<control::ControlClient::Reply> reply;
        m_client->call(method, params, this, [&reply](const control::ControlClient::Reply &r) { reply = r; });
        if (!QTest::qWaitFor([&reply] { return reply.has_value(); }, 10000))
            return control::ControlClient::Reply::failure(
                control::RpcError::internalError(QStringLiteral("no reply in 10 s")));
        return reply.value_or(
            control::ControlClient::Reply::failure(control::RpcError::internalError(QStringLiteral("no reply"))));
    }

    QByteArray fileContents()
    {
        QFile file(m_configPath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void writeFile(const QByteArray &bytes)
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_configPath;
    QString m_socketPath;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<control::ControlClient> m_client;
    int m_starts = 0;
};

void TestService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_configPath = m_dir->filePath(QStringLiteral("etc/config.json"));
    m_socketPath = m_dir->filePath(QStringLiteral("run/control.sock"));
}

void TestService::cleanup()
{
    m_client.reset();
    if (m_process && m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
    }
    m_process.reset();
}

void TestService::firstStartWritesTheDefault()
{
    QVERIFY(!QFile::exists(m_configPath));
    {
        QTcpServer probe;  // the default route's fixed port must be free for this test
        if (!probe.listen(QHostAddress::LocalHost, config::kDefaultWelcomePort))
            QSKIP("127.0.0.1:8080 is held by another program; the default route cannot bind it here");
    }
    QVERIFY(startService());
    const auto read = config::ConfigReader::read(fileContents());
    QVERIFY(read.diagnostics.isEmpty());
    QCOMPARE(read.config.routes.size(), 1);
    QCOMPARE(read.config.routes.first().name, QStringLiteral("welcome"));
    const auto status = call(QStringLiteral("status"));
    QVERIFY(status.ok());
    QCOMPARE(status.value().toObject().value(QStringLiteral("revision")).toInt(), 1);

    // What the README's run command shows: curl gets the welcome page.
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               { QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"),
                 QStringLiteral("http://127.0.0.1:8080/") });
    QVERIFY(curl.waitForFinished(15000));
    QCOMPARE(curl.exitCode(), 0);
    const QString page = QString::fromUtf8(curl.readAllStandardOutput());
    QVERIFY2(page.contains(QStringLiteral("Gatehouse is running")), qPrintable(page));
    QVERIFY(page.contains(m_configPath));

    // SIGTERM: a clean exit.
    m_process->terminate();
    QVERIFY(m_process->waitForFinished(10000));
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
}

void TestService::applyGetAndValidate()
{
    QVERIFY(startService());
    const quint16 port = freePort();
    const QJsonObject wanted = configJson({ routeJson(QStringLiteral("one"), port) });

    const auto validated
        = call(QStringLiteral("config.validate"), QJsonObject { { QStringLiteral("config"), wanted } });
    QVERIFY(validated.ok());
    QCOMPARE(validated.value()[QStringLiteral("valid")].toBool(), true);

    const auto applied
        = call(QStringLiteral("config.apply"),
               QJsonObject { { QStringLiteral("config"), wanted }, { QStringLiteral("baseRevision"), 1 } });
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QCOMPARE(applied.value()[QStringLiteral("revision")].toInt(), 2);

    const auto got = call(QStringLiteral("config.get"));
    QVERIFY(got.ok());
    QCOMPARE(got.value()[QStringLiteral("revision")].toInt(), 2);
    QCOMPARE(got.value()[QStringLiteral("config")].toObject(), wanted);
    QCOMPARE(QJsonDocument::fromJson(fileContents()).object(), wanted);

    // The port is really bound by the service.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(probe.waitForConnected(5000));

    const auto ports = call(QStringLiteral("ports.list"));
    QVERIFY(ports.ok());
    const QJsonObject listener = ports.value().toArray().first().toObject();
    QCOMPARE(listener[QStringLiteral("port")].toInt(), int(port));
    QCOMPARE(listener[QStringLiteral("state")].toString(), QStringLiteral("bound"));

    QJsonObject bad = wanted;
    bad.insert(QStringLiteral("routes"),
               QJsonArray { routeJson(QStringLiteral("one"), port), routeJson(QStringLiteral("one"), port) });
    const auto invalid = call(QStringLiteral("config.validate"), QJsonObject { { QStringLiteral("config"), bad } });
    QVERIFY(invalid.ok());
    QCOMPARE(invalid.value()[QStringLiteral("valid")].toBool(), false);
    QCOMPARE(invalid.value()[QStringLiteral("diagnostics")].toArray().first()[QStringLiteral("path")].toString(),
             QStringLiteral("routes[1].name"));
}

void TestService::staleRevisionChangesNothing()
{
    QVERIFY(startService());
    const QByteArray before = fileContents();
    const auto applied
        = call(QStringLiteral("config.apply"),
               QJsonObject { { QStringLiteral("config"), configJson({ routeJson(QStringLiteral("x"), freePort()) }) },
                             { QStringLiteral("baseRevision"), 7 } });
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, control::ErrorCode::RevisionConflict);
    QCOMPARE(applied.error().data[QStringLiteral("currentRevision")].toInt(), 1);
    QCOMPARE(fileContents(), before);
    QCOMPARE(call(QStringLiteral("status")).value()[QStringLiteral("revision")].toInt(), 1);
}

void TestService::strictApplyWithAHeldPortChangesNothing()
{
    QVERIFY(startService());
    const quint16 free = freePort();
    QVERIFY(call(QStringLiteral("config.apply"),
                 QJsonObject { { QStringLiteral("config"), configJson({ routeJson(QStringLiteral("a"), free) }) } })
                .ok());
    const QByteArray before = fileContents();

    QTcpServer holder;  // another process would do the same; this test process is "another process" to gatehoused
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const auto applied = call(
        QStringLiteral("config.apply"),
        QJsonObject { { QStringLiteral("config"), configJson({ routeJson(QStringLiteral("b"), holder.serverPort()) }) },
                      { QStringLiteral("strict"), true } });
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, control::ErrorCode::BindFailed);
    QCOMPARE(fileContents(), before);
    QCOMPARE(call(QStringLiteral("status")).value()[QStringLiteral("revision")].toInt(), 2);
    // The old listener is still there and still the only one.
    const QJsonArray ports = call(QStringLiteral("ports.list")).value().toArray();
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports.first()[QStringLiteral("port")].toInt(), int(free));
    QCOMPARE(ports.first()[QStringLiteral("state")].toString(), QStringLiteral("bound"));
}

void TestService::invalidReloadKeepsTheRunningConfig()
{
    QVERIFY(startService());
    QSignalSpy events(m_client.get(), &control::ControlClient::eventReceived);
    std::optional<control::ControlClient::Reply> subscribed;
    m_client->subscribeEvents(this, [&subscribed](const control::ControlClient::Reply &r) { subscribed = r; });
    QTRY_VERIFY(subscribed.has_value());

    writeFile(R"({"routes": [{"name": "broken", "match": {"ports": 0}}]})");
    QCOMPARE(::kill(pid_t(m_process->processId()), SIGHUP), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 10000);
    const QJsonObject event = events.first().first().toJsonObject();
    QCOMPARE(event[QStringLiteral("type")].toString(), QStringLiteral("error"));
    QCOMPARE(event[QStringLiteral("source")].toString(), QStringLiteral("reload"));
    QCOMPARE(event[QStringLiteral("diagnostics")].toArray().first()[QStringLiteral("path")].toString(),
             QStringLiteral("routes[0].match.ports"));
    const auto status = call(QStringLiteral("status"));
    QCOMPARE(status.value()[QStringLiteral("revision")].toInt(), 1);
    QCOMPARE(call(QStringLiteral("config.get"))
                 .value()[QStringLiteral("config")][QStringLiteral("routes")][0][QStringLiteral("name")]
                 .toString(),
             QStringLiteral("welcome"));

    // A valid file then reloads: revision 2.
    writeFile(config::ConfigWriter::write(config::Config()));
    QCOMPARE(call(QStringLiteral("reload")).ok(), true);
    QCOMPARE(call(QStringLiteral("status")).value()[QStringLiteral("revision")].toInt(), 2);
}

void TestService::killDuringAppliesLeavesAWholeRevision()
{
    QVERIFY(startService());
    QList<QJsonObject> applied;
    std::atomic<int> answered = 0;
    // 200 applies in flight; kill -9 while they are being written.
    for (int i = 0; i < 200; ++i) {
        const QJsonObject config = configJson({ routeJson(QStringLiteral("r%1").arg(i), quint16(40000 + i)) });
        applied << config;
        m_client->call(QStringLiteral("config.apply"), QJsonObject { { QStringLiteral("config"), config } }, this,
                       [&answered](const control::ControlClient::Reply &) { ++answered; });
    }
    QTRY_VERIFY_WITH_TIMEOUT(answered >= 50, 20000);
    ::kill(pid_t(m_process->processId()), SIGKILL);
    QVERIFY(m_process->waitForFinished(5000));

    const QJsonObject onDisk = QJsonDocument::fromJson(fileContents()).object();
    QVERIFY2(applied.contains(onDisk), fileContents().constData());
    // And the service starts again on it.
    m_client.reset();
    QVERIFY(startService());
    QCOMPARE(call(QStringLiteral("config.get")).value()[QStringLiteral("config")].toObject(), onDisk);
}

void TestService::invalidConfigAtStartIsReported()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_configPath).absolutePath()));
    writeFile(R"({"routes": [{"name": "a", "match": {"ports": 80}, "action": {"type": "forward"}}]})");
    QProcess process;
    process.start(test::binaryPath(QStringLiteral("gatehoused")),
                  { QStringLiteral("--config"), m_configPath, QStringLiteral("--control"), m_socketPath });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 1);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("routes[0].action.targets")), qPrintable(err));
    QVERIFY(!QFile::exists(m_socketPath));
}

QTEST_GUILESS_MAIN(TestService)
#include "tst_service.moc"
