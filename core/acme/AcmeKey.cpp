#include "acme/AcmeKey.h"

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace gatehouse::acme {

namespace {

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using BnPtr = std::unique_ptr<BIGNUM, decltype(&BN_free)>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)>;

constexpr int kP256CoordinateBytes = 32;

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

// A BIGNUM parameter of the key, big-endian; padded to `width` bytes when width > 0.
QByteArray bnParam(EVP_PKEY *key, const char *name, int width = 0)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    BnPtr bn(raw, BN_free);
    QByteArray out(width > 0 ? width : BN_num_bytes(bn.get()), Qt::Uninitialized);
    if (width > 0)
        BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char *>(out.data()), width);
    else
        BN_bn2bin(bn.get(), reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

}  // namespace

QString openSslErrors()
{
    QStringList lines;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof(buffer));
        lines.append(QString::fromLatin1(buffer));
    }
    return lines.isEmpty() ? QCoreApplication::translate("gatehouse::acme::PrivateKey", "no OpenSSL error detail")
                           : lines.join(QStringLiteral("; "));
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(QByteArrayView text)
{
    auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

QByteArray jwkThumbprint(const QJsonObject &jwk)
{
    // RFC 7638 §3.2: only the required members, sorted, no whitespace. Their values
    // are base64url or fixed names, so no JSON escaping can arise.
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    const auto member = [&jwk](const char *name) -> QByteArray {
        return '"' + QByteArray(name) + "\":\"" + jwk.value(QLatin1String(name)).toString().toUtf8() + '"';
    };
    QByteArray canonical;
    if (kty == QLatin1String("EC"))
        canonical = '{' + member("crv") + ',' + member("kty") + ',' + member("x") + ',' + member("y") + '}';
    else if (kty == QLatin1String("RSA"))
        canonical = '{' + member("e") + ',' + member("kty") + ',' + member("n") + '}';
    else
        return {};
    return base64Url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256));
}

Result<PrivateKey, QString> PrivateKey::generate(KeyType type)
{
    const bool ec = type == KeyType::EcdsaP256;
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, ec ? "EC" : "RSA", nullptr), EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1)
        return Result<PrivateKey, QString>::failure(
            QCoreApplication::translate("gatehouse::acme::PrivateKey", "cannot set up key generation: %1")
                .arg(openSslErrors()));
    const int configured
        = ec ? EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") : EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), 2048);
    EVP_PKEY *raw = nullptr;
    if (configured != 1 || EVP_PKEY_generate(ctx.get(), &raw) != 1)
        return Result<PrivateKey, QString>::failure(
            QCoreApplication::translate("gatehouse::acme::PrivateKey", "cannot generate a key: %1")
                .arg(openSslErrors()));
    PrivateKey key;
    key.m_key = adopt(raw);
    key.m_type = type;
    return key;
}

Result<PrivateKey, QString> PrivateKey::fromPem(const QByteArray &pem)
{
    using R = Result<PrivateKey, QString>;
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    EVP_PKEY *raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!raw)
        return R::failure(QCoreApplication::translate("gatehouse::acme::PrivateKey", "not a PEM private key: %1")
                              .arg(openSslErrors()));
    PrivateKey key;
    key.m_key = adopt(raw);
    if (EVP_PKEY_is_a(raw, "EC")) {
        char group[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_utf8_string_param(raw, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group), &length) != 1
            || (qstrcmp(group, "prime256v1") != 0 && qstrcmp(group, "P-256") != 0))
            return R::failure(QCoreApplication::translate("gatehouse::acme::PrivateKey",
                                                          "EC key on curve %1; only P-256 is supported")
                                  .arg(QString::fromLatin1(group)));
        key.m_type = KeyType::EcdsaP256;
    } else if (EVP_PKEY_is_a(raw, "RSA")) {
        if (EVP_PKEY_get_bits(raw) < 2048)
            return R::failure(QCoreApplication::translate("gatehouse::acme::PrivateKey",
                                                          "RSA key of %1 bits; at least 2048 are needed")
                                  .arg(EVP_PKEY_get_bits(raw)));
        key.m_type = KeyType::Rsa2048;
    } else {
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::PrivateKey", "key type %1 is not supported (EC P-256 or RSA)")
                .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(raw))));
    }
    return key;
}

QByteArray PrivateKey::toPem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()), BIO_free);
    if (PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioContents(bio.get());
}

QJsonObject PrivateKey::jwk() const
{
    if (!m_key)
        return {};
    if (m_type == KeyType::EcdsaP256) {
        return QJsonObject {
            { QStringLiteral("kty"), QStringLiteral("EC") },
            { QStringLiteral("crv"), QStringLiteral("P-256") },
            { QStringLiteral("x"),
              QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_X, kP256CoordinateBytes))) },
            { QStringLiteral("y"),
              QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, kP256CoordinateBytes))) },
        };
    }
    return QJsonObject {
        { QStringLiteral("kty"), QStringLiteral("RSA") },
        { QStringLiteral("n"), QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N))) },
        { QStringLiteral("e"), QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E))) },
    };
}

QByteArray PrivateKey::thumbprint() const
{
    return jwkThumbprint(jwk());
}

QString PrivateKey::jwsAlgorithm() const
{
    return m_type == KeyType::EcdsaP256 ? QStringLiteral("ES256") : QStringLiteral("RS256");
}

Result<QByteArray, QString> PrivateKey::sign(const QByteArray &data) const
{
    using R = Result<QByteArray, QString>;
    if (!m_key)
        return R::failure(QCoreApplication::translate("gatehouse::acme::PrivateKey", "no key to sign with"));
    MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t length = 0;
    const auto *input = reinterpret_cast<const unsigned char *>(data.constData());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, input, size_t(data.size())) != 1)
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::PrivateKey", "cannot sign: %1").arg(openSslErrors()));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, input,
                       size_t(data.size()))
        != 1)
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::PrivateKey", "cannot sign: %1").arg(openSslErrors()));
    signature.truncate(qsizetype(length));
    if (m_type != KeyType::EcdsaP256)
        return signature;

    // OpenSSL gives ECDSA-Sig-Value (DER); JWS ES256 wants r and s as two 32-byte
    // big-endian integers (RFC 7518 §3.4).
    const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &der, long(signature.size())), ECDSA_SIG_free);
    if (!sig)
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::PrivateKey", "cannot decode the ECDSA signature: %1")
                .arg(openSslErrors()));
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(2 * kP256CoordinateBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, kP256CoordinateBytes) != kP256CoordinateBytes
        || BN_bn2binpad(s, out + kP256CoordinateBytes, kP256CoordinateBytes) != kP256CoordinateBytes)
        return R::failure(QCoreApplication::translate("gatehouse::acme::PrivateKey", "ECDSA signature out of range"));
    return raw;
}

}  // namespace gatehouse::acme
