#include "platform/ServiceHost.h"

namespace gatehouse::platform {

// Linux runs gatehoused under systemd (Type=notify, SIGHUP reloads, SIGTERM
// stops), which needs nothing from the program beyond that.

namespace {

ServiceError unsupported()
{
    // gatehoused words the advice for the user, translated (serviceErrorText).
    return { ServiceError::Kind::Unsupported, "Windows services exist only on Windows" };
}

}  // namespace

Result<int, ServiceError> runAsService(const std::string &, ServiceCallbacks &)
{
    return Result<int, ServiceError>::failure(unsupported());
}

Result<std::string, ServiceError> installService(const ServiceInstallation &)
{
    return Result<std::string, ServiceError>::failure(unsupported());
}

Result<std::string, ServiceError> uninstallService(const std::string &)
{
    return Result<std::string, ServiceError>::failure(unsupported());
}

}  // namespace gatehouse::platform
