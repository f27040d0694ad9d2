#include "routing/ClientAddress.h"

#include <algorithm>

namespace gatehouse::routing {

namespace {

bool isIpv4Mapped(const Q_IPV6ADDR &a)
{
    for (int i = 0; i < 10; ++i) {
        if (a[i] != 0)
            return false;
    }
    return a[10] == 0xff && a[11] == 0xff;
}

}  // namespace

ClientAddress::ClientAddress(const QHostAddress &address)
{
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol:
        *this = fromIPv4(address.toIPv4Address());
        break;
    case QAbstractSocket::IPv6Protocol: {
        const Q_IPV6ADDR a = address.toIPv6Address();
        if (isIpv4Mapped(a)) {
            m_family = Family::IPv4;
            for (int i = 0; i < 4; ++i)
                m_bytes[i] = a[12 + i];
        } else {
            m_family = Family::IPv6;
            for (int i = 0; i < 16; ++i)
                m_bytes[i] = a[i];
        }
        break;
    }
    default:
        break;
    }
}

ClientAddress ClientAddress::fromIPv4(quint32 address)
{
    ClientAddress result;
    result.m_family = Family::IPv4;
    for (int i = 0; i < 4; ++i)
        result.m_bytes[i] = quint8(address >> (24 - 8 * i));
    return result;
}

bool ClientAddress::sharesPrefix(const ClientAddress &other, int bits) const
{
    if (m_family != other.m_family || m_family == Family::None)
        return false;
    const int whole = bits / 8;
    for (int i = 0; i < whole; ++i) {
        if (m_bytes[i] != other.m_bytes[i])
            return false;
    }
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const quint8 mask = quint8(0xff << (8 - rest));
    return (m_bytes[whole] & mask) == (other.m_bytes[whole] & mask);
}

ClientAddress ClientAddress::masked(int bits) const
{
    ClientAddress result = *this;
    for (int i = 0; i < 16; ++i) {
        const int keep = std::clamp(bits - 8 * i, 0, 8);
        result.m_bytes[i] &= quint8(0xff << (8 - keep));
    }
    return result;
}

QHostAddress ClientAddress::toHostAddress() const
{
    switch (m_family) {
    case Family::IPv4:
        return QHostAddress(quint32(m_bytes[0]) << 24 | quint32(m_bytes[1]) << 16 | quint32(m_bytes[2]) << 8
                            | quint32(m_bytes[3]));
    case Family::IPv6:
        return QHostAddress(m_bytes.data());
    case Family::None:
        break;
    }
    return {};
}

}  // namespace gatehouse::routing
