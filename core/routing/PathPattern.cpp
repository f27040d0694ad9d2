#include "routing/PathPattern.h"

#include <QCoreApplication>

namespace gatehouse::routing {

namespace {

// Glob match where '*' stands for any run of characters; linear in practice
// (the classic backtrack-to-last-star algorithm).
bool globMatch(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

}  // namespace

Result<PathPattern, QString> PathPattern::parse(const QString &text)
{
    using R = Result<PathPattern, QString>;
    PathPattern pattern;
    if (text.isEmpty())
        return pattern;
    if (!text.startsWith(u'/'))
        return R::failure(
            QCoreApplication::translate("gatehouse::routing::PathPattern", "a path starts with '/', as in /api/*"));
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return R::failure(QCoreApplication::translate("gatehouse::routing::PathPattern",
                                                          "a path has no spaces or control characters"));
        if (c == u'?' || c == u'#')
            //: %1 is the character found: ? or #.
            return R::failure(
                QCoreApplication::translate("gatehouse::routing::PathPattern", "a path has no query or fragment ('%1')")
                    .arg(c));
    }
    const qsizetype stars = text.count(u'*');
    if (stars == 0) {
        pattern.m_kind = Kind::Exact;
        pattern.m_text = text;
    } else if (stars == 1 && text.endsWith(u"/*")) {
        pattern.m_kind = Kind::Prefix;
        pattern.m_text = text.chopped(2);
    } else {
        pattern.m_kind = Kind::Glob;
        pattern.m_text = text;
    }
    return pattern;
}

bool PathPattern::matches(QStringView path) const
{
    switch (m_kind) {
    case Kind::Any:
        return true;
    case Kind::Exact:
        return path == m_text;
    case Kind::Prefix:
        return path.startsWith(m_text)
            && (path.size() == m_text.size() || path[m_text.size()] == u'/' || m_text.isEmpty());
    case Kind::Glob:
        return globMatch(m_text, path);
    }
    return false;
}

int PathPattern::specificity() const
{
    switch (m_kind) {
    case Kind::Any:
        return 0;
    case Kind::Exact:
        return 2 * int(m_text.size()) + 2;
    case Kind::Prefix:
        return 2 * int(m_text.size()) + 1;
    case Kind::Glob:
        return 2 * int(m_text.size() - m_text.count(u'*')) + 1;
    }
    return 0;
}

bool PathPattern::isCoveredBy(const PathPattern &other) const
{
    switch (other.m_kind) {
    case Kind::Any:
        return true;
    case Kind::Exact:
        return m_kind == Kind::Exact && m_text == other.m_text;
    case Kind::Prefix:
        if (m_kind == Kind::Exact)
            return other.matches(m_text);
        if (m_kind == Kind::Prefix) {
            // "/*" matches every path, so only another "/*" covers it.
            if (m_text.isEmpty())
                return other.m_text.isEmpty();
            return other.matches(m_text);
        }
        if (m_kind == Kind::Glob) {
            // A glob stays under the prefix when its literal head already does.
            const QStringView head = QStringView(m_text).left(m_text.indexOf(u'*'));
            return head.startsWith(other.m_text)
                && (head.size() > other.m_text.size() && head[other.m_text.size()] == u'/');
        }
        return false;
    case Kind::Glob:
        return m_kind == Kind::Exact ? other.matches(m_text) : m_text == other.m_text && m_kind == other.m_kind;
    }
    return false;
}

}  // namespace gatehouse::routing
