#include "config/Diagnostic.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace gatehouse::config {

QString Diagnostic::toString() const
{
    QString where = path;
    if (line > 0)
        where
            = QCoreApplication::translate("gatehouse::config::Diagnostic", "line %1, column %2").arg(line).arg(column);
    const bool isError = severity == Severity::Error;
    if (where.isEmpty()) {
        return isError ? QCoreApplication::translate("gatehouse::config::Diagnostic", "error: %1").arg(message)
                       : QCoreApplication::translate("gatehouse::config::Diagnostic", "warning: %1").arg(message);
    }
    //: %1 is where in the config: a field such as routes[0].match.ports, or a line and column.
    if (isError)
        return QCoreApplication::translate("gatehouse::config::Diagnostic", "error: %1: %2").arg(where, message);
    //: %1 is where in the config: a field such as routes[0].match.ports, or a line and column.
    return QCoreApplication::translate("gatehouse::config::Diagnostic", "warning: %1: %2").arg(where, message);
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}

QJsonArray toJson(const Diagnostics &diagnostics)
{
    QJsonArray array;
    for (const Diagnostic &d : diagnostics) {
        QJsonObject item { { QStringLiteral("severity"),
                             d.severity == Diagnostic::Severity::Error ? QStringLiteral("error")
                                                                       : QStringLiteral("warning") },
                           { QStringLiteral("path"), d.path },
                           { QStringLiteral("message"), d.message } };
        if (d.line > 0) {
            item.insert(QStringLiteral("line"), d.line);
            item.insert(QStringLiteral("column"), d.column);
        }
        array.append(item);
    }
    return array;
}

}  // namespace gatehouse::config
