#include "acme/AcmeClient.h"

#include "acme/AcmeLogging.h"
#include "acme/Jws.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <memory>

namespace gatehouse::acme {

namespace {

constexpr int kBadNonceRetries = 5;
constexpr int kNonceFetchAttempts = 3;
constexpr qsizetype kNoncePoolLimit = 32;
const QByteArray kJoseJson = QByteArrayLiteral("application/jose+json");

constexpr QFile::Permissions kOwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kOwnerOnlyDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kGroupOrOthers
    = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;

std::optional<AcmeProblem> writePrivateFile(const QString &path, const QByteArray &contents)
{
    QSaveFile file(path);
    // Restricted before the first byte is written, so the key is never readable by others.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnlyFile)
        || file.write(contents) != contents.size() || !file.commit())
        return AcmeProblem::local(problem::kStorage,
                                  QCoreApplication::translate("gatehouse::acme::AcmeClient", "cannot write %1: %2")
                                      .arg(path, file.errorString()));
    return std::nullopt;
}

}  // namespace

AcmeClient::AcmeClient(Settings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_ssl = QSslConfiguration::defaultConfiguration();
    if (!m_settings.caBundle.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(m_settings.caBundle, QSsl::Pem);
        if (extra.isEmpty()) {
            m_configProblem = AcmeProblem::local(
                problem::kConfig,
                QCoreApplication::translate("gatehouse::acme::AcmeClient",
                                            "acme.caBundle \"%1\": no PEM certificate could be read from it "
                                            "(missing, unreadable or not PEM)")
                    .arg(m_settings.caBundle));
        } else {
            // Adding certificates turns off Qt's on-demand loading of the system
            // roots, so list those explicitly: the bundle adds to them.
            m_ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() + extra);
        }
    }
}

AcmeClient::~AcmeClient() = default;

QString AcmeClient::accountPath() const
{
    const QByteArray hash = QCryptographicHash::hash(m_settings.directoryUrl.toUtf8(), QCryptographicHash::Sha256);
    return QDir(m_settings.accountDir).filePath(QString::fromLatin1(hash.toHex().left(16)));
}

QString AcmeClient::directoryEntry(const QString &name) const
{
    return m_directory.value(name).toString();
}

AcmeOrder *AcmeClient::issue(const IssueRequest &request, ChallengeResponder *responder, IssueCallback done)
{
    auto *order = new AcmeOrder(this, request, responder, std::move(done));
    QTimer::singleShot(0, order, [order] { order->start(); });
    return order;
}

void AcmeClient::renewalInfo(const QString &ariCertId,
                             std::function<void(const Result<RenewalWindow, AcmeProblem> &)> done)
{
    using R = Result<RenewalWindow, AcmeProblem>;
    QTimer::singleShot(0, this, [this, ariCertId, done = std::move(done)] {
        ensureDirectory(this, [this, ariCertId, done](const std::optional<AcmeProblem> &directoryProblem) {
            if (directoryProblem)
                return done(R::failure(*directoryProblem));
            QString base = directoryEntry(QStringLiteral("renewalInfo"));
            if (base.isEmpty())
                return done(R::failure(AcmeProblem::local(
                    problem::kUnsupported,
                    QCoreApplication::translate("gatehouse::acme::AcmeClient",
                                                "the ACME directory %1 offers no renewalInfo (RFC 9773)")
                        .arg(m_settings.directoryUrl))));
            if (ariCertId.isEmpty() || ariCertId.contains(u'/') || !ariCertId.contains(u'.'))
                return done(R::failure(
                    AcmeProblem::local(problem::kConfig,
                                       QCoreApplication::translate("gatehouse::acme::AcmeClient",
                                                                   "renewalInfo: \"%1\" is not an ARI certificate id "
                                                                   "(base64url(AKI) \".\" base64url(serial))")
                                           .arg(ariCertId))));
            while (base.endsWith(u'/'))
                base.chop(1);
            const QString url = base + u'/' + ariCertId;
            get(url, QByteArrayLiteral("GET"), this, [url, done](const Result<AcmeResponse, AcmeProblem> &response) {
                if (!response)
                    return done(R::failure(response.error()));
                const QJsonObject window = response->json.value(QLatin1String("suggestedWindow")).toObject();
                const auto time = [&window](const char *name) {
                    const QString text = window.value(QLatin1String(name)).toString();
                    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
                    if (!t.isValid())
                        t = QDateTime::fromString(text, Qt::ISODate);
                    return t.toUTC();
                };
                RenewalWindow result;
                result.start = time("start");
                result.end = time("end");
                result.retryAfter = response->retryAfter;
                if (!result.start.isValid() || !result.end.isValid() || result.end < result.start)
                    return done(R::failure(AcmeProblem::local(
                        problem::kProtocol,
                        QCoreApplication::translate("gatehouse::acme::AcmeClient",
                                                    "%1: no valid suggestedWindow (RFC 9773 4.2) in \"%2\"")
                            .arg(url, QString::fromUtf8(response->body.left(200)).simplified()))));
                done(result);
            });
        });
    });
}

// --- transport ---------------------------------------------------------------

void AcmeClient::get(const QString &url, const QByteArray &verb, QObject *context, ResponseCallback done)
{
    send(QNetworkRequest(QUrl(url)), verb, {}, context, std::move(done));
}

void AcmeClient::send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body, QObject *context,
                      ResponseCallback done)
{
    request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(int(m_settings.requestTimeout.count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Gatehouse/" GATEHOUSE_VERSION));
    request.setRawHeader(QByteArrayLiteral("Accept-Language"), QByteArrayLiteral("en"));
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    auto tlsErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, reply, [tlsErrors](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            tlsErrors->append(error.errorString());
    });
    // The client is the context, so every reply is cleaned up and its nonce kept
    // even when the requester is gone.
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, tlsErrors, verb, ctx = QPointer<QObject>(context), done = std::move(done)] {
                reply->deleteLater();
                const QByteArray nonce = reply->rawHeader(QByteArrayLiteral("Replay-Nonce"));
                if (!nonce.isEmpty()) {
                    m_nonces.append(QString::fromLatin1(nonce));
                    if (m_nonces.size() > kNoncePoolLimit)
                        m_nonces.removeFirst();
                }
                const QString url = reply->url().toString();
                const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                if (!status.isValid()) {
                    QString why = reply->errorString();
                    if (reply->error() == QNetworkReply::OperationCanceledError)
                        why = QCoreApplication::translate("gatehouse::acme::AcmeClient", "no answer within %1 ms")
                                  .arg(m_settings.requestTimeout.count());
                    for (const QString &tlsError : std::as_const(*tlsErrors)) {
                        if (!why.contains(tlsError))
                            why += QStringLiteral("; ") + tlsError;
                    }
                    qCWarning(lcAcme).noquote() << verb << url << "failed:" << why;
                    if (ctx)
                        done(Result<AcmeResponse, AcmeProblem>::failure(
                            AcmeProblem::local(problem::kNetwork, url + QStringLiteral(": ") + why)));
                    return;
                }
                AcmeResponse response;
                response.url = url;
                response.httpStatus = status.toInt();
                response.body = reply->readAll();
                response.location = QString::fromUtf8(reply->rawHeader(QByteArrayLiteral("Location")));
                response.contentType = reply->rawHeader(QByteArrayLiteral("Content-Type"));
                response.retryAfter = parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")),
                                                      QDateTime::currentDateTimeUtc());
                qCDebug(lcAcme).noquote() << verb << url << "->" << response.httpStatus;
                if (!ctx)
                    return;
                if (response.httpStatus >= 400) {
                    const AcmeProblem p = AcmeProblem::fromHttp(url, response.httpStatus, response.body,
                                                                reply->rawHeader(QByteArrayLiteral("Retry-After")),
                                                                QDateTime::currentDateTimeUtc());
                    if (!p.is(QLatin1String("badNonce")))
                        qCInfo(lcAcme).noquote() << verb << url << "->" << p.toString();
                    return done(Result<AcmeResponse, AcmeProblem>::failure(p));
                }
                const QJsonDocument document = QJsonDocument::fromJson(response.body);
                if (document.isObject())
                    response.json = document.object();
                done(response);
            });
}

void AcmeClient::withNonce(QObject *context, NonceCallback done, int attempt)
{
    if (!m_nonces.isEmpty())
        return done(m_nonces.takeLast());
    const QString url = directoryEntry(QStringLiteral("newNonce"));
    // Another request may take the fresh nonce first; a few HEADs settle that.
    if (attempt >= kNonceFetchAttempts)
        return done(Result<QString, AcmeProblem>::failure(AcmeProblem::local(
            problem::kProtocol,
            QCoreApplication::translate("gatehouse::acme::AcmeClient", "%1 gave no Replay-Nonce header").arg(url))));
    get(url, QByteArrayLiteral("HEAD"), context,
        [this, context, done, attempt](const Result<AcmeResponse, AcmeProblem> &response) {
            if (!response)
                return done(Result<QString, AcmeProblem>::failure(response.error()));
            withNonce(context, done, attempt + 1);
        });
}

void AcmeClient::post(const QString &url, const std::optional<QJsonObject> &payload, QObject *context,
                      ResponseCallback done, const QByteArray &accept)
{
    ensureAccount(context, [this, url, payload, context, done, accept](const std::optional<AcmeProblem> &problem) {
        if (problem)
            return done(Result<AcmeResponse, AcmeProblem>::failure(*problem));
        postSigned(url, payload, false, accept, 0, context, done);
    });
}

void AcmeClient::postSigned(const QString &url, const std::optional<QJsonObject> &payload, bool useJwk,
                            const QByteArray &accept, int attempt, QObject *context, ResponseCallback done)
{
    using R = Result<AcmeResponse, AcmeProblem>;
    withNonce(context, [=, this](const Result<QString, AcmeProblem> &nonce) {
        if (!nonce)
            return done(R::failure(nonce.error()));
        const auto jws = signJws(m_accountKey, payload, url, nonce.value(), useJwk ? QString() : m_kid);
        if (!jws)
            return done(R::failure(AcmeProblem::local(problem::kProtocol, jws.error())));
        QNetworkRequest request { QUrl(url) };
        request.setHeader(QNetworkRequest::ContentTypeHeader, kJoseJson);
        if (!accept.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Accept"), accept);
        send(request, QByteArrayLiteral("POST"), jws.value(), context, [=, this](const R &response) {
            // RFC 8555 6.5: a badNonce answer carries a fresh nonce (pooled by send()).
            if (!response && response.error().is(QLatin1String("badNonce")) && attempt < kBadNonceRetries) {
                qCDebug(lcAcme).noquote() << "badNonce from" << url << "- retrying with a fresh nonce";
                ++m_badNonceRetries;
                return postSigned(url, payload, useJwk, accept, attempt + 1, context, done);
            }
            done(response);
        });
    });
}

// --- directory and account ---------------------------------------------------

void AcmeClient::finishWaiters(QList<Waiter> &waiters, const std::optional<AcmeProblem> &problem)
{
    const QList<Waiter> ready = std::exchange(waiters, {});
    for (const Waiter &waiter : ready) {
        if (waiter.context)
            waiter.callback(problem);
    }
}

void AcmeClient::ensureDirectory(QObject *context, ReadyCallback done)
{
    if (m_configProblem)
        return done(m_configProblem);
    if (!m_directory.isEmpty())
        return done(std::nullopt);
    m_directoryWaiters.append({ context, std::move(done) });
    if (m_directoryLoading)
        return;
    m_directoryLoading = true;
    get(m_settings.directoryUrl, QByteArrayLiteral("GET"), this, [this](const Result<AcmeResponse, AcmeProblem> &r) {
        m_directoryLoading = false;
        std::optional<AcmeProblem> problem;
        if (!r) {
            problem = r.error();
        } else {
            QStringList missing;
            for (const char *name : { "newNonce", "newAccount", "newOrder" }) {
                if (r->json.value(QLatin1String(name)).toString().isEmpty())
                    missing.append(QLatin1String(name));
            }
            if (missing.isEmpty()) {
                m_directory = r->json;
                qCInfo(lcAcme).noquote() << "directory" << m_settings.directoryUrl << "loaded"
                                         << (m_directory.contains(QLatin1String("renewalInfo")) ? "(with renewalInfo)"
                                                                                                : "");
            } else {
                problem = AcmeProblem::local(
                    problem::kProtocol,
                    QCoreApplication::translate("gatehouse::acme::AcmeClient", "%1 is not an ACME directory (no %2)")
                        .arg(m_settings.directoryUrl, missing.join(QStringLiteral(", "))));
            }
        }
        finishWaiters(m_directoryWaiters, problem);
    });
}

void AcmeClient::ensureAccount(QObject *context, ReadyCallback done)
{
    if (!m_kid.isEmpty())
        return done(std::nullopt);
    m_accountWaiters.append({ context, std::move(done) });
    if (m_accountLoading)
        return;
    m_accountLoading = true;
    ensureDirectory(this, [this](const std::optional<AcmeProblem> &problem) {
        if (problem) {
            m_accountLoading = false;
            return finishWaiters(m_accountWaiters, problem);
        }
        createAccount();
    });
}

void AcmeClient::createAccount()
{
    const auto fail = [this](const AcmeProblem &problem) {
        m_accountLoading = false;
        qCWarning(lcAcme).noquote() << "account for" << m_settings.directoryUrl << "unavailable:" << problem.toString();
        finishWaiters(m_accountWaiters, problem);
    };
    if (const auto problem = loadOrCreateAccountKey())
        return fail(*problem);
    // newAccount with an existing key answers that key's account (200), so one
    // request both creates the account and finds it again (RFC 8555 7.3.1).
    QJsonObject payload { { QStringLiteral("termsOfServiceAgreed"), true } };
    if (!m_settings.email.isEmpty())
        payload.insert(QStringLiteral("contact"), QJsonArray { QString(QStringLiteral("mailto:") + m_settings.email) });
    postSigned(directoryEntry(QStringLiteral("newAccount")), payload, true, {}, 0, this,
               [this, fail](const Result<AcmeResponse, AcmeProblem> &r) {
                   if (!r)
                       return fail(r.error());
                   const QString status = r->json.value(QLatin1String("status")).toString();
                   if (r->location.isEmpty())
                       return fail(
                           AcmeProblem::local(problem::kProtocol,
                                              QCoreApplication::translate("gatehouse::acme::AcmeClient",
                                                                          "%1 created no account (no Location header)")
                                                  .arg(r->url)));
                   if (status != QLatin1String("valid"))
                       return fail(AcmeProblem::local(
                           problem::kProtocol,
                           QCoreApplication::translate("gatehouse::acme::AcmeClient", "account %1 is \"%2\", not valid")
                               .arg(r->location, status)));
                   m_kid = r->location;
                   m_accountLoading = false;
                   qCInfo(lcAcme).noquote() << (r->httpStatus == 201 ? "created" : "reusing") << "account" << m_kid;
                   if (const auto problem = saveAccountJson())
                       qCWarning(lcAcme).noquote() << problem->detail;
                   finishWaiters(m_accountWaiters, std::nullopt);
               });
}

std::optional<AcmeProblem> AcmeClient::loadOrCreateAccountKey()
{
    if (!m_accountKey.isNull())
        return std::nullopt;
    if (m_settings.accountDir.isEmpty())
        return AcmeProblem::local(
            problem::kConfig,
            QCoreApplication::translate("gatehouse::acme::AcmeClient", "no directory for the ACME account key"));
    const QString directory = accountPath();
    const QString keyPath = QDir(directory).filePath(QStringLiteral("account.key"));
    QFile file(keyPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return AcmeProblem::local(problem::kStorage,
                                      QCoreApplication::translate("gatehouse::acme::AcmeClient", "cannot read %1: %2")
                                          .arg(keyPath, file.errorString()));
        auto key = PrivateKey::fromPem(file.readAll());
        if (!key)
            return AcmeProblem::local(problem::kStorage,
                                      QCoreApplication::translate("gatehouse::acme::AcmeClient",
                                                                  "%1: %2 (move it away to register a new account)")
                                          .arg(keyPath, key.error()));
        if (file.permissions().testAnyFlags(kGroupOrOthers)) {
            qCWarning(lcAcme).noquote() << keyPath << "was readable by others; made it 0600";
            file.setPermissions(kOwnerOnlyFile);
        }
        m_accountKey = key.value();
        return std::nullopt;
    }
    if (!QDir().mkpath(directory) || !QFile::setPermissions(directory, kOwnerOnlyDir))
        return AcmeProblem::local(
            problem::kStorage,
            QCoreApplication::translate("gatehouse::acme::AcmeClient", "cannot create the directory %1")
                .arg(directory));
    auto key = PrivateKey::generate(KeyType::EcdsaP256);
    if (!key)
        return AcmeProblem::local(
            problem::kStorage,
            QCoreApplication::translate("gatehouse::acme::AcmeClient", "account key: %1").arg(key.error()));
    if (auto problem = writePrivateFile(keyPath, key->toPem()))
        return problem;
    qCInfo(lcAcme).noquote() << "new account key" << keyPath;
    m_accountKey = key.value();
    return std::nullopt;
}

std::optional<AcmeProblem> AcmeClient::saveAccountJson()
{
    const QJsonObject json {
        { QStringLiteral("directoryUrl"), m_settings.directoryUrl },
        { QStringLiteral("url"), m_kid },
        { QStringLiteral("email"), m_settings.email },
    };
    return writePrivateFile(QDir(accountPath()).filePath(QStringLiteral("account.json")),
                            QJsonDocument(json).toJson(QJsonDocument::Indented));
}

}  // namespace gatehouse::acme
