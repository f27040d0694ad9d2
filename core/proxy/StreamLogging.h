#pragma once

#include <QLoggingCategory>

namespace gatehouse::proxy {

// "gatehouse.proxy" for the byte-moving layer: streams, TLS, upstream connects, tunnels.
Q_DECLARE_LOGGING_CATEGORY(lcStream)

}  // namespace gatehouse::proxy
