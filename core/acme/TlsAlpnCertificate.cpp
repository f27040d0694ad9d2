#include "acme/TlsAlpnCertificate.h"

#include "proxy/TlsError.h"

#include <QCryptographicHash>
#include <QUrl>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace gatehouse::acme {

namespace {

using PemResult = Result<PemPair, QString>;

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
template<typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, Deleter<T, Free>>;

PemResult failure(const char *step)
{
    return PemResult::failure(QStringLiteral("tls-alpn-01 certificate: %1 failed: %2")
                                  .arg(QLatin1String(step), proxy::TlsError::takeOpenSslErrors()));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

}  // namespace

Result<PemPair, QString> makeTlsAlpnCertificate(const QString &domain, const QByteArray &keyAuthorization)
{
    if (domain.isEmpty())
        return PemResult::failure(QStringLiteral("tls-alpn-01 certificate: the domain is empty"));
    if (domain.startsWith(QLatin1Char('*')))
        return PemResult::failure(QStringLiteral("tls-alpn-01 certificate: %1 is a wildcard, which tls-alpn-01 cannot "
                                                 "validate (RFC 8737 section 3)")
                                      .arg(domain));
    if (keyAuthorization.isEmpty())
        return PemResult::failure(
            QStringLiteral("tls-alpn-01 certificate for %1: the key authorization is empty").arg(domain));
    // The name the CA sends as SNI and compares with subjectAltName: the ASCII (A-label) form.
    const QByteArray name = QUrl::toAce(domain.toLower());
    if (name.isEmpty())
        return PemResult::failure(QStringLiteral("tls-alpn-01 certificate: %1 is not a valid domain name").arg(domain));

    ERR_clear_error();
    Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"));
    if (!key)
        return failure("generating the P-256 key");
    Owned<X509, X509_free> cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return failure("X509_new");

    Owned<BIGNUM, BN_free> serialNumber(BN_new());
    if (!serialNumber || BN_rand(serialNumber.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serialNumber.get(), X509_get_serialNumber(cert.get())))
        return failure("choosing a serial number");
    // The CA validates at once; an hour of slack either side absorbs clock skew.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), 7 * 24 * 3600))
        return failure("setting the validity");

    X509_NAME *subject = X509_get_subject_name(cert.get());
    // A CN holds at most 64 characters; the subjectAltName is what counts anyway.
    if (name.size() <= 64
        && X509_NAME_add_entry_by_NID(subject, NID_commonName, MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char *>(name.constData()), int(name.size()), -1,
                                      0)
            != 1)
        return failure("setting the subject");
    if (X509_set_issuer_name(cert.get(), subject) != 1 || X509_set_pubkey(cert.get(), key.get()) != 1)
        return failure("setting issuer and public key");

    // subjectAltName: exactly the one dNSName being validated.
    Owned<GENERAL_NAMES, GENERAL_NAMES_free> names(GENERAL_NAMES_new());
    GENERAL_NAME *dns = GENERAL_NAME_new();
    ASN1_IA5STRING *dnsValue = ASN1_IA5STRING_new();
    if (!names || !dns || !dnsValue || ASN1_STRING_set(dnsValue, name.constData(), int(name.size())) != 1) {
        GENERAL_NAME_free(dns);
        ASN1_IA5STRING_free(dnsValue);
        return failure("building the subjectAltName");
    }
    GENERAL_NAME_set0_value(dns, GEN_DNS, dnsValue);
    if (sk_GENERAL_NAME_push(names.get(), dns) <= 0) {
        GENERAL_NAME_free(dns);
        return failure("building the subjectAltName");
    }
    if (X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1)
        return failure("adding the subjectAltName");

    // acmeIdentifier: critical; extnValue holds `Authorization ::= OCTET STRING (SIZE (32))`,
    // the SHA-256 digest of the key authorization, DER-encoded.
    const QByteArray digest = QCryptographicHash::hash(keyAuthorization, QCryptographicHash::Sha256);
    Owned<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free> inner(ASN1_OCTET_STRING_new());
    if (!inner
        || ASN1_OCTET_STRING_set(inner.get(), reinterpret_cast<const unsigned char *>(digest.constData()),
                                 int(digest.size()))
            != 1)
        return failure("encoding the key authorization digest");
    unsigned char *der = nullptr;
    const int derLength = i2d_ASN1_OCTET_STRING(inner.get(), &der);
    if (derLength <= 0)
        return failure("encoding the key authorization digest");
    Owned<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free> extensionValue(ASN1_OCTET_STRING_new());
    const bool valueSet = extensionValue && ASN1_OCTET_STRING_set(extensionValue.get(), der, derLength) == 1;
    OPENSSL_free(der);
    if (!valueSet)
        return failure("encoding the acmeIdentifier extension");
    Owned<ASN1_OBJECT, ASN1_OBJECT_free> oid(OBJ_txt2obj(kAcmeIdentifierOid, 1));
    if (!oid)
        return failure("OBJ_txt2obj(acmeIdentifier)");
    Owned<X509_EXTENSION, X509_EXTENSION_free> extension(
        X509_EXTENSION_create_by_OBJ(nullptr, oid.get(), 1, extensionValue.get()));
    if (!extension || X509_add_ext(cert.get(), extension.get(), -1) != 1)
        return failure("adding the acmeIdentifier extension");

    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return failure("signing");

    Owned<BIO, BIO_free_all> certBio(BIO_new(BIO_s_mem()));
    Owned<BIO, BIO_free_all> keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return failure("writing PEM");
    return PemPair { bioBytes(certBio.get()), bioBytes(keyBio.get()) };
}

}  // namespace gatehouse::acme
