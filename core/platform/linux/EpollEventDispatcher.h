#pragma once

#include <QAbstractEventDispatcher>
#include <QAtomicInt>

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace gatehouse::platform {

// A complete QAbstractEventDispatcher (Qt 6.4) on Linux epoll for the proxy's worker
// threads. Qt's stock dispatchers poll every registered socket on every wake-up, so
// their cost grows with idle connections; this one pays only for what is ready.
// Installed by proxy::WorkerPool through createWorkerEventDispatcher(); Qt code in the
// thread (QSocketNotifier, QTimer, queued calls, deleteLater) works unchanged.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    // The only two members that other threads call.
    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;
    static constexpr int kTypes = 3;  // QSocketNotifier::Read, Write, Exception

    struct FdEntry
    {
        std::array<QSocketNotifier *, kTypes> notifiers {};
        // Set when epoll reported the fd, cleared when the notifier is activated or
        // unregistered: an activation may disable or delete any notifier of the batch.
        std::array<bool, kTypes> pending {};
        std::uint32_t watched = 0;  // the event mask epoll holds for the fd
        bool alwaysReady = false;  // a regular file: epoll refuses it, poll() calls it always ready
    };

    struct Timer
    {
        int id = 0;
        qint64 interval = 0;  // as registered, for registeredTimers()
        Qt::TimerType type = Qt::CoarseTimer;  // as registered
        Qt::TimerType effectiveType = Qt::PreciseTimer;
        std::chrono::milliseconds period { 0 };  // after very-coarse rounding
        QObject *object = nullptr;
        Clock::time_point nominal;  // without coarse rounding, so that periods do not drift
        Clock::time_point deadline;  // when it fires
        std::uint64_t sequence = 0;  // equal deadlines fire in registration order
        std::size_t heapIndex = 0;
        std::uint64_t round = 0;  // the activation round that last fired it
        Timer **activeRef = nullptr;  // set while its event is being delivered
    };
    using TimerMap = std::unordered_map<int, std::unique_ptr<Timer>>;
    using ObjectTimerMap = std::unordered_map<QObject *, std::vector<Timer *>>;

    int processWakeFd();
    void markPending(int fd, std::uint32_t revents);
    int activatePending(int fd);
    void updateWatch(int fd);
    void setAlwaysReady(int fd, bool on);

    void scheduleFirst(Timer &timer, Clock::time_point now);
    void scheduleNext(Timer &timer, Clock::time_point now);
    void applyCoarseness(Timer &timer) const;
    int activateTimers();
    // Time to the first timer that is not inside its own callback; negative for none.
    std::chrono::nanoseconds timeToNextTimer(Clock::time_point now) const;
    void removeTimer(Timer *timer);
    // Timers come and go with every connection: their map entries (and the Timer
    // in each) are kept for the next registration instead of freed, up to kSpareNodes.
    Timer *addTimer(int timerId, QObject *object);
    void releaseTimer(int timerId);
    void releaseObjectEntry(ObjectTimerMap::iterator entry);

    bool heapLess(const Timer *a, const Timer *b) const;
    void heapPush(Timer *timer);
    void heapRemove(std::size_t index);
    void heapSiftUp(std::size_t index);
    void heapSiftDown(std::size_t index);
    void heapSet(std::size_t index, Timer *timer);

    int m_epollFd = -1;
    int m_wakeFd = -1;  // eventfd; wakeUp() writes it from any thread
    QAtomicInt m_wakeUps;  // coalesces wake-ups to one write until the next read
    QAtomicInt m_interrupted;

    std::vector<FdEntry> m_fds;  // indexed by fd
    std::vector<int> m_alwaysReadyFds;

    static constexpr std::size_t kSpareNodes = 256;
    TimerMap m_timers;  // by timer id
    ObjectTimerMap m_timersByObject;
    std::vector<TimerMap::node_type> m_spareTimers;
    std::vector<ObjectTimerMap::node_type> m_spareObjectEntries;
    std::vector<Timer *> m_heap;  // min-heap on (deadline, sequence)
    std::uint64_t m_nextSequence = 0;
    std::uint64_t m_timerRound = 0;
};

}  // namespace gatehouse::platform
