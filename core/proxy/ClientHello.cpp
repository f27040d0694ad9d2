#include "proxy/ClientHello.h"

namespace gatehouse::proxy {

namespace {

constexpr quint8 kHandshakeRecord = 0x16;
constexpr quint8 kClientHelloType = 0x01;
constexpr qsizetype kRecordHeader = 5;
constexpr qsizetype kMaxRecordPayload = 16384 + 2048;  // RFC 8446 5.2 allows expansion
constexpr quint16 kExtServerName = 0x0000;
constexpr quint16 kExtAlpn = 0x0010;
constexpr quint16 kExtSupportedVersions = 0x002b;

// A cursor over bytes that fails, rather than reads past the end.
class Cursor
{
public:
    explicit Cursor(QByteArrayView data) : m_data(data) { }

    bool ok() const { return m_ok; }
    qsizetype remaining() const { return m_data.size() - m_pos; }

    quint32 readInt(int bytes)
    {
        if (!take(bytes))
            return 0;
        quint32 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | quint8(m_data[m_pos - bytes + i]);
        return value;
    }
    QByteArrayView readBytes(qsizetype n)
    {
        if (!take(n))
            return {};
        return m_data.sliced(m_pos - n, n);
    }
    // A length-prefixed block, returned as its own cursor.
    Cursor readBlock(int lengthBytes)
    {
        const auto n = qsizetype(readInt(lengthBytes));
        return Cursor(m_ok ? readBytes(n) : QByteArrayView(), m_ok);
    }

private:
    Cursor(QByteArrayView data, bool ok) : m_data(data), m_ok(ok) { }
    bool take(qsizetype n)
    {
        if (!m_ok || n < 0 || remaining() < n) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

ClientHello malformed(const char *why)
{
    ClientHello hello;
    hello.status = ClientHello::Status::Malformed;
    hello.error = QString::fromLatin1(why);
    return hello;
}

bool isHostNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_';
}

// The ClientHello body after the 4-byte handshake header.
ClientHello parseBody(QByteArrayView body)
{
    ClientHello hello;
    Cursor in(body);
    hello.legacyVersion = quint16(in.readInt(2));
    in.readBytes(32);  // random
    Cursor sessionId = in.readBlock(1);
    Cursor cipherSuites = in.readBlock(2);
    Cursor compression = in.readBlock(1);
    if (!in.ok() || !sessionId.ok() || sessionId.remaining() > 32)
        return malformed("truncated ClientHello or bad session id");
    if (cipherSuites.remaining() < 2 || cipherSuites.remaining() % 2 != 0)
        return malformed("bad cipher suite list");
    if (compression.remaining() < 1)
        return malformed("empty compression method list");
    if (hello.legacyVersion < 0x0300 || (hello.legacyVersion >> 8) != 0x03)
        return malformed("not an SSL 3 / TLS version");

    hello.status = ClientHello::Status::Complete;
    if (in.remaining() == 0)
        return hello;  // no extensions at all (old clients)

    Cursor extensions = in.readBlock(2);
    if (!in.ok() || in.remaining() != 0)
        return malformed("bad extensions length");
    bool seenSni = false, seenAlpn = false;
    while (extensions.remaining() > 0) {
        const auto type = quint16(extensions.readInt(2));
        Cursor ext = extensions.readBlock(2);
        if (!extensions.ok())
            return malformed("truncated extension");
        if (type == kExtServerName) {
            if (seenSni)
                return malformed("two server_name extensions");
            seenSni = true;
            Cursor list = ext.readBlock(2);
            if (!ext.ok() || ext.remaining() != 0)
                return malformed("bad server_name list");
            while (list.remaining() > 0) {
                const auto nameType = list.readInt(1);
                const QByteArrayView name = list.readBytes(qsizetype(list.readInt(2)));
                if (!list.ok())
                    return malformed("truncated server name");
                if (nameType != 0 || !hello.serverName.isEmpty())
                    continue;  // only the first host_name counts (RFC 6066 allows one)
                if (name.isEmpty() || name.size() > 255)
                    return malformed("bad server name length");
                for (const char c : name) {
                    if (!isHostNameChar(c))
                        return malformed("server name has characters no host name has");
                }
                hello.serverName = QString::fromLatin1(name).toLower();
            }
        } else if (type == kExtAlpn) {
            if (seenAlpn)
                return malformed("two ALPN extensions");
            seenAlpn = true;
            Cursor list = ext.readBlock(2);
            if (!ext.ok() || ext.remaining() != 0)
                return malformed("bad ALPN list");
            while (list.remaining() > 0) {
                const QByteArrayView protocol = list.readBytes(qsizetype(list.readInt(1)));
                if (!list.ok() || protocol.isEmpty())
                    return malformed("bad ALPN protocol");
                hello.alpn << protocol.toByteArray();
            }
        } else if (type == kExtSupportedVersions) {
            Cursor versions = ext.readBlock(1);
            if (!ext.ok() || versions.remaining() % 2 != 0)
                return malformed("bad supported_versions");
            while (versions.remaining() > 0) {
                if (versions.readInt(2) == 0x0304)
                    hello.supportsTls13 = true;
            }
        }
    }
    return hello;
}

}  // namespace

bool ClientHello::looksLikeTls(QByteArrayView data)
{
    if (data.isEmpty())
        return false;
    if (quint8(data[0]) != kHandshakeRecord)
        return false;
    return data.size() < 2 || quint8(data[1]) == 0x03;
}

ClientHello ClientHello::parse(QByteArrayView data)
{
    ClientHello needMore;
    if (!looksLikeTls(data)) {
        ClientHello notTls;
        notTls.status = Status::NotTls;
        return notTls;
    }

    // Gather the handshake bytes from as many records as it takes.
    QByteArray handshake;
    qsizetype pos = 0;
    while (true) {
        if (data.size() - pos < kRecordHeader)
            return needMore;
        const auto header = data.sliced(pos, kRecordHeader);
        if (quint8(header[0]) != kHandshakeRecord || quint8(header[1]) != 0x03)
            return malformed("a non-handshake record inside the ClientHello");
        const qsizetype length = (qsizetype(quint8(header[3])) << 8) | quint8(header[4]);
        if (length == 0 || length > kMaxRecordPayload)
            return malformed("bad record length");
        if (data.size() - pos - kRecordHeader < length)
            return needMore;
        handshake.append(data.sliced(pos + kRecordHeader, length));
        pos += kRecordHeader + length;

        if (handshake.size() >= 4) {
            if (quint8(handshake[0]) != kClientHelloType)
                return malformed("the first handshake message is not a ClientHello");
            const qsizetype bodyLength = (qsizetype(quint8(handshake[1])) << 16)
                | (qsizetype(quint8(handshake[2])) << 8) | quint8(handshake[3]);
            if (bodyLength > kMaxHandshake) {
                ClientHello tooLarge;
                tooLarge.status = Status::TooLarge;
                return tooLarge;
            }
            if (handshake.size() >= 4 + bodyLength) {
                ClientHello hello = parseBody(QByteArrayView(handshake).sliced(4, bodyLength));
                if (hello.status == Status::Complete)
                    hello.consumed = pos;
                return hello;
            }
        }
        if (handshake.size() > kMaxHandshake + 4) {
            ClientHello tooLarge;
            tooLarge.status = Status::TooLarge;
            return tooLarge;
        }
    }
}

}  // namespace gatehouse::proxy
