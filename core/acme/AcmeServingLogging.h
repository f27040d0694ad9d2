#pragma once

#include <QLoggingCategory>

namespace gatehouse::acme {

// "gatehouse.acme" for the serving side of ACME: challenges published and
// answered, the certificate store. (The protocol client logs under the same name.)
Q_DECLARE_LOGGING_CATEGORY(lcAcmeServing)

}  // namespace gatehouse::acme
