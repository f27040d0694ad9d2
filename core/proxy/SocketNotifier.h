#pragma once

#include <QEvent>
#include <QSocketNotifier>

namespace gatehouse::proxy {

// What a SocketNotifier calls when its socket is ready.
class SocketReadyHandler
{
public:
    virtual void socketReady(QSocketNotifier::Type type) = 0;

protected:
    ~SocketReadyHandler() = default;
};

// A QSocketNotifier that calls its one handler directly: the activated() signal
// would cost a QMetaObject::activate() per event (about 250 instructions,
// callgrind) for the single receiver there is. The handler can change, so a
// socket's read registration passes from one owner to the next (the reader of
// the first bytes to the Stream) without leaving the event dispatcher and coming
// back, which is two epoll_ctl calls.
class SocketNotifier final : public QSocketNotifier
{
public:
    // Made disabled: given its descriptor in the QSocketNotifier constructor, a
    // notifier registers with the event dispatcher at once (an epoll_ctl), only to
    // be disabled again by an owner that does not want events yet.
    SocketNotifier(qintptr socket, Type type, SocketReadyHandler *handler, QObject *parent)
        : QSocketNotifier(type, parent), m_handler(handler)
    {
        setSocket(socket);
    }

    void setHandler(SocketReadyHandler *handler) { m_handler = handler; }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::SockAct && event->type() != QEvent::SockClose)
            return QSocketNotifier::event(event);
        if (isEnabled())
            m_handler->socketReady(type());
        return true;
    }

private:
    SocketReadyHandler *m_handler;
};

}  // namespace gatehouse::proxy
