#pragma once

#include <QString>

namespace gatehouse::control {

// Why ControlServer::listen() failed; the message says what to do about it.
struct ListenError
{
    enum class Kind {
        AlreadyRunning,  // another live server answers on the endpoint
        Directory,  // the socket's directory cannot be created or is not safe to use
        NotASocket,  // something other than a socket sits at the path
        Listen,  // QLocalServer::listen() failed
    };

    Kind kind = Kind::Listen;
    QString message;
};

}  // namespace gatehouse::control
