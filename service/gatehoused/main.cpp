#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"
#include "control/ControlEndpoint.h"
#include "platform/ServicePaths.h"
#include "platform/SignalWatcher.h"
#include "service/Service.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace gatehouse;

Q_LOGGING_CATEGORY(lcMain, "gatehouse.main")

namespace {

int check(QTextStream &out, QTextStream &err, const QString &path, const config::ConfigLoader::Result &loaded)
{
    int errors = 0, warnings = 0;
    for (const config::Diagnostic &d : loaded.diagnostics) {
        const bool isError = d.severity == config::Diagnostic::Severity::Error;
        (isError ? errors : warnings)++;
        // "FILE:LINE:COLUMN: error: ..." like a compiler, so editors can jump to it.
        if (d.line > 0)
            err << QStringLiteral("%1:%2:%3: error: %4").arg(path).arg(d.line).arg(d.column).arg(d.message) << Qt::endl;
        else
            err << path << QStringLiteral(": ") << d.toString() << Qt::endl;
    }
    if (errors > 0) {
        err << QStringLiteral("%1: %2 %3, config rejected")
                   .arg(path)
                   .arg(errors)
                   .arg(errors == 1 ? QStringLiteral("error") : QStringLiteral("errors"))
            << Qt::endl;
        return 1;
    }
    const config::Config &c = loaded.config;
    const auto enabled
        = std::count_if(c.routes.cbegin(), c.routes.cend(), [](const config::Route &r) { return r.enabled; });
    QString summary = QStringLiteral("%1: ok: %2 routes").arg(path).arg(c.routes.size());
    if (enabled != c.routes.size())
        summary += QStringLiteral(" (%1 disabled)").arg(c.routes.size() - enabled);
    const QString ports = config::describePorts(config::listenPorts(c));
    summary += ports.isEmpty() ? QStringLiteral(", no ports")
                               : QStringLiteral(", ports %1 on %2").arg(ports, c.bindAddress);
    if (warnings > 0)
        summary += QStringLiteral(", %1 %2").arg(warnings).arg(warnings == 1 ? QStringLiteral("warning")
                                                                             : QStringLiteral("warnings"));
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

    const platform::ServicePaths paths = platform::ServicePaths::defaults();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gatehouse service: a reverse proxy with automatic HTTPS."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("Config file (default: %1).").arg(paths.configFile),
                                          QStringLiteral("FILE"), paths.configFile);
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Validate the config file and exit: 0 when valid, 1 with the "
                                                        "errors otherwise."));
    const QCommandLineOption stateDirOption(
        QStringLiteral("state-dir"),
        QStringLiteral("Directory for certificates and ACME state (default: %1).").arg(paths.stateDir),
        QStringLiteral("DIR"), paths.stateDir);
    const QString endpoint = control::ControlEndpoint::defaultEndpoint();
    const QCommandLineOption controlOption(QStringLiteral("control"),
                                           QStringLiteral("Control socket path (default: %1).").arg(endpoint),
                                           QStringLiteral("PATH"), endpoint);
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
                                            QStringLiteral("debug, info (default), warning or error; per area with "
                                                           "QT_LOGGING_RULES, e.g. gatehouse.net.debug=true."),
                                            QStringLiteral("LEVEL"), QStringLiteral("info"));
    parser.addOption(configOption);
    parser.addOption(checkOption);
    parser.addOption(stateDirOption);
    parser.addOption(controlOption);
    parser.addOption(logLevelOption);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString configPath = QFileInfo(parser.value(configOption)).absoluteFilePath();
    if (const QString rules = loggingRules(parser.value(logLevelOption)); rules.isEmpty()) {
        err << "gatehoused: unknown --log-level '" << parser.value(logLevelOption)
            << "'; expected debug, info, warning or error" << Qt::endl;
        return 2;
    } else {
        QLoggingCategory::setFilterRules(rules);
    }

    if (parser.isSet(checkOption)) {
        if (!QFileInfo::exists(configPath)) {
            err << configPath << QStringLiteral(": error: no such file") << Qt::endl;
            return 1;
        }
        return check(out, err, configPath, config::ConfigLoader::loadFile(configPath));
    }

    service::Service::Options options;
    options.configPath = configPath;
    options.stateDir = parser.value(stateDirOption);
    options.controlEndpoint = parser.value(controlOption);
    service::Service gatehoused(options);
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