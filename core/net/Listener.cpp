#include "net/Listener.h"

#include "net/ConnectionSink.h"
#include "net/NetLogging.h"

#include <QPointer>

namespace gatehouse::net {

namespace {

constexpr int kBacklog = 1024;
// Bounded work per wake-up: a flood on one port must not starve the event loop.
constexpr int kMaxAcceptsPerWakeup = 64;

}  // namespace

bool acceptPending(qintptr listenSocket, const ListenerKey &key, int limit,
                   const std::function<bool(qintptr socketDescriptor)> &onAccepted)
{
    for (int i = 0; i < limit; ++i) {
        auto accepted = platform::acceptSocket(listenSocket);
        if (accepted) {
            if (!onAccepted(*accepted))
                return true;
            continue;
        }
        const platform::SocketError &error = accepted.error();
        switch (error.kind) {
        case platform::SocketErrorKind::WouldBlock:
            return true;
        case platform::SocketErrorKind::Transient:
            continue;
        case platform::SocketErrorKind::OutOfDescriptors:
            qCWarning(lcNet).noquote() << "accept on" << key.toString()
                                       << "paused:" << QString::fromStdString(error.text)
                                       << "(raise the open-files limit, LimitNOFILE= in the systemd unit)";
            return false;
        default:
            qCWarning(lcNet).noquote() << "accept on" << key.toString()
                                       << "failed:" << QString::fromStdString(error.text);
            return true;
        }
    }
    return true;
}

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
    m_resumeTimer.setInterval(kPauseAfterEmfileMs);
    connect(&m_notifier, &QSocketNotifier::activated, this, &Listener::onReadable);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] { m_notifier.setEnabled(!m_acceptingSink); });
}

Listener::~Listener()
{
    m_notifier.setEnabled(false);
    if (m_acceptingSink)
        m_acceptingSink->stopAccepting(m_socket);
    platform::closeSocket(m_socket);
}

void Listener::handOver(ConnectionSink *sink)
{
    takeBack();
    if (!sink || !sink->startAccepting(m_socket, m_key))
        return;
    m_acceptingSink = sink;
    m_notifier.setEnabled(false);
    m_resumeTimer.stop();
}

void Listener::takeBack()
{
    if (!m_acceptingSink)
        return;
    std::exchange(m_acceptingSink, nullptr)->stopAccepting(m_socket);
    m_notifier.setEnabled(true);
}

void Listener::onReadable()
{
    // The consumer may reconcile from here and so delete this listener.
    const QPointer<Listener> alive(this);
    const bool more = acceptPending(m_socket, m_key, kMaxAcceptsPerWakeup, [&](qintptr socket) {
        m_onAccepted(socket);
        return !alive.isNull();
    });
    if (!more && alive) {
        m_notifier.setEnabled(false);
        m_resumeTimer.start();
    }
}

}  // namespace gatehouse::net
