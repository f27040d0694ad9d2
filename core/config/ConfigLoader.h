#pragma once

#include "config/Config.h"
#include "config/ConfigValidator.h"
#include "config/Diagnostic.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::config {

// Reads and validates a config document in one step, as the service, `--check`
// and the control socket do. Every finding carries the path as the user wrote it.
class ConfigLoader
{
public:
    struct Result
    {
        Config config;
        Diagnostics diagnostics;  // errors and warnings, errors first
        bool ok() const { return !hasErrors(diagnostics); }
    };

    static Result load(const QByteArray &json, const ConfigValidator::Options &options = {});
    // As load(), with a read failure reported as a diagnostic naming the file.
    static Result loadFile(const QString &path, const ConfigValidator::Options &options = {});
};

}  // namespace gatehouse::config
