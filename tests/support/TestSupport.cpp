#include "TestSupport.h"

#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/ssl.h>

#include <cstring>
#include <memory>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

namespace gatehouse::test {

QString sourcePath(const QString &relative)
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR) + u'/' + relative;
}

QString binaryPath(const QString &program)
{
    return QStringLiteral(GATEHOUSE_BINARY_DIR) + QStringLiteral("/bin/") + program;
}

quint16 freePort()
{
    return freePorts(1).first();
}

QList<quint16> freePorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        servers.push_back(std::make_unique<QTcpServer>());
        if (!servers.back()->listen(QHostAddress::LocalHost, 0))
            qFatal("cannot find free ports");
        ports.append(servers.back()->serverPort());
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
