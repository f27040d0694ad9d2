#pragma once

#include <QLoggingCategory>

namespace gatehouse::net {

// "gatehouse.net": binds, releases, failures with their fix, retries.
Q_DECLARE_LOGGING_CATEGORY(lcNet)

}  // namespace gatehouse::net
