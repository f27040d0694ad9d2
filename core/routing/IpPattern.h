#pragma once

#include "Result.h"
#include "routing/ClientAddress.h"

#include <QHostAddress>
#include <QString>

namespace gatehouse::routing {

// One entry of match.clientIp, security.ipAllowList or ipBlockList, compiled:
// "*", an address, a CIDR ("10.0.0.0/8", "2001:db8::/32"), or an IPv4 glob whose
// stars are whole trailing octets ("192.168.*.*", the same as 192.168.0.0/16).
// IPv4-mapped IPv6 clients (::ffff:a.b.c.d) match IPv4 patterns, and a pattern
// written in mapped form (::ffff:10.0.0.0/104) is stored as the IPv4 network.
// IPv4 text must be four decimal octets: inet_aton forms ("127.1", "010.0.0.1"
// read as octal) are rejected, because an allow list must mean what it says.
class IpPattern
{
public:
    static Result<IpPattern, QString> parse(const QString &text);

    bool isAny() const { return m_any; }
    // "*" matches every client, even an unknown one; a network never matches an unknown client.
    bool matches(const ClientAddress &address) const
    {
        return m_any || address.sharesPrefix(m_network, m_prefixLength);
    }
    bool matches(const QHostAddress &address) const { return matches(ClientAddress(address)); }
    // Higher is more specific: fewer open host bits (IPv4 /24 ranks with IPv6 /120); "*" is 0.
    int specificity() const;
    // Every address this pattern matches is also matched by `other`.
    bool isCoveredBy(const IpPattern &other) const;
    // "*" or the canonical "network/prefix".
    QString toString() const;

    friend bool operator==(const IpPattern &, const IpPattern &) = default;

private:
    bool m_any = true;
    ClientAddress m_network;  // host bits cleared
    int m_prefixLength = 0;
};

// Maps ::ffff:a.b.c.d to a.b.c.d so IPv4 rules apply to dual-stack listeners.
QHostAddress unmapIpv4(const QHostAddress &address);

}  // namespace gatehouse::routing
