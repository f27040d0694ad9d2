#pragma once

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QAbstractEventDispatcher;

namespace gatehouse::proxy {

// What a worker thread counts of its client connections. Shared, so that the
// metrics endpoint reads them from any thread, the worker gone or not.
struct WorkerCounters
{
    std::atomic<int> active { 0 };  // open now
    std::atomic<quint64> opened { 0 };  // since the worker started
};

// One proxy worker: a QObject living in its own thread, created and owned by
// WorkerPool, and the context (and parent) for that thread's connections. Its
// counters are atomics so that WorkerPool::pick() can balance load from the
// accepting thread without locks.
class Worker : public QObject
{
    Q_OBJECT

public:
    // Counts one open connection on a worker for as long as it lives (move-only),
    // so a connection object holding one cannot leak the count on any exit path.
    class ConnectionGuard
    {
    public:
        ConnectionGuard() = default;
        explicit ConnectionGuard(Worker *worker);
        ~ConnectionGuard();
        ConnectionGuard(ConnectionGuard &&other) noexcept;
        ConnectionGuard &operator=(ConnectionGuard &&other) noexcept;
        ConnectionGuard(const ConnectionGuard &) = delete;
        ConnectionGuard &operator=(const ConnectionGuard &) = delete;

        Worker *worker() const { return m_worker; }
        void reset();  // closes the count now

    private:
        Worker *m_worker = nullptr;
    };

    explicit Worker(int index, QObject *parent = nullptr);
    // Deletes its children first, so connections parented to it (still open when a
    // stop timed out) close their counts while the counters exist.
    ~Worker() override;

    int index() const { return m_index; }

    // Runs `task` on this worker's thread after the tasks posted before it. Callable
    // from any thread. Until the task has run it counts towards load(), so a burst of
    // accepted connections spreads over the workers. A task still queued when the
    // pool stops is destroyed without running: let what it captures clean up in
    // destructors (an accepted socket closes itself).
    void post(std::function<void()> task);

    // Thread-safe. Prefer ConnectionGuard.
    void connectionOpened();
    void connectionClosed();

    int activeConnections() const { return m_counters->active.load(std::memory_order_relaxed); }
    std::shared_ptr<const WorkerCounters> counters() const { return m_counters; }
    // What pick() balances: open connections plus tasks posted and not yet run.
    int load() const { return activeConnections() + m_queued.load(std::memory_order_relaxed); }
    // True once the pool is stopping: finish what is in flight, start nothing new.
    bool isDraining() const { return m_draining.load(); }

Q_SIGNALS:
    // In the worker's thread, once, when the pool starts stopping: connections close
    // idle keep-alive connections here and let busy ones finish.
    void drainRequested();
    // Only while draining, in whichever thread lowered the load: a connection closed
    // or a task ran. WorkerPool::stop() waits on it.
    void loadDecreased();
    // Internal: the task queue went from empty to not empty (queued to runTasks()),
    // where the thread runs Qt's own dispatcher (see runTasksBeforeWaiting()).
    void tasksPosted(QPrivateSignal);

private:
    friend class WorkerPool;
    // Called by WorkerPool before the thread starts, with the platform's worker
    // dispatcher it installs (core/platform/WorkerEventDispatcher.h): post() then wakes
    // the thread through it, and the tasks run each time its loop is about to wait.
    // Nothing of a hand-over goes through Qt's posted-event queue, which the main
    // thread would otherwise share with the worker under a lock ThreadSanitizer cannot
    // see (core/ThreadSanitizer.h). Without it post() falls back to a queued call.
    void runTasksBeforeWaiting(QAbstractEventDispatcher *dispatcher);
    void beginDrain();  // called by WorkerPool::stop()
    void runTasks();

    // Tasks handed over under a mutex of our own rather than inside Qt's queued
    // call, so the hand-over is one wake-up per burst, and visible to ThreadSanitizer
    // (Qt's own locks are not).
    std::mutex m_tasksMutex;
    std::vector<std::function<void()>> m_tasks;
    QAbstractEventDispatcher *m_dispatcher = nullptr;  // the thread's, when ours

    const int m_index;
    const std::shared_ptr<WorkerCounters> m_counters = std::make_shared<WorkerCounters>();
    std::atomic<int> m_queued { 0 };
    std::atomic<bool> m_draining { false };
};

}  // namespace gatehouse::proxy
