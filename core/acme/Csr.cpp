#include "acme/Csr.h"

#include <QCoreApplication>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace gatehouse::acme {

namespace {

using ReqPtr = std::unique_ptr<X509_REQ, decltype(&X509_REQ_free)>;
using NamePtr = std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)>;

struct GeneralNamesFree
{
    void operator()(GENERAL_NAMES *names) const { GENERAL_NAMES_free(names); }
};
struct ExtensionsFree
{
    void operator()(STACK_OF(X509_EXTENSION) * extensions) const
    {
        sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
    }
};

constexpr int kMaxCommonName = 64;  // RFC 5280 ub-common-name

}  // namespace

Result<QByteArray, QString> makeCsr(const PrivateKey &key, const QStringList &domains)
{
    using R = Result<QByteArray, QString>;
    if (key.isNull())
        return R::failure(QCoreApplication::translate("gatehouse::acme::Csr", "CSR: no key"));
    if (domains.isEmpty())
        return R::failure(QCoreApplication::translate("gatehouse::acme::Csr", "CSR: no domains"));
    for (qsizetype i = 0; i < domains.size(); ++i) {
        const QString &domain = domains.at(i);
        bool ascii = true;
        for (const QChar c : domain)
            ascii = ascii && c.unicode() > 0x20 && c.unicode() < 0x7f;
        if (domain.isEmpty() || !ascii)
            return R::failure(QCoreApplication::translate("gatehouse::acme::Csr",
                                                          "CSR: domains[%1] \"%2\" is not an ASCII host name (empty, "
                                                          "spaces or non-ASCII characters; use the punycode form)")
                                  .arg(i)
                                  .arg(domain));
    }

    ReqPtr req(X509_REQ_new(), X509_REQ_free);
    if (!req || X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1)
        return R::failure(QCoreApplication::translate("gatehouse::acme::Csr", "CSR: %1").arg(openSslErrors()));

    // The CN is informative only (CAs take the names from the SANs); leave it out
    // when the first name does not fit.
    NamePtr subject(X509_NAME_new(), X509_NAME_free);
    const QByteArray commonName = domains.first().toLatin1();
    if (commonName.size() <= kMaxCommonName
        && X509_NAME_add_entry_by_txt(subject.get(), "CN", MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char *>(commonName.constData()),
                                      int(commonName.size()), -1, 0)
            != 1)
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::Csr", "CSR: common name: %1").arg(openSslErrors()));
    if (X509_REQ_set_subject_name(req.get(), subject.get()) != 1 || X509_REQ_set_pubkey(req.get(), key.native()) != 1)
        return R::failure(QCoreApplication::translate("gatehouse::acme::Csr", "CSR: %1").arg(openSslErrors()));

    // subjectAltName built from GENERAL_NAMEs, not a config string, so no name can
    // smuggle in another entry.
    std::unique_ptr<GENERAL_NAMES, GeneralNamesFree> names(GENERAL_NAMES_new());
    for (const QString &domain : domains) {
        const QByteArray ascii = domain.toLatin1();
        ASN1_IA5STRING *ia5 = ASN1_IA5STRING_new();
        GENERAL_NAME *name = GENERAL_NAME_new();
        if (!ia5 || !name || ASN1_STRING_set(ia5, ascii.constData(), int(ascii.size())) != 1) {
            ASN1_IA5STRING_free(ia5);
            GENERAL_NAME_free(name);
            return R::failure(QCoreApplication::translate("gatehouse::acme::Csr", "CSR: %1").arg(openSslErrors()));
        }
        GENERAL_NAME_set0_value(name, GEN_DNS, ia5);
        if (sk_GENERAL_NAME_push(names.get(), name) <= 0) {
            GENERAL_NAME_free(name);
            return R::failure(QCoreApplication::translate("gatehouse::acme::Csr", "CSR: %1").arg(openSslErrors()));
        }
    }
    std::unique_ptr<STACK_OF(X509_EXTENSION), ExtensionsFree> extensions(sk_X509_EXTENSION_new_null());
    X509_EXTENSION *san = X509V3_EXT_i2d(NID_subject_alt_name, 0, names.get());
    if (!extensions || !san || sk_X509_EXTENSION_push(extensions.get(), san) <= 0) {
        X509_EXTENSION_free(san);
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::Csr", "CSR: subjectAltName: %1").arg(openSslErrors()));
    }
    if (X509_REQ_add_extensions(req.get(), extensions.get()) != 1
        || X509_REQ_sign(req.get(), key.native(), EVP_sha256()) <= 0)
        return R::failure(QCoreApplication::translate("gatehouse::acme::Csr", "CSR: signing: %1").arg(openSslErrors()));

    const int length = i2d_X509_REQ(req.get(), nullptr);
    if (length <= 0)
        return R::failure(
            QCoreApplication::translate("gatehouse::acme::Csr", "CSR: encoding: %1").arg(openSslErrors()));
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509_REQ(req.get(), &out);
    return der;
}

}  // namespace gatehouse::acme
