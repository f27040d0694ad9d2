#pragma once

#include "platform/ServiceHost.h"

#include <QString>

#include <functional>

namespace gatehouse::platform {

// Qt glue over ServiceHost: runs this process's QCoreApplication event loop as
// the Windows service `name` (gatehoused --service). The hooks run on the main
// thread; stop and reload requests from the SCM's thread are queued to it.
struct QtServiceHooks
{
    std::function<QString()> start;  // empty when running, else why not
    std::function<void()> stop;  // drains and closes; the event loop then ends with exit code 0
    std::function<void()> reload;
};

Result<int, ServiceError> runQtService(const QString &name, const QtServiceHooks &hooks);

}  // namespace gatehouse::platform
