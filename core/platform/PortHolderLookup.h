#pragma once

// Which process listens on a TCP address and port, to explain a failed bind.
// Plain C++ like ListenSocket.h; one implementation per OS (linux/, windows/).
// Used by gatehouse::net::PortManager when a bind fails with "address in use".

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace gatehouse::platform {

struct PortHolder
{
    std::int64_t pid = 0;
    std::string name;  // short process name; empty when the OS does not tell
    std::string exe;  // full executable path; empty when the OS does not tell (other users' processes)
};

class PortHolderLookup
{
public:
    virtual ~PortHolderLookup() = default;

    // The process whose listening socket overlaps address:port (the same address,
    // or a wildcard on either side). nullopt when none is found or the OS hides it.
    virtual std::optional<PortHolder> findListener(const std::string &address, std::uint16_t port) const = 0;

    // The implementation for this OS (one that finds nothing where there is none).
    static std::unique_ptr<PortHolderLookup> create();
};

}  // namespace gatehouse::platform
