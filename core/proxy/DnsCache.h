#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QString>

#include <chrono>
#include <optional>

namespace gatehouse::proxy {

// A small process-wide cache of upstream host names, shared by the worker
// threads: a busy route resolves its backend once per TTL instead of once per
// connection. Only successful lookups are kept.
class DnsCache
{
public:
    static constexpr std::chrono::seconds kDefaultTtl { 30 };
    static constexpr qsizetype kMaxEntries = 1024;

    static DnsCache &instance();

    std::optional<QList<QHostAddress>> find(const QString &host);
    void insert(const QString &host, const QList<QHostAddress> &addresses, std::chrono::milliseconds ttl = kDefaultTtl);
    void clear();

private:
    struct Entry
    {
        QList<QHostAddress> addresses;
        QDeadlineTimer expiry;
    };

    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

}  // namespace gatehouse::proxy
