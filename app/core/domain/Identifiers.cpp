#include "domain/Identifiers.h"

#include <QCoreApplication>

namespace ea::ids {

namespace {

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isAsciiAlnum(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

} // namespace

bool isGuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool dash = (i == 8 || i == 13 || i == 18 || i == 23);
        if (dash ? text[i] != u'-' : !isHex(text[i]))
            return false;
    }
    return true;
}

bool isConfigurationId(QStringView text)
{
    if (isGuid(text))
        return true;
    if (text.size() < 38 || text[36] != u'_' || !isGuid(text.first(36)))
        return false;
    const QStringView suffix = text.sliced(37);
    if (suffix.size() > 100)
        return false;
    for (QChar c : suffix) {
        if (!isAsciiAlnum(c))
            return false;
    }
    return true;
}

bool isCollectionId(QStringView text)
{
    if (text.size() != 8)
        return false;
    for (qsizetype i = 0; i < 3; ++i) {
        if (!isAsciiAlnum(text[i]))
            return false;
    }
    for (qsizetype i = 3; i < 8; ++i) {
        if (!isHex(text[i]))
            return false;
    }
    return true;
}

bool isAssignmentId(QStringView text)
{
    if (text.isEmpty() || text.size() > 200)
        return false;
    for (QChar c : text) {
        if (!isAsciiAlnum(c) && c != u'-' && c != u'_')
            return false;
    }
    return true;
}

QString odataStringLiteral(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'\'';
    for (QChar c : text) {
        if (c == u'\'')
            out += u'\'';
        out += c;
    }
    out += u'\'';
    return out;
}

bool isUnsafeForDisplay(QChar c)
{
    const char16_t u = c.unicode();
    // Bidi embeddings, overrides and isolates can disguise what is shown; a
    // zero-width joiner inside an emoji stays allowed.
    const bool bidiControl = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
    const QChar::Category category = c.category();
    return category == QChar::Other_Control || category == QChar::Separator_Line
        || category == QChar::Separator_Paragraph || bidiControl;
}

QString sanitizeSearchText(const QString &text, QString *problem)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() > kMaxSearchTextLength) {
        *problem = QCoreApplication::translate("ea::ids", "The search text is longer than %1 characters; shorten it.")
                       .arg(kMaxSearchTextLength);
        return {};
    }
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        // A lone surrogate is not text: it would be sent as U+FFFD.
        const bool loneSurrogate
            = (c.isHighSurrogate() && !(i + 1 < trimmed.size() && trimmed.at(i + 1).isLowSurrogate()))
            || (c.isLowSurrogate() && !(i > 0 && trimmed.at(i - 1).isHighSurrogate()));
        if (isUnsafeForDisplay(c) || loneSurrogate) {
            *problem
                = QCoreApplication::translate("ea::ids", "The search text contains a control character; remove it.");
            return {};
        }
    }
    problem->clear();
    return trimmed;
}

QString printable(QStringView text, qsizetype maxLength)
{
    const bool cut = text.size() > maxLength;
    QString out = (cut ? text.first(maxLength) : text).toString();
    for (QChar &c : out) {
        if (isUnsafeForDisplay(c))
            c = QChar::ReplacementCharacter;
    }
    // Do not leave half a surrogate pair at the cut.
    if (cut && !out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    if (cut)
        out += u'…';
    return out;
}

} // namespace ea::ids
