#include "platform/linux/LinuxPortHolderLookup.h"

#include <arpa/inet.h>
#include <array>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace gatehouse::platform {

namespace {

constexpr const char *kListenState = "0A";  // TCP_LISTEN in /proc/net/tcp's "st" column

// strtoul rather than std::stoul: a malformed line is skipped, not thrown out of an event handler.
std::optional<unsigned long> parseHex(const std::string &text)
{
    if (text.empty() || text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        return std::nullopt;
    return std::strtoul(text.c_str(), nullptr, 16);
}

struct Address
{
    bool v6 = false;
    std::array<unsigned char, 16> bytes {};  // v4 uses the first four

    bool isWildcard() const
    {
        for (std::size_t i = 0; i < (v6 ? 16u : 4u); ++i) {
            if (bytes[i] != 0)
                return false;
        }
        return true;
    }
    bool operator==(const Address &) const = default;
};

std::optional<Address> parseText(const std::string &text)
{
    Address address;
    if (::inet_pton(AF_INET, text.c_str(), address.bytes.data()) == 1)
        return address;
    address.v6 = true;
    if (::inet_pton(AF_INET6, text.c_str(), address.bytes.data()) == 1)
        return address;
    return std::nullopt;
}

// The kernel prints each 32-bit word of the address in host byte order ("%08X"),
// so reading each word back as a number and copying its bytes restores the address.
std::optional<Address> parseProcHex(const std::string &hex, bool v6)
{
    const std::size_t words = v6 ? 4 : 1;
    if (hex.size() != words * 8)
        return std::nullopt;
    Address address;
    address.v6 = v6;
    for (std::size_t i = 0; i < words; ++i) {
        const auto value = parseHex(hex.substr(i * 8, 8));
        if (!value)
            return std::nullopt;
        const auto word = static_cast<std::uint32_t>(*value);
        std::memcpy(address.bytes.data() + i * 4, &word, 4);
    }
    return address;
}

// Would a listener on `held` stop a bind of `wanted` on the same port? Yes for the
// same address, a wildcard on either side within a family, and "::" (dual-stack
// by default on Linux) against anything.
bool overlaps(const Address &held, const Address &wanted)
{
    if (held == wanted)
        return true;
    if (held.v6 == wanted.v6)
        return held.isWildcard() || wanted.isWildcard();
    const Address &v6 = held.v6 ? held : wanted;
    return v6.isWildcard();
}

std::vector<unsigned long> listeningInodes(const Address &wanted, std::uint16_t port)
{
    std::vector<unsigned long> exact;
    std::vector<unsigned long> overlapping;
    for (const bool v6 : { false, true }) {
        std::ifstream table(v6 ? "/proc/net/tcp6" : "/proc/net/tcp");
        std::string line;
        std::getline(table, line);  // header
        while (std::getline(table, line)) {
            std::istringstream fields(line);
            std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout;
            unsigned long inode = 0;
            if (!(fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout
                  >> inode))
                continue;
            if (state != kListenState || inode == 0)
                continue;
            const auto colon = local.find(':');
            if (colon == std::string::npos)
                continue;
            if (parseHex(local.substr(colon + 1)) != port)
                continue;
            const auto held = parseProcHex(local.substr(0, colon), v6);
            if (!held)
                continue;
            if (*held == wanted)
                exact.push_back(inode);
            else if (overlaps(*held, wanted))
                overlapping.push_back(inode);
        }
    }
    exact.insert(exact.end(), overlapping.begin(), overlapping.end());
    return exact;
}

std::string readFirstLine(const std::string &path)
{
    std::ifstream file(path);
    std::string line;
    std::getline(file, line);
    return line;
}

std::string readLink(const std::string &path)
{
    std::array<char, 4096> buffer {};
    const ssize_t length = ::readlink(path.c_str(), buffer.data(), buffer.size() - 1);
    return length > 0 ? std::string(buffer.data(), static_cast<std::size_t>(length)) : std::string();
}

std::optional<std::int64_t> pidOwningInode(unsigned long inode)
{
    const std::string target = "socket:[" + std::to_string(inode) + "]";
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return std::nullopt;
    std::optional<std::int64_t> found;
    while (!found) {
        const dirent *entry = ::readdir(proc);
        if (!entry)
            break;
        const std::string pid = entry->d_name;
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const std::string fdDir = "/proc/" + pid + "/fd";
        DIR *fds = ::opendir(fdDir.c_str());
        if (!fds)
            continue;  // another user's process without root, or it has just exited
        while (const dirent *fd = ::readdir(fds)) {
            if (fd->d_name[0] == '.')
                continue;
            if (readLink(fdDir + "/" + fd->d_name) == target) {
                found = std::strtoll(pid.c_str(), nullptr, 10);
                break;
            }
        }
        ::closedir(fds);
    }
    ::closedir(proc);
    return found;
}

}  // namespace

std::optional<PortHolder> LinuxPortHolderLookup::findListener(const std::string &address, std::uint16_t port) const
{
    const auto wanted = parseText(address);
    if (!wanted)
        return std::nullopt;
    for (const unsigned long inode : listeningInodes(*wanted, port)) {
        const auto pid = pidOwningInode(inode);
        if (!pid)
            continue;
        const std::string base = "/proc/" + std::to_string(*pid);
        return PortHolder { *pid, readFirstLine(base + "/comm"), readLink(base + "/exe") };
    }
    return std::nullopt;
}

std::unique_ptr<PortHolderLookup> PortHolderLookup::create()
{
    return std::make_unique<LinuxPortHolderLookup>();
}

}  // namespace gatehouse::platform
