#include "control/ControlEndpoint.h"

#include <QDir>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace gatehouse::control {

QString ControlEndpoint::defaultEndpoint()
{
#ifdef Q_OS_WIN
    return QStringLiteral("gatehouse");
#else
    const uid_t uid = ::geteuid();
    if (uid == 0)
        return QStringLiteral("/run/gatehouse/control.sock");
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    // The XDG spec says to ignore a relative path.
    if (!runtime.isEmpty() && QDir::isAbsolutePath(runtime))
        return QDir::cleanPath(runtime) + QStringLiteral("/gatehouse/control.sock");
    return QStringLiteral("/tmp/gatehouse-") + QString::number(uid) + QStringLiteral("/control.sock");
#endif
}

}  // namespace gatehouse::control
