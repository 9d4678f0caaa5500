// The assignment decoder (list, single POST answer) and what the service does
// with decoded targets: the duplicate check, the CLI syntax, and sending a
// target back to Graph in a full-list write.
#include "FuzzSupport.h"
#include "domain/Assignment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace ea;

namespace {

void exercise(const Assignment &a)
{
    const AssignmentTarget &t = a.target;
    EA_FUZZ_CHECK(!t.kindDisplayName().isEmpty());
    // An unreadable target is never taken for a duplicate (not even of itself).
    if (t.kind() == AssignmentTarget::Kind::Unknown)
        EA_FUZZ_CHECK(!t.sameTargetAs(t));
    else
        EA_FUZZ_CHECK(t.sameTargetAs(t));
    for (ApiVersion version : {ApiVersion::V1, ApiVersion::Beta}) {
        const QString problem = t.validationProblem(version);
        const QJsonObject json = a.toJson(version);
        // What is sent back in a full list reads back as the same target.
        if (problem.isEmpty()) {
            const AssignmentTarget again = AssignmentTarget::fromJson(json.value(QStringLiteral("target")));
            EA_FUZZ_CHECK(again.sameTargetAs(t));
        }
        // v1.0 never gets the beta-only filter properties.
        if (version == ApiVersion::V1)
            EA_FUZZ_CHECK(!json.value(QStringLiteral("target"))
                               .toObject()
                               .contains(QStringLiteral("deviceAndAppManagementAssignmentFilterId")));
    }
    // The CLI syntax of a valid target without a filter parses back to it.
    if (t.validationProblem(ApiVersion::V1).isEmpty() && !t.hasFilter()) {
        AssignmentTarget parsed;
        QString problem;
        EA_FUZZ_CHECK(parseTargetSpec(targetSpec(t), &parsed, &problem));
        EA_FUZZ_CHECK(parsed.sameTargetAs(t));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size), &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const QJsonObject root = doc.object();
    const QJsonArray values = doc.isArray() ? doc.array() : root.value(QStringLiteral("value")).toArray();
    for (const Assignment &a : assignmentsFromJson(values))
        exercise(a);
    exercise(Assignment::fromJson(root));
    return 0;
}
