#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdio>
#include <cstdlib>

// What every target shares: a check that stops the run with a message (libFuzzer
// saves the input as crash-*), and the input as a Qt view.
#define FUZZ_CHECK(condition, what)                                                                                    \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__, #condition,             \
                         qPrintable(QString(what)));                                                                   \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace gatehouse::fuzz {

inline QByteArrayView bytes(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Chunk sizes derived from the input itself (not from a prefix byte), so seeds
// stay plain protocol bytes and each input still gets its own split.
class Splitter
{
public:
    explicit Splitter(QByteArrayView input) : m_state(quint32(input.size()) * 2654435761u + 1)
    {
        for (const char c : input)
            m_state = (m_state ^ quint8(c)) * 16777619u;
    }
    qsizetype next(qsizetype remaining)
    {
        m_state = m_state * 1103515245u + 12345u;
        const qsizetype limit = (m_state >> 16) % 4 == 0 ? 64 : 8;
        return qMin(remaining, qsizetype(1 + (m_state >> 8) % quint32(limit)));
    }

private:
    quint32 m_state;
};

}  // namespace gatehouse::fuzz
