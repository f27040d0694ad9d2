#include "proxy/TcpTunnel.h"

#include "proxy/StreamLogging.h"

namespace gatehouse::proxy {

TcpTunnel::TcpTunnel(std::unique_ptr<Stream> client, std::unique_ptr<Stream> upstream, const TunnelOptions &options,
                     QObject *parent)
    : QObject(parent), m_client(std::move(client)), m_upstream(std::move(upstream)), m_options(options)
{
    m_toUpstream.from = m_client.get();
    m_toUpstream.to = m_upstream.get();
    m_toClient.from = m_upstream.get();
    m_toClient.to = m_client.get();
    for (Stream *stream : { m_client.get(), m_upstream.get() }) {
        stream->setListener(this);
        stream->setHighWaterMark(m_options.highWaterMark);
    }
    // Idle is checked on a coarse timer against a timestamp taken per chunk:
    // restarting a QTimer for every chunk would cost more than the check.
    connect(&m_idleTimer, &QTimer::timeout, this, &TcpTunnel::checkIdle);
}

TcpTunnel::~TcpTunnel()
{
    for (Stream *stream : { m_client.get(), m_upstream.get() })
        stream->setListener(nullptr);
}

void TcpTunnel::start()
{
    m_started.start();
    m_lastActivityMs = 0;
    if (m_options.idleTimeout.count() > 0)
        m_idleTimer.start(int(qBound(qint64(10), qint64(m_options.idleTimeout.count() / 4), qint64(1000))));
    m_client->start();
    m_upstream->start();
}

void TcpTunnel::abort(const QString &reason)
{
    finish(TunnelResult::End::Aborted, reason);
}

void TcpTunnel::touch()
{
    if (m_options.idleTimeout.count() > 0)
        m_lastActivityMs = m_started.elapsed();
}

void TcpTunnel::checkIdle()
{
    if (m_started.elapsed() - m_lastActivityMs >= m_options.idleTimeout.count())
        finish(TunnelResult::End::IdleTimeout, QStringLiteral("no data for %1 ms").arg(m_options.idleTimeout.count()));
}

void TcpTunnel::streamData(Stream &stream, QByteArrayView data)
{
    Direction &direction = readingFrom(stream);
    direction.to->write(data);
    direction.bytes += quint64(data.size());
    touch();
    const qsizetype buffered = m_client->bufferedBytes() + m_upstream->bufferedBytes();
    m_peakBuffered = qMax(m_peakBuffered, buffered);
    if (direction.to->isOverHighWaterMark())
        stream.pauseReading();
}

void TcpTunnel::streamDrained(Stream &stream)
{
    Direction &direction = writingTo(stream);
    if (!direction.eof)
        direction.from->resumeReading();
}

void TcpTunnel::streamEof(Stream &stream)
{
    Direction &direction = readingFrom(stream);
    direction.eof = true;
    touch();
    direction.to->shutdownWrite();
}

void TcpTunnel::streamWriteShut(Stream &stream)
{
    Direction &direction = writingTo(stream);
    direction.done = true;
    if (m_toUpstream.done && m_toClient.done)
        finish(TunnelResult::End::Completed, QStringLiteral("both sides finished"));
}

void TcpTunnel::streamError(Stream &stream, const StreamError &error)
{
    const bool client = &stream == m_client.get();
    finish(client ? TunnelResult::End::ClientError : TunnelResult::End::UpstreamError,
           (client ? QStringLiteral("client: ") : QStringLiteral("upstream: ")) + error.message);
}

void TcpTunnel::finish(TunnelResult::End end, const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_idleTimer.stop();
    m_client->close();
    m_upstream->close();
    TunnelResult result;
    result.end = end;
    result.reason = reason;
    result.clientToUpstream = m_toUpstream.bytes;
    result.upstreamToClient = m_toClient.bytes;
    result.durationMs = m_started.isValid() ? m_started.elapsed() : 0;
    qCDebug(lcStream) << "tunnel finished:" << reason << result.clientToUpstream << "bytes up,"
                      << result.upstreamToClient << "bytes down";
    Q_EMIT finished(result);  // last: the receiver may delete us
}

}  // namespace gatehouse::proxy
