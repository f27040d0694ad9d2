#pragma once

// Hands the control socket and its directory to the access group, so members of
// `gatehouse` can connect without being root. Plain C++ (no Qt). On Windows
// named pipes are not files and these report that nothing was done.

#include <string>

namespace gatehouse::platform {

// Whether a group of that name exists on this host.
bool groupExists(const std::string &group);

// Changes the group of path (the owner stays). Returns an empty string on
// success, otherwise what went wrong, ready for a log line.
std::string setFileGroup(const std::string &path, const std::string &group);

}  // namespace gatehouse::platform
