#pragma once

#include "net/ListenerKey.h"
#include "proxy/ProxySnapshot.h"
#include "proxy/SnapshotSource.h"
#include "proxy/SocketNotifier.h"
#include "proxy/Stream.h"
#include "proxy/Worker.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>

#include <memory>

namespace gatehouse::acme {
class ChallengeRegistry;
}

namespace gatehouse::proxy {

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
// to connect. ACME comes first: a ClientHello offering acme-tls/1 for a name with
// a pending tls-alpn-01 challenge gets the challenge certificate and nothing else,
// and the http-01 port is sniffed for challenge requests even without a route
// that needs it. Deletes itself when done.
class ClientConnection : public QObject, private StreamListener, private SocketReadyHandler
{
    Q_OBJECT

public:
    // The most bytes read before a route must be chosen: a whole ClientHello fits.
    static constexpr qsizetype kSniffLimit = 16 * 1024 + 5 * 4;

    ClientConnection(qintptr socket, const net::ListenerKey &listener, ProxySnapshot::Ptr snapshot,
                     std::shared_ptr<const SnapshotSource> snapshots, Worker *worker,
                     std::shared_ptr<const acme::ChallengeRegistry> challenges = nullptr);
    ~ClientConnection() override;

    void start();

private:
    enum class Phase { ProxyHeader, Sniffing, Connecting, Forwarding, Http, AcmeTlsAlpn };

    // Whether the first bytes must be seen before a route is chosen.
    bool sniffs() const;
    void socketReady(QSocketNotifier::Type type) override;
    void timerEvent(QTimerEvent *event) override;
    bool readAvailable();
    void process();
    void onFirstBytesTimeout();
    void stopSniffing();
    // The socket and its read notifier (still enabled) for the stream that takes over.
    std::unique_ptr<Stream> makeClientStream();
    void selectRoute(const QString &host, bool tls);
    // Hands the connection to an HttpConnection (after TLS termination when `tls`).
    void startHttp(bool tls);
    void connectUpstream();
    void onUpstreamConnected(qintptr socket, const QHostAddress &address);
    void onUpstreamFailed(const ConnectError &error);
    void onTunnelFinished(const TunnelResult &result);
    void finish(const QString &why);

    // tls-alpn-01 (RFC 8737): the handshake with the challenge certificate, then close.
    void answerTlsAlpn01();
    // acme-tls/1 for a name with nothing pending: a handshake_failure alert, then close.
    void refuseTlsAlpn01(const QString &why);
    void streamData(Stream &stream, QByteArrayView data) override;
    void streamEof(Stream &stream) override;
    void streamError(Stream &stream, const StreamError &error) override;
    void streamSecured(Stream &stream) override;
    void streamWriteShut(Stream &stream) override;

    qintptr m_socket;
    net::ListenerKey m_listener;
    ProxySnapshot::Ptr m_snapshot;
    std::shared_ptr<const SnapshotSource> m_snapshots;
    std::shared_ptr<const acme::ChallengeRegistry> m_challenges;
    Worker::ConnectionGuard m_guard;
    Phase m_phase = Phase::Sniffing;
    SocketNotifier *m_readNotifier = nullptr;
    QBasicTimer m_firstBytesTimer;
    QByteArray m_buffer;
    QElapsedTimer m_age;

    QHostAddress m_clientAddress;  // from the socket, or from a trusted PROXY header
    quint16 m_clientPort = 0;

    int m_routeIndex = -1;
    RouteRuntime *m_runtime = nullptr;
    bool m_counted = false;  // holds one of the route's maxConnections
    std::shared_ptr<RouteCounters> m_counters;  // a tunnelled connection's route metrics, while open
    UpstreamEndpoint *m_endpoint = nullptr;
    int m_attemptsLeft = 0;
    UpstreamConnector *m_connector = nullptr;
    TcpTunnel *m_tunnel = nullptr;
    QString m_serverName;
    bool m_offersAcmeTlsAlpn = false;  // the ClientHello offered ALPN acme-tls/1
    std::unique_ptr<Stream> m_challengeStream;  // Phase::AcmeTlsAlpn
};

}  // namespace gatehouse::proxy
