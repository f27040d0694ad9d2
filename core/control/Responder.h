#pragma once

#include "control/RpcError.h"

#include <QJsonValue>
#include <QPointer>

#include <memory>

namespace gatehouse::control {

class ControlConnection;

// The way back to the client for one request. Handlers may keep a copy and
// answer later (applies and renewals take time); the first answer wins and the
// rest are ignored. If every copy is dropped without an answer the client gets
// an internal error instead of waiting forever. If the client has gone the
// answer is discarded. For notifications (no id) answers are discarded too.
class Responder
{
public:
    Responder() = default;
    Responder(ControlConnection *connection, const QJsonValue &id, bool notification, const QString &method);

    void resolve(const QJsonValue &result) const;
    void reject(const RpcError &error) const;

    // False after an answer, or when the client is gone and no answer can arrive.
    bool isPending() const;
    bool isNotification() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

}  // namespace gatehouse::control
