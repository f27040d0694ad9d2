#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace gatehouse::config {

// One finding about a config: where (a JSON path such as "routes[3].match.ports[1]")
// and what was expected. Errors reject the config; warnings do not.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString path;  // empty for the document as a whole
    QString message;
    int line = 0;  // 1-based, for JSON syntax errors only
    int column = 0;

    QString toString() const;
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

// The control protocol's form: [{ "severity": "error"|"warning", "path", "message",
// "line"?, "column"? }], line and column only for JSON syntax errors.
QJsonArray toJson(const Diagnostics &diagnostics);

}  // namespace gatehouse::config
