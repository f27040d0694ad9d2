#include "acme/Jws.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gatehouse::acme {

Result<QByteArray, QString> signJws(const PrivateKey &key, const std::optional<QJsonObject> &payload,
                                    const QString &url, const QString &nonce, const QString &kid)
{
    using R = Result<QByteArray, QString>;
    if (key.isNull())
        return R::failure(QCoreApplication::translate("gatehouse::acme::Jws", "JWS for %1: no account key").arg(url));
    QJsonObject header {
        { QStringLiteral("alg"), key.jwsAlgorithm() },
        { QStringLiteral("nonce"), nonce },
        { QStringLiteral("url"), url },
    };
    if (kid.isEmpty())
        header.insert(QStringLiteral("jwk"), key.jwk());
    else
        header.insert(QStringLiteral("kid"), kid);

    const QByteArray protectedPart = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact));
    const QByteArray payloadPart
        = payload ? base64Url(QJsonDocument(*payload).toJson(QJsonDocument::Compact)) : QByteArray();
    const auto signature = key.sign(protectedPart + '.' + payloadPart);
    if (!signature)
        return R::failure(
            //: %1 is a URL, %2 why signing failed
            QCoreApplication::translate("gatehouse::acme::Jws", "JWS for %1: %2").arg(url, signature.error()));
    const QJsonObject jws {
        { QStringLiteral("protected"), QString::fromLatin1(protectedPart) },
        { QStringLiteral("payload"), QString::fromLatin1(payloadPart) },
        { QStringLiteral("signature"), QString::fromLatin1(base64Url(signature.value())) },
    };
    return QJsonDocument(jws).toJson(QJsonDocument::Compact);
}

}  // namespace gatehouse::acme
