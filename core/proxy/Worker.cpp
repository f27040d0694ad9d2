#include "proxy/Worker.h"

#include <QAbstractEventDispatcher>

#include <utility>

namespace gatehouse::proxy {

Worker::ConnectionGuard::ConnectionGuard(Worker *worker) : m_worker(worker)
{
    if (m_worker)
        m_worker->connectionOpened();
}

Worker::ConnectionGuard::~ConnectionGuard()
{
    reset();
}

Worker::ConnectionGuard::ConnectionGuard(ConnectionGuard &&other) noexcept
    : m_worker(std::exchange(other.m_worker, nullptr))
{ }

Worker::ConnectionGuard &Worker::ConnectionGuard::operator=(ConnectionGuard &&other) noexcept
{
    if (this != &other) {
        reset();
        m_worker = std::exchange(other.m_worker, nullptr);
    }
    return *this;
}

void Worker::ConnectionGuard::reset()
{
    if (Worker *worker = std::exchange(m_worker, nullptr))
        worker->connectionClosed();
}

Worker::Worker(int index, QObject *parent) : QObject(parent), m_index(index)
{
    connect(this, &Worker::tasksPosted, this, &Worker::runTasks, Qt::QueuedConnection);
}

Worker::~Worker()
{
    while (!children().isEmpty())
        delete children().constFirst();
}

void Worker::runTasksBeforeWaiting(QAbstractEventDispatcher *dispatcher)
{
    m_dispatcher = dispatcher;
    connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &Worker::runTasks, Qt::DirectConnection);
}

void Worker::post(std::function<void()> task)
{
    m_queued.fetch_add(1);
    bool wasEmpty = false;
    {
        std::lock_guard lock(m_tasksMutex);
        wasEmpty = m_tasks.empty();
        m_tasks.push_back(std::move(task));
    }
    // A non-empty queue already has its runTasks() call on the way, and that call
    // has not taken the queue yet.
    if (!wasEmpty)
        return;
    if (m_dispatcher)
        m_dispatcher->wakeUp();  // the loop goes round: aboutToBlock(), runTasks()
    else
        Q_EMIT tasksPosted(QPrivateSignal());
}

void Worker::runTasks()
{
    // From aboutToBlock() this runs at every turn of the loop: nothing to do is the
    // common case. A task counts here from before it is queued until after it ran,
    // and post() wakes the loop after queuing, so one missed here comes next turn.
    if (m_queued.load() == 0)
        return;
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard lock(m_tasksMutex);
        tasks.swap(m_tasks);
    }
    for (std::function<void()> &task : tasks) {
        task();
        task = nullptr;  // what it captured goes now, in this thread
        // Counted down after the task, so a task that opens a connection moves
        // the load from "queued" to "active" without a dip pick() could see.
        m_queued.fetch_sub(1);
        if (m_draining.load())
            Q_EMIT loadDecreased();
    }
}

void Worker::connectionOpened()
{
    m_counters->active.fetch_add(1);
    m_counters->opened.fetch_add(1, std::memory_order_relaxed);
}

void Worker::connectionClosed()
{
    const int before = m_counters->active.fetch_sub(1);
    Q_ASSERT_X(before > 0, "Worker::connectionClosed", "more connections closed than opened");
    Q_UNUSED(before)
    // Read after the decrement: WorkerPool::stop() sets m_draining before it first
    // checks the load, so either it sees this decrement or this sees the flag.
    if (m_draining.load())
        Q_EMIT loadDecreased();
}

void Worker::beginDrain()
{
    m_draining.store(true);
    post([this] { Q_EMIT drainRequested(); });
}

}  // namespace gatehouse::proxy
