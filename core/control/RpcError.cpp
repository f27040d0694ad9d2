#include "control/RpcError.h"

#include "control/ErrorCodes.h"

#include <cmath>

namespace gatehouse::control {

QJsonObject RpcError::toJson() const
{
    QJsonObject object { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } };
    if (!data.isUndefined())
        object.insert(QStringLiteral("data"), data);
    return object;
}

std::optional<RpcError> RpcError::fromJson(const QJsonObject &object)
{
    const QJsonValue code = object.value(QStringLiteral("code"));
    const QJsonValue message = object.value(QStringLiteral("message"));
    if (!code.isDouble() || std::trunc(code.toDouble()) != code.toDouble() || !message.isString())
        return std::nullopt;
    return RpcError { code.toInt(), message.toString(), object.value(QStringLiteral("data")) };
}

RpcError RpcError::parseError(const QString &detail)
{
    return { ErrorCode::ParseError, QStringLiteral("parse error: ") + detail, QJsonValue::Undefined };
}

RpcError RpcError::invalidRequest(const QString &detail)
{
    return { ErrorCode::InvalidRequest, QStringLiteral("invalid request: ") + detail, QJsonValue::Undefined };
}

RpcError RpcError::methodNotFound(const QString &method)
{
    return { ErrorCode::MethodNotFound, QStringLiteral("method not found: ") + method, QJsonValue::Undefined };
}

RpcError RpcError::invalidParams(const QString &detail, const QJsonValue &data)
{
    return { ErrorCode::InvalidParams, QStringLiteral("invalid params: ") + detail, data };
}

RpcError RpcError::internalError(const QString &detail)
{
    return { ErrorCode::InternalError, QStringLiteral("internal error: ") + detail, QJsonValue::Undefined };
}

}  // namespace gatehouse::control
