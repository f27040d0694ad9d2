#pragma once

// Who is on the other end of a connected local socket, and whether that peer
// may use the control socket. Plain C++ (no Qt) so the Windows implementation
// stays pure Win32 and is compile-checked with mingw-w64. Used by
// gatehouse::control::ControlServer for every accepted connection.

#include <cstdint>
#include <memory>
#include <string>

namespace gatehouse::platform {

struct PeerCheck
{
    bool known = false;  // false when the OS would not say who the peer is; such a peer is refused
    std::int64_t pid = -1;
    std::int64_t uid = -1;  // POSIX only; -1 on Windows
    std::int64_t gid = -1;  // POSIX only: the peer's effective primary group
    std::string account;  // user name (Linux) or DOMAIN\user (Windows); empty when unknown
    bool admitted = false;
    std::string reason;  // why admitted or refused, for the log ("root", "member of group gatehouse", ...)
};

class PeerCredentials
{
public:
    virtual ~PeerCredentials() = default;

    // descriptor: the connected socket's fd on Linux (SO_PEERCRED), the server end
    // of the pipe (a HANDLE) on Windows. Linux admits root, this process's own uid
    // and members of `group` (primary or supplementary); Windows admits
    // Administrators and SYSTEM and ignores `group`.
    virtual PeerCheck check(std::intptr_t descriptor, const std::string &group) const = 0;

    static std::unique_ptr<PeerCredentials> create();
};

}  // namespace gatehouse::platform
