#include "acme/RenewalPolicy.h"

#include <algorithm>
#include <cmath>

namespace gatehouse::acme {

QDateTime renewalTime(const CertificateInfo &cert, const std::optional<RenewalWindow> &ari, double jitter)
{
    if (!cert.notBefore.isValid() || !cert.notAfter.isValid())
        return {};
    if (!std::isfinite(jitter))
        jitter = 0;
    jitter = std::clamp(jitter, 0.0, std::nextafter(1.0, 0.0));

    const qint64 lifetimeMs = std::max<qint64>(0, cert.notBefore.msecsTo(cert.notAfter));
    const qint64 earlierMs = lifetimeMs / 3 + qint64(double(lifetimeMs) * 0.01 * jitter);
    QDateTime when = cert.notAfter.toUTC().addMSecs(-earlierMs);

    if (ari && ari->start.isValid() && ari->end.isValid() && ari->start <= ari->end) {
        const qint64 windowMs = ari->start.msecsTo(ari->end);
        const QDateTime inWindow = ari->start.toUTC().addMSecs(qint64(double(windowMs) * jitter));
        when = std::min(when, inWindow);
    }
    return when;
}

}  // namespace gatehouse::acme
