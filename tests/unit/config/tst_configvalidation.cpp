// Every rule of the config reader and validator, each bad input asserting the
// JSON path and the message a user would read.
#include "config/ConfigLoader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse::config;

namespace {

// One route wrapped in a document; most rows only vary the route.
QByteArray withRoute(const char *route, const char *top = "")
{
    return QByteArray("{") + top + R"("routes": [)" + route + "]}";
}

const char *const kGoodRoute
    = R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "127.0.0.1", "port": 8080}]}})";

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

}  // namespace

class TestConfigValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectsBadInput_data();
    void rejectsBadInput();
    void acceptsGoodInput_data();
    void acceptsGoodInput();
    void malformedJsonHasLineAndColumn();
    void reportsEveryErrorAtOnce();
    void doesNotEchoReadErrors();
    void staticCertificateFilesAreChecked();
    void warnsAboutOverlaps();
    void warnsAboutOpenMetrics();
};

void TestConfigValidation::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    // Document shape and types
    QTest::newRow("top-level list") << QByteArray("[]") << ""
                                    << "expected a JSON object";
    QTest::newRow("unknown top field") << QByteArray(R"({"routes": [], "rootes": []})") << "rootes"
                                       << "did you mean 'routes'?";
    QTest::newRow("unknown field no suggestion")
        << QByteArray(R"({"routes": [], "zzzzzz": 1})") << "zzzzzz"
        << "expected one of: bindAddress, workers, timeouts, acceptProxyProtocol, acme, routes";
    QTest::newRow("routes not a list") << QByteArray(R"({"routes": {}})") << "routes"
                                       << "expected a list of routes, found an object";
    QTest::newRow("route not an object") << withRoute("42") << "routes[0]"
                                         << "expected an object, found a number";
    QTest::newRow("unknown route field") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond"}, "prio": 1})")
                                         << "routes[0].prio"
                                         << "unknown field 'prio'";
    QTest::newRow("unknown match field") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domain": "x.com"}, "action": {"type": "respond"}})")
                                         << "routes[0].match.domain"
                                         << "did you mean 'domains'?";
    QTest::newRow("name missing") << withRoute(R"({"match": {"ports": 80}, "action": {"type": "respond"}})")
                                  << "routes[0].name"
                                  << "missing; every route has a unique name";
    QTest::newRow("name wrong type") << withRoute(
        R"({"name": 7, "match": {"ports": 80}, "action": {"type": "respond"}})")
                                     << "routes[0].name"
                                     << "expected a string, found a number";
    QTest::newRow("enabled wrong type") << withRoute(
        R"({"name": "a", "enabled": "yes", "match": {"ports": 80}, "action": {"type": "respond"}})")
                                        << "routes[0].enabled"
                                        << "expected true or false, found a string";
    QTest::newRow("priority fraction") << withRoute(
        R"({"name": "a", "priority": 1.5, "match": {"ports": 80}, "action": {"type": "respond"}})")
                                       << "routes[0].priority"
                                       << "expected an integer, found 1.5";
    QTest::newRow("match missing") << withRoute(R"({"name": "a", "action": {"type": "respond"}})") << "routes[0].match"
                                   << "missing";
    QTest::newRow("action missing") << withRoute(R"({"name": "a", "match": {"ports": 80}})") << "routes[0].action"
                                    << "missing";
    QTest::newRow("workers negative") << QByteArray(R"({"workers": -1, "routes": []})") << "workers"
                                      << "-1 is outside 0..1024";

    // Ports
    QTest::newRow("ports missing") << withRoute(R"({"name": "a", "match": {}, "action": {"type": "respond"}})")
                                   << "routes[0].match.ports"
                                   << "missing; every route listens on at least one port";
    QTest::newRow("port zero") << withRoute(R"({"name": "a", "match": {"ports": 0}, "action": {"type": "respond"}})")
                               << "routes[0].match.ports"
                               << "0 is outside 1..65535";
    QTest::newRow("port too big in list")
        << withRoute(R"({"name": "a", "match": {"ports": [80, 70000]}, "action": {"type": "respond"}})")
        << "routes[0].match.ports[1]"
        << "70000 is outside 1..65535";
    QTest::newRow("port as string") << withRoute(
        R"({"name": "a", "match": {"ports": "80"}, "action": {"type": "respond"}})")
                                    << "routes[0].match.ports"
                                    << "expected a port, a list of ports";
    QTest::newRow("ports empty list") << withRoute(
        R"({"name": "a", "match": {"ports": []}, "action": {"type": "respond"}})")
                                      << "routes[0].match.ports"
                                      << "expected at least one port";
    QTest::newRow("reversed range") << withRoute(
        R"({"name": "a", "match": {"ports": [{"from": 9000, "to": 8000}]}, "action": {"type": "respond"}})")
                                    << "routes[0].match.ports[0]"
                                    << "reversed range 9000..8000";
    QTest::newRow("range missing to") << withRoute(
        R"({"name": "a", "match": {"ports": [{"from": 9000}]}, "action": {"type": "respond"}})")
                                      << "routes[0].match.ports[0].to"
                                      << "a range needs \"from\" and \"to\"";
    QTest::newRow("range end out of range") << withRoute(
        R"({"name": "a", "match": {"ports": [443, {"from": 9000, "to": 65536}]}, "action": {"type": "respond"}})")
                                            << "routes[0].match.ports[1].to"
                                            << "65536 is outside 1..65535";

    // Domains
    QTest::newRow("bad label character") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": ["ex ample.com"]}, "action": {"type": "respond"}})")
                                         << "routes[0].match.domains[0]"
                                         << "only letters, digits and hyphens";
    QTest::newRow("empty label") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": "a..com"}, "action": {"type": "respond"}})")
                                 << "routes[0].match.domains"
                                 << "empty label";
    QTest::newRow("label hyphen") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": ["ok.com", "-bad.com"]}, "action": {"type": "respond"}})")
                                  << "routes[0].match.domains[1]"
                                  << "starts or ends with a hyphen";
    QTest::newRow("label too long") << withRoute(
        QByteArray(R"({"name": "a", "match": {"ports": 80, "domains": [")" + QByteArray(64, 'a')
                   + R"(.com"]}, "action": {"type": "respond"}})")
            .constData()) << "routes[0].match.domains[0]"
                                    << "longer than 63 characters";
    QTest::newRow("wildcard mid label") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": ["a*.example.com"]}, "action": {"type": "respond"}})")
                                        << "routes[0].match.domains[0]"
                                        << "whole leftmost label";
    QTest::newRow("wildcard not leftmost") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": ["www.*.com"]}, "action": {"type": "respond"}})")
                                           << "routes[0].match.domains[0]"
                                           << "whole leftmost label";
    QTest::newRow("trailing dot") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": ["example.com."]}, "action": {"type": "respond"}})")
                                  << "routes[0].match.domains[0]"
                                  << "remove the trailing dot";
    QTest::newRow("domain wrong type") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": [1]}, "action": {"type": "respond"}})")
                                       << "routes[0].match.domains[0]"
                                       << "expected a string, found a number";

    // Path, client IPs, headers
    QTest::newRow("path without slash") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "path": "api/*"}, "action": {"type": "respond"}})")
                                        << "routes[0].match.path"
                                        << "a path starts with '/'";
    QTest::newRow("path with query") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "path": "/a?b=1"}, "action": {"type": "respond"}})")
                                     << "routes[0].match.path"
                                     << "no query or fragment";
    QTest::newRow("cidr prefix too long") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "clientIp": ["10.0.0.0/33"]}, "action": {"type": "respond"}})")
                                          << "routes[0].match.clientIp[0]"
                                          << "is not a valid CIDR";
    QTest::newRow("cidr garbage") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "clientIp": ["10.0.0.0/8", "10.0.0/x"]}, "action": {"type": "respond"}})")
                                  << "routes[0].match.clientIp[1]"
                                  << "is not a valid CIDR";
    QTest::newRow("ip garbage") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "clientIp": ["localhost"]}, "action": {"type": "respond"}})")
                                << "routes[0].match.clientIp[0]"
                                << "is not an IP address, CIDR or glob";
    QTest::newRow("ip glob in middle") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "clientIp": ["10.*.0.1"]}, "action": {"type": "respond"}})")
                                       << "routes[0].match.clientIp[0]"
                                       << "whole trailing octets";
    QTest::newRow("clientIp not list") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "clientIp": "10.0.0.1"}, "action": {"type": "respond"}})")
                                       << "routes[0].match.clientIp"
                                       << "expected a list of strings";
    QTest::newRow("bad header regex") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "headers": {"X-A": {"regex": "(unclosed"}}}, "action": {"type": "respond"}})")
                                      << "routes[0].match.headers.X-A.regex"
                                      << "invalid regular expression";
    QTest::newRow("bad header name") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "headers": {"X A": "1"}}, "action": {"type": "respond"}})")
                                     << "routes[0].match.headers.X A"
                                     << "not a valid header name";
    QTest::newRow("header value wrong type")
        << withRoute(R"({"name": "a", "match": {"ports": 80, "headers": {"X-A": 1}}, "action": {"type": "respond"}})")
        << "routes[0].match.headers.X-A"
        << "expected a string or {\"regex\": PATTERN}";
    QTest::newRow("bad allow list") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond"}, "security": {"ipAllowList": ["1.2.3.4/40"]}})")
                                    << "routes[0].security.ipAllowList[0]"
                                    << "is not a valid CIDR";
    QTest::newRow("negative max connections") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond"}, "security": {"maxConnections": -5}})")
                                              << "routes[0].security.maxConnections"
                                              << "-5 is outside 0..";

    // Actions
    QTest::newRow("unknown action type")
        << withRoute(R"({"name": "a", "match": {"ports": 80}, "action": {"type": "proxy"}})") << "routes[0].action.type"
        << "unknown action type 'proxy'; expected forward, redirect, respond or metrics";
    QTest::newRow("forward without targets")
        << withRoute(R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward"}})")
        << "routes[0].action.targets"
        << "a forward action needs at least one target";
    QTest::newRow("forward empty targets")
        << withRoute(R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": []}})")
        << "routes[0].action.targets"
        << "a forward action needs at least one target";
    QTest::newRow("target without port") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "b"}]}})")
                                         << "routes[0].action.targets[0].port"
                                         << "a target needs a port";
    QTest::newRow("target bad host") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": ["ok", "b_d!"], "port": 1}]}})")
                                     << "routes[0].action.targets[0].host[1]"
                                     << "'b_d!' is not a host name or IP address";
    QTest::newRow("target port string") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "b", "port": "80"}]}})")
                                        << "routes[0].action.targets[0].port"
                                        << "expected a port number 1..65535, found a string";
    QTest::newRow("redirect details on forward") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "redirect": {"to": "x"}}})")
                                                 << "routes[0].action.redirect"
                                                 << "only for type \"redirect\"";
    QTest::newRow("redirect without details")
        << withRoute(R"({"name": "a", "match": {"ports": 80}, "action": {"type": "redirect"}})")
        << "routes[0].action.redirect"
        << "missing";
    QTest::newRow("redirect unknown placeholder") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "redirect", "redirect": {"to": "https://{hostname}{path}"}}})")
                                                  << "routes[0].action.redirect.to"
                                                  << "unknown placeholder {hostname}";
    QTest::newRow("redirect unclosed brace") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "redirect", "redirect": {"to": "https://{host"}}})")
                                             << "routes[0].action.redirect.to"
                                             << "is never closed";
    QTest::newRow("redirect status 200") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "redirect", "redirect": {"to": "https://{host}", "status": 200}}})")
                                         << "routes[0].action.redirect.status"
                                         << "200 is not a redirect status";
    QTest::newRow("respond status 99") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond", "respond": {"status": 99}}})")
                                       << "routes[0].action.respond.status"
                                       << "99 is not a final HTTP status";
    QTest::newRow("respond content-length") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond", "respond": {"headers": {"Content-Length": "3"}}}})")
                                            << "routes[0].action.respond.headers.Content-Length"
                                            << "is set by Gatehouse";
    QTest::newRow("respond header line break") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond", "respond": {"headers": {"X-A": "1\r\nSet-Cookie: x"}}}})")
                                               << "routes[0].action.respond.headers.X-A"
                                               << "cannot contain line breaks";

    // TLS
    QTest::newRow("unknown tls mode") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "offload"}}})")
                                      << "routes[0].action.tls.mode"
                                      << "unknown value 'offload'; expected passthrough, terminate, "
                                         "terminate-and-reencrypt";
    QTest::newRow("terminate without certificate") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "terminate"}}})")
                                                   << "routes[0].action.tls.certificate"
                                                   << "terminating TLS needs";
    QTest::newRow("certificate garbage") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "terminate", "certificate": "yes"}}})")
                                         << "routes[0].action.tls.certificate"
                                         << "expected \"auto\" or {\"cert\": PATH, \"key\": PATH}";
    QTest::newRow("static certificate without key") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "terminate", "certificate": {"cert": "/c.pem"}}}})")
                                                    << "routes[0].action.tls.certificate.key"
                                                    << "needs \"cert\" and \"key\"";
    QTest::newRow("auto without acme email") << withRoute(
        R"({"name": "a", "match": {"ports": 443, "domains": "a.com"}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "terminate", "certificate": "auto"}}})")
                                             << "routes[0].action.tls.certificate"
                                             << "\"auto\" needs acme.email";
    QTest::newRow("auto without domains") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "terminate", "certificate": "auto"}}})",
        R"("acme": {"email": "a@b.c"},)") << "routes[0].action.tls.certificate"
                                          << "\"auto\" needs match.domains";
    QTest::newRow("auto with wildcard") << withRoute(
        R"({"name": "a", "match": {"ports": 443, "domains": ["*.a.com"]}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "terminate", "certificate": "auto"}}})",
        R"("acme": {"email": "a@b.c"},)")
                                        << "routes[0].action.tls.certificate"
                                        << "dns-01";
    QTest::newRow("passthrough with path") << withRoute(
        R"({"name": "a", "match": {"ports": 443, "path": "/api/*"}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "passthrough"}}})")
                                           << "routes[0].match.path"
                                           << "passthrough does not decrypt";
    QTest::newRow("passthrough with headers") << withRoute(
        R"({"name": "a", "match": {"ports": 443, "headers": {"X-A": "1"}}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "passthrough"}}})")
                                              << "routes[0].match.headers"
                                              << "passthrough does not decrypt";
    QTest::newRow("passthrough with certificate") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "passthrough", "certificate": "auto"}}})",
        R"("acme": {"email": "a@b.c"},)") << "routes[0].action.tls.certificate"
                                                  << "serves no certificate";
    QTest::newRow("passthrough on respond") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "respond", "tls": {"mode": "passthrough"}}})")
                                            << "routes[0].action.tls.mode"
                                            << "needs action type \"forward\"";
    QTest::newRow("reencrypt on redirect") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "redirect", "redirect": {"to": "https://x{path}"}, "tls": {"mode": "terminate-and-reencrypt", "certificate": "auto"}}})",
        R"("acme": {"email": "a@b.c"},)") << "routes[0].action.tls.mode"
                                           << "needs action type";

    // Proxy settings
    QTest::newRow("unknown balancing") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "loadBalancing": {"algorithm": "random"}}})")
                                       << "routes[0].action.loadBalancing.algorithm"
                                       << "unknown value 'random'; expected round-robin, least-connections, ip-hash";
    QTest::newRow("max fails zero") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "loadBalancing": {"maxFails": 0}}})")
                                    << "routes[0].action.loadBalancing.maxFails"
                                    << "0 is outside 1..1000";
    QTest::newRow("proxy protocol v3") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "sendProxyProtocol": "v3"}})")
                                       << "routes[0].action.sendProxyProtocol"
                                       << "unknown value 'v3'; expected v1, v2";
    QTest::newRow("proxy protocol on respond") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond", "sendProxyProtocol": "v1"}})")
                                               << "routes[0].action.sendProxyProtocol"
                                               << "only for type \"forward\"";
    QTest::newRow("target tls without reencrypt") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1, "tls": {"verify": false}}]}})")
                                                  << "routes[0].action.targets[0].tls"
                                                  << "only used with tls mode terminate-and-reencrypt";
    QTest::newRow("target tls bad server name") << withRoute(
        R"({"name": "a", "match": {"ports": 443}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1, "tls": {"serverName": "*.b"}}], "tls": {"mode": "terminate-and-reencrypt", "certificate": "auto"}}})",
        R"("acme": {"email": "a@b.c"},)") << "routes[0].action.targets[0].tls.serverName"
                                                << "is not a host name";
    QTest::newRow("bad accept proxy protocol")
        << withRoute(kGoodRoute, R"("acceptProxyProtocol": ["10.0.0.0/8", "nope"],)") << "acceptProxyProtocol[1]"
        << "is not an IP address, CIDR or glob";
    QTest::newRow("zero connect timeout")
        << withRoute(kGoodRoute, R"("timeouts": {"connect": 0},)") << "timeouts.connect"
        << "0 is outside 1..604800";
    QTest::newRow("unknown timeout") << withRoute(kGoodRoute, R"("timeouts": {"read": 5},)") << "timeouts.read"
                                     << "unknown field 'read'";

    // Names and top level
    QTest::newRow("duplicate names") << QByteArray(R"({"routes": [)") + kGoodRoute + "," + kGoodRoute + "]}"
                                     << "routes[1].name"
                                     << "duplicate route name 'a' (also routes[0])";
    QTest::newRow("empty name") << withRoute(R"({"name": " ", "match": {"ports": 80}, "action": {"type": "respond"}})")
                                << "routes[0].name"
                                << "a route needs a name";
    QTest::newRow("bad bind address") << withRoute(kGoodRoute, R"("bindAddress": "0.0.0.256",)") << "bindAddress"
                                      << "is not an IP address";
    QTest::newRow("acme bad email") << withRoute(kGoodRoute, R"("acme": {"email": "ops.example.com"},)") << "acme.email"
                                    << "is not an email address";
    QTest::newRow("acme http directory") << withRoute(kGoodRoute,
                                                      R"("acme": {"directoryUrl": "http://ca.example/dir"},)")
                                         << "acme.directoryUrl"
                                         << "is not an https:// URL";
    QTest::newRow("acme unknown challenge")
        << withRoute(kGoodRoute, R"("acme": {"challengeTypes": ["http-01", "dns-01"]},)") << "acme.challengeTypes[1]"
        << "unknown challenge type 'dns-01'";
    QTest::newRow("acme duplicate challenge")
        << withRoute(kGoodRoute, R"("acme": {"challengeTypes": ["http-01", "http-01"]},)") << "acme.challengeTypes[1]"
        << "listed twice";
    QTest::newRow("acme no challenge") << withRoute(kGoodRoute, R"("acme": {"challengeTypes": []},)")
                                       << "acme.challengeTypes"
                                       << "expected at least one";
    QTest::newRow("acme fallback port") << withRoute(kGoodRoute, R"("acme": {"fallbackPorts": [8080, 0]},)")
                                        << "acme.fallbackPorts[1]"
                                        << "0 is outside 1..65535";
    QTest::newRow("acme missing ca bundle")
        << withRoute(kGoodRoute, R"("acme": {"caBundle": "/nonexistent/roots.pem"},)") << "acme.caBundle"
        << "does not exist";
    // The metrics action
    QTest::newRow("metrics with targets") << withRoute(
        R"({"name": "m", "match": {"ports": 9100}, "action": {"type": "metrics", "targets": [{"host": "b", "port": 1}]}})")
                                          << "routes[0].action.targets"
                                          << "only for type \"forward\"; this action is \"metrics\"";
    QTest::newRow("metrics with respond") << withRoute(
        R"({"name": "m", "match": {"ports": 9100}, "action": {"type": "metrics", "respond": {"status": 200}}})")
                                          << "routes[0].action.respond"
                                          << "only for type \"respond\"";
    QTest::newRow("metrics passthrough") << withRoute(
        R"({"name": "m", "match": {"ports": 9100}, "action": {"type": "metrics", "tls": {"mode": "passthrough"}}})")
                                         << "routes[0].action.tls.mode"
                                         << "needs action type \"forward\"";
    QTest::newRow("metrics reencrypt") << withRoute(
        R"({"name": "m", "match": {"ports": 9100, "domains": "a.com"}, "action": {"type": "metrics", "tls": {"mode": "terminate-and-reencrypt", "certificate": "auto"}}})",
        R"("acme": {"email": "a@b.c"},)")
                                       << "routes[0].action.tls.mode"
                                       << "use terminate";
    QTest::newRow("metrics misspelt") << withRoute(
        R"({"name": "m", "match": {"ports": 9100}, "action": {"type": "metric"}})")
                                      << "routes[0].action.type"
                                      << "expected forward, redirect, respond or metrics";
    QTest::newRow("acme unknown field") << withRoute(kGoodRoute, R"("acme": {"mail": "a@b.c"},)") << "acme.mail"
                                        << "did you mean 'email'?";
}

void TestConfigValidation::rejectsBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const ConfigLoader::Result result = ConfigLoader::load(json);
    QVERIFY2(!result.ok(), "the config was accepted");
    const bool found = std::any_of(result.diagnostics.cbegin(), result.diagnostics.cend(), [&](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error && d.path == path && d.message.contains(message);
    });
    QVERIFY2(found,
             qPrintable(QStringLiteral("wanted an error at '%1' containing '%2'; got:\n%3")
                            .arg(path, message, describe(result.diagnostics))));
}

void TestConfigValidation::acceptsGoodInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty routes") << QByteArray(R"({"routes": []})");
    QTest::newRow("empty document object") << QByteArray("{}");
    QTest::newRow("forward") << withRoute(kGoodRoute);
    QTest::newRow("all port forms") << withRoute(
        R"({"name": "a", "match": {"ports": [80, {"from": 8000, "to": 8010}, 8443]}, "action": {"type": "respond"}})");
    QTest::newRow("domains forms") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "domains": ["example.com", "*.example.com", "*", "xn--bcher-kva.example", "bücher.example"]}, "action": {"type": "respond"}})");
    QTest::newRow("ip forms") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "clientIp": ["10.0.0.0/8", "192.168.1.*", "::1", "2001:db8::/32", "*", "1.2.3.4"]}, "action": {"type": "respond"}})");
    QTest::newRow("headers") << withRoute(
        R"({"name": "a", "match": {"ports": 80, "path": "/api/*", "headers": {"X-Env": "prod", "User-Agent": {"regex": "^curl/"}}}, "action": {"type": "respond", "respond": {"status": 204}}})");
    QTest::newRow("redirect") << withRoute(
        R"({"name": "a", "match": {"ports": 80}, "action": {"type": "redirect", "redirect": {"to": "https://{host}:{port}{path}?{query}", "status": 308}}})");
    QTest::newRow("passthrough") << withRoute(
        R"({"name": "a", "match": {"ports": 443, "domains": "a.com"}, "action": {"type": "forward", "targets": [{"host": ["10.0.0.1", "backend.local"], "port": 443}], "tls": {"mode": "passthrough"}}})");
    QTest::newRow("auto") << withRoute(
        R"({"name": "a", "match": {"ports": 443, "domains": ["a.com", "www.a.com"]}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1}], "tls": {"mode": "terminate", "certificate": "auto"}}})",
        R"("acme": {"email": "ops@a.com", "challengePort": 8080, "fallbackPorts": [8081]},)");
    QTest::newRow("security") << withRoute(
        R"({"name": "a", "enabled": false, "priority": -3, "match": {"ports": 80}, "action": {"type": "respond"}, "security": {"ipAllowList": ["10.0.0.0/8"], "ipBlockList": ["10.0.0.1"], "maxConnections": 100}})");
    QTest::newRow("metrics") << withRoute(
        R"({"name": "m", "match": {"ports": 9100, "path": "/metrics"}, "action": {"type": "metrics"}, "security": {"ipAllowList": ["127.0.0.1", "10.0.0.0/8"]}})");
    QTest::newRow("metrics over tls") << withRoute(
        R"({"name": "m", "match": {"ports": 9443, "domains": "metrics.a.com"}, "action": {"type": "metrics", "tls": {"mode": "terminate", "certificate": "auto"}}, "security": {"ipAllowList": ["10.0.0.0/8"]}})",
        R"("acme": {"email": "ops@a.com"},)");
    QTest::newRow("ipv6 bind") << withRoute(kGoodRoute, R"("bindAddress": "::", "workers": 4,)");
    QTest::newRow("proxy settings") << withRoute(
        R"({"name": "a", "match": {"ports": 443, "domains": "a.com"}, "action": {"type": "forward", "targets": [{"host": "b", "port": 1, "tls": {"verify": false, "serverName": "b.internal"}}], "loadBalancing": {"algorithm": "ip-hash", "maxFails": 5, "failTimeout": 30}, "sendProxyProtocol": "v2", "tls": {"mode": "terminate-and-reencrypt", "certificate": "auto"}}})",
        R"("acme": {"email": "a@b.c"}, "timeouts": {"connect": 3, "drain": 0}, "acceptProxyProtocol": ["10.0.0.0/8"],)");
}

void TestConfigValidation::acceptsGoodInput()
{
    QFETCH(QByteArray, json);
    const ConfigLoader::Result result = ConfigLoader::load(json);
    QVERIFY2(result.ok(), qPrintable(describe(result.diagnostics)));
}

void TestConfigValidation::malformedJsonHasLineAndColumn()
{
    const QByteArray json = "{\n  \"routes\": [\n    {\"name\": \"a\",, }\n  ]\n}\n";
    const ConfigLoader::Result result = ConfigLoader::load(json);
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics.first();
    QCOMPARE(d.line, 3);
    QCOMPARE(d.column, 18);  // the second comma
    QVERIFY(d.message.startsWith(QStringLiteral("malformed JSON")));
}

void TestConfigValidation::reportsEveryErrorAtOnce()
{
    const QByteArray json = R"({"routes": [
        {"name": "a", "match": {"ports": [0, {"from": 9, "to": 1}], "domains": ["-x.com"]}, "action": {"type": "forward"}},
        {"name": "a", "match": {"ports": 80, "clientIp": ["300.1.1.1"]}, "action": {"type": "redirect", "redirect": {"to": "{nope}", "status": 200}}, "extra": 1}
    ]})";
    const ConfigLoader::Result result = ConfigLoader::load(json);
    QStringList paths;
    for (const Diagnostic &d : result.diagnostics)
        paths << d.path;
    const QStringList expected = {
        QStringLiteral("routes[0].match.ports[0]"),         QStringLiteral("routes[1].extra"),
        QStringLiteral("routes[0].match.ports[0]"),         QStringLiteral("routes[0].match.domains[0]"),
        QStringLiteral("routes[0].action.targets"),         QStringLiteral("routes[1].name"),
        QStringLiteral("routes[1].match.clientIp[0]"),      QStringLiteral("routes[1].action.redirect.to"),
        QStringLiteral("routes[1].action.redirect.status"),
    };
    for (const QString &p : expected)
        QVERIFY2(paths.contains(p), qPrintable(p + u" missing from:\n" + describe(result.diagnostics)));
}

void TestConfigValidation::doesNotEchoReadErrors()
{
    // An unknown type leaves the action unread: no "needs targets" on top of it.
    const ConfigLoader::Result result
        = ConfigLoader::load(withRoute(R"({"name": "a", "match": {"ports": "x"}, "action": {"type": "proxy"}})"));
    QCOMPARE(result.diagnostics.size(), 2);
    QCOMPARE(result.diagnostics[0].path, QStringLiteral("routes[0].match.ports"));
    QCOMPARE(result.diagnostics[1].path, QStringLiteral("routes[0].action.type"));
}

void TestConfigValidation::staticCertificateFilesAreChecked()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    QFile file(cert);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QByteArray route
        = QStringLiteral(
              R"({"name": "a", "match": {"ports": 443}, "action": {"type": "respond", "tls": {"mode": "terminate", "certificate": {"cert": "%1", "key": "%2"}}}})")
              .arg(cert, dir.filePath(QStringLiteral("missing.key")))
              .toUtf8();
    const ConfigLoader::Result checked = ConfigLoader::load(withRoute(route.constData()));
    QCOMPARE(checked.diagnostics.size(), 1);
    QCOMPARE(checked.diagnostics.first().path, QStringLiteral("routes[0].action.tls.certificate.key"));
    QVERIFY(checked.diagnostics.first().message.contains(QStringLiteral("does not exist")));

    ConfigValidator::Options noFiles;
    noFiles.checkFiles = false;
    QVERIFY(ConfigLoader::load(withRoute(route.constData()), noFiles).ok());
}

void TestConfigValidation::warnsAboutOverlaps()
{
    const QByteArray json = R"({"routes": [
        {"name": "first", "match": {"ports": 80, "domains": "a.com"}, "action": {"type": "respond"}},
        {"name": "second", "match": {"ports": 80, "domains": "a.com"}, "action": {"type": "respond"}}
    ]})";
    const ConfigLoader::Result result = ConfigLoader::load(json);
    QVERIFY2(result.ok(), qPrintable(describe(result.diagnostics)));
    QVERIFY(!result.diagnostics.isEmpty());
    const Diagnostic &warning = result.diagnostics.first();
    QCOMPARE(warning.severity, Diagnostic::Severity::Warning);
    QVERIFY(warning.message.contains(QStringLiteral("first")));
    QVERIFY(warning.message.contains(QStringLiteral("second")));
}

void TestConfigValidation::warnsAboutOpenMetrics()
{
    const auto warningsOf = [](const char *route) {
        const ConfigLoader::Result result = ConfigLoader::load(withRoute(route));
        Diagnostics warnings;
        for (const Diagnostic &d : result.diagnostics) {
            if (d.severity == Diagnostic::Severity::Warning)
                warnings << d;
        }
        return std::pair { result.ok(), warnings };
    };

    const auto [openOk, open] = warningsOf(R"({"name": "m", "match": {"ports": 9100}, "action": {"type": "metrics"}})");
    QVERIFY(openOk);  // a warning, not an error
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().path, QStringLiteral("routes[0].security.ipAllowList"));
    QVERIFY2(open.first().message.contains(QStringLiteral("restrict it with security.ipAllowList")),
             qPrintable(open.first().message));

    const auto [allowedOk, allowed] = warningsOf(
        R"({"name": "m", "match": {"ports": 9100}, "action": {"type": "metrics"}, "security": {"ipAllowList": ["127.0.0.1"]}})");
    QVERIFY(allowedOk);
    QVERIFY2(allowed.isEmpty(), qPrintable(describe(allowed)));

    const auto [matchedOk, matched] = warningsOf(
        R"({"name": "m", "match": {"ports": 9100, "clientIp": ["10.0.0.0/8"]}, "action": {"type": "metrics"}})");
    QVERIFY(matchedOk);
    QVERIFY2(matched.isEmpty(), qPrintable(describe(matched)));

    // Other actions are not concerned.
    const auto [respondOk, respond]
        = warningsOf(R"({"name": "r", "match": {"ports": 9100}, "action": {"type": "respond"}})");
    QVERIFY(respondOk);
    QVERIFY(respond.isEmpty());
}

QTEST_GUILESS_MAIN(TestConfigValidation)
#include "tst_configvalidation.moc"
