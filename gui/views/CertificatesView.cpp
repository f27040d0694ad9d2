#include "views/CertificatesView.h"

#include "models/CertificatesModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::gui {

CertificatesView::CertificatesView(CertificatesModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_note(new QLabel(this)), m_table(new QTableView(this)),
      m_renew(new QPushButton(tr("Re&new now"), this))
{
    setObjectName(QStringLiteral("certificatesView"));
    m_note->setObjectName(QStringLiteral("certificatesNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_renew->setObjectName(QStringLiteral("renewButton"));
    m_renew->setToolTip(tr("Ask the service to renew the selected certificate now"));
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("certificatesRefreshButton"));

    m_table->setObjectName(QStringLiteral("certificatesTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(CertificatesModel::Domains, 220);
    m_table->setColumnWidth(CertificatesModel::Expires, 200);
    m_table->setColumnWidth(CertificatesModel::NextRenewal, 200);
    m_table->setColumnWidth(CertificatesModel::Issuer, 210);
    m_table->setColumnWidth(CertificatesModel::Serial, 140);
    m_table->setColumnWidth(CertificatesModel::Progress, 80);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(refresh);
    buttons->addWidget(m_renew);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(refresh, &QPushButton::clicked, this, &CertificatesView::refreshRequested);
    connect(m_renew, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const QStringList domains = m_model->domains(rows.first().row());
        if (!domains.isEmpty())
            Q_EMIT renewRequested(domains.first());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CertificatesView::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &CertificatesView::updateButtons);
    updateButtons();
}

void CertificatesView::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void CertificatesView::updateButtons()
{
    m_renew->setEnabled(m_table->selectionModel()->hasSelection());
}

}  // namespace gatehouse::gui
