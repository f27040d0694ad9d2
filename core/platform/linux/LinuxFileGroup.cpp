#include "platform/FileGroup.h"
#include "platform/linux/LinuxGroups.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace gatehouse::platform {

bool groupExists(const std::string &group)
{
    return linuxgroups::groupId(group).has_value();
}

std::string setFileGroup(const std::string &path, const std::string &group)
{
    const std::optional<gid_t> gid = linuxgroups::groupId(group);
    if (!gid)
        return "group " + group + " does not exist";
    // uid_t(-1): leave the owner as it is.
    if (::chown(path.c_str(), uid_t(-1), *gid) != 0)
        return "cannot give " + path + " to group " + group + ": " + std::strerror(errno);
    return {};
}

}  // namespace gatehouse::platform
