#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace gatehouse::control {

// A JSON-RPC error object {code, message, data}: what handlers return to refuse
// a call and what ControlClient hands to callbacks. Codes are in ErrorCodes.h.
struct RpcError
{
    int code = 0;
    QString message;
    QJsonValue data = QJsonValue::Undefined;  // omitted from the JSON when undefined

    QJsonObject toJson() const;
    // nullopt when the object is not a JSON-RPC error (code must be an integer, message a string).
    static std::optional<RpcError> fromJson(const QJsonObject &object);

    static RpcError parseError(const QString &detail);
    static RpcError invalidRequest(const QString &detail);
    static RpcError methodNotFound(const QString &method);
    static RpcError invalidParams(const QString &detail, const QJsonValue &data = QJsonValue::Undefined);
    static RpcError internalError(const QString &detail);
};

}  // namespace gatehouse::control
