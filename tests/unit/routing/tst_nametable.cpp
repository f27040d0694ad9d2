#include "routing/NameTable.h"

#include <QSet>
#include <QTest>

using gatehouse::routing::NameTable;
using namespace Qt::StringLiterals;

class TestNameTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void find_data();
    void find();
    void manyKeys();
    void emptyTable();
};

void TestNameTable::find_data()
{
    QTest::addColumn<QString>("probe");
    QTest::addColumn<int>("expected");

    QTest::newRow("exact key") << u"example.com"_s << 1;
    QTest::newRow("suffix key") << u".example.com"_s << 2;
    QTest::newRow("short key") << u"a"_s << 3;
    QTest::newRow("key of 4n chars") << u"abcd.efg"_s << 4;
    QTest::newRow("absent") << u"example.org"_s << -1;
    QTest::newRow("prefix of a key") << u"example.co"_s << -1;
    QTest::newRow("longer than any key") << QString(300, u'x') << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("case matters") << u"Example.com"_s << -1;
}

void TestNameTable::find()
{
    QFETCH(QString, probe);
    QFETCH(int, expected);

    NameTable table;
    table.insert(u"example.com"_s, 1);
    table.insert(u".example.com"_s, 2);
    table.insert(u"a"_s, 3);
    table.insert(u"abcd.efg"_s, 4);
    table.finish();
    QCOMPARE(table.find(probe), expected);
    // Probing a slice of a longer string, as the route table does with dot-suffixes.
    const QString host = u"www"_s + probe;
    QCOMPARE(table.find(QStringView(host).mid(3)), expected);
    QCOMPARE(table.maxKeyLength(), 12);
}

void TestNameTable::manyKeys()
{
    NameTable table;
    for (int i = 0; i < 20000; ++i)
        table.insert(u"host%1.example"_s.arg(i), i);
    table.finish();
    for (int i = 0; i < 20000; ++i)
        QCOMPARE(table.find(u"host%1.example"_s.arg(i)), i);
    for (int i = 20000; i < 25000; ++i)
        QCOMPARE(table.find(u"host%1.example"_s.arg(i)), -1);
    // Hashes must spread: no two of these share a hash.
    QSet<quint64> hashes;
    for (int i = 0; i < 20000; ++i)
        hashes.insert(NameTable::hash(u"host%1.example"_s.arg(i)));
    QCOMPARE(hashes.size(), 20000);
}

void TestNameTable::emptyTable()
{
    NameTable table;
    table.finish();
    QVERIFY(table.isEmpty());
    QCOMPARE(table.find(u"x"_s), -1);
}

QTEST_APPLESS_MAIN(TestNameTable)
#include "tst_nametable.moc"
