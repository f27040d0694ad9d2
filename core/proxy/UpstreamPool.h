#pragma once

#include "proxy/Stream.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

namespace gatehouse::proxy {

// Idle keep-alive upstream connections of one worker thread, for HttpConnection:
// a response that leaves its upstream connection reusable puts it here, and the
// next request to the same target (host:port and TLS settings) takes it instead
// of connecting. Bounded per key and in total, oldest dropped first; an idle
// connection that the target closes, or that stays unused for kIdleTimeout, goes.
class UpstreamPool : public QObject, private StreamListener
{
    Q_OBJECT

public:
    // Above the busy connections one target sees from a worker, or the excess is
    // closed after each response and reconnected for the next (measured: at 16,
    // 50 busy clients made a quarter of all requests open a new connection).
    static constexpr int kMaxPerKey = 256;
    static constexpr int kMaxTotal = 1024;
    static constexpr std::chrono::seconds kIdleTimeout { 30 };

    // The pool of the calling thread, created on first use and deleted at the thread's exit.
    static UpstreamPool &forCurrentThread();

    explicit UpstreamPool(QObject *parent = nullptr);
    ~UpstreamPool() override;

    // The most recently parked connection for `key`, or null. The caller sets its listener.
    std::unique_ptr<Stream> take(const QString &key);
    // Parks a started, idle connection (its response was read completely).
    void put(const QString &key, std::unique_ptr<Stream> stream);
    int idleCount() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        QString key;
        std::unique_ptr<Stream> stream;
        qint64 parkedMs = 0;
    };

    // Anything from an idle connection (data, EOF, error) makes it unusable.
    void streamData(Stream &stream, QByteArrayView data) override;
    void streamEof(Stream &stream) override;
    void streamError(Stream &stream, const StreamError &error) override;
    void drop(Stream &stream);
    void sweep();

    void erase(std::vector<Entry>::iterator it);

    std::vector<Entry> m_entries;  // oldest first
    QHash<QString, int> m_perKey;  // entries per key
    QTimer m_sweepTimer;
};

}  // namespace gatehouse::proxy
