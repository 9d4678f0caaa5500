// The full-list writes of AssignmentService: where Intune accepts a
// configuration type's assignments only as a whole (POST .../assign), plan
// the list from the live one read on beta, ask the admin, send it exactly as
// planned, and verify the list read back against what was sent.
#include "domain/AssignmentListDiff.h"
#include "service/AssignmentWrites_p.h"

#include <QJsonArray>

namespace ea {

using writes::cancelledBeforeSending;
using writes::refusedWith;

namespace {

QList<QJsonObject> rawObjects(const QList<Assignment> &list)
{
    QList<QJsonObject> out;
    out.reserve(list.size());
    for (const Assignment &a : list)
        out.append(a.raw.isEmpty() ? a.fullListEntry(ApiVersion::Beta) : a.raw);
    return out;
}

QJsonArray jsonArray(const QList<QJsonObject> &objects)
{
    QJsonArray out;
    for (const QJsonObject &o : objects)
        out.append(o);
    return out;
}

QString describeList(const QList<Assignment> &list)
{
    QStringList parts;
    for (const Assignment &a : list)
        parts << a.describe() + QStringLiteral(" [") + a.id + u']';
    return parts.isEmpty() ? AssignmentService::tr("(empty)") : parts.join(QStringLiteral("; "));
}

} // namespace

// Intune refused the single-request route (the ESP and some other types):
// journal that, then plan the same change as a full list.
void AssignmentService::switchToFullList(Operation *op, std::shared_ptr<WriteState> state, const GraphError &refusal)
{
    journalResult(*state, AuditOutcome::Failed,
        tr("Intune refused the single-assignment route; the full list is needed."), {}, refusal.requestId,
        refusal.clientRequestId, refusal.httpStatus);
    planFullList(op, state, {});
}

// Reads the live list on beta, plans the full list from it and asks for
// approval. `changedSinceApproval` says why an earlier plan was not sent.
void AssignmentService::planFullList(
    Operation *op, std::shared_ptr<WriteState> state, const QString &changedSinceApproval)
{
    op->await(m_graph->send(listAssignmentsForFullListRequest(state->configurationId)),
        [this, op, state, changedSinceApproval](const Result<GraphResponse> &r) {
            if (!r)
                return finishWrite(op, state, r.error());
            state->basis = assignmentsFromJson(r.value().values);
            state->kept.clear();
            state->added.clear();
            state->removed.clear();
            switch (state->kind) {
            case WriteState::Kind::Create:
                if (assignmentWithTarget(state->basis, state->target))
                    return finishWrite(op, state,
                        refusedWith(refusal::kAlreadyAssigned,
                            tr("'%1' is already assigned to this target. Nothing was sent.")
                                .arg(state->configurationName())));
                state->kept = state->basis;
                state->added = {state->target};
                break;
            case WriteState::Kind::Delete:
                for (const Assignment &a : std::as_const(state->basis))
                    (a.id == state->assignmentId ? state->removed : state->kept).append(a);
                // Gone since the first read (someone else removed it): nothing to send.
                if (state->removed.isEmpty())
                    return finishWrite(op, state,
                        refusedWith(refusal::kInvalidInput,
                            tr("Assignment %1 is no longer on '%2'; it was removed in the "
                               "meantime. Nothing was sent.")
                                .arg(state->assignmentId, state->configurationName())));
                break;
            case WriteState::Kind::Replace:
                for (const Assignment &w : std::as_const(state->wanted)) {
                    // Entries that still exist keep their id; others are created
                    // anew from what they were, less the id that is gone.
                    const bool live = std::any_of(
                        state->basis.cbegin(), state->basis.cend(), [&](const Assignment &b) { return b.id == w.id; });
                    Assignment entry = w;
                    if (!live) {
                        entry.id.clear();
                        entry.raw.remove(QStringLiteral("id"));
                    }
                    state->kept.append(entry);
                }
                for (const Assignment &b : std::as_const(state->basis)) {
                    const bool wanted = std::any_of(state->wanted.cbegin(), state->wanted.cend(),
                        [&](const Assignment &w) { return w.id == b.id; });
                    if (!wanted)
                        state->removed.append(b);
                }
                break;
            case WriteState::Kind::Merge:
                for (const Assignment &a : std::as_const(state->basis)) {
                    const bool drop = std::any_of(state->mergeRemove.cbegin(), state->mergeRemove.cend(),
                        [&](const AssignmentTarget &t) { return a.target.sameTargetAs(t); });
                    (drop ? state->removed : state->kept).append(a);
                }
                for (const AssignmentTarget &t : std::as_const(state->mergeAdd)) {
                    if (!assignmentWithTarget(state->basis, t))
                        state->added.append(t);
                }
                // Already as planned (a plan run again, or resumed): nothing to send.
                if (state->added.isEmpty() && state->removed.isEmpty()) {
                    MergedFullList unchanged;
                    unchanged.after = state->basis;
                    return op->finish<MergedFullList>(state->mergeDone, unchanged);
                }
                break;
            case WriteState::Kind::Priority: break; // never a full list
            }
            // A kept entry whose target did not come back at all (null or no
            // type) cannot be sent back as read; one of a type the app does
            // not know can, and is.
            for (const Assignment &a : std::as_const(state->kept)) {
                if (a.target.kind() == AssignmentTarget::Kind::Unknown && a.target.rawODataType().isEmpty())
                    return finishWrite(op, state,
                        refusedWith(refusal::kUnreadableAssignment,
                            tr("Assignment %1 of '%2' has an empty target when read back. "
                               "Sending the full list would delete or break it, so nothing "
                               "was sent. Check it in the Intune admin center.")
                                .arg(a.id, state->configurationName())));
            }
            state->sent = fullListEntries(state->kept, state->added);

            FullListPlan plan;
            plan.configurationId = state->configurationId;
            plan.configurationName = state->configurationName();
            plan.kept = state->kept;
            plan.added = state->added;
            plan.removed = state->removed;
            plan.changedSinceApproval = changedSinceApproval;
            for (const AssignmentTarget &t : std::as_const(state->added))
                plan.notes += createNotes(state->kept, t);
            plan.request = preview(assignFullListRequest(state->configurationId, state->sent));
            if (!state->approve)
                return finishWrite(op, state,
                    refusedWith(refusal::kFullListNotApproved,
                        tr("Intune accepts assignments of '%1' only as a full list. %2 "
                           "Nothing was sent.")
                            .arg(state->configurationName(), plan.summary())));

            QPointer<Operation> guard(op);
            state->approve(plan, [this, guard, state](bool approved) {
                if (!guard)
                    return;
                Operation *op = guard;
                if (op->isCancelled())
                    return finishWrite(op, state, cancelledBeforeSending());
                if (!approved)
                    return finishWrite(op, state,
                        GraphError::local(
                            GraphError::Kind::Cancelled, tr("The full list was not sent; nothing changed.")));
                sendApprovedFullList(op, state);
            });
        });
}

// The approval may have taken minutes: read the list once more and send only
// if it is still the one the plan was made from.
void AssignmentService::sendApprovedFullList(Operation *op, std::shared_ptr<WriteState> state)
{
    Q_EMIT op->statusChanged(tr("Checking that the assignments did not change since you approved…"));
    op->await(m_graph->send(listAssignmentsForFullListRequest(state->configurationId)),
        [this, op, state](const Result<GraphResponse> &r) {
            if (!r)
                return finishWrite(op, state, r.error());
            const AssignmentListDiff drift
                = compareAssignmentLists(rawObjects(state->basis), assignmentsFromJson(r.value().values));
            if (!drift.isEmpty())
                return planFullList(op, state, drift.describe());
            if (op->isCancelled())
                return finishWrite(op, state, cancelledBeforeSending());

            // The journal holds the truth: the raw list before and the raw
            // list sent, so an undo can restore filters and sources too.
            const FullListRecord record {jsonArray(rawObjects(state->basis)),
                jsonArray(state->sent.mid(0, state->kept.size())), jsonArray(state->sent.mid(state->kept.size()))};
            if (!journalAttempt(*state, AuditAction::AssignFullList, record))
                return finishWrite(op, state, journalFailure(*state));

            auto attempt = std::make_shared<WriteAttempt>();
            attempt->request = assignFullListRequest(state->configurationId, state->sent);
            attempt->probe = listAssignmentsForFullListRequest(state->configurationId);
            // Landed when the list is no longer the one it was planned from.
            attempt->landed = [state](const GraphResponse &probe) {
                return !compareAssignmentLists(rawObjects(state->basis), assignmentsFromJson(probe.values)).isEmpty();
            };
            attempt->done = [this, op, state](const WriteOutcome &outcome) {
                switch (outcome.kind) {
                case WriteOutcome::Kind::Succeeded: {
                    // Verify with a read of its own: 204 says nothing about the list.
                    return op->await(m_graph->send(listAssignmentsForFullListRequest(state->configurationId)),
                        [this, op, state, outcome](const Result<GraphResponse> &r) {
                            if (!r) {
                                WriteOutcome unverified = outcome;
                                unverified.kind = WriteOutcome::Kind::Unreadable;
                                unverified.error = GraphError::local(GraphError::Kind::InvalidResponse,
                                    tr("The full list was accepted (HTTP %1).").arg(outcome.answer.httpStatus));
                                unverified.error.httpStatus = outcome.answer.httpStatus;
                                unverified.error.requestId = outcome.answer.requestId;
                                unverified.error.clientRequestId = outcome.answer.clientRequestId;
                                unverified.readError = r.error();
                                return finishUnsettledWrite(op, state, unverified, tr("the list is what was sent"));
                            }
                            verifyFullList(op, state, outcome, assignmentsFromJson(r.value().values));
                        });
                }
                case WriteOutcome::Kind::Confirmed:
                    return verifyFullList(op, state, outcome, assignmentsFromJson(outcome.probe.values));
                case WriteOutcome::Kind::NotApplied:
                case WriteOutcome::Kind::NotVisible:
                case WriteOutcome::Kind::Unreadable:
                    return finishUnsettledWrite(op, state, outcome, tr("the full list was applied"));
                }
            };
            runWrite(op, attempt);
        });
}

// The whole live list against what was sent: every kept entry exactly as
// sent, the new ones there, nothing else.
void AssignmentService::verifyFullList(
    Operation *op, std::shared_ptr<WriteState> state, const WriteOutcome &outcome, const QList<Assignment> &after)
{
    const bool confirmed = outcome.kind == WriteOutcome::Kind::Confirmed;
    const QString requestId = confirmed ? outcome.error.requestId : outcome.answer.requestId;
    const QString clientRequestId = confirmed ? outcome.error.clientRequestId : outcome.answer.clientRequestId;
    const int status = confirmed ? outcome.error.httpStatus : outcome.answer.httpStatus;

    const AssignmentListDiff diff = compareAssignmentLists(state->sent, after);
    if (!diff.isEmpty()) {
        GraphError mismatch = confirmed ? outcome.error : GraphError::local(GraphError::Kind::InvalidResponse, {});
        mismatch.intunePhrase.clear();
        mismatch.message = tr("The full list was sent, but the list read back afterwards is not what was sent. %1 "
                              "The list before was: %2")
                               .arg(diff.describe(), describeList(state->basis));
        journalResult(*state, AuditOutcome::Unknown, mismatch.message, {}, requestId, clientRequestId, status);
        return finishWrite(op, state, mismatch);
    }

    switch (state->kind) {
    case WriteState::Kind::Create: {
        Assignment created;
        for (const Assignment &a : after) {
            if (a.target.sameTargetAs(state->target))
                created = a;
        }
        journalResult(*state, AuditOutcome::Succeeded,
            confirmed ? tr("Created (confirmed by a re-read after: %1)").arg(outcome.error.summary()) : QString(),
            created.id, requestId, clientRequestId, status);
        CreatedAssignment result;
        result.configurationId = state->configurationId;
        result.configurationName = state->configurationName();
        result.assignment = created;
        result.httpStatus = confirmed ? 0 : status;
        result.requestId = requestId;
        result.clientRequestId = clientRequestId;
        result.viaAssignAction = true;
        result.previousAssignments = state->basis;
        result.confirmedAfterAmbiguousFailure = confirmed;
        result.throttledResends = outcome.resends;
        return op->finish<CreatedAssignment>(state->createDone, result);
    }
    case WriteState::Kind::Delete:
        journalResult(*state, AuditOutcome::Succeeded, {}, state->assignmentId, requestId, clientRequestId, status);
        return op->finish<RemovedAssignment>(
            state->deleteDone, state->removalResult(outcome.answer, confirmed, outcome.error));
    case WriteState::Kind::Replace:
        journalResult(*state, AuditOutcome::Succeeded, {}, {}, requestId, clientRequestId, status);
        return op->finish<QList<Assignment>>(state->replaceDone, after);
    case WriteState::Kind::Merge: {
        journalResult(*state, AuditOutcome::Succeeded, {}, {}, requestId, clientRequestId, status);
        MergedFullList merged;
        merged.after = after;
        merged.written = true;
        merged.added = int(state->added.size());
        merged.removed = int(state->removed.size());
        merged.requestId = requestId;
        return op->finish<MergedFullList>(state->mergeDone, merged);
    }
    case WriteState::Kind::Priority: break; // never a full list
    }
}

} // namespace ea
