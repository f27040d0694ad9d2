#pragma once

#include <QHostAddress>
#include <QString>

#include <array>

namespace gatehouse::routing {

// A client address in a fixed-size, allocation-free form, converted once per
// connection so the route table and IP patterns compare raw bits on the hot path.
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) become plain IPv4, so IPv4 rules
// apply to clients of dual-stack listeners.
class ClientAddress
{
public:
    enum class Family : quint8 { None, IPv4, IPv6 };

    ClientAddress() = default;  // unknown client: only "*" and routes without clientIp match it
    explicit ClientAddress(const QHostAddress &address);
    static ClientAddress fromIPv4(quint32 address);

    Family family() const { return m_family; }
    bool isNull() const { return m_family == Family::None; }
    int bitCount() const { return m_family == Family::IPv4 ? 32 : m_family == Family::IPv6 ? 128 : 0; }
    // Network byte order; IPv4 uses the first four bytes.
    const std::array<quint8, 16> &bytes() const { return m_bytes; }

    // Both addresses are of one family and agree on the first `bits` bits.
    bool sharesPrefix(const ClientAddress &other, int bits) const;
    // This address with every bit after the first `bits` cleared.
    ClientAddress masked(int bits) const;
    QHostAddress toHostAddress() const;
    QString toString() const { return toHostAddress().toString(); }

    friend bool operator==(const ClientAddress &, const ClientAddress &) = default;

private:
    Family m_family = Family::None;
    std::array<quint8, 16> m_bytes {};
};

}  // namespace gatehouse::routing
