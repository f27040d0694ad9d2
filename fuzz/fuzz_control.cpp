// Control-socket framing: the input split into reads (pseudo-random sizes)
// through LineFramer with a small cap, each message through Message::parse;
// a valid message serialised again must parse to the same message, and
// a rejected one must carry a JSON-RPC error to answer with.
#include "FuzzCheck.h"
#include "control/ErrorCodes.h"
#include "control/LineFramer.h"
#include "control/Message.h"

using namespace gatehouse::control;

namespace {

QByteArray serialise(const Message &message)
{
    switch (message.kind) {
    case Message::Kind::Request:
        return Message::request(message.id, message.method, message.params);
    case Message::Kind::Notification:
        return Message::notification(message.method, message.params);
    case Message::Kind::Response:
        return message.error ? Message::errorResponse(message.id, *message.error)
                             : Message::response(message.id, message.result);
    }
    return {};
}

bool sameParams(const QJsonValue &a, const QJsonValue &b)
{
    // request() leaves out undefined and null params alike.
    return a == b || ((a.isUndefined() || a.isNull()) && (b.isUndefined() || b.isNull()));
}

void checkMessage(const QByteArray &line)
{
    FUZZ_CHECK(!line.isEmpty() && !line.contains('\n'), QString::fromLatin1(line.toHex()));
    const auto parsed = Message::parse(line);
    if (!parsed) {
        const InvalidMessage &invalid = parsed.error();
        FUZZ_CHECK(invalid.error.code == ErrorCode::ParseError || invalid.error.code == ErrorCode::InvalidRequest,
                   QString::number(invalid.error.code));
        FUZZ_CHECK(!invalid.error.message.isEmpty(), QStringLiteral("rejected without a message"));
        FUZZ_CHECK(invalid.id.isNull() || invalid.id.isString() || invalid.id.isDouble(),
                   QStringLiteral("answer id of the wrong type"));
        // The error response itself is one valid line.
        const QByteArray answer = Message::errorResponse(invalid.id, invalid.error);
        FUZZ_CHECK(answer.endsWith('\n') && answer.count('\n') == 1, QString::fromUtf8(answer));
        FUZZ_CHECK(bool(Message::parse(answer.chopped(1))), QString::fromUtf8(answer));
        return;
    }
    const Message &message = parsed.value();
    const QByteArray out = serialise(message);
    FUZZ_CHECK(out.endsWith('\n') && out.count('\n') == 1,
               QStringLiteral("a serialised message is not one line: ") + QString::fromUtf8(out));
    const auto back = Message::parse(out.chopped(1));
    FUZZ_CHECK(bool(back), QStringLiteral("serialised message does not parse: ") + QString::fromUtf8(out));
    const Message &m = back.value();
    const QString both
        = QStringLiteral("\n--- in\n%1\n--- out\n%2").arg(QString::fromUtf8(line), QString::fromUtf8(out));
    FUZZ_CHECK(m.kind == message.kind && m.id == message.id && m.method == message.method,
               QStringLiteral("kind, id or method changed") + both);
    FUZZ_CHECK(sameParams(m.params, message.params), QStringLiteral("params changed") + both);
    if (message.kind == Message::Kind::Response) {
        FUZZ_CHECK(bool(m.error) == bool(message.error), QStringLiteral("error lost or gained") + both);
        if (message.error) {
            FUZZ_CHECK(m.error->code == message.error->code && m.error->message == message.error->message
                           && m.error->data == message.error->data,
                       QStringLiteral("error changed") + both);
        } else {
            FUZZ_CHECK(m.result == message.result || (message.result.isNull() && m.result.isNull()),
                       QStringLiteral("result changed") + both);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = gatehouse::fuzz::bytes(data, size);
    // A small cap, so inputs the fuzzer can make reach it.
    constexpr qint64 kCap = 512;
    LineFramer framer(kCap);
    gatehouse::fuzz::Splitter splitter(input);
    QByteArray lines;  // everything taken, to compare with a plain split
    bool overflowed = false;
    for (qsizetype pos = 0; pos < input.size() && !overflowed;) {
        const qsizetype n = splitter.next(input.size() - pos);
        const bool ok = framer.append(input.sliced(pos, n).toByteArray());
        pos += n;
        while (const std::optional<QByteArray> message = framer.takeMessage()) {
            FUZZ_CHECK(message->size() <= kCap, QString::number(message->size()));
            checkMessage(*message);
            lines += *message + '\n';
        }
        FUZZ_CHECK(ok || framer.overflowed(), QStringLiteral("append refused without overflowing"));
        overflowed = framer.overflowed();
        FUZZ_CHECK(framer.buffered() <= input.size(), QString::number(framer.buffered()));
    }
    // Whether the cap is exceeded does not depend on how the bytes arrived.
    LineFramer whole(kCap);
    whole.append(input.toByteArray());
    while (whole.takeMessage()) { }
    FUZZ_CHECK(whole.overflowed() == overflowed,
               QStringLiteral("overflow %1 when split, %2 when whole").arg(overflowed).arg(whole.overflowed()));
    if (overflowed)
        return 0;

    // The same messages as splitting the whole input at '\n', dropping a '\r' before
    // it and empty lines; the unterminated tail stays buffered.
    QByteArray expected;
    const QList<QByteArray> parts = input.toByteArray().split('\n');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        QByteArray part = parts[i];
        if (part.endsWith('\r'))
            part.chop(1);
        if (!part.isEmpty())
            expected += part + '\n';
    }
    FUZZ_CHECK(lines == expected, QStringLiteral("framed lines differ from a plain split"));
    FUZZ_CHECK(framer.buffered() == parts.last().size(),
               QStringLiteral("%1 bytes buffered, tail is %2").arg(framer.buffered()).arg(parts.last().size()));
    return 0;
}
