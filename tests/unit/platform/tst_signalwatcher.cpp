// Unix signals arrive as Qt signals on the event loop; sd_notify reaches the socket.
#include "platform/SignalWatcher.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using gatehouse::platform::SignalWatcher;

class TestSignalWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalsBecomeQtSignals();
    void notifyReachesTheSocket();
};

void TestSignalWatcher::signalsBecomeQtSignals()
{
    SignalWatcher watcher;
    QSignalSpy reload(&watcher, &SignalWatcher::reloadRequested);
    QSignalSpy terminate(&watcher, &SignalWatcher::terminateRequested);

    QCOMPARE(::raise(SIGHUP), 0);
    QVERIFY(reload.wait(5000));
    QCOMPARE(terminate.count(), 0);

    QCOMPARE(::raise(SIGTERM), 0);
    QVERIFY(terminate.wait(5000));
    QCOMPARE(terminate.first().first().toInt(), SIGTERM);

    QCOMPARE(::raise(SIGINT), 0);
    QTRY_COMPARE(terminate.count(), 2);
    QCOMPARE(terminate.last().first().toInt(), SIGINT);
    QCOMPARE(reload.count(), 1);
}

void TestSignalWatcher::notifyReachesTheSocket()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray path = dir.filePath(QStringLiteral("notify")).toUtf8();
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);

    qputenv("NOTIFY_SOCKET", path);
    gatehouse::platform::notifyServiceManager("READY=1\nSTATUS=serving");
    qunsetenv("NOTIFY_SOCKET");

    char buffer[256] = {};
    const ssize_t n = ::recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT);
    ::close(fd);
    QCOMPARE(QByteArray(buffer, int(n)), QByteArray("READY=1\nSTATUS=serving"));
}

QTEST_GUILESS_MAIN(TestSignalWatcher)
#include "tst_signalwatcher.moc"
