#pragma once

#include "HttpHeaders.h"

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse::proxy {

// Writes chunked framing around body slices. The proxy re-frames chunked bodies
// instead of forwarding the received chunk lines: the parser hands over decoded
// data, and each slice goes out as "size CRLF data CRLF", so chunk extensions,
// odd whitespace or size spellings that another parser might read differently
// never reach the other side. The data itself is not copied: write the header,
// the slice, then chunkEnd().
class HttpChunkedEncoder
{
public:
    // "<hex size>\r\n"; size must not be 0 (that is the last chunk).
    static void appendChunkHeader(QByteArray &out, quint64 size);
    static QByteArrayView chunkEnd() { return "\r\n"; }
    // "0\r\n", the trailer fields if any, "\r\n".
    static void appendLastChunk(QByteArray &out, const HttpHeaders &trailers = HttpHeaders());
    // Header, data and end in one buffer, for small slices where a copy is cheaper than three writes.
    static void appendChunk(QByteArray &out, QByteArrayView data);
};

}  // namespace gatehouse::proxy
