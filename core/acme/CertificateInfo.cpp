#include "acme/CertificateInfo.h"

#include "proxy/TlsError.h"

#include <QCoreApplication>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace gatehouse::acme {

namespace {

using InfoResult = Result<CertificateInfo, QString>;

QByteArray base64UrlNoPadding(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QDateTime toDateTime(const ASN1_TIME *time)
{
    std::tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

QString asn1ToString(const ASN1_STRING *value)
{
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QString issuerName(const X509 *cert)
{
    const X509_NAME *issuer = X509_get_issuer_name(cert);
    const int index = X509_NAME_get_index_by_NID(issuer, NID_commonName, -1);
    if (index >= 0)
        return asn1ToString(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(issuer, index)));
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    X509_NAME_print_ex(bio.get(), issuer, 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(size));
}

// The content octets of the serial's DER INTEGER (two's complement, so a
// leading 0x00 when the high bit is set), as RFC 9773 section 4.1 uses them.
QByteArray serialDerContent(const ASN1_INTEGER *serial)
{
    unsigned char *der = nullptr;
    const int length = i2d_ASN1_INTEGER(serial, &der);
    if (length < 2)
        return {};
    const QByteArray encoded(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    // Tag 0x02, then the length: short form, or 0x8N followed by N length octets.
    const auto first = static_cast<unsigned char>(encoded[1]);
    const qsizetype header = first < 0x80 ? 2 : 2 + (first & 0x7f);
    return header < encoded.size() ? encoded.sliced(header) : QByteArray();
}

}  // namespace

Result<CertificateInfo, QString> CertificateInfo::parse(const QByteArray &pemChain)
{
    if (pemChain.trimmed().isEmpty())
        return InfoResult::failure(
            QCoreApplication::translate("gatehouse::acme::CertificateInfo", "the certificate chain is empty"));
    ERR_clear_error();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pemChain.constData(), int(pemChain.size())),
                                                  BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr),
                                                     X509_free);
    if (!cert)
        //: %1 is OpenSSL's error text
        return InfoResult::failure(QCoreApplication::translate("gatehouse::acme::CertificateInfo",
                                                               "no PEM certificate at the start of the chain: %1")
                                       .arg(proxy::TlsError::takeOpenSslErrors()));

    CertificateInfo info;
    auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr));
    if (names) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
            if (name->type == GEN_DNS)
                info.domains << asn1ToString(name->d.dNSName).toLower();
        }
        GENERAL_NAMES_free(names);
    }

    info.notBefore = toDateTime(X509_get0_notBefore(cert.get()));
    info.notAfter = toDateTime(X509_get0_notAfter(cert.get()));
    if (!info.notBefore.isValid() || !info.notAfter.isValid())
        return InfoResult::failure(QCoreApplication::translate("gatehouse::acme::CertificateInfo",
                                                               "the certificate's validity dates cannot be read"));

    const ASN1_INTEGER *serial = X509_get0_serialNumber(cert.get());
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serialNumber(ASN1_INTEGER_to_BN(serial, nullptr), BN_free);
    if (!serialNumber)
        return InfoResult::failure(QCoreApplication::translate("gatehouse::acme::CertificateInfo",
                                                               "the certificate's serial number cannot be read"));
    char *hex = BN_bn2hex(serialNumber.get());
    info.serial = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);

    info.issuer = issuerName(cert.get());

    const ASN1_OCTET_STRING *keyId = X509_get0_authority_key_id(cert.get());
    const QByteArray serialContent = serialDerContent(serial);
    if (keyId && ASN1_STRING_length(keyId) > 0 && !serialContent.isEmpty()) {
        const QByteArray keyIdBytes(reinterpret_cast<const char *>(ASN1_STRING_get0_data(keyId)),
                                    ASN1_STRING_length(keyId));
        info.ariCertId = QString::fromLatin1(base64UrlNoPadding(keyIdBytes) + '.' + base64UrlNoPadding(serialContent));
    }
    return info;
}

}  // namespace gatehouse::acme
