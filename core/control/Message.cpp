#include "control/Message.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::control {

namespace {

const QString kJsonRpc = QStringLiteral("jsonrpc");
const QString kVersion = QStringLiteral("2.0");
const QString kId = QStringLiteral("id");
const QString kMethod = QStringLiteral("method");
const QString kParams = QStringLiteral("params");
const QString kResult = QStringLiteral("result");
const QString kError = QStringLiteral("error");

QByteArray serialise(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

Result<Message, InvalidMessage> invalid(const QString &detail, const QJsonValue &id = QJsonValue::Null)
{
    return Result<Message, InvalidMessage>::failure({ RpcError::invalidRequest(detail), id });
}

QString mustBeObject()
{
    return QCoreApplication::translate("gatehouse::control::Message", "a message must be a JSON object");
}

}  // namespace

Result<Message, InvalidMessage> Message::parse(const QByteArray &line)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument rejects a bare scalar such as 42, which is valid JSON: that
        // is a request of the wrong shape, not a syntax error.
        if (QJsonDocument::fromJson(QByteArray('[' + line + ']')).isArray())
            return invalid(mustBeObject());
        //: %1 is Qt's description of a JSON syntax error, %2 a byte offset in the message.
        return Result<Message, InvalidMessage>::failure(
            { RpcError::parseError(QCoreApplication::translate("gatehouse::control::Message", "%1 at offset %2")
                                       .arg(parseError.errorString())
                                       .arg(parseError.offset)),
              QJsonValue::Null });
    }
    if (document.isArray())
        return invalid(QCoreApplication::translate("gatehouse::control::Message",
                                                   "batches are not supported; send one request per line"));
    if (!document.isObject())
        return invalid(mustBeObject());

    const QJsonObject object = document.object();
    const QJsonValue id = object.value(kId);
    const bool hasId = object.contains(kId);
    if (hasId && !id.isString() && !id.isDouble() && !id.isNull())
        //: "id" is a JSON-RPC field name: keep it as is.
        return invalid(
            QCoreApplication::translate("gatehouse::control::Message", "\"id\" must be a string, a number or null"));
    const QJsonValue answerId = hasId ? id : QJsonValue(QJsonValue::Null);
    if (object.value(kJsonRpc) != QJsonValue(kVersion))
        //: "jsonrpc" is a JSON-RPC field name and "2.0" its value: keep both as they are.
        return invalid(QCoreApplication::translate("gatehouse::control::Message", "\"jsonrpc\" must be \"2.0\""),
                       answerId);

    Message message;
    message.id = answerId;
    if (object.contains(kMethod)) {
        const QJsonValue method = object.value(kMethod);
        if (!method.isString() || method.toString().isEmpty())
            //: "method" is a JSON-RPC field name: keep it as is.
            return invalid(
                QCoreApplication::translate("gatehouse::control::Message", "\"method\" must be a non-empty string"),
                answerId);
        const QJsonValue params = object.value(kParams);
        if (object.contains(kParams) && !params.isObject() && !params.isArray())
            //: "params" is a JSON-RPC field name: keep it as is.
            return invalid(
                QCoreApplication::translate("gatehouse::control::Message", "\"params\" must be an object or an array"),
                answerId);
        message.kind = hasId ? Kind::Request : Kind::Notification;
        message.method = method.toString();
        message.params = object.contains(kParams) ? params : QJsonValue(QJsonValue::Undefined);
        return message;
    }

    const bool hasResult = object.contains(kResult);
    const bool hasError = object.contains(kError);
    if (!hasId || hasResult == hasError)
        //: "method", "id", "result" and "error" are JSON-RPC field names: keep them as they are.
        return invalid(QCoreApplication::translate("gatehouse::control::Message",
                                                   "neither a request (\"method\") nor a response (\"id\" with "
                                                   "\"result\" or \"error\")"),
                       answerId);
    message.kind = Kind::Response;
    if (hasResult) {
        message.result = object.value(kResult);
        return message;
    }
    message.error = RpcError::fromJson(object.value(kError).toObject());
    if (!message.error)
        //: "error", "code" and "message" are JSON-RPC field names: keep them as they are.
        return invalid(QCoreApplication::translate("gatehouse::control::Message",
                                                   "\"error\" must be an object with an integer \"code\" and a "
                                                   "string \"message\""),
                       answerId);
    return message;
}

QByteArray Message::request(const QJsonValue &id, const QString &method, const QJsonValue &params)
{
    QJsonObject object { { kJsonRpc, kVersion }, { kId, id }, { kMethod, method } };
    if (!params.isUndefined() && !params.isNull())
        object.insert(kParams, params);
    return serialise(object);
}

QByteArray Message::notification(const QString &method, const QJsonValue &params)
{
    QJsonObject object { { kJsonRpc, kVersion }, { kMethod, method } };
    if (!params.isUndefined() && !params.isNull())
        object.insert(kParams, params);
    return serialise(object);
}

QByteArray Message::response(const QJsonValue &id, const QJsonValue &result)
{
    // JSON-RPC requires "result" on success; undefined becomes null.
    return serialise({ { kJsonRpc, kVersion },
                       { kId, id },
                       { kResult, result.isUndefined() ? QJsonValue(QJsonValue::Null) : result } });
}

QByteArray Message::errorResponse(const QJsonValue &id, const RpcError &error)
{
    return serialise({ { kJsonRpc, kVersion }, { kId, id }, { kError, error.toJson() } });
}

}  // namespace gatehouse::control
