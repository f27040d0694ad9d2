#include "net/PortManager.h"

#include "net/NetLogging.h"

#include <QCoreApplication>

#include <algorithm>

namespace gatehouse::net {

namespace {

ListenerState stateFor(BindErrorKind kind)
{
    switch (kind) {
    case BindErrorKind::InUse:
        return ListenerState::Conflict;
    case BindErrorKind::PermissionDenied:
        return ListenerState::Denied;
    case BindErrorKind::AddressNotAvailable:
        return ListenerState::Waiting;  // the interface may come up later
    case BindErrorKind::InternalConflict:
    case BindErrorKind::Other:
        break;
    }
    return ListenerState::Error;
}

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

QString describeUsers(const QStringList &users)
{
    return users.isEmpty() ? QCoreApplication::translate("gatehouse::net::PortManager", "nothing")
                           : users.join(QStringLiteral(", "));
}

}  // namespace

PortManager::PortManager(QObject *parent) : PortManager(platform::PortHolderLookup::create(), parent) { }

PortManager::PortManager(std::unique_ptr<platform::PortHolderLookup> holderLookup, QObject *parent)
    : QObject(parent), m_holderLookup(std::move(holderLookup))
{ }

PortManager::~PortManager() = default;

void PortManager::setConnectionSink(ConnectionSink *sink)
{
    m_sink = sink;
    for (const auto &[key, entry] : m_entries) {
        if (entry->listener)
            entry->listener->handOver(sink);  // from the previous sink, if it accepted
    }
}

void PortManager::setRetryPolicy(const RetryPolicy &policy)
{
    m_retryPolicy.initial = std::max(policy.initial, std::chrono::milliseconds(1));
    m_retryPolicy.maximum = std::max(policy.maximum, m_retryPolicy.initial);
}

void PortManager::setLeaseAddress(const QString &address)
{
    m_leaseAddress = ListenerKey::make(address, 0).address;
}

ReconcileReport PortManager::reconcile(const WantedListeners &wanted, ReconcileMode mode)
{
    ReconcileReport report;
    QList<ListenerKey> newKeys;
    QList<ListenerKey> keptKeys;
    QList<ListenerKey> orphanKeys;
    for (const auto &[key, entry] : m_entries) {
        if (wanted.contains(key) || !entry->leases.isEmpty())
            keptKeys.append(key);
        else
            orphanKeys.append(key);
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (!m_entries.contains(it.key()))
            newKeys.append(it.key());
    }

    if (mode == ReconcileMode::Strict) {
        // Bind everything new before touching anything old, so a failure can be undone.
        std::map<ListenerKey, std::unique_ptr<Listener>> fresh;
        QList<ListenerKey> deferred;
        const auto overlapsAny = [](const ListenerKey &key, const QList<ListenerKey> &others) {
            return std::any_of(others.cbegin(), others.cend(),
                               [&key](const ListenerKey &other) { return key.overlaps(other); });
        };
        const auto bindFresh = [&](const ListenerKey &key) {
            auto bound = bindListener(key, wanted.value(key));
            if (bound)
                fresh.emplace(key, std::move(bound).value());
            else
                report.failed.append(FailedListener { key, bound.error() });
        };
        for (const ListenerKey &key : newKeys) {
            if (overlapsAny(key, orphanKeys))
                deferred.append(key);
            else
                bindFresh(key);
        }
        // A new key that overlaps an orphan (the bind address changed from 0.0.0.0
        // to 127.0.0.1, say) can only bind once the orphan is closed; the orphan
        // reopens if that fails.
        QList<ListenerKey> closedOrphans;
        if (report.failed.isEmpty() && !deferred.isEmpty()) {
            for (const ListenerKey &key : std::as_const(orphanKeys)) {
                Entry *entry = find(key);
                if (entry->listener && overlapsAny(key, deferred)) {
                    entry->listener.reset();
                    closedOrphans.append(key);
                }
            }
            for (const ListenerKey &key : std::as_const(deferred))
                bindFresh(key);
        }
        if (!report.failed.isEmpty()) {
            fresh.clear();
            for (const ListenerKey &key : std::as_const(closedOrphans)) {
                Entry *entry = find(key);
                auto reopened = bindListener(key, sorted(entry->routes));
                if (reopened) {
                    entry->listener = std::move(reopened).value();
                    entry->listener->handOver(m_sink);
                } else {
                    qCCritical(lcNet).noquote()
                        << "strict rollback could not reopen" << key.toString() << ":" << reopened.error().message;
                    recordFailure(*entry, reopened.error());
                }
            }
            QStringList reasons;
            for (const FailedListener &failure : std::as_const(report.failed))
                reasons.append(failure.error.message);
            report.applied = false;
            report.reason
                = QCoreApplication::translate("gatehouse::net::PortManager", "strict mode: nothing changed because %1")
                      .arg(reasons.join(QStringLiteral("; ")));
            qCWarning(lcNet).noquote() << report.reason;
            return report;
        }
        releaseAndKeep(orphanKeys, keptKeys, wanted, report);
        for (auto &[key, listener] : fresh) {
            Entry &entry = createEntry(key);
            setRoutes(entry, wanted.value(key));
            installListener(entry, std::move(listener));
            report.bound.append(key);
        }
        return report;
    }

    // Best effort: close orphans first, so a new key overlapping one can bind.
    releaseAndKeep(orphanKeys, keptKeys, wanted, report);
    for (const ListenerKey &key : std::as_const(newKeys)) {
        Entry &entry = createEntry(key);
        setRoutes(entry, wanted.value(key));
        auto bound = bindListener(key, wanted.value(key));
        if (bound) {
            installListener(entry, std::move(bound).value());
            report.bound.append(key);
        } else {
            recordFailure(entry, bound.error());
            report.failed.append(FailedListener { key, bound.error() });
        }
    }
    return report;
}

void PortManager::releaseAndKeep(const QList<ListenerKey> &orphans, const QList<ListenerKey> &kept,
                                 const WantedListeners &wanted, ReconcileReport &report)
{
    for (const ListenerKey &key : orphans) {
        releaseEntry(key);
        report.released.append(key);
    }
    for (const ListenerKey &key : kept) {
        Entry *entry = find(key);
        if (setRoutes(*entry, wanted.value(key)))
            Q_EMIT listenerChanged(snapshot(*entry));
        report.kept.append(key);
    }
}

ListenerStatus PortManager::acquireLease(quint16 port, const QString &owner)
{
    return acquireLease(ListenerKey::make(m_leaseAddress, port), owner);
}

ListenerStatus PortManager::acquireLease(const ListenerKey &key, const QString &owner)
{
    if (Entry *entry = find(key)) {
        if (!entry->leases.contains(owner)) {
            entry->leases.insert(owner);
            Q_EMIT listenerChanged(snapshot(*entry));
        }
        return snapshot(*entry);
    }
    Entry &entry = createEntry(key);
    entry.leases.insert(owner);
    auto bound = bindListener(key, { owner });
    if (bound)
        installListener(entry, std::move(bound).value());
    else
        recordFailure(entry, bound.error());
    return snapshot(entry);
}

bool PortManager::releaseLease(quint16 port, const QString &owner)
{
    return releaseLease(ListenerKey::make(m_leaseAddress, port), owner);
}

bool PortManager::releaseLease(const ListenerKey &key, const QString &owner)
{
    Entry *entry = find(key);
    if (!entry || !entry->leases.remove(owner))
        return false;
    if (entry->unused())
        releaseEntry(key);
    else
        Q_EMIT listenerChanged(snapshot(*entry));
    return true;
}

Result<quint16, QString> PortManager::chooseChallengePort(quint16 preferred, const QList<quint16> &fallbackPorts)
{
    QList<quint16> candidates { preferred };
    for (const quint16 port : fallbackPorts) {
        if (!candidates.contains(port))
            candidates.append(port);
    }
    QStringList refusals;
    for (const quint16 port : std::as_const(candidates)) {
        const ListenerKey key = ListenerKey::make(m_leaseAddress, port);
        if (const Entry *entry = find(key)) {
            if (entry->listener)
                return port;  // ours already: a lease will share it, no probe needed
            refusals.append(entry->lastError
                                ? entry->lastError->message
                                : QCoreApplication::translate("gatehouse::net::PortManager", "%1 is not bound yet")
                                      .arg(key.toString()));
            continue;
        }
        // A probe: bound and closed again at once; the lease binds it for real.
        auto probe = bindListener(key, { QString::fromLatin1(kAcmeChallengeLease) });
        if (probe)
            return port;
        refusals.append(probe.error().message);
    }
    return Result<quint16, QString>::failure(
        QCoreApplication::translate("gatehouse::net::PortManager", "no ACME challenge port can be bound: %1")
            .arg(refusals.join(QStringLiteral("; "))));
}

QList<ListenerStatus> PortManager::status() const
{
    QList<ListenerStatus> list;
    list.reserve(qsizetype(m_entries.size()));
    for (const auto &[key, entry] : m_entries)
        list.append(snapshot(*entry));
    return list;
}

std::optional<ListenerStatus> PortManager::status(const ListenerKey &key) const
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    return snapshot(*it->second);
}

qintptr PortManager::socketDescriptor(const ListenerKey &key) const
{
    const auto it = m_entries.find(key);
    return it != m_entries.end() && it->second->listener ? it->second->listener->socketDescriptor() : -1;
}

PortManager::BindResult PortManager::bindListener(const ListenerKey &key, const QStringList &wantedBy)
{
    ++m_bindCounts[key];
    auto opened = Listener::open(key, [this, key](qintptr socketDescriptor) { deliver(socketDescriptor, key); });
    if (opened)
        return BindResult(std::move(opened).value());
    return BindResult::failure(classify(key, opened.error(), wantedBy));
}

BindError PortManager::classify(const ListenerKey &key, const platform::SocketError &error,
                                const QStringList &wantedBy) const
{
    BindError result;
    result.osCode = error.code;
    result.osText = QString::fromStdString(error.text);
    const QString where = key.toString();

    switch (error.kind) {
    case platform::SocketErrorKind::AddressInUse: {
        // Ours first: by construction we never bind a key twice, but two keys can
        // overlap (0.0.0.0:80 and 127.0.0.1:80), and that is a bug to name precisely.
        for (const auto &[otherKey, other] : m_entries) {
            if (otherKey != key && other->listener && otherKey.overlaps(key)) {
                result.kind = BindErrorKind::InternalConflict;
                result.message
                    //: %1 and %3 are address:port pairs, %2 and %4 the routes or leases that use them
                    = QCoreApplication::translate("gatehouse::net::PortManager",
                                                  "internal error: %1 (wanted by %2) overlaps this process's own "
                                                  "listener %3 (used by %4); use one bind address for both")
                          .arg(where, describeUsers(wantedBy), otherKey.toString(),
                               describeUsers(sorted(other->routes) + sorted(other->leases)));
                return result;
            }
        }
        std::optional<platform::PortHolder> holder;
        if (m_holderLookup)
            holder = m_holderLookup->findListener(key.address.toStdString(), key.port);
        if (holder) {
            result.holder = ProcessInfo { holder->pid, QString::fromStdString(holder->name),
                                          QString::fromStdString(holder->exe) };
        }
        if (holder && holder->pid == QCoreApplication::applicationPid()) {
            result.kind = BindErrorKind::InternalConflict;
            result.message
                = QCoreApplication::translate("gatehouse::net::PortManager",
                                              "internal error: %1 (wanted by %2) is held by this process outside "
                                              "the port manager (pid %3)")
                      .arg(where, describeUsers(wantedBy))
                      .arg(holder->pid);
            return result;
        }
        result.kind = BindErrorKind::InUse;
        result.message
            //: %1 is the address:port, %2 the process holding it, %3 the routes that want it
            = QCoreApplication::translate("gatehouse::net::PortManager",
                                          "%1 is in use by %2; stop it or change the port of %3. Gatehouse "
                                          "binds it as soon as it is free")
                  .arg(where,
                       result.holder ? result.holder->describe()
                                     : QCoreApplication::translate("gatehouse::net::PortManager",
                                                                   "another process (the OS did not say which; "
                                                                   "running as root shows other users' processes)"),
                       describeUsers(wantedBy));
        return result;
    }
    case platform::SocketErrorKind::PermissionDenied:
        result.kind = BindErrorKind::PermissionDenied;
#ifdef Q_OS_WIN
        result.message
            = QCoreApplication::translate("gatehouse::net::PortManager",
                                          "%1: access denied: Windows reserves this port (netsh interface ipv4 show "
                                          "excludedportrange protocol=tcp) or another program holds it exclusively; "
                                          "choose another port")
                  .arg(where);
#else
        result.message
            = QCoreApplication::translate("gatehouse::net::PortManager",
                                          "%1: permission denied: port %2 is privileged and this process may not "
                                          "bind it. Run Gatehouse as its service (the unit grants "
                                          "CAP_NET_BIND_SERVICE), grant the capability (setcap "
                                          "cap_net_bind_service=+ep %3), or use a port >= 1024")
                  .arg(where, QString::number(key.port),
                       QCoreApplication::instance() ? QCoreApplication::applicationFilePath()
                                                    : QStringLiteral("<gatehoused>"));
#endif
        return result;
    case platform::SocketErrorKind::AddressNotAvailable:
        result.kind = BindErrorKind::AddressNotAvailable;
        result.message
            = QCoreApplication::translate("gatehouse::net::PortManager",
                                          "%1: address not available: %2 is not an address of this host; set "
                                          "bindAddress to one of its addresses (or 0.0.0.0), or bring the interface "
                                          "up. Retried until the address appears")
                  .arg(where, key.address);
        return result;
    case platform::SocketErrorKind::InvalidAddress:
        result.kind = BindErrorKind::Other;
        result.message = QCoreApplication::translate("gatehouse::net::PortManager",
                                                     "%1: %2; set bindAddress to a numeric address such as 0.0.0.0")
                             .arg(where, result.osText);
        return result;
    default:
        break;
    }
    result.kind = BindErrorKind::Other;
    result.message = QCoreApplication::translate("gatehouse::net::PortManager", "%1: bind failed: %2 (error %3)")
                         .arg(where, result.osText)
                         .arg(error.code);
    return result;
}

void PortManager::deliver(qintptr socketDescriptor, const ListenerKey &key)
{
    if (m_sink)
        m_sink->acceptConnection(socketDescriptor, key);
    else
        platform::closeSocket(socketDescriptor);
}

PortManager::Entry &PortManager::createEntry(const ListenerKey &key)
{
    auto entry = std::make_unique<Entry>();
    entry->key = key;
    entry->retryTimer.setSingleShot(true);
    connect(&entry->retryTimer, &QTimer::timeout, this, [this, key] { retry(key); });
    return *m_entries.emplace(key, std::move(entry)).first->second;
}

void PortManager::installListener(Entry &entry, std::unique_ptr<Listener> listener)
{
    const bool isNew = !entry.since.isValid();
    entry.listener = std::move(listener);
    entry.listener->handOver(m_sink);
    if (isNew || entry.state != ListenerState::Bound)
        entry.since = QDateTime::currentDateTimeUtc();
    entry.state = ListenerState::Bound;
    entry.retryTimer.stop();
    entry.backoff = std::chrono::milliseconds(0);
    entry.nextRetry = QDateTime();
    qCInfo(lcNet).noquote() << "listening on" << entry.key.toString() << "for"
                            << describeUsers(sorted(entry.routes) + sorted(entry.leases));
    Q_EMIT listenerChanged(snapshot(entry));
}

void PortManager::recordFailure(Entry &entry, const BindError &error)
{
    const ListenerState state = stateFor(error.kind);
    const bool changed = !entry.since.isValid() || entry.state != state || entry.lastError != error;
    if (!entry.since.isValid() || entry.state != state)
        entry.since = QDateTime::currentDateTimeUtc();
    entry.state = state;
    entry.lastError = error;
    entry.backoff
        = entry.backoff.count() == 0 ? m_retryPolicy.initial : std::min(entry.backoff * 2, m_retryPolicy.maximum);
    entry.retryTimer.start(entry.backoff);
    entry.nextRetry = QDateTime::currentDateTimeUtc().addMSecs(entry.backoff.count());
    if (changed) {
        qCWarning(lcNet).noquote() << error.message << "(next try in" << entry.backoff.count() << "ms)";
        Q_EMIT listenerChanged(snapshot(entry));
    } else {
        qCDebug(lcNet).noquote() << entry.key.toString() << "still unavailable; next try in" << entry.backoff.count()
                                 << "ms";
    }
}

void PortManager::retry(const ListenerKey &key)
{
    Entry *entry = find(key);
    if (!entry || entry->listener)
        return;
    auto bound = bindListener(key, sorted(entry->routes) + sorted(entry->leases));
    if (bound)
        installListener(*entry, std::move(bound).value());
    else
        recordFailure(*entry, bound.error());
}

void PortManager::releaseEntry(const ListenerKey &key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    // Closed now, not later: the port must be free for others as soon as we say it is.
    m_entries.erase(it);
    qCInfo(lcNet).noquote() << "released" << key.toString();
    Q_EMIT listenerReleased(key);
}

bool PortManager::setRoutes(Entry &entry, const QStringList &routes)
{
    const QSet<QString> wanted(routes.cbegin(), routes.cend());
    if (wanted == entry.routes)
        return false;
    entry.routes = wanted;
    return true;
}

ListenerStatus PortManager::snapshot(const Entry &entry) const
{
    ListenerStatus status;
    status.key = entry.key;
    status.state = entry.state;
    status.routes = sorted(entry.routes);
    status.leases = sorted(entry.leases);
    if (entry.state == ListenerState::Conflict && entry.lastError)
        status.holder = entry.lastError->holder;
    status.since = entry.since;
    status.lastError = entry.lastError;
    status.nextRetry = entry.nextRetry;
    return status;
}

PortManager::Entry *PortManager::find(const ListenerKey &key)
{
    const auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : it->second.get();
}

}  // namespace gatehouse::net
