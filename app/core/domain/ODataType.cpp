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
    return normalizedType(object.value(kTypeKey).toString());
}

} // namespace ea::odata
