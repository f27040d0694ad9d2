#pragma once

#include "Result.h"

#include <QString>
#include <QStringView>

namespace gatehouse::routing {

// match.path, compiled. "/api" matches exactly; "/api/*" matches "/api" and
// everything below it; any other "*" is a glob over any characters, "/" included.
// Paths are compared without the query string, case-sensitively.
class PathPattern
{
public:
    enum class Kind { Any, Exact, Prefix, Glob };

    static Result<PathPattern, QString> parse(const QString &text);

    Kind kind() const { return m_kind; }
    const QString &text() const { return m_text; }
    bool matches(QStringView path) const;
    // Higher is more specific: more literal characters first, exact over a pattern.
    int specificity() const;
    // Every path this pattern matches is also matched by `other`; used for shadow analysis.
    bool isCoveredBy(const PathPattern &other) const;

    friend bool operator==(const PathPattern &, const PathPattern &) = default;

private:
    Kind m_kind = Kind::Any;
    QString m_text;  // Exact: the path; Prefix: without "/*"; Glob: the pattern
};

}  // namespace gatehouse::routing
