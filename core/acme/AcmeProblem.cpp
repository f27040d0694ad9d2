#include "acme/AcmeProblem.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace gatehouse::acme {

namespace {

constexpr qsizetype kQuotedBodyLimit = 200;

}  // namespace

bool AcmeProblem::isRateLimited() const
{
    return is(QLatin1String("rateLimited"));
}

bool AcmeProblem::is(QLatin1String acmeErrorName) const
{
    return type.size() == problem::kAcmePrefix.size() + acmeErrorName.size() && type.startsWith(problem::kAcmePrefix)
        && type.endsWith(acmeErrorName);
}

QString AcmeProblem::toString() const
{
    QString shortType = type.startsWith(problem::kAcmePrefix) ? type.mid(problem::kAcmePrefix.size()) : type;
    if (shortType.isEmpty())
        //: stands for a problem type the CA left out (otherwise e.g. "rateLimited")
        shortType = QCoreApplication::translate("gatehouse::acme::AcmeProblem", "error");
    QString text = shortType + QStringLiteral(": ")
        + (detail.isEmpty() ? QCoreApplication::translate("gatehouse::acme::AcmeProblem", "(no detail)") : detail);
    if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (retryAfter)
        text += QStringLiteral(", ")
            //: %1 is a number of seconds
            + QCoreApplication::translate("gatehouse::acme::AcmeProblem", "retry after %1 s").arg(retryAfter->count());
    for (const AcmeProblem &sub : subproblems)
        text += QStringLiteral("; ") + sub.toString();
    return text;
}

AcmeProblem AcmeProblem::local(QLatin1String localType, const QString &text)
{
    AcmeProblem p;
    p.type = localType;
    p.detail = text;
    return p;
}

AcmeProblem AcmeProblem::fromJson(const QJsonObject &json, int status)
{
    AcmeProblem p;
    p.type = json.value(QLatin1String("type")).toString();
    if (p.type.isEmpty())
        p.type = QStringLiteral("about:blank");  // RFC 7807 3.1 default
    p.detail = json.value(QLatin1String("detail")).toString().trimmed();
    if (p.detail.isEmpty())
        p.detail = json.value(QLatin1String("title")).toString();
    p.httpStatus = json.value(QLatin1String("status")).toInt(status);
    const QJsonArray subs = json.value(QLatin1String("subproblems")).toArray();
    for (const QJsonValue &value : subs) {
        const QJsonObject subJson = value.toObject();
        AcmeProblem sub = fromJson(subJson);
        sub.httpStatus = 0;  // RFC 8555 subproblems carry no status of their own
        const QString identifier
            = subJson.value(QLatin1String("identifier")).toObject().value(QLatin1String("value")).toString();
        if (!identifier.isEmpty())
            sub.detail = identifier + QStringLiteral(": ") + sub.detail;
        p.subproblems.append(sub);
    }
    return p;
}

AcmeProblem AcmeProblem::fromHttp(const QString &url, int status, const QByteArray &body,
                                  const QByteArray &retryAfterHeader, const QDateTime &now)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    AcmeProblem p;
    if (error.error == QJsonParseError::NoError && document.isObject()
        && document.object().contains(QLatin1String("type"))) {
        p = fromJson(document.object(), status);
        p.httpStatus = status;  // the transport's status wins over the document's claim
    } else {
        QString quoted = QString::fromUtf8(body.left(kQuotedBodyLimit)).simplified();
        if (body.size() > kQuotedBodyLimit)
            quoted += QStringLiteral("...");
        p.type = problem::kProtocol;
        // One arg() call, so a %-escape in the URL is never taken for a placeholder.
        const QString code = QString::number(status);
        if (quoted.isEmpty())
            //: %1 is a URL, %2 an HTTP status code; a problem document is the CA's JSON error answer (RFC 7807)
            p.detail = QCoreApplication::translate("gatehouse::acme::AcmeProblem",
                                                   "%1 answered HTTP %2 without a problem document")
                           .arg(url, code);
        else
            //: %1 is a URL, %2 an HTTP status code, %3 the start of the answer's body
            p.detail = QCoreApplication::translate("gatehouse::acme::AcmeProblem",
                                                   "%1 answered HTTP %2 without a problem document: \"%3\"")
                           .arg(url, code, quoted);
        p.httpStatus = status;
    }
    p.retryAfter = parseRetryAfter(retryAfterHeader, now);
    return p;
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::seconds(seconds));
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"
    QDateTime date
        = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!date.isValid())
        return std::nullopt;
    date.setTimeSpec(Qt::UTC);
    return std::chrono::seconds(std::max<qint64>(0, now.secsTo(date)));
}

}  // namespace gatehouse::acme
