#include "domain/GraphDateTime.h"

#include <QTimeZone>

namespace ea {

namespace {

// The value of `count` ASCII digits at `text[from]`; -1 if one is not a digit.
int digits(QStringView text, qsizetype from, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[from + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

QDateTime utc(QDate date, QTime time)
{
    // Qt 6.9 deprecates the TimeSpec constructor; QTimeZone::UTC exists from 6.5.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::UTC);
#else
    return QDateTime(date, time, Qt::UTC);
#endif
}

} // namespace

QDateTime parseGraphDateTime(QStringView text)
{
    const auto qt = [text] {
        return QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    };
    // yyyy-MM-ddTHH:mm:ss, then .f{1,9} or nothing, then Z.
    constexpr qsizetype kSeconds = 19;
    if (text.size() < kSeconds + 1 || text.size() > kSeconds + 11 || text.back() != u'Z' || text[4] != u'-'
        || text[7] != u'-' || text[10] != u'T' || text[13] != u':' || text[16] != u':')
        return qt();
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return qt();
    int msec = 0;
    const qsizetype fraction = text.size() - 1 - (kSeconds + 1); // digits after the '.'
    if (text.size() > kSeconds + 1) {
        if (text[kSeconds] != u'.' || fraction < 1)
            return qt();
        for (qsizetype i = 0; i < 3; ++i) {
            const int d = i < fraction ? digits(text, kSeconds + 1 + i, 1) : 0;
            if (d < 0)
                return qt();
            msec = msec * 10 + d;
        }
        for (qsizetype i = 3; i < fraction; ++i) {
            if (digits(text, kSeconds + 1 + i, 1) < 0)
                return qt();
        }
        // Qt rounds the fraction to the nearest millisecond, half up.
        if (fraction > 3 && digits(text, kSeconds + 4, 1) >= 5 && ++msec == 1000)
            return qt(); // carries into the next second: rare, leave it to Qt
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return qt();
    return utc(date, time);
}

} // namespace ea
