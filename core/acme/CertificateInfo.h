#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace gatehouse::acme {

// What Gatehouse needs to know of an issued certificate (the leaf, the first PEM
// block of a chain): the names, the validity, the serial and issuer for status
// reports, and the RFC 9773 certificate identifier for renewalInfo. Parsed by
// CertStore on load and by the CertManager after an order.
struct CertificateInfo
{
    QStringList domains;  // SAN dNSNames, lower case, in certificate order
    QDateTime notBefore, notAfter;  // UTC
    QString serial;  // hex, lower case
    QString issuer;  // issuer CN (or the whole DN when no CN)
    QString ariCertId;  // RFC 9773: base64url(AKI keyIdentifier) "." base64url(serial DER); empty without AKI

    bool isNull() const { return !notAfter.isValid(); }
    // Seconds from notBefore to notAfter (RFC 5280 counts both ends inclusively; one second is noise here).
    qint64 lifetimeSeconds() const { return notBefore.secsTo(notAfter); }

    static Result<CertificateInfo, QString> parse(const QByteArray &pemChain);
};

}  // namespace gatehouse::acme
