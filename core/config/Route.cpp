#include "config/Route.h"

namespace gatehouse::config {

QString toString(TlsMode mode)
{
    switch (mode) {
    case TlsMode::None:
        return {};
    case TlsMode::Passthrough:
        return QStringLiteral("passthrough");
    case TlsMode::Terminate:
        return QStringLiteral("terminate");
    case TlsMode::TerminateAndReencrypt:
        return QStringLiteral("terminate-and-reencrypt");
    }
    return {};
}

QString toString(ActionType type)
{
    switch (type) {
    case ActionType::Forward:
        return QStringLiteral("forward");
    case ActionType::Redirect:
        return QStringLiteral("redirect");
    case ActionType::Respond:
        return QStringLiteral("respond");
    }
    return {};
}

}  // namespace gatehouse::config
