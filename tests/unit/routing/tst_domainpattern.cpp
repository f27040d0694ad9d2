#include "routing/DomainPattern.h"

#include <QTest>

using gatehouse::routing::DomainPattern;
using namespace Qt::StringLiterals;

class TestDomainPattern : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void normalizeHost_data();
    void normalizeHost();
    void matches_data();
    void matches();
    void specificityOrder_data();
    void specificityOrder();
    void coverage_data();
    void coverage();
};

void TestDomainPattern::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("canonical");

    using K = DomainPattern::Kind;
    QTest::newRow("exact") << u"example.com"_s << int(K::Exact) << u"example.com"_s;
    QTest::newRow("upper case folded") << u"WWW.Example.COM"_s << int(K::Exact) << u"www.example.com"_s;
    QTest::newRow("single label") << u"localhost"_s << int(K::Exact) << u"localhost"_s;
    QTest::newRow("digits and hyphen") << u"a-1.b2.example"_s << int(K::Exact) << u"a-1.b2.example"_s;
    QTest::newRow("ipv4 literal") << u"127.0.0.1"_s << int(K::Exact) << u"127.0.0.1"_s;
    QTest::newRow("wildcard") << u"*.example.com"_s << int(K::Wildcard) << u"*.example.com"_s;
    QTest::newRow("wildcard upper") << u"*.EXAMPLE.com"_s << int(K::Wildcard) << u"*.example.com"_s;
    QTest::newRow("any") << u"*"_s << int(K::Any) << u"*"_s;
    QTest::newRow("idn to punycode") << u"Bücher.de"_s << int(K::Exact) << u"xn--bcher-kva.de"_s;
    QTest::newRow("idn wildcard") << u"*.bücher.de"_s << int(K::Wildcard) << u"*.xn--bcher-kva.de"_s;
    QTest::newRow("63-char label") << QString(63, u'a') + u".com" << int(K::Exact) << QString(63, u'a') + u".com";
}

void TestDomainPattern::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, canonical);

    const auto pattern = DomainPattern::parse(text);
    QVERIFY2(pattern.ok(), qPrintable(pattern.ok() ? QString() : pattern.error()));
    QCOMPARE(int(pattern->kind()), kind);
    QCOMPARE(pattern->toString(), canonical);
}

void TestDomainPattern::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const QString wildcardPlace = u"a wildcard must be the whole leftmost label, as in *.example.com"_s;
    QTest::newRow("empty") << QString() << u"empty domain"_s;
    QTest::newRow("trailing dot") << u"example.com."_s << u"remove the trailing dot"_s;
    QTest::newRow("double dot") << u"a..com"_s << u"empty label (two dots in a row, or a dot at the start)"_s;
    QTest::newRow("leading dot") << u".example.com"_s << u"empty label (two dots in a row, or a dot at the start)"_s;
    QTest::newRow("inner wildcard") << u"a.*.example.com"_s << wildcardPlace;
    QTest::newRow("partial wildcard label") << u"*foo.example.com"_s << wildcardPlace;
    QTest::newRow("double wildcard") << u"*.*.example.com"_s << wildcardPlace;
    QTest::newRow("trailing wildcard") << u"example.*"_s << wildcardPlace;
    QTest::newRow("bare wildcard dot") << u"*."_s << u"remove the trailing dot"_s;
    QTest::newRow("leading hyphen") << u"-a.com"_s << u"label '-a' starts or ends with a hyphen"_s;
    QTest::newRow("trailing hyphen") << u"a-.com"_s << u"label 'a-' starts or ends with a hyphen"_s;
    QTest::newRow("underscore") << u"a_b.com"_s
                                << u"label 'a_b' has '_'; only letters, digits and hyphens are allowed"_s;
    QTest::newRow("port") << u"example.com:443"_s
                          << u"label 'com:443' has ':'; only letters, digits and hyphens are allowed"_s;
    QTest::newRow("space") << u"exa mple.com"_s
                           << u"label 'exa mple' has ' '; only letters, digits and hyphens are allowed"_s;
    QTest::newRow("64-char label") << QString(64, u'a') + u".com"
                                   << u"label '%1' is longer than 63 characters"_s.arg(QString(64, u'a'));
    const QString longName = QString(QString(60, u'a') + u'.').repeated(5) + u"com";
    QTest::newRow("too long") << longName << u"a domain name is at most 253 characters"_s;
}

void TestDomainPattern::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    const auto pattern = DomainPattern::parse(text);
    QVERIFY(!pattern.ok());
    QCOMPARE(pattern.error(), error);
}

void TestDomainPattern::normalizeHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("plain") << u"example.com"_s << u"example.com"_s;
    QTest::newRow("case") << u"Example.COM"_s << u"example.com"_s;
    QTest::newRow("port") << u"example.com:8443"_s << u"example.com"_s;
    QTest::newRow("trailing dot") << u"example.com."_s << u"example.com"_s;
    QTest::newRow("trailing dot and port") << u"example.com.:80"_s << u"example.com"_s;
    QTest::newRow("ipv6 literal with port") << u"[::1]:443"_s << u"[::1]"_s;
    QTest::newRow("ipv6 literal") << u"[2001:DB8::1]"_s << u"[2001:db8::1]"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestDomainPattern::normalizeHost()
{
    QFETCH(QString, host);
    QFETCH(QString, normalized);
    QCOMPARE(DomainPattern::normalizeHost(host), normalized);
}

void TestDomainPattern::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("expected");

    QTest::newRow("exact hit") << u"example.com"_s << u"example.com"_s << true;
    QTest::newRow("exact, pattern in upper case") << u"EXAMPLE.com"_s << u"example.com"_s << true;
    QTest::newRow("exact miss subdomain") << u"example.com"_s << u"www.example.com"_s << false;
    QTest::newRow("exact miss suffix") << u"example.com"_s << u"myexample.com"_s << false;
    QTest::newRow("wildcard one level") << u"*.example.com"_s << u"www.example.com"_s << true;
    QTest::newRow("wildcard any depth") << u"*.example.com"_s << u"a.b.c.example.com"_s << true;
    QTest::newRow("wildcard not apex") << u"*.example.com"_s << u"example.com"_s << false;
    QTest::newRow("wildcard label boundary") << u"*.example.com"_s << u"badexample.com"_s << false;
    QTest::newRow("wildcard other domain") << u"*.example.com"_s << u"www.example.org"_s << false;
    QTest::newRow("wildcard idn") << u"*.bücher.de"_s << u"shop.xn--bcher-kva.de"_s << true;
    QTest::newRow("any") << u"*"_s << u"anything.at.all"_s << true;
}

void TestDomainPattern::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, host);
    QFETCH(bool, expected);

    const auto compiled = DomainPattern::parse(pattern);
    QVERIFY(compiled.ok());
    QCOMPARE(compiled->matches(host), expected);
}

void TestDomainPattern::specificityOrder_data()
{
    QTest::addColumn<QString>("moreSpecific");
    QTest::addColumn<QString>("lessSpecific");

    QTest::newRow("exact over wildcard") << u"www.example.com"_s << u"*.example.com"_s;
    QTest::newRow("short exact over long wildcard") << u"a.io"_s << u"*.very.long.subdomain.example.com"_s;
    QTest::newRow("longer wildcard over shorter") << u"*.a.example.com"_s << u"*.example.com"_s;
    QTest::newRow("wildcard over any") << u"*.com"_s << u"*"_s;
    QTest::newRow("exact over any") << u"x"_s << u"*"_s;
}

void TestDomainPattern::specificityOrder()
{
    QFETCH(QString, moreSpecific);
    QFETCH(QString, lessSpecific);

    const auto more = DomainPattern::parse(moreSpecific);
    const auto less = DomainPattern::parse(lessSpecific);
    QVERIFY(more.ok() && less.ok());
    QVERIFY2(more->specificity() > less->specificity(),
             qPrintable(u"%1 vs %2"_s.arg(more->specificity()).arg(less->specificity())));
}

void TestDomainPattern::coverage_data()
{
    QTest::addColumn<QString>("inner");
    QTest::addColumn<QString>("outer");
    QTest::addColumn<bool>("covered");

    QTest::newRow("same exact") << u"a.example.com"_s << u"A.example.com"_s << true;
    QTest::newRow("different exact") << u"a.example.com"_s << u"b.example.com"_s << false;
    QTest::newRow("exact under wildcard") << u"a.b.example.com"_s << u"*.example.com"_s << true;
    QTest::newRow("apex not under wildcard") << u"example.com"_s << u"*.example.com"_s << false;
    QTest::newRow("narrow wildcard under wide") << u"*.a.example.com"_s << u"*.example.com"_s << true;
    QTest::newRow("same wildcard") << u"*.example.com"_s << u"*.example.com"_s << true;
    QTest::newRow("wide wildcard not under narrow") << u"*.example.com"_s << u"*.a.example.com"_s << false;
    QTest::newRow("suffix without label boundary") << u"*.badexample.com"_s << u"*.example.com"_s << false;
    QTest::newRow("wildcard not under exact") << u"*.example.com"_s << u"example.com"_s << false;
    QTest::newRow("everything under any") << u"*.example.com"_s << u"*"_s << true;
    QTest::newRow("any under any") << u"*"_s << u"*"_s << true;
    QTest::newRow("any not under wildcard") << u"*"_s << u"*.com"_s << false;
}

void TestDomainPattern::coverage()
{
    QFETCH(QString, inner);
    QFETCH(QString, outer);
    QFETCH(bool, covered);

    const auto a = DomainPattern::parse(inner);
    const auto b = DomainPattern::parse(outer);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->isCoveredBy(*b), covered);
}

QTEST_APPLESS_MAIN(TestDomainPattern)
#include "tst_domainpattern.moc"
