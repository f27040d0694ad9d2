// The documentation as users copy it: every ```json block of README.md and
// docs/*.md passes `gatehoused --check`, and every ```sh block runs with the
// built programs, except blocks marked illustrative (an `<!-- illustrative: why -->`
// line just before the fence) and blocks using sudo, which need a real machine.
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using gatehouse::test::binaryPath;
using gatehouse::test::sourcePath;

namespace {

struct Block
{
    QString file;
    int line = 0;  // of the opening fence
    QString language;
    QString text;
    bool illustrative = false;
};

QStringList documents()
{
    QStringList files = { sourcePath(QStringLiteral("README.md")) };
    const QDir docs(sourcePath(QStringLiteral("docs")));
    for (const QString &name : docs.entryList({ QStringLiteral("*.md") }, QDir::Files, QDir::Name))
        files << docs.filePath(name);
    return files;
}

QList<Block> blocks(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    QList<Block> result;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(QStringLiteral("```")))
            continue;
        Block block { QFileInfo(file).fileName(), int(i + 1), lines[i].mid(3).trimmed(), QString(), false };
        block.illustrative = i > 0 && lines[i - 1].startsWith(QStringLiteral("<!-- illustrative"));
        qsizetype end = i + 1;
        while (end < lines.size() && !lines[end].startsWith(QStringLiteral("```")))
            block.text += lines[end++] + u'\n';
        result << block;
        i = end;
    }
    return result;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QString &directory,
        const QProcessEnvironment &environment)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

// Certificate, key and CA bundle paths of an example point at files on the
// reader's machine; the test makes them (empty) under `root` and points there.
QJsonValue withFilesUnder(const QJsonValue &value, const QString &root)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = withFilesUnder(array[i], root);
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool isFile = it.key() == u"cert" || it.key() == u"key" || it.key() == u"caBundle";
        if (isFile && it.value().isString()) {
            const QString path = root + u'/' + it.value().toString();
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.close();
            it.value() = path;
        } else {
            it.value() = withFilesUnder(it.value(), root);
        }
    }
    return object;
}

}  // namespace

class TestDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void configsPassCheck_data();
    void configsPassCheck();
    void commandsRun_data();
    void commandsRun();
    void everyBlockIsKnown();

private:
    QProcessEnvironment environment() const
    {
        // The built programs first; home and XDG directories inside the test's own.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"),
                   QFileInfo(binaryPath(QStringLiteral("gatehoused"))).absolutePath() + u':'
                       + env.value(QStringLiteral("PATH")));
        for (const char *name : { "HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR" })
            env.insert(QString::fromLatin1(name), m_dir.filePath(QString::fromLatin1(name).toLower()));
        return env;
    }

    QTemporaryDir m_dir;
};

void TestDocs::configsPassCheck_data()
{
    QTest::addColumn<QString>("json");
    int count = 0;
    for (const QString &file : documents()) {
        for (const Block &block : blocks(file)) {
            if (block.language != u"json")
                continue;
            QTest::addRow("%s:%d", qPrintable(block.file), block.line) << block.text;
            ++count;
        }
    }
    QVERIFY(count >= 10);
}

void TestDocs::configsPassCheck()
{
    QFETCH(QString, json);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QString path = m_dir.filePath(QStringLiteral("config.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(withFilesUnder(document.object(), m_dir.filePath(QStringLiteral("files"))).toObject()).toJson());
    file.close();
    const Run check = run(binaryPath(QStringLiteral("gatehoused")),
                          { QStringLiteral("--check"), QStringLiteral("--config"), path }, m_dir.path(), environment());
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    QVERIFY2(check.out.contains(QStringLiteral(": ok: ")), qPrintable(check.out));
}

void TestDocs::commandsRun_data()
{
    QTest::addColumn<QString>("script");
    int count = 0;
    for (const QString &file : documents()) {
        for (const Block &block : blocks(file)) {
            if (block.language != u"sh" || block.illustrative || block.text.contains(QStringLiteral("sudo ")))
                continue;
            QTest::addRow("%s:%d", qPrintable(block.file), block.line) << block.text;
            ++count;
        }
    }
    QVERIFY(count >= 2);
}

void TestDocs::commandsRun()
{
    QFETCH(QString, script);
    const Run shell = run(QStringLiteral("/bin/sh"), { QStringLiteral("-e"), QStringLiteral("-c"), script },
                          m_dir.path(), environment());
    QVERIFY2(shell.exitCode == 0, qPrintable(shell.err));
}

void TestDocs::everyBlockIsKnown()
{
    // A block in another language would escape both tests; plain ``` blocks are
    // sample output, which runs nowhere.
    const QStringList known = { QStringLiteral("json"), QStringLiteral("sh"), QString() };
    for (const QString &file : documents()) {
        for (const Block &block : blocks(file)) {
            QVERIFY2(known.contains(block.language),
                     qPrintable(QStringLiteral("%1:%2: ```%3 is neither checked nor run; use json, sh or a plain "
                                               "block for output")
                                    .arg(block.file)
                                    .arg(block.line)
                                    .arg(block.language)));
        }
    }
}

QTEST_GUILESS_MAIN(TestDocs)
#include "tst_docs.moc"
