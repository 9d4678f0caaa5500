#include "cli/JsonText.h"

#include <QString>
#include <QStringView>

namespace ea::cli {

namespace {

int hexValue(const QByteArray &text, qsizetype from)
{
    bool ok = false;
    const int value = text.mid(from, 4).toInt(&ok, 16);
    return ok && from + 4 <= text.size() ? value : -1;
}

} // namespace

// Qt 6.4 writes a character outside the BMP (an emoji in a group name) as an
// escaped surrogate pair, "\ud83d\ude80"; valid JSON, but not what an admin
// grepping the output expects. Those pairs become UTF-8; every other escape
// stays as Qt wrote it.
QByteArray withUtf8SurrogatePairs(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c != '\\' || i + 1 >= json.size()) {
            out += c;
            continue;
        }
        if (json.at(i + 1) == 'u' && i + 12 <= json.size() && json.at(i + 6) == '\\' && json.at(i + 7) == 'u') {
            const int high = hexValue(json, i + 2);
            const int low = hexValue(json, i + 8);
            if (high >= 0xD800 && high <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
                const QChar pair[2] = {QChar(char16_t(high)), QChar(char16_t(low))};
                out += QStringView(pair, 2).toUtf8();
                i += 11;
                continue;
            }
        }
        // Any other escape: copy it whole, so an escaped backslash is never
        // mistaken for the start of another escape.
        out += c;
        out += json.at(i + 1);
        ++i;
    }
    return out;
}

} // namespace ea::cli
