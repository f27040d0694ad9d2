#include "models/EventsModel.h"

#include "GuiText.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>

namespace gatehouse::gui {

EventsModel::EventsModel(QObject *parent) : QAbstractTableModel(parent) { }

void EventsModel::append(const QJsonObject &event)
{
    if (m_events.size() >= m_limit) {
        const int drop = int(m_events.size()) - m_limit + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_events.remove(0, drop);
        endRemoveRows();
    }
    Entry entry;
    entry.event = event;
    entry.type = event.value(QStringLiteral("type")).toString();
    entry.time = GuiText::localTime(event.value(QStringLiteral("time")));
    if (entry.time.isEmpty())
        entry.time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    entry.detail = GuiText::eventDetail(event);
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events << entry;
    endInsertRows();
}

void EventsModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const Entry &entry = m_events.at(index.row());
    if (role == TypeRole)
        return entry.type;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Time:
            return entry.time;
        case Type:
            return entry.type;
        case Detail:
            return entry.detail;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole)
        return QString::fromUtf8(QJsonDocument(entry.event).toJson(QJsonDocument::Indented));
    if (role == Qt::ForegroundRole && entry.type == QStringLiteral("error"))
        return QBrush(QColor(0xc0, 0x1c, 0x28));
    return {};
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Type");
    case Detail:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return {};
}

}  // namespace gatehouse::gui
