#include "models/PortsModel.h"

#include "GuiText.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace gatehouse::gui {

namespace {

int stateRank(const QString &state)
{
    static const QStringList order = { QStringLiteral("conflict"), QStringLiteral("denied"), QStringLiteral("error"),
                                       QStringLiteral("waiting"), QStringLiteral("bound") };
    const qsizetype index = order.indexOf(state);
    return index < 0 ? int(order.size()) : int(index);
}

QString stateOf(const QJsonObject &port)
{
    return port.value(QStringLiteral("state")).toString();
}

}  // namespace

PortsModel::PortsModel(QObject *parent) : QAbstractTableModel(parent) { }

void PortsModel::setPorts(const QJsonArray &ports)
{
    beginResetModel();
    m_ports.clear();
    for (const QJsonValue &port : ports)
        m_ports << port.toObject();
    std::stable_sort(m_ports.begin(), m_ports.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const int ra = stateRank(stateOf(a)), rb = stateRank(stateOf(b));
        if (ra != rb)
            return ra < rb;
        return a.value(QStringLiteral("port")).toInt() < b.value(QStringLiteral("port")).toInt();
    });
    endResetModel();
}

void PortsModel::resort()
{
    setPorts(ports());
}

QJsonArray PortsModel::ports() const
{
    QJsonArray array;
    for (const QJsonObject &port : m_ports)
        array.append(port);
    return array;
}

int PortsModel::find(const QString &address, int port) const
{
    for (int row = 0; row < m_ports.size(); ++row) {
        if (m_ports[row].value(QStringLiteral("address")).toString() == address
            && m_ports[row].value(QStringLiteral("port")).toInt() == port)
            return row;
    }
    return -1;
}

void PortsModel::updateListener(const QJsonObject &port)
{
    const int row = find(port.value(QStringLiteral("address")).toString(), port.value(QStringLiteral("port")).toInt());
    if (row < 0) {
        m_ports << port;
        resort();
        return;
    }
    const bool reorder = stateOf(m_ports[row]) != stateOf(port);
    m_ports[row] = port;
    if (reorder)
        resort();
    else
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PortsModel::removeListener(const QString &address, int port)
{
    const int row = find(address, port);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ports.removeAt(row);
    endRemoveRows();
}

int PortsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ports.size());
}

int PortsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ports.size())
        return {};
    const QJsonObject &port = m_ports.at(index.row());
    const QString state = stateOf(port);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case State:
            return state;
        case Listener:
            return GuiText::listener(port);
        case Routes: {
            QStringList names;
            for (const QJsonValue &name : port.value(QStringLiteral("routes")).toArray())
                names << name.toString();
            return names.join(QStringLiteral(", "));
        }
        case Detail:
            return GuiText::portDetail(port, m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc());
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::BackgroundRole) {
        if (state == QStringLiteral("conflict") || state == QStringLiteral("error"))
            return QBrush(QColor(0xf8, 0xd7, 0xda));  // red
        if (state == QStringLiteral("denied"))
            return QBrush(QColor(0xff, 0xe8, 0xb3));  // amber
        if (state == QStringLiteral("waiting"))
            return QBrush(QColor(0xe8, 0xe8, 0xe8));
        return {};
    }
    if (role == Qt::ForegroundRole) {
        // Dark text on the light state colours, whatever the palette.
        if (state != QStringLiteral("bound"))
            return QBrush(QColor(0x20, 0x20, 0x20));
        return {};
    }
    return {};
}

QVariant PortsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case State:
        return tr("State");
    case Listener:
        return tr("Listener");
    case Routes:
        return tr("Routes");
    case Detail:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return {};
}

}  // namespace gatehouse::gui
