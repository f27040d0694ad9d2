// Config documents: arbitrary bytes through ConfigLoader (reader and validator)
// never crash, every finding says what and (but for the document as a whole)
// where, a rejected document always has an error, and loading is deterministic.
// An accepted config written back by ConfigWriter loads again to the same model.
#include "FuzzCheck.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"

using namespace gatehouse::config;

namespace {

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    ConfigValidator::Options options;
    options.checkFiles = false;  // the file system is not under test, and must not be touched
    const ConfigLoader::Result result = ConfigLoader::load(json, options);

    bool errors = false;
    for (const Diagnostic &d : result.diagnostics) {
        FUZZ_CHECK(!d.message.trimmed().isEmpty(), QStringLiteral("a finding without a message at ") + d.path);
        FUZZ_CHECK(!d.toString().isEmpty(), d.message);
        FUZZ_CHECK(d.line >= 0 && d.column >= 0, d.toString());
        if (d.severity == Diagnostic::Severity::Error)
            errors = true;
    }
    FUZZ_CHECK(result.ok() == !errors, describe(result.diagnostics));
    FUZZ_CHECK(result.ok() == !hasErrors(result.diagnostics), describe(result.diagnostics));
    // Errors come first, so the first thing a person reads is why it was rejected.
    bool seenWarning = false;
    for (const Diagnostic &d : result.diagnostics) {
        if (d.severity == Diagnostic::Severity::Warning)
            seenWarning = true;
        else
            FUZZ_CHECK(!seenWarning, QStringLiteral("an error after a warning:\n") + describe(result.diagnostics));
    }

    const ConfigLoader::Result again = ConfigLoader::load(json, options);
    FUZZ_CHECK(again.diagnostics == result.diagnostics, QStringLiteral("loading twice gives different findings"));

    if (!result.ok())
        return 0;
    // What the GUI and `gatehousectl apply` write back must load to the same config.
    const QByteArray written = ConfigWriter::write(result.config);
    const ConfigLoader::Result reloaded = ConfigLoader::load(written, options);
    FUZZ_CHECK(reloaded.ok(),
               QStringLiteral("the written config is rejected:\n%1\n--- written\n%2")
                   .arg(describe(reloaded.diagnostics), QString::fromUtf8(written)));
    FUZZ_CHECK(reloaded.config == result.config,
               QStringLiteral("the written config loads differently:\n%1").arg(QString::fromUtf8(written)));
    return 0;
}
