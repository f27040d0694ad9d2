#include "proxy/WorkerPool.h"

#include "ThreadSanitizer.h"
#include "platform/WorkerEventDispatcher.h"
#include "proxy/Worker.h"

#include <QLoggingCategory>
#include <QThread>

#include <climits>

namespace gatehouse::proxy {

namespace {
Q_LOGGING_CATEGORY(lcWorkers, "gatehouse.proxy.workers")
}  // namespace

WorkerPool::WorkerPool(int workers, QObject *parent)
    : QObject(parent), m_size(workers > 0 ? workers : std::max(1, QThread::idealThreadCount()))
{ }

WorkerPool::~WorkerPool()
{
    stop(std::chrono::milliseconds(0));
}

void WorkerPool::start()
{
    if (isRunning())
        return;
    m_threads.reserve(std::size_t(m_size));
    m_workers.reserve(std::size_t(m_size));
    for (int i = 0; i < m_size; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("gatehouse-worker-%1").arg(i));  // the OS thread name too
        auto *worker = new Worker(i);
        if (auto dispatcher = platform::createWorkerEventDispatcher()) {
            worker->runTasksBeforeWaiting(dispatcher.get());
            thread->setEventDispatcher(dispatcher.release());
        }
        worker->moveToThread(thread.get());
        // finished() is emitted in the worker thread; the deferred delete runs there
        // before the thread ends, so connections die on their own thread.
        connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        // ThreadSanitizer: stop() hands over to the ending thread through quit(),
        // and back through wait(), with Qt locks it cannot see (core/ThreadSanitizer.h).
        // finished() comes in the worker thread before the Worker and the
        // dispatcher are deleted.
        connect(
            thread.get(), &QThread::finished, thread.get(), [thread = thread.get()] { tsan::acquire(thread); },
            Qt::DirectConnection);
        // Direct: runs in the thread that lowered the load, only to wake stop().
        connect(
            worker, &Worker::loadDecreased, this,
            [this] {
                std::lock_guard lock(m_drainMutex);
                m_drainChanged.notify_all();
            },
            Qt::DirectConnection);

        thread->start();
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
    }
    m_accepting.store(true, std::memory_order_release);
    qCInfo(lcWorkers) << "started" << m_size << "worker threads";
}

bool WorkerPool::stop(std::chrono::milliseconds drainTimeout)
{
    if (!isRunning())
        return true;
    for (const auto &thread : m_threads)
        Q_ASSERT_X(QThread::currentThread() != thread.get(), "WorkerPool::stop", "called from a worker thread");

    m_accepting.store(false, std::memory_order_release);
    for (Worker *worker : m_workers)
        worker->beginDrain();

    bool drained = false;
    {
        std::unique_lock lock(m_drainMutex);
        drained = m_drainChanged.wait_for(lock, drainTimeout, [this] { return load() == 0; });
    }
    if (!drained) {
        qCWarning(lcWorkers) << "stopping with" << activeConnections() << "connections still open after"
                             << drainTimeout.count() << "ms";
    }

    for (const auto &thread : m_threads) {
        tsan::release(thread.get());  // what this thread did, before the worker's end (finished)
        thread->quit();
    }
    for (const auto &thread : m_threads) {
        thread->wait();
        tsan::acquire(thread.get());  // released by the thread's end (EpollEventDispatcher)
    }
    m_workers.clear();
    m_threads.clear();
    return drained;
}

Worker *WorkerPool::pick()
{
    if (!m_accepting.load(std::memory_order_acquire))
        return nullptr;
    const std::size_t count = m_workers.size();
    const std::size_t first = m_next.fetch_add(1, std::memory_order_relaxed) % count;
    Worker *best = nullptr;
    int bestLoad = INT_MAX;
    for (std::size_t i = 0; i < count; ++i) {
        Worker *candidate = m_workers[(first + i) % count];
        const int candidateLoad = candidate->load();
        if (candidateLoad < bestLoad) {
            best = candidate;
            bestLoad = candidateLoad;
        }
    }
    return best;
}

bool WorkerPool::post(Worker *worker, std::function<void()> task)
{
    if (!worker)
        return false;
    worker->post(std::move(task));
    return true;
}

void WorkerPool::runInEveryWorker(const std::function<void(Worker &)> &task)
{
    if (!isRunning())
        return;
    struct Countdown
    {
        std::mutex mutex;
        std::condition_variable done;
        std::size_t left = 0;
    };
    auto countdown = std::make_shared<Countdown>();
    countdown->left = m_workers.size();
    for (Worker *worker : m_workers) {
        worker->post([worker, task, countdown] {
            task(*worker);
            std::lock_guard lock(countdown->mutex);
            if (--countdown->left == 0)
                countdown->done.notify_all();
        });
    }
    std::unique_lock lock(countdown->mutex);
    countdown->done.wait(lock, [&] { return countdown->left == 0; });
}

Worker *WorkerPool::worker(int index) const
{
    if (index < 0 || std::size_t(index) >= m_workers.size())
        return nullptr;
    return m_workers[std::size_t(index)];
}

int WorkerPool::activeConnections() const
{
    int total = 0;
    for (const Worker *worker : m_workers)
        total += worker->activeConnections();
    return total;
}

int WorkerPool::load() const
{
    int total = 0;
    for (const Worker *worker : m_workers)
        total += worker->load();
    return total;
}

}  // namespace gatehouse::proxy
