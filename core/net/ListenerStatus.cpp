#include "net/ListenerStatus.h"

#include <QJsonArray>

namespace gatehouse::net {

QString stateName(ListenerState state)
{
    switch (state) {
    case ListenerState::Bound:
        return QStringLiteral("bound");
    case ListenerState::Waiting:
        return QStringLiteral("waiting");
    case ListenerState::Conflict:
        return QStringLiteral("conflict");
    case ListenerState::Denied:
        return QStringLiteral("denied");
    case ListenerState::Error:
        break;
    }
    return QStringLiteral("error");
}

QJsonObject ListenerStatus::toJson() const
{
    const auto isoOrNull = [](const QDateTime &time) {
        return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject {
        { QStringLiteral("address"), key.address },
        { QStringLiteral("port"), key.port },
        { QStringLiteral("state"), stateName(state) },
        // DESIGN.md: "routes" lists every user, the ACME lease included as "acme-challenge".
        { QStringLiteral("routes"), QJsonArray::fromStringList(users()) },
        { QStringLiteral("leases"), QJsonArray::fromStringList(leases) },
        { QStringLiteral("count"), count() },
        { QStringLiteral("holder"), holder ? QJsonValue(holder->toJson()) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("since"), isoOrNull(since) },
        { QStringLiteral("lastError"), lastError ? QJsonValue(lastError->toJson()) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("nextRetry"), isoOrNull(nextRetry) },
    };
}

}  // namespace gatehouse::net
