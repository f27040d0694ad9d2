// The ACME client against a real Pebble: certificates through HTTP-01 served by
// a real socket, verified with OpenSSL against Pebble's root; account reuse;
// the CA's refusals, a CA that is down, TLS trust, cancellation, badNonce
// retries and renewalInfo (Pebble 2.4 has none; a small local responder stands
// in for the window parsing).
#include "PebbleRig.h"
#include "TestSupport.h"
#include "acme/AcmeClient.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>
#include <optional>

using namespace gatehouse;
using namespace gatehouse::acme;
using gatehouse::test::PebbleRig;

namespace {

constexpr int kIssueTimeoutMs = 60000;

// A tiny HTTP/1.1 server on a real socket: GET and HEAD answer one request per
// connection from a path -> (status, headers, body) function.
class HttpServer : public QObject
{
public:
    struct Reply
    {
        int status = 404;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    using Handler = std::function<Reply(const QByteArray &method, const QByteArray &path, const QByteArray &host)>;

    explicit HttpServer(Handler handler) : m_handler(std::move(handler))
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen");
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> requests() const { return m_requests; }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        QByteArray host;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("host:"))
                host = line.mid(5).trimmed();
        }
        m_buffers.remove(socket);
        const QByteArray method = requestLine.value(0);
        const QByteArray path = requestLine.value(1);
        m_requests.append(method + ' ' + host + path);
        const Reply reply = m_handler(method, path, host);
        QByteArray response = "HTTP/1.1 " + QByteArray::number(reply.status)
            + " X\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n";
        for (const auto &[name, value] : reply.headers)
            response += name + ": " + value + "\r\n";
        response += "\r\n";
        if (method != "HEAD")
            response += reply.body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_requests;
};

// Answers http-01 from a real listener on the port Pebble validates against.
class TestResponder : public ChallengeResponder
{
public:
    TestResponder()
        : m_server([this](const QByteArray &, const QByteArray &path, const QByteArray &) {
              static const QByteArray prefix = "/.well-known/acme-challenge/";
              const QString token = QString::fromLatin1(path.mid(prefix.size()));
              if (!path.startsWith(prefix) || !m_tokens.contains(token))
                  return HttpServer::Reply { 404, "unknown token", {} };
              ++served;
              return HttpServer::Reply { 200, m_tokens.value(token), { { "Content-Type", "text/plain" } } };
          })
    { }

    quint16 port() const { return m_server.port(); }
    bool http01Available() const override { return available; }
    void publishHttp01(const QString &token, const QByteArray &keyAuthorization) override
    {
        m_tokens.insert(token, keyAuthorization);
        published.append(token);
        if (onPublish)
            onPublish();
    }
    void withdrawHttp01(const QString &token) override
    {
        m_tokens.remove(token);
        withdrawn.append(token);
    }
    void publishTlsAlpn01(const QString &domain, const QByteArray &) override { tlsAlpnPublished.append(domain); }
    void withdrawTlsAlpn01(const QString &domain) override { tlsAlpnWithdrawn.append(domain); }
    int pending() const { return int(m_tokens.size()); }

    bool available = true;
    int served = 0;
    QStringList published, withdrawn, tlsAlpnPublished, tlsAlpnWithdrawn;
    std::function<void()> onPublish;

private:
    HttpServer m_server;
    QHash<QString, QByteArray> m_tokens;
};

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;

std::vector<X509Ptr> parseChain(const QByteArray &pem)
{
    std::vector<X509Ptr> chain;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    while (X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        chain.emplace_back(cert, X509_free);
    return chain;
}

// OpenSSL's own verdict on the chain against `rootPem` ("" when it verifies).
QString verifyChain(const QByteArray &chainPem, const QByteArray &rootPem)
{
    std::vector<X509Ptr> chain = parseChain(chainPem);
    std::vector<X509Ptr> roots = parseChain(rootPem);
    if (chain.size() < 2 || roots.size() != 1)
        return QStringLiteral("chain of %1 certificates, %2 roots").arg(chain.size()).arg(roots.size());
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), X509_STORE_free);
    X509_STORE_add_cert(store.get(), roots.front().get());
    struct StackFree
    {
        void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); }
    };
    std::unique_ptr<STACK_OF(X509), StackFree> untrusted(sk_X509_new_null());
    for (size_t i = 1; i < chain.size(); ++i)
        sk_X509_push(untrusted.get(), chain[i].get());
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(), X509_STORE_CTX_free);
    X509_STORE_CTX_init(ctx.get(), store.get(), chain.front().get(), untrusted.get());
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_SERVER);
    if (X509_verify_cert(ctx.get()) == 1)
        return {};
    return QString::fromLatin1(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
}

QStringList leafNames(const QByteArray &chainPem)
{
    const std::vector<X509Ptr> chain = parseChain(chainPem);
    QStringList names;
    if (chain.empty())
        return names;
    auto *sans
        = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(chain.front().get(), NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(sans, i);
        if (name->type == GEN_DNS)
            names.append(QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.dNSName)),
                                             ASN1_STRING_length(name->d.dNSName)));
    }
    GENERAL_NAMES_free(sans);
    names.sort();
    return names;
}

bool leafMatchesKey(const QByteArray &chainPem, const QByteArray &keyPem)
{
    const std::vector<X509Ptr> chain = parseChain(chainPem);
    const auto key = PrivateKey::fromPem(keyPem);
    return !chain.empty() && key.ok() && X509_check_private_key(chain.front().get(), key->native()) == 1;
}

int leafKeyType(const QByteArray &chainPem)
{
    const std::vector<X509Ptr> chain = parseChain(chainPem);
    return chain.empty() ? 0 : EVP_PKEY_get_base_id(X509_get0_pubkey(chain.front().get()));
}

struct Outcome
{
    int calls = 0;
    std::optional<Result<IssuedCertificate, AcmeProblem>> result;
};

// Issues and waits for the callback; the order stays reachable through `order`.
std::shared_ptr<Outcome> issue(AcmeClient &client, const IssueRequest &request, ChallengeResponder *responder,
                               QPointer<AcmeOrder> *order = nullptr)
{
    auto outcome = std::make_shared<Outcome>();
    AcmeOrder *o = client.issue(request, responder, [outcome](const Result<IssuedCertificate, AcmeProblem> &r) {
        ++outcome->calls;
        outcome->result = r;
    });
    if (order)
        *order = o;
    return outcome;
}

QString describe(const std::optional<Result<IssuedCertificate, AcmeProblem>> &result)
{
    if (!result)
        return QStringLiteral("no result");
    return result->ok() ? QStringLiteral("issued") : result->error().toString();
}

}  // namespace

class TestAcmeClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void issueTwoNamesHttp01();
    void accountReusedAndPrivate();
    void refusedIdentifier_data();
    void refusedIdentifier();
    void noUsableChallenge();
    void tlsAlpnWhenHttpUnavailable();
    void caDown();
    void hangingCa_data();
    void hangingCa();
    void untrustedCa();
    void badCaBundle();
    void cancelWithdraws();
    void badNonceRetried();
    void renewalInfoUnsupportedByPebble();
    void renewalInfoWindow();
    void renewalInfoMalformed();

private:
    AcmeClient::Settings settings() const
    {
        AcmeClient::Settings s;
        s.directoryUrl = m_rig->directoryUrl();
        s.email = QStringLiteral("ops@example.com");
        s.caBundle = m_rig->caBundlePath();
        s.accountDir = m_accounts.path();
        s.pollInterval = std::chrono::milliseconds(100);
        s.orderTimeout = std::chrono::milliseconds(kIssueTimeoutMs - 5000);
        return s;
    }

    TestResponder m_responder;
    std::unique_ptr<PebbleRig> m_rig;
    QTemporaryDir m_accounts;
};

void TestAcmeClient::initTestCase()
{
    QVERIFY(m_accounts.isValid());
    PebbleRig::Options options;
    options.httpPort = m_responder.port();
    options.tlsPort = test::freePort();  // nothing listens: tls-alpn-01 is not used here
    m_rig = std::make_unique<PebbleRig>(options);
    QVERIFY2(m_rig->start(), qPrintable(m_rig->errorString()));
}

void TestAcmeClient::issueTwoNamesHttp01()
{
    AcmeClient client(settings());
    QSignalSpy progress(&client, &AcmeClient::progress);
    IssueRequest request;
    request.domains = { QStringLiteral("a.example.com"), QStringLiteral("b.example.com") };
    const int publishedBefore = int(m_responder.published.size());
    QPointer<AcmeOrder> order;
    const auto outcome = issue(client, request, &m_responder, &order);
    QVERIFY(order);
    QCOMPARE(outcome->calls, 0);  // never inside issue()
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), kIssueTimeoutMs);
    QVERIFY2(outcome->result->ok(),
             qPrintable(describe(outcome->result) + QString::fromUtf8(m_rig->log().right(3000))));
    const IssuedCertificate &cert = outcome->result->value();

    QCOMPARE(verifyChain(cert.chainPem, m_rig->rootPem()), QString());
    QCOMPARE(leafNames(cert.chainPem), request.domains);
    QVERIFY(leafMatchesKey(cert.chainPem, cert.keyPem));
    QCOMPARE(leafKeyType(cert.chainPem), EVP_PKEY_EC);
    QVERIFY(cert.orderUrl.startsWith(QStringLiteral("https://127.0.0.1:")));
    QVERIFY(!client.accountUrl().isEmpty());

    // Both names were validated over HTTP-01 on our socket, then withdrawn.
    QCOMPARE(m_responder.published.size() - publishedBefore, 2);
    QVERIFY(m_responder.served >= 2);
    QCOMPARE(m_responder.pending(), 0);
    QVERIFY(m_responder.tlsAlpnPublished.isEmpty());
    QStringList steps;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        QCOMPARE(args.at(0).toStringList(), request.domains);
        steps.append(args.at(1).toString());
    }
    QVERIFY2(steps.contains(QStringLiteral("a.example.com: authorizing (http-01)")), qPrintable(steps.join(u'|')));
    QVERIFY2(steps.contains(QStringLiteral("b.example.com: authorizing (http-01)")), qPrintable(steps.join(u'|')));
    QCOMPARE(steps.mid(steps.size() - 3),
             QStringList({ QStringLiteral("finalizing"), QStringLiteral("downloading"), QStringLiteral("issued") }));

    // Exactly one callback, and the order is gone afterwards.
    QTRY_VERIFY(order.isNull());
    QCOMPARE(outcome->calls, 1);
}

void TestAcmeClient::accountReusedAndPrivate()
{
    QString firstAccount;
    {
        AcmeClient client(settings());
        IssueRequest request;
        request.domains = { QStringLiteral("reuse.example.com") };
        const auto outcome = issue(client, request, &m_responder);
        QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), kIssueTimeoutMs);
        QVERIFY2(outcome->result->ok(), qPrintable(describe(outcome->result)));
        firstAccount = client.accountUrl();
    }
    AcmeClient client(settings());
    const QString keyPath = client.accountPath() + QStringLiteral("/account.key");
    const QFileInfo key(keyPath);
    QVERIFY(key.exists());
    QCOMPARE(key.permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
             QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QFileInfo(client.accountPath()).permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile json(client.accountPath() + QStringLiteral("/account.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject stored = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(stored.value(QLatin1String("url")).toString(), firstAccount);
    QCOMPARE(stored.value(QLatin1String("directoryUrl")).toString(), m_rig->directoryUrl());
    QCOMPARE(stored.value(QLatin1String("email")).toString(), QStringLiteral("ops@example.com"));

    // A new client (a restart) reuses the key and so the account; RSA this time.
    IssueRequest request;
    request.domains = { QStringLiteral("reuse.example.com"), QStringLiteral("www.reuse.example.com") };
    request.keyType = KeyType::Rsa2048;
    const auto outcome = issue(client, request, &m_responder);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), kIssueTimeoutMs);
    QVERIFY2(outcome->result->ok(), qPrintable(describe(outcome->result)));
    QCOMPARE(client.accountUrl(), firstAccount);
    QCOMPARE(leafKeyType(outcome->result->value().chainPem), EVP_PKEY_RSA);
    QCOMPARE(verifyChain(outcome->result->value().chainPem, m_rig->rootPem()), QString());
    QCOMPARE(leafNames(outcome->result->value().chainPem), request.domains);

    // Another directory URL gets another account directory.
    AcmeClient::Settings other = settings();
    other.directoryUrl += QStringLiteral("?other");
    QVERIFY(AcmeClient(other).accountPath() != client.accountPath());
}

void TestAcmeClient::refusedIdentifier_data()
{
    // Names Pebble refuses (it does issue for "localhost": its DNS answers every name).
    QTest::addColumn<QStringList>("domains");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("detailContains");
    const QString malformed = QStringLiteral("urn:ietf:params:acme:error:malformed");
    QTest::newRow("illegal character") << QStringList { QStringLiteral("ok.example.com"),
                                                        QStringLiteral("bad_name!.example.com") }
                                       << malformed << QStringLiteral("illegal character: '_'");
    QTest::newRow("IP address as a DNS name")
        << QStringList { QStringLiteral("127.0.0.1") } << malformed << QStringLiteral("IP address");
    QTest::newRow("trailing period") << QStringList { QStringLiteral("example.com.") } << malformed
                                     << QStringLiteral("ending in a period");
}

void TestAcmeClient::refusedIdentifier()
{
    QFETCH(QStringList, domains);
    QFETCH(QString, type);
    QFETCH(QString, detailContains);
    AcmeClient client(settings());
    IssueRequest request;
    request.domains = domains;
    const auto outcome = issue(client, request, &m_responder);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), kIssueTimeoutMs);
    QVERIFY(!outcome->result->ok());
    const AcmeProblem &p = outcome->result->error();
    QCOMPARE(p.type, type);
    QVERIFY2(p.toString().contains(detailContains), qPrintable(p.toString()));
    QCOMPARE(p.httpStatus, 400);
    QCOMPARE(outcome->calls, 1);
}

void TestAcmeClient::noUsableChallenge()
{
    AcmeClient client(settings());
    TestResponder unbound;
    unbound.available = false;
    IssueRequest request;
    request.domains = { QStringLiteral("nochallenge.example.com") };
    request.challengeTypes = { QStringLiteral("dns-01"), QStringLiteral("http-01") };
    const auto outcome = issue(client, request, &unbound);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), kIssueTimeoutMs);
    QVERIFY(!outcome->result->ok());
    const AcmeProblem &p = outcome->result->error();
    QCOMPARE(p.type, QString(problem::kChallenge));
    QVERIFY2(p.detail.startsWith(QStringLiteral("nochallenge.example.com: ")), qPrintable(p.detail));
    QVERIFY2(p.detail.contains(QStringLiteral("http-01 (the challenge port is not bound)")), qPrintable(p.detail));
    QVERIFY2(p.detail.contains(QStringLiteral("dns-01 (not supported by Gatehouse)")), qPrintable(p.detail));
    QVERIFY(unbound.published.isEmpty());
}

void TestAcmeClient::tlsAlpnWhenHttpUnavailable()
{
    // http-01 first, but its port is not bound: tls-alpn-01 is published instead.
    // Nothing answers on Pebble's tlsPort, so the CA's validation error comes back
    // with the domain, and the challenge is withdrawn.
    AcmeClient client(settings());
    TestResponder unbound;
    unbound.available = false;
    IssueRequest request;
    request.domains = { QStringLiteral("alpn.example.com") };
    const auto outcome = issue(client, request, &unbound);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), kIssueTimeoutMs);
    QVERIFY(!outcome->result->ok());
    QVERIFY(unbound.published.isEmpty());
    QCOMPARE(unbound.tlsAlpnPublished, QStringList { QStringLiteral("alpn.example.com") });
    QCOMPARE(unbound.tlsAlpnWithdrawn, unbound.tlsAlpnPublished);
    const AcmeProblem &p = outcome->result->error();
    QVERIFY2(p.type.startsWith(problem::kAcmePrefix), qPrintable(p.toString()));
    QVERIFY2(p.detail.startsWith(QStringLiteral("alpn.example.com: ")), qPrintable(p.detail));
}

void TestAcmeClient::caDown()
{
    AcmeClient::Settings s = settings();
    s.directoryUrl = QStringLiteral("https://127.0.0.1:%1/dir").arg(test::freePort());
    AcmeClient client(s);
    IssueRequest request;
    request.domains = { QStringLiteral("down.example.com") };
    const auto outcome = issue(client, request, &m_responder);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), 20000);
    QVERIFY(!outcome->result->ok());
    const AcmeProblem &p = outcome->result->error();
    QCOMPARE(p.type, QString(problem::kNetwork));
    QVERIFY2(p.detail.startsWith(s.directoryUrl + QStringLiteral(": ")), qPrintable(p.detail));
    QVERIFY2(p.detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(p.detail));
    QCOMPARE(outcome->calls, 1);

    // renewalInfo gets the same answer.
    std::optional<Result<RenewalWindow, AcmeProblem>> window;
    client.renewalInfo(QStringLiteral("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"),
                       [&window](const Result<RenewalWindow, AcmeProblem> &r) { window = r; });
    QTRY_VERIFY_WITH_TIMEOUT(window.has_value(), 20000);
    QVERIFY(!window->ok());
    QCOMPARE(window->error().type, QString(problem::kNetwork));
}

void TestAcmeClient::hangingCa_data()
{
    QTest::addColumn<int>("requestTimeoutMs");
    QTest::addColumn<int>("orderTimeoutMs");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("detailContains");
    QTest::newRow("one request bounded") << 300 << 20000 << QString(problem::kNetwork)
                                         << QStringLiteral("/dir: no answer within 300 ms");
    QTest::newRow("the whole order bounded") << 20000 << 300 << QString(problem::kTimeout)
                                             << QStringLiteral("not finished within 0.3 s (last step: ordering)");
}

void TestAcmeClient::hangingCa()
{
    // A CA that accepts connections and never answers.
    QFETCH(int, requestTimeoutMs);
    QFETCH(int, orderTimeoutMs);
    QFETCH(QString, type);
    QFETCH(QString, detailContains);
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    AcmeClient::Settings s = settings();
    s.directoryUrl = QStringLiteral("http://127.0.0.1:%1/dir").arg(silent.serverPort());
    s.caBundle.clear();
    s.requestTimeout = std::chrono::milliseconds(requestTimeoutMs);
    s.orderTimeout = std::chrono::milliseconds(orderTimeoutMs);
    AcmeClient client(s);
    IssueRequest request;
    request.domains = { QStringLiteral("hang.example.com") };
    const auto outcome = issue(client, request, &m_responder);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), 10000);
    QVERIFY(!outcome->result->ok());
    QCOMPARE(outcome->result->error().type, type);
    QVERIFY2(outcome->result->error().detail.contains(detailContains), qPrintable(outcome->result->error().detail));
    QVERIFY(silent.hasPendingConnections());
    QCOMPARE(outcome->calls, 1);
}

void TestAcmeClient::untrustedCa()
{
    // Without the bundle, Pebble's self-signed HTTPS certificate is refused.
    AcmeClient::Settings s = settings();
    s.caBundle.clear();
    AcmeClient client(s);
    IssueRequest request;
    request.domains = { QStringLiteral("untrusted.example.com") };
    const auto outcome = issue(client, request, &m_responder);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), 20000);
    QVERIFY(!outcome->result->ok());
    const AcmeProblem &p = outcome->result->error();
    QCOMPARE(p.type, QString(problem::kNetwork));
    QVERIFY2(p.detail.startsWith(s.directoryUrl + QStringLiteral(": ")), qPrintable(p.detail));
    QVERIFY2(p.detail.contains(QStringLiteral("SSL handshake failed")), qPrintable(p.detail));
    QVERIFY2(p.detail.contains(QStringLiteral("self-signed")), qPrintable(p.detail));
}

void TestAcmeClient::badCaBundle()
{
    AcmeClient::Settings s = settings();
    s.caBundle = m_accounts.filePath(QStringLiteral("missing.pem"));
    AcmeClient client(s);
    IssueRequest request;
    request.domains = { QStringLiteral("bundle.example.com") };
    const auto outcome = issue(client, request, &m_responder);
    QTRY_VERIFY(outcome->result.has_value());
    QVERIFY(!outcome->result->ok());
    QCOMPARE(outcome->result->error().type, QString(problem::kConfig));
    QVERIFY(outcome->result->error().detail.contains(s.caBundle));
}

void TestAcmeClient::cancelWithdraws()
{
    AcmeClient client(settings());
    TestResponder responder;  // nobody validates against it: the order waits until cancelled
    QPointer<AcmeOrder> order;
    responder.onPublish = [&order] { QTimer::singleShot(0, order.data(), [&order] { delete order.data(); }); };
    IssueRequest request;
    request.domains = { QStringLiteral("cancel.example.com") };
    const auto outcome = issue(client, request, &responder, &order);
    QTRY_VERIFY_WITH_TIMEOUT(order.isNull(), kIssueTimeoutMs);
    QCOMPARE(responder.published.size(), 1);
    QCOMPARE(responder.withdrawn, responder.published);
    QCOMPARE(outcome->calls, 0);
}

void TestAcmeClient::badNonceRetried()
{
    // A stale nonce in the pool: the CA answers badNonce with a fresh one, and
    // the client retries with it.
    AcmeClient client(settings());
    client.addNonce(QStringLiteral("stale-nonce"));
    IssueRequest request;
    request.domains = { QStringLiteral("nonce.example.com") };
    const auto outcome = issue(client, request, &m_responder);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->result.has_value(), kIssueTimeoutMs);
    QVERIFY2(outcome->result->ok(), qPrintable(describe(outcome->result)));
    QVERIFY2(client.badNonceRetries() >= 1, qPrintable(QString::number(client.badNonceRetries())));
}

void TestAcmeClient::renewalInfoUnsupportedByPebble()
{
    // Pebble 2.4's directory has no renewalInfo.
    const auto directory = m_rig->fetch(m_rig->directoryUrl());
    QVERIFY(directory);
    QVERIFY(!QJsonDocument::fromJson(*directory).object().contains(QLatin1String("renewalInfo")));

    AcmeClient client(settings());
    std::optional<Result<RenewalWindow, AcmeProblem>> window;
    client.renewalInfo(QStringLiteral("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"),
                       [&window](const Result<RenewalWindow, AcmeProblem> &r) { window = r; });
    QVERIFY(!window.has_value());  // never inside the call
    QTRY_VERIFY(window.has_value());
    QVERIFY(!window->ok());
    QCOMPARE(window->error().type, QString(problem::kUnsupported));
    QVERIFY(window->error().detail.contains(m_rig->directoryUrl()));
}

void TestAcmeClient::renewalInfoWindow()
{
    // A local CA directory with renewalInfo (plain HTTP): the window and
    // Retry-After come back parsed, and the certificate id is in the path.
    quint16 port = 0;
    HttpServer server([&port](const QByteArray &, const QByteArray &path, const QByteArray &) {
        if (path == "/dir") {
            const QByteArray base = "http://127.0.0.1:" + QByteArray::number(port);
            return HttpServer::Reply { 200,
                                       R"({"newNonce":")" + base + R"(/nonce","newAccount":")" + base
                                           + R"(/acct","newOrder":")" + base + R"(/order","renewalInfo":")" + base
                                           + R"(/renewal-info/"})",
                                       { { "Content-Type", "application/json" } } };
        }
        if (path == "/renewal-info/aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE")
            return HttpServer::Reply { 200,
                                       R"({"suggestedWindow":{"start":"2025-01-02T04:00:00Z",)"
                                       R"("end":"2025-01-03T04:00:00.500Z"},"explanationURL":"https://ca.test/x"})",
                                       { { "Content-Type", "application/json" }, { "Retry-After", "21600" } } };
        return HttpServer::Reply { 404,
                                   R"({"type":"urn:ietf:params:acme:error:malformed","detail":"no such certificate"})",
                                   { { "Content-Type", "application/problem+json" } } };
    });
    port = server.port();
    AcmeClient::Settings s = settings();
    s.directoryUrl = QStringLiteral("http://127.0.0.1:%1/dir").arg(port);
    s.caBundle.clear();
    AcmeClient client(s);

    std::optional<Result<RenewalWindow, AcmeProblem>> window;
    client.renewalInfo(QStringLiteral("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"),
                       [&window](const Result<RenewalWindow, AcmeProblem> &r) { window = r; });
    QTRY_VERIFY(window.has_value());
    QVERIFY2(window->ok(), qPrintable(window->ok() ? QString() : window->error().toString()));
    QCOMPARE(window->value().start, QDateTime(QDate(2025, 1, 2), QTime(4, 0), Qt::UTC));
    QCOMPARE(window->value().end, QDateTime(QDate(2025, 1, 3), QTime(4, 0, 0, 500), Qt::UTC));
    QCOMPARE(window->value().start.timeSpec(), Qt::UTC);
    QVERIFY(window->value().retryAfter.has_value());
    QCOMPARE(window->value().retryAfter->count(), 21600);

    // An unknown certificate: the CA's problem comes back as it is.
    window.reset();
    client.renewalInfo(QStringLiteral("AAAA.BBBB"),
                       [&window](const Result<RenewalWindow, AcmeProblem> &r) { window = r; });
    QTRY_VERIFY(window.has_value());
    QVERIFY(!window->ok());
    QCOMPARE(window->error().type, QStringLiteral("urn:ietf:params:acme:error:malformed"));
    QCOMPARE(window->error().httpStatus, 404);
    // The directory was fetched once for both.
    QCOMPARE(server.requests().count(QByteArray("GET 127.0.0.1:") + QByteArray::number(port) + "/dir"), 1);
}

void TestAcmeClient::renewalInfoMalformed()
{
    quint16 port = 0;
    HttpServer server([&port](const QByteArray &, const QByteArray &path, const QByteArray &) {
        if (path == "/dir")
            return HttpServer::Reply {
                200,
                R"({"newNonce":"x","newAccount":"x","newOrder":"x","renewalInfo":"http://127.0.0.1:)"
                    + QByteArray::number(port) + R"(/ri"})",
                {}
            };
        return HttpServer::Reply {
            200, R"({"suggestedWindow":{"start":"2025-01-03T00:00:00Z","end":"2025-01-02T00:00:00Z"}})", {}
        };
    });
    port = server.port();
    AcmeClient::Settings s = settings();
    s.directoryUrl = QStringLiteral("http://127.0.0.1:%1/dir").arg(port);
    s.caBundle.clear();
    AcmeClient client(s);
    std::optional<Result<RenewalWindow, AcmeProblem>> window;
    client.renewalInfo(QStringLiteral("AAAA.BBBB"),
                       [&window](const Result<RenewalWindow, AcmeProblem> &r) { window = r; });
    QTRY_VERIFY(window.has_value());
    QVERIFY(!window->ok());
    QCOMPARE(window->error().type, QString(problem::kProtocol));
    QVERIFY2(window->error().detail.contains(QStringLiteral("/ri/AAAA.BBBB")), qPrintable(window->error().detail));

    // And an id that is not one.
    window.reset();
    client.renewalInfo(QStringLiteral("../../x"),
                       [&window](const Result<RenewalWindow, AcmeProblem> &r) { window = r; });
    QTRY_VERIFY(window.has_value());
    QCOMPARE(window->error().type, QString(problem::kConfig));
}

QTEST_GUILESS_MAIN(TestAcmeClient)
#include "tst_acmeclient.moc"
