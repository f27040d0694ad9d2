#include "net/WantedListeners.h"

#include <algorithm>

namespace gatehouse::net {

WantedListeners wantedListeners(const config::Config &config)
{
    WantedListeners wanted;
    for (qsizetype i = 0; i < config.routes.size(); ++i) {
        const config::Route &route = config.routes.at(i);
        if (!route.enabled)
            continue;
        const QString name = route.name.isEmpty() ? QStringLiteral("routes[%1]").arg(i) : route.name;
        for (const config::PortRange &range : route.match.ports) {
            // int, so a range ending at 65535 does not wrap around.
            for (int port = range.from; port <= int(range.to); ++port) {
                wanted[ListenerKey::make(config.bindAddress, quint16(port))].append(name);
            }
        }
    }
    // Sorted, then a route listed once (it may name a port twice): no quadratic
    // contains() when thousands of routes share a port.
    for (QStringList &names : wanted) {
        names.sort();
        names.erase(std::unique(names.begin(), names.end()), names.end());
    }
    return wanted;
}

}  // namespace gatehouse::net
