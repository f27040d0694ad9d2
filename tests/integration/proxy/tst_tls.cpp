// TLS on the byte-moving layer: termination served to a real `openssl s_client`
// (certificate by SNI, wildcard, default, ALPN, TLS 1.1 refused), our client side
// verifying a backend against a CA and a host name, and clear loading errors.
#include "BlockingClient.h"
#include "StreamTestPeers.h"
#include "TestSupport.h"
#include "proxy/TcpTunnel.h"
#include "proxy/TlsClientContext.h"
#include "proxy/TlsContextStore.h"

#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>

using namespace gatehouse::proxy;
using gatehouse::test::FdServer;
using gatehouse::test::Recorder;

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sniSelectsCertificate_data();
    void sniSelectsCertificate();
    void tls11Refused();
    void sessionResumption_data();
    void sessionResumption();
    void endsOfATlsStream_data();
    void endsOfATlsStream();
    void corkedWritesLeaveInOneRecord();
    void terminatedTunnelEcho();
    void clientVerifiesBackend_data();
    void clientVerifiesBackend();
    void loadingErrorsNameTheFile();
    void certificateFromMemory();
    void acmeTlsAlpnStore();

private:
    struct SClient
    {
        QByteArray output;
        int exitCode = -1;
    };
    // Runs s_client against a server Stream and returns what s_client printed;
    // `server` records what the proxy side saw.
    SClient runSClient(const TlsContextStore::Ptr &store, const QStringList &extra, Recorder &server,
                       const QByteArray &input = {});
    QString path(const QString &file) const { return m_dir.filePath(file); }
    // The certificates of initTestCase() in a store of their own, as a config apply makes.
    TlsContextStore::Ptr buildStore() const;
    // The next connection to `listener` as a started server TLS stream on `store`,
    // reporting to `recorder`; null when none came within 10 s or TLS failed to set up.
    static std::unique_ptr<Stream> serveTls(FdServer &listener, const TlsContextStore::Ptr &store, Recorder &recorder);

    QTemporaryDir m_dir;
    TlsContextStore::Ptr m_store;
};

void TestTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(gatehouse::test::makeSelfSigned(m_dir, QStringLiteral("a"), { QStringLiteral("a.test") }));
    QVERIFY(gatehouse::test::makeSelfSigned(m_dir, QStringLiteral("b"), { QStringLiteral("b.test") }));
    QVERIFY(gatehouse::test::makeSelfSigned(m_dir, QStringLiteral("wild"), { QStringLiteral("*.wild.test") }));
    QVERIFY(gatehouse::test::makeSelfSigned(m_dir, QStringLiteral("default"), { QStringLiteral("default.test") }));
    QVERIFY(gatehouse::test::makeCaSigned(m_dir, QStringLiteral("backend"), QStringLiteral("backend.test")));
    m_store = buildStore();
    QVERIFY(m_store);
    QCOMPARE(m_store->names().size(), 3);
}

TlsContextStore::Ptr TestTls::buildStore() const
{
    auto store = TlsContextStore::build(
        { TlsCertificateSource::fromFiles({ QStringLiteral("a.test") }, path(QStringLiteral("a.pem")),
                                          path(QStringLiteral("a.key"))),
          TlsCertificateSource::fromFiles({ QStringLiteral("B.Test") }, path(QStringLiteral("b.pem")),
                                          path(QStringLiteral("b.key"))),
          // No domains given: taken from the certificate's subjectAltName.
          TlsCertificateSource::fromFiles({}, path(QStringLiteral("wild.pem")), path(QStringLiteral("wild.key"))) },
        TlsCertificateSource::fromFiles({}, path(QStringLiteral("default.pem")), path(QStringLiteral("default.key"))));
    if (!store.ok())
        qWarning() << store.error().message;
    return store.ok() ? store.value() : nullptr;
}

std::unique_ptr<Stream> TestTls::serveTls(FdServer &listener, const TlsContextStore::Ptr &store, Recorder &recorder)
{
    if (!QTest::qWaitFor([&] { return !listener.accepted.isEmpty(); }, 10000))
        return nullptr;
    auto stream = std::make_unique<Stream>(listener.take());
    stream->setListener(&recorder);
    if (!stream->enableServerTls(store))
        return nullptr;
    stream->start();
    return stream;
}

TestTls::SClient TestTls::runSClient(const TlsContextStore::Ptr &store, const QStringList &extra, Recorder &server,
                                     const QByteArray &input)
{
    FdServer listener;
    std::unique_ptr<Stream> stream;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"),
                  QStringList { QStringLiteral("s_client"), QStringLiteral("-connect"),
                                QStringLiteral("127.0.0.1:%1").arg(listener.serverPort()) }
                      + extra);
    process.write(input);
    process.closeWriteChannel();
    // Echo what arrives, so input shows up in s_client's output.
    if (!server.onData)
        server.onData = [](Stream &s, QByteArrayView bytes) { s.write(bytes); };
    stream = serveTls(listener, store, server);
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 20000))
        process.kill();
    SClient result;
    result.output = process.readAll();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

void TestTls::sniSelectsCertificate_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QString>("subject");

    QTest::newRow("exact a") << "a.test"
                             << "CN = a.test";
    QTest::newRow("exact b, name stored mixed-case") << "b.test"
                                                     << "CN = b.test";
    QTest::newRow("wildcard") << "x.wild.test"
                              << "CN = *.wild.test";
    QTest::newRow("wildcard covers one label only") << "x.y.wild.test"
                                                    << "CN = default.test";
    QTest::newRow("unknown name gets default") << "unknown.test"
                                               << "CN = default.test";
    QTest::newRow("no SNI gets default") << ""
                                         << "CN = default.test";
}

void TestTls::sniSelectsCertificate()
{
    QFETCH(QString, serverName);
    QFETCH(QString, subject);

    QStringList arguments { QStringLiteral("-alpn"), QStringLiteral("h2,http/1.1") };
    if (serverName.isEmpty())
        arguments << QStringLiteral("-noservername");
    else
        arguments << QStringLiteral("-servername") << serverName;
    Recorder server;
    const SClient client = runSClient(m_store, arguments, server);
    QVERIFY2(client.output.contains(QByteArray("subject=" + subject.toLatin1())), client.output.constData());
    // http/1.1 chosen over the client's first choice h2, which we do not speak.
    QVERIFY2(client.output.contains("ALPN protocol: http/1.1"), client.output.constData());
    QVERIFY(client.output.contains("TLSv1.3"));
    QVERIFY(server.secured);
    QVERIFY(server.errors.isEmpty());
}

void TestTls::tls11Refused()
{
    Recorder server;
    // SECLEVEL=0 so that it is our server, not the client's own policy, that refuses.
    const SClient client
        = runSClient(m_store,
                     { QStringLiteral("-servername"), QStringLiteral("a.test"), QStringLiteral("-tls1_1"),
                       QStringLiteral("-cipher"), QStringLiteral("DEFAULT@SECLEVEL=0") },
                     server);
    QVERIFY(client.exitCode != 0);
    QVERIFY2(client.output.contains("alert protocol version"), client.output.constData());
    QTRY_COMPARE(server.errors.size(), 1);
    QCOMPARE(server.errors.first().kind, StreamError::Kind::TlsHandshake);
    QVERIFY2(server.errors.first().message.contains(QStringLiteral("unsupported protocol")),
             qPrintable(server.errors.first().message));
    QVERIFY(!server.secured);

    // TLS 1.2 is still served.
    Recorder server12;
    const SClient client12 = runSClient(
        m_store, { QStringLiteral("-servername"), QStringLiteral("a.test"), QStringLiteral("-tls1_2") }, server12);
    QVERIFY2(client12.output.contains("Protocol  : TLSv1.2"), client12.output.constData());
    QVERIFY(server12.secured);
}

void TestTls::sessionResumption_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("configApplied");  // the second connection meets a new store
    QTest::addColumn<bool>("closeNotify");  // the first connection ends with our close_notify
    QTest::newRow("TLS 1.3") << u"1.3"_qs << false << true;
    QTest::newRow("TLS 1.2") << u"1.2"_qs << false << true;
    QTest::newRow("TLS 1.3 after a config apply") << u"1.3"_qs << true << true;
    QTest::newRow("TLS 1.2 after a config apply") << u"1.2"_qs << true << true;
    QTest::newRow("TLS 1.3, closed without close_notify") << u"1.3"_qs << false << false;
    QTest::newRow("TLS 1.2, closed without close_notify") << u"1.2"_qs << false << false;
}

void TestTls::sessionResumption()
{
    // Sessions are kept by the service: the client holds a reference to one (a
    // TLS 1.3 ticket of 32 bytes, a TLS 1.2 session ID and no ticket), never the
    // session encrypted under a ticket key. They outlive the store that made them,
    // and a TLS 1.3 ticket resumes once.
    QFETCH(QString, version);
    QFETCH(bool, configApplied);
    QFETCH(bool, closeNotify);
    const QString versionOption = version == u"1.3"_qs ? u"-tls1_3"_qs : u"-tls1_2"_qs;
    const QString session = path(u"session-%1-%2-%3.pem"_qs.arg(version).arg(configApplied).arg(closeNotify));
    Recorder first;
    // TLS 1.3 tickets come after the handshake: s_client must keep reading until we close.
    first.onData = [closeNotify](Stream &s, QByteArrayView bytes) {
        s.write(bytes);
        if (closeNotify)
            s.shutdownWrite();
        else
            s.close();  // the echo has left: it was small
    };
    const SClient one = runSClient(m_store,
                                   { versionOption, QStringLiteral("-servername"), QStringLiteral("a.test"),
                                     QStringLiteral("-ign_eof"), QStringLiteral("-sess_out"), session },
                                   first, "x");
    QVERIFY2(one.output.contains(QByteArray("New, TLSv" + version.toLatin1())), one.output.constData());
    QVERIFY(QFile::exists(session));

    QProcess describe;
    describe.start(u"openssl"_qs, { u"sess_id"_qs, u"-text"_qs, u"-noout"_qs, u"-in"_qs, session });
    QVERIFY(describe.waitForFinished(10000));
    const QByteArray text = describe.readAllStandardOutput();
    // The ticket's hex dump: one line of 16 bytes each, "0010 - 76 8c ...".
    const qsizetype ticket = text.indexOf("TLS session ticket:");
    const qsizetype ticketLines = ticket < 0 ? 0 : text.mid(ticket).count(" - ");
    if (version == u"1.3"_qs)
        QVERIFY2(ticket >= 0 && ticketLines == 2, text.constData());
    else
        QVERIFY2(ticket < 0, text.constData());

    const TlsContextStore::Ptr store = configApplied ? buildStore() : m_store;
    QVERIFY(store);
    QVERIFY(store != m_store || !configApplied);
    const QStringList resume { versionOption, QStringLiteral("-servername"), QStringLiteral("a.test"),
                               QStringLiteral("-sess_in"), session };
    Recorder second;
    const SClient two = runSClient(store, resume, second);
    QVERIFY2(two.output.contains(QByteArray("Reused, TLSv" + version.toLatin1())), two.output.constData());
    // The same ticket again: TLS 1.3 tickets are single-use, TLS 1.2 session IDs are not.
    Recorder third;
    const SClient three = runSClient(store, resume, third);
    const QByteArray expected = (version == u"1.3"_qs ? "New, TLSv" : "Reused, TLSv") + version.toLatin1();
    QVERIFY2(three.output.contains(expected), three.output.constData());
}

void TestTls::endsOfATlsStream_data()
{
    QTest::addColumn<QString>("end");
    QTest::addColumn<int>("errorKind");  // -1: an orderly end of the data, no error
    QTest::addColumn<QString>("message");
    QTest::newRow("close_notify, then FIN") << u"close_notify"_qs << -1 << QString();
    QTest::newRow("FIN without close_notify") << u"fin"_qs << -1 << QString();
    // What came before a reset is still delivered, the end of it too, then the error.
    QTest::newRow("reset") << u"reset"_qs << int(StreamError::Kind::Reset) << QString();
    QTest::newRow("FIN within the ClientHello") << u"fin in hello"_qs << int(StreamError::Kind::TlsHandshake)
                                                << u"the peer closed the connection during the TLS handshake"_qs;
}

void TestTls::endsOfATlsStream()
{
    // How a client may leave a terminating stream, each told apart: OpenSSL reads
    // the socket through the stream, so the socket's EOF and errors reach it there.
    QFETCH(QString, end);
    QFETCH(int, errorKind);
    QFETCH(QString, message);
    FdServer listener;
    const QByteArray partialHello = gatehouse::test::opensslClientHello("a.test", {}).left(20);
    QCOMPARE(partialHello.size(), 20);
    std::atomic<bool> clientDone { false };
    // The client blocks in its handshake, so it runs on a thread of its own.
    std::thread clientThread([&] {
        const bool handshake = end != u"fin in hello"_qs;
        gatehouse::test::BlockingClient client(listener.serverPort(), handshake, "a.test");
        if (!handshake)
            client.send(partialHello);
        if (end == u"close_notify"_qs || end == u"fin in hello"_qs)
            client.shutdownWrite();
        else if (end == u"fin"_qs)
            client.shutdownWrite(false);
        else
            client.reset();
        client.readToEnd(std::chrono::seconds(5));  // until the stream closes
        clientDone = true;
    });
    const auto joinClient = qScopeGuard([&] { clientThread.join(); });
    Recorder recorder;
    const std::unique_ptr<Stream> server = serveTls(listener, m_store, recorder);
    QVERIFY(server);
    Stream &stream = *server;
    if (errorKind < 0) {
        QTRY_VERIFY(recorder.eof);
        QVERIFY(recorder.secured);
        QVERIFY(recorder.errors.isEmpty());
    } else {
        QTRY_COMPARE(recorder.errors.size(), 1);
        QCOMPARE(int(recorder.errors.first().kind), errorKind);
        if (!message.isEmpty())
            QCOMPARE(recorder.errors.first().message, message);
    }
    stream.close();
    QTRY_VERIFY(clientDone);
}

void TestTls::corkedWritesLeaveInOneRecord()
{
    // A response head and the body bytes that came with it are written apart but
    // leave in one record: one encryption, one record header. The client's
    // SSL_read returns one record's contents at a time.
    FdServer listener;
    QByteArray firstRead;
    QByteArray rest;
    std::atomic<bool> clientDone { false };
    std::thread clientThread([&] {
        gatehouse::test::BlockingClient client(listener.serverPort(), true, "a.test");
        firstRead = client.readSome();
        rest = client.readToEnd();
        clientDone = true;
    });
    const auto joinClient = qScopeGuard([&] { clientThread.join(); });
    Recorder recorder;
    const std::unique_ptr<Stream> server = serveTls(listener, m_store, recorder);
    QVERIFY(server);
    Stream &stream = *server;
    QTRY_VERIFY(recorder.secured);
    stream.cork();
    stream.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
    stream.write("hello");
    QCOMPARE(stream.bufferedBytes(), qsizetype(43));  // nothing left while corked
    stream.uncork();
    // A body that fills records anyway is not held: it follows what waited.
    const QByteArray big(40000, 'b');
    stream.cork();
    stream.write("HTTP/1.1 200 OK\r\nContent-Length: 40000\r\n\r\n");
    stream.write(big);
    stream.uncork();
    stream.shutdownWrite();
    QTRY_VERIFY(clientDone);
    QCOMPARE(firstRead, QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
    QCOMPARE(rest, "HTTP/1.1 200 OK\r\nContent-Length: 40000\r\n\r\n" + big);
}

void TestTls::terminatedTunnelEcho()
{
    // s_client -> [TLS server Stream | tunnel | plain Stream] -> echo peer: termination for TCP routes.
    FdServer listener;
    FdServer backendListener;
    auto [backendFd, upstreamFd] = gatehouse::test::tcpPair(backendListener);
    QVERIFY(backendFd >= 0);
    Stream backend(backendFd);
    Recorder backendSaw;
    backendSaw.onData = [](Stream &s, QByteArrayView bytes) { s.write(bytes); };
    backend.setListener(&backendSaw);
    backend.start();

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"),
                  { QStringLiteral("s_client"), QStringLiteral("-quiet"), QStringLiteral("-servername"),
                    QStringLiteral("b.test"), QStringLiteral("-connect"),
                    QStringLiteral("127.0.0.1:%1").arg(listener.serverPort()) });
    QTRY_COMPARE(listener.accepted.size(), 1);
    auto client = std::make_unique<Stream>(listener.take());
    QVERIFY(client->enableServerTls(m_store));
    TcpTunnel tunnel(std::move(client), std::make_unique<Stream>(upstreamFd), TunnelOptions {});
    tunnel.start();
    process.write("ping through TLS\n");
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAll()).contains("ping through TLS"), 10000);
    QCOMPARE(backendSaw.data, QByteArray("ping through TLS\n"));
    QCOMPARE(tunnel.client().tlsServerName(), QStringLiteral("b.test"));
    QCOMPARE(tunnel.client().tlsVersion(), QStringLiteral("TLSv1.3"));
    process.kill();
    process.waitForFinished();
}

void TestTls::clientVerifiesBackend_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<bool>("useCa");
    QTest::addColumn<bool>("verify");
    QTest::addColumn<QString>("error");  // empty: the handshake succeeds

    QTest::newRow("trusted CA, right name") << "backend.test" << true << true << "";
    QTest::newRow("trusted CA, wrong name") << "other.test" << true << true << "hostname mismatch";
    QTest::newRow("system roots only") << "backend.test" << false << true << "unable to get local issuer certificate";
    QTest::newRow("insecure, wrong name") << "other.test" << false << false << "";
}

void TestTls::clientVerifiesBackend()
{
    QFETCH(QString, serverName);
    QFETCH(bool, useCa);
    QFETCH(bool, verify);
    QFETCH(QString, error);

    auto backendStore = TlsContextStore::build(
        {},
        TlsCertificateSource::fromFiles({}, path(QStringLiteral("backend.pem")), path(QStringLiteral("backend.key"))));
    QVERIFY(backendStore.ok());
    TlsClientOptions options;
    options.verify = verify;
    options.caFile = useCa ? path(QStringLiteral("ca.pem")) : QString();
    options.alpn = { "http/1.1" };
    auto clientContext = TlsClientContext::create(options);
    QVERIFY(clientContext.ok());

    FdServer listener;
    auto [serverFd, clientFd] = gatehouse::test::tcpPair(listener);
    QVERIFY(serverFd >= 0);
    Stream server(serverFd);
    Recorder serverSaw;
    serverSaw.onData
        = [](Stream &s, QByteArrayView bytes) { s.write(QByteArray(QByteArray("echo:") + bytes.toByteArray())); };
    server.setListener(&serverSaw);
    QVERIFY(server.enableServerTls(backendStore.value()));
    server.start();
    Stream client(clientFd);
    Recorder clientSaw;
    client.setListener(&clientSaw);
    QVERIFY(client.enableClientTls(clientContext.value(), serverName));
    client.write("hello");  // before the handshake: held until it completes
    client.start();

    if (error.isEmpty()) {
        QTRY_COMPARE(clientSaw.data, QByteArray("echo:hello"));
        QVERIFY(clientSaw.secured);
        QCOMPARE(client.alpnProtocol(), QByteArray("http/1.1"));
        QVERIFY(clientSaw.errors.isEmpty());
        client.shutdownWrite();  // close_notify, then FIN
        QTRY_VERIFY(serverSaw.eof);
        QTRY_VERIFY(clientSaw.writeShut);
    } else {
        QTRY_COMPARE(clientSaw.errors.size(), 1);
        QCOMPARE(clientSaw.errors.first().kind, StreamError::Kind::TlsVerify);
        QVERIFY2(clientSaw.errors.first().message.contains(error), qPrintable(clientSaw.errors.first().message));
        QVERIFY(!clientSaw.secured);
        QTRY_VERIFY(!serverSaw.errors.isEmpty());  // the server saw the client's alert
        QVERIFY(serverSaw.data.isEmpty());
    }
}

void TestTls::loadingErrorsNameTheFile()
{
    const QString missing = path(QStringLiteral("missing.pem"));
    auto result = TlsContextStore::build(
        { TlsCertificateSource::fromFiles({ QStringLiteral("x.test") }, missing, path(QStringLiteral("a.key"))) });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, TlsError::Code::CertificateFile);
    QVERIFY2(result.error().message.contains(missing), qPrintable(result.error().message));

    // A key file that holds a certificate.
    result = TlsContextStore::build({ TlsCertificateSource::fromFiles(
        { QStringLiteral("x.test") }, path(QStringLiteral("a.pem")), path(QStringLiteral("a.pem"))) });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, TlsError::Code::KeyFile);
    QVERIFY2(result.error().message.contains(path(QStringLiteral("a.pem"))), qPrintable(result.error().message));

    result = TlsContextStore::build({ TlsCertificateSource::fromFiles(
        { QStringLiteral("x.test") }, path(QStringLiteral("a.pem")), path(QStringLiteral("b.key"))) });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, TlsError::Code::KeyMismatch);
    QVERIFY2(result.error().message.contains(QStringLiteral("key values mismatch")),
             qPrintable(result.error().message));

    TlsClientOptions options;
    options.caFile = missing;
    auto client = TlsClientContext::create(options);
    QVERIFY(!client.ok());
    QCOMPARE(client.error().code, TlsError::Code::CaFile);
    QVERIFY(client.error().message.contains(missing));
}

void TestTls::certificateFromMemory()
{
    // ACME hands certificates over in memory; the snapshot gains the name, the old one does not change.
    QFile cert(path(QStringLiteral("b.pem")));
    QFile key(path(QStringLiteral("b.key")));
    QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    auto updated = m_store->withCertificate(
        TlsCertificateSource::fromPem({ QStringLiteral("new.test") }, cert.readAll(), key.readAll()));
    QVERIFY(updated.ok());
    QVERIFY(updated.value()->contextFor(QStringLiteral("new.test")) != updated.value()->contextFor(QString()));
    QCOMPARE(m_store->contextFor(QStringLiteral("new.test")), m_store->contextFor(QString()));
    // Untouched names share their contexts with the old snapshot.
    QCOMPARE(updated.value()->contextFor(QStringLiteral("a.test")), m_store->contextFor(QStringLiteral("a.test")));

    Recorder server;
    const SClient client
        = runSClient(updated.value(), { QStringLiteral("-servername"), QStringLiteral("new.test") }, server);
    QVERIFY2(client.output.contains("subject=CN = b.test"), client.output.constData());

    auto broken = m_store->withCertificate(TlsCertificateSource::fromPem({ QStringLiteral("x.test") }, "junk", "junk"));
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().message.contains(QStringLiteral("in-memory certificate")),
             qPrintable(broken.error().message));
}

void TestTls::acmeTlsAlpnStore()
{
    QFile cert(path(QStringLiteral("a.pem")));
    QFile key(path(QStringLiteral("a.key")));
    QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    auto challenge = TlsContextStore::buildAcmeTlsAlpn(cert.readAll(), key.readAll());
    QVERIFY(challenge.ok());
    Recorder server;
    const SClient client = runSClient(challenge.value(),
                                      { QStringLiteral("-servername"), QStringLiteral("a.test"),
                                        QStringLiteral("-alpn"), QStringLiteral("acme-tls/1") },
                                      server);
    QVERIFY2(client.output.contains("ALPN protocol: acme-tls/1"), client.output.constData());
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
