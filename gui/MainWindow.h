#pragma once

#include "config/Config.h"
#include "config/Diagnostic.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace gatehouse::gui {

class ApplyController;
class CertificatesModel;
class CertificatesView;
class EventsModel;
class EventsView;
class PortsModel;
class PortsView;
class RouteEditor;
class RoutesModel;
class ServiceConnection;

// The Gatehouse window: routes edited locally until Apply, and the service's
// ports, certificates and events live, all over the control socket.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        QString endpoint;  // the control socket or pipe
        bool explicitEndpoint = false;  // given with --control
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServiceConnection *connection() const { return m_connection; }
    RoutesModel *routesModel() const { return m_routes; }
    PortsModel *portsModel() const { return m_ports; }
    CertificatesModel *certificatesModel() const { return m_certificates; }
    EventsModel *eventsModel() const { return m_events; }
    quint64 baseRevision() const { return m_baseRevision; }
    bool isDirty() const;
    bool hasLoadedConfig() const { return m_loaded; }

    // Opens the route editor (not blocking); -1 for a new route. Its OK changes the local config.
    RouteEditor *editRoute(int row);
    // Replaces the local config with a file's; false (after saying why) when it cannot be read.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);

Q_SIGNALS:
    // The service's config was loaded (first connect, after an apply, after a reload).
    void configLoaded(quint64 revision);
    void portsLoaded();
    void certificatesLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    QWidget *buildRoutesTab();
    void readSettings();
    void writeSettings();

    void onConnectionState();
    void onConnected();
    void onEvent(const QJsonObject &event);
    void loadConfig(bool adopt, std::function<void()> then = {});
    void refreshPorts();
    void refreshCertificates();
    void renewCertificate(const QString &domain);
    void reloadServiceFile();

    void localEdited();
    void updateActions();
    void updateTitle();
    void updateStaleBanner();
    int selectedRow() const;
    void selectRow(int row);

    void addRoute();
    void editSelected();
    void duplicateSelected();
    void deleteSelected();
    void toggleSelected();
    void changePriority(int delta);
    void apply();
    void revert();
    void importConfig();
    void exportConfig();
    void onReloadRequested(bool reapply);

    ServiceConnection *m_connection;
    ApplyController *m_applier;
    RoutesModel *m_routes;
    PortsModel *m_ports;
    CertificatesModel *m_certificates;
    EventsModel *m_events;
    QSortFilterProxyModel *m_routesProxy = nullptr;

    config::Config m_base;  // the service's config the local edits started from
    quint64 m_baseRevision = 0;
    quint64 m_serviceRevision = 0;  // the newest revision the service announced
    bool m_loaded = false;
    config::Diagnostics m_diagnostics;  // of the local config
    QPointer<RouteEditor> m_editor;

    QTabWidget *m_tabs = nullptr;
    QTableView *m_routesTable = nullptr;
    QListWidget *m_problems = nullptr;
    QSplitter *m_routesSplitter = nullptr;
    QLabel *m_staleBanner = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_revisionLabel = nullptr;
    PortsView *m_portsView = nullptr;
    CertificatesView *m_certificatesView = nullptr;
    EventsView *m_eventsView = nullptr;
    QTimer *m_clock = nullptr;

    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_toggleAction = nullptr;
    QAction *m_raiseAction = nullptr;
    QAction *m_lowerAction = nullptr;
    QAction *m_applyAction = nullptr;
    QAction *m_strictAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_reloadFileAction = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QList<QAction *> m_viewActions;
};

}  // namespace gatehouse::gui
