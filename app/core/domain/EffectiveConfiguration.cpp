#include "domain/EffectiveConfiguration.h"

#include "domain/PriorityOrder.h"

#include <QMap>

#include <algorithm>

namespace ea {

using Kind = EnrollmentConfiguration::Kind;

const PrincipalGroup *Principal::findGroup(const QString &groupId) const
{
    for (const PrincipalGroup &g : groups) {
        if (g.id.compare(groupId, Qt::CaseInsensitive) == 0)
            return &g;
    }
    return nullptr;
}

QString EffectiveMatch::reasonKey() const
{
    switch (reason) {
    case Reason::AllUsers: return QStringLiteral("all-users");
    case Reason::AllDevices: return QStringLiteral("all-devices");
    case Reason::Group: return QStringLiteral("group");
    case Reason::Collection: return QStringLiteral("collection");
    case Reason::Default: break;
    }
    return QStringLiteral("default");
}

QString EffectiveMatch::describe() const
{
    QString text;
    switch (reason) {
    case Reason::AllUsers: text = tr("all users"); break;
    case Reason::AllDevices: text = tr("all devices"); break;
    case Reason::Default: text = tr("the default (applies to everyone else)"); break;
    case Reason::Collection:
        text = tr("Configuration Manager collection %1 (membership not known here)").arg(collectionId);
        break;
    case Reason::Group:
        if (!group.pathKnown)
            text = tr("group “%1” (a member, directly or through a nested group)").arg(group.label());
        else if (group.via.isEmpty())
            text = tr("group “%1” (directly)").arg(group.label());
        else
            text = tr("group “%1” (through %2)").arg(group.label(), group.via.join(QStringLiteral(" → ")));
        break;
    }
    if (dependsOnFilter()) {
        const QString filter = filterName.isEmpty() ? filterId : u'“' + filterName + u'”';
        text += u' '
            + (filterMode == AssignmentTarget::FilterMode::Exclude
                    ? tr("– depends on filter %1 (exclude mode)").arg(filter)
                    : tr("– depends on filter %1").arg(filter));
    }
    return text;
}

namespace {

// One priority order: a kind, and for single-platform restrictions the platform.
struct TypeKey
{
    QString sortKey;
    Kind kind;
    QString platform;
    QString odataType; // unknown kinds are grouped by their raw type
    friend bool operator<(const TypeKey &a, const TypeKey &b)
    {
        return std::tie(a.sortKey, a.platform, a.odataType) < std::tie(b.sortKey, b.platform, b.odataType);
    }
};

// The same orders setPriority works in (PriorityOrderKey), sorted by type name.
TypeKey typeKeyOf(const EnrollmentConfiguration &c)
{
    const PriorityOrderKey key = PriorityOrderKey::of(c);
    return {c.typeSortKey(), key.kind, key.platform, key.odataType};
}

bool isRestriction(Kind kind)
{
    return kind == Kind::DeviceLimit || kind == Kind::PlatformRestrictions || kind == Kind::SinglePlatformRestriction;
}

EffectiveMatch baseMatch(const EnrollmentConfiguration &c, const Assignment &a)
{
    EffectiveMatch m;
    m.configurationId = c.id;
    m.displayName = c.displayName;
    m.priority = c.priority;
    m.assignmentId = a.id;
    if (a.target.hasFilter()) {
        m.filterId = a.target.filterId();
        m.filterMode = a.target.filterMode();
    }
    return m;
}

struct Evaluation
{
    std::optional<EffectiveMatch> include; // the assignment that makes it apply
    std::optional<EffectiveMatch> exclusion; // the exclusion that holds it back
};

// Picks, per configuration, the include that decides (one without a
// condition beats a filtered one or a collection; for the ESP a device
// target beats a user one) and the first exclusion that names the principal.
Evaluation evaluate(const EnrollmentConfiguration &c, const Principal &principal)
{
    Evaluation e;
    const auto better = [&c](const EffectiveMatch &candidate, const EffectiveMatch &current) {
        if (candidate.isConditional() != current.isConditional())
            return !candidate.isConditional();
        if (c.kind() == Kind::EnrollmentStatusPage)
            return candidate.reason == EffectiveMatch::Reason::AllDevices
                && current.reason != EffectiveMatch::Reason::AllDevices;
        return false; // otherwise the first in Graph's order
    };
    for (const Assignment &a : c.assignments) {
        EffectiveMatch m = baseMatch(c, a);
        const AssignmentTarget &t = a.target;
        switch (t.kind()) {
        case AssignmentTarget::Kind::AllLicensedUsers: m.reason = EffectiveMatch::Reason::AllUsers; break;
        case AssignmentTarget::Kind::AllDevices: m.reason = EffectiveMatch::Reason::AllDevices; break;
        case AssignmentTarget::Kind::ConfigMgrCollection:
            m.reason = EffectiveMatch::Reason::Collection;
            m.collectionId = t.collectionId();
            break;
        case AssignmentTarget::Kind::IncludeGroup:
        case AssignmentTarget::Kind::ExcludeGroup: {
            const PrincipalGroup *g = principal.findGroup(t.groupId());
            if (!g)
                continue;
            m.reason = EffectiveMatch::Reason::Group;
            m.group = *g;
            if (t.kind() == AssignmentTarget::Kind::ExcludeGroup) {
                if (!e.exclusion)
                    e.exclusion = m;
                continue;
            }
            break;
        }
        case AssignmentTarget::Kind::Unknown: continue; // a target the app cannot read names nobody it knows
        }
        if (!e.include || better(m, *e.include))
            e.include = m;
    }
    return e;
}

bool ranksBefore(const EffectiveMatch &a, const EffectiveMatch &b, bool deviceFirst)
{
    if (deviceFirst) {
        const bool aDevice = a.reason == EffectiveMatch::Reason::AllDevices;
        const bool bDevice = b.reason == EffectiveMatch::Reason::AllDevices;
        if (aDevice != bDevice)
            return aDevice;
    }
    if (a.priority != b.priority)
        return a.priority < b.priority;
    // Equal priorities: Intune's order is not documented; the id keeps the answer the same on every run.
    return a.configurationId < b.configurationId;
}

bool sameRank(const EffectiveMatch &a, const EffectiveMatch &b, bool deviceFirst)
{
    const bool sameClass = !deviceFirst
        || (a.reason == EffectiveMatch::Reason::AllDevices) == (b.reason == EffectiveMatch::Reason::AllDevices);
    return sameClass && a.priority == b.priority;
}

EffectiveMatch defaultMatch(const EnrollmentConfiguration &c)
{
    EffectiveMatch m;
    m.configurationId = c.id;
    m.displayName = c.displayName;
    m.priority = c.priority;
    m.reason = EffectiveMatch::Reason::Default;
    return m;
}

} // namespace

QList<EffectiveTypeResult> EffectiveConfiguration::resolve(
    const QList<EnrollmentConfiguration> &configurations, const Principal &principal)
{
    QMap<TypeKey, QList<const EnrollmentConfiguration *>> byType;
    const EnrollmentConfiguration *platformDefault = nullptr;
    for (const EnrollmentConfiguration &c : configurations) {
        byType[typeKeyOf(c)].append(&c);
        if (c.isDefault() && c.kind() == Kind::PlatformRestrictions && (!platformDefault || c.id < platformDefault->id))
            platformDefault = &c;
    }

    QList<EffectiveTypeResult> results;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        const TypeKey &key = it.key();
        EffectiveTypeResult r;
        r.kind = key.kind;
        r.platform = key.platform;
        r.typeKey = key.platform.isEmpty() ? key.sortKey : key.sortKey + u" (" + key.platform + u')';
        const EnrollmentConfiguration &first = *it.value().constFirst();
        r.typeName = key.platform.isEmpty() ? first.typeDisplayName()
                                            : tr("%1: %2").arg(first.typeDisplayName(), key.platform);
        // An ESP reaches a user through the device being enrolled too.
        const bool deviceFirst = key.kind == Kind::EnrollmentStatusPage && principal.kind == Principal::Kind::User;

        QList<EffectiveMatch> candidates;
        const EnrollmentConfiguration *defaultConfig = nullptr;
        for (const EnrollmentConfiguration *c : it.value()) {
            if (c->isDefault()) {
                if (!defaultConfig || c->id < defaultConfig->id)
                    defaultConfig = c;
                continue;
            }
            const Evaluation e = evaluate(*c, principal);
            if (e.exclusion && e.include)
                r.excluded.append(*e.exclusion);
            else if (e.include)
                candidates.append(*e.include);
        }
        // Single-platform restrictions fall back on the tenant's default restriction.
        if (!defaultConfig && key.kind == Kind::SinglePlatformRestriction)
            defaultConfig = platformDefault;
        if (defaultConfig)
            r.defaultConfiguration = defaultMatch(*defaultConfig);

        std::sort(candidates.begin(), candidates.end(),
            [deviceFirst](const EffectiveMatch &a, const EffectiveMatch &b) { return ranksBefore(a, b, deviceFirst); });
        std::sort(r.excluded.begin(), r.excluded.end(),
            [](const EffectiveMatch &a, const EffectiveMatch &b) { return ranksBefore(a, b, false); });

        if (key.kind == Kind::WindowsHelloForBusiness) {
            r.lowerRanked = candidates;
            r.notes << tr("Windows Hello for Business applies only its tenant-wide default at enrollment; other "
                          "policies of this type that target the principal do not decide it.");
        } else if (!candidates.isEmpty()) {
            r.winner = candidates.takeFirst();
            while (!candidates.isEmpty() && sameRank(candidates.constFirst(), *r.winner, deviceFirst))
                r.tiedWithWinner.append(candidates.takeFirst());
            r.lowerRanked = candidates;
        }
        r.defaultApplies = !r.winner && r.defaultConfiguration.has_value();

        if (!r.tiedWithWinner.isEmpty()) {
            QStringList names;
            for (const EffectiveMatch &m : std::as_const(r.tiedWithWinner))
                names << u'“' + m.displayName + u'”';
            r.notes << tr("Priority tie: “%1” and %2 share priority %3. Which one Intune applies is not "
                          "documented; the one with the lowest id is shown as the winner. Give them "
                          "different priorities.")
                           .arg(r.winner->displayName, names.join(QStringLiteral(", ")))
                           .arg(r.winner->priority);
        }
        if (r.winner && r.winner->isConditional())
            r.notes << tr("The winner applies only if its condition holds at enrollment (a filter is "
                          "evaluated on the device); otherwise the next one down applies.");
        if (isRestriction(key.kind))
            r.notes << tr("Enrollment restrictions apply to users: userless enrollment (Autopilot "
                          "self-deploying and pre-provisioning, bulk enrollment) gets only the default.");
        if (key.kind == Kind::EnrollmentStatusPage)
            r.notes << tr("A profile that targets the device wins over one that targets the user; "
                          "pre-provisioning and self-deploying use device-targeted profiles only. Groups "
                          "the device itself is in are not known here.");
        results.append(r);
    }
    return results;
}

namespace {

// Every match of an answer, for the passes that look at or name them all.
template<typename Results, typename Visit> void forEachMatch(Results &results, Visit visit)
{
    for (auto &r : results) {
        for (auto *one : {&r.winner, &r.defaultConfiguration}) {
            if (*one)
                visit(**one);
        }
        for (auto *list : {&r.tiedWithWinner, &r.lowerRanked, &r.excluded}) {
            for (auto &m : *list)
                visit(m);
        }
    }
}

} // namespace

QStringList EffectiveConfiguration::filterIds(const QList<EffectiveTypeResult> &results)
{
    QStringList ids;
    forEachMatch(results, [&ids](const EffectiveMatch &m) {
        if (m.dependsOnFilter() && !ids.contains(m.filterId, Qt::CaseInsensitive))
            ids << m.filterId;
    });
    return ids;
}

void EffectiveConfiguration::nameFilters(QList<EffectiveTypeResult> &results, const QHash<QString, QString> &names)
{
    forEachMatch(results, [&names](EffectiveMatch &m) {
        if (m.dependsOnFilter())
            m.filterName = names.value(m.filterId.toLower());
    });
}

} // namespace ea
