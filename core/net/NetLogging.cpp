#include "net/NetLogging.h"

namespace gatehouse::net {

Q_LOGGING_CATEGORY(lcNet, "gatehouse.net")

}  // namespace gatehouse::net
