#pragma once

#include "platform/PeerCredentials.h"

namespace gatehouse::platform {

// SO_PEERCRED for uid, gid and pid as they were at connect time; SO_PEERGROUPS
// for the peer's supplementary groups (what the process really has, so a client
// started with its groups cleared is not let in on its account's behalf), with
// getgrouplist() for the account as the fallback on kernels without it.
class LinuxPeerCredentials final : public PeerCredentials
{
public:
    PeerCheck check(std::intptr_t descriptor, const std::string &group) const override;
};

}  // namespace gatehouse::platform
