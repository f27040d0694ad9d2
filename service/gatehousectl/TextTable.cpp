#include "TextTable.h"

namespace gatehouse::ctl {

QString TextTable::render() const
{
    QList<QStringList> lines;
    if (!m_header.isEmpty())
        lines.append(m_header);
    lines.append(m_rows);

    QList<qsizetype> widths;
    for (const QStringList &line : std::as_const(lines)) {
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], line[i].size());
        }
    }
    QString text;
    for (const QStringList &line : std::as_const(lines)) {
        QString row;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (i + 1 == line.size())
                row += line[i];
            else
                row += line[i].leftJustified(widths[i]) + QStringLiteral("  ");
        }
        // Trailing spaces when the last cells are empty help nobody.
        while (row.endsWith(u' '))
            row.chop(1);
        text += row + u'\n';
    }
    return text;
}

}  // namespace gatehouse::ctl
