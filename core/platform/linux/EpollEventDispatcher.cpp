#include "platform/linux/EpollEventDispatcher.h"

#include "ThreadSanitizer.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace gatehouse::platform {

namespace {

Q_LOGGING_CATEGORY(lcDispatcher, "gatehouse.platform.dispatcher")

using namespace std::chrono_literals;

// One epoll_wait returns at most this many fds; the rest stay ready (level-triggered)
// and come with the next call.
constexpr int kMaxEvents = 256;

// What wakes each notifier type. Errors and hang-ups go to all of them, as with
// Qt's own dispatcher: a reader must see EOF or the error, a writer must learn that
// writing is over.
constexpr std::uint32_t kWakesType[] = {
    EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Read
    EPOLLOUT | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Write
    EPOLLPRI | EPOLLHUP | EPOLLERR,  // QSocketNotifier::Exception
};
constexpr std::uint32_t kWatchType[] = { EPOLLIN, EPOLLOUT, EPOLLPRI };

const char *typeName(int type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return "Read";
    case QSocketNotifier::Write:
        return "Write";
    default:
        return "Exception";
    }
}

// Waits are in whole milliseconds, rounded up so a timer never wakes the loop early
// only to find itself not yet due and spin.
int toTimeoutMs(std::chrono::nanoseconds wait)
{
    if (wait <= 0ns)
        return 0;
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
    return ms > INT_MAX ? INT_MAX : int(ms);
}

}  // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (m_epollFd < 0)
        qFatal("EpollEventDispatcher: epoll_create1 failed: %s", qPrintable(qt_error_string(errno)));
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0)
        qFatal("EpollEventDispatcher: eventfd failed: %s", qPrintable(qt_error_string(errno)));
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &event) != 0)
        qFatal("EpollEventDispatcher: cannot watch its eventfd: %s", qPrintable(qt_error_string(errno)));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    tsan::acquire(this);  // after every wakeUp() and interrupt() from other threads
    ::close(m_wakeFd);
    ::close(m_epollFd);
    // QThread deletes its dispatcher in the ending thread, after the thread's last
    // event: the last project code a worker thread runs. WorkerPool::stop()
    // acquires this after QThread::wait(), whose own lock TSan cannot see.
    tsan::release(QThread::currentThread());
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);

    // Every postEvent() calls wakeUp(), so events posted after this line (by this
    // thread or another) leave the eventfd readable and the wait below returns at once.
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    // aboutToBlock() and awake() come in pairs around a wait that may block, as
    // QAbstractEventDispatcher documents them.
    const bool canWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.loadRelaxed();
    if (canWait)
        Q_EMIT aboutToBlock();
    if (m_interrupted.loadRelaxed()) {
        if (canWait)
            Q_EMIT awake();
        return false;
    }

    int timeoutMs = 0;
    if (canWait) {
        timeoutMs = -1;
        if (includeTimers) {
            const auto wait = timeToNextTimer(Clock::now());
            if (wait >= 0ns)
                timeoutMs = toTimeoutMs(wait);
        }
        if (includeNotifiers && !m_alwaysReadyFds.empty())
            timeoutMs = 0;
    }

    int activated = 0;
    if (includeNotifiers) {
        std::array<epoll_event, kMaxEvents> events;
        const int count = epoll_wait(m_epollFd, events.data(), kMaxEvents, timeoutMs);
        const int waitError = errno;
        if (canWait)
            Q_EMIT awake();
        if (count < 0 && waitError != EINTR)
            qCWarning(lcDispatcher).noquote() << "epoll_wait failed:" << qt_error_string(waitError);

        // Mark everything first, then activate: an activation may disable or delete
        // any notifier of this batch, or reuse a closed fd for a new one, and
        // unregistering clears the mark.
        for (int i = 0; i < count; ++i) {
            if (events[i].data.fd == m_wakeFd)
                activated += processWakeFd();
            else
                markPending(events[i].data.fd, events[i].events);
        }
        std::vector<int> alwaysReady;
        if (!m_alwaysReadyFds.empty()) {
            alwaysReady = m_alwaysReadyFds;
            for (int fd : alwaysReady)
                markPending(fd, EPOLLIN | EPOLLOUT);
        }
        for (int i = 0; i < count; ++i) {
            if (events[i].data.fd != m_wakeFd)
                activated += activatePending(events[i].data.fd);
        }
        for (int fd : alwaysReady)
            activated += activatePending(fd);
    } else {
        // Socket notifiers excluded: wait only for wake-ups (and timers).
        pollfd wake { m_wakeFd, POLLIN, 0 };
        const int count = ::poll(&wake, 1, timeoutMs);
        if (canWait)
            Q_EMIT awake();
        if (count > 0)
            activated += processWakeFd();
    }

    if (includeTimers)
        activated += activateTimers();
    return activated > 0;
}

int EpollEventDispatcher::processWakeFd()
{
    eventfd_t value = 0;
    const bool woken = eventfd_read(m_wakeFd, &value) == 0;
    // Reset after the read: a wakeUp() from now on writes again, so none is lost.
    m_wakeUps.storeRelease(0);
    return woken ? 1 : 0;
}

void EpollEventDispatcher::wakeUp()
{
    // Callable from any thread; the dispatcher's destruction comes after (acquired
    // in the destructor: QThread orders the two with locks TSan cannot see).
    if (m_wakeUps.testAndSetAcquire(0, 1)) {
        while (eventfd_write(m_wakeFd, 1) != 0 && errno == EINTR) { }
    }  // else already pending: one write is enough until the loop reads it
    tsan::release(this);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}

// --- socket notifiers ------------------------------------------------------

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const qintptr socket = notifier->socket();
    const int type = notifier->type();
    if (socket < 0 || socket > INT_MAX || type < 0 || type >= kTypes) {
        qCWarning(lcDispatcher, "EpollEventDispatcher: invalid socket %lld for a %s notifier",
                  static_cast<long long>(socket), typeName(type));
        return;
    }
    const int fd = int(socket);
    if (std::size_t(fd) >= m_fds.size())
        m_fds.resize(std::max(std::size_t(fd) + 1, m_fds.size() * 2));
    FdEntry &entry = m_fds[fd];
    if (entry.notifiers[type] && entry.notifiers[type] != notifier) {
        // Usually a socket closed without disabling its notifier and the fd number
        // reused since: epoll dropped the closed file, so register the fd afresh.
        qCWarning(lcDispatcher, "EpollEventDispatcher: several %s notifiers on socket %d; the newest wins",
                  typeName(type), fd);
        entry.watched = 0;
    }
    entry.notifiers[type] = notifier;
    entry.pending[type] = false;
    updateWatch(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const qintptr socket = notifier->socket();
    const int type = notifier->type();
    if (socket < 0 || std::size_t(socket) >= m_fds.size() || type < 0 || type >= kTypes)
        return;
    const int fd = int(socket);
    FdEntry &entry = m_fds[fd];
    if (entry.notifiers[type] != notifier)
        return;  // replaced by a newer notifier on a reused fd
    entry.notifiers[type] = nullptr;
    entry.pending[type] = false;
    updateWatch(fd);
}

void EpollEventDispatcher::updateWatch(int fd)
{
    FdEntry &entry = m_fds[fd];
    std::uint32_t wanted = 0;
    for (int type = 0; type < kTypes; ++type) {
        if (entry.notifiers[type])
            wanted |= kWatchType[type];
    }
    if (entry.alwaysReady) {
        if (!wanted)
            setAlwaysReady(fd, false);
        return;
    }
    if (wanted == entry.watched)
        return;

    epoll_event event {};
    event.events = wanted;
    event.data.fd = fd;
    if (!wanted) {
        // EBADF and ENOENT: the fd was closed before its notifier went away, which
        // already took it out of the epoll set.
        if (epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, &event) != 0 && errno != EBADF && errno != ENOENT)
            qCWarning(lcDispatcher).noquote() << "cannot stop watching socket" << fd << ":" << qt_error_string(errno);
        entry.watched = 0;
        return;
    }

    const int op = entry.watched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    int rc = epoll_ctl(m_epollFd, op, fd, &event);
    if (rc != 0 && op == EPOLL_CTL_MOD && errno == ENOENT)
        rc = epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event);  // closed and reused since
    else if (rc != 0 && op == EPOLL_CTL_ADD && errno == EEXIST)
        rc = epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event);
    if (rc == 0) {
        entry.watched = wanted;
        return;
    }
    entry.watched = 0;
    if (errno == EPERM) {
        // Regular files and directories: epoll refuses them, poll() reports them
        // always ready, and Qt code relying on that keeps working.
        setAlwaysReady(fd, true);
        return;
    }
    qCWarning(lcDispatcher).noquote() << "cannot watch socket" << fd << ":" << qt_error_string(errno);
}

void EpollEventDispatcher::setAlwaysReady(int fd, bool on)
{
    m_fds[fd].alwaysReady = on;
    const auto it = std::find(m_alwaysReadyFds.begin(), m_alwaysReadyFds.end(), fd);
    if (on && it == m_alwaysReadyFds.end())
        m_alwaysReadyFds.push_back(fd);
    else if (!on && it != m_alwaysReadyFds.end())
        m_alwaysReadyFds.erase(it);
}

void EpollEventDispatcher::markPending(int fd, std::uint32_t revents)
{
    if (fd < 0 || std::size_t(fd) >= m_fds.size())
        return;
    FdEntry &entry = m_fds[fd];
    for (int type = 0; type < kTypes; ++type) {
        if (entry.notifiers[type] && (revents & kWakesType[type]))
            entry.pending[type] = true;
    }
}

int EpollEventDispatcher::activatePending(int fd)
{
    int activated = 0;
    for (int type = 0; type < kTypes; ++type) {
        // Looked up again each time: the previous activation may have grown m_fds.
        if (fd < 0 || std::size_t(fd) >= m_fds.size())
            break;
        FdEntry &entry = m_fds[fd];
        if (!entry.pending[type])
            continue;
        entry.pending[type] = false;
        QSocketNotifier *notifier = entry.notifiers[type];
        if (!notifier)
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    return activated;
}

// --- timers ----------------------------------------------------------------

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qCWarning(lcDispatcher, "EpollEventDispatcher::registerTimer: invalid arguments");
        return;
    }
    if (m_timers.count(timerId))
        unregisterTimer(timerId);

    Timer *timer = addTimer(timerId, object);
    timer->interval = interval;
    timer->type = timerType;
    timer->period = std::chrono::milliseconds(interval);
    // Qt's rules: 5% of 20 ms or less is below a millisecond, so short coarse timers
    // are precise; 5% of 20 s or more is over a second, so long ones are very coarse.
    timer->effectiveType = timerType;
    if (timerType == Qt::CoarseTimer && interval <= 20)
        timer->effectiveType = Qt::PreciseTimer;
    else if (timerType == Qt::CoarseTimer && interval >= 20000)
        timer->effectiveType = Qt::VeryCoarseTimer;
    if (timer->effectiveType == Qt::VeryCoarseTimer && interval > 0)
        timer->period = std::chrono::milliseconds(std::max<qint64>(1000, (interval + 500) / 1000 * 1000));

    scheduleFirst(*timer, Clock::now());
    heapPush(timer);
}

EpollEventDispatcher::Timer *EpollEventDispatcher::addTimer(int timerId, QObject *object)
{
    Timer *timer = nullptr;
    if (!m_spareTimers.empty()) {
        TimerMap::node_type node = std::move(m_spareTimers.back());
        m_spareTimers.pop_back();
        node.key() = timerId;
        *node.mapped() = Timer {};
        timer = node.mapped().get();
        m_timers.insert(std::move(node));
    } else {
        timer = m_timers.emplace(timerId, std::make_unique<Timer>()).first->second.get();
    }
    timer->id = timerId;
    timer->object = object;

    auto entry = m_timersByObject.find(object);
    if (entry == m_timersByObject.end()) {
        if (!m_spareObjectEntries.empty()) {
            ObjectTimerMap::node_type node = std::move(m_spareObjectEntries.back());
            m_spareObjectEntries.pop_back();
            node.key() = object;
            entry = m_timersByObject.insert(std::move(node)).position;
        } else {
            entry = m_timersByObject.try_emplace(object).first;
        }
    }
    entry->second.push_back(timer);
    return timer;
}

void EpollEventDispatcher::releaseTimer(int timerId)
{
    TimerMap::node_type node = m_timers.extract(timerId);
    if (node && m_spareTimers.size() < kSpareNodes)
        m_spareTimers.push_back(std::move(node));
}

void EpollEventDispatcher::releaseObjectEntry(ObjectTimerMap::iterator entry)
{
    ObjectTimerMap::node_type node = m_timersByObject.extract(entry);
    node.mapped().clear();
    if (m_spareObjectEntries.size() < kSpareNodes)
        m_spareObjectEntries.push_back(std::move(node));
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    removeTimer(it->second.get());
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const auto it = m_timersByObject.find(object);
    if (it == m_timersByObject.end())
        return false;
    for (Timer *timer : it->second) {
        if (timer->activeRef)
            *timer->activeRef = nullptr;
        heapRemove(timer->heapIndex);
        releaseTimer(timer->id);
    }
    releaseObjectEntry(it);
    return true;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> result;
    const auto it = m_timersByObject.find(object);
    if (it == m_timersByObject.end())
        return result;
    for (const Timer *timer : it->second)
        result.append(TimerInfo(timer->id, int(timer->interval), timer->type));
    return result;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    return toTimeoutMs(it->second->deadline - Clock::now());
}

void EpollEventDispatcher::removeTimer(Timer *timer)
{
    if (timer->activeRef)
        *timer->activeRef = nullptr;  // tells activateTimers() the timer is gone
    heapRemove(timer->heapIndex);
    const auto owner = m_timersByObject.find(timer->object);
    if (owner != m_timersByObject.end()) {
        std::vector<Timer *> &list = owner->second;
        list.erase(std::remove(list.begin(), list.end(), timer), list.end());
        if (list.empty())
            releaseObjectEntry(owner);
    }
    releaseTimer(timer->id);
}

void EpollEventDispatcher::scheduleFirst(Timer &timer, Clock::time_point now)
{
    timer.nominal = now + timer.period;
    timer.sequence = ++m_nextSequence;
    applyCoarseness(timer);
}

void EpollEventDispatcher::scheduleNext(Timer &timer, Clock::time_point now)
{
    timer.nominal += timer.period;
    if (timer.nominal < now)
        timer.nominal = now + timer.period;  // missed periods are skipped, not fired in a burst
    timer.sequence = ++m_nextSequence;
    applyCoarseness(timer);
}

void EpollEventDispatcher::applyCoarseness(Timer &timer) const
{
    using std::chrono::milliseconds;
    switch (timer.effectiveType) {
    case Qt::PreciseTimer:
        timer.deadline = timer.nominal;
        break;
    case Qt::CoarseTimer: {
        // Up to 5% late, rounded up to a boundary shared with other coarse timers,
        // so that timers of similar periods fire in one wake-up.
        const qint64 slack = timer.period.count() / 20;
        qint64 granularity = 1;
        for (qint64 candidate : { 1000, 500, 250, 100, 50, 25, 10, 5 }) {
            if (candidate <= slack) {
                granularity = candidate;
                break;
            }
        }
        const qint64 ms = std::chrono::ceil<milliseconds>(timer.nominal.time_since_epoch()).count();
        timer.deadline = Clock::time_point(milliseconds((ms + granularity - 1) / granularity * granularity));
        break;
    }
    case Qt::VeryCoarseTimer: {
        const auto s = std::chrono::round<std::chrono::seconds>(timer.nominal.time_since_epoch());
        timer.deadline = Clock::time_point(s);
        break;
    }
    }
}

std::chrono::nanoseconds EpollEventDispatcher::timeToNextTimer(Clock::time_point now) const
{
    // The earliest timer that is not inside its own callback (a nested event loop
    // there must not spin on it). Only the few active ones are descended into.
    if (m_heap.empty())
        return -1ns;
    const Timer *best = m_heap.front()->activeRef ? nullptr : m_heap.front();
    if (!best) {
        std::vector<std::size_t> stack { 0 };
        while (!stack.empty()) {
            const std::size_t index = stack.back();
            stack.pop_back();
            const Timer *timer = m_heap[index];
            if (!timer->activeRef) {
                if (!best || heapLess(timer, best))
                    best = timer;
                continue;
            }
            for (std::size_t child = 2 * index + 1; child <= 2 * index + 2 && child < m_heap.size(); ++child)
                stack.push_back(child);
        }
    }
    if (!best)
        return -1ns;
    return std::max<std::chrono::nanoseconds>(0ns, best->deadline - now);
}

int EpollEventDispatcher::activateTimers()
{
    if (m_heap.empty())
        return 0;
    const Clock::time_point now = Clock::now();
    const std::uint64_t round = ++m_timerRound;
    int activated = 0;
    while (!m_heap.empty()) {
        Timer *timer = m_heap.front();
        // A timer fired in this round was rescheduled at or after `now` with a newer
        // sequence, so meeting one means every due timer has had its turn (this is
        // what keeps zero-interval timers from looping forever).
        if (timer->deadline > now || timer->round == round)
            break;
        timer->round = round;
        scheduleNext(*timer, now);
        heapSiftDown(0);
        if (timer->interval > 0)
            ++activated;  // like Qt: zero-interval timers alone do not count as work done
        if (timer->activeRef)
            continue;  // still inside its previous event (a nested loop): no recursion

        Timer *current = timer;
        timer->activeRef = &current;
        QTimerEvent event(timer->id);
        QCoreApplication::sendEvent(timer->object, &event);
        if (current)  // null when the callback killed the timer or deleted its object
            current->activeRef = nullptr;
    }
    return activated;
}

// --- the timer heap --------------------------------------------------------

bool EpollEventDispatcher::heapLess(const Timer *a, const Timer *b) const
{
    if (a->deadline != b->deadline)
        return a->deadline < b->deadline;
    return a->sequence < b->sequence;
}

void EpollEventDispatcher::heapSet(std::size_t index, Timer *timer)
{
    m_heap[index] = timer;
    timer->heapIndex = index;
}

void EpollEventDispatcher::heapPush(Timer *timer)
{
    m_heap.push_back(timer);
    timer->heapIndex = m_heap.size() - 1;
    heapSiftUp(timer->heapIndex);
}

void EpollEventDispatcher::heapRemove(std::size_t index)
{
    Q_ASSERT(index < m_heap.size());
    const std::size_t last = m_heap.size() - 1;
    if (index != last) {
        Timer *moved = m_heap[last];
        heapSet(index, moved);
        m_heap.pop_back();
        heapSiftUp(index);
        heapSiftDown(moved->heapIndex);
    } else {
        m_heap.pop_back();
    }
}

void EpollEventDispatcher::heapSiftUp(std::size_t index)
{
    Timer *timer = m_heap[index];
    while (index > 0) {
        const std::size_t parent = (index - 1) / 2;
        if (!heapLess(timer, m_heap[parent]))
            break;
        heapSet(index, m_heap[parent]);
        index = parent;
    }
    heapSet(index, timer);
}

void EpollEventDispatcher::heapSiftDown(std::size_t index)
{
    Timer *timer = m_heap[index];
    const std::size_t size = m_heap.size();
    for (;;) {
        std::size_t child = 2 * index + 1;
        if (child >= size)
            break;
        if (child + 1 < size && heapLess(m_heap[child + 1], m_heap[child]))
            ++child;
        if (!heapLess(m_heap[child], timer))
            break;
        heapSet(index, m_heap[child]);
        index = child;
    }
    heapSet(index, timer);
}

}  // namespace gatehouse::platform
