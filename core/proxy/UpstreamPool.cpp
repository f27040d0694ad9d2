#include "proxy/UpstreamPool.h"

#include "proxy/RouteRuntime.h"

#include <algorithm>

namespace gatehouse::proxy {

UpstreamPool &UpstreamPool::forCurrentThread()
{
    thread_local std::unique_ptr<UpstreamPool> pool;
    if (!pool)
        pool = std::make_unique<UpstreamPool>();
    return *pool;
}

UpstreamPool::UpstreamPool(QObject *parent) : QObject(parent)
{
    m_sweepTimer.setInterval(std::chrono::seconds(5));
    connect(&m_sweepTimer, &QTimer::timeout, this, &UpstreamPool::sweep);
}

UpstreamPool::~UpstreamPool() = default;

std::unique_ptr<Stream> UpstreamPool::take(const QString &key)
{
    sweep();
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->key != key)
            continue;
        std::unique_ptr<Stream> stream = std::move(it->stream);
        m_entries.erase(std::next(it).base());
        stream->setListener(nullptr);
        if (m_entries.empty())
            m_sweepTimer.stop();
        return stream;
    }
    return nullptr;
}

void UpstreamPool::put(const QString &key, std::unique_ptr<Stream> stream)
{
    if (!stream || !stream->isOpen() || stream->peerFinished())
        return;
    const auto sameKey
        = std::count_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.key == key; });
    if (sameKey >= kMaxPerKey) {
        m_entries.erase(std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.key == key; }));
    } else if (int(m_entries.size()) >= kMaxTotal) {
        m_entries.erase(m_entries.begin());
    }
    stream->setListener(this);
    stream->resumeReading();  // to notice when the target closes it
    m_entries.push_back(Entry { key, std::move(stream), RouteRuntime::nowMs() });
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start();
}

void UpstreamPool::streamData(Stream &stream, QByteArrayView)
{
    drop(stream);
}

void UpstreamPool::streamEof(Stream &stream)
{
    drop(stream);
}

void UpstreamPool::streamError(Stream &stream, const StreamError &)
{
    drop(stream);
}

void UpstreamPool::drop(Stream &stream)
{
    const auto it
        = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.stream.get() == &stream; });
    if (it != m_entries.end())
        m_entries.erase(it);  // a listener may delete the stream from its callbacks
}

void UpstreamPool::sweep()
{
    const qint64 oldest = RouteRuntime::nowMs() - qint64(std::chrono::milliseconds(kIdleTimeout).count());
    std::erase_if(m_entries, [&](const Entry &e) { return e.parkedMs < oldest; });
    if (m_entries.empty())
        m_sweepTimer.stop();
}

}  // namespace gatehouse::proxy
