#include "CtlFormat.h"

#include "TextTable.h"
#include "config/Diagnostic.h"
#include "net/BindError.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace gatehouse::ctl {

namespace {

QString str(const QJsonValue &value, const QString &key)
{
    return value.toObject().value(key).toString();
}

QString listener(const QJsonObject &port)
{
    const QString address = port.value(QStringLiteral("address")).toString();
    const QString number = QString::number(port.value(QStringLiteral("port")).toInt());
    return address.contains(u':') ? QString(u'[' + address + QStringLiteral("]:") + number)
                                  : QString(address + u':' + number);
}

// ISO time from the service (UTC) as local wall-clock time: today's times
// without the date, which is what someone watching a retry wants.
QString localTime(const QJsonValue &iso)
{
    const QDateTime time = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

int stateRank(const QString &state)
{
    static const QStringList order = { QStringLiteral("conflict"), QStringLiteral("denied"), QStringLiteral("error"),
                                       QStringLiteral("waiting"), QStringLiteral("bound") };
    const qsizetype index = order.indexOf(state);
    return index < 0 ? int(order.size()) : int(index);
}

QString joinStrings(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    QStringList items;
    for (const QJsonValue &item : value.toArray())
        items << item.toString();
    return items.join(QStringLiteral(", "));
}

QString portsText(const QJsonValue &ports)
{
    const auto one = [](const QJsonValue &value) -> QString {
        if (value.isObject())
            return QString::number(value[QStringLiteral("from")].toInt()) + u'-'
                + QString::number(value[QStringLiteral("to")].toInt());
        return QString::number(value.toInt());
    };
    if (!ports.isArray())
        return ports.isUndefined() ? QString() : one(ports);
    QStringList items;
    for (const QJsonValue &item : ports.toArray())
        items << one(item);
    return items.join(u',');
}

QString actionText(const QJsonObject &action)
{
    const QString type = action.value(QStringLiteral("type")).toString();
    QString text;
    if (type == QStringLiteral("forward")) {
        QStringList targets;
        for (const QJsonValue &target : action.value(QStringLiteral("targets")).toArray()) {
            const QString port = QString::number(target[QStringLiteral("port")].toInt());
            const QJsonValue hosts = target[QStringLiteral("host")];
            const QStringList names
                = hosts.isArray() ? joinStrings(hosts).split(QStringLiteral(", ")) : QStringList { hosts.toString() };
            for (const QString &host : names)
                targets << (host.contains(u':') ? QString(u'[' + host + QStringLiteral("]:")) : QString(host + u':'))
                        + port;
        }
        text = CtlFormat::tr("forward to %1").arg(targets.join(QStringLiteral(", ")));
    } else if (type == QStringLiteral("redirect")) {
        const QJsonObject redirect = action.value(QStringLiteral("redirect")).toObject();
        text = CtlFormat::tr("redirect %1 to %2")
                   .arg(redirect.value(QStringLiteral("status")).toInt())
                   .arg(redirect.value(QStringLiteral("to")).toString());
    } else if (type == QStringLiteral("respond")) {
        text = CtlFormat::tr("respond %1")
                   .arg(action.value(QStringLiteral("respond")).toObject().value(QStringLiteral("status")).toInt());
    } else if (type == QStringLiteral("metrics")) {
        text = CtlFormat::tr("metrics (Prometheus)");
    } else {
        text = type;
    }
    const QString tlsMode = str(action.value(QStringLiteral("tls")), QStringLiteral("mode"));
    if (!tlsMode.isEmpty())
        text += QStringLiteral(" (tls %1)").arg(tlsMode);
    return text;
}

config::Diagnostic diagnosticFromJson(const QJsonObject &object)
{
    config::Diagnostic d;
    d.severity = object.value(QStringLiteral("severity")).toString() == QStringLiteral("warning")
        ? config::Diagnostic::Severity::Warning
        : config::Diagnostic::Severity::Error;
    d.path = object.value(QStringLiteral("path")).toString();
    d.message = object.value(QStringLiteral("message")).toString();
    d.line = object.value(QStringLiteral("line")).toInt();
    d.column = object.value(QStringLiteral("column")).toInt();
    return d;
}

}  // namespace

QString CtlFormat::status(const QJsonObject &status, const QString &endpoint)
{
    QStringList listeners;
    const QJsonObject states = status.value(QStringLiteral("listeners")).toObject();
    QStringList names = states.keys();
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return stateRank(a) < stateRank(b); });
    for (const QString &state : std::as_const(names))
        listeners << QStringLiteral("%1 %2").arg(states.value(state).toInt()).arg(state);

    TextTable table;
    table.addRow({ tr("Service"), tr("running, version %1").arg(str(status, QStringLiteral("version"))) });
    table.addRow({ tr("Socket"), endpoint });
    table.addRow({ tr("Config"), str(status, QStringLiteral("configPath")) });
    table.addRow({ tr("Revision"), QString::number(status.value(QStringLiteral("revision")).toInteger()) });
    table.addRow({ tr("Started"), localTime(status.value(QStringLiteral("startedAt"))) });
    table.addRow({ tr("Routes"), QString::number(status.value(QStringLiteral("routes")).toInt()) });
    table.addRow({ tr("Listeners"), listeners.isEmpty() ? tr("none") : listeners.join(QStringLiteral(", ")) });
    table.addRow({ tr("Connections"), QString::number(status.value(QStringLiteral("activeConnections")).toInteger()) });
    return table.render();
}

QString CtlFormat::holder(const QJsonValue &holder)
{
    const std::optional<net::ProcessInfo> process = net::ProcessInfo::fromJson(holder);
    return process ? process->describe() : QString();
}

QString CtlFormat::ports(const QJsonArray &ports)
{
    if (ports.isEmpty())
        return tr("No listeners: no enabled route wants a port.") + u'\n';
    QList<QJsonObject> sorted;
    for (const QJsonValue &port : ports)
        sorted << port.toObject();
    std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return stateRank(a.value(QStringLiteral("state")).toString())
            < stateRank(b.value(QStringLiteral("state")).toString());
    });

    TextTable table({ tr("STATE"), tr("LISTENER"), tr("ROUTES"), tr("DETAIL") });
    for (const QJsonObject &port : std::as_const(sorted)) {
        const QString state = port.value(QStringLiteral("state")).toString();
        const QJsonObject lastError = port.value(QStringLiteral("lastError")).toObject();
        const QString retry = localTime(port.value(QStringLiteral("nextRetry")));
        const QString retryNote = retry.isEmpty() ? QString() : tr("; next retry %1").arg(retry);
        QString detail;
        if (state == QStringLiteral("conflict")) {
            QJsonValue holderValue = port.value(QStringLiteral("holder"));
            if (!holderValue.isObject())
                holderValue = lastError.value(QStringLiteral("holder"));
            const QString who = holder(holderValue);
            detail = (who.isEmpty() ? tr("in use by another process (the OS does not say which)")
                                    : tr("in use by %1").arg(who))
                + retryNote;
        } else if (state == QStringLiteral("denied")) {
            detail = tr("ports below 1024 need privileges: run gatehoused as root or give it "
                        "CAP_NET_BIND_SERVICE (AmbientCapabilities= in its unit), or use a port above 1023")
                + retryNote;
        } else if (state == QStringLiteral("waiting")) {
            const QString why = lastError.value(QStringLiteral("message")).toString();
            detail = (why.isEmpty() ? tr("waiting") : why) + retryNote;
        } else if (state == QStringLiteral("bound")) {
            const QString since = localTime(port.value(QStringLiteral("since")));
            detail = since.isEmpty() ? QString() : tr("since %1").arg(since);
        } else {
            detail = lastError.value(QStringLiteral("message")).toString() + retryNote;
        }
        table.addRow({ state, listener(port), joinStrings(port.value(QStringLiteral("routes"))), detail });
    }
    return table.render();
}

QString CtlFormat::routes(const QJsonObject &configGet)
{
    const QJsonObject config = configGet.value(QStringLiteral("config")).toObject();
    const QJsonArray routes = config.value(QStringLiteral("routes")).toArray();
    QString text = tr("Revision %1, bind address %2")
                       .arg(configGet.value(QStringLiteral("revision")).toInteger())
                       .arg(config.contains(QStringLiteral("bindAddress"))
                                ? config.value(QStringLiteral("bindAddress")).toString()
                                : tr("all interfaces"))
        + u'\n';
    if (routes.isEmpty())
        return text + tr("No routes.") + u'\n';
    TextTable table({ tr("NAME"), tr("PORTS"), tr("DOMAINS"), tr("PATH"), tr("ACTION") });
    for (const QJsonValue &value : routes) {
        const QJsonObject route = value.toObject();
        const QJsonObject match = route.value(QStringLiteral("match")).toObject();
        QString name = route.value(QStringLiteral("name")).toString();
        if (!route.value(QStringLiteral("enabled")).toBool(true))
            name += u' ' + tr("(disabled)");
        QString domains = joinStrings(match.value(QStringLiteral("domains")));
        table.addRow({ name, portsText(match.value(QStringLiteral("ports"))),
                       domains.isEmpty() ? QStringLiteral("*") : domains,
                       match.value(QStringLiteral("path")).toString(QStringLiteral("*")),
                       actionText(route.value(QStringLiteral("action")).toObject()) });
    }
    return text + table.render();
}

QString CtlFormat::certificateDetail(const QJsonObject &cert)
{
    const QString state = cert.value(QStringLiteral("state")).toString();
    if (const QString progress = cert.value(QStringLiteral("progress")).toString(); !progress.isEmpty())
        return progress;
    QString detail;
    if (const QString error = cert.value(QStringLiteral("lastError")).toString(); !error.isEmpty()) {
        detail
            = tr("%n failed attempt(s), last: %1", nullptr, cert.value(QStringLiteral("attempts")).toInt()).arg(error);
        if (const QString next = localTime(cert.value(QStringLiteral("nextAttempt"))); !next.isEmpty())
            detail += u' ' + tr("(next attempt %1)").arg(next);
    } else if (state == QStringLiteral("valid")) {
        detail = tr("serial %1, %2")
                     .arg(cert.value(QStringLiteral("serial")).toString(),
                          cert.value(QStringLiteral("issuer")).toString());
    }
    return detail;
}

QString CtlFormat::certs(const QJsonValue &certs)
{
    const QJsonArray list = certs.isArray() ? certs.toArray() : certs[QStringLiteral("certificates")].toArray();
    if (list.isEmpty())
        return tr("No certificates.") + u'\n';
    TextTable table({ tr("DOMAINS"), tr("STATE"), tr("EXPIRES"), tr("RENEWAL"), tr("DETAIL") });
    for (const QJsonValue &cert : list) {
        table.addRow({ joinStrings(cert[QStringLiteral("domains")]), cert[QStringLiteral("state")].toString(),
                       localTime(cert[QStringLiteral("notAfter")]), localTime(cert[QStringLiteral("nextRenewal")]),
                       certificateDetail(cert.toObject()) });
    }
    return table.render();
}

QString CtlFormat::event(const QJsonObject &event)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    QString detail;
    if (type == QStringLiteral("config.applied")) {
        detail = tr("revision %1").arg(event.value(QStringLiteral("revision")).toInteger());
    } else if (type == QStringLiteral("listener.changed")) {
        const QJsonObject port = event.value(QStringLiteral("listener")).toObject();
        const QString state = port.value(QStringLiteral("state")).toString();
        detail = listener(port) + u' ' + state;
        if (const QString who = holder(port.value(QStringLiteral("holder"))); !who.isEmpty())
            detail += u' ' + tr("(in use by %1)").arg(who);
        else if (state != QStringLiteral("bound"))
            if (const QString why = str(port.value(QStringLiteral("lastError")), QStringLiteral("message"));
                !why.isEmpty())
                detail += QStringLiteral(": ") + why;
    } else if (type == QStringLiteral("listener.released")) {
        detail = tr("%1 released").arg(listener(event));
    } else if (type == QStringLiteral("certificate.changed")) {
        const QJsonObject cert = event.value(QStringLiteral("certificate")).toObject();
        detail = joinStrings(cert.value(QStringLiteral("domains"))) + u' '
            + cert.value(QStringLiteral("state")).toString();
        if (const QString more = certificateDetail(cert); !more.isEmpty())
            detail += QStringLiteral(": ") + more;
    } else if (type == QStringLiteral("error")) {
        detail = event.value(QStringLiteral("source")).toString() + QStringLiteral(": ")
            + event.value(QStringLiteral("message")).toString();
    } else {
        QJsonObject rest = event;
        rest.remove(QStringLiteral("type"));
        rest.remove(QStringLiteral("time"));
        detail = QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact));
    }
    QString time = localTime(event.value(QStringLiteral("time")));
    // Padded to the longest type the service sends, so a stream of lines still lines up.
    return time + QStringLiteral("  ") + type.leftJustified(17) + QStringLiteral("  ") + detail + u'\n';
}

int CtlFormat::errorCount(const QJsonArray &diagnostics)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(), [](const QJsonValue &d) {
        return d[QStringLiteral("severity")].toString() != QStringLiteral("warning");
    }));
}

QString CtlFormat::diagnostics(const QString &file, const QJsonArray &diagnostics)
{
    QString text;
    for (const QJsonValue &value : diagnostics) {
        const config::Diagnostic d = diagnosticFromJson(value.toObject());
        if (d.line > 0)
            text += QStringLiteral("%1:%2:%3: %4: %5")
                        .arg(file)
                        .arg(d.line)
                        .arg(d.column)
                        .arg(d.severity == config::Diagnostic::Severity::Error ? QStringLiteral("error")
                                                                               : QStringLiteral("warning"),
                             d.message);
        else
            text += file + QStringLiteral(": ") + d.toString();
        text += u'\n';
    }
    return text;
}

QString CtlFormat::failures(const QString &file, const QJsonObject &report, const QString &alreadySaid)
{
    QString text;
    for (const QJsonValue &failure : report.value(QStringLiteral("failed")).toArray()) {
        const QString message = failure[QStringLiteral("message")].toString();
        if (!message.isEmpty() && alreadySaid.contains(message))
            continue;
        const QString listenerName = failure[QStringLiteral("listener")].toString();
        text += file + QStringLiteral(": ")
            + tr("error: %1")
                  .arg(message.contains(listenerName) ? message : listenerName + QStringLiteral(": ") + message);
        const QJsonValue who = failure[QStringLiteral("holder")];
        if (who.isObject() && !message.contains(QStringLiteral("pid %1").arg(who[QStringLiteral("pid")].toInteger())))
            text += u' ' + tr("(in use by %1)").arg(holder(who));
        text += u'\n';
    }
    return text;
}

QString CtlFormat::errorsRejected(const QString &file, int errors)
{
    return errors == 1 ? tr("%1: 1 error, config rejected").arg(file)
                       : tr("%1: %2 errors, config rejected").arg(file).arg(errors);
}

QStringList CtlFormat::notBound(const QJsonArray &ports)
{
    QStringList names;
    for (const QJsonValue &port : ports) {
        if (port[QStringLiteral("state")].toString() != QStringLiteral("bound"))
            names << listener(port.toObject()) + QStringLiteral(" (") + port[QStringLiteral("state")].toString() + u')';
    }
    return names;
}

}  // namespace gatehouse::ctl
