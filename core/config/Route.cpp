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
    case ActionType::Metrics:
        return QStringLiteral("metrics");
    }
    return {};
}

QString toString(LoadBalancing algorithm)
{
    switch (algorithm) {
    case LoadBalancing::RoundRobin:
        return QStringLiteral("round-robin");
    case LoadBalancing::LeastConnections:
        return QStringLiteral("least-connections");
    case LoadBalancing::IpHash:
        return QStringLiteral("ip-hash");
    }
    return {};
}

QString toString(ProxyProtocolVersion version)
{
    switch (version) {
    case ProxyProtocolVersion::None:
        return {};
    case ProxyProtocolVersion::V1:
        return QStringLiteral("v1");
    case ProxyProtocolVersion::V2:
        return QStringLiteral("v2");
    }
    return {};
}

}  // namespace gatehouse::config
