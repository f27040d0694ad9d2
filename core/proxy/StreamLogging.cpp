#include "proxy/StreamLogging.h"

namespace gatehouse::proxy {

Q_LOGGING_CATEGORY(lcStream, "gatehouse.proxy")

}  // namespace gatehouse::proxy
