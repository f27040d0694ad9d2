#include "config/DefaultConfig.h"

namespace gatehouse::config {

Config defaultConfig(const QString &configPath)
{
    Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");

    Route welcome;
    welcome.name = QStringLiteral("welcome");
    welcome.match.ports = { PortRange { kDefaultWelcomePort, kDefaultWelcomePort } };
    welcome.action.type = ActionType::Respond;
    welcome.action.respond.status = 200;
    welcome.action.respond.headers = { { QStringLiteral("Content-Type"), QStringLiteral("text/html; charset=utf-8") } };
    welcome.action.respond.body
        = QStringLiteral(
              "<!doctype html>\n<html><head><title>Gatehouse is running</title></head><body>\n"
              "<h1>Gatehouse is running</h1>\n"
              "<p>This page comes from the built-in default route \"welcome\". To add your own routes:</p>\n<ul>\n"
              "<li>open the Gatehouse desktop app (<code>gatehouse</code>),</li>\n"
              "<li>or use <code>gatehousectl apply FILE</code> from a shell,</li>\n"
              "<li>or edit <code>%1</code> and run <code>gatehousectl reload</code>.</li>\n"
              "</ul>\n</body></html>\n")
              .arg(configPath.toHtmlEscaped());
    config.routes << welcome;
    return config;
}

}  // namespace gatehouse::config
