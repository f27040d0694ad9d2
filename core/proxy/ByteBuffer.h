#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstring>
#include <vector>

namespace gatehouse::proxy {

// A growable FIFO of bytes for a stream's output: appends at the tail, consumes
// from the head, and keeps its storage, so a busy connection stops allocating
// once the buffer has reached its working size.
class ByteBuffer
{
public:
    qsizetype size() const { return m_end - m_begin; }
    bool isEmpty() const { return m_end == m_begin; }
    const char *data() const { return m_storage.data() + m_begin; }
    QByteArrayView view() const { return QByteArrayView(data(), size()); }

    void append(QByteArrayView bytes)
    {
        if (bytes.isEmpty())
            return;
        std::memcpy(reserveTail(bytes.size()), bytes.data(), size_t(bytes.size()));
        m_end += bytes.size();
    }

    void consume(qsizetype n)
    {
        m_begin += n;
        if (m_begin >= m_end)
            m_begin = m_end = 0;
    }

    void clear() { m_begin = m_end = 0; }
    // Gives back memory after a burst, so thousands of idle connections stay small.
    void release()
    {
        if (isEmpty()) {
            std::vector<char>().swap(m_storage);
            clear();
        }
    }
    qsizetype capacity() const { return qsizetype(m_storage.size()); }

private:
    // Room for at least `n` more bytes at the tail.
    char *reserveTail(qsizetype n)
    {
        if (qsizetype(m_storage.size()) - m_end < n) {
            if (m_begin > 0) {
                std::memmove(m_storage.data(), data(), size_t(size()));
                m_end -= m_begin;
                m_begin = 0;
            }
            if (qsizetype(m_storage.size()) - m_end < n)
                m_storage.resize(size_t(qMax(m_end + n, qsizetype(m_storage.size()) * 2)));
        }
        return m_storage.data() + m_end;
    }

    std::vector<char> m_storage;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
};

}  // namespace gatehouse::proxy
