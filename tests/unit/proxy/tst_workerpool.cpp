// The worker pool: threads with the platform's dispatcher, tasks on the right
// thread in order, pick() balancing, and stop() draining then joining.
#include "proxy/Worker.h"
#include "proxy/WorkerPool.h"

#if defined(Q_OS_LINUX)
#include "platform/linux/EpollEventDispatcher.h"
#endif

#include <QAbstractEventDispatcher>
#include <QPointer>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <vector>

using gatehouse::proxy::Worker;
using gatehouse::proxy::WorkerPool;
using namespace std::chrono_literals;

namespace {

// Stands in for a proxy connection: lives in a worker, counted by a guard,
// destroyed in the worker's thread.
class FakeConnection : public QObject
{
public:
    FakeConnection(Worker *worker, std::atomic<QThread *> *destroyedOn)
        : QObject(worker), m_guard(worker), m_destroyedOn(destroyedOn)
    { }
    ~FakeConnection() override { *m_destroyedOn = QThread::currentThread(); }

private:
    Worker::ConnectionGuard m_guard;
    std::atomic<QThread *> *m_destroyedOn;
};

}  // namespace

class tst_WorkerPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsThreadsWithWorkerDispatcher();
    void zeroMeansOnePerCore();
    void tasksRunOnTheirWorkerInOrder();
    void pickIsRoundRobinAmongEquals();
    void pickPrefersLeastLoaded();
    void pendingTasksCountAsLoad();
    void stopDrainsActiveConnections();
    void stopTimesOutAndStillJoins();
    void connectionGuardCountsOnce();
};

void tst_WorkerPool::startsThreadsWithWorkerDispatcher()
{
    WorkerPool pool(3);
    QVERIFY(!pool.isRunning());
    QCOMPARE(pool.pick(), nullptr);
    pool.start();
    QVERIFY(pool.isRunning());
    QCOMPARE(pool.size(), 3);

    std::set<QThread *> threads;
    for (int i = 0; i < pool.size(); ++i) {
        Worker *worker = pool.worker(i);
        QVERIFY(worker);
        QCOMPARE(worker->index(), i);
        QVERIFY(worker->thread() != QThread::currentThread());
        threads.insert(worker->thread());
        QTRY_VERIFY(worker->thread()->isRunning());
#if defined(Q_OS_LINUX)
        QVERIFY(qobject_cast<gatehouse::platform::EpollEventDispatcher *>(
            QAbstractEventDispatcher::instance(worker->thread())));
#endif
    }
    QCOMPARE(threads.size(), std::size_t(3));
    QVERIFY(pool.stop(1s));
    QVERIFY(!pool.isRunning());
}

void tst_WorkerPool::zeroMeansOnePerCore()
{
    WorkerPool pool(0);
    QCOMPARE(pool.size(), std::max(1, QThread::idealThreadCount()));
}

void tst_WorkerPool::tasksRunOnTheirWorkerInOrder()
{
    // The pool is declared after what its tasks use, so it stops first on every exit.
    constexpr int kTasks = 200;
    std::mutex mutex;
    std::map<int, std::vector<int>> order;  // worker index -> task numbers as they ran
    std::atomic<int> wrongThread { 0 };
    std::atomic<int> wrongName { 0 };
    std::atomic<int> ran { 0 };
    WorkerPool pool(3);
    pool.start();
    for (int task = 0; task < kTasks; ++task) {
        for (int i = 0; i < pool.size(); ++i) {
            Worker *worker = pool.worker(i);
            QVERIFY(pool.post(worker, [&, worker, i, task] {
                if (QThread::currentThread() != worker->thread())
                    ++wrongThread;
                if (QThread::currentThread()->objectName() != QStringLiteral("gatehouse-worker-%1").arg(i))
                    ++wrongName;
                std::lock_guard lock(mutex);
                order[i].push_back(task);
                ++ran;
            }));
        }
    }
    QTRY_COMPARE(ran.load(), kTasks * pool.size());
    QVERIFY(pool.stop(1s));
    QCOMPARE(wrongThread.load(), 0);
    QCOMPARE(wrongName.load(), 0);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(int(order[i].size()), kTasks);
        for (int task = 0; task < kTasks; ++task)
            QCOMPARE(order[i][std::size_t(task)], task);
    }
}

void tst_WorkerPool::pickIsRoundRobinAmongEquals()
{
    WorkerPool pool(3);
    pool.start();
    std::map<Worker *, int> picks;
    Worker *previous = nullptr;
    for (int i = 0; i < 9; ++i) {
        Worker *worker = pool.pick();
        QVERIFY(worker);
        QVERIFY(worker != previous);
        previous = worker;
        ++picks[worker];
    }
    QCOMPARE(picks.size(), std::size_t(3));
    for (const auto &[worker, count] : picks)
        QCOMPARE(count, 3);
    QVERIFY(pool.stop(1s));
}

void tst_WorkerPool::pickPrefersLeastLoaded()
{
    WorkerPool pool(3);
    pool.start();
    Worker *w0 = pool.worker(0);
    Worker *w1 = pool.worker(1);
    Worker *w2 = pool.worker(2);
    // Counting is thread-safe, so the test thread may stand in for the workers.
    w0->connectionOpened();
    w0->connectionOpened();
    w1->connectionOpened();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(pool.pick(), w2);
    w2->connectionOpened();
    w2->connectionOpened();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(pool.pick(), w1);
    w0->connectionClosed();
    w0->connectionClosed();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(pool.pick(), w0);
    QCOMPARE(pool.activeConnections(), 3);
    w1->connectionClosed();
    w2->connectionClosed();
    w2->connectionClosed();
    QCOMPARE(pool.activeConnections(), 0);
    QVERIFY(pool.stop(1s));
}

void tst_WorkerPool::pendingTasksCountAsLoad()
{
    QSemaphore started;
    QSemaphore release;
    WorkerPool pool(3);
    pool.start();
    Worker *busy = pool.worker(0);
    busy->post([&] {
        started.release();
        release.acquire();
    });
    busy->post([] {});
    QVERIFY(started.tryAcquire(1, 20000));
    QCOMPARE(busy->load(), 2);  // one running, one queued
    for (int i = 0; i < 6; ++i)
        QVERIFY(pool.pick() != busy);
    release.release();
    QTRY_COMPARE(busy->load(), 0);
    QVERIFY(pool.stop(1s));
}

void tst_WorkerPool::stopDrainsActiveConnections()
{
    std::atomic<QThread *> destroyedOn { nullptr };
    std::atomic<QThread *> drainSeenOn { nullptr };
    std::atomic<bool> closedByDrain { false };
    std::atomic<bool> opened { false };
    WorkerPool pool(2);
    pool.start();
    Worker *worker = pool.worker(1);
    QThread *workerThread = worker->thread();
    worker->post([&, worker] {
        auto *connection = new FakeConnection(worker, &destroyedOn);
        // Finishes its "request" a little after being asked to drain.
        QObject::connect(worker, &Worker::drainRequested, connection, [&, connection] {
            drainSeenOn = QThread::currentThread();
            QTimer::singleShot(50ms, connection, [&, connection] {
                closedByDrain = true;
                connection->deleteLater();
            });
        });
        opened = true;
    });
    QTRY_VERIFY(opened.load());
    QCOMPARE(pool.activeConnections(), 1);

    QVERIFY(pool.stop(20s));
    // Had stop() not waited, the thread would have ended first and the connection
    // been deleted with its Worker, never closing by itself.
    QVERIFY(closedByDrain.load());
    QCOMPARE(drainSeenOn.load(), workerThread);
    QCOMPARE(destroyedOn.load(), workerThread);
    QVERIFY(!pool.isRunning());
    QCOMPARE(pool.pick(), nullptr);
    QCOMPARE(pool.worker(0), nullptr);
}

void tst_WorkerPool::stopTimesOutAndStillJoins()
{
    std::atomic<QThread *> destroyedOn { nullptr };
    std::atomic<bool> opened { false };
    WorkerPool pool(2);
    pool.start();
    Worker *worker = pool.worker(0);
    QPointer<Worker> watched(worker);
    QThread *workerThread = worker->thread();
    worker->post([&, worker] {
        new FakeConnection(worker, &destroyedOn);  // ignores drainRequested
        opened = true;
    });
    QTRY_VERIFY(opened.load());

    QVERIFY(!pool.stop(100ms));
    QVERIFY(!pool.isRunning());
    QVERIFY(watched.isNull());  // deleted in its thread, with the connection
    QCOMPARE(destroyedOn.load(), workerThread);
}

void tst_WorkerPool::connectionGuardCountsOnce()
{
    Worker worker(0);
    {
        Worker::ConnectionGuard guard(&worker);
        QCOMPARE(worker.activeConnections(), 1);
        Worker::ConnectionGuard moved(std::move(guard));
        QCOMPARE(worker.activeConnections(), 1);
        guard.reset();  // moved from: nothing to close
        QCOMPARE(worker.activeConnections(), 1);
        Worker::ConnectionGuard assigned;
        assigned = std::move(moved);
        QCOMPARE(worker.activeConnections(), 1);
        QCOMPARE(assigned.worker(), &worker);
    }
    QCOMPARE(worker.activeConnections(), 0);
    {
        Worker::ConnectionGuard a(&worker);
        Worker::ConnectionGuard b(&worker);
        QCOMPARE(worker.activeConnections(), 2);
        a = std::move(b);  // a's own count closes
        QCOMPARE(worker.activeConnections(), 1);
    }
    QCOMPARE(worker.activeConnections(), 0);
}

QTEST_GUILESS_MAIN(tst_WorkerPool)
#include "tst_workerpool.moc"
