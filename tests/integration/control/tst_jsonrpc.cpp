// The framing and message rules both ends share: Message::parse and LineFramer.

#include "control/ErrorCodes.h"
#include "control/LineFramer.h"
#include "control/Message.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse::control;

class tst_JsonRpc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void serialisedMessagesAreOneLine();
    void framerSplitsLines();
    void framerCapsAnUnfinishedMessage();
    void framerCapsACompleteMessage();
    void framerAcceptsExactlyTheCap();
};

void tst_JsonRpc::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("errorCode");  // 0: parses
    QTest::addColumn<int>("kind");
    QTest::addColumn<QJsonValue>("id");

    const int request = int(Message::Kind::Request), notification = int(Message::Kind::Notification),
              response = int(Message::Kind::Response);
    QTest::newRow("request") << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"status"})") << 0 << request
                             << QJsonValue(7);
    QTest::newRow("string id") << QByteArray(R"({"jsonrpc":"2.0","id":"a","method":"x","params":[1]})") << 0 << request
                               << QJsonValue(QStringLiteral("a"));
    QTest::newRow("notification") << QByteArray(R"({"jsonrpc":"2.0","method":"event","params":{}})") << 0
                                  << notification << QJsonValue(QJsonValue::Null);
    QTest::newRow("result") << QByteArray(R"({"jsonrpc":"2.0","id":1,"result":null})") << 0 << response
                            << QJsonValue(1);
    QTest::newRow("error") << QByteArray(R"({"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"m"}})") << 0
                           << response << QJsonValue(1);
    QTest::newRow("not json") << QByteArray("{nope") << ErrorCode::ParseError << 0 << QJsonValue(QJsonValue::Null);
    QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"a"}])") << ErrorCode::InvalidRequest << 0
                           << QJsonValue(QJsonValue::Null);
    QTest::newRow("scalar") << QByteArray("42") << ErrorCode::InvalidRequest << 0 << QJsonValue(QJsonValue::Null);
    QTest::newRow("no version keeps id") << QByteArray(R"({"id":3,"method":"a"})") << ErrorCode::InvalidRequest << 0
                                         << QJsonValue(3);
    QTest::newRow("object id") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"a"})") << ErrorCode::InvalidRequest
                               << 0 << QJsonValue(QJsonValue::Null);
    QTest::newRow("scalar params") << QByteArray(R"({"jsonrpc":"2.0","id":4,"method":"a","params":1})")
                                   << ErrorCode::InvalidRequest << 0 << QJsonValue(4);
    QTest::newRow("empty method") << QByteArray(R"({"jsonrpc":"2.0","id":5,"method":""})") << ErrorCode::InvalidRequest
                                  << 0 << QJsonValue(5);
    QTest::newRow("result and error") << QByteArray(R"({"jsonrpc":"2.0","id":6,"result":1,"error":{}})")
                                      << ErrorCode::InvalidRequest << 0 << QJsonValue(6);
    QTest::newRow("bad error object") << QByteArray(R"({"jsonrpc":"2.0","id":8,"error":{"code":"x"}})")
                                      << ErrorCode::InvalidRequest << 0 << QJsonValue(8);
}

void tst_JsonRpc::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(int, errorCode);
    QFETCH(int, kind);
    QFETCH(QJsonValue, id);

    const auto parsed = Message::parse(line);
    if (errorCode == 0) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().error.message));
        QCOMPARE(int(parsed->kind), kind);
        QCOMPARE(parsed->id, id);
    } else {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().error.code, errorCode);
        QCOMPARE(parsed.error().id, id);
    }
}

void tst_JsonRpc::serialisedMessagesAreOneLine()
{
    const QJsonObject params { { QStringLiteral("text"), QStringLiteral("two\nlines\r\n") } };
    for (const QByteArray &message :
         { Message::request(1, QStringLiteral("m"), params), Message::notification(QStringLiteral("event"), params),
           Message::response(1, params),
           Message::errorResponse(QJsonValue::Null, RpcError::parseError(QStringLiteral("x\ny"))) }) {
        QVERIFY(message.endsWith('\n'));
        QCOMPARE(message.count('\n'), 1);
        QVERIFY(Message::parse(message.chopped(1)).ok());
    }
    const auto back = Message::parse(Message::request(9, QStringLiteral("m"), params).chopped(1));
    QCOMPARE(back->params.toObject(), params);
}

void tst_JsonRpc::framerSplitsLines()
{
    LineFramer framer(100);
    QVERIFY(framer.append("one\ntw"));
    QCOMPARE(framer.takeMessage(), std::optional<QByteArray>("one"));
    QCOMPARE(framer.takeMessage(), std::nullopt);
    QVERIFY(framer.append("o\r\n\n\nthree\n"));
    QCOMPARE(framer.takeMessage(), std::optional<QByteArray>("two"));
    QCOMPARE(framer.takeMessage(), std::optional<QByteArray>("three"));
    QCOMPARE(framer.takeMessage(), std::nullopt);
    QCOMPARE(framer.buffered(), 0);
}

void tst_JsonRpc::framerCapsAnUnfinishedMessage()
{
    LineFramer framer(100);
    QVERIFY(framer.append(QByteArray(60, 'a')));
    QVERIFY(!framer.append(QByteArray(60, 'a')));
    QVERIFY(framer.overflowed());
    QVERIFY(!framer.append("\n"));
}

void tst_JsonRpc::framerCapsACompleteMessage()
{
    LineFramer framer(100);
    QVERIFY(framer.append("ok\n" + QByteArray(150, 'a') + "\nlater\n"));
    QCOMPARE(framer.takeMessage(), std::optional<QByteArray>("ok"));
    QCOMPARE(framer.takeMessage(), std::nullopt);
    QVERIFY(framer.overflowed());
}

void tst_JsonRpc::framerAcceptsExactlyTheCap()
{
    LineFramer framer(100);
    QVERIFY(framer.append(QByteArray(100, 'a')));
    QVERIFY(framer.append("\n"));
    QCOMPARE(framer.takeMessage()->size(), 100);
    QVERIFY(!framer.overflowed());
}

QTEST_GUILESS_MAIN(tst_JsonRpc)
#include "tst_jsonrpc.moc"
