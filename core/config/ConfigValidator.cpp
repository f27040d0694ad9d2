#include "config/ConfigValidator.h"

#include "routing/DomainPattern.h"
#include "routing/IpPattern.h"
#include "routing/OverlapAnalysis.h"
#include "routing/PathPattern.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace gatehouse::config {

namespace {

const QStringList kPlaceholders
    = { QStringLiteral("host"), QStringLiteral("path"), QStringLiteral("query"), QStringLiteral("port") };
const QStringList kChallengeTypes = { QStringLiteral("http-01"), QStringLiteral("tls-alpn-01") };

// RFC 9110 token characters, for header names.
bool isToken(const QString &name)
{
    static const QString special = QStringLiteral("!#$%&'*+-.^_`|~");
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (!alnum && !special.contains(c))
            return false;
    }
    return true;
}

bool hasLineBreak(const QString &value)
{
    return value.contains(u'\r') || value.contains(u'\n') || value.contains(QChar(0));
}

class Validator
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::config::ConfigValidator)

public:
    Validator(const Config &config, const ConfigValidator::Options &options) : m_config(config), m_options(options) { }

    Diagnostics run()
    {
        checkTop();
        QHash<QString, qsizetype> names;
        for (qsizetype i = 0; i < m_config.routes.size(); ++i) {
            const Route &route = m_config.routes[i];
            const QString path = QStringLiteral("routes[%1]").arg(i);
            if (route.name.trimmed().isEmpty()) {
                error(path + u".name", tr("a route needs a name"));
            } else if (const auto it = names.constFind(route.name); it != names.constEnd()) {
                error(path + u".name",
                      //: %2 is the other route's index: routes[%2] is its place in the config file.
                      tr("duplicate route name '%1' (also routes[%2]); names must be unique")
                          .arg(route.name, QString::number(*it)));
            } else {
                names.insert(route.name, i);
            }
            checkRoute(route, path);
        }
        if (!hasErrors(m_diagnostics))
            m_diagnostics += routing::analyzeOverlaps(m_config);
        return m_diagnostics;
    }

private:
    void error(const QString &path, const QString &message)
    {
        m_diagnostics.append({ Diagnostic::Severity::Error, path, message, 0, 0 });
    }

    void warning(const QString &path, const QString &message)
    {
        m_diagnostics.append({ Diagnostic::Severity::Warning, path, message, 0, 0 });
    }

    enum class FileKind { CaBundle, Certificate, Key };

    void checkFile(const QString &path, const QString &file, FileKind kind)
    {
        if (!m_options.checkFiles)
            return;
        const QFileInfo info(file);
        if (!info.exists())
            error(path, missingFile(kind).arg(file));
        else if (!info.isFile() || !info.isReadable())
            error(path, unreadableFile(kind).arg(file));
    }

    static QString missingFile(FileKind kind)
    {
        switch (kind) {
        case FileKind::CaBundle:
            return tr("CA bundle file '%1' does not exist");
        case FileKind::Certificate:
            return tr("certificate file '%1' does not exist");
        case FileKind::Key:
            break;
        }
        return tr("key file '%1' does not exist");
    }

    static QString unreadableFile(FileKind kind)
    {
        switch (kind) {
        case FileKind::CaBundle:
            return tr("CA bundle file '%1' is not a readable file");
        case FileKind::Certificate:
            return tr("certificate file '%1' is not a readable file");
        case FileKind::Key:
            break;
        }
        return tr("key file '%1' is not a readable file");
    }

    void checkTop()
    {
        if (QHostAddress(m_config.bindAddress).isNull())
            error(QStringLiteral("bindAddress"),
                  tr("'%1' is not an IP address; use 0.0.0.0 for all IPv4 interfaces, :: for IPv4 and IPv6, "
                     "or one address of this host")
                      .arg(m_config.bindAddress));
        if (m_config.workers < 0)
            error(QStringLiteral("workers"), tr("expected 0 (one per CPU core) or a positive number"));

        const AcmeSettings &acme = m_config.acme;
        if (!acme.email.isEmpty()) {
            const qsizetype at = acme.email.indexOf(u'@');
            if (at <= 0 || at != acme.email.lastIndexOf(u'@') || at == acme.email.size() - 1
                || acme.email.contains(u' '))
                error(QStringLiteral("acme.email"), tr("'%1' is not an email address").arg(acme.email));
        }
        const QUrl directory(acme.directoryUrl, QUrl::StrictMode);
        if (!directory.isValid() || directory.scheme() != u"https" || directory.host().isEmpty())
            error(QStringLiteral("acme.directoryUrl"),
                  tr("'%1' is not an https:// URL of an ACME directory").arg(acme.directoryUrl));
        if (acme.challengeTypes.isEmpty())
            error(QStringLiteral("acme.challengeTypes"), tr("expected at least one of http-01, tls-alpn-01"));
        for (qsizetype i = 0; i < acme.challengeTypes.size(); ++i) {
            const QString &type = acme.challengeTypes[i];
            const QString path = QStringLiteral("acme.challengeTypes[%1]").arg(i);
            if (!kChallengeTypes.contains(type))
                error(path, tr("unknown challenge type '%1'; expected http-01 or tls-alpn-01").arg(type));
            else if (acme.challengeTypes.indexOf(type) != i)
                error(path, tr("'%1' is listed twice").arg(type));
        }
        for (qsizetype i = 0; i < acme.fallbackPorts.size(); ++i) {
            if (acme.fallbackPorts[i] == 0)
                error(QStringLiteral("acme.fallbackPorts[%1]").arg(i), tr("expected a port number 1..65535"));
        }
        if (acme.challengePort == 0)
            error(QStringLiteral("acme.challengePort"), tr("expected a port number 1..65535"));
        if (!acme.caBundle.isEmpty())
            checkFile(QStringLiteral("acme.caBundle"), acme.caBundle, FileKind::CaBundle);
        checkIpList(m_config.acceptProxyProtocol, QStringLiteral("acceptProxyProtocol"));
    }

    void checkIpList(const QStringList &list, const QString &path)
    {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const auto pattern = routing::IpPattern::parse(list[i]);
            if (!pattern)
                error(path + QStringLiteral("[%1]").arg(i), pattern.error());
        }
    }

    void checkRoute(const Route &route, const QString &path)
    {
        const RouteMatch &match = route.match;
        const QString matchPath = path + u".match";
        if (match.ports.isEmpty())
            error(matchPath + u".ports", tr("expected at least one port"));
        for (qsizetype i = 0; i < match.ports.size(); ++i) {
            const PortRange &range = match.ports[i];
            const QString portPath = matchPath + QStringLiteral(".ports[%1]").arg(i);
            if (range.from == 0 || range.to == 0)
                error(portPath, tr("expected a port number 1..65535"));
            else if (range.from > range.to)
                error(portPath,
                      tr("reversed range %1..%2; \"from\" must not be above \"to\"").arg(range.from).arg(range.to));
        }

        bool wildcardDomain = false;
        for (qsizetype i = 0; i < match.domains.size(); ++i) {
            const auto pattern = routing::DomainPattern::parse(match.domains[i]);
            if (!pattern)
                error(matchPath + QStringLiteral(".domains[%1]").arg(i),
                      //: %1 is a domain as written in the config, %2 what is wrong with it.
                      tr("'%1': %2").arg(match.domains[i], pattern.error()));
            else if (pattern->kind() != routing::DomainPattern::Kind::Exact)
                wildcardDomain = true;
        }
        if (const auto pattern = routing::PathPattern::parse(match.path); !pattern)
            error(matchPath + u".path", pattern.error());
        checkIpList(match.clientIp, matchPath + u".clientIp");
        for (const HeaderMatch &header : match.headers) {
            const QString headerPath = matchPath + u".headers." + header.name;
            if (!isToken(header.name))
                error(headerPath, tr("'%1' is not a valid header name").arg(header.name));
            if (header.isRegex) {
                const QRegularExpression regex(header.value);
                if (!regex.isValid())
                    error(headerPath + u".regex",
                          //: %1 is a character position in the expression, %2 the expression engine's error.
                          tr("invalid regular expression at offset %1: %2")
                              .arg(regex.patternErrorOffset())
                              .arg(regex.errorString()));
            }
        }

        checkAction(route, path, wildcardDomain);
        checkIpList(route.security.ipAllowList, path + u".security.ipAllowList");
        checkIpList(route.security.ipBlockList, path + u".security.ipBlockList");
        if (route.security.maxConnections < 0)
            error(path + u".security.maxConnections", tr("expected 0 (no limit) or a positive number"));
    }

    void checkAction(const Route &route, const QString &routePath, bool wildcardDomain)
    {
        const RouteAction &action = route.action;
        const QString path = routePath + u".action";
        switch (action.type) {
        case ActionType::Forward:
            checkTargets(action.targets, path + u".targets", action.tls.mode == TlsMode::TerminateAndReencrypt);
            break;
        case ActionType::Redirect:
            checkRedirect(action.redirect, path + u".redirect");
            break;
        case ActionType::Respond:
            checkRespond(action.respond, path + u".respond");
            break;
        case ActionType::Metrics:
            if (route.security.ipAllowList.isEmpty() && route.match.clientIp.isEmpty())
                warning(routePath + u".security.ipAllowList",
                        tr("a metrics route reveals route names, domains and traffic to anyone who can "
                           "reach it; restrict it with security.ipAllowList"));
            break;
        }

        const TlsSettings &tls = action.tls;
        const QString tlsPath = path + u".tls";
        const QString certPath = tlsPath + u".certificate";
        const bool hasCertificate = tls.autoCertificate || tls.hasStaticCertificate();
        switch (tls.mode) {
        case TlsMode::None:
            if (hasCertificate)
                error(tlsPath + u".mode", tr("missing; a certificate needs mode terminate or terminate-and-reencrypt"));
            return;
        case TlsMode::Passthrough:
            if (action.type != ActionType::Forward)
                error(tlsPath + u".mode",
                      tr("passthrough forwards TLS untouched, so it needs action type \"forward\""));
            if (hasCertificate)
                error(certPath,
                      tr("passthrough forwards TLS untouched and serves no certificate; remove it, "
                         "or use mode terminate"));
            if (!route.match.path.isEmpty())
                error(routePath + u".match.path",
                      tr("a path is inside TLS, which passthrough does not decrypt; remove it or use mode "
                         "terminate"));
            if (!route.match.headers.isEmpty())
                error(routePath + u".match.headers",
                      tr("headers are inside TLS, which passthrough does not decrypt; remove them or use mode "
                         "terminate"));
            return;
        case TlsMode::TerminateAndReencrypt:
            if (action.type != ActionType::Forward)
                error(tlsPath + u".mode",
                      tr("terminate-and-reencrypt connects to targets, so it needs action type "
                         "\"forward\"; use terminate"));
            break;
        case TlsMode::Terminate:
            break;
        }

        if (!hasCertificate) {
            error(certPath, tr("missing; terminating TLS needs \"auto\" or {\"cert\": PATH, \"key\": PATH}"));
            return;
        }
        if (tls.autoCertificate) {
            if (m_config.acme.email.isEmpty())
                error(certPath, tr("\"auto\" needs acme.email, the contact address for the ACME account"));
            if (route.match.domains.isEmpty())
                error(certPath, tr("\"auto\" needs match.domains: the names to put in the certificate"));
            else if (wildcardDomain)
                error(certPath,
                      tr("\"auto\" cannot cover a wildcard or \"*\" domain: that needs the dns-01 "
                         "challenge, which Gatehouse does not offer; use a static certificate"));
            return;
        }
        if (tls.certFile.isEmpty())
            error(certPath + u".cert", tr("missing; the path of the certificate chain (PEM)"));
        else
            checkFile(certPath + u".cert", tls.certFile, FileKind::Certificate);
        if (tls.keyFile.isEmpty())
            error(certPath + u".key", tr("missing; the path of the private key (PEM)"));
        else
            checkFile(certPath + u".key", tls.keyFile, FileKind::Key);
    }

    void checkTargets(const QList<Target> &targets, const QString &path, bool reencrypt)
    {
        if (targets.isEmpty())
            error(path, tr("a forward action needs at least one target"));
        for (qsizetype i = 0; i < targets.size(); ++i) {
            const Target &target = targets[i];
            const QString targetPath = path + QStringLiteral("[%1]").arg(i);
            if (target.hosts.isEmpty())
                error(targetPath + u".host", tr("expected a host name or address"));
            for (qsizetype h = 0; h < target.hosts.size(); ++h) {
                const QString &host = target.hosts[h];
                if (!QHostAddress(host).isNull())
                    continue;
                const auto pattern = routing::DomainPattern::parse(host);
                if (!pattern || pattern->kind() != routing::DomainPattern::Kind::Exact)
                    error(targetPath + QStringLiteral(".host[%1]").arg(h),
                          pattern ? tr("'%1' is not a host name or IP address").arg(host)
                                  //: %2 says what is wrong with the name.
                                  : tr("'%1' is not a host name or IP address: %2").arg(host, pattern.error()));
            }
            if (target.port == 0)
                error(targetPath + u".port", tr("expected a port number 1..65535"));
            if (target.tls == TargetTls())
                continue;
            if (!reencrypt) {
                error(targetPath + u".tls",
                      tr("only used with tls mode terminate-and-reencrypt, which connects "
                         "to targets over TLS"));
                continue;
            }
            if (!target.tls.caBundle.isEmpty())
                checkFile(targetPath + u".tls.caBundle", target.tls.caBundle, FileKind::CaBundle);
            if (!target.tls.serverName.isEmpty()) {
                const auto name = routing::DomainPattern::parse(target.tls.serverName);
                if (!name || name->kind() != routing::DomainPattern::Kind::Exact)
                    error(targetPath + u".tls.serverName", tr("'%1' is not a host name").arg(target.tls.serverName));
            }
        }
    }

    void checkRedirect(const RedirectAction &redirect, const QString &path)
    {
        static const QList<int> statuses = { 301, 302, 303, 307, 308 };
        if (redirect.to.isEmpty())
            error(path + u".to", tr("missing; where to send the client, as in https://{host}{path}"));
        qsizetype pos = 0;
        while (pos < redirect.to.size()) {
            const qsizetype open = redirect.to.indexOf(u'{', pos);
            const qsizetype stray = redirect.to.indexOf(u'}', pos);
            if (stray >= 0 && (open < 0 || stray < open)) {
                error(path + u".to", tr("'}' at position %1 closes nothing").arg(stray));
                break;
            }
            if (open < 0)
                break;
            const qsizetype close = redirect.to.indexOf(u'}', open);
            if (close < 0) {
                error(path + u".to", tr("'{' at position %1 is never closed").arg(open));
                break;
            }
            const QString name = redirect.to.mid(open + 1, close - open - 1);
            if (!kPlaceholders.contains(name))
                error(path + u".to",
                      tr("unknown placeholder {%1}; expected {host}, {path}, {query} or {port}").arg(name));
            pos = close + 1;
        }
        if (!statuses.contains(redirect.status))
            error(path + u".status",
                  tr("%1 is not a redirect status; expected 301, 302, 303, 307 or 308").arg(redirect.status));
    }

    void checkRespond(const RespondAction &respond, const QString &path)
    {
        if (respond.status < 200 || respond.status > 599)
            error(path + u".status", tr("%1 is not a final HTTP status; expected 200..599").arg(respond.status));
        for (const auto &[name, value] : respond.headers) {
            const QString headerPath = path + u".headers." + name;
            if (!isToken(name))
                error(headerPath, tr("'%1' is not a valid header name").arg(name));
            else if (hasLineBreak(value))
                error(headerPath, tr("a header value cannot contain line breaks"));
            else if (name.compare(u"Content-Length", Qt::CaseInsensitive) == 0
                     || name.compare(u"Transfer-Encoding", Qt::CaseInsensitive) == 0)
                //: %1 is a header name: Content-Length or Transfer-Encoding.
                error(headerPath, tr("%1 is set by Gatehouse from the body; remove it").arg(name));
        }
    }

    const Config &m_config;
    const ConfigValidator::Options &m_options;
    Diagnostics m_diagnostics;
};

}  // namespace

Diagnostics ConfigValidator::validate(const Config &config, const Options &options)
{
    return Validator(config, options).run();
}

}  // namespace gatehouse::config
