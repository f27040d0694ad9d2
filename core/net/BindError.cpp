#include "net/BindError.h"

namespace gatehouse::net {

QJsonObject ProcessInfo::toJson() const
{
    return QJsonObject { { QStringLiteral("pid"), pid },
                         { QStringLiteral("name"), name },
                         { QStringLiteral("exe"), exe } };
}

QJsonObject BindError::toJson() const
{
    QJsonObject object { { QStringLiteral("kind"), kindName(kind) },
                         { QStringLiteral("osCode"), osCode },
                         { QStringLiteral("osText"), osText },
                         { QStringLiteral("message"), message } };
    if (holder)
        object.insert(QStringLiteral("holder"), holder->toJson());
    return object;
}

QString kindName(BindErrorKind kind)
{
    switch (kind) {
    case BindErrorKind::InternalConflict:
        return QStringLiteral("internal-conflict");
    case BindErrorKind::InUse:
        return QStringLiteral("in-use");
    case BindErrorKind::PermissionDenied:
        return QStringLiteral("permission-denied");
    case BindErrorKind::AddressNotAvailable:
        return QStringLiteral("address-not-available");
    case BindErrorKind::Other:
        break;
    }
    return QStringLiteral("other");
}

}  // namespace gatehouse::net
