#include "net/ListenerKey.h"

#include <QHashFunctions>
#include <QHostAddress>

namespace gatehouse::net {

ListenerKey ListenerKey::make(const QString &address, quint16 port)
{
    const QHostAddress parsed(address);
    return ListenerKey { parsed.isNull() ? address : parsed.toString(), port };
}

QString ListenerKey::toString() const
{
    const QString host = isIpv6() ? u'[' + address + u']' : address;
    return host + u':' + QString::number(port);
}

bool ListenerKey::isIpv6() const
{
    return address.contains(u':');
}

bool ListenerKey::overlaps(const ListenerKey &other) const
{
    if (port != other.port)
        return false;
    if (address == other.address)
        return true;
    const QHostAddress mine(address);
    const QHostAddress theirs(other.address);
    const bool mineAny = mine == QHostAddress(QHostAddress::AnyIPv4) || mine == QHostAddress(QHostAddress::AnyIPv6);
    const bool theirsAny
        = theirs == QHostAddress(QHostAddress::AnyIPv4) || theirs == QHostAddress(QHostAddress::AnyIPv6);
    if (isIpv6() == other.isIpv6())
        return mineAny || theirsAny;
    // "::" is dual-stack (Linux's default, and what the Windows socket code asks for).
    return isIpv6() ? mineAny : theirsAny;
}

size_t qHash(const ListenerKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.address, key.port);
}

}  // namespace gatehouse::net
