// Ping-pong round trips per second over one socketpair, on one thread, with 0, 1,000
// and 10,000 idle QSocketNotifiers registered beside it: Qt's stock dispatchers
// (glib, and the poll() one that QT_NO_GLIB selects) against the epoll dispatcher
// of the worker threads. What it shows is whether a wake-up costs more when many
// idle connections are open. Prints figures, asserts nothing.
//   dispatcher_idle [seconds per run, default 1]
#include "platform/WorkerEventDispatcher.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QThread>

#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

struct SocketPair
{
    int fd[2] = { -1, -1 };
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd); }
    ~SocketPair()
    {
        for (int end : fd) {
            if (end >= 0)
                ::close(end);
        }
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;
    bool isValid() const { return fd[0] >= 0 && fd[1] >= 0; }
};

struct Result
{
    QByteArray dispatcher;
    int idle = 0;
    double roundTripsPerSecond = 0;
};

enum class Variant { Glib, Poll, Epoll };

// Runs on the measured thread: sets up the idle notifiers and the active pair, then
// bounces a byte until `seconds` have passed.
Result measure(int idleNotifiers, double seconds)
{
    Result result;
    result.idle = idleNotifiers;
    result.dispatcher = QAbstractEventDispatcher::instance()->metaObject()->className();

    // Idle connections are socketpairs with a Read notifier on each end, as a tunnel has.
    std::vector<std::unique_ptr<SocketPair>> idlePairs;
    std::vector<std::unique_ptr<QSocketNotifier>> idle;
    for (int i = 0; i < idleNotifiers / 2; ++i) {
        auto pair = std::make_unique<SocketPair>();
        if (!pair->isValid()) {
            std::fprintf(stderr, "socketpair failed after %d pairs (RLIMIT_NOFILE?)\n", i);
            break;
        }
        for (int end : pair->fd)
            idle.push_back(std::make_unique<QSocketNotifier>(end, QSocketNotifier::Read));
        idlePairs.push_back(std::move(pair));
    }
    result.idle = int(idle.size());

    SocketPair active;
    QEventLoop loop;
    QSocketNotifier server(active.fd[1], QSocketNotifier::Read);
    QSocketNotifier client(active.fd[0], QSocketNotifier::Read);
    QObject::connect(&server, &QSocketNotifier::activated, &server, [&] {
        char byte;
        if (::read(active.fd[1], &byte, 1) == 1 && ::write(active.fd[1], &byte, 1) != 1)
            loop.quit();
    });
    qint64 roundTrips = 0;
    qint64 measuredFrom = -1;
    QElapsedTimer clock;
    const qint64 warmUpNs = 200'000'000;
    const qint64 runNs = qint64(seconds * 1e9);
    qint64 roundTripsAtStart = 0;
    QObject::connect(&client, &QSocketNotifier::activated, &client, [&] {
        char byte;
        if (::read(active.fd[0], &byte, 1) != 1)
            return;
        ++roundTrips;
        if ((roundTrips & 255) == 0) {
            const qint64 now = clock.nsecsElapsed();
            if (measuredFrom < 0 && now >= warmUpNs) {
                measuredFrom = now;
                roundTripsAtStart = roundTrips;
            } else if (measuredFrom >= 0 && now - measuredFrom >= runNs) {
                result.roundTripsPerSecond = double(roundTrips - roundTripsAtStart) * 1e9 / double(now - measuredFrom);
                loop.quit();
                return;
            }
        }
        if (::write(active.fd[0], &byte, 1) != 1)
            loop.quit();
    });
    clock.start();
    if (::write(active.fd[0], "p", 1) == 1)
        loop.exec();
    idle.clear();  // notifiers go before their sockets close
    return result;
}

Result runOnThread(Variant variant, int idleNotifiers, double seconds)
{
    // Qt picks a new thread's stock dispatcher when the thread starts, reading
    // QT_NO_GLIB each time.
    if (variant == Variant::Poll)
        qputenv("QT_NO_GLIB", "1");
    else
        qunsetenv("QT_NO_GLIB");
    Result result;
    std::unique_ptr<QThread> thread(QThread::create([&] { result = measure(idleNotifiers, seconds); }));
    if (variant == Variant::Epoll) {
        auto dispatcher = gatehouse::platform::createWorkerEventDispatcher();
        if (dispatcher)
            thread->setEventDispatcher(dispatcher.release());
    }
    thread->start();
    thread->wait();
    qunsetenv("QT_NO_GLIB");
    return result;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QByteArray(argv[1]).toDouble() : 1.0;

    rlimit limit {};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);

    std::printf("ping-pong round trips/s over a socketpair, one thread, %.1f s per run\n", seconds);
    std::printf("%-44s %15s %16s\n", "dispatcher", "idle notifiers", "round trips/s");
    for (Variant variant : { Variant::Glib, Variant::Poll, Variant::Epoll }) {
        for (int idle : { 0, 1000, 10000 }) {
            const Result result = runOnThread(variant, idle, seconds);
            std::printf("%-44s %15d %16.0f\n", result.dispatcher.constData(), result.idle, result.roundTripsPerSecond);
            std::fflush(stdout);
        }
    }
    return 0;
}
