#include "platform/windows/WindowsPeerCredentials.h"

#include "platform/windows/WindowsText.h"

#include <cstdlib>
#include <vector>
#include <windows.h>

namespace gatehouse::platform {

namespace {

// Closes a Win32 handle when it goes out of scope.
class HandleGuard
{
public:
    explicit HandleGuard(HANDLE handle = nullptr) : m_handle(handle) { }
    ~HandleGuard()
    {
        if (m_handle && m_handle != INVALID_HANDLE_VALUE)
            ::CloseHandle(m_handle);
    }
    HandleGuard(const HandleGuard &) = delete;
    HandleGuard &operator=(const HandleGuard &) = delete;

    HANDLE get() const { return m_handle; }
    HANDLE *out() { return &m_handle; }

private:
    HANDLE m_handle;
};

std::string lastErrorText()
{
    return systemErrorText(::GetLastError());
}

std::string accountOf(PSID sid)
{
    wchar_t name[256];
    wchar_t domain[256];
    DWORD nameLength = 256, domainLength = 256;
    SID_NAME_USE use {};
    if (!::LookupAccountSidW(nullptr, sid, name, &nameLength, domain, &domainLength, &use))
        return {};
    return toUtf8(domain) + "\\" + toUtf8(name);
}

// The token the client opened the pipe with, as the pipe recorded it: the
// server impersonates the client for the length of one OpenThreadToken. Needs no
// access to the client's process, so it works when the service runs as a
// virtual account and the client is elevated. Without SeImpersonatePrivilege the
// token is identification-level, which is all a query needs. ERROR_SUCCESS or
// the reason.
DWORD tokenFromPipe(HANDLE pipe, HandleGuard &token)
{
    if (!::ImpersonateNamedPipeClient(pipe))
        return ::GetLastError();
    const BOOL opened = ::OpenThreadToken(::GetCurrentThread(), TOKEN_QUERY, TRUE, token.out());
    const DWORD error = opened ? ERROR_SUCCESS : ::GetLastError();
    // A thread left running as the client must not go on serving anyone.
    if (!::RevertToSelf())
        std::abort();
    return error;
}

// The client process's own token, for when the pipe would not say (an
// impersonation token, as CheckTokenMembership wants). Needs query access to the
// process: refused, for example, to a virtual-account service looking at an
// elevated client. Empty or the reason.
std::string tokenFromProcess(ULONG pid, HandleGuard &token)
{
    HandleGuard process(::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid));
    if (!process.get())
        return "cannot open the client process: " + lastErrorText();
    HandleGuard primary;
    if (!::OpenProcessToken(process.get(), TOKEN_QUERY | TOKEN_DUPLICATE, primary.out()))
        return "cannot read the client's access token: " + lastErrorText();
    if (!::DuplicateToken(primary.get(), SecurityIdentification, token.out()))
        return "cannot inspect the client's groups: " + lastErrorText();
    return {};
}

// Whether `token` has the well-known group enabled (CheckTokenMembership counts
// only enabled groups, so a non-elevated administrator's filtered token has no
// Administrators). Empty or the reason.
std::string hasGroup(HANDLE token, WELL_KNOWN_SID_TYPE group, bool &member)
{
    unsigned char sid[SECURITY_MAX_SID_SIZE];
    DWORD sidSize = sizeof sid;
    if (!::CreateWellKnownSid(group, nullptr, sid, &sidSize))
        return "cannot build a well-known SID: " + lastErrorText();
    BOOL isMember = FALSE;
    if (!::CheckTokenMembership(token, sid, &isMember))
        return "cannot check the client's groups: " + lastErrorText();
    member = isMember != FALSE;
    return {};
}

}  // namespace

PeerCheck WindowsPeerCredentials::check(std::intptr_t descriptor, const std::string &group) const
{
    (void)group;  // Windows admits by Administrators and SYSTEM only
    PeerCheck result;
    const HANDLE pipe = reinterpret_cast<HANDLE>(descriptor);

    DWORD flags = 0;
    if (::GetNamedPipeInfo(pipe, &flags, nullptr, nullptr, nullptr) && !(flags & PIPE_SERVER_END)) {
        // Ours is the client end (ControlServer probing an endpoint): the peer is the server.
        ULONG serverPid = 0;
        if (::GetNamedPipeServerProcessId(pipe, &serverPid))
            result.pid = std::int64_t(serverPid);
        result.reason = "the peer is the pipe's server; only clients are checked";
        return result;
    }

    // The pid is for the log; the decision rests on the token the pipe recorded.
    ULONG pid = 0;
    if (::GetNamedPipeClientProcessId(pipe, &pid))
        result.pid = std::int64_t(pid);

    HandleGuard token;
    if (const DWORD error = tokenFromPipe(pipe, token); error != ERROR_SUCCESS) {
        const std::string pipeReason = systemErrorText(error);
        if (pid == 0) {
            result.reason = "cannot tell who is on the pipe: " + pipeReason;
            return result;
        }
        if (std::string problem = tokenFromProcess(pid, token); !problem.empty()) {
            result.reason = "cannot impersonate the pipe client (" + pipeReason + ") and " + problem;
            return result;
        }
    }

    DWORD size = 0;
    ::GetTokenInformation(token.get(), TokenUser, nullptr, 0, &size);
    std::vector<unsigned char> userBuffer(size ? size : 1);
    if (!::GetTokenInformation(token.get(), TokenUser, userBuffer.data(), size, &size)) {
        result.reason = "cannot read the client's user: " + lastErrorText();
        return result;
    }
    const auto *user = reinterpret_cast<const TOKEN_USER *>(userBuffer.data());
    result.known = true;
    result.account = accountOf(user->User.Sid);

    // A client on another machine (the pipe is reachable over SMB) has NETWORK in
    // its token; the control pipe is for this machine only.
    bool remote = false;
    if (std::string problem = hasGroup(token.get(), WinNetworkSid, remote); !problem.empty()) {
        result.reason = problem;
        return result;
    }
    if (remote) {
        result.reason = "a client on another machine (network logon); the control pipe is for local use only";
        return result;
    }
    if (::IsWellKnownSid(user->User.Sid, WinLocalSystemSid)) {
        result.admitted = true;
        result.reason = "SYSTEM";
        return result;
    }
    bool administrator = false;
    if (std::string problem = hasGroup(token.get(), WinBuiltinAdministratorsSid, administrator); !problem.empty()) {
        result.reason = problem;
        return result;
    }
    if (administrator) {
        result.admitted = true;
        result.reason = "member of Administrators";
        return result;
    }
    result.reason = "neither SYSTEM nor an elevated member of Administrators";
    return result;
}

std::unique_ptr<PeerCredentials> PeerCredentials::create()
{
    return std::make_unique<WindowsPeerCredentials>();
}

}  // namespace gatehouse::platform
