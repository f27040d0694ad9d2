#include "config/ConfigReader.h"

#include "config/ConfigFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gatehouse::config {

namespace {

// Edit distance, for "did you mean" on unknown fields.
int distance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            current[j] = std::min({ previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost });
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// Reads one JSON value tree into the model; every problem becomes a Diagnostic with its path.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::config::ConfigReader)

public:
    ConfigReader::Result result;

    // What a value is, for "expected ..., found %1".
    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            //: A kind of JSON value, as in "expected a string, found a number".
            return tr("a boolean");
        case QJsonValue::Double:
            //: A kind of JSON value, as in "expected a string, found a number".
            return tr("a number");
        case QJsonValue::String:
            //: A kind of JSON value, as in "expected a string, found a number".
            return tr("a string");
        case QJsonValue::Array:
            //: A kind of JSON value, as in "expected a string, found a number".
            return tr("a list");
        case QJsonValue::Object:
            //: A kind of JSON value, as in "expected a string, found a number".
            return tr("an object");
        case QJsonValue::Undefined:
            break;
        }
        //: A kind of JSON value, as in "expected a string, found a number".
        return tr("nothing");
    }

    void error(const QString &path, const QString &message)
    {
        result.diagnostics.append({ Diagnostic::Severity::Error, path, message, 0, 0 });
        result.unreadPaths.insert(path);
    }

    static QString join(const QString &path, const QString &key) { return path.isEmpty() ? key : path + u'.' + key; }
    static QString at(const QString &path, qsizetype index) { return path + u'[' + QString::number(index) + u']'; }

    // Reports fields of `object` outside `known`; returns false if `value` is not an object at all.
    bool expectObject(const QJsonValue &value, const QString &path, fields::List known)
    {
        if (!value.isObject()) {
            error(path, tr("expected an object, found %1").arg(typeName(value)));
            return false;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            const bool isKnown
                = std::any_of(known.begin(), known.end(), [&](const char16_t *k) { return key == QStringView(k); });
            if (isKnown)
                continue;
            QStringList names;
            QString suggestion;
            int best = 3;
            for (const char16_t *k : known) {
                const QString name = QString::fromUtf16(k);
                names << name;
                if (const int d = distance(key, name); d < best) {
                    best = d;
                    suggestion = name;
                }
            }
            if (!suggestion.isEmpty())
                //: %1 is a field name the config does not know, %2 a known field spelled alike.
                error(join(path, key), tr("unknown field '%1'; did you mean '%2'?").arg(key, suggestion));
            else
                //: %1 is a field name the config does not know, %2 the known field names.
                error(join(path, key),
                      tr("unknown field '%1'; expected one of: %2").arg(key, names.join(QStringLiteral(", "))));
        }
        return true;
    }

    bool readString(const QJsonValue &value, const QString &path, QString &out)
    {
        if (!value.isString()) {
            error(path, tr("expected a string, found %1").arg(typeName(value)));
            return false;
        }
        out = value.toString();
        return true;
    }

    bool readBool(const QJsonValue &value, const QString &path, bool &out)
    {
        if (!value.isBool()) {
            error(path, tr("expected true or false, found %1").arg(typeName(value)));
            return false;
        }
        out = value.toBool();
        return true;
    }

    // `what` says what the field takes; empty: an integer.
    bool readInt(const QJsonValue &value, const QString &path, int &out, qint64 min, qint64 max,
                 const QString &what = QString())
    {
        const double d = value.toDouble();
        if (!value.isDouble() || std::floor(d) != d) {
            //: What a number field takes, as in "expected an integer, found 1.5".
            const QString expected = what.isEmpty() ? tr("an integer") : what;
            error(path,
                  //: %1 is what the field takes ("an integer", "a port number 1..65535", ...), %2 the number or the
                  //: kind of value found ("a string", ...).
                  tr("expected %1, found %2").arg(expected, value.isDouble() ? QString::number(d) : typeName(value)));
            return false;
        }
        if (d < double(min) || d > double(max)) {
            error(path,
                  //: %1 is the number found; %2..%3 the range allowed.
                  tr("%1 is outside %2..%3")
                      .arg(QString::number(d, 'g', 17), QString::number(min), QString::number(max)));
            return false;
        }
        out = int(d);
        return true;
    }

    // One of a fixed set of strings, mapped to an enum.
    template<typename E>
    bool readChoice(const QJsonValue &value, const QString &path,
                    std::initializer_list<std::pair<const char16_t *, E>> choices, E &out)
    {
        QString text;
        if (!readString(value, path, text))
            return false;
        QStringList names;
        for (const auto &[name, choice] : choices) {
            if (text == QStringView(name)) {
                out = choice;
                return true;
            }
            names << QString::fromUtf16(name);
        }
        error(path,
              //: %1 is the value found, %2 the values allowed (config words, not translated).
              tr("unknown value '%1'; expected %2").arg(text, names.join(QStringLiteral(", "))));
        return false;
    }

    bool readSeconds(const QJsonObject &object, const char16_t *key, const QString &path, int &out, int min)
    {
        const QString k = QString::fromUtf16(key);
        if (!object.contains(k))
            return true;
        return readInt(object.value(k), join(path, k), out, min, 7 * 24 * 3600,
                       //: What a number field takes, as in "expected an integer, found 1.5".
                       tr("a number of seconds"));
    }

    bool readPort(const QJsonValue &value, const QString &path, quint16 &out)
    {
        int port = 0;
        if (!readInt(value, path, port, 1, 65535,
                     //: What a number field takes, as in "expected an integer, found 1.5".
                     tr("a port number 1..65535")))
            return false;
        out = quint16(port);
        return true;
    }

    // A list, or one value standing for a list of one (recorded as a shorthand).
    QJsonArray listOrOne(const QJsonValue &value, const QString &path)
    {
        if (value.isArray())
            return value.toArray();
        result.shorthandPaths.insert(path);
        return QJsonArray { value };
    }

    // Path of the i-th element of a field that may have been written in one-value form.
    QString element(const QString &path, qsizetype index) const
    {
        return result.shorthandPaths.contains(path) ? path : at(path, index);
    }

    void readStringList(const QJsonValue &value, const QString &path, QStringList &out, bool allowOne)
    {
        if (!allowOne && !value.isArray()) {
            error(path, tr("expected a list of strings, found %1").arg(typeName(value)));
            return;
        }
        const QJsonArray items = listOrOne(value, path);
        for (qsizetype i = 0; i < items.size(); ++i) {
            QString s;
            if (readString(items[i], element(path, i), s))
                out << s;
        }
    }

    void readPorts(const QJsonValue &value, const QString &path, QList<PortRange> &out)
    {
        if (!value.isDouble() && !value.isArray()) {
            error(path,
                  tr("expected a port, a list of ports, or a list with {\"from\", \"to\"} ranges, found %1")
                      .arg(typeName(value)));
            return;
        }
        const QJsonArray items = listOrOne(value, path);
        if (items.isEmpty())
            error(path, tr("expected at least one port"));
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = element(path, i);
            if (items[i].isObject()) {
                if (!expectObject(items[i], itemPath, fields::kPortRange))
                    continue;
                const QJsonObject range = items[i].toObject();
                PortRange r;
                bool ok = true;
                for (const auto &[key, field] : { std::pair { u"from", &r.from }, std::pair { u"to", &r.to } }) {
                    const QString k = QString::fromUtf16(key);
                    if (!range.contains(k)) {
                        error(join(itemPath, k), tr("missing; a range needs \"from\" and \"to\""));
                        ok = false;
                    } else {
                        ok = readPort(range.value(k), join(itemPath, k), *field) && ok;
                    }
                }
                if (ok)
                    out << r;
            } else {
                quint16 port = 0;
                if (readPort(items[i], itemPath, port))
                    out << PortRange { port, port };
            }
        }
    }

    void readMatch(const QJsonValue &value, const QString &path, RouteMatch &match)
    {
        if (!expectObject(value, path, fields::kMatch))
            return;
        const QJsonObject object = value.toObject();
        if (object.contains(u"ports"))
            readPorts(object.value(u"ports"), join(path, QStringLiteral("ports")), match.ports);
        else
            error(join(path, QStringLiteral("ports")), tr("missing; every route listens on at least one port"));
        if (object.contains(u"domains"))
            readStringList(object.value(u"domains"), join(path, QStringLiteral("domains")), match.domains, true);
        if (object.contains(u"path"))
            readString(object.value(u"path"), join(path, QStringLiteral("path")), match.path);
        if (object.contains(u"clientIp"))
            readStringList(object.value(u"clientIp"), join(path, QStringLiteral("clientIp")), match.clientIp, false);
        if (object.contains(u"headers")) {
            const QString headersPath = join(path, QStringLiteral("headers"));
            const QJsonValue headers = object.value(u"headers");
            if (!headers.isObject()) {
                error(headersPath,
                      tr("expected an object of header name to value or {\"regex\": ...}, found %1")
                          .arg(typeName(headers)));
                return;
            }
            const QJsonObject h = headers.toObject();
            for (auto it = h.begin(); it != h.end(); ++it) {
                const QString headerPath = join(headersPath, it.key());
                HeaderMatch m;
                m.name = it.key();
                if (it.value().isObject()) {
                    if (!expectObject(it.value(), headerPath, fields::kHeaderRegex))
                        continue;
                    const QJsonObject regex = it.value().toObject();
                    if (!regex.contains(u"regex")) {
                        error(join(headerPath, QStringLiteral("regex")), tr("missing; expected {\"regex\": PATTERN}"));
                        continue;
                    }
                    m.isRegex = true;
                    if (!readString(regex.value(u"regex"), join(headerPath, QStringLiteral("regex")), m.value))
                        continue;
                } else if (!it.value().isString()) {
                    error(headerPath,
                          tr("expected a string or {\"regex\": PATTERN}, found %1").arg(typeName(it.value())));
                    continue;
                } else {
                    m.value = it.value().toString();
                }
                match.headers << m;
            }
        }
    }

    void readTargets(const QJsonValue &value, const QString &path, QList<Target> &out)
    {
        if (!value.isArray()) {
            error(path, tr("expected a list of {\"host\", \"port\"} targets, found %1").arg(typeName(value)));
            return;
        }
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString targetPath = at(path, i);
            if (!expectObject(items[i], targetPath, fields::kTarget))
                continue;
            const QJsonObject object = items[i].toObject();
            Target target;
            if (object.contains(u"host")) {
                const QJsonValue host = object.value(u"host");
                if (!host.isString() && !host.isArray())
                    error(join(targetPath, QStringLiteral("host")),
                          tr("expected a host name or a list of them, found %1").arg(typeName(host)));
                else
                    readStringList(host, join(targetPath, QStringLiteral("host")), target.hosts, true);
            } else {
                error(join(targetPath, QStringLiteral("host")), tr("missing; a target needs a host"));
            }
            if (object.contains(u"port"))
                readPort(object.value(u"port"), join(targetPath, QStringLiteral("port")), target.port);
            else
                error(join(targetPath, QStringLiteral("port")), tr("missing; a target needs a port"));
            if (object.contains(u"tls"))
                readTargetTls(object.value(u"tls"), join(targetPath, QStringLiteral("tls")), target.tls);
            out << target;
        }
    }

    void readTargetTls(const QJsonValue &value, const QString &path, TargetTls &tls)
    {
        if (!expectObject(value, path, fields::kTargetTls))
            return;
        const QJsonObject object = value.toObject();
        if (object.contains(u"verify"))
            readBool(object.value(u"verify"), join(path, QStringLiteral("verify")), tls.verify);
        if (object.contains(u"caBundle"))
            readString(object.value(u"caBundle"), join(path, QStringLiteral("caBundle")), tls.caBundle);
        if (object.contains(u"serverName"))
            readString(object.value(u"serverName"), join(path, QStringLiteral("serverName")), tls.serverName);
    }

    void readLoadBalancing(const QJsonValue &value, const QString &path, LoadBalancingSettings &lb)
    {
        if (!expectObject(value, path, fields::kLoadBalancing))
            return;
        const QJsonObject object = value.toObject();
        if (object.contains(u"algorithm"))
            readChoice(object.value(u"algorithm"), join(path, QStringLiteral("algorithm")),
                       { std::pair { u"round-robin", LoadBalancing::RoundRobin },
                         std::pair { u"least-connections", LoadBalancing::LeastConnections },
                         std::pair { u"ip-hash", LoadBalancing::IpHash } },
                       lb.algorithm);
        if (object.contains(u"maxFails"))
            readInt(object.value(u"maxFails"), join(path, QStringLiteral("maxFails")), lb.maxFails, 1, 1000);
        readSeconds(object, u"failTimeout", path, lb.failTimeout, 1);
    }

    void readTls(const QJsonValue &value, const QString &path, TlsSettings &tls)
    {
        if (!expectObject(value, path, fields::kTls))
            return;
        const QJsonObject object = value.toObject();
        const QString modePath = join(path, QStringLiteral("mode"));
        if (!object.contains(u"mode"))
            error(modePath, tr("missing; expected passthrough, terminate or terminate-and-reencrypt"));
        else
            readChoice(object.value(u"mode"), modePath,
                       { std::pair { u"passthrough", TlsMode::Passthrough },
                         std::pair { u"terminate", TlsMode::Terminate },
                         std::pair { u"terminate-and-reencrypt", TlsMode::TerminateAndReencrypt } },
                       tls.mode);
        if (!object.contains(u"certificate"))
            return;
        const QString certPath = join(path, QStringLiteral("certificate"));
        const QJsonValue certificate = object.value(u"certificate");
        if (certificate.isString()) {
            if (certificate.toString() == u"auto")
                tls.autoCertificate = true;
            else
                error(certPath,
                      tr("expected \"auto\" or {\"cert\": PATH, \"key\": PATH}, found \"%1\"")
                          .arg(certificate.toString()));
        } else if (certificate.isObject()) {
            if (!expectObject(certificate, certPath, fields::kStaticCertificate))
                return;
            const QJsonObject files = certificate.toObject();
            for (const auto &[key, field] :
                 { std::pair { u"cert", &tls.certFile }, std::pair { u"key", &tls.keyFile } }) {
                const QString k = QString::fromUtf16(key);
                if (!files.contains(k))
                    error(join(certPath, k), tr("missing; a static certificate needs \"cert\" and \"key\" file paths"));
                else
                    readString(files.value(k), join(certPath, k), *field);
            }
        } else {
            error(certPath,
                  tr("expected \"auto\" or {\"cert\": PATH, \"key\": PATH}, found %1").arg(typeName(certificate)));
        }
    }

    void readAction(const QJsonValue &value, const QString &path, RouteAction &action)
    {
        if (!expectObject(value, path, fields::kAction))
            return;
        const QJsonObject object = value.toObject();
        const QString typePath = join(path, QStringLiteral("type"));
        QString type;
        bool typeKnown = false;
        if (!object.contains(u"type")) {
            error(typePath, tr("missing; expected forward, redirect, respond or metrics"));
        } else if (readString(object.value(u"type"), typePath, type)) {
            typeKnown = true;
            if (type == u"forward")
                action.type = ActionType::Forward;
            else if (type == u"redirect")
                action.type = ActionType::Redirect;
            else if (type == u"respond")
                action.type = ActionType::Respond;
            else if (type == u"metrics")
                action.type = ActionType::Metrics;
            else {
                typeKnown = false;
                error(typePath,
                      tr("unknown action type '%1'; expected forward, redirect, respond or metrics").arg(type));
            }
        }
        if (!typeKnown) {
            // Without its type the whole action is unknown to the validator.
            result.unreadPaths.insert(path);
        }

        // Details belong only under the key of their type: a stray one is a mistake, not noise.
        const auto belongsTo = [&](const char16_t *key, ActionType owner) {
            const QString k = QString::fromUtf16(key);
            if (!object.contains(k))
                return false;
            if (typeKnown && action.type != owner) {
                error(join(path, k),
                      //: %1 is the action type the field belongs to, %2 the type of this action (forward, redirect,
                      //: respond, metrics).
                      tr("only for type \"%1\"; this action is \"%2\"").arg(toString(owner), type));
                return false;
            }
            return true;
        };
        if (belongsTo(u"targets", ActionType::Forward))
            readTargets(object.value(u"targets"), join(path, QStringLiteral("targets")), action.targets);
        if (belongsTo(u"loadBalancing", ActionType::Forward))
            readLoadBalancing(object.value(u"loadBalancing"), join(path, QStringLiteral("loadBalancing")),
                              action.loadBalancing);
        if (belongsTo(u"sendProxyProtocol", ActionType::Forward))
            readChoice(object.value(u"sendProxyProtocol"), join(path, QStringLiteral("sendProxyProtocol")),
                       { std::pair { u"v1", ProxyProtocolVersion::V1 }, std::pair { u"v2", ProxyProtocolVersion::V2 } },
                       action.sendProxyProtocol);
        if (object.contains(u"tls"))
            readTls(object.value(u"tls"), join(path, QStringLiteral("tls")), action.tls);
        if (belongsTo(u"redirect", ActionType::Redirect)) {
            const QString redirectPath = join(path, QStringLiteral("redirect"));
            if (expectObject(object.value(u"redirect"), redirectPath, fields::kRedirect)) {
                const QJsonObject redirect = object.value(u"redirect").toObject();
                if (redirect.contains(u"to"))
                    readString(redirect.value(u"to"), join(redirectPath, QStringLiteral("to")), action.redirect.to);
                if (redirect.contains(u"status"))
                    readInt(redirect.value(u"status"), join(redirectPath, QStringLiteral("status")),
                            action.redirect.status, 0, 999,
                            //: What a number field takes, as in "expected an integer, found 1.5".
                            tr("an HTTP status code"));
            }
        }
        if (belongsTo(u"respond", ActionType::Respond)) {
            const QString respondPath = join(path, QStringLiteral("respond"));
            if (expectObject(object.value(u"respond"), respondPath, fields::kRespond)) {
                const QJsonObject respond = object.value(u"respond").toObject();
                if (respond.contains(u"status"))
                    readInt(respond.value(u"status"), join(respondPath, QStringLiteral("status")),
                            action.respond.status, 0, 999, tr("an HTTP status code"));
                if (respond.contains(u"body"))
                    readString(respond.value(u"body"), join(respondPath, QStringLiteral("body")), action.respond.body);
                if (respond.contains(u"headers")) {
                    const QString headersPath = join(respondPath, QStringLiteral("headers"));
                    const QJsonValue headers = respond.value(u"headers");
                    if (!headers.isObject()) {
                        error(headersPath,
                              tr("expected an object of header name to value, found %1").arg(typeName(headers)));
                    } else {
                        const QJsonObject h = headers.toObject();
                        for (auto it = h.begin(); it != h.end(); ++it) {
                            QString v;
                            if (readString(it.value(), join(headersPath, it.key()), v))
                                action.respond.headers.append({ it.key(), v });
                        }
                    }
                }
            }
        }
        if (typeKnown && action.type == ActionType::Forward && !object.contains(u"targets"))
            error(join(path, QStringLiteral("targets")), tr("missing; a forward action needs at least one target"));
        if (typeKnown && action.type == ActionType::Redirect && !object.contains(u"redirect"))
            error(join(path, QStringLiteral("redirect")),
                  tr("missing; a redirect action needs {\"to\": \"https://{host}{path}\"}"));
    }

    void readSecurity(const QJsonValue &value, const QString &path, RouteSecurity &security)
    {
        if (!expectObject(value, path, fields::kSecurity))
            return;
        const QJsonObject object = value.toObject();
        if (object.contains(u"ipAllowList"))
            readStringList(object.value(u"ipAllowList"), join(path, QStringLiteral("ipAllowList")),
                           security.ipAllowList, false);
        if (object.contains(u"ipBlockList"))
            readStringList(object.value(u"ipBlockList"), join(path, QStringLiteral("ipBlockList")),
                           security.ipBlockList, false);
        if (object.contains(u"maxConnections"))
            readInt(object.value(u"maxConnections"), join(path, QStringLiteral("maxConnections")),
                    security.maxConnections, 0, std::numeric_limits<int>::max(),
                    //: What a number field takes, as in "expected an integer, found 1.5".
                    tr("a number of connections (0 for no limit)"));
    }

    void readRoute(const QJsonValue &value, const QString &path, Route &route)
    {
        if (!expectObject(value, path, fields::kRoute))
            return;
        const QJsonObject object = value.toObject();
        if (object.contains(u"name"))
            readString(object.value(u"name"), join(path, QStringLiteral("name")), route.name);
        else
            error(join(path, QStringLiteral("name")), tr("missing; every route has a unique name"));
        if (object.contains(u"enabled"))
            readBool(object.value(u"enabled"), join(path, QStringLiteral("enabled")), route.enabled);
        if (object.contains(u"priority"))
            readInt(object.value(u"priority"), join(path, QStringLiteral("priority")), route.priority, -1000000,
                    1000000);
        if (object.contains(u"match"))
            readMatch(object.value(u"match"), join(path, QStringLiteral("match")), route.match);
        else
            error(join(path, QStringLiteral("match")), tr("missing; a route needs at least {\"ports\": ...}"));
        if (object.contains(u"action"))
            readAction(object.value(u"action"), join(path, QStringLiteral("action")), route.action);
        else
            error(join(path, QStringLiteral("action")),
                  tr("missing; expected {\"type\": \"forward\" | \"redirect\" | \"respond\", ...}"));
        if (object.contains(u"security"))
            readSecurity(object.value(u"security"), join(path, QStringLiteral("security")), route.security);
    }

    void readAcme(const QJsonValue &value, const QString &path, AcmeSettings &acme)
    {
        if (!expectObject(value, path, fields::kAcme))
            return;
        const QJsonObject object = value.toObject();
        if (object.contains(u"email"))
            readString(object.value(u"email"), join(path, QStringLiteral("email")), acme.email);
        if (object.contains(u"directoryUrl"))
            readString(object.value(u"directoryUrl"), join(path, QStringLiteral("directoryUrl")), acme.directoryUrl);
        if (object.contains(u"challengePort"))
            readPort(object.value(u"challengePort"), join(path, QStringLiteral("challengePort")), acme.challengePort);
        if (object.contains(u"challengeTypes")) {
            acme.challengeTypes.clear();
            readStringList(object.value(u"challengeTypes"), join(path, QStringLiteral("challengeTypes")),
                           acme.challengeTypes, false);
        }
        if (object.contains(u"fallbackPorts")) {
            const QString portsPath = join(path, QStringLiteral("fallbackPorts"));
            const QJsonValue ports = object.value(u"fallbackPorts");
            if (!ports.isArray()) {
                error(portsPath, tr("expected a list of ports, found %1").arg(typeName(ports)));
            } else {
                const QJsonArray items = ports.toArray();
                for (qsizetype i = 0; i < items.size(); ++i) {
                    quint16 port = 0;
                    if (readPort(items[i], at(portsPath, i), port))
                        acme.fallbackPorts << port;
                }
            }
        }
        if (object.contains(u"caBundle"))
            readString(object.value(u"caBundle"), join(path, QStringLiteral("caBundle")), acme.caBundle);
    }

    void readConfig(const QJsonObject &root)
    {
        Config &config = result.config;
        if (!expectObject(root, QString(), fields::kConfig))
            return;
        if (root.contains(u"bindAddress"))
            readString(root.value(u"bindAddress"), QStringLiteral("bindAddress"), config.bindAddress);
        if (root.contains(u"workers"))
            readInt(root.value(u"workers"), QStringLiteral("workers"), config.workers, 0, 1024,
                    //: What a number field takes, as in "expected an integer, found 1.5".
                    tr("a number of worker threads (0: one per CPU core)"));
        if (root.contains(u"timeouts")) {
            const QString path = QStringLiteral("timeouts");
            if (expectObject(root.value(u"timeouts"), path, fields::kTimeouts)) {
                const QJsonObject t = root.value(u"timeouts").toObject();
                Timeouts &timeouts = config.timeouts;
                readSeconds(t, u"connect", path, timeouts.connect, 1);
                readSeconds(t, u"headerRead", path, timeouts.headerRead, 1);
                readSeconds(t, u"upstreamResponse", path, timeouts.upstreamResponse, 1);
                readSeconds(t, u"idle", path, timeouts.idle, 1);
                readSeconds(t, u"drain", path, timeouts.drain, 0);
            }
        }
        if (root.contains(u"acceptProxyProtocol"))
            readStringList(root.value(u"acceptProxyProtocol"), QStringLiteral("acceptProxyProtocol"),
                           config.acceptProxyProtocol, false);
        if (root.contains(u"acme"))
            readAcme(root.value(u"acme"), QStringLiteral("acme"), config.acme);
        if (!root.contains(u"routes"))
            return;
        const QJsonValue routes = root.value(u"routes");
        if (!routes.isArray()) {
            error(QStringLiteral("routes"), tr("expected a list of routes, found %1").arg(typeName(routes)));
            return;
        }
        const QJsonArray items = routes.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            Route route;
            readRoute(items[i], at(QStringLiteral("routes"), i), route);
            config.routes << route;
        }
    }

    void readDocument(const QByteArray &json)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            // Qt reports the offset just past the offending character; point at the character itself.
            const qsizetype offset = std::clamp<qsizetype>(parseError.offset - 1, 0, json.size());
            const QByteArray before = json.left(offset);
            const int line = int(before.count('\n')) + 1;
            const int column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
            //: %1 is the JSON parser's description of the error.
            const QString message = tr("malformed JSON: %1").arg(parseError.errorString());
            result.diagnostics.append({ Diagnostic::Severity::Error, QString(), message, line, column });
            return;
        }
        if (!document.isObject()) {
            error(QString(), tr("expected a JSON object with \"routes\" at the top level"));
            return;
        }
        readConfig(document.object());
    }
};

}  // namespace

ConfigReader::Result ConfigReader::read(const QByteArray &json)
{
    Reader reader;
    reader.readDocument(json);
    return reader.result;
}

}  // namespace gatehouse::config
