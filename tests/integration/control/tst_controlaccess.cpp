// Who may use the control socket and how the socket is set up: permissions,
// stale and live sockets, other uids (run under setpriv as root), and how
// ControlClient classifies a failure to connect.

#include "TestSupport.h"
#include "control/ControlClient.h"
#include "control/ControlEndpoint.h"
#include "control/ControlServer.h"
#include "control/ErrorCodes.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <memory>
#include <optional>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace gatehouse;
using namespace gatehouse::control;

namespace {

constexpr int kNobody = 65534;

mode_t modeOf(const QString &path)
{
    struct stat info
    { };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

gid_t groupOf(const QString &path)
{
    struct stat info
    { };
    ::lstat(QFile::encodeName(path).constData(), &info);
    return info.st_gid;
}

QString groupName(gid_t gid)
{
    const struct group *entry = ::getgrgid(gid);
    return entry ? QString::fromLocal8Bit(entry->gr_name) : QString();
}

// A socket file with nobody listening: what a killed server leaves behind.
bool makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

bool canSwitchUser()
{
    return ::geteuid() == 0 && !QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty();
}

// Runs controlhelper under setpriv with the given identity; the server lives in
// this process, so wait with the event loop running.
QJsonObject callAs(const QStringList &identity, const QString &endpoint, const QString &method)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral("setpriv"),
                  identity
                      + QStringList { QStringLiteral("--inh-caps=-all"),
                                      test::binaryPath(QStringLiteral("controlhelper")), endpoint, method });
    if (!finished.wait(15000)) {
        process.kill();
        process.waitForFinished();
        return { { QStringLiteral("outcome"), QStringLiteral("helper timed out") } };
    }
    const QByteArray output = process.readAllStandardOutput();
    QJsonObject report = QJsonDocument::fromJson(output).object();
    if (report.isEmpty())
        report.insert(QStringLiteral("outcome"), QString::fromLocal8Bit(output + process.readAllStandardError()));
    return report;
}

const QStringList kAsNobody { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                              QStringLiteral("--clear-groups") };

// What `controlhelper OPTION` (--default-endpoint, --client-endpoint) prints when run as
// nobody with only `environment` for XDG_RUNTIME_DIR.
QString helperEndpointAsNobody(const QString &option, const QStringList &environment)
{
    QProcess process;
    process.start(QStringLiteral("setpriv"),
                  kAsNobody
                      + QStringList { QStringLiteral("env"), QStringLiteral("-u"), QStringLiteral("XDG_RUNTIME_DIR") }
                      + environment + QStringList { test::binaryPath(QStringLiteral("controlhelper")), option });
    process.waitForFinished(10000);  // no server involved: blocking is harmless
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

std::optional<ControlClient::Reply> callAndWait(ControlClient &client, const QString &method)
{
    std::optional<ControlClient::Reply> reply;
    client.call(method, QJsonObject {}, &client, [&reply](const ControlClient::Reply &r) { reply = r; });
    (void)QTest::qWaitFor([&reply] { return reply.has_value(); }, 10000);
    return reply;
}

}  // namespace

class tst_ControlAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void socketAndDirectoryPermissions();
    void socketIsGivenToTheAccessGroup();
    void staleSocketIsReplaced();
    void liveServerIsNotReplaced();
    void somethingElseAtThePathIsLeftAlone();
    void anotherUsersDirectoryIsRefused();
    void anotherUidIsRefused();
    void accessGroupMembersAreAdmitted_data();
    void accessGroupMembersAreAdmitted();
    void clientReportsServiceNotRunning();
    void clientReportsPermissionDenied();
    void defaultEndpoint();
    void clientEndpoint();

private:
    bool worksFromHere();
    // Lets uid 65534 reach the socket, so the server's own check is what decides.
    void openUpForOthers();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_socketDir;
    QString m_endpoint;
};

void tst_ControlAccess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_socketDir = m_dir->filePath(QStringLiteral("gatehouse"));
    m_endpoint = m_socketDir + QStringLiteral("/control.sock");
}

void tst_ControlAccess::cleanup()
{
    m_dir.reset();
}

bool tst_ControlAccess::worksFromHere()
{
    ControlClient client;
    client.connectToServer(m_endpoint);
    const auto reply = callAndWait(client, QStringLiteral("events.subscribe"));
    return reply && reply->ok();
}

void tst_ControlAccess::openUpForOthers()
{
    QCOMPARE(::chmod(QFile::encodeName(m_dir->path()).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_socketDir).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_endpoint).constData(), 0666), 0);
}

void tst_ControlAccess::socketAndDirectoryPermissions()
{
    {
        ControlServer server;
        const auto listening = server.listen(m_endpoint);
        QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().message));
        QCOMPARE(*listening, m_endpoint);
        QCOMPARE(modeOf(m_socketDir), mode_t(0750));
        QCOMPARE(modeOf(m_endpoint), mode_t(0660));
        struct stat info
        { };
        QCOMPARE(::lstat(QFile::encodeName(m_endpoint).constData(), &info), 0);
        QVERIFY(S_ISSOCK(info.st_mode));
        QVERIFY(worksFromHere());
    }
    // Removed on shutdown; the directory stays for the next start.
    QVERIFY(!QFile::exists(m_endpoint));
    QVERIFY(QFile::exists(m_socketDir));
}

void tst_ControlAccess::socketIsGivenToTheAccessGroup()
{
    if (::geteuid() != 0)
        QSKIP("only root can give a file to a group it is not in");
    const QString group = groupName(kNobody);
    if (group.isEmpty())
        QSKIP("no group with gid 65534 on this host");
    ControlServer server;
    server.setAccessGroup(group);
    QVERIFY(server.listen(m_endpoint).ok());
    QCOMPARE(groupOf(m_endpoint), gid_t(kNobody));
    QCOMPARE(groupOf(m_socketDir), gid_t(kNobody));
    QCOMPARE(modeOf(m_endpoint), mode_t(0660));
}

void tst_ControlAccess::staleSocketIsReplaced()
{
    QVERIFY(QDir().mkpath(m_socketDir));
    QVERIFY(makeStaleSocket(m_endpoint));
    QVERIFY(QFile::exists(m_endpoint));
    QVERIFY(!worksFromHere());

    ControlServer server;
    const auto listening = server.listen(m_endpoint);
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().message));
    QVERIFY(worksFromHere());
    QCOMPARE(modeOf(m_endpoint), mode_t(0660));
}

void tst_ControlAccess::liveServerIsNotReplaced()
{
    ControlServer first;
    QVERIFY(first.listen(m_endpoint).ok());

    ControlServer second;
    const auto refused = second.listen(m_endpoint);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ListenError::Kind::AlreadyRunning);
    const QString message = refused.error().message;
    QVERIFY2(message.contains(QStringLiteral("already listening on ") + m_endpoint), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("pid ") + QString::number(QCoreApplication::applicationPid())),
             qPrintable(message));
    QVERIFY(!second.isListening());

    // The first server still owns the socket and answers.
    QVERIFY(QFile::exists(m_endpoint));
    QVERIFY(worksFromHere());
}

void tst_ControlAccess::somethingElseAtThePathIsLeftAlone()
{
    QVERIFY(QDir().mkpath(m_socketDir));
    QFile file(m_endpoint);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("precious");
    file.close();

    ControlServer server;
    const auto refused = server.listen(m_endpoint);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ListenError::Kind::NotASocket);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
}

void tst_ControlAccess::anotherUsersDirectoryIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("making a directory another user owns needs root");
    QVERIFY(QDir().mkpath(m_socketDir));
    QCOMPARE(::chown(QFile::encodeName(m_socketDir).constData(), kNobody, kNobody), 0);

    ControlServer server;
    const auto refused = server.listen(m_endpoint);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ListenError::Kind::Directory);
    QVERIFY2(refused.error().message.contains(QStringLiteral("belongs to uid 65534")),
             qPrintable(refused.error().message));
}

void tst_ControlAccess::anotherUidIsRefused()
{
    if (!canSwitchUser())
        QSKIP("needs root and setpriv to run a client as another uid");
    ControlServer server;
    int calls = 0;
    server.registerMethod(QStringLiteral("status"), [&calls](const QJsonValue &, const ClientIdentity &) {
        ++calls;
        return QJsonValue(QStringLiteral("running"));
    });
    server.setAccessGroup(QStringLiteral("gatehouse-test-no-such-group"));
    QVERIFY(server.listen(m_endpoint).ok());
    openUpForOthers();

    const QJsonObject report = callAs(kAsNobody, m_endpoint, QStringLiteral("status"));
    QCOMPARE(report.value(QStringLiteral("uid")).toInt(), kNobody);
    QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("error"));
    QCOMPARE(report.value(QStringLiteral("code")).toInt(), ErrorCode::PermissionDenied);
    QCOMPARE(report.value(QStringLiteral("kind")).toString(), QStringLiteral("access-refused"));
    const QString message = report.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("'gatehouse-test-no-such-group' group")), qPrintable(message));
    QCOMPARE(calls, 0);  // the request was never read

    // The service goes on for those it admits.
    QTRY_COMPARE(server.clientCount(), 0);
    QVERIFY(worksFromHere());
}

void tst_ControlAccess::accessGroupMembersAreAdmitted_data()
{
    QTest::addColumn<QStringList>("identity");
    QTest::addColumn<int>("groupId");
    // Primary group: setpriv's --regid; supplementary: --groups (gid 1 is "daemon" on Debian).
    QTest::newRow("primary group") << kAsNobody << kNobody;
    QTest::newRow("supplementary group") << QStringList {
        QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--groups=1")
    } << 1;
}

void tst_ControlAccess::accessGroupMembersAreAdmitted()
{
    QFETCH(QStringList, identity);
    QFETCH(int, groupId);
    if (!canSwitchUser())
        QSKIP("needs root and setpriv to run a client as another uid");
    const QString group = groupName(gid_t(groupId));
    if (group.isEmpty())
        QSKIP("no group with that gid on this host");

    ControlServer server;
    ClientIdentity seen;
    server.registerMethod(QStringLiteral("status"), [&seen](const QJsonValue &, const ClientIdentity &client) {
        seen = client;
        return QJsonValue(QStringLiteral("running"));
    });
    server.setAccessGroup(group);
    QVERIFY(server.listen(m_endpoint).ok());
    openUpForOthers();

    const QJsonObject report = callAs(identity, m_endpoint, QStringLiteral("status"));
    QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("result"));
    QCOMPARE(report.value(QStringLiteral("result")).toString(), QStringLiteral("running"));
    QCOMPARE(seen.uid, qint64(kNobody));
    QVERIFY2(seen.admittedBecause.contains(group), qPrintable(seen.admittedBecause));
}

void tst_ControlAccess::clientReportsServiceNotRunning()
{
    // No socket file at all.
    ControlClient client;
    QSignalSpy failed(&client, &ControlClient::connectFailed);
    QSignalSpy connected(&client, &ControlClient::connected);
    std::optional<ControlClient::Reply> reply;
    client.connectToServer(m_endpoint);
    client.call(QStringLiteral("status"), QJsonObject {}, &client,
                [&reply](const ControlClient::Reply &r) { reply = r; });
    QCOMPARE(failed.size(), 0);  // never from inside connectToServer()
    QVERIFY(failed.wait(5000));
    auto error = failed.at(0).at(0).value<ConnectError>();
    QCOMPARE(error.kind, ConnectError::Kind::NotRunning);
    QVERIFY2(error.message.contains(m_endpoint), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("Start the service")), qPrintable(error.message));
    QVERIFY(reply.has_value());
    QCOMPARE(reply->error().code, ErrorCode::ConnectionLost);
    QCOMPARE(connected.size(), 0);

    // A socket file left by a dead service: also "not running".
    QVERIFY(QDir().mkpath(m_socketDir));
    QVERIFY(makeStaleSocket(m_endpoint));
    failed.clear();
    client.connectToServer(m_endpoint);
    QVERIFY(failed.wait(5000));
    error = failed.at(0).at(0).value<ConnectError>();
    QCOMPARE(error.kind, ConnectError::Kind::NotRunning);
    QVERIFY2(error.message.contains(QStringLiteral("Start the service")), qPrintable(error.message));
}

void tst_ControlAccess::clientReportsPermissionDenied()
{
    ControlServer server;
    QVERIFY(server.listen(m_endpoint).ok());
    if (::geteuid() == 0) {
        if (!canSwitchUser())
            QSKIP("root ignores file permissions, and setpriv is missing to test as another uid");
        // The temp dir is opened up; the socket's own directory stays 0750 root:root.
        QCOMPARE(::chmod(QFile::encodeName(m_dir->path()).constData(), 0755), 0);
        const QJsonObject report = callAs(kAsNobody, m_endpoint, QStringLiteral("status"));
        QCOMPARE(report.value(QStringLiteral("kind")).toString(), QStringLiteral("permission-denied"));
        const QString message = report.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("join the 'gatehouse' group")), qPrintable(message));
        return;
    }
    QCOMPARE(::chmod(QFile::encodeName(m_endpoint).constData(), 0), 0);
    ControlClient client;
    QSignalSpy failed(&client, &ControlClient::connectFailed);
    client.connectToServer(m_endpoint);
    QVERIFY(failed.wait(5000));
    const auto error = failed.at(0).at(0).value<ConnectError>();
    QCOMPARE(error.kind, ConnectError::Kind::PermissionDenied);
    QVERIFY2(error.message.contains(QStringLiteral("join the 'gatehouse' group")), qPrintable(error.message));
}

void tst_ControlAccess::defaultEndpoint()
{
    if (::geteuid() == 0)
        QCOMPARE(ControlEndpoint::defaultEndpoint(), QStringLiteral("/run/gatehouse/control.sock"));
    if (!canSwitchUser())
        QSKIP("the per-user endpoints need another uid (root and setpriv)");

    const auto endpointAs = [](const QStringList &environment) {
        return helperEndpointAsNobody(QStringLiteral("--default-endpoint"), environment);
    };
    QCOMPARE(endpointAs({ QStringLiteral("XDG_RUNTIME_DIR=/run/user/65534") }),
             QStringLiteral("/run/user/65534/gatehouse/control.sock"));
    QCOMPARE(endpointAs({}), QStringLiteral("/tmp/gatehouse-65534/control.sock"));
    // A relative XDG_RUNTIME_DIR is ignored, as the XDG spec says.
    QCOMPARE(endpointAs({ QStringLiteral("XDG_RUNTIME_DIR=relative") }),
             QStringLiteral("/tmp/gatehouse-65534/control.sock"));
}

// A client run by a user without a service of their own connects to the
// packaged service's socket, so a member of the gatehouse group needs no --control.
void tst_ControlAccess::clientEndpoint()
{
    if (::geteuid() == 0)
        QCOMPARE(ControlEndpoint::clientEndpoint(), QStringLiteral("/run/gatehouse/control.sock"));
    if (!canSwitchUser())
        QSKIP("the per-user endpoints need another uid (root and setpriv)");

    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QCOMPARE(::chmod(QFile::encodeName(runtime.path()).constData(), 0755), 0);
    const QStringList environment { QStringLiteral("XDG_RUNTIME_DIR=") + runtime.path() };
    QCOMPARE(helperEndpointAsNobody(QStringLiteral("--client-endpoint"), environment),
             QStringLiteral("/run/gatehouse/control.sock"));

    // Once the user's own service has its socket there, that one.
    QVERIFY(QDir(runtime.path()).mkpath(QStringLiteral("gatehouse")));
    QLocalServer own;
    QVERIFY2(own.listen(runtime.filePath(QStringLiteral("gatehouse/control.sock"))), qPrintable(own.errorString()));
    QCOMPARE(helperEndpointAsNobody(QStringLiteral("--client-endpoint"), environment),
             runtime.filePath(QStringLiteral("gatehouse/control.sock")));
}

QTEST_GUILESS_MAIN(tst_ControlAccess)
#include "tst_controlaccess.moc"
