// gatehoused's Windows service options, as users meet them on Linux: the real
// binary refuses them with exit code 64 and points at systemd, before touching
// any file; --help lists them only on Windows.
#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using gatehouse::test::binaryPath;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run gatehoused(const QStringList &arguments)
{
    QProcess process;
    process.start(binaryPath(QStringLiteral("gatehoused")), arguments);
    if (!process.waitForFinished(30000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

}  // namespace

class TestGatehousedServiceOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedOutsideWindows_data();
    void refusedOutsideWindows();
    void helpListsThemOnlyOnWindows();
    void modesCannotBeCombined();
};

void TestGatehousedServiceOptions::refusedOutsideWindows_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("install") << "--install-service";
    QTest::newRow("uninstall") << "--uninstall-service";
    QTest::newRow("service") << "--service";
}

void TestGatehousedServiceOptions::refusedOutsideWindows()
{
#ifdef Q_OS_WIN
    QSKIP("these options are real on Windows");
#endif
    QFETCH(QString, option);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(QStringLiteral("etc/config.json"));
    const QString state = dir.filePath(QStringLiteral("state"));
    const Run run = gatehoused({ option, QStringLiteral("--config"), config, QStringLiteral("--state-dir"), state,
                                 QStringLiteral("--control"), dir.filePath(QStringLiteral("control.sock")) });
    QCOMPARE(run.exitCode, 64);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err,
             QStringLiteral("gatehoused: ") + option
                 + QStringLiteral(": Windows services exist only on Windows; on Linux run gatehoused under systemd "
                                  "(Type=notify: it reports READY, reloads on SIGHUP and stops on SIGTERM)\n"));
    // Refused before anything was written: no default config, no state, no socket.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void TestGatehousedServiceOptions::helpListsThemOnlyOnWindows()
{
    const Run help = gatehoused({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("--check")), qPrintable(help.out));
#ifdef Q_OS_WIN
    const bool listed = true;
#else
    const bool listed = false;
#endif
    QCOMPARE(help.out.contains(QStringLiteral("--service")), listed);
    QCOMPARE(help.out.contains(QStringLiteral("--install-service")), listed);
    QCOMPARE(help.out.contains(QStringLiteral("--uninstall-service")), listed);
}

void TestGatehousedServiceOptions::modesCannotBeCombined()
{
    const Run run = gatehoused({ QStringLiteral("--check"), QStringLiteral("--install-service") });
    QCOMPARE(run.exitCode, 64);
    QCOMPARE(run.err, QStringLiteral("gatehoused: --check and --install-service cannot be combined\n"));
    const Run three = gatehoused(
        { QStringLiteral("--service"), QStringLiteral("--uninstall-service"), QStringLiteral("--install-service") });
    QCOMPARE(three.exitCode, 64);
    QCOMPARE(three.err,
             QStringLiteral("gatehoused: --service, --install-service and --uninstall-service cannot be combined\n"));
}

QTEST_GUILESS_MAIN(TestGatehousedServiceOptions)
#include "tst_gatehousedserviceoptions.moc"
