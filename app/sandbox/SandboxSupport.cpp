#include "sandbox/SandboxSupport.h"

#include <QDateTime>
#include <QUuid>

namespace ea::sandbox {

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

bool isGuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

QString caseFolded(const QString &text)
{
    // Most names are ASCII; folding those by hand avoids the Unicode tables.
    QString out(text.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            return text.toCaseFolded();
        *dst++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
    }
    return out;
}

QByteArray originFromHost(QByteArrayView host)
{
    if (host.isEmpty() || host.size() > 255)
        return {};
    for (const char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '-' || c == ':' || c == '[' || c == ']';
        if (!ok)
            return {};
    }
    return "http://" + host.toByteArray();
}

} // namespace ea::sandbox
