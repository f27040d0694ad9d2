#include "MainWindow.h"
#include "Translations.h"
#include "control/ControlEndpoint.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    gatehouse::i18n::installTranslators(gatehouse::i18n::requestedLanguage(QCoreApplication::arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Gatehouse: manage the reverse proxy's routes, ports and certificates."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption control(QStringLiteral("control"),
                                     QCoreApplication::translate("main", "The service's control socket (default: %1).")
                                         .arg(gatehouse::control::ControlEndpoint::clientEndpoint()),
                                     QCoreApplication::translate("main", "PATH"));
    parser.addOption(control);
    parser.addOption({ QStringLiteral("lang"), gatehouse::i18n::languageOptionDescription(),
                       QCoreApplication::translate("main", "LANG") });
    parser.process(app);

    gatehouse::gui::MainWindow::Options options;
    options.explicitEndpoint = parser.isSet(control);
    options.endpoint
        = options.explicitEndpoint ? parser.value(control) : gatehouse::control::ControlEndpoint::clientEndpoint();
    gatehouse::gui::MainWindow window(options);
    window.show();
    return app.exec();
}
