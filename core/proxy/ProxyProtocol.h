#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

namespace gatehouse::proxy {

// The connection endpoints a PROXY protocol header carries (HAProxy's spec,
// versions 1 and 2, TCP over IPv4 and IPv6).
struct ProxyHeader
{
    enum class Command {
        Proxy,  // relayed: the addresses are the original client's
        Local,  // v2 LOCAL, or v1 UNKNOWN: the proxy's own connection (health check); use the socket's addresses
    };

    int version = 2;
    Command command = Command::Proxy;
    QHostAddress sourceAddress;
    quint16 sourcePort = 0;
    QHostAddress destinationAddress;
    quint16 destinationPort = 0;

    bool hasAddresses() const { return command == Command::Proxy && !sourceAddress.isNull(); }
};

// Encodes PROXY headers for routes with sendProxyProtocol, and parses them from
// trusted peers before anything else is read. The parser is bounded (it never
// looks past kMaxV1Length or kMaxV2Length bytes) and safe on any input: it is fuzzed.
class ProxyProtocol
{
public:
    static constexpr qsizetype kMaxV1Length = 107;  // the spec's maximum, CRLF included
    static constexpr qsizetype kV2HeaderLength = 16;
    // The spec allows 64 KiB of TLVs; nothing we accept from needs more than this.
    static constexpr qsizetype kMaxV2Length = kV2HeaderLength + 2048;

    struct Parsed
    {
        enum class Status { Complete, NeedMore, Invalid };
        Status status = Status::NeedMore;
        ProxyHeader header;
        qsizetype consumed = 0;  // header bytes, when Complete: the payload starts here
        QString error;  // why, when Invalid
    };

    // v1 text ("PROXY TCP4 ..."); mixed families are written as TCP6 with IPv4-mapped
    // addresses; no addresses (or Local) gives "PROXY UNKNOWN".
    static QByteArray encodeV1(const ProxyHeader &header);
    // v2 binary; Local (or no addresses) gives a LOCAL command with no address block.
    static QByteArray encodeV2(const ProxyHeader &header);
    static QByteArray encode(const ProxyHeader &header)
    {
        return header.version == 1 ? encodeV1(header) : encodeV2(header);
    }

    static Parsed parse(QByteArrayView data);
};

}  // namespace gatehouse::proxy
