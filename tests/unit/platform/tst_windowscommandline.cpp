// The service's command line as the SCM stores it: quoted so that Windows'
// parsing (CommandLineToArgvW, which QCoreApplication::arguments() uses) gives the
// service back exactly what it was installed with.
#include "platform/WindowsCommandLine.h"

#include <QTest>

using gatehouse::platform::quoteWindowsArgument;
using gatehouse::platform::windowsCommandLine;

namespace {

// CommandLineToArgvW's documented rules, written independently of the quoting
// under test: the program name runs to the closing quote (or to white space)
// with no escapes; in arguments, 2n backslashes before a quote give n and the
// quote opens or closes, 2n+1 give n and a literal quote, other backslashes are
// literal, and "" inside quotes is a literal quote.
QStringList parseWindowsCommandLine(const QString &line)
{
    QStringList result;
    qsizetype i = 0;
    const qsizetype n = line.size();
    const auto blank = [&](qsizetype at) { return at < n && (line[at] == u' ' || line[at] == u'\t'); };

    QString program;
    if (n > 0 && line[0] == u'"') {
        for (i = 1; i < n && line[i] != u'"'; ++i)
            program += line[i];
        ++i;
    } else {
        for (; i < n && !blank(i); ++i)
            program += line[i];
    }
    result << program;

    while (blank(i))
        ++i;
    while (i < n) {
        QString argument;
        bool quoted = false;
        while (i < n && (quoted || !blank(i))) {
            qsizetype backslashes = 0;
            while (i < n && line[i] == u'\\') {
                ++backslashes;
                ++i;
            }
            if (i < n && line[i] == u'"') {
                argument += QString(backslashes / 2, u'\\');
                if (backslashes % 2 == 1) {
                    argument += u'"';
                } else if (quoted && i + 1 < n && line[i + 1] == u'"') {
                    argument += u'"';
                    ++i;
                } else {
                    quoted = !quoted;
                }
                ++i;
            } else {
                argument += QString(backslashes, u'\\');
                if (i < n && (quoted || !blank(i)))
                    argument += line[i++];
            }
        }
        result << argument;
        while (blank(i))
            ++i;
    }
    return result;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result << QString::fromUtf8(item);
    return result;
}

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> result;
    for (const QString &item : list)
        result.push_back(item.toStdString());
    return result;
}

}  // namespace

class TestWindowsCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesOnlyWhatNeedsIt_data();
    void quotesOnlyWhatNeedsIt();
    void serviceCommandLine();
    void roundTripsThroughWindowsParsing_data();
    void roundTripsThroughWindowsParsing();
    void refusesUnusableProgramPaths_data();
    void refusesUnusableProgramPaths();
};

void TestWindowsCommandLine::quotesOnlyWhatNeedsIt_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "--service"
                           << "--service";
    QTest::newRow("path without spaces") << R"(C:\ProgramData\Gatehouse\config.json)"
                                         << R"(C:\ProgramData\Gatehouse\config.json)";
    QTest::newRow("space") << R"(C:\Program Data\config.json)"
                           << R"("C:\Program Data\config.json")";
    QTest::newRow("tab") << "a\tb"
                         << "\"a\tb\"";
    QTest::newRow("empty") << ""
                           << R"("")";
    QTest::newRow("quote") << R"(say "hi")"
                           << R"("say \"hi\"")";
    QTest::newRow("backslashes before a quote") << R"(a\\"b)"
                                                << R"("a\\\\\"b")";
    QTest::newRow("trailing backslash with a space") << R"(C:\My Dir\)"
                                                     << R"("C:\My Dir\\")";
    QTest::newRow("trailing backslash without a space") << R"(C:\dir\)"
                                                        << R"(C:\dir\)";
    QTest::newRow("backslashes inside stay single") << R"(\\server\share dir\x)"
                                                    << R"("\\server\share dir\x")";
    QTest::newRow("utf-8 untouched") << "C:\\Dienste\\Tor-Wächter"
                                     << "C:\\Dienste\\Tor-Wächter";
}

void TestWindowsCommandLine::quotesOnlyWhatNeedsIt()
{
    QFETCH(QString, argument);
    QFETCH(QString, quoted);
    QCOMPARE(QString::fromStdString(quoteWindowsArgument(argument.toStdString())), quoted);
}

void TestWindowsCommandLine::serviceCommandLine()
{
    const auto line = windowsCommandLine(R"(C:\Program Files\Gatehouse\gatehoused.exe)",
                                         { "--service", "--config", R"(D:\Gate House\config.json)" });
    QVERIFY(line.ok());
    QCOMPARE(QString::fromStdString(line.value()),
             QStringLiteral(
                 R"("C:\Program Files\Gatehouse\gatehoused.exe" --service --config "D:\Gate House\config.json")"));
}

void TestWindowsCommandLine::roundTripsThroughWindowsParsing_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing to quote") << R"(C:\Gatehouse\gatehoused.exe)" << strings({ "--service" });
    QTest::newRow("spaces everywhere") << R"(C:\Program Files\Gate house\gatehoused.exe)"
                                       << strings({ "--service", "--state-dir", R"(C:\Program Data\state\)" });
    QTest::newRow("quotes and backslashes")
        << R"(\\server\share\gatehoused.exe)"
        << strings({ R"(a"b)", R"(a\"b)", R"(a\\"b)", R"(\)", R"(\\)", R"(" ")", R"(x\ y\)", "" });
    QTest::newRow("empty arguments") << R"(C:\g.exe)" << strings({ "", "", "--control", "" });
    QTest::newRow("only a quote") << R"(C:\g.exe)" << strings({ R"(")", R"("")", R"(""")" });
}

void TestWindowsCommandLine::roundTripsThroughWindowsParsing()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    const auto line = windowsCommandLine(program.toStdString(), toStd(arguments));
    QVERIFY(line.ok());
    QCOMPARE(parseWindowsCommandLine(QString::fromStdString(line.value())), QStringList { program } + arguments);
}

void TestWindowsCommandLine::refusesUnusableProgramPaths_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << ""
                           << "the service program's path is empty";
    QTest::newRow("relative") << R"(bin\gatehoused.exe)"
                              << R"(the service program's path 'bin\gatehoused.exe' is not absolute; the service )"
                                 R"(control manager needs C:\... or \\server\...)";
    QTest::newRow("drive-relative") << R"(C:gatehoused.exe)"
                                    << R"(the service program's path 'C:gatehoused.exe' is not absolute; the )"
                                       R"(service control manager needs C:\... or \\server\...)";
    QTest::newRow("unix path") << "/usr/bin/gatehoused"
                               << R"(the service program's path '/usr/bin/gatehoused' is not absolute; the )"
                                  R"(service control manager needs C:\... or \\server\...)";
    QTest::newRow("quote") << R"(C:\a"b\gatehoused.exe)"
                           << R"(the service program's path 'C:\a"b\gatehoused.exe' contains a double quote)";
}

void TestWindowsCommandLine::refusesUnusableProgramPaths()
{
    QFETCH(QString, program);
    QFETCH(QString, error);
    const auto line = windowsCommandLine(program.toStdString(), { "--service" });
    QVERIFY(!line.ok());
    QCOMPARE(QString::fromStdString(line.error()), error);
}

QTEST_GUILESS_MAIN(TestWindowsCommandLine)
#include "tst_windowscommandline.moc"
