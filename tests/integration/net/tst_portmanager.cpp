#include "TestSupport.h"
#include "config/Config.h"
#include "net/PortManager.h"
#include "net/WantedListeners.h"
#include "platform/ListenSocket.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace gatehouse;
using namespace gatehouse::net;

// Readable QCOMPARE failures (found by argument-dependent lookup).
namespace gatehouse::net {
char *toString(ListenerState state)
{
    return qstrdup(qPrintable(stateName(state)));
}
char *toString(BindErrorKind kind)
{
    return qstrdup(qPrintable(kindName(kind)));
}
char *toString(const ListenerKey &key)
{
    return qstrdup(qPrintable(key.toString()));
}
}  // namespace gatehouse::net

using gatehouse::test::freePort;
using gatehouse::test::freePorts;

namespace {

const QString kLocal = QStringLiteral("127.0.0.1");

ListenerKey local(quint16 port)
{
    return ListenerKey::make(kLocal, port);
}

int openDescriptors()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
}

config::Route route(const QString &name, QList<config::PortRange> ports, bool enabled = true)
{
    config::Route r;
    r.name = name;
    r.enabled = enabled;
    r.match.ports = std::move(ports);
    return r;
}

config::PortRange single(quint16 port)
{
    return config::PortRange { port, port };
}

// Runs porthelper; the QProcess destructor kills it.
std::unique_ptr<QProcess> startHelper(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->start(test::binaryPath(QStringLiteral("porthelper")), arguments);
    if (!process->waitForStarted(5000))
        return nullptr;
    return process;
}

// A child that holds 127.0.0.1:port until killed; null if it could not bind.
std::unique_ptr<QProcess> holdPort(quint16 port)
{
    auto process = startHelper({ QStringLiteral("hold"), kLocal, QString::number(port) });
    if (!process)
        return nullptr;
    while (!process->canReadLine()) {
        if (!process->waitForReadyRead(5000))
            return nullptr;
    }
    if (process->readLine().trimmed() != "listening")
        return nullptr;
    return process;
}

// Can another process bind 127.0.0.1:port now?
bool otherProcessCanBind(quint16 port)
{
    auto process = startHelper({ QStringLiteral("try-bind"), kLocal, QString::number(port) });
    return process && process->waitForFinished(5000) && process->exitStatus() == QProcess::NormalExit
        && process->exitCode() == 0;
}

// A blocking client connect that completes in the kernel (into the listen backlog)
// without running the event loop. Returns the fd or -1.
int connectRaw(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in where {};
    where.sin_family = AF_INET;
    where.sin_port = htons(port);
    where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&where), sizeof where) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

class RecordingSink final : public ConnectionSink
{
public:
    ~RecordingSink() override
    {
        for (const auto &[fd, key] : accepted)
            platform::closeSocket(fd);
    }
    void acceptConnection(qintptr socketDescriptor, const ListenerKey &listener) override
    {
        accepted.append({ socketDescriptor, listener });
    }
    QList<std::pair<qintptr, ListenerKey>> accepted;
};

}  // namespace

class tst_PortManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wantedListenersFromConfig();
    void threeRoutesShareOneListener();
    void leaseAndRoutesShareAListener();
    void otherProcessConflictHealsByItself();
    void privilegedPortIsDeniedWithTheFix();
    void strictRollbackLeavesPreviousListeners();
    void strictRebindsAChangedBindAddress();
    void randomReconcilesLeakNothing();
    void addressNotAvailable();
    void internalConflictNamesBothOwners();
    void challengePortChoice();
    void socketOptionsAndDefaultSink();
    void sinkMayReleaseTheListenerFromAccept();
    void sinkAcceptsItselfUntilTheListenerCloses();
};

void tst_PortManager::wantedListenersFromConfig()
{
    config::Config config;
    config.bindAddress = QStringLiteral("::0");  // normalised to "::"
    config.routes = {
        route(QStringLiteral("web"), { single(80), single(443) }),
        route(QStringLiteral("api"), { single(443) }),
        route(QStringLiteral("off"), { single(8080) }, false),
        route(QStringLiteral("range"), { config::PortRange { 9000, 9002 }, single(9001) }),
        route(QString(), { single(80) }),
    };
    const WantedListeners wanted = wantedListeners(config);

    const auto key = [](quint16 port) { return ListenerKey::make(QStringLiteral("::"), port); };
    WantedListeners expected;
    expected.insert(key(80), { QStringLiteral("routes[4]"), QStringLiteral("web") });
    expected.insert(key(443), { QStringLiteral("api"), QStringLiteral("web") });
    expected.insert(key(9000), { QStringLiteral("range") });
    expected.insert(key(9001), { QStringLiteral("range") });
    expected.insert(key(9002), { QStringLiteral("range") });
    QCOMPARE(wanted, expected);
    QCOMPARE(key(80).toString(), QStringLiteral("[::]:80"));

    // A range ending at the last port must not wrap around to 0.
    config.routes = { route(QStringLiteral("top"), { config::PortRange { 65534, 65535 } }) };
    QCOMPARE(wantedListeners(config).size(), 2);
}

void tst_PortManager::threeRoutesShareOneListener()
{
    const quint16 port = freePort();
    const ListenerKey key = local(port);
    PortManager manager;
    RecordingSink sink;
    manager.setConnectionSink(&sink);

    config::Config config;
    config.bindAddress = kLocal;
    config.routes = { route(QStringLiteral("a"), { single(port) }), route(QStringLiteral("b"), { single(port) }),
                      route(QStringLiteral("c"), { single(port) }) };
    ReconcileReport report = manager.reconcile(wantedListeners(config));
    QCOMPARE(report.bound, QList<ListenerKey> { key });
    QCOMPARE(manager.bindCount(key), 1);
    QCOMPARE(manager.status(key)->count(), 3);
    QCOMPARE(manager.status(key)->state, ListenerState::Bound);
    const qintptr socket = manager.socketDescriptor(key);
    QVERIFY(socket >= 0);

    // A client waiting in the backlog across the update: a close and reopen would reset it.
    const int waiting = connectRaw(port);
    QVERIFY(waiting >= 0);
    config.routes.remove(0, 2);
    report = manager.reconcile(wantedListeners(config));
    QCOMPARE(report.kept, QList<ListenerKey> { key });
    QVERIFY(report.bound.isEmpty() && report.released.isEmpty());
    QCOMPARE(manager.bindCount(key), 1);
    QCOMPARE(manager.socketDescriptor(key), socket);
    QCOMPARE(manager.status(key)->routes, QStringList { QStringLiteral("c") });
    QCOMPARE(manager.status(key)->count(), 1);
    QTRY_COMPARE(sink.accepted.size(), 1);
    QCOMPARE(sink.accepted.first().second, key);
    ::close(waiting);

    QSignalSpy released(&manager, &PortManager::listenerReleased);
    config.routes.clear();
    report = manager.reconcile(wantedListeners(config));
    QCOMPARE(report.released, QList<ListenerKey> { key });
    QCOMPARE(released.size(), 1);
    QVERIFY(!manager.status(key));
    QCOMPARE(manager.socketDescriptor(key), qintptr(-1));
    QVERIFY(otherProcessCanBind(port));
}

void tst_PortManager::leaseAndRoutesShareAListener()
{
    const quint16 port = freePort();
    const ListenerKey key = local(port);
    const QString acme = QString::fromLatin1(kAcmeChallengeLease);
    PortManager manager;
    manager.setLeaseAddress(kLocal);

    manager.reconcile({ { key, { QStringLiteral("site") } } });
    const qintptr socket = manager.socketDescriptor(key);
    ListenerStatus status = manager.acquireLease(port, acme);
    QCOMPARE(status.state, ListenerState::Bound);
    QCOMPARE(status.count(), 2);
    QCOMPARE(status.users(), (QStringList { QStringLiteral("site"), acme }));
    QCOMPARE(status.toJson().value(QStringLiteral("routes")).toArray().size(), 2);
    QCOMPARE(manager.bindCount(key), 1);

    // Releasing the lease keeps the routes' listener.
    QVERIFY(manager.releaseLease(port, acme));
    QVERIFY(!manager.releaseLease(port, acme));
    QCOMPARE(manager.socketDescriptor(key), socket);
    QCOMPARE(manager.status(key)->count(), 1);

    // Releasing the routes keeps the lease's listener.
    manager.acquireLease(port, acme);
    const ReconcileReport report = manager.reconcile({});
    QCOMPARE(report.kept, QList<ListenerKey> { key });
    QVERIFY(report.released.isEmpty());
    QCOMPARE(manager.socketDescriptor(key), socket);
    QCOMPARE(manager.status(key)->routes, QStringList());
    QCOMPARE(manager.status(key)->leases, QStringList { acme });
    QCOMPARE(manager.bindCount(key), 1);

    QSignalSpy released(&manager, &PortManager::listenerReleased);
    QVERIFY(manager.releaseLease(port, acme));
    QCOMPARE(released.size(), 1);
    QVERIFY(manager.status().isEmpty());
    QVERIFY(otherProcessCanBind(port));
}

void tst_PortManager::otherProcessConflictHealsByItself()
{
    const quint16 port = freePort();
    const ListenerKey key = local(port);
    auto holder = holdPort(port);
    QVERIFY2(holder, "porthelper could not hold the port");

    PortManager manager;
    manager.setRetryPolicy({ std::chrono::milliseconds(50), std::chrono::milliseconds(400) });
    QSignalSpy changed(&manager, &PortManager::listenerChanged);
    const ReconcileReport report = manager.reconcile({ { key, { QStringLiteral("site") } } });
    QCOMPARE(report.failed.size(), 1);
    QCOMPARE(report.failed.first().error.kind, BindErrorKind::InUse);

    const ListenerStatus status = *manager.status(key);
    QCOMPARE(status.state, ListenerState::Conflict);
    QVERIFY(status.holder);
    QCOMPARE(status.holder->pid, holder->processId());
    QCOMPARE(status.holder->name, QStringLiteral("porthelper"));
    QVERIFY2(status.holder->exe.endsWith(QStringLiteral("/porthelper")), qPrintable(status.holder->exe));
    QVERIFY2(status.lastError->message.contains(QStringLiteral("porthelper (pid ")),
             qPrintable(status.lastError->message));
    QVERIFY(status.nextRetry > QDateTime::currentDateTimeUtc().addMSecs(-1));
    QCOMPARE(status.toJson().value(QStringLiteral("holder")).toObject().value(QStringLiteral("pid")).toInteger(),
             holder->processId());
    QCOMPARE(changed.size(), 1);

    // It keeps retrying with backoff, and a retry that fails the same way is not an event.
    QTRY_VERIFY(manager.bindCount(key) >= 4);
    QCOMPARE(changed.size(), 1);
    const qint64 delay = QDateTime::currentDateTimeUtc().msecsTo(manager.status(key)->nextRetry);
    QVERIFY2(delay <= 400, qPrintable(QString::number(delay)));

    QElapsedTimer healing;
    holder->kill();
    QVERIFY(holder->waitForFinished(5000));
    healing.start();
    QTRY_COMPARE_WITH_TIMEOUT(manager.status(key)->state, ListenerState::Bound, 5000);
    qInfo("bound %lld ms after the holder died (backoff 50 ms doubling to 400 ms)", healing.elapsed());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().first().value<ListenerStatus>().state, ListenerState::Bound);
    QVERIFY(!manager.status(key)->holder);
    QVERIFY(!manager.status(key)->nextRetry.isValid());

    // No sink here: the connection is accepted and closed, so watch for both.
    QTcpSocket client;
    QSignalSpy connected(&client, &QTcpSocket::connected);
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(connected.size(), 1);
    QTRY_COMPARE(disconnected.size(), 1);
}

void tst_PortManager::privilegedPortIsDeniedWithTheFix()
{
    QFile startFile(QStringLiteral("/proc/sys/net/ipv4/ip_unprivileged_port_start"));
    if (!startFile.open(QIODevice::ReadOnly))
        QSKIP("no /proc/sys/net/ipv4/ip_unprivileged_port_start: cannot tell which ports are privileged");
    const int unprivilegedStart = startFile.readAll().trimmed().toInt();
    if (unprivilegedStart <= 1)
        QSKIP("ip_unprivileged_port_start is 0 or 1: every port is unprivileged here, so 'denied' cannot happen");

    // A privileged port nobody listens on (checked as we are: root can bind it).
    quint16 port = 0;
    for (int candidate = qMin(unprivilegedStart - 1, 1023); candidate > 0 && port == 0; --candidate) {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, quint16(candidate)))
            port = quint16(candidate);
        else if (::geteuid() != 0)
            break;  // without root every privileged port fails; any will do
    }
    if (port == 0)
        port = quint16(unprivilegedStart - 1);

    const QStringList helperArguments { QStringLiteral("manager"), kLocal, QString::number(port) };
    QProcess process;
    if (::geteuid() == 0) {
        process.start(QStringLiteral("setpriv"),
                      QStringList { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                    QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all"),
                                    test::binaryPath(QStringLiteral("porthelper")) }
                          + helperArguments);
    } else {
        process.start(test::binaryPath(QStringLiteral("porthelper")), helperArguments);
    }
    QVERIFY2(process.waitForFinished(10000), qPrintable(process.errorString()));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    const QJsonObject status = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("denied"));
    QCOMPARE(status.value(QStringLiteral("port")).toInt(), int(port));
    const QJsonObject error = status.value(QStringLiteral("lastError")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("permission-denied"));
    const QString message = error.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("CAP_NET_BIND_SERVICE")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("setcap cap_net_bind_service=+ep")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("port >= 1024")), qPrintable(message));
    QVERIFY(!status.value(QStringLiteral("nextRetry")).isNull());
}

void tst_PortManager::strictRollbackLeavesPreviousListeners()
{
    const QList<quint16> ports = freePorts(3);
    const ListenerKey a = local(ports[0]), b = local(ports[1]), held = local(ports[2]);
    auto holder = holdPort(ports[2]);
    QVERIFY2(holder, "porthelper could not hold the port");

    PortManager manager;
    manager.reconcile({ { a, { QStringLiteral("a") } }, { b, { QStringLiteral("b") } } });
    const auto statusJson = [&manager] {
        QJsonArray all;
        for (const ListenerStatus &status : manager.status())
            all.append(status.toJson());
        return all;
    };
    const QJsonArray before = statusJson();
    const qintptr socketA = manager.socketDescriptor(a), socketB = manager.socketDescriptor(b);
    QSignalSpy changed(&manager, &PortManager::listenerChanged);
    QSignalSpy released(&manager, &PortManager::listenerReleased);

    // Would change a's routes, release b and add the held port: nothing of it may happen.
    const WantedListeners wanted { { a, { QStringLiteral("a"), QStringLiteral("x") } },
                                   { held, { QStringLiteral("h") } } };
    ReconcileReport report = manager.reconcile(wanted, ReconcileMode::Strict);
    QVERIFY(!report.applied);
    QCOMPARE(report.failed.size(), 1);
    QCOMPARE(report.failed.first().key, held);
    QVERIFY2(report.reason.contains(QStringLiteral("porthelper")), qPrintable(report.reason));
    QVERIFY(report.bound.isEmpty() && report.released.isEmpty() && report.kept.isEmpty());

    QCOMPARE(statusJson(), before);
    QCOMPARE(manager.socketDescriptor(a), socketA);
    QCOMPARE(manager.socketDescriptor(b), socketB);
    QCOMPARE(manager.bindCount(a), 1);
    QCOMPARE(manager.bindCount(b), 1);
    QVERIFY(!manager.status(held));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(released.size(), 0);
    // b still serves, and the failed strict bind left no retry behind.
    QTcpSocket client;
    QSignalSpy connected(&client, &QTcpSocket::connected);
    client.connectToHost(QHostAddress::LocalHost, ports[1]);
    QTRY_COMPARE(connected.size(), 1);
    QCOMPARE(manager.bindCount(held), 1);

    // Once the port is free the same strict apply goes through.
    holder.reset();
    report = manager.reconcile(wanted, ReconcileMode::Strict);
    QVERIFY2(report.applied, qPrintable(report.reason));
    QCOMPARE(report.bound, QList<ListenerKey> { held });
    QCOMPARE(report.released, QList<ListenerKey> { b });
    QCOMPARE(manager.socketDescriptor(a), socketA);
    QCOMPARE(manager.status(a)->count(), 2);
}

void tst_PortManager::strictRebindsAChangedBindAddress()
{
    // 0.0.0.0:P and 127.0.0.1:P cannot both be bound: the old one must close first.
    const quint16 port = freePort();
    const ListenerKey any = ListenerKey::make(QStringLiteral("0.0.0.0"), port);
    PortManager manager;
    QVERIFY(manager.reconcile({ { any, { QStringLiteral("site") } } }).failed.isEmpty());

    const ReconcileReport report
        = manager.reconcile({ { local(port), { QStringLiteral("site") } } }, ReconcileMode::Strict);
    QVERIFY2(report.applied, qPrintable(report.reason));
    QCOMPARE(report.bound, QList<ListenerKey> { local(port) });
    QCOMPARE(report.released, QList<ListenerKey> { any });
    QCOMPARE(manager.status(local(port))->state, ListenerState::Bound);
    QCOMPARE(manager.status().size(), 1);
}

void tst_PortManager::randomReconcilesLeakNothing()
{
    const QList<quint16> ports = freePorts(6);
    QRandomGenerator random(20240611);
    const QString acme = QString::fromLatin1(kAcmeChallengeLease);
    PortManager manager;
    manager.setLeaseAddress(kLocal);
    // Thousands of bind/release lines would drown the test log.
    QLoggingCategory::setFilterRules(QStringLiteral("gatehouse.net.info=false"));
    const auto restoreLogging = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
    const int baseline = openDescriptors();

    WantedListeners wanted;
    for (int round = 0; round < 1000; ++round) {
        config::Config config;
        config.bindAddress = kLocal;
        const int routeCount = random.bounded(0, 8);
        for (int r = 0; r < routeCount; ++r) {
            QList<config::PortRange> routePorts;
            const int portCount = random.bounded(1, 3);
            for (int p = 0; p < portCount; ++p)
                routePorts.append(single(ports[random.bounded(qsizetype(0), ports.size())]));
            config.routes.append(route(QStringLiteral("r%1").arg(r), routePorts, random.bounded(0, 5) != 0));
        }
        wanted = wantedListeners(config);
        const auto mode = round % 10 == 0 ? ReconcileMode::Strict : ReconcileMode::BestEffort;
        const ReconcileReport report = manager.reconcile(wanted, mode);
        QVERIFY2(report.applied && report.failed.isEmpty(), QJsonDocument(report.toJson()).toJson().constData());
        if (round % 7 == 0)
            manager.acquireLease(ports[random.bounded(qsizetype(0), ports.size())], acme);
        if (round % 11 == 0) {
            for (const quint16 port : ports)
                manager.releaseLease(port, acme);
        }
    }
    for (const quint16 port : ports)
        manager.releaseLease(port, acme);

    // The final state equals the last wanted set.
    const QList<ListenerStatus> status = manager.status();
    QCOMPARE(status.size(), wanted.size());
    for (const ListenerStatus &listener : status) {
        QVERIFY(wanted.contains(listener.key));
        QCOMPARE(listener.routes, wanted.value(listener.key));
        QVERIFY(listener.leases.isEmpty());
        QCOMPARE(listener.state, ListenerState::Bound);
    }
    QCOMPARE(openDescriptors(), baseline + int(wanted.size()));

    manager.reconcile({});
    QVERIFY(manager.status().isEmpty());
    QCOMPARE(openDescriptors(), baseline);
}

void tst_PortManager::addressNotAvailable()
{
    // 192.0.2.0/24 is TEST-NET-1: documentation only, never assigned to a host.
    const ListenerKey key = ListenerKey::make(QStringLiteral("192.0.2.1"), freePort());
    PortManager manager;
    manager.reconcile({ { key, { QStringLiteral("site") } } });
    const ListenerStatus status = *manager.status(key);
    QCOMPARE(status.state, ListenerState::Waiting);
    QCOMPARE(status.lastError->kind, BindErrorKind::AddressNotAvailable);
    QVERIFY2(status.lastError->message.contains(QStringLiteral("not an address of this host")),
             qPrintable(status.lastError->message));
    QVERIFY(status.nextRetry.isValid());

    // Anything else carries the OS's (or the parser's) own words.
    const ListenerKey bad = ListenerKey::make(QStringLiteral("localhost"), 8080);
    manager.reconcile({ { bad, { QStringLiteral("site") } } });
    QCOMPARE(manager.status(bad)->state, ListenerState::Error);
    QCOMPARE(manager.status(bad)->lastError->kind, BindErrorKind::Other);
    QVERIFY(manager.status(bad)->lastError->message.contains(QStringLiteral("not a numeric")));
}

void tst_PortManager::internalConflictNamesBothOwners()
{
    const quint16 port = freePort();
    const ListenerKey any = ListenerKey::make(QStringLiteral("0.0.0.0"), port);
    PortManager manager;
    manager.setRetryPolicy({ std::chrono::milliseconds(20), std::chrono::milliseconds(100) });
    manager.reconcile({ { any, { QStringLiteral("wildcard-site") } } });

    const ListenerStatus lease = manager.acquireLease(local(port), QStringLiteral("acme-challenge"));
    QCOMPARE(lease.state, ListenerState::Error);
    QCOMPARE(lease.lastError->kind, BindErrorKind::InternalConflict);
    const QString message = lease.lastError->message;
    QVERIFY2(message.contains(QStringLiteral("internal error")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("wildcard-site")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("acme-challenge")), qPrintable(message));
    QVERIFY2(message.contains(any.toString()), qPrintable(message));

    // When the other owner leaves, the lease's listener binds by itself.
    manager.reconcile({});
    QTRY_COMPARE(manager.status(local(port))->state, ListenerState::Bound);
}

void tst_PortManager::challengePortChoice()
{
    const QList<quint16> ports = freePorts(3);
    const quint16 ours = ports[0], held = ports[1], free = ports[2];
    auto holder = holdPort(held);
    QVERIFY2(holder, "porthelper could not hold the port");
    PortManager manager;
    manager.setLeaseAddress(kLocal);
    manager.reconcile({ { local(ours), { QStringLiteral("site") } } });

    // Already ours: chosen with no probe bind.
    auto choice = manager.chooseChallengePort(ours, { held, free });
    QCOMPARE(choice.value(), ours);
    QCOMPARE(manager.bindCount(local(ours)), 1);

    // Held by another process: the first bindable fallback, probed and let go again.
    choice = manager.chooseChallengePort(held, { held, free });
    QCOMPARE(choice.value(), free);
    QCOMPARE(manager.bindCount(local(held)), 1);
    QCOMPARE(manager.bindCount(local(free)), 1);
    QVERIFY(!manager.status(local(free)));
    QVERIFY(otherProcessCanBind(free));
    QCOMPARE(manager.acquireLease(free, QStringLiteral("acme-challenge")).state, ListenerState::Bound);
    QCOMPARE(manager.bindCount(local(free)), 2);

    // Nothing bindable: the error names the holder.
    manager.releaseLease(free, QStringLiteral("acme-challenge"));
    auto freeHolder = holdPort(free);
    QVERIFY(freeHolder);
    choice = manager.chooseChallengePort(held, { free });
    QVERIFY(!choice.ok());
    QVERIFY2(choice.error().contains(QStringLiteral("porthelper")), qPrintable(choice.error()));
}

void tst_PortManager::socketOptionsAndDefaultSink()
{
    const quint16 port = freePort();
    PortManager manager;
    manager.reconcile({ { local(port), { QStringLiteral("site") } } });
    const int socket = int(manager.socketDescriptor(local(port)));
    QVERIFY(socket >= 0);

    int value = -1;
    socklen_t length = sizeof value;
    QCOMPARE(::getsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &value, &length), 0);
    QCOMPARE(value, 1);
    value = -1;
    QCOMPARE(::getsockopt(socket, SOL_SOCKET, SO_REUSEPORT, &value, &length), 0);
    QCOMPARE(value, 0);
    // So a second process fails loudly instead of silently sharing the port.
    QVERIFY(!otherProcessCanBind(port));

    // Without a sink an accepted connection is closed at once.
    QTcpSocket client;
    QSignalSpy connected(&client, &QTcpSocket::connected);
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    client.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(connected.size(), 1);
    QTRY_COMPARE(disconnected.size(), 1);

    // With one, it gets the socket and the listener it came from, and the connection stays open.
    RecordingSink sink;
    manager.setConnectionSink(&sink);
    QTcpSocket kept;
    kept.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(sink.accepted.size(), 1);
    QCOMPARE(sink.accepted.first().second, local(port));
    QCOMPARE(::write(int(sink.accepted.first().first), "hi", 2), ssize_t(2));
    QTRY_COMPARE(kept.bytesAvailable(), qint64(2));
    QCOMPARE(kept.state(), QAbstractSocket::ConnectedState);
    manager.setConnectionSink(nullptr);
}

void tst_PortManager::sinkMayReleaseTheListenerFromAccept()
{
    // A consumer that reconciles from inside acceptConnection() deletes the listener
    // that is calling it; the accept loop must stop touching it.
    class ReleasingSink final : public ConnectionSink
    {
    public:
        explicit ReleasingSink(PortManager &manager) : m_manager(manager) { }
        void acceptConnection(qintptr socketDescriptor, const ListenerKey &) override
        {
            platform::closeSocket(socketDescriptor);
            ++calls;
            m_manager.reconcile({});
        }
        int calls = 0;

    private:
        PortManager &m_manager;
    };

    const quint16 port = freePort();
    PortManager manager;
    ReleasingSink sink(manager);
    manager.setConnectionSink(&sink);
    manager.reconcile({ { local(port), { QStringLiteral("site") } } });
    // Two connections wait in the backlog, so the loop would go on after the first.
    const int first = connectRaw(port);
    const int second = connectRaw(port);
    QVERIFY(first >= 0 && second >= 0);
    QTRY_COMPARE(sink.calls, 1);
    QVERIFY(manager.status().isEmpty());
    ::close(first);
    ::close(second);
}

void tst_PortManager::sinkAcceptsItselfUntilTheListenerCloses()
{
    // A sink that accepts from the listening socket itself (the proxy's workers do):
    // the listener stops accepting, and gets the socket back, still open, before it
    // closes it or when the sink changes.
    class SelfAcceptingSink final : public ConnectionSink
    {
    public:
        bool startAccepting(qintptr listenSocket, const ListenerKey &listener) override
        {
            started.append({ listenSocket, listener });
            return true;
        }
        void stopAccepting(qintptr listenSocket) override
        {
            stopped.append(listenSocket);
            stillOpenWhenStopped.append(::fcntl(int(listenSocket), F_GETFD) != -1);
        }
        void acceptConnection(qintptr socketDescriptor, const ListenerKey &) override
        {
            platform::closeSocket(socketDescriptor);
            ++handedOver;
        }
        QList<std::pair<qintptr, ListenerKey>> started;
        QList<qintptr> stopped;
        QList<bool> stillOpenWhenStopped;
        int handedOver = 0;
    };

    const quint16 port = freePort();
    PortManager manager;
    SelfAcceptingSink sink;
    manager.setConnectionSink(&sink);
    manager.reconcile({ { local(port), { QStringLiteral("site") } } });
    QCOMPARE(sink.started.size(), 1);
    const qintptr listenSocket = sink.started.first().first;
    QCOMPARE(listenSocket, qintptr(manager.socketDescriptor(local(port))));
    QCOMPARE(sink.started.first().second, local(port));

    // The connection waits for the sink: the listener itself does not accept it.
    const int client = connectRaw(port);
    QVERIFY(client >= 0);
    // A listener accepting itself would have taken it within one turn of the loop.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(sink.handedOver, 0);
    const int accepted = ::accept4(int(listenSocket), nullptr, nullptr, SOCK_CLOEXEC);
    QVERIFY2(accepted >= 0, strerror(errno));
    ::close(accepted);
    ::close(client);

    // A sink that declines takes over from it: the first one hands the socket back first.
    RecordingSink declining;
    manager.setConnectionSink(&declining);
    QCOMPARE(sink.stopped, QList<qintptr> { listenSocket });
    QCOMPARE(sink.stillOpenWhenStopped, QList<bool> { true });
    const int second = connectRaw(port);
    QTRY_COMPARE(declining.accepted.size(), 1);
    ::close(second);

    // Back to the self-accepting sink, then the last route goes: the socket is handed
    // back while still open, and closed right after, so the port is free.
    manager.setConnectionSink(&sink);
    QCOMPARE(sink.started.size(), 2);
    manager.reconcile({});
    QCOMPARE(sink.stopped.size(), 2);
    QCOMPARE(sink.stillOpenWhenStopped.last(), true);
    QTcpServer rebound;
    QVERIFY2(rebound.listen(QHostAddress::LocalHost, port), qPrintable(rebound.errorString()));
    manager.setConnectionSink(nullptr);
}

QTEST_GUILESS_MAIN(tst_PortManager)
#include "tst_portmanager.moc"
