#include "routing/IpPattern.h"

#include <QTest>

using gatehouse::routing::ClientAddress;
using gatehouse::routing::IpPattern;
using namespace Qt::StringLiterals;

class TestIpPattern : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void matches_data();
    void matches();
    void unknownClient();
    void specificityOrder_data();
    void specificityOrder();
    void coverage_data();
    void coverage();
    void clientAddress_data();
    void clientAddress();
};

void TestIpPattern::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("any") << u"*"_s << u"*"_s;
    QTest::newRow("ipv4 address") << u"10.1.2.3"_s << u"10.1.2.3/32"_s;
    QTest::newRow("ipv4 cidr") << u"10.0.0.0/8"_s << u"10.0.0.0/8"_s;
    QTest::newRow("ipv4 cidr host bits cleared") << u"10.1.2.3/8"_s << u"10.0.0.0/8"_s;
    QTest::newRow("ipv4 /0") << u"0.0.0.0/0"_s << u"0.0.0.0/0"_s;
    QTest::newRow("glob two octets") << u"192.168.*.*"_s << u"192.168.0.0/16"_s;
    QTest::newRow("glob one octet") << u"10.1.2.*"_s << u"10.1.2.0/24"_s;
    QTest::newRow("glob all") << u"*.*.*.*"_s << u"0.0.0.0/0"_s;
    QTest::newRow("ipv6 address") << u"2001:db8::1"_s << u"2001:db8::1/128"_s;
    QTest::newRow("ipv6 cidr") << u"2001:DB8::/32"_s << u"2001:db8::/32"_s;
    QTest::newRow("ipv6 loopback") << u"::1"_s << u"::1/128"_s;
    QTest::newRow("mapped address is ipv4") << u"::ffff:10.1.2.3"_s << u"10.1.2.3/32"_s;
    QTest::newRow("mapped cidr is ipv4") << u"::ffff:10.0.0.0/104"_s << u"10.0.0.0/8"_s;
    QTest::newRow("zero octet") << u"10.0.0.0"_s << u"10.0.0.0/32"_s;
}

void TestIpPattern::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const auto pattern = IpPattern::parse(text);
    QVERIFY2(pattern.ok(), qPrintable(pattern.ok() ? QString() : pattern.error()));
    QCOMPARE(pattern->toString(), canonical);
}

void TestIpPattern::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const auto cidr = [](const QString &t) {
        return u"'%1' is not a valid CIDR (an address, '/', and a prefix length up to 32 for IPv4 or 128 for IPv6)"_s
            .arg(t);
    };
    const auto address = [](const QString &t) { return u"'%1' is not an IP address, CIDR or glob"_s.arg(t); };
    QTest::newRow("empty") << QString() << address(QString());
    QTest::newRow("name") << u"localhost"_s << address(u"localhost"_s);
    QTest::newRow("octet > 255") << u"1.2.3.256"_s << address(u"1.2.3.256"_s);
    QTest::newRow("short form") << u"127.1"_s << address(u"127.1"_s);
    QTest::newRow("octal-looking") << u"010.0.0.1"_s << address(u"010.0.0.1"_s);
    QTest::newRow("hex") << u"0x7f.0.0.1"_s << address(u"0x7f.0.0.1"_s);
    QTest::newRow("spaces") << u" 1.2.3.4"_s << address(u" 1.2.3.4"_s);
    QTest::newRow("ipv6 scope") << u"fe80::1%eth0"_s << address(u"fe80::1%eth0"_s);
    QTest::newRow("prefix too long v4") << u"10.0.0.0/33"_s << cidr(u"10.0.0.0/33"_s);
    QTest::newRow("prefix too long v6") << u"::/129"_s << cidr(u"::/129"_s);
    QTest::newRow("empty prefix") << u"10.0.0.0/"_s << cidr(u"10.0.0.0/"_s);
    QTest::newRow("netmask") << u"10.0.0.0/255.0.0.0"_s << cidr(u"10.0.0.0/255.0.0.0"_s);
    QTest::newRow("negative prefix") << u"10.0.0.0/-1"_s << cidr(u"10.0.0.0/-1"_s);
    QTest::newRow("prefix with space") << u"10.0.0.0/ 8"_s << cidr(u"10.0.0.0/ 8"_s);
    QTest::newRow("cidr short form") << u"127.1/8"_s << cidr(u"127.1/8"_s);
    QTest::newRow("glob three octets") << u"10.*.*"_s << u"'10.*.*': a glob has four octets, as in 192.168.*.*"_s;
    QTest::newRow("glob inner star") << u"10.*.0.*"_s
                                     << u"'10.*.0.*': a * must stand for whole trailing octets, as in 192.168.*.*"_s;
    QTest::newRow("glob partial octet")
        << u"10.1*.*.*"_s << u"'10.1*.*.*': a * must stand for whole trailing octets, as in 192.168.*.*"_s;
    QTest::newRow("glob bad octet") << u"300.*.*.*"_s << u"'300.*.*.*' is not a valid IPv4 glob"_s;
    QTest::newRow("glob octal") << u"010.*.*.*"_s << u"'010.*.*.*' is not a valid IPv4 glob"_s;
}

void TestIpPattern::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    const auto pattern = IpPattern::parse(text);
    QVERIFY(!pattern.ok());
    QCOMPARE(pattern.error(), error);
}

void TestIpPattern::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("client");
    QTest::addColumn<bool>("expected");

    QTest::newRow("any v4") << u"*"_s << u"1.2.3.4"_s << true;
    QTest::newRow("any v6") << u"*"_s << u"2001:db8::5"_s << true;
    QTest::newRow("address hit") << u"10.1.2.3"_s << u"10.1.2.3"_s << true;
    QTest::newRow("address miss") << u"10.1.2.3"_s << u"10.1.2.4"_s << false;
    QTest::newRow("cidr hit") << u"10.0.0.0/8"_s << u"10.200.3.4"_s << true;
    QTest::newRow("cidr miss") << u"10.0.0.0/8"_s << u"11.0.0.1"_s << false;
    QTest::newRow("odd prefix hit") << u"10.0.0.0/9"_s << u"10.127.255.255"_s << true;
    QTest::newRow("odd prefix miss") << u"10.0.0.0/9"_s << u"10.128.0.0"_s << false;
    QTest::newRow("glob hit") << u"192.168.*.*"_s << u"192.168.44.1"_s << true;
    QTest::newRow("glob miss") << u"192.168.*.*"_s << u"192.169.0.1"_s << false;
    QTest::newRow("v4 /0 all v4") << u"0.0.0.0/0"_s << u"255.255.255.255"_s << true;
    QTest::newRow("v4 /0 not v6") << u"0.0.0.0/0"_s << u"2001:db8::1"_s << false;
    QTest::newRow("v6 cidr hit") << u"2001:db8::/32"_s << u"2001:db8:ffff::1"_s << true;
    QTest::newRow("v6 cidr miss") << u"2001:db8::/32"_s << u"2001:db9::1"_s << false;
    QTest::newRow("v6 pattern not v4") << u"::/0"_s << u"10.0.0.1"_s << false;
    QTest::newRow("mapped client, v4 cidr") << u"10.0.0.0/8"_s << u"::ffff:10.9.8.7"_s << true;
    QTest::newRow("mapped client, v4 miss") << u"10.0.0.0/8"_s << u"::ffff:11.9.8.7"_s << false;
    QTest::newRow("mapped client, v4 glob") << u"192.168.*.*"_s << u"::ffff:192.168.1.1"_s << true;
    QTest::newRow("mapped pattern, v4 client") << u"::ffff:10.0.0.0/104"_s << u"10.2.3.4"_s << true;
    QTest::newRow("mapped pattern, mapped client") << u"::ffff:10.1.2.3"_s << u"::ffff:10.1.2.3"_s << true;
    QTest::newRow("v4 loopback vs v6 loopback") << u"127.0.0.1"_s << u"::1"_s << false;
}

void TestIpPattern::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, client);
    QFETCH(bool, expected);

    const auto compiled = IpPattern::parse(pattern);
    QVERIFY(compiled.ok());
    const QHostAddress address(client);
    QVERIFY(!address.isNull());
    QCOMPARE(compiled->matches(address), expected);
    QCOMPARE(compiled->matches(ClientAddress(address)), expected);
}

void TestIpPattern::unknownClient()
{
    QVERIFY(IpPattern::parse(u"*"_s)->matches(ClientAddress()));
    QVERIFY(!IpPattern::parse(u"0.0.0.0/0"_s)->matches(ClientAddress()));
    QVERIFY(!IpPattern::parse(u"::/0"_s)->matches(QHostAddress()));
}

void TestIpPattern::specificityOrder_data()
{
    QTest::addColumn<QString>("moreSpecific");
    QTest::addColumn<QString>("lessSpecific");

    QTest::newRow("host over /24") << u"10.0.0.1"_s << u"10.0.0.0/24"_s;
    QTest::newRow("/24 over /8") << u"10.0.0.0/24"_s << u"10.0.0.0/8"_s;
    QTest::newRow("/9 over /8") << u"10.0.0.0/9"_s << u"10.0.0.0/8"_s;
    QTest::newRow("glob like cidr") << u"192.168.1.*"_s << u"192.168.*.*"_s;
    QTest::newRow("v4 /0 over any") << u"0.0.0.0/0"_s << u"*"_s;
    QTest::newRow("v6 /64 over /32") << u"2001:db8::/64"_s << u"2001:db8::/32"_s;
    QTest::newRow("v4 /24 over v6 /64") << u"10.0.0.0/24"_s << u"2001:db8::/64"_s;
    QTest::newRow("v6 /120 over v4 /16") << u"2001:db8::/120"_s << u"10.0.0.0/16"_s;
}

void TestIpPattern::specificityOrder()
{
    QFETCH(QString, moreSpecific);
    QFETCH(QString, lessSpecific);

    const auto more = IpPattern::parse(moreSpecific);
    const auto less = IpPattern::parse(lessSpecific);
    QVERIFY(more.ok() && less.ok());
    QVERIFY2(more->specificity() > less->specificity(),
             qPrintable(u"%1 vs %2"_s.arg(more->specificity()).arg(less->specificity())));
}

void TestIpPattern::coverage_data()
{
    QTest::addColumn<QString>("inner");
    QTest::addColumn<QString>("outer");
    QTest::addColumn<bool>("covered");

    QTest::newRow("host in /8") << u"10.1.2.3"_s << u"10.0.0.0/8"_s << true;
    QTest::newRow("/16 in /8") << u"10.1.0.0/16"_s << u"10.0.0.0/8"_s << true;
    QTest::newRow("/8 not in /16") << u"10.0.0.0/8"_s << u"10.0.0.0/16"_s << false;
    QTest::newRow("disjoint") << u"11.0.0.0/8"_s << u"10.0.0.0/8"_s << false;
    QTest::newRow("same") << u"10.0.0.0/8"_s << u"10.0.0.0/8"_s << true;
    QTest::newRow("glob in cidr") << u"10.1.*.*"_s << u"10.0.0.0/8"_s << true;
    QTest::newRow("anything in any") << u"2001:db8::/32"_s << u"*"_s << true;
    QTest::newRow("any not in /0") << u"*"_s << u"0.0.0.0/0"_s << false;
    QTest::newRow("v4 not in v6") << u"10.0.0.0/8"_s << u"::/0"_s << false;
    QTest::newRow("mapped in v4") << u"::ffff:10.1.2.3"_s << u"10.0.0.0/8"_s << true;
    QTest::newRow("v6 in v6") << u"2001:db8:1::/48"_s << u"2001:db8::/32"_s << true;
}

void TestIpPattern::coverage()
{
    QFETCH(QString, inner);
    QFETCH(QString, outer);
    QFETCH(bool, covered);

    const auto a = IpPattern::parse(inner);
    const auto b = IpPattern::parse(outer);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->isCoveredBy(*b), covered);
}

void TestIpPattern::clientAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("shown");

    using F = ClientAddress::Family;
    QTest::newRow("v4") << u"192.0.2.1"_s << int(F::IPv4) << u"192.0.2.1"_s;
    QTest::newRow("mapped folds to v4") << u"::ffff:192.0.2.1"_s << int(F::IPv4) << u"192.0.2.1"_s;
    QTest::newRow("v6") << u"2001:db8::1"_s << int(F::IPv6) << u"2001:db8::1"_s;
    QTest::newRow("v4-compatible stays v6") << u"::192.0.2.1"_s << int(F::IPv6) << u"::192.0.2.1"_s;
    QTest::newRow("null") << QString() << int(F::None) << QString();
}

void TestIpPattern::clientAddress()
{
    QFETCH(QString, text);
    QFETCH(int, family);
    QFETCH(QString, shown);

    const ClientAddress address { QHostAddress(text) };
    QCOMPARE(int(address.family()), family);
    QCOMPARE(address.toString(), shown);
}

QTEST_APPLESS_MAIN(TestIpPattern)
#include "tst_ippattern.moc"
