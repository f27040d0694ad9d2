#include "CtlOptions.h"

#include "Translations.h"
#include "control/ControlEndpoint.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <array>
#include <cstdio>

namespace gatehouse::ctl {

namespace {

struct CommandInfo
{
    CtlOptions::Command command;
    const char *name;
    const char *argument;  // nullptr: takes none
    const char *help;
};

// QT_TRANSLATE_NOOP so lupdate sees the texts; they are translated when printed.
constexpr std::array kCommands {
    CommandInfo { CtlOptions::Command::Status, "status", nullptr,
                  QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions", "Show the service's version, revision and ports.") },
    CommandInfo { CtlOptions::Command::Validate, "validate", "FILE",
                  QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions",
                                    "Ask the service whether FILE is a valid config; changes nothing.") },
    CommandInfo {
        CtlOptions::Command::Apply, "apply", "FILE",
        QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions", "Make FILE the running config and show the resulting ports.") },
    CommandInfo { CtlOptions::Command::Routes, "routes", nullptr,
                  QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions", "List the routes of the running config.") },
    CommandInfo { CtlOptions::Command::Ports, "ports", nullptr,
                  QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions",
                                    "List the listeners: conflicts with their holder first, then denied, "
                                    "waiting and bound.") },
    CommandInfo { CtlOptions::Command::Certs, "certs", nullptr,
                  QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions", "List the certificates.") },
    CommandInfo { CtlOptions::Command::Renew, "renew", "DOMAIN",
                  QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions", "Renew the certificate for DOMAIN now.") },
    CommandInfo { CtlOptions::Command::Reload, "reload", nullptr,
                  QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions",
                                    "Re-read the config file (as SIGHUP does); an invalid file changes nothing.") },
    CommandInfo {
        CtlOptions::Command::Events, "events", nullptr,
        QT_TRANSLATE_NOOP("gatehouse::ctl::CtlOptions", "Follow the service's events until interrupted (Ctrl+C).") },
};

QString commandsHelp()
{
    QStringList names;
    qsizetype width = 0;
    for (const CommandInfo &info : kCommands) {
        QString name = QString::fromLatin1(info.name);
        if (info.argument)
            name += u' ' + QString::fromLatin1(info.argument);
        width = std::max(width, name.size());
        names << name;
    }
    QString text = CtlOptions::tr("Commands:") + u'\n';
    for (size_t i = 0; i < kCommands.size(); ++i) {
        text += QStringLiteral("  ") + names[qsizetype(i)].leftJustified(width + 2)
            + QCoreApplication::translate("gatehouse::ctl::CtlOptions", kCommands[i].help) + u'\n';
    }
    text += u'\n'
        + CtlOptions::tr("apply takes --strict (every port binds, or nothing changes) and --base-revision N (refused "
                         "when the running revision is no longer N).")
        + u'\n'
        + CtlOptions::tr("Exit codes: 0 ok; 1 invalid config, conflict or failed request; 2 the service cannot be "
                         "reached; 3 permission denied; 64 wrong command line.")
        + u'\n';
    return text;
}

CtlOptions::Usage usageError(const QString &message)
{
    return { QStringLiteral("gatehousectl: ") + message + u'\n'
                 + CtlOptions::tr("Run 'gatehousectl --help' for the list of commands."),
             ExitUsage };
}

}  // namespace

Result<CtlOptions, CtlOptions::Usage> CtlOptions::parse(const QStringList &arguments)
{
    using R = Result<CtlOptions, Usage>;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Command-line client of the Gatehouse service's control socket."));
    const QCommandLineOption helpOption({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    const QCommandLineOption versionOption(QStringLiteral("version"), tr("Show the version."));
    const QString defaultEndpoint = control::ControlEndpoint::clientEndpoint();
    const QCommandLineOption controlOption(QStringLiteral("control"),
                                           tr("Control socket of the service (default: %1).").arg(defaultEndpoint),
                                           QStringLiteral("PATH"), defaultEndpoint);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print the service's answer as JSON (the result, or the error object)."));
    const QCommandLineOption strictOption(QStringLiteral("strict"),
                                          tr("apply: all wanted ports must bind, or nothing changes."));
    const QCommandLineOption baseRevisionOption(QStringLiteral("base-revision"),
                                                tr("apply: only if the running config is still at revision N."),
                                                QStringLiteral("N"));
    // Read by main() before anything is printed (i18n::requestedLanguage); listed here for --help.
    const QCommandLineOption langOption(QStringLiteral("lang"), i18n::languageOptionDescription(),
                                        QStringLiteral("LANG"));
    parser.addOptions(
        { helpOption, versionOption, controlOption, jsonOption, strictOption, baseRevisionOption, langOption });
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do; see Commands below."),
                                 QStringLiteral("COMMAND [ARGUMENT]"));

    if (!parser.parse(arguments))
        return R::failure(usageError(parser.errorText()));
    if (parser.isSet(helpOption)) {
        QTextStream(stdout) << parser.helpText() << u'\n' << commandsHelp();
        return R::failure({ {}, ExitOk });
    }
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << QStringLiteral("gatehousectl ") << QCoreApplication::applicationVersion() << u'\n';
        return R::failure({ {}, ExitOk });
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return R::failure(usageError(tr("no command given")));
    const auto found = std::find_if(kCommands.cbegin(), kCommands.cend(), [&](const CommandInfo &info) {
        return positional.first() == QLatin1String(info.name);
    });
    if (found == kCommands.cend())
        return R::failure(usageError(tr("unknown command '%1'").arg(positional.first())));

    CtlOptions options;
    options.command = found->command;
    options.commandName = positional.first();
    const qsizetype wanted = found->argument ? 2 : 1;
    if (positional.size() < wanted)
        return R::failure(usageError(
            tr("%1 needs %2: gatehousectl %1 %2").arg(options.commandName, QString::fromLatin1(found->argument))));
    if (positional.size() > wanted)
        return R::failure(usageError(
            tr("unexpected argument '%1' after %2").arg(positional.at(wanted), positional.mid(0, wanted).join(u' '))));
    if (found->argument)
        options.argument = positional.at(1);

    options.endpoint = parser.value(controlOption);
    if (options.endpoint.isEmpty())
        return R::failure(usageError(tr("--control needs a socket path")));
    options.json = parser.isSet(jsonOption);
    options.strict = parser.isSet(strictOption);
    const bool isApply = options.command == Command::Apply;
    if (options.strict && !isApply)
        return R::failure(usageError(tr("--strict only applies to the apply command")));
    if (parser.isSet(baseRevisionOption)) {
        if (!isApply)
            return R::failure(usageError(tr("--base-revision only applies to the apply command")));
        bool ok = false;
        const quint64 revision = parser.value(baseRevisionOption).toULongLong(&ok);
        if (!ok || revision == 0)
            return R::failure(usageError(tr("--base-revision needs a revision number (1 or more), not '%1'")
                                             .arg(parser.value(baseRevisionOption))));
        options.baseRevision = revision;
    }
    return options;
}

}  // namespace gatehouse::ctl
