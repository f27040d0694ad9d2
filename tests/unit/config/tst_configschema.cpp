// The schema `gatehoused --print-schema` prints agrees with the reader: it has
// exactly the fields the reader accepts, with types the reader holds to, the
// defaults the model uses, and every config of the README and docs/ fits it.
#include "TestSupport.h"
#include "config/ConfigFields.h"
#include "config/ConfigLoader.h"
#include "config/ConfigSchema.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace gatehouse::config;

namespace {

// Enough of JSON Schema 2020-12 for the schema ConfigSchema builds: an
// independent check that a document fits it. Keywords it does not know fail.
class SchemaCheck
{
public:
    explicit SchemaCheck(QJsonObject root) : m_root(std::move(root)) { }

    bool fits(const QJsonValue &value) const { return fits(m_root, value); }
    QStringList unknownKeywords() const { return m_unknown; }

    QJsonObject resolve(const QJsonObject &schema) const
    {
        const QString ref = schema.value(u"$ref").toString();
        if (ref.isEmpty())
            return schema;
        return m_root.value(u"$defs").toObject().value(ref.mid(QStringLiteral("#/$defs/").size())).toObject();
    }

    bool fits(const QJsonValue &schemaValue, const QJsonValue &value) const
    {
        if (schemaValue.isBool())
            return schemaValue.toBool();
        const QJsonObject schema = schemaValue.toObject();
        static const QSet<QString> known = { QStringLiteral("$schema"),     QStringLiteral("title"),
                                             QStringLiteral("description"), QStringLiteral("default"),
                                             QStringLiteral("$defs"),       QStringLiteral("$ref"),
                                             QStringLiteral("type"),        QStringLiteral("enum"),
                                             QStringLiteral("const"),       QStringLiteral("minimum"),
                                             QStringLiteral("maximum"),     QStringLiteral("pattern"),
                                             QStringLiteral("properties"),  QStringLiteral("additionalProperties"),
                                             QStringLiteral("required"),    QStringLiteral("items"),
                                             QStringLiteral("minItems"),    QStringLiteral("uniqueItems"),
                                             QStringLiteral("oneOf"),       QStringLiteral("anyOf"),
                                             QStringLiteral("allOf"),       QStringLiteral("if"),
                                             QStringLiteral("then"),        QStringLiteral("else") };
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (!known.contains(it.key()) && !m_unknown.contains(it.key()))
                m_unknown << it.key();
        }
        if (schema.contains(u"$ref") && !fits(resolve(schema), value))
            return false;
        if (schema.contains(u"type") && !hasType(schema.value(u"type").toString(), value))
            return false;
        if (schema.contains(u"enum") && !schema.value(u"enum").toArray().contains(value))
            return false;
        if (schema.contains(u"const") && schema.value(u"const") != value)
            return false;
        if (value.isDouble()) {
            if (schema.contains(u"minimum") && value.toDouble() < schema.value(u"minimum").toDouble())
                return false;
            if (schema.contains(u"maximum") && value.toDouble() > schema.value(u"maximum").toDouble())
                return false;
        }
        if (value.isString() && schema.contains(u"pattern")
            && !QRegularExpression(schema.value(u"pattern").toString()).match(value.toString()).hasMatch())
            return false;
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            const QJsonObject properties = schema.value(u"properties").toObject();
            for (const QJsonValue &name : schema.value(u"required").toArray()) {
                if (!object.contains(name.toString()))
                    return false;
            }
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (properties.contains(it.key())) {
                    if (!fits(properties.value(it.key()), it.value()))
                        return false;
                } else if (schema.contains(u"additionalProperties")
                           && !fits(schema.value(u"additionalProperties"), it.value())) {
                    return false;
                }
            }
        }
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            if (array.size() < schema.value(u"minItems").toInt(0))
                return false;
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (schema.contains(u"items") && !fits(schema.value(u"items"), array[i]))
                    return false;
                if (schema.value(u"uniqueItems").toBool()
                    && std::find(array.begin(), array.begin() + i, array[i]) != array.begin() + i)
                    return false;
            }
        }
        for (const QJsonValue &branch : schema.value(u"allOf").toArray()) {
            if (!fits(branch, value))
                return false;
        }
        if (schema.contains(u"anyOf")) {
            const QJsonArray branches = schema.value(u"anyOf").toArray();
            if (std::none_of(branches.begin(), branches.end(), [&](const QJsonValue &b) { return fits(b, value); }))
                return false;
        }
        if (schema.contains(u"oneOf")) {
            const QJsonArray branches = schema.value(u"oneOf").toArray();
            if (std::count_if(branches.begin(), branches.end(), [&](const QJsonValue &b) { return fits(b, value); })
                != 1)
                return false;
        }
        if (schema.contains(u"if")) {
            const QJsonValue next = fits(schema.value(u"if"), value) ? schema.value(u"then") : schema.value(u"else");
            if (!next.isUndefined() && !fits(next, value))
                return false;
        }
        return true;
    }

private:
    static bool hasType(const QString &type, const QJsonValue &value)
    {
        if (type == u"integer")
            return value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
        if (type == u"number")
            return value.isDouble();
        if (type == u"string")
            return value.isString();
        if (type == u"boolean")
            return value.isBool();
        if (type == u"object")
            return value.isObject();
        if (type == u"array")
            return value.isArray();
        return type == u"null" && value.isNull();
    }

    QJsonObject m_root;
    mutable QStringList m_unknown;
};

// A config that uses every field of every object at least once (the test checks that).
QByteArray everyField()
{
    QFile file(gatehouse::test::sourcePath(QStringLiteral("tests/unit/config/every-field.json")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Values of every JSON type, some in range and some not.
const QList<QJsonValue> kCandidates = { QJsonValue(true),
                                        QJsonValue(7),
                                        QJsonValue(1.5),
                                        QJsonValue(70000),
                                        QJsonValue(QStringLiteral("zz")),
                                        QJsonValue(QJsonArray {}),
                                        QJsonValue(QJsonArray { true }),
                                        QJsonValue(QJsonObject {}),
                                        QJsonValue(QJsonObject { { QStringLiteral("zz"), true } }),
                                        QJsonValue(QJsonValue::Null) };

using Location = QList<QJsonValue>;  // keys (strings) and indexes (numbers) from the top

QJsonValue replaced(const QJsonValue &value, const Location &at, qsizetype depth, const QJsonValue &with)
{
    if (depth == at.size())
        return with;
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const int index = at[depth].toInt();
        array[index] = replaced(array[index], at, depth + 1, with);
        return array;
    }
    QJsonObject object = value.toObject();
    const QString key = at[depth].toString();
    if (depth + 1 == at.size() && with.isUndefined())
        object.remove(key);
    else
        object.insert(key, replaced(object.value(key), at, depth + 1, with));
    return object;
}

QByteArray with(const QJsonObject &document, const Location &at, const QJsonValue &value)
{
    return QJsonDocument(replaced(document, at, 0, value).toObject()).toJson();
}

ConfigLoader::Result load(const QByteArray &json)
{
    return ConfigLoader::load(json, ConfigValidator::Options { false });
}

bool hasErrorAt(const Diagnostics &diagnostics, const QString &path)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error
            && (d.path == path || d.path.startsWith(path + u'.') || d.path.startsWith(path + u'['));
    });
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

// The ```json blocks of a Markdown file.
QStringList jsonBlocks(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    QStringList blocks;
    for (qsizetype from = 0; (from = text.indexOf(QStringLiteral("```json\n"), from)) >= 0;) {
        from += 8;
        const qsizetype end = text.indexOf(QStringLiteral("```"), from);
        if (end < 0)
            break;
        blocks << text.mid(from, end - from);
        from = end + 3;
    }
    return blocks;
}

}  // namespace

class TestConfigSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void objectsHaveTheReadersFields();
    void everyFieldAgreesWithTheReader();
    void unknownFieldsAreRejectedByBoth();
    void examplesFitTheSchema_data();
    void examplesFitTheSchema();

private:
    // Walks `value` (at `at`, `path`) with its schema, checking every field found.
    void walk(const QJsonValue &schemaValue, const QJsonValue &value, const Location &at, const QString &path,
              const QString &objectName);
    void checkField(const QJsonObject &fieldSchema, const Location &at, const QString &path);

    QJsonObject m_schema;
    QJsonObject m_document;
    std::unique_ptr<SchemaCheck> m_check;
    QHash<QString, QSet<QString>> m_seen;  // object name -> fields found in every-field.json
    int m_fieldsChecked = 0;
};

void TestConfigSchema::initTestCase()
{
    m_schema = ConfigSchema::build();
    m_check = std::make_unique<SchemaCheck>(m_schema);
    QCOMPARE(m_schema.value(u"$schema").toString(), QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
    const QByteArray json = everyField();
    m_document = QJsonDocument::fromJson(json).object();
    QVERIFY(!m_document.isEmpty());
    const auto loaded = load(json);
    QVERIFY2(!hasErrors(loaded.diagnostics), qPrintable(describe(loaded.diagnostics)));
    QVERIFY(m_check->fits(m_document));
    QCOMPARE(m_check->unknownKeywords(), QStringList());
}

void TestConfigSchema::objectsHaveTheReadersFields()
{
    const QJsonObject defs = m_schema.value(u"$defs").toObject();
    QSet<QString> named;
    for (const fields::Object &object : fields::kObjects) {
        const QString name = QString::fromLatin1(object.name);
        named << name;
        const QJsonObject schema = name == u"config" ? m_schema : defs.value(name).toObject();
        QVERIFY2(!schema.isEmpty(), qPrintable(name + QStringLiteral(" is not in the schema")));
        QStringList expected;
        for (const char16_t *field : object.fields)
            expected << QString::fromUtf16(field);
        QStringList actual = schema.value(u"properties").toObject().keys();
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);
        QCOMPARE(schema.value(u"additionalProperties"), QJsonValue(false));
    }
    QStringList extra;
    for (const QString &name : defs.keys()) {
        if (!named.contains(name))
            extra << name;
    }
    QCOMPARE(extra, QStringList());
}

void TestConfigSchema::checkField(const QJsonObject &fieldSchema, const Location &at, const QString &path)
{
    ++m_fieldsChecked;
    bool typeChecked = false;
    for (const QJsonValue &candidate : kCandidates) {
        const QByteArray json = with(m_document, at, candidate);
        const bool schemaRejects = !m_check->fits(QJsonDocument::fromJson(json).object());
        const auto loaded = load(json);
        const bool readerRejects = hasErrorAt(loaded.diagnostics, path);
        // The schema must never flag what Gatehouse accepts: editors would mark good configs.
        if (schemaRejects && !readerRejects)
            QFAIL(qPrintable(
                QStringLiteral("%1 = %2: the schema rejects it, Gatehouse accepts it")
                    .arg(path,
                         QString::fromUtf8(QJsonDocument(QJsonArray { candidate }).toJson(QJsonDocument::Compact)))));
        typeChecked = typeChecked || (schemaRejects && readerRejects);
    }
    QVERIFY2(typeChecked, qPrintable(path + QStringLiteral(": no value of a wrong type was rejected by both")));

    // A documented default is what the model holds when the field is left out.
    const QJsonObject resolved = m_check->resolve(fieldSchema);
    if (resolved.contains(u"default")) {
        const auto withDefault = load(with(m_document, at, resolved.value(u"default")));
        const auto without = load(with(m_document, at, QJsonValue(QJsonValue::Undefined)));
        QVERIFY2(!hasErrors(without.diagnostics), qPrintable(path + u'\n' + describe(without.diagnostics)));
        QVERIFY2(withDefault.config == without.config, qPrintable(path + QStringLiteral(": default differs")));
    }
}

void TestConfigSchema::walk(const QJsonValue &schemaValue, const QJsonValue &value, const Location &at,
                            const QString &path, const QString &objectName)
{
    QJsonObject schema = schemaValue.toObject();
    QString name = objectName;
    if (schema.contains(u"$ref")) {
        name = schema.value(u"$ref").toString().section(u'/', -1);
        schema = m_check->resolve(schema);
    }
    for (const char16_t *keyword : { u"oneOf", u"anyOf" }) {
        for (const QJsonValue &branch : schema.value(keyword).toArray()) {
            if (m_check->fits(branch, value)) {
                walk(branch, value, at, path, name);
                return;
            }
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(u"properties").toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString fieldPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            QJsonValue fieldSchema = properties.value(it.key());
            if (fieldSchema.isUndefined()) {
                fieldSchema = schema.value(u"additionalProperties");
                QVERIFY2(fieldSchema.isObject(), qPrintable(fieldPath + QStringLiteral(" is not in the schema")));
            } else {
                m_seen[name].insert(it.key());
            }
            checkField(fieldSchema.toObject(), at + Location { it.key() }, fieldPath);
            walk(fieldSchema, it.value(), at + Location { it.key() }, fieldPath, QString());
        }
    } else if (value.isArray() && schema.contains(u"items")) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            walk(schema.value(u"items"), array[i], at + Location { int(i) }, path + QStringLiteral("[%1]").arg(i),
                 QString());
    }
}

void TestConfigSchema::everyFieldAgreesWithTheReader()
{
    walk(m_schema, m_document, {}, QString(), QStringLiteral("config"));
    for (const fields::Object &object : fields::kObjects) {
        for (const char16_t *field : object.fields) {
            QVERIFY2(m_seen.value(QString::fromLatin1(object.name)).contains(QString::fromUtf16(field)),
                     qPrintable(QStringLiteral("every-field.json lacks %1.%2")
                                    .arg(QString::fromLatin1(object.name), QString::fromUtf16(field))));
        }
    }
    QVERIFY(m_fieldsChecked > 60);
    qInfo("%d fields checked against the reader", m_fieldsChecked);
}

void TestConfigSchema::unknownFieldsAreRejectedByBoth()
{
    // One unknown field in each kind of object of every-field.json.
    const QList<Location> places = {
        {},
        { QStringLiteral("timeouts") },
        { QStringLiteral("acme") },
        { QStringLiteral("routes"), 0 },
        { QStringLiteral("routes"), 0, QStringLiteral("match") },
        { QStringLiteral("routes"), 0, QStringLiteral("match"), QStringLiteral("ports"), 1 },
        { QStringLiteral("routes"), 0, QStringLiteral("match"), QStringLiteral("headers"), QStringLiteral("X-Id") },
        { QStringLiteral("routes"), 0, QStringLiteral("action") },
        { QStringLiteral("routes"), 0, QStringLiteral("action"), QStringLiteral("targets"), 0 },
        { QStringLiteral("routes"), 0, QStringLiteral("action"), QStringLiteral("targets"), 0, QStringLiteral("tls") },
        { QStringLiteral("routes"), 0, QStringLiteral("action"), QStringLiteral("loadBalancing") },
        { QStringLiteral("routes"), 0, QStringLiteral("action"), QStringLiteral("tls") },
        { QStringLiteral("routes"), 0, QStringLiteral("action"), QStringLiteral("tls"), QStringLiteral("certificate") },
        { QStringLiteral("routes"), 0, QStringLiteral("security") },
        { QStringLiteral("routes"), 2, QStringLiteral("action"), QStringLiteral("redirect") },
    };
    for (const Location &place : places) {
        const QByteArray json = with(m_document, place + Location { QStringLiteral("colour") }, true);
        QVERIFY2(!m_check->fits(QJsonDocument::fromJson(json).object()), json.constData());
        const auto loaded = load(json);
        QVERIFY2(std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                             [](const Diagnostic &d) { return d.message.startsWith(u"unknown field 'colour'"); }),
                 qPrintable(describe(loaded.diagnostics)));
    }
}

void TestConfigSchema::examplesFitTheSchema_data()
{
    QTest::addColumn<QString>("block");
    QStringList files = { gatehouse::test::sourcePath(QStringLiteral("README.md")) };
    const QDir docs(gatehouse::test::sourcePath(QStringLiteral("docs")));
    for (const QString &name : docs.entryList({ QStringLiteral("*.md") }, QDir::Files, QDir::Name))
        files << docs.filePath(name);
    int count = 0;
    for (const QString &file : std::as_const(files)) {
        const QStringList blocks = jsonBlocks(file);
        for (qsizetype i = 0; i < blocks.size(); ++i)
            QTest::addRow("%s#%d", qPrintable(QFileInfo(file).fileName()), int(i + 1)) << blocks[i];
        count += int(blocks.size());
    }
    QVERIFY(count > 1);
}

void TestConfigSchema::examplesFitTheSchema()
{
    QFETCH(QString, block);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(block.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(m_check->fits(document.object()));
}

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"
