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
    QString source; // beta: "direct" | "policySets"; empty on v1.0
    QString sourceId; // beta: the policy set id when source is policySets
    // The object exactly as it was read: every property, known to the app or
    // not (filters, policy-set sources, target types newer than the app). A
    // full-list write sends a kept entry back from this, never from the
    // parsed fields above, so it cannot lose what the app does not model.
    // Empty for an assignment the app made up itself.
    QJsonObject raw;

    // The request body of POST .../assignments for a new target.
    static QJsonObject requestBody(const AssignmentTarget &target, ApiVersion version);
    // This assignment as one entry of a full-list write (`assign`): the object
    // as read, less only the annotations Graph refuses on a write; an entry
    // without `raw` is built from its target (with its id when it has one).
    QJsonObject fullListEntry(ApiVersion version) const;
    static Assignment fromJson(const QJsonObject &object);

    // "group:… (filter include …), from policy set …" or "Other (type)": one
    // line for plans, messages and the journal.
    QString describe() const;
};

QList<Assignment> assignmentsFromJson(const QJsonArray &values);

// Read-only annotations ("@odata.etag", "x@odata.navigationLink", …) are
// dropped from an object about to be written back; "@odata.type" stays.
QJsonObject withoutReadOnlyAnnotations(const QJsonObject &object);

} // namespace ea
