#include "acme/AcmeProblem.h"

#include <QTest>

using namespace gatehouse::acme;

class TestAcmeProblem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromHttp_data();
    void fromHttp();
    void subproblems();
    void retryAfter_data();
    void retryAfter();
    void toStringShortensAcmeTypes();
};

namespace {

const QDateTime kNow = QDateTime(QDate(2015, 10, 21), QTime(7, 27, 0), Qt::UTC);

}  // namespace

void TestAcmeProblem::fromHttp_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfterHeader");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("detailContains");
    QTest::addColumn<int>("retryAfter");  // -1: none
    QTest::addColumn<bool>("rateLimited");

    QTest::newRow("rateLimited with Retry-After seconds")
        << 429
        << QByteArray(R"({"type":"urn:ietf:params:acme:error:rateLimited",)"
                      R"("detail":"too many certificates already issued","status":429})")
        << QByteArray("120") << QStringLiteral("urn:ietf:params:acme:error:rateLimited")
        << QStringLiteral("too many certificates already issued") << 120 << true;
    QTest::newRow("rejectedIdentifier, no Retry-After")
        << 400
        << QByteArray(R"({"type":"urn:ietf:params:acme:error:rejectedIdentifier","detail":"Invalid identifier"})")
        << QByteArray() << QStringLiteral("urn:ietf:params:acme:error:rejectedIdentifier")
        << QStringLiteral("Invalid identifier") << -1 << false;
    QTest::newRow("title stands in for a missing detail")
        << 403 << QByteArray(R"({"type":"urn:ietf:params:acme:error:unauthorized","title":"Forbidden"})")
        << QByteArray() << QStringLiteral("urn:ietf:params:acme:error:unauthorized") << QStringLiteral("Forbidden")
        << -1 << false;
    QTest::newRow("problem without type is about:blank")
        << 404 << QByteArray(R"({"type":"","detail":"nothing here"})") << QByteArray() << QStringLiteral("about:blank")
        << QStringLiteral("nothing here") << -1 << false;
    QTest::newRow("HTML error page becomes a protocol problem quoting it")
        << 502 << QByteArray("<html><body>Bad Gateway</body></html>") << QByteArray("5")
        << QStringLiteral("gatehouse:protocol") << QStringLiteral("https://ca.test/acme/x answered HTTP 502") << 5
        << false;
    QTest::newRow("empty body") << 500 << QByteArray() << QByteArray() << QStringLiteral("gatehouse:protocol")
                                << QStringLiteral("without a problem document") << -1 << false;
    QTest::newRow("JSON that is no problem document")
        << 500 << QByteArray(R"({"error":"boom"})") << QByteArray() << QStringLiteral("gatehouse:protocol")
        << QStringLiteral("{\"error\":\"boom\"}") << -1 << false;
}

void TestAcmeProblem::fromHttp()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfterHeader);
    QFETCH(QString, type);
    QFETCH(QString, detailContains);
    QFETCH(int, retryAfter);
    QFETCH(bool, rateLimited);

    const AcmeProblem p
        = AcmeProblem::fromHttp(QStringLiteral("https://ca.test/acme/x"), status, body, retryAfterHeader, kNow);
    QCOMPARE(p.type, type);
    QVERIFY2(p.detail.contains(detailContains), qPrintable(p.detail));
    QCOMPARE(p.httpStatus, status);
    QCOMPARE(p.retryAfter.has_value(), retryAfter >= 0);
    if (retryAfter >= 0)
        QCOMPARE(p.retryAfter->count(), retryAfter);
    QCOMPARE(p.isRateLimited(), rateLimited);
    QVERIFY(p.toString().contains(QStringLiteral("(HTTP %1)").arg(status)));
}

void TestAcmeProblem::subproblems()
{
    // RFC 8555 6.7.1's example.
    const QByteArray body = R"({
        "type": "urn:ietf:params:acme:error:malformed",
        "detail": "Some of the identifiers requested were rejected",
        "subproblems": [
            { "type": "urn:ietf:params:acme:error:malformed",
              "detail": "Invalid underscore in DNS name \"_example.org\"",
              "identifier": { "type": "dns", "value": "_example.org" } },
            { "type": "urn:ietf:params:acme:error:rejectedIdentifier",
              "detail": "This CA will not issue for \"example.net\"",
              "identifier": { "type": "dns", "value": "example.net" } }
        ]
    })";
    const AcmeProblem p = AcmeProblem::fromHttp(QStringLiteral("https://ca.test/new-order"), 403, body, {}, kNow);
    QCOMPARE(p.type, QStringLiteral("urn:ietf:params:acme:error:malformed"));
    QVERIFY(p.is(QLatin1String("malformed")));
    QVERIFY(!p.is(QLatin1String("rejectedIdentifier")));
    QCOMPARE(p.subproblems.size(), 2);
    QCOMPARE(p.subproblems.at(0).type, QStringLiteral("urn:ietf:params:acme:error:malformed"));
    QCOMPARE(p.subproblems.at(0).detail,
             QStringLiteral("_example.org: Invalid underscore in DNS name \"_example.org\""));
    QCOMPARE(p.subproblems.at(1).type, QStringLiteral("urn:ietf:params:acme:error:rejectedIdentifier"));
    QCOMPARE(p.subproblems.at(1).detail, QStringLiteral("example.net: This CA will not issue for \"example.net\""));
    QCOMPARE(p.subproblems.at(1).httpStatus, 0);
    const QString text = p.toString();
    QVERIFY2(text.startsWith(QStringLiteral("malformed: Some of the identifiers requested were rejected (HTTP 403)")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("; rejectedIdentifier: example.net: This CA will not issue")),
             qPrintable(text));
}

void TestAcmeProblem::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("seconds");  // -1: none

    QTest::newRow("delay-seconds") << QByteArray("3600") << 3600;
    QTest::newRow("delay-seconds with spaces") << QByteArray(" 7 ") << 7;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("HTTP-date a minute ahead") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << 60;
    QTest::newRow("HTTP-date in the past") << QByteArray("Wed, 21 Oct 2015 07:00:00 GMT") << 0;
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("date without GMT") << QByteArray("Wed, 21 Oct 2015 07:28:00") << -1;
}

void TestAcmeProblem::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, seconds);
    const auto parsed = parseRetryAfter(header, kNow);
    QCOMPARE(parsed.has_value(), seconds >= 0);
    if (seconds >= 0)
        QCOMPARE(parsed->count(), seconds);
}

void TestAcmeProblem::toStringShortensAcmeTypes()
{
    AcmeProblem p = AcmeProblem::local(problem::kNetwork, QStringLiteral("https://ca.test/dir: Connection refused"));
    QCOMPARE(p.toString(), QStringLiteral("gatehouse:network: https://ca.test/dir: Connection refused"));
    p.type = QStringLiteral("urn:ietf:params:acme:error:rateLimited");
    p.detail = QStringLiteral("too many new orders");
    p.httpStatus = 429;
    p.retryAfter = std::chrono::seconds(30);
    QCOMPARE(p.toString(), QStringLiteral("rateLimited: too many new orders (HTTP 429), retry after 30 s"));
    QVERIFY(p.isRateLimited());
}

QTEST_GUILESS_MAIN(TestAcmeProblem)
#include "tst_acmeproblem.moc"
