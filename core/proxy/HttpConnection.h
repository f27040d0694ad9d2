#pragma once

#include "net/ListenerKey.h"
#include "proxy/ProxySnapshot.h"
#include "proxy/SnapshotSource.h"
#include "proxy/Stream.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace gatehouse::acme {
class ChallengeRegistry;
}

namespace gatehouse::proxy {

// Where a connection came from, as the HTTP layer needs it (X-Forwarded-*,
// Forwarded, PROXY headers to targets, the access log, route queries).
struct ConnectionInfo
{
    net::ListenerKey listener;
    QHostAddress clientAddress;  // from the socket, or from a trusted PROXY header
    quint16 clientPort = 0;
    bool tls = false;  // the client spoke TLS to us (terminated here)
    QString serverName;  // SNI, lower-case; empty without TLS or SNI
};

// The PROXY protocol header a route sends its target ahead of a client's bytes
// (empty for none): the client as source, the address it reached on
// `clientSocket` as destination. That address is asked only here: most
// connections never send a header, and it costs a system call.
QByteArray proxyHeaderFor(config::ProxyProtocolVersion version, const QHostAddress &client, quint16 clientPort,
                          qintptr clientSocket);

// One client connection speaking HTTP/1.1 (plain, or after TLS termination):
// parses each request, routes it by Host, path and headers on the current
// snapshot, and runs the route's action (forward to a target with streaming
// bodies both ways, redirect, respond), keep-alive and upgrades included. On the
// ACME http-01 port, challenge requests are answered first, whatever the routes.
// Emits finished() once, when the client connection is done; the owner deletes it.
class HttpConnection : public QObject, private StreamListener
{
    Q_OBJECT

public:
    // `client` is started by start(); its first bytes (already sniffed) were
    // given to it with setInitialBytes(). `first` is the snapshot the connection
    // was accepted with, used for its first request. `challenges` may be null.
    HttpConnection(std::unique_ptr<Stream> client, const ConnectionInfo &info,
                   std::shared_ptr<const SnapshotSource> snapshots, ProxySnapshot::Ptr first,
                   std::shared_ptr<const acme::ChallengeRegistry> challenges = nullptr, QObject *parent = nullptr);
    ~HttpConnection() override;

    void start();

    // The most bytes any HTTP connection of this process held at once (unparsed
    // input both ways plus both streams' unsent output): what a streamed body
    // costs, for tests and metrics. Bounded by about twice Stream's high-water
    // mark plus two read chunks, whatever the body size.
    static qint64 peakBufferedBytes();
    static void resetPeakBufferedBytes();

Q_SIGNALS:
    void finished();

private:
    void streamData(Stream &stream, QByteArrayView data) override;
    void streamEof(Stream &stream) override;
    void streamError(Stream &stream, const StreamError &error) override;
    void streamDrained(Stream &stream) override;

    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace gatehouse::proxy
