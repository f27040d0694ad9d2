#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace gatehouse::config {

// The route model of the config file. Plain values:
// the reader fills them, the validator checks them, the routing table compiles them.

struct PortRange
{
    quint16 from = 0;
    quint16 to = 0;  // == from for a single port

    bool isSingle() const { return from == to; }
    bool contains(quint16 port) const { return port >= from && port <= to; }
    friend bool operator==(const PortRange &, const PortRange &) = default;
};

struct HeaderMatch
{
    QString name;  // compared case-insensitively
    QString value;  // exact value, or a regular expression when isRegex
    bool isRegex = false;  // written as { "regex": "..." }
    friend bool operator==(const HeaderMatch &, const HeaderMatch &) = default;
};

struct RouteMatch
{
    QList<PortRange> ports;  // required; a number, a list, or {from,to} ranges
    QStringList domains;  // exact names, "*.example.com", "*"; empty: any (or none given)
    QString path;  // exact, prefix "/api/*", or glob; empty: any
    QStringList clientIp;  // CIDRs, addresses, "192.168.*.*" globs; empty: any
    QList<HeaderMatch> headers;  // all must match; empty: any
    friend bool operator==(const RouteMatch &, const RouteMatch &) = default;
};

// How terminate-and-reencrypt checks a target's certificate.
struct TargetTls
{
    bool verify = true;  // false: accept any certificate (logged as a warning)
    QString caBundle;  // extra trusted roots (PEM); empty: the system's
    QString serverName;  // SNI and the name checked; empty: the target host
    friend bool operator==(const TargetTls &, const TargetTls &) = default;
};

struct Target
{
    QStringList hosts;  // "host": a name or a list of names
    quint16 port = 0;
    TargetTls tls;
    friend bool operator==(const Target &, const Target &) = default;
};

enum class LoadBalancing { RoundRobin, LeastConnections, IpHash };

// Target choice and passive health: a target that fails maxFails connects in a
// row is skipped for failTimeout seconds.
struct LoadBalancingSettings
{
    LoadBalancing algorithm = LoadBalancing::RoundRobin;
    int maxFails = 3;
    int failTimeout = 10;
    friend bool operator==(const LoadBalancingSettings &, const LoadBalancingSettings &) = default;
};

enum class ProxyProtocolVersion { None, V1, V2 };

enum class TlsMode { None, Passthrough, Terminate, TerminateAndReencrypt };

struct TlsSettings
{
    TlsMode mode = TlsMode::None;
    bool autoCertificate = false;  // "certificate": "auto"
    QString certFile;  // "certificate": { "cert": ..., "key": ... }
    QString keyFile;

    bool hasStaticCertificate() const { return !certFile.isEmpty() || !keyFile.isEmpty(); }
    friend bool operator==(const TlsSettings &, const TlsSettings &) = default;
};

// Metrics answers GET/HEAD with the Prometheus text exposition of the service's counters.
enum class ActionType { Forward, Redirect, Respond, Metrics };

struct RedirectAction
{
    QString to;  // template with {host}, {path}, {query}, {port}
    int status = 301;
    friend bool operator==(const RedirectAction &, const RedirectAction &) = default;
};

struct RespondAction
{
    int status = 200;
    QList<QPair<QString, QString>> headers;  // in name order
    QString body;
    friend bool operator==(const RespondAction &, const RespondAction &) = default;
};

struct RouteAction
{
    ActionType type = ActionType::Forward;
    QList<Target> targets;  // forward
    LoadBalancingSettings loadBalancing;
    ProxyProtocolVersion sendProxyProtocol = ProxyProtocolVersion::None;
    TlsSettings tls;
    RedirectAction redirect;
    RespondAction respond;
    friend bool operator==(const RouteAction &, const RouteAction &) = default;
};

struct RouteSecurity
{
    QStringList ipAllowList;  // same syntax as match.clientIp; empty: everyone
    QStringList ipBlockList;
    int maxConnections = 0;  // 0: unlimited
    friend bool operator==(const RouteSecurity &, const RouteSecurity &) = default;
};

struct Route
{
    QString name;
    bool enabled = true;
    int priority = 0;  // higher wins
    RouteMatch match;
    RouteAction action;
    RouteSecurity security;
    friend bool operator==(const Route &, const Route &) = default;
};

QString toString(TlsMode mode);
QString toString(ActionType type);
QString toString(LoadBalancing algorithm);
QString toString(ProxyProtocolVersion version);

}  // namespace gatehouse::config
