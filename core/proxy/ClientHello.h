#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace gatehouse::proxy {

// What the first bytes of a TLS connection say: the server name (SNI) and the
// ALPN protocols offered. Parsed by a bounded parser of our own, before any TLS
// library sees the bytes, so routing and passthrough can happen without
// terminating. Never reads past the input; safe on any bytes (it is fuzzed).
struct ClientHello
{
    enum class Status {
        Complete,  // a whole ClientHello was parsed
        NeedMore,  // a ClientHello so far; more bytes are needed
        NotTls,  // the bytes are not a TLS handshake record
        Malformed,  // TLS framing, but not a valid ClientHello
        TooLarge,  // the ClientHello exceeds the parser's cap
    };

    Status status = Status::NeedMore;
    QString serverName;  // lower-case; empty when the client sent no SNI
    QList<QByteArray> alpn;  // in the client's order
    quint16 legacyVersion = 0;  // the record's client_version (0x0303 for TLS 1.2 and 1.3)
    bool supportsTls13 = false;  // supported_versions lists 0x0304
    qsizetype consumed = 0;  // bytes of the records holding the ClientHello, when Complete
    QString error;  // why, when Malformed

    // The handshake may span several records; at most kMaxHandshake bytes are accepted.
    static constexpr qsizetype kMaxHandshake = 16 * 1024;

    static ClientHello parse(QByteArrayView data);
    // True when the bytes can only be the start of a TLS handshake record.
    static bool looksLikeTls(QByteArrayView data);
};

}  // namespace gatehouse::proxy
