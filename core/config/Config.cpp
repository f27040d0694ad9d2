#include "config/Config.h"

#include <algorithm>

namespace gatehouse::config {

QList<PortRange> listenPorts(const Config &config)
{
    QList<PortRange> all;
    for (const Route &route : config.routes) {
        if (route.enabled)
            all += route.match.ports;
    }
    std::sort(all.begin(), all.end(), [](const PortRange &a, const PortRange &b) { return a.from < b.from; });
    QList<PortRange> merged;
    for (const PortRange &r : all) {
        if (!merged.isEmpty() && int(r.from) <= int(merged.last().to) + 1)
            merged.last().to = std::max(merged.last().to, r.to);
        else
            merged << r;
    }
    return merged;
}

QString describePorts(const QList<PortRange> &ports)
{
    QStringList parts;
    for (const PortRange &r : ports)
        parts << (r.isSingle() ? QString::number(r.from) : QStringLiteral("%1-%2").arg(r.from).arg(r.to));
    return parts.join(QStringLiteral(", "));
}

QStringList certificateDomains(const QStringList &domains)
{
    QStringList names;
    names.reserve(domains.size());
    for (const QString &domain : domains)
        names << domain.toLower();
    names.sort();
    names.removeDuplicates();
    return names;
}

QList<QStringList> wantedCertificates(const Config &config)
{
    QList<QStringList> wanted;
    for (const Route &route : config.routes) {
        if (!route.enabled || !route.action.tls.autoCertificate || route.match.domains.isEmpty())
            continue;
        const QStringList domains = certificateDomains(route.match.domains);
        if (!wanted.contains(domains))
            wanted << domains;
    }
    return wanted;
}

}  // namespace gatehouse::config
