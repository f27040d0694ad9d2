#include "service/Service.h"

#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"
#include "control/ErrorCodes.h"
#include "net/WantedListeners.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace gatehouse::service {

Q_LOGGING_CATEGORY(lcService, "gatehouse.service")

namespace {

using control::RpcError;
using MethodResult = control::ControlServer::MethodResult;

QString firstError(const config::Diagnostics &diagnostics)
{
    for (const config::Diagnostic &d : diagnostics) {
        if (d.severity == config::Diagnostic::Severity::Error)
            return d.toString();
    }
    return {};
}

RpcError rejected(const config::ConfigStore::Outcome &outcome)
{
    switch (outcome.status) {
    case config::ConfigStore::Status::RevisionConflict:
        return { control::ErrorCode::RevisionConflict, outcome.error,
                 QJsonObject { { QStringLiteral("currentRevision"), qint64(outcome.revision) } } };
    case config::ConfigStore::Status::Invalid:
        return { control::ErrorCode::ValidationFailed,
                 QCoreApplication::translate("gatehouse::service::Service", "the config is invalid: %1")
                     .arg(firstError(outcome.diagnostics)),
                 QJsonObject { { QStringLiteral("diagnostics"), config::toJson(outcome.diagnostics) } } };
    case config::ConfigStore::Status::WriteFailed:
    case config::ConfigStore::Status::Ok:
        break;
    }
    return RpcError::internalError(outcome.error);
}

// What a method's params should have looked like.
QString expected(const QString &shape)
{
    //: %1 is the JSON shape of a control method's parameters, such as {"domain": NAME}.
    return QCoreApplication::translate("gatehouse::service::Service", "expected %1").arg(shape);
}

QJsonArray portsJson(const net::PortManager &ports)
{
    QJsonArray array;
    for (const net::ListenerStatus &status : ports.status())
        array.append(status.toJson());
    return array;
}

}  // namespace

Service::Service(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_store(m_options.configPath, m_options.validation)
{
    connect(&m_ports, &net::PortManager::listenerChanged, this, [this](const net::ListenerStatus &status) {
        publish(QStringLiteral("listener.changed"), { { QStringLiteral("listener"), status.toJson() } });
        updateMetrics();
    });
    connect(&m_ports, &net::PortManager::listenerReleased, this, [this](const net::ListenerKey &key) {
        publish(QStringLiteral("listener.released"),
                { { QStringLiteral("address"), key.address }, { QStringLiteral("port"), int(key.port) } });
        updateMetrics();
    });
    registerMethods();
}

Service::~Service()
{
    stop();
}

QString Service::start()
{
    m_started = QDateTime::currentDateTimeUtc();
    config::Config initial;
    if (m_store.exists()) {
        const config::ConfigStore::Outcome read = m_store.checkFile(&initial);
        if (!read.ok()) {
            QStringList lines;
            for (const config::Diagnostic &d : read.diagnostics)
                lines << m_options.configPath + QStringLiteral(": ") + d.toString();
            return lines.join(u'\n');
        }
    } else {
        qCInfo(lcService).noquote() << "no config at" << m_options.configPath << "- writing the built-in default";
        initial = config::defaultConfig(m_options.configPath);
    }

    m_proxy = std::make_unique<proxy::ProxyEngine>(initial.workers);
    m_proxy->setChallengeRegistry(m_challenges);
    m_ports.setConnectionSink(m_proxy.get());
    acme::CertManager::Options certOptions;
    certOptions.stateDir = m_options.stateDir;
    if (m_options.clock)
        certOptions.clock = m_options.clock;
    m_certs = std::make_unique<acme::CertManager>(
        certOptions, m_challenges, m_ports,
        [this](const QStringList &domains, const QByteArray &chain, const QByteArray &key) {
            return m_proxy->installCertificate(domains, chain, key);
        });
    connect(m_certs.get(), &acme::CertManager::certificateChanged, this, [this](const acme::CertificateStatus &status) {
        publish(QStringLiteral("certificate.changed"), { { QStringLiteral("certificate"), status.toJson() } });
        updateMetrics();
    });
    for (const QString &error : m_certs->load())
        publish(QStringLiteral("error"),
                { { QStringLiteral("source"), QStringLiteral("certificates") }, { QStringLiteral("message"), error } });
    m_proxy->start();
    const MethodResult started = activate(initial, false, m_store.exists());
    if (!started.ok())
        return started.error().message;

    if (!m_options.controlEndpoint.isEmpty()) {
        const auto listening = m_control.listen(m_options.controlEndpoint);
        if (!listening)
            //: What gatehoused prints when it cannot listen on its control socket; %1 says why.
            return QCoreApplication::translate("gatehouse::service::Service", "control socket: %1")
                .arg(listening.error().message);
        qCInfo(lcService).noquote() << "control socket at" << listening.value();
    }
    return {};
}

void Service::stop()
{
    if (!m_proxy)
        return;
    m_control.close();
    if (m_certs)
        m_certs->stop();
    m_ports.reconcile({});  // stop accepting on every port
    m_ports.setConnectionSink(nullptr);
    const auto drain = std::chrono::seconds(m_store.config().timeouts.drain);
    if (!m_proxy->stop(drain))
        qCWarning(lcService) << "connections still open after the drain timeout were closed";
    m_certs.reset();
    m_proxy.reset();
}

MethodResult Service::activate(const config::Config &config, bool strict, bool fromFile)
{
    const quint64 next = m_store.revision() + 1;
    const auto snapshot = m_proxy->prepare(config, next);
    if (!snapshot)
        return MethodResult::failure(
            { control::ErrorCode::ValidationFailed, snapshot.error(),
              QJsonObject { { QStringLiteral("diagnostics"),
                              QJsonArray { QJsonObject { { QStringLiteral("severity"), QStringLiteral("error") },
                                                         { QStringLiteral("message"), snapshot.error() } } } } } });

    const net::WantedListeners previous = net::wantedListeners(m_store.config());
    const net::ReconcileReport report = m_ports.reconcile(
        net::wantedListeners(config), strict ? net::ReconcileMode::Strict : net::ReconcileMode::BestEffort);
    if (!report.applied)
        return MethodResult::failure(
            { control::ErrorCode::BindFailed,
              //: %1 says which ports could not be bound.
              QCoreApplication::translate("gatehouse::service::Service", "strict apply: nothing changed: %1")
                  .arg(report.reason),
              QJsonObject { { QStringLiteral("report"), report.toJson() },
                            { QStringLiteral("ports"), portsJson(m_ports) } } });

    const config::ConfigStore::Outcome stored = fromFile ? m_store.adopt(config) : m_store.commit(config);
    if (!stored.ok()) {
        m_ports.reconcile(previous);  // the file is the truth: go back to what it says
        return MethodResult::failure(rejected(stored));
    }
    m_ports.setLeaseAddress(config.bindAddress);
    m_proxy->activate(snapshot.value());
    if (config.workers != 0 && config.workers != m_proxy->workerCount())
        qCWarning(lcService) << "workers changed to" << config.workers << "- takes effect when the service restarts";

    QJsonObject result { { QStringLiteral("revision"), qint64(stored.revision) },
                         { QStringLiteral("report"), report.toJson() },
                         { QStringLiteral("ports"), portsJson(m_ports) } };
    publish(QStringLiteral("config.applied"), { { QStringLiteral("revision"), qint64(stored.revision) } });
    m_certs->configure(config);
    updateMetrics();
    qCInfo(lcService).noquote() << QStringLiteral("revision %1: %2 routes, %3 bound, %4 kept, %5 released, %6 failed")
                                       .arg(stored.revision)
                                       .arg(config.routes.size())
                                       .arg(report.bound.size())
                                       .arg(report.kept.size())
                                       .arg(report.released.size())
                                       .arg(report.failed.size());
    return QJsonValue(result);
}

MethodResult Service::apply(const ApplyRequest &request)
{
    config::Config parsed;
    const config::ConfigStore::Outcome checked = m_store.check(request.json, request.baseRevision, &parsed);
    if (!checked.ok())
        return MethodResult::failure(rejected(checked));
    return activate(parsed, request.strict, false);
}

MethodResult Service::reload()
{
    config::Config parsed;
    const config::ConfigStore::Outcome checked = m_store.checkFile(&parsed);
    if (!checked.ok()) {
        const RpcError error = rejected(checked);
        publish(QStringLiteral("error"),
                { { QStringLiteral("source"), QStringLiteral("reload") },
                  { QStringLiteral("message"), error.message },
                  { QStringLiteral("diagnostics"), config::toJson(checked.diagnostics) } });
        qCWarning(lcService).noquote() << "reload rejected, the running config stays:" << error.message;
        return MethodResult::failure(error);
    }
    return activate(parsed, false, true);
}

void Service::publish(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    m_control.publish(fields);
    Q_EMIT event(fields);
}

QJsonObject Service::status() const
{
    QJsonObject states;
    for (const net::ListenerStatus &status : m_ports.status()) {
        const QString state = net::stateName(status.state);
        states.insert(state, states.value(state).toInt() + 1);
    }
    return { { QStringLiteral("version"), QStringLiteral(GATEHOUSE_VERSION) },
             { QStringLiteral("revision"), qint64(m_store.revision()) },
             { QStringLiteral("configPath"), m_options.configPath },
             { QStringLiteral("startedAt"), m_started.toString(Qt::ISODate) },
             { QStringLiteral("routes"), int(m_store.config().routes.size()) },
             { QStringLiteral("listeners"), states },
             { QStringLiteral("activeConnections"), m_proxy ? m_proxy->activeConnections() : 0 } };
}

void Service::updateMetrics()
{
    if (!m_proxy)
        return;
    const proxy::MetricsRegistry::Ptr &metrics = m_proxy->metrics();
    metrics->setRevision(m_store.revision());
    QList<proxy::MetricsRegistry::Listener> listeners;
    for (const net::ListenerStatus &status : m_ports.status())
        listeners.append({ status.key.address, status.key.port, net::stateName(status.state) });
    metrics->setListeners(std::move(listeners));
    QList<proxy::MetricsRegistry::Certificate> certificates;
    if (m_certs) {
        for (const acme::CertificateStatus &status : m_certs->status())
            certificates.append({ status.domains, status.state, status.notAfter });
    }
    metrics->setCertificates(std::move(certificates));
}

void Service::registerMethods()
{
    m_control.registerMethod(
        QStringLiteral("status"),
        [this](const QJsonValue &, const control::ClientIdentity &) -> MethodResult { return QJsonValue(status()); });
    m_control.registerMethod(
        QStringLiteral("config.get"), [this](const QJsonValue &, const control::ClientIdentity &) -> MethodResult {
            const QJsonDocument document = QJsonDocument::fromJson(config::ConfigWriter::write(m_store.config()));
            return QJsonValue(QJsonObject { { QStringLiteral("revision"), qint64(m_store.revision()) },
                                            { QStringLiteral("config"), document.object() } });
        });
    m_control.registerMethod(
        QStringLiteral("config.validate"),
        [this](const QJsonValue &params, const control::ClientIdentity &) -> MethodResult {
            const QJsonValue candidate = params.toObject().value(QStringLiteral("config"));
            if (!candidate.isObject())
                return MethodResult::failure(RpcError::invalidParams(expected(QStringLiteral("{\"config\": {...}}"))));
            const config::ConfigStore::Outcome checked
                = m_store.check(QJsonDocument(candidate.toObject()).toJson(QJsonDocument::Compact), 0, nullptr);
            return QJsonValue(QJsonObject { { QStringLiteral("valid"), checked.ok() },
                                            { QStringLiteral("diagnostics"), config::toJson(checked.diagnostics) } });
        });
    m_control.registerMethod(QStringLiteral("config.apply"),
                             [this](const QJsonValue &params, const control::ClientIdentity &client) -> MethodResult {
                                 const QJsonObject object = params.toObject();
                                 const QJsonValue candidate = object.value(QStringLiteral("config"));
                                 if (!candidate.isObject())
                                     return MethodResult::failure(RpcError::invalidParams(expected(QStringLiteral(
                                         "{\"config\": {...}, \"baseRevision\": N, \"strict\": BOOL}"))));
                                 qCInfo(lcService).noquote() << "apply from" << client.toString();
                                 return apply({ QJsonDocument(candidate.toObject()).toJson(QJsonDocument::Compact),
                                                quint64(object.value(QStringLiteral("baseRevision")).toInteger()),
                                                object.value(QStringLiteral("strict")).toBool() });
                             });
    m_control.registerMethod(QStringLiteral("ports.list"),
                             [this](const QJsonValue &, const control::ClientIdentity &) -> MethodResult {
                                 return QJsonValue(portsJson(m_ports));
                             });
    m_control.registerMethod(QStringLiteral("certs.list"),
                             [this](const QJsonValue &, const control::ClientIdentity &) -> MethodResult {
                                 QJsonArray array;
                                 if (m_certs) {
                                     for (const acme::CertificateStatus &status : m_certs->status())
                                         array.append(status.toJson());
                                 }
                                 return QJsonValue(array);
                             });
    m_control.registerMethod(
        QStringLiteral("certs.renew"),
        [this](const QJsonValue &params, const control::ClientIdentity &) -> MethodResult {
            const QString domain = params.toObject().value(QStringLiteral("domain")).toString();
            if (domain.isEmpty())
                return MethodResult::failure(RpcError::invalidParams(expected(QStringLiteral("{\"domain\": NAME}"))));
            auto renewed = m_certs ? m_certs->renew(domain) : Result<acme::CertificateStatus, QString>::failure({});
            if (!renewed)
                return MethodResult::failure(RpcError::invalidParams(renewed.error()));
            return QJsonValue(renewed->toJson());
        });
    m_control.registerMethod(
        QStringLiteral("reload"),
        [this](const QJsonValue &, const control::ClientIdentity &) -> MethodResult { return reload(); });
}

}  // namespace gatehouse::service
