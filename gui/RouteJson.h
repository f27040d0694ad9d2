#pragma once

#include "config/Diagnostic.h"
#include "config/Route.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gatehouse::gui {

// One route as JSON text and back, for the route editor's JSON tab. Reading goes
// through the core ConfigReader, so the tab accepts exactly what a config file
// accepts; paths in the findings are relative to the route ("match.ports[1]").
class RouteJson
{
public:
    struct Parsed
    {
        config::Route route;
        config::Diagnostics diagnostics;  // structural problems only (the validator's come later)
        bool ok() const { return !config::hasErrors(diagnostics); }
    };

    static QString toText(const config::Route &route);
    static Parsed fromText(const QString &text);

    // "routes[3].match.ports[1]" relative to route 3: "match.ports[1]"; "" for
    // "routes[3]" itself; nullopt for a path outside that route.
    static std::optional<QString> relativePath(const QString &path, qsizetype routeIndex);
};

}  // namespace gatehouse::gui
