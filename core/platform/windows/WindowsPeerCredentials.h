#pragma once

#include "platform/PeerCredentials.h"

namespace gatehouse::platform {

// Qt 6.4's QLocalServer cannot be given a security descriptor, so the pipe keeps
// Windows' default DACL for named pipes (full control for SYSTEM, Administrators
// and the creator; read for Everyone and Anonymous). This check closes the gap
// for every accepted connection: the token the pipe recorded for the client
// (ImpersonateNamedPipeClient + OpenThreadToken; the client process's token by
// GetNamedPipeClientProcessId when that fails) must be SYSTEM or have an enabled
// Administrators group, and must not be a network logon; anyone else gets an
// error line and is disconnected before any request is read.
class WindowsPeerCredentials final : public PeerCredentials
{
public:
    PeerCheck check(std::intptr_t descriptor, const std::string &group) const override;
};

}  // namespace gatehouse::platform
