#pragma once

#include "Result.h"
#include "net/BindError.h"
#include "net/ConnectionSink.h"
#include "net/Listener.h"
#include "net/ListenerStatus.h"
#include "net/ReconcileReport.h"
#include "net/WantedListeners.h"
#include "platform/PortHolderLookup.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>
#include <optional>

namespace gatehouse::net {

// The lease owner the ACME client uses while challenges are pending.
inline constexpr auto kAcmeChallengeLease = "acme-challenge";

struct RetryPolicy
{
    std::chrono::milliseconds initial { 1000 };  // first retry after a failed bind
    std::chrono::milliseconds maximum { 30000 };  // the delay doubles up to this
};

// Owns every listening socket of the service. Each (address, port) is bound once
// and shared by all the routes and leases that want it, closed when the last one
// leaves; failed binds are explained and retried while everything else serves.
// Lives on the main thread; the service reconciles it on every config change.
class PortManager : public QObject
{
    Q_OBJECT

public:
    explicit PortManager(QObject *parent = nullptr);
    // With another port-holder lookup (tests, or an OS without one).
    PortManager(std::unique_ptr<platform::PortHolderLookup> holderLookup, QObject *parent = nullptr);
    ~PortManager() override;

    // Not owned; must outlive the manager or be reset to nullptr. Without a sink
    // accepted connections are closed at once. Each bound listener is offered to the
    // sink to accept from itself (ConnectionSink::startAccepting), and taken back
    // before it closes or when the sink changes.
    void setConnectionSink(ConnectionSink *sink);
    void setRetryPolicy(const RetryPolicy &policy);
    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    // Where acquireLease(port, ...) and chooseChallengePort() bind: the config's bindAddress.
    void setLeaseAddress(const QString &address);
    QString leaseAddress() const { return m_leaseAddress; }

    // Makes the route listeners equal `wanted` in one pass: binds new keys, keeps
    // (never reopens) the ones still wanted, closes those nothing wants any more.
    // Leases are not touched. Strict: if a new listener fails, nothing changes.
    ReconcileReport reconcile(const WantedListeners &wanted, ReconcileMode mode = ReconcileMode::BestEffort);

    // A non-route user of a port, counted like a route. The lease stays registered
    // even if the bind fails (it is retried like any listener) until released;
    // acquiring the same owner twice is one lease. Returns the listener's status.
    ListenerStatus acquireLease(quint16 port, const QString &owner);
    ListenerStatus acquireLease(const ListenerKey &key, const QString &owner);
    // False when that owner held no lease there.
    bool releaseLease(quint16 port, const QString &owner);
    bool releaseLease(const ListenerKey &key, const QString &owner);

    // The first of preferred + fallbackPorts that is already ours (bound: no probe)
    // or can be bound now (probe-bound and closed again). The failure says why each was refused.
    Result<quint16, QString> chooseChallengePort(quint16 preferred, const QList<quint16> &fallbackPorts);

    QList<ListenerStatus> status() const;  // sorted by port, then address
    std::optional<ListenerStatus> status(const ListenerKey &key) const;
    // bind() calls made for key so far, failed ones and probes included (for tests and diagnostics).
    int bindCount(const ListenerKey &key) const { return m_bindCounts.value(key); }
    // The listening socket, or -1 when key is not bound.
    qintptr socketDescriptor(const ListenerKey &key) const;

Q_SIGNALS:
    // A listener appeared, changed state, users, holder or error. Not for a mere
    // retry that failed the same way again.
    void listenerChanged(const gatehouse::net::ListenerStatus &status);
    // The last user left and the socket is closed (or the failed listener dropped).
    void listenerReleased(const gatehouse::net::ListenerKey &key);

private:
    struct Entry
    {
        ListenerKey key;
        QSet<QString> routes;
        QSet<QString> leases;
        std::unique_ptr<Listener> listener;  // null while not bound
        ListenerState state = ListenerState::Waiting;
        QDateTime since;
        std::optional<BindError> lastError;
        QTimer retryTimer;
        std::chrono::milliseconds backoff { 0 };
        QDateTime nextRetry;

        bool unused() const { return routes.isEmpty() && leases.isEmpty(); }
    };
    using BindResult = Result<std::unique_ptr<Listener>, BindError>;

    BindResult bindListener(const ListenerKey &key, const QStringList &wantedBy);
    BindError classify(const ListenerKey &key, const platform::SocketError &error, const QStringList &wantedBy) const;
    void deliver(qintptr socketDescriptor, const ListenerKey &key);

    Entry &createEntry(const ListenerKey &key);
    void installListener(Entry &entry, std::unique_ptr<Listener> listener);
    void recordFailure(Entry &entry, const BindError &error);
    void retry(const ListenerKey &key);
    void releaseEntry(const ListenerKey &key);
    // The common tail of a reconcile: close what nothing wants, update the users of what stays.
    void releaseAndKeep(const QList<ListenerKey> &orphans, const QList<ListenerKey> &kept,
                        const WantedListeners &wanted, ReconcileReport &report);
    bool setRoutes(Entry &entry, const QStringList &routes);
    ListenerStatus snapshot(const Entry &entry) const;
    Entry *find(const ListenerKey &key);

    std::unique_ptr<platform::PortHolderLookup> m_holderLookup;
    ConnectionSink *m_sink = nullptr;
    RetryPolicy m_retryPolicy;
    QString m_leaseAddress = QStringLiteral("0.0.0.0");
    std::map<ListenerKey, std::unique_ptr<Entry>> m_entries;
    QHash<ListenerKey, int> m_bindCounts;
};

}  // namespace gatehouse::net
