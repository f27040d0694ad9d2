#include "control/ConnectError.h"

namespace gatehouse::control {

QString ConnectError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NotRunning:
        return QStringLiteral("not-running");
    case Kind::PermissionDenied:
        return QStringLiteral("permission-denied");
    case Kind::AccessRefused:
        return QStringLiteral("access-refused");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    case Kind::ConnectionLost:
        return QStringLiteral("connection-lost");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

}  // namespace gatehouse::control
