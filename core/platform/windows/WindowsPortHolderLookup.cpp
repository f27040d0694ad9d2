#include "platform/windows/WindowsPortHolderLookup.h"

#include "platform/windows/WindowsText.h"

#include <cstring>
#include <iphlpapi.h>
#include <vector>
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>

namespace gatehouse::platform {

namespace {

struct Address
{
    bool v6 = false;
    unsigned char bytes[16] = {};

    bool isWildcard() const
    {
        for (int i = 0; i < (v6 ? 16 : 4); ++i) {
            if (bytes[i] != 0)
                return false;
        }
        return true;
    }
    bool sameAs(const Address &other) const
    {
        return v6 == other.v6 && std::memcmp(bytes, other.bytes, v6 ? 16 : 4) == 0;
    }
};

bool overlaps(const Address &held, const Address &wanted)
{
    if (held.sameAs(wanted))
        return true;
    if (held.v6 == wanted.v6)
        return held.isWildcard() || wanted.isWildcard();
    return (held.v6 ? held : wanted).isWildcard();
}

// The whole table for one family; the size can change between the two calls, so loop.
std::vector<unsigned char> tcpListeners(ULONG family)
{
    std::vector<unsigned char> buffer;
    DWORD size = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
        buffer.resize(size);
        const DWORD result = GetExtendedTcpTable(size ? buffer.data() : nullptr, &size, FALSE, family,
                                                 TCP_TABLE_OWNER_PID_LISTENER, 0);
        if (result == NO_ERROR)
            return buffer;
        if (result != ERROR_INSUFFICIENT_BUFFER)
            break;
    }
    return {};
}

PortHolder describe(DWORD pid)
{
    PortHolder holder;
    holder.pid = pid;
    if (HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid)) {
        wchar_t path[MAX_PATH * 4];
        DWORD length = MAX_PATH * 4;
        if (QueryFullProcessImageNameW(process, 0, path, &length)) {
            holder.exe = toUtf8(path, static_cast<int>(length));
            const auto slash = holder.exe.find_last_of("\\/");
            holder.name = slash == std::string::npos ? holder.exe : holder.exe.substr(slash + 1);
        }
        CloseHandle(process);
    }
    return holder;
}

}  // namespace

std::optional<PortHolder> WindowsPortHolderLookup::findListener(const std::string &address, std::uint16_t port) const
{
    Address wanted;
    if (inet_pton(AF_INET, address.c_str(), wanted.bytes) != 1) {
        wanted.v6 = true;
        if (inet_pton(AF_INET6, address.c_str(), wanted.bytes) != 1)
            return std::nullopt;
    }

    std::optional<DWORD> exact;
    std::optional<DWORD> overlapping;
    const auto consider = [&](const Address &held, DWORD pid) {
        if (held.sameAs(wanted))
            exact = exact.value_or(pid);
        else if (overlaps(held, wanted))
            overlapping = overlapping.value_or(pid);
    };

    const auto v4 = tcpListeners(AF_INET);
    if (!v4.empty()) {
        const auto *table = reinterpret_cast<const MIB_TCPTABLE_OWNER_PID *>(v4.data());
        for (DWORD i = 0; i < table->dwNumEntries; ++i) {
            const MIB_TCPROW_OWNER_PID &row = table->table[i];
            if (ntohs(static_cast<u_short>(row.dwLocalPort)) != port)
                continue;
            Address held;
            std::memcpy(held.bytes, &row.dwLocalAddr, 4);
            consider(held, row.dwOwningPid);
        }
    }
    const auto v6 = tcpListeners(AF_INET6);
    if (!v6.empty()) {
        const auto *table = reinterpret_cast<const MIB_TCP6TABLE_OWNER_PID *>(v6.data());
        for (DWORD i = 0; i < table->dwNumEntries; ++i) {
            const MIB_TCP6ROW_OWNER_PID &row = table->table[i];
            if (ntohs(static_cast<u_short>(row.dwLocalPort)) != port)
                continue;
            Address held;
            held.v6 = true;
            std::memcpy(held.bytes, row.ucLocalAddr, 16);
            consider(held, row.dwOwningPid);
        }
    }

    if (exact)
        return describe(*exact);
    if (overlapping)
        return describe(*overlapping);
    return std::nullopt;
}

std::unique_ptr<PortHolderLookup> PortHolderLookup::create()
{
    return std::make_unique<WindowsPortHolderLookup>();
}

}  // namespace gatehouse::platform
