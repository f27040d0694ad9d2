#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace gatehouse::gui {

class PortsModel;

// The Ports tab: every listener with its state colour (conflict red with the
// holder process, denied amber with the fix, waiting with its next retry).
class PortsView : public QWidget
{
    Q_OBJECT

public:
    explicit PortsView(PortsModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void refreshRequested();

private:
    void updateSummary();

    PortsModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
};

}  // namespace gatehouse::gui
