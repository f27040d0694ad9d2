#pragma once

#include "Result.h"
#include "acme/AcmeClient.h"
#include "acme/CertStore.h"
#include "acme/ChallengeRegistry.h"
#include "config/Config.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace gatehouse::net {
class PortManager;
}

namespace gatehouse::acme {

// What `certs`, the GUI and certificate events show of one certificate.
struct CertificateStatus
{
    QStringList domains;
    QString state;  // valid, pending, issuing, renewing, failed, expired
    QDateTime notBefore;
    QDateTime notAfter;
    QDateTime nextRenewal;  // when a renewal is due (null without a certificate)
    QDateTime nextAttempt;  // after a failure: not before this
    QDateTime lastAttempt;
    QString lastError;
    int attempts = 0;  // failed attempts since the last success
    QString progress;  // the running order's step, while issuing or renewing
    QString serial;
    QString issuer;

    QJsonObject toJson() const;
};

// Keeps the certificates that routes with "certificate": "auto" want valid.
// One order per domain set at a time and at most `concurrency` at once; failed
// sets back off (1 minute doubling to 24 hours, longer when the CA says
// Retry-After) and are capped per hour. While orders that may use http-01 are
// queued or running it holds one PortManager lease on the challenge port, so
// the port is bound once per batch (or not at all when routes already hold it)
// and released after. Pending challenges live in the ChallengeRegistry, which
// the service owns, so nothing pending is lost when this object or its ACME
// client is re-created. Lives on the main thread.
class CertManager : public QObject, private ChallengeResponder
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;
    // Puts a certificate into the proxy; an error when its PEMs do not load.
    using Installer = std::function<Result<bool, QString>(const QStringList &domains, const QByteArray &chainPem,
                                                          const QByteArray &keyPem)>;

    struct Options
    {
        QString stateDir;  // certificates/ and accounts/ go below it
        Clock clock = [] { return QDateTime::currentDateTimeUtc(); };
        int concurrency = 2;
        int attemptsPerHour = 5;  // per domain set
        std::chrono::seconds firstBackoff { 60 };
        std::chrono::seconds maxBackoff { 24 * 3600 };
        std::chrono::seconds checkInterval { 3600 };  // the renewal check runs at least this often
        std::chrono::seconds ariInterval { 6 * 3600 };  // renewalInfo asked again after this (or Retry-After)
    };

    CertManager(Options options, ChallengeRegistry::Ptr challenges, net::PortManager &ports, Installer installer,
                QObject *parent = nullptr);
    ~CertManager() override;

    // Reads the stored certificates and installs the ones still valid. Returns
    // one message per unreadable entry (skipped).
    QStringList load();
    // Takes the ACME settings and the wanted domain sets of a newly applied
    // config: new sets are queued, sets no route wants any more are dropped
    // (an order already running for one finishes and is stored). Orders keep
    // running across applies, and their challenges stay published.
    void configure(const config::Config &config);
    // Cancels running orders (their challenges withdrawn) and releases the lease.
    void stop();

    QList<CertificateStatus> status() const;
    std::optional<CertificateStatus> status(const QStringList &domains) const;
    // Renews the certificate whose names include `domain` now, whatever its
    // renewal time or backoff (the hourly cap still applies). An error naming the
    // domain when no route wants a certificate for it, or when capped.
    Result<CertificateStatus, QString> renew(const QString &domain);
    // Looks at every certificate now (the timer does it by itself; tests that
    // move the clock call it).
    void check();

    int runningOrders() const;
    int queuedOrders() const;
    quint16 challengePort() const { return m_leasePort; }

Q_SIGNALS:
    // A certificate's status changed: state, progress, a new certificate, an error.
    void certificateChanged(const gatehouse::acme::CertificateStatus &status);
    // Nothing queued or running any more (the batch is over; the lease is gone).
    void idle();

private:
    struct Entry;

    // ChallengeResponder
    bool http01Available() const override;
    void publishHttp01(const QString &token, const QByteArray &keyAuthorization) override;
    void withdrawHttp01(const QString &token) override;
    void publishTlsAlpn01(const QString &domain, const QByteArray &keyAuthorization) override;
    void withdrawTlsAlpn01(const QString &domain) override;

    Entry &entryFor(const QStringList &domains);
    CertificateStatus statusOf(const Entry &entry) const;
    QDateTime renewalDue(const Entry &entry) const;
    // When the hourly cap lets the next attempt start; null when it does not hold now.
    QDateTime capLifts(const Entry &entry, const QDateTime &now) const;
    void startOrders();
    void startOrder(Entry &entry);
    void finished(const QStringList &domains, const Result<IssuedCertificate, AcmeProblem> &result);
    void askRenewalInfo(Entry &entry);
    void updateLease();
    void armTimer(const QDateTime &now);
    void changed(const Entry &entry);
    void retireClient();
    void pruneRetired();

    Options m_options;
    ChallengeRegistry::Ptr m_challenges;
    net::PortManager &m_ports;
    Installer m_install;
    CertStore m_store;
    config::AcmeSettings m_settings;
    bool m_configured = false;
    AcmeClient *m_client = nullptr;  // for the current settings
    QList<QPointer<AcmeClient>> m_retired;  // earlier settings' clients, kept until their orders end
    QHash<QStringList, std::shared_ptr<Entry>> m_entries;
    QList<QStringList> m_queue;
    quint16 m_leasePort = 0;
    QTimer m_timer;
};

}  // namespace gatehouse::acme

Q_DECLARE_METATYPE(gatehouse::acme::CertificateStatus)
