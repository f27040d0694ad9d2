#pragma once

#include "Result.h"
#include "acme/AcmeTypes.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::acme {

// The object identifier of the acmeIdentifier extension (RFC 8737 section 6.1).
inline constexpr char kAcmeIdentifierOid[] = "1.3.6.1.5.5.7.1.31";

// RFC 8737: the self-signed certificate a TLS-ALPN-01 challenge is answered with,
// made for each pending challenge by the ChallengeRegistry. A fresh P-256 key,
// subjectAltName dNSName = `domain` (its ASCII form), and the critical
// acmeIdentifier extension whose value is the DER OCTET STRING of
// SHA-256(keyAuthorization). Returns the PEMs of certificate and key (PKCS#8).
Result<PemPair, QString> makeTlsAlpnCertificate(const QString &domain, const QByteArray &keyAuthorization);

}  // namespace gatehouse::acme
