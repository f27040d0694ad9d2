#include "config/ConfigWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <variant>

namespace gatehouse::config {

namespace {

constexpr qsizetype kInlineWidth = 100;

// A JSON value whose objects keep the order their fields were added in
// (QJsonObject sorts keys, which would put "action" before "name").
struct Node
{
    using Members = QList<QPair<QString, Node>>;
    using Items = QList<Node>;
    std::variant<QJsonValue, Members, Items> value;
    // Always one line per element, even when short: the document, the route list,
    // each route and the acme section, so that they read alike.
    bool spread = false;

    static Node object(bool spread = false) { return { Members {}, spread }; }
    static Node array(bool spread = false) { return { Items {}, spread }; }

    Node &add(const QString &key, Node node)
    {
        std::get<Members>(value).append({ key, std::move(node) });
        return std::get<Members>(value).last().second;
    }
    Node &append(Node node)
    {
        std::get<Items>(value).append(std::move(node));
        return std::get<Items>(value).last();
    }
    bool isEmpty() const
    {
        if (const auto *members = std::get_if<Members>(&value))
            return members->isEmpty();
        if (const auto *items = std::get_if<Items>(&value))
            return items->isEmpty();
        return false;
    }
};

using Members = Node::Members;
using Items = Node::Items;

Node scalar(const QJsonValue &v)
{
    return { v };
}

QByteArray scalarText(const QJsonValue &v)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// One-line form, or empty when the node does not fit on one line.
QByteArray inlineText(const Node &node, qsizetype budget)
{
    if (const auto *v = std::get_if<QJsonValue>(&node.value))
        return scalarText(*v);
    QByteArray out;
    if (const auto *members = std::get_if<Members>(&node.value)) {
        out = "{ ";
        for (qsizetype i = 0; i < members->size(); ++i) {
            const QByteArray value = inlineText((*members)[i].second, budget);
            if (value.isEmpty())
                return {};
            out += (i ? ", " : "") + scalarText((*members)[i].first) + ": " + value;
            if (out.size() > budget)
                return {};
        }
        return members->isEmpty() ? QByteArray("{}") : out + " }";
    }
    const auto &items = std::get<Items>(node.value);
    out = "[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QByteArray value = inlineText(items[i], budget);
        if (value.isEmpty())
            return {};
        out += (i ? ", " : "") + value;
        if (out.size() > budget)
            return {};
    }
    return out + "]";
}

void render(const Node &node, int indent, QByteArray &out)
{
    if (!node.spread || node.isEmpty()) {
        if (const QByteArray oneLine = inlineText(node, kInlineWidth - indent); !oneLine.isEmpty()) {
            out += oneLine;
            return;
        }
    }
    const QByteArray pad(indent + 2, ' ');
    if (const auto *members = std::get_if<Members>(&node.value)) {
        out += "{\n";
        for (qsizetype i = 0; i < members->size(); ++i) {
            out += pad + scalarText((*members)[i].first) + ": ";
            render((*members)[i].second, indent + 2, out);
            out += i + 1 < members->size() ? ",\n" : "\n";
        }
        out += QByteArray(indent, ' ') + '}';
        return;
    }
    const auto &items = std::get<Items>(node.value);
    out += "[\n";
    for (qsizetype i = 0; i < items.size(); ++i) {
        out += pad;
        render(items[i], indent + 2, out);
        out += i + 1 < items.size() ? ",\n" : "\n";
    }
    out += QByteArray(indent, ' ') + ']';
}

Node stringList(const QStringList &list)
{
    Node node = Node::array();
    for (const QString &s : list)
        node.append(scalar(s));
    return node;
}

// The one-value form when there is one value, as people write it by hand.
Node stringOrList(const QStringList &list)
{
    return list.size() == 1 ? scalar(list.first()) : stringList(list);
}

Node ports(const QList<PortRange> &ranges)
{
    if (ranges.size() == 1 && ranges.first().isSingle())
        return scalar(ranges.first().from);
    Node node = Node::array();
    for (const PortRange &r : ranges) {
        if (r.isSingle()) {
            node.append(scalar(r.from));
        } else {
            Node range = Node::object();
            range.add(QStringLiteral("from"), scalar(r.from));
            range.add(QStringLiteral("to"), scalar(r.to));
            node.append(std::move(range));
        }
    }
    return node;
}

Node match(const RouteMatch &m)
{
    Node node = Node::object();
    node.add(QStringLiteral("ports"), ports(m.ports));
    if (!m.domains.isEmpty())
        node.add(QStringLiteral("domains"), stringOrList(m.domains));
    if (!m.path.isEmpty())
        node.add(QStringLiteral("path"), scalar(m.path));
    if (!m.clientIp.isEmpty())
        node.add(QStringLiteral("clientIp"), stringList(m.clientIp));
    if (!m.headers.isEmpty()) {
        Node &headers = node.add(QStringLiteral("headers"), Node::object());
        for (const HeaderMatch &h : m.headers) {
            if (h.isRegex) {
                Node regex = Node::object();
                regex.add(QStringLiteral("regex"), scalar(h.value));
                headers.add(h.name, std::move(regex));
            } else {
                headers.add(h.name, scalar(h.value));
            }
        }
    }
    return node;
}

Node tls(const TlsSettings &t)
{
    Node node = Node::object();
    node.add(QStringLiteral("mode"), scalar(toString(t.mode)));
    if (t.autoCertificate) {
        node.add(QStringLiteral("certificate"), scalar(QStringLiteral("auto")));
    } else if (t.hasStaticCertificate()) {
        Node &certificate = node.add(QStringLiteral("certificate"), Node::object());
        certificate.add(QStringLiteral("cert"), scalar(t.certFile));
        certificate.add(QStringLiteral("key"), scalar(t.keyFile));
    }
    return node;
}

Node action(const RouteAction &a)
{
    Node node = Node::object();
    node.add(QStringLiteral("type"), scalar(toString(a.type)));
    switch (a.type) {
    case ActionType::Forward: {
        Node &targets = node.add(QStringLiteral("targets"), Node::array());
        for (const Target &t : a.targets) {
            Node target = Node::object();
            target.add(QStringLiteral("host"), stringOrList(t.hosts));
            target.add(QStringLiteral("port"), scalar(t.port));
            const TargetTls defaults;
            Node tlsNode = Node::object();
            if (t.tls.verify != defaults.verify)
                tlsNode.add(QStringLiteral("verify"), scalar(t.tls.verify));
            if (!t.tls.caBundle.isEmpty())
                tlsNode.add(QStringLiteral("caBundle"), scalar(t.tls.caBundle));
            if (!t.tls.serverName.isEmpty())
                tlsNode.add(QStringLiteral("serverName"), scalar(t.tls.serverName));
            if (!tlsNode.isEmpty())
                target.add(QStringLiteral("tls"), std::move(tlsNode));
            targets.append(std::move(target));
        }
        const LoadBalancingSettings defaults;
        Node lb = Node::object();
        if (a.loadBalancing.algorithm != defaults.algorithm)
            lb.add(QStringLiteral("algorithm"), scalar(toString(a.loadBalancing.algorithm)));
        if (a.loadBalancing.maxFails != defaults.maxFails)
            lb.add(QStringLiteral("maxFails"), scalar(a.loadBalancing.maxFails));
        if (a.loadBalancing.failTimeout != defaults.failTimeout)
            lb.add(QStringLiteral("failTimeout"), scalar(a.loadBalancing.failTimeout));
        if (!lb.isEmpty())
            node.add(QStringLiteral("loadBalancing"), std::move(lb));
        if (a.sendProxyProtocol != ProxyProtocolVersion::None)
            node.add(QStringLiteral("sendProxyProtocol"), scalar(toString(a.sendProxyProtocol)));
        break;
    }
    case ActionType::Redirect: {
        Node &redirect = node.add(QStringLiteral("redirect"), Node::object());
        redirect.add(QStringLiteral("to"), scalar(a.redirect.to));
        redirect.add(QStringLiteral("status"), scalar(a.redirect.status));
        break;
    }
    case ActionType::Respond: {
        Node &respond = node.add(QStringLiteral("respond"), Node::object());
        respond.add(QStringLiteral("status"), scalar(a.respond.status));
        if (!a.respond.headers.isEmpty()) {
            Node &headers = respond.add(QStringLiteral("headers"), Node::object());
            for (const auto &[name, value] : a.respond.headers)
                headers.add(name, scalar(value));
        }
        if (!a.respond.body.isEmpty())
            respond.add(QStringLiteral("body"), scalar(a.respond.body));
        break;
    }
    case ActionType::Metrics:
        break;
    }
    if (a.tls.mode != TlsMode::None || a.tls.autoCertificate || a.tls.hasStaticCertificate())
        node.add(QStringLiteral("tls"), tls(a.tls));
    return node;
}

Node route(const Route &r)
{
    Node node = Node::object(true);
    node.add(QStringLiteral("name"), scalar(r.name));
    if (!r.enabled)
        node.add(QStringLiteral("enabled"), scalar(false));
    if (r.priority != 0)
        node.add(QStringLiteral("priority"), scalar(r.priority));
    node.add(QStringLiteral("match"), match(r.match));
    node.add(QStringLiteral("action"), action(r.action));
    Node security = Node::object();
    if (!r.security.ipAllowList.isEmpty())
        security.add(QStringLiteral("ipAllowList"), stringList(r.security.ipAllowList));
    if (!r.security.ipBlockList.isEmpty())
        security.add(QStringLiteral("ipBlockList"), stringList(r.security.ipBlockList));
    if (r.security.maxConnections != 0)
        security.add(QStringLiteral("maxConnections"), scalar(r.security.maxConnections));
    if (!security.isEmpty())
        node.add(QStringLiteral("security"), std::move(security));
    return node;
}

Node acme(const AcmeSettings &a)
{
    const AcmeSettings defaults;
    Node node = Node::object(true);
    if (a.email != defaults.email)
        node.add(QStringLiteral("email"), scalar(a.email));
    if (a.directoryUrl != defaults.directoryUrl)
        node.add(QStringLiteral("directoryUrl"), scalar(a.directoryUrl));
    if (a.challengePort != defaults.challengePort)
        node.add(QStringLiteral("challengePort"), scalar(a.challengePort));
    if (a.challengeTypes != defaults.challengeTypes)
        node.add(QStringLiteral("challengeTypes"), stringList(a.challengeTypes));
    if (a.fallbackPorts != defaults.fallbackPorts) {
        Node &fallback = node.add(QStringLiteral("fallbackPorts"), Node::array());
        for (const quint16 port : a.fallbackPorts)
            fallback.append(scalar(port));
    }
    if (a.caBundle != defaults.caBundle)
        node.add(QStringLiteral("caBundle"), scalar(a.caBundle));
    return node;
}

}  // namespace

QByteArray ConfigWriter::write(const Config &config)
{
    const Config defaults;
    Node root = Node::object(true);
    if (config.bindAddress != defaults.bindAddress)
        root.add(QStringLiteral("bindAddress"), scalar(config.bindAddress));
    if (config.workers != defaults.workers)
        root.add(QStringLiteral("workers"), scalar(config.workers));
    Node timeouts = Node::object();
    const auto addSeconds = [&](const QString &key, int value, int defaultValue) {
        if (value != defaultValue)
            timeouts.add(key, scalar(value));
    };
    addSeconds(QStringLiteral("connect"), config.timeouts.connect, defaults.timeouts.connect);
    addSeconds(QStringLiteral("headerRead"), config.timeouts.headerRead, defaults.timeouts.headerRead);
    addSeconds(QStringLiteral("upstreamResponse"), config.timeouts.upstreamResponse,
               defaults.timeouts.upstreamResponse);
    addSeconds(QStringLiteral("idle"), config.timeouts.idle, defaults.timeouts.idle);
    addSeconds(QStringLiteral("drain"), config.timeouts.drain, defaults.timeouts.drain);
    if (!timeouts.isEmpty())
        root.add(QStringLiteral("timeouts"), std::move(timeouts));
    if (!config.acceptProxyProtocol.isEmpty())
        root.add(QStringLiteral("acceptProxyProtocol"), stringList(config.acceptProxyProtocol));
    if (Node a = acme(config.acme); !a.isEmpty())
        root.add(QStringLiteral("acme"), std::move(a));
    Node &routes = root.add(QStringLiteral("routes"), Node::array(true));
    for (const Route &r : config.routes)
        routes.append(route(r));

    QByteArray out;
    render(root, 0, out);
    return out + '\n';
}

QByteArray ConfigWriter::writeRoute(const Route &r)
{
    QByteArray out;
    render(route(r), 0, out);
    return out + '\n';
}

}  // namespace gatehouse::config
