#pragma once

#include <QString>

namespace gatehouse::control {

// Where gatehoused listens and gatehousectl and the GUI connect when no
// --control option says otherwise; both sides call this, so they agree.
class ControlEndpoint
{
public:
    // Linux as root: /run/gatehouse/control.sock. Other users:
    // $XDG_RUNTIME_DIR/gatehouse/control.sock, or when XDG_RUNTIME_DIR is unset
    // (su, cron, some ssh setups) /tmp/gatehouse-UID/control.sock: derived from
    // the uid alone so the service and its clients agree without a login
    // session, per user so users do not collide; ControlServer refuses a
    // directory there that another user owns. Windows: the pipe "gatehouse".
    static QString defaultEndpoint();
};

}  // namespace gatehouse::control
