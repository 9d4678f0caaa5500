#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ea {

// A beta-only assignment filter (/deviceManagement/assignmentFilters):
// narrows a target to devices matching a rule.
struct AssignmentFilter
{
    QString id;
    QString displayName;
    QString platform; // windows10AndLater, iOS, ...
    QString rule;
    QString managementType; // devices | apps

    static AssignmentFilter fromJson(const QJsonObject &o)
    {
        AssignmentFilter f;
        f.id = o.value(QStringLiteral("id")).toString();
        f.displayName = o.value(QStringLiteral("displayName")).toString();
        f.platform = o.value(QStringLiteral("platform")).toString();
        f.rule = o.value(QStringLiteral("rule")).toString();
        f.managementType = o.value(QStringLiteral("assignmentFilterManagementType")).toString();
        return f;
    }
};

inline QList<AssignmentFilter> assignmentFiltersFromJson(const QJsonArray &values)
{
    QList<AssignmentFilter> out;
    for (const QJsonValue &v : values) {
        if (v.isObject())
            out.append(AssignmentFilter::fromJson(v.toObject()));
    }
    return out;
}

} // namespace ea
