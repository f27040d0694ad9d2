#include "Ctl.h"

#include "CtlFormat.h"
#include "config/ConfigReader.h"
#include "control/ErrorCodes.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace gatehouse::ctl {

namespace {

using control::RpcError;
namespace ErrorCode = control::ErrorCode;

constexpr auto kDefaultGroup = "gatehouse";

}  // namespace

Ctl::Ctl(CtlOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_out(stdout), m_err(stderr)
{
    connect(&m_client, &control::ControlClient::connected, this, &Ctl::run);
    connect(&m_client, &control::ControlClient::connectFailed, this, &Ctl::connectionFailed);
    connect(&m_client, &control::ControlClient::disconnected, this, &Ctl::connectionFailed);
    connect(&m_client, &control::ControlClient::eventReceived, this, [this](const QJsonObject &event) {
        if (!m_following || m_done)
            return;
        if (m_options.json)
            out(QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) + u'\n');
        else
            out(CtlFormat::event(event));
    });
}

std::optional<int> Ctl::start()
{
    using Command = CtlOptions::Command;
    if (m_options.command == Command::Validate || m_options.command == Command::Apply) {
        if (const std::optional<int> failed = loadFile())
            return failed;
    }
    m_client.connectToServer(m_options.endpoint);
    return std::nullopt;
}

void Ctl::interrupt()
{
    if (m_done)
        return;
    if (m_following) {
        finish(ExitOk);
        return;
    }
    err(tr("gatehousectl: interrupted before the service answered") + u'\n');
    finish(ExitFailed);
}

std::optional<int> Ctl::loadFile()
{
    const QString &path = m_options.argument;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString message = tr("cannot read %1: %2").arg(path, file.errorString());
        if (m_options.json)
            printErrorJson({ ErrorCode::InvalidParams, message, QJsonValue::Undefined });
        err(path + QStringLiteral(": ") + tr("error: cannot read it: %1").arg(file.errorString()) + u'\n');
        return ExitFailed;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        m_config = document.object();
        return std::nullopt;
    }
    // The reader says where (line and column) and what; the service never sees it.
    config::Diagnostics diagnostics = config::ConfigReader::read(bytes).diagnostics;
    if (!config::hasErrors(diagnostics))
        diagnostics.prepend(
            { config::Diagnostic::Severity::Error, QString(), tr("expected a JSON object with the config"), 0, 0 });
    const QJsonArray array = config::toJson(diagnostics);
    if (m_options.json)
        printErrorJson({ ErrorCode::ValidationFailed, tr("%1 is not a JSON config object").arg(path),
                         QJsonObject { { QStringLiteral("diagnostics"), array } } });
    err(CtlFormat::diagnostics(path, array));
    err(tr("%1: not sent to the service").arg(path) + u'\n');
    return ExitFailed;
}

void Ctl::run()
{
    switch (m_options.command) {
    case CtlOptions::Command::Status:
        return status();
    case CtlOptions::Command::Validate:
        return validate();
    case CtlOptions::Command::Apply:
        return apply();
    case CtlOptions::Command::Routes:
        return routes();
    case CtlOptions::Command::Ports:
        return ports();
    case CtlOptions::Command::Certs:
        return certs();
    case CtlOptions::Command::Renew:
        return renew();
    case CtlOptions::Command::Reload:
        return reload();
    case CtlOptions::Command::Events:
        return events();
    }
}

void Ctl::call(const QString &method, const QJsonValue &params, OnResult onResult, OnError onError)
{
    m_client.call(method, params, this,
                  [this, method, onResult = std::move(onResult),
                   onError = std::move(onError)](const control::ControlClient::Reply &reply) {
                      if (m_done)
                          return;
                      if (reply.ok()) {
                          onResult(reply.value());
                          return;
                      }
                      const RpcError &error = reply.error();
                      // Connection trouble and refusals mean the same for every command.
                      if (error.code == ErrorCode::PermissionDenied || error.code == ErrorCode::ConnectionLost
                          || error.code == ErrorCode::ClientTimeout) {
                          requestFailed(method, error);
                          return;
                      }
                      if (m_options.json)
                          printErrorJson(error);
                      if (onError && onError(error))
                          return;
                      requestFailed(method, error);
                  });
}

void Ctl::requestFailed(const QString &method, const RpcError &error)
{
    if (m_done)
        return;
    switch (error.code) {
    case ErrorCode::PermissionDenied:
        if (m_options.json)
            printErrorJson(error);
        permissionDenied(error.data[QStringLiteral("group")].toString(), error.message);
        return;
    case ErrorCode::ConnectionLost:
        if (const std::optional<control::ConnectError> why = m_client.lastError()) {
            connectionFailed(*why);
            return;
        }
        break;
    case ErrorCode::ClientTimeout:
        if (m_options.json)
            printErrorJson(error);
        err(tr("gatehousectl: the Gatehouse service at %1 did not answer %2 in time: it may be overloaded or hung "
               "(check 'systemctl status gatehoused' or its log)")
                .arg(m_options.endpoint, method)
            + u'\n');
        finish(ExitUnreachable);
        return;
    default:
        break;
    }
    if (m_options.json && error.code == ErrorCode::ConnectionLost)
        printErrorJson(error);
    err(tr("gatehousectl: %1 failed: %2").arg(method, error.message) + u'\n');
    finish(error.code == ErrorCode::ConnectionLost ? ExitUnreachable : ExitFailed);
}

void Ctl::connectionFailed(const control::ConnectError &error)
{
    if (m_done)
        return;
    using Kind = control::ConnectError::Kind;
    const QString &socket = m_options.endpoint;
    if (error.kind == Kind::PermissionDenied || error.kind == Kind::AccessRefused) {
        if (m_options.json)
            printErrorJson({ ErrorCode::PermissionDenied, error.message,
                             QJsonObject { { QStringLiteral("kind"), control::ConnectError::kindName(error.kind) },
                                           { QStringLiteral("endpoint"), socket } } });
        permissionDenied({}, error.kind == Kind::AccessRefused ? error.message : QString());
        return;
    }

    QString reason;
    switch (error.kind) {
    case Kind::NotRunning:
        reason = QFileInfo::exists(socket)
            ? tr("nothing is listening on %1 (a socket left behind by a service that stopped)").arg(socket)
            : tr("%1 does not exist").arg(socket);
        break;
    case Kind::Timeout:
        reason = tr("%1 did not accept the connection in time; the service may be overloaded or hung").arg(socket);
        break;
    case Kind::ConnectionLost:
        reason = tr("the service closed the connection on %1").arg(socket);
        break;
    default:
        reason = error.message;
        break;
    }
    if (m_options.json)
        printErrorJson({ ErrorCode::ConnectionLost, reason,
                         QJsonObject { { QStringLiteral("kind"), control::ConnectError::kindName(error.kind) },
                                       { QStringLiteral("endpoint"), socket } } });
    err(tr("gatehousectl: cannot reach the Gatehouse service: %1.").arg(reason) + u'\n'
        + tr("Start it with 'systemctl start gatehoused' (or run 'gatehoused'), or pass --control with the socket "
             "it listens on.")
        + u'\n');
    finish(ExitUnreachable);
}

void Ctl::permissionDenied(const QString &group, const QString &serverMessage)
{
    const QString name = group.isEmpty() ? QString::fromLatin1(kDefaultGroup) : group;
    if (!serverMessage.isEmpty())
        err(QStringLiteral("gatehousectl: ") + serverMessage + u'\n');
#ifdef Q_OS_WIN
    err(tr("gatehousectl: permission denied on %1: only Administrators (from an elevated prompt) and SYSTEM may "
           "use the Gatehouse control pipe.")
            .arg(m_options.endpoint)
        + u'\n');
#else
    err(tr("gatehousectl: permission denied on %1: only root, the service's own user and members of the '%2' group "
           "may use the Gatehouse control socket.")
            .arg(m_options.endpoint, name)
        + u'\n' + tr("Join the '%1' group (sudo usermod -aG %1 $USER, then log in again) or run as root.").arg(name)
        + u'\n');
#endif
    finish(ExitPermissionDenied);
}

void Ctl::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(exitCode);
}

void Ctl::status()
{
    call(QStringLiteral("status"), QJsonValue::Undefined, [this](const QJsonValue &result) {
        if (m_options.json)
            printJson(result);
        else
            out(CtlFormat::status(result.toObject(), m_options.endpoint));
        finish(ExitOk);
    });
}

void Ctl::validate()
{
    const QString file = m_options.argument;
    call(QStringLiteral("config.validate"), QJsonObject { { QStringLiteral("config"), m_config } },
         [this, file](const QJsonValue &result) {
             const bool valid = result[QStringLiteral("valid")].toBool();
             const QJsonArray diagnostics = result[QStringLiteral("diagnostics")].toArray();
             if (m_options.json) {
                 printJson(result);
             } else {
                 err(CtlFormat::diagnostics(file, diagnostics));
                 if (valid)
                     out(tr("%1: valid").arg(file) + u'\n');
             }
             if (!valid) {
                 if (!m_options.json)
                     err(CtlFormat::errorsRejected(file, CtlFormat::errorCount(diagnostics)) + u'\n');
                 finish(ExitFailed);
                 return;
             }
             finish(ExitOk);
         });
}

void Ctl::apply()
{
    const QString file = m_options.argument;
    QJsonObject params { { QStringLiteral("config"), m_config } };
    if (m_options.baseRevision)
        params.insert(QStringLiteral("baseRevision"), qint64(*m_options.baseRevision));
    if (m_options.strict)
        params.insert(QStringLiteral("strict"), true);
    call(
        QStringLiteral("config.apply"), params,
        [this, file](const QJsonValue &result) {
            if (m_options.json) {
                printJson(result);
                finish(ExitOk);
                return;
            }
            const QJsonObject report = result[QStringLiteral("report")].toObject();
            const auto count = [&report](const char *key) { return report.value(QLatin1String(key)).toArray().size(); };
            out(tr("%1: applied, revision %2 (%3 bound, %4 kept, %5 released, %6 failed)")
                    .arg(file)
                    .arg(result[QStringLiteral("revision")].toInteger())
                    .arg(count("bound"))
                    .arg(count("kept"))
                    .arg(count("released"))
                    .arg(count("failed"))
                + u'\n');
            const QJsonArray ports = result[QStringLiteral("ports")].toArray();
            out(CtlFormat::ports(ports));
            if (const QStringList waiting = CtlFormat::notBound(ports); !waiting.isEmpty())
                err(tr("%1: warning: not bound yet: %2; the service keeps retrying (see DETAIL above)")
                        .arg(file, waiting.join(QStringLiteral(", ")))
                    + u'\n');
            finish(ExitOk);
        },
        [this, file](const RpcError &error) {
            const QJsonObject data = error.data.toObject();
            if (error.code == ErrorCode::ValidationFailed) {
                const QJsonArray diagnostics = data.value(QStringLiteral("diagnostics")).toArray();
                if (!m_options.json) {
                    err(CtlFormat::diagnostics(file, diagnostics));
                    err(CtlFormat::errorsRejected(file, std::max(1, CtlFormat::errorCount(diagnostics)))
                        + QStringLiteral("; ") + tr("the running config is unchanged") + u'\n');
                }
            } else if (error.code == ErrorCode::RevisionConflict) {
                if (!m_options.json)
                    err(tr("%1: error: revision conflict: the running config is at revision %2, not %3 (it changed "
                           "since); nothing changed. Look at it again ('gatehousectl routes') and apply with "
                           "--base-revision %2.")
                            .arg(file)
                            .arg(data.value(QStringLiteral("currentRevision")).toInteger())
                            .arg(m_options.baseRevision.value_or(0))
                        + u'\n');
            } else if (error.code == ErrorCode::BindFailed) {
                if (!m_options.json) {
                    err(file + QStringLiteral(": ") + tr("error: %1").arg(error.message) + u'\n');
                    err(CtlFormat::failures(file, data.value(QStringLiteral("report")).toObject(), error.message));
                    out(tr("Ports (unchanged):") + u'\n'
                        + CtlFormat::ports(data.value(QStringLiteral("ports")).toArray()));
                }
            } else {
                return false;
            }
            finish(ExitFailed);
            return true;
        });
}

void Ctl::routes()
{
    call(QStringLiteral("config.get"), QJsonValue::Undefined, [this](const QJsonValue &result) {
        if (m_options.json)
            printJson(result);
        else
            out(CtlFormat::routes(result.toObject()));
        finish(ExitOk);
    });
}

void Ctl::ports()
{
    call(QStringLiteral("ports.list"), QJsonValue::Undefined, [this](const QJsonValue &result) {
        if (m_options.json)
            printJson(result);
        else
            out(CtlFormat::ports(result.toArray()));
        finish(ExitOk);
    });
}

void Ctl::certs()
{
    call(QStringLiteral("certs.list"), QJsonValue::Undefined, [this](const QJsonValue &result) {
        if (m_options.json)
            printJson(result);
        else
            out(CtlFormat::certs(result));
        finish(ExitOk);
    });
}

void Ctl::renew()
{
    const QString domain = m_options.argument;
    call(QStringLiteral("certs.renew"), QJsonObject { { QStringLiteral("domain"), domain } },
         [this, domain](const QJsonValue &result) {
             if (m_options.json)
                 printJson(result);
             else
                 out(tr("Renewal of the certificate for %1 started; follow it with 'gatehousectl events'.").arg(domain)
                     + u'\n');
             finish(ExitOk);
         });
}

void Ctl::reload()
{
    call(
        QStringLiteral("reload"), QJsonValue::Undefined,
        [this](const QJsonValue &result) {
            if (m_options.json) {
                printJson(result);
            } else {
                out(tr("Reloaded: revision %1").arg(result[QStringLiteral("revision")].toInteger()) + u'\n');
                out(CtlFormat::ports(result[QStringLiteral("ports")].toArray()));
            }
            finish(ExitOk);
        },
        [this](const RpcError &error) {
            if (error.code != ErrorCode::ValidationFailed)
                return false;
            if (!m_options.json) {
                err(CtlFormat::diagnostics(tr("reload"), error.data[QStringLiteral("diagnostics")].toArray()));
                err(tr("reload: the config file is invalid; the running config is unchanged") + u'\n');
            }
            finish(ExitFailed);
            return true;
        });
}

void Ctl::events()
{
    call(QStringLiteral("events.subscribe"), QJsonValue::Undefined, [this](const QJsonValue &) {
        m_following = true;
        // On stderr, so stdout holds only events; scripts and tests wait for this line.
        err(tr("Following events from %1; Ctrl+C to stop.").arg(m_options.endpoint) + u'\n');
    });
}

void Ctl::printJson(const QJsonValue &value)
{
    QByteArray text;
    if (value.isObject())
        text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    else if (value.isArray())
        text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else  // a bare value: wrap it so the document stays valid JSON, then take it out again
        text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).mid(1).chopped(1) + '\n';
    out(QString::fromUtf8(text));
}

void Ctl::printErrorJson(const RpcError &error)
{
    printJson(error.toJson());
}

void Ctl::out(const QString &text)
{
    m_out << text;
    m_out.flush();
}

void Ctl::err(const QString &text)
{
    m_err << text;
    m_err.flush();
}

}  // namespace gatehouse::ctl
