// The service's TLS session cache on its own: TLS 1.3 sessions are single-use,
// TLS 1.2 ones stay, expired ones are not handed out, the oldest go at capacity,
// and workers may use it at once. Real OpenSSL sessions; the handshakes that make
// and resume them are in tst_tls.
#include "proxy/TlsSessionCache.h"

#include <QTest>

#include <openssl/ssl.h>

#include <atomic>
#include <ctime>
#include <thread>
#include <vector>

using gatehouse::proxy::TlsSessionCache;

namespace {

QByteArray idOf(int n)
{
    QByteArray id(32, '\0');
    for (int i = 0; i < 4; ++i)
        id[i] = char((n >> (8 * i)) & 0xff);
    id[31] = '\x5a';
    return id;
}

const unsigned char *bytes(const QByteArray &id)
{
    return reinterpret_cast<const unsigned char *>(id.constData());
}

SSL_SESSION *makeSession(const QByteArray &id, int version = TLS1_3_VERSION, long age = 0, long timeout = 3600)
{
    SSL_SESSION *session = SSL_SESSION_new();
    SSL_SESSION_set1_id(session, bytes(id), unsigned(id.size()));
    SSL_SESSION_set_protocol_version(session, version);
    SSL_SESSION_set_time(session, long(std::time(nullptr)) - age);
    SSL_SESSION_set_timeout(session, timeout);
    return session;
}

}  // namespace

class TestTlsSessionCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tls13SessionsAreSingleUse();
    void tls12SessionsStay();
    void expiredSessionsAreNotResumed();
    void expiredSessionsGoWhenOthersCome();
    void oldestGoFirstAtCapacity();
    void aSessionIdIsKeptOnce();
    void removeForgets();
    void statsCountLookups();
    void oddLengthsAreRefused();
    void workersShareIt();
};

void TestTlsSessionCache::tls13SessionsAreSingleUse()
{
    TlsSessionCache cache;
    SSL_SESSION *session = makeSession(idOf(1));
    cache.insert(session);
    QCOMPARE(cache.stats().sessions, std::size_t(1));
    SSL_SESSION *taken = cache.take(bytes(idOf(1)), 32);
    QCOMPARE(taken, session);
    QCOMPARE(cache.stats().sessions, std::size_t(0));
    QCOMPARE(cache.take(bytes(idOf(1)), 32), nullptr);
    SSL_SESSION_free(taken);
}

void TestTlsSessionCache::tls12SessionsStay()
{
    TlsSessionCache cache;
    SSL_SESSION *session = makeSession(idOf(2), TLS1_2_VERSION);
    cache.insert(session);
    SSL_SESSION *first = cache.take(bytes(idOf(2)), 32);
    SSL_SESSION *second = cache.take(bytes(idOf(2)), 32);
    QCOMPARE(first, session);
    QCOMPARE(second, session);
    QCOMPARE(cache.stats().sessions, std::size_t(1));
    SSL_SESSION_free(first);  // each take() gave a reference of its own
    SSL_SESSION_free(second);
}

void TestTlsSessionCache::expiredSessionsAreNotResumed()
{
    TlsSessionCache cache;
    cache.insert(makeSession(idOf(3), TLS1_2_VERSION, 120, 60));
    QCOMPARE(cache.take(bytes(idOf(3)), 32), nullptr);
    QCOMPARE(cache.stats().sessions, std::size_t(0));
}

void TestTlsSessionCache::expiredSessionsGoWhenOthersCome()
{
    TlsSessionCache cache;
    cache.insert(makeSession(idOf(4), TLS1_2_VERSION, 120, 60));
    cache.insert(makeSession(idOf(5), TLS1_2_VERSION, 30, 60));
    cache.insert(makeSession(idOf(6)));
    QCOMPARE(cache.stats().sessions, std::size_t(2));
}

void TestTlsSessionCache::oldestGoFirstAtCapacity()
{
    TlsSessionCache cache(3);
    for (int n = 10; n < 14; ++n)
        cache.insert(makeSession(idOf(n)));
    QCOMPARE(cache.stats().sessions, std::size_t(3));
    QCOMPARE(cache.take(bytes(idOf(10)), 32), nullptr);
    for (int n = 11; n < 14; ++n) {
        SSL_SESSION *taken = cache.take(bytes(idOf(n)), 32);
        QVERIFY2(taken, qPrintable(QString::number(n)));
        SSL_SESSION_free(taken);
    }
}

void TestTlsSessionCache::aSessionIdIsKeptOnce()
{
    TlsSessionCache cache;
    cache.insert(makeSession(idOf(20)));
    SSL_SESSION *newer = makeSession(idOf(20));
    cache.insert(newer);
    QCOMPARE(cache.stats().sessions, std::size_t(1));
    SSL_SESSION *taken = cache.take(bytes(idOf(20)), 32);
    QCOMPARE(taken, newer);
    SSL_SESSION_free(taken);
}

void TestTlsSessionCache::removeForgets()
{
    TlsSessionCache cache;
    cache.insert(makeSession(idOf(40), TLS1_2_VERSION));
    cache.remove(bytes(idOf(41)), 32);
    QCOMPARE(cache.stats().sessions, std::size_t(1));
    cache.remove(bytes(idOf(40)), 32);
    QCOMPARE(cache.stats().sessions, std::size_t(0));
    QCOMPARE(cache.take(bytes(idOf(40)), 32), nullptr);
}

void TestTlsSessionCache::statsCountLookups()
{
    TlsSessionCache cache;
    cache.insert(makeSession(idOf(50)));
    cache.insert(makeSession(idOf(51), TLS1_2_VERSION));
    cache.insert(makeSession(idOf(52), TLS1_2_VERSION, 7200, 3600));  // expired
    QCOMPARE(cache.stats().sessions, std::size_t(3));

    SSL_SESSION_free(cache.take(bytes(idOf(50)), 32));  // found, and gone: TLS 1.3
    SSL_SESSION_free(cache.take(bytes(idOf(50)), 32));  // missing now
    SSL_SESSION_free(cache.take(bytes(idOf(51)), 32));  // found, stays: TLS 1.2
    SSL_SESSION_free(cache.take(bytes(idOf(51)), 32));  // found again
    SSL_SESSION_free(cache.take(bytes(idOf(52)), 32));  // expired: missing
    SSL_SESSION_free(cache.take(bytes(idOf(53)), 32));  // unknown
    SSL_SESSION_free(cache.take(bytes(idOf(51)), 0));  // refused length

    const TlsSessionCache::Stats stats = cache.stats();
    QCOMPARE(stats.found, std::uint64_t(3));
    QCOMPARE(stats.missing, std::uint64_t(4));
    QCOMPARE(stats.sessions, std::size_t(1));
}

void TestTlsSessionCache::oddLengthsAreRefused()
{
    // Lengths OpenSSL never gives are refused, not read past.
    TlsSessionCache cache;
    cache.insert(makeSession(idOf(30), TLS1_2_VERSION));
    QCOMPARE(cache.take(bytes(idOf(30)), 0), nullptr);
    QCOMPARE(cache.take(bytes(idOf(30)), 33), nullptr);
    QCOMPARE(cache.take(bytes(idOf(30)), 31), nullptr);
    QCOMPARE(cache.stats().sessions, std::size_t(1));
}

void TestTlsSessionCache::workersShareIt()
{
    // Workers store and resume at once (the TSan suite runs this too): each thread
    // resumes every session it stored, and none is lost or handed out twice.
    TlsSessionCache cache;
    constexpr int kThreads = 4;
    constexpr int kEach = 2000;
    std::atomic<int> resumed { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&cache, &resumed, t] {
            for (int i = 0; i < kEach; ++i) {
                const QByteArray id = idOf(t * kEach + i + 1000);
                cache.insert(makeSession(id));
                if (SSL_SESSION *taken = cache.take(bytes(id), 32)) {
                    ++resumed;
                    SSL_SESSION_free(taken);
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(resumed.load(), kThreads * kEach);
    QCOMPARE(cache.stats().sessions, std::size_t(0));
}

QTEST_GUILESS_MAIN(TestTlsSessionCache)
#include "tst_tlssessioncache.moc"
