#pragma once

#include <span>

namespace gatehouse::config::fields {

// The fields each object of the config file accepts. ConfigReader rejects any
// other field with these lists, and ConfigSchema describes each object under the
// same name, so a field added here without its schema fails tst_configschema.

using List = std::span<const char16_t *const>;

inline constexpr const char16_t *kConfig[]
    = { u"bindAddress", u"workers", u"timeouts", u"acceptProxyProtocol", u"acme", u"routes" };
inline constexpr const char16_t *kTimeouts[] = { u"connect", u"headerRead", u"upstreamResponse", u"idle", u"drain" };
inline constexpr const char16_t *kAcme[]
    = { u"email", u"directoryUrl", u"challengePort", u"challengeTypes", u"fallbackPorts", u"caBundle" };
inline constexpr const char16_t *kRoute[] = { u"name", u"enabled", u"priority", u"match", u"action", u"security" };
inline constexpr const char16_t *kMatch[] = { u"ports", u"domains", u"path", u"clientIp", u"headers" };
inline constexpr const char16_t *kPortRange[] = { u"from", u"to" };
inline constexpr const char16_t *kHeaderRegex[] = { u"regex" };
inline constexpr const char16_t *kAction[]
    = { u"type", u"targets", u"loadBalancing", u"sendProxyProtocol", u"tls", u"redirect", u"respond" };
inline constexpr const char16_t *kTarget[] = { u"host", u"port", u"tls" };
inline constexpr const char16_t *kTargetTls[] = { u"verify", u"caBundle", u"serverName" };
inline constexpr const char16_t *kLoadBalancing[] = { u"algorithm", u"maxFails", u"failTimeout" };
inline constexpr const char16_t *kTls[] = { u"mode", u"certificate" };
inline constexpr const char16_t *kStaticCertificate[] = { u"cert", u"key" };
inline constexpr const char16_t *kRedirect[] = { u"to", u"status" };
inline constexpr const char16_t *kRespond[] = { u"status", u"headers", u"body" };
inline constexpr const char16_t *kSecurity[] = { u"ipAllowList", u"ipBlockList", u"maxConnections" };

struct Object
{
    const char *name;  // the schema's name for it: "config" is the top level, the others are under $defs
    List fields;
};

inline constexpr Object kObjects[] = {
    { "config", kConfig },
    { "timeouts", kTimeouts },
    { "acme", kAcme },
    { "route", kRoute },
    { "match", kMatch },
    { "portRange", kPortRange },
    { "headerRegex", kHeaderRegex },
    { "action", kAction },
    { "target", kTarget },
    { "targetTls", kTargetTls },
    { "loadBalancing", kLoadBalancing },
    { "tls", kTls },
    { "staticCertificate", kStaticCertificate },
    { "redirect", kRedirect },
    { "respond", kRespond },
    { "security", kSecurity },
};

}  // namespace gatehouse::config::fields
