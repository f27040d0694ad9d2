#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::gui {

// Every listener the service wants (ports.list), kept current by listener
// events: state, routes and what a problem means (holder process, the fix for
// a privileged port, the next retry). Conflicts first, then denied, waiting, bound.
class PortsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { State, Listener, Routes, Detail, ColumnCount };

    explicit PortsModel(QObject *parent = nullptr);

    void setPorts(const QJsonArray &ports);
    // listener.changed: one listener's new status (added when new).
    void updateListener(const QJsonObject &port);
    // listener.released
    void removeListener(const QString &address, int port);
    QJsonArray ports() const;
    const QJsonObject &port(int row) const { return m_ports.at(row); }
    // Times in the detail column are relative to this (tests pin it).
    void setNow(const QDateTime &now) { m_now = now; }

    // Relative times ("next retry in 4 seconds") move on; views call this now and then.
    void refreshTimes()
    {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int find(const QString &address, int port) const;
    void resort();

    QList<QJsonObject> m_ports;
    QDateTime m_now;
};

}  // namespace gatehouse::gui
