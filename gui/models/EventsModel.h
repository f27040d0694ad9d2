#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>

namespace gatehouse::gui {

// The service's event notifications as they arrive, newest last, capped so a
// GUI left open for months stays small. Filtering is the view's proxy.
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Type, Detail, ColumnCount };
    static constexpr int kDefaultLimit = 5000;
    static constexpr int TypeRole = Qt::UserRole + 1;

    explicit EventsModel(QObject *parent = nullptr);

    void append(const QJsonObject &event);
    void clear();
    void setLimit(int limit) { m_limit = limit; }
    const QJsonObject &event(int row) const { return m_events.at(row).event; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Entry
    {
        QJsonObject event;
        QString type;
        QString time;
        QString detail;
    };

    QList<Entry> m_events;
    int m_limit = kDefaultLimit;
};

}  // namespace gatehouse::gui
