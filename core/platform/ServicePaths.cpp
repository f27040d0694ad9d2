#include "platform/ServicePaths.h"

#include <QDir>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace gatehouse::platform {

namespace {

// $VAR when set to an absolute path, else $HOME/fallback (the XDG base directory rules).
QString xdgDirectory(const char *variable, const char *fallback)
{
    const QString value = qEnvironmentVariable(variable);
    if (!value.isEmpty() && QDir::isAbsolutePath(value))
        return value;
    return QDir::homePath() + u'/' + QString::fromLatin1(fallback);
}

}  // namespace

ServicePaths ServicePaths::defaults()
{
#if defined(Q_OS_WIN)
    QString programData = qEnvironmentVariable("ProgramData");
    if (programData.isEmpty())
        programData = QStringLiteral("C:/ProgramData");
    const QString base = QDir::fromNativeSeparators(programData) + QStringLiteral("/Gatehouse");
    return { base + QStringLiteral("/config.json"), base + QStringLiteral("/state") };
#else
    if (::geteuid() == 0)
        return { QStringLiteral("/etc/gatehouse/config.json"), QStringLiteral("/var/lib/gatehouse") };
    return { xdgDirectory("XDG_CONFIG_HOME", ".config") + QStringLiteral("/gatehouse/config.json"),
             xdgDirectory("XDG_STATE_HOME", ".local/state") + QStringLiteral("/gatehouse") };
#endif
}

}  // namespace gatehouse::platform
