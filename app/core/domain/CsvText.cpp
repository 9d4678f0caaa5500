#include "domain/CsvText.h"

namespace ea::csv {

bool looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r': return true;
    default: return false;
    }
}

QString cell(const QString &text)
{
    QString out = looksLikeFormula(text) ? u'\'' + text : text;
    const bool quote = out.contains(u',') || out.contains(u'"') || out.contains(u'\n') || out.contains(u'\r');
    if (!quote)
        return out;
    out.replace(u'"', QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

QString row(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        line += cell(cells.at(i));
    }
    return line + QStringLiteral("\r\n");
}

} // namespace ea::csv
