#include "routing/OverlapAnalysis.h"

#include "routing/DomainPattern.h"
#include "routing/IpPattern.h"
#include "routing/PathPattern.h"
#include "routing/PortSegments.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <tuple>
#include <vector>

namespace gatehouse::routing {

namespace {

struct Header
{
    QString name;  // lower-case
    QString value;
    bool isRegex = false;
    QRegularExpression regex;
};

// One enabled route with its match compiled and normalized.
struct Analyzed
{
    int index = 0;  // in config.routes
    QString name;
    int priority = 0;
    QList<config::PortRange> ports;  // merged
    std::vector<DomainPattern> domains;  // deduplicated, canonical order
    PathPattern path;
    std::vector<IpPattern> ips;  // deduplicated, canonical order; empty: any client
    std::vector<Header> headers;  // sorted
    QString matchKey;  // equal for equal matches
};

// Length-prefixed, so no content can fake a separator.
void appendField(QString &key, const QString &field)
{
    key += QString::number(field.size()) + u':' + field;
}

std::optional<Analyzed> analyze(const config::Route &route, int index)
{
    Analyzed a;
    a.index = index;
    a.name = route.name;
    a.priority = route.priority;

    PortSegments ports;
    ports.add(0, route.match.ports);
    ports.finish();
    a.ports = ports.mergedRanges();
    if (a.ports.isEmpty())
        return std::nullopt;

    for (const QString &text : route.match.domains) {
        const auto pattern = DomainPattern::parse(text);
        if (!pattern)
            return std::nullopt;
        a.domains.push_back(*pattern);
    }
    const auto byText = [](const auto &x, const auto &y) { return x.toString() < y.toString(); };
    std::sort(a.domains.begin(), a.domains.end(), byText);
    a.domains.erase(std::unique(a.domains.begin(), a.domains.end()), a.domains.end());

    const auto path = PathPattern::parse(route.match.path);
    if (!path)
        return std::nullopt;
    a.path = *path;

    for (const QString &text : route.match.clientIp) {
        const auto pattern = IpPattern::parse(text);
        if (!pattern)
            return std::nullopt;
        a.ips.push_back(*pattern);
    }
    std::sort(a.ips.begin(), a.ips.end(), byText);
    a.ips.erase(std::unique(a.ips.begin(), a.ips.end()), a.ips.end());

    for (const config::HeaderMatch &match : route.match.headers) {
        Header h { match.name.toLower(), match.value, match.isRegex, {} };
        if (h.isRegex) {
            h.regex = QRegularExpression(h.value);
            if (!h.regex.isValid())
                return std::nullopt;
        }
        a.headers.push_back(std::move(h));
    }
    std::sort(a.headers.begin(), a.headers.end(), [](const Header &x, const Header &y) {
        return std::tie(x.name, x.isRegex, x.value) < std::tie(y.name, y.isRegex, y.value);
    });

    for (const config::PortRange &range : a.ports)
        appendField(a.matchKey, QString::number(range.from) + u'-' + QString::number(range.to));
    a.matchKey += u'|';
    for (const DomainPattern &domain : a.domains)
        appendField(a.matchKey, domain.toString());
    a.matchKey += u'|';
    appendField(a.matchKey, QString::number(int(a.path.kind())) + a.path.text());
    a.matchKey += u'|';
    for (const IpPattern &ip : a.ips)
        appendField(a.matchKey, ip.toString());
    a.matchKey += u'|';
    for (const Header &h : a.headers) {
        appendField(a.matchKey, h.name);
        appendField(a.matchKey, h.isRegex ? QStringLiteral("~") : QStringLiteral("="));
        appendField(a.matchKey, h.value);
    }
    return a;
}

bool portsCovered(const Analyzed &b, const Analyzed &a)
{
    // Both lists are merged, so a covered range sits inside a single range of `a`.
    return std::all_of(b.ports.cbegin(), b.ports.cend(), [&](const config::PortRange &r) {
        return std::any_of(a.ports.cbegin(), a.ports.cend(),
                           [&](const config::PortRange &s) { return s.from <= r.from && r.to <= s.to; });
    });
}

bool domainsCovered(const Analyzed &b, const Analyzed &a)
{
    if (a.domains.empty())
        return true;  // any host, or none
    if (b.domains.empty())
        return false;  // b also matches connections without a host
    return std::all_of(b.domains.cbegin(), b.domains.cend(), [&](const DomainPattern &d) {
        return std::any_of(a.domains.cbegin(), a.domains.cend(),
                           [&](const DomainPattern &e) { return d.isCoveredBy(e); });
    });
}

// IpPattern::isCoveredBy over lists, where an empty list is "*".
const IpPattern &anyIp()
{
    static const IpPattern any = *IpPattern::parse(QStringLiteral("*"));
    return any;
}

std::vector<IpPattern> ipsOrAny(const Analyzed &r)
{
    return r.ips.empty() ? std::vector<IpPattern> { anyIp() } : r.ips;
}

bool ipsCovered(const Analyzed &b, const Analyzed &a)
{
    const auto bs = ipsOrAny(b);
    const auto as = ipsOrAny(a);
    return std::all_of(bs.cbegin(), bs.cend(), [&](const IpPattern &p) {
        return std::any_of(as.cbegin(), as.cend(), [&](const IpPattern &q) { return p.isCoveredBy(q); });
    });
}

// Every header condition of `a` holds whenever b's conditions hold.
bool headersImplied(const Analyzed &b, const Analyzed &a)
{
    return std::all_of(a.headers.cbegin(), a.headers.cend(), [&](const Header &ha) {
        return std::any_of(b.headers.cbegin(), b.headers.cend(), [&](const Header &hb) {
            if (ha.name != hb.name)
                return false;
            if (ha.isRegex == hb.isRegex)
                return ha.value == hb.value;
            // b demands a header line with exactly this value; a's expression then finds it in that line.
            return ha.isRegex && ha.regex.match(hb.value).hasMatch();
        });
    });
}

enum class Outranks { No, ByPriority, BySpecificity, ByOrder };

// Whether `a` ranks above `b` for every query both match, given that `a` covers `b`.
// Walks RouteTable's order level by level: a level where `a` is always ahead decides;
// a level where `a` may be behind means no; a level where `a` is never behind but may
// tie passes the decision on.
Outranks outranks(const Analyzed &a, const Analyzed &b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority ? Outranks::ByPriority : Outranks::No;

    // Domains. For each of b's patterns, the hosts it matches include one (a fresh label
    // under a wildcard) that only a's covering patterns match, so a's specificity there
    // is the best covering pattern's, which is never above b's own: the level can only
    // tie or lose.
    for (const DomainPattern &d : b.domains) {
        int lowest = 0;
        for (const DomainPattern &e : a.domains) {
            if (d.isCoveredBy(e))
                lowest = std::max(lowest, e.specificity());
        }
        if (lowest < d.specificity())
            return Outranks::No;
    }

    if (a.path.specificity() != b.path.specificity())
        return a.path.specificity() > b.path.specificity() ? Outranks::BySpecificity : Outranks::No;

    // Client networks: a's entries that cover a whole entry of b bound a's specificity from
    // below on it; narrower entries of a might not apply, so they are not counted.
    const auto bs = ipsOrAny(b);
    const auto as = ipsOrAny(a);
    for (const IpPattern &p : bs) {
        int lowest = -1;
        for (const IpPattern &q : as) {
            if (p.isCoveredBy(q))
                lowest = std::max(lowest, q.specificity());
        }
        if (lowest < p.specificity())
            return Outranks::No;
    }

    if (a.headers.size() != b.headers.size())
        return a.headers.size() > b.headers.size() ? Outranks::BySpecificity : Outranks::No;
    return a.index < b.index ? Outranks::ByOrder : Outranks::No;
}

Outranks shadows(const Analyzed &a, const Analyzed &b)
{
    if (!portsCovered(b, a) || !domainsCovered(b, a) || !b.path.isCoveredBy(a.path) || !ipsCovered(b, a)
        || !headersImplied(b, a))
        return Outranks::No;
    return outranks(a, b);
}

// Candidate lookup: routes that could cover another are found by domain key and path key.
const QString kNoDomain = QStringLiteral("\x02");

QString domainKey(const DomainPattern &d)
{
    return d.kind() == DomainPattern::Kind::Any ? QStringLiteral("*") : d.text();
}

QString pathKey(const PathPattern &p)
{
    switch (p.kind()) {
    case PathPattern::Kind::Any:
        return QStringLiteral("a");
    case PathPattern::Kind::Exact:
        return u'e' + p.text();
    case PathPattern::Kind::Prefix:
        return u'p' + p.text();
    case PathPattern::Kind::Glob:
        break;
    }
    return QStringLiteral("g");  // globs are few; compared one by one
}

QString combinedKey(const QString &domain, const QString &path)
{
    return domain + u'\x01' + path;
}

// Domain keys of the routes that may cover `b`'s first domain (or no domain).
QStringList coveringDomainKeys(const Analyzed &b)
{
    QStringList keys { kNoDomain };
    if (b.domains.empty())
        return keys;
    const DomainPattern &d = b.domains.front();
    keys << QStringLiteral("*");
    if (d.kind() == DomainPattern::Kind::Any)
        return keys;
    const QString &text = d.text();
    if (d.kind() == DomainPattern::Kind::Exact)
        keys << text;
    for (qsizetype dot = text.indexOf(u'.', d.kind() == DomainPattern::Kind::Exact ? 1 : 0); dot >= 0;
         dot = text.indexOf(u'.', dot + 1))
        keys << text.mid(dot);
    return keys;
}

// Prefix keys ("/x/*" stored without "/*") that may cover a path starting with `head`.
void appendPrefixKeys(QStringList &keys, const QString &head)
{
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head[i] == u'/')
            keys << u'p' + head.left(i);
    }
    keys << u'p' + head;
}

QStringList coveringPathKeys(const PathPattern &p)
{
    QStringList keys { QStringLiteral("a") };
    switch (p.kind()) {
    case PathPattern::Kind::Any:
        break;
    case PathPattern::Kind::Exact:
        keys << u'e' + p.text() << QStringLiteral("g");
        appendPrefixKeys(keys, p.text());
        break;
    case PathPattern::Kind::Prefix:
        appendPrefixKeys(keys, p.text());
        break;
    case PathPattern::Kind::Glob:
        keys << QStringLiteral("g");
        appendPrefixKeys(keys, p.text().left(p.text().indexOf(u'*')));
        break;
    }
    keys.removeDuplicates();
    return keys;
}

QString routeRef(const Analyzed &r)
{
    return QStringLiteral("'%1' (routes[%2])").arg(r.name, QString::number(r.index));
}

}  // namespace

config::Diagnostics analyzeOverlaps(const config::Config &config)
{
    std::vector<Analyzed> routes;
    for (int i = 0; i < int(config.routes.size()); ++i) {
        if (!config.routes[i].enabled)
            continue;
        if (auto analyzed = analyze(config.routes[i], i))
            routes.push_back(std::move(*analyzed));
    }

    PortSegments segments;
    for (int r = 0; r < int(routes.size()); ++r)
        segments.add(r, routes[size_t(r)].ports);
    segments.finish();
    std::vector<QHash<QString, std::vector<int>>> bySegment(size_t(segments.segmentCount()));
    for (int s = 0; s < segments.segmentCount(); ++s) {
        for (const int r : segments.items(s)) {
            const Analyzed &a = routes[size_t(r)];
            const QString path = pathKey(a.path);
            if (a.domains.empty())
                bySegment[size_t(s)][combinedKey(kNoDomain, path)].push_back(r);
            for (const DomainPattern &d : a.domains)
                bySegment[size_t(s)][combinedKey(domainKey(d), path)].push_back(r);
        }
    }

    config::Diagnostics diagnostics;
    const auto warn = [&](const Analyzed &r, const QString &message) {
        diagnostics.append(
            { config::Diagnostic::Severity::Warning, QStringLiteral("routes[%1]").arg(r.index), message, 0, 0 });
    };

    QHash<QString, int> firstWithMatch;  // priority and match key -> first route
    std::vector<int> seen(routes.size(), -1);
    for (int r = 0; r < int(routes.size()); ++r) {
        const Analyzed &b = routes[size_t(r)];
        const QString twinKey = QString::number(b.priority) + u'#' + b.matchKey;
        const auto twin = firstWithMatch.constFind(twinKey);
        if (twin != firstWithMatch.constEnd()) {
            const Analyzed &a = routes[size_t(*twin)];
            warn(b,
                 //: %1 is the first route, as in "'web' (routes[0])"; %2 the name of the route it hides.
                 QCoreApplication::translate("gatehouse::routing::OverlapAnalysis",
                                             "routes %1 and '%2' have the same match and the same priority: "
                                             "%1 wins by config order, so '%2' is never selected")
                     .arg(routeRef(a), b.name));
        } else {
            firstWithMatch.insert(twinKey, r);
        }

        // The shadowing route must also cover b's first port, domain and path.
        const int segment = segments.segmentOf(b.ports.front().from);
        const QHash<QString, std::vector<int>> &index = bySegment[size_t(segment)];
        int shadower = -1;
        Outranks how = Outranks::No;
        const QStringList pathKeys = coveringPathKeys(b.path);
        for (const QString &domain : coveringDomainKeys(b)) {
            for (const QString &path : pathKeys) {
                const auto it = index.constFind(combinedKey(domain, path));
                if (it == index.constEnd())
                    continue;
                for (const int c : *it) {
                    if (c == r || seen[size_t(c)] == r || (shadower >= 0 && c > shadower))
                        continue;
                    seen[size_t(c)] = r;
                    const Analyzed &a = routes[size_t(c)];
                    // A twin is reported above as ambiguous.
                    if (a.priority == b.priority && a.matchKey == b.matchKey)
                        continue;
                    if (const Outranks result = shadows(a, b); result != Outranks::No) {
                        shadower = c;
                        how = result;
                    }
                }
            }
        }
        if (shadower < 0)
            continue;
        const Analyzed &a = routes[size_t(shadower)];
        switch (how) {
        case Outranks::ByPriority:
            warn(b,
                 //: %1 is the hidden route's name; %2 the route that hides it, as in "'web' (routes[0])";
                 //: %3 and %4 their priorities.
                 QCoreApplication::translate(
                     "gatehouse::routing::OverlapAnalysis",
                     "route '%1' is shadowed by route %2, which matches everything '%1' matches and has a "
                     "higher priority (%3 over %4), so '%1' is never selected")
                     .arg(b.name, routeRef(a), QString::number(a.priority), QString::number(b.priority)));
            break;
        case Outranks::BySpecificity:
            warn(b,
                 //: %1 is the hidden route's name; %2 the route that hides it, as in "'web' (routes[0])".
                 QCoreApplication::translate(
                     "gatehouse::routing::OverlapAnalysis",
                     "route '%1' is shadowed by route %2, which matches everything '%1' matches and is more "
                     "specific at the same priority, so '%1' is never selected")
                     .arg(b.name, routeRef(a)));
            break;
        case Outranks::ByOrder:
            warn(b,
                 //: %1 is the hidden route's name; %2 the route that hides it, as in "'web' (routes[0])".
                 QCoreApplication::translate(
                     "gatehouse::routing::OverlapAnalysis",
                     "route '%1' is shadowed by route %2, which matches everything '%1' matches and is as "
                     "specific, at the same priority, and comes first, so '%1' is never selected")
                     .arg(b.name, routeRef(a)));
            break;
        case Outranks::No:
            break;
        }
    }
    return diagnostics;
}

}  // namespace gatehouse::routing
