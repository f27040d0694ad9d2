#include "platform/FileGroup.h"

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <unistd.h>
#include <vector>

namespace gatehouse::platform {

namespace {

bool lookup(const std::string &group, gid_t *gid)
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
            return false;
        *gid = entry.gr_gid;
        return true;
    }
}

}  // namespace

bool groupExists(const std::string &group)
{
    gid_t gid = 0;
    return lookup(group, &gid);
}

std::string setFileGroup(const std::string &path, const std::string &group)
{
    gid_t gid = 0;
    if (!lookup(group, &gid))
        return "group " + group + " does not exist";
    // uid_t(-1): leave the owner as it is.
    if (::chown(path.c_str(), uid_t(-1), gid) != 0)
        return "cannot give " + path + " to group " + group + ": " + std::strerror(errno);
    return {};
}

}  // namespace gatehouse::platform
