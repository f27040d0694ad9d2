#include "ApplyController.h"

#include "GuiText.h"
#include "ServiceConnection.h"
#include "config/ConfigWriter.h"
#include "control/ErrorCodes.h"

#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace gatehouse::gui {

namespace {

namespace ErrorCode = control::ErrorCode;

const config::Route *findRoute(const config::Config &config, const QString &name)
{
    const auto it = std::find_if(config.routes.cbegin(), config.routes.cend(),
                                 [&name](const config::Route &r) { return r.name == name; });
    return it == config.routes.cend() ? nullptr : &*it;
}

QString diagnosticLine(const QJsonObject &d)
{
    const QString path = d.value(QStringLiteral("path")).toString();
    const QString message = d.value(QStringLiteral("message")).toString();
    return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

}  // namespace

ApplyController::ApplyController(ServiceConnection *connection, QWidget *window)
    : QObject(window), m_connection(connection), m_window(window)
{ }

QJsonObject ApplyController::toJson(const config::Config &config)
{
    return QJsonDocument::fromJson(config::ConfigWriter::write(config)).object();
}

config::Config ApplyController::rebase(const config::Config &local, const config::Config &base,
                                       const config::Config &fresh)
{
    config::Config merged = fresh;
    // Settings outside the routes: the local value where the user changed it.
    config::Config localSettings = local, baseSettings = base;
    localSettings.routes.clear();
    baseSettings.routes.clear();
    if (localSettings != baseSettings) {
        const QList<config::Route> routes = merged.routes;
        merged = localSettings;
        merged.routes = routes;
    }
    // Removed locally: gone from the result too.
    for (const config::Route &old : base.routes) {
        if (!findRoute(local, old.name))
            merged.routes.removeIf([&old](const config::Route &r) { return r.name == old.name; });
    }
    // Added or changed locally: the local version, in place or at the end.
    for (const config::Route &route : local.routes) {
        const config::Route *before = findRoute(base, route.name);
        if (before && *before == route)
            continue;
        const auto it = std::find_if(merged.routes.begin(), merged.routes.end(),
                                     [&route](const config::Route &r) { return r.name == route.name; });
        if (it != merged.routes.end())
            *it = route;
        else
            merged.routes.append(route);
    }
    return merged;
}

void ApplyController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

QMessageBox *ApplyController::box(const QString &name, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(m_window);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(title);
    box->setText(text);
    box->setWindowModality(Qt::WindowModal);
    return box;
}

void ApplyController::apply(const config::Config &config, const config::Config &base, quint64 baseRevision, bool strict)
{
    if (m_busy)
        return;
    m_config = config;
    m_base = base;
    m_baseRevision = baseRevision;
    m_strict = strict;
    setBusy(true);
    Q_EMIT statusMessage(tr("Checking the config with the service…"));
    m_connection->client()->call(
        QStringLiteral("config.validate"), QJsonObject { { QStringLiteral("config"), toJson(config) } }, this,
        [this](const control::ControlClient::Reply &reply) {
            if (!reply.ok()) {
                setBusy(false);
                QMessageBox *failed = box(QStringLiteral("applyErrorBox"), tr("Apply"),
                                          tr("The service could not check the config: %1").arg(reply.error().message));
                failed->setIcon(QMessageBox::Critical);
                failed->open();
                return;
            }
            const QJsonObject result = reply.value().toObject();
            const QJsonArray diagnostics = result.value(QStringLiteral("diagnostics")).toArray();
            if (!result.value(QStringLiteral("valid")).toBool()) {
                setBusy(false);
                showDiagnostics(diagnostics, true);
                return;
            }
            if (!diagnostics.isEmpty()) {
                showDiagnostics(diagnostics, false);
                return;
            }
            sendApply(m_config, m_baseRevision, m_strict, false);
        });
}

void ApplyController::showDiagnostics(const QJsonArray &diagnostics, bool rejected)
{
    QStringList lines;
    for (const QJsonValue &d : diagnostics) {
        const bool warning = d[QStringLiteral("severity")].toString() == QStringLiteral("warning");
        lines << (warning ? tr("warning: %1") : tr("error: %1")).arg(diagnosticLine(d.toObject()));
    }
    if (rejected) {
        QMessageBox *shown = box(QStringLiteral("validationBox"), tr("Config rejected"),
                                 tr("The service rejects this config; nothing was applied."));
        shown->setIcon(QMessageBox::Critical);
        shown->setInformativeText(lines.join(u'\n'));
        shown->setStandardButtons(QMessageBox::Close);
        shown->open();
        Q_EMIT statusMessage(tr("Not applied: the config has errors."));
        return;
    }
    QMessageBox *shown = box(QStringLiteral("validationBox"), tr("Apply with warnings?"),
                             tr("The config is valid, but some routes overlap or can never be selected:"));
    shown->setIcon(QMessageBox::Warning);
    shown->setInformativeText(lines.join(u'\n'));
    QPushButton *anyway = shown->addButton(tr("Apply &anyway"), QMessageBox::AcceptRole);
    anyway->setObjectName(QStringLiteral("applyAnywayButton"));
    QPushButton *cancel = shown->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelApplyButton"));
    shown->setDefaultButton(cancel);
    connect(shown, &QMessageBox::buttonClicked, this, [this, anyway](QAbstractButton *clicked) {
        if (clicked == anyway) {
            sendApply(m_config, m_baseRevision, m_strict, false);
        } else {
            setBusy(false);
            Q_EMIT statusMessage(tr("Apply cancelled."));
        }
    });
    shown->open();
}

void ApplyController::sendApply(const config::Config &config, quint64 baseRevision, bool strict, bool rollback)
{
    setBusy(true);
    Q_EMIT statusMessage(rollback ? tr("Rolling back…") : tr("Applying…"));
    QJsonObject params { { QStringLiteral("config"), toJson(config) },
                         { QStringLiteral("baseRevision"), qint64(baseRevision) } };
    if (strict)
        params.insert(QStringLiteral("strict"), true);
    m_connection->client()->call(QStringLiteral("config.apply"), params, this,
                                 [this, rollback](const control::ControlClient::Reply &reply) {
                                     if (reply.ok()) {
                                         onApplied(reply.value().toObject(), rollback);
                                         return;
                                     }
                                     const control::RpcError &error = reply.error();
                                     onApplyFailed(error.code, error.message, error.data.toObject(), rollback);
                                 });
}

QString ApplyController::failureLines(const QJsonObject &report)
{
    QStringList lines;
    for (const QJsonValue &failure : report.value(QStringLiteral("failed")).toArray()) {
        const QString listener = failure[QStringLiteral("listener")].toString();
        const QString message = failure[QStringLiteral("message")].toString();
        QString line = message.contains(listener) ? message : listener + QStringLiteral(": ") + message;
        const QJsonValue holder = failure[QStringLiteral("holder")];
        if (holder.isObject()
            && !message.contains(QStringLiteral("pid %1").arg(holder[QStringLiteral("pid")].toInteger())))
            line += u' ' + tr("(in use by %1)").arg(GuiText::holder(holder));
        if (failure[QStringLiteral("kind")].toString() == QStringLiteral("permission-denied"))
            line += u'\n' + tr("Fix: %1").arg(GuiText::deniedFix());
        lines << line;
    }
    return lines.join(u'\n');
}

void ApplyController::onApplied(const QJsonObject &result, bool rollback)
{
    const quint64 revision = quint64(result.value(QStringLiteral("revision")).toInteger());
    const QJsonArray ports = result.value(QStringLiteral("ports")).toArray();
    const QJsonObject report = result.value(QStringLiteral("report")).toObject();
    setBusy(false);
    Q_EMIT applied(revision, ports);
    if (rollback) {
        Q_EMIT statusMessage(tr("Rolled back: revision %1 runs the previous config.").arg(revision));
        return;
    }
    const QJsonArray failed = report.value(QStringLiteral("failed")).toArray();
    if (failed.isEmpty()) {
        Q_EMIT statusMessage(tr("Applied: revision %1.").arg(revision));
        return;
    }
    const QString notBound
        = failed.size() == 1 ? tr("1 port could not be bound") : tr("%1 ports could not be bound").arg(failed.size());
    Q_EMIT statusMessage(tr("Applied revision %1; %2.").arg(revision).arg(notBound));
    QMessageBox *shown = box(QStringLiteral("bindFailuresBox"), tr("Some ports could not be bound"),
                             tr("Revision %1 is running, but %2. The service retries them until they are free; "
                                "routes on them do not answer meanwhile.")
                                 .arg(revision)
                                 .arg(notBound));
    shown->setIcon(QMessageBox::Warning);
    shown->setInformativeText(failureLines(report));
    QPushButton *keep = shown->addButton(tr("&Keep it (retry in the background)"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    QPushButton *rollbackButton = shown->addButton(tr("&Roll back to revision %1 (all or nothing)").arg(m_baseRevision),
                                                   QMessageBox::DestructiveRole);
    rollbackButton->setObjectName(QStringLiteral("rollbackButton"));
    shown->setDefaultButton(keep);
    connect(shown, &QMessageBox::buttonClicked, this, [this, rollbackButton, revision](QAbstractButton *clicked) {
        if (clicked == rollbackButton)
            sendApply(m_base, revision, true, true);
    });
    shown->open();
}

void ApplyController::onApplyFailed(int code, const QString &message, const QJsonObject &data, bool rollback)
{
    setBusy(false);
    if (code == ErrorCode::RevisionConflict) {
        const qint64 current = data.value(QStringLiteral("currentRevision")).toInteger();
        Q_EMIT statusMessage(tr("Not applied: the service's config changed meanwhile (revision %1).").arg(current));
        QMessageBox *shown
            = box(QStringLiteral("revisionConflictBox"), tr("The config changed meanwhile"),
                  tr("Someone else changed the service's config: it is at revision %1 now, and your edits started from "
                     "revision %2. Nothing was applied.")
                      .arg(current)
                      .arg(m_baseRevision));
        shown->setIcon(QMessageBox::Question);
        shown->setInformativeText(tr("Reload the service's config and apply your changes on top of it?"));
        QPushButton *reapply = shown->addButton(tr("&Reload and re-apply my changes"), QMessageBox::AcceptRole);
        reapply->setObjectName(QStringLiteral("reloadReapplyButton"));
        QPushButton *discard = shown->addButton(tr("Reload and &discard my changes"), QMessageBox::DestructiveRole);
        discard->setObjectName(QStringLiteral("reloadDiscardButton"));
        QPushButton *cancel = shown->addButton(QMessageBox::Cancel);
        cancel->setObjectName(QStringLiteral("cancelReloadButton"));
        shown->setDefaultButton(reapply);
        connect(shown, &QMessageBox::buttonClicked, this, [this, reapply, discard](QAbstractButton *clicked) {
            if (clicked == reapply)
                Q_EMIT reloadRequested(true);
            else if (clicked == discard)
                Q_EMIT reloadRequested(false);
        });
        shown->open();
        return;
    }
    if (code == ErrorCode::ValidationFailed) {
        showDiagnostics(data.value(QStringLiteral("diagnostics")).toArray(), true);
        return;
    }
    if (code == ErrorCode::BindFailed) {
        Q_EMIT statusMessage(rollback ? tr("Rollback failed: nothing changed.") : tr("Not applied: nothing changed."));
        QMessageBox *shown = box(QStringLiteral("bindFailedBox"), tr("Ports could not be bound"),
                                 (rollback ? tr("The rollback needs ports that cannot be bound now, so nothing "
                                                "changed (all or nothing).")
                                           : tr("Some ports cannot be bound now, so nothing changed (all or "
                                                "nothing).")));
        shown->setIcon(QMessageBox::Critical);
        shown->setInformativeText(failureLines(data.value(QStringLiteral("report")).toObject()));
        shown->setStandardButtons(QMessageBox::Close);
        shown->open();
        return;
    }
    Q_EMIT statusMessage(tr("Not applied: %1").arg(message));
    QMessageBox *shown = box(QStringLiteral("applyErrorBox"), tr("Apply failed"),
                             tr("The service did not apply the config: %1").arg(message));
    shown->setIcon(QMessageBox::Critical);
    shown->open();
}

}  // namespace gatehouse::gui
