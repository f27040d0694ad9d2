#include "net/Listener.h"

#include "net/NetLogging.h"

#include <QPointer>

namespace gatehouse::net {

namespace {

constexpr int kBacklog = 1024;
// Bounded work per wake-up: a flood on one port must not starve the event loop.
constexpr int kMaxAcceptsPerWakeup = 64;
// Out of descriptors: the socket stays readable, so a level-triggered notifier would
// spin; pause accepting and try again shortly instead.
constexpr int kResumeAfterMs = 250;

}  // namespace

Result<std::unique_ptr<Listener>, platform::SocketError> Listener::open(const ListenerKey &key,
                                                                        AcceptHandler onAccepted)
{
    auto socket = platform::openListeningSocket(key.address.toStdString(), key.port, kBacklog);
    if (!socket)
        return Result<std::unique_ptr<Listener>, platform::SocketError>::failure(socket.error());
    return std::unique_ptr<Listener>(new Listener(key, *socket, std::move(onAccepted)));
}

Listener::Listener(const ListenerKey &key, qintptr socket, AcceptHandler onAccepted)
    : m_key(key), m_socket(socket), m_onAccepted(std::move(onAccepted)), m_notifier(socket, QSocketNotifier::Read)
{
    m_resumeTimer.setSingleShot(true);
    m_resumeTimer.setInterval(kResumeAfterMs);
    connect(&m_notifier, &QSocketNotifier::activated, this, &Listener::acceptPending);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] { m_notifier.setEnabled(true); });
}

Listener::~Listener()
{
    m_notifier.setEnabled(false);
    platform::closeSocket(m_socket);
}

void Listener::acceptPending()
{
    for (int i = 0; i < kMaxAcceptsPerWakeup; ++i) {
        auto accepted = platform::acceptSocket(m_socket);
        if (accepted) {
            // The consumer may reconcile from here and so delete this listener.
            const QPointer<Listener> alive(this);
            m_onAccepted(*accepted);
            if (!alive)
                return;
            continue;
        }
        const platform::SocketError &error = accepted.error();
        switch (error.kind) {
        case platform::SocketErrorKind::WouldBlock:
            return;
        case platform::SocketErrorKind::Transient:
            continue;
        case platform::SocketErrorKind::OutOfDescriptors:
            qCWarning(lcNet).noquote() << "accept on" << m_key.toString()
                                       << "paused:" << QString::fromStdString(error.text)
                                       << "(raise the open-files limit, LimitNOFILE= in the systemd unit)";
            m_notifier.setEnabled(false);
            m_resumeTimer.start();
            return;
        default:
            qCWarning(lcNet).noquote() << "accept on" << m_key.toString()
                                       << "failed:" << QString::fromStdString(error.text);
            return;
        }
    }
}

}  // namespace gatehouse::net
