// The epoll event dispatcher under the Qt code a worker thread runs: socket
// notifiers on socketpairs and pipes, timers, posted and queued calls from other
// threads, deleteLater and quit. Each case runs on a thread of its own with the
// dispatcher installed; observations are compared on the test thread afterwards.
#include "ThreadSanitizer.h"
#include "platform/WorkerEventDispatcher.h"
#include "platform/linux/EpollEventDispatcher.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using gatehouse::platform::EpollEventDispatcher;
using namespace std::chrono_literals;

namespace {

// A non-blocking AF_UNIX stream pair, closed on destruction.
struct SocketPair
{
    int fd[2] = { -1, -1 };
    SocketPair()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd) != 0)
            fd[0] = fd[1] = -1;
    }
    ~SocketPair()
    {
        closeEnd(0);
        closeEnd(1);
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;
    bool isValid() const { return fd[0] >= 0 && fd[1] >= 0; }
    void closeEnd(int end)
    {
        if (fd[end] >= 0)
            ::close(fd[end]);
        fd[end] = -1;
    }
};

// A non-blocking pipe, closed on destruction.
struct Pipe
{
    int fd[2] = { -1, -1 };
    Pipe()
    {
        if (::pipe2(fd, O_NONBLOCK | O_CLOEXEC) != 0)
            fd[0] = fd[1] = -1;
    }
    ~Pipe()
    {
        closeEnd(0);
        closeEnd(1);
    }
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;
    void closeEnd(int end)
    {
        if (fd[end] >= 0)
            ::close(fd[end]);
        fd[end] = -1;
    }
};

bool writeBytes(int fd, const char *data, qsizetype size)
{
    return ::write(fd, data, std::size_t(size)) == size;
}

qsizetype drain(int fd)
{
    char buffer[4096];
    qsizetype total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return total;
        total += n;
    }
}

// QThread::wait() for a thread that runs the epoll dispatcher. Qt ends the wait
// through locks of its own, which ThreadSanitizer cannot see (core/ThreadSanitizer.h);
// the dispatcher marks the thread's end when it is deleted, the last thing the
// thread does, and this takes the mark: what the thread did happens before what
// the caller does next.
bool join(QThread &thread, std::chrono::milliseconds limit)
{
    if (!thread.wait(QDeadlineTimer(limit)))
        return false;
    gatehouse::tsan::acquire(&thread);
    return true;
}

// Runs `body` on a new thread whose dispatcher is the epoll one, and joins it.
bool runOnEpollThread(std::function<void()> body)
{
    std::unique_ptr<QThread> thread(QThread::create(std::move(body)));
    thread->setEventDispatcher(new EpollEventDispatcher);
    thread->start();
    if (!join(*thread, 120s)) {
        thread.release();  // still running: leak it rather than abort the whole run
        return false;
    }
    return true;
}

// An event posted to an object in another thread (a queued call, deleteLater, the
// timers of an object moved there) reaches that thread under Qt's own locks, which
// ThreadSanitizer cannot see: to it, the event's making and its delivery are
// unordered, and so is all the test hands over with it. A thread posts through
// handover(), and the receiving object (a Gated one) takes the same lock before
// each event, so the order Qt keeps is one TSan sees. Recursive: moveToThread()
// sends its object an event in the calling thread, inside the post. One for the
// process, so that a Gated object has no member to read before taking it.
class Handover
{
public:
    template<typename Post> decltype(auto) post(Post &&post)
    {
        std::lock_guard lock(m_mutex);
        return post();
    }
    void received() { std::lock_guard lock(m_mutex); }

private:
    std::recursive_mutex m_mutex;
};

Handover &handover()
{
    static Handover instance;
    return instance;
}

template<typename Base> class Gated : public Base
{
protected:
    bool event(QEvent *event) override
    {
        handover().received();
        return Base::event(event);
    }
};

// A blocking call into `receiver`'s thread: a queued call through handover() whose
// result comes back through a std::promise. Qt's BlockingQueuedConnection makes its
// event inside the call and waits on a semaphore, neither of which TSan could order.
template<typename Call> auto callAndWait(QObject *receiver, Call call)
{
    using Result = std::invoke_result_t<Call &>;
    std::promise<Result> result;
    auto future = result.get_future();
    const bool posted = handover().post([&] {
        return QMetaObject::invokeMethod(
            receiver,
            [&] {
                if constexpr (std::is_void_v<Result>) {
                    call();
                    result.set_value();
                } else {
                    result.set_value(call());
                }
            },
            Qt::QueuedConnection);
    });
    if (!posted)
        qFatal("callAndWait: the call could not be posted");  // rather than wait forever
    return future.get();
}

// Runs the current thread's event loop until done() or a watchdog; run() returns
// false when the watchdog ended it (what the test waited for never happened).
class LoopRunner
{
public:
    bool run(std::chrono::milliseconds limit = 20s)
    {
        bool timedOut = false;
        QTimer watchdog;
        watchdog.setSingleShot(true);
        QObject::connect(&watchdog, &QTimer::timeout, &m_loop, [&] {
            timedOut = true;
            m_loop.quit();
        });
        watchdog.start(limit);
        if (!m_done)
            m_loop.exec();
        return !timedOut;
    }
    void done()
    {
        m_done = true;
        m_loop.quit();
    }

private:
    QEventLoop m_loop;
    bool m_done = false;
};

// Bounces one byte over a socketpair `rounds` times: every hop is a wake-up and a
// notifier activation on each side.
class PingPong
{
public:
    PingPong(int rounds, std::function<void()> finished)
        : m_rounds(rounds), m_finished(std::move(finished)), m_client(m_pair.fd[0], QSocketNotifier::Read),
          m_server(m_pair.fd[1], QSocketNotifier::Read)
    {
        QObject::connect(&m_server, &QSocketNotifier::activated, &m_server, [this] {
            char byte = 0;
            if (::read(m_pair.fd[1], &byte, 1) == 1)
                writeBytes(m_pair.fd[1], &byte, 1);
        });
        QObject::connect(&m_client, &QSocketNotifier::activated, &m_client, [this] {
            char byte = 0;
            if (::read(m_pair.fd[0], &byte, 1) != 1)
                return;
            if (++m_done < m_rounds)
                writeBytes(m_pair.fd[0], &byte, 1);
            else
                m_finished();
        });
    }
    void start() { writeBytes(m_pair.fd[0], "p", 1); }
    int completed() const { return m_done; }

private:
    SocketPair m_pair;
    int m_rounds;
    int m_done = 0;
    std::function<void()> m_finished;
    QSocketNotifier m_client;
    QSocketNotifier m_server;
};

// A QThread whose exec() result the test can read.
class ExecThread : public QThread
{
public:
    std::atomic<int> exitCode { -1 };

protected:
    void run() override { exitCode = exec(); }
};

}  // namespace

class tst_EpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factoryGivesEpoll();
    void readNotifier();
    void writeNotifierWaitsForSpace();
    void hangupReachesReadNotifier_data();
    void hangupReachesReadNotifier();
    void disableInsideActivation();
    void disableOtherInSameBatch();
    void deleteInsideActivation();
    void fdClosedBeforeUnregister();
    void fdReusedForSameType();
    void singleShotOrder();
    void repeatingTimerKilledFromCallback();
    void killDueTimersFromCallback();
    void remainingTime();
    void manyTimers();
    void timerEntriesAreReused();
    void zeroTimerDoesNotStarveSockets();
    void queuedAndBlockingCallsFromOtherThreads();
    void deleteLater();
    void processEventsWithoutWaiting();
    void interruptWakesBlockedLoop();
    void exitCodeAndBlockSignals();
    void timersMoveBetweenThreads();
    void manyIdleNotifiersStress();
};

void tst_EpollDispatcher::factoryGivesEpoll()
{
    const auto dispatcher = gatehouse::platform::createWorkerEventDispatcher();
    QVERIFY(qobject_cast<EpollEventDispatcher *>(dispatcher.get()));

    bool installed = false;
    QVERIFY(runOnEpollThread(
        [&] { installed = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()) != nullptr; }));
    QVERIFY(installed);
}

void tst_EpollDispatcher::readNotifier()
{
    QByteArray received;
    int activations = 0;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair pair;
        LoopRunner loop;
        QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
        QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
            ++activations;
            char buffer[64];
            const ssize_t n = ::read(pair.fd[0], buffer, sizeof buffer);
            if (n > 0)
                received.append(buffer, n);
            if (received.size() >= 10)
                loop.done();
        });
        // Written from timers so that the loop is blocked in epoll_wait in between.
        QTimer::singleShot(5ms, &notifier, [&] { writeBytes(pair.fd[1], "hello", 5); });
        QTimer::singleShot(30ms, &notifier, [&] { writeBytes(pair.fd[1], "world", 5); });
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(received, QByteArray("helloworld"));
    QCOMPARE(activations, 2);  // nothing spurious in between
}

void tst_EpollDispatcher::writeNotifierWaitsForSpace()
{
    int activationsWhileFull = -1;
    int activationsAfterDrain = 0;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair pair;
        const QByteArray chunk(4096, 'x');
        while (::write(pair.fd[0], chunk.constData(), std::size_t(chunk.size())) > 0) { }

        LoopRunner loop;
        int activations = 0;
        QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Write);
        QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
            ++activations;
            notifier.setEnabled(false);
            activationsAfterDrain = activations;
            loop.done();
        });
        QTimer::singleShot(50ms, &notifier, [&] {
            activationsWhileFull = activations;
            drain(pair.fd[1]);
        });
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(activationsWhileFull, 0);
    QCOMPARE(activationsAfterDrain, 1);
}

enum class Hangup { PeerClosedSocket, PipeWriterClosed, PipeReaderClosed };

void tst_EpollDispatcher::hangupReachesReadNotifier_data()
{
    QTest::addColumn<int>("hangupRow");
    QTest::addColumn<int>("expectedRead");  // what read() returns then; -2 for "not called"
    // EOF comes with EPOLLIN on a socket, as EPOLLHUP alone on a pipe's read end and
    // as EPOLLERR alone on a pipe's write end: all must reach a Read notifier.
    QTest::newRow("socket peer closed") << int(Hangup::PeerClosedSocket) << 0;
    QTest::newRow("pipe writer closed (HUP)") << int(Hangup::PipeWriterClosed) << 0;
    QTest::newRow("pipe reader closed (ERR)") << int(Hangup::PipeReaderClosed) << -2;
}

void tst_EpollDispatcher::hangupReachesReadNotifier()
{
    QFETCH(int, hangupRow);
    const auto hangup = Hangup(hangupRow);
    QFETCH(int, expectedRead);

    int activations = 0;
    int readResult = -2;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair pair;
        Pipe pipe;
        int watched = -1;
        std::function<void()> hangUp;
        switch (hangup) {
        case Hangup::PeerClosedSocket:
            watched = pair.fd[0];
            hangUp = [&] { pair.closeEnd(1); };
            break;
        case Hangup::PipeWriterClosed:
            watched = pipe.fd[0];
            hangUp = [&] { pipe.closeEnd(1); };
            break;
        case Hangup::PipeReaderClosed:
            watched = pipe.fd[1];
            hangUp = [&] { pipe.closeEnd(0); };
            break;
        }
        LoopRunner loop;
        QSocketNotifier notifier(watched, QSocketNotifier::Read);
        QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
            ++activations;
            notifier.setEnabled(false);  // level-triggered: it would fire forever otherwise
            if (hangup != Hangup::PipeReaderClosed) {
                char byte;
                readResult = int(::read(watched, &byte, 1));
            }
            loop.done();
        });
        QTimer::singleShot(5ms, &notifier, hangUp);
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(activations, 1);
    QCOMPARE(readResult, expectedRead);
}

void tst_EpollDispatcher::disableInsideActivation()
{
    int readActivations = 0;
    int writeActivations = 0;
    int readActivationsBeforeReenable = -1;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair pair;
        writeBytes(pair.fd[1], "x", 1);  // never read: the fd stays readable throughout
        LoopRunner loop;
        // Two notifiers on one fd; each disables itself inside its activation, and
        // the other must keep working.
        QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
        QSocketNotifier writer(pair.fd[0], QSocketNotifier::Write);
        QTimer idle;  // counts loop iterations after both went quiet
        idle.setInterval(0);
        int idleRounds = 0;
        QObject::connect(&reader, &QSocketNotifier::activated, &reader, [&] {
            ++readActivations;
            reader.setEnabled(false);
            if (readActivations == 2)
                loop.done();
        });
        QObject::connect(&writer, &QSocketNotifier::activated, &writer, [&] {
            if (++writeActivations == 20) {
                writer.setEnabled(false);
                idle.start();
            }
        });
        QObject::connect(&idle, &QTimer::timeout, &idle, [&] {
            if (++idleRounds < 50)
                return;
            idle.stop();
            readActivationsBeforeReenable = readActivations;
            reader.setEnabled(true);  // still readable: fires again
        });
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(readActivationsBeforeReenable, 1);
    QCOMPARE(readActivations, 2);
    QCOMPARE(writeActivations, 20);
}

void tst_EpollDispatcher::disableOtherInSameBatch()
{
    int activations = 0;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair first;
        SocketPair second;
        // Both readable before the loop runs, so one epoll_wait reports both.
        writeBytes(first.fd[1], "a", 1);
        writeBytes(second.fd[1], "b", 1);
        LoopRunner loop;
        QSocketNotifier one(first.fd[0], QSocketNotifier::Read);
        QSocketNotifier two(second.fd[0], QSocketNotifier::Read);
        const auto onActivated = [&] {
            ++activations;
            one.setEnabled(false);
            two.setEnabled(false);
            QTimer::singleShot(20ms, &one, [&] { loop.done(); });
        };
        QObject::connect(&one, &QSocketNotifier::activated, &one, onActivated);
        QObject::connect(&two, &QSocketNotifier::activated, &two, onActivated);
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(activations, 1);
}

void tst_EpollDispatcher::deleteInsideActivation()
{
    int firstBatchActivations = 0;
    int replacementActivations = 0;
    bool othersDeleted = false;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair first;
        SocketPair second;
        writeBytes(first.fd[1], "a", 1);
        writeBytes(second.fd[1], "b", 1);
        LoopRunner loop;
        QObject context;
        std::unique_ptr<QSocketNotifier> replacement;
        // Read and Write on one fd plus Read on another, all ready in one batch:
        // whichever fires first deletes all three (itself included) and puts a new
        // notifier on the first fd.
        QPointer<QSocketNotifier> notifiers[] = {
            new QSocketNotifier(first.fd[0], QSocketNotifier::Read),
            new QSocketNotifier(first.fd[0], QSocketNotifier::Write),
            new QSocketNotifier(second.fd[0], QSocketNotifier::Read),
        };
        for (const QPointer<QSocketNotifier> &notifier : notifiers) {
            QObject::connect(notifier.data(), &QSocketNotifier::activated, &context, [&] {
                ++firstBatchActivations;
                for (const QPointer<QSocketNotifier> &each : notifiers)
                    delete each.data();
                othersDeleted = std::all_of(std::begin(notifiers), std::end(notifiers),
                                            [](const QPointer<QSocketNotifier> &p) { return p.isNull(); });
                replacement = std::make_unique<QSocketNotifier>(first.fd[0], QSocketNotifier::Read);
                QObject::connect(replacement.get(), &QSocketNotifier::activated, &context, [&] {
                    ++replacementActivations;
                    replacement.reset();  // deleted inside its own activation too
                    loop.done();
                });
            });
        }
        finished = loop.run();
        for (const QPointer<QSocketNotifier> &each : notifiers)
            delete each.data();
    }));
    QVERIFY(finished);
    QVERIFY(othersDeleted);
    QCOMPARE(firstBatchActivations, 1);
    QCOMPARE(replacementActivations, 1);
}

void tst_EpollDispatcher::fdClosedBeforeUnregister()
{
    bool writerFired = false;
    bool writerFiredAgain = false;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair old;
        SocketPair fresh;
        LoopRunner loop;
        // Closed while its notifier is enabled: epoll drops the closed file by itself,
        // and the notifier's later unregistering must not trip over that.
        auto closedOnly = std::make_unique<QSocketNotifier>(old.fd[1], QSocketNotifier::Read);
        old.closeEnd(1);
        closedOnly.reset();  // EBADF from epoll_ctl

        // The same fd number reused for another socket while a stale Read notifier
        // still names it; a Write notifier on the new socket must fire all the same.
        const int fd = old.fd[0];
        auto stale = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        old.closeEnd(0);
        QVERIFY(::dup2(fresh.fd[0], fd) == fd);
        QSocketNotifier writer(fd, QSocketNotifier::Write);
        QObject::connect(&writer, &QSocketNotifier::activated, &writer, [&] {
            writer.setEnabled(false);
            if (!writerFired) {
                writerFired = true;
                stale.reset();  // unregistering the stale notifier keeps the new one
                writer.setEnabled(true);
            } else {
                writerFiredAgain = true;
                loop.done();
            }
        });
        finished = loop.run();
        ::close(fd);
    }));
    QVERIFY(finished);
    QVERIFY(writerFired);
    QVERIFY(writerFiredAgain);
}

void tst_EpollDispatcher::fdReusedForSameType()
{
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("several Read notifiers on socket \\d+; the newest wins")));
    int newActivations = 0;
    int staleActivations = 0;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        SocketPair old;
        SocketPair fresh;
        LoopRunner loop;
        const int fd = old.fd[0];
        auto stale = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        QObject::connect(stale.get(), &QSocketNotifier::activated, stale.get(), [&] { ++staleActivations; });
        old.closeEnd(0);
        QVERIFY(::dup2(fresh.fd[0], fd) == fd);
        QSocketNotifier reader(fd, QSocketNotifier::Read);
        QObject::connect(&reader, &QSocketNotifier::activated, &reader, [&] {
            ++newActivations;
            drain(fd);
            if (newActivations == 1) {
                stale.reset();
                writeBytes(fresh.fd[1], "2", 1);
            } else {
                loop.done();
            }
        });
        writeBytes(fresh.fd[1], "1", 1);
        finished = loop.run();
        ::close(fd);
    }));
    QVERIFY(finished);
    QCOMPARE(newActivations, 2);
    QCOMPARE(staleActivations, 0);
}

void tst_EpollDispatcher::singleShotOrder()
{
    QList<int> order;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        LoopRunner loop;
        QObject context;
        const auto record = [&](int what) {
            order.append(what);
            if (order.size() == 5)
                loop.done();
        };
        QTimer::singleShot(30ms, Qt::PreciseTimer, &context, [&] { record(30); });
        QTimer::singleShot(10ms, Qt::PreciseTimer, &context, [&] { record(10); });
        QTimer::singleShot(20ms, Qt::CoarseTimer, &context, [&] { record(20); });
        QTimer::singleShot(10ms, Qt::PreciseTimer, &context, [&] { record(11); });  // same interval, later
        QTimer zero;  // a real zero-interval timer (singleShot(0) would be a queued call)
        zero.setSingleShot(true);
        zero.setInterval(0);
        QObject::connect(&zero, &QTimer::timeout, &context, [&] { record(0); });
        zero.start();
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(order, (QList<int> { 0, 10, 11, 20, 30 }));
}

void tst_EpollDispatcher::repeatingTimerKilledFromCallback()
{
    int ticks = 0;
    int ticksLater = -1;
    bool activeAfterStop = true;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        LoopRunner loop;
        QTimer timer;
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(2ms);
        QObject::connect(&timer, &QTimer::timeout, &timer, [&] {
            if (++ticks < 5)
                return;
            timer.stop();
            activeAfterStop = timer.isActive();
            QTimer::singleShot(40ms, &timer, [&] {
                ticksLater = ticks;
                loop.done();
            });
        });
        timer.start();
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(ticks, 5);
    QCOMPARE(ticksLater, 5);
    QVERIFY(!activeAfterStop);
}

void tst_EpollDispatcher::killDueTimersFromCallback()
{
    int firstFired = 0;
    int killedFired = 0;
    int deletedFired = 0;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        LoopRunner loop;
        QTimer first;
        QTimer killed;
        auto deleted = std::make_unique<QTimer>();
        for (QTimer *timer : { &first, &killed, deleted.get() }) {
            timer->setTimerType(Qt::PreciseTimer);
            timer->setInterval(1ms);
        }
        QObject::connect(&first, &QTimer::timeout, &first, [&] {
            ++firstFired;
            first.stop();
            killed.stop();  // due in the same activation round
            deleted.reset();  // likewise, through unregisterTimers()
            QTimer::singleShot(20ms, &first, [&] { loop.done(); });
        });
        QObject::connect(&killed, &QTimer::timeout, &killed, [&] { ++killedFired; });
        QObject::connect(deleted.get(), &QTimer::timeout, &first, [&] { ++deletedFired; });
        first.start();
        killed.start();
        deleted->start();
        // Not waiting for anything: makes all three due before the loop first runs,
        // so they are handled in one round.
        QThread::msleep(10);
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(firstFired, 1);
    QCOMPARE(killedFired, 0);
    QCOMPARE(deletedFired, 0);
}

void tst_EpollDispatcher::remainingTime()
{
    int precise = -2, coarse = -2, veryCoarse = -2, zero = -2, afterUnregister = -2, unknown = -2;
    bool unregistered = false, unregisteredTwice = true;
    QList<QAbstractEventDispatcher::TimerInfo> infos;
    qsizetype infosAfterUnregisterAll = -1;
    QVERIFY(runOnEpollThread([&] {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        QObject owner;
        const int preciseId = dispatcher->registerTimer(1000, Qt::PreciseTimer, &owner);
        const int coarseId = dispatcher->registerTimer(10000, Qt::CoarseTimer, &owner);
        const int veryCoarseId = dispatcher->registerTimer(30000, Qt::VeryCoarseTimer, &owner);
        const int zeroId = dispatcher->registerTimer(0, Qt::PreciseTimer, &owner);
        precise = dispatcher->remainingTime(preciseId);
        coarse = dispatcher->remainingTime(coarseId);
        veryCoarse = dispatcher->remainingTime(veryCoarseId);
        zero = dispatcher->remainingTime(zeroId);
        infos = dispatcher->registeredTimers(&owner);
        unregistered = dispatcher->unregisterTimer(preciseId);
        unregisteredTwice = dispatcher->unregisterTimer(preciseId);
        afterUnregister = dispatcher->remainingTime(preciseId);
        unknown = dispatcher->remainingTime(987654);
        dispatcher->unregisterTimers(&owner);
        infosAfterUnregisterAll = dispatcher->registeredTimers(&owner).size();
    }));
    // Bounds leave room for a slow machine; what they catch is a wrong unit or base.
    QVERIFY2(precise > 500 && precise <= 1000, QByteArray::number(precise));
    QVERIFY2(coarse > 9000 && coarse <= 10500, QByteArray::number(coarse));
    QVERIFY2(veryCoarse > 28000 && veryCoarse <= 30500, QByteArray::number(veryCoarse));
    QCOMPARE(zero, 0);
    QVERIFY(unregistered);
    QVERIFY(!unregisteredTwice);
    QCOMPARE(afterUnregister, -1);
    QCOMPARE(unknown, -1);
    QCOMPARE(infos.size(), 4);
    bool sawPrecise = false;
    for (const auto &info : infos) {
        if (info.interval == 1000) {
            sawPrecise = true;
            QCOMPARE(info.timerType, Qt::PreciseTimer);
        }
    }
    QVERIFY(sawPrecise);
    QCOMPARE(infosAfterUnregisterAll, 0);
}

void tst_EpollDispatcher::timerEntriesAreReused()
{
    // Removed timers leave their entries for the next ones (connections come and go
    // with a timer or two each): what a new object registers is all the dispatcher
    // lists for it, and it fires; the removed timers stay silent (their objects are
    // gone, so a stale entry would be a use after free for ASan).
    class Counter : public QObject
    {
    public:
        explicit Counter(std::function<void()> first = {}) : m_first(std::move(first)) { }
        int fired = 0;

    protected:
        void timerEvent(QTimerEvent *) override
        {
            if (++fired == 1 && m_first)
                m_first();
        }

    private:
        std::function<void()> m_first;
    };
    constexpr int kObjects = 300;  // more than the dispatcher keeps
    QList<QString> problems;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        {
            std::vector<std::unique_ptr<Counter>> old;
            for (int i = 0; i < kObjects; ++i) {
                old.push_back(std::make_unique<Counter>());
                const int first = old.back()->startTimer(5ms);
                old.back()->startTimer(5ms);
                if (i % 2 == 0)
                    old.back()->killTimer(first);  // one removed alone, the other with its object
            }
        }
        LoopRunner loop;
        int firedOnce = 0;
        std::vector<std::unique_ptr<Counter>> fresh;
        std::vector<int> ids;
        for (int i = 0; i < kObjects; ++i) {
            fresh.push_back(std::make_unique<Counter>([&] {
                if (++firedOnce == kObjects)
                    loop.done();
            }));
            ids.push_back(fresh.back()->startTimer(5ms));
        }
        for (int i = 0; i < kObjects; ++i) {
            const QList<QAbstractEventDispatcher::TimerInfo> listed
                = dispatcher->registeredTimers(fresh[std::size_t(i)].get());
            if (listed.size() != 1 || listed.first().timerId != ids[std::size_t(i)])
                problems << QStringLiteral("object %1 lists %2 timers").arg(i).arg(listed.size());
        }
        finished = loop.run();
    }));
    QVERIFY(finished);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_qs)));
}

void tst_EpollDispatcher::manyTimers()
{
    constexpr int kTimers = 10000;
    struct Fired
    {
        int index;
        qint64 firedNs;
    };
    std::vector<qint64> dueNs(kTimers);  // read just before start(): a lower bound
    std::vector<qint64> dueNsUpper(kTimers);  // read just after start(): an upper bound
    std::vector<Fired> fired;
    std::vector<int> fireCount(kTimers, 0);
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        LoopRunner loop;
        QObject context;
        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<QTimer>> timers;
        timers.reserve(kTimers);
        fired.reserve(kTimers);
        for (int i = 0; i < kTimers; ++i) {
            auto timer = std::make_unique<QTimer>();
            timer->setSingleShot(true);
            timer->setTimerType(Qt::PreciseTimer);
            const int interval = (i * 7919) % 51;  // 0..50 ms, scattered
            timer->setInterval(interval);
            QObject::connect(timer.get(), &QTimer::timeout, &context, [&, i] {
                fired.push_back({ i, clock.nsecsElapsed() });
                if (++fireCount[std::size_t(i)] == 1 && fired.size() == std::size_t(kTimers))
                    QTimer::singleShot(60ms, &context, [&] { loop.done(); });  // so that extra firings show
            });
            dueNs[std::size_t(i)] = clock.nsecsElapsed() + qint64(interval) * 1000000;
            timer->start();
            dueNsUpper[std::size_t(i)] = clock.nsecsElapsed() + qint64(interval) * 1000000;
            timers.push_back(std::move(timer));
        }
        finished = loop.run();
    }));
    QVERIFY(finished);
    QCOMPARE(qsizetype(fired.size()), qsizetype(kTimers));
    for (int i = 0; i < kTimers; ++i)
        QCOMPARE(fireCount[std::size_t(i)], 1);
    // Each timer's real deadline lies between its two bounds, so "fired in deadline
    // order" means no timer fired after one whose lower bound is past its upper bound.
    qint64 latestLowerBound = 0;
    for (const Fired &f : fired) {
        const std::size_t index = std::size_t(f.index);
        QVERIFY2(f.firedNs >= dueNs[index], "a timer fired before it was due");
        QVERIFY2(latestLowerBound <= dueNsUpper[index], "timers fired out of deadline order");
        latestLowerBound = std::max(latestLowerBound, dueNs[index]);
    }
}

void tst_EpollDispatcher::zeroTimerDoesNotStarveSockets()
{
    int zeroTicks = 0;
    bool timerFired = false;
    int rounds = 0;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        LoopRunner loop;
        bool pingPongDone = false;
        QTimer zero;
        zero.setInterval(0);
        QObject::connect(&zero, &QTimer::timeout, &zero, [&] { ++zeroTicks; });
        zero.start();
        const auto check = [&] {
            if (pingPongDone && timerFired)
                loop.done();
        };
        PingPong pingPong(500, [&] {
            pingPongDone = true;
            check();
        });
        QTimer::singleShot(20ms, &zero, [&] {
            timerFired = true;
            check();
        });
        pingPong.start();
        finished = loop.run();
        rounds = pingPong.completed();
    }));
    QVERIFY(finished);
    QCOMPARE(rounds, 500);
    QVERIFY(timerFired);
    QVERIFY(zeroTicks > 0);
}

void tst_EpollDispatcher::queuedAndBlockingCallsFromOtherThreads()
{
    QThread worker;
    worker.setEventDispatcher(new EpollEventDispatcher);
    Gated<QObject> receiver;
    receiver.moveToThread(&worker);
    worker.start();

    // Worker thread only (after start, before quit): no lock needed for the list.
    std::vector<int> seen;
    std::atomic<int> wrongThread { 0 };
    std::atomic<int> count { 0 };
    const auto deliver = [&](int value) {
        return [&, value] {
            if (QThread::currentThread() != &worker)
                ++wrongThread;
            seen.push_back(value);
            ++count;
        };
    };
    // The worker is idle in epoll_wait with nothing to time out: only wakeUp() gets it out.
    for (int i = 0; i < 1000; ++i)
        QVERIFY(
            handover().post([&] { return QMetaObject::invokeMethod(&receiver, deliver(i), Qt::QueuedConnection); }));
    QTRY_COMPARE(count.load(), 1000);

    QCOMPARE(callAndWait(&receiver, [] { return QThread::currentThread(); }), &worker);

    // The same from a third thread, blocking calls included. It runs the epoll
    // dispatcher too (idle) only so that join() can order its end.
    std::atomic<int> countSeenByBlockingCall { 0 };
    std::unique_ptr<QThread> other(QThread::create([&] {
        for (int i = 1000; i < 1500; ++i)
            handover().post([&] { QMetaObject::invokeMethod(&receiver, deliver(i), Qt::QueuedConnection); });
        // Queued calls before it have all run.
        countSeenByBlockingCall = callAndWait(&receiver, [&] { return count.load(); });
        for (int i = 1500; i < 2000; ++i)
            callAndWait(&receiver, deliver(i));
    }));
    other->setEventDispatcher(new EpollEventDispatcher);
    other->start();
    QVERIFY(join(*other, 60s));
    QCOMPARE(count.load(), 2000);
    QCOMPARE(countSeenByBlockingCall.load(), 1500);

    worker.quit();
    QVERIFY(join(worker, 20s));
    QCOMPARE(wrongThread.load(), 0);
    QCOMPARE(int(seen.size()), 2000);
    for (int i = 0; i < 2000; ++i)
        QCOMPARE(seen[std::size_t(i)], i);
}

void tst_EpollDispatcher::deleteLater()
{
    QThread worker;
    worker.setEventDispatcher(new EpollEventDispatcher);
    worker.start();

    // From another thread: the DeferredDelete event must wake the idle worker.
    std::atomic<QThread *> destroyedOn { nullptr };
    QObject watcher;
    auto *remote = new Gated<QObject>;
    remote->moveToThread(&worker);
    QObject::connect(
        remote, &QObject::destroyed, &watcher, [&] { destroyedOn = QThread::currentThread(); }, Qt::DirectConnection);
    handover().post([&] { remote->deleteLater(); });
    QTRY_COMPARE(destroyedOn.load(), &worker);

    // From inside the worker's own loop, from a timer.
    std::atomic<bool> localDeleted { false };
    Gated<QObject> anchor;
    anchor.moveToThread(&worker);
    handover().post([&] {
        QMetaObject::invokeMethod(
            &anchor,
            [&] {
                auto *local = new QObject;
                QObject::connect(local, &QObject::destroyed, &anchor, [&] { localDeleted = true; });
                QTimer::singleShot(5ms, local, [local] { local->deleteLater(); });
            },
            Qt::QueuedConnection);
    });
    QTRY_VERIFY(localDeleted.load());

    worker.quit();
    QVERIFY(join(worker, 20s));
}

void tst_EpollDispatcher::processEventsWithoutWaiting()
{
    bool idleResult = true;
    bool wokenResult = false;
    int userEvents = 0;
    QVERIFY(runOnEpollThread([&] {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        dispatcher->processEvents(QEventLoop::AllEvents);  // whatever thread start-up left
        // With nothing to do and no WaitForMoreEvents it must return at once (a
        // blocking wait here would hang the test).
        idleResult = dispatcher->processEvents(QEventLoop::AllEvents);
        dispatcher->wakeUp();
        wokenResult = dispatcher->processEvents(QEventLoop::AllEvents);

        struct Counter : QObject
        {
            int *count;
            explicit Counter(int *c) : count(c) { }
            bool event(QEvent *e) override
            {
                if (e->type() == QEvent::User)
                    ++*count;
                return QObject::event(e);
            }
        } counter(&userEvents);
        QCoreApplication::postEvent(&counter, new QEvent(QEvent::User));
        dispatcher->processEvents(QEventLoop::AllEvents);
    }));
    QVERIFY(!idleResult);
    QVERIFY(wokenResult);
    QCOMPARE(userEvents, 1);
}

void tst_EpollDispatcher::interruptWakesBlockedLoop()
{
    auto *dispatcher = new EpollEventDispatcher;
    std::atomic<int> blocked { 0 };
    QObject watcher;
    QObject::connect(
        dispatcher, &QAbstractEventDispatcher::aboutToBlock, &watcher, [&] { ++blocked; }, Qt::DirectConnection);
    bool returned = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        // Blocks: no timers, no notifiers, nothing posted.
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        returned = true;
    }));
    thread->setEventDispatcher(dispatcher);
    thread->start();
    QTRY_VERIFY(blocked.load() > 0);
    dispatcher->interrupt();
    if (!join(*thread, 20s)) {
        thread.release();
        QFAIL("interrupt() did not wake a blocked processEvents()");
    }
    QVERIFY(returned);
}

void tst_EpollDispatcher::exitCodeAndBlockSignals()
{
    ExecThread thread;
    auto *dispatcher = new EpollEventDispatcher;
    std::atomic<int> aboutToBlock { 0 };
    std::atomic<int> awake { 0 };
    QObject watcher;
    QObject::connect(
        dispatcher, &QAbstractEventDispatcher::aboutToBlock, &watcher, [&] { ++aboutToBlock; }, Qt::DirectConnection);
    QObject::connect(
        dispatcher, &QAbstractEventDispatcher::awake, &watcher, [&] { ++awake; }, Qt::DirectConnection);
    thread.setEventDispatcher(dispatcher);
    thread.start();
    QTRY_VERIFY(aboutToBlock.load() > 0);  // idle in exec()
    const int awakeBefore = awake.load();
    thread.exit(7);
    QVERIFY(join(thread, 20s));
    QCOMPARE(thread.exitCode.load(), 7);
    QVERIFY(awake.load() > awakeBefore);
}

void tst_EpollDispatcher::timersMoveBetweenThreads()
{
    QThread worker;
    worker.setEventDispatcher(new EpollEventDispatcher);
    worker.start();

    // Main thread → worker: the worker's dispatcher takes the running timer over.
    std::atomic<int> ticksOnWorker { 0 };
    std::atomic<int> ticksElsewhere { 0 };
    auto *inbound = new Gated<QTimer>;
    inbound->setInterval(2ms);
    QObject::connect(inbound, &QTimer::timeout, inbound,
                     [&] { ++(QThread::currentThread() == &worker ? ticksOnWorker : ticksElsewhere); });
    inbound->start();
    handover().post([&] { inbound->moveToThread(&worker); });
    QTRY_VERIFY(ticksOnWorker.load() >= 3);

    // Worker → main thread: registeredTimers() and unregisterTimers() on the way out.
    std::atomic<int> ticksOnMain { 0 };
    const int elsewhereBefore = ticksElsewhere.load();
    callAndWait(inbound, [&, inbound] {
        QObject::disconnect(inbound, nullptr, nullptr, nullptr);
        QObject::connect(inbound, &QTimer::timeout, inbound, [&] {
            ++(QThread::currentThread() == QCoreApplication::instance()->thread() ? ticksOnMain : ticksElsewhere);
        });
        handover().post([&] { inbound->moveToThread(QCoreApplication::instance()->thread()); });
    });
    QTRY_VERIFY(ticksOnMain.load() >= 3);
    QCOMPARE(ticksElsewhere.load(), elsewhereBefore);
    QVERIFY(inbound->isActive());
    delete inbound;

    worker.quit();
    QVERIFY(join(worker, 20s));
}

void tst_EpollDispatcher::manyIdleNotifiersStress()
{
    constexpr int kIdlePairs = 5000;
    rlimit limit {};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < rlim_t(2 * kIdlePairs + 100) && limit.rlim_max >= rlim_t(2 * kIdlePairs + 100)) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur < rlim_t(2 * kIdlePairs + 100))
        QSKIP("needs more open files than RLIMIT_NOFILE allows");

    int idleActivations = 0;
    int rounds = 0;
    int pairsOpened = 0;
    bool finished = false;
    QVERIFY(runOnEpollThread([&] {
        std::vector<std::unique_ptr<SocketPair>> pairs;
        std::vector<std::unique_ptr<QSocketNotifier>> notifiers;
        QObject context;
        for (int i = 0; i < kIdlePairs; ++i) {
            auto pair = std::make_unique<SocketPair>();
            if (!pair->isValid())
                break;
            auto notifier = std::make_unique<QSocketNotifier>(pair->fd[0], QSocketNotifier::Read);
            QObject::connect(notifier.get(), &QSocketNotifier::activated, &context, [&] { ++idleActivations; });
            notifiers.push_back(std::move(notifier));
            pairs.push_back(std::move(pair));
        }
        pairsOpened = int(pairs.size());

        LoopRunner loop;
        PingPong pingPong(2000, [&] { loop.done(); });
        pingPong.start();
        finished = loop.run(60s);
        rounds = pingPong.completed();
        notifiers.clear();  // unregister all 5,000 before their sockets close
    }));
    QCOMPARE(pairsOpened, kIdlePairs);
    QVERIFY(finished);
    QCOMPARE(rounds, 2000);
    QCOMPARE(idleActivations, 0);
}

QTEST_GUILESS_MAIN(tst_EpollDispatcher)
#include "tst_epolldispatcher.moc"
