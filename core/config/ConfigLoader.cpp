#include "config/ConfigLoader.h"

#include "config/ConfigReader.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace gatehouse::config {

namespace {

// The validator speaks of "domains[0]"; where the user wrote "domains": "a.com", say "domains".
QString userPath(const QString &path, const QSet<QString> &shorthandPaths)
{
    QString result = path;
    qsizetype from = result.size();
    while ((from = result.lastIndexOf(QStringLiteral("[0]"), from - 1)) > 0) {
        if (shorthandPaths.contains(result.left(from)))
            result.remove(from, 3);
    }
    return result;
}

// True when one path is the other or lies inside it ("routes[0].match" and "routes[0].match.ports[1]").
bool related(const QString &a, const QString &b)
{
    const QString &shorter = a.size() <= b.size() ? a : b;
    const QString &longer = a.size() <= b.size() ? b : a;
    if (!longer.startsWith(shorter))
        return false;
    return longer.size() == shorter.size() || shorter.isEmpty() || longer[shorter.size()] == u'.'
        || longer[shorter.size()] == u'[';
}

}  // namespace

ConfigLoader::Result ConfigLoader::load(const QByteArray &json, const ConfigValidator::Options &options)
{
    ConfigReader::Result read = ConfigReader::read(json);
    Result result { std::move(read.config), std::move(read.diagnostics) };
    const bool readErrors = hasErrors(result.diagnostics);
    const bool syntaxError = readErrors && result.diagnostics.first().line > 0;
    if (syntaxError)
        return result;
    // Every error at once: the validator's too, except where it would only echo a read error.
    for (Diagnostic d : ConfigValidator::validate(result.config, options)) {
        d.path = userPath(d.path, read.shorthandPaths);
        const bool echo = std::any_of(read.unreadPaths.cbegin(), read.unreadPaths.cend(),
                                      [&](const QString &unread) { return related(unread, d.path); });
        // Overlaps of half-read routes are guesses.
        const bool guess = readErrors && d.severity == Diagnostic::Severity::Warning;
        if (!echo && !guess)
            result.diagnostics << d;
    }
    std::stable_partition(result.diagnostics.begin(), result.diagnostics.end(),
                          [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    return result;
}

ConfigLoader::Result ConfigLoader::loadFile(const QString &path, const ConfigValidator::Options &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        //: %1 is a file path, %2 the system's reason.
        const QString message = QCoreApplication::translate("gatehouse::config::ConfigLoader", "cannot read %1: %2")
                                    .arg(path, file.errorString());
        result.diagnostics.append({ Diagnostic::Severity::Error, QString(), message, 0, 0 });
        return result;
    }
    return load(file.readAll(), options);
}

}  // namespace gatehouse::config
