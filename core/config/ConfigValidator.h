#pragma once

#include "config/Config.h"
#include "config/Diagnostic.h"

namespace gatehouse::config {

// The semantic rules of a config: what the reader cannot see from types alone
// (names, patterns, TLS and ACME combinations), then overlap and shadow warnings.
// Works on the model, so the GUI validates what it edits without any JSON.
class ConfigValidator
{
public:
    struct Options
    {
        // Check that certificate, key and CA bundle files exist and are readable.
        bool checkFiles = true;
    };

    static Diagnostics validate(const Config &config, const Options &options);
    static Diagnostics validate(const Config &config) { return validate(config, Options {}); }
};

}  // namespace gatehouse::config
