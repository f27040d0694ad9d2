#pragma once

#include "acme/ChallengeRegistry.h"
#include "net/ListenerKey.h"
#include "proxy/SnapshotSource.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>

namespace gatehouse::proxy {

class Worker;
class WorkerPool;

// Accepts connections from one listening socket in one worker thread and serves each
// there, so a new connection costs no hand-over between threads (a wake-up and a
// context switch each, measured: bench/README.md). Every worker watches every
// listener in its own epoll set, and the first one free takes the connection, or
// hands it to a worker with a lower load (WorkerPool::pick()), so that a burst is
// shared. The socket stays PortManager's, which asks ProxyEngine to remove the
// acceptors before it closes it. Made and deleted in the worker's thread, a child of
// its Worker; stops accepting when the pool starts draining.
class Acceptor : public QObject
{
    // For findChildren<Acceptor *>() in remove(): without it every child would match.
    Q_OBJECT

public:
    struct Context
    {
        std::shared_ptr<const SnapshotSource> snapshots;
        std::shared_ptr<const acme::ChallengeRegistry> challenges;
        // The workers to balance over; outlives the acceptors (they go with their
        // worker's thread, the pool after it).
        WorkerPool *pool = nullptr;
    };

    Acceptor(qintptr listenSocket, const net::ListenerKey &key, Context context, Worker *worker);
    ~Acceptor() override;

    // Deletes `worker`'s acceptor of `listenSocket`, if it has one. In the worker's thread.
    static void remove(Worker &worker, qintptr listenSocket);

    // Serves the accepted `socket` on `worker`, from any thread: the connection is
    // made in the worker's thread with `snapshot`. The socket is closed if the pool
    // stops before that.
    static void handOver(Worker *worker, qintptr socket, const net::ListenerKey &key, ProxySnapshot::Ptr snapshot,
                         const Context &context);

private:
    void onReadable();
    void stop();

    const qintptr m_socket;
    const net::ListenerKey m_key;
    const Context m_context;
    Worker *const m_worker;
    QSocketNotifier m_notifier;
    QTimer m_resumeTimer;
    bool m_stopped = false;
};

}  // namespace gatehouse::proxy
