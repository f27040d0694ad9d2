#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <vector>

namespace gatehouse::proxy {

class ByteWriter;

// The header (or trailer) fields of one HTTP message, in received order with
// duplicates kept. Names and values live in one byte buffer, so a parsed head
// costs two allocations however many fields it has, and a parser reuses the
// capacity for the next message. Views returned by the accessors stay valid
// until the next change to this object.
class HttpHeaders
{
public:
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    QByteArrayView nameAt(qsizetype index) const;
    QByteArrayView valueAt(qsizetype index) const;

    // Names compare case-insensitively (ASCII), as HTTP field names do.
    qsizetype indexOf(QByteArrayView name, qsizetype from = 0) const;
    bool contains(QByteArrayView name) const { return indexOf(name) >= 0; }
    qsizetype count(QByteArrayView name) const;
    // The first value; a null view when the field is absent.
    QByteArrayView value(QByteArrayView name) const;
    // All values of the field joined with ", " (RFC 9110 section 5.3).
    QByteArray combinedValue(QByteArrayView name) const;
    // Some element of the comma-separated list in any field `name` equals `token`
    // case-insensitively (Connection: keep-alive, Upgrade).
    bool hasToken(QByteArrayView name, QByteArrayView token) const;

    void append(QByteArrayView name, QByteArrayView value);
    // Removes every field `name`, then appends one.
    void set(QByteArrayView name, QByteArrayView value);
    void removeAt(qsizetype index);
    qsizetype removeAll(QByteArrayView name);
    // Removes every field whose name `remove(name)` accepts, in one pass; the
    // bytes stay in place, so views of the remaining fields stay valid.
    template<typename F> qsizetype removeIf(F remove);
    void clear();  // keeps the capacity

    // "Name: value\r\n" per field, no final empty line.
    void appendTo(QByteArray &out) const;
    void writeTo(ByteWriter &writer) const;  // the same, serializedSize() bytes
    qsizetype serializedSize() const;

    // Building a field from pieces, for the parsers: llhttp hands over a name or
    // value in several spans when it arrives in several reads.
    void beginField();
    void appendToLastName(QByteArrayView piece);
    void appendToLastValue(QByteArrayView piece);
    void trimLastValue();  // drops trailing whitespace (llhttp drops the leading)

    static bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b);
    // Calls f(element) for each non-empty element of a comma-separated list,
    // whitespace trimmed; stops early when f returns false.
    template<typename F> static void forEachElement(QByteArrayView list, F f);

private:
    static constexpr size_t kInitialBytes = 512;
    static constexpr qsizetype kInitialFields = 12;

    void reserveFirst();

    struct Field
    {
        qsizetype nameOffset = 0;
        qsizetype nameLength = 0;
        qsizetype valueOffset = -1;  // -1 until the first value byte arrives
        qsizetype valueLength = 0;
    };

    std::vector<char> m_bytes;  // appended to inline: no QByteArray::append() call per piece
    QList<Field> m_fields;
};

template<typename F> qsizetype HttpHeaders::removeIf(F remove)
{
    return m_fields.removeIf([&](const Field &field) {
        return remove(QByteArrayView(m_bytes.data() + field.nameOffset, field.nameLength));
    });
}

template<typename F> void HttpHeaders::forEachElement(QByteArrayView list, F f)
{
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype end = list.indexOf(',', start);
        if (end < 0)
            end = list.size();
        const QByteArrayView element = list.sliced(start, end - start).trimmed();
        if (!element.isEmpty() && !f(element))
            return;
        start = end + 1;
    }
}

}  // namespace gatehouse::proxy
