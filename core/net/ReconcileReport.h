#pragma once

#include "net/BindError.h"
#include "net/ListenerKey.h"

#include <QJsonObject>
#include <QList>

namespace gatehouse::net {

enum class ReconcileMode {
    BestEffort,  // bind what can be bound; failures wait and are retried
    Strict,  // all or nothing: one failed new listener and nothing changes
};

struct FailedListener
{
    ListenerKey key;
    BindError error;
};

// What one PortManager::reconcile() pass did, for config.apply's answer and the log.
struct ReconcileReport
{
    bool applied = true;  // false: strict mode rolled back and nothing changed
    QString reason;  // why it was not applied
    QList<ListenerKey> bound;  // newly bound
    QList<ListenerKey> kept;  // still wanted (users may have changed); never reopened
    QList<ListenerKey> released;  // closed: nothing wants them any more
    QList<FailedListener> failed;  // new listeners that did not bind (retried unless strict)

    QJsonObject toJson() const;
};

}  // namespace gatehouse::net
