#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"
#include "platform/ServicePaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

using namespace gatehouse;

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
    parser.addOption(configOption);
    parser.addOption(checkOption);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString configPath = parser.value(configOption);

    if (parser.isSet(checkOption)) {
        if (!QFileInfo::exists(configPath)) {
            err << configPath << QStringLiteral(": error: no such file") << Qt::endl;
            return 1;
        }
        return check(out, err, configPath, config::ConfigLoader::loadFile(configPath));
    }

    // The proxy service itself arrives with the proxy issue; until then this shows
    // the config it would run: the file if there is one, else the built-in default.
    config::ConfigLoader::Result loaded;
    if (QFileInfo::exists(configPath)) {
        loaded = config::ConfigLoader::loadFile(configPath);
    } else {
        out << "No config at " << configPath << "; the built-in default is:" << Qt::endl;
        loaded = config::ConfigLoader::load(config::ConfigWriter::write(config::defaultConfig(configPath)));
    }
    const int status = check(out, err, configPath, loaded);
    if (status == 0)
        out << config::ConfigWriter::write(loaded.config);
    out << "gatehoused: routing and listening are not built yet; exiting." << Qt::endl;
    return status;
}
