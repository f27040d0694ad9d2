#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::ctl {

// Left-aligned columns for gatehousectl's human-readable output: every column as
// wide as its widest cell, two spaces apart, the last one not padded.
class TextTable
{
public:
    explicit TextTable(QStringList header = {}) : m_header(std::move(header)) { }

    void addRow(const QStringList &cells) { m_rows.append(cells); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Lines ending in '\n'; the header (when there is one) first.
    QString render() const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

}  // namespace gatehouse::ctl
