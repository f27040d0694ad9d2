#include "config/ConfigSchema.h"

#include "config/Config.h"
#include "config/ConfigFields.h"

#include <QJsonArray>

#include <limits>

namespace gatehouse::config {

namespace {

constexpr int kMaxSeconds = 7 * 24 * 3600;  // ConfigReader's limit for every timeout

QJsonObject ref(const char *name)
{
    return { { QStringLiteral("$ref"), QString(QStringLiteral("#/$defs/") + QString::fromLatin1(name)) } };
}

QJsonObject described(QJsonObject schema, const QString &description)
{
    schema.insert(QStringLiteral("description"), description);
    return schema;
}

QJsonObject string(const QString &description)
{
    return { { QStringLiteral("type"), QStringLiteral("string") }, { QStringLiteral("description"), description } };
}

QJsonObject boolean(bool defaultValue, const QString &description)
{
    return { { QStringLiteral("type"), QStringLiteral("boolean") },
             { QStringLiteral("default"), defaultValue },
             { QStringLiteral("description"), description } };
}

QJsonObject integer(qint64 minimum, qint64 maximum, const QString &description)
{
    return { { QStringLiteral("type"), QStringLiteral("integer") },
             { QStringLiteral("minimum"), minimum },
             { QStringLiteral("maximum"), maximum },
             { QStringLiteral("description"), description } };
}

QJsonObject withDefault(QJsonObject schema, const QJsonValue &value)
{
    schema.insert(QStringLiteral("default"), value);
    return schema;
}

QJsonObject seconds(int minimum, int defaultValue, const QString &description)
{
    return withDefault(integer(minimum, kMaxSeconds, description + QStringLiteral(" In seconds.")), defaultValue);
}

QJsonObject port(const QString &description)
{
    return integer(1, 65535, description);
}

QJsonObject choice(const QStringList &values, const QString &description)
{
    return { { QStringLiteral("enum"), QJsonArray::fromStringList(values) },
             { QStringLiteral("description"), description } };
}

QJsonObject listOf(const QJsonObject &items, const QString &description)
{
    return { { QStringLiteral("type"), QStringLiteral("array") },
             { QStringLiteral("items"), items },
             { QStringLiteral("description"), description } };
}

QJsonObject strings(const QString &description)
{
    return listOf({ { QStringLiteral("type"), QStringLiteral("string") } }, description);
}

QJsonObject oneOrMore(const QJsonObject &item, const QString &description)
{
    return { { QStringLiteral("oneOf"), QJsonArray { item, listOf(item, QString()) } },
             { QStringLiteral("description"), description } };
}

QJsonArray strings(std::initializer_list<const char16_t *> names)
{
    QJsonArray array;
    for (const char16_t *name : names)
        array.append(QString::fromUtf16(name));
    return array;
}

// An object of exactly these fields (the names come from ConfigFields.h, so a
// description given for a field the reader does not know is an error here).
QJsonObject object(fields::List known, const QList<std::pair<const char16_t *, QJsonObject>> &properties,
                   std::initializer_list<const char16_t *> required, const QString &description)
{
    QJsonObject props;
    for (const auto &[name, schema] : properties) {
        const QString key = QString::fromUtf16(name);
        Q_ASSERT(std::any_of(known.begin(), known.end(), [&](const char16_t *k) { return key == QStringView(k); }));
        props.insert(key, schema);
    }
    QJsonObject result { { QStringLiteral("type"), QStringLiteral("object") },
                         { QStringLiteral("properties"), props },
                         { QStringLiteral("additionalProperties"), false },
                         { QStringLiteral("description"), description } };
    if (required.size() > 0)
        result.insert(QStringLiteral("required"), strings(required));
    return result;
}

QString ipListHelp()
{
    return QStringLiteral("Addresses (\"192.0.2.7\", \"2001:db8::1\"), CIDR blocks (\"10.0.0.0/8\") or globs "
                          "(\"192.168.*.*\").");
}

// When action.type is `type`: these fields must be there, and these others must not.
QJsonObject actionRule(const QString &type, std::initializer_list<const char16_t *> required,
                       std::initializer_list<const char16_t *> forbidden)
{
    QJsonObject then;
    if (required.size() > 0)
        then.insert(QStringLiteral("required"), strings(required));
    QJsonObject notAllowed;
    for (const char16_t *name : forbidden)
        notAllowed.insert(QString::fromUtf16(name), false);
    then.insert(QStringLiteral("properties"), notAllowed);
    return { { QStringLiteral("if"),
               QJsonObject {
                   { QStringLiteral("properties"),
                     QJsonObject { { QStringLiteral("type"), QJsonObject { { QStringLiteral("const"), type } } } } },
                   { QStringLiteral("required"), QJsonArray { QStringLiteral("type") } } } },
             { QStringLiteral("then"), then } };
}

}  // namespace

QJsonObject ConfigSchema::build()
{
    const Config config;
    const Timeouts timeouts;
    const AcmeSettings acme;
    const Route route;
    const LoadBalancingSettings balancing;
    const TargetTls targetTls;

    QJsonObject defs;
    defs.insert(
        QStringLiteral("timeouts"),
        object(
            fields::kTimeouts,
            {
                { u"connect", seconds(1, timeouts.connect, QStringLiteral("Connecting to a target.")) },
                { u"headerRead", seconds(1, timeouts.headerRead, QStringLiteral("Reading a client's request head.")) },
                { u"upstreamResponse",
                  seconds(1, timeouts.upstreamResponse,
                          QStringLiteral("Waiting for a target's response head; 504 after it.")) },
                { u"idle",
                  seconds(1, timeouts.idle, QStringLiteral("A connection or tunnel with no traffic either way.")) },
                { u"drain", seconds(0, timeouts.drain, QStringLiteral("Open connections may finish at shutdown.")) },
            },
            {}, QStringLiteral("Time limits.")));

    defs.insert(
        QStringLiteral("acme"),
        object(fields::kAcme,
               {
                   { u"email",
                     string(QStringLiteral("Contact address of the ACME account; required when a route uses "
                                           "\"certificate\": \"auto\".")) },
                   { u"directoryUrl",
                     withDefault(described({ { QStringLiteral("type"), QStringLiteral("string") },
                                             { QStringLiteral("pattern"), QStringLiteral("^https://") } },
                                           QStringLiteral("The ACME directory (an https:// URL).")),
                                 acme.directoryUrl) },
                   { u"challengePort",
                     withDefault(port(QStringLiteral("Where http-01 challenges are answered.")), acme.challengePort) },
                   { u"challengeTypes",
                     withDefault(described({ { QStringLiteral("type"), QStringLiteral("array") },
                                             { QStringLiteral("items"),
                                               choice({ QStringLiteral("http-01"), QStringLiteral("tls-alpn-01") },
                                                      QString()) },
                                             { QStringLiteral("minItems"), 1 },
                                             { QStringLiteral("uniqueItems"), true } },
                                           QStringLiteral("The challenge types offered to the CA.")),
                                 QJsonArray::fromStringList(acme.challengeTypes)) },
                   { u"fallbackPorts",
                     listOf(port(QString()),
                            QStringLiteral("Ports tried for http-01 when challengePort cannot be bound; the CA "
                                           "still connects to port 80, so they need a port forward.")) },
                   { u"caBundle",
                     string(QStringLiteral("PEM file of extra roots trusted for the ACME server's own HTTPS.")) },
               },
               {}, QStringLiteral("Automatic certificates.")));

    defs.insert(QStringLiteral("portRange"),
                object(fields::kPortRange,
                       { { u"from", port(QStringLiteral("First port.")) },
                         { u"to", port(QStringLiteral("Last port (not below from).")) } },
                       { u"from", u"to" }, QStringLiteral("A range of ports, both ends included.")));
    defs.insert(QStringLiteral("headerRegex"),
                object(fields::kHeaderRegex,
                       { { u"regex", string(QStringLiteral("A regular expression the header value must match.")) } },
                       { u"regex" }, QStringLiteral("A header matched by a regular expression.")));

    const QJsonObject portOrRange { { QStringLiteral("oneOf"), QJsonArray { port(QString()), ref("portRange") } } };
    defs.insert(
        QStringLiteral("match"),
        object(fields::kMatch,
               {
                   { u"ports",
                     QJsonObject { { QStringLiteral("oneOf"),
                                     QJsonArray { port(QString()),
                                                  QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
                                                                { QStringLiteral("items"), portOrRange },
                                                                { QStringLiteral("minItems"), 1 } } } },
                                   { QStringLiteral("description"),
                                     QStringLiteral("A port, or a list of ports and {\"from\", \"to\"} ranges.") } } },
                   { u"domains",
                     oneOrMore({ { QStringLiteral("type"), QStringLiteral("string") } },
                               QStringLiteral("Names matched against TLS SNI or the HTTP Host: exact, "
                                              "\"*.example.com\" or \"*\". Empty: any.")) },
                   { u"path",
                     string(QStringLiteral("Exact path, prefix \"/api/*\" or glob. Needs HTTP (or terminated "
                                           "TLS).")) },
                   { u"clientIp", strings(QString(ipListHelp() + QStringLiteral(" Empty: any client."))) },
                   { u"headers",
                     QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
                                   { QStringLiteral("additionalProperties"),
                                     QJsonObject { { QStringLiteral("oneOf"),
                                                     QJsonArray { QJsonObject { { QStringLiteral("type"),
                                                                                  QStringLiteral("string") } },
                                                                  ref("headerRegex") } } } },
                                   { QStringLiteral("description"),
                                     QStringLiteral("Header name to exact value or {\"regex\": PATTERN}; all "
                                                    "must match.") } } },
               },
               { u"ports" }, QStringLiteral("What a connection or request must look like to take this route.")));

    defs.insert(
        QStringLiteral("targetTls"),
        object(fields::kTargetTls,
               {
                   { u"verify",
                     boolean(targetTls.verify,
                             QStringLiteral("Check the target's certificate; false accepts any "
                                            "(logged as a warning).")) },
                   { u"caBundle", string(QStringLiteral("PEM file of extra roots; empty: the system's.")) },
                   { u"serverName", string(QStringLiteral("SNI sent and name checked; empty: the target host.")) },
               },
               {}, QStringLiteral("How terminate-and-reencrypt checks this target's certificate.")));
    defs.insert(QStringLiteral("target"),
                object(fields::kTarget,
                       {
                           { u"host",
                             oneOrMore({ { QStringLiteral("type"), QStringLiteral("string") } },
                                       QStringLiteral("A host name or IP address, or a list of them.")) },
                           { u"port", port(QStringLiteral("The target's port.")) },
                           { u"tls", ref("targetTls") },
                       },
                       { u"host", u"port" }, QStringLiteral("A server requests are forwarded to.")));
    defs.insert(
        QStringLiteral("loadBalancing"),
        object(
            fields::kLoadBalancing,
            {
                { u"algorithm",
                  withDefault(choice({ QStringLiteral("round-robin"), QStringLiteral("least-connections"),
                                       QStringLiteral("ip-hash") },
                                     QStringLiteral("How a target is chosen.")),
                              toString(balancing.algorithm)) },
                { u"maxFails",
                  withDefault(integer(1, 1000, QStringLiteral("Failed connects in a row before a target is skipped.")),
                              balancing.maxFails) },
                { u"failTimeout",
                  seconds(1, balancing.failTimeout, QStringLiteral("How long a failed target is skipped.")) },
            },
            {}, QStringLiteral("Target choice and passive health checks.")));
    defs.insert(QStringLiteral("staticCertificate"),
                object(fields::kStaticCertificate,
                       { { u"cert", string(QStringLiteral("PEM file of the certificate chain.")) },
                         { u"key", string(QStringLiteral("PEM file of the private key.")) } },
                       { u"cert", u"key" }, QStringLiteral("A certificate from files.")));
    defs.insert(
        QStringLiteral("tls"),
        object(fields::kTls,
               {
                   { u"mode",
                     choice({ QStringLiteral("passthrough"), QStringLiteral("terminate"),
                              QStringLiteral("terminate-and-reencrypt") },
                            QStringLiteral("Pass TLS through untouched, or terminate it here.")) },
                   { u"certificate",
                     QJsonObject {
                         { QStringLiteral("oneOf"),
                           QJsonArray { QJsonObject { { QStringLiteral("const"), QStringLiteral("auto") } },
                                        ref("staticCertificate") } },
                         { QStringLiteral("description"),
                           QStringLiteral("\"auto\" (ACME) or {\"cert\": PATH, \"key\": PATH}; needed by terminate "
                                          "and terminate-and-reencrypt.") } } },
               },
               { u"mode" }, QStringLiteral("TLS handling.")));
    defs.insert(
        QStringLiteral("redirect"),
        object(fields::kRedirect,
               {
                   { u"to",
                     string(QStringLiteral("Where to send the client; placeholders {host}, {path}, {query}, "
                                           "{port}.")) },
                   { u"status",
                     withDefault(described({ { QStringLiteral("enum"), QJsonArray { 301, 302, 303, 307, 308 } } },
                                           QStringLiteral("The redirect status.")),
                                 route.action.redirect.status) },
               },
               { u"to" }, QStringLiteral("Details of a redirect action.")));
    defs.insert(QStringLiteral("respond"),
                object(fields::kRespond,
                       {
                           { u"status",
                             withDefault(integer(200, 599, QStringLiteral("The response status.")),
                                         route.action.respond.status) },
                           { u"headers",
                             QJsonObject { { QStringLiteral("type"), QStringLiteral("object") },
                                           { QStringLiteral("additionalProperties"),
                                             QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } } },
                                           { QStringLiteral("description"),
                                             QStringLiteral("Response headers, name to value (not Content-Length or "
                                                            "Transfer-Encoding).") } } },
                           { u"body", string(QStringLiteral("The response body.")) },
                       },
                       {}, QStringLiteral("Details of a respond action.")));

    QJsonObject action = object(
        fields::kAction,
        {
            { u"type",
              choice({ QStringLiteral("forward"), QStringLiteral("redirect"), QStringLiteral("respond"),
                       QStringLiteral("metrics") },
                     QStringLiteral("What the route does; metrics answers GET with the Prometheus text format.")) },
            { u"targets",
              described(listOf(ref("target"), QString()), QStringLiteral("forward: the servers to forward to.")) },
            { u"loadBalancing", ref("loadBalancing") },
            { u"sendProxyProtocol",
              choice({ QStringLiteral("v1"), QStringLiteral("v2") },
                     QStringLiteral("forward: send a PROXY protocol header to targets.")) },
            { u"tls", ref("tls") },
            { u"redirect", ref("redirect") },
            { u"respond", ref("respond") },
        },
        { u"type" }, QStringLiteral("What the route does with a matching connection or request."));
    action.insert(QStringLiteral("allOf"),
                  QJsonArray {
                      actionRule(QStringLiteral("forward"), { u"targets" }, { u"redirect", u"respond" }),
                      actionRule(QStringLiteral("redirect"), { u"redirect" },
                                 { u"targets", u"loadBalancing", u"sendProxyProtocol", u"respond" }),
                      actionRule(QStringLiteral("respond"), {},
                                 { u"targets", u"loadBalancing", u"sendProxyProtocol", u"redirect" }),
                      actionRule(QStringLiteral("metrics"), {},
                                 { u"targets", u"loadBalancing", u"sendProxyProtocol", u"redirect", u"respond" }),
                  });
    defs.insert(QStringLiteral("action"), action);

    defs.insert(
        QStringLiteral("security"),
        object(
            fields::kSecurity,
            {
                { u"ipAllowList", strings(QString(QStringLiteral("Only these clients may connect. ") + ipListHelp())) },
                { u"ipBlockList", strings(QString(QStringLiteral("These clients may not connect. ") + ipListHelp())) },
                { u"maxConnections",
                  withDefault(integer(0, std::numeric_limits<int>::max(),
                                      QStringLiteral("Open connections at once; 0: no limit.")),
                              route.security.maxConnections) },
            },
            {}, QStringLiteral("Who may use the route.")));
    defs.insert(QStringLiteral("route"),
                object(fields::kRoute,
                       {
                           { u"name", string(QStringLiteral("Unique name of the route.")) },
                           { u"enabled", boolean(route.enabled, QStringLiteral("false keeps the route but unused.")) },
                           { u"priority",
                             withDefault(integer(-1000000, 1000000,
                                                 QStringLiteral("Among routes matching the same request, the "
                                                                "higher wins.")),
                                         route.priority) },
                           { u"match", ref("match") },
                           { u"action", ref("action") },
                           { u"security", ref("security") },
                       },
                       { u"name", u"match", u"action" }, QStringLiteral("One route.")));

    QJsonObject schema = object(
        fields::kConfig,
        {
            { u"bindAddress",
              withDefault(string(QStringLiteral("Where listeners bind: an IP address of this host, 0.0.0.0 or ::.")),
                          config.bindAddress) },
            { u"workers",
              withDefault(integer(0, 1024, QStringLiteral("Proxy worker threads; 0: one per CPU core.")),
                          config.workers) },
            { u"timeouts", ref("timeouts") },
            { u"acceptProxyProtocol",
              strings(QString(QStringLiteral("Clients from these addresses must start with a PROXY protocol header "
                                             "(v1 or v2). ")
                              + ipListHelp())) },
            { u"acme", ref("acme") },
            { u"routes", listOf(ref("route"), QStringLiteral("The routes.")) },
        },
        {}, QStringLiteral("Gatehouse config file."));
    schema.insert(QStringLiteral("$schema"), QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
    schema.insert(QStringLiteral("title"), QStringLiteral("Gatehouse config"));
    schema.insert(QStringLiteral("$defs"), defs);
    return schema;
}

}  // namespace gatehouse::config
