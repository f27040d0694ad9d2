#include "TestSupport.h"

#include <QTcpServer>

#include <openssl/bio.h>
#include <openssl/ssl.h>

#include <memory>
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

}  // namespace gatehouse::test
