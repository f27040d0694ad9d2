#include "acme/AcmeServingLogging.h"

namespace gatehouse::acme {

Q_LOGGING_CATEGORY(lcAcmeServing, "gatehouse.acme")

}  // namespace gatehouse::acme
