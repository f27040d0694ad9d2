#pragma once

#include "config/Config.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QMessageBox;
class QWidget;

namespace gatehouse::gui {

class ServiceConnection;

// Apply, as the main window's Apply action runs it: config.validate first
// (errors stop it; overlap and shadow warnings ask), then config.apply with the
// revision the edits started from. A revision conflict offers to reload and
// re-apply; ports that fail to bind are listed with why and who holds them,
// with a strict (all-or-nothing) rollback on offer. Its dialogs are window
// modal but never block the event loop, so tests can answer them.
class ApplyController : public QObject
{
    Q_OBJECT

public:
    ApplyController(ServiceConnection *connection, QWidget *window);

    // base: the service's config at baseRevision, what a rollback goes back to.
    void apply(const config::Config &config, const config::Config &base, quint64 baseRevision, bool strict);
    bool isBusy() const { return m_busy; }

    // The local edits (local against base) replayed onto fresh, the service's
    // newer config: routes matched by name; added, changed and removed ones win,
    // untouched ones take fresh's version; the other settings likewise.
    static config::Config rebase(const config::Config &local, const config::Config &base, const config::Config &fresh);
    static QJsonObject toJson(const config::Config &config);

Q_SIGNALS:
    void busyChanged(bool busy);
    // The service runs a new revision (the config sent, or the base after a rollback).
    void applied(quint64 revision, const QJsonArray &ports);
    // A revision conflict: reload the service's config; reapply: put the local edits on top of it.
    void reloadRequested(bool reapply);
    void statusMessage(const QString &text);

private:
    void sendApply(const config::Config &config, quint64 baseRevision, bool strict, bool rollback);
    void onApplied(const QJsonObject &result, bool rollback);
    void onApplyFailed(int code, const QString &message, const QJsonObject &data, bool rollback);
    void showDiagnostics(const QJsonArray &diagnostics, bool rejected);
    QMessageBox *box(const QString &name, const QString &title, const QString &text);
    void setBusy(bool busy);
    static QString failureLines(const QJsonObject &report);

    ServiceConnection *m_connection;
    QPointer<QWidget> m_window;
    bool m_busy = false;
    config::Config m_config;
    config::Config m_base;
    quint64 m_baseRevision = 0;
    bool m_strict = false;
};

}  // namespace gatehouse::gui
