// ControlServer and ControlClient over a real local socket in a temp dir:
// requests, framing, caps, events and many clients.

#include "control/ControlClient.h"
#include "control/ControlServer.h"
#include "control/ErrorCodes.h"
#include "control/Message.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace gatehouse::control;

namespace {

// A client that writes raw bytes and reads raw lines, for what ControlClient never sends.
class RawClient
{
public:
    explicit RawClient(const QString &endpoint)
    {
        m_socket.connectToServer(endpoint);
        QTRY_VERIFY_WITH_TIMEOUT(m_socket.state() == QLocalSocket::ConnectedState, 5000);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // The next line as a JSON object; an empty object when none came in time.
    QJsonObject next()
    {
        if (!QTest::qWaitFor([this] { return m_socket.canReadLine(); }, 5000))
            return {};
        return QJsonDocument::fromJson(m_socket.readLine()).object();
    }
    QLocalSocket &socket() { return m_socket; }

private:
    QLocalSocket m_socket;
};

// A client that never reads: a bare socket, so no library reads on its behalf.
class DeafClient
{
public:
    explicit DeafClient(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray native = path.toLocal8Bit();
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_connected = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    }
    ~DeafClient() { ::close(m_fd); }
    bool isConnected() const { return m_connected; }
    bool send(const QByteArray &bytes)
    {
        return ::write(m_fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }

private:
    int m_fd = -1;
    bool m_connected = false;
};

// One call through ControlClient, waited for.
std::optional<ControlClient::Reply> callAndWait(ControlClient &client, const QString &method,
                                                const QJsonValue &params = QJsonObject {})
{
    std::optional<ControlClient::Reply> reply;
    client.call(method, params, &client, [&reply](const ControlClient::Reply &r) { reply = r; });
    (void)QTest::qWaitFor([&reply] { return reply.has_value(); }, 10000);
    return reply;
}

}  // namespace

class tst_ControlServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roundTrip();
    void asyncHandlerAnswersLater();
    void handlerThatNeverAnswersGivesInternalError();
    void parseErrorKeepsConnectionUsable();
    void invalidRequestAndUnknownMethod();
    void notificationGetsNoAnswer();
    void oversizedMessageDisconnectsOnlyThatClient_data();
    void oversizedMessageDisconnectsOnlyThatClient();
    void hundredConcurrentClients();
    void subscribersGetEventsOthersDoNot();
    void subscriberThatNeverReadsIsDropped();
    void callTimesOut();

private:
    std::unique_ptr<ControlClient> connectedClient();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ControlServer> m_server;
    QString m_endpoint;
};

void tst_ControlServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_endpoint = m_dir->filePath(QStringLiteral("run/control.sock"));
    m_server = std::make_unique<ControlServer>();
    m_server->registerMethod(QStringLiteral("echo"),
                             [](const QJsonValue &params, const ClientIdentity &) { return params; });
    const auto listening = m_server->listen(m_endpoint);
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().message));
}

void tst_ControlServer::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<ControlClient> tst_ControlServer::connectedClient()
{
    auto client = std::make_unique<ControlClient>();
    QSignalSpy connected(client.get(), &ControlClient::connected);
    client->connectToServer(m_endpoint);
    if (!connected.wait(5000))
        return nullptr;
    return client;
}

void tst_ControlServer::roundTrip()
{
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject params { { QStringLiteral("name"), QStringLiteral("site") }, { QStringLiteral("n"), 3 } };
    const auto reply = callAndWait(*client, QStringLiteral("echo"), params);
    QVERIFY(reply);
    QVERIFY(reply->ok());
    QCOMPARE(reply->value().toObject(), params);

    // The handler sees who called: this process.
    ClientIdentity seen;
    m_server->registerMethod(QStringLiteral("whoami"), [&seen](const QJsonValue &, const ClientIdentity &caller) {
        seen = caller;
        return QJsonValue(true);
    });
    QVERIFY(callAndWait(*client, QStringLiteral("whoami")));
    QCOMPARE(seen.pid, QCoreApplication::applicationPid());
    QCOMPARE(seen.uid, qint64(::geteuid()));
}

void tst_ControlServer::asyncHandlerAnswersLater()
{
    std::optional<Responder> held;
    m_server->registerAsyncMethod(
        QStringLiteral("slow"),
        [&held](const QJsonValue &, const ClientIdentity &, const Responder &responder) { held = responder; });
    auto client = connectedClient();
    QVERIFY(client);

    std::optional<ControlClient::Reply> slow;
    client->call(QStringLiteral("slow"), QJsonObject {}, client.get(),
                 [&slow](const ControlClient::Reply &reply) { slow = reply; });
    QTRY_VERIFY(held.has_value());
    // The server goes on serving while the slow call is open.
    const auto fast = callAndWait(*client, QStringLiteral("echo"), QJsonArray { 1 });
    QVERIFY(fast && fast->ok());
    QVERIFY(!slow.has_value());
    QVERIFY(held->isPending());

    held->resolve(QStringLiteral("done"));
    QVERIFY(!held->isPending());
    held->resolve(QStringLiteral("again"));  // ignored: the first answer wins
    QTRY_VERIFY(slow.has_value());
    QVERIFY(slow->ok());
    QCOMPARE(slow->value().toString(), QStringLiteral("done"));

    // Rejections carry code, message and data.
    held.reset();
    client->call(QStringLiteral("slow"), QJsonObject {}, client.get(),
                 [&slow](const ControlClient::Reply &reply) { slow = reply; });
    slow.reset();
    QTRY_VERIFY(held.has_value());
    held->reject({ ErrorCode::RevisionConflict, QStringLiteral("stale"),
                   QJsonObject { { QStringLiteral("currentRevision"), 5 } } });
    QTRY_VERIFY(slow.has_value());
    QVERIFY(!slow->ok());
    QCOMPARE(slow->error().code, ErrorCode::RevisionConflict);
    QCOMPARE(slow->error().data.toObject().value(QStringLiteral("currentRevision")).toInt(), 5);
}

void tst_ControlServer::handlerThatNeverAnswersGivesInternalError()
{
    m_server->registerAsyncMethod(QStringLiteral("forgetful"),
                                  [](const QJsonValue &, const ClientIdentity &, const Responder &) {});
    auto client = connectedClient();
    QVERIFY(client);
    const auto reply = callAndWait(*client, QStringLiteral("forgetful"));
    QVERIFY(reply);
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code, ErrorCode::InternalError);
    QVERIFY2(reply->error().message.contains(QStringLiteral("forgetful")), qPrintable(reply->error().message));
}

void tst_ControlServer::parseErrorKeepsConnectionUsable()
{
    RawClient raw(m_endpoint);
    raw.send("{this is not json\n");
    const QJsonObject error = raw.next();
    QCOMPARE(error.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
    QVERIFY(error.value(QStringLiteral("id")).isNull());
    QCOMPARE(error.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
             ErrorCode::ParseError);

    raw.send(R"({"jsonrpc":"2.0","id":"after","method":"echo","params":["still here"]})"
             "\n");
    const QJsonObject answer = raw.next();
    QCOMPARE(answer.value(QStringLiteral("id")).toString(), QStringLiteral("after"));
    QCOMPARE(answer.value(QStringLiteral("result")).toArray().at(0).toString(), QStringLiteral("still here"));
    QCOMPARE(raw.socket().state(), QLocalSocket::ConnectedState);
}

void tst_ControlServer::invalidRequestAndUnknownMethod()
{
    auto client = connectedClient();
    QVERIFY(client);
    const auto unknown = callAndWait(*client, QStringLiteral("no.such.method"));
    QVERIFY(unknown);
    QVERIFY(!unknown->ok());
    QCOMPARE(unknown->error().code, ErrorCode::MethodNotFound);
    QVERIFY(unknown->error().message.contains(QStringLiteral("no.such.method")));

    RawClient raw(m_endpoint);
    raw.send(R"({"id":12,"method":"echo"})"
             "\n");
    const QJsonObject invalid = raw.next();
    QCOMPARE(invalid.value(QStringLiteral("id")).toInt(), 12);
    QCOMPARE(invalid.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
             ErrorCode::InvalidRequest);
}

void tst_ControlServer::notificationGetsNoAnswer()
{
    int calls = 0;
    m_server->registerMethod(QStringLiteral("count"), [&calls](const QJsonValue &, const ClientIdentity &) {
        ++calls;
        return QJsonValue(calls);
    });
    RawClient raw(m_endpoint);
    raw.send(R"({"jsonrpc":"2.0","method":"count"})"
             "\n"
             R"({"jsonrpc":"2.0","id":1,"method":"count"})"
             "\n");
    const QJsonObject answer = raw.next();
    // The first line reached the handler but got no line back: the next one is the request's.
    QCOMPARE(answer.value(QStringLiteral("id")).toInt(), 1);
    QCOMPARE(answer.value(QStringLiteral("result")).toInt(), 2);
    QCOMPARE(calls, 2);
}

void tst_ControlServer::oversizedMessageDisconnectsOnlyThatClient_data()
{
    QTest::addColumn<bool>("complete");
    QTest::newRow("no newline") << false;
    QTest::newRow("a complete line") << true;
}

void tst_ControlServer::oversizedMessageDisconnectsOnlyThatClient()
{
    QFETCH(bool, complete);
    m_server->close();
    m_server->setMaxMessageSize(64 * 1024);
    QVERIFY(m_server->listen(m_endpoint).ok());

    auto good = connectedClient();
    QVERIFY(good);
    QVERIFY(callAndWait(*good, QStringLiteral("echo"))->ok());

    RawClient bad(m_endpoint);
    QTRY_COMPARE(m_server->clientCount(), 2);
    QSignalSpy gone(&bad.socket(), &QLocalSocket::disconnected);
    const QByteArray big = R"({"jsonrpc":"2.0","id":1,"method":"echo","params":[")" + QByteArray(200 * 1024, 'x')
        + R"("]})" + (complete ? "\n" : "");
    bad.send(big);
    QVERIFY(gone.wait(5000));
    QTRY_COMPARE(m_server->clientCount(), 1);

    // The other client and the server go on.
    const auto after = callAndWait(*good, QStringLiteral("echo"), QJsonArray { QStringLiteral("fine") });
    QVERIFY(after && after->ok());
    QCOMPARE(after->value().toArray().at(0).toString(), QStringLiteral("fine"));
    auto fresh = connectedClient();
    QVERIFY(fresh);
    QVERIFY(callAndWait(*fresh, QStringLiteral("echo"))->ok());
}

void tst_ControlServer::hundredConcurrentClients()
{
    constexpr int kClients = 100;
    std::vector<std::unique_ptr<ControlClient>> clients;
    QHash<int, int> answers;  // client index -> echoed index
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<ControlClient>());
        ControlClient *client = clients.back().get();
        client->connectToServer(m_endpoint);
        // Made while still connecting: sent once connected.
        client->call(QStringLiteral("echo"), QJsonArray { i }, client, [&answers, i](const ControlClient::Reply &r) {
            answers.insert(i, r.ok() ? r.value().toArray().at(0).toInt() : -1);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), kClients, 20000);
    QTRY_COMPARE(m_server->clientCount(), kClients);
    for (int i = 0; i < kClients; ++i)
        QCOMPARE(answers.value(i), i);
}

void tst_ControlServer::subscribersGetEventsOthersDoNot()
{
    auto subscriber = connectedClient();
    auto bystander = connectedClient();
    QVERIFY(subscriber && bystander);
    std::optional<ControlClient::Reply> subscribed;
    subscriber->subscribeEvents(subscriber.get(), [&subscribed](const ControlClient::Reply &r) { subscribed = r; });
    QTRY_VERIFY(subscribed.has_value());
    QVERIFY(subscribed->ok());
    QCOMPARE(m_server->subscriberCount(), 1);

    QSignalSpy events(subscriber.get(), &ControlClient::eventReceived);
    QSignalSpy bystanderNotes(bystander.get(), &ControlClient::notificationReceived);
    const QJsonObject event { { QStringLiteral("type"), QStringLiteral("config.applied") },
                              { QStringLiteral("revision"), 4 } };
    m_server->publish(event);
    m_server->publish({ { QStringLiteral("type"), QStringLiteral("listener.changed") } });
    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(events.at(0).at(0).toJsonObject(), event);

    // The server writes in order: an event meant for the bystander would have
    // arrived before this answer.
    QVERIFY(callAndWait(*bystander, QStringLiteral("echo"))->ok());
    QCOMPARE(bystanderNotes.size(), 0);

    // Unsubscribing stops them.
    QVERIFY(callAndWait(*subscriber, QStringLiteral("events.unsubscribe"))->ok());
    m_server->publish(event);
    QVERIFY(callAndWait(*subscriber, QStringLiteral("echo"))->ok());
    QCOMPARE(events.size(), 2);
}

void tst_ControlServer::subscriberThatNeverReadsIsDropped()
{
    constexpr qint64 kCap = 512 * 1024;
    m_server->setMaxPendingOutput(kCap);
    m_server->close();
    QVERIFY(m_server->listen(m_endpoint).ok());

    DeafClient deaf(m_endpoint);
    QVERIFY(deaf.isConnected());
    QVERIFY(deaf.send(R"({"jsonrpc":"2.0","id":1,"method":"events.subscribe"})"
                      "\n"));
    auto reader = connectedClient();
    QVERIFY(reader);
    QVERIFY(callAndWait(*reader, QStringLiteral("events.subscribe"))->ok());
    QTRY_COMPARE(m_server->subscriberCount(), 2);
    QSignalSpy received(reader.get(), &ControlClient::eventReceived);

    // Far more than the cap plus the kernel's socket buffers: without the cap the
    // server would hold all of it for the deaf client.
    const QJsonObject event { { QStringLiteral("blob"), QString(64 * 1024, u'e') } };
    constexpr int kEvents = 200;  // about 13 MB
    for (int i = 0; i < kEvents; ++i) {
        m_server->publish(event);
        // A healthy reader keeps up with the service's event loop.
        QVERIFY(QTest::qWaitFor([&received, i] { return received.size() > i; }, 5000));
    }
    QTRY_COMPARE(m_server->subscriberCount(), 1);
    QCOMPARE(m_server->clientCount(), 1);
    // The reading subscriber got every event: only the deaf one was dropped.
    QCOMPARE(received.size(), kEvents);
}

void tst_ControlServer::callTimesOut()
{
    std::optional<Responder> held;
    m_server->registerAsyncMethod(
        QStringLiteral("never"),
        [&held](const QJsonValue &, const ClientIdentity &, const Responder &responder) { held = responder; });
    auto client = connectedClient();
    QVERIFY(client);
    std::optional<ControlClient::Reply> reply;
    int answers = 0;
    client->call(
        QStringLiteral("never"), QJsonObject {}, client.get(),
        [&](const ControlClient::Reply &r) {
            reply = r;
            ++answers;
        },
        std::chrono::milliseconds(100));
    QTRY_VERIFY(reply.has_value());
    QCOMPARE(reply->error().code, ErrorCode::ClientTimeout);

    // A late answer is dropped, not delivered a second time; the echo after it
    // proves it has arrived (the server writes in order).
    QVERIFY(held.has_value());
    held->resolve(1);
    QVERIFY(callAndWait(*client, QStringLiteral("echo"))->ok());
    QCOMPARE(answers, 1);
}

QTEST_GUILESS_MAIN(tst_ControlServer)
#include "tst_controlserver.moc"
