#pragma once

#include <QObject>

namespace gatehouse::platform {

// Turns the operating system's stop and reload requests into Qt signals on the
// thread that created the watcher (Unix: SIGTERM, SIGINT and SIGHUP through a
// socketpair and a QSocketNotifier, so no work runs inside a signal handler;
// Windows: console Ctrl+C and close). One watcher per process.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminateRequested(int signalNumber);
    void reloadRequested();

private:
    void dispatch(int signalNumber);

    struct Private;
    Private *d = nullptr;
};

// Tells the service manager how the service is doing: systemd's sd_notify
// ("READY=1", "RELOADING=1", "STOPPING=1", "STATUS=..."), sent as one datagram to
// $NOTIFY_SOCKET. Does nothing where there is no such socket (or no systemd).
void notifyServiceManager(const QByteArray &state);

}  // namespace gatehouse::platform
