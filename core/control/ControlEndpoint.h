#pragma once

#include <QString>

namespace gatehouse::control {

// Where gatehoused listens, and gatehousectl and the GUI connect, when no
// --control option says otherwise.
class ControlEndpoint
{
public:
    // The packaged (system) service's socket on Linux: the systemd unit passes it.
    static QString systemEndpoint();

    // Linux as root: /run/gatehouse/control.sock. Other users:
    // $XDG_RUNTIME_DIR/gatehouse/control.sock, or when XDG_RUNTIME_DIR is unset
    // (su, cron, some ssh setups) /tmp/gatehouse-UID/control.sock: derived from
    // the uid alone so the service and its clients agree without a login
    // session, per user so users do not collide; ControlServer refuses a
    // directory there that another user owns. Windows: the pipe "gatehouse".
    static QString defaultEndpoint();

    // Where a client connects by default. Root: systemEndpoint(). Other users:
    // defaultEndpoint() while something is there (a service of their own), else
    // systemEndpoint(), so a member of the gatehouse group reaches the packaged
    // service without --control. Windows: the pipe "gatehouse".
    static QString clientEndpoint();
};

}  // namespace gatehouse::control
