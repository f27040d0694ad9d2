#include "platform/FileGroup.h"

namespace gatehouse::platform {

// The control endpoint on Windows is a named pipe, not a file: access comes from
// the pipe's security and the peer check, so there is no group to hand it to.

bool groupExists(const std::string &group)
{
    (void)group;
    return false;
}

std::string setFileGroup(const std::string &path, const std::string &group)
{
    return "cannot give " + path + " to group " + group + ": files have no POSIX group on Windows";
}

}  // namespace gatehouse::platform
