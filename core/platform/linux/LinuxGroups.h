#pragma once

#include <optional>
#include <string>
#include <sys/types.h>

namespace gatehouse::platform::linuxgroups {

// The id of a group by name (getgrnam_r, growing its buffer as needed); nullopt
// when there is no such group.
std::optional<gid_t> groupId(const std::string &group);

}  // namespace gatehouse::platform::linuxgroups
