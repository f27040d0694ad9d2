#pragma once

#include "config/Route.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace gatehouse::gui {

// How the GUI words what the service reports (listeners, holders, times,
// routes), in one place so every view and dialog says it the same way.
class GuiText
{
    Q_DECLARE_TR_FUNCTIONS(GuiText)

public:
    // "127.0.0.1:8080", "[::1]:8080"
    static QString listener(const QJsonObject &port);
    // "nginx (pid 812, /usr/sbin/nginx)"; empty when the value is not a holder object.
    static QString holder(const QJsonValue &holder);
    // What a listener's state means and what to do about it (holder, fix, next retry).
    static QString portDetail(const QJsonObject &port, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The fix for a port below 1024 that the service may not bind.
    static QString deniedFix();
    // A certificate state as certs.list names it (valid, pending, issuing, renewing,
    // failed, expired), in the user's language; an unknown word as it came.
    static QString certificateState(const QString &state);
    // An ISO 8601 time from the service, as local time; empty when not a time.
    static QString localTime(const QJsonValue &iso);
    // "in 3 days", "5 minutes ago", "now"
    static QString relative(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // "80, 443, 8000-8010"
    static QString ports(const QList<config::PortRange> &ports);
    // "forward", "redirect 301 to https://{host}{path}", "respond 200"
    static QString action(const config::RouteAction &action);
    // "127.0.0.1:8080, [::1]:9000"
    static QString targets(const config::RouteAction &action);
    // "terminate (auto)", "passthrough", "" when TLS is not involved
    static QString tls(const config::TlsSettings &tls);
    // One line describing an event notification for the events log.
    static QString eventDetail(const QJsonObject &event);
};

}  // namespace gatehouse::gui
