#include "domain/CopyPlan.h"

#include "domain/Identifiers.h"

namespace ea {

CopyPlan CopyPlan::make(const QList<Assignment> &source, const QString &targetConfigurationId, bool sameTenant,
    const QHash<QString, GroupMatch> &groups)
{
    CopyPlan plan;
    for (const Assignment &a : source) {
        const auto skip = [&](const QString &why) {
            plan.skipped.append({a.describe(), why});
        };
        AssignmentTarget target = a.target;
        if (target.kind() == AssignmentTarget::Kind::Unknown) {
            skip(tr("a target type this app does not model; copy it in the Intune admin center"));
            continue;
        }
        if (a.source.compare(QStringLiteral("policySets"), Qt::CaseInsensitive) == 0) {
            skip(tr("it comes from policy set %1, which manages it; assign the policy set instead").arg(a.sourceId));
            continue;
        }
        if (!sameTenant) {
            if (target.hasFilter()) {
                skip(tr("its assignment filter %1 belongs to the source tenant; add the filter by hand")
                         .arg(target.filterId()));
                continue;
            }
            if (target.kind() == AssignmentTarget::Kind::ConfigMgrCollection) {
                skip(tr("Configuration Manager collection ids belong to their site; add it by hand"));
                continue;
            }
            if (target.isGroupTarget()) {
                const GroupMatch match = groups.value(target.groupId().toLower());
                if (match.targetGroupId.isEmpty()) {
                    skip(match.problem.isEmpty() ? tr("its group has no match in the target tenant") : match.problem);
                    continue;
                }
                target = target.kind() == AssignmentTarget::Kind::ExcludeGroup
                    ? AssignmentTarget::excludeGroup(match.targetGroupId)
                    : AssignmentTarget::includeGroup(match.targetGroupId);
            }
        }
        PlanRow row;
        row.configurationId = targetConfigurationId;
        row.action = PlanRow::Action::Add;
        row.target = target;
        plan.rows.append(row);
    }
    return plan;
}

QHash<QString, QString> CopyPlan::parseGroupMap(const QByteArray &utf8, QList<PlanProblem> *problems)
{
    QHash<QString, QString> map;
    const QStringList lines = QString::fromUtf8(utf8).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int line = int(i) + 1;
        const QString text = lines.at(i).trimmed();
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        const QStringList fields = text.split(u',');
        if (line == 1 && fields.size() == 2 && !ids::isGuid(fields.at(0).trimmed()))
            continue; // the column names
        if (fields.size() != 2 || !ids::isGuid(fields.at(0).trimmed()) || !ids::isGuid(fields.at(1).trimmed())) {
            problems->append({line,
                tr("expected SOURCE_GROUP_ID,TARGET_GROUP_ID (two group object ids), found '%1'").arg(text.left(120))});
            continue;
        }
        const QString from = fields.at(0).trimmed().toLower();
        if (map.contains(from)) {
            problems->append({line, tr("group %1 is mapped twice").arg(fields.at(0).trimmed())});
            continue;
        }
        map.insert(from, fields.at(1).trimmed());
    }
    return map;
}

} // namespace ea
