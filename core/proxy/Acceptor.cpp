#include "proxy/Acceptor.h"

#include "net/Listener.h"
#include "proxy/ClientConnection.h"
#include "proxy/SocketOps.h"
#include "proxy/Worker.h"
#include "proxy/WorkerPool.h"

#include <memory>
#include <utility>

namespace gatehouse::proxy {

namespace {

// Per wake-up: enough to drain a burst, few enough that the connections this worker
// already serves get their turn, and that a second worker woken by the same burst
// finds some left.
constexpr int kMaxAcceptsPerWakeup = 16;

// An accepted socket on its way to a worker thread: closed when the task that
// carries it is dropped unrun (the pool stopped), unless it was taken.
class PendingSocket
{
public:
    explicit PendingSocket(qintptr socket) : m_socket(socket) { }
    ~PendingSocket()
    {
        if (m_socket >= 0)
            socketops::close(m_socket);
    }
    PendingSocket(const PendingSocket &) = delete;
    PendingSocket &operator=(const PendingSocket &) = delete;
    qintptr take() { return std::exchange(m_socket, -1); }

private:
    qintptr m_socket;
};

}  // namespace

Acceptor::Acceptor(qintptr listenSocket, const net::ListenerKey &key, Context context, Worker *worker)
    : QObject(worker), m_socket(listenSocket), m_key(key), m_context(std::move(context)), m_worker(worker),
      m_notifier(listenSocket, QSocketNotifier::Read)
{
    m_resumeTimer.setSingleShot(true);
    m_resumeTimer.setInterval(net::kPauseAfterEmfileMs);
    connect(&m_notifier, &QSocketNotifier::activated, this, &Acceptor::onReadable);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] { m_notifier.setEnabled(!m_stopped); });
    connect(worker, &Worker::drainRequested, this, &Acceptor::stop);
}

Acceptor::~Acceptor()
{
    m_notifier.setEnabled(false);  // out of this thread's epoll set before the socket closes
}

void Acceptor::remove(Worker &worker, qintptr listenSocket)
{
    for (Acceptor *acceptor : worker.findChildren<Acceptor *>(Qt::FindDirectChildrenOnly)) {
        if (acceptor->m_socket == listenSocket)
            delete acceptor;
    }
}

void Acceptor::handOver(Worker *worker, qintptr socket, const net::ListenerKey &key, ProxySnapshot::Ptr snapshot,
                        const Context &context)
{
    worker->post([pending = std::make_shared<PendingSocket>(socket), key, snapshot = std::move(snapshot), context,
                  worker] {
        (new ClientConnection(pending->take(), key, snapshot, context.snapshots, worker, context.challenges))->start();
    });
}

void Acceptor::stop()
{
    m_stopped = true;
    m_notifier.setEnabled(false);
    m_resumeTimer.stop();
}

void Acceptor::onReadable()
{
    const bool more = net::acceptPending(m_socket, m_key, kMaxAcceptsPerWakeup, [this](qintptr socket) {
        ProxySnapshot::Ptr snapshot = m_context.snapshots->current();
        if (!snapshot) {
            socketops::close(socket);
            return true;
        }
        // The first worker to wake takes a whole burst (a client opening 50
        // connections at once), and would serve all of it while another sits
        // idle. A connection goes to the least loaded worker when this one has more.
        if (Worker *least = m_context.pool ? m_context.pool->pick() : nullptr;
            least && least != m_worker && m_worker->load() > least->load()) {
            handOver(least, socket, m_key, std::move(snapshot), m_context);
            return true;
        }
        (new ClientConnection(socket, m_key, std::move(snapshot), m_context.snapshots, m_worker, m_context.challenges))
            ->start();
        return true;
    });
    if (!more) {
        m_notifier.setEnabled(false);
        m_resumeTimer.start();
    }
}

}  // namespace gatehouse::proxy
