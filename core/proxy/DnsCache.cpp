#include "proxy/DnsCache.h"

namespace gatehouse::proxy {

DnsCache &DnsCache::instance()
{
    static DnsCache cache;
    return cache;
}

std::optional<QList<QHostAddress>> DnsCache::find(const QString &host)
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.constFind(host);
    if (it == m_entries.cend() || it->expiry.hasExpired())
        return std::nullopt;
    return it->addresses;
}

void DnsCache::insert(const QString &host, const QList<QHostAddress> &addresses, std::chrono::milliseconds ttl)
{
    const QMutexLocker locker(&m_mutex);
    if (m_entries.size() >= kMaxEntries) {
        m_entries.removeIf([](const auto &entry) { return entry.value().expiry.hasExpired(); });
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();  // many live names: start over rather than track usage
    }
    m_entries.insert(host, Entry { addresses, QDeadlineTimer(ttl) });
}

void DnsCache::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_entries.clear();
}

}  // namespace gatehouse::proxy
