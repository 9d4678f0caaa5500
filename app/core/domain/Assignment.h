#pragma once

#include "domain/ApiVersion.h"
#include "domain/AssignmentTarget.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ea {

// An enrollmentConfigurationAssignment as Graph returns it.
struct Assignment
{
    QString id;
    AssignmentTarget target;
    QString source;   // beta: "direct" | "policySets"; empty on v1.0
    QString sourceId; // beta: the policy set id when source is policySets

    // The request body of POST .../assignments (and one entry of /assign).
    // The id is left out for a new assignment and kept for an existing one.
    static QJsonObject requestBody(const AssignmentTarget &target, ApiVersion version);
    QJsonObject toJson(ApiVersion version) const;
    static Assignment fromJson(const QJsonObject &object);
};

QList<Assignment> assignmentsFromJson(const QJsonArray &values);

} // namespace ea
