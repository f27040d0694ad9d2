#pragma once

// Native listening sockets, the only socket calls that differ per OS. Plain C++
// (no Qt) so the Windows implementation stays pure Win32 and can be compile-checked
// with mingw-w64. Used by gatehouse::net::Listener; nothing else opens listeners.

#include "Result.h"

#include <cstdint>
#include <string>

namespace gatehouse::platform {

// An fd on POSIX, a SOCKET on Windows; both fit and QSocketNotifier takes qintptr.
using SocketHandle = std::intptr_t;
inline constexpr SocketHandle kInvalidSocket = -1;

enum class SocketErrorKind {
    AddressInUse,  // another socket listens on an overlapping address and port
    PermissionDenied,  // a privileged port without the right to bind it
    AddressNotAvailable,  // the address is not assigned to this host
    InvalidAddress,  // not a numeric IPv4 or IPv6 address
    OutOfDescriptors,  // EMFILE/ENFILE/ENOBUFS: accept again later
    WouldBlock,  // nothing (more) to accept
    Transient,  // EINTR, ECONNABORTED and friends: accept again now
    Other,
};

struct SocketError
{
    SocketErrorKind kind = SocketErrorKind::Other;
    int code = 0;  // errno or WSAGetLastError()
    std::string text;  // the OS's own words, UTF-8
};

// Binds address:port and listens, non-blocking and not inherited by children.
// SO_REUSEADDR on POSIX so TIME_WAIT leftovers of a previous run do not block a
// restart; SO_EXCLUSIVEADDRUSE on Windows, where SO_REUSEADDR would let another
// process steal the port. Never SO_REUSEPORT: a second process must fail loudly.
Result<SocketHandle, SocketError> openListeningSocket(const std::string &address, std::uint16_t port, int backlog);

// One pending connection, non-blocking and close-on-exec, ready for the proxy.
Result<SocketHandle, SocketError> acceptSocket(SocketHandle listener);

void closeSocket(SocketHandle socket);

}  // namespace gatehouse::platform
