#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace gatehouse::proxy {

class ProxySnapshot;
struct WorkerCounters;

// The traffic counters of one route name, bumped by every worker thread with
// relaxed atomics and summed by nobody: a scrape reads them as they are. The
// block is resolved when the route is compiled into a snapshot and carried to
// the next snapshot for a route of the same name, whatever else changed, so a
// config change does not reset them. Aligned so two routes never share a cache line.
struct alignas(64) RouteCounters
{
    // HTTP status classes 1xx..5xx of answered requests.
    static constexpr int kStatusClasses = 5;

    std::atomic<quint64> connections { 0 };  // client connections that reached the route
    std::atomic<qint64> activeConnections { 0 };
    std::atomic<quint64> requests[kStatusClasses] {};
    std::atomic<quint64> bytesReceived { 0 };  // from clients (after TLS: decrypted)
    std::atomic<quint64> bytesSent { 0 };  // to clients

    void openConnection()
    {
        connections.fetch_add(1, std::memory_order_relaxed);
        activeConnections.fetch_add(1, std::memory_order_relaxed);
    }
    void closeConnection() { activeConnections.fetch_sub(1, std::memory_order_relaxed); }
    // A request answered with `status` (ignored outside 100..599), and its bytes.
    void countRequest(int status, quint64 received, quint64 sent)
    {
        if (status >= 100 && status <= 599)
            requests[status / 100 - 1].fetch_add(1, std::memory_order_relaxed);
        countBytes(received, sent);
    }
    void countBytes(quint64 received, quint64 sent)
    {
        if (received)
            bytesReceived.fetch_add(received, std::memory_order_relaxed);
        if (sent)
            bytesSent.fetch_add(sent, std::memory_order_relaxed);
    }
};

// What a metrics route answers with: the route counters of the snapshot it is
// asked on; the service's state that lives on the main thread (listeners,
// certificates, config revision), which the service copies in here whenever it
// changes; the worker threads' counters and the TLS session cache's. Thread-safe:
// the main thread writes under a short mutex, a worker copies under the same
// mutex and renders without it.
class MetricsRegistry
{
public:
    struct Listener
    {
        QString address;
        quint16 port = 0;
        QString state;  // bound, waiting, conflict, denied, error
    };
    struct Certificate
    {
        QStringList domains;
        QString state;  // valid, pending, issuing, renewing, failed, expired
        QDateTime notAfter;  // null without a certificate
    };

    using Ptr = std::shared_ptr<MetricsRegistry>;

    void setRevision(quint64 revision);
    void setListeners(QList<Listener> listeners);
    void setCertificates(QList<Certificate> certificates);
    // The worker threads', by index.
    void setWorkers(QList<std::shared_ptr<const WorkerCounters>> workers);

    // The Prometheus text exposition format, version 0.0.4.
    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";
    QByteArray render(const ProxySnapshot &snapshot, const QDateTime &now) const;

    // A label value with \, " and line feeds escaped, as the format wants.
    static QByteArray escapeLabelValue(const QString &value);

private:
    mutable QMutex m_mutex;
    quint64 m_revision = 0;
    QList<Listener> m_listeners;
    QList<Certificate> m_certificates;
    QList<std::shared_ptr<const WorkerCounters>> m_workers;
};

}  // namespace gatehouse::proxy
