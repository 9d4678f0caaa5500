#pragma once

#include <QJsonObject>
#include <QString>

namespace ea::odata {

// Graph responses write "#microsoft.graph.x", request examples in the docs
// "microsoft.graph.x". Reading accepts both; this returns the name without '#'.
QString normalizedType(const QString &odataType);

// The form the app sends: always with '#'.
QString qualifiedType(const QString &shortName);

// "@odata.type" of a JSON object, normalized (empty when absent).
QString typeOf(const QJsonObject &object);

inline const QString kTypeKey = QStringLiteral("@odata.type");

} // namespace ea::odata
