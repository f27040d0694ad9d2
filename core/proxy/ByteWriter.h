#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>

namespace gatehouse::proxy {

// Writes a piece of known size at the end of a QByteArray: one resize for the whole
// piece, then plain copies. QByteArray::append() takes about 100 instructions a call
// (callgrind; bench/README.md), which serializing a message head paid four times per
// field. The constructor sizes for `bytes`; put() must not write more; the destructor
// trims to what was written.
class ByteWriter
{
public:
    ByteWriter(QByteArray &out, qsizetype bytes) : m_out(out)
    {
        const qsizetype start = out.size();
        out.resize(start + bytes);
        m_next = out.data() + start;
        m_end = m_next + bytes;
    }
    ~ByteWriter()
    {
        if (m_next != m_end)
            m_out.resize(m_next - m_out.constData());
    }
    ByteWriter(const ByteWriter &) = delete;
    ByteWriter &operator=(const ByteWriter &) = delete;

    void put(QByteArrayView bytes)
    {
        Q_ASSERT(bytes.size() <= m_end - m_next);
        if (!bytes.isEmpty())
            std::memcpy(m_next, bytes.data(), size_t(bytes.size()));
        m_next += bytes.size();
    }
    void put(char c)
    {
        Q_ASSERT(m_next < m_end);
        *m_next++ = c;
    }

private:
    QByteArray &m_out;
    char *m_next = nullptr;
    char *m_end = nullptr;
};

}  // namespace gatehouse::proxy
