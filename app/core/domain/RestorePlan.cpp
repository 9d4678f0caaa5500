#include "domain/RestorePlan.h"

#include <QHash>

namespace ea {

namespace {

// An entry's content: what it is, whatever id Graph gave it.
QJsonObject contentOf(const Assignment &a)
{
    QJsonObject o = withoutReadOnlyAnnotations(a.raw);
    o.remove(QStringLiteral("id"));
    return o;
}

} // namespace

QString RestoreStep::summary() const
{
    return QCoreApplication::translate("ea::RestorePlan", "add %1, remove %2, change %3, keep %4")
        .arg(difference.missing.size())
        .arg(difference.unexpected.size())
        .arg(difference.changed.size())
        .arg(unchangedCount);
}

QString RestoreStep::actionName(Action action)
{
    switch (action) {
    case Action::Unchanged: return QStringLiteral("unchanged");
    case Action::Replace: return QStringLiteral("replace");
    case Action::NotInTenant: return QStringLiteral("not-in-tenant");
    case Action::DefaultDiffers: return QStringLiteral("default-differs");
    case Action::UnreadableEntry: return QStringLiteral("unreadable-entry");
    }
    return {};
}

int RestorePlan::writeCount() const
{
    return int(std::count_if(
        steps.cbegin(), steps.cend(), [](const RestoreStep &s) { return s.action == RestoreStep::Action::Replace; }));
}

QString RestorePlan::summary() const
{
    int unchanged = 0, missing = 0, defaults = 0, unreadable = 0;
    for (const RestoreStep &s : steps) {
        unchanged += s.action == RestoreStep::Action::Unchanged;
        missing += s.action == RestoreStep::Action::NotInTenant;
        defaults += s.action == RestoreStep::Action::DefaultDiffers;
        unreadable += s.action == RestoreStep::Action::UnreadableEntry;
    }
    QString text = tr("%n configuration(s) in the file: %1 to replace, %2 unchanged", nullptr, int(steps.size()))
                       .arg(writeCount())
                       .arg(unchanged);
    if (missing > 0)
        text += tr("; %n not in the tenant (left out)", nullptr, missing);
    if (defaults > 0)
        text += tr("; %n default(s) that differ (Intune takes no changes to a default's assignments; left out)",
            nullptr, defaults);
    if (unreadable > 0)
        text += tr("; %n with an entry whose target was empty when exported (sending it would break it; left out)",
            nullptr, unreadable);
    return text;
}

RestorePlan RestorePlan::make(const TenantExport &file, const QList<EnrollmentConfiguration> &live)
{
    QHash<QString, const EnrollmentConfiguration *> byId;
    for (const EnrollmentConfiguration &c : live)
        byId.insert(c.id.toLower(), &c);

    RestorePlan plan;
    for (const ExportedConfiguration &exported : file.configurations) {
        RestoreStep step;
        step.configurationId = exported.id;
        step.displayName = exported.displayName;
        const EnrollmentConfiguration *now = byId.value(exported.id.toLower());
        if (!now) {
            step.action = RestoreStep::Action::NotInTenant;
            plan.steps.append(step);
            continue;
        }
        step.configurationId = now->id;
        step.displayName = now->displayName;
        step.typeName = now->typeDisplayName();
        step.live = now->assignments;
        step.difference = compareAssignmentLists(exported.assignments, step.live);

        // The list to send: the file's entries as exported; one whose
        // content the tenant already holds under another id (a restore
        // before this one recreated it) goes as the tenant has it.
        QList<Assignment> liveLeft = step.live;
        for (const QJsonObject &object : exported.assignments) {
            const Assignment fromFile = Assignment::fromJson(object);
            const bool sameId = std::any_of(
                liveLeft.cbegin(), liveLeft.cend(), [&](const Assignment &l) { return l.id == fromFile.id; });
            const auto sameContent = std::find_if(liveLeft.begin(), liveLeft.end(),
                [&](const Assignment &l) { return contentOf(l) == contentOf(fromFile); });
            if (!sameId && sameContent != liveLeft.end()) {
                step.wanted.append(*sameContent);
                liveLeft.erase(sameContent);
            } else {
                step.wanted.append(fromFile);
            }
        }
        step.unchangedCount
            = int(exported.assignments.size() - step.difference.missing.size() - step.difference.changed.size());
        // The same check a full-list write makes before it sends, made before anything is planned to go.
        const bool unreadable = std::any_of(step.wanted.cbegin(), step.wanted.cend(), [](const Assignment &a) {
            return a.target.kind() == AssignmentTarget::Kind::Unknown && a.target.rawODataType().isEmpty();
        });
        if (step.difference.isEmpty())
            step.action = RestoreStep::Action::Unchanged;
        else if (now->isDefault())
            step.action = RestoreStep::Action::DefaultDiffers;
        else if (unreadable)
            step.action = RestoreStep::Action::UnreadableEntry;
        else
            step.action = RestoreStep::Action::Replace;
        plan.steps.append(step);
    }
    return plan;
}

} // namespace ea
