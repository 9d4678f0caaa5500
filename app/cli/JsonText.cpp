#include "cli/JsonText.h"

#include <QString>
#include <QStringView>

#include <cstring>

namespace ea::cli {

namespace {

int hexValue(const QByteArray &text, qsizetype from)
{
    bool ok = false;
    const int value = text.mid(from, 4).toInt(&ok, 16);
    return ok && from + 4 <= text.size() ? value : -1;
}

// Whether the text holds an escape starting "\ud" or "\uD", as every escaped
// surrogate does. memchr finds each backslash (vectorised, and Graph's JSON
// has few); searching for the three-byte needles instead looked at every byte
// twice, 130 M instructions for the 4 MB of 10,000 configurations (issue 15).
bool hasEscapedSurrogate(const QByteArray &json)
{
    const char *p = json.constData();
    const char *const end = p + json.size();
    while ((p = static_cast<const char *>(std::memchr(p, '\\', size_t(end - p))))) {
        if (end - p >= 3 && p[1] == 'u' && (p[2] == 'd' || p[2] == 'D'))
            return true;
        if (end - p <= 2)
            break;
        p += 2; // past the escaped character: "\\ud" is a backslash, then text
    }
    return false;
}

} // namespace

// Qt 6.4 writes a character outside the BMP (an emoji in a group name) as an
// escaped surrogate pair, "\ud83d\ude80"; valid JSON, but not what an admin
// grepping the output expects. Those pairs become UTF-8; every other escape
// stays as Qt wrote it.
QByteArray withUtf8SurrogatePairs(const QByteArray &json)
{
    // Most output has no escaped surrogate at all: it goes out as it is. A
    // list of 10,000 configurations is 4 MB of JSON, and copying it byte by
    // byte cost a fifth of `configs --json` (issue 15).
    if (!hasEscapedSurrogate(json))
        return json;
    QByteArray out;
    out.reserve(json.size());
    qsizetype from = 0; // copied up to here
    for (qsizetype i = json.indexOf('\\'); i >= 0 && i + 1 < json.size(); i = json.indexOf('\\', from)) {
        out.append(json.constData() + from, i - from);
        if (json.at(i + 1) == 'u' && i + 12 <= json.size() && json.at(i + 6) == '\\' && json.at(i + 7) == 'u') {
            const int high = hexValue(json, i + 2);
            const int low = hexValue(json, i + 8);
            if (high >= 0xD800 && high <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
                const QChar pair[2] = {QChar(char16_t(high)), QChar(char16_t(low))};
                out += QStringView(pair, 2).toUtf8();
                from = i + 12;
                continue;
            }
        }
        // Any other escape: copy it whole, so an escaped backslash is never
        // mistaken for the start of another escape.
        out.append(json.constData() + i, 2);
        from = i + 2;
    }
    out.append(json.constData() + from, json.size() - from);
    return out;
}

} // namespace ea::cli
