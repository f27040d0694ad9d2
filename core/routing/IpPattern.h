#pragma once

#include "Result.h"

#include <QHostAddress>
#include <QString>

namespace gatehouse::routing {

// One entry of match.clientIp, security.ipAllowList or ipBlockList, compiled:
// "*", an address, a CIDR ("10.0.0.0/8", "2001:db8::/32"), or an IPv4 glob whose
// stars are whole trailing octets ("192.168.*.*", the same as 192.168.0.0/16).
// IPv4-mapped IPv6 clients (::ffff:a.b.c.d) match IPv4 patterns.
class IpPattern
{
public:
    static Result<IpPattern, QString> parse(const QString &text);

    bool isAny() const { return m_any; }
    bool matches(const QHostAddress &address) const;
    // Narrower networks are more specific; "*" is 0.
    int specificity() const;
    // Every address this pattern matches is also matched by `other`.
    bool isCoveredBy(const IpPattern &other) const;
    QString toString() const;

private:
    bool m_any = true;
    QHostAddress m_network;
    int m_prefixLength = 0;
};

// Maps ::ffff:a.b.c.d to a.b.c.d so IPv4 rules apply to dual-stack listeners.
QHostAddress unmapIpv4(const QHostAddress &address);

}  // namespace gatehouse::routing
