#include "routing/PathPattern.h"

#include <QTest>

using gatehouse::routing::PathPattern;
using namespace Qt::StringLiterals;

class TestPathPattern : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void matches_data();
    void matches();
    void specificityOrder_data();
    void specificityOrder();
    void coverage_data();
    void coverage();
};

void TestPathPattern::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("stored");

    using K = PathPattern::Kind;
    QTest::newRow("empty is any") << QString() << int(K::Any) << QString();
    QTest::newRow("root exact") << u"/"_s << int(K::Exact) << u"/"_s;
    QTest::newRow("exact") << u"/api"_s << int(K::Exact) << u"/api"_s;
    QTest::newRow("exact trailing slash") << u"/api/"_s << int(K::Exact) << u"/api/"_s;
    QTest::newRow("prefix") << u"/api/*"_s << int(K::Prefix) << u"/api"_s;
    QTest::newRow("root prefix") << u"/*"_s << int(K::Prefix) << QString();
    QTest::newRow("glob suffix") << u"/static/*.css"_s << int(K::Glob) << u"/static/*.css"_s;
    QTest::newRow("glob middle") << u"/api/*/users"_s << int(K::Glob) << u"/api/*/users"_s;
    QTest::newRow("glob no slash") << u"/api*"_s << int(K::Glob) << u"/api*"_s;
    QTest::newRow("two stars") << u"/a/*/b/*"_s << int(K::Glob) << u"/a/*/b/*"_s;
    QTest::newRow("percent-encoded") << u"/a%20b"_s << int(K::Exact) << u"/a%20b"_s;
}

void TestPathPattern::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, stored);

    const auto pattern = PathPattern::parse(text);
    QVERIFY2(pattern.ok(), qPrintable(pattern.ok() ? QString() : pattern.error()));
    QCOMPARE(int(pattern->kind()), kind);
    QCOMPARE(pattern->text(), stored);
}

void TestPathPattern::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const QString slash = u"a path starts with '/', as in /api/*"_s;
    const QString spaces = u"a path has no spaces or control characters"_s;
    QTest::newRow("relative") << u"api"_s << slash;
    QTest::newRow("star only") << u"*"_s << slash;
    QTest::newRow("absolute url") << u"http://x/"_s << slash;
    QTest::newRow("space") << u"/a b"_s << spaces;
    QTest::newRow("tab") << u"/a\tb"_s << spaces;
    QTest::newRow("del") << u"/a\x7f"_s << spaces;
    QTest::newRow("query") << u"/a?x=1"_s << u"a path has no query or fragment ('?')"_s;
    QTest::newRow("fragment") << u"/a#top"_s << u"a path has no query or fragment ('#')"_s;
}

void TestPathPattern::parseRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    const auto pattern = PathPattern::parse(text);
    QVERIFY(!pattern.ok());
    QCOMPARE(pattern.error(), error);
}

void TestPathPattern::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("expected");

    QTest::newRow("any") << QString() << u"/whatever"_s << true;
    QTest::newRow("exact hit") << u"/api"_s << u"/api"_s << true;
    QTest::newRow("exact no prefix") << u"/api"_s << u"/api/v1"_s << false;
    QTest::newRow("exact trailing slash differs") << u"/api"_s << u"/api/"_s << false;
    QTest::newRow("exact case-sensitive") << u"/api"_s << u"/API"_s << false;
    QTest::newRow("prefix itself") << u"/api/*"_s << u"/api"_s << true;
    QTest::newRow("prefix slash") << u"/api/*"_s << u"/api/"_s << true;
    QTest::newRow("prefix below") << u"/api/*"_s << u"/api/v1/users"_s << true;
    QTest::newRow("prefix segment boundary") << u"/api/*"_s << u"/apix"_s << false;
    QTest::newRow("prefix sibling") << u"/api/*"_s << u"/ap"_s << false;
    QTest::newRow("root prefix") << u"/*"_s << u"/anything/at/all"_s << true;
    QTest::newRow("root prefix root") << u"/*"_s << u"/"_s << true;
    QTest::newRow("glob suffix") << u"/static/*.css"_s << u"/static/a/b/site.css"_s << true;
    QTest::newRow("glob suffix miss") << u"/static/*.css"_s << u"/static/site.js"_s << false;
    QTest::newRow("glob middle") << u"/api/*/users"_s << u"/api/v2/users"_s << true;
    QTest::newRow("glob middle spans slashes") << u"/api/*/users"_s << u"/api/v2/x/users"_s << true;
    QTest::newRow("glob middle miss") << u"/api/*/users"_s << u"/api/v2/groups"_s << false;
    QTest::newRow("glob empty star") << u"/api*"_s << u"/api"_s << true;
    QTest::newRow("glob no boundary") << u"/api*"_s << u"/apiary"_s << true;
    QTest::newRow("glob backtracking") << u"/a*b*c"_s << u"/aXbYbZc"_s << true;
    QTest::newRow("glob backtracking miss") << u"/a*b*c"_s << u"/aXbYbZ"_s << false;
}

void TestPathPattern::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, expected);

    const auto compiled = PathPattern::parse(pattern);
    QVERIFY(compiled.ok());
    QCOMPARE(compiled->matches(path), expected);
}

void TestPathPattern::specificityOrder_data()
{
    QTest::addColumn<QString>("moreSpecific");
    QTest::addColumn<QString>("lessSpecific");

    QTest::newRow("longer prefix") << u"/api/v1/*"_s << u"/api/*"_s;
    QTest::newRow("exact over same prefix") << u"/api"_s << u"/api/*"_s;
    QTest::newRow("longer exact") << u"/api/v1"_s << u"/api"_s;
    QTest::newRow("long prefix over short exact") << u"/api/v1/*"_s << u"/api"_s;
    QTest::newRow("anything over any") << u"/*"_s << QString();
    QTest::newRow("prefix over root prefix") << u"/a/*"_s << u"/*"_s;
    QTest::newRow("glob literals count") << u"/static/*.css"_s << u"/static/*"_s;
}

void TestPathPattern::specificityOrder()
{
    QFETCH(QString, moreSpecific);
    QFETCH(QString, lessSpecific);

    const auto more = PathPattern::parse(moreSpecific);
    const auto less = PathPattern::parse(lessSpecific);
    QVERIFY(more.ok() && less.ok());
    QVERIFY2(more->specificity() > less->specificity(),
             qPrintable(u"%1 vs %2"_s.arg(more->specificity()).arg(less->specificity())));
}

void TestPathPattern::coverage_data()
{
    QTest::addColumn<QString>("inner");
    QTest::addColumn<QString>("outer");
    QTest::addColumn<bool>("covered");

    QTest::newRow("anything under any") << u"/api/*"_s << QString() << true;
    QTest::newRow("any under any") << QString() << QString() << true;
    QTest::newRow("any not under root prefix") << QString() << u"/*"_s << false;
    QTest::newRow("same exact") << u"/a"_s << u"/a"_s << true;
    QTest::newRow("other exact") << u"/a"_s << u"/b"_s << false;
    QTest::newRow("exact under prefix") << u"/api/v1"_s << u"/api/*"_s << true;
    QTest::newRow("prefix root under prefix") << u"/api"_s << u"/api/*"_s << true;
    QTest::newRow("exact not under sibling prefix") << u"/apix"_s << u"/api/*"_s << false;
    QTest::newRow("narrow prefix under wide") << u"/api/v1/*"_s << u"/api/*"_s << true;
    QTest::newRow("same prefix") << u"/api/*"_s << u"/api/*"_s << true;
    QTest::newRow("wide prefix not under narrow") << u"/api/*"_s << u"/api/v1/*"_s << false;
    QTest::newRow("prefix under root prefix") << u"/api/*"_s << u"/*"_s << true;
    QTest::newRow("root prefix only under root prefix") << u"/*"_s << u"//*"_s << false;
    QTest::newRow("prefix not under exact") << u"/api/*"_s << u"/api"_s << false;
    QTest::newRow("glob under prefix") << u"/api/v*/x"_s << u"/api/*"_s << true;
    QTest::newRow("glob leaving prefix") << u"/api*"_s << u"/api/*"_s << false;
    QTest::newRow("exact under glob") << u"/static/site.css"_s << u"/static/*.css"_s << true;
    QTest::newRow("exact outside glob") << u"/static/site.js"_s << u"/static/*.css"_s << false;
    QTest::newRow("same glob") << u"/a/*.css"_s << u"/a/*.css"_s << true;
    QTest::newRow("prefix not under glob (unproven)") << u"/a/*"_s << u"/a*"_s << false;
}

void TestPathPattern::coverage()
{
    QFETCH(QString, inner);
    QFETCH(QString, outer);
    QFETCH(bool, covered);

    const auto a = PathPattern::parse(inner);
    const auto b = PathPattern::parse(outer);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->isCoveredBy(*b), covered);
}

QTEST_APPLESS_MAIN(TestPathPattern)
#include "tst_pathpattern.moc"
