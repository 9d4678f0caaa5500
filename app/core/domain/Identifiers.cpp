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

QString sanitizeSearchText(const QString &text, QString *problem)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() > kMaxSearchTextLength) {
        *problem = QCoreApplication::translate("ea::ids", "The search text is longer than %1 characters; shorten it.")
                       .arg(kMaxSearchTextLength);
        return {};
    }
    for (QChar c : trimmed) {
        // Control characters and bidi overrides (which can disguise what is
        // searched for); a zero-width joiner inside an emoji stays allowed.
        const bool bidiOverride = (c.unicode() >= 0x202A && c.unicode() <= 0x202E)
                                  || (c.unicode() >= 0x2066 && c.unicode() <= 0x2069);
        if (c.category() == QChar::Other_Control || bidiOverride) {
            *problem = QCoreApplication::translate("ea::ids",
                                                   "The search text contains a control character; remove it.");
            return {};
        }
    }
    problem->clear();
    return trimmed;
}

} // namespace ea::ids
