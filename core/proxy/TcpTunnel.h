#pragma once

#include "proxy/Stream.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

namespace gatehouse::proxy {

struct TunnelOptions
{
    // Per direction: reading from the source stops while the destination holds this much unsent.
    qsizetype highWaterMark = Stream::kDefaultHighWaterMark;
    std::chrono::milliseconds idleTimeout { 0 };  // 0: none
};

struct TunnelResult
{
    enum class End {
        Completed,  // both directions finished with EOF and half-close
        IdleTimeout,
        ClientError,  // the client side failed (reset, TLS error)
        UpstreamError,
        Aborted,  // abort() was called
    };
    End end = End::Completed;
    QString reason;
    quint64 clientToUpstream = 0;  // application bytes delivered into the other side
    quint64 upstreamToClient = 0;
    qint64 durationMs = 0;
};

// Pipes two Streams both ways: for TCP forwarding, TLS passthrough (the client
// stream replays the sniffed bytes first) and Upgrade tunnels of the HTTP layer.
// Backpressure per direction, half-close propagation, idle timeout; reports
// finished() once, after which both streams are closed. Owns both streams.
class TcpTunnel : public QObject, private StreamListener
{
    Q_OBJECT

public:
    TcpTunnel(std::unique_ptr<Stream> client, std::unique_ptr<Stream> upstream, const TunnelOptions &options,
              QObject *parent = nullptr);
    ~TcpTunnel() override;

    // Starts both streams (a stream already started, e.g. after a TLS handshake, is kept as it is).
    void start();
    void abort(const QString &reason);

    Stream &client() { return *m_client; }
    Stream &upstream() { return *m_upstream; }
    quint64 bytesClientToUpstream() const { return m_toUpstream.bytes; }
    quint64 bytesUpstreamToClient() const { return m_toClient.bytes; }
    bool isFinished() const { return m_finished; }

    // The most both streams held unsent at once, and the bound it never exceeds:
    // per direction the high-water mark plus one delivery (Stream::kMaxDeliveryOverhead).
    qsizetype peakBufferedBytes() const { return m_peakBuffered; }
    qsizetype bufferBound() const { return 2 * (m_options.highWaterMark + Stream::kMaxDeliveryOverhead); }

Q_SIGNALS:
    void finished(const gatehouse::proxy::TunnelResult &result);

private:
    struct Direction
    {
        Stream *from = nullptr;
        Stream *to = nullptr;
        quint64 bytes = 0;
        bool eof = false;  // the source finished sending
        bool done = false;  // ... and the destination's write side is shut
    };

    void streamData(Stream &stream, QByteArrayView data) override;
    void streamEof(Stream &stream) override;
    void streamError(Stream &stream, const StreamError &error) override;
    void streamDrained(Stream &stream) override;
    void streamWriteShut(Stream &stream) override;

    Direction &readingFrom(Stream &stream) { return &stream == m_client.get() ? m_toUpstream : m_toClient; }
    Direction &writingTo(Stream &stream) { return &stream == m_client.get() ? m_toClient : m_toUpstream; }
    void touch();
    void checkIdle();
    void finish(TunnelResult::End end, const QString &reason);

    std::unique_ptr<Stream> m_client;
    std::unique_ptr<Stream> m_upstream;
    TunnelOptions m_options;
    Direction m_toUpstream;
    Direction m_toClient;
    QTimer m_idleTimer;
    QElapsedTimer m_started;
    qint64 m_lastActivityMs = 0;
    qsizetype m_peakBuffered = 0;
    bool m_finished = false;
};

}  // namespace gatehouse::proxy
