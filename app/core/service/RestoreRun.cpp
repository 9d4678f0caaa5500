// Restore of an export (issue 17): the plan from one read of the tenant, then
// one full-list write per configuration that differs, one after the other,
// each through replaceAssignments (AssignmentWrites.cpp), which re-reads the
// list before sending and verifies it after. Nothing here sends on its own:
// a list that is not the one the plan was made from is declined, so a
// restore never overwrites a change it did not show.
#include "service/AssignmentService.h"
#include "service/AssignmentWrites_p.h"

#include <QSet>

namespace ea {

using writes::cancelledBeforeSending;

namespace {

// The ids a full-list plan found live: the entries it keeps with their id and the ones it deletes.
QSet<QString> liveIdsOf(const FullListPlan &plan)
{
    QSet<QString> ids;
    for (const Assignment &a : plan.kept) {
        if (!a.id.isEmpty())
            ids.insert(a.id);
    }
    for (const Assignment &a : plan.removed)
        ids.insert(a.id);
    return ids;
}

QSet<QString> idsOf(const QList<Assignment> &list)
{
    QSet<QString> ids;
    for (const Assignment &a : list)
        ids.insert(a.id);
    return ids;
}

} // namespace

struct AssignmentService::RestoreRun
{
    QList<RestoreStep> replace; // the plan's Replace steps
    qsizetype next = 0;
    RestoreOutcome outcome;
    std::function<void(const RestoreStep &, int, int)> starting;
    ResultCallback<RestoreOutcome> done;
};

Operation *AssignmentService::planRestore(
    const TenantExport &file, QObject *context, const ResultCallback<RestorePlan> &done)
{
    auto *op = new Operation(context, this);
    Q_EMIT op->statusChanged(tr("Reading every configuration with its assignments…"));
    // Beta, as the export was read: filters, policy-set sources and newer target types show.
    op->follow(listConfigurationsWithAssignments(
        op,
        [op, file, done](const Result<Listing<EnrollmentConfiguration>> &r) {
            if (!r)
                return op->finish<RestorePlan>(done, r.error());
            op->finish<RestorePlan>(done, RestorePlan::make(file, r.value().items));
        },
        ApiVersion::Beta));
    return op;
}

Operation *AssignmentService::applyRestore(const RestorePlan &plan, QObject *context,
    const std::function<void(const RestoreStep &, int, int)> &starting, const ResultCallback<RestoreOutcome> &done)
{
    auto run = std::make_shared<RestoreRun>();
    for (const RestoreStep &step : plan.steps) {
        if (step.action == RestoreStep::Action::Replace)
            run->replace.append(step);
    }
    run->starting = starting;
    run->done = done;
    auto *op = new Operation(context, this);
    restoreNext(op, run);
    return op;
}

void AssignmentService::restoreNext(Operation *op, std::shared_ptr<RestoreRun> run)
{
    if (run->next == run->replace.size())
        return op->finish<RestoreOutcome>(run->done, run->outcome);
    const RestoreStep &step = run->replace.at(run->next);
    if (op->isCancelled()) {
        run->outcome.stoppedBy = cancelledBeforeSending();
        run->outcome.stoppedAt = step.displayName;
        return op->finish<RestoreOutcome>(run->done, run->outcome);
    }
    if (run->starting)
        run->starting(step, int(run->next), int(run->replace.size()));
    Q_EMIT op->statusChanged(
        tr("Restoring %1 of %2: %3…").arg(run->next + 1).arg(run->replace.size()).arg(step.displayName));

    // The plan was approved as a whole; each write is approved only while the
    // list it would replace is still the one the plan was made from.
    auto changed = std::make_shared<QString>();
    const FullListApproval approve
        = [step, changed](const FullListPlan &plan, const std::function<void(bool)> &answer) {
              if (!plan.changedSinceApproval.isEmpty())
                  *changed = plan.changedSinceApproval;
              else if (liveIdsOf(plan) != idsOf(step.live))
                  *changed = tr("Its assignments are no longer the ones the restore plan was made from.");
              answer(changed->isEmpty());
          };
    op->follow(replaceAssignments(
        step.configurationId, step.wanted, op,
        [this, op, run, changed](const Result<QList<Assignment>> &r) {
            const RestoreStep &step = run->replace.at(run->next);
            if (!r) {
                GraphError error = r.error();
                if (!changed->isEmpty())
                    error.message = tr("'%1' changed since the restore plan was made, so its list was not sent: %2 "
                                       "Nothing after it was sent; plan the restore again.")
                                        .arg(step.displayName, *changed);
                run->outcome.stoppedBy = error;
                run->outcome.stoppedAt = step.displayName;
                return op->finish<RestoreOutcome>(run->done, run->outcome);
            }
            run->outcome.written.append(step);
            ++run->next;
            restoreNext(op, run);
        },
        approve));
}

} // namespace ea
