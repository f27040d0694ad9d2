#include "platform/ServiceHost.h"
#include "platform/WindowsCommandLine.h"
#include "platform/windows/WindowsText.h"

#include <aclapi.h>
#include <optional>
#include <sddl.h>
#include <windows.h>

namespace gatehouse::platform {

namespace {

constexpr DWORD kCheckpointIntervalMs = 1000;
constexpr DWORD kStartWaitHintMs = 10000;
constexpr DWORD kStopWaitHintMs = 10000;
constexpr DWORD kDispatcherJoinMs = 5000;
constexpr DWORD kUninstallStopTimeoutMs = 60000;
constexpr DWORD kServiceSpecificStartFailure = 1;

// --- errors -------------------------------------------------------------------

ServiceError systemError(const std::string &what, DWORD code, const std::string &hint = {})
{
    ServiceError error;
    error.kind = code == ERROR_ACCESS_DENIED ? ServiceError::Kind::AccessDenied : ServiceError::Kind::Failed;
    error.message = what + ": " + systemErrorText(code);
    if (code == ERROR_ACCESS_DENIED)
        error.message += " Run it from an elevated prompt (Run as Administrator).";
    if (!hint.empty())
        error.message += ' ' + hint;
    return error;
}

ServiceError lastError(const std::string &what, const std::string &hint = {})
{
    return systemError(what, ::GetLastError(), hint);
}

// --- handles ------------------------------------------------------------------

class ServiceHandle
{
public:
    explicit ServiceHandle(SC_HANDLE handle = nullptr) : m_handle(handle) { }
    ~ServiceHandle()
    {
        if (m_handle)
            ::CloseServiceHandle(m_handle);
    }
    ServiceHandle(const ServiceHandle &) = delete;
    ServiceHandle &operator=(const ServiceHandle &) = delete;

    SC_HANDLE get() const { return m_handle; }
    explicit operator bool() const { return m_handle != nullptr; }

private:
    SC_HANDLE m_handle;
};

class LocalMemory
{
public:
    LocalMemory() = default;
    ~LocalMemory() { ::LocalFree(m_memory); }
    LocalMemory(const LocalMemory &) = delete;
    LocalMemory &operator=(const LocalMemory &) = delete;

    template<typename T> T *as() const { return static_cast<T *>(m_memory); }
    template<typename T> T **out() { return reinterpret_cast<T **>(&m_memory); }

private:
    void *m_memory = nullptr;
};

// --- running under the SCM ----------------------------------------------------

// One service per process, so the state the SCM's callbacks need is global.
struct Host
{
    std::wstring name;
    ServiceCallbacks *callbacks = nullptr;
    HANDLE entered = nullptr;  // ServiceMain has run: the handler is registered, or registering failed
    HANDLE finished = nullptr;  // SERVICE_STOPPED is reported: ServiceMain may return
    DWORD dispatcherError = ERROR_SUCCESS;
    DWORD registerError = ERROR_SUCCESS;
    SERVICE_STATUS_HANDLE statusHandle = nullptr;
    SRWLOCK lock = SRWLOCK_INIT;  // guards status, stopForwarded and callbacks; three threads use them
    SERVICE_STATUS status {};
    bool stopForwarded = false;
};

Host g_host;

bool isPending(DWORD state)
{
    return state == SERVICE_START_PENDING || state == SERVICE_STOP_PENDING;
}

// Callers hold g_host.lock.
void reportLocked(DWORD state, DWORD win32ExitCode = NO_ERROR, DWORD serviceExitCode = 0)
{
    SERVICE_STATUS &status = g_host.status;
    status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    status.dwCurrentState = state;
    status.dwControlsAccepted
        = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN | SERVICE_ACCEPT_PARAMCHANGE : 0;
    status.dwWin32ExitCode = win32ExitCode;
    status.dwServiceSpecificExitCode = serviceExitCode;
    status.dwCheckPoint = isPending(state) ? 1 : 0;
    status.dwWaitHint = state == SERVICE_START_PENDING ? kStartWaitHintMs
        : state == SERVICE_STOP_PENDING                ? kStopWaitHintMs
                                                       : 0;
    ::SetServiceStatus(g_host.statusHandle, &status);
}

void report(DWORD state, DWORD win32ExitCode = NO_ERROR, DWORD serviceExitCode = 0)
{
    ::AcquireSRWLockExclusive(&g_host.lock);
    reportLocked(state, win32ExitCode, serviceExitCode);
    ::ReleaseSRWLockExclusive(&g_host.lock);
}

void advanceCheckpoint()
{
    ::AcquireSRWLockExclusive(&g_host.lock);
    if (isPending(g_host.status.dwCurrentState)) {
        ++g_host.status.dwCheckPoint;
        ::SetServiceStatus(g_host.statusHandle, &g_host.status);
    }
    ::ReleaseSRWLockExclusive(&g_host.lock);
}

// Hands a control to the callbacks, under the lock so that the main thread
// cannot be finishing with them meanwhile (they only post to it, so this is
// quick). A stop is forwarded once, and only while running.
void forward(DWORD control)
{
    ::AcquireSRWLockExclusive(&g_host.lock);
    if (g_host.callbacks && g_host.status.dwCurrentState == SERVICE_RUNNING) {
        if (control == SERVICE_CONTROL_PARAMCHANGE) {
            g_host.callbacks->reloadRequested();
        } else if (!g_host.stopForwarded) {
            g_host.stopForwarded = true;
            reportLocked(SERVICE_STOP_PENDING);
            g_host.callbacks->stopRequested();
        }
    }
    ::ReleaseSRWLockExclusive(&g_host.lock);
}

DWORD WINAPI controlHandler(DWORD control, DWORD eventType, LPVOID eventData, LPVOID context)
{
    (void)eventType;
    (void)eventData;
    (void)context;
    switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN:
    case SERVICE_CONTROL_PARAMCHANGE:
        forward(control);
        return NO_ERROR;
    case SERVICE_CONTROL_INTERROGATE:
        return NO_ERROR;
    default:
        return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

void WINAPI serviceMain(DWORD argc, LPWSTR *argv)
{
    (void)argc;
    (void)argv;
    g_host.statusHandle = ::RegisterServiceCtrlHandlerExW(g_host.name.c_str(), controlHandler, nullptr);
    if (!g_host.statusHandle) {
        g_host.registerError = ::GetLastError();
        ::SetEvent(g_host.entered);
        return;
    }
    report(SERVICE_START_PENDING);
    ::SetEvent(g_host.entered);
    // The main thread starts, runs and stops the service; this thread only keeps
    // the SCM informed while a start or a stop is under way.
    while (::WaitForSingleObject(g_host.finished, kCheckpointIntervalMs) == WAIT_TIMEOUT)
        advanceCheckpoint();
}

DWORD WINAPI dispatcherThread(LPVOID)
{
    SERVICE_TABLE_ENTRYW table[] = { { g_host.name.data(), serviceMain }, { nullptr, nullptr } };
    if (!::StartServiceCtrlDispatcherW(table)) {
        g_host.dispatcherError = ::GetLastError();
        return 1;
    }
    return 0;
}

// Without a console the service's log goes nowhere a person looks, so a failed
// start is also written to the Application event log under the service's name.
void logStartFailure(const std::string &message)
{
    const HANDLE source = ::RegisterEventSourceW(nullptr, g_host.name.c_str());
    if (!source)
        return;
    const std::wstring text = toWide("The service could not start: " + message);
    LPCWSTR strings[] = { text.c_str() };
    ::ReportEventW(source, EVENTLOG_ERROR_TYPE, 0, kServiceSpecificStartFailure, nullptr, 1, 0, strings, nullptr);
    ::DeregisterEventSource(source);
}

// --- installing ---------------------------------------------------------------

// Creates `path` and any missing parents.
bool createDirectories(const std::wstring &path)
{
    for (std::size_t end = path.find_first_of(L"\\/", 3); end != std::wstring::npos;
         end = path.find_first_of(L"\\/", end + 1)) {
        ::CreateDirectoryW(path.substr(0, end).c_str(), nullptr);
    }
    return ::CreateDirectoryW(path.c_str(), nullptr) || ::GetLastError() == ERROR_ALREADY_EXISTS;
}

// SYSTEM, Administrators and the service's account get full control of `path`
// and everything in it; nothing else, nothing inherited from above.
std::optional<ServiceError> makePrivate(const std::string &path, const std::wstring &account)
{
    const std::wstring widePath = toWide(path);
    if (widePath.size() <= 3) {
        return ServiceError { ServiceError::Kind::Failed,
                              "will not make " + path + " private to the service: it is a drive's root" };
    }
    if (!createDirectories(widePath))
        return lastError("CreateDirectory " + path);

    unsigned char sid[SECURITY_MAX_SID_SIZE];
    DWORD sidSize = sizeof sid;
    wchar_t domain[256];
    DWORD domainLength = 256;
    SID_NAME_USE use {};
    if (!::LookupAccountNameW(nullptr, account.c_str(), sid, &sidSize, domain, &domainLength, &use))
        return lastError("LookupAccountName " + toUtf8(account.c_str()));
    LocalMemory sidText;
    if (!::ConvertSidToStringSidW(sid, sidText.out<wchar_t>()))
        return lastError("ConvertSidToStringSid");

    // D:P = a protected DACL; OICI = inherited by files and folders inside; FA = full access.
    const std::wstring sddl
        = L"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;" + std::wstring(sidText.as<wchar_t>()) + L")";
    LocalMemory descriptor;
    if (!::ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, descriptor.out<void>(),
                                                                nullptr)) {
        return lastError("ConvertStringSecurityDescriptorToSecurityDescriptor");
    }
    BOOL present = FALSE, defaulted = FALSE;
    PACL dacl = nullptr;
    if (!::GetSecurityDescriptorDacl(descriptor.as<void>(), &present, &dacl, &defaulted))
        return lastError("GetSecurityDescriptorDacl");
    // Also re-applies inheritance to what is already inside (keys from an earlier install).
    const DWORD result = ::SetNamedSecurityInfoW(const_cast<wchar_t *>(widePath.c_str()), SE_FILE_OBJECT,
                                                 DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                                                 nullptr, nullptr, dacl, nullptr);
    if (result != ERROR_SUCCESS)
        return systemError("SetNamedSecurityInfo " + path, result);
    return std::nullopt;
}

std::optional<ServiceError> configure(SC_HANDLE service, const ServiceInstallation &installation,
                                      const std::wstring &account)
{
    std::wstring description = toWide(installation.description);
    SERVICE_DESCRIPTIONW descriptionInfo { description.data() };
    if (!::ChangeServiceConfig2W(service, SERVICE_CONFIG_DESCRIPTION, &descriptionInfo))
        return lastError("ChangeServiceConfig2 (description)");

    SC_ACTION actions[] = { { SC_ACTION_RESTART, 5000 }, { SC_ACTION_RESTART, 30000 }, { SC_ACTION_RESTART, 120000 } };
    SERVICE_FAILURE_ACTIONSW failureActions {};
    failureActions.dwResetPeriod = 24 * 60 * 60;
    failureActions.cActions = sizeof actions / sizeof actions[0];
    failureActions.lpsaActions = actions;
    if (!::ChangeServiceConfig2W(service, SERVICE_CONFIG_FAILURE_ACTIONS, &failureActions))
        return lastError("ChangeServiceConfig2 (restart on failure)");
    // Also restart after a stop with a non-zero exit code, not only after a crash.
    SERVICE_FAILURE_ACTIONS_FLAG onNonCrashFailures { TRUE };
    if (!::ChangeServiceConfig2W(service, SERVICE_CONFIG_FAILURE_ACTIONS_FLAG, &onNonCrashFailures))
        return lastError("ChangeServiceConfig2 (restart on a non-zero exit)");
    SERVICE_SID_INFO sidInfo { SERVICE_SID_TYPE_UNRESTRICTED };
    if (!::ChangeServiceConfig2W(service, SERVICE_CONFIG_SERVICE_SID_INFO, &sidInfo))
        return lastError("ChangeServiceConfig2 (service SID)");

    for (const std::string &directory : installation.privateDirectories) {
        if (std::optional<ServiceError> problem = makePrivate(directory, account))
            return problem;
    }
    return std::nullopt;
}

// --- removing -----------------------------------------------------------------

void CALLBACK onServiceStopped(PVOID parameter)
{
    auto *notify = static_cast<SERVICE_NOTIFYW *>(parameter);
    *static_cast<bool *>(notify->pContext) = true;
}

// Asks the service to stop and waits, at most a minute, for the SCM to say it
// has (an APC from NotifyServiceStatusChange). True once stopped.
bool stopAndWait(SC_HANDLE service, std::string &note)
{
    // Static: a notification still queued after a timeout must find them alive.
    static bool stopped = false;
    static SERVICE_NOTIFYW notify {};
    notify.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
    notify.pfnNotifyCallback = onServiceStopped;
    notify.pContext = &stopped;
    // Queued at once when the service is stopped already.
    if (const DWORD result = ::NotifyServiceStatusChangeW(service, SERVICE_NOTIFY_STOPPED, &notify);
        result != ERROR_SUCCESS) {
        note = systemError("NotifyServiceStatusChange", result).message;
        return false;
    }
    SERVICE_STATUS ignored {};
    if (!::ControlService(service, SERVICE_CONTROL_STOP, &ignored)) {
        const DWORD code = ::GetLastError();
        // Not running, or already stopping: the notification still comes.
        if (code != ERROR_SERVICE_NOT_ACTIVE && code != ERROR_SERVICE_CANNOT_ACCEPT_CTRL) {
            note = systemError("ControlService (stop)", code).message;
            return false;
        }
    }
    const ULONGLONG deadline = ::GetTickCount64() + kUninstallStopTimeoutMs;
    for (ULONGLONG now = ::GetTickCount64(); !stopped && now < deadline; now = ::GetTickCount64())
        ::SleepEx(static_cast<DWORD>(deadline - now), TRUE);  // returns early when the APC has run
    if (!stopped)
        note = "it did not stop within " + std::to_string(kUninstallStopTimeoutMs / 1000) + " seconds";
    return stopped;
}

}  // namespace

Result<int, ServiceError> runAsService(const std::string &name, ServiceCallbacks &callbacks)
{
    using Outcome = Result<int, ServiceError>;
    g_host.name = toWide(name);
    g_host.callbacks = &callbacks;
    g_host.entered = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);
    g_host.finished = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!g_host.entered || !g_host.finished)
        return Outcome::failure(lastError("CreateEvent"));

    const HANDLE dispatcher = ::CreateThread(nullptr, 0, dispatcherThread, nullptr, 0, nullptr);
    if (!dispatcher)
        return Outcome::failure(lastError("CreateThread (service dispatcher)"));
    const HANDLE waitFor[] = { g_host.entered, dispatcher };
    const DWORD woken = ::WaitForMultipleObjects(2, waitFor, FALSE, INFINITE);
    if (woken == WAIT_FAILED)
        return Outcome::failure(lastError("WaitForMultipleObjects (service dispatcher)"));
    if (woken != WAIT_OBJECT_0) {
        // The dispatcher returned without ever calling ServiceMain.
        ::CloseHandle(dispatcher);
        ServiceError error = systemError("StartServiceCtrlDispatcher", g_host.dispatcherError);
        if (g_host.dispatcherError == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) {
            error.kind = ServiceError::Kind::NotUnderServiceManager;
            error.message += " --service is for the service control manager: install the service with "
                             "--install-service and start it with 'sc start "
                + name + "', or run gatehoused without --service in a console.";
        }
        return Outcome::failure(error);
    }
    if (!g_host.statusHandle) {
        ::CloseHandle(dispatcher);  // left blocked; the process exits
        return Outcome::failure(systemError("RegisterServiceCtrlHandlerEx", g_host.registerError));
    }

    int exitCode = 0;
    if (const std::string problem = callbacks.start(); !problem.empty()) {
        logStartFailure(problem);
        exitCode = static_cast<int>(kServiceSpecificStartFailure);
    } else {
        report(SERVICE_RUNNING);
        exitCode = callbacks.run();
    }
    ::AcquireSRWLockExclusive(&g_host.lock);
    g_host.callbacks = nullptr;  // controls from now on are answered but go nowhere
    ::ReleaseSRWLockExclusive(&g_host.lock);
    report(SERVICE_STOPPED, exitCode == 0 ? NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR,
           exitCode == 0 ? 0 : static_cast<DWORD>(exitCode));
    ::SetEvent(g_host.finished);
    ::WaitForSingleObject(dispatcher, kDispatcherJoinMs);
    ::CloseHandle(dispatcher);
    return exitCode;
}

Result<std::string, ServiceError> installService(const ServiceInstallation &installation)
{
    using Outcome = Result<std::string, ServiceError>;
    const Result<std::string, std::string> commandLine
        = windowsCommandLine(installation.program, installation.arguments);
    if (!commandLine)
        return Outcome::failure(ServiceError { ServiceError::Kind::Failed, commandLine.error() });

    const ServiceHandle manager(::OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE));
    if (!manager)
        return Outcome::failure(lastError("OpenSCManager"));

    const std::wstring name = toWide(installation.name);
    const std::wstring displayName = toWide(installation.displayName);
    const std::wstring wideCommandLine = toWide(commandLine.value());
    const std::wstring account = L"NT SERVICE\\" + name;
    const ServiceHandle service(::CreateServiceW(
        manager.get(), name.c_str(), displayName.c_str(), SERVICE_CHANGE_CONFIG | SERVICE_START | DELETE,
        SERVICE_WIN32_OWN_PROCESS, SERVICE_AUTO_START, SERVICE_ERROR_NORMAL, wideCommandLine.c_str(), nullptr, nullptr,
        nullptr, account.c_str(), nullptr));
    if (!service) {
        const DWORD code = ::GetLastError();
        std::string hint;
        if (code == ERROR_SERVICE_EXISTS)
            hint = "Remove it first with gatehoused --uninstall-service.";
        else if (code == ERROR_SERVICE_MARKED_FOR_DELETE)
            hint = "Close the Services console (and anything else holding the service open), then try again.";
        return Outcome::failure(systemError("CreateService " + installation.name, code, hint));
    }
    if (std::optional<ServiceError> problem = configure(service.get(), installation, account)) {
        ::DeleteService(service.get());
        problem->message += " (the service was not installed)";
        return Outcome::failure(*problem);
    }

    std::string done = "installed the service " + installation.name + " (" + installation.displayName
        + "): automatic start as " + toUtf8(account.c_str()) + ", restarted on failure\n";
    done += "command line: " + commandLine.value() + '\n';
    for (const std::string &directory : installation.privateDirectories)
        done += "private to the service, SYSTEM and Administrators: " + directory + '\n';
    done += "start it now with: sc start " + installation.name;
    return done;
}

Result<std::string, ServiceError> uninstallService(const std::string &name)
{
    using Outcome = Result<std::string, ServiceError>;
    const ServiceHandle manager(::OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
    if (!manager)
        return Outcome::failure(lastError("OpenSCManager"));
    const std::wstring wideName = toWide(name);
    const ServiceHandle service(
        ::OpenServiceW(manager.get(), wideName.c_str(), SERVICE_STOP | SERVICE_QUERY_STATUS | DELETE));
    if (!service) {
        const DWORD code = ::GetLastError();
        return Outcome::failure(systemError("OpenService " + name, code,
                                            code == ERROR_SERVICE_DOES_NOT_EXIST ? "Nothing to uninstall." : ""));
    }
    std::string note;
    const bool stopped = stopAndWait(service.get(), note);
    if (!::DeleteService(service.get()) && ::GetLastError() != ERROR_SERVICE_MARKED_FOR_DELETE)
        return Outcome::failure(lastError("DeleteService " + name));
    if (!stopped) {
        return "marked the service " + name + " for deletion; it is removed once it stops (" + note
            + "). Its config and state directories are left in place.";
    }
    return "stopped and removed the service " + name + ". Its config and state directories are left in place.";
}

}  // namespace gatehouse::platform
