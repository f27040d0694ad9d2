#pragma once

#include <QObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace gatehouse::proxy {

class Worker;

// The proxy's worker threads: N QThreads, each running the platform's worker event
// dispatcher (epoll on Linux) and holding one Worker. Where that dispatcher exists the
// workers accept connections themselves (Acceptor); otherwise the listeners pick() a
// worker for each accepted connection and post() it there. Lives in, and is driven from, the
// main thread; pick() and post() are safe from any thread while it runs.
class WorkerPool : public QObject
{
    Q_OBJECT

public:
    // `workers` threads (the config's `workers`); 0 means one per CPU core.
    explicit WorkerPool(int workers, QObject *parent = nullptr);
    ~WorkerPool() override;  // stop(0ms) when still running

    int size() const { return m_size; }
    bool isRunning() const { return !m_threads.empty(); }

    // Starts the threads; Worker pointers are valid from here until stop() returns.
    void start();

    // Stops taking work (pick() returns nullptr from now on), emits drainRequested()
    // in every worker, waits until no connection is open and no posted task is
    // pending or until `drainTimeout`, then quits and joins the threads. Objects
    // parented to a Worker are deleted in its thread. Blocks the calling thread, so
    // worker code must not make blocking-queued calls into it. True when everything
    // drained in time. Call it after the listeners stopped handing out connections,
    // not concurrently with pick().
    bool stop(std::chrono::milliseconds drainTimeout);

    // The worker with the lowest load (open connections plus pending tasks),
    // round-robin among equals; nullptr when the pool is not running or is stopping.
    // Lock-free.
    Worker *pick();
    // Runs `task` on `worker`'s thread (Worker::post()).
    bool post(Worker *worker, std::function<void()> task);

    // Runs `task` in every worker's thread (after what was posted before) and returns
    // once it has run in all of them; at once when the pool is not running. Blocks
    // the calling thread like stop(), under the same rule.
    void runInEveryWorker(const std::function<void(Worker &)> &task);

    Worker *worker(int index) const;
    int activeConnections() const;  // over all workers

private:
    int load() const;

    const int m_size;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<Worker *> m_workers;  // each deletes itself in its thread when it finishes
    std::atomic<bool> m_accepting { false };
    std::atomic<unsigned> m_next { 0 };
    std::mutex m_drainMutex;
    std::condition_variable m_drainChanged;
};

}  // namespace gatehouse::proxy
