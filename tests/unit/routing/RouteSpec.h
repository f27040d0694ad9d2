#pragma once

#include "config/Config.h"

#include <QStringList>

namespace gatehouse::test {

// Builds config::Route structs from one-line specs, so route table and overlap rows stay
// readable: "name p=5 ports=80,8000-8010 d=example.com,*.example.com path=/api/*
// ip=10.0.0.0/8 h=x-env:prod h~user-agent:^curl off". Ports default to 80; "off" disables.
inline config::Route routeFromSpec(const QString &spec)
{
    config::Route route;
    const QStringList tokens = spec.split(u' ', Qt::SkipEmptyParts);
    route.name = tokens.value(0);
    bool portsGiven = false;
    for (const QString &token : tokens.mid(1)) {
        const QString value = token.section(u'=', 1);
        if (token == u"off") {
            route.enabled = false;
        } else if (token.startsWith(u"p=")) {
            route.priority = value.toInt();
        } else if (token.startsWith(u"ports=")) {
            portsGiven = true;
            for (const QString &part : value.split(u',')) {
                const QStringList ends = part.split(u'-');
                route.match.ports.append({ quint16(ends.first().toUInt()), quint16(ends.last().toUInt()) });
            }
        } else if (token.startsWith(u"d=")) {
            route.match.domains = value.split(u',');
        } else if (token.startsWith(u"path=")) {
            route.match.path = value;
        } else if (token.startsWith(u"ip=")) {
            route.match.clientIp = value.split(u',');
        } else if (token.startsWith(u"h=") || token.startsWith(u"h~")) {
            const QString rest = token.mid(2);
            route.match.headers.append({ rest.section(u':', 0, 0), rest.section(u':', 1), token[1] == u'~' });
        } else {
            qFatal("bad route spec token: %s", qPrintable(token));
        }
    }
    if (!portsGiven)
        route.match.ports.append({ 80, 80 });
    route.action.type = config::ActionType::Respond;
    return route;
}

inline config::Config configFromSpecs(const QStringList &specs)
{
    config::Config config;
    for (const QString &spec : specs)
        config.routes.append(routeFromSpec(spec));
    return config;
}

}  // namespace gatehouse::test
