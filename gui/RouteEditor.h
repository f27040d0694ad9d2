#pragma once

#include "config/Config.h"
#include "config/Diagnostic.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace gatehouse::gui {

// The dialog that edits one route: every field of config::Route on form tabs,
// and the same route as JSON on a tab of its own (edits in either show in the
// other). It validates with the core validator against the whole config, so
// names and cross-route rules count, and shows each finding beside its field
// by JSON path. OK stays disabled while there are errors.
class RouteEditor : public QDialog
{
    Q_OBJECT

public:
    // config: the local config; row: the route edited there, or -1 for a new
    // route (checked as if appended); initial: what the form starts with.
    RouteEditor(const config::Config &config, int row, const config::Route &initial, QWidget *parent = nullptr);

    config::Route route() const { return m_route; }
    bool hasErrors() const;
    // Findings with paths relative to the route ("match.ports[1]"), form and JSON problems included.
    config::Diagnostics diagnostics() const;
    // The label beside a field, by its path relative to the route ("match.ports");
    // "" for the route as a whole.
    QLabel *errorLabel(const QString &key) const { return m_errorLabels.value(key); }

private:
    QWidget *withError(QWidget *editor, const QString &key);
    QWidget *buildGeneralTab();
    QWidget *buildActionTab();
    QWidget *buildTlsTab();
    QWidget *buildSecurityTab();
    QWidget *buildJsonTab();
    QTableWidget *makeTable(const QStringList &headers, const QString &name);
    QWidget *tableWithButtons(QTableWidget *table, const QString &addName, const QString &removeName);

    void formEdited();
    void jsonEdited();
    void readForm();
    void writeForm();
    void writeJson();
    void validate();
    void showFindings();
    void updateVisibility();
    QString keyFor(const QString &path) const;

    config::Config m_config;
    qsizetype m_index;  // of the route in the config that is validated
    config::Route m_route;
    config::Diagnostics m_formErrors;  // what the form itself cannot turn into the model
    config::Diagnostics m_found;  // the validator's, for this route
    config::Diagnostics m_jsonErrors;
    bool m_updating = false;
    QMap<QString, QLabel *> m_errorLabels;
    QMap<QWidget *, QString> m_tabTitles;

    QTabWidget *m_tabs;
    QPushButton *m_ok;
    // General and match
    QLineEdit *m_name;
    QCheckBox *m_enabled;
    QSpinBox *m_priority;
    QLineEdit *m_ports;
    QLineEdit *m_domains;
    QLineEdit *m_path;
    QLineEdit *m_clientIp;
    QTableWidget *m_matchHeaders;
    // Action
    QComboBox *m_type;
    QStackedWidget *m_actionPages;
    QTableWidget *m_targets;
    QComboBox *m_algorithm;
    QSpinBox *m_maxFails;
    QSpinBox *m_failTimeout;
    QComboBox *m_proxyProtocol;
    QLineEdit *m_redirectTo;
    QSpinBox *m_redirectStatus;
    QSpinBox *m_respondStatus;
    QTableWidget *m_respondHeaders;
    QPlainTextEdit *m_respondBody;
    // TLS
    QComboBox *m_tlsMode;
    QComboBox *m_certificate;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QWidget *m_certFiles;
    // Security
    QLineEdit *m_allowList;
    QLineEdit *m_blockList;
    QSpinBox *m_maxConnections;
    // JSON
    QPlainTextEdit *m_json;
    QLabel *m_jsonLabel;
};

}  // namespace gatehouse::gui
