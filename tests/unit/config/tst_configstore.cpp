// The service's config file: default on first start, atomic commits with a
// backup, revisions, and rejected configs that change nothing.
#include "config/ConfigStore.h"
#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse::config;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Config oneRoute(const QString &name, quint16 port)
{
    Config config;
    Route route;
    route.name = name;
    route.match.ports = { { port, port } };
    route.action.type = ActionType::Respond;
    config.routes << route;
    return config;
}

}  // namespace

class TestConfigStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("etc/config.json"));
    }
    void firstStartWritesTheDefault();
    void loadReadsAnExistingFile();
    void invalidFileIsReported();
    void commitKeepsABackupAndCountsRevisions();
    void staleRevisionChangesNothing();
    void invalidCandidateChangesNothing();
    void checkFileThenAdopt();
    void writeFailureChangesNothing();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestConfigStore::firstStartWritesTheDefault()
{
    ConfigStore store(m_path);
    const Config fallback = defaultConfig(m_path);
    const ConfigStore::Outcome outcome = store.commit(fallback);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QCOMPARE(outcome.revision, quint64(1));
    QCOMPARE(store.config(), fallback);
    QCOMPARE(readAll(m_path), ConfigWriter::write(fallback));
    QVERIFY(!QFile::exists(m_path + QStringLiteral(".bak")));
}

void TestConfigStore::loadReadsAnExistingFile()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    const Config wanted = oneRoute(QStringLiteral("mine"), 9000);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(ConfigWriter::write(wanted));
    file.close();

    ConfigStore store(m_path);
    QVERIFY(store.exists());
    Config parsed;
    QVERIFY(store.checkFile(&parsed).ok());
    QVERIFY(store.adopt(parsed).ok());
    QCOMPARE(store.config(), wanted);
    QCOMPARE(store.revision(), quint64(1));
}

void TestConfigStore::invalidFileIsReported()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"routes": [{"name": "x"}]})");
    file.close();

    ConfigStore store(m_path);
    Config parsed;
    const ConfigStore::Outcome outcome = store.checkFile(&parsed);
    QCOMPARE(outcome.status, ConfigStore::Status::Invalid);
    QVERIFY(hasErrors(outcome.diagnostics));
    QCOMPARE(store.revision(), quint64(0));
    QCOMPARE(readAll(m_path), QByteArray(R"({"routes": [{"name": "x"}]})"));
}

void TestConfigStore::commitKeepsABackupAndCountsRevisions()
{
    ConfigStore store(m_path);
    QVERIFY(store.commit(defaultConfig(m_path)).ok());
    const QByteArray before = readAll(m_path);

    const Config next = oneRoute(QStringLiteral("next"), 9001);
    const ConfigStore::Outcome outcome = store.commit(next);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.revision, quint64(2));
    QCOMPARE(store.config(), next);
    QCOMPARE(readAll(m_path), ConfigWriter::write(next));
    QCOMPARE(readAll(m_path + QStringLiteral(".bak")), before);
}

void TestConfigStore::staleRevisionChangesNothing()
{
    ConfigStore store(m_path);
    QVERIFY(store.commit(defaultConfig(m_path)).ok());
    QVERIFY(store.commit(oneRoute(QStringLiteral("b"), 2)).ok());
    const QByteArray file = readAll(m_path);

    Config parsed;
    const ConfigStore::Outcome outcome = store.check(ConfigWriter::write(oneRoute(QStringLiteral("c"), 3)), 1, &parsed);
    QCOMPARE(outcome.status, ConfigStore::Status::RevisionConflict);
    QCOMPARE(outcome.revision, quint64(2));
    QVERIFY2(outcome.error.contains(QStringLiteral("running revision is 2")), qPrintable(outcome.error));
    QCOMPARE(store.revision(), quint64(2));
    QCOMPARE(readAll(m_path), file);

    QVERIFY(store.check(ConfigWriter::write(oneRoute(QStringLiteral("c"), 3)), 2, &parsed).ok());
    QCOMPARE(parsed, oneRoute(QStringLiteral("c"), 3));
}

void TestConfigStore::invalidCandidateChangesNothing()
{
    ConfigStore store(m_path);
    QVERIFY(store.commit(defaultConfig(m_path)).ok());
    const QByteArray file = readAll(m_path);
    const Config running = store.config();

    const ConfigStore::Outcome outcome
        = store.check(R"({"routes": [{"name": "a", "match": {"ports": 0}}]})", 0, nullptr);
    QCOMPARE(outcome.status, ConfigStore::Status::Invalid);
    QCOMPARE(outcome.diagnostics.first().path, QStringLiteral("routes[0].match.ports"));
    QCOMPARE(store.config(), running);
    QCOMPARE(store.revision(), quint64(1));
    QCOMPARE(readAll(m_path), file);
}

void TestConfigStore::checkFileThenAdopt()
{
    ConfigStore store(m_path);
    QVERIFY(store.commit(defaultConfig(m_path)).ok());
    const Config running = store.config();

    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ not json");
    file.close();
    Config parsed;
    ConfigStore::Outcome outcome = store.checkFile(&parsed);
    QCOMPARE(outcome.status, ConfigStore::Status::Invalid);
    QCOMPARE(outcome.diagnostics.first().line, 1);
    QCOMPARE(store.config(), running);
    QCOMPARE(store.revision(), quint64(1));

    const Config edited = oneRoute(QStringLiteral("edited"), 7000);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(ConfigWriter::write(edited));
    file.close();
    outcome = store.checkFile(&parsed);
    QVERIFY(outcome.ok());
    QCOMPARE(parsed, edited);
    QCOMPARE(store.config(), running);  // checking changes nothing
    QVERIFY(store.adopt(parsed).ok());
    QCOMPARE(store.config(), edited);
    QCOMPARE(store.revision(), quint64(2));
}

void TestConfigStore::writeFailureChangesNothing()
{
    ConfigStore store(m_path);
    QVERIFY(store.commit(defaultConfig(m_path)).ok());
    // A directory where the file should be: no rename can replace it.
    ConfigStore blocked(m_dir->filePath(QStringLiteral("etc")));
    const ConfigStore::Outcome outcome = blocked.commit(oneRoute(QStringLiteral("x"), 1));
    QCOMPARE(outcome.status, ConfigStore::Status::WriteFailed);
    QVERIFY(!outcome.error.isEmpty());
    QCOMPARE(blocked.revision(), quint64(0));
    QCOMPARE(blocked.config(), Config());
}

QTEST_GUILESS_MAIN(TestConfigStore)
#include "tst_configstore.moc"
