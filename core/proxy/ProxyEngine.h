#pragma once

#include "Result.h"
#include "acme/ChallengeRegistry.h"
#include "config/Config.h"
#include "net/ConnectionSink.h"
#include "proxy/ProxySnapshot.h"
#include "proxy/SnapshotSource.h"

#include <QObject>

#include <chrono>
#include <map>
#include <memory>

namespace gatehouse::proxy {

class WorkerPool;

// The proxy as the service sees it: its workers accept from the PortManager's
// listening sockets (Acceptor) where the platform allows, or it takes accepted
// sockets from the PortManager and hands each to a worker thread; either way a
// connection starts with the current snapshot, and apply() swaps in the snapshot of
// a new config. Lives on the main thread.
class ProxyEngine : public QObject, public net::ConnectionSink
{
    Q_OBJECT

public:
    // `workers` threads; 0: one per CPU core.
    explicit ProxyEngine(int workers, QObject *parent = nullptr);
    ~ProxyEngine() override;

    // The ACME challenges answered before any route: http-01 on the registry's
    // http01Port(), tls-alpn-01 on every port that sees a TLS ClientHello. Meant
    // to be set once, before start(); connections accepted from then on use it.
    // Without it nothing is intercepted.
    void setChallengeRegistry(acme::ChallengeRegistry::Ptr registry) { m_challenges = std::move(registry); }
    const acme::ChallengeRegistry::Ptr &challengeRegistry() const { return m_challenges; }

    void start();
    // Stops handing out connections, lets open ones finish for up to
    // `drainTimeout`, then stops the workers. True when everything finished.
    bool stop(std::chrono::milliseconds drainTimeout);

    // Builds the snapshot of `config` (loading its certificates, carrying route
    // state over from the current one) without using it yet, so an apply can
    // still be called off.
    Result<ProxySnapshot::Ptr, QString> prepare(const config::Config &config, quint64 revision) const;
    // Makes `snapshot` the one new connections (and new requests) get.
    void activate(ProxySnapshot::Ptr snapshot);
    // prepare() and activate() in one step; on error nothing changes.
    Result<ProxySnapshot::Ptr, QString> apply(const config::Config &config, quint64 revision);
    ProxySnapshot::Ptr snapshot() const { return m_snapshot; }

    // A certificate obtained through ACME for the routes whose "auto"
    // certificate covers `domains`: live at once for new connections (open ones
    // keep theirs) and kept for every later config. An error when the PEMs do
    // not load; nothing changes then.
    Result<bool, QString> installCertificate(const QStringList &domains, const QByteArray &chainPem,
                                             const QByteArray &keyPem);

    // What metrics routes answer from; the service keeps its main-thread part current.
    const MetricsRegistry::Ptr &metrics() const { return m_metrics; }

    int activeConnections() const;
    int workerCount() const;
    WorkerPool &workers() { return *m_pool; }

    bool startAccepting(qintptr listenSocket, const net::ListenerKey &listener) override;
    void stopAccepting(qintptr listenSocket) override;
    void acceptConnection(qintptr socketDescriptor, const net::ListenerKey &listener) override;

private:
    void addAcceptors(qintptr listenSocket, const net::ListenerKey &listener);

    std::unique_ptr<WorkerPool> m_pool;
    std::map<qintptr, net::ListenerKey> m_listenSockets;  // the ones the workers accept from
    ProxySnapshot::Ptr m_snapshot;
    ProxySnapshot::IssuedCertificates m_issued;
    // The same snapshot for worker threads (new requests on open connections).
    std::shared_ptr<SnapshotSource> m_source = std::make_shared<SnapshotSource>();
    acme::ChallengeRegistry::Ptr m_challenges;
    MetricsRegistry::Ptr m_metrics = std::make_shared<MetricsRegistry>();
};

}  // namespace gatehouse::proxy
