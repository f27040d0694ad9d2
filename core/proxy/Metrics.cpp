#include "proxy/Metrics.h"

#include "proxy/ProxySnapshot.h"
#include "proxy/TlsSessionCache.h"
#include "proxy/Worker.h"

#include <QMutexLocker>

#include <algorithm>
#include <vector>

namespace gatehouse::proxy {

namespace {

struct Family
{
    const char *name;
    const char *type;  // counter, gauge
    const char *help;
};

void appendFamily(QByteArray &out, const Family &family)
{
    out += "# HELP ";
    out += family.name;
    out += ' ';
    out += family.help;
    out += "\n# TYPE ";
    out += family.name;
    out += ' ';
    out += family.type;
    out += '\n';
}

// `labels` is the inside of {...}, already escaped; empty for none.
void appendSample(QByteArray &out, const char *name, const QByteArray &labels, qint64 value)
{
    out += name;
    if (!labels.isEmpty()) {
        out += '{';
        out += labels;
        out += '}';
    }
    out += ' ';
    out += QByteArray::number(value);
    out += '\n';
}

QByteArray label(const char *name, const QString &value)
{
    return QByteArray(name) + "=\"" + MetricsRegistry::escapeLabelValue(value) + '"';
}

}  // namespace

void MetricsRegistry::setRevision(quint64 revision)
{
    const QMutexLocker lock(&m_mutex);
    m_revision = revision;
}

void MetricsRegistry::setListeners(QList<Listener> listeners)
{
    const QMutexLocker lock(&m_mutex);
    m_listeners = std::move(listeners);
}

void MetricsRegistry::setCertificates(QList<Certificate> certificates)
{
    const QMutexLocker lock(&m_mutex);
    m_certificates = std::move(certificates);
}

void MetricsRegistry::setWorkers(QList<std::shared_ptr<const WorkerCounters>> workers)
{
    const QMutexLocker lock(&m_mutex);
    m_workers = std::move(workers);
}

QByteArray MetricsRegistry::escapeLabelValue(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray MetricsRegistry::render(const ProxySnapshot &snapshot, const QDateTime &now) const
{
    quint64 revision = 0;
    QList<Listener> listeners;
    QList<Certificate> certificates;
    QList<std::shared_ptr<const WorkerCounters>> workers;
    {
        const QMutexLocker lock(&m_mutex);
        revision = m_revision;
        listeners = m_listeners;
        certificates = m_certificates;
        workers = m_workers;
    }

    // The routes of the snapshot, each with its label once.
    struct RouteRow
    {
        QByteArray label;
        const RouteCounters *counters;
    };
    std::vector<RouteRow> routes;
    routes.reserve(std::size_t(snapshot.routeCount()));
    for (int i = 0; i < snapshot.routeCount(); ++i) {
        const RouteRuntime &runtime = snapshot.runtime(i);
        routes.push_back({ label("route", runtime.route().name), &runtime.counters() });
    }
    const auto perRoute = [&](QByteArray &out, const Family &family, auto value) {
        appendFamily(out, family);
        for (const RouteRow &row : routes)
            appendSample(out, family.name, row.label, qint64(value(*row.counters)));
    };

    QByteArray out;
    out.reserve(1024 + qsizetype(routes.size()) * 600);
    appendFamily(out, { "gatehouse_build_info", "gauge", "Gatehouse version; always 1." });
    appendSample(out, "gatehouse_build_info", label("version", QStringLiteral(GATEHOUSE_VERSION)), 1);
    appendFamily(out, { "gatehouse_config_revision", "gauge", "Revision of the running config." });
    appendSample(out, "gatehouse_config_revision", {}, qint64(revision));

    perRoute(out, { "gatehouse_connections_total", "counter", "Client connections that reached the route." },
             [](const RouteCounters &c) { return c.connections.load(std::memory_order_relaxed); });
    perRoute(out, { "gatehouse_connections_active", "gauge", "Client connections open on the route." },
             [](const RouteCounters &c) {
                 return std::max<qint64>(0, c.activeConnections.load(std::memory_order_relaxed));
             });
    appendFamily(out,
                 { "gatehouse_requests_total", "counter", "HTTP requests answered on the route, by status class." });
    for (const RouteRow &row : routes) {
        for (int i = 0; i < RouteCounters::kStatusClasses; ++i) {
            const QByteArray labels = row.label + ",code=\"" + QByteArray::number(i + 1) + "xx\"";
            appendSample(out, "gatehouse_requests_total", labels,
                         qint64(row.counters->requests[i].load(std::memory_order_relaxed)));
        }
    }
    perRoute(out,
             { "gatehouse_bytes_received_total", "counter",
               "Bytes received from clients on the route (decrypted when TLS is terminated)." },
             [](const RouteCounters &c) { return c.bytesReceived.load(std::memory_order_relaxed); });
    perRoute(out, { "gatehouse_bytes_sent_total", "counter", "Bytes sent to clients on the route." },
             [](const RouteCounters &c) { return c.bytesSent.load(std::memory_order_relaxed); });

    appendFamily(out,
                 { "gatehouse_listener_up", "gauge",
                   "1 when the wanted listener is bound, 0 while it is not (state says why)." });
    for (const Listener &listener : listeners) {
        const QByteArray labels = label("address", listener.address) + ",port=\"" + QByteArray::number(listener.port)
            + "\"," + label("state", listener.state);
        appendSample(out, "gatehouse_listener_up", labels, listener.state == u"bound" ? 1 : 0);
    }

    appendFamily(out,
                 { "gatehouse_certificate_state", "gauge",
                   "Automatic certificates by domain set, with their state; always 1." });
    for (const Certificate &certificate : certificates) {
        const QByteArray labels
            = label("domains", certificate.domains.join(u',')) + ',' + label("state", certificate.state);
        appendSample(out, "gatehouse_certificate_state", labels, 1);
    }
    appendFamily(out,
                 { "gatehouse_certificate_expiry_seconds", "gauge",
                   "Seconds until the certificate expires (negative: expired)." });
    for (const Certificate &certificate : certificates) {
        if (certificate.notAfter.isValid())
            appendSample(out, "gatehouse_certificate_expiry_seconds", label("domains", certificate.domains.join(u',')),
                         now.secsTo(certificate.notAfter));
    }

    const auto perWorker = [&](const Family &family, auto value) {
        appendFamily(out, family);
        for (qsizetype i = 0; i < workers.size(); ++i)
            appendSample(out, family.name, "worker=\"" + QByteArray::number(i) + '"', qint64(value(*workers[i])));
    };
    perWorker({ "gatehouse_worker_connections_active", "gauge", "Client connections open in the worker thread." },
              [](const WorkerCounters &c) { return std::max(0, c.active.load(std::memory_order_relaxed)); });
    perWorker({ "gatehouse_worker_connections_total", "counter", "Client connections the worker thread has taken." },
              [](const WorkerCounters &c) { return c.opened.load(std::memory_order_relaxed); });

    const TlsSessionCache::Stats sessions = TlsSessionCache::instance().stats();
    appendFamily(out, { "gatehouse_tls_sessions", "gauge", "TLS sessions held for clients to resume." });
    appendSample(out, "gatehouse_tls_sessions", {}, qint64(sessions.sessions));
    appendFamily(out,
                 { "gatehouse_tls_session_lookups_total", "counter",
                   "Clients' offers to resume a TLS session, by whether the session was held (found) or not "
                   "(missing: unknown or expired)." });
    appendSample(out, "gatehouse_tls_session_lookups_total", "result=\"found\"", qint64(sessions.found));
    appendSample(out, "gatehouse_tls_session_lookups_total", "result=\"missing\"", qint64(sessions.missing));
    return out;
}

}  // namespace gatehouse::proxy
