#include "domain/ODataType.h"

namespace ea::odata {

QString normalizedType(const QString &odataType)
{
    QString t = odataType.trimmed();
    if (t.startsWith(u'#'))
        t.remove(0, 1);
    return t;
}

QString qualifiedType(const QString &shortName)
{
    return QStringLiteral("#microsoft.graph.") + shortName;
}

QString typeOf(const QJsonObject &object)
{
    // The key as Latin-1, as QJsonObject keeps it: a list of 10,000 rows asks this 10,000 times.
    return normalizedType(object.value(QLatin1StringView("@odata.type")).toString());
}

} // namespace ea::odata
