#include "acme/CertManager.h"

#include "acme/AcmeLogging.h"
#include "acme/RenewalPolicy.h"
#include "net/PortManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

namespace gatehouse::acme {

namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

}  // namespace

QJsonObject CertificateStatus::toJson() const
{
    QJsonObject o {
        { QStringLiteral("domains"), QJsonArray::fromStringList(domains) },
        { QStringLiteral("state"), state },
        { QStringLiteral("notBefore"), timeJson(notBefore) },
        { QStringLiteral("notAfter"), timeJson(notAfter) },
        { QStringLiteral("nextRenewal"), timeJson(nextRenewal) },
        { QStringLiteral("nextAttempt"), timeJson(nextAttempt) },
        { QStringLiteral("lastAttempt"), timeJson(lastAttempt) },
        { QStringLiteral("attempts"), attempts },
    };
    if (!lastError.isEmpty())
        o.insert(QStringLiteral("lastError"), lastError);
    if (!progress.isEmpty())
        o.insert(QStringLiteral("progress"), progress);
    if (!serial.isEmpty())
        o.insert(QStringLiteral("serial"), serial);
    if (!issuer.isEmpty())
        o.insert(QStringLiteral("issuer"), issuer);
    return o;
}

struct CertManager::Entry
{
    StoredCertificate stored;
    bool wanted = false;
    bool queued = false;
    bool forced = false;
    QPointer<AcmeOrder> order;
    AcmeClient *client = nullptr;  // the client the running order belongs to
    QString progress;
    QList<QDateTime> attemptTimes;  // attempts started in the last hour
    double jitter = QRandomGenerator::global()->generateDouble();
    std::optional<RenewalWindow> ari;
    QDateTime ariNext;  // when renewalInfo may be asked (again)
    bool ariPending = false;

    bool hasCertificate() const { return !stored.chainPem.isEmpty(); }
    bool running() const { return !order.isNull(); }
};

CertManager::CertManager(Options options, ChallengeRegistry::Ptr challenges, net::PortManager &ports,
                         Installer installer, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_challenges(std::move(challenges)), m_ports(ports),
      m_install(std::move(installer)), m_store(QDir(m_options.stateDir).filePath(QStringLiteral("certificates")))
{
    qRegisterMetaType<CertificateStatus>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CertManager::check);
}

CertManager::~CertManager()
{
    stop();
}

QStringList CertManager::load()
{
    QStringList errors;
    const QDateTime now = m_options.clock();
    for (StoredCertificate &stored : m_store.loadAll(&errors)) {
        Entry &entry = entryFor(stored.domains);
        entry.stored = std::move(stored);
        if (!entry.hasCertificate() || entry.stored.info.notAfter <= now)
            continue;
        if (auto installed = m_install(entry.stored.domains, entry.stored.chainPem, entry.stored.keyPem); !installed)
            //: %1 is a list of domains, %2 why the certificate cannot be used
            errors << QCoreApplication::translate("gatehouse::acme::CertManager",
                                                  "%1: the stored certificate does not load: %2")
                          .arg(entry.stored.domains.join(u','), installed.error());
    }
    for (const QString &error : std::as_const(errors))
        qCWarning(lcAcme).noquote() << error;
    return errors;
}

CertManager::Entry &CertManager::entryFor(const QStringList &domains)
{
    const QStringList key = config::certificateDomains(domains);
    auto &slot = m_entries[key];
    if (!slot) {
        slot = std::make_shared<Entry>();
        slot->stored.domains = key;
    }
    return *slot;
}

void CertManager::configure(const config::Config &config)
{
    const bool settingsChanged = !m_configured || config.acme != m_settings;
    m_settings = config.acme;
    m_configured = true;
    if (settingsChanged || !m_client) {
        retireClient();
        AcmeClient::Settings settings;
        settings.directoryUrl = m_settings.directoryUrl;
        settings.email = m_settings.email;
        settings.caBundle = m_settings.caBundle;
        settings.accountDir = QDir(m_options.stateDir).filePath(QStringLiteral("accounts"));
        m_client = new AcmeClient(settings, this);
        connect(m_client, &AcmeClient::progress, this, [this](const QStringList &domains, const QString &step) {
            const auto found = m_entries.constFind(config::certificateDomains(domains));
            if (found == m_entries.cend())
                return;
            found.value()->progress = step;
            changed(*found.value());
        });
    }

    const QList<QStringList> wanted = config::wantedCertificates(config);
    for (const auto &entry : std::as_const(m_entries))
        entry->wanted = false;
    for (const QStringList &domains : wanted)
        entryFor(domains).wanted = true;
    // Sets nobody wants leave the queue; a running order is let finish.
    m_queue.removeIf([this](const QStringList &domains) {
        const auto &entry = m_entries.value(domains);
        if (entry->wanted)
            return false;
        entry->queued = false;
        return true;
    });
    check();
}

void CertManager::retireClient()
{
    if (!m_client)
        return;
    m_retired << m_client;
    m_client = nullptr;
    pruneRetired();
}

void CertManager::pruneRetired()
{
    // A retired client goes once none of its orders is running.
    m_retired.removeIf([this](const QPointer<AcmeClient> &client) {
        if (!client)
            return true;
        for (const auto &entry : std::as_const(m_entries)) {
            if (entry->running() && entry->client == client)
                return false;
        }
        client->deleteLater();
        return true;
    });
}

void CertManager::stop()
{
    m_timer.stop();
    m_queue.clear();
    for (const auto &entry : std::as_const(m_entries)) {
        entry->queued = false;
        delete entry->order.data();  // withdraws what it published; no callback
        entry->progress.clear();
    }
    updateLease();
}

QDateTime CertManager::renewalDue(const Entry &entry) const
{
    if (!entry.hasCertificate())
        return {};
    return renewalTime(entry.stored.info, entry.ari, entry.jitter);
}

QDateTime CertManager::capLifts(const Entry &entry, const QDateTime &now) const
{
    QList<QDateTime> recent = entry.attemptTimes;
    recent.removeIf([&now](const QDateTime &t) { return t.secsTo(now) >= 3600; });
    if (recent.size() < m_options.attemptsPerHour)
        return {};
    // The oldest attempts leave the hour first; enough of them must go for one more.
    return recent.at(recent.size() - m_options.attemptsPerHour).addSecs(3600);
}

void CertManager::check()
{
    if (!m_configured)
        return;
    const QDateTime now = m_options.clock();
    for (const auto &ptr : std::as_const(m_entries)) {
        Entry &entry = *ptr;
        if (!entry.wanted || entry.running() || entry.queued)
            continue;
        if (entry.hasCertificate() && !entry.forced && m_client && entry.ariNext <= now && !entry.ariPending)
            askRenewalInfo(entry);
        const bool due = !entry.hasCertificate() || entry.forced || now >= renewalDue(entry);
        if (!due)
            continue;
        if (!entry.forced && entry.stored.nextAttempt.isValid() && now < entry.stored.nextAttempt)
            continue;
        entry.attemptTimes.removeIf([&now](const QDateTime &t) { return t.secsTo(now) >= 3600; });
        if (capLifts(entry, now).isValid())
            continue;
        entry.queued = true;
        m_queue << entry.stored.domains;
        changed(entry);
    }
    startOrders();
    updateLease();
    armTimer(now);
    if (m_queue.isEmpty() && runningOrders() == 0)
        Q_EMIT idle();
}

void CertManager::startOrders()
{
    while (!m_queue.isEmpty() && m_client && runningOrders() < m_options.concurrency) {
        const auto entry = m_entries.value(m_queue.takeFirst());
        entry->queued = false;
        // The lease comes before the first order, so http-01 is answerable from the start.
        updateLease();
        startOrder(*entry);
    }
}

void CertManager::startOrder(Entry &entry)
{
    const QDateTime now = m_options.clock();
    entry.attemptTimes << now;
    entry.stored.lastAttempt = now;
    entry.client = m_client;
    entry.progress = QStringLiteral("ordering");
    IssueRequest request;
    request.domains = entry.stored.domains;
    request.challengeTypes = m_settings.challengeTypes;
    const QStringList domains = entry.stored.domains;
    qCInfo(lcAcme).noquote() << (entry.hasCertificate() ? "renewing" : "requesting") << "a certificate for"
                             << domains.join(QStringLiteral(", "));
    entry.order = m_client->issue(request, this, [this, domains](const Result<IssuedCertificate, AcmeProblem> &result) {
        finished(domains, result);
    });
    changed(entry);
}

void CertManager::finished(const QStringList &domains, const Result<IssuedCertificate, AcmeProblem> &result)
{
    const auto ptr = m_entries.value(domains);
    if (!ptr)
        return;
    Entry &entry = *ptr;
    entry.order.clear();
    entry.client = nullptr;
    entry.progress.clear();
    entry.forced = false;
    const QDateTime now = m_options.clock();
    const QString names = domains.join(QStringLiteral(", "));

    std::optional<QString> failure;
    if (result) {
        StoredCertificate next = entry.stored;
        next.chainPem = result->chainPem;
        next.keyPem = result->keyPem;
        next.orderUrl = result->orderUrl;
        auto info = CertificateInfo::parse(next.chainPem);
        if (!info) {
            failure
                = QCoreApplication::translate("gatehouse::acme::CertManager", "the CA's certificate does not parse: %1")
                      .arg(info.error());
        } else {
            next.info = info.value();
            auto installed = m_install(domains, next.chainPem, next.keyPem);
            if (!installed)
                failure = QCoreApplication::translate("gatehouse::acme::CertManager",
                                                      "the new certificate does not load: %1")
                              .arg(installed.error());
            else {
                next.failures = 0;
                next.lastError.clear();
                next.nextAttempt = {};
                if (auto saved = m_store.save(next); !saved)
                    qCWarning(lcAcme).noquote()
                        << "certificate for" << names << "is served but was not stored:" << saved.error();
                entry.stored = next;
                entry.ari.reset();
                entry.ariNext = {};
                qCInfo(lcAcme).noquote() << "certificate for" << names << "installed, serial" << next.info.serial
                                         << "valid until" << next.info.notAfter.toString(Qt::ISODate);
            }
        }
    } else {
        failure = result.error().toString();
    }

    if (failure) {
        entry.stored.failures += 1;
        entry.stored.lastError = *failure;
        const int doublings = std::min(entry.stored.failures - 1, 20);
        auto wait = std::min(std::chrono::seconds(m_options.firstBackoff.count() << doublings), m_options.maxBackoff);
        if (!result && result.error().retryAfter)
            wait = std::max(wait, *result.error().retryAfter);
        entry.stored.nextAttempt = now.addSecs(wait.count());
        if (auto saved = m_store.saveState(entry.stored); !saved)
            qCWarning(lcAcme).noquote() << "state of" << names << "not stored:" << saved.error();
        qCWarning(lcAcme).noquote() << "certificate for" << names << "failed:" << *failure << "- next attempt at"
                                    << entry.stored.nextAttempt.toString(Qt::ISODate);
    }
    changed(entry);
    pruneRetired();
    check();
}

void CertManager::askRenewalInfo(Entry &entry)
{
    if (entry.stored.info.ariCertId.isEmpty())
        return;
    entry.ariPending = true;
    const QStringList domains = entry.stored.domains;
    m_client->renewalInfo(entry.stored.info.ariCertId,
                          [this, domains](const Result<RenewalWindow, AcmeProblem> &window) {
                              const auto ptr = m_entries.value(domains);
                              if (!ptr)
                                  return;
                              Entry &e = *ptr;
                              e.ariPending = false;
                              const QDateTime now = m_options.clock();
                              if (window) {
                                  e.ari = window.value();
                                  e.ariNext = now.addSecs(window->retryAfter.value_or(m_options.ariInterval).count());
                              } else if (window.error().type == QLatin1String("gatehouse:unsupported")) {
                                  e.ariNext = now.addYears(100);  // this CA has no renewalInfo
                              } else {
                                  e.ariNext = now.addSecs(m_options.ariInterval.count());
                              }
                              check();
                          });
}

bool CertManager::http01Available() const
{
    if (m_leasePort == 0)
        return false;
    const auto listener = m_ports.status(net::ListenerKey { m_ports.leaseAddress(), m_leasePort });
    return listener && listener->state == net::ListenerState::Bound;
}

void CertManager::publishHttp01(const QString &token, const QByteArray &keyAuthorization)
{
    m_challenges->addHttp01(token, keyAuthorization);
}

void CertManager::withdrawHttp01(const QString &token)
{
    m_challenges->removeHttp01(token);
}

void CertManager::publishTlsAlpn01(const QString &domain, const QByteArray &keyAuthorization)
{
    if (auto added = m_challenges->addTlsAlpn01(domain, keyAuthorization); !added)
        qCWarning(lcAcme).noquote() << "tls-alpn-01 for" << domain << "cannot be answered:" << added.error();
}

void CertManager::withdrawTlsAlpn01(const QString &domain)
{
    m_challenges->removeTlsAlpn01(domain);
}

void CertManager::updateLease()
{
    const bool busy = !m_queue.isEmpty() || runningOrders() > 0;
    const bool wantsHttp01 = busy && m_settings.challengeTypes.contains(QLatin1String("http-01"));
    if (wantsHttp01 && m_leasePort == 0) {
        quint16 port = m_settings.challengePort;
        if (!m_settings.fallbackPorts.isEmpty()) {
            auto chosen = m_ports.chooseChallengePort(port, m_settings.fallbackPorts);
            if (!chosen) {
                qCWarning(lcAcme).noquote() << chosen.error();
            } else if (chosen.value() != port) {
                qCWarning(lcAcme).noquote()
                    << "port" << port << "is not available for http-01; answering on fallback port" << chosen.value()
                    << "instead. The CA still connects to port" << port
                    << ", so this only works behind a port forward from" << port << "to" << chosen.value();
                port = chosen.value();
            }
        }
        const net::ListenerStatus listener = m_ports.acquireLease(port, QString::fromLatin1(net::kAcmeChallengeLease));
        m_leasePort = port;
        m_challenges->setHttp01Port(port);
        if (listener.state != net::ListenerState::Bound)
            qCWarning(lcAcme).noquote() << "the http-01 challenge port" << port << "is not bound ("
                                        << net::stateName(listener.state)
                                        << "); orders use tls-alpn-01 where the CA offers it until it binds";
    } else if (!wantsHttp01 && m_leasePort != 0) {
        m_ports.releaseLease(m_leasePort, QString::fromLatin1(net::kAcmeChallengeLease));
        m_challenges->setHttp01Port(0);
        m_leasePort = 0;
    }
}

void CertManager::armTimer(const QDateTime &now)
{
    QDateTime next = now.addSecs(m_options.checkInterval.count());
    for (const auto &ptr : std::as_const(m_entries)) {
        const Entry &entry = *ptr;
        if (!entry.wanted || entry.running() || entry.queued)
            continue;
        QDateTime wake = std::max(renewalDue(entry), entry.stored.nextAttempt);
        if (const QDateTime lifts = capLifts(entry, now); lifts.isValid())
            wake = std::max(wake, lifts);
        if (wake.isValid() && wake < next)
            next = wake;
        if (entry.hasCertificate() && entry.ariNext.isValid() && entry.ariNext < next)
            next = entry.ariNext;
    }
    const qint64 ms = std::clamp<qint64>(now.msecsTo(next), 1000, qint64(m_options.checkInterval.count()) * 1000);
    m_timer.start(std::chrono::milliseconds(ms));
}

int CertManager::runningOrders() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const auto &e) { return e->running(); }));
}

int CertManager::queuedOrders() const
{
    return int(m_queue.size());
}

CertificateStatus CertManager::statusOf(const Entry &entry) const
{
    const QDateTime now = m_options.clock();
    CertificateStatus s;
    s.domains = entry.stored.domains;
    s.notBefore = entry.stored.info.notBefore;
    s.notAfter = entry.stored.info.notAfter;
    s.nextRenewal = renewalDue(entry);
    s.nextAttempt = entry.stored.nextAttempt;
    // Failing and capped: nothing starts before the cap lifts, whatever the backoff says.
    if (const QDateTime lifts = capLifts(entry, now);
        lifts.isValid() && entry.stored.failures > 0 && !entry.running() && !entry.queued)
        s.nextAttempt = std::max(s.nextAttempt, lifts);
    s.lastAttempt = entry.stored.lastAttempt;
    s.lastError = entry.stored.lastError;
    s.attempts = entry.stored.failures;
    s.progress = entry.progress;
    s.serial = entry.stored.info.serial;
    s.issuer = entry.stored.info.issuer;
    const bool expired = entry.hasCertificate() && now >= entry.stored.info.notAfter;
    if (entry.running())
        s.state = entry.hasCertificate() ? QStringLiteral("renewing") : QStringLiteral("issuing");
    else if (expired)
        s.state = QStringLiteral("expired");
    else if (entry.hasCertificate())
        s.state = QStringLiteral("valid");
    else if (entry.stored.failures > 0)
        s.state = QStringLiteral("failed");
    else
        s.state = QStringLiteral("pending");
    return s;
}

QList<CertificateStatus> CertManager::status() const
{
    QList<CertificateStatus> all;
    for (const auto &entry : std::as_const(m_entries)) {
        if (entry->wanted || entry->running())
            all << statusOf(*entry);
    }
    std::sort(all.begin(), all.end(),
              [](const CertificateStatus &a, const CertificateStatus &b) { return a.domains < b.domains; });
    return all;
}

std::optional<CertificateStatus> CertManager::status(const QStringList &domains) const
{
    const auto found = m_entries.constFind(config::certificateDomains(domains));
    if (found == m_entries.cend())
        return std::nullopt;
    return statusOf(*found.value());
}

Result<CertificateStatus, QString> CertManager::renew(const QString &domain)
{
    using R = Result<CertificateStatus, QString>;
    const QString name = domain.toLower();
    for (const auto &ptr : std::as_const(m_entries)) {
        Entry &entry = *ptr;
        if (!entry.wanted || !entry.stored.domains.contains(name))
            continue;
        if (entry.running() || entry.queued)
            return statusOf(entry);
        const QDateTime now = m_options.clock();
        entry.attemptTimes.removeIf([&now](const QDateTime &t) { return t.secsTo(now) >= 3600; });
        if (const QDateTime lifts = capLifts(entry, now); lifts.isValid())
            return R::failure(
                //: %1 is a number of attempts, %2 a domain name, %3 an ISO 8601 UTC time
                QCoreApplication::translate("gatehouse::acme::CertManager",
                                            "%1 attempts for %2 in the last hour already; the next is possible at %3")
                    .arg(entry.attemptTimes.size())
                    .arg(name, lifts.toUTC().toString(Qt::ISODate)));
        entry.forced = true;
        check();
        return statusOf(entry);
    }
    return R::failure(
        QCoreApplication::translate("gatehouse::acme::CertManager", "no route has an automatic certificate for '%1'")
            .arg(domain));
}

void CertManager::changed(const Entry &entry)
{
    Q_EMIT certificateChanged(statusOf(entry));
}

}  // namespace gatehouse::acme
