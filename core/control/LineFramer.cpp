#include "control/LineFramer.h"

namespace gatehouse::control {

LineFramer::LineFramer(qint64 maxMessageSize) : m_maxMessageSize(maxMessageSize) { }

bool LineFramer::append(const QByteArray &data)
{
    if (m_overflowed)
        return false;
    // Compact now and then so consumed messages do not pile up in front.
    if (m_start > 0 && m_start >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    m_buffer.append(data);
    // Only the unfinished tail can still grow: complete messages over the cap are
    // caught in takeMessage(). Track the tail from the new bytes alone, so a long
    // message arriving in many pieces is not rescanned each time.
    const qsizetype newline = data.lastIndexOf('\n');
    m_tail = newline < 0 ? m_tail + data.size() : data.size() - newline - 1;
    if (m_tail > m_maxMessageSize)
        m_overflowed = true;
    return !m_overflowed;
}

std::optional<QByteArray> LineFramer::takeMessage()
{
    while (!m_overflowed) {
        const qsizetype newline = m_buffer.indexOf('\n', m_start + m_scanned);
        if (newline < 0) {
            m_scanned = m_buffer.size() - m_start;
            return std::nullopt;
        }
        qsizetype end = newline;
        if (end > m_start && m_buffer.at(end - 1) == '\r')
            --end;
        if (end - m_start > m_maxMessageSize) {
            m_overflowed = true;
            return std::nullopt;
        }
        QByteArray message = m_buffer.mid(m_start, end - m_start);
        m_start = newline + 1;
        m_scanned = 0;
        if (m_start == m_buffer.size()) {
            m_buffer.clear();
            m_start = 0;
        }
        if (!message.isEmpty())
            return message;
    }
    return std::nullopt;
}

}  // namespace gatehouse::control
