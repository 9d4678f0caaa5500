#include "domain/CopyPlan.h"

#include "domain/Identifiers.h"
#include "domain/ODataType.h"

using namespace Qt::StringLiterals;

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
        // What no row can recreate exactly, as an export plan leaves it out.
        if (const QString why = PlanFile::rowProblemOf(a); !why.isEmpty()) {
            skip(why);
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

namespace {

QString label(const EnrollmentConfiguration &c)
{
    return u"'"_s + c.displayName + u"' ("_s + c.id + u')';
}

const ExportedConfiguration *findIn(const TenantExport &file, const QString &id)
{
    for (const ExportedConfiguration &c : file.configurations) {
        if (c.id.compare(id, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

} // namespace

QString CopyRequest::problem() const
{
    if (!file) {
        if (targetId.isEmpty())
            return tr("Within one tenant, choose the configuration to copy to.");
        if (sourceId.compare(targetId, Qt::CaseInsensitive) == 0)
            return tr("The source and the target are the same configuration; nothing to copy.");
        return {};
    }
    if (!findIn(*file, sourceId))
        return tr("The export has no configuration %1.").arg(sourceId);
    return {};
}

CopyEnds CopyEnds::resolve(const CopyRequest &request, const QList<EnrollmentConfiguration> &tenant)
{
    CopyEnds ends;
    // What the request itself rules out (the same configuration twice, a source the file lacks) comes first.
    ends.problem = request.problem();
    if (!ends.problem.isEmpty())
        return ends;
    const auto byId = [&tenant](const QString &id) -> const EnrollmentConfiguration * {
        for (const EnrollmentConfiguration &c : tenant) {
            if (c.id.compare(id, Qt::CaseInsensitive) == 0)
                return &c;
        }
        return nullptr;
    };

    // The source: the export's configuration, or this tenant's.
    if (request.file) {
        const ExportedConfiguration *c = findIn(*request.file, request.sourceId); // there: problem() checked
        ends.sourceType = odata::normalizedType(c->odataType);
        ends.sourceName = c->displayName;
        for (const QJsonObject &o : c->assignments)
            ends.assignments.append(Assignment::fromJson(o));
    } else {
        const EnrollmentConfiguration *c = byId(request.sourceId);
        if (!c) {
            ends.problem = tr("The tenant has no configuration %1.").arg(request.sourceId);
            return ends;
        }
        ends.sourceType = c->odataType;
        ends.sourceName = c->displayName;
        ends.assignments = c->assignments;
    }

    // The target: chosen by hand, or (from an export) the one of the same type and name here.
    const EnrollmentConfiguration *target = nullptr;
    if (!request.targetId.isEmpty()) {
        target = byId(request.targetId);
        if (!target) {
            ends.problem = tr("The tenant has no configuration %1.").arg(request.targetId);
            return ends;
        }
    } else {
        QList<const EnrollmentConfiguration *> named;
        for (const EnrollmentConfiguration &c : tenant) {
            if (c.odataType == ends.sourceType && c.displayName == ends.sourceName)
                named.append(&c);
        }
        if (named.size() != 1) {
            ends.problem = tr("%n configuration(s) here are of the source's type and named '%1'; choose the "
                              "target by hand.",
                nullptr, int(named.size()))
                               .arg(ends.sourceName);
            return ends;
        }
        target = named.first();
    }
    if (target->odataType != ends.sourceType)
        ends.problem = tr("%1 is not of the source's type (%2): assignments are copied within one type.")
                           .arg(label(*target), ends.sourceType);
    else if (target->isDefault())
        ends.problem = tr("%1 is a default policy: it takes no assignments.").arg(label(*target));
    ends.target = *target;
    return ends;
}

} // namespace ea
