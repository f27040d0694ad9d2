#include "RouteEditor.h"

#include "RouteJson.h"
#include "config/ConfigValidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gatehouse::gui {

namespace {

using config::Diagnostic;

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString joinList(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

bool cellChecked(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item && item->checkState() == Qt::Checked;
}

QTableWidgetItem *checkItem(bool checked)
{
    auto *item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint value = text.trimmed().toUInt(&ok);
    if (!ok || value < 1 || value > 65535)
        return std::nullopt;
    return quint16(value);
}

}  // namespace

RouteEditor::RouteEditor(const config::Config &config, int row, const config::Route &initial, QWidget *parent)
    : QDialog(parent), m_config(config), m_index(row < 0 ? config.routes.size() : row), m_route(initial)
{
    setObjectName(QStringLiteral("routeEditor"));
    setWindowTitle(row < 0 ? tr("New route") : tr("Edit route %1").arg(initial.name));

    auto *general = new QLabel(this);
    general->setObjectName(QStringLiteral("routeErrors"));
    general->setWordWrap(true);
    general->hide();
    m_errorLabels.insert(QString(), general);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("routeEditorTabs"));
    const auto addTab = [this](QWidget *page, const QString &title) {
        m_tabs->addTab(page, title);
        m_tabTitles.insert(page, title);
    };
    addTab(buildGeneralTab(), tr("&Route"));
    addTab(buildActionTab(), tr("&Action"));
    addTab(buildTlsTab(), tr("&TLS"));
    addTab(buildSecurityTab(), tr("&Security"));
    addTab(buildJsonTab(), tr("&JSON"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!hasErrors())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(720, 620);

    writeForm();
    writeJson();
    validate();
    showFindings();
}

QWidget *RouteEditor::withError(QWidget *editor, const QString &key)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    auto *label = new QLabel(box);
    label->setObjectName(QStringLiteral("error:") + key);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    layout->addWidget(label);
    m_errorLabels.insert(key, label);
    return box;
}

QTableWidget *RouteEditor::makeTable(const QStringList &headers, const QString &name)
{
    auto *table = new QTableWidget(0, int(headers.size()), this);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setMinimumHeight(90);
    connect(table, &QTableWidget::itemChanged, this, &RouteEditor::formEdited);
    return table;
}

QWidget *RouteEditor::tableWithButtons(QTableWidget *table, const QString &addName, const QString &removeName)
{
    auto *box = new QWidget(this);
    auto *add = new QPushButton(tr("Add"), box);
    add->setObjectName(addName);
    auto *remove = new QPushButton(tr("Remove"), box);
    remove->setObjectName(removeName);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this, table] {
        m_updating = true;
        const int row = table->rowCount();
        table->insertRow(row);
        for (int column = 0; column < table->columnCount(); ++column) {
            // A check column (regex, verify) is recognised by its header.
            const QString header = table->horizontalHeaderItem(column)->text();
            if (header == tr("Verify TLS"))
                table->setItem(row, column, checkItem(true));
            else if (header == tr("Regex"))
                table->setItem(row, column, checkItem(false));
            else
                table->setItem(row, column, new QTableWidgetItem);
        }
        m_updating = false;
        table->setCurrentCell(row, 0);
        formEdited();
    });
    connect(remove, &QPushButton::clicked, this, [this, table] {
        const int row = table->currentRow();
        if (row < 0)
            return;
        table->removeRow(row);
        formEdited();
    });
    return box;
}

QWidget *RouteEditor::buildGeneralTab()
{
    auto *page = new QWidget(this);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_enabled = new QCheckBox(tr("Route is active"), page);
    m_enabled->setObjectName(QStringLiteral("enabledCheck"));
    m_priority = new QSpinBox(page);
    m_priority->setObjectName(QStringLiteral("priorityBox"));
    m_priority->setRange(-1000000, 1000000);
    m_priority->setToolTip(tr("When several routes match a request, the higher priority wins"));

    m_ports = new QLineEdit(page);
    m_ports->setObjectName(QStringLiteral("portsEdit"));
    m_ports->setPlaceholderText(tr("80, 443, 8000-8010"));
    m_domains = new QLineEdit(page);
    m_domains->setObjectName(QStringLiteral("domainsEdit"));
    m_domains->setPlaceholderText(tr("example.com, *.example.com (empty: any)"));
    m_path = new QLineEdit(page);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(tr("/api/* (empty: any)"));
    m_clientIp = new QLineEdit(page);
    m_clientIp->setObjectName(QStringLiteral("clientIpEdit"));
    m_clientIp->setPlaceholderText(tr("10.0.0.0/8, 192.168.*.* (empty: any)"));
    m_matchHeaders = makeTable({ tr("Header"), tr("Value"), tr("Regex") }, QStringLiteral("matchHeadersTable"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), withError(m_name, QStringLiteral("name")));
    form->addRow(QString(), withError(m_enabled, QStringLiteral("enabled")));
    form->addRow(tr("&Priority:"), withError(m_priority, QStringLiteral("priority")));
    auto *match = new QGroupBox(tr("Match"), page);
    auto *matchForm = new QFormLayout(match);
    matchForm->addRow(tr("P&orts:"), withError(m_ports, QStringLiteral("match.ports")));
    matchForm->addRow(tr("&Domains:"), withError(m_domains, QStringLiteral("match.domains")));
    matchForm->addRow(tr("Pat&h:"), withError(m_path, QStringLiteral("match.path")));
    matchForm->addRow(tr("&Client IPs:"), withError(m_clientIp, QStringLiteral("match.clientIp")));
    matchForm->addRow(tr("&Headers:"),
                      withError(tableWithButtons(m_matchHeaders, QStringLiteral("addMatchHeaderButton"),
                                                 QStringLiteral("removeMatchHeaderButton")),
                                QStringLiteral("match.headers")));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(match);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textChanged, this, &RouteEditor::formEdited);
    connect(m_enabled, &QCheckBox::toggled, this, &RouteEditor::formEdited);
    connect(m_priority, &QSpinBox::valueChanged, this, &RouteEditor::formEdited);
    for (QLineEdit *edit : { m_ports, m_domains, m_path, m_clientIp })
        connect(edit, &QLineEdit::textChanged, this, &RouteEditor::formEdited);
    return page;
}

QWidget *RouteEditor::buildActionTab()
{
    auto *page = new QWidget(this);
    m_type = new QComboBox(page);
    m_type->setObjectName(QStringLiteral("actionTypeCombo"));
    // In the order of config::ActionType.
    m_type->addItem(tr("Forward to targets"), QStringLiteral("forward"));
    m_type->addItem(tr("Redirect"), QStringLiteral("redirect"));
    m_type->addItem(tr("Respond with a fixed answer"), QStringLiteral("respond"));
    m_type->addItem(tr("Prometheus metrics"), QStringLiteral("metrics"));

    // Forward
    auto *forward = new QWidget(page);
    m_targets = makeTable({ tr("Host"), tr("Port"), tr("Verify TLS"), tr("CA bundle"), tr("Server name") },
                          QStringLiteral("targetsTable"));
    m_targets->setToolTip(tr("Several hosts for one port: separate them with commas. Verify TLS, CA bundle and "
                             "server name apply to terminate-and-reencrypt only."));
    m_algorithm = new QComboBox(forward);
    m_algorithm->setObjectName(QStringLiteral("algorithmCombo"));
    m_algorithm->addItem(tr("Round robin"), QStringLiteral("round-robin"));
    m_algorithm->addItem(tr("Least connections"), QStringLiteral("least-connections"));
    m_algorithm->addItem(tr("Client IP hash"), QStringLiteral("ip-hash"));
    m_maxFails = new QSpinBox(forward);
    m_maxFails->setObjectName(QStringLiteral("maxFailsBox"));
    m_maxFails->setRange(1, 1000);
    m_failTimeout = new QSpinBox(forward);
    m_failTimeout->setObjectName(QStringLiteral("failTimeoutBox"));
    m_failTimeout->setRange(1, 7 * 24 * 3600);
    m_failTimeout->setSuffix(tr(" s"));
    m_proxyProtocol = new QComboBox(forward);
    m_proxyProtocol->setObjectName(QStringLiteral("proxyProtocolCombo"));
    m_proxyProtocol->addItem(tr("Off"), QString());
    m_proxyProtocol->addItem(tr("Version 1 (text)"), QStringLiteral("v1"));
    m_proxyProtocol->addItem(tr("Version 2 (binary)"), QStringLiteral("v2"));
    auto *forwardForm = new QFormLayout(forward);
    forwardForm->addRow(
        tr("Tar&gets:"),
        withError(tableWithButtons(m_targets, QStringLiteral("addTargetButton"), QStringLiteral("removeTargetButton")),
                  QStringLiteral("action.targets")));
    auto *balancing = new QWidget(forward);
    auto *balancingLayout = new QHBoxLayout(balancing);
    balancingLayout->setContentsMargins(0, 0, 0, 0);
    balancingLayout->addWidget(m_algorithm);
    balancingLayout->addWidget(new QLabel(tr("skip a target after"), balancing));
    balancingLayout->addWidget(m_maxFails);
    balancingLayout->addWidget(new QLabel(tr("failures for"), balancing));
    balancingLayout->addWidget(m_failTimeout);
    balancingLayout->addStretch(1);
    forwardForm->addRow(tr("&Load balancing:"), withError(balancing, QStringLiteral("action.loadBalancing")));
    forwardForm->addRow(tr("Send PROXY &protocol:"),
                        withError(m_proxyProtocol, QStringLiteral("action.sendProxyProtocol")));

    // Redirect
    auto *redirect = new QWidget(page);
    m_redirectTo = new QLineEdit(redirect);
    m_redirectTo->setObjectName(QStringLiteral("redirectToEdit"));
    m_redirectTo->setPlaceholderText(QStringLiteral("https://{host}{path}"));
    m_redirectTo->setToolTip(tr("Placeholders: {host}, {path}, {query}, {port}"));
    m_redirectStatus = new QSpinBox(redirect);
    m_redirectStatus->setObjectName(QStringLiteral("redirectStatusBox"));
    m_redirectStatus->setRange(0, 999);
    auto *redirectForm = new QFormLayout(redirect);
    redirectForm->addRow(tr("&To:"), withError(m_redirectTo, QStringLiteral("action.redirect.to")));
    redirectForm->addRow(tr("St&atus:"), withError(m_redirectStatus, QStringLiteral("action.redirect.status")));
    m_errorLabels.insert(QStringLiteral("action.redirect"), m_errorLabels.value(QStringLiteral("action.redirect.to")));

    // Respond
    auto *respond = new QWidget(page);
    m_respondStatus = new QSpinBox(respond);
    m_respondStatus->setObjectName(QStringLiteral("respondStatusBox"));
    m_respondStatus->setRange(0, 999);
    m_respondHeaders = makeTable({ tr("Header"), tr("Value") }, QStringLiteral("respondHeadersTable"));
    m_respondBody = new QPlainTextEdit(respond);
    m_respondBody->setObjectName(QStringLiteral("respondBodyEdit"));
    auto *respondForm = new QFormLayout(respond);
    respondForm->addRow(tr("St&atus:"), withError(m_respondStatus, QStringLiteral("action.respond.status")));
    respondForm->addRow(tr("&Headers:"),
                        withError(tableWithButtons(m_respondHeaders, QStringLiteral("addRespondHeaderButton"),
                                                   QStringLiteral("removeRespondHeaderButton")),
                                  QStringLiteral("action.respond.headers")));
    respondForm->addRow(tr("&Body:"), withError(m_respondBody, QStringLiteral("action.respond.body")));
    m_errorLabels.insert(QStringLiteral("action.respond"),
                         m_errorLabels.value(QStringLiteral("action.respond.status")));

    m_actionPages = new QStackedWidget(page);
    m_actionPages->setObjectName(QStringLiteral("actionPages"));
    m_actionPages->addWidget(forward);
    m_actionPages->addWidget(redirect);
    m_actionPages->addWidget(respond);

    // Metrics: nothing to set but who may read them.
    auto *metrics = new QLabel(tr("Answers GET with the service's counters in the Prometheus text format. They name "
                                  "routes, domains and ports: restrict the route with an IP allow list on the "
                                  "Security tab."),
                               page);
    metrics->setObjectName(QStringLiteral("metricsHint"));
    metrics->setWordWrap(true);
    metrics->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_actionPages->addWidget(metrics);

    auto *form = new QFormLayout;
    form->addRow(tr("T&ype:"), withError(m_type, QStringLiteral("action.type")));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_actionPages, 1);

    connect(m_type, &QComboBox::currentIndexChanged, this, &RouteEditor::formEdited);
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, &RouteEditor::formEdited);
    connect(m_proxyProtocol, &QComboBox::currentIndexChanged, this, &RouteEditor::formEdited);
    for (QSpinBox *box : { m_maxFails, m_failTimeout, m_redirectStatus, m_respondStatus })
        connect(box, &QSpinBox::valueChanged, this, &RouteEditor::formEdited);
    connect(m_redirectTo, &QLineEdit::textChanged, this, &RouteEditor::formEdited);
    connect(m_respondBody, &QPlainTextEdit::textChanged, this, &RouteEditor::formEdited);
    return page;
}

QWidget *RouteEditor::buildTlsTab()
{
    auto *page = new QWidget(this);
    m_tlsMode = new QComboBox(page);
    m_tlsMode->setObjectName(QStringLiteral("tlsModeCombo"));
    // In the order of config::TlsMode.
    m_tlsMode->addItem(tr("None (plain TCP or HTTP)"), QString());
    m_tlsMode->addItem(tr("Passthrough (forward TLS untouched)"), QStringLiteral("passthrough"));
    m_tlsMode->addItem(tr("Terminate"), QStringLiteral("terminate"));
    m_tlsMode->addItem(tr("Terminate and re-encrypt to the targets"), QStringLiteral("terminate-and-reencrypt"));
    m_certificate = new QComboBox(page);
    m_certificate->setObjectName(QStringLiteral("certificateCombo"));
    m_certificate->addItem(tr("None"));
    m_certificate->addItem(tr("Automatic (ACME, Let's Encrypt)"));
    m_certificate->addItem(tr("Certificate and key files"));

    m_certFiles = new QWidget(page);
    m_certFile = new QLineEdit(m_certFiles);
    m_certFile->setObjectName(QStringLiteral("certFileEdit"));
    m_keyFile = new QLineEdit(m_certFiles);
    m_keyFile->setObjectName(QStringLiteral("keyFileEdit"));
    const auto browse = [this](QLineEdit *edit, const QString &title) {
        auto *button = new QPushButton(tr("Browse…"), m_certFiles);
        connect(button, &QPushButton::clicked, this, [this, edit, title] {
            const QString file = QFileDialog::getOpenFileName(this, title, edit->text(),
                                                              tr("PEM files (*.pem *.crt "
                                                                 "*.key);;All files (*)"));
            if (!file.isEmpty())
                edit->setText(file);
        });
        auto *row = new QWidget(m_certFiles);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(edit, 1);
        layout->addWidget(button);
        return row;
    };
    auto *filesForm = new QFormLayout(m_certFiles);
    filesForm->setContentsMargins(0, 0, 0, 0);
    filesForm->addRow(
        tr("C&ertificate chain:"),
        withError(browse(m_certFile, tr("Certificate chain (PEM)")), QStringLiteral("action.tls.certificate.cert")));
    filesForm->addRow(
        tr("Private &key:"),
        withError(browse(m_keyFile, tr("Private key (PEM)")), QStringLiteral("action.tls.certificate.key")));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Mode:"), withError(m_tlsMode, QStringLiteral("action.tls.mode")));
    form->addRow(tr("&Certificate:"), withError(m_certificate, QStringLiteral("action.tls.certificate")));
    form->addRow(QString(), m_certFiles);
    m_errorLabels.insert(QStringLiteral("action.tls"), m_errorLabels.value(QStringLiteral("action.tls.mode")));

    connect(m_tlsMode, &QComboBox::currentIndexChanged, this, &RouteEditor::formEdited);
    connect(m_certificate, &QComboBox::currentIndexChanged, this, &RouteEditor::formEdited);
    connect(m_certFile, &QLineEdit::textChanged, this, &RouteEditor::formEdited);
    connect(m_keyFile, &QLineEdit::textChanged, this, &RouteEditor::formEdited);
    return page;
}

QWidget *RouteEditor::buildSecurityTab()
{
    auto *page = new QWidget(this);
    m_allowList = new QLineEdit(page);
    m_allowList->setObjectName(QStringLiteral("allowListEdit"));
    m_allowList->setPlaceholderText(tr("empty: everyone"));
    m_blockList = new QLineEdit(page);
    m_blockList->setObjectName(QStringLiteral("blockListEdit"));
    m_maxConnections = new QSpinBox(page);
    m_maxConnections->setObjectName(QStringLiteral("maxConnectionsBox"));
    m_maxConnections->setRange(0, 10000000);
    m_maxConnections->setSpecialValueText(tr("unlimited"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Allow only:"), withError(m_allowList, QStringLiteral("security.ipAllowList")));
    form->addRow(tr("&Block:"), withError(m_blockList, QStringLiteral("security.ipBlockList")));
    form->addRow(tr("&Max. connections:"), withError(m_maxConnections, QStringLiteral("security.maxConnections")));
    connect(m_allowList, &QLineEdit::textChanged, this, &RouteEditor::formEdited);
    connect(m_blockList, &QLineEdit::textChanged, this, &RouteEditor::formEdited);
    connect(m_maxConnections, &QSpinBox::valueChanged, this, &RouteEditor::formEdited);
    return page;
}

QWidget *RouteEditor::buildJsonTab()
{
    auto *page = new QWidget(this);
    m_json = new QPlainTextEdit(page);
    m_json->setObjectName(QStringLiteral("jsonEdit"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_jsonLabel = new QLabel(page);
    m_jsonLabel->setObjectName(QStringLiteral("jsonErrors"));
    m_jsonLabel->setWordWrap(true);
    m_jsonLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_jsonLabel->hide();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(
        new QLabel(tr("The route as it appears in the config file; edits here show on the other tabs."), page));
    layout->addWidget(m_json, 1);
    layout->addWidget(m_jsonLabel);
    connect(m_json, &QPlainTextEdit::textChanged, this, &RouteEditor::jsonEdited);
    return page;
}

void RouteEditor::formEdited()
{
    if (m_updating)
        return;
    readForm();
    m_jsonErrors.clear();
    writeJson();
    validate();
    showFindings();
}

void RouteEditor::jsonEdited()
{
    if (m_updating)
        return;
    const RouteJson::Parsed parsed = RouteJson::fromText(m_json->toPlainText());
    if (parsed.ok()) {
        m_jsonErrors.clear();
        m_formErrors.clear();
        m_route = parsed.route;
        writeForm();
        validate();
    } else {
        m_jsonErrors = parsed.diagnostics;
    }
    showFindings();
}

void RouteEditor::readForm()
{
    m_formErrors.clear();
    const auto formError = [this](const QString &path, const QString &message) {
        m_formErrors.append({ Diagnostic::Severity::Error, path, message, 0, 0 });
    };
    config::Route route;
    route.name = m_name->text().trimmed();
    route.enabled = m_enabled->isChecked();
    route.priority = m_priority->value();

    config::RouteMatch &match = route.match;
    for (const QString &item : splitList(m_ports->text())) {
        const qsizetype dash = item.indexOf(u'-', 1);
        const std::optional<quint16> from = parsePort(dash < 0 ? item : item.left(dash));
        const std::optional<quint16> to = dash < 0 ? from : parsePort(item.mid(dash + 1));
        if (!from || !to) {
            formError(QStringLiteral("match.ports"),
                      tr("'%1' is not a port (1..65535) or a range such as 8000-8010").arg(item));
            continue;
        }
        match.ports.append({ *from, *to });
    }
    match.domains = splitList(m_domains->text());
    match.path = m_path->text().trimmed();
    match.clientIp = splitList(m_clientIp->text());
    for (int row = 0; row < m_matchHeaders->rowCount(); ++row)
        match.headers.append(config::HeaderMatch { cellText(m_matchHeaders, row, 0), cellText(m_matchHeaders, row, 1),
                                                   cellChecked(m_matchHeaders, row, 2) });

    config::RouteAction &action = route.action;
    action.type = config::ActionType(std::max(0, m_type->currentIndex()));
    switch (action.type) {
    case config::ActionType::Forward:
        for (int row = 0; row < m_targets->rowCount(); ++row) {
            config::Target target;
            target.hosts = splitList(cellText(m_targets, row, 0));
            const QString port = cellText(m_targets, row, 1);
            if (const std::optional<quint16> number = parsePort(port))
                target.port = *number;
            else if (!port.isEmpty())
                formError(QStringLiteral("action.targets[%1].port").arg(row),
                          tr("'%1' is not a port number 1..65535").arg(port));
            target.tls.verify = cellChecked(m_targets, row, 2);
            target.tls.caBundle = cellText(m_targets, row, 3);
            target.tls.serverName = cellText(m_targets, row, 4);
            action.targets.append(target);
        }
        action.loadBalancing.algorithm = config::LoadBalancing(std::max(0, m_algorithm->currentIndex()));
        action.loadBalancing.maxFails = m_maxFails->value();
        action.loadBalancing.failTimeout = m_failTimeout->value();
        action.sendProxyProtocol = config::ProxyProtocolVersion(std::max(0, m_proxyProtocol->currentIndex()));
        break;
    case config::ActionType::Redirect:
        action.redirect.to = m_redirectTo->text().trimmed();
        action.redirect.status = m_redirectStatus->value();
        break;
    case config::ActionType::Respond:
        action.respond.status = m_respondStatus->value();
        for (int row = 0; row < m_respondHeaders->rowCount(); ++row)
            action.respond.headers.append(
                qMakePair(cellText(m_respondHeaders, row, 0), cellText(m_respondHeaders, row, 1)));
        // The reader keeps headers in name order; so does the model here, so equal routes compare equal.
        std::stable_sort(action.respond.headers.begin(), action.respond.headers.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        action.respond.body = m_respondBody->toPlainText();
        break;
    case config::ActionType::Metrics:
        break;
    }
    action.tls.mode = config::TlsMode(std::max(0, m_tlsMode->currentIndex()));
    action.tls.autoCertificate = m_certificate->currentIndex() == 1;
    if (m_certificate->currentIndex() == 2) {
        action.tls.certFile = m_certFile->text().trimmed();
        action.tls.keyFile = m_keyFile->text().trimmed();
        // Both empty would read as "no certificate"; say what is missing instead.
        if (action.tls.certFile.isEmpty())
            formError(QStringLiteral("action.tls.certificate.cert"),
                      tr("missing; the path of the certificate chain (PEM)"));
        if (action.tls.keyFile.isEmpty())
            formError(QStringLiteral("action.tls.certificate.key"), tr("missing; the path of the private key (PEM)"));
    }

    route.security.ipAllowList = splitList(m_allowList->text());
    route.security.ipBlockList = splitList(m_blockList->text());
    route.security.maxConnections = m_maxConnections->value();
    m_route = route;
    updateVisibility();
}

void RouteEditor::writeForm()
{
    m_updating = true;
    const config::Route &route = m_route;
    m_name->setText(route.name);
    m_enabled->setChecked(route.enabled);
    m_priority->setValue(route.priority);
    m_ports->setText(config::describePorts(route.match.ports));
    m_domains->setText(joinList(route.match.domains));
    m_path->setText(route.match.path);
    m_clientIp->setText(joinList(route.match.clientIp));
    m_matchHeaders->setRowCount(0);
    for (const config::HeaderMatch &header : route.match.headers) {
        const int row = m_matchHeaders->rowCount();
        m_matchHeaders->insertRow(row);
        m_matchHeaders->setItem(row, 0, new QTableWidgetItem(header.name));
        m_matchHeaders->setItem(row, 1, new QTableWidgetItem(header.value));
        m_matchHeaders->setItem(row, 2, checkItem(header.isRegex));
    }

    const config::RouteAction &action = route.action;
    m_type->setCurrentIndex(int(action.type));
    m_targets->setRowCount(0);
    for (const config::Target &target : action.targets) {
        const int row = m_targets->rowCount();
        m_targets->insertRow(row);
        m_targets->setItem(row, 0, new QTableWidgetItem(joinList(target.hosts)));
        m_targets->setItem(row, 1, new QTableWidgetItem(target.port ? QString::number(target.port) : QString()));
        m_targets->setItem(row, 2, checkItem(target.tls.verify));
        m_targets->setItem(row, 3, new QTableWidgetItem(target.tls.caBundle));
        m_targets->setItem(row, 4, new QTableWidgetItem(target.tls.serverName));
    }
    m_algorithm->setCurrentIndex(int(action.loadBalancing.algorithm));
    m_maxFails->setValue(action.loadBalancing.maxFails);
    m_failTimeout->setValue(action.loadBalancing.failTimeout);
    m_proxyProtocol->setCurrentIndex(int(action.sendProxyProtocol));
    m_redirectTo->setText(action.redirect.to);
    m_redirectStatus->setValue(action.redirect.status);
    m_respondStatus->setValue(action.respond.status);
    m_respondHeaders->setRowCount(0);
    for (const auto &[name, value] : action.respond.headers) {
        const int row = m_respondHeaders->rowCount();
        m_respondHeaders->insertRow(row);
        m_respondHeaders->setItem(row, 0, new QTableWidgetItem(name));
        m_respondHeaders->setItem(row, 1, new QTableWidgetItem(value));
    }
    m_respondBody->setPlainText(action.respond.body);
    m_tlsMode->setCurrentIndex(int(action.tls.mode));
    m_certificate->setCurrentIndex(action.tls.autoCertificate ? 1 : action.tls.hasStaticCertificate() ? 2 : 0);
    m_certFile->setText(action.tls.certFile);
    m_keyFile->setText(action.tls.keyFile);

    m_allowList->setText(joinList(route.security.ipAllowList));
    m_blockList->setText(joinList(route.security.ipBlockList));
    m_maxConnections->setValue(route.security.maxConnections);
    m_updating = false;
    updateVisibility();
}

void RouteEditor::writeJson()
{
    m_updating = true;
    m_json->setPlainText(RouteJson::toText(m_route));
    m_updating = false;
}

void RouteEditor::updateVisibility()
{
    m_actionPages->setCurrentIndex(std::max(0, m_type->currentIndex()));
    m_certFiles->setEnabled(m_certificate->currentIndex() == 2);
}

void RouteEditor::validate()
{
    config::Config candidate = m_config;
    if (m_index >= candidate.routes.size())
        candidate.routes.append(m_route);
    else
        candidate.routes[m_index] = m_route;
    // Files are the service's to read (it may run as another user, on paths this user cannot see).
    config::ConfigValidator::Options options;
    options.checkFiles = false;
    m_found.clear();
    for (Diagnostic d : config::ConfigValidator::validate(candidate, options)) {
        if (const std::optional<QString> relative = RouteJson::relativePath(d.path, m_index)) {
            d.path = *relative;
            m_found.append(d);
        }
    }
}

config::Diagnostics RouteEditor::diagnostics() const
{
    config::Diagnostics all = m_jsonErrors + m_formErrors;
    for (const Diagnostic &d : m_found) {
        // A field the form could not read is also empty in the model; say it once.
        const bool echo = std::any_of(m_formErrors.cbegin(), m_formErrors.cend(),
                                      [&d](const Diagnostic &f) { return f.path == d.path; });
        if (!echo)
            all.append(d);
    }
    return all;
}

bool RouteEditor::hasErrors() const
{
    return config::hasErrors(diagnostics());
}

QString RouteEditor::keyFor(const QString &path) const
{
    QString best;
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QString &key = it.key();
        if (key.size() <= best.size() || !path.startsWith(key))
            continue;
        if (path.size() == key.size() || path[key.size()] == u'.' || path[key.size()] == u'[')
            best = key;
    }
    return best;
}

void RouteEditor::showFindings()
{
    QMap<QLabel *, QStringList> errors;
    QMap<QLabel *, QStringList> warnings;
    for (const Diagnostic &d : diagnostics()) {
        if (d.line > 0 || m_jsonErrors.contains(d))
            continue;  // JSON syntax and structure: on the JSON tab
        const QString key = keyFor(d.path);
        QLabel *label = m_errorLabels.value(key);
        const QString text = d.path == key || d.path.isEmpty() ? d.message : d.path + QStringLiteral(": ") + d.message;
        (d.severity == Diagnostic::Severity::Error ? errors : warnings)[label] << text;
    }
    QSet<QWidget *> tabsWithErrors;
    for (QLabel *label : std::as_const(m_errorLabels)) {
        QStringList lines = errors.value(label);
        for (const QString &warning : warnings.value(label))
            lines << tr("warning: %1").arg(warning);
        label->setText(lines.join(u'\n'));
        label->setStyleSheet(errors.contains(label) ? QStringLiteral("color: #c01c28;")
                                                    : QStringLiteral("color: #b36b00;"));
        label->setVisible(!lines.isEmpty());
        if (!errors.contains(label))
            continue;
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (m_tabs->widget(i)->isAncestorOf(label))
                tabsWithErrors.insert(m_tabs->widget(i));
        }
    }

    QStringList jsonLines;
    for (const Diagnostic &d : std::as_const(m_jsonErrors))
        jsonLines << d.toString();
    m_jsonLabel->setText(jsonLines.join(u'\n'));
    m_jsonLabel->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_jsonLabel->setVisible(!jsonLines.isEmpty());
    if (!jsonLines.isEmpty())
        tabsWithErrors.insert(m_json->parentWidget());

    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabIcon(i, tabsWithErrors.contains(m_tabs->widget(i)) ? warningIcon : QIcon());
    m_ok->setEnabled(!hasErrors());
}

}  // namespace gatehouse::gui
