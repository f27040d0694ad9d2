#pragma once

#include "config/Config.h"

#include <QByteArray>

namespace gatehouse::config {

// Writes a config as canonical JSON: fields in a fixed, readable order
// (name before match before action), defaults left out, short lists on one
// line. Reading what it wrote and writing again gives the same bytes.
class ConfigWriter
{
public:
    static QByteArray write(const Config &config);
    // One route as it appears in write()'s route list, on its own: what the
    // GUI's route editor shows in its JSON tab.
    static QByteArray writeRoute(const Route &route);
};

}  // namespace gatehouse::config
