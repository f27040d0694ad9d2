#include "routing/IpPattern.h"

#include <QStringList>

namespace gatehouse::routing {

QHostAddress unmapIpv4(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (ok)
            return QHostAddress(v4);
    }
    return address;
}

Result<IpPattern, QString> IpPattern::parse(const QString &text)
{
    using R = Result<IpPattern, QString>;
    IpPattern pattern;
    if (text == u"*")
        return pattern;
    pattern.m_any = false;

    if (text.contains(u'*')) {
        const QStringList octets = text.split(u'.');
        if (octets.size() != 4)
            return R::failure(QStringLiteral("'%1': a glob has four octets, as in 192.168.*.*").arg(text));
        int fixed = 0;
        while (fixed < 4 && octets[fixed] != u"*")
            ++fixed;
        for (int i = fixed; i < 4; ++i) {
            if (octets[i] != u"*")
                return R::failure(
                    QStringLiteral("'%1': a * must stand for whole trailing octets, as in 192.168.*.*").arg(text));
        }
        QStringList network = octets.mid(0, fixed);
        while (network.size() < 4)
            network << QStringLiteral("0");
        const QString cidr = network.join(u'.') + u'/' + QString::number(fixed * 8);
        const auto subnet = QHostAddress::parseSubnet(cidr);
        if (subnet.second < 0)
            return R::failure(QStringLiteral("'%1' is not a valid IPv4 glob").arg(text));
        pattern.m_network = subnet.first;
        pattern.m_prefixLength = subnet.second;
        return pattern;
    }

    if (text.contains(u'/')) {
        const QString prefix = text.section(u'/', 1);
        bool numeric = !prefix.isEmpty();
        for (const QChar c : prefix)
            numeric = numeric && c.isDigit();
        const auto subnet = QHostAddress::parseSubnet(text);
        if (!numeric || subnet.second < 0)
            return R::failure(
                QStringLiteral(
                    "'%1' is not a valid CIDR (an address, '/', and a prefix length up to 32 for IPv4 or 128 for IPv6)")
                    .arg(text));
        pattern.m_network = subnet.first;
        pattern.m_prefixLength = subnet.second;
        return pattern;
    }

    const QHostAddress address(text);
    if (address.isNull() || text.contains(u'%'))
        return R::failure(QStringLiteral("'%1' is not an IP address, CIDR or glob").arg(text));
    pattern.m_network = address;
    pattern.m_prefixLength = address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    return pattern;
}

bool IpPattern::matches(const QHostAddress &address) const
{
    if (m_any)
        return true;
    return unmapIpv4(address).isInSubnet(m_network, m_prefixLength);
}

int IpPattern::specificity() const
{
    if (m_any)
        return 0;
    // Compare IPv4 and IPv6 networks by how many addresses they leave open.
    const int bits = m_network.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    return 129 - (bits - m_prefixLength);
}

bool IpPattern::isCoveredBy(const IpPattern &other) const
{
    if (other.m_any)
        return true;
    if (m_any || m_network.protocol() != other.m_network.protocol())
        return false;
    return m_prefixLength >= other.m_prefixLength && m_network.isInSubnet(other.m_network, other.m_prefixLength);
}

QString IpPattern::toString() const
{
    if (m_any)
        return QStringLiteral("*");
    return m_network.toString() + u'/' + QString::number(m_prefixLength);
}

}  // namespace gatehouse::routing
