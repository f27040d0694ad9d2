#include "acme/AcmeOrder.h"

#include "acme/AcmeClient.h"
#include "acme/AcmeLogging.h"
#include "acme/Csr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>
#include <QTimer>

namespace gatehouse::acme {

namespace {

const QString kHttp01 = QStringLiteral("http-01");
const QString kTlsAlpn01 = QStringLiteral("tls-alpn-01");
const QByteArray kPemChain = QByteArrayLiteral("application/pem-certificate-chain");

QString statusOf(const QJsonObject &json)
{
    return json.value(QLatin1String("status")).toString();
}

// The error of an object that went invalid: its own, else the first failed
// challenge's, else a generic one naming the object.
AcmeProblem errorOf(const QJsonObject &json, const QString &what)
{
    QJsonObject error = json.value(QLatin1String("error")).toObject();
    const QJsonArray challenges = json.value(QLatin1String("challenges")).toArray();
    for (qsizetype i = 0; error.isEmpty() && i < challenges.size(); ++i)
        error = challenges.at(i).toObject().value(QLatin1String("error")).toObject();
    if (error.isEmpty())
        return AcmeProblem::local(
            problem::kProtocol,
            QCoreApplication::translate("gatehouse::acme::AcmeOrder", "%1 is \"%2\" without an error")
                .arg(what, statusOf(json)));
    AcmeProblem p = AcmeProblem::fromJson(error);
    p.detail = what + QStringLiteral(": ") + p.detail;
    return p;
}

}  // namespace

AcmeOrder::AcmeOrder(AcmeClient *client, IssueRequest request, ChallengeResponder *responder, IssueCallback done)
    : QObject(client), m_client(client), m_request(std::move(request)), m_responder(responder), m_done(std::move(done)),
      m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        fail(AcmeProblem::local(problem::kTimeout,
                                //: %1 lists domain names, %2 is a number of seconds, %3 the step name as the status
                                //: shows it (ordering, finalizing, ...)
                                QCoreApplication::translate("gatehouse::acme::AcmeOrder",
                                                            "order for %1 not finished within %2 s (last step: %3)")
                                    .arg(m_request.domains.join(QStringLiteral(", ")))
                                    .arg(double(m_client->settings().orderTimeout.count()) / 1000.0)
                                    .arg(m_step)));
    });
}

AcmeOrder::~AcmeOrder()
{
    withdrawAll();
}

void AcmeOrder::setStep(const QString &step)
{
    m_step = step;
    qCInfo(lcAcme).noquote() << m_request.domains.join(QStringLiteral(", ")) << "-" << step;
    Q_EMIT m_client->progress(m_request.domains, step);
}

void AcmeOrder::start()
{
    if (m_request.domains.isEmpty())
        return fail(AcmeProblem::local(
            problem::kConfig,
            QCoreApplication::translate("gatehouse::acme::AcmeOrder", "an order needs at least one domain")));
    for (qsizetype i = 0; i < m_request.domains.size(); ++i) {
        if (m_request.domains.at(i).trimmed().isEmpty())
            return fail(AcmeProblem::local(
                problem::kConfig,
                QCoreApplication::translate("gatehouse::acme::AcmeOrder", "domains[%1] is empty").arg(i)));
    }
    if (!m_responder)
        return fail(AcmeProblem::local(
            problem::kConfig,
            QCoreApplication::translate("gatehouse::acme::AcmeOrder", "an order needs a challenge responder")));
    m_deadline->start(m_client->settings().orderTimeout);
    setStep(QStringLiteral("ordering"));
    m_client->ensureDirectory(this, [this](const std::optional<AcmeProblem> &problem) {
        if (problem)
            return fail(*problem);
        QJsonArray identifiers;
        for (const QString &domain : std::as_const(m_request.domains))
            identifiers.append(
                QJsonObject { { QStringLiteral("type"), QStringLiteral("dns") }, { QStringLiteral("value"), domain } });
        postThen(m_client->directoryEntry(QStringLiteral("newOrder")),
                 QJsonObject { { QStringLiteral("identifiers"), identifiers } },
                 [this](const AcmeResponse &response) { onOrderCreated(response); });
    });
}

void AcmeOrder::onOrderCreated(const AcmeResponse &response)
{
    m_orderUrl = response.location;
    m_finalizeUrl = response.json.value(QLatin1String("finalize")).toString();
    const QJsonArray urls = response.json.value(QLatin1String("authorizations")).toArray();
    if (m_orderUrl.isEmpty() || m_finalizeUrl.isEmpty() || urls.isEmpty())
        return fail(AcmeProblem::local(problem::kProtocol,
                                       QCoreApplication::translate("gatehouse::acme::AcmeOrder",
                                                                   "%1 answered an order without Location, finalize or "
                                                                   "authorizations")
                                           .arg(response.url)));
    if (statusOf(response.json) == QLatin1String("invalid"))
        return fail(errorOf(response.json,
                            //: %1 is the order URL at the CA
                            QCoreApplication::translate("gatehouse::acme::AcmeOrder", "order %1").arg(m_orderUrl)));
    for (const QJsonValue &url : urls)
        m_authorizations.append(Authorization { url.toString(), {}, {}, {}, {}, false, false });
    for (int i = 0; i < m_authorizations.size(); ++i)
        fetchAuthorization(i);
}

void AcmeOrder::fetchAuthorization(int index)
{
    postThen(m_authorizations.at(index).url, std::nullopt,
             [this, index](const AcmeResponse &response) { onAuthorization(index, response); });
}

void AcmeOrder::postThen(const QString &url, const std::optional<QJsonObject> &payload,
                         std::function<void(const AcmeResponse &)> next, const QByteArray &accept,
                         const QString &context)
{
    if (m_finished)
        return;
    m_client->post(
        url, payload, this,
        [this, next = std::move(next), context](const Result<AcmeResponse, AcmeProblem> &response) {
            if (m_finished)
                return;
            if (!response) {
                AcmeProblem p = response.error();
                if (!context.isEmpty())
                    p.detail = context + QStringLiteral(": ") + p.detail;
                return fail(p);
            }
            next(response.value());
        },
        accept);
}

void AcmeOrder::onAuthorization(int index, const AcmeResponse &response)
{
    Authorization &authz = m_authorizations[index];
    const QJsonObject identifier = response.json.value(QLatin1String("identifier")).toObject();
    authz.domain = identifier.value(QLatin1String("value")).toString();
    const QString status = statusOf(response.json);
    if (status == QLatin1String("valid")) {
        withdraw(authz);
        return authorizationDone(index);
    }
    if (status != QLatin1String("pending")) {
        withdraw(authz);
        return fail(errorOf(response.json, authz.domain.isEmpty() ? authz.url : authz.domain));
    }
    if (authz.challengeType.isEmpty())
        return respondToChallenge(index, response.json);
    QTimer::singleShot(pollDelay(response, authz.polls), this, [this, index] { fetchAuthorization(index); });
}

void AcmeOrder::respondToChallenge(int index, const QJsonObject &authorization)
{
    Authorization &authz = m_authorizations[index];
    const QJsonArray challenges = authorization.value(QLatin1String("challenges")).toArray();
    QStringList offered;
    for (const QJsonValue &c : challenges)
        offered.append(c.toObject().value(QLatin1String("type")).toString());
    QStringList tried;
    QJsonObject chosen;
    for (const QString &type : std::as_const(m_request.challengeTypes)) {
        if (type != kHttp01 && type != kTlsAlpn01) {
            tried.append(
                QCoreApplication::translate("gatehouse::acme::AcmeOrder", "%1 (not supported by Gatehouse)").arg(type));
            continue;
        }
        if (!offered.contains(type)) {
            tried.append(QCoreApplication::translate("gatehouse::acme::AcmeOrder", "%1 (not offered)").arg(type));
            continue;
        }
        if (type == kHttp01 && !m_responder->http01Available()) {
            tried.append(
                QCoreApplication::translate("gatehouse::acme::AcmeOrder", "%1 (the challenge port is not bound)")
                    .arg(type));
            continue;
        }
        chosen = challenges.at(offered.indexOf(type)).toObject();
        break;
    }
    if (chosen.isEmpty())
        return fail(AcmeProblem::local(
            problem::kChallenge,
            //: %1 is a domain name, %2 the challenge types the CA offers, %3 the types tried, each with its reason
            QCoreApplication::translate("gatehouse::acme::AcmeOrder",
                                        "%1: no challenge can be answered; the CA offers %2; tried %3")
                .arg(authz.domain, offered.join(QStringLiteral(", ")),
                     tried.isEmpty() ? QCoreApplication::translate("gatehouse::acme::AcmeOrder", "nothing")
                                     : tried.join(QStringLiteral(", ")))));

    authz.challengeType = chosen.value(QLatin1String("type")).toString();
    authz.challengeUrl = chosen.value(QLatin1String("url")).toString();
    authz.token = chosen.value(QLatin1String("token")).toString();
    // RFC 8555 8.1: the token is base64url; anything else could escape the URL path.
    if (authz.challengeUrl.isEmpty() || authz.token.isEmpty() || !fromBase64Url(authz.token.toLatin1())
        || authz.token.contains(u'/'))
        return fail(
            AcmeProblem::local(problem::kProtocol,
                               QCoreApplication::translate("gatehouse::acme::AcmeOrder",
                                                           "%1: %2 challenge without a url or a base64url token")
                                   .arg(authz.domain, authz.challengeType)));
    const QByteArray keyAuthorization = authz.token.toLatin1() + '.' + m_client->m_accountKey.thumbprint();
    if (authz.challengeType == kHttp01)
        m_responder->publishHttp01(authz.token, keyAuthorization);
    else
        m_responder->publishTlsAlpn01(authz.domain, keyAuthorization);
    authz.published = true;
    setStep(QStringLiteral("%1: authorizing (%2)").arg(authz.domain, authz.challengeType));

    postThen(
        authz.challengeUrl, QJsonObject {},
        [this, index](const AcmeResponse &response) {
            QTimer::singleShot(pollDelay(response, m_authorizations[index].polls), this,
                               [this, index] { fetchAuthorization(index); });
        },
        {}, authz.domain);
}

void AcmeOrder::authorizationDone(int index)
{
    m_authorizations[index].done = true;
    for (const Authorization &authz : std::as_const(m_authorizations)) {
        if (!authz.done)
            return;
    }
    // Every authorization is valid: the order becomes "ready" (or the CA is
    // still catching up and says "pending" for a moment).
    pollOrder(std::chrono::milliseconds(0));
}

void AcmeOrder::pollOrder(std::chrono::milliseconds delay)
{
    QTimer::singleShot(delay, this, [this] {
        postThen(m_orderUrl, std::nullopt, [this](const AcmeResponse &response) { onOrderState(response); });
    });
}

void AcmeOrder::onOrderState(const AcmeResponse &response)
{
    const QString status = statusOf(response.json);
    if (status == QLatin1String("ready")) {
        if (m_finalizing)
            return pollOrder(pollDelay(response, m_orderPolls));
        return finalize();
    }
    if (status == QLatin1String("pending") || status == QLatin1String("processing"))
        return pollOrder(pollDelay(response, m_orderPolls));
    if (status == QLatin1String("valid")) {
        const QString certificateUrl = response.json.value(QLatin1String("certificate")).toString();
        if (certificateUrl.isEmpty())
            return fail(AcmeProblem::local(
                problem::kProtocol,
                QCoreApplication::translate("gatehouse::acme::AcmeOrder", "order %1 is valid without a certificate URL")
                    .arg(m_orderUrl)));
        return download(certificateUrl);
    }
    fail(errorOf(response.json, QCoreApplication::translate("gatehouse::acme::AcmeOrder", "order %1").arg(m_orderUrl)));
}

void AcmeOrder::finalize()
{
    m_finalizing = true;
    m_orderPolls = 0;
    setStep(QStringLiteral("finalizing"));
    const auto key = PrivateKey::generate(m_request.keyType);
    if (!key)
        return fail(AcmeProblem::local(
            problem::kProtocol,
            QCoreApplication::translate("gatehouse::acme::AcmeOrder", "certificate key: %1").arg(key.error())));
    const auto csr = makeCsr(key.value(), m_request.domains);
    if (!csr)
        return fail(AcmeProblem::local(problem::kConfig, csr.error()));
    m_keyPem = key->toPem();
    postThen(m_finalizeUrl, QJsonObject { { QStringLiteral("csr"), QString::fromLatin1(base64Url(csr.value())) } },
             [this](const AcmeResponse &response) { onOrderState(response); });
}

void AcmeOrder::download(const QString &certificateUrl)
{
    setStep(QStringLiteral("downloading"));
    postThen(
        certificateUrl, std::nullopt,
        [this](const AcmeResponse &response) {
            if (!response.body.trimmed().startsWith("-----BEGIN CERTIFICATE-----"))
                return fail(AcmeProblem::local(
                    problem::kProtocol,
                    QCoreApplication::translate("gatehouse::acme::AcmeOrder",
                                                "%1 answered \"%2\" instead of a PEM certificate chain")
                        .arg(response.url, QString::fromLatin1(response.contentType))));
            succeed(IssuedCertificate { response.body, m_keyPem, m_orderUrl });
        },
        kPemChain);
}

std::chrono::milliseconds AcmeOrder::pollDelay(const AcmeResponse &response, int &polls) const
{
    const int shift = std::max(0, 2 - polls++);
    if (response.retryAfter)
        return std::max<std::chrono::milliseconds>(*response.retryAfter, std::chrono::milliseconds(100));
    return m_client->settings().pollInterval / (1 << shift);
}

void AcmeOrder::withdraw(Authorization &authz)
{
    if (!authz.published)
        return;
    authz.published = false;
    if (authz.challengeType == kHttp01)
        m_responder->withdrawHttp01(authz.token);
    else
        m_responder->withdrawTlsAlpn01(authz.domain);
}

void AcmeOrder::withdrawAll()
{
    for (Authorization &authz : m_authorizations)
        withdraw(authz);
}

void AcmeOrder::fail(const AcmeProblem &problem)
{
    if (m_finished)
        return;
    qCWarning(lcAcme).noquote() << m_request.domains.join(QStringLiteral(", "))
                                << "- order failed:" << problem.toString();
    setStep(QStringLiteral("failed"));
    m_finished = true;
    m_deadline->stop();
    withdrawAll();
    const IssueCallback done = std::exchange(m_done, {});
    QPointer<AcmeOrder> self(this);
    if (done)
        done(Result<IssuedCertificate, AcmeProblem>::failure(problem));
    if (self)
        deleteLater();
}

void AcmeOrder::succeed(const IssuedCertificate &certificate)
{
    if (m_finished)
        return;
    setStep(QStringLiteral("issued"));
    m_finished = true;
    m_deadline->stop();
    withdrawAll();
    const IssueCallback done = std::exchange(m_done, {});
    QPointer<AcmeOrder> self(this);
    if (done)
        done(certificate);
    if (self)
        deleteLater();
}

}  // namespace gatehouse::acme
