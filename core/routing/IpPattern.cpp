#include "routing/IpPattern.h"

#include <QCoreApplication>
#include <QStringList>

namespace gatehouse::routing {

namespace {

constexpr int kIpv4MappedPrefix = 96;

// Four decimal octets 0..255 without leading zeros, which some parsers read as octal.
bool isDottedQuad(QStringView text)
{
    const auto octets = text.split(u'.');
    if (octets.size() != 4)
        return false;
    for (const QStringView octet : octets) {
        if (octet.isEmpty() || octet.size() > 3 || (octet.size() > 1 && octet.startsWith(u'0')))
            return false;
        int value = 0;
        for (const QChar c : octet) {
            if (c < u'0' || c > u'9')
                return false;
            value = value * 10 + (c.unicode() - u'0');
        }
        if (value > 255)
            return false;
    }
    return true;
}

// Whether `text` is an address Qt reads the way a person does (no inet_aton shorthand,
// no spaces, no IPv6 scope).
bool isPlainAddress(QStringView text)
{
    if (text.contains(u':'))
        return !text.contains(u'%') && !text.contains(u' ');
    return isDottedQuad(text);
}

}  // namespace

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

    QHostAddress network;
    int prefixLength = 0;
    if (text.contains(u'*')) {
        const QStringList octets = text.split(u'.');
        if (octets.size() != 4)
            return R::failure(QCoreApplication::translate("gatehouse::routing::IpPattern",
                                                          "'%1': a glob has four octets, as in 192.168.*.*")
                                  .arg(text));
        int fixed = 0;
        while (fixed < 4 && octets[fixed] != u"*")
            ++fixed;
        for (int i = 0; i < 4; ++i) {
            // Stars are whole octets, and every octet after the first star is one.
            const bool misplaced = i < fixed ? octets[i].contains(u'*') : octets[i] != u"*";
            if (misplaced)
                return R::failure(
                    QCoreApplication::translate("gatehouse::routing::IpPattern",
                                                "'%1': a * must stand for whole trailing octets, as in 192.168.*.*")
                        .arg(text));
        }
        QStringList head = octets.mid(0, fixed);
        while (head.size() < 4)
            head << QStringLiteral("0");
        const QString address = head.join(u'.');
        if (!isDottedQuad(address))
            return R::failure(
                QCoreApplication::translate("gatehouse::routing::IpPattern", "'%1' is not a valid IPv4 glob")
                    .arg(text));
        network = QHostAddress(address);
        prefixLength = fixed * 8;
    } else if (text.contains(u'/')) {
        const QString address = text.section(u'/', 0, 0);
        const QString prefix = text.section(u'/', 1);
        bool numeric = !prefix.isEmpty() && prefix.size() <= 3;
        for (const QChar c : prefix)
            numeric = numeric && c >= u'0' && c <= u'9';
        const auto subnet = QHostAddress::parseSubnet(text);
        if (!numeric || !isPlainAddress(address) || subnet.second < 0)
            return R::failure(
                QCoreApplication::translate(
                    "gatehouse::routing::IpPattern",
                    "'%1' is not a valid CIDR (an address, '/', and a prefix length up to 32 for IPv4 or 128 for IPv6)")
                    .arg(text));
        network = subnet.first;
        prefixLength = subnet.second;
    } else {
        network = QHostAddress(text);
        if (network.isNull() || !isPlainAddress(text))
            return R::failure(
                QCoreApplication::translate("gatehouse::routing::IpPattern", "'%1' is not an IP address, CIDR or glob")
                    .arg(text));
        prefixLength = network.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    }

    const ClientAddress compact(network);
    // ClientAddress folds ::ffff:a.b.c.d into IPv4, so the prefix follows. A network
    // still in mapped form after masking has a prefix of at least 96.
    if (compact.family() == ClientAddress::Family::IPv4 && network.protocol() == QAbstractSocket::IPv6Protocol)
        prefixLength -= kIpv4MappedPrefix;
    pattern.m_network = compact.masked(prefixLength);
    pattern.m_prefixLength = prefixLength;
    return pattern;
}

int IpPattern::specificity() const
{
    if (m_any)
        return 0;
    // Compare IPv4 and IPv6 networks by how many host bits they leave open.
    return 129 - (m_network.bitCount() - m_prefixLength);
}

bool IpPattern::isCoveredBy(const IpPattern &other) const
{
    if (other.m_any)
        return true;
    if (m_any)
        return false;
    return m_prefixLength >= other.m_prefixLength && m_network.sharesPrefix(other.m_network, other.m_prefixLength);
}

QString IpPattern::toString() const
{
    if (m_any)
        return QStringLiteral("*");
    return m_network.toString() + u'/' + QString::number(m_prefixLength);
}

}  // namespace gatehouse::routing
