#include "domain/GroupReport.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ea {

namespace {

using Standing = GroupReportRow::Standing;

QString typeNameOf(const EnrollmentConfiguration &c)
{
    // As the resolver names its types: single-platform restrictions with their platform.
    if (c.kind() == EnrollmentConfiguration::Kind::SinglePlatformRestriction && !c.platformType.isEmpty())
        return EffectiveConfiguration::tr("%1: %2").arg(c.typeDisplayName(), c.platformType);
    return c.typeDisplayName();
}

bool listed(const QList<EffectiveMatch> &matches, const QString &configurationId)
{
    return std::any_of(matches.cbegin(), matches.cend(),
        [&configurationId](const EffectiveMatch &m) { return m.configurationId == configurationId; });
}

Standing standingOf(const QList<EffectiveTypeResult> &types, const QString &configurationId)
{
    for (const EffectiveTypeResult &t : types) {
        if (t.winner && t.winner->configurationId == configurationId)
            return Standing::Wins;
        if (listed(t.tiedWithWinner, configurationId))
            return Standing::Tied;
        if (listed(t.excluded, configurationId))
            return Standing::Excluded;
        // Windows Hello lists its targeting policies here too, though none decides.
        if (listed(t.lowerRanked, configurationId))
            return t.kind == EnrollmentConfiguration::Kind::WindowsHelloForBusiness ? Standing::NotApplied
                                                                                    : Standing::Outranked;
    }
    return Standing::NotApplied;
}

QJsonObject matchJson(const EffectiveMatch &m)
{
    QJsonObject o {{u"configurationId"_s, m.configurationId}, {u"displayName"_s, m.displayName},
        {u"priority"_s, m.priority}, {u"reason"_s, m.reasonKey()}, {u"description"_s, m.describe()}};
    if (m.reason == EffectiveMatch::Reason::Group)
        o.insert(u"groupId"_s, m.group.id);
    return o;
}

} // namespace

QString GroupReportRow::intentText() const
{
    return exclude ? tr("Exclude") : tr("Include");
}

QString GroupReportRow::throughText() const
{
    return direct ? tr("directly") : tr("through parent group “%1”").arg(group.label());
}

QString GroupReportRow::filterText() const
{
    if (filterId.isEmpty() || filterMode == AssignmentTarget::FilterMode::None)
        return {};
    const QString filter = filterName.isEmpty() ? filterId : u'“' + filterName + u'”';
    return filterMode == AssignmentTarget::FilterMode::Exclude ? tr("%1 (exclude)").arg(filter)
                                                               : tr("%1 (include)").arg(filter);
}

QString GroupReportRow::standingText() const
{
    switch (standing) {
    case Standing::Wins: return tr("Wins");
    case Standing::Tied: return tr("Tied with the winner");
    case Standing::Outranked: return tr("Outranked");
    case Standing::Excluded: return tr("Excluded");
    case Standing::NotApplied: break;
    }
    return tr("Does not apply");
}

QString GroupReportRow::standingKey() const
{
    switch (standing) {
    case Standing::Wins: return u"wins"_s;
    case Standing::Tied: return u"tied"_s;
    case Standing::Outranked: return u"outranked"_s;
    case Standing::Excluded: return u"excluded"_s;
    case Standing::NotApplied: break;
    }
    return u"not-applied"_s;
}

GroupReport GroupReport::build(const Principal &principal, const QString &groupName,
    const QList<EnrollmentConfiguration> &configurations, const QHash<QString, QString> &filterNames)
{
    GroupReport report;
    report.groupId = principal.id;
    report.groupName = groupName;
    report.generatedAt = QDateTime::currentDateTimeUtc();
    report.configurationCount = int(configurations.size());
    for (const PrincipalGroup &g : principal.groups) {
        if (g.id.compare(principal.id, Qt::CaseInsensitive) != 0)
            report.parents.append(g);
    }
    report.types = EffectiveConfiguration::resolve(configurations, principal);

    for (const EnrollmentConfiguration &c : configurations) {
        for (const Assignment &a : c.assignments) {
            if (!a.target.isGroupTarget())
                continue;
            const PrincipalGroup *g = principal.findGroup(a.target.groupId());
            if (!g)
                continue;
            GroupReportRow row;
            row.typeName = typeNameOf(c);
            row.configurationId = c.id;
            row.configurationName = c.displayName;
            row.priority = c.priority;
            row.exclude = a.target.kind() == AssignmentTarget::Kind::ExcludeGroup;
            row.assignmentId = a.id;
            row.group = *g;
            row.direct = g->id.compare(principal.id, Qt::CaseInsensitive) == 0;
            if (row.direct && row.group.displayName.isEmpty())
                row.group.displayName = groupName;
            if (a.target.hasFilter()) {
                row.filterId = a.target.filterId();
                row.filterMode = a.target.filterMode();
                row.filterName = filterNames.value(row.filterId.toLower());
            }
            row.standing = standingOf(report.types, c.id);
            report.rows.append(row);
        }
    }
    // The resolver's type order (by the English type name, the same in every language), then priority.
    QHash<QString, int> typeOrder;
    for (const EffectiveTypeResult &t : report.types)
        typeOrder.insert(t.typeName, int(typeOrder.size()));
    std::stable_sort(report.rows.begin(), report.rows.end(), [&typeOrder](const auto &a, const auto &b) {
        return std::tuple(typeOrder.value(a.typeName), a.priority, a.configurationName)
            < std::tuple(typeOrder.value(b.typeName), b.priority, b.configurationName);
    });
    return report;
}

QString GroupReport::groupLabel() const
{
    return groupName.isEmpty() ? groupId : tr("“%1” (%2)").arg(groupName, groupId);
}

QString GroupReport::winnerText(const EffectiveTypeResult &type)
{
    if (type.winner)
        return tr("“%1” (priority %2) through %3")
            .arg(type.winner->displayName)
            .arg(type.winner->priority)
            .arg(type.winner->describe());
    if (type.defaultApplies && type.defaultConfiguration)
        return tr("the default “%1”: nothing else of this type targets the group")
            .arg(type.defaultConfiguration->displayName);
    return tr("nothing of this type (none targets the group and the tenant lists no default)");
}

QJsonObject GroupReport::toJson() const
{
    QJsonArray parentArray;
    for (const PrincipalGroup &g : parents)
        parentArray.append(QJsonObject {{u"id"_s, g.id}, {u"displayName"_s, g.displayName}});
    QJsonArray rowArray;
    for (const GroupReportRow &r : rows) {
        QJsonObject o {{u"type"_s, r.typeName}, {u"configurationId"_s, r.configurationId},
            {u"displayName"_s, r.configurationName}, {u"priority"_s, r.priority},
            {u"intent"_s, r.exclude ? u"exclude"_s : u"include"_s}, {u"assignmentId"_s, r.assignmentId},
            {u"groupId"_s, r.group.id}, {u"groupName"_s, r.group.displayName}, {u"direct"_s, r.direct},
            {u"standing"_s, r.standingKey()}};
        if (!r.filterId.isEmpty())
            o.insert(u"filter"_s,
                QJsonObject {{u"id"_s, r.filterId}, {u"mode"_s, AssignmentTarget::filterModeName(r.filterMode)},
                    {u"displayName"_s,
                        r.filterName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.filterName)}});
        rowArray.append(o);
    }
    QJsonArray typeArray;
    for (const EffectiveTypeResult &t : types) {
        QJsonObject o {{u"type"_s, t.typeKey}, {u"typeName"_s, t.typeName},
            {u"winner"_s, t.winner ? QJsonValue(matchJson(*t.winner)) : QJsonValue(QJsonValue::Null)},
            {u"defaultApplies"_s, t.defaultApplies}, {u"notes"_s, QJsonArray::fromStringList(t.notes)}};
        if (t.defaultConfiguration)
            o.insert(u"default"_s, matchJson(*t.defaultConfiguration));
        typeArray.append(o);
    }
    return QJsonObject {
        {u"group"_s, QJsonObject {{u"id"_s, groupId}, {u"displayName"_s, groupName}}},
        {u"tenant"_s, tenant},
        {u"generatedAt"_s, generatedAt.toUTC().toString(Qt::ISODate)},
        {u"parents"_s, parentArray},
        {u"configurationsRead"_s, configurationCount},
        {u"assignments"_s, rowArray},
        {u"types"_s, typeArray},
        {u"notes"_s, QJsonArray::fromStringList(notes)},
    };
}

} // namespace ea
