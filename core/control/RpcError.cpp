#include "control/RpcError.h"

#include "control/ErrorCodes.h"

#include <QCoreApplication>

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
    //: JSON-RPC's "parse error"; %1 says what is wrong with the message.
    return { ErrorCode::ParseError,
             QCoreApplication::translate("gatehouse::control::RpcError", "parse error: %1").arg(detail),
             QJsonValue::Undefined };
}

RpcError RpcError::invalidRequest(const QString &detail)
{
    //: JSON-RPC's "invalid request"; %1 says what is wrong with it.
    return { ErrorCode::InvalidRequest,
             QCoreApplication::translate("gatehouse::control::RpcError", "invalid request: %1").arg(detail),
             QJsonValue::Undefined };
}

RpcError RpcError::methodNotFound(const QString &method)
{
    //: JSON-RPC's "method not found"; %1 is the method's name as the client sent it.
    return { ErrorCode::MethodNotFound,
             QCoreApplication::translate("gatehouse::control::RpcError", "method not found: %1").arg(method),
             QJsonValue::Undefined };
}

RpcError RpcError::invalidParams(const QString &detail, const QJsonValue &data)
{
    //: JSON-RPC's "invalid params" (the request's parameters); %1 says what was expected or wrong.
    return { ErrorCode::InvalidParams,
             QCoreApplication::translate("gatehouse::control::RpcError", "invalid params: %1").arg(detail), data };
}

RpcError RpcError::internalError(const QString &detail)
{
    //: JSON-RPC's "internal error"; %1 says what went wrong.
    return { ErrorCode::InternalError,
             QCoreApplication::translate("gatehouse::control::RpcError", "internal error: %1").arg(detail),
             QJsonValue::Undefined };
}

}  // namespace gatehouse::control
