#include "domain/Assignment.h"

#include "domain/ODataType.h"

#include <QJsonArray>

namespace ea {

namespace {
const QString kTargetKey = QStringLiteral("target");
}

QJsonObject withoutReadOnlyAnnotations(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().contains(u'@') && it.key() != odata::kTypeKey)
            continue;
        out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject Assignment::requestBody(const AssignmentTarget &target, ApiVersion version)
{
    QJsonObject o;
    o.insert(odata::kTypeKey, odata::qualifiedType(QStringLiteral("enrollmentConfigurationAssignment")));
    o.insert(kTargetKey, target.toJson(version));
    return o;
}

QJsonObject Assignment::fullListEntry(ApiVersion version) const
{
    if (!raw.isEmpty()) {
        QJsonObject o = withoutReadOnlyAnnotations(raw);
        if (raw.value(kTargetKey).isObject())
            o.insert(kTargetKey, withoutReadOnlyAnnotations(raw.value(kTargetKey).toObject()));
        return o;
    }
    QJsonObject o = requestBody(target, version);
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

Assignment Assignment::fromJson(const QJsonObject &object)
{
    Assignment a;
    a.id = object.value(QStringLiteral("id")).toString();
    a.target = AssignmentTarget::fromJson(object.value(kTargetKey));
    a.source = object.value(QStringLiteral("source")).toString();
    a.sourceId = object.value(QStringLiteral("sourceId")).toString();
    a.raw = object;
    return a;
}

QString Assignment::describe() const
{
    QString text = target.kind() == AssignmentTarget::Kind::Unknown ? target.displayName() : targetSpec(target);
    if (target.hasFilter())
        text += u' '
            + AssignmentTarget::tr("(filter %1 %2)")
                  .arg(AssignmentTarget::filterModeName(target.filterMode()), target.filterId());
    if (source.compare(QLatin1String("policySets"), Qt::CaseInsensitive) == 0)
        text += u' ' + AssignmentTarget::tr("from policy set %1").arg(sourceId);
    return text;
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
