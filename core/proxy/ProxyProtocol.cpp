#include "proxy/ProxyProtocol.h"

#include <QtEndian>

#include <cstring>

namespace gatehouse::proxy {

namespace {

constexpr char kV2Signature[] = "\r\n\r\n\0\r\nQUIT\n";
constexpr qsizetype kV2SignatureLength = 12;
constexpr char kV1Prefix[] = "PROXY ";
constexpr qsizetype kV1PrefixLength = 6;

using Status = ProxyProtocol::Parsed::Status;

ProxyProtocol::Parsed invalid(const QString &error)
{
    ProxyProtocol::Parsed parsed;
    parsed.status = Status::Invalid;
    parsed.error = error;
    return parsed;
}

ProxyProtocol::Parsed needMore()
{
    return ProxyProtocol::Parsed {};
}

// Both addresses in one family: IPv4 when both are (or map to) IPv4, IPv6 otherwise.
// A scope id (fe80::1%eth0, as a socket gives a link-local peer) names an interface
// of this host, means nothing to the receiver, and v1 has no syntax for it: dropped.
bool normalise(QHostAddress &source, QHostAddress &destination)
{
    source.setScopeId(QString());
    destination.setScopeId(QString());
    bool sourceV4 = false;
    bool destinationV4 = false;
    const quint32 s4 = source.toIPv4Address(&sourceV4);
    const quint32 d4 = destination.toIPv4Address(&destinationV4);
    if (sourceV4 && destinationV4) {
        source = QHostAddress(s4);
        destination = QHostAddress(d4);
        return true;
    }
    if (source.protocol() == QAbstractSocket::IPv4Protocol)
        source = QHostAddress(source.toIPv6Address());
    if (destination.protocol() == QAbstractSocket::IPv4Protocol)
        destination = QHostAddress(destination.toIPv6Address());
    return false;
}

bool parsePort(QByteArrayView text, quint16 *port)
{
    if (text.isEmpty() || text.size() > 5 || (text.size() > 1 && text.front() == '0'))
        return false;
    quint32 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + quint32(c - '0');
    }
    if (value > 65535)
        return false;
    *port = quint16(value);
    return true;
}

bool parseAddress(QByteArrayView text, QAbstractSocket::NetworkLayerProtocol family, QHostAddress *address)
{
    if (text.isEmpty() || text.size() > 39)
        return false;
    for (const char c : text) {
        const bool ok
            = (c >= '0' && c <= '9') || c == '.' || c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!ok)
            return false;
    }
    const QHostAddress parsed(QString::fromLatin1(text));
    if (parsed.isNull() || parsed.protocol() != family)
        return false;
    *address = parsed;
    return true;
}

ProxyProtocol::Parsed parseV1(QByteArrayView data)
{
    const qsizetype end = data.first(qMin(data.size(), ProxyProtocol::kMaxV1Length)).indexOf("\r\n");
    if (end < 0) {
        if (data.size() >= ProxyProtocol::kMaxV1Length)
            return invalid(QStringLiteral("v1 header without CRLF in the first 107 bytes"));
        if (data.contains('\n'))
            return invalid(QStringLiteral("v1 header ends without CR"));
        return needMore();
    }
    const QByteArrayView line = data.first(end).sliced(kV1PrefixLength);
    QList<QByteArrayView> fields;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ' ') {
            fields.append(line.sliced(start, i - start));
            start = i + 1;
        }
    }
    ProxyProtocol::Parsed parsed;
    parsed.status = Status::Complete;
    parsed.consumed = end + 2;
    parsed.header.version = 1;
    if (!fields.isEmpty() && fields.front() == "UNKNOWN") {
        // The rest of the line is to be ignored.
        parsed.header.command = ProxyHeader::Command::Local;
        return parsed;
    }
    if (fields.size() != 5)
        return invalid(QStringLiteral("v1 header needs protocol, two addresses and two ports"));
    QAbstractSocket::NetworkLayerProtocol family;
    if (fields[0] == "TCP4")
        family = QAbstractSocket::IPv4Protocol;
    else if (fields[0] == "TCP6")
        family = QAbstractSocket::IPv6Protocol;
    else
        return invalid(QStringLiteral("v1 protocol is not TCP4, TCP6 or UNKNOWN"));
    if (!parseAddress(fields[1], family, &parsed.header.sourceAddress))
        return invalid(QStringLiteral("v1 source address is not an address of the protocol's family"));
    if (!parseAddress(fields[2], family, &parsed.header.destinationAddress))
        return invalid(QStringLiteral("v1 destination address is not an address of the protocol's family"));
    if (!parsePort(fields[3], &parsed.header.sourcePort) || !parsePort(fields[4], &parsed.header.destinationPort))
        return invalid(QStringLiteral("v1 port is not a number from 0 to 65535"));
    return parsed;
}

ProxyProtocol::Parsed parseV2(QByteArrayView data)
{
    if (data.size() < ProxyProtocol::kV2HeaderLength)
        return needMore();
    const auto *bytes = reinterpret_cast<const uchar *>(data.data());
    const uchar versionCommand = bytes[12];
    const uchar familyProtocol = bytes[13];
    const qsizetype length = qFromBigEndian<quint16>(bytes + 14);
    if ((versionCommand >> 4) != 2)
        return invalid(QStringLiteral("v2 version is not 2"));
    const uchar command = versionCommand & 0x0f;
    if (command > 1)
        return invalid(QStringLiteral("v2 command is neither LOCAL nor PROXY"));
    if (ProxyProtocol::kV2HeaderLength + length > ProxyProtocol::kMaxV2Length)
        return invalid(QStringLiteral("v2 header longer than %1 bytes").arg(ProxyProtocol::kMaxV2Length));
    const uchar family = familyProtocol >> 4;
    const uchar transport = familyProtocol & 0x0f;
    if (family > 3 || transport > 2)
        return invalid(QStringLiteral("v2 address family or transport is unknown"));
    // Check what the address block needs before waiting for it, so a bad length fails early.
    const qsizetype needed = family == 1 ? 12 : family == 2 ? 36 : family == 3 ? 216 : 0;
    if (command == 1 && transport != 0 && length < needed)
        return invalid(QStringLiteral("v2 length too short for its address family"));
    if (data.size() < ProxyProtocol::kV2HeaderLength + length)
        return needMore();

    ProxyProtocol::Parsed parsed;
    parsed.status = Status::Complete;
    parsed.consumed = ProxyProtocol::kV2HeaderLength + length;
    parsed.header.version = 2;
    if (command == 0 || family == 0 || transport == 0) {
        // LOCAL, or UNSPEC: the receiver uses the real connection's addresses.
        parsed.header.command = ProxyHeader::Command::Local;
        return parsed;
    }
    if (transport != 1)
        return invalid(QStringLiteral("v2 transport is datagram; only stream is proxied"));
    if (family == 3) {
        // AF_UNIX endpoints have no address we could use: treat as LOCAL.
        parsed.header.command = ProxyHeader::Command::Local;
        return parsed;
    }
    const uchar *block = bytes + ProxyProtocol::kV2HeaderLength;
    ProxyHeader &header = parsed.header;
    if (family == 1) {
        header.sourceAddress = QHostAddress(qFromBigEndian<quint32>(block));
        header.destinationAddress = QHostAddress(qFromBigEndian<quint32>(block + 4));
        header.sourcePort = qFromBigEndian<quint16>(block + 8);
        header.destinationPort = qFromBigEndian<quint16>(block + 10);
    } else {
        Q_IPV6ADDR source;
        Q_IPV6ADDR destination;
        std::memcpy(source.c, block, 16);
        std::memcpy(destination.c, block + 16, 16);
        header.sourceAddress = QHostAddress(source);
        header.destinationAddress = QHostAddress(destination);
        header.sourcePort = qFromBigEndian<quint16>(block + 32);
        header.destinationPort = qFromBigEndian<quint16>(block + 34);
    }
    return parsed;
}

}  // namespace

QByteArray ProxyProtocol::encodeV1(const ProxyHeader &header)
{
    if (!header.hasAddresses() || header.destinationAddress.isNull())
        return QByteArrayLiteral("PROXY UNKNOWN\r\n");
    QHostAddress source = header.sourceAddress;
    QHostAddress destination = header.destinationAddress;
    const bool v4 = normalise(source, destination);
    QByteArray out;
    out.reserve(kMaxV1Length);
    out += v4 ? "PROXY TCP4 " : "PROXY TCP6 ";
    out += source.toString().toLatin1();
    out += ' ';
    out += destination.toString().toLatin1();
    out += ' ';
    out += QByteArray::number(header.sourcePort);
    out += ' ';
    out += QByteArray::number(header.destinationPort);
    out += "\r\n";
    return out;
}

QByteArray ProxyProtocol::encodeV2(const ProxyHeader &header)
{
    QByteArray out(kV2Signature, kV2SignatureLength);
    if (!header.hasAddresses() || header.destinationAddress.isNull()) {
        out += char(0x20);  // version 2, LOCAL
        out += char(0x00);  // UNSPEC
        out += QByteArray(2, '\0');
        return out;
    }
    QHostAddress source = header.sourceAddress;
    QHostAddress destination = header.destinationAddress;
    const bool v4 = normalise(source, destination);
    out += char(0x21);  // version 2, PROXY
    uchar block[36];
    qsizetype length = 0;
    if (v4) {
        out += char(0x11);  // AF_INET, STREAM
        qToBigEndian(source.toIPv4Address(), block);
        qToBigEndian(destination.toIPv4Address(), block + 4);
        qToBigEndian(header.sourcePort, block + 8);
        qToBigEndian(header.destinationPort, block + 10);
        length = 12;
    } else {
        out += char(0x21);  // AF_INET6, STREAM
        const Q_IPV6ADDR s = source.toIPv6Address();
        const Q_IPV6ADDR d = destination.toIPv6Address();
        std::memcpy(block, s.c, 16);
        std::memcpy(block + 16, d.c, 16);
        qToBigEndian(header.sourcePort, block + 32);
        qToBigEndian(header.destinationPort, block + 34);
        length = 36;
    }
    uchar lengthBytes[2];
    qToBigEndian(quint16(length), lengthBytes);
    out.append(reinterpret_cast<const char *>(lengthBytes), 2);
    out.append(reinterpret_cast<const char *>(block), length);
    return out;
}

ProxyProtocol::Parsed ProxyProtocol::parse(QByteArrayView data)
{
    if (data.isEmpty())
        return needMore();
    // Decide the version from the bytes we have: any prefix of a signature waits for more.
    const qsizetype v2Check = qMin(data.size(), kV2SignatureLength);
    if (std::memcmp(data.data(), kV2Signature, size_t(v2Check)) == 0)
        return v2Check < kV2SignatureLength ? needMore() : parseV2(data);
    const qsizetype v1Check = qMin(data.size(), kV1PrefixLength);
    if (std::memcmp(data.data(), kV1Prefix, size_t(v1Check)) == 0)
        return v1Check < kV1PrefixLength ? needMore() : parseV1(data);
    return invalid(QStringLiteral("not a PROXY protocol header"));
}

}  // namespace gatehouse::proxy
