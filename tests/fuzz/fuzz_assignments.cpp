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
    // A full-list entry is the object as read, with only read-only
    // annotations dropped: every other property survives, known or not.
    const QJsonObject entry = a.fullListEntry(ApiVersion::Beta);
    for (auto it = a.raw.begin(); it != a.raw.end(); ++it) {
        if (!it.key().contains(u'@') || it.key() == QLatin1String("@odata.type"))
            EA_FUZZ_CHECK(entry.contains(it.key()));
    }
    for (auto it = entry.begin(); it != entry.end(); ++it)
        EA_FUZZ_CHECK(a.raw.contains(it.key()));
    (void)a.describe();
    // An entry the app builds itself (no raw object) reads back as the same
    // target, and v1.0 never gets the beta-only filter properties.
    Assignment built = a;
    built.raw = {};
    for (ApiVersion version : {ApiVersion::V1, ApiVersion::Beta}) {
        const QString problem = t.validationProblem(version);
        const QJsonObject json = built.fullListEntry(version);
        if (problem.isEmpty()) {
            const AssignmentTarget again = AssignmentTarget::fromJson(json.value(QStringLiteral("target")));
            EA_FUZZ_CHECK(again.sameTargetAs(t));
        }
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
