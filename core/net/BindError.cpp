#include "net/BindError.h"

#include <QCoreApplication>

namespace gatehouse::net {

QJsonObject ProcessInfo::toJson() const
{
    return QJsonObject { { QStringLiteral("pid"), pid },
                         { QStringLiteral("name"), name },
                         { QStringLiteral("exe"), exe } };
}

std::optional<ProcessInfo> ProcessInfo::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    return ProcessInfo { object.value(QStringLiteral("pid")).toInteger(),
                         object.value(QStringLiteral("name")).toString(),
                         object.value(QStringLiteral("exe")).toString() };
}

QString ProcessInfo::describe() const
{
    const QString details = exe.isEmpty()
        ? QCoreApplication::translate("gatehouse::net::ProcessInfo", "pid %1").arg(pid)
        : QCoreApplication::translate("gatehouse::net::ProcessInfo", "pid %1, %2").arg(pid).arg(exe);
    return name.isEmpty() ? details : QStringLiteral("%1 (%2)").arg(name, details);
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
