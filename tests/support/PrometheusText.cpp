#include "PrometheusText.h"

#include <QSet>

#include <limits>

namespace gatehouse::test {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u':';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

bool isLabelNameStart(QChar c)
{
    return isNameStart(c) && c != u':';
}

bool isLabelNameChar(QChar c)
{
    return isNameChar(c) && c != u':';
}

// A metric name (or with `label`, a label name) starting at i; i moves past it. Empty when none starts there.
QString readName(const QString &line, qsizetype &i, bool label)
{
    const qsizetype start = i;
    if (i >= line.size() || !(label ? isLabelNameStart(line[i]) : isNameStart(line[i])))
        return {};
    ++i;
    while (i < line.size() && (label ? isLabelNameChar(line[i]) : isNameChar(line[i])))
        ++i;
    return line.mid(start, i - start);
}

}  // namespace

PrometheusText PrometheusText::parse(const QByteArray &text)
{
    PrometheusText result;
    if (!text.isEmpty() && !text.endsWith('\n')) {
        result.error = QStringLiteral("the text does not end with a line feed");
        return result;
    }
    const QList<QByteArray> lines = text.split('\n');
    QSet<QString> closedFamilies;  // families whose samples ended
    QString currentFamily;
    QSet<QString> series;
    const auto fail = [&result](qsizetype number, const QString &message) {
        result.error = QStringLiteral("line %1: %2").arg(number + 1).arg(message);
    };
    for (qsizetype n = 0; n + 1 < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines[n]);
        if (line.isEmpty()) {
            fail(n, QStringLiteral("empty line"));
            return result;
        }
        if (line.startsWith(u'#')) {
            const QStringList parts = line.split(u' ');
            if (parts.size() < 3 || (parts[1] != u"HELP" && parts[1] != u"TYPE")) {
                fail(n, QStringLiteral("a comment that is not '# HELP name text' or '# TYPE name type': %1").arg(line));
                return result;
            }
            const QString family = parts[2];
            qsizetype i = 0;
            if (readName(family, i, false) != family) {
                fail(n, QStringLiteral("bad metric name '%1'").arg(family));
                return result;
            }
            if (closedFamilies.contains(family) || currentFamily == family) {
                fail(n, QStringLiteral("%1 for '%2' after its samples").arg(parts[1], family));
                return result;
            }
            if (parts[1] == u"TYPE") {
                static const QSet<QString> kTypes
                    = { QStringLiteral("counter"), QStringLiteral("gauge"), QStringLiteral("histogram"),
                        QStringLiteral("summary"), QStringLiteral("untyped") };
                if (parts.size() != 4 || !kTypes.contains(parts[3])) {
                    fail(n, QStringLiteral("bad TYPE line: %1").arg(line));
                    return result;
                }
                if (result.types.contains(family)) {
                    fail(n, QStringLiteral("second TYPE for '%1'").arg(family));
                    return result;
                }
                result.types.insert(family, parts[3]);
            } else {
                if (result.help.contains(family)) {
                    fail(n, QStringLiteral("second HELP for '%1'").arg(family));
                    return result;
                }
                result.help.insert(family, parts.mid(3).join(u' '));
            }
            continue;
        }

        Sample sample;
        qsizetype i = 0;
        sample.name = readName(line, i, false);
        if (sample.name.isEmpty()) {
            fail(n, QStringLiteral("a sample line must start with a metric name: %1").arg(line));
            return result;
        }
        if (!result.types.contains(sample.name) || !result.help.contains(sample.name)) {
            fail(n, QStringLiteral("sample of '%1' without HELP and TYPE before it").arg(sample.name));
            return result;
        }
        if (sample.name != currentFamily) {
            if (closedFamilies.contains(sample.name)) {
                fail(n, QStringLiteral("samples of '%1' are not together").arg(sample.name));
                return result;
            }
            if (!currentFamily.isEmpty())
                closedFamilies.insert(currentFamily);
            currentFamily = sample.name;
        }
        if (i < line.size() && line[i] == u'{') {
            ++i;
            while (i < line.size() && line[i] != u'}') {
                const QString labelName = readName(line, i, true);
                if (labelName.isEmpty() || i + 1 >= line.size() || line[i] != u'=' || line[i + 1] != u'"') {
                    fail(n, QStringLiteral("expected label=\"value\" at column %1: %2").arg(i + 1).arg(line));
                    return result;
                }
                i += 2;
                QString value;
                bool closed = false;
                while (i < line.size()) {
                    const QChar c = line[i++];
                    if (c == u'"') {
                        closed = true;
                        break;
                    }
                    if (c == u'\\') {
                        if (i >= line.size()) {
                            break;
                        }
                        const QChar e = line[i++];
                        if (e == u'\\' || e == u'"')
                            value += e;
                        else if (e == u'n')
                            value += u'\n';
                        else {
                            fail(n, QStringLiteral("unknown escape \\%1 in a label value").arg(e));
                            return result;
                        }
                    } else {
                        value += c;
                    }
                }
                if (!closed) {
                    fail(n, QStringLiteral("unterminated label value: %1").arg(line));
                    return result;
                }
                if (sample.labels.contains(labelName)) {
                    fail(n, QStringLiteral("label '%1' twice").arg(labelName));
                    return result;
                }
                sample.labels.insert(labelName, value);
                if (i < line.size() && line[i] == u',')
                    ++i;
                else if (i < line.size() && line[i] != u'}') {
                    fail(n, QStringLiteral("expected ',' or '}' at column %1: %2").arg(i + 1).arg(line));
                    return result;
                }
            }
            if (i >= line.size()) {
                fail(n, QStringLiteral("unterminated label set: %1").arg(line));
                return result;
            }
            ++i;  // '}'
        }
        if (i >= line.size() || line[i] != u' ') {
            fail(n, QStringLiteral("expected one space before the value: %1").arg(line));
            return result;
        }
        const QStringList rest = line.mid(i + 1).split(u' ');
        if (rest.isEmpty() || rest.size() > 2) {
            fail(n, QStringLiteral("expected 'value' or 'value timestamp': %1").arg(line));
            return result;
        }
        bool ok = false;
        sample.value = rest[0].toDouble(&ok);
        if (!ok && rest[0] != u"NaN" && rest[0] != u"+Inf" && rest[0] != u"-Inf") {
            fail(n, QStringLiteral("'%1' is not a number").arg(rest[0]));
            return result;
        }
        QStringList key { sample.name };
        for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it)
            key << it.key() + u'=' + it.value();
        const QString seriesKey = key.join(QChar(0));
        if (series.contains(seriesKey)) {
            fail(n, QStringLiteral("duplicate series: %1").arg(line));
            return result;
        }
        series.insert(seriesKey);
        result.samples.append(sample);
    }
    return result;
}

QList<PrometheusText::Sample> PrometheusText::find(const QString &name, const QMap<QString, QString> &labels) const
{
    QList<Sample> found;
    for (const Sample &sample : samples) {
        if (sample.name != name)
            continue;
        bool all = true;
        for (auto it = labels.cbegin(); it != labels.cend() && all; ++it)
            all = sample.labels.value(it.key(), QStringLiteral("\x01")) == it.value();
        if (all)
            found.append(sample);
    }
    return found;
}

std::optional<double> PrometheusText::value(const QString &name, const QMap<QString, QString> &labels) const
{
    const QList<Sample> found = find(name, labels);
    if (found.size() != 1)
        return std::nullopt;
    return found.first().value;
}

}  // namespace gatehouse::test

namespace gatehouse::test {

double PrometheusText::number(const QString &name, const QMap<QString, QString> &labels) const
{
    return value(name, labels).value_or(std::numeric_limits<double>::quiet_NaN());
}

}  // namespace gatehouse::test
