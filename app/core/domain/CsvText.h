#pragma once

#include <QString>
#include <QStringList>

namespace ea::csv {

// CSV as spreadsheet programs read it (RFC 4180: comma-separated, CRLF line
// ends, a cell quoted when it holds a comma, a quote or a line break, quotes
// doubled), written the one way for every table the app exports.
//
// Names come from the tenant, and a cell that begins with = + - @ (or a tab
// or carriage return, which some programs skip before looking) is run as a
// formula by Excel, LibreOffice and Google Sheets: "=HYPERLINK(...)" in a
// group name would be a link in the admin's spreadsheet. Such a cell is
// written with a leading single quote, which the programs show as text
// (OWASP's advice for CSV injection).

// One cell, neutralised and quoted as needed.
QString cell(const QString &text);
// One line: the cells, comma-separated, ending in CRLF.
QString row(const QStringList &cells);
// Whether a spreadsheet would read `text` as a formula.
bool looksLikeFormula(const QString &text);

} // namespace ea::csv
