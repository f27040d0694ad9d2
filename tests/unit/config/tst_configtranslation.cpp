// The config findings in the user's language: with the German catalog installed
// (as --lang de does), one message from each part of the core that words them
// (reader, validator, pattern parsers, overlap analysis, Diagnostic::toString)
// comes out in German, so a message that loses its tr() wrapping fails here; and
// a port's state message from the port manager, as the Ports view and
// `gatehousectl ports` show it; and what the certificate store reports about a
// stored certificate it cannot load, as control clients are told at start; and
// why the control server cannot listen, as gatehoused prints it at start; and
// why a route's certificate cannot be loaded, as a config apply reports it.
#include "Translations.h"
#include "acme/CertStore.h"
#include "config/ConfigLoader.h"
#include "control/ControlServer.h"
#include "net/PortManager.h"
#include "proxy/TlsContextStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace gatehouse;
using namespace gatehouse::config;

namespace {

QByteArray withRoutes(const QByteArray &routes)
{
    return QByteArray(R"({"routes": [)") + routes + "]}";
}

QByteArray withRoute(const char *match, const char *action = R"({"type": "respond"})")
{
    return withRoutes(QByteArray(R"({"name": "a", "match": )") + match + R"(, "action": )" + action + '}');
}

Diagnostics load(const QByteArray &json)
{
    ConfigValidator::Options options;
    options.checkFiles = false;
    return ConfigLoader::load(json, options).diagnostics;
}

QString messageAt(const Diagnostics &diagnostics, const QString &path)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.path == path)
            return d.message;
    }
    QStringList all;
    for (const Diagnostic &d : diagnostics)
        all << d.toString();
    return QStringLiteral("(nothing at %1; found: %2)").arg(path, all.join(QStringLiteral(" | ")));
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

void removeTranslators()
{
    const QList<QTranslator *> translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

}  // namespace

class TestConfigTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void findingsAreGerman_data();
    void findingsAreGerman();
    void toStringIsGerman();
    void portStateIsGerman();
    void storedCertificateErrorsAreGerman();
    void controlListenErrorIsGerman();
    void tlsLoadErrorsAreGerman();
    void englishWithoutTranslator();
};

void TestConfigTranslation::initTestCase()
{
    QCOMPARE(i18n::installTranslators(QStringLiteral("de")), QStringLiteral("de"));
}

void TestConfigTranslation::cleanupTestCase()
{
    removeTranslators();
}

void TestConfigTranslation::findingsAreGerman_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    // ConfigReader: a whole sentence and the kind of value found.
    QTest::newRow("reader")
        << withRoute(R"({"ports": "80"})") << "routes[0].match.ports"
        << R"(ein Port, eine Liste von Ports oder eine Liste mit Bereichen {"from", "to"} erwartet, )"
           "eine Zeichenkette gefunden";
    QTest::newRow("reader unknown field")
        << withRoute(R"({"ports": 80, "domain": "x.com"})") << "routes[0].match.domain"
        << "unbekanntes Feld 'domain'; meinten Sie 'domains'?";
    // ConfigValidator
    QTest::newRow("validator") << withRoute(R"({"ports": 80})",
                                            R"({"type": "redirect", "redirect": {"to": "https://x", "status": 200}})")
                               << "routes[0].action.redirect.status"
                               << "200 ist kein Umleitungsstatus; erwartet: 301, 302, 303, 307 oder 308";
    // Pattern parsers, through the validator.
    QTest::newRow("domain pattern") << withRoute(R"({"ports": 80, "domains": ["a..example.com"]})")
                                    << "routes[0].match.domains[0]"
                                    << "'a..example.com': leeres Label (zwei Punkte hintereinander oder ein Punkt am "
                                       "Anfang)";
    QTest::newRow("path pattern") << withRoute(R"({"ports": 80, "path": "api"})") << "routes[0].match.path"
                                  << "ein Pfad beginnt mit '/', wie in /api/*";
    QTest::newRow("ip pattern") << withRoute(R"({"ports": 80, "clientIp": ["10.*.0.*"]})")
                                << "routes[0].match.clientIp[0]"
                                << "'10.*.0.*': ein * muss für ganze Oktette am Ende stehen, wie in 192.168.*.*";
    // OverlapAnalysis
    QTest::newRow("same match") << withRoutes(R"({"name": "a", "match": {"ports": 80}, "action": {"type": "respond"}},
                                                 {"name": "b", "match": {"ports": 80}, "action": {"type": "respond"}})")
                                << "routes[1]"
                                << "die Routen 'a' (routes[0]) und 'b' haben dieselben Bedingungen und dieselbe "
                                   "Priorität: 'a' (routes[0]) gewinnt durch die Reihenfolge in der Konfiguration, "
                                   "daher wird 'b' nie gewählt";
    QTest::newRow("shadowed") << withRoutes(R"({"name": "a", "priority": 10, "match": {"ports": 80},
                                                "action": {"type": "respond"}},
                                               {"name": "b", "match": {"ports": 80, "path": "/x"},
                                                "action": {"type": "respond"}})")
                              << "routes[1]"
                              << "Route 'b' wird von Route 'a' (routes[0]) verdeckt, die auf alles passt, worauf 'b' "
                                 "passt, und eine höhere Priorität hat (10 gegenüber 0); daher wird 'b' nie gewählt";
}

void TestConfigTranslation::findingsAreGerman()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QCOMPARE(messageAt(load(json), path), message);
}

void TestConfigTranslation::toStringIsGerman()
{
    const Diagnostics found = load(withRoute(R"({"ports": 80, "path": "api"})"));
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first().toString(),
             QStringLiteral("Fehler: routes[0].match.path: ein Pfad beginnt mit '/', wie in /api/*"));

    const Diagnostics malformed = load(QByteArray("{\n  \"routes\": [,]\n}"));
    QCOMPARE(malformed.size(), 1);
    // Qt words the parser's own error; its catalog may not be installed.
    QVERIFY2(malformed.first().toString().startsWith(QStringLiteral("Fehler: Zeile 2, Spalte 14: fehlerhaftes JSON: ")),
             qPrintable(malformed.first().toString()));
}

void TestConfigTranslation::portStateIsGerman()
{
    // 192.0.2.0/24 is TEST-NET-1: never an address of this host, so the bind fails
    // without touching a real port.
    const net::ListenerKey key = net::ListenerKey::make(QStringLiteral("192.0.2.1"), 8080);
    net::PortManager manager;
    manager.reconcile({ { key, { QStringLiteral("site") } } });
    const auto status = manager.status(key);
    QVERIFY(status && status->lastError);
    QCOMPARE(status->lastError->kind, net::BindErrorKind::AddressNotAvailable);
    QVERIFY2(status->lastError->message.startsWith(
                 QStringLiteral("%1: Adresse nicht verfügbar: 192.0.2.1 ist keine Adresse dieses Rechners; ")
                     .arg(key.toString())),
             qPrintable(status->lastError->message));
}

void TestConfigTranslation::storedCertificateErrorsAreGerman()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const acme::CertStore store(dir.path());
    // An entry whose record matches its files, but whose certificate file is
    // blank: the store's own check passes and the certificate parser's fails.
    const QStringList domains { QStringLiteral("example.com") };
    const QString entry = store.entryPath(domains);
    QVERIFY(QDir().mkpath(entry));
    const QByteArray chain("\n");
    const QByteArray key("not a key\n");
    QVERIFY(writeBytes(entry + QStringLiteral("/fullchain.pem"), chain));
    QVERIFY(writeBytes(entry + QStringLiteral("/privkey.pem"), key));
    const QJsonObject meta {
        { QStringLiteral("version"), 1 },
        { QStringLiteral("domains"), QJsonArray { domains.first() } },
        { QStringLiteral("files"),
          QJsonObject { { QStringLiteral("fullchain.pem"), sha256Hex(chain) },
                        { QStringLiteral("privkey.pem"), sha256Hex(key) } } },
    };
    QVERIFY(writeBytes(entry + QStringLiteral("/meta.json"), QJsonDocument(meta).toJson()));
    // A directory a first save left before writing meta.json.
    const QString stray = QDir(dir.path()).filePath(QStringLiteral("stray"));
    QVERIFY(QDir().mkpath(stray));

    QStringList errors;
    QVERIFY(store.loadAll(&errors).isEmpty());
    QCOMPARE(errors,
             QStringList({ entry + QStringLiteral("/fullchain.pem: die Zertifikatskette ist leer"),
                           stray + QStringLiteral(": keine Datei meta.json (erster Schreibvorgang unterbrochen?)") }));
}

void TestConfigTranslation::controlListenErrorIsGerman()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A regular file where the socket should go: the server refuses to replace it.
    const QString endpoint = dir.filePath(QStringLiteral("control.sock"));
    QVERIFY(writeBytes(endpoint, "not a socket\n"));
    control::ControlServer server;
    const auto listening = server.listen(endpoint);
    QVERIFY(!listening.ok());
    QCOMPARE(listening.error().kind, control::ListenError::Kind::NotASocket);
    QCOMPARE(listening.error().message,
             QStringLiteral("%1 existiert und ist kein Socket: entfernen Sie es oder wählen Sie mit --control einen "
                            "anderen Pfad")
                 .arg(endpoint));
#else
    QSKIP("a named pipe has no file that could be in the way");
#endif
}

void TestConfigTranslation::tlsLoadErrorsAreGerman()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certFile = dir.filePath(QStringLiteral("missing.pem"));
    const auto missing = proxy::TlsContextStore::loadContext(
        proxy::TlsCertificateSource::fromFiles({}, certFile, dir.filePath(QStringLiteral("key.pem"))));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, proxy::TlsError::Code::CertificateFile);
    // The system's reason is Qt's, as QFile words it here.
    QFile file(certFile);
    QVERIFY(!file.open(QIODevice::ReadOnly));
    QCOMPARE(missing.error().message,
             QStringLiteral("Zertifikatsdatei %1 kann nicht gelesen werden: %2").arg(certFile, file.errorString()));

    // A certificate handed over in memory (as ACME does) is named in the user's language too;
    // OpenSSL's own text follows as it words it.
    const auto garbage = proxy::TlsContextStore::loadContext(
        proxy::TlsCertificateSource::fromPem({}, QByteArray("not a certificate\n"), QByteArray()));
    QVERIFY(!garbage);
    QVERIFY2(garbage.error().message.startsWith(QStringLiteral("kein PEM-Zertifikat in (Zertifikat im Speicher): ")),
             qPrintable(garbage.error().message));
}

void TestConfigTranslation::englishWithoutTranslator()
{
    // The same finding with no translator: the English source text, so the rows above
    // compare a translation and not a string the code happens to produce anyway.
    removeTranslators();
    const auto reinstall = qScopeGuard([] { i18n::installTranslators(QStringLiteral("de")); });
    QCOMPARE(messageAt(load(withRoute(R"({"ports": 80, "path": "api"})")), QStringLiteral("routes[0].match.path")),
             QStringLiteral("a path starts with '/', as in /api/*"));
}

QTEST_GUILESS_MAIN(TestConfigTranslation)
#include "tst_configtranslation.moc"
