#pragma once

#include "config/Config.h"
#include "net/ListenerKey.h"

#include <QMap>
#include <QStringList>

namespace gatehouse::net {

// The listeners a config wants, each with the names of the routes that use it.
using WantedListeners = QMap<ListenerKey, QStringList>;

// The union over enabled routes of (bindAddress, every port, ranges expanded).
// Route names are sorted and unique; an unnamed route is called "routes[i]".
WantedListeners wantedListeners(const config::Config &config);

}  // namespace gatehouse::net
