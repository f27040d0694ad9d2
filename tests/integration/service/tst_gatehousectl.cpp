// gatehousectl as people and scripts run it: the real binary against the real
// gatehoused (a child process with a temporary config, state directory and
// control socket), checking its output and exit codes.
#include "TestSupport.h"
#include "control/ErrorCodes.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

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

// What the OS calls this process (/proc/PID/comm, 15 characters at most): the
// name gatehoused reports for a port holder.
QString ownProcessName()
{
    QFile comm(QStringLiteral("/proc/self/comm"));
    return comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll().trimmed()) : QString();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

}  // namespace

class TestGatehousectl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void helpListsEveryCommand();
    void usageErrors_data();
    void usageErrors();
    void statusTableAndJson();
    void validateGoodAndBad();
    void applyThenRoutesAndPorts();
    void staleBaseRevisionIsRefused();
    void strictApplyNamesTheHolder();
    void portsShowsConflictsFirst();
    void eventsFollowAnApply_data();
    void eventsFollowAnApply();
    void serviceNotRunning();
    void permissionDeniedNamesTheGroup_data();
    void permissionDeniedNamesTheGroup();
    void reloadReportsAnInvalidFile();
    void certsWithoutAutomaticRoutes();

private:
    bool startService()
    {
        m_service = test::startGatehoused(
            { QStringLiteral("--config"), m_dir->filePath(QStringLiteral("etc/config.json")),
              QStringLiteral("--state-dir"), m_dir->filePath(QStringLiteral("state")), QStringLiteral("--control"),
              m_socketPath, QStringLiteral("--log-level"), QStringLiteral("warning") },
            m_dir->filePath(QStringLiteral("notify")));
        return m_service != nullptr;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(bytes);
        return path;
    }

    QString writeConfig(const QString &name, const QJsonObject &config)
    {
        return writeFile(name, QJsonDocument(config).toJson());
    }

    // Runs gatehousectl against this test's socket; the event loop keeps
    // running meanwhile. prefix: a program to run it under (setpriv).
    Run ctl(const QStringList &arguments, const QStringList &prefix = {})
    {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        const QStringList args = QStringList { QStringLiteral("--control"), m_socketPath } + arguments;
        if (prefix.isEmpty())
            process.start(test::binaryPath(QStringLiteral("gatehousectl")), args);
        else
            process.start(prefix.first(),
                          prefix.mid(1) + QStringList { test::binaryPath(QStringLiteral("gatehousectl")) } + args);
        Run run;
        if (!finished.wait(30000)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("gatehousectl did not finish");
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_socketPath;
    std::unique_ptr<QProcess> m_service;
};

void TestGatehousectl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_socketPath = m_dir->filePath(QStringLiteral("run/control.sock"));
}

void TestGatehousectl::cleanup()
{
    if (m_service && m_service->state() == QProcess::Running) {
        m_service->terminate();
        if (!m_service->waitForFinished(10000))
            m_service->kill();
    }
    m_service.reset();
}

void TestGatehousectl::helpListsEveryCommand()
{
    const Run run = ctl({ QStringLiteral("--help") });
    QCOMPARE(run.exitCode, 0);
    for (const char *command : { "status", "validate FILE", "apply FILE", "routes", "ports", "certs", "renew DOMAIN",
                                 "reload", "events", "--json", "--strict", "--base-revision", "--control" })
        QVERIFY2(run.out.contains(QLatin1String(command)), command);
}

void TestGatehousectl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("no command") << QStringList {} << QStringLiteral("no command");
    QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") }
                                     << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("validate without FILE") << QStringList { QStringLiteral("validate") } << QStringLiteral("FILE");
    QTest::newRow("renew without DOMAIN") << QStringList { QStringLiteral("renew") } << QStringLiteral("DOMAIN");
    QTest::newRow("extra argument") << QStringList { QStringLiteral("status"), QStringLiteral("now") }
                                    << QStringLiteral("'now'");
    QTest::newRow("--strict elsewhere") << QStringList { QStringLiteral("ports"), QStringLiteral("--strict") }
                                        << QStringLiteral("--strict");
    QTest::newRow("bad revision") << QStringList { QStringLiteral("apply"), QStringLiteral("x.json"),
                                                   QStringLiteral("--base-revision"), QStringLiteral("two") }
                                  << QStringLiteral("'two'");
    QTest::newRow("unknown option") << QStringList { QStringLiteral("status"), QStringLiteral("--fast") }
                                    << QStringLiteral("fast");
}

void TestGatehousectl::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const Run run = ctl(arguments);
    QCOMPARE(run.exitCode, 64);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestGatehousectl::statusTableAndJson()
{
    QVERIFY(startService());
    const Run table = ctl({ QStringLiteral("status") });
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(
        table.out.contains(QRegularExpression(QStringLiteral("^Revision +1$"), QRegularExpression::MultilineOption)),
        qPrintable(table.out));
    QVERIFY2(table.out.contains(m_socketPath), qPrintable(table.out));
    QVERIFY2(table.out.contains(QStringLiteral("1 bound")), qPrintable(table.out));  // the welcome route

    const Run json = ctl({ QStringLiteral("status"), QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 0);
    const QJsonObject status = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(status.value(QStringLiteral("revision")).toInt(), 1);
    QCOMPARE(status.value(QStringLiteral("routes")).toInt(), 1);
    QVERIFY(!status.value(QStringLiteral("version")).toString().isEmpty());
}

void TestGatehousectl::validateGoodAndBad()
{
    QVERIFY(startService());
    const quint16 port = freePort();
    const QString good = writeConfig(QStringLiteral("good.json"), configJson({ routeJson(QStringLiteral("a"), port) }));
    const Run valid = ctl({ QStringLiteral("validate"), good });
    QCOMPARE(valid.exitCode, 0);
    QVERIFY2(valid.out.contains(good + QStringLiteral(": valid")), qPrintable(valid.all()));

    const QString bad
        = writeConfig(QStringLiteral("bad.json"),
                      configJson({ routeJson(QStringLiteral("a"), port), routeJson(QStringLiteral("a"), port) }));
    const Run invalid = ctl({ QStringLiteral("validate"), bad });
    QCOMPARE(invalid.exitCode, 1);
    QVERIFY2(invalid.err.contains(bad + QStringLiteral(": error: routes[1].name: ")), qPrintable(invalid.all()));

    const Run invalidJson = ctl({ QStringLiteral("validate"), bad, QStringLiteral("--json") });
    QCOMPARE(invalidJson.exitCode, 1);
    const QJsonObject result = QJsonDocument::fromJson(invalidJson.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("valid")).toBool(true), false);
    QCOMPARE(result[QStringLiteral("diagnostics")][0][QStringLiteral("path")].toString(),
             QStringLiteral("routes[1].name"));

    // A syntax error is found here, with line and column, before anything is sent.
    const QString broken = writeFile(QStringLiteral("broken.json"), "{\n  \"routes\": [\n    {\"name\": }\n");
    const Run syntax = ctl({ QStringLiteral("validate"), broken });
    QCOMPARE(syntax.exitCode, 1);
    QVERIFY2(syntax.err.contains(
                 QRegularExpression(QRegularExpression::escape(broken) + QStringLiteral(":3:\\d+: error: "))),
             qPrintable(syntax.all()));

    const Run missing = ctl({ QStringLiteral("validate"), m_dir->filePath(QStringLiteral("nope.json")) });
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("nope.json: error:")), qPrintable(missing.all()));
}

void TestGatehousectl::applyThenRoutesAndPorts()
{
    QVERIFY(startService());
    const quint16 port = freePort();
    const QString file
        = writeConfig(QStringLiteral("web.json"), configJson({ routeJson(QStringLiteral("web"), port) }));
    const QString listener = QStringLiteral("127.0.0.1:%1").arg(port);

    const Run applied = ctl({ QStringLiteral("apply"), file, QStringLiteral("--base-revision"), QStringLiteral("1") });
    QCOMPARE(applied.exitCode, 0);
    QVERIFY2(applied.out.contains(QStringLiteral("revision 2")), qPrintable(applied.all()));
    QVERIFY2(applied.out.contains(QRegularExpression(QStringLiteral("^bound +") + QRegularExpression::escape(listener)
                                                         + QStringLiteral(" +web"),
                                                     QRegularExpression::MultilineOption)),
             qPrintable(applied.out));

    const Run routes = ctl({ QStringLiteral("routes") });
    QCOMPARE(routes.exitCode, 0);
    QVERIFY2(
        routes.out.contains(QRegularExpression(QStringLiteral("^web +%1 +\\* +\\* +forward to 127.0.0.1:9$").arg(port),
                                               QRegularExpression::MultilineOption)),
        qPrintable(routes.out));
    QVERIFY(!routes.out.contains(QStringLiteral("welcome")));

    const Run ports = ctl({ QStringLiteral("ports") });
    QCOMPARE(ports.exitCode, 0);
    QVERIFY2(ports.out.contains(listener) && ports.out.contains(QStringLiteral("bound")), qPrintable(ports.out));

    const Run json = ctl({ QStringLiteral("ports"), QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0][QStringLiteral("port")].toInt(), int(port));
    QCOMPARE(list[0][QStringLiteral("state")].toString(), QStringLiteral("bound"));
}

void TestGatehousectl::staleBaseRevisionIsRefused()
{
    QVERIFY(startService());
    const QString file
        = writeConfig(QStringLiteral("x.json"), configJson({ routeJson(QStringLiteral("x"), freePort()) }));
    const Run stale = ctl({ QStringLiteral("apply"), file, QStringLiteral("--base-revision"), QStringLiteral("7") });
    QCOMPARE(stale.exitCode, 1);
    QVERIFY2(stale.err.contains(QStringLiteral("revision conflict"))
                 && stale.err.contains(QStringLiteral("revision 1")),
             qPrintable(stale.all()));

    const Run json = ctl({ QStringLiteral("apply"), file, QStringLiteral("--base-revision"), QStringLiteral("7"),
                           QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(error.value(QStringLiteral("code")).toInt(), control::ErrorCode::RevisionConflict);
    QCOMPARE(error[QStringLiteral("data")][QStringLiteral("currentRevision")].toInt(), 1);

    // Nothing changed.
    const Run status = ctl({ QStringLiteral("status"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("revision")).toInt(), 1);
}

void TestGatehousectl::strictApplyNamesTheHolder()
{
    QVERIFY(startService());
    QTcpServer holder;  // to gatehoused, this test is just another process holding a port
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const QString file = writeConfig(QStringLiteral("held.json"),
                                     configJson({ routeJson(QStringLiteral("free"), freePort()),
                                                  routeJson(QStringLiteral("held"), holder.serverPort()) }));

    const Run strict = ctl({ QStringLiteral("apply"), file, QStringLiteral("--strict") });
    QCOMPARE(strict.exitCode, 1);
    const QString pid = QStringLiteral("pid %1").arg(QCoreApplication::applicationPid());
    QVERIFY2(strict.err.contains(pid), qPrintable(strict.all()));
    QVERIFY2(strict.err.contains(QStringLiteral("127.0.0.1:%1").arg(holder.serverPort())), qPrintable(strict.all()));

    // Everything stayed as it was: the welcome route at revision 1.
    const Run routes = ctl({ QStringLiteral("routes") });
    QVERIFY2(routes.out.startsWith(QStringLiteral("Revision 1,")), qPrintable(routes.out));
    QVERIFY(routes.out.contains(QStringLiteral("welcome")));
}

void TestGatehousectl::portsShowsConflictsFirst()
{
    QVERIFY(startService());
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 free = freePort();
    const QString file = writeConfig(QStringLiteral("held.json"),
                                     configJson({ routeJson(QStringLiteral("free"), free),
                                                  routeJson(QStringLiteral("held"), holder.serverPort()) }));

    // Best effort: applied, the held port waits for its holder to let go.
    const Run applied = ctl({ QStringLiteral("apply"), file });
    QCOMPARE(applied.exitCode, 0);
    QVERIFY2(applied.out.contains(QStringLiteral("revision 2")), qPrintable(applied.all()));

    const Run ports = ctl({ QStringLiteral("ports") });
    QCOMPARE(ports.exitCode, 0);
    const QStringList lines = ports.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);  // header, conflict, bound
    QVERIFY2(lines[0].startsWith(QStringLiteral("STATE")), qPrintable(ports.out));
    QVERIFY2(lines[1].startsWith(QStringLiteral("conflict")), qPrintable(ports.out));
    QVERIFY2(lines[1].contains(QStringLiteral("127.0.0.1:%1").arg(holder.serverPort())), qPrintable(ports.out));
    QVERIFY2(
        lines[1].contains(QStringLiteral("%1 (pid %2,").arg(ownProcessName()).arg(QCoreApplication::applicationPid())),
        qPrintable(ports.out));
    QVERIFY2(lines[2].startsWith(QStringLiteral("bound")) && lines[2].contains(QString::number(free)),
             qPrintable(ports.out));

    const Run json = ctl({ QStringLiteral("ports"), QStringLiteral("--json") });
    const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(list.size(), 2);
    for (const QJsonValue &port : list) {
        if (port[QStringLiteral("port")].toInt() == holder.serverPort()) {
            QCOMPARE(port[QStringLiteral("state")].toString(), QStringLiteral("conflict"));
            QCOMPARE(port[QStringLiteral("holder")][QStringLiteral("pid")].toInteger(),
                     QCoreApplication::applicationPid());
        }
    }
}

void TestGatehousectl::eventsFollowAnApply_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
}

void TestGatehousectl::eventsFollowAnApply()
{
    QFETCH(int, signalNumber);
    QVERIFY(startService());
    QProcess events;
    events.start(test::binaryPath(QStringLiteral("gatehousectl")),
                 { QStringLiteral("--control"), m_socketPath, QStringLiteral("events") });
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += events.readAllStandardError()).contains("Following events"), 10000);

    const QString file
        = writeConfig(QStringLiteral("e.json"), configJson({ routeJson(QStringLiteral("e"), freePort()) }));
    QCOMPARE(ctl({ QStringLiteral("apply"), file }).exitCode, 0);

    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(out += events.readAllStandardOutput())
                                 .contains(QRegularExpression(QStringLiteral("config.applied +revision 2\n"))),
                             10000);
    QVERIFY2(out.contains("listener.changed"), out.constData());

    QSignalSpy finished(&events, &QProcess::finished);
    QCOMPARE(::kill(pid_t(events.processId()), signalNumber), 0);
    QVERIFY(finished.wait(10000));
    QCOMPARE(events.exitStatus(), QProcess::NormalExit);
    QCOMPARE(events.exitCode(), 0);
}

void TestGatehousectl::serviceNotRunning()
{
    const Run run = ctl({ QStringLiteral("status") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(m_socketPath), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("systemctl start gatehoused")), qPrintable(run.err));

    const Run json = ctl({ QStringLiteral("ports"), QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 2);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())[QStringLiteral("data")][QStringLiteral("kind")].toString(),
             QStringLiteral("not-running"));
}

void TestGatehousectl::permissionDeniedNamesTheGroup_data()
{
    QTest::addColumn<bool>("openSocket");
    // The OS refuses the connect (the socket's directory and mode keep others out)...
    QTest::newRow("socket permissions") << false;
    // ...or, when the socket is open to all, the service's own peer check refuses.
    QTest::newRow("service's access check") << true;
}

void TestGatehousectl::permissionDeniedNamesTheGroup()
{
    QFETCH(bool, openSocket);
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("needs root and setpriv to run gatehousectl as another uid");
    QVERIFY(startService());
    if (openSocket) {
        const auto all = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(m_dir->path(), all));
        QVERIFY(QFile::setPermissions(QFileInfo(m_socketPath).absolutePath(), all));
        QVERIFY(QFile::setPermissions(m_socketPath, all));
    }
    const Run run = ctl({ QStringLiteral("status") },
                        { QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                          QStringLiteral("--clear-groups") });
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("'gatehouse' group")), qPrintable(run.all()));
    QVERIFY2(run.err.contains(m_socketPath), qPrintable(run.all()));
    QVERIFY(run.out.isEmpty());
}

void TestGatehousectl::reloadReportsAnInvalidFile()
{
    QVERIFY(startService());
    const Run reloaded = ctl({ QStringLiteral("reload") });
    QCOMPARE(reloaded.exitCode, 0);
    QVERIFY2(reloaded.out.startsWith(QStringLiteral("Reloaded: revision 2\n")), qPrintable(reloaded.all()));

    writeFile(QStringLiteral("etc/config.json"), R"({"routes": [{"name": "broken", "match": {"ports": 0}}]})");
    const Run rejected = ctl({ QStringLiteral("reload") });
    QCOMPARE(rejected.exitCode, 1);
    QVERIFY2(rejected.err.contains(QStringLiteral("error: routes[0].match.ports: ")), qPrintable(rejected.all()));
    const Run status = ctl({ QStringLiteral("status"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("revision")).toInt(), 2);
}

void TestGatehousectl::certsWithoutAutomaticRoutes()
{
    QVERIFY(startService());
    const Run certs = ctl({ QStringLiteral("certs") });
    QCOMPARE(certs.exitCode, 0);
    QVERIFY2(certs.out.contains(QStringLiteral("No certificates.")), qPrintable(certs.all()));
    const Run json = ctl({ QStringLiteral("certs"), QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 0);

    const Run renew = ctl({ QStringLiteral("renew"), QStringLiteral("example.com") });
    QCOMPARE(renew.exitCode, 1);
    QVERIFY2(renew.err.contains(QStringLiteral("no route has an automatic certificate for 'example.com'")),
             qPrintable(renew.all()));
}

QTEST_GUILESS_MAIN(TestGatehousectl)
#include "tst_gatehousectl.moc"
