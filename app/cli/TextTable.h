#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ea::cli {

// A plain-text table for a terminal: upper-case headers, columns separated by
// two spaces and padded by display width (an emoji or a CJK character takes
// two cells, a combining accent none), so names with accents and emoji still
// line up. The last column is never padded.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    // Cells are made safe for a terminal (see terminalSafe); missing cells are empty.
    void addRow(const QStringList &cells);
    int rowCount() const { return int(m_rows.size()); }
    QString toString() const;

    // Columns a terminal uses for text (an approximation of wcswidth).
    static int displayWidth(QStringView text);
    // Text from a tenant may carry escape sequences, line breaks or bidi
    // overrides that would rewrite what the admin sees; they become U+FFFD
    // (line breaks and tabs become a space).
    static QString terminalSafe(const QString &text);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace ea::cli
