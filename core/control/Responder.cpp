#include "control/Responder.h"

#include "control/ControlConnection.h"
#include "control/Message.h"

#include <QCoreApplication>

namespace gatehouse::control {

struct Responder::State
{
    QPointer<ControlConnection> connection;
    QJsonValue id;
    bool notification = false;
    bool answered = false;
    QString method;

    void send(const QByteArray &message)
    {
        if (answered)
            return;
        answered = true;
        if (!notification && connection)
            connection->send(message);
    }

    ~State()
    {
        if (!answered) {
            //: %1 is a control method's name such as config.apply.
            send(Message::errorResponse(
                id,
                RpcError::internalError(
                    QCoreApplication::translate("gatehouse::control::Responder", "the handler for %1 gave no answer")
                        .arg(method))));
        }
    }
};

Responder::Responder(ControlConnection *connection, const QJsonValue &id, bool notification, const QString &method)
    : m_state(std::make_shared<State>())
{
    m_state->connection = connection;
    m_state->id = id;
    m_state->notification = notification;
    m_state->method = method;
}

void Responder::resolve(const QJsonValue &result) const
{
    if (m_state)
        m_state->send(Message::response(m_state->id, result));
}

void Responder::reject(const RpcError &error) const
{
    if (m_state)
        m_state->send(Message::errorResponse(m_state->id, error));
}

bool Responder::isPending() const
{
    return m_state && !m_state->answered && m_state->connection;
}

bool Responder::isNotification() const
{
    return m_state && m_state->notification;
}

}  // namespace gatehouse::control
