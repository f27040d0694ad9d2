#pragma once

#include <QByteArray>

#include <optional>

namespace gatehouse::control {

// Splits a byte stream into newline-delimited messages and enforces the size
// cap, so neither side buffers without bound for a peer that never sends a
// newline (qBittorrent's localpeer.cpp drops data over MAX_MESSAGE_SIZE the same way).
class LineFramer
{
public:
    static constexpr qint64 kDefaultMaxMessageSize = 4 * 1024 * 1024;
    // How much a socket's owner reads at a time: bounds Qt's read buffer too, so a
    // peer that floods without newlines is caught after at most this much over the cap.
    static constexpr qint64 kReadChunk = 64 * 1024;

    explicit LineFramer(qint64 maxMessageSize = kDefaultMaxMessageSize);

    qint64 maxMessageSize() const { return m_maxMessageSize; }
    void setMaxMessageSize(qint64 bytes) { m_maxMessageSize = bytes; }

    // Appends received bytes. Returns false once a message is longer than the cap
    // (complete or not); the stream is then unusable and the caller disconnects.
    bool append(const QByteArray &data);
    // The next complete message without its newline (and without a '\r' before
    // it, for people typing into socat). Empty lines are skipped.
    std::optional<QByteArray> takeMessage();

    bool overflowed() const { return m_overflowed; }
    qint64 buffered() const { return m_buffer.size() - m_start; }

private:
    QByteArray m_buffer;
    qsizetype m_start = 0;  // where the next message begins in m_buffer
    qsizetype m_scanned = 0;  // bytes from m_start already known to hold no newline
    qsizetype m_tail = 0;  // bytes after the last newline received
    qint64 m_maxMessageSize;
    bool m_overflowed = false;
};

}  // namespace gatehouse::control
