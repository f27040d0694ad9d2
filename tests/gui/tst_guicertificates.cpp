// The Certificates view and the routes' certificate status against the real
// gatehoused (a child process) getting real certificates from a real Pebble:
// an automatic-certificate route applied in the window goes from "certificate
// pending" to serving, its certificate shows valid with its expiry, and Renew
// now brings a new serial through renewing, all seen through certificate.changed.
#include "MainWindow.h"
#include "PebbleRig.h"
#include "TestSupport.h"
#include "models/CertificatesModel.h"
#include "models/RoutesModel.h"
#include "views/CertificatesView.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace gatehouse;
using gatehouse::gui::CertificatesModel;
using gatehouse::gui::MainWindow;

namespace {

constexpr int kWait = 15000;
const QString kDomain = QStringLiteral("secure.example.test");

QJsonObject respondRoute(const QString &name, quint16 port, const QString &body)
{
    return QJsonObject {
        { QStringLiteral("name"), name },
        { QStringLiteral("match"), QJsonObject { { QStringLiteral("ports"), int(port) } } },
        { QStringLiteral("action"),
          QJsonObject { { QStringLiteral("type"), QStringLiteral("respond") },
                        { QStringLiteral("respond"),
                          QJsonObject { { QStringLiteral("status"), 200 }, { QStringLiteral("body"), body } } } } },
    };
}

// A certificate row as the view shows it: "state serial".
QString certificateLine(const CertificatesModel *model)
{
    if (model->rowCount() == 0)
        return {};
    return model->index(0, CertificatesModel::State).data().toString() + u' '
        + model->index(0, CertificatesModel::Serial).data().toString();
}

}  // namespace

class TestGuiCertificates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void issueShowAndRenewNow();

private:
    QJsonObject configJson(bool withAutoRoute) const
    {
        QJsonArray routes { respondRoute(QStringLiteral("plain"), m_plainPort, QStringLiteral("plain")) };
        if (withAutoRoute) {
            QJsonObject secure = respondRoute(QStringLiteral("secure"), m_tlsPort, QStringLiteral("secure"));
            QJsonObject match = secure.value(QStringLiteral("match")).toObject();
            match.insert(QStringLiteral("domains"), QJsonArray { kDomain });
            secure.insert(QStringLiteral("match"), match);
            QJsonObject action = secure.value(QStringLiteral("action")).toObject();
            action.insert(QStringLiteral("tls"),
                          QJsonObject { { QStringLiteral("mode"), QStringLiteral("terminate") },
                                        { QStringLiteral("certificate"), QStringLiteral("auto") } });
            secure.insert(QStringLiteral("action"), action);
            routes.append(secure);
        }
        const QJsonObject acme {
            { QStringLiteral("email"), QStringLiteral("ops@example.com") },
            { QStringLiteral("directoryUrl"), m_pebble->directoryUrl() },
            { QStringLiteral("challengePort"), int(m_httpPort) },
            { QStringLiteral("challengeTypes"), QJsonArray { QStringLiteral("http-01") } },
            { QStringLiteral("caBundle"), m_pebble->caBundlePath() },
        };
        return QJsonObject { { QStringLiteral("bindAddress"), QStringLiteral("127.0.0.1") },
                             { QStringLiteral("acme"), acme },
                             { QStringLiteral("routes"), routes } };
    }

    QString writeFile(const QString &name, const QJsonObject &json)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QJsonDocument(json).toJson());
        return path;
    }

    // The serial of the certificate the service hands a client asking for kDomain,
    // verified against Pebble's root; empty when the handshake fails.
    QString servedSerial()
    {
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(m_pebble->rootPem()));
        socket.setSslConfiguration(tls);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_tlsPort, kDomain);
        if (!encrypted.wait(10000)) {
            qWarning() << "handshake for" << kDomain << "failed:" << socket.errorString()
                       << socket.sslHandshakeErrors();
            return {};
        }
        return QString::fromLatin1(socket.peerCertificate().serialNumber()).remove(u':').toLower();
    }

    // The certificate for kDomain as `gatehousectl certs --json` lists it (the
    // service's own word, over its own connection); empty when it is not listed.
    QJsonObject listedByCtl()
    {
        QProcess ctl;
        QSignalSpy finished(&ctl, &QProcess::finished);
        ctl.start(test::binaryPath(QStringLiteral("gatehousectl")),
                  { QStringLiteral("--control"), m_socketPath, QStringLiteral("certs"), QStringLiteral("--json") });
        if (!finished.wait(kWait)) {
            ctl.kill();
            ctl.waitForFinished();
            qWarning() << "gatehousectl certs --json did not finish";
            return {};
        }
        const QByteArray out = ctl.readAllStandardOutput();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(out, &error);
        if (ctl.exitCode() != 0 || !document.isArray()) {
            qWarning().noquote() << "gatehousectl certs --json:" << ctl.exitCode() << error.errorString()
                                 << QString::fromUtf8(out + ctl.readAllStandardError());
            return {};
        }
        for (const QJsonValue &cert : document.array()) {
            if (cert[QStringLiteral("domains")].toArray().contains(kDomain))
                return cert.toObject();
        }
        return {};
    }

    QString m_socketPath;
    std::unique_ptr<test::PebbleRig> m_pebble;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_service;
    quint16 m_httpPort = 0;
    quint16 m_tlsPort = 0;
    quint16 m_plainPort = 0;
};

void TestGuiCertificates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guicertificates"));
    QSettings().clear();
    const QList<quint16> ports = test::freePorts(3);
    m_httpPort = ports[0];
    m_tlsPort = ports[1];
    m_plainPort = ports[2];
    m_pebble = std::make_unique<test::PebbleRig>(test::PebbleRig::Options { m_httpPort, m_tlsPort, {} });
    QVERIFY2(m_pebble->start(), qPrintable(m_pebble->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestGuiCertificates::cleanup()
{
    if (m_service && m_service->state() == QProcess::Running) {
        m_service->terminate();
        if (!m_service->waitForFinished(10000))
            m_service->kill();
    }
    m_service.reset();
}

void TestGuiCertificates::issueShowAndRenewNow()
{
    // The service starts without the automatic route, so the window sees it arrive.
    m_socketPath = m_dir->filePath(QStringLiteral("run/control.sock"));
    const QString &socketPath = m_socketPath;
    const QString configPath = writeFile(QStringLiteral("config.json"), configJson(false));
    m_service = test::startGatehoused({ QStringLiteral("--config"), configPath, QStringLiteral("--state-dir"),
                                        m_dir->filePath(QStringLiteral("state")), QStringLiteral("--control"),
                                        socketPath, QStringLiteral("--log-level"), QStringLiteral("warning") },
                                      m_dir->filePath(QStringLiteral("notify")));
    QVERIFY(m_service);

    MainWindow window(MainWindow::Options { socketPath, true });
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.hasLoadedConfig(), kWait);
    auto *note = window.findChild<QLabel *>(QStringLiteral("certificatesNote"));
    QTRY_VERIFY_WITH_TIMEOUT(note->text().startsWith(QStringLiteral("No certificates")), kWait);

    // Every status the secure route and its certificate pass through, in order.
    gui::RoutesModel *routes = window.routesModel();
    CertificatesModel *certificates = window.certificatesModel();
    QStringList routeStatuses;
    QStringList certificateLines;
    const auto recordRoute = [&] {
        for (int row = 0; row < routes->rowCount(); ++row) {
            if (routes->route(row).name != QStringLiteral("secure"))
                continue;
            const QString status = routes->statusText(row);
            if (routeStatuses.isEmpty() || routeStatuses.last() != status)
                routeStatuses << status;
        }
    };
    const auto recordCertificate = [&] {
        const QString line = certificateLine(certificates);
        if (!line.isEmpty() && (certificateLines.isEmpty() || certificateLines.last() != line))
            certificateLines << line;
    };
    connect(routes, &QAbstractItemModel::dataChanged, this, recordRoute);
    connect(routes, &QAbstractItemModel::modelReset, this, recordRoute);
    connect(certificates, &QAbstractItemModel::dataChanged, this, recordCertificate);
    connect(certificates, &QAbstractItemModel::rowsInserted, this, recordCertificate);
    connect(certificates, &QAbstractItemModel::modelReset, this, recordCertificate);

    // Import the config with the automatic route and apply it, as a user would.
    QVERIFY(window.importFile(writeFile(QStringLiteral("secure.json"), configJson(true))));
    QCOMPARE(routeStatuses.value(0), QStringLiteral("not applied yet"));
    auto *apply = window.findChild<QAction *>(QStringLiteral("applyAction"));
    QVERIFY(apply->isEnabled());
    apply->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.baseRevision(), quint64(2), kWait);

    // The certificate arrives: valid, its expiry absolute and relative, a next renewal, Pebble as issuer.
    QTRY_VERIFY2_WITH_TIMEOUT(certificateLine(certificates).startsWith(QStringLiteral("valid ")),
                              qPrintable(certificateLines.join(QStringLiteral(" -> "))), 20000);
    QCOMPARE(certificates->rowCount(), 1);
    QCOMPARE(certificates->index(0, CertificatesModel::Domains).data().toString(), kDomain);
    const QJsonObject issued = certificates->certificate(0);
    const QDateTime notAfter = QDateTime::fromString(issued.value(QStringLiteral("notAfter")).toString(), Qt::ISODate);
    QVERIFY2(notAfter > QDateTime::currentDateTimeUtc(),
             qPrintable(issued.value(QStringLiteral("notAfter")).toString()));
    const QString expires = certificates->index(0, CertificatesModel::Expires).data().toString();
    QVERIFY2(expires.startsWith(QStringLiteral("in ")), qPrintable(expires));
    QVERIFY2(expires.contains(notAfter.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
             qPrintable(expires));
    QVERIFY(certificates->index(0, CertificatesModel::NextRenewal).data().toString().startsWith(QStringLiteral("in ")));
    QVERIFY2(certificates->index(0, CertificatesModel::Issuer).data().toString().contains(QStringLiteral("Pebble")),
             qPrintable(certificates->index(0, CertificatesModel::Issuer).data().toString()));
    QVERIFY(note->isHidden());
    const QString firstSerial = certificates->index(0, CertificatesModel::Serial).data().toString();
    QVERIFY(!firstSerial.isEmpty());
    QCOMPARE(servedSerial(), firstSerial);
    const QJsonObject listed = listedByCtl();
    QCOMPARE(listed.value(QStringLiteral("serial")).toString(), firstSerial);
    QCOMPARE(listed.value(QStringLiteral("state")).toString(), QStringLiteral("valid"));
    QCOMPARE(certificates->index(0, CertificatesModel::Issuer).data().toString(),
             listed.value(QStringLiteral("issuer")).toString());
    QCOMPARE(issued.value(QStringLiteral("notAfter")).toString(), listed.value(QStringLiteral("notAfter")).toString());
    // It was never shown valid before it was issued.
    QVERIFY2(certificateLines.first().startsWith(QStringLiteral("pending"))
                 || certificateLines.first().startsWith(QStringLiteral("issuing")),
             qPrintable(certificateLines.join(QStringLiteral(" -> "))));

    // The route: not applied, then waiting on its certificate, then serving.
    const int row = [&] {
        for (int r = 0; r < routes->rowCount(); ++r) {
            if (routes->route(r).name == QStringLiteral("secure"))
                return r;
        }
        return -1;
    }();
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(routes->statusText(row), QStringLiteral("serving"), kWait);
    const QString routeHistory = routeStatuses.join(QStringLiteral(" -> "));
    const auto waiting = std::find_if(routeStatuses.cbegin(), routeStatuses.cend(), [](const QString &status) {
        return status == QStringLiteral("certificate pending") || status == QStringLiteral("certificate issuing");
    });
    const qsizetype pending = waiting == routeStatuses.cend() ? -1 : waiting - routeStatuses.cbegin();
    QVERIFY2(pending > 0, qPrintable(routeHistory));
    QVERIFY2(routeStatuses.indexOf(QStringLiteral("serving"), pending) > pending, qPrintable(routeHistory));
    QVERIFY2(!routeStatuses.mid(0, pending).contains(QStringLiteral("serving")), qPrintable(routeHistory));

    // Renew now on the Certificates tab: renewing, then valid again with a new serial.
    window.findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentIndex(2);
    auto *table = window.findChild<QTableView *>(QStringLiteral("certificatesTable"));
    auto *renew = window.findChild<QPushButton *>(QStringLiteral("renewButton"));
    QVERIFY(!renew->isEnabled());  // nothing selected yet
    table->selectRow(0);
    QVERIFY(renew->isEnabled());
    const qsizetype before = certificateLines.size();
    QTest::mouseClick(renew, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(certificateLine(certificates).startsWith(QStringLiteral("valid "))
                                  && !certificateLine(certificates).endsWith(firstSerial),
                              qPrintable(certificateLines.join(QStringLiteral(" -> "))), 20000);
    const QStringList renewal = certificateLines.mid(before);
    QVERIFY2(renewal.size() >= 2 && renewal.first() == QStringLiteral("renewing ") + firstSerial,
             qPrintable(renewal.join(QStringLiteral(" -> "))));
    const QString secondSerial = certificates->index(0, CertificatesModel::Serial).data().toString();
    QVERIFY(secondSerial != firstSerial);
    QTRY_COMPARE_WITH_TIMEOUT(servedSerial(), secondSerial, kWait);
    QCOMPARE(listedByCtl().value(QStringLiteral("serial")).toString(), secondSerial);
    // Renewing kept the route serving all along.
    QCOMPARE(routeStatuses.last(), QStringLiteral("serving"));
    QCOMPARE(routes->statusText(row), QStringLiteral("serving"));
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("renewErrorBox")));
}

QTEST_MAIN(TestGuiCertificates)
#include "tst_guicertificates.moc"
