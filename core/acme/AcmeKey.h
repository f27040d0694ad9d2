#pragma once

#include "Result.h"
#include "acme/AcmeTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

using EVP_PKEY = struct evp_pkey_st;

namespace gatehouse::acme {

// RFC 4648 §5 base64url without padding, as JOSE and ACME use it.
QByteArray base64Url(const QByteArray &bytes);
// The inverse; std::nullopt when `text` is not base64url.
std::optional<QByteArray> fromBase64Url(QByteArrayView text);

// RFC 7638 thumbprint of a public JWK: base64url(SHA-256(canonical JSON of the
// required members in lexicographic order)). Empty for a JWK of unknown kty.
QByteArray jwkThumbprint(const QJsonObject &jwk);

// A private key for ACME: the account key (always P-256) and certificate keys
// (P-256 or RSA 2048). Cheap to copy (the OpenSSL key is shared, never mutated).
class PrivateKey
{
public:
    PrivateKey() = default;

    static Result<PrivateKey, QString> generate(KeyType type);
    static Result<PrivateKey, QString> fromPem(const QByteArray &pem);
    QByteArray toPem() const;  // PKCS#8 PEM
    bool isNull() const { return !m_key; }
    KeyType type() const { return m_type; }

    QJsonObject jwk() const;  // public JWK
    QByteArray thumbprint() const;  // base64url(SHA-256(RFC 7638 canonical JWK))
    QString jwsAlgorithm() const;  // "ES256" / "RS256"

    // JWS signature of `data` for jwsAlgorithm(): raw r||s (64 bytes) for ES256,
    // PKCS#1 v1.5 for RS256.
    Result<QByteArray, QString> sign(const QByteArray &data) const;

    EVP_PKEY *native() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
    KeyType m_type = KeyType::EcdsaP256;
};

// The last OpenSSL error queue entries as one line (and the queue cleared).
QString openSslErrors();

}  // namespace gatehouse::acme
