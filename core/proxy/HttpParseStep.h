#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace gatehouse::proxy {

// One result of HttpRequestParser::parse() / HttpResponseParser::parse(): the
// parser stops at every event, so the caller decides what happens next (connect
// upstream after a head, stop reading while the other side's buffer is full)
// and keeps the input the parser did not consume.
struct HttpParseStep
{
    enum class Event {
        NeedMore,  // everything given was consumed; feed more bytes
        Head,  // a message head is complete: see head()
        Body,  // body is a slice of this message's (decoded) body
        MessageComplete,  // the message ended; the next bytes start a new message
        Upgrade,  // after an Upgrade/CONNECT message: the remaining bytes are tunnel bytes
        Error,  // see error(); the parser stays in error
    };

    Event event = Event::NeedMore;
    qsizetype consumed = 0;  // bytes of the input this step used; the caller drops them
    QByteArrayView body;  // Event::Body: points into the input given to parse()
};

}  // namespace gatehouse::proxy
