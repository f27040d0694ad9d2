#include "routing/DomainPattern.h"

#include <QCoreApplication>
#include <QUrl>

namespace gatehouse::routing {

namespace {

constexpr qsizetype kMaxNameLength = 253;
constexpr qsizetype kMaxLabelLength = 63;

bool isLdh(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

// Checks the labels of an ASCII, lower-case name; returns an empty string when fine.
QString labelError(const QString &name)
{
    if (name.size() > kMaxNameLength)
        return QCoreApplication::translate("gatehouse::routing::DomainPattern",
                                           "a domain name is at most %1 characters")
            .arg(kMaxNameLength);
    const auto labels = QStringView(name).split(u'.');
    for (const QStringView label : labels) {
        if (label.isEmpty())
            return QCoreApplication::translate("gatehouse::routing::DomainPattern",
                                               "empty label (two dots in a row, or a dot at the start)");
        if (label.size() > kMaxLabelLength)
            return QCoreApplication::translate("gatehouse::routing::DomainPattern",
                                               "label '%1' is longer than %2 characters")
                .arg(label, QString::number(kMaxLabelLength));
        if (label.startsWith(u'-') || label.endsWith(u'-'))
            return QCoreApplication::translate("gatehouse::routing::DomainPattern",
                                               "label '%1' starts or ends with a hyphen")
                .arg(label);
        for (const QChar c : label) {
            if (c == u'*')
                return QCoreApplication::translate("gatehouse::routing::DomainPattern",
                                                   "a wildcard must be the whole leftmost label, as in *.example.com");
            if (!isLdh(c))
                //: %1 is a label (a part between dots) of a domain name, %2 the character not allowed in it.
                return QCoreApplication::translate("gatehouse::routing::DomainPattern",
                                                   "label '%1' has '%2'; only letters, digits and hyphens are allowed")
                    .arg(label, QString(c));
        }
    }
    return {};
}

}  // namespace

Result<DomainPattern, QString> DomainPattern::parse(const QString &text)
{
    using R = Result<DomainPattern, QString>;
    if (text.isEmpty())
        return R::failure(QCoreApplication::translate("gatehouse::routing::DomainPattern", "empty domain"));
    if (text == u"*")
        return DomainPattern();
    if (text.endsWith(u'.'))
        return R::failure(QCoreApplication::translate("gatehouse::routing::DomainPattern", "remove the trailing dot"));

    DomainPattern pattern;
    QString name = text;
    if (name.startsWith(u"*.")) {
        pattern.m_kind = Kind::Wildcard;
        name = name.mid(2);
    } else {
        pattern.m_kind = Kind::Exact;
    }
    if (name.contains(u'*'))
        return R::failure(QCoreApplication::translate(
            "gatehouse::routing::DomainPattern", "a wildcard must be the whole leftmost label, as in *.example.com"));

    bool ascii = true;
    for (const QChar c : name)
        ascii = ascii && c.unicode() < 0x80;
    QString ace = ascii ? name.toLower() : QString::fromLatin1(QUrl::toAce(name));
    if (ace.isEmpty())
        return R::failure(QCoreApplication::translate("gatehouse::routing::DomainPattern",
                                                      "'%1' is not a valid internationalized domain name")
                              .arg(name));
    if (const QString error = labelError(ace); !error.isEmpty())
        return R::failure(error);

    pattern.m_text = pattern.m_kind == Kind::Wildcard ? u'.' + ace : ace;
    return pattern;
}

namespace {

// The part of a Host value that names the host: no port, no final dot.
QStringView hostPart(QStringView host)
{
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        if (close > 0)
            host = host.left(close + 1);
    } else if (const qsizetype colon = host.lastIndexOf(u':'); colon >= 0 && host.indexOf(u':') == colon) {
        host = host.left(colon);
    }
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

}  // namespace

QString DomainPattern::normalizeHost(QStringView host)
{
    return hostPart(host).toString().toLower();
}

void DomainPattern::normalizeHost(QStringView host, QString &out)
{
    const QStringView part = hostPart(host);
    out.resize(part.size());
    QChar *data = out.data();
    for (qsizetype i = 0; i < part.size(); ++i) {
        const char16_t c = part[i].unicode();
        if (c >= 0x80) {
            out = part.toString().toLower();  // beyond ASCII: the full case mapping
            return;
        }
        data[i] = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c);
    }
}

bool DomainPattern::matches(const QString &normalizedHost) const
{
    switch (m_kind) {
    case Kind::Any:
        return true;
    case Kind::Exact:
        return normalizedHost == m_text;
    case Kind::Wildcard:
        return normalizedHost.size() > m_text.size() && normalizedHost.endsWith(m_text);
    }
    return false;
}

bool DomainPattern::isCoveredBy(const DomainPattern &other) const
{
    switch (other.m_kind) {
    case Kind::Any:
        return true;
    case Kind::Exact:
        return m_kind == Kind::Exact && m_text == other.m_text;
    case Kind::Wildcard:
        // Both suffixes keep their leading dot, so ".a.example.com" ends with ".example.com"
        // only on a label boundary.
        return (m_kind == Kind::Exact && other.matches(m_text))
            || (m_kind == Kind::Wildcard && m_text.endsWith(other.m_text));
    }
    return false;
}

QString DomainPattern::toString() const
{
    switch (m_kind) {
    case Kind::Any:
        return QStringLiteral("*");
    case Kind::Wildcard:
        return u'*' + m_text;
    case Kind::Exact:
        break;
    }
    return m_text;
}

int DomainPattern::specificity() const
{
    switch (m_kind) {
    case Kind::Any:
        return 0;
    case Kind::Wildcard:
        return 1 + int(m_text.size());
    case Kind::Exact:
        return 1000;
    }
    return 0;
}

}  // namespace gatehouse::routing
