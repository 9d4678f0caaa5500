#include "TextTable.h"

#include <algorithm>

namespace ea::cli {

namespace {

// Code points of a UTF-16 string; a lone surrogate reads as U+FFFD.
template<typename Visit> void forEachCodePoint(QStringView text, Visit visit)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            visit(QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
        } else if (c.isSurrogate()) {
            visit(char32_t(0xFFFD));
        } else {
            visit(char32_t(c.unicode()));
        }
    }
}

bool isWide(char32_t c)
{
    // East Asian Wide/Fullwidth blocks and the emoji blocks terminals draw two cells wide.
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x1F680 && c <= 0x1F6FF) || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x1FA70 && c <= 0x1FAFF)
        || (c >= 0x20000 && c <= 0x3FFFD);
}

bool isZeroWidth(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format: // zero-width joiner, soft hyphen, ...
        return true;
    default: break;
    }
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF); // variation selectors, skin tones
}

bool isUnsafe(char32_t c)
{
    const bool bidiControl
        = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    return QChar::category(c) == QChar::Other_Control || bidiControl;
}

} // namespace

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{ }

void TextTable::addRow(const QStringList &cells)
{
    QStringList row;
    row.reserve(m_headers.size());
    for (qsizetype i = 0; i < m_headers.size(); ++i)
        row.append(terminalSafe(cells.value(i)));
    m_rows.append(row);
}

QString TextTable::toString() const
{
    QList<int> widths;
    for (const QString &header : m_headers)
        widths.append(displayWidth(header));
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row.at(i)));
    }
    QString text;
    const auto appendLine = [&](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            line += cells.at(i);
            if (i + 1 < cells.size())
                line += QString(widths.at(i) - displayWidth(cells.at(i)) + 2, u' ');
        }
        // Trailing blanks from empty last cells help nobody.
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    };
    appendLine(m_headers);
    for (const QStringList &row : m_rows)
        appendLine(row);
    return text;
}

int TextTable::displayWidth(QStringView text)
{
    int width = 0;
    forEachCodePoint(text, [&width](char32_t c) {
        if (!isZeroWidth(c))
            width += isWide(c) ? 2 : 1;
    });
    return width;
}

QString TextTable::terminalSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    forEachCodePoint(text, [&out](char32_t c) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            out += u' ';
        else if (isUnsafe(c))
            out += QChar(0xFFFD);
        else
            out += QStringView(QChar::fromUcs4(c));
    });
    return out;
}

} // namespace ea::cli
