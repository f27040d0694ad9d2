#include "platform/ListenSocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::platform {

namespace {

SocketError errorFromErrno(int code)
{
    SocketErrorKind kind = SocketErrorKind::Other;
    switch (code) {
    case EADDRINUSE:
        kind = SocketErrorKind::AddressInUse;
        break;
    case EACCES:
    case EPERM:
        kind = SocketErrorKind::PermissionDenied;
        break;
    case EADDRNOTAVAIL:
        kind = SocketErrorKind::AddressNotAvailable;
        break;
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        kind = SocketErrorKind::OutOfDescriptors;
        break;
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        kind = SocketErrorKind::WouldBlock;
        break;
    case EINTR:
    case ECONNABORTED:
    case EPROTO:
        kind = SocketErrorKind::Transient;
        break;
    default:
        break;
    }
    // No words for "nothing pending": it ends every accept loop, and strerror() is not free.
    return SocketError { kind, code, kind == SocketErrorKind::WouldBlock ? std::string() : std::strerror(code) };
}

using SocketResult = Result<SocketHandle, SocketError>;

SocketResult failWith(int code, int fdToClose = -1)
{
    if (fdToClose >= 0)
        ::close(fdToClose);
    return SocketResult::failure(errorFromErrno(code));
}

}  // namespace

SocketResult openListeningSocket(const std::string &address, std::uint16_t port, int backlog)
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_INET;
    if (auto *v4 = reinterpret_cast<sockaddr_in *>(&storage);
        ::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        length = sizeof(sockaddr_in);
    } else if (auto *v6 = reinterpret_cast<sockaddr_in6 *>(&storage);
               ::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
        family = AF_INET6;
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        length = sizeof(sockaddr_in6);
    } else {
        return SocketResult::failure(SocketError { SocketErrorKind::InvalidAddress, EINVAL,
                                                   "'" + address + "' is not a numeric IPv4 or IPv6 address" });
    }

    const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return failWith(errno);
    const int on = 1;
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0)
        return failWith(errno, fd);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0)
        return failWith(errno, fd);
    if (::listen(fd, backlog) != 0)
        return failWith(errno, fd);
    return SocketHandle(fd);
}

SocketResult acceptSocket(SocketHandle listener)
{
    const int fd = ::accept4(static_cast<int>(listener), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0)
        return failWith(errno);
    return SocketHandle(fd);
}

void closeSocket(SocketHandle socket)
{
    if (socket >= 0)
        ::close(static_cast<int>(socket));
}

}  // namespace gatehouse::platform
