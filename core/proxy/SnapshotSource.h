#pragma once

#include "proxy/ProxySnapshot.h"

#include <atomic>
#include <memory>

namespace gatehouse::proxy {

// The snapshot new work should use, readable from any worker thread: a
// keep-alive HTTP connection asks it at every new request, so a route change
// reaches open connections without disturbing requests in flight.
class SnapshotSource
{
public:
    ProxySnapshot::Ptr current() const { return m_current.load(std::memory_order_acquire); }
    void set(ProxySnapshot::Ptr snapshot) { m_current.store(std::move(snapshot), std::memory_order_release); }

private:
    std::atomic<ProxySnapshot::Ptr> m_current;
};

}  // namespace gatehouse::proxy
