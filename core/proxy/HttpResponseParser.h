#pragma once

#include "HttpError.h"
#include "HttpMessageParser.h"
#include "HttpParseStep.h"
#include "HttpResponseHead.h"

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse::proxy {

// Streaming parser (llhttp, response mode) for the responses on one upstream
// connection. The framing of a response depends on its request (HEAD has no
// body, a 2xx to CONNECT and a 101 to an Upgrade start a tunnel), so the proxy
// calls expectResponseTo() before each request it sends. Interim 1xx responses
// come out as their own Head/MessageComplete pair before the final response.
// MessageComplete with head().keepAlive means the connection can go back to the
// pool. Any malformed response is an Error with status 502.
class HttpResponseParser
{
public:
    using Limits = HttpMessageParser::Limits;

    explicit HttpResponseParser(const Limits &limits = Limits());

    // `method` of the request this response answers; `upgradeRequested` when the
    // request asked for Upgrade (only then is a 101 acceptable).
    void expectResponseTo(QByteArrayView method, bool upgradeRequested = false);
    // Back to the state of a new parser, for the responses on another
    // connection; keeps the capacity of the head's buffers.
    void reset();

    // As HttpRequestParser::parse(): drop step.consumed bytes and call again.
    HttpParseStep parse(QByteArrayView input);
    // The upstream closed the connection: completes an until-close body
    // (MessageComplete), or Error 502 when a response was cut short.
    HttpParseStep finish();

    const HttpResponseHead &head() const { return m_head; }
    HttpResponseHead &head() { return m_head; }
    const HttpHeaders &trailers() const { return m_engine.trailers(); }
    const HttpError &error() const { return m_engine.error(); }
    bool isUpgraded() const { return m_engine.isUpgraded(); }
    bool isIdle() const { return m_engine.isIdle(); }

private:
    HttpParseStep completeHead(const HttpParseStep &step);
    HttpParseStep afterStep(const HttpParseStep &step);

    HttpResponseHead m_head;
    HttpMessageParser m_engine;
    // What the request this response answers implies for its framing.
    bool m_requestIsHead = false;
    bool m_requestIsConnect = false;
    bool m_upgradeRequested = false;
};

}  // namespace gatehouse::proxy
