#pragma once

#include "platform/PortHolderLookup.h"

namespace gatehouse::platform {

// GetExtendedTcpTable lists listeners with their owning pid; QueryFullProcessImageName
// names the program (not for protected processes such as System, which stay nameless).
class WindowsPortHolderLookup final : public PortHolderLookup
{
public:
    std::optional<PortHolder> findListener(const std::string &address, std::uint16_t port) const override;
};

}  // namespace gatehouse::platform
