#include "control/ControlEndpoint.h"

#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace gatehouse::control {

QString ControlEndpoint::systemEndpoint()
{
#ifdef Q_OS_WIN
    return QStringLiteral("gatehouse");
#else
    return QStringLiteral("/run/gatehouse/control.sock");
#endif
}

QString ControlEndpoint::defaultEndpoint()
{
#ifdef Q_OS_WIN
    return systemEndpoint();
#else
    const uid_t uid = ::geteuid();
    if (uid == 0)
        return systemEndpoint();
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    // The XDG spec says to ignore a relative path.
    if (!runtime.isEmpty() && QDir::isAbsolutePath(runtime))
        return QDir::cleanPath(runtime) + QStringLiteral("/gatehouse/control.sock");
    return QStringLiteral("/tmp/gatehouse-") + QString::number(uid) + QStringLiteral("/control.sock");
#endif
}

QString ControlEndpoint::clientEndpoint()
{
#ifdef Q_OS_WIN
    return systemEndpoint();
#else
    const QString own = defaultEndpoint();
    return QFileInfo::exists(own) ? own : systemEndpoint();
#endif
}

}  // namespace gatehouse::control
