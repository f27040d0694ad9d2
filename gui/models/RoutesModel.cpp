#include "models/RoutesModel.h"

#include "GuiText.h"
#include "RouteJson.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace gatehouse::gui {

RoutesModel::RoutesModel(QObject *parent) : QAbstractTableModel(parent) { }

void RoutesModel::setConfig(const config::Config &config)
{
    beginResetModel();
    m_config = config;
    endResetModel();
}

void RoutesModel::setBaseline(const config::Config &baseline)
{
    m_baseline = baseline;
    refreshStatus();
}

void RoutesModel::setPorts(const QJsonArray &ports)
{
    m_ports = ports;
    refreshStatus();
}

void RoutesModel::setCertificates(const QJsonArray &certificates)
{
    m_certificates = certificates;
    refreshStatus();
}

void RoutesModel::setDiagnostics(const config::Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    refreshStatus();
}

void RoutesModel::refreshStatus()
{
    if (!m_config.routes.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_config.routes.size()) - 1, ColumnCount - 1));
}

void RoutesModel::changedRow(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT edited();
}

void RoutesModel::setRoute(int row, const config::Route &route)
{
    if (m_config.routes[row] == route)
        return;
    m_config.routes[row] = route;
    changedRow(row);
}

int RoutesModel::insertRoute(int row, const config::Route &route)
{
    if (row < 0 || row > m_config.routes.size())
        row = int(m_config.routes.size());
    beginInsertRows({}, row, row);
    m_config.routes.insert(row, route);
    endInsertRows();
    Q_EMIT edited();
    return row;
}

void RoutesModel::removeRoute(int row)
{
    beginRemoveRows({}, row, row);
    m_config.routes.removeAt(row);
    endRemoveRows();
    Q_EMIT edited();
}

void RoutesModel::setEnabled(int row, bool enabled)
{
    config::Route route = m_config.routes[row];
    route.enabled = enabled;
    setRoute(row, route);
}

void RoutesModel::setPriority(int row, int priority)
{
    config::Route route = m_config.routes[row];
    route.priority = priority;
    setRoute(row, route);
}

QString RoutesModel::uniqueName(const QString &name) const
{
    const auto taken = [this](const QString &candidate) {
        return std::any_of(m_config.routes.cbegin(), m_config.routes.cend(),
                           [&candidate](const config::Route &r) { return r.name == candidate; });
    };
    if (!taken(name))
        return name;
    QString base = name;
    // "site-2" duplicates as "site-3", not "site-2-2".
    if (const qsizetype dash = name.lastIndexOf(u'-'); dash > 0) {
        bool number = false;
        name.mid(dash + 1).toInt(&number);
        if (number)
            base = name.left(dash);
    }
    for (int n = 2;; ++n) {
        const QString candidate = base + u'-' + QString::number(n);
        if (!taken(candidate))
            return candidate;
    }
}

QList<QJsonObject> RoutesModel::listenersOf(const config::Route &route) const
{
    QList<QJsonObject> result;
    for (const QJsonValue &value : m_ports) {
        const QJsonObject port = value.toObject();
        const QJsonArray users = port.value(QStringLiteral("routes")).toArray();
        if (users.contains(QJsonValue(route.name)))
            result << port;
    }
    return result;
}

std::optional<QJsonObject> RoutesModel::certificateOf(const config::Route &route) const
{
    for (const QJsonValue &value : m_certificates) {
        const QJsonObject cert = value.toObject();
        for (const QJsonValue &domain : cert.value(QStringLiteral("domains")).toArray()) {
            if (route.match.domains.contains(domain.toString(), Qt::CaseInsensitive))
                return cert;
        }
    }
    return std::nullopt;
}

QStringList RoutesModel::findings(int row, config::Diagnostic::Severity severity) const
{
    QStringList messages;
    for (const config::Diagnostic &d : m_diagnostics) {
        if (d.severity != severity)
            continue;
        if (const std::optional<QString> relative = RouteJson::relativePath(d.path, row))
            messages << (relative->isEmpty() ? d.message : *relative + QStringLiteral(": ") + d.message);
    }
    return messages;
}

RoutesModel::Health RoutesModel::health(int row) const
{
    const config::Route &route = m_config.routes.at(row);
    if (!findings(row, config::Diagnostic::Severity::Error).isEmpty())
        return Health::Invalid;
    if (!route.enabled)
        return Health::Disabled;
    const bool applied = std::any_of(m_baseline.routes.cbegin(), m_baseline.routes.cend(),
                                     [&route](const config::Route &r) { return r == route; });
    if (!applied)
        return Health::NotApplied;
    Health worst = Health::Serving;
    for (const QJsonObject &port : listenersOf(route)) {
        const QString state = port.value(QStringLiteral("state")).toString();
        if (state == QStringLiteral("conflict"))
            return Health::Conflict;
        if (state == QStringLiteral("denied"))
            worst = Health::Denied;
        else if (state != QStringLiteral("bound") && worst == Health::Serving)
            worst = Health::Waiting;
    }
    if (worst != Health::Serving)
        return worst;
    if (route.action.tls.autoCertificate && route.action.tls.mode != config::TlsMode::None) {
        const std::optional<QJsonObject> cert = certificateOf(route);
        const QString state = cert ? cert->value(QStringLiteral("state")).toString() : QString();
        if (state == QStringLiteral("failed") || state == QStringLiteral("expired"))
            return Health::CertificateFailed;
        // No certificate listed yet: the service has not started on it.
        if (state != QStringLiteral("valid") && state != QStringLiteral("renewing"))
            return Health::CertificatePending;
    }
    return Health::Serving;
}

QString RoutesModel::statusText(int row) const
{
    const config::Route &route = m_config.routes.at(row);
    switch (health(row)) {
    case Health::Invalid:
        return tr("invalid: %1").arg(findings(row, config::Diagnostic::Severity::Error).first());
    case Health::Disabled:
        return tr("disabled");
    case Health::NotApplied:
        return tr("not applied yet");
    case Health::Conflict:
        for (const QJsonObject &port : listenersOf(route)) {
            if (port.value(QStringLiteral("state")).toString() != QStringLiteral("conflict"))
                continue;
            // Short here (the Ports view and the tooltip have the whole story): port, holder and pid.
            const QJsonObject holder = port.value(QStringLiteral("holder")).toObject();
            const int number = port.value(QStringLiteral("port")).toInt();
            if (holder.isEmpty())
                return tr("port conflict: %1 in use by another process").arg(number);
            return tr("port conflict: %1 held by %2 (pid %3)")
                .arg(number)
                .arg(holder.value(QStringLiteral("name")).toString())
                .arg(holder.value(QStringLiteral("pid")).toInteger());
        }
        break;
    case Health::Denied:
        for (const QJsonObject &port : listenersOf(route)) {
            if (port.value(QStringLiteral("state")).toString() == QStringLiteral("denied"))
                return tr("port %1 denied: needs privileges").arg(port.value(QStringLiteral("port")).toInt());
        }
        break;
    case Health::Waiting:
        for (const QJsonObject &port : listenersOf(route)) {
            if (port.value(QStringLiteral("state")).toString() != QStringLiteral("bound"))
                return tr("waiting for %1").arg(GuiText::listener(port));
        }
        break;
    case Health::CertificateFailed: {
        const std::optional<QJsonObject> cert = certificateOf(route);
        const QString error = cert ? cert->value(QStringLiteral("lastError")).toString() : QString();
        return error.isEmpty() ? tr("certificate failed") : tr("certificate failed: %1").arg(error);
    }
    case Health::CertificatePending: {
        const std::optional<QJsonObject> cert = certificateOf(route);
        return tr("certificate %1")
            .arg(GuiText::certificateState(cert ? cert->value(QStringLiteral("state")).toString()
                                                : QStringLiteral("pending")));
    }
    case Health::Serving:
        break;
    }
    return tr("serving");
}

int RoutesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_config.routes.size());
}

int RoutesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoutesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_config.routes.size())
        return {};
    const int row = index.row();
    const config::Route &route = m_config.routes.at(row);
    const auto column = Column(index.column());
    if (role == Qt::CheckStateRole && column == Enabled)
        return route.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case Name:
            return route.name;
        case Enabled:
            return role == Qt::EditRole ? QVariant(route.enabled) : QVariant();  // the check box says it
        case Ports:
            return GuiText::ports(route.match.ports);
        case Domains:
            return route.match.domains.isEmpty() ? tr("any") : route.match.domains.join(QStringLiteral(", "));
        case Path:
            return route.match.path.isEmpty() ? tr("any") : route.match.path;
        case Action:
            return GuiText::action(route.action);
        case Targets:
            return GuiText::targets(route.action);
        case Tls:
            return GuiText::tls(route.action.tls);
        case Priority:
            return route.priority;
        case Status:
            return statusText(row);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines = findings(row, config::Diagnostic::Severity::Error);
        lines += findings(row, config::Diagnostic::Severity::Warning);
        if (column == Status && lines.isEmpty()) {
            QStringList details { statusText(row) };
            for (const QJsonObject &port : listenersOf(route))
                details << GuiText::listener(port) + QStringLiteral(": ") + GuiText::portDetail(port);
            return details.join(u'\n');
        }
        if (!lines.isEmpty())
            return lines.join(u'\n');
        return {};
    }
    if (role == Qt::ForegroundRole && column == Status) {
        switch (health(row)) {
        case Health::Serving:
            return QBrush(QColor(0x1b, 0x7f, 0x2a));
        case Health::Invalid:
        case Health::Conflict:
        case Health::CertificateFailed:
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        case Health::Denied:
        case Health::Waiting:
        case Health::CertificatePending:
            return QBrush(QColor(0xb3, 0x6b, 0x00));
        case Health::Disabled:
        case Health::NotApplied:
            return QBrush(QColor(0x6b, 0x6b, 0x6b));
        }
    }
    if (role == Qt::FontRole && column == Name) {
        QFont font;
        font.setItalic(health(row) == Health::NotApplied);
        return font;
    }
    return {};
}

bool RoutesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    if (index.column() == Enabled && role == Qt::CheckStateRole) {
        setEnabled(index.row(), value.toInt() == Qt::Checked);
        return true;
    }
    if (index.column() == Priority && role == Qt::EditRole) {
        bool ok = false;
        const int priority = value.toInt(&ok);
        if (!ok)
            return false;
        setPriority(index.row(), priority);
        return true;
    }
    return false;
}

Qt::ItemFlags RoutesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == Enabled)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == Priority)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant RoutesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Enabled:
        return tr("Enabled");
    case Ports:
        return tr("Ports");
    case Domains:
        return tr("Domains");
    case Path:
        return tr("Path");
    case Action:
        return tr("Action");
    case Targets:
        return tr("Targets");
    case Tls:
        return tr("TLS");
    case Priority:
        return tr("Priority");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

}  // namespace gatehouse::gui
