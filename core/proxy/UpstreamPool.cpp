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
    if (!m_perKey.value(key))
        return nullptr;
    // Newest first: with one target that is the last entry, whatever the pool's size.
    const qint64 oldest = RouteRuntime::nowMs() - qint64(std::chrono::milliseconds(kIdleTimeout).count());
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->key != key)
            continue;
        if (it->parkedMs < oldest)
            break;  // this and the older ones are left for sweep()
        std::unique_ptr<Stream> stream = std::move(it->stream);
        erase(std::next(it).base());
        stream->setListener(nullptr);
        // The sweep timer runs on: an empty pool stops it when it fires, which
        // costs less than stopping and starting it whenever busy clients take
        // the last idle connection and put it back.
        return stream;
    }
    return nullptr;
}

void UpstreamPool::erase(std::vector<Entry>::iterator it)
{
    const auto count = m_perKey.find(it->key);
    if (count != m_perKey.end() && --count.value() <= 0)
        m_perKey.erase(count);
    m_entries.erase(it);
}

void UpstreamPool::put(const QString &key, std::unique_ptr<Stream> stream)
{
    if (!stream || !stream->isOpen() || stream->peerFinished())
        return;
    if (m_perKey.value(key) >= kMaxPerKey)
        erase(std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.key == key; }));
    else if (int(m_entries.size()) >= kMaxTotal)
        erase(m_entries.begin());
    stream->setListener(this);
    stream->resumeReading();  // to notice when the target closes it
    m_entries.push_back(Entry { key, std::move(stream), RouteRuntime::nowMs() });
    ++m_perKey[key];
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
        erase(it);  // a listener may delete the stream from its callbacks
}

void UpstreamPool::sweep()
{
    const qint64 oldest = RouteRuntime::nowMs() - qint64(std::chrono::milliseconds(kIdleTimeout).count());
    while (!m_entries.empty() && m_entries.front().parkedMs < oldest)
        erase(m_entries.begin());  // parked in time order: the stale ones lead
    if (m_entries.empty())
        m_sweepTimer.stop();
}

}  // namespace gatehouse::proxy
