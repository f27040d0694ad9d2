#include "control/ControlLogging.h"

namespace gatehouse::control {

Q_LOGGING_CATEGORY(lcControl, "gatehouse.control")

}  // namespace gatehouse::control
