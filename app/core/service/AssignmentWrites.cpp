// The write paths of AssignmentService: create, delete and replace-all, each
// guarded by reads before (default policy, duplicate, the live list that a
// replace-all must keep) and after (verification), and journalled. Every
// write request goes through runWrite() (AssignmentWriteRunner.cpp), the one
// place that decides what happens when its answer does not prove the outcome;
// the full-list route is in AssignmentFullList.cpp.
#include "Logging.h"
#include "domain/Identifiers.h"
#include "service/AssignmentWrites_p.h"

#include <QUuid>

namespace ea {

using writes::cancelledBeforeSending;
using writes::refusedWith;

namespace {

// Every write is journalled before it is sent; if that fails, it is not sent.
GraphError journalFailureFor(const QString &path, const QString &why)
{
    return refusedWith(QStringLiteral("AuditJournalUnavailable"),
        AssignmentService::tr("The audit journal %1 could not be written (%2), so the write was not "
                              "sent. Free disk space or fix the folder's permissions, then try again.")
            .arg(path, why));
}

} // namespace

RemovedAssignment AssignmentService::WriteState::removalResult(
    const GraphResponse &answer, bool confirmed, const GraphError &error) const
{
    RemovedAssignment r;
    r.configurationId = configurationId;
    const bool viaAssign = !sent.isEmpty();
    for (const Assignment &a : viaAssign ? basis : before) {
        if (a.id == assignmentId)
            r.assignment = a;
    }
    if (r.assignment.id.isEmpty())
        r.assignment.id = assignmentId;
    r.httpStatus = confirmed ? 0 : answer.httpStatus;
    r.requestId = confirmed ? error.requestId : answer.requestId;
    r.clientRequestId = confirmed ? error.clientRequestId : answer.clientRequestId;
    r.viaAssignAction = viaAssign;
    r.keptCount = viaAssign ? int(kept.size()) : 0;
    r.confirmedAfterAmbiguousFailure = confirmed;
    return r;
}

GraphError AssignmentService::journalFailure(const WriteState &state) const
{
    return journalFailureFor(m_journal ? m_journal->filePath() : QString(), state.journalError);
}

// --- entry points -----------------------------------------------------------

Operation *AssignmentService::createAssignment(const QString &configurationId, const AssignmentTarget &target,
    QObject *context, const ResultCallback<CreatedAssignment> &done, const FullListApproval &approve)
{
    const QString problem = createInputProblem(configurationId, target);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });

    auto state = WriteState::make(WriteState::Kind::Create, configurationId, approve, {});
    state->runId = m_runId;
    state->target = target;
    state->createDone = done;
    auto *op = new Operation(context, this);
    const auto refuseByConfiguration = [this, state]() -> std::optional<GraphError> {
        const EnrollmentConfiguration &config = state->configuration;
        if (config.isDefault())
            return refusedWith(refusal::kDefaultPolicy,
                tr("'%1' (%2) is a default policy: it applies to all users and all "
                   "devices at the lowest priority and cannot take assignments. Nothing "
                   "was sent; create a non-default policy to target groups.")
                    .arg(config.displayName, config.id));
        const QString configProblem = createInputProblem(config, state->target);
        if (!configProblem.isEmpty())
            return refusedWith(refusal::kUnsupportedTarget, configProblem);
        return std::nullopt;
    };
    readConfigurationAndAssignmentsThen(op, state, refuseByConfiguration, [this, op, state] {
        if (const Assignment *existing = assignmentWithTarget(state->before, state->target))
            return finishWrite(op, state,
                refusedWith(refusal::kAlreadyAssigned,
                    tr("'%1' is already assigned to this target (assignment %2). "
                       "Nothing was sent.")
                        .arg(state->configurationName(), existing->id)));
        postSingleAssignment(op, state);
    });
    return op;
}

Operation *AssignmentService::deleteAssignment(const QString &configurationId, const QString &assignmentId,
    QObject *context, const ResultCallback<RemovedAssignment> &done, const FullListApproval &approve,
    const QString &undoOf)
{
    QString problem = configurationIdProblem(configurationId);
    if (problem.isEmpty() && !ids::isAssignmentId(assignmentId))
        problem = tr("'%1' is not an assignment id; list them with the 'assignments' command.")
                      .arg(ids::printable(assignmentId, 80));
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });

    auto state = WriteState::make(WriteState::Kind::Delete, configurationId, approve, undoOf);
    state->runId = m_runId;
    state->assignmentId = assignmentId;
    state->deleteDone = done;
    auto *op = new Operation(context, this);
    readConfigurationAndAssignmentsThen(op, state, {}, [this, op, state] {
        const auto it = std::find_if(state->before.cbegin(), state->before.cend(),
            [&](const Assignment &a) { return a.id == state->assignmentId; });
        if (it == state->before.cend())
            return finishWrite(op, state,
                refusedWith(refusal::kInvalidInput,
                    tr("'%1' has no assignment %2 (it may have been removed already). "
                       "Nothing was sent.")
                        .arg(state->configurationName(), state->assignmentId)));
        state->target = it->target;
        deleteSingleAssignment(op, state);
    });
    return op;
}

Operation *AssignmentService::replaceAssignments(const QString &configurationId, const QList<Assignment> &wanted,
    QObject *context, const ResultCallback<QList<Assignment>> &done, const FullListApproval &approve,
    const QString &undoOf)
{
    QString problem = configurationIdProblem(configurationId);
    for (const Assignment &a : wanted) {
        // An entry read from the tenant goes back as read; only one the app
        // made up itself is checked like new input.
        if (problem.isEmpty() && a.raw.isEmpty())
            problem = a.target.validationProblem(ApiVersion::Beta);
    }
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });

    auto state = WriteState::make(WriteState::Kind::Replace, configurationId, approve, undoOf);
    state->runId = m_runId;
    state->wanted = wanted;
    state->replaceDone = done;
    return startFullListWrite(context, state);
}

Operation *AssignmentService::mergeIntoFullList(const QString &configurationId, const QList<AssignmentTarget> &add,
    const QList<AssignmentTarget> &remove, QObject *context, const ResultCallback<MergedFullList> &done,
    const FullListApproval &approve)
{
    QString problem = configurationIdProblem(configurationId);
    for (const AssignmentTarget &t : add + remove) {
        if (problem.isEmpty())
            problem = t.validationProblem(ApiVersion::Beta); // full lists always go to beta
    }
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });

    auto state = WriteState::make(WriteState::Kind::Merge, configurationId, approve, {});
    state->runId = m_runId;
    state->mergeAdd = add;
    state->mergeRemove = remove;
    state->mergeDone = done;
    return startFullListWrite(context, state);
}

// Replace and merge: the configuration first (a default takes no
// assignments), then the plan from the live list.
Operation *AssignmentService::startFullListWrite(QObject *context, std::shared_ptr<WriteState> state)
{
    auto *op = new Operation(context, this);
    readConfigurationThen(op, state, [this, op, state] {
        if (state->configuration.isDefault())
            return finishWrite(op, state,
                refusedWith(refusal::kDefaultPolicy,
                    tr("'%1' is a default policy; its assignments cannot be changed.")
                        .arg(state->configurationName())));
        planFullList(op, state, {});
    });
    return op;
}

// --- reads before -----------------------------------------------------------

void AssignmentService::readConfigurationThen(
    Operation *op, std::shared_ptr<WriteState> state, std::function<void()> next)
{
    op->await(m_graph->send(getConfigurationRequest(state->configurationId)),
        [this, op, state, next](const Result<GraphResponse> &r) {
            if (!r)
                return finishWrite(op, state, r.error());
            takeConfiguration(*state, r.value());
            next();
        });
}

// The configuration (a default? which targets does its type take?) and its
// live assignments (is the target there?) do not depend on each other, so
// both reads go out at once: a write waits one round trip before it, not two
// (on HTTP/2, Graph's, both share one connection). The answers are looked at
// in the order the checks always had: the configuration's error or refusal
// first, then the list's error, then `next`.
void AssignmentService::readConfigurationAndAssignmentsThen(Operation *op, std::shared_ptr<WriteState> state,
    std::function<std::optional<GraphError>()> refuseByConfiguration, std::function<void()> next)
{
    op->awaitBoth(m_graph->send(getConfigurationRequest(state->configurationId)),
        m_graph->send(listAssignmentsRequest(state->configurationId)),
        [this, op, state, refuseByConfiguration, next](
            const Result<GraphResponse> &configuration, const Result<GraphResponse> &list) {
            if (!configuration)
                return finishWrite(op, state, configuration.error());
            takeConfiguration(*state, configuration.value());
            if (refuseByConfiguration) {
                if (std::optional<GraphError> refused = refuseByConfiguration())
                    return finishWrite(op, state, *refused);
            }
            if (!list)
                return finishWrite(op, state, list.error());
            state->before = assignmentsFromJson(list.value().values);
            next();
        });
}

void AssignmentService::takeConfiguration(WriteState &state, const GraphResponse &answer)
{
    state.configuration = EnrollmentConfiguration::fromJson(answer.object);
    if (state.configuration.id.isEmpty())
        state.configuration.id = state.configurationId;
    m_configurationNames.insert(state.configuration.id, state.configuration.displayName);
}

// --- single-request writes --------------------------------------------------

void AssignmentService::postSingleAssignment(Operation *op, std::shared_ptr<WriteState> state)
{
    if (op->isCancelled())
        return finishWrite(op, state, cancelledBeforeSending());
    if (!journalAttempt(*state, AuditAction::Create))
        return finishWrite(op, state, journalFailure(*state));

    // The new assignment: an id the list before did not have, for this target.
    const auto findCreated = [state](const QList<Assignment> &after) -> std::optional<Assignment> {
        for (const Assignment &a : after) {
            const bool isNew = std::none_of(
                state->before.cbegin(), state->before.cend(), [&](const Assignment &b) { return b.id == a.id; });
            if (isNew && a.target.sameTargetAs(state->target))
                return a;
        }
        return std::nullopt;
    };
    auto attempt = std::make_shared<WriteAttempt>();
    attempt->request = createAssignmentRequest(state->configurationId, state->target);
    attempt->probe = listAssignmentsRequest(state->configurationId);
    attempt->landed = [findCreated](const GraphResponse &probe) {
        return findCreated(assignmentsFromJson(probe.values)).has_value();
    };
    attempt->answerIsComplete = [](const GraphResponse &answer) {
        return answer.httpStatus == 201 && !Assignment::fromJson(answer.object).id.isEmpty();
    };
    attempt->done = [this, op, state, findCreated](const WriteOutcome &outcome) {
        CreatedAssignment result;
        result.configurationId = state->configurationId;
        result.configurationName = state->configurationName();
        result.throttledResends = outcome.resends;
        switch (outcome.kind) {
        case WriteOutcome::Kind::Succeeded:
            result.assignment = Assignment::fromJson(outcome.answer.object);
            result.httpStatus = outcome.answer.httpStatus;
            result.requestId = outcome.answer.requestId;
            result.clientRequestId = outcome.answer.clientRequestId;
            journalResult(*state, AuditOutcome::Succeeded,
                outcome.resends ? tr("Created after %n throttled attempt(s)", nullptr, outcome.resends) : QString(),
                result.assignment.id, result.requestId, result.clientRequestId, result.httpStatus);
            return op->finish<CreatedAssignment>(state->createDone, result);
        case WriteOutcome::Kind::Confirmed:
            result.assignment = *findCreated(assignmentsFromJson(outcome.probe.values));
            result.requestId = outcome.error.requestId;
            result.clientRequestId = outcome.error.clientRequestId;
            result.confirmedAfterAmbiguousFailure = true;
            journalResult(*state, AuditOutcome::Succeeded,
                tr("Created (confirmed by a re-read after: %1)").arg(outcome.error.summary()), result.assignment.id,
                outcome.error.requestId, outcome.error.clientRequestId, outcome.error.httpStatus);
            return op->finish<CreatedAssignment>(state->createDone, result);
        case WriteOutcome::Kind::NotApplied:
            if (outcome.error.isRouteRefusal())
                return switchToFullList(op, state, outcome.error);
            [[fallthrough]];
        case WriteOutcome::Kind::NotVisible:
        case WriteOutcome::Kind::Unreadable:
            return finishUnsettledWrite(op, state, outcome, tr("the assignment was created"));
        }
    };
    runWrite(op, attempt);
}

void AssignmentService::deleteSingleAssignment(Operation *op, std::shared_ptr<WriteState> state)
{
    if (op->isCancelled())
        return finishWrite(op, state, cancelledBeforeSending());
    if (!journalAttempt(*state, AuditAction::Delete))
        return finishWrite(op, state, journalFailure(*state));

    auto attempt = std::make_shared<WriteAttempt>();
    attempt->request = deleteAssignmentRequest(state->configurationId, state->assignmentId);
    attempt->probe = listAssignmentsRequest(state->configurationId);
    attempt->notFoundIsUncertain = true;
    attempt->landed = [state](const GraphResponse &probe) {
        const QList<Assignment> after = assignmentsFromJson(probe.values);
        return std::none_of(
            after.cbegin(), after.cend(), [&](const Assignment &a) { return a.id == state->assignmentId; });
    };
    attempt->done = [this, op, state](const WriteOutcome &outcome) {
        switch (outcome.kind) {
        case WriteOutcome::Kind::Succeeded:
            journalResult(*state, AuditOutcome::Succeeded, {}, state->assignmentId, outcome.answer.requestId,
                outcome.answer.clientRequestId, outcome.answer.httpStatus);
            return op->finish<RemovedAssignment>(state->deleteDone, state->removalResult(outcome.answer, false, {}));
        case WriteOutcome::Kind::Confirmed:
            journalResult(*state, AuditOutcome::Succeeded,
                tr("Deleted (confirmed by a re-read after: %1)").arg(outcome.error.summary()), state->assignmentId,
                outcome.error.requestId, outcome.error.clientRequestId, outcome.error.httpStatus);
            return op->finish<RemovedAssignment>(state->deleteDone, state->removalResult({}, true, outcome.error));
        case WriteOutcome::Kind::NotApplied:
            if (outcome.error.isRouteRefusal())
                return switchToFullList(op, state, outcome.error);
            [[fallthrough]];
        case WriteOutcome::Kind::NotVisible:
        case WriteOutcome::Kind::Unreadable:
            return finishUnsettledWrite(op, state, outcome, tr("assignment %1 was deleted").arg(state->assignmentId));
        }
    };
    runWrite(op, attempt);
}

// --- the end of every write ---------------------------------------------------

void AssignmentService::finishWrite(Operation *op, std::shared_ptr<WriteState> state, const GraphError &error)
{
    switch (state->kind) {
    case WriteState::Kind::Create: return op->finish<CreatedAssignment>(state->createDone, error);
    case WriteState::Kind::Delete: return op->finish<RemovedAssignment>(state->deleteDone, error);
    case WriteState::Kind::Replace: return op->finish<QList<Assignment>>(state->replaceDone, error);
    case WriteState::Kind::Priority: return op->finish<PriorityChange>(state->priorityDone, error);
    case WriteState::Kind::Merge: return op->finish<MergedFullList>(state->mergeDone, error);
    }
}

// --- journal ----------------------------------------------------------------

AuditEntry AssignmentService::journalEntry(const WriteState &state, AuditPhase phase) const
{
    AuditEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.operationId = state.operationId;
    e.phase = phase;
    e.action = state.action;
    e.tenant = m_auditContext.tenant;
    e.cloud = m_auditContext.cloud;
    // Full-list writes always go to beta, whatever the session uses.
    e.apiVersion = apiVersionPath(state.action == AuditAction::AssignFullList ? ApiVersion::Beta : apiVersion());
    e.configurationId = state.configurationId;
    e.configurationName = state.configurationName();
    e.runId = state.runId;
    if (state.kind == WriteState::Kind::Replace) {
        e.targetSummary = tr("full list of %n", nullptr, int(state.wanted.size()));
    } else if (state.kind == WriteState::Kind::Merge) {
        // The journal's words, not translated, like the priority's below.
        e.targetSummary = QStringLiteral("full list of %1 (%2 added, %3 removed)")
                              .arg(state.kept.size() + state.added.size())
                              .arg(state.added.size())
                              .arg(state.removed.size());
    } else if (state.kind == WriteState::Kind::Priority) {
        // The journal's words, not translated: the file reads the same in every language.
        e.targetSummary = QStringLiteral("priority %1 (was %2)")
                              .arg(state.priorityRecord.requested)
                              .arg(state.priorityRecord.previous);
        e.priority = state.priorityRecord;
    } else {
        e.target = state.target;
    }
    e.assignmentId = state.assignmentId;
    return e;
}

bool AssignmentService::journalAttempt(
    WriteState &state, AuditAction action, const std::optional<FullListRecord> &fullList)
{
    state.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    state.action = action;
    AuditEntry e = journalEntry(state, AuditPhase::Attempt);
    e.outcome = AuditOutcome::Pending;
    e.fullList = fullList;
    e.undoOf = state.undoOf;
    qCInfo(lcService).noquote().nospace() << "sending " << e.actionName() << " on " << state.configurationId << ": "
                                          << e.targetText() << " (operation " << state.operationId << ')';
    if (!m_journal)
        return true;
    return m_journal->append(e, &state.journalError);
}

void AssignmentService::journalResult(const WriteState &state, AuditOutcome outcome, const QString &message,
    const QString &assignmentId, const QString &requestId, const QString &clientRequestId, int httpStatus)
{
    AuditEntry e = journalEntry(state, AuditPhase::Result);
    if (!assignmentId.isEmpty())
        e.assignmentId = assignmentId;
    e.outcome = outcome;
    e.httpStatus = httpStatus;
    e.requestId = requestId;
    e.clientRequestId = clientRequestId;
    e.message = message.left(2000);
    qCInfo(lcService).noquote().nospace()
        << e.actionName() << ' ' << e.outcomeName() << " (operation " << state.operationId << ", HTTP " << httpStatus
        << ", request-id " << (requestId.isEmpty() ? QStringLiteral("none") : requestId) << ')';
    if (!m_journal)
        return;
    // A result that cannot be journalled must not hide the outcome from the
    // admin; the attempt line is already there to show the write happened.
    m_journal->append(e);
}

} // namespace ea
