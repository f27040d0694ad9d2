// `gatehoused --check` as users run it: the real binary on real files.
#include "TestSupport.h"
#include "config/ConfigSchema.h"

#include <QJsonDocument>
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

class TestGatehousedCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void validConfigPrintsSummary();
    void invalidConfigPrintsEveryError();
    void malformedJsonPointsAtLineAndColumn();
    void missingFileIsAnError();
    void helpAndVersion();
    void printSchemaPrintsTheSchema();

private:
    QString write(const QByteArray &json)
    {
        const QString path = m_dir.filePath(QStringLiteral("config-%1.json").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
            return {};
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestGatehousedCheck::validConfigPrintsSummary()
{
    const QString path = write(R"({"bindAddress": "127.0.0.1", "routes": [
        {"name": "a", "match": {"ports": [80, 443]}, "action": {"type": "respond"}},
        {"name": "b", "match": {"ports": [{"from": 8000, "to": 8010}]}, "action": {"type": "respond"}},
        {"name": "c", "enabled": false, "match": {"ports": 9000}, "action": {"type": "respond"}}
    ]})");
    const Run run = gatehoused({ QStringLiteral("--check"), QStringLiteral("--config"), path });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(),
             path + QStringLiteral(": ok: 3 routes (1 disabled), ports 80, 443, 8000-8010 on 127.0.0.1"));
    QCOMPARE(run.err, QString());
}

void TestGatehousedCheck::invalidConfigPrintsEveryError()
{
    const QString path = write(R"({"routes": [
        {"name": "a", "match": {"ports": [80, 70000]}, "action": {"type": "forward"}},
        {"name": "a", "match": {"ports": 80, "domains": ["bad_name.com"]}, "action": {"type": "respond"}}
    ]})");
    const Run run = gatehoused({ QStringLiteral("--check"), QStringLiteral("--config"), path });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    const QStringList expected = {
        path + QStringLiteral(": error: routes[0].match.ports[1]: 70000 is outside 1..65535"),
        path + QStringLiteral(": error: routes[0].action.targets: missing; a forward action needs at least one target"),
        path
            + QStringLiteral(
                ": error: routes[1].name: duplicate route name 'a' (also routes[0]); names must be unique"),
        path
            + QStringLiteral(": error: routes[1].match.domains[0]: 'bad_name.com': label 'bad_name' has '_'; only "
                             "letters, digits and hyphens are allowed"),
        path + QStringLiteral(": 4 errors, config rejected"),
    };
    QCOMPARE(run.err.trimmed().split(u'\n'), expected);
}

void TestGatehousedCheck::malformedJsonPointsAtLineAndColumn()
{
    const QString path = write("{\n  \"routes\": [\n    }\n");
    const Run run = gatehoused({ QStringLiteral("--check"), QStringLiteral("--config"), path });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(path + QStringLiteral(":3:5: error: malformed JSON")), qPrintable(run.err));
}

void TestGatehousedCheck::missingFileIsAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("absent.json"));
    const Run run = gatehoused({ QStringLiteral("--check"), QStringLiteral("--config"), path });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(), path + QStringLiteral(": error: no such file"));
}

void TestGatehousedCheck::helpAndVersion()
{
    const Run help = gatehoused({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--check")));
    QVERIFY(help.out.contains(QStringLiteral("--config <FILE>")));
    QVERIFY(help.out.contains(QStringLiteral("--print-schema")));
    const Run version = gatehoused({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QStringLiteral("gatehoused " GATEHOUSE_VERSION));
}

void TestGatehousedCheck::printSchemaPrintsTheSchema()
{
    const Run run = gatehoused({ QStringLiteral("--print-schema") });
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(document.object(), gatehouse::config::ConfigSchema::build());
    // One mode at a time.
    const Run both = gatehoused({ QStringLiteral("--print-schema"), QStringLiteral("--check") });
    QCOMPARE(both.exitCode, 64);
    QVERIFY2(both.err.contains(QStringLiteral("cannot be combined")), qPrintable(both.err));
}

QTEST_GUILESS_MAIN(TestGatehousedCheck)
#include "tst_gatehousedcheck.moc"
