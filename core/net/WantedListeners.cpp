#include "net/WantedListeners.h"

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
                QStringList &names = wanted[ListenerKey::make(config.bindAddress, quint16(port))];
                if (!names.contains(name))
                    names.append(name);
            }
        }
    }
    for (QStringList &names : wanted)
        names.sort();
    return wanted;
}

}  // namespace gatehouse::net
