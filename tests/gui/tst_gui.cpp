// The GUI's real widgets (offscreen) against the real gatehoused, a child process
// with a temporary config, state directory and control socket: editing and
// applying routes, inline validation, port holders and revision conflicts.
#include "ApplyController.h"
#include "MainWindow.h"
#include "RouteEditor.h"
#include "ServiceConnection.h"
#include "TestSupport.h"
#include "Translations.h"
#include "config/ConfigReader.h"
#include "models/CertificatesModel.h"
#include "models/EventsModel.h"
#include "models/PortsModel.h"
#include "models/RoutesModel.h"

#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace gatehouse;
using gatehouse::gui::MainWindow;
using gatehouse::gui::RouteEditor;
using gatehouse::test::freePort;

namespace {

constexpr int kWait = 15000;

QJsonObject routeJson(const QString &name, quint16 port)
{
    return QJsonObject { { QStringLiteral("name"), name },
                         { QStringLiteral("match"), QJsonObject { { QStringLiteral("ports"), int(port) } } },
                         { QStringLiteral("action"),
                           QJsonObject {
                               { QStringLiteral("type"), QStringLiteral("forward") },
                               { QStringLiteral("targets"),
                                 QJsonArray { QJsonObject { { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                                                            { QStringLiteral("port"), 9 } } } } } } };
}

QJsonObject configJson(const QJsonArray &routes)
{
    return QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                         { QStringLiteral("routes"), routes } };
}

config::Route forwardRoute(const QString &name, quint16 port)
{
    config::Route route;
    route.name = name;
    route.match.ports = { { port, port } };
    route.action.targets = { config::Target { { QStringLiteral("127.0.0.1") }, 9, {} } };
    return route;
}

int rowOf(const gui::RoutesModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->route(row).name == name)
            return row;
    }
    return -1;
}

}  // namespace

class TestGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void unreachableThenConnectsByItself();
    void addRouteInEditorAndApply();
    void routeActionsEditLocally();
    void invalidFieldShowsItsErrorAndBlocksOk();
    void formAndJsonTabsStayInSync();
    void importedInvalidConfigKeepsApplyDisabled();
    void portHolderShownInPortsView();
    void strictApplyChangesNothing();
    void revisionConflictOffersReload();
    void windowRemembersItsLayout();
    void speaksGermanWhenAsked();

private:
    bool startService()
    {
        m_service = test::startGatehoused({ QStringLiteral("--config"), m_configPath, QStringLiteral("--state-dir"),
                                            m_dir->filePath(QStringLiteral("state")), QStringLiteral("--control"),
                                            m_socketPath, QStringLiteral("--log-level"), QStringLiteral("warning") },
                                          m_dir->filePath(QStringLiteral("notify")));
        return m_service != nullptr;
    }

    QString writeFile(const QString &name, const QJsonObject &config)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QJsonDocument(config).toJson());
        return path;
    }

    // A window on this test's socket, connected and with the service's config loaded.
    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(MainWindow::Options { m_socketPath, true });
        window->connection()->setBackoff(std::chrono::milliseconds(100), std::chrono::milliseconds(1000));
        window->show();
        return window;
    }

    QJsonObject ctlJson(const QStringList &arguments, int *exitCode = nullptr)
    {
        QProcess process;
        process.start(test::binaryPath(QStringLiteral("gatehousectl")),
                      QStringList { QStringLiteral("--control"), m_socketPath } + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        if (!finished.wait(kWait))
            return {};
        if (exitCode)
            *exitCode = process.exitCode();
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    }

    template<typename T> static T *child(QObject *parent, const QString &name) { return parent->findChild<T *>(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_socketPath;
    QString m_configPath;
    quint16 m_firstPort = 0;
    std::unique_ptr<QProcess> m_service;
};

void TestGui::initTestCase()
{
    // Window geometry and the like go to a test location, not the user's settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui"));
}

void TestGui::init()
{
    QSettings().clear();  // each test starts with a window that remembers nothing
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_socketPath = m_dir->filePath(QStringLiteral("run/control.sock"));
    m_firstPort = freePort();
    m_configPath
        = writeFile(QStringLiteral("config.json"), configJson({ routeJson(QStringLiteral("first"), m_firstPort) }));
}

void TestGui::cleanup()
{
    if (m_service && m_service->state() == QProcess::Running) {
        m_service->terminate();
        if (!m_service->waitForFinished(10000))
            m_service->kill();
    }
    m_service.reset();
}

void TestGui::unreachableThenConnectsByItself()
{
    std::unique_ptr<MainWindow> window = openWindow();
    auto *status = child<QLabel>(window.get(), QStringLiteral("connectionStatus"));
    QVERIFY(status);
    // Plain words and the command that starts a service on this socket.
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("not running")), kWait);
    QVERIFY2(status->text().contains(QStringLiteral("gatehoused --control ") + m_socketPath),
             qPrintable(status->text()));
    QVERIFY(!child<QAction>(window.get(), QStringLiteral("applyAction"))->isEnabled());

    QVERIFY(startService());
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    QVERIFY2(status->text().startsWith(QStringLiteral("Connected")), qPrintable(status->text()));
    QCOMPARE(window->baseRevision(), quint64(1));
    QCOMPARE(window->routesModel()->rowCount(), 1);
    QCOMPARE(window->routesModel()->route(0).name, QStringLiteral("first"));
    // No route asks for an automatic certificate: the view says so, and how to get one.
    auto *note = child<QLabel>(window.get(), QStringLiteral("certificatesNote"));
    QTRY_VERIFY_WITH_TIMEOUT(note->text().startsWith(QStringLiteral("No certificates")), kWait);
    QCOMPARE(window->certificatesModel()->rowCount(), 0);

    // The service goes away: said at once, and back by itself when it returns.
    m_service->terminate();
    QVERIFY(m_service->waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Not connected")), kWait);
    QSignalSpy loaded(window.get(), &MainWindow::configLoaded);
    QVERIFY(startService());
    QVERIFY(loaded.wait(kWait));
    QVERIFY2(status->text().startsWith(QStringLiteral("Connected")), qPrintable(status->text()));
}

void TestGui::addRouteInEditorAndApply()
{
    QVERIFY(startService());
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    auto *apply = child<QAction>(window.get(), QStringLiteral("applyAction"));
    QVERIFY(!apply->isEnabled());  // nothing to apply yet

    child<QAction>(window.get(), QStringLiteral("addRouteAction"))->trigger();
    auto *editor = child<RouteEditor>(window.get(), QStringLiteral("routeEditor"));
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible());
    auto *name = child<QLineEdit>(editor, QStringLiteral("nameEdit"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("api"));
    const quint16 port = freePort();
    QTest::keyClicks(child<QLineEdit>(editor, QStringLiteral("portsEdit")), QString::number(port));
    QTest::keyClicks(child<QLineEdit>(editor, QStringLiteral("domainsEdit")), QStringLiteral("api.example.test"));
    auto *targets = child<QTableWidget>(editor, QStringLiteral("targetsTable"));
    QCOMPARE(targets->rowCount(), 1);
    targets->item(0, 1)->setText(QStringLiteral("9"));
    auto *ok = child<QPushButton>(editor, QStringLiteral("okButton"));
    QVERIFY2(ok->isEnabled(), qPrintable(child<QLabel>(editor, QStringLiteral("routeErrors"))->text()));
    QTest::mouseClick(ok, Qt::LeftButton);

    gui::RoutesModel *routes = window->routesModel();
    QCOMPARE(routes->rowCount(), 2);
    const int row = rowOf(routes, QStringLiteral("api"));
    QVERIFY(row >= 0);
    QCOMPARE(routes->statusText(row), QStringLiteral("not applied yet"));
    QVERIFY(window->isDirty());
    QVERIFY(apply->isEnabled());

    apply->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->baseRevision(), quint64(2), kWait);
    QVERIFY(!window->isDirty());
    QTRY_COMPARE_WITH_TIMEOUT(routes->statusText(rowOf(routes, QStringLiteral("api"))), QStringLiteral("serving"),
                              kWait);

    int exitCode = -1;
    const QJsonObject got = ctlJson({ QStringLiteral("routes"), QStringLiteral("--json") }, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(got.value(QStringLiteral("revision")).toInt(), 2);
    const QJsonArray list = got[QStringLiteral("config")][QStringLiteral("routes")].toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject api = list[1].toObject();
    QCOMPARE(api.value(QStringLiteral("name")).toString(), QStringLiteral("api"));
    QCOMPARE(api[QStringLiteral("match")][QStringLiteral("ports")].toInt(), int(port));
    QCOMPARE(api[QStringLiteral("match")][QStringLiteral("domains")].toString(), QStringLiteral("api.example.test"));
    QCOMPARE(api[QStringLiteral("action")][QStringLiteral("targets")][0][QStringLiteral("port")].toInt(), 9);

    // The Events view logged the apply and filters by type and text.
    gui::EventsModel *events = window->eventsModel();
    const auto appliedCount = [events] {
        int count = 0;
        for (int i = 0; i < events->rowCount(); ++i)
            count += events->event(i).value(QStringLiteral("type")).toString() == QStringLiteral("config.applied");
        return count;
    };
    QTRY_COMPARE_WITH_TIMEOUT(appliedCount(), 1, kWait);
    QVERIFY(events->rowCount() > 1);  // the new listener too
    auto *filtered = child<QTableView>(window.get(), QStringLiteral("eventsTable"))->model();
    auto *type = child<QComboBox>(window.get(), QStringLiteral("eventsTypeFilter"));
    type->setCurrentIndex(type->findData(QStringLiteral("config.applied")));
    QCOMPARE(filtered->rowCount(), 1);
    QCOMPARE(filtered->index(0, gui::EventsModel::Detail).data().toString(),
             QStringLiteral("config applied: revision 2"));
    type->setCurrentIndex(0);
    child<QLineEdit>(window.get(), QStringLiteral("eventsFilter"))->setText(QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(filtered->rowCount() >= 1);
    QVERIFY(filtered->rowCount() < events->rowCount());
}

void TestGui::routeActionsEditLocally()
{
    QVERIFY(startService());
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    gui::RoutesModel *routes = window->routesModel();
    auto *table = child<QTableView>(window.get(), QStringLiteral("routesTable"));
    const auto action = [&window](const char *name) { return child<QAction>(window.get(), QString::fromLatin1(name)); };
    QVERIFY(!action("duplicateRouteAction")->isEnabled());  // nothing selected
    table->selectRow(0);
    QVERIFY(action("duplicateRouteAction")->isEnabled());

    action("duplicateRouteAction")->trigger();
    QCOMPARE(routes->rowCount(), 2);
    QCOMPARE(routes->route(1).name, QStringLiteral("first-2"));
    QVERIFY(window->isDirty());
    // The copy listens on the same port: the validator's overlap warning names it, Apply stays possible.
    auto *problems = child<QListWidget>(window.get(), QStringLiteral("problemsList"));
    QVERIFY(problems->count() >= 1);
    QVERIFY2(problems->item(0)->text().startsWith(QStringLiteral("warning: routes[1]")),
             qPrintable(problems->item(0)->text()));
    QVERIFY(action("applyAction")->isEnabled());

    // The copy is selected now: switch it off, raise it, delete it.
    action("toggleRouteAction")->trigger();
    QCOMPARE(routes->route(1).enabled, false);
    QCOMPARE(routes->statusText(1), QStringLiteral("disabled"));
    action("raisePriorityAction")->trigger();
    action("raisePriorityAction")->trigger();
    action("lowerPriorityAction")->trigger();
    QCOMPARE(routes->route(1).priority, 1);
    action("deleteRouteAction")->trigger();
    QCOMPARE(routes->rowCount(), 1);
    QVERIFY(!window->isDirty());

    // Priority edited in the table, then discarded: the service's config again.
    QVERIFY(routes->setData(routes->index(0, gui::RoutesModel::Priority), 4, Qt::EditRole));
    QVERIFY(window->isDirty());
    QVERIFY(action("revertAction")->isEnabled());
    QSignalSpy loaded(window.get(), &MainWindow::configLoaded);
    action("revertAction")->trigger();
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(routes->route(0).priority, 0);
    QVERIFY(!window->isDirty());

    // A double-click on a route opens its editor.
    QVERIFY(!child<RouteEditor>(window.get(), QStringLiteral("routeEditor")));
    const QRect cell = table->visualRect(table->model()->index(0, gui::RoutesModel::Name));
    // A click first, as a person's double-click starts: QTest's double-click alone leaves the view no press.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    auto *editor = child<RouteEditor>(window.get(), QStringLiteral("routeEditor"));
    QVERIFY(editor);
    QCOMPARE(child<QLineEdit>(editor, QStringLiteral("nameEdit"))->text(), QStringLiteral("first"));
}

void TestGui::invalidFieldShowsItsErrorAndBlocksOk()
{
    QVERIFY(startService());
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    RouteEditor *editor = window->editRoute(0);
    auto *ok = child<QPushButton>(editor, QStringLiteral("okButton"));
    QVERIFY(ok->isEnabled());

    // A redirect status the core validator refuses: its message beside the status field.
    child<QComboBox>(editor, QStringLiteral("actionTypeCombo"))->setCurrentIndex(int(config::ActionType::Redirect));
    child<QLineEdit>(editor, QStringLiteral("redirectToEdit"))->setText(QStringLiteral("https://{host}{path}"));
    auto *status = child<QSpinBox>(editor, QStringLiteral("redirectStatusBox"));
    status->setValue(200);
    QLabel *statusError = editor->errorLabel(QStringLiteral("action.redirect.status"));
    QVERIFY(statusError);
    QVERIFY(!statusError->isHidden());
    QVERIFY2(statusError->text().contains(QStringLiteral("200 is not a redirect status")),
             qPrintable(statusError->text()));
    QVERIFY(!ok->isEnabled());

    // A port the form cannot read: beside the ports field.
    auto *ports = child<QLineEdit>(editor, QStringLiteral("portsEdit"));
    ports->setText(QStringLiteral("80, http"));
    QLabel *portsError = editor->errorLabel(QStringLiteral("match.ports"));
    QVERIFY(!portsError->isHidden());
    QVERIFY2(portsError->text().contains(QStringLiteral("'http'")), qPrintable(portsError->text()));

    // OK does nothing while there are errors, and the local config is untouched.
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(editor->isVisible());
    QVERIFY(!window->isDirty());
    QVERIFY(!child<QAction>(window.get(), QStringLiteral("applyAction"))->isEnabled());

    // Fixed: the labels go, OK comes back.
    status->setValue(308);
    ports->setText(QString::number(m_firstPort));
    QVERIFY(statusError->isHidden());
    QVERIFY(portsError->isHidden());
    QVERIFY(ok->isEnabled());

    // A name another route has: the core validator's message beside the name.
    window->routesModel()->insertRoute(-1, forwardRoute(QStringLiteral("second"), freePort()));
    RouteEditor *second = window->editRoute(1);
    child<QLineEdit>(second, QStringLiteral("nameEdit"))->setText(QStringLiteral("first"));
    QLabel *nameError = second->errorLabel(QStringLiteral("name"));
    QVERIFY2(nameError->text().contains(QStringLiteral("duplicate route name 'first'")), qPrintable(nameError->text()));
    QVERIFY(!child<QPushButton>(second, QStringLiteral("okButton"))->isEnabled());
}

void TestGui::formAndJsonTabsStayInSync()
{
    QVERIFY(startService());
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    RouteEditor *editor = window->editRoute(0);
    auto *json = child<QPlainTextEdit>(editor, QStringLiteral("jsonEdit"));
    QVERIFY(json->toPlainText().contains(QStringLiteral("\"name\": \"first\"")));

    // Form to JSON.
    child<QLineEdit>(editor, QStringLiteral("pathEdit"))->setText(QStringLiteral("/api/*"));
    QVERIFY2(json->toPlainText().contains(QStringLiteral("\"path\": \"/api/*\"")), qPrintable(json->toPlainText()));

    // JSON to form.
    QString text = json->toPlainText();
    text.replace(QStringLiteral("\"name\": \"first\""), QStringLiteral("\"name\": \"renamed\", \"priority\": 7"));
    json->setPlainText(text);
    QCOMPARE(child<QLineEdit>(editor, QStringLiteral("nameEdit"))->text(), QStringLiteral("renamed"));
    QCOMPARE(child<QSpinBox>(editor, QStringLiteral("priorityBox"))->value(), 7);
    QCOMPARE(editor->route().priority, 7);

    // A structural error in the JSON: shown on its tab with its path, OK off.
    text.replace(QStringLiteral("\"priority\": 7"), QStringLiteral("\"priority\": 7, \"colour\": 1"));
    json->setPlainText(text);
    auto *jsonErrors = child<QLabel>(editor, QStringLiteral("jsonErrors"));
    QVERIFY(!jsonErrors->isHidden());
    QVERIFY2(jsonErrors->text().contains(QStringLiteral("colour")), qPrintable(jsonErrors->text()));
    QVERIFY(!child<QPushButton>(editor, QStringLiteral("okButton"))->isEnabled());
    json->setPlainText(text.replace(QStringLiteral(", \"colour\": 1"), QString()));
    QVERIFY(jsonErrors->isHidden());
    QVERIFY(child<QPushButton>(editor, QStringLiteral("okButton"))->isEnabled());

    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("okButton")), Qt::LeftButton);
    QCOMPARE(window->routesModel()->route(0).name, QStringLiteral("renamed"));
    QCOMPARE(window->routesModel()->route(0).match.path, QStringLiteral("/api/*"));
    QVERIFY(window->isDirty());
}

void TestGui::importedInvalidConfigKeepsApplyDisabled()
{
    QVERIFY(startService());
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    const quint16 port = freePort();
    const QString file = writeFile(
        QStringLiteral("twins.json"),
        configJson({ routeJson(QStringLiteral("twin"), port), routeJson(QStringLiteral("twin"), freePort()) }));
    QVERIFY(window->importFile(file));
    QVERIFY(window->isDirty());
    auto *problems = child<QListWidget>(window.get(), QStringLiteral("problemsList"));
    QVERIFY(problems->count() >= 1);
    QVERIFY2(problems->item(0)->text().contains(QStringLiteral("routes[1].name")),
             qPrintable(problems->item(0)->text()));
    QVERIFY(!child<QAction>(window.get(), QStringLiteral("applyAction"))->isEnabled());
    QVERIFY(window->routesModel()->statusText(1).startsWith(QStringLiteral("invalid")));

    // Fixing it in the table's model makes Apply possible.
    config::Route renamed = window->routesModel()->route(1);
    renamed.name = QStringLiteral("other");
    window->routesModel()->setRoute(1, renamed);
    QVERIFY(child<QAction>(window.get(), QStringLiteral("applyAction"))->isEnabled());

    // Export writes what the window holds; reading it back gives the same config.
    const QString exported = m_dir->filePath(QStringLiteral("exported.json"));
    QVERIFY(window->exportFile(exported));
    QFile exportedFile(exported);
    QVERIFY(exportedFile.open(QIODevice::ReadOnly));
    const config::ConfigReader::Result read = config::ConfigReader::read(exportedFile.readAll());
    QVERIFY(read.diagnostics.isEmpty());
    QVERIFY(read.config == window->routesModel()->config());

    // A file that is not a config is refused with its problems, the local config untouched.
    const QString broken = m_dir->filePath(QStringLiteral("broken.json"));
    QFile brokenFile(broken);
    QVERIFY(brokenFile.open(QIODevice::WriteOnly));
    brokenFile.write("{ \"routes\": [ { \"name\": 1 } ] }");
    brokenFile.close();
    QVERIFY(!window->importFile(broken));
    auto *box = child<QMessageBox>(window.get(), QStringLiteral("importErrorBox"));
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(QStringLiteral("routes[0].name")), qPrintable(box->informativeText()));
    QCOMPARE(window->routesModel()->route(1).name, QStringLiteral("other"));
}

void TestGui::portHolderShownInPortsView()
{
    QVERIFY(startService());
    QTcpServer holder;  // to gatehoused, this test is another process holding a port
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    window->routesModel()->insertRoute(-1, forwardRoute(QStringLiteral("held"), holder.serverPort()));
    child<QAction>(window.get(), QStringLiteral("applyAction"))->trigger();

    // Applied (best effort), with the failure explained and a rollback on offer.
    QTRY_VERIFY_WITH_TIMEOUT(child<QMessageBox>(window.get(), QStringLiteral("bindFailuresBox")), kWait);
    auto *box = child<QMessageBox>(window.get(), QStringLiteral("bindFailuresBox"));
    const QString pid = QStringLiteral("pid %1").arg(QCoreApplication::applicationPid());
    QVERIFY2(box->informativeText().contains(pid), qPrintable(box->informativeText()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("127.0.0.1:%1").arg(holder.serverPort())),
             qPrintable(box->informativeText()));
    QTRY_COMPARE_WITH_TIMEOUT(window->baseRevision(), quint64(2), kWait);

    // The Ports view: the conflict first, red, with its holder.
    gui::PortsModel *ports = window->portsModel();
    QTRY_VERIFY_WITH_TIMEOUT(ports->rowCount() == 2, kWait);
    QCOMPARE(ports->port(0).value(QStringLiteral("state")).toString(), QStringLiteral("conflict"));
    const QString detail = ports->index(0, gui::PortsModel::Detail).data().toString();
    QVERIFY2(detail.contains(QStringLiteral("in use by")) && detail.contains(pid), qPrintable(detail));
    QCOMPARE(ports->index(0, gui::PortsModel::Routes).data().toString(), QStringLiteral("held"));
    QCOMPARE(ports->index(0, 0).data(Qt::BackgroundRole).value<QBrush>().color().red(), 0xf8);
    const int row = rowOf(window->routesModel(), QStringLiteral("held"));
    QVERIFY2(window->routesModel()->statusText(row).startsWith(QStringLiteral("port conflict")),
             qPrintable(window->routesModel()->statusText(row)));
    auto *table = child<QTableView>(window.get(), QStringLiteral("portsTable"));
    QCOMPARE(table->model(), static_cast<QAbstractItemModel *>(ports));

    // Strict rollback: back to the config before, as revision 3.
    QTest::mouseClick(child<QPushButton>(box, QStringLiteral("rollbackButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->baseRevision(), quint64(3), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(window->routesModel()->rowCount(), 1, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(ports->rowCount(), 1, kWait);
    QCOMPARE(ports->port(0).value(QStringLiteral("state")).toString(), QStringLiteral("bound"));
}

void TestGui::strictApplyChangesNothing()
{
    QVERIFY(startService());
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    child<QAction>(window.get(), QStringLiteral("strictAction"))->setChecked(true);
    window->routesModel()->insertRoute(-1, forwardRoute(QStringLiteral("free"), freePort()));
    window->routesModel()->insertRoute(-1, forwardRoute(QStringLiteral("held"), holder.serverPort()));
    child<QAction>(window.get(), QStringLiteral("applyAction"))->trigger();

    QTRY_VERIFY_WITH_TIMEOUT(child<QMessageBox>(window.get(), QStringLiteral("bindFailedBox")), kWait);
    auto *box = child<QMessageBox>(window.get(), QStringLiteral("bindFailedBox"));
    QVERIFY2(box->text().contains(QStringLiteral("nothing changed")), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())),
             qPrintable(box->informativeText()));
    // Nothing changed on the service; the edits are still here to try again.
    QCOMPARE(window->baseRevision(), quint64(1));
    QVERIFY(window->isDirty());
    QCOMPARE(window->routesModel()->rowCount(), 3);
    const QJsonObject got = ctlJson({ QStringLiteral("routes"), QStringLiteral("--json") });
    QCOMPARE(got.value(QStringLiteral("revision")).toInt(), 1);
}

void TestGui::revisionConflictOffersReload()
{
    QVERIFY(startService());
    std::unique_ptr<MainWindow> window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->hasLoadedConfig(), kWait);
    gui::RoutesModel *routes = window->routesModel();
    routes->setPriority(0, 5);  // a local edit from revision 1
    QVERIFY(window->isDirty());

    // Another client applies revision 2 meanwhile.
    const quint16 otherPort = freePort();
    const QString file = writeFile(
        QStringLiteral("other.json"),
        configJson({ routeJson(QStringLiteral("first"), m_firstPort), routeJson(QStringLiteral("other"), otherPort) }));
    int exitCode = -1;
    ctlJson({ QStringLiteral("apply"), file, QStringLiteral("--json") }, &exitCode);
    QCOMPARE(exitCode, 0);
    auto *banner = child<QLabel>(window.get(), QStringLiteral("staleBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWait);
    QVERIFY2(banner->text().contains(QStringLiteral("revision 2")), qPrintable(banner->text()));
    QCOMPARE(routes->rowCount(), 1);  // the local edits stay

    child<QAction>(window.get(), QStringLiteral("applyAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(child<QMessageBox>(window.get(), QStringLiteral("revisionConflictBox")), kWait);
    auto *box = child<QMessageBox>(window.get(), QStringLiteral("revisionConflictBox"));
    QVERIFY2(box->text().contains(QStringLiteral("revision 2")), qPrintable(box->text()));
    QVERIFY(child<QPushButton>(box, QStringLiteral("reloadDiscardButton")));
    QCOMPARE(window->baseRevision(), quint64(1));

    // Reload and re-apply: both changes end up in revision 3.
    QTest::mouseClick(child<QPushButton>(box, QStringLiteral("reloadReapplyButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->baseRevision(), quint64(3), kWait);
    QVERIFY(!window->isDirty());
    QVERIFY(banner->isHidden());
    const QJsonObject got = ctlJson({ QStringLiteral("routes"), QStringLiteral("--json") });
    QCOMPARE(got.value(QStringLiteral("revision")).toInt(), 3);
    const QJsonArray list = got[QStringLiteral("config")][QStringLiteral("routes")].toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0][QStringLiteral("name")].toString(), QStringLiteral("first"));
    QCOMPARE(list[0][QStringLiteral("priority")].toInt(), 5);
    QCOMPARE(list[1][QStringLiteral("name")].toString(), QStringLiteral("other"));
}

void TestGui::windowRemembersItsLayout()
{
    QSettings().clear();
    {
        std::unique_ptr<MainWindow> window = openWindow();
        window->resize(900, 500);
        child<QTabWidget>(window.get(), QStringLiteral("viewTabs"))->setCurrentIndex(2);
        QVERIFY(window->close());
    }
    std::unique_ptr<MainWindow> window = openWindow();
    QCOMPARE(window->size(), QSize(900, 500));
    QCOMPARE(child<QTabWidget>(window.get(), QStringLiteral("viewTabs"))->currentIndex(), 2);
}

void TestGui::speaksGermanWhenAsked()
{
    // --lang de, as the programs read it, with the .qm embedded in the binary.
    QCOMPARE(gatehouse::i18n::installTranslators(gatehouse::i18n::requestedLanguage(
                 { QStringLiteral("gatehouse"), QStringLiteral("--lang"), QStringLiteral("de") })),
             QStringLiteral("de"));
    const auto cleanup = qScopeGuard([] {
        const QList<QTranslator *> translators = QCoreApplication::instance()->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    });
    std::unique_ptr<MainWindow> window = openWindow();
    auto *tabs = child<QTabWidget>(window.get(), QStringLiteral("viewTabs"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Routen"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Zertifikate"));
    QCOMPARE(child<QAction>(window.get(), QStringLiteral("applyAction"))->text(), QStringLiteral("&Anwenden"));
    auto *status = child<QLabel>(window.get(), QStringLiteral("connectionStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(
        status->text().startsWith(QStringLiteral("Nicht verbunden: der Gatehouse-Dienst läuft nicht")), kWait);

    // The core validator's finding beside a field speaks German too.
    window->routesModel()->insertRoute(-1, forwardRoute(QStringLiteral("first"), freePort()));
    RouteEditor *editor = window->editRoute(0);
    child<QComboBox>(editor, QStringLiteral("actionTypeCombo"))->setCurrentIndex(int(config::ActionType::Redirect));
    child<QLineEdit>(editor, QStringLiteral("redirectToEdit"))->setText(QStringLiteral("https://{host}{path}"));
    child<QSpinBox>(editor, QStringLiteral("redirectStatusBox"))->setValue(200);
    QLabel *statusError = editor->errorLabel(QStringLiteral("action.redirect.status"));
    QVERIFY(statusError);
    QVERIFY(!statusError->isHidden());
    QVERIFY2(statusError->text().contains(
                 QStringLiteral("200 ist kein Umleitungsstatus; erwartet: 301, 302, 303, 307 oder 308")),
             qPrintable(statusError->text()));
}

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
