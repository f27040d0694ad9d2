#pragma once

#include "Result.h"
#include "acme/AcmeProblem.h"
#include "acme/AcmeTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace gatehouse::acme {

class AcmeClient;
struct AcmeResponse;

// What the order asks of the challenge side (Part C implements it with the
// ChallengeRegistry and the port lease).
class ChallengeResponder
{
public:
    virtual ~ChallengeResponder() = default;
    // Whether http-01 can be answered now (the challenge port is bound).
    virtual bool http01Available() const = 0;
    virtual void publishHttp01(const QString &token, const QByteArray &keyAuthorization) = 0;
    virtual void withdrawHttp01(const QString &token) = 0;
    virtual void publishTlsAlpn01(const QString &domain, const QByteArray &keyAuthorization) = 0;
    virtual void withdrawTlsAlpn01(const QString &domain) = 0;
};

struct IssueRequest
{
    QStringList domains;
    QStringList challengeTypes = { QStringLiteral("http-01"), QStringLiteral("tls-alpn-01") };
    KeyType keyType = KeyType::EcdsaP256;
};

struct IssuedCertificate
{
    QByteArray chainPem;  // leaf first
    QByteArray keyPem;
    QString orderUrl;
};

using IssueCallback = std::function<void(const Result<IssuedCertificate, AcmeProblem> &)>;

// One RFC 8555 order in flight, made by AcmeClient::issue(): newOrder, the
// authorizations (all at once), finalize with a fresh key, chain download.
// Deleting it cancels: what it published is withdrawn and no callback runs.
class AcmeOrder : public QObject
{
    Q_OBJECT
public:
    ~AcmeOrder() override;

    const IssueRequest &request() const { return m_request; }
    QString orderUrl() const { return m_orderUrl; }
    // The last step reached ("ordering", "a.example: authorizing (http-01)", ...).
    QString step() const { return m_step; }

private:
    friend class AcmeClient;
    AcmeOrder(AcmeClient *client, IssueRequest request, ChallengeResponder *responder, IssueCallback done);

    struct Authorization
    {
        QString url;
        QString domain;
        QString challengeType;  // empty until one is chosen
        QString challengeUrl;
        QString token;
        bool published = false;
        bool done = false;
        int polls = 0;  // polls since the challenge was answered
    };

    void start();
    void onOrderCreated(const AcmeResponse &response);
    void fetchAuthorization(int index);
    // A signed POST whose failure fails the order (detail prefixed by `context`)
    // and whose answer goes to `next` while the order is still running.
    void postThen(const QString &url, const std::optional<QJsonObject> &payload,
                  std::function<void(const AcmeResponse &)> next, const QByteArray &accept = {},
                  const QString &context = {});
    void onAuthorization(int index, const AcmeResponse &response);
    void respondToChallenge(int index, const QJsonObject &authorization);
    void authorizationDone(int index);
    void pollOrder(std::chrono::milliseconds delay);
    void onOrderState(const AcmeResponse &response);
    void finalize();
    void download(const QString &certificateUrl);
    void withdraw(Authorization &authorization);
    void withdrawAll();
    void setStep(const QString &step);
    // Retry-After when the CA sends one; otherwise a quarter of the poll interval,
    // then half, then the whole interval: a quick CA is seen at once, a slow one
    // is not asked more often than the interval allows. `polls` counts the polls
    // of this thing so far and is advanced.
    std::chrono::milliseconds pollDelay(const AcmeResponse &response, int &polls) const;
    void fail(const AcmeProblem &problem);
    void succeed(const IssuedCertificate &certificate);

    AcmeClient *m_client;
    IssueRequest m_request;
    ChallengeResponder *m_responder;
    IssueCallback m_done;
    QTimer *m_deadline;
    bool m_finished = false;
    bool m_finalizing = false;
    int m_orderPolls = 0;  // polls of the order since its authorizations or its finalization

    QString m_step;
    QString m_orderUrl;
    QString m_finalizeUrl;
    QList<Authorization> m_authorizations;
    QByteArray m_keyPem;
};

}  // namespace gatehouse::acme
