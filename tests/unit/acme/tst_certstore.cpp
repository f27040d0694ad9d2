// CertStore on a real directory: keys by domain set, a round trip of
// certificate, key and issuance state, file modes, and entries that are
// corrupt or half-written reported and skipped while the others load.
#include "acme/CertStore.h"
#include "acme/TlsAlpnCertificate.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

using namespace gatehouse::acme;

namespace {

// A real certificate and key for `domain` (the challenge certificate serves well).
StoredCertificate issued(const QStringList &domains)
{
    const auto pair = makeTlsAlpnCertificate(domains.first(), "key.authorization");
    StoredCertificate certificate;
    certificate.domains = domains;
    if (pair) {
        certificate.chainPem = pair->certPem;
        certificate.keyPem = pair->keyPem;
    }
    certificate.orderUrl = QStringLiteral("https://ca.example/order/1");
    return certificate;
}

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

}  // namespace

class TestCertStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize();
    void keyFor_data();
    void keyFor();
    void roundTrip();
    void saveStateKeepsTheCertificate();
    void stateOnlyEntry();
    void badEntriesAreReportedAndSkipped();
    void saveRefusesMismatchedKey();
    void interruptedRenewalKeepsACertificate();
};

void TestCertStore::normalize()
{
    QCOMPARE(CertStore::normalize({ QStringLiteral(" B.example.com"), QStringLiteral("a.example.com."),
                                    QStringLiteral("b.EXAMPLE.com"), QString() }),
             QStringList({ QStringLiteral("a.example.com"), QStringLiteral("b.example.com") }));
}

void TestCertStore::keyFor_data()
{
    QTest::addColumn<QStringList>("domains");
    QTest::addColumn<QString>("prefix");

    QTest::newRow("one") << QStringList { QStringLiteral("example.com") } << "example.com-";
    QTest::newRow("sorted first") << QStringList { QStringLiteral("www.example.com"),
                                                   QStringLiteral("api.example.com") }
                                  << "api.example.com-";
    QTest::newRow("wildcard") << QStringList { QStringLiteral("*.example.com") } << "_.example.com-";
}

void TestCertStore::keyFor()
{
    QFETCH(QStringList, domains);
    QFETCH(QString, prefix);
    const QString key = CertStore::keyFor(domains);
    QVERIFY2(key.startsWith(prefix), qPrintable(key));
    QCOMPARE(key.size(), prefix.size() + 12);
    // sha256 of the normalized list joined by ',', first 12 hex digits.
    const QByteArray hash
        = QCryptographicHash::hash(CertStore::normalize(domains).join(u',').toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(12);
    QCOMPARE(key.right(12), QString::fromLatin1(hash));
    // Order and case do not matter; a different set is a different key.
    QStringList shuffled = domains;
    std::reverse(shuffled.begin(), shuffled.end());
    for (QString &domain : shuffled)
        domain = domain.toUpper();
    QCOMPARE(CertStore::keyFor(shuffled), key);
    QVERIFY(CertStore::keyFor(domains + QStringList { QStringLiteral("other.example.com") }) != key);
}

void TestCertStore::roundTrip()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("certificates"));
    CertStore store(root);
    StoredCertificate certificate = issued({ QStringLiteral("www.example.com"), QStringLiteral("Example.com") });
    QVERIFY(!certificate.chainPem.isEmpty());
    certificate.lastAttempt = QDateTime(QDate(2026, 5, 1), QTime(10, 0, 0, 250), QTimeZone::utc());
    certificate.nextAttempt = certificate.lastAttempt.addSecs(3600);
    certificate.lastError = QStringLiteral("rateLimited: too many (HTTP 429)");
    certificate.failures = 3;
    const auto saved = store.save(certificate);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error()));

    const QString entry = store.entryPath(certificate.domains);
    QCOMPARE(modeOf(root), 0700);
    QCOMPARE(modeOf(entry), 0700);
    QCOMPARE(modeOf(entry + QStringLiteral("/privkey.pem")), 0600);
    QCOMPARE(modeOf(entry + QStringLiteral("/meta.json")), 0600);
    QCOMPARE(modeOf(entry + QStringLiteral("/fullchain.pem")), 0644);
    QCOMPARE(QDir(entry).entryList(QDir::Files | QDir::Hidden).size(), 3);  // no temporary files left

    // The metadata a person (or a script) reads.
    QFile metaFile(entry + QStringLiteral("/meta.json"));
    QVERIFY(metaFile.open(QIODevice::ReadOnly));
    const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
    QCOMPARE(meta.value(QStringLiteral("orderUrl")).toString(), certificate.orderUrl);
    QCOMPARE(meta.value(QStringLiteral("failures")).toInt(), 3);
    QVERIFY(meta.value(QStringLiteral("notAfter")).toString().endsWith(u'Z'));
    QVERIFY(!meta.value(QStringLiteral("serial")).toString().isEmpty());

    const auto loaded = store.load({ QStringLiteral("example.com"), QStringLiteral("WWW.example.com") });
    QVERIFY(loaded);
    QCOMPARE(loaded->domains, QStringList({ QStringLiteral("example.com"), QStringLiteral("www.example.com") }));
    QCOMPARE(loaded->chainPem, certificate.chainPem);
    QCOMPARE(loaded->keyPem, certificate.keyPem);
    QCOMPARE(loaded->orderUrl, certificate.orderUrl);
    QCOMPARE(loaded->lastAttempt, certificate.lastAttempt);
    QCOMPARE(loaded->nextAttempt, certificate.nextAttempt);
    QCOMPARE(loaded->lastError, certificate.lastError);
    QCOMPARE(loaded->failures, 3);
    QCOMPARE(loaded->info.domains, QStringList { QStringLiteral("www.example.com") });
    QVERIFY(loaded->info.notAfter > loaded->info.notBefore);
    QCOMPARE(meta.value(QStringLiteral("serial")).toString(), loaded->info.serial);

    QStringList errors;
    const QList<StoredCertificate> all = store.loadAll(&errors);
    QCOMPARE(all.size(), 1);
    QVERIFY(errors.isEmpty());

    // A renewal overwrites in place.
    StoredCertificate renewed = issued(certificate.domains);
    QVERIFY(store.save(renewed).ok());
    const auto reloaded = store.load(certificate.domains);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->chainPem, renewed.chainPem);
    QVERIFY(reloaded->info.serial != loaded->info.serial);
    QCOMPARE(modeOf(entry + QStringLiteral("/privkey.pem")), 0600);

    QVERIFY(!store.load({ QStringLiteral("unknown.example.com") }));
}

void TestCertStore::saveStateKeepsTheCertificate()
{
    QTemporaryDir dir;
    CertStore store(dir.path());
    const StoredCertificate certificate = issued({ QStringLiteral("a.example.com") });
    QVERIFY(store.save(certificate).ok());

    StoredCertificate state;
    state.domains = { QStringLiteral("A.example.com") };
    state.lastAttempt = QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::utc());
    state.lastError = QStringLiteral("connection refused");
    state.failures = 1;
    QVERIFY(store.saveState(state).ok());

    const auto loaded = store.load(state.domains);
    QVERIFY(loaded);
    QCOMPARE(loaded->chainPem, certificate.chainPem);  // untouched
    QCOMPARE(loaded->keyPem, certificate.keyPem);
    QCOMPARE(loaded->lastError, state.lastError);
    QCOMPARE(loaded->failures, 1);
    QCOMPARE(loaded->lastAttempt, state.lastAttempt);
    QVERIFY(!loaded->nextAttempt.isValid());
}

void TestCertStore::stateOnlyEntry()
{
    QTemporaryDir dir;
    CertStore store(dir.path());
    StoredCertificate state;
    state.domains = { QStringLiteral("new.example.com") };
    state.nextAttempt = QDateTime(QDate(2026, 6, 1), QTime(9, 30), QTimeZone::utc());
    state.failures = 2;
    QVERIFY(store.saveState(state).ok());
    QCOMPARE(modeOf(store.entryPath(state.domains) + QStringLiteral("/meta.json")), 0600);

    QStringList errors;
    const QList<StoredCertificate> all = store.loadAll(&errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(all.size(), 1);
    QVERIFY(all.first().chainPem.isEmpty());
    QVERIFY(all.first().info.isNull());
    QCOMPARE(all.first().nextAttempt, state.nextAttempt);
    QCOMPARE(all.first().failures, 2);
}

void TestCertStore::badEntriesAreReportedAndSkipped()
{
    QTemporaryDir dir;
    CertStore store(dir.path());
    const StoredCertificate good = issued({ QStringLiteral("good.example.com") });
    const StoredCertificate garbled = issued({ QStringLiteral("garbled.example.com") });
    const StoredCertificate halfWritten = issued({ QStringLiteral("half.example.com") });
    const StoredCertificate noMeta = issued({ QStringLiteral("nometa.example.com") });
    for (const StoredCertificate &certificate : { good, garbled, halfWritten, noMeta })
        QVERIFY(store.save(certificate).ok());

    // meta.json is not JSON.
    QVERIFY(writeBytes(store.entryPath(garbled.domains) + QStringLiteral("/meta.json"), "{ \"domains\": [ trunc"));
    // The certificate replaced behind the store's back (by hand): it no longer
    // matches the record (nor the key).
    const StoredCertificate next = issued(halfWritten.domains);
    QVERIFY(writeBytes(store.entryPath(halfWritten.domains) + QStringLiteral("/fullchain.pem"), next.chainPem));
    // A first save interrupted before meta.json.
    QVERIFY(QFile::remove(store.entryPath(noMeta.domains) + QStringLiteral("/meta.json")));
    // Something that is not an entry at all.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("stray")));

    QStringList errors;
    const QList<StoredCertificate> all = store.loadAll(&errors);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().domains, good.domains);
    QCOMPARE(errors.size(), 4);
    const QString text = errors.join(u'\n');
    QVERIFY2(text.contains(store.entryPath(garbled.domains) + QStringLiteral("/meta.json: not a JSON object")),
             qPrintable(text));
    QVERIFY2(
        text.contains(store.entryPath(halfWritten.domains) + QStringLiteral("/fullchain.pem does not match meta.json")),
        qPrintable(text));
    QVERIFY2(text.contains(store.entryPath(noMeta.domains) + QStringLiteral(": no meta.json")), qPrintable(text));
    QVERIFY2(text.contains(QDir(dir.path()).filePath(QStringLiteral("stray")) + QStringLiteral(": no meta.json")),
             qPrintable(text));

    // load() says why too.
    QString why;
    QVERIFY(!store.load(halfWritten.domains, &why));
    QVERIFY2(why.contains(QLatin1String("does not match")), qPrintable(why));

    // Saving the entry again repairs it.
    QVERIFY(store.save(next).ok());
    QVERIFY(store.load(halfWritten.domains));
}

void TestCertStore::saveRefusesMismatchedKey()
{
    QTemporaryDir dir;
    CertStore store(dir.path());
    StoredCertificate certificate = issued({ QStringLiteral("a.example.com") });
    certificate.keyPem = issued({ QStringLiteral("a.example.com") }).keyPem;
    const auto saved = store.save(certificate);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(QLatin1String("a.example.com")), qPrintable(saved.error()));
    QVERIFY(!QFileInfo::exists(store.entryPath(certificate.domains)));

    certificate.chainPem = "not a certificate";
    QVERIFY(!store.save(certificate).ok());
    certificate.domains.clear();
    QVERIFY(!store.save(certificate).ok());
}

// A renewal stopped at any point by a crash (SIGKILL, power loss) leaves a
// certificate that loads: the old one until meta.json names the new pair, the
// new one after.
void TestCertStore::interruptedRenewalKeepsACertificate()
{
    QTemporaryDir dir;
    CertStore store(dir.path());
    const StoredCertificate old = issued({ QStringLiteral("renew.example.com") });
    const StoredCertificate next = issued(old.domains);
    QVERIFY(old.chainPem != next.chainPem);
    QVERIFY(store.save(old).ok());
    const QString entry = store.entryPath(old.domains);
    const QString chain = entry + QStringLiteral("/fullchain.pem");
    const QString key = entry + QStringLiteral("/privkey.pem");

    // Stopped after staging the new files, before the commit: the old pair.
    QVERIFY(writeBytes(key + QStringLiteral(".next"), next.keyPem));
    QVERIFY(writeBytes(chain + QStringLiteral(".next"), next.chainPem));
    QString why;
    std::optional<StoredCertificate> loaded = store.load(old.domains, &why);
    QVERIFY2(loaded, qPrintable(why));
    QCOMPARE(loaded->chainPem, old.chainPem);
    QCOMPARE(loaded->keyPem, old.keyPem);

    // Stopped after the commit, before (or between) the moves into place: the
    // new pair, and the load finishes the moves.
    QVERIFY(store.save(next).ok());
    QVERIFY(!QFile::exists(chain + QStringLiteral(".next")));
    QVERIFY(QFile::rename(chain, chain + QStringLiteral(".next")));
    QVERIFY(writeBytes(chain, old.chainPem));
    loaded = store.load(old.domains, &why);
    QVERIFY2(loaded, qPrintable(why));
    QCOMPARE(loaded->chainPem, next.chainPem);
    QCOMPARE(loaded->keyPem, next.keyPem);
    QFile moved(chain);
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), next.chainPem);
    QVERIFY(!QFile::exists(chain + QStringLiteral(".next")));
    QCOMPARE(modeOf(key), 0600);
}

QTEST_GUILESS_MAIN(TestCertStore)
#include "tst_certstore.moc"
