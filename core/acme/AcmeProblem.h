#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace gatehouse::acme {

// Problem types raised by Gatehouse itself (the CA's own are
// "urn:ietf:params:acme:error:<name>").
namespace problem {
inline constexpr QLatin1String kNetwork("gatehouse:network");  // no HTTP answer: DNS, TCP, TLS, timeout
inline constexpr QLatin1String kProtocol("gatehouse:protocol");  // an answer that breaks RFC 8555
inline constexpr QLatin1String kChallenge("gatehouse:challenge");  // no challenge type we can answer
inline constexpr QLatin1String kUnsupported("gatehouse:unsupported");  // the CA lacks the feature
inline constexpr QLatin1String kConfig("gatehouse:config");  // bad settings or request (caBundle, domains)
inline constexpr QLatin1String kStorage("gatehouse:storage");  // account files unreadable or unwritable
inline constexpr QLatin1String kTimeout("gatehouse:timeout");  // the order did not finish in time
inline constexpr QLatin1String kAcmePrefix("urn:ietf:params:acme:error:");
}  // namespace problem

// An RFC 7807 problem document as RFC 8555 6.7 uses it, or a local failure in
// the same shape, so every ACME error reaches the certificate status alike.
struct AcmeProblem
{
    QString type;  // "urn:ietf:params:acme:error:rateLimited", or a local
                   // "gatehouse:network" / "gatehouse:protocol" / "gatehouse:challenge"
    QString detail;
    int httpStatus = 0;
    QList<AcmeProblem> subproblems;  // with identifier in `detail` prefix
    std::optional<std::chrono::seconds> retryAfter;

    bool isRateLimited() const;
    bool is(QLatin1String acmeErrorName) const;  // is(QLatin1String("badNonce")) for the CA's types
    QString toString() const;  // "rateLimited: too many ... (HTTP 429)"

    static AcmeProblem local(QLatin1String type, const QString &detail);
    // A problem document (subproblems' identifiers folded into their detail).
    static AcmeProblem fromJson(const QJsonObject &json, int httpStatus = 0);
    // An HTTP error answer: a problem document when the body is one, otherwise a
    // "gatehouse:protocol" problem quoting the start of the body.
    static AcmeProblem fromHttp(const QString &url, int httpStatus, const QByteArray &body,
                                const QByteArray &retryAfterHeader, const QDateTime &now);
};

// Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP-date, relative to now;
// std::nullopt when absent or malformed; a date in the past gives 0.
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);

}  // namespace gatehouse::acme
