#include "Translations.h"
#include "config/ConfigLoader.h"
#include "config/ConfigSchema.h"
#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"
#include "control/ControlEndpoint.h"
#include "platform/QtServiceRunner.h"
#include "platform/ServiceHost.h"
#include "platform/ServicePaths.h"
#include "platform/SignalWatcher.h"
#include "service/Service.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>
#include <string>
#include <vector>

using namespace gatehouse;

Q_LOGGING_CATEGORY(lcMain, "gatehouse.main")

namespace {

// The Windows service's key name, its account (NT SERVICE\Gatehouse) and its event-log source.
const QString kWindowsServiceName = QStringLiteral("Gatehouse");
constexpr int kUsageError = 64;  // EX_USAGE

int exitCodeFor(const platform::ServiceError &error)
{
    switch (error.kind) {
    case platform::ServiceError::Kind::Unsupported:
    case platform::ServiceError::Kind::NotUnderServiceManager:
        return kUsageError;
    case platform::ServiceError::Kind::AccessDenied:
    case platform::ServiceError::Kind::Failed:
        break;
    }
    return 1;
}

// What a service option failed with, for the user: the platform's text (on
// Windows the system's own message, in its language), translated where it is ours.
QString serviceErrorText(const platform::ServiceError &error)
{
    if (error.kind == platform::ServiceError::Kind::Unsupported)
        return QCoreApplication::translate("gatehoused",
                                           "Windows services exist only on Windows; on Linux run gatehoused under "
                                           "systemd (Type=notify: it reports READY, reloads on SIGHUP and stops on "
                                           "SIGTERM)");
    return QString::fromStdString(error.message);
}

// Windows service options are accepted everywhere, so that a Windows command
// line gets a clear answer elsewhere, but listed in --help only on Windows.
QCommandLineOption windowsOnly(QCommandLineOption option)
{
#ifndef Q_OS_WIN
    option.setFlags(QCommandLineOption::HiddenFromHelp);
#endif
    return option;
}

// The directories --install-service makes private to the service: the config's
// and the state directory, leaving out one that lies inside the other.
std::vector<std::string> privateDirectories(const QString &configPath, const QString &stateDir)
{
    const QString configDir = QDir::cleanPath(QFileInfo(configPath).absolutePath());
    const QString state = QDir::cleanPath(QDir(stateDir).absolutePath());
    QStringList directories;
    if (state == configDir || state.startsWith(configDir + u'/'))
        directories = { configDir };
    else if (configDir.startsWith(state + u'/'))
        directories = { state };
    else
        directories = { configDir, state };
    std::vector<std::string> result;
    for (const QString &directory : std::as_const(directories))
        result.push_back(QDir::toNativeSeparators(directory).toStdString());
    return result;
}

int check(QTextStream &out, QTextStream &err, const QString &path, const config::ConfigLoader::Result &loaded)
{
    int errors = 0, warnings = 0;
    for (const config::Diagnostic &d : loaded.diagnostics) {
        const bool isError = d.severity == config::Diagnostic::Severity::Error;
        (isError ? errors : warnings)++;
        // "FILE:LINE:COLUMN: error: ..." like a compiler, so editors can jump to it
        // (untranslated, as editors match these words).
        if (d.line > 0)
            err << QStringLiteral("%1:%2:%3: error: %4").arg(path).arg(d.line).arg(d.column).arg(d.message) << Qt::endl;
        else
            err << path << QStringLiteral(": ") << d.toString() << Qt::endl;
    }
    if (errors > 0) {
        err << (errors == 1
                    ? QCoreApplication::translate("gatehoused", "%1: 1 error, config rejected").arg(path)
                    : QCoreApplication::translate("gatehoused", "%1: %2 errors, config rejected").arg(path).arg(errors))
            << Qt::endl;
        return 1;
    }
    const config::Config &c = loaded.config;
    const auto enabled
        = std::count_if(c.routes.cbegin(), c.routes.cend(), [](const config::Route &r) { return r.enabled; });
    QString summary = QCoreApplication::translate("gatehoused", "%1: ok: %2 routes").arg(path).arg(c.routes.size());
    if (enabled != c.routes.size())
        summary += QCoreApplication::translate("gatehoused", " (%1 disabled)").arg(c.routes.size() - enabled);
    const QString ports = config::describePorts(config::listenPorts(c));
    summary += ports.isEmpty()
        ? QCoreApplication::translate("gatehoused", ", no ports")
        : QCoreApplication::translate("gatehoused", ", ports %1 on %2").arg(ports, c.bindAddress);
    if (warnings > 0)
        summary += warnings == 1 ? QCoreApplication::translate("gatehoused", ", 1 warning")
                                 : QCoreApplication::translate("gatehoused", ", %1 warnings").arg(warnings);
    out << summary << Qt::endl;
    return 0;
}

// Rules for QLoggingCategory: everything of Gatehouse at `level` and above.
QString loggingRules(const QString &level)
{
    const QStringList levels
        = { QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error") };
    const qsizetype index = levels.indexOf(level);
    if (index < 0)
        return {};
    const QStringList qtNames
        = { QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("critical") };
    QStringList rules;
    for (qsizetype i = 0; i < qtNames.size(); ++i)
        rules << QStringLiteral("gatehouse.*.%1=%2")
                     .arg(qtNames[i], i >= index ? QStringLiteral("true") : QStringLiteral("false"));
    return rules.join(u'\n');
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehoused"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    i18n::installTranslators(i18n::requestedLanguage(QCoreApplication::arguments()));

    const platform::ServicePaths paths = platform::ServicePaths::defaults();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("gatehoused", "Gatehouse service: a reverse proxy with automatic HTTPS."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QCoreApplication::translate("gatehoused", "Config file (default: %1).").arg(paths.configFile),
        QStringLiteral("FILE"), paths.configFile);
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QCoreApplication::translate("gatehoused",
                                                                     "Validate the config file and exit: 0 when valid, "
                                                                     "1 with the errors otherwise."));
    const QCommandLineOption printSchemaOption(
        QStringLiteral("print-schema"),
        QCoreApplication::translate("gatehoused",
                                    "Print the JSON Schema (draft 2020-12) of the config file and exit, for editors "
                                    "that complete and check config files."));
    const QCommandLineOption stateDirOption(
        QStringLiteral("state-dir"),
        QCoreApplication::translate("gatehoused", "Directory for certificates and ACME state (default: %1).")
            .arg(paths.stateDir),
        QStringLiteral("DIR"), paths.stateDir);
    const QString endpoint = control::ControlEndpoint::defaultEndpoint();
    const QCommandLineOption controlOption(
        QStringLiteral("control"),
        QCoreApplication::translate("gatehoused", "Control socket path (default: %1).").arg(endpoint),
        QStringLiteral("PATH"), endpoint);
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
                                            QCoreApplication::translate("gatehoused",
                                                                        "debug, info (default), warning or error; per "
                                                                        "area with QT_LOGGING_RULES, e.g. "
                                                                        "gatehouse.net.debug=true."),
                                            QStringLiteral("LEVEL"), QStringLiteral("info"));
    const QCommandLineOption serviceOption
        = windowsOnly({ QStringLiteral("service"),
                        QCoreApplication::translate("gatehoused",
                                                    "Run under the Windows service control manager (the installed "
                                                    "service's command line; not for a console).") });
    const QCommandLineOption installOption = windowsOnly({
        QStringLiteral("install-service"),
        QCoreApplication::translate("gatehoused",
                                    "Install the Windows service %1 (automatic start, account NT SERVICE\\%1, "
                                    "restarted on failure) to run with the --config, --state-dir, --control and "
                                    "--log-level given here, and make the config and state directories private to "
                                    "it. Needs an elevated prompt.")
            .arg(kWindowsServiceName),
    });
    const QCommandLineOption uninstallOption = windowsOnly({
        QStringLiteral("uninstall-service"),
        QCoreApplication::translate("gatehoused",
                                    "Stop and remove the Windows service %1; the config and state stay. Needs an "
                                    "elevated prompt.")
            .arg(kWindowsServiceName),
    });
    parser.addOption(configOption);
    parser.addOption(checkOption);
    parser.addOption(printSchemaOption);
    parser.addOption(stateDirOption);
    parser.addOption(controlOption);
    parser.addOption(logLevelOption);
    parser.addOption(serviceOption);
    parser.addOption(installOption);
    parser.addOption(uninstallOption);
    parser.addOption({ QStringLiteral("lang"), i18n::languageOptionDescription(), QStringLiteral("LANG") });
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString configPath = QFileInfo(parser.value(configOption)).absoluteFilePath();
    if (const QString rules = loggingRules(parser.value(logLevelOption)); rules.isEmpty()) {
        err << QCoreApplication::translate("gatehoused",
                                           "gatehoused: unknown --log-level '%1'; expected debug, info, warning or "
                                           "error")
                   .arg(parser.value(logLevelOption))
            << Qt::endl;
        return 2;
    } else {
        QLoggingCategory::setFilterRules(rules);
    }

    QStringList modes;
    for (const QCommandLineOption *mode :
         { &checkOption, &printSchemaOption, &serviceOption, &installOption, &uninstallOption }) {
        if (parser.isSet(*mode))
            modes << QStringLiteral("--") + mode->names().constFirst();
    }
    if (modes.size() > 1) {
        const QString last = modes.takeLast();
        err << QCoreApplication::translate("gatehoused", "gatehoused: %1 and %2 cannot be combined")
                   .arg(modes.join(QStringLiteral(", ")), last)
            << Qt::endl;
        return kUsageError;
    }

    if (parser.isSet(printSchemaOption)) {
        out << QString::fromUtf8(QJsonDocument(config::ConfigSchema::build()).toJson(QJsonDocument::Indented));
        out.flush();
        return 0;
    }

    if (parser.isSet(installOption)) {
        platform::ServiceInstallation installation;
        installation.name = kWindowsServiceName.toStdString();
        installation.displayName = "Gatehouse";
        installation.description = "Gatehouse reverse proxy with automatic HTTPS (gatehoused). Managed with "
                                   "gatehousectl or the Gatehouse app from an elevated prompt.";
        installation.program = QDir::toNativeSeparators(QCoreApplication::applicationFilePath()).toStdString();
        installation.arguments = { "--service" };
        const auto forward = [&](const QCommandLineOption &option, const QString &value) {
            if (parser.isSet(option)) {
                installation.arguments.push_back("--" + option.names().constFirst().toStdString());
                installation.arguments.push_back(value.toStdString());
            }
        };
        const QString stateDir = QDir(parser.value(stateDirOption)).absolutePath();
        forward(configOption, QDir::toNativeSeparators(configPath));
        forward(stateDirOption, QDir::toNativeSeparators(stateDir));
        forward(controlOption, parser.value(controlOption));
        forward(logLevelOption, parser.value(logLevelOption));
        installation.privateDirectories = privateDirectories(configPath, stateDir);
        const auto installed = platform::installService(installation);
        if (!installed) {
            err << "gatehoused: --install-service: " << serviceErrorText(installed.error()) << Qt::endl;
            return exitCodeFor(installed.error());
        }
        out << QString::fromStdString(installed.value()) << Qt::endl;
        return 0;
    }
    if (parser.isSet(uninstallOption)) {
        const auto removed = platform::uninstallService(kWindowsServiceName.toStdString());
        if (!removed) {
            err << "gatehoused: --uninstall-service: " << serviceErrorText(removed.error()) << Qt::endl;
            return exitCodeFor(removed.error());
        }
        out << QString::fromStdString(removed.value()) << Qt::endl;
        return 0;
    }

    if (parser.isSet(checkOption)) {
        if (!QFileInfo::exists(configPath)) {
            err << QCoreApplication::translate("gatehoused", "%1: error: no such file").arg(configPath) << Qt::endl;
            return 1;
        }
        return check(out, err, configPath, config::ConfigLoader::loadFile(configPath));
    }

    service::Service::Options options;
    options.configPath = configPath;
    options.stateDir = parser.value(stateDirOption);
    options.controlEndpoint = parser.value(controlOption);
    service::Service gatehoused(options);

    if (parser.isSet(serviceOption)) {
        // Under the SCM: no console and no signals; the SCM's stop and
        // paramchange requests arrive through these hooks on this thread.
        platform::QtServiceHooks hooks;
        hooks.start = [&gatehoused] { return gatehoused.start(); };
        hooks.stop = [&gatehoused] {
            qCInfo(lcMain) << "the service control manager asks to stop: no new connections, draining open ones";
            gatehoused.stop();
        };
        hooks.reload = [&gatehoused] { gatehoused.reload(); };
        const auto ran = platform::runQtService(kWindowsServiceName, hooks);
        if (!ran) {
            err << "gatehoused: --service: " << serviceErrorText(ran.error()) << Qt::endl;
            return exitCodeFor(ran.error());
        }
        return ran.value();
    }

    platform::SignalWatcher signals;
    QObject::connect(&signals, &platform::SignalWatcher::reloadRequested, &gatehoused, [&gatehoused] {
        platform::notifyServiceManager("RELOADING=1");
        gatehoused.reload();
        platform::notifyServiceManager("READY=1");
    });
    QObject::connect(&signals, &platform::SignalWatcher::terminateRequested, &app, [&gatehoused](int signalNumber) {
        qCInfo(lcMain) << "signal" << signalNumber << "- stopping: no new connections, draining open ones";
        platform::notifyServiceManager("STOPPING=1");
        gatehoused.stop();
        QCoreApplication::exit(0);
    });

    if (const QString error = gatehoused.start(); !error.isEmpty()) {
        err << "gatehoused: " << error << Qt::endl;
        return 1;
    }
    platform::notifyServiceManager("READY=1");
    return QCoreApplication::exec();
}