#include "config/Diagnostic.h"

#include <QJsonObject>

#include <algorithm>

namespace gatehouse::config {

QString Diagnostic::toString() const
{
    QString where = path;
    if (line > 0)
        where = QStringLiteral("line %1, column %2").arg(line).arg(column);
    const QString kind = severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    if (where.isEmpty())
        return kind + u": " + message;
    return kind + u": " + where + u": " + message;
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
