#include "cli/commands/WriteCommands.h"

#include "cli/CliApp.h"
#include "cli/TextTable.h"
#include "domain/Identifiers.h"
#include "service/AssignmentService.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

QString describeTarget(const AssignmentTarget &target)
{
    const QString subject = target.subject();
    return subject.isEmpty() ? target.displayName() : target.displayName() + u' ' + subject;
}

// The second half of --dry-run's note for both writes: where Intune refuses the single request.
QString fullListDryRunNote(const QString &configurationId)
{
    if (configurationId.endsWith(QLatin1String("EnrollmentCompletionPageConfiguration"), Qt::CaseInsensitive)) {
        return CliCommand::tr("This looks like an Enrollment Status Page: Intune refuses this request for that type, "
                              "so the full list of assignments would be sent with POST .../assign instead, keeping "
                              "every other assignment.");
    }
    return CliCommand::tr("If Intune refuses it for this type of configuration (as it does for the Enrollment "
                          "Status Page), the full list of assignments would be sent with POST .../assign instead, "
                          "keeping every other assignment.");
}

} // namespace

// --- shared -------------------------------------------------------------------

void WriteCommand::approveFullList(const FullListPlan &plan, const std::function<void(bool)> &answer)
{
    // The CLI has no dialog: the command itself was the admin's decision. It
    // says what goes out, which is all of it, and sends it.
    const QString name
        = TextTable::terminalSafe(plan.configurationName.isEmpty() ? plan.configurationId : plan.configurationName);
    if (!plan.changedSinceApproval.isEmpty()) {
        // Someone changed the list between the plan and the send: the command
        // was decided on a list that is gone, so the admin decides again.
        m_cx.writeErr(
            TextTable::terminalSafe(tr("The assignments of '%1' changed while the full list was being prepared, "
                                       "so nothing was sent. What changed: %2 Run the command again.")
                                        .arg(name, plan.changedSinceApproval))
            + u'\n');
        return answer(false);
    }
    QStringList parts;
    parts << tr("%n existing", nullptr, int(plan.kept.size()));
    if (!plan.added.isEmpty())
        parts << tr("%n new", nullptr, int(plan.added.size()));
    QStringList lines;
    if (plan.removed.isEmpty()) {
        lines << tr("Intune accepts assignments of '%1' only as a full list: %2 will be sent with POST …/assign.")
                     .arg(name, parts.join(u" + "_s));
    } else {
        QStringList removed;
        for (const Assignment &a : plan.removed)
            removed << a.id;
        lines << tr("Intune accepts changes to the assignments of '%1' only as a full list: %2 will be sent with "
                    "POST …/assign, without %3.")
                     .arg(name, parts.join(u" + "_s), removed.join(u", "_s));
    }
    // Kept entries go back exactly as read on beta; describe() names what
    // travels with them (filter, policy set, a target type newer than the app).
    for (const Assignment &a : plan.kept)
        lines << u"  "_s + tr("keep") + u"    "_s + a.id + u"  "_s + a.describe();
    for (const AssignmentTarget &t : plan.added)
        lines << u"  "_s + tr("add") + u"     "_s + describeTarget(t);
    for (const Assignment &a : plan.removed)
        lines << u"  "_s + tr("remove") + u"  "_s + a.id + u"  "_s + a.describe();
    for (const QString &note : plan.notes)
        lines << tr("Note: %1").arg(note);
    QString text;
    for (const QString &line : std::as_const(lines))
        text += TextTable::terminalSafe(line) + u'\n';
    m_cx.writeErr(text);
    answer(true);
}

void WriteCommand::failWrite(const GraphError &error)
{
    // After a write went out, a lost answer means "may have landed": the hint says so.
    m_cx.failService(error, m_operation && m_operation->hasSentWrite());
}

// --- assign -------------------------------------------------------------------

QString AssignCommand::prepare(const QStringList &args)
{
    m_cx.configurationId = args.at(0);
    const QString problem = AssignmentService::configurationIdProblem(m_cx.configurationId);
    if (!problem.isEmpty())
        return problem;
    QString targetProblem;
    if (!parseTargetSpec(args.at(1), &m_target, &targetProblem))
        return targetProblem;
    const CliOptions &o = m_cx.options;
    if (!o.filterGiven)
        return {};
    // A filter only exists on beta; v1.0 rejects the properties, so it is refused here, before sending.
    if (!ids::isGuid(o.filterId))
        return tr("The assignment filter id '%1' is not a GUID; list the filters with '--api beta filters'.")
            .arg(o.filterId.left(80));
    AssignmentTarget::FilterMode mode = AssignmentTarget::FilterMode::Include;
    if (o.filterModeGiven
        && (!AssignmentTarget::parseFilterMode(o.filterModeText, &mode) || mode == AssignmentTarget::FilterMode::None))
        return tr("--filter-mode is include or exclude, not '%1'.").arg(o.filterModeText.left(40));
    if (o.apiVersion != ApiVersion::Beta)
        return tr("Assignment filters need --api beta: Graph v1.0 has no filter properties and rejects them.");
    m_target.setFilter(o.filterId, mode);
    return {};
}

GraphRequest AssignCommand::firstRequest() const
{
    return service()->createAssignmentRequest(m_cx.configurationId, m_target);
}

QString AssignCommand::dryRunNote() const
{
    return tr("Without --dry-run the configuration and its assignments are read first (a default policy "
              "or a target that is already assigned is refused), then this request is sent.")
        + u' ' + fullListDryRunNote(m_cx.configurationId) + u'\n';
}

QString AssignCommand::inputProblemForSession() const
{
    // The shapes were checked without knowing the API version; the service has the last word.
    return service()->createInputProblem(m_cx.configurationId, m_target);
}

void AssignCommand::run()
{
    m_operation = service()->createAssignment(
        m_cx.configurationId, m_target, this,
        [this](const Result<CreatedAssignment> &result) {
            if (!result)
                return failWrite(result.error());
            const CreatedAssignment &created = result.value();
            QString note;
            if (created.viaAssignAction) {
                const auto kept = created.previousAssignments.size();
                note = kept == 1 ? tr("sent as the full list; 1 earlier assignment kept")
                                 : tr("sent as the full list; %1 earlier assignments kept").arg(kept);
            }
            if (created.confirmedAfterAmbiguousFailure) {
                note += (note.isEmpty() ? QString() : u"; "_s)
                    + tr("the answer to the write was lost, a re-read confirmed it");
            }
            if (m_cx.options.json) {
                // Graph's object as received: from the POST, or from the re-read after a full list.
                m_cx.writeJson(created.assignment.raw);
                if (!note.isEmpty())
                    m_cx.writeErr(u"("_s + note + u")\n"_s);
            } else {
                const AssignmentTarget &target = created.assignment.target;
                QString what = describeTarget(target);
                if (target.hasFilter()) {
                    what += u' '
                        + tr("with filter %1 (%2)")
                              .arg(target.filterId(), AssignmentTarget::filterModeName(target.filterMode()));
                }
                QString line = tr("Created assignment %1: %2 on %3 (request-id %4)")
                                   .arg(created.assignment.id, what, m_cx.configurationLabel(),
                                       created.requestId.isEmpty() ? tr("none") : created.requestId);
                if (!note.isEmpty())
                    line += u" ("_s + note + u')';
                m_cx.writeOut(line + u'\n');
            }
            m_cx.finish(CliApp::ExitOk);
        },
        [this](const FullListPlan &plan, const std::function<void(bool)> &answer) { approveFullList(plan, answer); });
}

// --- unassign -----------------------------------------------------------------

QString UnassignCommand::prepare(const QStringList &args)
{
    m_cx.configurationId = args.at(0);
    m_assignmentId = args.at(1);
    const QString problem = AssignmentService::configurationIdProblem(m_cx.configurationId);
    if (!problem.isEmpty())
        return problem;
    if (!ids::isAssignmentId(m_assignmentId))
        return tr("'%1' is not an assignment id; list them with the 'assignments' command.")
            .arg(m_assignmentId.left(80));
    return {};
}

GraphRequest UnassignCommand::firstRequest() const
{
    return service()->deleteAssignmentRequest(m_cx.configurationId, m_assignmentId);
}

QString UnassignCommand::dryRunNote() const
{
    return tr("Without --dry-run the configuration and its assignments are read first (an assignment "
              "that is not there is refused), then this request is sent.")
        + u' ' + fullListDryRunNote(m_cx.configurationId) + u'\n';
}

void UnassignCommand::run()
{
    m_operation = service()->deleteAssignment(
        m_cx.configurationId, m_assignmentId, this,
        [this](const Result<RemovedAssignment> &result) {
            if (!result)
                return failWrite(result.error());
            // What was deleted, as the service read it before the write.
            const RemovedAssignment &removed = result.value();
            const QJsonObject &deleted = removed.assignment.raw;
            const QString &requestId = removed.requestId;
            if (m_cx.options.json) {
                QJsonObject object {{u"deleted"_s, true}, {u"id"_s, m_assignmentId},
                    {u"configurationId"_s, m_cx.configurationId}, {u"requestId"_s, requestId},
                    {u"viaAssignAction"_s, removed.viaAssignAction}};
                if (deleted.contains(u"target"_s))
                    object.insert(u"target"_s, deleted.value(u"target"_s));
                m_cx.writeJson(object);
            } else {
                QString line = tr("Deleted assignment %1").arg(m_assignmentId);
                if (!deleted.isEmpty())
                    line += u" ("_s + describeTarget(removed.assignment.target) + u')';
                line += u' '
                    + tr("from %1 (request-id %2)")
                          .arg(m_cx.configurationLabel(), requestId.isEmpty() ? tr("none") : requestId);
                if (removed.viaAssignAction)
                    line += u" ("_s
                        + (removed.keptCount == 1
                                ? tr("sent as the full list; 1 other assignment kept")
                                : tr("sent as the full list; %1 other assignments kept").arg(removed.keptCount))
                        + u')';
                m_cx.writeOut(line + u'\n');
            }
            m_cx.finish(CliApp::ExitOk);
        },
        [this](const FullListPlan &plan, const std::function<void(bool)> &answer) { approveFullList(plan, answer); });
}

} // namespace ea
