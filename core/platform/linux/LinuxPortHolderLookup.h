#pragma once

#include "platform/PortHolderLookup.h"

namespace gatehouse::platform {

// Finds the listening socket in /proc/net/tcp and tcp6 (its inode), then the
// process with a /proc/PID/fd link to "socket:[inode]". Without root only our
// own user's processes are visible; other holders come back as nullopt.
class LinuxPortHolderLookup final : public PortHolderLookup
{
public:
    std::optional<PortHolder> findListener(const std::string &address, std::uint16_t port) const override;
};

}  // namespace gatehouse::platform
