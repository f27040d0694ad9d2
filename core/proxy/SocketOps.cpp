#include "proxy/SocketOps.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::proxy::socketops {

namespace {

int fd(qintptr socket)
{
    return int(socket);
}

Endpoint socketEndpoint(qintptr socket, bool peer)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof(storage);
    auto *address = reinterpret_cast<sockaddr *>(&storage);
    const int rc = peer ? ::getpeername(int(socket), address, &length) : ::getsockname(int(socket), address, &length);
    if (rc != 0)
        return {};
    Endpoint endpoint { QHostAddress(address), 0 };
    if (storage.ss_family == AF_INET)
        endpoint.port = ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    else if (storage.ss_family == AF_INET6)
        endpoint.port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
    return endpoint;
}

}  // namespace

Endpoint peerAddress(qintptr socket)
{
    return socketEndpoint(socket, true);
}

Endpoint localAddress(qintptr socket)
{
    return socketEndpoint(socket, false);
}

IoResult receive(qintptr socket, char *data, qint64 size)
{
    for (;;) {
        const ssize_t n = ::recv(fd(socket), data, size_t(size), 0);
        if (n > 0)
            return { IoStatus::Done, qint64(n), 0 };
        if (n == 0)
            return { IoStatus::Closed, 0, 0 };
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return { IoStatus::WouldBlock, 0, 0 };
        return { IoStatus::Failed, 0, errno };
    }
}

bool hasInput(qintptr socket)
{
    char byte;
    ssize_t n;
    do
        n = ::recv(fd(socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    return n > 0;
}

IoResult send(qintptr socket, const char *data, qint64 size)
{
    for (;;) {
        const ssize_t n = ::send(fd(socket), data, size_t(size), MSG_NOSIGNAL);
        if (n >= 0)
            return { n > 0 ? IoStatus::Done : IoStatus::WouldBlock, qint64(n), 0 };
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return { IoStatus::WouldBlock, 0, 0 };
        return { IoStatus::Failed, 0, errno };
    }
}

bool shutdownWrite(qintptr socket)
{
    return ::shutdown(fd(socket), SHUT_WR) == 0;
}

void close(qintptr socket)
{
    if (socket >= 0)
        ::close(fd(socket));
}

bool setNonBlocking(qintptr socket)
{
    const int flags = ::fcntl(fd(socket), F_GETFL);
    return flags >= 0 && ::fcntl(fd(socket), F_SETFL, flags | O_NONBLOCK) == 0;
}

void setNoDelay(qintptr socket)
{
    // Proxied protocols are request/response; Nagle would hold back their last segment.
    const int one = 1;
    ::setsockopt(fd(socket), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int pendingError(qintptr socket)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd(socket), SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    return error;
}

Result<qintptr, int> startConnect(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        sockaddr_in v4 {};
        v4.sin_family = AF_INET;
        v4.sin_port = htons(port);
        v4.sin_addr.s_addr = htonl(address.toIPv4Address());
        std::memcpy(&storage, &v4, sizeof v4);
        length = sizeof v4;
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        sockaddr_in6 v6 {};
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&v6.sin6_addr, &bytes, sizeof bytes);
        v6.sin6_scope_id = address.scopeId().toUInt();
        std::memcpy(&storage, &v6, sizeof v6);
        length = sizeof v6;
    } else {
        return Result<qintptr, int>::failure(EAFNOSUPPORT);
    }
    const int s = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s < 0)
        return Result<qintptr, int>::failure(errno);
    int rc;
    do {
        rc = ::connect(s, reinterpret_cast<const sockaddr *>(&storage), length);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0 && errno != EINPROGRESS) {
        const int error = errno;
        ::close(s);
        return Result<qintptr, int>::failure(error);
    }
    setNoDelay(s);
    return qintptr(s);
}

ConnectErrorClass classifyConnectError(int code)
{
    switch (code) {
    case ECONNREFUSED:
    case ECONNRESET:
        return ConnectErrorClass::Refused;
    case ETIMEDOUT:
        return ConnectErrorClass::TimedOut;
    case EHOSTUNREACH:
    case ENETUNREACH:
    case EHOSTDOWN:
    case ENETDOWN:
    case EADDRNOTAVAIL:
        return ConnectErrorClass::Unreachable;
    default:
        return ConnectErrorClass::Other;
    }
}

QString errorString(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

}  // namespace gatehouse::proxy::socketops
