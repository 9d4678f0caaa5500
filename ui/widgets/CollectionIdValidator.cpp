#include "widgets/CollectionIdValidator.h"

#include "domain/Identifiers.h"

namespace ea::ui {

namespace {

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F') || (c >= u'a' && c <= u'f');
}

bool isAsciiLetterOrDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

} // namespace

CollectionIdValidator::CollectionIdValidator(QObject *parent)
    : QValidator(parent)
{ }

QValidator::State CollectionIdValidator::validate(QString &input, int &pos) const
{
    fixup(input);
    pos = std::min(pos, int(input.size()));
    return ids::isCollectionId(input) ? Acceptable : Intermediate;
}

void CollectionIdValidator::fixup(QString &input) const
{
    input.remove(u' ');
    input = input.toUpper();
}

QString CollectionIdValidator::hint(const QString &text)
{
    if (ids::isCollectionId(text))
        return {};
    const QString shape = tr("A collection id is a 3-character site code followed by 5 hexadecimal digits, "
                             "for example SMS00001.");
    if (text.isEmpty())
        return shape;
    for (qsizetype i = 0; i < text.size() && i < 8; ++i) {
        const QChar c = text.at(i);
        if (i < 3 && !isAsciiLetterOrDigit(c))
            return tr("Character %1 ('%2') cannot be part of a site code: use letters and digits. %3")
                .arg(i + 1)
                .arg(c)
                .arg(shape);
        if (i >= 3 && !isHexDigit(c))
            return tr("Character %1 ('%2') is not a hexadecimal digit (0-9, A-F). %3").arg(i + 1).arg(c).arg(shape);
    }
    if (text.size() > 8)
        return tr("%1 characters is too long: a collection id has 8. %2").arg(text.size()).arg(shape);
    return tr("%1 of 8 characters. %2").arg(text.size()).arg(shape);
}

} // namespace ea::ui
