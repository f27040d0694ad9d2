#pragma once

#include "platform/PeerCredentials.h"

namespace gatehouse::platform {

// Qt 6.4's QLocalServer cannot be given a security descriptor, so the pipe keeps
// Windows' default DACL for named pipes (full control for SYSTEM, Administrators
// and the creator; read-only for Everyone). This check closes the gap: the
// client process's token (GetNamedPipeClientProcessId) must be SYSTEM or carry
// an enabled Administrators group, or the client is refused.
class WindowsPeerCredentials final : public PeerCredentials
{
public:
    PeerCheck check(std::intptr_t descriptor, const std::string &group) const override;
};

}  // namespace gatehouse::platform
