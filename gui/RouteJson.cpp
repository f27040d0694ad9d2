#include "RouteJson.h"

#include "config/ConfigReader.h"
#include "config/ConfigWriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::gui {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(RouteJson)
};

}  // namespace

QString RouteJson::toText(const config::Route &route)
{
    return QString::fromUtf8(config::ConfigWriter::writeRoute(route));
}

RouteJson::Parsed RouteJson::fromText(const QString &text)
{
    Parsed parsed;
    const QByteArray bytes = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // Line and column of the offset, as people count them.
        const QByteArray before = bytes.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        parsed.diagnostics.append(
            { config::Diagnostic::Severity::Error, QString(), error.errorString(), line, column });
        return parsed;
    }
    if (!document.isObject()) {
        parsed.diagnostics.append({ config::Diagnostic::Severity::Error, QString(),
                                    Text::tr("expected one route: a JSON object with name, match and action"), 0, 0 });
        return parsed;
    }
    const QJsonObject wrapper { { QStringLiteral("routes"), QJsonArray { document.object() } } };
    const config::ConfigReader::Result read
        = config::ConfigReader::read(QJsonDocument(wrapper).toJson(QJsonDocument::Compact));
    for (config::Diagnostic d : read.diagnostics) {
        if (const std::optional<QString> relative = relativePath(d.path, 0))
            d.path = *relative;
        parsed.diagnostics.append(d);
    }
    if (!read.config.routes.isEmpty())
        parsed.route = read.config.routes.first();
    return parsed;
}

std::optional<QString> RouteJson::relativePath(const QString &path, qsizetype routeIndex)
{
    const QString prefix = QStringLiteral("routes[%1]").arg(routeIndex);
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QStringView rest = QStringView(path).mid(prefix.size());
    if (rest.isEmpty())
        return QString();
    if (rest.startsWith(u'.'))
        return rest.mid(1).toString();
    return std::nullopt;
}

}  // namespace gatehouse::gui
