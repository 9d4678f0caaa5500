#pragma once

#include "domain/ApiVersion.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ea {

// The five assignment target types Graph has for enrollment configurations
// (the same in v1.0 and beta), plus Unknown for a null, empty or future target
// read back from a tenant: it is shown as unknown, never a crash.
class AssignmentTarget
{
    Q_DECLARE_TR_FUNCTIONS(AssignmentTarget)
public:
    enum class Kind { Unknown, AllDevices, AllLicensedUsers, IncludeGroup, ExcludeGroup, ConfigMgrCollection };
    // Beta only: an assignment filter narrows the target.
    enum class FilterMode { None, Include, Exclude };

    AssignmentTarget() = default;

    static AssignmentTarget allDevices();
    static AssignmentTarget allLicensedUsers();
    static AssignmentTarget includeGroup(const QString &groupId);
    static AssignmentTarget excludeGroup(const QString &groupId);
    static AssignmentTarget configMgrCollection(const QString &collectionId);

    Kind kind() const { return m_kind; }
    QString groupId() const { return m_groupId; }
    QString collectionId() const { return m_collectionId; }
    bool isGroupTarget() const { return m_kind == Kind::IncludeGroup || m_kind == Kind::ExcludeGroup; }

    FilterMode filterMode() const { return m_filterMode; }
    QString filterId() const { return m_filterId; }
    bool hasFilter() const { return m_filterMode != FilterMode::None && !m_filterId.isEmpty(); }
    void setFilter(const QString &filterId, FilterMode mode);

    // For Unknown targets read from Graph: the @odata.type as received (may be empty).
    QString rawODataType() const { return m_rawType; }

    // Checks the target's own fields (GUID group id, collection id shape, a
    // filter only on beta). Returns an empty string when the target can be sent.
    QString validationProblem(ApiVersion version) const;

    // Graph JSON. Sends the '#' form of @odata.type; filter properties only on beta.
    QJsonObject toJson(ApiVersion version) const;
    // Accepts @odata.type with or without '#'; null/non-object/unknown -> Kind::Unknown.
    static AssignmentTarget fromJson(const QJsonValue &value);

    // "All devices", "Included group", ... as the admin center names them.
    static QString kindDisplayName(Kind kind);
    QString kindDisplayName() const { return kindDisplayName(m_kind); }
    // kindDisplayName(), except that a target type newer than the app reads
    // "Other (scopeTagGroupAssignmentTarget)": it is kept, not an error.
    QString displayName() const;
    // The group or collection id, or empty.
    QString subject() const;
    static QString filterModeName(FilterMode mode); // "none" | "include" | "exclude"
    static bool parseFilterMode(const QString &text, FilterMode *out);

    // Same target for the purpose of the duplicate check: kind, group or
    // collection (case-insensitive ids), and filter.
    bool sameTargetAs(const AssignmentTarget &other) const;

    friend bool operator==(const AssignmentTarget &, const AssignmentTarget &) = default;

private:
    Kind m_kind = Kind::Unknown;
    QString m_groupId;
    QString m_collectionId;
    QString m_filterId;
    FilterMode m_filterMode = FilterMode::None;
    QString m_rawType;
};

// The CLI's TARGET syntax: all-devices | all-users | group:ID | exclude-group:ID
// | collection:ID. Returns false with *problem set when the text is not a target.
bool parseTargetSpec(const QString &text, AssignmentTarget *target, QString *problem);
QString targetSpec(const AssignmentTarget &target);

} // namespace ea
