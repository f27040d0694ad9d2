#pragma once

// Test peers for the byte-moving layer: a listener that hands out raw accepted
// sockets, a Stream listener that records what arrives, and throwaway
// certificates made with the openssl CLI.

#include "proxy/SocketOps.h"
#include "proxy/Stream.h"

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace gatehouse::test {

// Accepts on 127.0.0.1 and queues the native descriptors, non-blocking, as the
// PortManager would hand them to the proxy.
class FdServer : public QTcpServer
{
public:
    FdServer() { listen(QHostAddress::LocalHost, 0); }
    ~FdServer() override
    {
        for (const qintptr fd : std::as_const(accepted))
            proxy::socketops::close(fd);
    }
    qintptr take() { return accepted.isEmpty() ? -1 : accepted.takeFirst(); }
    QList<qintptr> accepted;

protected:
    void incomingConnection(qintptr fd) override
    {
        proxy::socketops::setNonBlocking(fd);
        accepted.append(fd);
    }
};

// Records everything a Stream reports.
class Recorder : public proxy::StreamListener
{
public:
    QByteArray data;
    quint64 received = 0;
    bool keepData = true;
    bool eof = false;
    bool secured = false;
    bool writeShut = false;
    int drained = 0;
    QList<proxy::StreamError> errors;
    std::function<void(proxy::Stream &, QByteArrayView)> onData;

    void streamData(proxy::Stream &stream, QByteArrayView bytes) override
    {
        received += quint64(bytes.size());
        if (keepData)
            data.append(bytes);
        if (onData)
            onData(stream, bytes);
    }
    void streamEof(proxy::Stream &) override { eof = true; }
    void streamError(proxy::Stream &, const proxy::StreamError &error) override { errors.append(error); }
    void streamSecured(proxy::Stream &) override { secured = true; }
    void streamDrained(proxy::Stream &) override { ++drained; }
    void streamWriteShut(proxy::Stream &) override { writeShut = true; }
};

// A connected pair of TCP sockets on loopback: {accepted side, connecting side}.
inline std::pair<qintptr, qintptr> tcpPair(FdServer &server)
{
    auto started = proxy::socketops::startConnect(QHostAddress::LocalHost, server.serverPort());
    if (!started)
        return { -1, -1 };
    if (!QTest::qWaitFor([&] { return !server.accepted.isEmpty(); }, 5000))
        return { -1, -1 };
    return { server.take(), started.value() };
}

inline bool runOpenssl(const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000))
        return false;
    const QByteArray out = process.readAll();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("openssl %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))), out.constData());
        return false;
    }
    return true;
}

// A self-signed EC certificate for `names` (the first is the CN): dir/<base>.pem and dir/<base>.key.
inline bool makeSelfSigned(const QTemporaryDir &dir, const QString &base, const QStringList &names)
{
    QStringList san;
    for (const QString &name : names)
        san << QStringLiteral("DNS:") + name;
    return runOpenssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                        QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-keyout"), dir.filePath(base + QStringLiteral(".key")), QStringLiteral("-out"),
                        dir.filePath(base + QStringLiteral(".pem")), QStringLiteral("-subj"),
                        QStringLiteral("/CN=") + names.first(), QStringLiteral("-addext"),
                        QStringLiteral("subjectAltName=") + san.join(QLatin1Char(',')) });
}

// A CA (dir/ca.pem, dir/ca.key) and a server certificate it signed for `name` (dir/<base>.pem/.key).
inline bool makeCaSigned(const QTemporaryDir &dir, const QString &base, const QString &name)
{
    const auto path = [&](const QString &file) { return dir.filePath(file); };
    if (!QFile::exists(path(QStringLiteral("ca.pem")))
        && !runOpenssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"),
                         path(QStringLiteral("ca.key")), QStringLiteral("-out"), path(QStringLiteral("ca.pem")),
                         QStringLiteral("-subj"), QStringLiteral("/CN=Gatehouse Test CA"), QStringLiteral("-addext"),
                         QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                         QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") }))
        return false;
    QFile ext(path(base + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=DNS:" + name.toLatin1() + "\nbasicConstraints=CA:FALSE\n");
    ext.close();
    return runOpenssl({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(base + QStringLiteral(".key")),
                        QStringLiteral("-out"), path(base + QStringLiteral(".csr")), QStringLiteral("-subj"),
                        QStringLiteral("/CN=") + name })
        && runOpenssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        path(base + QStringLiteral(".csr")), QStringLiteral("-CA"), path(QStringLiteral("ca.pem")),
                        QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                        path(base + QStringLiteral(".ext")), QStringLiteral("-out"),
                        path(base + QStringLiteral(".pem")) });
}

}  // namespace gatehouse::test
