#include "ProxyRig.h"

#include "net/WantedListeners.h"

#include <QDebug>

namespace gatehouse::test {

ProxyRig::ProxyRig(int workers)
    : m_engine(std::make_unique<proxy::ProxyEngine>(workers)), m_ports(std::make_unique<net::PortManager>())
{
    m_engine->start();
    m_ports->setConnectionSink(m_engine.get());
}

ProxyRig::~ProxyRig()
{
    m_ports.reset();  // no new connections first
    m_engine->stop(std::chrono::milliseconds(2000));
}

bool ProxyRig::apply(const config::Config &config)
{
    const auto snapshot = m_engine->apply(config, ++m_revision);
    if (!snapshot) {
        qWarning().noquote() << "snapshot failed:" << snapshot.error();
        return false;
    }
    m_ports->reconcile(net::wantedListeners(config));
    return true;
}

}  // namespace gatehouse::test
