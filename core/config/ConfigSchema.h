#pragma once

#include <QJsonObject>

namespace gatehouse::config {

// The JSON Schema (draft 2020-12) of the config file, for editors that complete
// and check it; `gatehoused --print-schema` prints it. Objects are named as in
// ConfigFields.h, defaults come from the model, and the ranges and choices are
// ConfigReader's and ConfigValidator's. Semantic rules the schema cannot say
// (patterns, unique names, overlaps, files that exist) remain --check's.
class ConfigSchema
{
public:
    static QJsonObject build();
};

}  // namespace gatehouse::config
