#pragma once

#include "config/Config.h"

#include <QString>

namespace gatehouse::config {

// The config the service writes and runs when it finds none: one route on
// 127.0.0.1:8080 with a welcome page that says how to add routes. ACME is off.
Config defaultConfig(const QString &configPath);

inline constexpr quint16 kDefaultWelcomePort = 8080;

}  // namespace gatehouse::config
