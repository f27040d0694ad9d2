#pragma once

#include <QString>
#include <QtGlobal>

namespace gatehouse::net {

// One listening socket's identity: the numeric bind address and the TCP port.
// Every route and lease that wants the same key shares one socket.
struct ListenerKey
{
    QString address;  // normalised numeric form ("0.0.0.0", "127.0.0.1", "::")
    quint16 port = 0;

    // Normalises the address ("::0" -> "::") so equal addresses make equal keys;
    // text that is not a numeric address is kept as given and fails at bind time.
    static ListenerKey make(const QString &address, quint16 port);

    // "127.0.0.1:80", "[::]:443"
    QString toString() const;
    bool isIpv6() const;
    // Can both not be bound at once (the same address, or a wildcard on either side)?
    bool overlaps(const ListenerKey &other) const;

    friend bool operator==(const ListenerKey &, const ListenerKey &) = default;
    friend bool operator<(const ListenerKey &a, const ListenerKey &b)
    {
        return a.port != b.port ? a.port < b.port : a.address < b.address;
    }
};

size_t qHash(const ListenerKey &key, size_t seed = 0) noexcept;

}  // namespace gatehouse::net
