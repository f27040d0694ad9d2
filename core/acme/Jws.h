#pragma once

#include "Result.h"
#include "acme/AcmeKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace gatehouse::acme {

// RFC 8555 6.2 flattened JWS. payload std::nullopt = POST-as-GET (empty payload).
// kid empty: the protected header carries "jwk" instead.
Result<QByteArray, QString> signJws(const PrivateKey &key, const std::optional<QJsonObject> &payload,
                                    const QString &url, const QString &nonce, const QString &kid);

}  // namespace gatehouse::acme
