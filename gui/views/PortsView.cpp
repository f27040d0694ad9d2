#include "views/PortsView.h"

#include "models/PortsModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::gui {

PortsView::PortsView(PortsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_summary(new QLabel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("portsView"));
    m_summary->setObjectName(QStringLiteral("portsSummary"));
    m_summary->setWordWrap(true);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("portsRefreshButton"));
    connect(refresh, &QPushButton::clicked, this, &PortsView::refreshRequested);

    m_table->setObjectName(QStringLiteral("portsTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(PortsModel::State, 90);
    m_table->setColumnWidth(PortsModel::Listener, 160);
    m_table->setColumnWidth(PortsModel::Routes, 200);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table);

    connect(model, &QAbstractItemModel::modelReset, this, &PortsView::updateSummary);
    connect(model, &QAbstractItemModel::rowsInserted, this, &PortsView::updateSummary);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PortsView::updateSummary);
    connect(model, &QAbstractItemModel::dataChanged, this, &PortsView::updateSummary);
    updateSummary();
}

void PortsView::updateSummary()
{
    QMap<QString, int> counts;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ++counts[m_model->port(row).value(QStringLiteral("state")).toString()];
    if (counts.isEmpty()) {
        m_summary->setText(tr("No listeners: no enabled route wants a port."));
        return;
    }
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << tr("%1 %2").arg(it.value()).arg(it.key());
    m_summary->setText(tr("Listeners: %1").arg(parts.join(QStringLiteral(", "))));
}

}  // namespace gatehouse::gui
