#include "proxy/Stream.h"

#include "proxy/SocketNotifier.h"
#include "proxy/SocketOps.h"
#include "proxy/StreamLogging.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <climits>
#include <cstring>
#include <vector>

namespace gatehouse::proxy {

namespace {

// Per-thread scratch space: a connection owns no read buffer, so thousands of
// idle connections cost no memory here. Reads never nest (they start only from
// the event loop), so one buffer per purpose is enough.
char *plainScratch()
{
    thread_local std::vector<char> buffer(size_t(Stream::kReadChunk));
    return buffer.data();
}

// SSL_get_error() reads the thread's error queue, so it must be empty before each
// call; it nearly always is. ERR_clear_error() would free its 16 slots' strings
// every time (32 calls to free()); a look first is enough.
void clearTlsErrors()
{
    if (ERR_peek_error() != 0)
        ERR_clear_error();
}

StreamError::Kind kindOfSocketError(int code)
{
    return socketops::classifyConnectError(code) == socketops::ConnectErrorClass::Refused || code == EPIPE
        ? StreamError::Kind::Reset
        : StreamError::Kind::Io;
}

}  // namespace

// OpenSSL reads and writes through this BIO, which is the stream itself: records
// come straight from the socket into OpenSSL's buffer, and go straight into the
// output buffer, with no memory BIOs between (a copy and their buffers' growth
// each way).
struct StreamBio
{
    static BIO_METHOD *method()
    {
        static BIO_METHOD *const method = [] {
            BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "gatehouse stream");
            BIO_meth_set_write(m, &write);
            BIO_meth_set_read(m, &read);
            BIO_meth_set_ctrl(m, &control);
            BIO_meth_set_create(m, &create);
            return m;
        }();
        return method;
    }
    static int write(BIO *bio, const char *data, int size)
    {
        return static_cast<Stream *>(BIO_get_data(bio))->tlsWrite(data, size);
    }
    static int read(BIO *bio, char *data, int size)
    {
        return static_cast<Stream *>(BIO_get_data(bio))->tlsRead(bio, data, size);
    }
    static long control(BIO *, int command, long, void *) { return command == BIO_CTRL_FLUSH ? 1 : 0; }
    static int create(BIO *bio)
    {
        BIO_set_init(bio, 1);
        return 1;
    }
};

Stream::Stream(qintptr socket, QObject *parent) : Stream(socket, nullptr, parent) { }

Stream::Stream(qintptr socket, SocketNotifier *readNotifier, QObject *parent) : QObject(parent), m_socket(socket)
{
    if (readNotifier) {
        readNotifier->setParent(this);
        readNotifier->setHandler(this);
        m_readNotifier = readNotifier;
    } else {
        m_readNotifier = new SocketNotifier(socket, QSocketNotifier::Read, this, this);
    }
    m_writeNotifier = new SocketNotifier(socket, QSocketNotifier::Write, this, this);
}

void Stream::socketReady(QSocketNotifier::Type type)
{
    if (type == QSocketNotifier::Read)
        onReadable();
    else
        onWritable();
}

Stream::~Stream()
{
    for (Guard *guard = m_guards; guard; guard = guard->previous)
        guard->deleted = true;
    closeSocket();
}

bool Stream::enableServerTls(TlsContextStore::Ptr store)
{
    if (!store)
        return false;
    SSL *ssl = store->newServerSsl();
    return enableTls(ssl, std::move(store), true);
}

bool Stream::enableClientTls(TlsClientContext::Ptr context, const QString &serverName)
{
    if (!context)
        return false;
    SSL *ssl = context->newSsl(serverName);
    return enableTls(ssl, std::move(context), false);
}

bool Stream::enableTls(SSL *ssl, std::shared_ptr<const void> owner, bool server)
{
    if (!ssl || m_started || m_isTls) {
        if (ssl)
            SSL_free(ssl);
        return false;
    }
    BIO *bio = BIO_new(StreamBio::method());
    if (!bio) {
        SSL_free(ssl);
        return false;
    }
    BIO_set_data(bio, this);
    SSL_set_bio(ssl, bio, bio);
    // Records are read as far as the socket has them, not a header and then a body
    // in two calls.
    SSL_set_read_ahead(ssl, 1);
    if (server)
        SSL_set_accept_state(ssl);
    else
        SSL_set_connect_state(ssl);
    m_ssl = ssl;
    m_tlsOwner = std::move(owner);
    m_tlsServer = server;
    m_isTls = true;
    m_state = State::Handshaking;
    return true;
}

void Stream::start()
{
    if (m_started || m_state == State::Closed)
        return;
    m_started = true;
    // Whoever read the first bytes read until the socket had no more.
    m_socketDrained = !m_initial.isEmpty();
    if (!m_readPaused)
        m_readNotifier->setEnabled(true);
    if (m_ssl || !m_initial.isEmpty())
        schedule(ScheduledRead);  // the client's hello, or the sniffed bytes, from the event loop
    if (!m_out.isEmpty())
        afterBuffering();
}

void Stream::write(QByteArrayView data)
{
    if (data.isEmpty() || m_state == State::Closed || m_writeBroken)
        return;
    if (m_shutdownRequested) {
        qCWarning(lcStream) << "write after shutdownWrite dropped" << data.size() << "bytes";
        return;
    }
    m_bytesSent += quint64(data.size());
    if (m_ssl) {
        // Before the handshake nothing can be encrypted. While corked, small pieces
        // written together wait to become one record; what would fill a record
        // anyway is encrypted at once, after what waited, rather than copied.
        if (m_state == State::Handshaking
            || (m_corks > 0 && m_plainPending.size() + data.size() < SSL3_RT_MAX_PLAIN_LENGTH)) {
            m_plainPending.append(data);
        } else {
            encryptPending();
            encrypt(data);
        }
        afterBuffering();
        return;
    }
    if (m_out.isEmpty() && m_corks == 0) {
        const socketops::IoResult result = socketops::send(m_socket, data.data(), data.size());
        if (result.status == socketops::IoStatus::Failed) {
            writeFailed(result.error);
            return;
        }
        data = data.sliced(result.bytes);
        if (data.isEmpty())
            return;
    }
    m_out.append(data);
    afterBuffering();
}

void Stream::encrypt(QByteArrayView data)
{
    while (!data.isEmpty()) {
        clearTlsErrors();
        const int n = SSL_write(m_ssl, data.data(), int(qMin<qsizetype>(data.size(), INT_MAX)));
        if (n <= 0) {
            failLater(StreamError::Kind::Tls, describeTlsFailure(SSL_get_error(m_ssl, n)));
            return;
        }
        data = data.sliced(n);
    }
}

int Stream::tlsWrite(const char *data, int size)
{
    m_out.append(QByteArrayView(data, size));
    return size;
}

int Stream::tlsRead(BIO *bio, char *data, int size)
{
    BIO_clear_retry_flags(bio);
    if (!m_initial.isEmpty()) {
        const int n = int(qMin<qsizetype>(size, m_initial.size()));
        std::memcpy(data, m_initial.constData(), size_t(n));
        m_initial.remove(0, n);
        return n;
    }
    if (m_rawEof)
        return 0;
    // A read that came back short emptied the socket; until the read notifier
    // fires again, another would only say EAGAIN.
    if (m_socketDrained) {
        BIO_set_retry_read(bio);
        return -1;
    }
    const socketops::IoResult result = socketops::receive(m_socket, data, size);
    switch (result.status) {
    case socketops::IoStatus::Done:
        m_socketDrained = result.bytes < size;
        return int(result.bytes);
    case socketops::IoStatus::WouldBlock:
        m_socketDrained = true;
        BIO_set_retry_read(bio);
        return -1;
    case socketops::IoStatus::Closed:
        m_rawEof = true;
        m_readNotifier->setEnabled(false);
        return 0;
    case socketops::IoStatus::Failed:
        m_readError = result.error;
        return -1;
    }
    return -1;
}

void Stream::afterBuffering()
{
    if (m_state == State::Closed)
        return;
    // While the write notifier is armed the kernel buffer is full: sending now
    // would only return EAGAIN.
    if (m_corks == 0 && !m_out.isEmpty() && !m_writeNotifier->isEnabled() && !flushOutput())
        return;
    if (bufferedBytes() >= m_highWaterMark)
        m_overHighWaterMark = true;
}

void Stream::uncork()
{
    Q_ASSERT(m_corks > 0);
    if (--m_corks > 0)
        return;
    if (m_ssl && m_state == State::Open)
        encryptPending();
    afterBuffering();
}

void Stream::encryptPending()
{
    if (m_plainPending.isEmpty())
        return;
    encrypt(m_plainPending.view());
    m_plainPending.clear();
    // A large burst should not stay with an idle connection.
    if (m_plainPending.capacity() > 4 * m_highWaterMark)
        m_plainPending.release();
}

bool Stream::flushOutput()
{
    while (!m_out.isEmpty()) {
        const socketops::IoResult result = socketops::send(m_socket, m_out.data(), m_out.size());
        if (result.status == socketops::IoStatus::Done) {
            m_out.consume(result.bytes);
            continue;
        }
        if (result.status == socketops::IoStatus::WouldBlock) {
            m_writeNotifier->setEnabled(true);
            return true;
        }
        return writeFailed(result.error);
    }
    m_writeNotifier->setEnabled(false);
    // A burst left a large buffer behind; idle connections should not keep it.
    if (m_out.capacity() > 4 * m_highWaterMark)
        m_out.release();
    return true;
}

bool Stream::writeFailed(int code)
{
    const StreamError::Kind kind = kindOfSocketError(code);
    if (kind != StreamError::Kind::Reset || m_peerEof) {
        failLater(kind, socketops::errorString(code));
        return false;
    }
    // The peer reset the connection, but what it sent before (an early answer
    // to a request whose body was still going out) waits in the socket to be
    // read. Writes are dropped from now on; the error is reported once reading
    // reaches the end.
    if (!m_writeBroken)
        qCDebug(lcStream) << "stream" << m_socket << "write failed:" << socketops::errorString(code)
                          << "- reading what the peer sent before";
    m_writeBroken = true;
    m_writeError = StreamError { kind, socketops::errorString(code) };
    m_out.clear();
    m_plainPending.clear();
    m_writeNotifier->setEnabled(false);
    if (m_overHighWaterMark)
        schedule(ScheduledDrained);  // a writer held back by the buffer goes on (into the void)
    return true;
}

void Stream::onWritable()
{
    if (m_state == State::Closed)
        return;
    if (!flushOutput())
        return;
    if (m_out.isEmpty())
        finishShutdownWhenFlushed();
    notifyIfDrained();
}

bool Stream::notifyIfDrained()
{
    if (!m_overHighWaterMark || bufferedBytes() > m_highWaterMark / 2 || m_state == State::Closed)
        return true;
    m_overHighWaterMark = false;
    return notify([this](StreamListener &l) { l.streamDrained(*this); });
}

qsizetype Stream::bufferedBytes() const
{
    return m_out.size() + m_plainPending.size();
}

void Stream::shutdownWrite()
{
    if (m_state == State::Closed || m_shutdownRequested)
        return;
    m_shutdownRequested = true;
    finishShutdownWhenFlushed();
}

bool Stream::closeIfDone()
{
    if (m_state == State::Closed)
        return true;
    if (m_shutdownRequested || (m_ssl && !sendCloseNotify()))
        return false;
    if (!m_out.isEmpty() && !m_writeNotifier->isEnabled() && !flushOutput())
        return false;  // the error is on its way
    if (!m_out.isEmpty() || !m_initial.isEmpty() || (m_ssl && SSL_has_pending(m_ssl)) || socketops::hasInput(m_socket))
        return false;
    close();
    return true;
}

bool Stream::sendCloseNotify()
{
    if (m_state != State::Open)
        return false;  // after the handshake has sent what waited for it
    encryptPending();  // what a cork holds goes before it
    if (!m_closeNotifySent) {
        m_closeNotifySent = true;
        clearTlsErrors();
        SSL_shutdown(m_ssl);
    }
    return true;
}

void Stream::finishShutdownWhenFlushed()
{
    if (!m_shutdownRequested || m_writeShut || m_state == State::Closed)
        return;
    if (m_ssl && !sendCloseNotify())
        return;
    if (!m_out.isEmpty()) {
        if (!m_writeNotifier->isEnabled())
            flushOutput();
        if (!m_out.isEmpty())
            return;  // onWritable comes back here
    }
    socketops::shutdownWrite(m_socket);
    m_writeShut = true;
    schedule(ScheduledWriteShut);
}

void Stream::pauseReading()
{
    m_readPaused = true;
    m_readNotifier->setEnabled(false);
}

void Stream::resumeReading()
{
    if (!m_readPaused)
        return;
    m_readPaused = false;
    if (!m_started || m_state == State::Closed || m_peerEof)
        return;
    if (!m_rawEof)
        m_readNotifier->setEnabled(true);
    // TLS may hold decrypted-but-undelivered records that no socket event will announce.
    if (m_ssl || !m_initial.isEmpty())
        schedule(ScheduledRead);
}

void Stream::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    closeSocket();
}

void Stream::closeSocket()
{
    if (m_readNotifier) {
        m_readNotifier->setEnabled(false);
        m_writeNotifier->setEnabled(false);
    }
    if (m_socket >= 0) {
        socketops::close(m_socket);
        m_socket = -1;
    }
    if (m_ssl) {
        // Without this, OpenSSL would forget the session of a connection that ends
        // without our close_notify (the client closed first, a timeout), which
        // TLS 1.1 and later allow to resume; after a fatal alert it already has.
        SSL_set_shutdown(m_ssl, SSL_get_shutdown(m_ssl) | SSL_SENT_SHUTDOWN);
        SSL_free(m_ssl);  // and its BIO
        m_ssl = nullptr;
    }
    m_out.clear();
    m_out.release();
    m_plainPending.clear();
    m_plainPending.release();
    m_tlsOwner.reset();
}

void Stream::onReadable()
{
    if (m_state == State::Closed || m_readPaused || m_peerEof) {
        m_readNotifier->setEnabled(false);
        return;
    }
    if (!m_ssl) {
        if (!m_initial.isEmpty()) {
            const QByteArray initial = std::exchange(m_initial, QByteArray());
            deliver(initial);
            return;
        }
        char *buffer = plainScratch();
        const socketops::IoResult result = socketops::receive(m_socket, buffer, kReadChunk);
        switch (result.status) {
        case socketops::IoStatus::Done:
            deliver(QByteArrayView(buffer, result.bytes));
            return;
        case socketops::IoStatus::WouldBlock:
            return;
        case socketops::IoStatus::Closed:
            deliverEof();
            return;
        case socketops::IoStatus::Failed:
            fail(kindOfSocketError(result.error), socketops::errorString(result.error));
            return;
        }
        return;
    }
    m_socketDrained = false;  // OpenSSL reads through tlsRead()
    pumpTls();
}

bool Stream::failedReading()
{
    if (m_readError == 0)
        return false;
    clearTlsErrors();
    fail(kindOfSocketError(m_readError), socketops::errorString(m_readError));
    return true;
}

void Stream::pumpTls()
{
    if (m_state == State::Handshaking) {
        clearTlsErrors();
        const int rc = SSL_do_handshake(m_ssl);
        const int error = rc == 1 ? SSL_ERROR_NONE : SSL_get_error(m_ssl, rc);
        if (error != SSL_ERROR_NONE && failedReading())
            return;
        if (error != SSL_ERROR_NONE && m_rawEof) {
            clearTlsErrors();
            fail(StreamError::Kind::TlsHandshake,
                 QStringLiteral("the peer closed the connection during the TLS handshake"));
            return;
        }
        if (error != SSL_ERROR_NONE && error != SSL_ERROR_WANT_READ) {
            const StreamError::Kind kind
                = error == SSL_ERROR_SSL && !m_tlsServer && SSL_get_verify_result(m_ssl) != X509_V_OK
                ? StreamError::Kind::TlsVerify
                : StreamError::Kind::TlsHandshake;
            const QString message = describeTlsFailure(error);
            // Best effort: the peer should see the alert that says why.
            if (!m_out.isEmpty())
                socketops::send(m_socket, m_out.data(), m_out.size());
            fail(kind, message);
            return;
        }
        if (!m_out.isEmpty() && !m_writeNotifier->isEnabled() && !flushOutput())
            return;
        if (error == SSL_ERROR_WANT_READ)
            return;
        m_state = State::Open;
        if (!m_plainPending.isEmpty()) {
            encryptPending();
            afterBuffering();
            if (m_state == State::Closed)
                return;
        }
        finishShutdownWhenFlushed();
        if (!notify([this](StreamListener &l) { l.streamSecured(*this); }))
            return;
        // What waited for the handshake may all have left at once, with no
        // writable event to say so: a writer held back by it resumes here.
        if (!notifyIfDrained())
            return;
    }
    char *buffer = plainScratch();
    while (m_state == State::Open && !m_readPaused && !m_peerEof) {
        clearTlsErrors();
        const qsizetype queued = m_out.size();
        const int n = SSL_read(m_ssl, buffer, int(kReadChunk));
        if (n > 0) {
            if (!deliver(QByteArrayView(buffer, n)))
                return;
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        if (failedReading())
            return;
        // Post-handshake messages (session tickets, key updates) may want to go out.
        if (m_out.size() > queued && !m_writeNotifier->isEnabled() && !flushOutput())
            return;
        if (m_rawEof && error != SSL_ERROR_ZERO_RETURN) {
            clearTlsErrors();
            deliverEof();  // EOF without close_notify: a truncation, but peers do it
            return;
        }
        if (error == SSL_ERROR_WANT_READ)
            return;
        if (error == SSL_ERROR_ZERO_RETURN) {
            deliverEof();
            return;
        }
        fail(StreamError::Kind::Tls, describeTlsFailure(error));
        return;
    }
}

bool Stream::deliver(QByteArrayView data)
{
    m_bytesReceived += quint64(data.size());
    return notify([this, data](StreamListener &l) { l.streamData(*this, data); });
}

bool Stream::deliverEof()
{
    m_peerEof = true;
    m_readNotifier->setEnabled(false);
    if (!notify([this](StreamListener &l) { l.streamEof(*this); }))
        return false;
    if (m_writeBroken) {
        // Read to the end after a failed write: nothing more can happen here.
        const StreamError error = m_writeError;
        fail(error.kind, error.message);
        return false;
    }
    return true;
}

void Stream::fail(StreamError::Kind kind, const QString &message)
{
    if (m_state == State::Closed)
        return;
    qCDebug(lcStream) << "stream" << m_socket << "failed:" << message;
    close();
    const StreamError error { kind, message };
    notify([this, &error](StreamListener &l) { l.streamError(*this, error); });
}

void Stream::failLater(StreamError::Kind kind, const QString &message)
{
    // Called from write paths the listener is inside of: report from the event loop.
    if (m_state == State::Closed)
        return;
    qCDebug(lcStream) << "stream" << m_socket << "failed:" << message;
    close();
    m_pendingError = StreamError { kind, message };
    schedule(ScheduledError);
}

void Stream::schedule(unsigned what)
{
    const bool idle = m_scheduled == 0;
    m_scheduled |= what;
    if (idle)
        QMetaObject::invokeMethod(this, &Stream::runScheduled, Qt::QueuedConnection);
}

void Stream::runScheduled()
{
    const unsigned what = std::exchange(m_scheduled, 0u);
    if (what & ScheduledError) {
        const StreamError error = m_pendingError;
        notify([this, &error](StreamListener &l) { l.streamError(*this, error); });
        return;
    }
    if (m_state == State::Closed)
        return;
    if (what & ScheduledWriteShut) {
        if (!notify([this](StreamListener &l) { l.streamWriteShut(*this); }))
            return;
    }
    if ((what & ScheduledDrained) && !notifyIfDrained())
        return;
    if ((what & ScheduledRead) && m_state != State::Closed && !m_readPaused && !m_peerEof) {
        if (m_ssl) {
            pumpTls();
        } else if (!m_initial.isEmpty()) {
            const QByteArray initial = std::exchange(m_initial, QByteArray());
            deliver(initial);
        }
    }
}

QString Stream::tlsServerName() const
{
    const char *name = isSecured() ? SSL_get_servername(m_ssl, TLSEXT_NAMETYPE_host_name) : nullptr;
    return name ? QString::fromLatin1(name).toLower() : QString();
}

QByteArray Stream::alpnProtocol() const
{
    const unsigned char *alpn = nullptr;
    unsigned length = 0;
    if (isSecured())
        SSL_get0_alpn_selected(m_ssl, &alpn, &length);
    return QByteArray(reinterpret_cast<const char *>(alpn), length);
}

QString Stream::tlsVersion() const
{
    return isSecured() ? QString::fromLatin1(SSL_get_version(m_ssl)) : QString();
}

QString Stream::describeTlsFailure(int sslError)
{
    if (!m_tlsServer && m_ssl) {
        const long verify = SSL_get_verify_result(m_ssl);
        if (verify != X509_V_OK)
            return QStringLiteral("certificate verify failed: ")
                + QString::fromLatin1(X509_verify_cert_error_string(verify));
    }
    switch (sslError) {
    case SSL_ERROR_SSL:
        return TlsError::takeOpenSslErrors();
    case SSL_ERROR_SYSCALL:
        return QStringLiteral("TLS: unexpected end of the connection");
    default:
        return QStringLiteral("TLS error %1: %2").arg(sslError).arg(TlsError::takeOpenSslErrors());
    }
}

}  // namespace gatehouse::proxy
