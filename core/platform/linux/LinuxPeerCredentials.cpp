#include "platform/linux/LinuxPeerCredentials.h"

#include "platform/linux/LinuxGroups.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <optional>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace gatehouse::platform {

namespace {

std::string accountName(uid_t uid)
{
    std::vector<char> buffer(4096);
    struct passwd entry
    { };
    struct passwd *found = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return {};
    return entry.pw_name;
}

// The peer process's own supplementary groups, nullopt when the kernel cannot say.
std::optional<std::vector<gid_t>> peerGroups(int fd)
{
#ifdef SO_PEERGROUPS
    std::vector<gid_t> groups(64);
    for (int attempt = 0; attempt < 4; ++attempt) {
        socklen_t length = socklen_t(groups.size() * sizeof(gid_t));
        if (::getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &length) == 0) {
            groups.resize(length / sizeof(gid_t));
            return groups;
        }
        if (errno != ERANGE)
            return std::nullopt;
        groups.resize(length / sizeof(gid_t) + 1);
    }
#else
    (void)fd;
#endif
    return std::nullopt;
}

// The account's groups from the group database, for kernels without SO_PEERGROUPS.
std::vector<gid_t> accountGroups(const std::string &account, gid_t primary)
{
    if (account.empty())
        return {};
    int count = 64;
    std::vector<gid_t> groups(static_cast<std::size_t>(count));
    if (::getgrouplist(account.c_str(), primary, groups.data(), &count) < 0) {
        groups.resize(std::size_t(count));
        if (::getgrouplist(account.c_str(), primary, groups.data(), &count) < 0)
            return {};
    }
    groups.resize(std::size_t(count));
    return groups;
}

}  // namespace

PeerCheck LinuxPeerCredentials::check(std::intptr_t descriptor, const std::string &group) const
{
    PeerCheck result;
    const int fd = int(descriptor);
    struct ucred credentials
    { };
    socklen_t length = sizeof credentials;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0 || length != sizeof credentials) {
        result.reason = std::string("the peer's credentials are unavailable: ") + std::strerror(errno);
        return result;
    }
    result.known = true;
    result.pid = credentials.pid;
    result.uid = credentials.uid;
    result.gid = credentials.gid;
    result.account = accountName(credentials.uid);

    if (credentials.uid == 0) {
        result.admitted = true;
        result.reason = "root";
        return result;
    }
    if (credentials.uid == ::geteuid()) {
        result.admitted = true;
        result.reason = "the service's own user";
        return result;
    }
    const std::optional<gid_t> wanted = linuxgroups::groupId(group);
    if (!wanted) {
        result.reason = "not root, not the service's user, and group " + group + " does not exist";
        return result;
    }
    if (credentials.gid == *wanted) {
        result.admitted = true;
        result.reason = "primary group " + group;
        return result;
    }
    const std::optional<std::vector<gid_t>> fromKernel = peerGroups(fd);
    const std::vector<gid_t> groups = fromKernel ? *fromKernel : accountGroups(result.account, credentials.gid);
    if (std::find(groups.begin(), groups.end(), *wanted) != groups.end()) {
        result.admitted = true;
        result.reason = "member of group " + group;
        return result;
    }
    result.reason = "not root, not the service's user, not a member of group " + group;
    return result;
}

std::unique_ptr<PeerCredentials> PeerCredentials::create()
{
    return std::make_unique<LinuxPeerCredentials>();
}

}  // namespace gatehouse::platform
