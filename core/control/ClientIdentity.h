#pragma once

#include <QString>

namespace gatehouse::control {

// Who sent a control request, as the OS reported it when the client connected.
// Handlers get it to log who changed what (config.apply) and for audit events.
struct ClientIdentity
{
    quint64 connectionId = 0;  // unique per server run, for matching log lines
    qint64 pid = -1;  // -1 when unknown
    qint64 uid = -1;  // POSIX only
    qint64 gid = -1;  // POSIX only
    QString account;  // user name, or DOMAIN\user on Windows; empty when unknown
    QString admittedBecause;  // "root", "member of group gatehouse", ...

    // "alice (uid 1000, pid 4242)", for log lines.
    QString toString() const;
};

}  // namespace gatehouse::control
