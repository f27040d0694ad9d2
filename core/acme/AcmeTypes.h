#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace gatehouse::acme {

// The key types Gatehouse creates for certificates (ACME account keys are always P-256).
enum class KeyType { EcdsaP256, Rsa2048 };

// A certificate (leaf first, then its chain) and its private key, both PEM.
struct PemPair
{
    QByteArray certPem;
    QByteArray keyPem;
};

// RFC 9773 renewalInfo: the CA's suggested renewal window for one certificate.
struct RenewalWindow
{
    QDateTime start;  // UTC
    QDateTime end;
    std::optional<std::chrono::seconds> retryAfter;  // when to ask again
};

}  // namespace gatehouse::acme
