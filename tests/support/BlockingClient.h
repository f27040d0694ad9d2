#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDeadlineTimer>
#include <QtGlobal>

#include <chrono>

using SSL = struct ssl_st;
using SSL_CTX = struct ssl_ctx_st;

namespace gatehouse::test {

// A client on a blocking socket to 127.0.0.1, for tests that run no event loop
// while they talk, or that must decide when the client's end closes: it stays
// open after the server's close until the client is destroyed. Plain TCP, or TLS
// through OpenSSL (no certificate verification: the tests ask about the
// connection, not the certificate).
class BlockingClient
{
public:
    enum class End {
        None,  // nothing yet: the server is still there (or the read timed out)
        Eof,  // an orderly end: FIN, with TLS after close_notify
        EofWithoutCloseNotify,  // TLS: FIN before close_notify
        Reset,  // ECONNRESET or EPIPE
        Error,  // anything else: connect, handshake
    };

    explicit BlockingClient(quint16 port, bool tls = false, const char *serverName = nullptr);
    ~BlockingClient();
    BlockingClient(const BlockingClient &) = delete;
    BlockingClient &operator=(const BlockingClient &) = delete;

    bool isConnected() const { return m_fd >= 0 && m_end == End::None; }
    // All of `data`; false when the server reset or the socket failed (see end()).
    bool send(QByteArrayView data);
    // What arrives until the server ends the connection or `timeout` passes.
    QByteArray readToEnd(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // The next bytes that arrive: one recv(), with TLS one SSL_read(), which
    // gives the contents of one record.
    QByteArray readSome(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Shuts the client's write side, with TLS after close_notify unless told not to.
    void shutdownWrite(bool closeNotify = true);
    // Closes with a reset (SO_LINGER 0) instead of a FIN.
    void reset();
    End end() const { return m_end; }

private:
    QByteArray readOnce(const QDeadlineTimer &deadline);
    void noteFailure(int code);

    int m_fd = -1;
    SSL_CTX *m_context = nullptr;
    SSL *m_ssl = nullptr;
    End m_end = End::None;
};

}  // namespace gatehouse::test
