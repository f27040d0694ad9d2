#include "Ctl.h"
#include "CtlOptions.h"
#include "Translations.h"
#include "platform/SignalWatcher.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace gatehouse;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehousectl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    i18n::installTranslators(i18n::requestedLanguage(QCoreApplication::arguments()));

    auto parsed = ctl::CtlOptions::parse(QCoreApplication::arguments());
    if (!parsed) {
        if (!parsed.error().message.isEmpty())
            QTextStream(stderr) << parsed.error().message << Qt::endl;
        return parsed.error().exitCode;
    }

    const bool follows = parsed.value().command == ctl::CtlOptions::Command::Events;
    ctl::Ctl command(std::move(parsed).value());
    QObject::connect(&command, &ctl::Ctl::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    // Only `events` runs until stopped; the other commands keep the default
    // SIGINT (end now), which is what a person pressing Ctrl+C expects.
    std::unique_ptr<platform::SignalWatcher> signals;
    if (follows) {
        signals = std::make_unique<platform::SignalWatcher>();
        QObject::connect(signals.get(), &platform::SignalWatcher::terminateRequested, &command, &ctl::Ctl::interrupt);
    }
    if (const std::optional<int> exitCode = command.start())
        return *exitCode;
    return QCoreApplication::exec();
}
