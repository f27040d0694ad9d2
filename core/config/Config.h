#pragma once

#include "config/Route.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::config {

inline constexpr auto kLetsEncryptDirectory = "https://acme-v02.api.letsencrypt.org/directory";

struct AcmeSettings
{
    QString email;  // required as soon as a route uses "certificate": "auto"
    QString directoryUrl = QString::fromLatin1(kLetsEncryptDirectory);
    quint16 challengePort = 80;
    QStringList challengeTypes = { QStringLiteral("http-01"), QStringLiteral("tls-alpn-01") };
    QList<quint16> fallbackPorts;
    QString caBundle;  // extra roots for the ACME server's own HTTPS
    friend bool operator==(const AcmeSettings &, const AcmeSettings &) = default;
};

// Limits in seconds; the defaults suit most sites.
struct Timeouts
{
    int connect = 10;  // to a target
    int headerRead = 15;  // for a client's request head (against slowloris)
    int upstreamResponse = 60;  // for a target's response head; 504 after it
    int idle = 300;  // a connection or tunnel with no traffic either way
    int drain = 30;  // open connections may finish at shutdown
    friend bool operator==(const Timeouts &, const Timeouts &) = default;
};

// A whole configuration: what the service runs, what the control socket applies.
struct Config
{
    QString bindAddress = QStringLiteral("0.0.0.0");
    int workers = 0;  // 0: one per CPU core
    Timeouts timeouts;
    // Clients from these addresses (same syntax as match.clientIp) must start
    // with a PROXY protocol header (v1 or v2) naming the real client.
    QStringList acceptProxyProtocol;
    AcmeSettings acme;
    QList<Route> routes;
    friend bool operator==(const Config &, const Config &) = default;
};

}  // namespace gatehouse::config

namespace gatehouse::config {

// The ports enabled routes listen on, sorted, with adjacent and overlapping ranges merged.
QList<PortRange> listenPorts(const Config &config);
// "80, 443, 8000-8010"
QString describePorts(const QList<PortRange> &ports);

// A certificate's names in one canonical form (lower case, sorted, no repeats),
// so that routes naming the same set in another order share one certificate.
QStringList certificateDomains(const QStringList &domains);
// The domain sets of enabled routes with "certificate": "auto", canonical and unique.
QList<QStringList> wantedCertificates(const Config &config);

}  // namespace gatehouse::config
