#pragma once

#include "config/Config.h"
#include "config/Diagnostic.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace gatehouse::gui {

// The routes of the config being edited, one row per route, for the main
// window's table. Edits change the local config only; the baseline (what the
// service runs) and the service's ports and certificates give each route its
// live status: serving, port conflict, certificate pending, not applied yet.
class RoutesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Enabled, Ports, Domains, Path, Action, Targets, Tls, Priority, Status, ColumnCount };
    enum class Health {
        Serving,
        Disabled,
        NotApplied,
        Invalid,
        Waiting,
        Denied,
        Conflict,
        CertificatePending,
        CertificateFailed
    };

    explicit RoutesModel(QObject *parent = nullptr);

    const config::Config &config() const { return m_config; }
    void setConfig(const config::Config &config);
    // What the service runs; routes that differ from it are "not applied".
    void setBaseline(const config::Config &baseline);
    void setPorts(const QJsonArray &ports);
    void setCertificates(const QJsonArray &certificates);
    // Findings of the local validation, shown on the routes they name.
    void setDiagnostics(const config::Diagnostics &diagnostics);

    const config::Route &route(int row) const { return m_config.routes.at(row); }
    void setRoute(int row, const config::Route &route);
    int insertRoute(int row, const config::Route &route);  // row -1: at the end; returns the row
    void removeRoute(int row);
    void setEnabled(int row, bool enabled);
    void setPriority(int row, int priority);
    // name, or name-2, name-3... whichever no route has yet.
    QString uniqueName(const QString &name) const;

    Health health(int row) const;
    QString statusText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // The user changed the local config through the model.
    void edited();

private:
    QList<QJsonObject> listenersOf(const config::Route &route) const;
    std::optional<QJsonObject> certificateOf(const config::Route &route) const;
    QStringList findings(int row, config::Diagnostic::Severity severity) const;
    void changedRow(int row);
    void refreshStatus();

    config::Config m_config;
    config::Config m_baseline;
    QJsonArray m_ports;
    QJsonArray m_certificates;
    config::Diagnostics m_diagnostics;
};

}  // namespace gatehouse::gui
