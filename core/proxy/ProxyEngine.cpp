#include "proxy/ProxyEngine.h"

#include "platform/WorkerEventDispatcher.h"
#include "proxy/Acceptor.h"
#include "proxy/ClientConnection.h"
#include "proxy/SocketOps.h"
#include "proxy/Worker.h"
#include "proxy/WorkerPool.h"

namespace gatehouse::proxy {

ProxyEngine::ProxyEngine(int workers, QObject *parent) : QObject(parent), m_pool(std::make_unique<WorkerPool>(workers))
{ }

ProxyEngine::~ProxyEngine()
{
    stop(std::chrono::milliseconds(0));
}

void ProxyEngine::start()
{
    if (m_pool->isRunning())
        return;
    m_pool->start();
    QList<std::shared_ptr<const WorkerCounters>> counters;
    for (int i = 0; i < m_pool->size(); ++i)
        counters.append(m_pool->worker(i)->counters());
    m_metrics->setWorkers(std::move(counters));
    for (const auto &[socket, listener] : m_listenSockets)
        addAcceptors(socket, listener);
}

bool ProxyEngine::stop(std::chrono::milliseconds drainTimeout)
{
    return m_pool->isRunning() ? m_pool->stop(drainTimeout) : true;
}

Result<ProxySnapshot::Ptr, QString> ProxyEngine::prepare(const config::Config &config, quint64 revision) const
{
    return ProxySnapshot::build(config, revision, m_snapshot.get(), m_issued, m_metrics);
}

Result<bool, QString> ProxyEngine::installCertificate(const QStringList &domains, const QByteArray &chainPem,
                                                      const QByteArray &keyPem)
{
    const QStringList names = config::certificateDomains(domains);
    const TlsCertificateSource source = TlsCertificateSource::fromPem(names, chainPem, keyPem);
    if (m_snapshot) {
        auto next = m_snapshot->withCertificate(source);
        if (!next)
            return Result<bool, QString>::failure(next.error());
        activate(next.value());
    } else if (auto loaded = TlsContextStore::loadContext(source); !loaded) {
        return Result<bool, QString>::failure(loaded.error().message);
    }
    m_issued.insert(names, source);
    return true;
}

void ProxyEngine::activate(ProxySnapshot::Ptr snapshot)
{
    m_snapshot = std::move(snapshot);
    m_source->set(m_snapshot);
}

Result<ProxySnapshot::Ptr, QString> ProxyEngine::apply(const config::Config &config, quint64 revision)
{
    auto snapshot = prepare(config, revision);
    if (snapshot)
        activate(snapshot.value());
    return snapshot;
}

int ProxyEngine::workerCount() const
{
    return m_pool->size();
}

int ProxyEngine::activeConnections() const
{
    return m_pool->activeConnections();
}

bool ProxyEngine::startAccepting(qintptr listenSocket, const net::ListenerKey &listener)
{
    if (!platform::hasWorkerEventDispatcher())
        return false;
    m_listenSockets.insert_or_assign(listenSocket, listener);
    if (m_pool->isRunning())
        addAcceptors(listenSocket, listener);
    return true;
}

void ProxyEngine::addAcceptors(qintptr listenSocket, const net::ListenerKey &listener)
{
    const Acceptor::Context context { m_source, m_challenges, m_pool.get() };
    for (int i = 0; i < m_pool->size(); ++i) {
        Worker *worker = m_pool->worker(i);
        worker->post([=] { new Acceptor(listenSocket, listener, context, worker); });
    }
}

void ProxyEngine::stopAccepting(qintptr listenSocket)
{
    if (m_listenSockets.erase(listenSocket) == 0)
        return;
    // Queued after the tasks that made the acceptors, so none is left behind.
    m_pool->runInEveryWorker([listenSocket](Worker &worker) { Acceptor::remove(worker, listenSocket); });
}

void ProxyEngine::acceptConnection(qintptr socketDescriptor, const net::ListenerKey &listener)
{
    Worker *worker = m_snapshot ? m_pool->pick() : nullptr;
    if (!worker) {
        socketops::close(socketDescriptor);
        return;
    }
    Acceptor::handOver(worker, socketDescriptor, listener, m_snapshot, { m_source, m_challenges, m_pool.get() });
}

}  // namespace gatehouse::proxy
