#include "HttpRequestHead.h"

#include "proxy/ByteWriter.h"

namespace gatehouse::proxy {

namespace {

// Where the path starts: 0 for origin-form, after the authority for absolute-form,
// -1 when the target has no path ("*", authority-form).
qsizetype pathStart(QByteArrayView target)
{
    if (target.startsWith('/'))
        return 0;
    const qsizetype scheme = target.indexOf("://");
    if (scheme <= 0)
        return -1;
    const qsizetype slash = target.indexOf('/', scheme + 3);
    if (slash >= 0)
        return slash;
    // "http://host?x": an empty path; the query still counts.
    const qsizetype question = target.indexOf('?', scheme + 3);
    return question >= 0 ? question : target.size();
}

}  // namespace

bool HttpRequestHead::isAbsoluteForm() const
{
    return !target.startsWith('/') && target.indexOf("://") > 0;
}

QByteArrayView HttpRequestHead::path() const
{
    const qsizetype start = pathStart(target);
    if (start < 0)
        return {};
    QByteArrayView rest = QByteArrayView(target).sliced(start);
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == '?' || rest[i] == '#')
            return rest.first(i);
    }
    return rest;
}

QByteArrayView HttpRequestHead::query() const
{
    const qsizetype start = pathStart(target);
    if (start < 0)
        return {};
    QByteArrayView rest = QByteArrayView(target).sliced(start);
    const qsizetype question = rest.indexOf('?');
    if (question < 0)
        return {};
    rest = rest.sliced(question + 1);
    const qsizetype hash = rest.indexOf('#');
    return hash < 0 ? rest : rest.first(hash);
}

void HttpRequestHead::serialize(QByteArray &out) const
{
    constexpr QByteArrayView version = " HTTP/1.1\r\n";
    ByteWriter writer(out, method.size() + 1 + target.size() + version.size() + headers.serializedSize() + 2);
    writer.put(method);
    writer.put(' ');
    writer.put(target);
    writer.put(version);
    headers.writeTo(writer);
    writer.put("\r\n");
}

QByteArray HttpRequestHead::serialized() const
{
    QByteArray out;
    serialize(out);
    return out;
}

}  // namespace gatehouse::proxy
