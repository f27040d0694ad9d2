// The HTTP/1.1 reverse proxy end to end: PortManager listeners, ProxyEngine
// workers and HttpConnection, with curl (or a raw socket where the bytes matter)
// as the client and small HTTP backends on 127.0.0.1.
#include "BlockingClient.h"
#include "NginxBackend.h"
#include "ProxyRig.h"
#include "StreamTestPeers.h"
#include "TestSupport.h"
#include "config/Config.h"
#include "proxy/HttpConnection.h"
#include "proxy/Stream.h"

#include <QCryptographicHash>
#include <QDir>
#include <QMutex>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::freePort;

namespace {

// A TLS listener that offers each connection once its handshake is done. (Qt
// 6.4's QSslServer announces one only when the next connection arrives.)
class TlsServer : public QTcpServer
{
public:
    TlsServer(const QSslConfiguration &tls, std::function<void()> onFailure)
        : m_tls(tls), m_onFailure(std::move(onFailure))
    { }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_tls);
        QObject::connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            addPendingConnection(socket);
            Q_EMIT newConnection();
        });
        QObject::connect(socket, &QSslSocket::errorOccurred, this, [this, socket] {
            if (!socket->isEncrypted())
                m_onFailure();
        });
        socket->startServerEncryption();
    }

private:
    QSslConfiguration m_tls;
    std::function<void()> m_onFailure;
};

// A minimal HTTP/1.1 origin on the main thread: records each request head and
// counts body bytes (Content-Length or chunked, decoded as it arrives), then
// answers "<name>:<body bytes>". Silent never answers; Upgrade answers an
// Upgrade request with 101 and echoes everything after it; EarlyReject answers
// a request with a body 413 as soon as its head is in, and closes without
// reading the body (what a server with a body size limit does).
class HttpBackend : public QObject
{
public:
    enum class Mode { Normal, Silent, Upgrade, Download, EarlyReject };

    // With a certificate and key (PEM files) it speaks TLS (QSslSocket: an
    // implementation apart from the proxy's own, as a real backend would be).
    explicit HttpBackend(const QByteArray &name, Mode mode = Mode::Normal, const QString &certFile = {},
                         const QString &keyFile = {})
        : m_name(name), m_mode(mode)
    {
        if (certFile.isEmpty()) {
            m_server = std::make_unique<QTcpServer>();
        } else {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setLocalCertificateChain(QSslCertificate::fromPath(certFile));
            QFile key(keyFile);
            if (key.open(QIODevice::ReadOnly))
                tls.setPrivateKey(QSslKey(&key, QSsl::Ec));
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
            m_server = std::make_unique<TlsServer>(tls, [this] { ++tlsFailures; });
        }
        QObject::connect(m_server.get(), &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                ++connections;
                sockets.append(socket);
                auto *state = new Connection;
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, state] {
                    state->buffer += socket->readAll();
                    process(*socket, *state);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, state] {
                    delete state;
                    socket->deleteLater();
                });
                if (socket->bytesAvailable() > 0) {
                    // TLS: what came with the end of the handshake, before these connections.
                    state->buffer += socket->readAll();
                    process(*socket, *state);
                }
            }
        });
    }
    bool listen(quint16 port = 0) { return m_server->listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server->serverPort(); }

    static constexpr qint64 kDownloadSize = 32 * 1024 * 1024;
    // What the backend's sockets still hold unsent.
    qint64 unsent() const
    {
        qint64 total = 0;
        for (const QPointer<QTcpSocket> &socket : sockets)
            total += socket ? socket->bytesToWrite() : 0;
        return total;
    }

    QList<QPointer<QTcpSocket>> sockets;
    QList<QByteArray> heads;
    qint64 bodyBytes = 0;  // of the request being received, or the last one
    int connections = 0;  // accepted (for TLS: handshake completed)
    int tlsFailures = 0;  // TLS connections that failed before or during the handshake

private:
    struct Connection
    {
        enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Tunnel, Closed };
        QByteArray buffer;
        State state = State::Head;
        qint64 remaining = 0;
    };

    void process(QTcpSocket &socket, Connection &c)
    {
        using State = Connection::State;
        for (;;) {
            switch (c.state) {
            case State::Head: {
                const qsizetype end = c.buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = c.buffer.left(end + 4);
                c.buffer.remove(0, end + 4);
                heads.append(head);
                bodyBytes = 0;
                const QByteArray lower = head.toLower();
                if (m_mode == Mode::Upgrade && lower.contains("\r\nupgrade:")) {
                    socket.write(
                        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
                    c.state = State::Tunnel;
                    break;
                }
                if (lower.contains("\r\nexpect: 100-continue"))
                    socket.write("HTTP/1.1 100 Continue\r\n\r\n");
                const qsizetype cl = lower.indexOf("\r\ncontent-length:");
                if (lower.contains("\r\ntransfer-encoding: chunked")) {
                    c.state = State::ChunkSize;
                } else if (cl >= 0) {
                    const qsizetype lineEnd = lower.indexOf("\r\n", cl + 2);
                    c.remaining = lower.mid(cl + 17, lineEnd - cl - 17).trimmed().toLongLong();
                    c.state = c.remaining > 0 ? State::Body : State::Head;
                    if (c.remaining == 0)
                        answer(socket);
                } else {
                    answer(socket);
                }
                if (m_mode == Mode::EarlyReject && c.state != State::Head) {
                    socket.write("HTTP/1.1 413 Content Too Large\r\nContent-Length: 9\r\nConnection: close\r\n\r\n"
                                 "too large");
                    socket.disconnectFromHost();  // with the body unread: the kernel resets
                    c.state = State::Closed;
                }
                break;
            }
            case State::Body:
            case State::ChunkData: {
                const qint64 n = std::min<qint64>(c.remaining, c.buffer.size());
                if (n == 0)
                    return;
                bodyBytes += n;
                c.remaining -= n;
                c.buffer.remove(0, n);
                if (c.remaining == 0) {
                    if (c.state == State::Body) {
                        c.state = State::Head;
                        answer(socket);
                    } else {
                        c.state = State::ChunkEnd;
                    }
                }
                break;
            }
            case State::ChunkEnd:
                if (c.buffer.size() < 2)
                    return;
                c.buffer.remove(0, 2);
                c.state = State::ChunkSize;
                break;
            case State::ChunkSize: {
                const qsizetype end = c.buffer.indexOf("\r\n");
                if (end < 0)
                    return;
                bool ok = false;
                c.remaining = c.buffer.left(end).toLongLong(&ok, 16);
                c.buffer.remove(0, end + 2);
                c.state = c.remaining == 0 ? State::Trailer : State::ChunkData;
                break;
            }
            case State::Trailer: {
                const qsizetype end = c.buffer.indexOf("\r\n");
                if (end < 0)
                    return;
                c.buffer.remove(0, end + 2);
                if (end == 0) {
                    c.state = State::Head;
                    answer(socket);
                }
                break;
            }
            case State::Closed:
                c.buffer.clear();
                return;
            case State::Tunnel:
                if (c.buffer.isEmpty())
                    return;
                socket.write(c.buffer);
                c.buffer.clear();
                return;
            }
        }
    }

    void answer(QTcpSocket &socket)
    {
        if (m_mode == Mode::Silent)
            return;
        if (m_mode == Mode::Download) {
            socket.write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(kDownloadSize) + "\r\n\r\n");
            socket.write(QByteArray(kDownloadSize, 'd'));
            return;
        }
        const QByteArray body = m_name + ':' + QByteArray::number(bodyBytes);
        socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
                     + "\r\n\r\n" + body);
    }

    std::unique_ptr<QTcpServer> m_server;
    QByteArray m_name;
    Mode m_mode;
};

config::Route forwardRoute(const QString &name, quint16 port, const QString &domain, quint16 target)
{
    config::Route route;
    route.name = name;
    route.match.ports = { { port, port } };
    route.match.domains = { domain };
    route.action.type = config::ActionType::Forward;
    route.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, target, {} };
    return route;
}

// A route that answers `domain` on `port` itself: 202 and "hello".
config::Route respondRoute(const QString &name, quint16 port, const QString &domain)
{
    config::Route route;
    route.name = name;
    route.match.ports = { { port, port } };
    route.match.domains = { domain };
    route.action.type = config::ActionType::Respond;
    route.action.respond.status = 202;
    route.action.respond.headers = { { QStringLiteral("X-Answer"), QStringLiteral("yes") } };
    route.action.respond.body = QStringLiteral("hello");
    return route;
}

// A raw client whose received bytes pile up in `data` while the event loop runs.
struct RawClient
{
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            if (reading)
                data += socket.readAll();
        });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket socket;
    QByteArray data;
    bool closed = false;
    bool reading = true;  // false: leave bytes in the kernel, like a slow client
};

struct CurlResult
{
    int exitCode = -1;
    QByteArray output;
};

// curl with the event loop running (the backends live on this thread).
CurlResult curl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QSignalSpy done(&process, &QProcess::finished);
    process.start(QStringLiteral("curl"),
                  QStringList { QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("20") }
                      + arguments);
    CurlResult result;
    if (!done.wait(30000)) {
        process.kill();
        process.waitForFinished(1000);
        qWarning("curl %s did not finish: %s", qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return result;
    }
    result.exitCode = process.exitCode();
    result.output = process.readAllStandardOutput();
    if (result.exitCode != 0)
        qWarning("curl %s: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
    return result;
}

QStringList resolve(const QString &host, quint16 port)
{
    return { QStringLiteral("--resolve"), QStringLiteral("%1:%2:127.0.0.1").arg(host).arg(port) };
}

QString url(const QString &scheme, const QString &host, quint16 port, const QString &path)
{
    return QStringLiteral("%1://%2:%3%4").arg(scheme, host).arg(port).arg(path);
}

// Keeps every log line ("category: message") from any thread while it lives,
// and still passes them on to the test's own output.
class LogCapture
{
public:
    LogCapture()
    {
        QMutexLocker lock(&s_mutex);
        s_lines.clear();
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    // The lines so far that contain every one of `parts`.
    QStringList matching(const QStringList &parts) const
    {
        QMutexLocker lock(&s_mutex);
        QStringList found;
        for (const QString &line : std::as_const(s_lines)) {
            if (std::all_of(parts.begin(), parts.end(), [&](const QString &part) { return line.contains(part); }))
                found << line;
        }
        return found;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_lines << QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ")
                    + message;
        }
        if (s_previous)
            s_previous(type, context, message);
    }

    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

// A file of `size` pseudo-random bytes at `path`; its SHA-256, empty on failure.
QByteArray writeRandomFile(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QRandomGenerator random { quint32(size) };
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size; written += block.size()) {
        block.resize(qsizetype(std::min<qint64>(block.size(), size - written)));
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        hash.addData(block);
        if (file.write(block) != block.size())
            return {};
    }
    return hash.result().toHex();
}

}  // namespace

class TestHttpProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hostAndPathRouting();
    void respondAndRedirect();
    void clientAskingToCloseIsLetGoAtOnce_data();
    void clientAskingToCloseIsLetGoAtOnce();
    void moreAfterACloseRequestIsReadToTheEnd();
    void forwardedHeadersReachTheBackend();
    void chunkedUploadIsStreamed();
    void backendDownIs502();
    void silentBackendIs504();
    void smugglingIsRejected_data();
    void smugglingIsRejected();
    void keepAliveSurvivesRouteChange();
    void upgradeTunnelsEcho();
    void tlsTerminationBySni();
    void tlsTerminationWithPathRoutes();
    void upstreamConnectionIsReused();
    void expectContinueIsRelayed();
    void slowHeadTimesOut();
    void slowClientHoldsBackTheBackend();
    void reencryptVerifiesTheTarget();
    void refusingTargetIsSkippedThenRetried();
    void earlyAnswerReachesTheClient();
    void earlyAnswerThenTheBodyIsDrained();
    void nginxKeepAliveAndLargeFile();

private:
    bool apply(const config::Config &config) { return m_rig->apply(config); }
    config::Config baseConfig() const
    {
        config::Config config;
        config.bindAddress = QStringLiteral("127.0.0.1");
        return config;
    }

    std::unique_ptr<test::ProxyRig> m_rig;
};

void TestHttpProxy::init()
{
    m_rig = std::make_unique<test::ProxyRig>();
}

void TestHttpProxy::cleanup()
{
    m_rig.reset();
}

void TestHttpProxy::hostAndPathRouting()
{
    HttpBackend a("a"), b("b"), api("api");
    QVERIFY(a.listen() && b.listen() && api.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("a"), port, QStringLiteral("a.test"), a.port())
                  << forwardRoute(QStringLiteral("b"), port, QStringLiteral("b.test"), b.port());
    config::Route apiRoute = forwardRoute(QStringLiteral("api"), port, QStringLiteral("a.test"), api.port());
    apiRoute.match.path = QStringLiteral("/api/*");
    config.routes << apiRoute;
    QVERIFY(apply(config));

    const QString h = QStringLiteral("a.test"), hb = QStringLiteral("b.test");
    QCOMPARE(curl(resolve(h, port) << url(QStringLiteral("http"), h, port, QStringLiteral("/"))).output, "a:0");
    QCOMPARE(curl(resolve(h, port) << url(QStringLiteral("http"), h, port, QStringLiteral("/api/x?q=1"))).output,
             "api:0");
    QCOMPARE(curl(resolve(hb, port) << url(QStringLiteral("http"), hb, port, QStringLiteral("/api/x"))).output, "b:0");
    QCOMPARE(api.heads.size(), 1);
    QVERIFY(api.heads.first().startsWith("GET /api/x?q=1 HTTP/1.1\r\n"));

    const QString unknown = QStringLiteral("c.test");
    const CurlResult none = curl(resolve(unknown, port) << QStringLiteral("-o") << QStringLiteral("/dev/null")
                                                        << QStringLiteral("-w") << QStringLiteral("%{http_code}")
                                                        << url(QStringLiteral("http"), unknown, port, u"/"_qs));
    QCOMPARE(none.output, "404");
}

void TestHttpProxy::respondAndRedirect()
{
    const quint16 port = freePort();
    config::Config config = baseConfig();
    const config::Route respond = respondRoute(QStringLiteral("respond"), port, QStringLiteral("r.test"));
    config::Route redirect;
    redirect.name = QStringLiteral("redirect");
    redirect.match.ports = { { port, port } };
    redirect.match.domains = { QStringLiteral("go.test") };
    redirect.action.type = config::ActionType::Redirect;
    redirect.action.redirect.to = QStringLiteral("https://{host}{path}?from={query}");
    redirect.action.redirect.status = 308;
    config.routes << respond << redirect;
    QVERIFY(apply(config));

    const QString r = QStringLiteral("r.test"), go = QStringLiteral("go.test");
    const CurlResult answered = curl(resolve(r, port) << QStringLiteral("-i") << url(u"http"_qs, r, port, u"/x"_qs));
    QVERIFY2(answered.output.startsWith("HTTP/1.1 202"), answered.output.constData());
    QVERIFY(answered.output.contains("\r\nX-Answer: yes\r\n"));
    QVERIFY(answered.output.endsWith("\r\n\r\nhello"));

    // Two requests on one connection: keep-alive honoured, HEAD without body.
    const CurlResult twice = curl(resolve(r, port) << QStringLiteral("-I") << url(u"http"_qs, r, port, u"/1"_qs)
                                                   << url(u"http"_qs, r, port, u"/2"_qs) << QStringLiteral("-v"));
    QCOMPARE(twice.output.count("HTTP/1.1 202"), 2);
    QVERIFY(!twice.output.contains("hello"));

    const CurlResult moved
        = curl(resolve(go, port) << QStringLiteral("-i") << url(u"http"_qs, go, port, u"/a/b?c=d"_qs));
    QVERIFY2(moved.output.startsWith("HTTP/1.1 308"), moved.output.constData());
    QVERIFY2(moved.output.contains(QByteArray("\r\nLocation: https://go.test/a/b?from=c=d\r\n"))
                 || moved.output.contains(QByteArray("\r\nLocation: https://go.test/a/b?from=c%3Dd\r\n")),
             moved.output.constData());
}

void TestHttpProxy::clientAskingToCloseIsLetGoAtOnce_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void TestHttpProxy::clientAskingToCloseIsLetGoAtOnce()
{
    // "Connection: close" and nothing after it: the proxy closes as soon as the
    // answer has left (with TLS, after close_notify), an orderly end, without
    // waiting for the client to close too. This client keeps its end open.
    QFETCH(bool, tls);
    const quint16 port = freePort();
    config::Route route = respondRoute(QStringLiteral("respond"), port, QStringLiteral("r.test"));
    QTemporaryDir dir;
    if (tls) {
        QVERIFY(test::makeCaSigned(dir, QStringLiteral("r"), QStringLiteral("r.test")));
        route.action.tls.mode = config::TlsMode::Terminate;
        route.action.tls.certFile = dir.filePath(QStringLiteral("r.pem"));
        route.action.tls.keyFile = dir.filePath(QStringLiteral("r.key"));
    }
    config::Config config = baseConfig();
    config.routes << route;
    QVERIFY(apply(config));

    test::BlockingClient client(port, tls, "r.test");
    QVERIFY(client.isConnected());
    QVERIFY(client.send("GET /x HTTP/1.1\r\nHost: r.test\r\nConnection: close\r\n\r\n"));
    const QByteArray response = client.readToEnd();
    QVERIFY2(response.startsWith("HTTP/1.1 202 ") && response.endsWith("\r\n\r\nhello"), response.constData());
    QCOMPARE(client.end(), test::BlockingClient::End::Eof);
    // Far sooner than the 2 s a close waits for a client that may still be sending.
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->engine().activeConnections(), 0, 1000);
}

void TestHttpProxy::moreAfterACloseRequestIsReadToTheEnd()
{
    // A request behind the one that asked for the close is not answered, but a
    // close with it unread would answer the client with a reset, which can cost
    // it the end of the response. The proxy shuts its write side and reads on:
    // what the client sends after the answer is taken quietly until it closes.
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << respondRoute(QStringLiteral("respond"), port, QStringLiteral("r.test"));
    QVERIFY(apply(config));

    test::BlockingClient client(port);
    QVERIFY(client.send("GET /1 HTTP/1.1\r\nHost: r.test\r\nConnection: close\r\n\r\n"
                        "GET /2 HTTP/1.1\r\nHost: r.test\r\n\r\n"));
    const QByteArray response = client.readToEnd();
    QCOMPARE(response.count("HTTP/1.1 "), 1);
    QVERIFY2(response.endsWith("\r\n\r\nhello"), response.constData());
    QCOMPARE(client.end(), test::BlockingClient::End::Eof);
    // On loopback a closed socket's reset is back before the next send() starts.
    for (int i = 0; i < 4; ++i)
        QVERIFY2(client.send(QByteArray(16 * 1024, 'x')), "the proxy reset the connection");
    QCOMPARE(m_rig->engine().activeConnections(), 1);
    client.shutdownWrite();
    QTRY_COMPARE(m_rig->engine().activeConnections(), 0);
}

void TestHttpProxy::forwardedHeadersReachTheBackend()
{
    HttpBackend a("a");
    QVERIFY(a.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("a"), port, QStringLiteral("a.test"), a.port());
    QVERIFY(apply(config));

    const QString h = QStringLiteral("a.test");
    const CurlResult result = curl(
        resolve(h, port) << QStringLiteral("-H") << QStringLiteral("X-Forwarded-For: 6.6.6.6") << QStringLiteral("-H")
                         << QStringLiteral("Connection: X-Secret") << QStringLiteral("-H")
                         << QStringLiteral("X-Secret: hop") << url(u"http"_qs, h, port, u"/"_qs));
    QCOMPARE(result.output, "a:0");
    QCOMPARE(a.heads.size(), 1);
    const QByteArray head = a.heads.first();
    // A client's own X-Forwarded-For is replaced: it is not a trusted proxy.
    QVERIFY2(head.contains("\r\nX-Forwarded-For: 127.0.0.1\r\n"), head.constData());
    QVERIFY(!head.contains("6.6.6.6"));
    QVERIFY2(head.contains(QByteArray(QByteArray("\r\nForwarded: for=127.0.0.1;host=\"a.test:")
                                      + QByteArray::number(port) + "\";proto=http\r\n")),
             head.constData());
    QVERIFY(head.contains("\r\nX-Forwarded-Proto: http\r\n"));
    QVERIFY(head.contains(QByteArray(QByteArray("\r\nX-Forwarded-Host: a.test:") + QByteArray::number(port) + "\r\n")));
    QVERIFY2(!head.contains("X-Secret"), head.constData());  // named in Connection: hop-by-hop
}

void TestHttpProxy::chunkedUploadIsStreamed()
{
    HttpBackend up("up");
    QVERIFY(up.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("up"), port, QStringLiteral("up.test"), up.port());
    QVERIFY(apply(config));
    proxy::HttpConnection::resetPeakBufferedBytes();

    constexpr qint64 total = 100 * 1024 * 1024;
    constexpr qint64 piece = 256 * 1024;
    RawClient client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("POST /upload HTTP/1.1\r\nHost: up.test\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = QByteArray::number(piece, 16) + "\r\n" + QByteArray(piece, 'x') + "\r\n";
    qint64 sent = 0;
    qint64 receivedWhileSending = 0;  // the backend's count while the client was not yet half done
    // Keep at most 1 MB queued in the client socket, so "sent" is close to what left it.
    bool lastChunkSent = false;
    const auto feed = [&] {
        while (sent < total && client.socket.bytesToWrite() < 1024 * 1024) {
            client.socket.write(chunk);
            sent += piece;
        }
        if (sent < total / 2)
            receivedWhileSending = up.bodyBytes;
        if (sent >= total && !lastChunkSent) {
            client.socket.write("0\r\n\r\n");
            lastChunkSent = true;
        }
    };
    QObject::connect(&client.socket, &QTcpSocket::bytesWritten, &client.socket, [&] { feed(); });
    feed();
    QTRY_VERIFY_WITH_TIMEOUT(client.data.endsWith("\r\n\r\nup:104857600"), 120000);
    QVERIFY2(receivedWhileSending > 0, "the backend received nothing before the client was half done");
    const qint64 peak = proxy::HttpConnection::peakBufferedBytes();
    qInfo("peak bytes buffered by the proxy for a 100 MB chunked upload: %lld", peak);
    // Two high-water marks plus a few read chunks, far below the body.
    QVERIFY2(peak < 2 * 1024 * 1024, QByteArray::number(peak).constData());
    QVERIFY(peak > 0);
}

void TestHttpProxy::backendDownIs502()
{
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("down"), port, QStringLiteral("down.test"), freePort());
    QVERIFY(apply(config));
    const QString h = QStringLiteral("down.test");
    const CurlResult result
        = curl(resolve(h, port) << QStringLiteral("-o") << QStringLiteral("/dev/null") << QStringLiteral("-w")
                                << QStringLiteral("%{http_code}") << url(u"http"_qs, h, port, u"/"_qs));
    QCOMPARE(result.output, "502");
}

void TestHttpProxy::silentBackendIs504()
{
    HttpBackend silent("s", HttpBackend::Mode::Silent);
    QVERIFY(silent.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.timeouts.upstreamResponse = 1;
    config.routes << forwardRoute(QStringLiteral("silent"), port, QStringLiteral("s.test"), silent.port());
    QVERIFY(apply(config));
    const QString h = QStringLiteral("s.test");
    QElapsedTimer clock;
    clock.start();
    const CurlResult result
        = curl(resolve(h, port) << QStringLiteral("-o") << QStringLiteral("/dev/null") << QStringLiteral("-w")
                                << QStringLiteral("%{http_code}") << url(u"http"_qs, h, port, u"/"_qs));
    QCOMPARE(result.output, "504");
    QCOMPARE(silent.heads.size(), 1);  // the request did reach it
    QVERIFY(clock.elapsed() >= 900);
}

void TestHttpProxy::smugglingIsRejected_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("CL and TE") << QByteArray("POST / HTTP/1.1\r\nHost: a.test\r\nContent-Length: 6\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\n"
                                             "Host: a.test\r\n\r\n");
    QTest::newRow("two Content-Lengths") << QByteArray("POST / HTTP/1.1\r\nHost: a.test\r\nContent-Length: 3\r\n"
                                                       "Content-Length: 40\r\n\r\nabcGET /admin HTTP/1.1\r\n\r\n");
    QTest::newRow("TE not ending in chunked") << QByteArray("POST / HTTP/1.1\r\nHost: a.test\r\n"
                                                            "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n");
}

void TestHttpProxy::smugglingIsRejected()
{
    QFETCH(QByteArray, request);
    HttpBackend a("a");
    QVERIFY(a.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("a"), port, QStringLiteral("a.test"), a.port());
    QVERIFY(apply(config));

    RawClient client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write(request);
    QTRY_VERIFY(client.closed);
    QVERIFY2(client.data.startsWith("HTTP/1.1 400 "), client.data.constData());
    QCOMPARE(client.data.count("HTTP/1.1"), 1);
    QCOMPARE(a.connections, 0);
    QVERIFY(a.heads.isEmpty());
}

void TestHttpProxy::keepAliveSurvivesRouteChange()
{
    HttpBackend a("a"), b("b");
    QVERIFY(a.listen() && b.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("site"), port, QStringLiteral("k.test"), a.port());
    QVERIFY(apply(config));

    RawClient client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("GET / HTTP/1.1\r\nHost: k.test\r\n\r\n");
    QTRY_VERIFY(client.data.endsWith("\r\n\r\na:0"));
    client.data.clear();

    config.routes.clear();
    config.routes << forwardRoute(QStringLiteral("site-moved"), port, QStringLiteral("k.test"), b.port());
    QVERIFY(apply(config));
    client.socket.write("GET /again HTTP/1.1\r\nHost: k.test\r\n\r\n");
    QTRY_VERIFY(client.data.endsWith("\r\n\r\nb:0"));
    QVERIFY(!client.closed);
    QCOMPARE(a.heads.size(), 1);
    QCOMPARE(b.heads.size(), 1);
    QVERIFY(b.heads.first().startsWith("GET /again "));
}

void TestHttpProxy::upgradeTunnelsEcho()
{
    HttpBackend ws("ws", HttpBackend::Mode::Upgrade);
    QVERIFY(ws.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("ws"), port, QStringLiteral("ws.test"), ws.port());
    QVERIFY(apply(config));

    RawClient client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("GET /chat HTTP/1.1\r\nHost: ws.test\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    QTRY_VERIFY(client.data.contains("\r\n\r\n"));
    QVERIFY2(client.data.startsWith("HTTP/1.1 101 "), client.data.constData());
    QVERIFY(client.data.contains("\r\nUpgrade: websocket\r\n"));
    QCOMPARE(ws.heads.size(), 1);
    QVERIFY(ws.heads.first().contains("\r\nUpgrade: websocket\r\n"));
    client.data.clear();
    const QByteArray frame("\x81\x04ping", 6);
    client.socket.write(frame);
    QTRY_COMPARE(client.data, frame);
    client.socket.write("more bytes, not HTTP");
    QTRY_COMPARE(client.data, frame + "more bytes, not HTTP");
}

void TestHttpProxy::tlsTerminationBySni()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::makeCaSigned(dir, QStringLiteral("a"), QStringLiteral("a.test")));
    QVERIFY(test::makeCaSigned(dir, QStringLiteral("b"), QStringLiteral("b.test")));
    HttpBackend a("a"), b("b");
    QVERIFY(a.listen() && b.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    for (auto [name, backend] : { std::pair { "a", &a }, std::pair { "b", &b } }) {
        const QString n = QString::fromLatin1(name);
        config::Route route = forwardRoute(n, port, n + QStringLiteral(".test"), backend->port());
        route.action.tls.mode = config::TlsMode::Terminate;
        route.action.tls.certFile = dir.filePath(n + QStringLiteral(".pem"));
        route.action.tls.keyFile = dir.filePath(n + QStringLiteral(".key"));
        config.routes << route;
    }
    QVERIFY(apply(config));

    const QStringList ca { QStringLiteral("--cacert"), dir.filePath(QStringLiteral("ca.pem")) };
    for (const char *name : { "a", "b" }) {
        const QString host = QString::fromLatin1(name) + QStringLiteral(".test");
        const CurlResult result
            = curl(resolve(host, port) + ca << QStringLiteral("-w") << QStringLiteral("|%{ssl_verify_result}")
                                            << url(QStringLiteral("https"), host, port, u"/"_qs));
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.output, QByteArray(name) + ":0|0");
    }
    QCOMPARE(a.heads.size(), 1);
    QVERIFY2(a.heads.first().contains("\r\nX-Forwarded-Proto: https\r\n"), a.heads.first().constData());
    // The certificate of a.test does not cover b.test: curl refuses, the backend never sees it.
    const QString b2 = QStringLiteral("b.test");
    const CurlResult wrong
        = curl(QStringList { QStringLiteral("--resolve"), QStringLiteral("b.test:%1:127.0.0.1").arg(port),
                             QStringLiteral("--cacert"), dir.filePath(QStringLiteral("a.pem")) }
               << url(QStringLiteral("https"), b2, port, u"/"_qs));
    QVERIFY(wrong.exitCode != 0);
    QCOMPARE(b.heads.size(), 1);
}

// Terminating routes that differ by path: the ClientHello knows no path yet, so the
// connection is terminated and each request is routed by its own path.
void TestHttpProxy::tlsTerminationWithPathRoutes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::makeCaSigned(dir, QStringLiteral("a"), QStringLiteral("a.test")));
    HttpBackend api("api"), docs("docs");
    QVERIFY(api.listen() && docs.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    for (auto [name, backend] : { std::pair { "api", &api }, std::pair { "docs", &docs } }) {
        const QString n = QString::fromLatin1(name);
        config::Route route = forwardRoute(n, port, QStringLiteral("a.test"), backend->port());
        route.match.path = u'/' + n + QStringLiteral("/*");
        route.action.tls.mode = config::TlsMode::Terminate;
        route.action.tls.certFile = dir.filePath(QStringLiteral("a.pem"));
        route.action.tls.keyFile = dir.filePath(QStringLiteral("a.key"));
        config.routes << route;
    }
    QVERIFY(apply(config));

    const QString h = QStringLiteral("a.test");
    const QStringList ca { QStringLiteral("--cacert"), dir.filePath(QStringLiteral("ca.pem")) };
    // Both paths over one TLS connection, then a path no route has.
    const CurlResult both = curl(resolve(h, port) + ca << url(u"https"_qs, h, port, u"/api/x"_qs)
                                                       << url(u"https"_qs, h, port, u"/docs/y"_qs));
    QCOMPARE(both.exitCode, 0);
    QCOMPARE(both.output, "api:0docs:0");
    QCOMPARE(api.heads.size(), 1);
    QVERIFY(api.heads.first().startsWith("GET /api/x HTTP/1.1\r\n"));
    const CurlResult none
        = curl(resolve(h, port) + ca << QStringLiteral("-o") << QStringLiteral("/dev/null") << QStringLiteral("-w")
                                     << QStringLiteral("%{http_code}") << url(u"https"_qs, h, port, u"/other"_qs));
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.output, "404");
}

void TestHttpProxy::upstreamConnectionIsReused()
{
    HttpBackend a("a");
    QVERIFY(a.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("a"), port, QStringLiteral("a.test"), a.port());
    QVERIFY(apply(config));

    // Three requests on one client connection: each goes upstream on its own, the
    // connection returning to the worker's pool in between.
    const QString h = QStringLiteral("a.test");
    const CurlResult result
        = curl(resolve(h, port) << url(u"http"_qs, h, port, u"/1"_qs) << url(u"http"_qs, h, port, u"/2"_qs)
                                << url(u"http"_qs, h, port, u"/3"_qs));
    QCOMPARE(result.output, "a:0a:0a:0");
    QCOMPARE(a.heads.size(), 3);
    QCOMPARE(a.connections, 1);
}

void TestHttpProxy::expectContinueIsRelayed()
{
    HttpBackend a("a");
    QVERIFY(a.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("a"), port, QStringLiteral("a.test"), a.port());
    QVERIFY(apply(config));

    const QString h = QStringLiteral("a.test");
    // curl waits up to --expect100-timeout for the 100 before sending the body.
    const CurlResult result = curl(resolve(h, port) << QStringLiteral("-i") << QStringLiteral("--expect100-timeout")
                                                    << QStringLiteral("15") << QStringLiteral("-H")
                                                    << QStringLiteral("Expect: 100-continue") << QStringLiteral("-d")
                                                    << QString(2048, u'x') << url(u"http"_qs, h, port, u"/post"_qs));
    QVERIFY2(result.output.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"), result.output.constData());
    QVERIFY(result.output.endsWith("\r\n\r\na:2048"));
    QVERIFY(a.heads.first().contains("\r\nExpect: 100-continue\r\n"));
}

void TestHttpProxy::slowHeadTimesOut()
{
    HttpBackend a("a");
    QVERIFY(a.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.timeouts.headerRead = 1;
    config.routes << forwardRoute(QStringLiteral("a"), port, QStringLiteral("a.test"), a.port());
    QVERIFY(apply(config));

    RawClient client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    QElapsedTimer clock;
    clock.start();
    client.socket.write("GET / HTTP/1.1\r\nHost: a.te");
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
    QVERIFY2(client.data.startsWith("HTTP/1.1 408 "), client.data.constData());
    QVERIFY(clock.elapsed() >= 900);
    QCOMPARE(a.connections, 0);
}

void TestHttpProxy::slowClientHoldsBackTheBackend()
{
    HttpBackend big("big", HttpBackend::Mode::Download);
    QVERIFY(big.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("big"), port, QStringLiteral("big.test"), big.port());
    QVERIFY(apply(config));
    proxy::HttpConnection::resetPeakBufferedBytes();

    RawClient client(port);
    client.reading = false;
    client.socket.setReadBufferSize(64 * 1024);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("GET /big HTTP/1.1\r\nHost: big.test\r\n\r\n");
    // The client reads nothing: the kernel buffers fill, then the proxy's own
    // output buffer reaches its high-water mark and it stops reading the backend.
    QTRY_VERIFY_WITH_TIMEOUT(proxy::HttpConnection::peakBufferedBytes() >= proxy::Stream::kDefaultHighWaterMark, 20000);
    QVERIFY2(big.unsent() > HttpBackend::kDownloadSize / 2, QByteArray::number(big.unsent()).constData());
    client.reading = true;
    client.socket.setReadBufferSize(0);
    client.data += client.socket.readAll();
    QTRY_VERIFY_WITH_TIMEOUT(client.data.size() >= HttpBackend::kDownloadSize, 60000);
    QVERIFY(client.data.startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(client.data.size() - (client.data.indexOf("\r\n\r\n") + 4), HttpBackend::kDownloadSize);
    const qint64 peak = proxy::HttpConnection::peakBufferedBytes();
    qInfo("peak bytes buffered by the proxy for a 32 MB download to a stalled client: %lld", peak);
    QVERIFY2(peak < 2 * 1024 * 1024, QByteArray::number(peak).constData());
}

void TestHttpProxy::reencryptVerifiesTheTarget()
{
    // One CA signs the certificates Gatehouse shows its clients and the one the
    // trusted backend shows Gatehouse; the rogue backend's certificate carries the
    // same name but signs itself.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto file = [&](const char *name) { return dir.filePath(QString::fromLatin1(name)); };
    for (const char *front : { "good", "bad", "insecure" })
        QVERIFY(test::makeCaSigned(dir, QString::fromLatin1(front), QString::fromLatin1(front) + u".test"_qs));
    QVERIFY(test::makeCaSigned(dir, QStringLiteral("backend"), QStringLiteral("backend.test")));
    QVERIFY(test::makeSelfSigned(dir, QStringLiteral("rogue"), { QStringLiteral("backend.test") }));
    HttpBackend trusted("trusted", HttpBackend::Mode::Normal, file("backend.pem"), file("backend.key"));
    HttpBackend rogue("rogue", HttpBackend::Mode::Normal, file("rogue.pem"), file("rogue.key"));
    QVERIFY(trusted.listen() && rogue.listen());

    const quint16 port = freePort();
    config::Config config = baseConfig();
    const auto route = [&](const char *name, quint16 target, bool verify) {
        const QString n = QString::fromLatin1(name);
        config::Route r = forwardRoute(n, port, n + u".test"_qs, target);
        r.action.tls.mode = config::TlsMode::TerminateAndReencrypt;
        r.action.tls.certFile = file(name) + u".pem"_qs;
        r.action.tls.keyFile = file(name) + u".key"_qs;
        config::TargetTls &tls = r.action.targets.first().tls;
        tls.verify = verify;
        tls.caBundle = file("ca.pem");
        tls.serverName = QStringLiteral("backend.test");  // the target is 127.0.0.1; its certificate names this
        return r;
    };
    config.routes << route("good", trusted.port(), true) << route("bad", rogue.port(), true)
                  << route("insecure", rogue.port(), false);
    QVERIFY(apply(config));
    LogCapture log;

    const QByteArray sha = writeRandomFile(file("body.bin"), 1024 * 1024);
    QVERIFY(!sha.isEmpty());
    const QStringList ca { QStringLiteral("--cacert"), file("ca.pem") };
    const QString good = QStringLiteral("good.test");
    // A body up and the answer down, twice on one client connection (curl sends the body with each).
    const CurlResult verified = curl(
        resolve(good, port) + ca << QStringLiteral("--data-binary") << u"@"_qs + file("body.bin")
                                 << url(u"https"_qs, good, port, u"/up"_qs) << url(u"https"_qs, good, port, u"/"_qs));
    QCOMPARE(verified.exitCode, 0);
    QCOMPARE(verified.output, "trusted:1048576trusted:1048576");
    QCOMPARE(trusted.heads.size(), 2);
    QVERIFY2(trusted.heads.first().contains("\r\nX-Forwarded-Proto: https\r\n"), trusted.heads.first().constData());
    QCOMPARE(trusted.connections, 1);  // the second request reused the pooled TLS connection

    // Not signed by the configured CA: 502, and the log names the route, the target and why.
    const QString bad = QStringLiteral("bad.test");
    const CurlResult refused
        = curl(resolve(bad, port) + ca << QStringLiteral("-o") << QStringLiteral("/dev/null") << QStringLiteral("-w")
                                       << QStringLiteral("%{http_code}") << url(u"https"_qs, bad, port, u"/"_qs));
    QCOMPARE(refused.output, "502");
    QVERIFY(rogue.heads.isEmpty());
    const QString roguePort = QString::number(rogue.port());
    const QStringList why = log.matching({ QStringLiteral("bad"), u"127.0.0.1:"_qs + roguePort,
                                           QStringLiteral("backend.test"), QStringLiteral("not trusted") });
    QVERIFY2(why.size() == 1, qPrintable(log.matching({ roguePort }).join(u'\n')));

    // Verification off for this target: the same backend answers, and a warning says so.
    const QString insecure = QStringLiteral("insecure.test");
    const CurlResult accepted = curl(resolve(insecure, port) + ca << url(u"https"_qs, insecure, port, u"/"_qs));
    QCOMPARE(accepted.exitCode, 0);
    QCOMPARE(accepted.output, "rogue:0");
    QCOMPARE(rogue.heads.size(), 1);
    QVERIFY2(!log.matching({ QStringLiteral("backend.test"), QStringLiteral("NOT verified") }).isEmpty(),
             qPrintable(log.matching({ QStringLiteral("verif") }).join(u'\n')));
}

void TestHttpProxy::refusingTargetIsSkippedThenRetried()
{
    constexpr int maxFails = 2;
    constexpr int failTimeout = 3;
    HttpBackend live("live");
    QVERIFY(live.listen());
    const quint16 down = freePort();  // refuses connections until `revived` listens there
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config::Route route = forwardRoute(QStringLiteral("lb"), port, QStringLiteral("lb.test"), down);
    route.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, live.port(), {} };
    route.action.loadBalancing.maxFails = maxFails;
    route.action.loadBalancing.failTimeout = failTimeout;
    config.routes << route;
    QVERIFY(apply(config));
    LogCapture log;
    const auto refusals = [&] {
        return log
            .matching({ QStringLiteral("lb"), QStringLiteral("127.0.0.1:%1").arg(down), QStringLiteral("refused") })
            .size();
    };

    // One keep-alive client; each request picks a target anew.
    RawClient client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    int sent = 0;
    const auto request = [&]() -> QByteArray {
        client.data.clear();
        client.socket.write(QByteArrayLiteral("GET /") + QByteArray::number(++sent)
                            + " HTTP/1.1\r\nHost: lb.test\r\n\r\n");
        if (!QTest::qWaitFor([&] { return client.data.contains("\r\n\r\n") && !client.data.endsWith("\r\n\r\n"); },
                             10000))
            return "no answer";
        return client.data.mid(client.data.indexOf("\r\n\r\n") + 4);
    };

    // Round robin sends every other request to the refusing target: each is
    // retried on the live one, until maxFails refusals take the target out.
    QElapsedTimer clock;
    clock.start();
    while (refusals() < maxFails && sent < 10)
        QCOMPARE(request(), "live:0");
    QCOMPARE(refusals(), maxFails);

    // Skipped now, even once something listens there again.
    HttpBackend revived("revived");
    QVERIFY(revived.listen(down));
    for (int i = 0; i < 6; ++i)
        QCOMPARE(request(), "live:0");
    if (clock.elapsed() < (failTimeout - 1) * 1000) {
        QCOMPARE(revived.connections, 0);
        QCOMPARE(refusals(), maxFails);
    } else {
        qWarning("the machine is too slow to check the skip window (%lld ms)", clock.elapsed());
    }

    // After failTimeout it is tried again, and serves.
    QByteArray answer;
    while (clock.elapsed() < (failTimeout + 10) * 1000 && (answer = request()) != "revived:0") {
        QCOMPARE(answer, "live:0");
        QTest::qWait(100);  // time has to pass; nothing to wait on
    }
    QCOMPARE(answer, "revived:0");
    QVERIFY2(clock.elapsed() >= failTimeout * 1000, QByteArray::number(clock.elapsed()).constData());
    QVERIFY(!client.closed);
}

void TestHttpProxy::earlyAnswerReachesTheClient()
{
    // The backend answers 413 while the 16 MB body is still coming, then resets:
    // the client gets the 413 (marked Connection: close, since the rest of its
    // body will not be read), never a 502 or a cut connection. Three rounds, as
    // the reset races the proxy's writes.
    HttpBackend limited("limited", HttpBackend::Mode::EarlyReject);
    QVERIFY(limited.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("limited"), port, QStringLiteral("l.test"), limited.port());
    QVERIFY(apply(config));
    QTemporaryDir dir;
    QVERIFY(!writeRandomFile(dir.filePath(QStringLiteral("big.bin")), 16 * 1024 * 1024).isEmpty());

    const QString h = QStringLiteral("l.test");
    for (int round = 1; round <= 3; ++round) {
        // No Expect: 100-continue, so the body is on its way when the answer comes.
        const CurlResult result = curl(resolve(h, port) << QStringLiteral("-i") << QStringLiteral("-H")
                                                        << QStringLiteral("Expect:") << QStringLiteral("--data-binary")
                                                        << u"@"_qs + dir.filePath(QStringLiteral("big.bin"))
                                                        << url(u"http"_qs, h, port, u"/upload"_qs));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.output.startsWith("HTTP/1.1 413 "), result.output.constData());
        QVERIFY2(result.output.contains("\r\nConnection: close\r\n"), result.output.constData());
        QVERIFY(result.output.endsWith("\r\n\r\ntoo large"));
        QCOMPARE(limited.heads.size(), round);
    }
}

void TestHttpProxy::earlyAnswerThenTheBodyIsDrained()
{
    // A small body the backend did not wait for: the proxy reads and drops it
    // after forwarding the answer, and the client's connection goes on.
    HttpBackend limited("limited", HttpBackend::Mode::EarlyReject);
    QVERIFY(limited.listen());
    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("limited"), port, QStringLiteral("l.test"), limited.port());
    QVERIFY(apply(config));

    RawClient client(port);
    QVERIFY(client.socket.waitForConnected(5000));
    client.socket.write("POST /upload HTTP/1.1\r\nHost: l.test\r\nContent-Length: 100000\r\n\r\n");
    QTRY_VERIFY(client.data.endsWith("\r\n\r\ntoo large"));
    QVERIFY2(client.data.startsWith("HTTP/1.1 413 "), client.data.constData());
    QVERIFY2(!client.data.contains("Connection: close"), client.data.constData());
    client.data.clear();
    client.socket.write(QByteArray(100000, 'x'));
    client.socket.write("GET /next HTTP/1.1\r\nHost: l.test\r\n\r\n");
    QTRY_VERIFY(client.data.endsWith("\r\n\r\nlimited:0"));
    QVERIFY2(client.data.startsWith("HTTP/1.1 200 "), client.data.constData());
    QVERIFY(!client.closed);
    QCOMPARE(limited.heads.size(), 2);
    QVERIFY(limited.heads.last().startsWith("GET /next "));
}

void TestHttpProxy::nginxKeepAliveAndLargeFile()
{
    QTemporaryDir www;
    QVERIFY(www.isValid());
    QFile small(www.filePath(QStringLiteral("small.txt")));
    QVERIFY(small.open(QIODevice::WriteOnly));
    small.write("hello from nginx\n");
    small.close();
    constexpr qint64 bigSize = 64 * 1024 * 1024;
    const QByteArray bigSha = writeRandomFile(www.filePath(QStringLiteral("big.bin")), bigSize);
    QVERIFY(!bigSha.isEmpty());
    test::NginxBackend nginx;
    QVERIFY2(nginx.start({ www.path(), /*accessLog=*/true }), qPrintable(nginx.errors()));

    const quint16 port = freePort();
    config::Config config = baseConfig();
    config.routes << forwardRoute(QStringLiteral("static"), port, QStringLiteral("static.test"), nginx.port());
    QVERIFY(apply(config));

    // Three requests on one client connection: the small file, the large one, the small one again.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString h = QStringLiteral("static.test");
    const auto saved = [&](int n) { return out.filePath(QStringLiteral("%1.out").arg(n)); };
    const CurlResult result
        = curl(resolve(h, port) << QStringLiteral("-w") << QStringLiteral("%{http_code}/%{num_connects} ")
                                << url(u"http"_qs, h, port, u"/small.txt"_qs) << QStringLiteral("-o") << saved(1)
                                << url(u"http"_qs, h, port, u"/big.bin"_qs) << QStringLiteral("-o") << saved(2)
                                << url(u"http"_qs, h, port, u"/small.txt"_qs) << QStringLiteral("-o") << saved(3));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.output, "200/1 200/0 200/0 ");  // one client connection for all three
    for (const int n : { 1, 3 }) {
        QFile file(saved(n));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), "hello from nginx\n");
    }
    QFile big(saved(2));
    QVERIFY(big.open(QIODevice::ReadOnly));
    QCOMPARE(big.size(), bigSize);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&big));
    QCOMPARE(hash.result().toHex(), bigSha);

    // nginx saw the three on one connection too: Gatehouse kept and reused it.
    QStringList log;
    QTRY_COMPARE((log = nginx.accessLog()).size(), 3);  // nginx writes the line after the response
    const QString connection = log.first().section(u' ', 0, 0);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(log.at(i).section(u' ', 0, 0), connection);
        QCOMPARE(log.at(i).section(u' ', 1, 1), QString::number(i + 1));
        QVERIFY2(log.at(i).endsWith(QStringLiteral("HTTP/1.1\" 200")), qPrintable(log.at(i)));
    }
    QVERIFY(log.at(1).contains(QStringLiteral("GET /big.bin ")));
}

QTEST_GUILESS_MAIN(TestHttpProxy)
#include "tst_httpproxy.moc"
