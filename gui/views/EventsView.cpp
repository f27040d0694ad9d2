#include "views/EventsView.h"

#include "models/EventsModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::gui {

namespace {

// Matches the type chosen in the combo box and the text in any column.
class EventsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setType(const QString &type)
    {
        m_type = type;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
        if (!m_type.isEmpty() && first.data(EventsModel::TypeRole).toString() != m_type)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    }

private:
    QString m_type;
};

}  // namespace

EventsView::EventsView(EventsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new EventsFilter(this)), m_type(new QComboBox(this)),
      m_text(new QLineEdit(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("eventsView"));
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_type->setObjectName(QStringLiteral("eventsTypeFilter"));
    m_type->addItem(tr("All events"), QString());
    for (const char *type :
         { "config.applied", "listener.changed", "listener.released", "certificate.changed", "error" })
        m_type->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    m_text->setObjectName(QStringLiteral("eventsFilter"));
    m_text->setPlaceholderText(tr("Filter events…"));
    m_text->setClearButtonEnabled(true);
    auto *clear = new QPushButton(tr("C&lear"), this);
    clear->setObjectName(QStringLiteral("eventsClearButton"));

    m_table->setObjectName(QStringLiteral("eventsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(EventsModel::Time, 90);
    m_table->setColumnWidth(EventsModel::Type, 150);

    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Show:"), this);
    label->setBuddy(m_type);
    bar->addWidget(label);
    bar->addWidget(m_type);
    bar->addWidget(m_text, 1);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    connect(m_type, &QComboBox::currentIndexChanged, this, &EventsView::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, &EventsView::applyFilter);
    connect(clear, &QPushButton::clicked, model, &EventsModel::clear);
    // Follow new events while the user looks at the end of the log.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *scroll = m_table->verticalScrollBar();
        m_table->setProperty("follow", scroll->value() == scroll->maximum());
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_table->property("follow").toBool())
            m_table->scrollToBottom();
    });
}

void EventsView::applyFilter()
{
    static_cast<EventsFilter *>(m_proxy)->setType(m_type->currentData().toString());
    m_proxy->setFilterFixedString(m_text->text());
}

}  // namespace gatehouse::gui
