// The configuration-list decoder as GraphClient feeds it: a response body
// parsed by QJsonDocument, its "value" array (or the object itself for a
// single GET) decoded into EnrollmentConfiguration, and everything the UI and
// the service then ask of a configuration.
#include "FuzzSupport.h"
#include "domain/EnrollmentConfiguration.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace ea;

namespace {

void exercise(const EnrollmentConfiguration &c)
{
    (void)c.kind();
    EA_FUZZ_CHECK(!c.typeDisplayName().isEmpty());
    const bool isDefault = c.isDefault();
    (void)c.requiresAssignAction();
    // A default policy always carries the guidance that explains the refusal.
    EA_FUZZ_CHECK(!isDefault || !c.assignmentGuidance().isEmpty());
    EA_FUZZ_CHECK(c.assignmentsExpanded || c.assignments.isEmpty());
    for (const Assignment &a : c.assignments) {
        (void)targetSpec(a.target);
        (void)a.fullListEntry(ApiVersion::Beta);
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
    const QList<EnrollmentConfiguration> list = configurationsFromJson(values);
    qsizetype objects = 0;
    for (const QJsonValue &v : values)
        objects += v.isObject() ? 1 : 0;
    EA_FUZZ_CHECK(list.size() == objects); // non-objects skipped, nothing else dropped
    for (const EnrollmentConfiguration &c : list)
        exercise(c);
    exercise(EnrollmentConfiguration::fromJson(root));
    return 0;
}
