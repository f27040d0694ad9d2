// renewalTime(): one third of the lifetime before notAfter, at most 1% of the
// lifetime earlier by jitter, or a point inside an earlier ARI window.
#include "acme/RenewalPolicy.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse::acme;

namespace {

const QDateTime kIssued(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

QDateTime hoursAfterIssue(double hours)
{
    return kIssued.addMSecs(qint64(hours * 3600 * 1000));
}

}  // namespace

class TestRenewalPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renewalTime_data();
    void renewalTime();
    void jitterSpreadsWithinOnePercent();
    void noDatesNoTime();
};

void TestRenewalPolicy::renewalTime_data()
{
    QTest::addColumn<double>("lifetimeDays");
    QTest::addColumn<bool>("hasAri");
    QTest::addColumn<double>("ariStartHours");  // after issue
    QTest::addColumn<double>("ariEndHours");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<double>("expectedHours");  // after issue

    // Plain rule: renew when a third of the lifetime is left.
    QTest::newRow("90 days") << 90.0 << false << 0.0 << 0.0 << 0.0 << 60.0 * 24;
    QTest::newRow("6 days: after 4 days") << 6.0 << false << 0.0 << 0.0 << 0.0 << 4.0 * 24;
    QTest::newRow("6 days, jitter 0.5: 0.5% of 144 h earlier") << 6.0 << false << 0.0 << 0.0 << 0.5 << 96.0 - 0.72;
    QTest::newRow("90 days, jitter 0.99: 0.99% of 2160 h earlier")
        << 90.0 << false << 0.0 << 0.0 << 0.99 << 1440.0 - 21.384;
    QTest::newRow("jitter above 1 is clamped below 1") << 90.0 << false << 0.0 << 0.0 << 7.0 << 1440.0 - 21.6;
    QTest::newRow("negative jitter is clamped to 0") << 90.0 << false << 0.0 << 0.0 << -3.0 << 1440.0;

    // ARI earlier than the plain rule: a point inside the window, picked by jitter.
    QTest::newRow("90 days, ARI window at day 10-12, jitter 0") << 90.0 << true << 240.0 << 288.0 << 0.0 << 240.0;
    QTest::newRow("90 days, ARI window at day 10-12, jitter 0.5") << 90.0 << true << 240.0 << 288.0 << 0.5 << 264.0;
    QTest::newRow("6 days, revoked: ARI window in the past") << 6.0 << true << -48.0 << -24.0 << 0.25 << -42.0;
    // ARI later than the plain rule: the plain rule wins.
    QTest::newRow("90 days, ARI window at day 70-75") << 90.0 << true << 1680.0 << 1800.0 << 0.0 << 1440.0;
    QTest::newRow("6 days, ARI window at day 5") << 6.0 << true << 120.0 << 130.0 << 0.5 << 96.0 - 0.72;
    // A window straddling the plain time: whichever comes first for this jitter.
    QTest::newRow("ARI straddles, early point") << 90.0 << true << 1400.0 << 1500.0 << 0.2 << 1420.0;
    QTest::newRow("ARI straddles, late point") << 90.0 << true << 1400.0 << 1500.0 << 0.8 << 1440.0 - 17.28;
    // Nonsense windows are ignored.
    QTest::newRow("ARI end before start") << 90.0 << true << 300.0 << 200.0 << 0.0 << 1440.0;
}

void TestRenewalPolicy::renewalTime()
{
    QFETCH(double, lifetimeDays);
    QFETCH(bool, hasAri);
    QFETCH(double, ariStartHours);
    QFETCH(double, ariEndHours);
    QFETCH(double, jitter);
    QFETCH(double, expectedHours);

    CertificateInfo cert;
    cert.notBefore = kIssued;
    cert.notAfter = hoursAfterIssue(lifetimeDays * 24);
    std::optional<RenewalWindow> ari;
    if (hasAri)
        ari = RenewalWindow { hoursAfterIssue(ariStartHours), hoursAfterIssue(ariEndHours), std::nullopt };

    const QDateTime when = gatehouse::acme::renewalTime(cert, ari, jitter);
    QVERIFY(when.isValid());
    const QDateTime expected = hoursAfterIssue(expectedHours);
    // Millisecond rounding of the fractions only.
    QVERIFY2(std::abs(when.msecsTo(expected)) <= 2,
             qPrintable(QStringLiteral("got %1, expected %2")
                            .arg(when.toString(Qt::ISODateWithMs), expected.toString(Qt::ISODateWithMs))));
}

void TestRenewalPolicy::jitterSpreadsWithinOnePercent()
{
    CertificateInfo cert;
    cert.notBefore = kIssued;
    cert.notAfter = kIssued.addDays(6);
    const QDateTime latest = gatehouse::acme::renewalTime(cert, std::nullopt, 0.0);
    QSet<qint64> seen;
    for (int i = 0; i < 100; ++i) {
        const QDateTime when = gatehouse::acme::renewalTime(cert, std::nullopt, i / 100.0);
        QVERIFY(when <= latest);
        QVERIFY(when.msecsTo(latest) < qint64(6) * 24 * 3600 * 1000 / 100);
        seen.insert(when.toMSecsSinceEpoch());
    }
    QCOMPARE(seen.size(), 100);
}

void TestRenewalPolicy::noDatesNoTime()
{
    QVERIFY(!gatehouse::acme::renewalTime(CertificateInfo(), std::nullopt, 0.3).isValid());
}

QTEST_GUILESS_MAIN(TestRenewalPolicy)
#include "tst_renewalpolicy.moc"
