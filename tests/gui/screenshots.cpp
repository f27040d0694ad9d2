// Takes the README's screenshots: the real main window against a running
// gatehoused, one PNG per view. scripts/screenshots.sh runs it under Xvfb with
// a demo config; it is a tool, not a test.
//   gui_screenshots --control SOCKET --config DEMO.json --out DIR
#include "MainWindow.h"
#include "RouteEditor.h"
#include "ServiceConnection.h"
#include "models/CertificatesModel.h"
#include "models/RoutesModel.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>

using gatehouse::gui::MainWindow;

namespace {

bool save(QWidget *widget, const QString &path)
{
    QCoreApplication::processEvents();
    const bool ok = widget->grab().save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

}  // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseScreenshots"));
    QCommandLineParser parser;
    const QCommandLineOption control(QStringLiteral("control"), QStringLiteral("control socket"),
                                     QStringLiteral("PATH"));
    const QCommandLineOption demo(QStringLiteral("config"), QStringLiteral("config to apply"), QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("output directory"), QStringLiteral("DIR"));
    parser.addOptions({ control, demo, out });
    parser.addHelpOption();
    parser.process(app);
    const QDir dir(parser.value(out));

    MainWindow window(MainWindow::Options { parser.value(control), true });
    window.resize(1280, 560);
    window.show();
    if (!QTest::qWaitFor([&window] { return window.hasLoadedConfig(); }, 15000)) {
        std::fprintf(stderr, "gui_screenshots: the window did not connect to %s\n", qPrintable(parser.value(control)));
        return 1;
    }

    // Apply the demo config through the window, as a user would.
    const quint64 before = window.baseRevision();
    if (!window.importFile(parser.value(demo)))
        return 1;
    window.findChild<QAction *>(QStringLiteral("applyAction"))->trigger();
    const auto answer = [&window] {
        // Warnings: apply anyway. Ports that cannot be bound: keep them waiting.
        for (const char *name : { "applyAnywayButton", "keepButton" }) {
            if (auto *button = window.findChild<QPushButton *>(QString::fromLatin1(name));
                button && button->isVisible())
                button->click();
        }
    };
    if (!QTest::qWaitFor(
            [&] {
                answer();
                return window.baseRevision() > before && !window.isDirty();
            },
            15000)) {
        std::fprintf(stderr, "gui_screenshots: the demo config was not applied\n");
        return 1;
    }
    QTest::qWait(1500);  // listener events and the first retry of a held port
    answer();

    // Routes with automatic certificates: wait until the CA has issued them all.
    const auto &demoRoutes = window.routesModel()->config().routes;
    const bool wantsCertificates = std::any_of(demoRoutes.cbegin(), demoRoutes.cend(),
                                               [](const auto &route) { return route.action.tls.autoCertificate; });
    const auto allValid = [&window] {
        const gatehouse::gui::CertificatesModel *certificates = window.certificatesModel();
        for (int row = 0; row < certificates->rowCount(); ++row) {
            if (certificates->certificate(row).value(QStringLiteral("state")).toString() != QStringLiteral("valid"))
                return false;
        }
        return certificates->rowCount() > 0;
    };
    if (wantsCertificates && !QTest::qWaitFor(allValid, 60000)) {
        std::fprintf(stderr, "gui_screenshots: the automatic certificates were not all issued\n");
        return 1;
    }

    // The route the pictures select and edit: "api" (a path, two targets, load balancing).
    int shown = 0;
    for (int row = 0; row < window.routesModel()->rowCount(); ++row) {
        if (window.routesModel()->route(row).name == QStringLiteral("api"))
            shown = row;
    }

    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    auto *routes = window.findChild<QTableView *>(QStringLiteral("routesTable"));
    const char *names[] = { "routes", "ports", "certificates", "events" };
    bool ok = true;
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        if (i == 0)
            routes->selectRow(shown);
        ok &= save(&window, dir.filePath(QString::fromLatin1(names[i]) + QStringLiteral(".png")));
    }

    tabs->setCurrentIndex(0);
    gatehouse::gui::RouteEditor *editor = window.editRoute(shown);
    editor->resize(760, 640);
    ok &= save(editor, dir.filePath(QStringLiteral("route-editor.png")));
    editor->close();
    return ok ? 0 : 1;
}
