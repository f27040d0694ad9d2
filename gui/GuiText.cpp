#include "GuiText.h"

#include "config/Config.h"
#include "net/BindError.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::gui {

QString GuiText::listener(const QJsonObject &port)
{
    const QString address = port.value(QStringLiteral("address")).toString();
    const QString number = QString::number(port.value(QStringLiteral("port")).toInt());
    return address.contains(u':') ? QString(u'[' + address + QStringLiteral("]:") + number)
                                  : QString(address + u':' + number);
}

QString GuiText::holder(const QJsonValue &holder)
{
    const std::optional<net::ProcessInfo> process = net::ProcessInfo::fromJson(holder);
    return process ? process->describe() : QString();
}

QString GuiText::certificateState(const QString &state)
{
    if (state == u"valid")
        return tr("valid");
    if (state == u"pending")
        return tr("pending");
    if (state == u"issuing")
        return tr("issuing");
    if (state == u"renewing")
        return tr("renewing");
    if (state == u"failed")
        return tr("failed");
    if (state == u"expired")
        return tr("expired");
    return state;
}

QString GuiText::deniedFix()
{
    return tr("ports below 1024 need privileges: run gatehoused as root or give it CAP_NET_BIND_SERVICE "
              "(AmbientCapabilities= in its unit), or use a port above 1023");
}

QString GuiText::portDetail(const QJsonObject &port, const QDateTime &now)
{
    const QString state = port.value(QStringLiteral("state")).toString();
    const QJsonObject lastError = port.value(QStringLiteral("lastError")).toObject();
    const QDateTime retry
        = QDateTime::fromString(port.value(QStringLiteral("nextRetry")).toString(), Qt::ISODateWithMs);
    const QString retryNote = retry.isValid()
        ? tr("; next retry %1 (%2)").arg(relative(retry, now), localTime(port.value(QStringLiteral("nextRetry"))))
        : QString();
    if (state == QStringLiteral("conflict")) {
        QJsonValue who = port.value(QStringLiteral("holder"));
        if (!who.isObject())
            who = lastError.value(QStringLiteral("holder"));
        const QString name = holder(who);
        return (name.isEmpty() ? tr("in use by another process (the system does not say which)")
                               : tr("in use by %1").arg(name))
            + retryNote;
    }
    if (state == QStringLiteral("denied"))
        return deniedFix() + retryNote;
    if (state == QStringLiteral("bound")) {
        const QString since = localTime(port.value(QStringLiteral("since")));
        return since.isEmpty() ? tr("listening") : tr("listening since %1").arg(since);
    }
    const QString why = lastError.value(QStringLiteral("message")).toString();
    return (why.isEmpty() ? tr("waiting to bind") : why) + retryNote;
}

QString GuiText::localTime(const QJsonValue &iso)
{
    const QDateTime time = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString GuiText::relative(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const qint64 seconds = now.secsTo(time);
    const qint64 magnitude = seconds < 0 ? -seconds : seconds;
    if (magnitude < 5)
        return tr("now");
    // Singular and plural spelled out: the program ships no English translation to resolve "%n second(s)".
    QString amount;
    if (magnitude < 90) {
        amount = magnitude == 1 ? tr("1 second") : tr("%1 seconds").arg(magnitude);
    } else if (magnitude < 90 * 60) {
        amount = tr("%1 minutes").arg((magnitude + 30) / 60);
    } else if (magnitude < 36 * 3600) {
        const qint64 hours = (magnitude + 1800) / 3600;
        amount = hours == 1 ? tr("1 hour") : tr("%1 hours").arg(hours);
    } else {
        const qint64 days = (magnitude + 43200) / 86400;
        amount = days == 1 ? tr("1 day") : tr("%1 days").arg(days);
    }
    return seconds > 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

QString GuiText::ports(const QList<config::PortRange> &ports)
{
    return config::describePorts(ports);
}

QString GuiText::action(const config::RouteAction &action)
{
    switch (action.type) {
    case config::ActionType::Forward:
        return tr("forward");
    case config::ActionType::Redirect:
        return tr("redirect %1 to %2").arg(action.redirect.status).arg(action.redirect.to);
    case config::ActionType::Respond:
        return tr("respond %1").arg(action.respond.status);
    case config::ActionType::Metrics:
        return tr("metrics");
    }
    return {};
}

QString GuiText::targets(const config::RouteAction &action)
{
    if (action.type != config::ActionType::Forward)
        return {};
    QStringList items;
    for (const config::Target &target : action.targets) {
        for (const QString &host : target.hosts)
            items << (host.contains(u':') ? QString(u'[' + host + QStringLiteral("]:")) : QString(host + u':'))
                    + QString::number(target.port);
    }
    return items.join(QStringLiteral(", "));
}

QString GuiText::tls(const config::TlsSettings &tls)
{
    if (tls.mode == config::TlsMode::None)
        return {};
    const QString mode = config::toString(tls.mode);
    if (tls.autoCertificate)
        return tr("%1 (automatic certificate)").arg(mode);
    if (tls.hasStaticCertificate())
        return tr("%1 (certificate files)").arg(mode);
    return mode;
}

QString GuiText::eventDetail(const QJsonObject &event)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("config.applied"))
        return tr("config applied: revision %1").arg(event.value(QStringLiteral("revision")).toInteger());
    if (type == QStringLiteral("listener.changed")) {
        const QJsonObject port = event.value(QStringLiteral("listener")).toObject();
        return tr("%1 %2: %3").arg(listener(port), port.value(QStringLiteral("state")).toString(), portDetail(port));
    }
    if (type == QStringLiteral("listener.released"))
        return tr("%1 released").arg(listener(event));
    if (type == QStringLiteral("certificate.changed")) {
        const QJsonObject cert = event.value(QStringLiteral("certificate")).toObject();
        QStringList domains;
        for (const QJsonValue &domain : cert.value(QStringLiteral("domains")).toArray())
            domains << domain.toString();
        QString text = tr("certificate for %1: %2")
                           .arg(domains.join(QStringLiteral(", ")), cert.value(QStringLiteral("state")).toString());
        if (const QString error = cert.value(QStringLiteral("lastError")).toString(); !error.isEmpty())
            text += QStringLiteral(" (") + error + u')';
        return text;
    }
    if (type == QStringLiteral("error")) {
        const QString source = event.value(QStringLiteral("source")).toString();
        const QString message = event.value(QStringLiteral("message")).toString();
        return source.isEmpty() ? message : source + QStringLiteral(": ") + message;
    }
    QJsonObject rest = event;
    rest.remove(QStringLiteral("type"));
    rest.remove(QStringLiteral("time"));
    return QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact));
}

}  // namespace gatehouse::gui
