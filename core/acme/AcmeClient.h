#pragma once

#include "Result.h"
#include "acme/AcmeKey.h"
#include "acme/AcmeOrder.h"
#include "acme/AcmeProblem.h"
#include "acme/AcmeTypes.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace gatehouse::acme {

// One HTTP answer of the CA (2xx or 3xx; errors become AcmeProblems).
struct AcmeResponse
{
    QString url;
    int httpStatus = 0;
    QByteArray body;
    QJsonObject json;  // the body when it is a JSON object
    QString location;  // Location header
    QByteArray contentType;
    std::optional<std::chrono::seconds> retryAfter;
};

// The RFC 8555 client of the control plane: one per directory URL, on the main
// thread, built on QNetworkAccessManager (never blocking). The CertManager asks
// it for orders (issue) and renewal windows (renewalInfo). Directory fetched
// once (lazily), nonce pool, badNonce retried with the fresh nonce (a few
// times), account created or reused lazily: key in
// <accountDir>/<sha256(directoryUrl) hex first 16>/account.key (0600) plus
// account.json {"directoryUrl","url"(kid),"email"}. Polling honours Retry-After
// (else polls after 1/4, 1/2, then every pollInterval; bounded total time). Every error
// becomes an AcmeProblem.
class AcmeClient : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString directoryUrl;
        QString email;
        QString caBundle;  // PEM roots trusted for the CA's HTTPS besides the system's
        QString accountDir;
        // Bounds, so nothing waits forever; tests shorten them.
        std::chrono::milliseconds pollInterval { 1000 };  // when the CA sends no Retry-After
        std::chrono::milliseconds requestTimeout { 30000 };  // one HTTP exchange
        std::chrono::milliseconds orderTimeout { 300000 };  // one whole order
    };
    explicit AcmeClient(Settings settings, QObject *parent = nullptr);
    ~AcmeClient() override;
    const Settings &settings() const { return m_settings; }

    using IssueCallback = std::function<void(const Result<IssuedCertificate, AcmeProblem> &)>;
    // One order. For each pending authorization the first type of
    // request.challengeTypes the CA offers and the responder can answer is used
    // (http-01 only when responder->http01Available()). Published challenges are
    // withdrawn when the authorization is done (valid or not). The callback runs
    // exactly once on this thread (never inside issue()), unless the returned
    // AcmeOrder is deleted first (cancel: withdraws what it published, no
    // callback). The order is a child of the client and deletes itself after the
    // callback: keep it in a QPointer. The responder must outlive the order.
    AcmeOrder *issue(const IssueRequest &request, ChallengeResponder *responder, IssueCallback done);
    // emitted by orders: "example.com: authorizing (http-01)", "finalizing", ...
    Q_SIGNAL void progress(const QStringList &domains, const QString &step);

    // RFC 9773 renewalInfo, when the directory has "renewalInfo"; a problem of type
    // "gatehouse:unsupported" when not. The callback runs once, never inside this call.
    void renewalInfo(const QString &ariCertId,  // CertificateInfo::ariCertId (Part B)
                     std::function<void(const Result<RenewalWindow, AcmeProblem> &)> done);

    // The account URL (JWS "kid") once the account is known, else empty.
    QString accountUrl() const { return m_kid; }
    // Where this directory's account.key and account.json live.
    QString accountPath() const;
    // Puts a nonce into the pool (tests use stale ones to exercise badNonce retries).
    void addNonce(const QString &nonce) { m_nonces.append(nonce); }
    // How many requests were sent again after a badNonce answer (diagnostics, tests).
    int badNonceRetries() const { return m_badNonceRetries; }

private:
    friend class AcmeOrder;
    using ResponseCallback = std::function<void(const Result<AcmeResponse, AcmeProblem> &)>;
    using ReadyCallback = std::function<void(const std::optional<AcmeProblem> &)>;
    struct Waiter
    {
        QPointer<QObject> context;
        ReadyCallback callback;
    };

    // Unsigned GET/HEAD (directory, newNonce, renewalInfo).
    void get(const QString &url, const QByteArray &verb, QObject *context, ResponseCallback done);
    // A JWS-signed POST (payload std::nullopt: POST-as-GET), signed with the
    // account's kid, or its jwk for newAccount. Waits for directory and account.
    void post(const QString &url, const std::optional<QJsonObject> &payload, QObject *context, ResponseCallback done,
              const QByteArray &accept = {});
    void postSigned(const QString &url, const std::optional<QJsonObject> &payload, bool useJwk,
                    const QByteArray &accept, int attempt, QObject *context, ResponseCallback done);
    void send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body, QObject *context,
              ResponseCallback done);
    using NonceCallback = std::function<void(const Result<QString, AcmeProblem> &)>;
    void withNonce(QObject *context, NonceCallback done, int attempt = 0);

    void ensureDirectory(QObject *context, ReadyCallback done);
    void ensureAccount(QObject *context, ReadyCallback done);
    void createAccount();
    void finishWaiters(QList<Waiter> &waiters, const std::optional<AcmeProblem> &problem);
    std::optional<AcmeProblem> loadOrCreateAccountKey();
    std::optional<AcmeProblem> saveAccountJson();
    QString directoryEntry(const QString &name) const;

    Settings m_settings;
    QNetworkAccessManager *m_network = nullptr;
    QSslConfiguration m_ssl;
    std::optional<AcmeProblem> m_configProblem;  // a bad caBundle: every request fails with it

    QJsonObject m_directory;
    bool m_directoryLoading = false;
    QList<Waiter> m_directoryWaiters;

    PrivateKey m_accountKey;
    QString m_kid;
    bool m_accountLoading = false;
    QList<Waiter> m_accountWaiters;

    QStringList m_nonces;
    int m_badNonceRetries = 0;
};

}  // namespace gatehouse::acme
