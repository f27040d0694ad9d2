#pragma once

#include <QString>

namespace gatehouse::control {

// Why ControlClient could not reach (or was turned away by) the service,
// classified so gatehousectl can pick its exit code (2 not reachable, 3
// permission) and the GUI its advice. message names the endpoint and the fix.
struct ConnectError
{
    enum class Kind {
        NotRunning,  // no socket or pipe, or nobody listening on it: start the service
        PermissionDenied,  // the OS refused access to the socket or its directory: join the group
        AccessRefused,  // the server's own access check refused us (PermissionDenied RPC error)
        Timeout,  // connecting took too long
        Protocol,  // the server sent something unusable, over the cap for instance
        ConnectionLost,  // connected, then the connection closed
        Other,
    };

    Kind kind = Kind::Other;
    QString endpoint;
    QString message;

    static QString kindName(Kind kind);  // "not-running", "permission-denied", ...
};

}  // namespace gatehouse::control
