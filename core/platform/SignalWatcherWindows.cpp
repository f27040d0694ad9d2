// Qt glue over windows/WindowsConsole (which is pure Win32 and compile-checked on Linux).
#include "platform/SignalWatcher.h"
#include "platform/windows/WindowsConsole.h"

#include <QMetaObject>

#include <csignal>

namespace gatehouse::platform {

struct SignalWatcher::Private
{ };

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent), d(new Private)
{
    // The console handler runs on a system thread: queue the request to ours.
    windows::installConsoleStopHandler(
        [](void *context) {
            auto *watcher = static_cast<SignalWatcher *>(context);
            QMetaObject::invokeMethod(
                watcher, [watcher] { watcher->dispatch(SIGINT); }, Qt::QueuedConnection);
        },
        this);
}

SignalWatcher::~SignalWatcher()
{
    windows::removeConsoleStopHandler();
    delete d;
}

void SignalWatcher::dispatch(int signalNumber)
{
    Q_EMIT terminateRequested(signalNumber);
}

void notifyServiceManager(const QByteArray &)
{
    // The Windows service control manager hears from the service main instead.
}

}  // namespace gatehouse::platform
