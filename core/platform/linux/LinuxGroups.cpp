#include "platform/linux/LinuxGroups.h"

#include <cerrno>
#include <grp.h>
#include <vector>

namespace gatehouse::platform::linuxgroups {

std::optional<gid_t> groupId(const std::string &group)
{
    std::vector<char> buffer(4096);
    for (;;) {
        struct group entry
        { };
        struct group *found = nullptr;
        const int error = ::getgrnam_r(group.c_str(), &entry, buffer.data(), buffer.size(), &found);
        if (error == ERANGE && buffer.size() < (1u << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (error != 0 || !found)
            return std::nullopt;
        return entry.gr_gid;
    }
}

}  // namespace gatehouse::platform::linuxgroups
