#include "platform/ListenSocket.h"
#include "platform/windows/WindowsText.h"

#include <winsock2.h>
#include <ws2tcpip.h>

namespace gatehouse::platform {

namespace {

using SocketResult = Result<SocketHandle, SocketError>;

void ensureWinsock()
{
    static const bool started = [] {
        WSADATA data;
        return WSAStartup(MAKEWORD(2, 2), &data) == 0;
    }();
    (void)started;
}

SocketError errorFromCode(int code)
{
    SocketErrorKind kind = SocketErrorKind::Other;
    switch (code) {
    case WSAEADDRINUSE:
        kind = SocketErrorKind::AddressInUse;
        break;
    case WSAEACCES:  // an excluded port range, or another socket's SO_EXCLUSIVEADDRUSE
        kind = SocketErrorKind::PermissionDenied;
        break;
    case WSAEADDRNOTAVAIL:
        kind = SocketErrorKind::AddressNotAvailable;
        break;
    case WSAEMFILE:
    case WSAENOBUFS:
        kind = SocketErrorKind::OutOfDescriptors;
        break;
    case WSAEWOULDBLOCK:
        kind = SocketErrorKind::WouldBlock;
        break;
    case WSAEINTR:
    case WSAECONNRESET:
        kind = SocketErrorKind::Transient;
        break;
    default:
        break;
    }
    return SocketError { kind, code, systemErrorText(static_cast<unsigned long>(code)) };
}

SocketResult failWith(SOCKET toClose = INVALID_SOCKET)
{
    const int code = WSAGetLastError();
    if (toClose != INVALID_SOCKET)
        closesocket(toClose);
    return SocketResult::failure(errorFromCode(code));
}

}  // namespace

SocketResult openListeningSocket(const std::string &address, std::uint16_t port, int backlog)
{
    ensureWinsock();
    sockaddr_storage storage {};
    int length = 0;
    int family = AF_INET;
    auto *v4 = reinterpret_cast<sockaddr_in *>(&storage);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&storage);
    if (inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        length = sizeof(sockaddr_in);
    } else if (inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
        family = AF_INET6;
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        length = sizeof(sockaddr_in6);
    } else {
        return SocketResult::failure(SocketError { SocketErrorKind::InvalidAddress, WSAEINVAL,
                                                   "'" + address + "' is not a numeric IPv4 or IPv6 address" });
    }

    const SOCKET socket = WSASocketW(family, SOCK_STREAM, IPPROTO_TCP, nullptr, 0, WSA_FLAG_NO_HANDLE_INHERIT);
    if (socket == INVALID_SOCKET)
        return failWith();
    const BOOL on = TRUE;
    if (setsockopt(socket, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char *>(&on), sizeof on) != 0)
        return failWith(socket);
    if (family == AF_INET6) {
        // Dual-stack like Linux's default, so "::" means every address on both systems.
        const DWORD off = 0;
        setsockopt(socket, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char *>(&off), sizeof off);
    }
    if (bind(socket, reinterpret_cast<const sockaddr *>(&storage), length) != 0)
        return failWith(socket);
    if (listen(socket, backlog) != 0)
        return failWith(socket);
    u_long nonBlocking = 1;
    if (ioctlsocket(socket, FIONBIO, &nonBlocking) != 0)
        return failWith(socket);
    return static_cast<SocketHandle>(socket);
}

SocketResult acceptSocket(SocketHandle listener)
{
    // The accepted socket inherits non-blocking mode and no-inherit from the listener.
    const SOCKET socket = accept(static_cast<SOCKET>(listener), nullptr, nullptr);
    if (socket == INVALID_SOCKET)
        return failWith();
    return static_cast<SocketHandle>(socket);
}

void closeSocket(SocketHandle socket)
{
    if (socket != kInvalidSocket)
        closesocket(static_cast<SOCKET>(socket));
}

}  // namespace gatehouse::platform
