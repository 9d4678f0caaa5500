#include "domain/Assignment.h"

#include "domain/ODataType.h"

#include <QJsonArray>

namespace ea {

namespace {
const QString kAssignmentType = QStringLiteral("microsoft.graph.enrollmentConfigurationAssignment");
}

QJsonObject Assignment::requestBody(const AssignmentTarget &target, ApiVersion version)
{
    QJsonObject o;
    o.insert(odata::kTypeKey, odata::qualifiedType(QStringLiteral("enrollmentConfigurationAssignment")));
    o.insert(QStringLiteral("target"), target.toJson(version));
    return o;
}

QJsonObject Assignment::toJson(ApiVersion version) const
{
    QJsonObject o = requestBody(target, version);
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

Assignment Assignment::fromJson(const QJsonObject &object)
{
    Assignment a;
    a.id = object.value(QStringLiteral("id")).toString();
    a.target = AssignmentTarget::fromJson(object.value(QStringLiteral("target")));
    a.source = object.value(QStringLiteral("source")).toString();
    a.sourceId = object.value(QStringLiteral("sourceId")).toString();
    return a;
}

QList<Assignment> assignmentsFromJson(const QJsonArray &values)
{
    QList<Assignment> out;
    out.reserve(values.size());
    for (const QJsonValue &v : values) {
        // A non-object entry cannot be an assignment; skipping it keeps the
        // rest of a partly odd response usable.
        if (v.isObject())
            out.append(Assignment::fromJson(v.toObject()));
    }
    return out;
}

} // namespace ea
