#include "HttpChunkedEncoder.h"

namespace gatehouse::proxy {

void HttpChunkedEncoder::appendChunkHeader(QByteArray &out, quint64 size)
{
    Q_ASSERT(size > 0);
    char buffer[20];
    int length = 0;
    do {
        buffer[length++] = "0123456789abcdef"[size & 0xf];
        size >>= 4;
    } while (size != 0);
    for (int i = length - 1; i >= 0; --i)
        out.append(buffer[i]);
    out.append("\r\n");
}

void HttpChunkedEncoder::appendLastChunk(QByteArray &out, const HttpHeaders &trailers)
{
    out.append("0\r\n");
    trailers.appendTo(out);
    out.append("\r\n");
}

void HttpChunkedEncoder::appendChunk(QByteArray &out, QByteArrayView data)
{
    if (data.isEmpty())
        return;  // an empty chunk would end the body
    appendChunkHeader(out, quint64(data.size()));
    out.append(data);
    out.append(chunkEnd());
}

}  // namespace gatehouse::proxy
