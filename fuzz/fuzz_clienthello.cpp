// ClientHello::parse on arbitrary bytes: no crash, no read past the input, and
// the result agrees with itself: a Complete hello parses the same from exactly
// its consumed bytes, its prefixes need more, and looksLikeTls agrees.
#include "FuzzCheck.h"
#include "proxy/ClientHello.h"

using gatehouse::proxy::ClientHello;
using Status = ClientHello::Status;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = gatehouse::fuzz::bytes(data, size);
    const ClientHello hello = ClientHello::parse(input);
    const bool tls = ClientHello::looksLikeTls(input);
    FUZZ_CHECK(tls == (hello.status != Status::NotTls), QStringLiteral("looksLikeTls disagrees with parse"));
    FUZZ_CHECK(hello.status == Status::Malformed || hello.error.isEmpty(), hello.error);
    FUZZ_CHECK(hello.status != Status::Malformed || !hello.error.isEmpty(),
               QStringLiteral("Malformed without a reason"));
    if (hello.status != Status::Complete) {
        FUZZ_CHECK(hello.consumed == 0, QStringLiteral("consumed set on a hello that is not Complete"));
        return 0;
    }
    FUZZ_CHECK(hello.consumed > 0 && hello.consumed <= input.size(),
               QStringLiteral("consumed %1 of %2 bytes").arg(hello.consumed).arg(input.size()));
    FUZZ_CHECK(hello.serverName == hello.serverName.toLower(), hello.serverName);
    FUZZ_CHECK(hello.serverName.size() <= 255, QStringLiteral("server name too long"));
    for (const QByteArray &protocol : hello.alpn)
        FUZZ_CHECK(!protocol.isEmpty(), QStringLiteral("empty ALPN protocol"));

    // The same hello from exactly its records (what the proxy keeps and replays).
    const QByteArray exact = input.first(hello.consumed).toByteArray();
    const ClientHello again = ClientHello::parse(exact);
    FUZZ_CHECK(again.status == Status::Complete && again.consumed == hello.consumed
                   && again.serverName == hello.serverName && again.alpn == hello.alpn
                   && again.legacyVersion == hello.legacyVersion && again.supportsTls13 == hello.supportsTls13,
               QStringLiteral("the hello's own bytes parse differently"));
    // Any shorter prefix is an unfinished hello, never an error: the proxy waits for more.
    for (const qsizetype cut : { qsizetype(0), qsizetype(1), qsizetype(5), hello.consumed / 2, hello.consumed - 1 }) {
        if (cut <= 0 || cut >= hello.consumed)
            continue;
        const QByteArray prefix = input.first(cut).toByteArray();
        const ClientHello partial = ClientHello::parse(prefix);
        FUZZ_CHECK(partial.status == Status::NeedMore,
                   QStringLiteral("a %1-byte prefix of a complete hello gave status %2 (%3)")
                       .arg(cut)
                       .arg(int(partial.status))
                       .arg(partial.error));
    }
    return 0;
}
