#include "proxy/TlsContextStore.h"

#include "proxy/StreamLogging.h"
#include "proxy/TlsSessionCache.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace gatehouse::proxy {

namespace {

// Mozilla "intermediate" (v5.7): TLS 1.2 AEAD suites with forward secrecy; TLS 1.3 defaults.
constexpr char kCiphers12[] = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                              "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                              "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                              "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";
constexpr char kCiphers13[] = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";
constexpr char kGroups[] = "X25519:prime256v1:secp384r1";
constexpr unsigned char kSessionContext[] = "gatehouse";

int storeIndex()
{
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

const TlsContextStore *storeOf(SSL *ssl)
{
    return static_cast<const TlsContextStore *>(SSL_get_ex_data(ssl, storeIndex()));
}

int selectBySni(SSL *ssl, int *alert, void *)
{
    const TlsContextStore *store = storeOf(ssl);
    if (!store)
        return SSL_TLSEXT_ERR_OK;
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    SSL_CTX *ctx = store->contextFor(name ? QString::fromLatin1(name).toLower() : QString());
    if (!ctx) {
        qCInfo(lcStream) << "TLS: no certificate for" << (name ? name : "(no SNI)") << "and no default";
        *alert = SSL_AD_UNRECOGNIZED_NAME;
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    if (ctx != SSL_get_SSL_CTX(ssl))
        SSL_set_SSL_CTX(ssl, ctx);
    return SSL_TLSEXT_ERR_OK;
}

int selectAlpn(SSL *ssl, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
               unsigned int inLength, void *)
{
    const TlsContextStore *store = storeOf(ssl);
    const QByteArray ours = store ? store->alpnWire() : QByteArray("\x08http/1.1");
    // Our list first: the server's preference decides.
    if (SSL_select_next_proto(const_cast<unsigned char **>(out), outLength,
                              reinterpret_cast<const unsigned char *>(ours.constData()), unsigned(ours.size()), in,
                              inLength)
        == OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_OK;
    return SSL_TLSEXT_ERR_NOACK;
}

int noPassphrase(char *, int, int, void *)
{
    // An encrypted key must fail to load, not prompt on the service's terminal.
    return 0;
}

// The load errors below reach people: a config apply reports them per route
// (gatehousectl, the GUI), and the certificate store and manager pass them on.
// OpenSSL's own error text ends most of them, as it words it.
Result<TlsContextStore::ContextPtr, TlsError> contextFailure(TlsError::Code code, const QString &message)
{
    return Result<TlsContextStore::ContextPtr, TlsError>::failure(TlsError { code, message });
}

Result<TlsContextStore::ContextPtr, TlsError> newServerContext()
{
    ERR_clear_error();
    TlsContextStore::ContextPtr ctx(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    if (!ctx)
        return contextFailure(TlsError::Code::Context, QStringLiteral("SSL_CTX_new: ") + TlsError::takeOpenSslErrors());
    SSL_CTX *c = ctx.get();
    SSL_CTX_set_min_proto_version(c, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(c, TLS1_3_VERSION);
    if (SSL_CTX_set_cipher_list(c, kCiphers12) != 1 || SSL_CTX_set_ciphersuites(c, kCiphers13) != 1
        || SSL_CTX_ctrl(c, SSL_CTRL_SET_GROUPS_LIST, 0, const_cast<char *>(kGroups)) != 1)
        return contextFailure(
            TlsError::Code::Context,
            //: %1 is OpenSSL's error text
            QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "cipher or group list refused: %1")
                .arg(TlsError::takeOpenSslErrors()));
    SSL_CTX_ctrl(c, SSL_CTRL_SET_DH_AUTO, 1, nullptr);
    SSL_CTX_set_options(c, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_IGNORE_UNEXPECTED_EOF);
    // Buffers are released between records: thousands of idle TLS connections stay small.
    SSL_CTX_set_mode(c, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    // Sessions are kept by the service, not sent to the client under a ticket key.
    TlsSessionCache::attach(c);
    SSL_CTX_set_session_id_context(c, kSessionContext, sizeof kSessionContext - 1);
    SSL_CTX_callback_ctrl(c, SSL_CTRL_SET_TLSEXT_SERVERNAME_CB, reinterpret_cast<void (*)()>(&selectBySni));
    SSL_CTX_set_alpn_select_cb(c, &selectAlpn, nullptr);
    return ctx;
}

enum class PemKind { Certificate, Key };

Result<QByteArray, TlsError> readPem(const QString &path, PemKind kind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString message = kind == PemKind::Certificate
            //: %1 is a file path, %2 the system's reason
            ? QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "cannot read certificate file %1: %2")
            //: %1 is a file path, %2 the system's reason
            : QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "cannot read key file %1: %2");
        return Result<QByteArray, TlsError>::failure(
            TlsError { kind == PemKind::Certificate ? TlsError::Code::CertificateFile : TlsError::Code::KeyFile,
                       message.arg(path, file.errorString()) });
    }
    return file.readAll();
}

QStringList dnsNamesOf(X509 *certificate)
{
    QStringList names;
    auto *general = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!general)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(general, i);
        if (name->type == GEN_DNS)
            names << QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.dNSName)),
                                         ASN1_STRING_length(name->d.dNSName))
                         .toLower();
    }
    GENERAL_NAMES_free(general);
    return names;
}

}  // namespace

TlsCertificateSource TlsCertificateSource::fromFiles(const QStringList &domains, const QString &cert,
                                                     const QString &key)
{
    return TlsCertificateSource { domains, cert, key, {}, {} };
}

TlsCertificateSource TlsCertificateSource::fromPem(const QStringList &domains, const QByteArray &cert,
                                                   const QByteArray &key)
{
    return TlsCertificateSource { domains, {}, {}, cert, key };
}

Result<TlsContextStore::ContextPtr, TlsError> TlsContextStore::loadContext(const TlsCertificateSource &certificate)
{
    // What the messages call a certificate or key given as PEM rather than as a file.
    const QString certName = certificate.certFile.isEmpty()
        //: stands for a file name when the certificate was handed over in memory (ACME)
        ? QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "(in-memory certificate)")
        : certificate.certFile;
    const QString keyName = certificate.keyFile.isEmpty()
        //: stands for a file name when the private key was handed over in memory (ACME)
        ? QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "(in-memory key)")
        : certificate.keyFile;
    QByteArray certPem = certificate.certPem;
    QByteArray keyPem = certificate.keyPem;
    if (!certificate.certFile.isEmpty()) {
        auto read = readPem(certificate.certFile, PemKind::Certificate);
        if (!read)
            return Result<ContextPtr, TlsError>::failure(read.error());
        certPem = read.value();
    }
    if (!certificate.keyFile.isEmpty()) {
        auto read = readPem(certificate.keyFile, PemKind::Key);
        if (!read)
            return Result<ContextPtr, TlsError>::failure(read.error());
        keyPem = read.value();
    }

    auto made = newServerContext();
    if (!made)
        return made;
    ContextPtr ctx = made.value();

    ERR_clear_error();
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())),
                                                      BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> leaf(
        PEM_read_bio_X509_AUX(certBio.get(), nullptr, &noPassphrase, nullptr), X509_free);
    if (!leaf)
        return contextFailure(
            TlsError::Code::CertificateFile,
            //: %1 is a certificate file (or "(in-memory certificate)"), %2 OpenSSL's error text
            QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "no PEM certificate in %1: %2")
                .arg(certName, TlsError::takeOpenSslErrors()));
    if (SSL_CTX_use_certificate(ctx.get(), leaf.get()) != 1)
        return contextFailure(
            TlsError::Code::CertificateFile,
            //: %1 is a certificate file (or "(in-memory certificate)"), %2 OpenSSL's error text
            QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "certificate %1 refused: %2")
                .arg(certName, TlsError::takeOpenSslErrors()));
    while (X509 *chain = PEM_read_bio_X509(certBio.get(), nullptr, &noPassphrase, nullptr)) {
        // set0: the context takes ownership.
        if (SSL_CTX_ctrl(ctx.get(), SSL_CTRL_CHAIN_CERT, 0, chain) != 1) {
            X509_free(chain);
            return contextFailure(
                TlsError::Code::CertificateFile,
                //: %1 is a certificate file (or "(in-memory certificate)"), %2 OpenSSL's error text
                QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "chain certificate in %1 refused: %2")
                    .arg(certName, TlsError::takeOpenSslErrors()));
        }
    }
    ERR_clear_error();  // the end of the chain reads as "no start line"

    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, &noPassphrase, nullptr), EVP_PKEY_free);
    if (!key)
        return contextFailure(
            TlsError::Code::KeyFile,
            //: %1 is a key file (or "(in-memory key)"), %2 OpenSSL's error text
            QCoreApplication::translate("gatehouse::proxy::TlsContextStore",
                                        "no usable PEM private key in %1 (an encrypted key is not supported): %2")
                .arg(keyName, TlsError::takeOpenSslErrors()));
    if (SSL_CTX_use_PrivateKey(ctx.get(), key.get()) != 1 || SSL_CTX_check_private_key(ctx.get()) != 1)
        return contextFailure(
            TlsError::Code::KeyMismatch,
            //: %1 is a key file, %2 a certificate file (either may be "(in-memory ...)"), %3 OpenSSL's error text
            QCoreApplication::translate("gatehouse::proxy::TlsContextStore", "key %1 does not match certificate %2: %3")
                .arg(keyName, certName, TlsError::takeOpenSslErrors()));
    return ctx;
}

Result<TlsContextStore::Ptr, TlsError>
TlsContextStore::build(const QList<TlsCertificateSource> &certificates,
                       const std::optional<TlsCertificateSource> &defaultCertificate)
{
    std::shared_ptr<TlsContextStore> store(new TlsContextStore);
    store->m_alpn = QByteArray("\x08http/1.1");
    for (const TlsCertificateSource &certificate : certificates) {
        auto added = store->add(certificate);
        if (!added)
            return Result<Ptr, TlsError>::failure(added.error());
    }
    if (defaultCertificate) {
        auto loaded = loadContext(*defaultCertificate);
        if (!loaded)
            return Result<Ptr, TlsError>::failure(loaded.error());
        store->m_default = loaded.value();
        store->m_base = store->m_default;
    } else {
        auto base = newServerContext();
        if (!base)
            return Result<Ptr, TlsError>::failure(base.error());
        store->m_base = base.value();
    }
    return Ptr(std::move(store));
}

Result<TlsContextStore::Ptr, TlsError> TlsContextStore::withCertificate(const TlsCertificateSource &certificate) const
{
    std::shared_ptr<TlsContextStore> store(new TlsContextStore(*this));
    auto added = store->add(certificate);
    if (!added)
        return Result<Ptr, TlsError>::failure(added.error());
    return Ptr(std::move(store));
}

Result<TlsContextStore::Ptr, TlsError> TlsContextStore::buildAcmeTlsAlpn(const QByteArray &certPem,
                                                                         const QByteArray &keyPem)
{
    auto loaded = loadContext(TlsCertificateSource::fromPem({}, certPem, keyPem));
    if (!loaded)
        return Result<Ptr, TlsError>::failure(loaded.error());
    std::shared_ptr<TlsContextStore> store(new TlsContextStore);
    store->m_alpn = QByteArray("\x0a"
                               "acme-tls/1");
    store->m_default = loaded.value();
    store->m_base = store->m_default;
    return Ptr(std::move(store));
}

Result<bool, TlsError> TlsContextStore::add(const TlsCertificateSource &certificate)
{
    auto loaded = loadContext(certificate);
    if (!loaded)
        return Result<bool, TlsError>::failure(loaded.error());
    QStringList domains = certificate.domains;
    if (domains.isEmpty())
        domains = dnsNamesOf(SSL_CTX_get0_certificate(loaded.value().get()));
    for (const QString &domain : std::as_const(domains))
        m_byName.insert(domain.toLower(), loaded.value());
    return true;
}

SSL_CTX *TlsContextStore::contextFor(const QString &serverName) const
{
    if (!serverName.isEmpty()) {
        if (auto it = m_byName.constFind(serverName); it != m_byName.cend())
            return it->get();
        // TLS wildcards cover exactly one label: *.example.com matches a.example.com, not a.b.example.com.
        const qsizetype dot = serverName.indexOf(QLatin1Char('.'));
        if (dot > 0) {
            if (auto it = m_byName.constFind(QStringLiteral("*") + QStringView(serverName).mid(dot));
                it != m_byName.cend())
                return it->get();
        }
    }
    return m_default.get();
}

SSL *TlsContextStore::newServerSsl() const
{
    SSL *ssl = SSL_new(m_base.get());
    if (ssl)
        SSL_set_ex_data(ssl, storeIndex(), const_cast<TlsContextStore *>(this));
    return ssl;
}

}  // namespace gatehouse::proxy
