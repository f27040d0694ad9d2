#include "platform/SignalWatcher.h"

#include <QByteArray>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace gatehouse::platform {

namespace {

// The write end, for the handler: async-signal-safe code may only write a byte.
int g_signalFd = -1;

void onSignal(int signalNumber)
{
    const int saved = errno;
    const auto byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_signalFd, &byte, 1);
    errno = saved;
}

}  // namespace

struct SignalWatcher::Private
{
    int fds[2] = { -1, -1 };
    QSocketNotifier *notifier = nullptr;
};

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent), d(new Private)
{
    Q_ASSERT_X(g_signalFd < 0, "SignalWatcher", "one watcher per process");
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, d->fds) != 0) {
        qFatal("SignalWatcher: socketpair failed: %s", std::strerror(errno));
    }
    g_signalFd = d->fds[0];
    d->notifier = new QSocketNotifier(d->fds[1], QSocketNotifier::Read, this);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        while (::read(d->fds[1], &byte, 1) == 1)
            dispatch(byte);
    });

    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signalNumber : { SIGTERM, SIGINT, SIGHUP })
        ::sigaction(signalNumber, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    for (const int signalNumber : { SIGTERM, SIGINT, SIGHUP })
        ::sigaction(signalNumber, &action, nullptr);
    g_signalFd = -1;
    ::close(d->fds[0]);
    ::close(d->fds[1]);
    delete d;
}

void SignalWatcher::dispatch(int signalNumber)
{
    if (signalNumber == SIGHUP)
        Q_EMIT reloadRequested();
    else
        Q_EMIT terminateRequested(signalNumber);
}

void notifyServiceManager(const QByteArray &state)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    if (path.isEmpty())
        return;
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (path.size() >= qsizetype(sizeof(address.sun_path)))
        return;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0';  // an abstract socket
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
    ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL, reinterpret_cast<const sockaddr *>(&address),
             length);
    ::close(fd);
}

}  // namespace gatehouse::platform
