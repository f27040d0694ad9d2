#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace gatehouse::gui {

class EventsModel;

// The Events tab: the live log of service events, filtered by type and text.
class EventsView : public QWidget
{
    Q_OBJECT

public:
    explicit EventsView(EventsModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *filtered() const { return m_proxy; }

private:
    void applyFilter();

    EventsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_type;
    QLineEdit *m_text;
    QTableView *m_table;
};

}  // namespace gatehouse::gui
