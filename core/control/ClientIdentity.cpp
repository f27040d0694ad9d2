#include "control/ClientIdentity.h"

#include <QStringList>

namespace gatehouse::control {

QString ClientIdentity::toString() const
{
    QStringList details;
    if (uid >= 0)
        details << QStringLiteral("uid ") + QString::number(uid);
    if (pid >= 0)
        details << QStringLiteral("pid ") + QString::number(pid);
    details << QStringLiteral("connection ") + QString::number(connectionId);
    const QString who = account.isEmpty() ? QStringLiteral("unknown user") : account;
    return who + QStringLiteral(" (") + details.join(QStringLiteral(", ")) + u')';
}

}  // namespace gatehouse::control
