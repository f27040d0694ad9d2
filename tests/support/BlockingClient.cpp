#include "BlockingClient.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::test {

BlockingClient::BlockingClient(quint16 port, bool tls, const char *serverName)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in where {};
    where.sin_family = AF_INET;
    where.sin_port = htons(port);
    where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<const sockaddr *>(&where), sizeof where) != 0) {
        m_end = End::Error;
        return;
    }
    if (!tls)
        return;
    // OpenSSL writes with write(), which raises SIGPIPE once the server has gone.
    ::signal(SIGPIPE, SIG_IGN);
    m_context = SSL_CTX_new(TLS_client_method());
    m_ssl = m_context ? SSL_new(m_context) : nullptr;
    if (!m_ssl || !SSL_set_fd(m_ssl, m_fd)
        || (serverName
            && !SSL_ctrl(m_ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                         const_cast<char *>(serverName)))
        || SSL_connect(m_ssl) != 1) {
        ERR_clear_error();
        m_end = End::Error;
    }
}

BlockingClient::~BlockingClient()
{
    SSL_free(m_ssl);
    SSL_CTX_free(m_context);
    if (m_fd >= 0)
        ::close(m_fd);
}

void BlockingClient::noteFailure(int code)
{
    m_end = code == ECONNRESET || code == EPIPE ? End::Reset : End::Error;
}

bool BlockingClient::send(QByteArrayView data)
{
    while (!data.isEmpty() && m_end != End::Error && m_end != End::Reset) {
        const int chunk = int(qMin<qsizetype>(data.size(), 1 << 20));
        errno = 0;
        const long n = m_ssl ? SSL_write(m_ssl, data.data(), chunk)
                             : long(::send(m_fd, data.data(), size_t(chunk), MSG_NOSIGNAL));
        if (n <= 0) {
            if (!m_ssl && errno == EINTR)
                continue;
            ERR_clear_error();
            noteFailure(errno);
            return false;
        }
        data = data.sliced(n);
    }
    return data.isEmpty();
}

QByteArray BlockingClient::readToEnd(std::chrono::milliseconds timeout)
{
    QByteArray received;
    const QDeadlineTimer deadline(timeout);
    while (m_end == End::None) {
        const QByteArray piece = readOnce(deadline);
        if (piece.isEmpty() && m_end == End::None && deadline.hasExpired())
            break;  // still open
        received += piece;
    }
    return received;
}

QByteArray BlockingClient::readSome(std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    QByteArray piece;
    while (piece.isEmpty() && m_end == End::None && !deadline.hasExpired())
        piece = readOnce(deadline);
    return piece;
}

QByteArray BlockingClient::readOnce(const QDeadlineTimer &deadline)
{
    char buffer[65536];
    if (!m_ssl || SSL_pending(m_ssl) == 0) {
        pollfd readable { m_fd, POLLIN, 0 };
        const int ready = ::poll(&readable, 1, int(deadline.remainingTime()));
        if (ready <= 0)
            return {};  // the time is up, or EINTR
    }
    errno = 0;
    if (!m_ssl) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0)
            return QByteArray(buffer, qsizetype(n));
        if (n == 0)
            m_end = End::Eof;
        else if (errno != EINTR)
            noteFailure(errno);
        return {};
    }
    const int n = SSL_read(m_ssl, buffer, sizeof buffer);
    if (n > 0)
        return QByteArray(buffer, n);
    const int error = SSL_get_error(m_ssl, n);
    ERR_clear_error();
    if (error == SSL_ERROR_ZERO_RETURN) {
        // close_notify; the FIN should follow.
        pollfd readable { m_fd, POLLIN, 0 };
        char byte;
        m_end = ::poll(&readable, 1, int(deadline.remainingTime())) == 1 && ::recv(m_fd, &byte, 1, 0) == 0 ? End::Eof
                                                                                                           : End::Error;
    } else if (error == SSL_ERROR_SYSCALL && errno == 0) {
        m_end = End::EofWithoutCloseNotify;
    } else if (error != SSL_ERROR_WANT_READ) {
        noteFailure(errno);
    }
    return {};
}

void BlockingClient::shutdownWrite(bool closeNotify)
{
    if (m_ssl && closeNotify)
        SSL_shutdown(m_ssl);
    ::shutdown(m_fd, SHUT_WR);
}

void BlockingClient::reset()
{
    const linger hard { 1, 0 };
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(m_fd);
    m_fd = -1;
    m_end = End::Error;
}

}  // namespace gatehouse::test
