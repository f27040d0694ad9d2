#pragma once

#include "config/Config.h"
#include "net/PortManager.h"
#include "proxy/ProxyEngine.h"

#include <memory>

namespace gatehouse::test {

// The proxy in-process, wired as the service wires it: PortManager listeners
// hand accepted sockets to a ProxyEngine's worker threads. Stops and drains
// when destroyed.
class ProxyRig
{
public:
    explicit ProxyRig(int workers = 2);
    ~ProxyRig();

    // The engine takes the config's snapshot, then the listeners are reconciled
    // (the service's order); false, with the reason logged, when the snapshot fails.
    bool apply(const config::Config &config);

    proxy::ProxyEngine &engine() { return *m_engine; }
    net::PortManager &ports() { return *m_ports; }

private:
    std::unique_ptr<proxy::ProxyEngine> m_engine;
    std::unique_ptr<net::PortManager> m_ports;
    quint64 m_revision = 0;
};

}  // namespace gatehouse::test
