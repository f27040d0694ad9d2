// Reading and writing a config gives back the same canonical document.
#include "config/ConfigReader.h"
#include "config/ConfigWriter.h"
#include "config/DefaultConfig.h"

#include <QTest>

using namespace gatehouse::config;

class TestConfigRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalDocumentsAreStable_data();
    void canonicalDocumentsAreStable();
    void otherFormsBecomeCanonical_data();
    void otherFormsBecomeCanonical();
    void modelSurvivesWriteAndRead();
};

void TestConfigRoundTrip::canonicalDocumentsAreStable_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray("{\n  \"routes\": []\n}\n");
    QTest::newRow("full") << QByteArray(R"({
  "bindAddress": "127.0.0.1",
  "workers": 2,
  "timeouts": { "connect": 5, "headerRead": 10, "upstreamResponse": 30, "idle": 600, "drain": 0 },
  "acceptProxyProtocol": ["10.0.0.0/8", "192.168.1.*"],
  "acme": {
    "email": "ops@example.com",
    "directoryUrl": "https://localhost:14000/dir",
    "challengePort": 5002,
    "challengeTypes": ["tls-alpn-01"],
    "fallbackPorts": [8080, 8081],
    "caBundle": "/etc/ssl/pebble.pem"
  },
  "routes": [
    {
      "name": "site",
      "priority": 10,
      "match": {
        "ports": [443, { "from": 8000, "to": 8010 }],
        "domains": ["example.com", "*.example.com"],
        "path": "/api/*",
        "clientIp": ["10.0.0.0/8"],
        "headers": { "User-Agent": { "regex": "^curl/" }, "X-Env": "prod" }
      },
      "action": {
        "type": "forward",
        "targets": [{ "host": ["10.0.0.1", "10.0.0.2"], "port": 8080 }, { "host": "backend", "port": 8081 }],
        "tls": { "mode": "terminate", "certificate": "auto" }
      },
      "security": { "ipAllowList": ["10.0.0.0/8"], "ipBlockList": ["10.0.0.66"], "maxConnections": 500 }
    },
    {
      "name": "static",
      "enabled": false,
      "match": { "ports": 8443, "domains": "static.example.com" },
      "action": {
        "type": "forward",
        "targets": [
          {
            "host": "127.0.0.1",
            "port": 9000,
            "tls": { "verify": false, "serverName": "static.internal" }
          }
        ],
        "loadBalancing": { "algorithm": "least-connections", "maxFails": 2, "failTimeout": 5 },
        "sendProxyProtocol": "v2",
        "tls": { "mode": "terminate-and-reencrypt", "certificate": { "cert": "/c.pem", "key": "/k.pem" } }
      }
    },
    {
      "name": "to-https",
      "match": { "ports": 80 },
      "action": { "type": "redirect", "redirect": { "to": "https://{host}{path}", "status": 301 } }
    },
    {
      "name": "health",
      "priority": -1,
      "match": { "ports": 80, "path": "/healthz" },
      "action": {
        "type": "respond",
        "respond": { "status": 200, "headers": { "Content-Type": "text/plain" }, "body": "ok\n" }
      }
    },
    {
      "name": "metrics",
      "match": { "ports": 9100, "path": "/metrics" },
      "action": { "type": "metrics" },
      "security": { "ipAllowList": ["127.0.0.1"] }
    }
  ]
}
)");
}

void TestConfigRoundTrip::canonicalDocumentsAreStable()
{
    QFETCH(QByteArray, json);
    const ConfigReader::Result read = ConfigReader::read(json);
    QVERIFY(read.diagnostics.isEmpty());
    // Line by line, so a failure shows the first line that differs.
    QCOMPARE(ConfigWriter::write(read.config).split('\n'), json.split('\n'));
}

void TestConfigRoundTrip::otherFormsBecomeCanonical_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("one-element lists become values") << QByteArray(
        R"({"routes":[{"name":"a","match":{"domains":["a.com"],"ports":[80]},"action":{"targets":[{"port":1,"host":["b"]}],"type":"forward"}}]})")
                                                     << QByteArray(
                                                            "{\n  \"routes\": [\n    {\n      \"name\": \"a\",\n      "
                                                            "\"match\": { \"ports\": 80, \"domains\": \"a.com\" },\n"
                                                            "      \"action\": { \"type\": \"forward\", \"targets\": "
                                                            "[{ \"host\": \"b\", \"port\": 1 }] }\n    }\n  ]\n}\n");
    QTest::newRow("defaults are left out") << QByteArray(
        R"({"bindAddress":"0.0.0.0","workers":0,"acme":{"challengePort":80},"routes":[{"name":"a","enabled":true,"priority":0,"match":{"ports":1},"action":{"type":"respond","respond":{"status":200}}}]})")
                                           << QByteArray("{\n  \"routes\": [\n    {\n      \"name\": \"a\",\n      "
                                                         "\"match\": { \"ports\": 1 },\n"
                                                         "      \"action\": { \"type\": \"respond\", \"respond\": { "
                                                         "\"status\": 200 } }\n    }\n  ]\n}\n");
}

void TestConfigRoundTrip::otherFormsBecomeCanonical()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, canonical);
    const ConfigReader::Result read = ConfigReader::read(json);
    QVERIFY(read.diagnostics.isEmpty());
    QCOMPARE(ConfigWriter::write(read.config), canonical);
    QCOMPARE(ConfigReader::read(canonical).config, read.config);
}

void TestConfigRoundTrip::modelSurvivesWriteAndRead()
{
    Config config = defaultConfig(QStringLiteral("/etc/gatehouse/config.json"));
    Route route;
    route.name = QStringLiteral("quote \" and \\ and \u00e9 and \n");
    route.priority = -7;
    route.match.ports = { { 1, 1 }, { 2, 3 } };
    route.match.headers
        = { { QStringLiteral("A"), QStringLiteral("x"), false }, { QStringLiteral("B"), QStringLiteral("^y$"), true } };
    route.action.type = ActionType::Forward;
    route.action.targets = { { { QStringLiteral("h1"), QStringLiteral("h2") }, 9, {} } };
    route.action.tls.mode = TlsMode::Passthrough;
    config.routes << route;
    config.acme.challengeTypes = { QStringLiteral("tls-alpn-01"), QStringLiteral("http-01") };

    const QByteArray written = ConfigWriter::write(config);
    const ConfigReader::Result read = ConfigReader::read(written);
    QVERIFY(read.diagnostics.isEmpty());
    QCOMPARE(read.config, config);
    QCOMPARE(ConfigWriter::write(read.config), written);
}

QTEST_GUILESS_MAIN(TestConfigRoundTrip)
#include "tst_configroundtrip.moc"
