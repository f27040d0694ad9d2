#include "TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace gatehouse::test {

QString sourcePath(const QString &relative)
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR) + u'/' + relative;
}

QString binaryPath(const QString &program)
{
    return QStringLiteral(GATEHOUSE_BINARY_DIR) + QStringLiteral("/bin/") + program;
}

namespace {

// [first, last] of the ports tests may pick: below the ephemeral range
// (net.ipv4.ip_local_port_range), above the well-known and common service ports.
std::pair<int, int> testPortRange()
{
    int ephemeralLow = 32768;
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const int low = QString::fromLatin1(range.readAll()).simplified().section(u' ', 0, 0).toInt(&ok);
        if (ok)
            ephemeralLow = low;
    }
    constexpr int first = 10000;
    return { first, std::max(first + 1000, ephemeralLow - 1) };
}

bool canListen(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

}  // namespace

quint16 freePort()
{
    return freePorts(1).first();
}

QList<quint16> freePorts(int count)
{
    static const std::pair<int, int> range = testPortRange();
    static const int span = range.second - range.first + 1;
    // Each test process starts at its own place, so two running side by side
    // rarely walk the same ports at the same time.
    static int next = int((quint64(QCoreApplication::applicationPid()) * 7919u) % quint64(span));
    static int tried = 0;
    QList<quint16> ports;
    while (ports.size() < count) {
        if (++tried > span)
            qFatal("no free test ports left in %d-%d", range.first, range.second);
        const auto port = quint16(range.first + next);
        next = (next + 1) % span;
        if (canListen(port))
            ports.append(port);
    }
    return ports;
}

QByteArray opensslClientHello(const char *serverName, const QList<QByteArray> &alpn, int maxVersion)
{
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
    if (maxVersion != 0)
        SSL_CTX_set_max_proto_version(ctx.get(), maxVersion);
    std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(ctx.get()), SSL_free);
    BIO *in = BIO_new(BIO_s_mem());
    BIO *out = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl.get(), in, out);
    if (serverName)
        SSL_ctrl(ssl.get(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char *>(serverName));
    if (!alpn.isEmpty()) {
        QByteArray wire;
        for (const QByteArray &p : alpn)
            wire += char(p.size()) + p;
        SSL_set_alpn_protos(ssl.get(), reinterpret_cast<const unsigned char *>(wire.constData()),
                            unsigned(wire.size()));
    }
    SSL_connect(ssl.get());  // wants the ServerHello; the ClientHello is written by then
    char *data = nullptr;
    const long size = BIO_get_mem_data(out, &data);
    return QByteArray(data, size);
}

std::unique_ptr<QProcess> startGatehoused(const QStringList &arguments, const QString &notifySocket, int timeoutMs)
{
    const QByteArray notifyPath = notifySocket.toUtf8();
    sockaddr_un address = {};
    if (size_t(notifyPath.size()) >= sizeof(address.sun_path))
        return nullptr;
    const int notifyFd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (notifyFd < 0)
        return nullptr;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, notifyPath.constData(), size_t(notifyPath.size()));
    if (::bind(notifyFd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        ::close(notifyFd);
        return nullptr;
    }
    QByteArray notifications;
    QSocketNotifier notifier(notifyFd, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&notifications, notifyFd] {
        char buffer[512];
        ssize_t n = 0;
        while ((n = ::recv(notifyFd, buffer, sizeof(buffer), 0)) > 0)
            notifications += QByteArray(buffer, int(n)) + '\n';
    });

    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NOTIFY_SOCKET"), notifySocket);
    process->setProcessEnvironment(environment);
    process->start(binaryPath(QStringLiteral("gatehoused")), arguments);
    const bool ready = QTest::qWaitFor(
        [&] { return notifications.contains("READY=1") || process->state() == QProcess::NotRunning; }, timeoutMs);
    notifier.setEnabled(false);
    ::close(notifyFd);
    ::unlink(notifyPath.constData());
    if (!ready || !notifications.contains("READY=1")) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
        return nullptr;
    }
    return process;
}

}  // namespace gatehouse::test
