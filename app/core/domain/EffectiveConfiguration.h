#pragma once

#include "domain/AssignmentTarget.h"
#include "domain/EnrollmentConfiguration.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ea {

// A group the principal belongs to.
struct PrincipalGroup
{
    QString id;
    QString displayName;
    // The groups between the principal and this one, nearest first (names,
    // or ids where a name is unknown); empty for a direct membership. Graph's
    // transitiveMemberOf lists groups without the path that made each one a
    // membership: `via` means something only when pathKnown is set.
    QStringList via;
    bool pathKnown = false;

    // The name, or the id while the name is unknown.
    QString label() const { return displayName.isEmpty() ? id : displayName; }
};

// Whose enrollment configurations are asked for: a user with the groups it
// is a member of (transitively), or a group with itself and the groups it
// is nested in, whose members get what the group gets.
struct Principal
{
    enum class Kind { User, Group };
    Kind kind = Kind::User;
    QString id; // object id or user principal name, as given
    QList<PrincipalGroup> groups;

    const PrincipalGroup *findGroup(const QString &groupId) const;
};

// One configuration that reaches the principal (or would, but for an
// exclusion), with the assignment that decides it.
struct EffectiveMatch
{
    Q_DECLARE_TR_FUNCTIONS(EffectiveMatch)
public:
    enum class Reason { AllUsers, AllDevices, Group, Collection, Default };

    QString configurationId;
    QString displayName;
    int priority = 0;
    Reason reason = Reason::Default;
    QString assignmentId;
    PrincipalGroup group; // Reason::Group, and the excluding group of an exclusion
    QString collectionId; // Reason::Collection
    // An assignment filter narrows the target: evaluated on the device at
    // enrollment, never guessed here.
    QString filterId;
    QString filterName; // when the filters were read (beta); empty: the id is shown
    AssignmentTarget::FilterMode filterMode = AssignmentTarget::FilterMode::None;

    bool dependsOnFilter() const { return !filterId.isEmpty() && filterMode != AssignmentTarget::FilterMode::None; }
    // Whether it applies is decided outside Graph's data (a filter, a
    // Configuration Manager collection).
    bool isConditional() const { return dependsOnFilter() || reason == Reason::Collection; }
    // "all users", "group “Sales” (through “Interns”)", "the default", ...
    QString describe() const;
    // "all-users" | "all-devices" | "group" | "collection" | "default", for scripts.
    QString reasonKey() const;
};

// The answer for one configuration type (one priority order).
struct EffectiveTypeResult
{
    EnrollmentConfiguration::Kind kind = EnrollmentConfiguration::Kind::Unknown;
    QString typeName; // translated, with the platform for single-platform restrictions
    QString typeKey; // English, the same in every language: sorting and --json
    QString platform; // single-platform restrictions only
    std::optional<EffectiveMatch> winner;
    // Same rank as the winner (equal priorities): which one Intune applies is
    // not documented. The winner is the one with the lowest id.
    QList<EffectiveMatch> tiedWithWinner;
    QList<EffectiveMatch> lowerRanked; // also target the principal, best first
    QList<EffectiveMatch> excluded; // would target it, but an exclusion holds it back
    std::optional<EffectiveMatch> defaultConfiguration; // the type's default, when the tenant lists one
    bool defaultApplies = false; // nothing else does
    QStringList notes;
};

// Which enrollment configuration of each type a principal gets, and why:
// pure, from configurations read with their assignments and the principal's
// groups. Rules (shared/reference/graph/README.md): the lowest priority
// number among the non-default configurations that target the principal
// wins; an exclusion beats any include; the default catches everyone else;
// Windows Hello for Business applies only its tenant-wide default; for the
// Enrollment Status Page a device-targeted profile beats a user-targeted one.
class EffectiveConfiguration
{
    Q_DECLARE_TR_FUNCTIONS(EffectiveConfiguration)
public:
    static QList<EffectiveTypeResult> resolve(
        const QList<EnrollmentConfiguration> &configurations, const Principal &principal);
    // The assignment filters the answer depends on, by id (no repeats).
    static QStringList filterIds(const QList<EffectiveTypeResult> &results);
    // Gives every match its filter's display name, where `names` (id -> name) knows it.
    static void nameFilters(QList<EffectiveTypeResult> &results, const QHash<QString, QString> &names);
};

} // namespace ea
