#pragma once

#include "Result.h"

#include <QString>
#include <QStringView>

namespace gatehouse::routing {

// One entry of match.domains, compiled: an exact name, a "*.example.com"
// wildcard (any depth of subdomain, not the apex itself), or "*" for any name.
// Used by the route table to match SNI and Host, and by validation to check syntax.
class DomainPattern
{
public:
    enum class Kind { Any, Wildcard, Exact };

    static Result<DomainPattern, QString> parse(const QString &text);

    // Lower-cases and drops a trailing dot and a ":port" (IPv6 literals keep their brackets).
    static QString normalizeHost(QStringView host);
    // The same into `out`, reusing its capacity (no allocation for a host that
    // fits): for the per-request path.
    static void normalizeHost(QStringView host, QString &out);

    Kind kind() const { return m_kind; }
    // Exact: the name; Wildcard: the suffix with its leading dot (".example.com"); Any: empty.
    const QString &text() const { return m_text; }
    bool matches(const QString &normalizedHost) const;
    // Higher is more specific: exact over wildcard (longer suffix first) over any.
    int specificity() const;
    // Every name this pattern matches is also matched by `other`; used for shadow analysis.
    bool isCoveredBy(const DomainPattern &other) const;
    // The canonical form: "*", "*.example.com" or the ASCII (punycode) name.
    QString toString() const;

    friend bool operator==(const DomainPattern &, const DomainPattern &) = default;

private:
    Kind m_kind = Kind::Any;
    QString m_text;
};

}  // namespace gatehouse::routing
