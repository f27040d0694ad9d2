#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gatehouse::ctl {

// Turns the service's JSON answers into the text gatehousectl prints: tables
// for people, the same facts --json gives to scripts. No I/O, so the layout
// can be checked without a service.
class CtlFormat
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::ctl::CtlFormat)

public:
    static QString status(const QJsonObject &status, const QString &endpoint);
    // ports.list items, ordered conflict, denied, error, waiting, bound.
    static QString ports(const QJsonArray &ports);
    // config.get's {revision, config}.
    static QString routes(const QJsonObject &configGet);
    static QString certs(const QJsonValue &certs);
    // What a certificate is doing or what went wrong, in a few words.
    static QString certificateDetail(const QJsonObject &cert);
    // One line per event, "TIME  TYPE  what happened".
    static QString event(const QJsonObject &event);
    // config.validate / config.apply diagnostics, like `gatehoused --check`:
    // "FILE:LINE:COLUMN: error: ..." or "FILE: error: routes[1].name: ...".
    static QString diagnostics(const QString &file, const QJsonArray &diagnostics);
    static int errorCount(const QJsonArray &diagnostics);
    // "nginx (pid 1234)" for a ports.list holder object; empty when unknown.
    static QString holder(const QJsonValue &holder);
    // "FILE: error: ..." for each failed listener of a config.apply report whose
    // message is not already in alreadySaid, holders named.
    static QString failures(const QString &file, const QJsonObject &report, const QString &alreadySaid);
    // "FILE: 2 errors, config rejected", as `gatehoused --check` ends.
    static QString errorsRejected(const QString &file, int errors);
    // "127.0.0.1:80 (conflict)" for every listener that is not bound.
    static QStringList notBound(const QJsonArray &ports);
};

}  // namespace gatehouse::ctl
