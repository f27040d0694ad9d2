// ACME challenges answered by the proxy's own listeners (PortManager + ProxyEngine
// through ProxyRig), with curl and openssl s_client as the CA would connect:
// http-01 before any route (a redirect route on the port never redirects it),
// also on a keep-alive connection and on a port bound only by the ACME lease;
// tls-alpn-01 on a terminating route's port and on a passthrough route's port,
// while ordinary clients on the same ports keep their certificate and backend.
#include "ProxyRig.h"
#include "StreamTestPeers.h"
#include "TestSupport.h"
#include "acme/ChallengeRegistry.h"
#include "config/Config.h"
#include "net/PortManager.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::freePort;

namespace {

// A plain HTTP/1.1 origin that answers every request head with "<name>:<path>".
class HttpOrigin : public QObject
{
public:
    explicit HttpOrigin(const QByteArray &name) : m_name(name)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray &buffer = m_buffers[socket];
                    buffer += socket->readAll();
                    qsizetype end = -1;
                    while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
                        const QByteArray head = buffer.left(end);
                        buffer.remove(0, end + 4);
                        ++requests;
                        const QByteArray path = head.split(' ').value(1);
                        const QByteArray body = m_name + ':' + path;
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    }
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int requests = 0;

private:
    QTcpServer m_server;
    QByteArray m_name;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A TLS origin behind a passthrough route: terminates with its own certificate
// and counts handshakes, on this thread's event loop.
class TlsOrigin : public QTcpServer, private proxy::StreamListener
{
public:
    explicit TlsOrigin(proxy::TlsContextStore::Ptr store) : m_store(std::move(store)) { }
    int connections = 0;
    int handshakes = 0;

protected:
    void incomingConnection(qintptr fd) override
    {
        ++connections;
        proxy::socketops::setNonBlocking(fd);
        auto stream = std::make_unique<proxy::Stream>(fd);
        stream->setListener(this);
        stream->enableServerTls(m_store);
        stream->start();
        m_streams.push_back(std::move(stream));
    }

private:
    void streamData(proxy::Stream &, QByteArrayView) override { }
    void streamEof(proxy::Stream &stream) override { stream.shutdownWrite(); }
    void streamError(proxy::Stream &, const proxy::StreamError &) override { }
    void streamSecured(proxy::Stream &) override { ++handshakes; }

    proxy::TlsContextStore::Ptr m_store;
    std::vector<std::unique_ptr<proxy::Stream>> m_streams;
};

struct Curl
{
    int exitCode = -1;
    QByteArray output;
};

Curl curl(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy done(&process, &QProcess::finished);
    process.start(QStringLiteral("curl"),
                  QStringList { QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("20") }
                      + arguments);
    Curl result;
    if (!done.wait(30000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitCode();
    result.output = process.readAllStandardOutput();
    return result;
}

// "<status> <content-type>\n<body>" of one GET (or HEAD with -I semantics via -X HEAD).
Curl fetch(const QString &host, quint16 port, const QString &path, const QStringList &extra = {})
{
    return curl(QStringList { QStringLiteral("--resolve"), QStringLiteral("%1:%2:127.0.0.1").arg(host).arg(port),
                              QStringLiteral("-w"), QStringLiteral("\n%{http_code} %{content_type}") }
                + extra + QStringList { QStringLiteral("http://%1:%2%3").arg(host).arg(port).arg(path) });
}

struct SClient
{
    QByteArray output;  // what s_client printed, the server certificate's PEM included
    QByteArray certificate;  // that PEM
    bool handshakeDone = false;
};

// openssl s_client as the CA's validator connects for tls-alpn-01 (or as a browser without -alpn).
SClient sClient(quint16 port, const QString &serverName, const QString &alpn)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments { QStringLiteral("s_client"), QStringLiteral("-connect"),
                            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-servername"), serverName };
    if (!alpn.isEmpty())
        arguments << QStringLiteral("-alpn") << alpn;
    QSignalSpy done(&process, &QProcess::finished);
    process.start(QStringLiteral("openssl"), arguments);
    process.closeWriteChannel();
    SClient result;
    if (!done.wait(20000)) {
        process.kill();
        return result;
    }
    result.output = process.readAll();
    const qsizetype begin = result.output.indexOf("-----BEGIN CERTIFICATE-----");
    const QByteArray endMarker("-----END CERTIFICATE-----");
    const qsizetype end = result.output.indexOf(endMarker, begin);
    if (begin >= 0 && end > begin)
        result.certificate = result.output.mid(begin, end + endMarker.size() - begin) + '\n';
    result.handshakeDone = !result.certificate.isEmpty() && result.output.contains("Cipher is ")
        && !result.output.contains("Cipher is (NONE)");
    return result;
}

// The certificate as `openssl x509 -text` prints it.
QByteArray certificateText(const QByteArray &pem)
{
    QProcess process;
    process.start(QStringLiteral("openssl"),
                  { QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text") });
    process.write(pem);
    process.closeWriteChannel();
    process.waitForFinished(20000);
    return process.readAllStandardOutput();
}

// The value of the acmeIdentifier extension in DER form, as `openssl asn1parse` finds it.
QByteArray acmeIdentifierValue(const QByteArray &pem)
{
    QProcess process;
    process.start(QStringLiteral("openssl"), { QStringLiteral("asn1parse") });
    process.write(pem);
    process.closeWriteChannel();
    process.waitForFinished(20000);
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].contains(":1.3.6.1.5.5.7.1.31"))
            continue;
        // OBJECT, then BOOLEAN (critical), then the OCTET STRING holding the DER value.
        for (qsizetype j = i + 1; j < std::min(i + 3, lines.size()); ++j) {
            const qsizetype hex = lines[j].indexOf("[HEX DUMP]:");
            if (lines[j].contains("OCTET STRING") && hex >= 0)
                return QByteArray::fromHex(lines[j].mid(hex + 11).trimmed());
        }
    }
    return {};
}

config::Route route(const QString &name, quint16 port, const QStringList &domains)
{
    config::Route r;
    r.name = name;
    r.match.ports = { { port, port } };
    r.match.domains = domains;
    return r;
}

}  // namespace

class TestAcmeChallenges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void http01BeforeRoutes();
    void http01OnKeepAliveConnection();
    void http01OnPlainTcpRoutePort();
    void http01OnLeasedPortWithoutRoute();
    void http01OnlyOnTheChallengePort();
    void tlsAlpn01OnTerminatingPort();
    void tlsAlpn01OnPassthroughPort();
    void tlsAlpn01UnknownNameFails();

private:
    QString path(const QString &file) const { return m_dir.filePath(file); }

    QTemporaryDir m_dir;
    std::unique_ptr<test::ProxyRig> m_rig;
    acme::ChallengeRegistry::Ptr m_registry;
};

void TestAcmeChallenges::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(test::makeSelfSigned(m_dir, QStringLiteral("site"),
                                 { QStringLiteral("a.example.com"), QStringLiteral("static.example.com") }));
    QVERIFY(test::makeSelfSigned(m_dir, QStringLiteral("backend"),
                                 { QStringLiteral("backend.example.com"), QStringLiteral("a.example.com") }));
}

void TestAcmeChallenges::init()
{
    m_rig = std::make_unique<test::ProxyRig>();
    m_registry = std::make_shared<acme::ChallengeRegistry>();
    m_rig->engine().setChallengeRegistry(m_registry);
    m_rig->ports().setLeaseAddress(QStringLiteral("127.0.0.1"));
}

void TestAcmeChallenges::cleanup()
{
    m_rig.reset();
    m_registry.reset();
}

void TestAcmeChallenges::http01BeforeRoutes()
{
    HttpOrigin origin("origin");
    QVERIFY(origin.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route forward = route(QStringLiteral("forward"), port, { QStringLiteral("fwd.example.com") });
    forward.priority = 10;
    forward.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, origin.port(), {} };
    config::Route redirect = route(QStringLiteral("to-https"), port, {});
    redirect.action.type = config::ActionType::Redirect;
    redirect.action.redirect.to = QStringLiteral("https://{host}{path}");
    config.routes << forward << redirect;
    QVERIFY(m_rig->apply(config));
    m_registry->setHttp01Port(port);
    m_registry->addHttp01(QStringLiteral("tok-1"), "tok-1.thumbprint");

    // The routes work as configured.
    QCOMPARE(fetch(QStringLiteral("fwd.example.com"), port, QStringLiteral("/x")).output, "origin:/x\n200 text/plain");
    QVERIFY(fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/x"))
                .output.endsWith("\n301 text/plain; charset=utf-8"));

    // The challenge path is answered before either of them.
    for (const QString &host : { QStringLiteral("a.example.com"), QStringLiteral("fwd.example.com") }) {
        const Curl answer = fetch(host, port, QStringLiteral("/.well-known/acme-challenge/tok-1"));
        QCOMPARE(answer.exitCode, 0);
        QCOMPARE(answer.output, "tok-1.thumbprint\n200 text/plain");
    }
    QCOMPARE(origin.requests, 1);

    // HEAD: the same head, no body.
    const Curl head = fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/.well-known/acme-challenge/tok-1"),
                            { QStringLiteral("-I") });
    QVERIFY2(head.output.startsWith("HTTP/1.1 200 OK\r\n"), head.output.constData());
    QVERIFY2(head.output.contains("Content-Length: 16\r\n"), head.output.constData());

    // An unknown token is a 404, not a redirect and not the origin's.
    QCOMPARE(fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/.well-known/acme-challenge/nope")).output,
             "404 Not Found\n\n404 text/plain; charset=utf-8");
    QCOMPARE(fetch(QStringLiteral("fwd.example.com"), port, QStringLiteral("/.well-known/acme-challenge/nope")).output,
             "404 Not Found\n\n404 text/plain; charset=utf-8");
    QCOMPARE(origin.requests, 1);

    // Withdrawn: gone.
    m_registry->removeHttp01(QStringLiteral("tok-1"));
    QVERIFY(fetch(QStringLiteral("fwd.example.com"), port, QStringLiteral("/.well-known/acme-challenge/tok-1"))
                .output.endsWith("\n404 text/plain; charset=utf-8"));
}

void TestAcmeChallenges::http01OnKeepAliveConnection()
{
    HttpOrigin origin("origin");
    QVERIFY(origin.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route forward = route(QStringLiteral("forward"), port, { QStringLiteral("a.example.com") });
    forward.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, origin.port(), {} };
    config.routes << forward;
    QVERIFY(m_rig->apply(config));

    // A keep-alive connection opened and used before the port is the challenge
    // port and before the challenge exists.
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /first HTTP/1.1\r\nHost: a.example.com\r\n\r\n");
    QTRY_VERIFY(received.endsWith("origin:/first"));

    m_registry->setHttp01Port(port);
    m_registry->addHttp01(QStringLiteral("late"), "late.key");
    received.clear();
    socket.write("GET /.well-known/acme-challenge/late HTTP/1.1\r\nHost: a.example.com\r\n\r\n");
    QTRY_VERIFY(received.endsWith("\r\n\r\nlate.key"));
    QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());
    QVERIFY(received.contains("Content-Type: text/plain\r\n"));
    QVERIFY(!received.contains("Connection: close"));

    // And the connection goes on to the route afterwards.
    received.clear();
    socket.write("GET /after HTTP/1.1\r\nHost: a.example.com\r\n\r\n");
    QTRY_VERIFY(received.endsWith("origin:/after"));
    QCOMPARE(origin.requests, 2);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestAcmeChallenges::http01OnPlainTcpRoutePort()
{
    // A route without domains, path or TLS: on its own a raw TCP tunnel, never read.
    HttpOrigin origin("origin");
    QVERIFY(origin.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route tcp = route(QStringLiteral("tcp"), port, {});
    tcp.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, origin.port(), {} };
    config.routes << tcp;
    QVERIFY(m_rig->apply(config));
    QCOMPARE(fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/.well-known/acme-challenge/t")).output,
             "origin:/.well-known/acme-challenge/t\n200 text/plain");

    m_registry->setHttp01Port(port);
    m_registry->addHttp01(QStringLiteral("t"), "t.key");
    QCOMPARE(fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/.well-known/acme-challenge/t")).output,
             "t.key\n200 text/plain");
    QCOMPARE(fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/other")).output,
             "origin:/other\n200 text/plain");
    QCOMPARE(origin.requests, 2);
}

void TestAcmeChallenges::http01OnLeasedPortWithoutRoute()
{
    const quint16 routed = freePort();
    const quint16 leased = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route respond = route(QStringLiteral("hello"), routed, {});
    respond.action.type = config::ActionType::Respond;
    respond.action.respond.body = QStringLiteral("hello");
    config.routes << respond;
    QVERIFY(m_rig->apply(config));

    // The port only the ACME lease binds, as the CertManager does while challenges are pending.
    const net::ListenerStatus status
        = m_rig->ports().acquireLease(leased, QString::fromLatin1(net::kAcmeChallengeLease));
    QCOMPARE(status.state, net::ListenerState::Bound);
    m_registry->setHttp01Port(leased);
    m_registry->addHttp01(QStringLiteral("tok-2"), "tok-2.thumbprint");

    QCOMPARE(fetch(QStringLiteral("a.example.com"), leased, QStringLiteral("/.well-known/acme-challenge/tok-2")).output,
             "tok-2.thumbprint\n200 text/plain");
    QVERIFY(fetch(QStringLiteral("a.example.com"), leased, QStringLiteral("/.well-known/acme-challenge/other"))
                .output.endsWith("\n404 text/plain; charset=utf-8"));
    QVERIFY(fetch(QStringLiteral("a.example.com"), leased, QStringLiteral("/index.html"))
                .output.endsWith("\n404 text/plain; charset=utf-8"));
    QCOMPARE(fetch(QStringLiteral("a.example.com"), routed, QStringLiteral("/")).output,
             "hello\n200 text/plain; charset=utf-8");
}

void TestAcmeChallenges::http01OnlyOnTheChallengePort()
{
    const quint16 port = freePort();
    const quint16 other = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    for (const quint16 p : { port, other }) {
        config::Route respond = route(QStringLiteral("hello-%1").arg(p), p, {});
        respond.action.type = config::ActionType::Respond;
        respond.action.respond.body = QStringLiteral("route");
        config.routes << respond;
    }
    QVERIFY(m_rig->apply(config));
    m_registry->setHttp01Port(port);
    m_registry->addHttp01(QStringLiteral("tok-3"), "tok-3.thumbprint");

    QCOMPARE(fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/.well-known/acme-challenge/tok-3")).output,
             "tok-3.thumbprint\n200 text/plain");
    // Another port's routes keep the path.
    QCOMPARE(fetch(QStringLiteral("a.example.com"), other, QStringLiteral("/.well-known/acme-challenge/tok-3")).output,
             "route\n200 text/plain; charset=utf-8");
    // Only GET and HEAD are challenge requests.
    QCOMPARE(fetch(QStringLiteral("a.example.com"), port, QStringLiteral("/.well-known/acme-challenge/tok-3"),
                   { QStringLiteral("-X"), QStringLiteral("POST") })
                 .output,
             "route\n200 text/plain; charset=utf-8");
}

void TestAcmeChallenges::tlsAlpn01OnTerminatingPort()
{
    HttpOrigin origin("origin");
    QVERIFY(origin.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route site = route(QStringLiteral("site"), port, { QStringLiteral("a.example.com") });
    site.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, origin.port(), {} };
    site.action.tls.mode = config::TlsMode::Terminate;
    site.action.tls.certFile = path(QStringLiteral("site.pem"));
    site.action.tls.keyFile = path(QStringLiteral("site.key"));
    config.routes << site;
    QVERIFY(m_rig->apply(config));

    const QByteArray keyAuthorization = "tls-token.thumbprint";
    const auto added = m_registry->addTlsAlpn01(QStringLiteral("a.example.com"), keyAuthorization);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error()));

    const SClient challenge = sClient(port, QStringLiteral("a.example.com"), QStringLiteral("acme-tls/1"));
    QVERIFY2(challenge.handshakeDone, challenge.output.constData());
    QVERIFY2(challenge.output.contains("ALPN protocol: acme-tls/1"), challenge.output.constData());
    const QByteArray text = certificateText(challenge.certificate);
    QVERIFY2(text.contains("1.3.6.1.5.5.7.1.31: critical"), text.constData());
    QVERIFY2(!text.contains("static.example.com"), text.constData());
    QCOMPARE(acmeIdentifierValue(challenge.certificate),
             QByteArray("\x04\x20", 2) + QCryptographicHash::hash(keyAuthorization, QCryptographicHash::Sha256));

    // A browser on the same port, same name: the site's certificate and the route.
    const SClient browser = sClient(port, QStringLiteral("a.example.com"), QStringLiteral("http/1.1"));
    QVERIFY2(browser.handshakeDone, browser.output.constData());
    const QByteArray browserText = certificateText(browser.certificate);
    QVERIFY2(browserText.contains("static.example.com"), browserText.constData());
    QVERIFY(!browserText.contains("1.3.6.1.5.5.7.1.31"));
    const Curl page = curl({ QStringLiteral("-k"), QStringLiteral("--resolve"),
                             QStringLiteral("a.example.com:%1:127.0.0.1").arg(port),
                             QStringLiteral("https://a.example.com:%1/page").arg(port) });
    QCOMPARE(page.output, "origin:/page");

    // Withdrawn: acme-tls/1 fails again, and never with the site's certificate.
    m_registry->removeTlsAlpn01(QStringLiteral("a.example.com"));
    const SClient after = sClient(port, QStringLiteral("a.example.com"), QStringLiteral("acme-tls/1"));
    QVERIFY2(!after.handshakeDone, after.output.constData());
    QVERIFY(after.certificate.isEmpty());
}

void TestAcmeChallenges::tlsAlpn01OnPassthroughPort()
{
    auto backendStore
        = proxy::TlsContextStore::build({},
                                        proxy::TlsCertificateSource::fromFiles({}, path(QStringLiteral("backend.pem")),
                                                                               path(QStringLiteral("backend.key"))));
    QVERIFY(backendStore.ok());
    TlsOrigin backend(backendStore.value());
    QVERIFY(backend.listen(QHostAddress::LocalHost, 0));
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    config::Route pass = route(QStringLiteral("pass"), port, { QStringLiteral("a.example.com") });
    pass.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, backend.serverPort(), {} };
    pass.action.tls.mode = config::TlsMode::Passthrough;
    config.routes << pass;
    QVERIFY(m_rig->apply(config));

    const QByteArray keyAuthorization = "pass-token.thumbprint";
    QVERIFY(m_registry->addTlsAlpn01(QStringLiteral("a.example.com"), keyAuthorization).ok());

    const SClient challenge = sClient(port, QStringLiteral("a.example.com"), QStringLiteral("acme-tls/1"));
    QVERIFY2(challenge.handshakeDone, challenge.output.constData());
    QVERIFY2(challenge.output.contains("ALPN protocol: acme-tls/1"), challenge.output.constData());
    QCOMPARE(acmeIdentifierValue(challenge.certificate),
             QByteArray("\x04\x20", 2) + QCryptographicHash::hash(keyAuthorization, QCryptographicHash::Sha256));
    QCOMPARE(backend.connections, 0);  // intercepted before the tunnel

    // An ordinary client is tunnelled to the backend and gets its certificate.
    const SClient browser = sClient(port, QStringLiteral("a.example.com"), QStringLiteral("http/1.1"));
    QVERIFY2(browser.handshakeDone, browser.output.constData());
    QVERIFY2(certificateText(browser.certificate).contains("backend.example.com"), browser.output.constData());
    QCOMPARE(backend.handshakes, 1);
}

void TestAcmeChallenges::tlsAlpn01UnknownNameFails()
{
    HttpOrigin origin("origin");
    QVERIFY(origin.listen());
    const quint16 port = freePort();
    config::Config config;
    config.bindAddress = QStringLiteral("127.0.0.1");
    // A catch-all terminating route with a default certificate: anything would get it.
    config::Route site = route(QStringLiteral("site"), port, {});
    site.action.targets << config::Target { { QStringLiteral("127.0.0.1") }, origin.port(), {} };
    site.action.tls.mode = config::TlsMode::Terminate;
    site.action.tls.certFile = path(QStringLiteral("site.pem"));
    site.action.tls.keyFile = path(QStringLiteral("site.key"));
    config.routes << site;
    QVERIFY(m_rig->apply(config));
    QVERIFY(m_registry->addTlsAlpn01(QStringLiteral("a.example.com"), "x.y").ok());

    for (const QString &name : { QStringLiteral("b.example.com"), QStringLiteral("static.example.com") }) {
        const SClient refused = sClient(port, name, QStringLiteral("acme-tls/1"));
        QVERIFY2(!refused.handshakeDone, refused.output.constData());
        QVERIFY2(refused.certificate.isEmpty(), refused.output.constData());
        QVERIFY2(refused.output.contains("handshake failure"), refused.output.constData());
    }
    // Without acme-tls/1 the same names get the default certificate.
    const SClient browser = sClient(port, QStringLiteral("b.example.com"), QString());
    QVERIFY2(browser.handshakeDone, browser.output.constData());
    QVERIFY(certificateText(browser.certificate).contains("static.example.com"));
}

QTEST_GUILESS_MAIN(TestAcmeChallenges)
#include "tst_acmechallenges.moc"
