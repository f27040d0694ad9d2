#include "proxy/TlsClientContext.h"

#include "proxy/StreamLogging.h"

#include <QFile>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace gatehouse::proxy {

Result<TlsClientContext::Ptr, TlsError> TlsClientContext::create(const TlsClientOptions &options)
{
    auto fail = [](TlsError::Code code, const QString &message) {
        return Result<Ptr, TlsError>::failure(TlsError { code, message });
    };
    ERR_clear_error();
    std::shared_ptr<TlsClientContext> context(new TlsClientContext);
    context->m_options = options;
    context->m_ctx.reset(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
    SSL_CTX *ctx = context->m_ctx.get();
    if (!ctx)
        return fail(TlsError::Code::Context, QStringLiteral("SSL_CTX_new: ") + TlsError::takeOpenSslErrors());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_IGNORE_UNEXPECTED_EOF);
    SSL_CTX_set_mode(ctx,
                     SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    if (options.verify) {
        if (SSL_CTX_set_default_verify_paths(ctx) != 1)
            qCWarning(lcStream) << "TLS client: system roots not loaded:" << TlsError::takeOpenSslErrors();
        if (!options.caFile.isEmpty()) {
            if (!QFile::exists(options.caFile))
                return fail(TlsError::Code::CaFile, QStringLiteral("CA file %1 does not exist").arg(options.caFile));
            if (SSL_CTX_load_verify_locations(ctx, QFile::encodeName(options.caFile).constData(), nullptr) != 1)
                return fail(TlsError::Code::CaFile,
                            QStringLiteral("CA file %1 could not be loaded: %2")
                                .arg(options.caFile, TlsError::takeOpenSslErrors()));
        }
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    }
    if (!options.alpn.isEmpty()) {
        QByteArray wire;
        for (const QByteArray &protocol : options.alpn)
            wire += char(protocol.size()) + protocol;
        SSL_CTX_set_alpn_protos(ctx, reinterpret_cast<const unsigned char *>(wire.constData()), unsigned(wire.size()));
    }
    return Ptr(std::move(context));
}

SSL *TlsClientContext::newSsl(const QString &serverName) const
{
    SSL *ssl = SSL_new(m_ctx.get());
    if (!ssl)
        return nullptr;
    const QByteArray name = serverName.toLower().toLatin1();
    const bool isAddress = !QHostAddress(serverName).isNull();
    if (!name.isEmpty() && !isAddress)
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char *>(name.constData()));
    if (m_options.verify) {
        X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        if (isAddress)
            X509_VERIFY_PARAM_set1_ip_asc(param, name.constData());
        else
            X509_VERIFY_PARAM_set1_host(param, name.constData(), size_t(name.size()));
    } else {
        qCWarning(lcStream) << "TLS client: certificate of" << serverName
                            << "is NOT verified (verification disabled for this target)";
    }
    return ssl;
}

}  // namespace gatehouse::proxy
