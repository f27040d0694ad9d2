#include "HttpHeaders.h"

#include "proxy/ByteWriter.h"

namespace gatehouse::proxy {

namespace {

constexpr char toLowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

}  // namespace

bool HttpHeaders::equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (toLowerAscii(a[i]) != toLowerAscii(b[i]))
            return false;
    }
    return true;
}

QByteArrayView HttpHeaders::nameAt(qsizetype index) const
{
    const Field &field = m_fields.at(index);
    return QByteArrayView(m_bytes.data() + field.nameOffset, field.nameLength);
}

QByteArrayView HttpHeaders::valueAt(qsizetype index) const
{
    const Field &field = m_fields.at(index);
    // Non-null even when empty, so value() can tell "empty" from "absent".
    const qsizetype offset = field.valueOffset < 0 ? 0 : field.valueOffset;
    return QByteArrayView(m_bytes.data() + offset, field.valueLength);
}

qsizetype HttpHeaders::indexOf(QByteArrayView name, qsizetype from) const
{
    for (qsizetype i = from; i < m_fields.size(); ++i) {
        if (equalsIgnoreCase(nameAt(i), name))
            return i;
    }
    return -1;
}

qsizetype HttpHeaders::count(QByteArrayView name) const
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (equalsIgnoreCase(nameAt(i), name))
            ++n;
    }
    return n;
}

QByteArrayView HttpHeaders::value(QByteArrayView name) const
{
    const qsizetype index = indexOf(name);
    return index < 0 ? QByteArrayView() : valueAt(index);
}

QByteArray HttpHeaders::combinedValue(QByteArrayView name) const
{
    QByteArray result;
    for (qsizetype i = indexOf(name); i >= 0; i = indexOf(name, i + 1)) {
        if (!result.isEmpty())
            result += ", ";
        result += valueAt(i);
    }
    return result;
}

bool HttpHeaders::hasToken(QByteArrayView name, QByteArrayView token) const
{
    bool found = false;
    for (qsizetype i = indexOf(name); i >= 0 && !found; i = indexOf(name, i + 1)) {
        forEachElement(valueAt(i), [&](QByteArrayView element) {
            found = equalsIgnoreCase(element, token);
            return !found;
        });
    }
    return found;
}

void HttpHeaders::append(QByteArrayView name, QByteArrayView value)
{
    // A view into our own buffer (copying one field onto another) would dangle
    // once m_bytes grows.
    const auto pointsIntoUs = [this](QByteArrayView view) {
        return !view.isEmpty() && view.data() >= m_bytes.data()
            && view.data() < m_bytes.data() + qsizetype(m_bytes.size());
    };
    if (pointsIntoUs(name) || pointsIntoUs(value)) {
        const QByteArray nameCopy = name.toByteArray();
        const QByteArray valueCopy = value.toByteArray();
        append(nameCopy, valueCopy);
        return;
    }
    reserveFirst();
    Field field;
    field.nameOffset = qsizetype(m_bytes.size());
    field.nameLength = name.size();
    m_bytes.insert(m_bytes.end(), name.begin(), name.end());
    field.valueOffset = qsizetype(m_bytes.size());
    field.valueLength = value.size();
    m_bytes.insert(m_bytes.end(), value.begin(), value.end());
    m_fields.append(field);
}

void HttpHeaders::set(QByteArrayView name, QByteArrayView value)
{
    // removeAll() leaves the bytes in place, so views into them stay valid for append().
    removeAll(name);
    append(name, value);
}

void HttpHeaders::removeAt(qsizetype index)
{
    m_fields.removeAt(index);
}

qsizetype HttpHeaders::removeAll(QByteArrayView name)
{
    return removeIf([&](QByteArrayView fieldName) { return equalsIgnoreCase(fieldName, name); });
}

void HttpHeaders::clear()
{
    m_bytes.clear();
    m_fields.resize(0);
}

void HttpHeaders::appendTo(QByteArray &out) const
{
    ByteWriter writer(out, serializedSize());
    writeTo(writer);
}

void HttpHeaders::writeTo(ByteWriter &writer) const
{
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        writer.put(nameAt(i));
        writer.put(": ");
        writer.put(valueAt(i));
        writer.put("\r\n");
    }
}

qsizetype HttpHeaders::serializedSize() const
{
    qsizetype size = 0;
    for (const Field &field : m_fields)
        size += field.nameLength + field.valueLength + 4;
    return size;
}

void HttpHeaders::reserveFirst()
{
    // Room for a typical head at once, rather than growing a field at a time
    // (a dozen allocations for a browser's request). clear() keeps it.
    if (m_bytes.capacity() == 0) {
        m_bytes.reserve(kInitialBytes);
        m_fields.reserve(kInitialFields);
    }
}

void HttpHeaders::beginField()
{
    reserveFirst();
    Field field;
    field.nameOffset = qsizetype(m_bytes.size());
    m_fields.append(field);
}

void HttpHeaders::appendToLastName(QByteArrayView piece)
{
    m_bytes.insert(m_bytes.end(), piece.begin(), piece.end());
    m_fields.last().nameLength += piece.size();
}

void HttpHeaders::appendToLastValue(QByteArrayView piece)
{
    Field &field = m_fields.last();
    if (field.valueOffset < 0)
        field.valueOffset = qsizetype(m_bytes.size());
    m_bytes.insert(m_bytes.end(), piece.begin(), piece.end());
    field.valueLength += piece.size();
}

void HttpHeaders::trimLastValue()
{
    Field &field = m_fields.last();
    while (field.valueLength > 0) {
        const char c = m_bytes[size_t(field.valueOffset + field.valueLength - 1)];
        if (c != ' ' && c != '\t')
            break;
        --field.valueLength;
    }
}

}  // namespace gatehouse::proxy
