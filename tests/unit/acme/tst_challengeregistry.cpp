// ChallengeRegistry: what is published is found, what is withdrawn is gone,
// names match as the CA sends them, and readers on other threads see a
// consistent map while the main thread writes.
#include "acme/ChallengeRegistry.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse::acme;

class TestChallengeRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void http01();
    void http01PortAndSniffing();
    void tlsAlpn01();
    void tlsAlpn01RefusesWildcards();
    void readersWhileWriting();
};

void TestChallengeRegistry::http01()
{
    ChallengeRegistry registry;
    QCOMPARE(registry.pendingHttp01(), 0);
    QVERIFY(!registry.http01("abc"));

    registry.addHttp01(QStringLiteral("abc"), "abc.thumb");
    registry.addHttp01(QStringLiteral("def"), "def.thumb");
    QCOMPARE(registry.pendingHttp01(), 2);
    QCOMPARE(registry.http01("abc"), std::optional<QByteArray>("abc.thumb"));
    QCOMPARE(registry.http01("def"), std::optional<QByteArray>("def.thumb"));
    QVERIFY(!registry.http01("ABC"));  // tokens are case-sensitive
    QVERIFY(!registry.http01(""));
    QVERIFY(!registry.http01("abc/"));

    registry.addHttp01(QStringLiteral("abc"), "abc.other");  // published again: replaced
    QCOMPARE(registry.pendingHttp01(), 2);
    QCOMPARE(registry.http01("abc"), std::optional<QByteArray>("abc.other"));

    registry.removeHttp01(QStringLiteral("abc"));
    registry.removeHttp01(QStringLiteral("never-there"));
    QCOMPARE(registry.pendingHttp01(), 1);
    QVERIFY(!registry.http01("abc"));
    QVERIFY(registry.http01("def"));
}

void TestChallengeRegistry::http01PortAndSniffing()
{
    ChallengeRegistry registry;
    QCOMPARE(registry.http01Port(), quint16(0));
    QVERIFY(!registry.answersHttp01On(0));
    registry.setHttp01Port(8080);
    QCOMPARE(registry.http01Port(), quint16(8080));
    QVERIFY(registry.answersHttp01On(8080));
    QVERIFY(!registry.answersHttp01On(8081));
    registry.setHttp01Port(0);
    QVERIFY(!registry.answersHttp01On(8080));
    QVERIFY(!registry.answersHttp01On(0));
}

void TestChallengeRegistry::tlsAlpn01()
{
    ChallengeRegistry registry;
    QVERIFY(!registry.tlsAlpn01(QStringLiteral("a.example.com")));
    const auto added = registry.addTlsAlpn01(QStringLiteral("A.Example.com"), "tok.thumb");
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error()));
    QCOMPARE(registry.pendingTlsAlpn01(), 1);

    const auto store = registry.tlsAlpn01(QStringLiteral("a.example.com"));
    QVERIFY(store);
    QCOMPARE(store->alpnWire(),
             QByteArray("\x0a"
                        "acme-tls/1"));
    QVERIFY(store->hasDefault());
    QCOMPARE(registry.tlsAlpn01(QStringLiteral("A.EXAMPLE.COM")), store);
    QVERIFY(!registry.tlsAlpn01(QStringLiteral("b.example.com")));
    QVERIFY(!registry.tlsAlpn01(QString()));

    // Internationalized names are kept in the ASCII form the CA sends as SNI.
    QVERIFY(registry.addTlsAlpn01(QStringLiteral("bücher.example"), "x.y").ok());
    QVERIFY(registry.tlsAlpn01(QStringLiteral("xn--bcher-kva.example")));
    QCOMPARE(registry.pendingTlsAlpn01(), 2);

    registry.removeTlsAlpn01(QStringLiteral("a.example.COM"));
    QVERIFY(!registry.tlsAlpn01(QStringLiteral("a.example.com")));
    QCOMPARE(registry.pendingTlsAlpn01(), 1);
    // A store handed out earlier stays usable by the connection holding it.
    QVERIFY(store->hasDefault());
}

void TestChallengeRegistry::tlsAlpn01RefusesWildcards()
{
    ChallengeRegistry registry;
    const auto added = registry.addTlsAlpn01(QStringLiteral("*.example.com"), "x.y");
    QVERIFY(!added.ok());
    QVERIFY2(added.error().contains(QLatin1String("wildcard")), qPrintable(added.error()));
    QCOMPARE(registry.pendingTlsAlpn01(), 0);
}

void TestChallengeRegistry::readersWhileWriting()
{
    ChallengeRegistry registry;
    registry.addHttp01(QStringLiteral("stable"), "stable.key");
    std::atomic<bool> stop { false };
    std::atomic<int> wrong { 0 };
    std::atomic<qint64> lookups { 0 };
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r) {
        readers.emplace_back([&] {
            while (!stop.load()) {
                const auto stable = registry.http01("stable");
                if (!stable || *stable != "stable.key")
                    ++wrong;
                // A token being churned is either absent or has its own value, never another's.
                const auto churn = registry.http01("churn-7");
                if (churn && *churn != "churn-7.key")
                    ++wrong;
                ++lookups;
            }
        });
    }
    // Write until the readers have overlapped the writes for a while, even on a loaded machine.
    QElapsedTimer clock;
    clock.start();
    int round = 0;
    for (; (round < 2000 || lookups.load() < 20000) && clock.elapsed() < 10000; ++round) {
        const QString token = QStringLiteral("churn-%1").arg(round % 10);
        registry.addHttp01(token, token.toLatin1() + ".key");
        registry.removeHttp01(QStringLiteral("churn-%1").arg((round + 5) % 10));
    }
    QVERIFY(lookups.load() >= 20000);
    stop = true;
    for (std::thread &reader : readers)
        reader.join();
    QCOMPARE(wrong.load(), 0);
    QCOMPARE(registry.http01("stable"), std::optional<QByteArray>("stable.key"));
}

QTEST_GUILESS_MAIN(TestChallengeRegistry)
#include "tst_challengeregistry.moc"
