#include "acme/AcmeKey.h"
#include "acme/Csr.h"
#include "acme/Jws.h"

#include <QJsonDocument>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace gatehouse::acme;

Q_DECLARE_METATYPE(gatehouse::acme::KeyType)

namespace {

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

QByteArray decoded(const QJsonObject &object, const char *member)
{
    return fromBase64Url(object.value(QLatin1String(member)).toString().toLatin1()).value_or(QByteArray("<bad>"));
}

BIGNUM *bignum(const QByteArray &bytes)
{
    return BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr);
}

// The public key a JWK describes, built by OpenSSL from the JWK's numbers alone.
PkeyPtr publicKeyFromJwk(const QJsonObject &jwk)
{
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> n(nullptr, BN_free), e(nullptr, BN_free);
    QByteArray point;
    const bool ec = jwk.value(QLatin1String("kty")).toString() == QLatin1String("EC");
    if (ec) {
        point = '\x04' + decoded(jwk, "x") + decoded(jwk, "y");
        OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0);
        OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size()));
    } else {
        n.reset(bignum(decoded(jwk, "n")));
        e.reset(bignum(decoded(jwk, "e")));
        OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get());
        OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get());
    }
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(build.get()),
                                                                   OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, ec ? "EC" : "RSA", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return PkeyPtr(nullptr, EVP_PKEY_free);
    return PkeyPtr(key, EVP_PKEY_free);
}

// Verifies a JWS signature with OpenSSL: ES256's raw r||s is turned back into
// the DER form OpenSSL verifies.
bool verifyJwsSignature(EVP_PKEY *key, const QString &alg, const QByteArray &signingInput, QByteArray signature)
{
    if (alg == QLatin1String("ES256")) {
        if (signature.size() != 64)
            return false;
        ECDSA_SIG *sig = ECDSA_SIG_new();
        ECDSA_SIG_set0(sig, bignum(signature.left(32)), bignum(signature.mid(32)));
        unsigned char *der = nullptr;
        const int length = i2d_ECDSA_SIG(sig, &der);
        signature = QByteArray(reinterpret_cast<const char *>(der), length);
        OPENSSL_free(der);
        ECDSA_SIG_free(sig);
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                            size_t(signature.size()), reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            size_t(signingInput.size()))
        == 1;
}

PrivateKey generated(KeyType type)
{
    auto key = PrivateKey::generate(type);
    if (!key)
        qFatal("key generation failed: %s", qPrintable(key.error()));
    return key.value();
}

QByteArray otherKeyPem(const char *algorithm, const char *group, int bits)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, algorithm, nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY_keygen_init(ctx.get());
    if (group)
        EVP_PKEY_CTX_set_group_name(ctx.get(), group);
    if (bits)
        EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits);
    EVP_PKEY *raw = nullptr;
    EVP_PKEY_generate(ctx.get(), &raw);
    PkeyPtr key(raw, EVP_PKEY_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

}  // namespace

class TestAcmeCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void base64Url_data();
    void base64Url();
    void rfc7638Thumbprint();
    void keyTypes_data();
    void keyTypes();
    void pemRejects_data();
    void pemRejects();
    void jws_data();
    void jws();
    void jwsTamperedFailsVerification();
    void csr_data();
    void csr();
    void csrRejects_data();
    void csrRejects();
};

void TestAcmeCrypto::base64Url_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("no padding") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    QTest::newRow("RFC 7515 appendix C") << QByteArray("\x03\xec\xff\xe0\xc1", 5) << QByteArray("A-z_4ME");
}

void TestAcmeCrypto::base64Url()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoded);
    QCOMPARE(gatehouse::acme::base64Url(bytes), encoded);
    QCOMPARE(fromBase64Url(encoded).value_or("<none>"), bytes);
}

void TestAcmeCrypto::rfc7638Thumbprint()
{
    // RFC 7638 3.1: the example RSA key and its thumbprint (members in any order,
    // extra members ignored).
    const QJsonObject jwk {
        { QStringLiteral("kty"), QStringLiteral("RSA") },
        { QStringLiteral("n"),
          QStringLiteral("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
                         "BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-"
                         "65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-"
                         "bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-"
                         "kEgU8awapJzKnqDKgw") },
        { QStringLiteral("e"), QStringLiteral("AQAB") },
        { QStringLiteral("alg"), QStringLiteral("RS256") },
        { QStringLiteral("kid"), QStringLiteral("2011-04-29") },
    };
    QCOMPARE(jwkThumbprint(jwk), QByteArray("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    QVERIFY(jwkThumbprint(QJsonObject { { QStringLiteral("kty"), QStringLiteral("oct") } }).isEmpty());
}

void TestAcmeCrypto::keyTypes_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<QString>("alg");
    QTest::newRow("P-256") << KeyType::EcdsaP256 << QStringLiteral("ES256");
    QTest::newRow("RSA 2048") << KeyType::Rsa2048 << QStringLiteral("RS256");
}

void TestAcmeCrypto::keyTypes()
{
    QFETCH(KeyType, type);
    QFETCH(QString, alg);
    const PrivateKey key = generated(type);
    QVERIFY(!key.isNull());
    QCOMPARE(key.type(), type);
    QCOMPARE(key.jwsAlgorithm(), alg);

    // The JWK describes exactly this key's public half.
    const QJsonObject jwk = key.jwk();
    if (type == KeyType::EcdsaP256) {
        QCOMPARE(jwk.value(QLatin1String("crv")).toString(), QStringLiteral("P-256"));
        QCOMPARE(decoded(jwk, "x").size(), 32);
        QCOMPARE(decoded(jwk, "y").size(), 32);
    } else {
        QCOMPARE(decoded(jwk, "n").size(), 256);
        QCOMPARE(decoded(jwk, "e"), QByteArray("\x01\x00\x01", 3));
    }
    const PkeyPtr fromJwk = publicKeyFromJwk(jwk);
    QVERIFY(fromJwk);
    QCOMPARE(EVP_PKEY_eq(fromJwk.get(), key.native()), 1);
    QCOMPARE(EVP_PKEY_eq(fromJwk.get(), generated(type).native()), 0);
    QCOMPARE(key.thumbprint(), jwkThumbprint(jwk));
    QCOMPARE(key.thumbprint().size(), 43);  // 32 bytes of SHA-256

    // PKCS#8 PEM round trip.
    const QByteArray pem = key.toPem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    const auto reread = PrivateKey::fromPem(pem);
    QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error()));
    QCOMPARE(reread->type(), type);
    QCOMPARE(reread->jwk(), jwk);
    QCOMPARE(EVP_PKEY_eq(reread->native(), key.native()), 1);
}

void TestAcmeCrypto::pemRejects_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("error");
    QTest::newRow("garbage") << QByteArray("not a key") << QStringLiteral("not a PEM private key");
    QTest::newRow("P-384") << otherKeyPem("EC", "P-384", 0) << QStringLiteral("only P-256");
    QTest::newRow("RSA 1024") << otherKeyPem("RSA", nullptr, 1024) << QStringLiteral("at least 2048");
    QTest::newRow("Ed25519") << otherKeyPem("ED25519", nullptr, 0) << QStringLiteral("not supported");
}

void TestAcmeCrypto::pemRejects()
{
    QFETCH(QByteArray, pem);
    QFETCH(QString, error);
    const auto key = PrivateKey::fromPem(pem);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().contains(error), qPrintable(key.error()));
}

void TestAcmeCrypto::jws_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<bool>("withPayload");
    QTest::addColumn<QString>("kid");
    const QString kid = QStringLiteral("https://ca.test/acme/acct/7");
    QTest::newRow("ES256, jwk, payload") << KeyType::EcdsaP256 << true << QString();
    QTest::newRow("ES256, kid, payload") << KeyType::EcdsaP256 << true << kid;
    QTest::newRow("ES256, kid, POST-as-GET") << KeyType::EcdsaP256 << false << kid;
    QTest::newRow("RS256, jwk, payload") << KeyType::Rsa2048 << true << QString();
    QTest::newRow("RS256, kid, POST-as-GET") << KeyType::Rsa2048 << false << kid;
}

void TestAcmeCrypto::jws()
{
    QFETCH(KeyType, type);
    QFETCH(bool, withPayload);
    QFETCH(QString, kid);
    const PrivateKey key = generated(type);
    const QJsonObject payload { { QStringLiteral("termsOfServiceAgreed"), true },
                                { QStringLiteral("contact"), QStringLiteral("mailto:ops@example.com") } };
    const QString url = QStringLiteral("https://ca.test/acme/new-acct");
    const QString nonce = QStringLiteral("oFvnlFP1wIhRlYS2jTaXbA");
    const auto jws = signJws(key, withPayload ? std::optional(payload) : std::nullopt, url, nonce, kid);
    QVERIFY(jws.ok());

    const QJsonObject flattened = QJsonDocument::fromJson(jws.value()).object();
    QCOMPARE(flattened.keys(),
             QStringList({ QStringLiteral("payload"), QStringLiteral("protected"), QStringLiteral("signature") }));
    const QJsonObject header = QJsonDocument::fromJson(decoded(flattened, "protected")).object();
    QCOMPARE(header.value(QLatin1String("alg")).toString(), key.jwsAlgorithm());
    QCOMPARE(header.value(QLatin1String("nonce")).toString(), nonce);
    QCOMPARE(header.value(QLatin1String("url")).toString(), url);
    // Exactly one of jwk and kid (RFC 8555 6.2).
    QCOMPARE(header.contains(QLatin1String("jwk")), kid.isEmpty());
    QCOMPARE(header.contains(QLatin1String("kid")), !kid.isEmpty());
    if (kid.isEmpty())
        QCOMPARE(header.value(QLatin1String("jwk")).toObject(), key.jwk());
    else
        QCOMPARE(header.value(QLatin1String("kid")).toString(), kid);

    const QByteArray payloadPart = flattened.value(QLatin1String("payload")).toString().toLatin1();
    if (withPayload)
        QCOMPARE(QJsonDocument::fromJson(decoded(flattened, "payload")).object(), payload);
    else
        QVERIFY(payloadPart.isEmpty());

    // Verified by OpenSSL with the public key rebuilt from the JWK alone.
    const PkeyPtr publicKey = publicKeyFromJwk(key.jwk());
    QVERIFY(publicKey);
    const QByteArray signingInput
        = flattened.value(QLatin1String("protected")).toString().toLatin1() + '.' + payloadPart;
    QVERIFY(verifyJwsSignature(publicKey.get(), key.jwsAlgorithm(), signingInput, decoded(flattened, "signature")));
}

void TestAcmeCrypto::jwsTamperedFailsVerification()
{
    const PrivateKey key = generated(KeyType::EcdsaP256);
    const auto jws = signJws(key, QJsonObject { { QStringLiteral("a"), 1 } }, QStringLiteral("https://ca.test/x"),
                             QStringLiteral("n"), QStringLiteral("k"));
    QVERIFY(jws.ok());
    const QJsonObject flattened = QJsonDocument::fromJson(jws.value()).object();
    const PkeyPtr publicKey = publicKeyFromJwk(key.jwk());
    const QByteArray protectedPart = flattened.value(QLatin1String("protected")).toString().toLatin1();
    const QByteArray otherPayload = gatehouse::acme::base64Url(R"({"a":2})");
    QVERIFY(!verifyJwsSignature(publicKey.get(), QStringLiteral("ES256"), protectedPart + '.' + otherPayload,
                                decoded(flattened, "signature")));
    // and with another key
    const PkeyPtr otherKey = publicKeyFromJwk(generated(KeyType::EcdsaP256).jwk());
    QVERIFY(!verifyJwsSignature(otherKey.get(), QStringLiteral("ES256"),
                                protectedPart + '.' + flattened.value(QLatin1String("payload")).toString().toLatin1(),
                                decoded(flattened, "signature")));
}

void TestAcmeCrypto::csr_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<QStringList>("domains");
    QTest::newRow("P-256, three names") << KeyType::EcdsaP256
                                        << QStringList { QStringLiteral("a.example.com"),
                                                         QStringLiteral("b.example.com"),
                                                         QStringLiteral("example.org") };
    QTest::newRow("RSA, one name") << KeyType::Rsa2048 << QStringList { QStringLiteral("www.example.net") };
    QTest::newRow("first name too long for a CN")
        << KeyType::EcdsaP256
        << QStringList { QString(60, u'a') + QStringLiteral(".example.com"), QStringLiteral("short.example.com") };
}

void TestAcmeCrypto::csr()
{
    QFETCH(KeyType, type);
    QFETCH(QStringList, domains);
    const PrivateKey key = generated(type);
    const auto der = makeCsr(key, domains);
    QVERIFY2(der.ok(), qPrintable(der.ok() ? QString() : der.error()));

    const auto *input = reinterpret_cast<const unsigned char *>(der->constData());
    std::unique_ptr<X509_REQ, decltype(&X509_REQ_free)> req(d2i_X509_REQ(nullptr, &input, long(der->size())),
                                                            X509_REQ_free);
    QVERIFY(req);
    QCOMPARE(input, reinterpret_cast<const unsigned char *>(der->constData()) + der->size());  // nothing left over
    QCOMPARE(X509_REQ_verify(req.get(), key.native()), 1);
    QCOMPARE(EVP_PKEY_eq(X509_REQ_get0_pubkey(req.get()), key.native()), 1);

    char cn[256] = {};
    const int cnLength
        = X509_NAME_get_text_by_NID(X509_REQ_get_subject_name(req.get()), NID_commonName, cn, sizeof(cn));
    if (domains.first().size() <= 64)
        QCOMPARE(QString::fromLatin1(cn), domains.first());
    else
        QCOMPARE(cnLength, -1);

    STACK_OF(X509_EXTENSION) *extensions = X509_REQ_get_extensions(req.get());
    QVERIFY(extensions);
    const int index = X509v3_get_ext_by_NID(extensions, NID_subject_alt_name, -1);
    QVERIFY(index >= 0);
    auto *names = static_cast<GENERAL_NAMES *>(X509V3_EXT_d2i(sk_X509_EXTENSION_value(extensions, index)));
    QStringList sans;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
        QCOMPARE(name->type, GEN_DNS);
        sans.append(QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.dNSName)),
                                        ASN1_STRING_length(name->d.dNSName)));
    }
    GENERAL_NAMES_free(names);
    sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
    QCOMPARE(sans, domains);
}

void TestAcmeCrypto::csrRejects_data()
{
    QTest::addColumn<QStringList>("domains");
    QTest::addColumn<QString>("error");
    QTest::newRow("no domains") << QStringList() << QStringLiteral("no domains");
    QTest::newRow("empty name") << QStringList { QStringLiteral("a.example"), QString() }
                                << QStringLiteral("domains[1] \"\"");
    QTest::newRow("space") << QStringList { QStringLiteral("a b.example") } << QStringLiteral("domains[0]");
    QTest::newRow("non-ASCII") << QStringList { QStringLiteral("b\u00fccher.example") } << QStringLiteral("punycode");
}

void TestAcmeCrypto::csrRejects()
{
    QFETCH(QStringList, domains);
    QFETCH(QString, error);
    const auto der = makeCsr(generated(KeyType::EcdsaP256), domains);
    QVERIFY(!der.ok());
    QVERIFY2(der.error().contains(error), qPrintable(der.error()));
}

QTEST_GUILESS_MAIN(TestAcmeCrypto)
#include "tst_acmecrypto.moc"
