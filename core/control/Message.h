#pragma once

#include "Result.h"
#include "control/RpcError.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace gatehouse::control {

// Why a line is not a usable JSON-RPC message, and the id to answer with when
// the line was readable enough to have one (null otherwise, as JSON-RPC says).
struct InvalidMessage
{
    RpcError error;
    QJsonValue id = QJsonValue::Null;
};

// One JSON-RPC 2.0 message, parsed from or serialised to one line of the
// control protocol. Shared by ControlServer and ControlClient so both speak
// exactly the same framing.
struct Message
{
    enum class Kind { Request, Notification, Response };

    Kind kind = Kind::Request;
    QJsonValue id = QJsonValue::Null;  // requests and responses: a string, a number or null
    QString method;  // requests and notifications
    QJsonValue params = QJsonValue::Undefined;  // an object or array, or undefined when absent
    QJsonValue result = QJsonValue::Undefined;  // responses without error
    std::optional<RpcError> error;  // responses that failed

    // line: one message without its newline.
    static Result<Message, InvalidMessage> parse(const QByteArray &line);

    // Compact JSON plus '\n': ready to write. Compact JSON escapes newlines in
    // strings, so a serialised message never contains a raw one.
    static QByteArray request(const QJsonValue &id, const QString &method, const QJsonValue &params);
    static QByteArray notification(const QString &method, const QJsonValue &params);
    static QByteArray response(const QJsonValue &id, const QJsonValue &result);
    static QByteArray errorResponse(const QJsonValue &id, const RpcError &error);
};

}  // namespace gatehouse::control
