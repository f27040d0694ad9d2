#pragma once

#include <QLoggingCategory>

namespace gatehouse::control {

// "gatehouse.control": control-socket setup, refused peers, dropped clients.
Q_DECLARE_LOGGING_CATEGORY(lcControl)

}  // namespace gatehouse::control
