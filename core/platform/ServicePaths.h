#pragma once

#include <QString>

namespace gatehouse::platform {

// Where the service keeps its config and state when no option says otherwise.
// Linux as root: /etc/gatehouse and /var/lib/gatehouse (the packaged service);
// Linux as another user: the XDG config and state directories; Windows:
// %ProgramData%\Gatehouse. gatehoused and gatehousectl agree through this.
struct ServicePaths
{
    QString configFile;
    QString stateDir;

    static ServicePaths defaults();
};

}  // namespace gatehouse::platform
