#pragma once

#include "acme/AcmeTypes.h"
#include "acme/CertificateInfo.h"

#include <QDateTime>

#include <optional>

namespace gatehouse::acme {

// When to renew a certificate: one third of its lifetime before notAfter (so
// 6-day certificates renew after 4 days, 90-day ones 30 days before expiry),
// or, when the CA's ARI window (RFC 9773) comes earlier, a point inside that
// window. `jitter` in [0, 1) (clamped) picks the point inside the ARI window,
// and moves the plain rule up to 1% of the lifetime earlier, so certificates
// issued together do not all renew in the same second. A pure function, used by
// the CertManager's renewal timer. Invalid (null) when the certificate has no
// validity dates; an ARI window that is invalid or ends before it starts is ignored.
QDateTime renewalTime(const CertificateInfo &cert, const std::optional<RenewalWindow> &ari, double jitter);

}  // namespace gatehouse::acme
