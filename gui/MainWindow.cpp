#include "MainWindow.h"

#include "ApplyController.h"
#include "RouteEditor.h"
#include "RouteJson.h"
#include "ServiceConnection.h"
#include "config/ConfigReader.h"
#include "config/ConfigValidator.h"
#include "config/ConfigWriter.h"
#include "models/CertificatesModel.h"
#include "models/EventsModel.h"
#include "models/PortsModel.h"
#include "models/RoutesModel.h"
#include "views/CertificatesView.h"
#include "views/EventsView.h"
#include "views/PortsView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QColor>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <optional>

namespace gatehouse::gui {

namespace {

constexpr int kStatusMessageMs = 8000;

config::Diagnostics validateLocally(const config::Config &config)
{
    // Files are the service's to read; config.validate checks them before an apply.
    config::ConfigValidator::Options options;
    options.checkFiles = false;
    return config::ConfigValidator::validate(config, options);
}

std::optional<int> routeIndexOf(const QString &path)
{
    if (!path.startsWith(QStringLiteral("routes[")))
        return std::nullopt;
    const qsizetype close = path.indexOf(u']');
    bool ok = false;
    const int index = path.mid(7, close - 7).toInt(&ok);
    return ok ? std::optional<int>(index) : std::nullopt;
}

}  // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent), m_connection(new ServiceConnection(options.endpoint, options.explicitEndpoint, this)),
      m_applier(new ApplyController(m_connection, this)), m_routes(new RoutesModel(this)),
      m_ports(new PortsModel(this)), m_certificates(new CertificatesModel(this)), m_events(new EventsModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    buildActions();
    buildMenus();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->addTab(buildRoutesTab(), tr("Routes"));
    m_portsView = new PortsView(m_ports, this);
    m_tabs->addTab(m_portsView, tr("Ports"));
    m_certificatesView = new CertificatesView(m_certificates, this);
    m_tabs->addTab(m_certificatesView, tr("Certificates"));
    m_eventsView = new EventsView(m_events, this);
    m_tabs->addTab(m_eventsView, tr("Events"));
    setCentralWidget(m_tabs);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revisionLabel = new QLabel(this);
    m_revisionLabel->setObjectName(QStringLiteral("revisionStatus"));
    statusBar()->addPermanentWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_revisionLabel);

    connect(m_connection, &ServiceConnection::stateChanged, this, &MainWindow::onConnectionState);
    connect(m_connection, &ServiceConnection::connected, this, &MainWindow::onConnected);
    connect(m_connection, &ServiceConnection::eventReceived, this, &MainWindow::onEvent);
    connect(m_routes, &RoutesModel::edited, this, &MainWindow::localEdited);
    connect(m_applier, &ApplyController::busyChanged, this, &MainWindow::updateActions);
    connect(m_applier, &ApplyController::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(m_applier, &ApplyController::applied, this, [this](quint64 revision, const QJsonArray &ports) {
        m_serviceRevision = std::max(m_serviceRevision, revision);
        m_ports->setPorts(ports);
        m_routes->setPorts(ports);
        loadConfig(true);
    });
    connect(m_applier, &ApplyController::reloadRequested, this, &MainWindow::onReloadRequested);
    connect(m_portsView, &PortsView::refreshRequested, this, &MainWindow::refreshPorts);
    connect(m_certificatesView, &CertificatesView::refreshRequested, this, &MainWindow::refreshCertificates);
    connect(m_certificatesView, &CertificatesView::renewRequested, this, &MainWindow::renewCertificate);

    m_clock = new QTimer(this);
    m_clock->setInterval(std::chrono::seconds(5));
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_ports->refreshTimes();
        m_certificates->refreshTimes();
    });
    m_clock->start();

    resize(1100, 650);
    readSettings();
    localEdited();
    onConnectionState();
    m_connection->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut, const QString &tip,
                             void (MainWindow::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setToolTip(shortcut.isEmpty() ? tip
                                              : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(tip);
        if (slot)
            connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_addAction = make(QStringLiteral("addRouteAction"), tr("&Add route…"), QKeySequence::New, tr("Add a route"),
                       &MainWindow::addRoute);
    m_editAction = make(QStringLiteral("editRouteAction"), tr("&Edit route…"), QKeySequence(tr("Ctrl+E")),
                        tr("Edit the selected route"), &MainWindow::editSelected);
    m_duplicateAction = make(QStringLiteral("duplicateRouteAction"), tr("D&uplicate route"), QKeySequence(tr("Ctrl+D")),
                             tr("Copy the selected route"), &MainWindow::duplicateSelected);
    m_deleteAction = make(QStringLiteral("deleteRouteAction"), tr("&Delete route"), QKeySequence::Delete,
                          tr("Delete the selected route"), &MainWindow::deleteSelected);
    // Del means "delete the route" only in the routes table, not in the other views' text fields.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_toggleAction = make(QStringLiteral("toggleRouteAction"), tr("E&nable or disable"), QKeySequence(tr("Ctrl+T")),
                          tr("Switch the selected route on or off"), &MainWindow::toggleSelected);
    m_raiseAction = make(QStringLiteral("raisePriorityAction"), tr("&Raise priority"), QKeySequence(tr("Ctrl+Up")),
                         tr("Raise the selected route's priority by one"), nullptr);
    connect(m_raiseAction, &QAction::triggered, this, [this] { changePriority(1); });
    m_lowerAction = make(QStringLiteral("lowerPriorityAction"), tr("&Lower priority"), QKeySequence(tr("Ctrl+Down")),
                         tr("Lower the selected route's priority by one"), nullptr);
    connect(m_lowerAction, &QAction::triggered, this, [this] { changePriority(-1); });

    m_applyAction = make(QStringLiteral("applyAction"), tr("A&pply"), QKeySequence(tr("Ctrl+S")),
                         tr("Check the local changes with the service and run them"), &MainWindow::apply);
    m_strictAction = make(QStringLiteral("strictAction"), tr("Apply all or &nothing"), QKeySequence(),
                          tr("Apply only if every port can be bound; otherwise change nothing"), nullptr);
    m_strictAction->setCheckable(true);
    m_revertAction = make(QStringLiteral("revertAction"), tr("&Discard changes"), QKeySequence(tr("Ctrl+Shift+Z")),
                          tr("Throw the local changes away and show what the service runs"), &MainWindow::revert);
    m_reloadFileAction
        = make(QStringLiteral("reloadFileAction"), tr("Re&load the service's config file"), QKeySequence(),
               tr("Make the service read its config file again"), &MainWindow::reloadServiceFile);
    m_reconnectAction = make(QStringLiteral("reconnectAction"), tr("Re&connect"), QKeySequence(tr("Ctrl+Shift+R")),
                             tr("Connect to the service again now"), nullptr);
    connect(m_reconnectAction, &QAction::triggered, m_connection, &ServiceConnection::reconnectNow);
    m_importAction = make(QStringLiteral("importAction"), tr("&Import config…"), QKeySequence::Open,
                          tr("Load a config file as local changes"), &MainWindow::importConfig);
    m_exportAction = make(QStringLiteral("exportAction"), tr("E&xport config…"), QKeySequence(tr("Ctrl+Shift+S")),
                          tr("Save the local config to a file"), &MainWindow::exportConfig);
    m_quitAction = make(QStringLiteral("quitAction"), tr("&Quit"), QKeySequence::Quit, tr("Close Gatehouse"), nullptr);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    const QStringList views = { tr("&Routes"), tr("&Ports"), tr("&Certificates"), tr("&Events") };
    for (int i = 0; i < views.size(); ++i) {
        auto *action = new QAction(views[i], this);
        action->setShortcut(QKeySequence(tr("Ctrl+%1").arg(i + 1)));
        connect(action, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        m_viewActions << action;
    }
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *routes = menuBar()->addMenu(tr("&Routes"));
    for (QAction *action : { m_addAction, m_editAction, m_duplicateAction, m_deleteAction })
        routes->addAction(action);
    routes->addSeparator();
    for (QAction *action : { m_toggleAction, m_raiseAction, m_lowerAction })
        routes->addAction(action);
    QMenu *service = menuBar()->addMenu(tr("&Service"));
    service->addAction(m_applyAction);
    service->addAction(m_strictAction);
    service->addAction(m_revertAction);
    service->addSeparator();
    service->addAction(m_reloadFileAction);
    service->addAction(m_reconnectAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QAction *action : std::as_const(m_viewActions))
        view->addAction(action);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gatehouse"), this, [this] {
        QMessageBox::about(this, tr("About Gatehouse"),
                           tr("Gatehouse %1: a reverse proxy with automatic HTTPS.\nThis window manages the service "
                              "at %2.")
                               .arg(QStringLiteral(GATEHOUSE_VERSION), m_connection->endpoint()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *action :
         { m_addAction, m_editAction, m_duplicateAction, m_deleteAction, m_toggleAction, m_raiseAction, m_lowerAction })
        bar->addAction(action);
    bar->addSeparator();
    bar->addAction(m_applyAction);
    bar->addAction(m_revertAction);
}

QWidget *MainWindow::buildRoutesTab()
{
    auto *page = new QWidget(this);
    m_staleBanner = new QLabel(page);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setWordWrap(true);
    m_staleBanner->setStyleSheet(
        QStringLiteral("background: #ffe8b3; color: #202020; padding: 6px; border-radius: 3px;"));
    m_staleBanner->hide();

    m_routesProxy = new QSortFilterProxyModel(this);
    m_routesProxy->setSourceModel(m_routes);
    m_routesProxy->setSortRole(Qt::EditRole);
    m_routesTable = new QTableView(page);
    m_routesTable->setObjectName(QStringLiteral("routesTable"));
    m_routesTable->setModel(m_routesProxy);
    m_routesTable->setSortingEnabled(true);
    m_routesTable->sortByColumn(-1, Qt::AscendingOrder);  // config order until a header is clicked
    m_routesTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_routesTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_routesTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_routesTable->verticalHeader()->hide();
    m_routesTable->horizontalHeader()->setStretchLastSection(true);
    m_routesTable->setWordWrap(false);
    for (const auto &[column, width] : { std::pair { RoutesModel::Name, 120 }, std::pair { RoutesModel::Enabled, 65 },
                                         std::pair { RoutesModel::Ports, 80 }, std::pair { RoutesModel::Domains, 150 },
                                         std::pair { RoutesModel::Path, 80 }, std::pair { RoutesModel::Action, 130 },
                                         std::pair { RoutesModel::Targets, 150 }, std::pair { RoutesModel::Tls, 80 },
                                         std::pair { RoutesModel::Priority, 65 } })
        m_routesTable->setColumnWidth(column, width);
    m_routesTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_routesTable->addActions(
        { m_editAction, m_duplicateAction, m_deleteAction, m_toggleAction, m_raiseAction, m_lowerAction });
    // Double-click or Enter (or a single click where the platform activates on it) opens the editor,
    // except on the cells edited in place.
    connect(m_routesTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const int column = index.column();
        if (column != RoutesModel::Priority && column != RoutesModel::Enabled)
            editSelected();
    });
    connect(m_routesTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);

    m_problems = new QListWidget(page);
    m_problems->setObjectName(QStringLiteral("problemsList"));
    m_problems->setToolTip(tr("Double-click a finding to edit its route"));
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const std::optional<int> row = routeIndexOf(item->data(Qt::UserRole).toString());
        if (row && *row < m_routes->rowCount()) {
            selectRow(*row);
            editRoute(*row);
        }
    });

    m_routesSplitter = new QSplitter(Qt::Vertical, page);
    m_routesSplitter->setObjectName(QStringLiteral("routesSplitter"));
    m_routesSplitter->addWidget(m_routesTable);
    m_routesSplitter->addWidget(m_problems);
    m_routesSplitter->setStretchFactor(0, 4);
    m_routesSplitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_staleBanner);
    layout->addWidget(m_routesSplitter);
    return page;
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_routesSplitter->restoreState(settings.value(QStringLiteral("window/routesSplitter")).toByteArray());
    m_routesTable->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/routesHeader")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    m_strictAction->setChecked(settings.value(QStringLiteral("apply/strict"), false).toBool());
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/routesSplitter"), m_routesSplitter->saveState());
    settings.setValue(QStringLiteral("window/routesHeader"), m_routesTable->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("apply/strict"), m_strictAction->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isDirty()) {
        const auto answer = QMessageBox::question(this, tr("Unapplied changes"),
                                                  tr("Your changes to the routes are not applied. Quit and lose them?"),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    writeSettings();
    event->accept();
}

bool MainWindow::isDirty() const
{
    return m_loaded && m_routes->config() != m_base;
}

// Connection and data from the service

void MainWindow::onConnectionState()
{
    m_connectionLabel->setText(m_connection->message());
    QString colour;
    switch (m_connection->state()) {
    case ServiceConnection::State::Connected:
        colour = QStringLiteral("#1b7f2a");
        break;
    case ServiceConnection::State::Connecting:
        break;
    case ServiceConnection::State::Unreachable:
        colour = QStringLiteral("#c01c28");
        break;
    case ServiceConnection::State::Denied:
        colour = QStringLiteral("#b36b00");
        break;
    }
    m_connectionLabel->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    updateActions();
}

void MainWindow::onConnected()
{
    loadConfig(!isDirty());
    refreshPorts();
    refreshCertificates();
}

void MainWindow::loadConfig(bool adopt, std::function<void()> then)
{
    m_connection->client()->call(
        QStringLiteral("config.get"), QJsonValue::Undefined, this,
        [this, adopt, then = std::move(then)](const control::ControlClient::Reply &reply) {
            if (!reply.ok()) {
                statusBar()->showMessage(tr("Could not read the service's config: %1").arg(reply.error().message),
                                         kStatusMessageMs);
                return;
            }
            const QJsonObject result = reply.value().toObject();
            const quint64 revision = quint64(result.value(QStringLiteral("revision")).toInteger());
            const QByteArray json = QJsonDocument(result.value(QStringLiteral("config")).toObject()).toJson();
            const config::ConfigReader::Result read = config::ConfigReader::read(json);
            if (config::hasErrors(read.diagnostics)) {
                statusBar()->showMessage(
                    tr("The service's config could not be read here: %1").arg(read.diagnostics.first().toString()),
                    kStatusMessageMs);
                return;
            }
            m_serviceRevision = std::max(m_serviceRevision, revision);
            if (adopt || !m_loaded) {
                m_base = read.config;
                m_baseRevision = revision;
                m_loaded = true;
                m_routes->setBaseline(m_base);
                m_routes->setConfig(m_base);
                localEdited();
            } else if (then) {
                // The caller merges: it gets the fresh config through m_base afterwards.
                m_base = read.config;
                m_baseRevision = revision;
                m_routes->setBaseline(m_base);
            }
            updateStaleBanner();
            Q_EMIT configLoaded(revision);
            if (then)
                then();
        });
}

void MainWindow::refreshPorts()
{
    m_connection->client()->call(QStringLiteral("ports.list"), QJsonValue::Undefined, this,
                                 [this](const control::ControlClient::Reply &reply) {
                                     if (!reply.ok())
                                         return;
                                     m_ports->setPorts(reply.value().toArray());
                                     m_routes->setPorts(reply.value().toArray());
                                     Q_EMIT portsLoaded();
                                 });
}

void MainWindow::refreshCertificates()
{
    m_connection->client()->call(
        QStringLiteral("certs.list"), QJsonValue::Undefined, this, [this](const control::ControlClient::Reply &reply) {
            if (!reply.ok()) {
                m_certificates->setCertificates({});
                m_routes->setCertificates({});
                m_certificatesView->setNote(tr("The certificates could not be listed: %1").arg(reply.error().message));
                Q_EMIT certificatesLoaded();
                return;
            }
            const QJsonArray list = reply.value().toArray();
            m_certificates->setCertificates(list);
            m_routes->setCertificates(list);
            m_certificatesView->setNote(list.isEmpty() ? tr("No certificates: no route terminates TLS with an "
                                                            "automatic certificate (TLS tab: certificate "
                                                            "Automatic).")
                                                       : QString());
            Q_EMIT certificatesLoaded();
        });
}

void MainWindow::renewCertificate(const QString &domain)
{
    statusBar()->showMessage(tr("Asking the service to renew the certificate for %1…").arg(domain), kStatusMessageMs);
    m_connection->client()->call(
        QStringLiteral("certs.renew"), QJsonObject { { QStringLiteral("domain"), domain } }, this,
        [this, domain](const control::ControlClient::Reply &reply) {
            if (reply.ok()) {
                if (reply.value().isObject())
                    m_certificates->updateCertificate(reply.value().toObject());
                statusBar()->showMessage(tr("Renewal of the certificate for %1 started.").arg(domain),
                                         kStatusMessageMs);
                return;
            }
            auto *box = new QMessageBox(
                QMessageBox::Warning, tr("Renew now"),
                tr("The certificate for %1 could not be renewed: %2").arg(domain, reply.error().message),
                QMessageBox::Close, this);
            box->setObjectName(QStringLiteral("renewErrorBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
}

void MainWindow::reloadServiceFile()
{
    m_connection->client()->call(
        QStringLiteral("reload"), QJsonValue::Undefined, this, [this](const control::ControlClient::Reply &reply) {
            if (reply.ok()) {
                statusBar()->showMessage(tr("The service re-read its config file: revision %1.")
                                             .arg(reply.value()[QStringLiteral("revision")].toInteger()),
                                         kStatusMessageMs);
                return;
            }
            QStringList lines;
            for (const QJsonValue &d : reply.error().data[QStringLiteral("diagnostics")].toArray())
                lines << d[QStringLiteral("path")].toString() + QStringLiteral(": ")
                        + d[QStringLiteral("message")].toString();
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Reload"),
                                        tr("The service kept its running config: %1").arg(reply.error().message),
                                        QMessageBox::Close, this);
            box->setObjectName(QStringLiteral("reloadErrorBox"));
            box->setInformativeText(lines.join(u'\n'));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
}

void MainWindow::onEvent(const QJsonObject &event)
{
    m_events->append(event);
    const QString type = event.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("config.applied")) {
        const quint64 revision = quint64(event.value(QStringLiteral("revision")).toInteger());
        m_serviceRevision = std::max(m_serviceRevision, revision);
        refreshPorts();
        // Our own apply reloads when its answer comes; someone else's is shown now
        // unless it would overwrite local edits.
        if (!m_applier->isBusy() && revision != m_baseRevision && !isDirty())
            loadConfig(true);
        updateStaleBanner();
    } else if (type == QStringLiteral("listener.changed")) {
        m_ports->updateListener(event.value(QStringLiteral("listener")).toObject());
        m_routes->setPorts(m_ports->ports());
    } else if (type == QStringLiteral("listener.released")) {
        m_ports->removeListener(event.value(QStringLiteral("address")).toString(),
                                event.value(QStringLiteral("port")).toInt());
        m_routes->setPorts(m_ports->ports());
    } else if (type == QStringLiteral("certificate.changed")) {
        m_certificates->updateCertificate(event.value(QStringLiteral("certificate")).toObject());
        m_routes->setCertificates(m_certificates->certificates());
        m_certificatesView->setNote({});
    }
}

void MainWindow::updateStaleBanner()
{
    const bool stale = isDirty() && m_serviceRevision > m_baseRevision;
    m_staleBanner->setText(stale ? tr("The service's config changed to revision %1 since your edits started from "
                                      "revision %2 (another client applied a change). Apply offers to reload it and "
                                      "re-apply your changes on top.")
                                       .arg(m_serviceRevision)
                                       .arg(m_baseRevision)
                                 : QString());
    m_staleBanner->setVisible(stale);
}

// Local edits

void MainWindow::localEdited()
{
    m_diagnostics = validateLocally(m_routes->config());
    m_routes->setDiagnostics(m_diagnostics);
    m_problems->clear();
    for (const config::Diagnostic &d : std::as_const(m_diagnostics)) {
        auto *item = new QListWidgetItem(d.toString(), m_problems);
        item->setData(Qt::UserRole, d.path);
        item->setForeground(d.severity == config::Diagnostic::Severity::Error ? QColor(0xc0, 0x1c, 0x28)
                                                                              : QColor(0xb3, 0x6b, 0x00));
    }
    m_problems->setVisible(!m_diagnostics.isEmpty());
    updateActions();
    updateTitle();
    updateStaleBanner();
}

void MainWindow::updateTitle()
{
    const QString title = tr("Gatehouse — %1").arg(m_connection->endpoint());
    setWindowTitle(isDirty() ? title + QStringLiteral(" *") : title);
    const int changed = isDirty() ? 1 : 0;
    m_revisionLabel->setText(!m_loaded     ? QString()
                                 : changed ? tr("revision %1, changes not applied").arg(m_baseRevision)
                                           : tr("revision %1").arg(m_baseRevision));
}

void MainWindow::updateActions()
{
    const bool connected = m_connection->state() == ServiceConnection::State::Connected;
    const bool selected = selectedRow() >= 0;
    const bool editable = m_loaded;
    m_addAction->setEnabled(editable);
    for (QAction *action :
         { m_editAction, m_duplicateAction, m_deleteAction, m_toggleAction, m_raiseAction, m_lowerAction })
        action->setEnabled(editable && selected);
    const bool busy = m_applier->isBusy();
    m_applyAction->setEnabled(connected && isDirty() && !config::hasErrors(m_diagnostics) && !busy);
    m_applyAction->setToolTip(config::hasErrors(m_diagnostics)
                                  ? tr("Fix the errors listed under the routes first")
                                  : tr("Check the local changes with the service and run them (%1)")
                                        .arg(m_applyAction->shortcut().toString(QKeySequence::NativeText)));
    m_revertAction->setEnabled(isDirty() && connected && !busy);
    m_reloadFileAction->setEnabled(connected);
    if (selected) {
        const bool enabled = m_routes->route(selectedRow()).enabled;
        m_toggleAction->setText(enabled ? tr("Disa&ble route") : tr("E&nable route"));
    }
}

int MainWindow::selectedRow() const
{
    if (!m_routesTable)
        return -1;
    const QModelIndexList rows = m_routesTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_routesProxy->mapToSource(rows.first()).row();
}

void MainWindow::selectRow(int row)
{
    const QModelIndex index = m_routesProxy->mapFromSource(m_routes->index(row, 0));
    m_routesTable->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_routesTable->setCurrentIndex(index);
    m_routesTable->scrollTo(index);
}

RouteEditor *MainWindow::editRoute(int row)
{
    if (m_editor)
        m_editor->close();
    config::Route initial;
    if (row >= 0) {
        initial = m_routes->route(row);
    } else {
        initial.name = m_routes->uniqueName(QStringLiteral("route"));
        initial.action.targets.append(config::Target { { QStringLiteral("127.0.0.1") }, 0, {} });
    }
    const QString originalName = initial.name;
    auto *editor = new RouteEditor(m_routes->config(), row, initial, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor, row, originalName] {
        if (row < 0) {
            selectRow(m_routes->insertRoute(-1, editor->route()));
            return;
        }
        // The row may have moved meanwhile only if the table changed under a modal dialog; check the name.
        if (row < m_routes->rowCount() && m_routes->route(row).name == originalName)
            m_routes->setRoute(row, editor->route());
    });
    m_editor = editor;
    editor->open();
    return editor;
}

void MainWindow::addRoute()
{
    editRoute(-1);
}

void MainWindow::editSelected()
{
    if (const int row = selectedRow(); row >= 0)
        editRoute(row);
}

void MainWindow::duplicateSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    config::Route copy = m_routes->route(row);
    copy.name = m_routes->uniqueName(copy.name);
    selectRow(m_routes->insertRoute(row + 1, copy));
}

void MainWindow::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const QString name = m_routes->route(row).name;
    m_routes->removeRoute(row);
    statusBar()->showMessage(tr("Deleted route %1 (Discard changes brings it back until you apply).").arg(name),
                             kStatusMessageMs);
}

void MainWindow::toggleSelected()
{
    if (const int row = selectedRow(); row >= 0)
        m_routes->setEnabled(row, !m_routes->route(row).enabled);
    updateActions();
}

void MainWindow::changePriority(int delta)
{
    if (const int row = selectedRow(); row >= 0)
        m_routes->setPriority(row, m_routes->route(row).priority + delta);
}

void MainWindow::apply()
{
    if (!m_applyAction->isEnabled())
        return;
    m_applier->apply(m_routes->config(), m_base, m_baseRevision, m_strictAction->isChecked());
}

void MainWindow::revert()
{
    loadConfig(true);
}

void MainWindow::onReloadRequested(bool reapply)
{
    if (!reapply) {
        loadConfig(true);
        return;
    }
    const config::Config local = m_routes->config();
    const config::Config oldBase = m_base;
    loadConfig(false, [this, local, oldBase] {
        // m_base is the fresh config now; put the local edits on top of it and try again.
        m_routes->setConfig(ApplyController::rebase(local, oldBase, m_base));
        localEdited();
        if (config::hasErrors(m_diagnostics)) {
            statusBar()->showMessage(tr("Reloaded revision %1; with your changes on top the config has errors, "
                                        "so it was not applied.")
                                         .arg(m_baseRevision),
                                     kStatusMessageMs);
            return;
        }
        if (isDirty())
            m_applier->apply(m_routes->config(), m_base, m_baseRevision, m_strictAction->isChecked());
    });
}

void MainWindow::importConfig()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import config"), QString(),
                                                      tr("Gatehouse config (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void MainWindow::exportConfig()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export config"), QStringLiteral("gatehouse.json"),
                                                tr("Gatehouse config (*.json);;All files (*)"));
    if (!path.isEmpty())
        exportFile(path);
}

bool MainWindow::importFile(const QString &path)
{
    QFile file(path);
    QStringList problems;
    config::ConfigReader::Result read;
    if (!file.open(QIODevice::ReadOnly)) {
        problems << tr("cannot read it: %1").arg(file.errorString());
    } else {
        read = config::ConfigReader::read(file.readAll());
        for (const config::Diagnostic &d : std::as_const(read.diagnostics)) {
            if (d.severity == config::Diagnostic::Severity::Error)
                problems << d.toString();
        }
    }
    if (!problems.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Import config"), tr("%1 was not imported:").arg(path),
                                    QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("importErrorBox"));
        box->setInformativeText(problems.join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_routes->setConfig(read.config);
    m_loaded = true;
    localEdited();
    statusBar()->showMessage(
        read.config.routes.size() == 1
            ? tr("Imported %1: 1 route, not applied yet.").arg(path)
            : tr("Imported %1: %2 routes, not applied yet.").arg(path).arg(read.config.routes.size()),
        kStatusMessageMs);
    return true;
}

bool MainWindow::exportFile(const QString &path)
{
    QSaveFile file(path);
    const QByteArray bytes = config::ConfigWriter::write(m_routes->config());
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export config"),
                                    tr("%1 could not be written: %2").arg(path, file.errorString()), QMessageBox::Close,
                                    this);
        box->setObjectName(QStringLiteral("exportErrorBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    statusBar()->showMessage(tr("Exported the config to %1.").arg(path), kStatusMessageMs);
    return true;
}

}  // namespace gatehouse::gui
