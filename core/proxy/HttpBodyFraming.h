#pragma once

namespace gatehouse::proxy {

// How a message body is delimited on the wire (RFC 9112 section 6.3). The
// parsers report the framing they found; the rewriter picks the framing the
// proxy sends, which may differ (an until-close response goes to an HTTP/1.1
// client chunked, so the client connection can stay open).
enum class HttpBodyFraming {
    None,  // no body: a request without Content-Length/Transfer-Encoding, HEAD, 1xx, 204, 304
    ContentLength,  // exactly contentLength bytes (possibly zero)
    Chunked,  // chunked transfer coding; the proxy re-frames it (see HttpChunkedEncoder)
    UntilClose,  // responses only: the body ends when the sender closes the connection
};

// A short name for logs and test transcripts.
inline const char *framingName(HttpBodyFraming framing)
{
    switch (framing) {
    case HttpBodyFraming::None:
        return "none";
    case HttpBodyFraming::ContentLength:
        return "cl";
    case HttpBodyFraming::Chunked:
        return "chunked";
    case HttpBodyFraming::UntilClose:
        return "close";
    }
    return "?";
}

}  // namespace gatehouse::proxy
