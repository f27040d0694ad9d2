#pragma once

// gatehoused as a Windows service: running under the service control manager
// (SCM), installing and removing it. Plain C++ (no Qt) so the Windows side
// (windows/WindowsServiceHost.cpp) stays pure Win32 and is compile-checked and
// linked with mingw-w64 on Linux; elsewhere every function fails with
// ServiceError::Kind::Unsupported (Linux runs the service under systemd).
//
// Threading. The SCM talks to a service on two threads of its own making: the
// thread that calls StartServiceCtrlDispatcherW (which blocks there until the
// service reports SERVICE_STOPPED) receives the control requests, and ServiceMain
// runs on a thread the dispatcher creates. Qt's event loop, Service and every
// QObject stay on the process's main thread. So runAsService(), called on the
// main thread:
//   1. starts a dispatcher thread that calls StartServiceCtrlDispatcherW, and
//      waits until ServiceMain has registered the control handler (or the
//      dispatcher has failed, e.g. because the SCM did not start this process);
//   2. calls start() on the main thread while the SCM sees START_PENDING, then
//      reports RUNNING (or STOPPED with the exit code when start() fails);
//   3. calls run() on the main thread: the event loop;
//   4. hands SERVICE_CONTROL_STOP / SHUTDOWN (after reporting STOP_PENDING) and
//      PARAMCHANGE to stopRequested() / reloadRequested() on the dispatcher
//      thread; these only post to the main thread and return;
//   5. when run() returns, reports STOPPED with run()'s exit code and joins the
//      dispatcher thread.
// While the main thread is busy in start() or in draining after a stop, the
// ServiceMain thread advances the checkpoint once a second, so the SCM sees
// progress rather than a hung service.

#include "Result.h"

#include <string>
#include <vector>

namespace gatehouse::platform {

struct ServiceError
{
    enum class Kind {
        Unsupported,  // not Windows
        NotUnderServiceManager,  // --service in a process the SCM did not start
        AccessDenied,  // needs an elevated prompt
        Failed,
    };
    Kind kind = Kind::Failed;
    std::string message;  // names the call that failed and the system's reason
};

// What the service does at each step; see the threading notes above.
class ServiceCallbacks
{
public:
    virtual ~ServiceCallbacks() = default;

    // Main thread. Empty when the service runs; otherwise why it cannot (the
    // service stops with exit code 1, and the text goes to the Application event log).
    virtual std::string start() = 0;
    // Main thread: the event loop, until a stop has been carried out. Its result
    // is the exit code reported to the SCM (0: stopped normally).
    virtual int run() = 0;
    // Dispatcher thread, once per run (STOP or SHUTDOWN): post the stop to the main thread and return.
    virtual void stopRequested() = 0;
    // Dispatcher thread (`sc control NAME paramchange`): post a reload to the main thread and return.
    virtual void reloadRequested() = 0;
};

// Runs the service named `name` under the SCM. The process's exit code, or why
// it could not run as a service.
Result<int, ServiceError> runAsService(const std::string &name, ServiceCallbacks &callbacks);

struct ServiceInstallation
{
    std::string name;  // the service's key name; its account is the virtual account NT SERVICE\<name>
    std::string displayName;
    std::string description;
    std::string program;  // absolute path of gatehoused.exe
    std::vector<std::string> arguments;  // "--service" and the options the service should run with
    // Created when missing and made private to the service: SYSTEM, Administrators
    // and NT SERVICE\<name> with full control, inherited by everything inside,
    // nothing inherited from the parent (the config and state directories).
    std::vector<std::string> privateDirectories;
};

// Creates the service: own process, automatic start, the virtual account
// NT SERVICE\<name> (no password, no rights beyond a plain user's plus the
// private directories, which matters for a program that parses traffic from the
// internet; LocalSystem would hand an attacker the whole machine), restarted by
// the SCM after a crash or a non-zero exit (5 s, 30 s, then every 2 minutes; the
// count resets after a day). Nothing is left half-installed on failure. Ok: what
// was done, one line each.
Result<std::string, ServiceError> installService(const ServiceInstallation &installation);

// Stops the service (waiting up to a minute), then deletes it. The private
// directories and everything in them stay. Ok: what was done.
Result<std::string, ServiceError> uninstallService(const std::string &name);

}  // namespace gatehouse::platform
