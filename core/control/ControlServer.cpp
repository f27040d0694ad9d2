#include "control/ControlServer.h"

#include "control/ControlConnection.h"
#include "control/ControlLogging.h"
#include "control/ErrorCodes.h"
#include "control/Message.h"
#include "platform/FileGroup.h"
#include "platform/PeerCredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace gatehouse::control {

namespace {

const QString kSubscribe = QStringLiteral("events.subscribe");
const QString kUnsubscribe = QStringLiteral("events.unsubscribe");

// Enough for a hundred clients connecting in the same instant.
constexpr int kListenBacklog = 128;

Result<QString, ListenError> failure(ListenError::Kind kind, const QString &message)
{
    return Result<QString, ListenError>::failure({ kind, message });
}

#ifdef Q_OS_UNIX
// Creates the socket's directory 0750 (given to the access group so its members
// can reach the socket), or checks that an existing one is not another user's:
// whoever owns the directory can swap the socket under us.
std::optional<ListenError> prepareDirectory(const QString &directory, const QString &group)
{
    const QFileInfo info(directory);
    if (!info.exists()) {
        if (!QDir().mkpath(directory)) {
            //: %1 is a directory path.
            return ListenError { ListenError::Kind::Directory,
                                 QCoreApplication::translate("gatehouse::control::ControlServer",
                                                             "cannot create the control socket's directory %1: check "
                                                             "that its parent exists and this user may write there")
                                     .arg(directory) };
        }
        QFile::setPermissions(directory,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        if (platform::groupExists(group.toStdString())) {
            const std::string problem = platform::setFileGroup(directory.toStdString(), group.toStdString());
            if (!problem.empty())
                qCWarning(lcControl).noquote() << QString::fromStdString(problem);
        }
        qCInfo(lcControl).noquote() << "created the control socket directory" << directory << "(mode 0750)";
        return std::nullopt;
    }
    if (!info.isDir()) {
        //: %1 is a path.
        return ListenError { ListenError::Kind::Directory,
                             QCoreApplication::translate("gatehouse::control::ControlServer",
                                                         "%1 is not a directory; the control socket needs one there")
                                 .arg(directory) };
    }
    const uint owner = info.ownerId();
    if (owner != 0 && owner != ::geteuid()) {
        //: %1 is a directory path, %2 a numeric user id. --control is a command-line option.
        return ListenError { ListenError::Kind::Directory,
                             QCoreApplication::translate("gatehouse::control::ControlServer",
                                                         "the control socket's directory %1 belongs to uid %2, neither "
                                                         "this user nor root: refusing to listen where another user "
                                                         "could replace the socket; remove it or choose another "
                                                         "--control path")
                                 .arg(directory, QString::number(owner)) };
    }
    return std::nullopt;
}
#endif

}  // namespace

ControlServer::ControlServer(QObject *parent)
    : QObject(parent), m_server(new QLocalServer(this)), m_peers(platform::PeerCredentials::create()),
      m_maxMessageSize(LineFramer::kDefaultMaxMessageSize)
{
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onNewConnection);
}

ControlServer::~ControlServer()
{
    close();
}

Result<QString, ListenError> ControlServer::listen(const QString &endpoint)
{
    close();
#ifdef Q_OS_UNIX
    const QFileInfo socketInfo(endpoint);
    if (std::optional<ListenError> problem = prepareDirectory(socketInfo.absolutePath(), m_accessGroup))
        return Result<QString, ListenError>::failure(*problem);
    if (socketInfo.isSymLink() || socketInfo.isFile() || socketInfo.isDir()) {
        //: %1 is a path. --control is a command-line option.
        return failure(ListenError::Kind::NotASocket,
                       tr("%1 exists and is not a socket: remove it or choose another --control path").arg(endpoint));
    }
#endif

    // Whatever answers on the endpoint is a live server: leave it alone. A socket
    // file nobody answers on was left by one that died: replace it.
    QLocalSocket probe;
    probe.connectToServer(endpoint);
    if (probe.state() == QLocalSocket::ConnectedState || probe.state() == QLocalSocket::ConnectingState) {
        qint64 pid = 0;
        if (probe.state() == QLocalSocket::ConnectedState) {
            const platform::PeerCheck holder = m_peers->check(probe.socketDescriptor(), m_accessGroup.toStdString());
            pid = holder.pid;
        }
        probe.abort();
        QString message;
        if (pid > 0) {
            //: %1 is a process id, %2 the control socket's path. --control is a command-line option.
            message = tr("another control server (pid %1) is already listening on %2: is gatehoused already running? "
                         "Stop it first, or give this one a different --control path")
                          .arg(pid)
                          .arg(endpoint);
        } else {
            //: %1 is the control socket's path. --control is a command-line option.
            message = tr("another control server is already listening on %1: is gatehoused already running? Stop it "
                         "first, or give this one a different --control path")
                          .arg(endpoint);
        }
        return failure(ListenError::Kind::AlreadyRunning, message);
    }
#ifdef Q_OS_UNIX
    if (QFileInfo::exists(endpoint)) {
        if (probe.error() == QLocalSocket::SocketAccessError) {
            //: %1 is the control socket's path.
            return failure(ListenError::Kind::Listen,
                           tr("cannot tell whether a server still listens on %1 (permission denied): remove it if no "
                              "Gatehouse service is running")
                               .arg(endpoint));
        }
        qCInfo(lcControl).noquote() << "replacing the stale control socket" << endpoint
                                    << "(no server answers on it; its process has gone)";
        if (!QLocalServer::removeServer(endpoint)) {
            //: %1 is the control socket's path.
            return failure(
                ListenError::Kind::Listen,
                tr("cannot remove the stale control socket %1: check the directory's permissions").arg(endpoint));
        }
    }
    // Qt binds in a private temporary directory and renames into place, so the
    // socket never exists with looser permissions than these.
    m_server->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
#else
    // Qt 6.4 cannot be given a pipe DACL: the default one plus the peer check apply
    // (see platform/windows/WindowsPeerCredentials.h).
    m_server->setSocketOptions(QLocalServer::NoOptions);
#endif
    m_server->setListenBacklogSize(kListenBacklog);
    m_server->setMaxPendingConnections(kListenBacklog);
    if (!m_server->listen(endpoint)) {
        //: %1 is the control socket's path (a pipe name on Windows), %2 the system's reason.
        return failure(ListenError::Kind::Listen, tr("cannot listen on %1: %2").arg(endpoint, m_server->errorString()));
    }
    const QString fullName = m_server->fullServerName();
#ifdef Q_OS_UNIX
    // Qt's access options give rwx; a socket needs only rw.
    if (!QFile::setPermissions(fullName,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                   | QFileDevice::WriteGroup)) {
        qCWarning(lcControl).noquote() << "cannot set the control socket" << fullName << "to mode 0660";
    }
    QString groupNote = QStringLiteral("group ") + m_accessGroup
        + QStringLiteral(" does not exist, so only root and "
                         "this user may connect");
    if (platform::groupExists(m_accessGroup.toStdString())) {
        const std::string problem = platform::setFileGroup(fullName.toStdString(), m_accessGroup.toStdString());
        groupNote = problem.empty() ? QStringLiteral("group ") + m_accessGroup : QString::fromStdString(problem);
    }
    qCInfo(lcControl).noquote() << "control socket listening on" << fullName << "(mode 0660," << groupNote + u')';
#else
    qCInfo(lcControl).noquote() << "control pipe listening on" << fullName << "(Administrators and SYSTEM only)";
#endif
    return fullName;
}

void ControlServer::close()
{
    const QList<QPointer<ControlConnection>> connections = m_connections;
    m_connections.clear();
    for (const QPointer<ControlConnection> &connection : connections) {
        if (connection)
            connection->abort();
    }
    if (m_server->isListening()) {
        const QString name = m_server->fullServerName();
        m_server->close();  // removes the socket file on Unix
        qCInfo(lcControl).noquote() << "control socket" << name << "closed";
    }
}

bool ControlServer::isListening() const
{
    return m_server->isListening();
}

QString ControlServer::fullServerName() const
{
    return m_server->fullServerName();
}

void ControlServer::registerMethod(const QString &method, Handler handler)
{
    registerAsyncMethod(method,
                        [handler = std::move(handler)](const QJsonValue &params, const ClientIdentity &client,
                                                       const Responder &responder) {
                            const MethodResult result = handler(params, client);
                            if (result.ok())
                                responder.resolve(result.value());
                            else
                                responder.reject(result.error());
                        });
}

void ControlServer::registerAsyncMethod(const QString &method, AsyncHandler handler)
{
    m_methods.insert(method, std::move(handler));
}

void ControlServer::publish(const QJsonObject &event)
{
    const QByteArray message = Message::notification(QStringLiteral("event"), event);
    const QList<QPointer<ControlConnection>> connections = m_connections;
    for (const QPointer<ControlConnection> &connection : connections) {
        if (connection && connection->isSubscribed() && !connection->isClosing())
            connection->send(message, "event");
    }
}

int ControlServer::subscriberCount() const
{
    int count = 0;
    for (const QPointer<ControlConnection> &connection : m_connections) {
        if (connection && connection->isSubscribed() && !connection->isClosing())
            ++count;
    }
    return count;
}

void ControlServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        const platform::PeerCheck check = m_peers->check(socket->socketDescriptor(), m_accessGroup.toStdString());
        const ClientIdentity identity { m_nextConnectionId++,
                                        check.pid,
                                        check.uid,
                                        check.gid,
                                        QString::fromStdString(check.account),
                                        QString::fromStdString(check.reason) };
        auto *connection = new ControlConnection(socket, identity, m_maxMessageSize, m_maxPendingOutput, this);
        if (!check.admitted) {
            qCWarning(lcControl).noquote()
                << "refused control client" << identity.toString() + u':' << identity.admittedBecause;
            connection->refuse(refusal(identity));
            continue;
        }
        qCDebug(lcControl).noquote() << "control client" << identity.toString()
                                     << "connected:" << identity.admittedBecause;
        m_connections.append(connection);
        connect(connection, &ControlConnection::messageReceived, this,
                [this, connection](const QByteArray &line) { onMessage(connection, line); });
        connect(connection, &ControlConnection::closed, this, [this, connection] { onClosed(connection); });
        connection->start();
    }
}

void ControlServer::onMessage(ControlConnection *connection, const QByteArray &line)
{
    Result<Message, InvalidMessage> parsed = Message::parse(line);
    if (!parsed.ok()) {
        qCDebug(lcControl).noquote() << "control client" << connection->identity().toString()
                                     << "sent an unusable message:" << parsed.error().error.message;
        connection->send(Message::errorResponse(parsed.error().id, parsed.error().error));
        return;
    }
    const Message &message = parsed.value();
    if (message.kind == Message::Kind::Response) {
        qCDebug(lcControl).noquote() << "ignoring a response from control client" << connection->identity().toString();
        return;
    }

    const Responder responder(connection, message.id, message.kind == Message::Kind::Notification, message.method);
    if (message.method == kSubscribe || message.method == kUnsubscribe) {
        connection->setSubscribed(message.method == kSubscribe);
        responder.resolve(QJsonObject { { QStringLiteral("subscribed"), connection->isSubscribed() } });
        return;
    }
    const auto handler = m_methods.constFind(message.method);
    if (handler == m_methods.constEnd()) {
        responder.reject(RpcError::methodNotFound(message.method));
        return;
    }
    // A copy: the handler may register or replace methods while it runs.
    const AsyncHandler run = *handler;
    run(message.params, connection->identity(), responder);
}

void ControlServer::onClosed(ControlConnection *connection)
{
    m_connections.removeIf(
        [connection](const QPointer<ControlConnection> &entry) { return !entry || entry.data() == connection; });
}

RpcError ControlServer::refusal(const ClientIdentity &identity) const
{
#ifdef Q_OS_WIN
    const QString message = tr("permission denied: only Administrators (from an elevated prompt) and SYSTEM may use "
                               "the Gatehouse control pipe");
#else
    const QString who
        = identity.account.isEmpty() ? QStringLiteral("uid ") + QString::number(identity.uid) : identity.account;
    //: %1 is a user name (or "uid" and a number), %2 a group name; 'usermod -aG %2 %1' is a command, keep it as is.
    const QString message = tr("permission denied: %1 may not use the Gatehouse control socket. Only root, the "
                               "service's own user and members of the '%2' group may: ask an administrator to run "
                               "'usermod -aG %2 %1', then log in again")
                                .arg(who, m_accessGroup);
#endif
    return { ErrorCode::PermissionDenied, message,
             QJsonObject { { QStringLiteral("group"), m_accessGroup },
                           { QStringLiteral("reason"), identity.admittedBecause } } };
}

}  // namespace gatehouse::control
