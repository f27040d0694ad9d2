#pragma once

#include "acme/CertManager.h"
#include "config/ConfigStore.h"
#include "control/ControlServer.h"
#include "net/PortManager.h"
#include "proxy/ProxyEngine.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <memory>

namespace gatehouse::service {

// gatehoused's core: owns the config file, the listeners, the proxy and the
// control socket, and keeps them in step. Every change goes through apply(): the
// config is validated, the proxy snapshot prepared, the ports reconciled (all or
// nothing in strict mode), the file written, and only then is the new snapshot
// swapped in; a failure at any step leaves the running config as it was.
class Service : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString configPath;
        QString stateDir;
        QString controlEndpoint;  // empty: no control socket
        config::ConfigValidator::Options validation;
        // The certificate manager's clock (tests move it to see renewals); null: the real time.
        std::function<QDateTime()> clock;
    };

    explicit Service(Options options, QObject *parent = nullptr);
    ~Service() override;

    // Loads (or, on first start, writes and loads) the config, binds, opens the
    // control socket. An error message when the service cannot run.
    QString start();
    // Stops accepting, lets open connections finish for up to the config's
    // drain timeout, closes everything. Blocks until done.
    void stop();
    // Re-reads the config file by the rules of an apply (SIGHUP, `reload`).
    control::ControlServer::MethodResult reload();

    struct ApplyRequest
    {
        QByteArray json;
        quint64 baseRevision = 0;  // 0: apply whatever the current revision is
        bool strict = false;  // all listeners bind, or nothing changes
    };
    control::ControlServer::MethodResult apply(const ApplyRequest &request);

    const config::Config &config() const { return m_store.config(); }
    quint64 revision() const { return m_store.revision(); }
    net::PortManager &ports() { return m_ports; }
    proxy::ProxyEngine *proxy() { return m_proxy.get(); }
    acme::CertManager *certificates() { return m_certs.get(); }
    const acme::ChallengeRegistry::Ptr &challenges() const { return m_challenges; }
    control::ControlServer &control() { return m_control; }

Q_SIGNALS:
    void event(const QJsonObject &event);

private:
    // Validated config in, running config out; `fromFile`: the file already holds it.
    control::ControlServer::MethodResult activate(const config::Config &config, bool strict, bool fromFile);
    void registerMethods();
    void publish(const QString &type, QJsonObject fields);
    QJsonObject status() const;
    // Copies listeners, certificates and the revision to what metrics routes answer from.
    void updateMetrics();

    Options m_options;
    config::ConfigStore m_store;
    net::PortManager m_ports;
    std::unique_ptr<proxy::ProxyEngine> m_proxy;  // sized by the config's workers at start
    // Pending ACME challenges outlive everything that manages certificates.
    acme::ChallengeRegistry::Ptr m_challenges = std::make_shared<acme::ChallengeRegistry>();
    std::unique_ptr<acme::CertManager> m_certs;
    control::ControlServer m_control;
    QDateTime m_started;
};

}  // namespace gatehouse::service
