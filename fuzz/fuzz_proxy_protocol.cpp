// PROXY protocol v1/v2: parse arbitrary bytes (bounded, no crash, consistent
// results), re-encode what parsed and parse it again, and build a header from the
// input, encode it and check that parsing gives it back, with every prefix
// of the encoding waiting for more.
#include "FuzzCheck.h"
#include "proxy/ProxyProtocol.h"

#include <fuzzer/FuzzedDataProvider.h>

using gatehouse::proxy::ProxyHeader;
using gatehouse::proxy::ProxyProtocol;
using Status = ProxyProtocol::Parsed::Status;

namespace {

bool sameAddress(const QHostAddress &a, const QHostAddress &b)
{
    return a.isEqual(b, QHostAddress::TolerantConversion);
}

QString describe(const ProxyHeader &h)
{
    return QStringLiteral("v%1 %2 %3:%4 -> %5:%6")
        .arg(h.version)
        .arg(h.command == ProxyHeader::Command::Local ? QStringLiteral("LOCAL") : QStringLiteral("PROXY"))
        .arg(h.sourceAddress.toString())
        .arg(h.sourcePort)
        .arg(h.destinationAddress.toString())
        .arg(h.destinationPort);
}

// encode(header) parses back to the same endpoints, and no prefix of it is complete.
void checkRoundTrip(const ProxyHeader &header)
{
    const QByteArray encoded = ProxyProtocol::encode(header);
    FUZZ_CHECK(encoded.size() <= (header.version == 1 ? ProxyProtocol::kMaxV1Length : ProxyProtocol::kMaxV2Length),
               QStringLiteral("encoding of %1 is %2 bytes").arg(describe(header)).arg(encoded.size()));
    const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(QByteArray(encoded + QByteArray("payload")));
    FUZZ_CHECK(parsed.status == Status::Complete,
               QStringLiteral("encoding of %1 does not parse: %2 [%3]")
                   .arg(describe(header), parsed.error, QString::fromLatin1(encoded.toHex(' '))));
    FUZZ_CHECK(parsed.consumed == encoded.size(),
               QStringLiteral("consumed %1 of %2").arg(parsed.consumed).arg(encoded.size()));
    FUZZ_CHECK(parsed.header.version == header.version, describe(parsed.header));
    if (header.hasAddresses() && !header.destinationAddress.isNull()) {
        FUZZ_CHECK(parsed.header.command == ProxyHeader::Command::Proxy
                       && sameAddress(parsed.header.sourceAddress, header.sourceAddress)
                       && sameAddress(parsed.header.destinationAddress, header.destinationAddress)
                       && parsed.header.sourcePort == header.sourcePort
                       && parsed.header.destinationPort == header.destinationPort,
                   describe(header) + QStringLiteral(" came back as ") + describe(parsed.header));
    } else {
        FUZZ_CHECK(parsed.header.command == ProxyHeader::Command::Local, describe(parsed.header));
    }
    for (qsizetype cut = 0; cut < encoded.size(); ++cut) {
        const QByteArray prefix = encoded.first(cut);
        const ProxyProtocol::Parsed partial = ProxyProtocol::parse(prefix);
        FUZZ_CHECK(partial.status == Status::NeedMore,
                   QStringLiteral("%1-byte prefix of %2: %3").arg(cut).arg(describe(header), partial.error));
    }
}

QHostAddress address(FuzzedDataProvider &provider)
{
    switch (provider.ConsumeIntegralInRange(0, 3)) {
    case 0:
        return QHostAddress();
    case 1:
        return QHostAddress(provider.ConsumeIntegral<quint32>());
    default: {
        Q_IPV6ADDR bytes {};
        for (auto &b : bytes.c)
            b = provider.ConsumeIntegral<quint8>();
        QHostAddress result(bytes);
        // Link-local peers come with a scope id (fe80::1%eth0) from the socket.
        if (provider.ConsumeBool())
            result.setScopeId(QString::fromLatin1(provider.ConsumeRandomLengthString(16)));
        return result;
    }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = gatehouse::fuzz::bytes(data, size);

    const ProxyProtocol::Parsed parsed = ProxyProtocol::parse(input);
    switch (parsed.status) {
    case Status::Invalid:
        FUZZ_CHECK(!parsed.error.isEmpty(), QStringLiteral("Invalid without a reason"));
        break;
    case Status::NeedMore:
        FUZZ_CHECK(input.size() < ProxyProtocol::kMaxV2Length,
                   QStringLiteral("needs more after %1 bytes").arg(input.size()));
        break;
    case Status::Complete: {
        FUZZ_CHECK(parsed.consumed > 0 && parsed.consumed <= input.size(), QString::number(parsed.consumed));
        FUZZ_CHECK(parsed.consumed
                       <= (parsed.header.version == 1 ? ProxyProtocol::kMaxV1Length : ProxyProtocol::kMaxV2Length),
                   QString::number(parsed.consumed));
        // The header alone parses the same; what follows it is payload, not header.
        const ProxyProtocol::Parsed exact = ProxyProtocol::parse(input.first(parsed.consumed).toByteArray());
        FUZZ_CHECK(exact.status == Status::Complete && exact.consumed == parsed.consumed,
                   QStringLiteral("the header's own bytes parse differently"));
        // What the proxy forwards for a received header (sendProxyProtocol) parses back to it.
        checkRoundTrip(parsed.header);
        ProxyHeader other = parsed.header;
        other.version = parsed.header.version == 1 ? 2 : 1;
        checkRoundTrip(other);
        break;
    }
    }

    // A header built from the input, as the proxy encodes one from a connection's endpoints.
    FuzzedDataProvider provider(data, size);
    ProxyHeader header;
    header.version = provider.ConsumeBool() ? 1 : 2;
    header.command
        = provider.ConsumeIntegralInRange(0, 7) == 0 ? ProxyHeader::Command::Local : ProxyHeader::Command::Proxy;
    header.sourceAddress = address(provider);
    header.sourcePort = provider.ConsumeIntegral<quint16>();
    header.destinationAddress = address(provider);
    header.destinationPort = provider.ConsumeIntegral<quint16>();
    checkRoundTrip(header);
    return 0;
}
