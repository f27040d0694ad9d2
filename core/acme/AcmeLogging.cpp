#include "acme/AcmeLogging.h"

namespace gatehouse::acme {

Q_LOGGING_CATEGORY(lcAcme, "gatehouse.acme")

}  // namespace gatehouse::acme
