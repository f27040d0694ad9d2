#pragma once

#include "net/BindError.h"
#include "net/ListenerKey.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace gatehouse::net {

// bound: listening. The others are not bound and are retried with backoff:
// conflict (another process holds it), denied (privileged port), waiting (the
// address is not on this host yet), error (anything else, internal conflicts included).
enum class ListenerState { Bound, Waiting, Conflict, Denied, Error };

QString stateName(ListenerState state);

// A snapshot of one wanted listener, for `ports`, the GUI and events.
struct ListenerStatus
{
    ListenerKey key;
    ListenerState state = ListenerState::Waiting;
    QStringList routes;  // route names, sorted
    QStringList leases;  // non-route owners such as "acme-challenge", sorted
    std::optional<ProcessInfo> holder;  // who holds the port when state is conflict
    QDateTime since;  // when the current state began (UTC)
    std::optional<BindError> lastError;  // the most recent failure; kept after a later bind for the record
    QDateTime nextRetry;  // null when bound

    QStringList users() const { return routes + leases; }
    int count() const { return int(routes.size() + leases.size()); }
    QJsonObject toJson() const;
};

}  // namespace gatehouse::net
