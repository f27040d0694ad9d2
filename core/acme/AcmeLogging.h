#pragma once

#include <QLoggingCategory>

namespace gatehouse::acme {

// "gatehouse.acme": directory, account, orders and their steps, CA problems.
Q_DECLARE_LOGGING_CATEGORY(lcAcme)

}  // namespace gatehouse::acme
