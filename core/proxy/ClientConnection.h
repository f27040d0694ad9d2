#pragma once

#include "net/ListenerKey.h"
#include "proxy/ProxySnapshot.h"
#include "proxy/SnapshotSource.h"
#include "proxy/Worker.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>

class QSocketNotifier;

namespace gatehouse::proxy {

class Stream;
class TcpTunnel;
class UpstreamConnector;
struct ConnectError;
struct TunnelResult;

// One accepted client connection on a worker thread, from the first byte to the
// end: an optional PROXY protocol header from a trusted peer, then sniffing
// (TLS ClientHello for SNI, an HTTP request line, or neither) with a timeout and
// a size cap, route selection on what is known, the route's security checks,
// and the action. TCP routes and TLS passthrough become a TcpTunnel to a target
// chosen by the route's load balancing, retrying the next target when one fails
// to connect. Deletes itself when done.
class ClientConnection : public QObject
{
    Q_OBJECT

public:
    // The most bytes read before a route must be chosen: a whole ClientHello fits.
    static constexpr qsizetype kSniffLimit = 16 * 1024 + 5 * 4;

    ClientConnection(qintptr socket, const net::ListenerKey &listener, ProxySnapshot::Ptr snapshot,
                     std::shared_ptr<const SnapshotSource> snapshots, Worker *worker);
    ~ClientConnection() override;

    void start();

private:
    enum class Phase { ProxyHeader, Sniffing, Connecting, Forwarding, Http };

    void onReadable();
    bool readAvailable();
    void process();
    void onFirstBytesTimeout();
    void stopSniffing();
    void selectRoute(const QString &host, bool tls);
    // Hands the connection to an HttpConnection (after TLS termination when `tls`).
    void startHttp(bool tls);
    void connectUpstream();
    void onUpstreamConnected(qintptr socket, const QHostAddress &address);
    void onUpstreamFailed(const ConnectError &error);
    void onTunnelFinished(const TunnelResult &result);
    void finish(const QString &why);

    qintptr m_socket;
    net::ListenerKey m_listener;
    ProxySnapshot::Ptr m_snapshot;
    std::shared_ptr<const SnapshotSource> m_snapshots;
    Worker::ConnectionGuard m_guard;
    Phase m_phase = Phase::Sniffing;
    QSocketNotifier *m_readNotifier = nullptr;
    QTimer m_firstBytesTimer;
    QByteArray m_buffer;
    QElapsedTimer m_age;

    QHostAddress m_clientAddress;  // from the socket, or from a trusted PROXY header
    quint16 m_clientPort = 0;
    QHostAddress m_localAddress;
    quint16 m_localPort = 0;

    int m_routeIndex = -1;
    RouteRuntime *m_runtime = nullptr;
    bool m_counted = false;  // holds one of the route's maxConnections
    UpstreamEndpoint *m_endpoint = nullptr;
    int m_attemptsLeft = 0;
    UpstreamConnector *m_connector = nullptr;
    TcpTunnel *m_tunnel = nullptr;
    QString m_serverName;
};

}  // namespace gatehouse::proxy
