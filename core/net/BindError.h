#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace gatehouse::net {

// The process that holds a port we wanted, as far as the OS tells.
struct ProcessInfo
{
    qint64 pid = 0;
    QString name;
    QString exe;  // empty when the OS hides it (another user's process without root)

    QJsonObject toJson() const;
    // The object toJson() writes, as the control protocol carries it; nullopt when
    // the value is not one.
    static std::optional<ProcessInfo> fromJson(const QJsonValue &value);
    // "nginx (pid 812, /usr/sbin/nginx)", "pid 812" without a name: the one wording
    // for the service's bind errors, gatehousectl and the GUI (translated).
    QString describe() const;
    friend bool operator==(const ProcessInfo &, const ProcessInfo &) = default;
};

enum class BindErrorKind {
    InternalConflict,  // this process already holds an overlapping socket: a bug, names both owners
    InUse,  // another process holds it
    PermissionDenied,  // a privileged port without the right
    AddressNotAvailable,  // the bind address is not on this host
    Other,  // anything else, with the OS's text
};

// Why a listener could not be bound, for programs (kind, osCode) and for people
// (message says what happened and what to do about it).
struct BindError
{
    BindErrorKind kind = BindErrorKind::Other;
    int osCode = 0;
    QString osText;
    QString message;
    std::optional<ProcessInfo> holder;

    QJsonObject toJson() const;
    friend bool operator==(const BindError &, const BindError &) = default;
};

// "internal-conflict", "in-use", "permission-denied", "address-not-available", "other"
QString kindName(BindErrorKind kind);

}  // namespace gatehouse::net
