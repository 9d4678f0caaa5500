// A whole priority order rearranged: the plan (PriorityOrder::movesTo) sent
// one setPriority at a time, each through setPriority() (PriorityWrites.cpp),
// so each is checked, journalled and settled like any single change. Intune
// does not document how it renumbers the others, so the run never assumes:
// it compares every re-read order with the step's plan and stops at the
// first difference.
#include "service/AssignmentService.h"
#include "service/AssignmentWrites_p.h"

namespace ea {

using writes::cancelledBeforeSending;
using writes::refusedWith;

struct AssignmentService::ReorderRun
{
    PriorityReorder result;
    QString configurationId;
    std::function<void(const PriorityChange &)> stepDone;
    ResultCallback<PriorityReorder> done;
};

Operation *AssignmentService::reorder(const QString &configurationId, const QStringList &shown,
    const QStringList &wanted, QObject *context, const std::function<void(const PriorityChange &)> &stepDone,
    const ResultCallback<PriorityReorder> &done)
{
    const QString problem = configurationIdProblem(configurationId);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    auto run = std::make_shared<ReorderRun>();
    run->configurationId = configurationId;
    run->result.wanted = wanted;
    run->stepDone = stepDone;
    run->done = done;
    auto *op = new Operation(context, this);
    readOrderThen(op, configurationId,
        [this, op, run, shown](const Result<std::pair<EnrollmentConfiguration, PriorityOrder>> &r) {
            if (!r)
                return op->finish<PriorityReorder>(run->done, r.error());
            PriorityReorder &result = run->result;
            result.last = r.value().second;
            if (result.last.rankedIds() != shown)
                return op->finish<PriorityReorder>(run->done,
                    refusedWith(refusal::kOrderChanged,
                        tr("The order of %1 changed since it was shown (someone else may have moved a configuration). "
                           "Nothing was sent; look at the order as it reads now and arrange it again.")
                            .arg(result.last.typeName())));
            result.plan = result.last.movesTo(result.wanted);
            if (result.plan.isEmpty() && !result.reachedWanted())
                return op->finish<PriorityReorder>(run->done,
                    refusedWith(refusal::kInvalidInput,
                        tr("The order asked for is not a rearrangement of the %n configuration(s) of %1 that can be "
                           "ordered. Nothing was sent.",
                            nullptr, int(result.last.ranked.size()))
                            .arg(result.last.typeName())));
            reorderStep(op, run);
        });
    return op;
}

void AssignmentService::reorderStep(Operation *op, std::shared_ptr<ReorderRun> run)
{
    PriorityReorder &result = run->result;
    const auto index = result.steps.size();
    if (index == result.plan.size())
        return op->finish<PriorityReorder>(run->done, result);
    if (op->isCancelled()) {
        result.stepError = cancelledBeforeSending();
        return op->finish<PriorityReorder>(run->done, result);
    }
    const PriorityMove &move = result.plan.at(index);
    Q_EMIT op->statusChanged(
        tr("Step %1 of %2: moving %3 to priority %4…")
            .arg(index + 1)
            .arg(result.plan.size())
            .arg(result.last.find(move.configurationId) ? result.last.find(move.configurationId)->displayName
                                                        : move.configurationId)
            .arg(move.priority));
    op->follow(setPriority(move.configurationId, move.priority, op, [this, op, run](const Result<PriorityChange> &r) {
        PriorityReorder &result = run->result;
        if (!r) {
            result.stepError = r.error();
            return op->finish<PriorityReorder>(run->done, result);
        }
        const PriorityChange &change = r.value();
        result.steps.append(change);
        if (run->stepDone)
            run->stepDone(change);
        if (change.afterReadError) {
            // Done, but what the order became is unknown: nothing more is sent on a guess.
            result.stepError = *change.afterReadError;
            return op->finish<PriorityReorder>(run->done, result);
        }
        result.last = change.after;
        if (result.last.rankedIds() != result.plan.at(result.steps.size() - 1).idsAfter) {
            result.divergedAt = int(result.steps.size() - 1);
            return op->finish<PriorityReorder>(run->done, result);
        }
        reorderStep(op, run);
    }));
}

} // namespace ea
