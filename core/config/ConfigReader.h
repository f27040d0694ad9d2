#pragma once

#include "config/Config.h"
#include "config/Diagnostic.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace gatehouse::config {

// Turns the JSON text of a config file into the model, reporting every
// structural problem at once: malformed JSON (with line and column), unknown
// fields, wrong types, numbers out of range. Semantics are ConfigValidator's.
class ConfigReader
{
public:
    struct Result
    {
        Config config;
        Diagnostics diagnostics;
        // Fields written in their one-value form ("ports": 80, "domains": "a.com", "host": "b"),
        // so later findings about their only element name the field itself.
        QSet<QString> shorthandPaths;
        // Where the model holds defaults instead of what the document says, because
        // reading failed there; findings of the validator about these are echoes.
        QSet<QString> unreadPaths;
    };

    static Result read(const QByteArray &json);
};

}  // namespace gatehouse::config
