#include "platform/windows/WindowsPeerCredentials.h"

#include "platform/windows/WindowsText.h"

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

}  // namespace

PeerCheck WindowsPeerCredentials::check(std::intptr_t descriptor, const std::string &group) const
{
    (void)group;  // Windows admits by Administrators and SYSTEM only
    PeerCheck result;
    const HANDLE pipe = reinterpret_cast<HANDLE>(descriptor);

    ULONG pid = 0;
    if (!::GetNamedPipeClientProcessId(pipe, &pid)) {
        result.reason = "cannot tell which process is on the pipe: " + lastErrorText();
        return result;
    }
    result.pid = std::int64_t(pid);

    HandleGuard process(::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid));
    if (!process.get()) {
        result.reason = "cannot open the client process: " + lastErrorText();
        return result;
    }
    HandleGuard token;
    if (!::OpenProcessToken(process.get(), TOKEN_QUERY | TOKEN_DUPLICATE, token.out())) {
        result.reason = "cannot read the client's access token: " + lastErrorText();
        return result;
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

    if (::IsWellKnownSid(user->User.Sid, WinLocalSystemSid)) {
        result.admitted = true;
        result.reason = "SYSTEM";
        return result;
    }

    // CheckTokenMembership wants an impersonation token; it counts only enabled
    // groups, so a non-elevated administrator (UAC filtered token) is refused.
    HandleGuard impersonation;
    if (!::DuplicateToken(token.get(), SecurityIdentification, impersonation.out())) {
        result.reason = "cannot inspect the client's groups: " + lastErrorText();
        return result;
    }
    unsigned char sidBuffer[SECURITY_MAX_SID_SIZE];
    DWORD sidSize = sizeof sidBuffer;
    if (!::CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, sidBuffer, &sidSize)) {
        result.reason = "cannot build the Administrators SID: " + lastErrorText();
        return result;
    }
    BOOL member = FALSE;
    if (!::CheckTokenMembership(impersonation.get(), sidBuffer, &member)) {
        result.reason = "cannot check the client's groups: " + lastErrorText();
        return result;
    }
    if (member) {
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
