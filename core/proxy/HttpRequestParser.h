#pragma once

#include "HttpError.h"
#include "HttpMessageParser.h"
#include "HttpParseStep.h"
#include "HttpRequestHead.h"

#include <QByteArrayView>

namespace gatehouse::proxy {

// Streaming HTTP/1.1 request parser (llhttp, request mode) for one client
// connection, reused for every keep-alive request on it. parse() stops at each
// event and says how many bytes it used, so the proxy can connect upstream after
// a head, or stop while the upstream is slow, and resume later with the bytes it
// kept. Bodies come out as slices of the input (chunked bodies decoded), never
// buffered. Rejects what could be read two ways by another parser (smuggling):
// CL with TE, duplicate CL, TE not ending in chunked, obs-fold, bare CR/LF,
// invalid field characters, missing or duplicate Host.
class HttpRequestParser
{
public:
    using Limits = HttpMessageParser::Limits;

    explicit HttpRequestParser(const Limits &limits = Limits());

    // Call with the unconsumed input: after each step drop step.consumed bytes and
    // call again, until NeedMore (everything used), Upgrade or Error. Body views
    // point into `input` and are valid as long as it is.
    HttpParseStep parse(QByteArrayView input);
    // The client closed its sending side. MessageComplete, NeedMore (nothing was
    // pending) or Error (a request was cut short); call again after MessageComplete.
    HttpParseStep finish();

    // Valid from a Head step until the next request's bytes are parsed; the proxy
    // may rewrite it in place.
    const HttpRequestHead &head() const { return m_head; }
    HttpRequestHead &head() { return m_head; }
    // The trailer fields of a chunked request, after its MessageComplete.
    const HttpHeaders &trailers() const { return m_engine.trailers(); }
    const HttpError &error() const { return m_engine.error(); }

    // After an Upgrade/CONNECT request, parse() returns Upgrade: unconsumed bytes
    // belong to the tunnel. If the upstream did not switch protocols, call this to
    // parse the following bytes as HTTP again.
    bool isUpgraded() const { return m_engine.isUpgraded(); }
    void continueAfterUpgrade() { m_engine.continueAfterUpgrade(); }
    // No byte of a next request has arrived (for idle timeouts vs. header read timeouts).
    bool isIdle() const { return m_engine.isIdle(); }

    // uri-host [ ":" port ] as in a Host field or an absolute/authority-form
    // target (RFC 9110 section 7.2, RFC 3986 section 3.2.2); no userinfo.
    static bool isValidAuthority(QByteArrayView authority, bool requirePort = false);

private:
    HttpParseStep completeHead(const HttpParseStep &step);

    HttpRequestHead m_head;
    HttpMessageParser m_engine;
};

}  // namespace gatehouse::proxy
