// The write paths of AssignmentService: create, delete and replace-all, each
// guarded by reads before (default policy, duplicate, the live list that a
// replace-all must keep) and after (verification), and journalled. Every
// write request goes through runWrite(), the one place that decides what
// happens when its answer does not prove the outcome.
#include "domain/AssignmentListDiff.h"
#include "domain/Identifiers.h"
#include "service/AssignmentService.h"

#include <QJsonArray>
#include <QPointer>
#include <QTime>
#include <QUuid>

namespace ea {

struct AssignmentService::WriteState
{
    enum class Kind { Create, Delete, Replace };
    Kind kind = Kind::Create;
    QString configurationId;
    EnrollmentConfiguration configuration;
    AssignmentTarget target; // Create
    QString assignmentId; // Delete
    QList<Assignment> wanted; // Replace
    QList<Assignment> before; // the live list read before the write
    // A full-list write: the list it was planned from (read on beta, raw),
    // the plan, and the entries exactly as sent.
    QList<Assignment> basis;
    QList<Assignment> kept;
    QList<AssignmentTarget> added;
    QList<Assignment> removed;
    QList<QJsonObject> sent;
    QString operationId; // pairs the journal's attempt and result lines
    QString undoOf; // the created assignment this write undoes (journalled as details.undoOf)
    AuditAction action = AuditAction::Create;
    QString journalError;
    FullListApproval approve;
    ResultCallback<CreatedAssignment> createDone;
    ResultCallback<Done> deleteDone;
    ResultCallback<QList<Assignment>> replaceDone;

    QString configurationName() const { return configuration.displayName; }
};

// What runWrite reports: how the write ended, with the evidence.
struct AssignmentService::WriteOutcome
{
    enum class Kind {
        Succeeded, // a complete success answer
        Confirmed, // no proof in the answer, but a read shows it landed
        NotApplied, // certainly not done (a definite error, or "not now" and a read shows nothing)
        NotVisible, // may have landed, yet two reads some seconds apart show nothing
        Unreadable, // may have landed, and the read that would tell failed
    };
    Kind kind = Kind::NotApplied;
    GraphResponse answer; // Succeeded
    GraphResponse probe; // Confirmed: the read that showed it
    GraphError error; // the write's own failure (all but Succeeded)
    GraphError readError; // Unreadable
    QTime lastLook; // NotVisible: when the last read showed nothing
    int resends = 0; // sent again after "not now" and a read that showed nothing
};

// One write request and how to tell from a read whether it landed.
struct AssignmentService::WriteAttempt
{
    GraphRequest request;
    GraphRequest probe;
    // From the probe's answer: is the write there?
    std::function<bool(const GraphResponse &)> landed;
    // A success answer that says what it should (create: 201 with the object);
    // anything less is settled like a lost answer.
    std::function<bool(const GraphResponse &)> answerIsComplete;
    // DELETE: Qt resends an idempotent request on a dropped connection, and
    // the resend finds it gone; a 404 is settled by the read too.
    bool notFoundIsUncertain = false;
    std::function<void(const WriteOutcome &)> done;
    int resends = 0;
};

namespace {

GraphError refusedWith(const QString &code, const QString &message)
{
    GraphError e = GraphError::local(GraphError::Kind::Refused, message);
    e.code = code;
    return e;
}

// Every write is journalled before it is sent; if that fails, it is not sent.
GraphError journalFailureFor(const QString &path, const QString &why)
{
    return refusedWith(QStringLiteral("AuditJournalUnavailable"),
        AssignmentService::tr("The audit journal %1 could not be written (%2), so the write was not "
                              "sent. Free disk space or fix the folder's permissions, then try again.")
            .arg(path, why));
}

GraphError cancelledBeforeSending()
{
    GraphError e
        = GraphError::local(GraphError::Kind::Cancelled, AssignmentService::tr("Cancelled; nothing was sent."));
    e.requestMaybeSent = false;
    return e;
}

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

    auto state = std::make_shared<WriteState>();
    state->kind = WriteState::Kind::Create;
    state->configurationId = configurationId;
    state->target = target;
    state->approve = approve;
    state->createDone = done;
    auto *op = new Operation(context, this);
    readConfigurationThen(op, state, [this, op, state] {
        const EnrollmentConfiguration &config = state->configuration;
        if (config.isDefault())
            return finishWrite(op, state,
                refusedWith(refusal::kDefaultPolicy,
                    tr("'%1' (%2) is a default policy: it applies to all users and all "
                       "devices at the lowest priority and cannot take assignments. Nothing "
                       "was sent; create a non-default policy to target groups.")
                        .arg(config.displayName, config.id)));
        const QString configProblem = createInputProblem(config, state->target);
        if (!configProblem.isEmpty())
            return finishWrite(op, state, refusedWith(refusal::kUnsupportedTarget, configProblem));
        readAssignmentsThen(op, state, [this, op, state] {
            if (const Assignment *existing = assignmentWithTarget(state->before, state->target))
                return finishWrite(op, state,
                    refusedWith(refusal::kAlreadyAssigned,
                        tr("'%1' is already assigned to this target (assignment %2). "
                           "Nothing was sent.")
                            .arg(state->configurationName(), existing->id)));
            postSingleAssignment(op, state);
        });
    });
    return op;
}

Operation *AssignmentService::deleteAssignment(const QString &configurationId, const QString &assignmentId,
    QObject *context, const ResultCallback<Done> &done, const FullListApproval &approve, const QString &undoOf)
{
    QString problem = configurationIdProblem(configurationId);
    if (problem.isEmpty() && !ids::isAssignmentId(assignmentId))
        problem = tr("'%1' is not an assignment id; list them with the 'assignments' command.")
                      .arg(ids::printable(assignmentId, 80));
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });

    auto state = std::make_shared<WriteState>();
    state->kind = WriteState::Kind::Delete;
    state->configurationId = configurationId;
    state->assignmentId = assignmentId;
    state->undoOf = undoOf;
    state->approve = approve;
    state->deleteDone = done;
    auto *op = new Operation(context, this);
    readConfigurationThen(op, state, [this, op, state] {
        readAssignmentsThen(op, state, [this, op, state] {
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

    auto state = std::make_shared<WriteState>();
    state->kind = WriteState::Kind::Replace;
    state->configurationId = configurationId;
    state->wanted = wanted;
    state->undoOf = undoOf;
    state->approve = approve;
    state->replaceDone = done;
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
            state->configuration = EnrollmentConfiguration::fromJson(r.value().object);
            if (state->configuration.id.isEmpty())
                state->configuration.id = state->configurationId;
            m_configurationNames.insert(state->configuration.id, state->configuration.displayName);
            next();
        });
}

void AssignmentService::readAssignmentsThen(
    Operation *op, std::shared_ptr<WriteState> state, std::function<void()> next)
{
    op->await(m_graph->send(listAssignmentsRequest(state->configurationId)),
        [this, op, state, next](const Result<GraphResponse> &r) {
            if (!r)
                return finishWrite(op, state, r.error());
            state->before = assignmentsFromJson(r.value().values);
            next();
        });
}

// --- the one write runner ---------------------------------------------------

void AssignmentService::runWrite(Operation *op, std::shared_ptr<WriteAttempt> attempt)
{
    if (op->isCancelled()) {
        WriteOutcome outcome;
        outcome.error = cancelledBeforeSending();
        outcome.resends = attempt->resends;
        return attempt->done(outcome);
    }
    op->await(m_graph->send(attempt->request), [this, op, attempt](const Result<GraphResponse> &r) {
        if (r && (!attempt->answerIsComplete || attempt->answerIsComplete(r.value()))) {
            WriteOutcome outcome;
            outcome.kind = WriteOutcome::Kind::Succeeded;
            outcome.answer = r.value();
            outcome.resends = attempt->resends;
            return attempt->done(outcome);
        }
        GraphError error;
        if (r) {
            error = GraphError::local(GraphError::Kind::InvalidResponse,
                tr("Graph answered HTTP %1 without what a completed write returns.").arg(r.value().httpStatus));
            error.httpStatus = r.value().httpStatus;
            error.requestId = r.value().requestId;
            error.clientRequestId = r.value().clientRequestId;
        } else {
            error = r.error();
        }
        const bool settle = error.writeOutcome() != GraphError::WriteOutcome::NotApplied
            || (attempt->notFoundIsUncertain && error.kind == GraphError::Kind::Http && error.httpStatus == 404);
        if (!settle) {
            WriteOutcome outcome;
            outcome.error = error;
            outcome.resends = attempt->resends;
            return attempt->done(outcome);
        }
        settleWrite(op, attempt, error, false);
    });
}

void AssignmentService::settleWrite(
    Operation *op, std::shared_ptr<WriteAttempt> attempt, const GraphError &error, bool secondLook)
{
    Q_EMIT op->statusChanged(tr("Checking whether the write landed…"));
    op->await(m_graph->send(attempt->probe), [this, op, attempt, error, secondLook](const Result<GraphResponse> &r) {
        WriteOutcome outcome;
        outcome.error = error;
        outcome.resends = attempt->resends;
        if (!r) {
            outcome.kind = WriteOutcome::Kind::Unreadable;
            outcome.readError = r.error();
            return attempt->done(outcome);
        }
        if (attempt->landed(r.value())) {
            outcome.kind = WriteOutcome::Kind::Confirmed;
            outcome.probe = r.value();
            return attempt->done(outcome);
        }
        const auto resendDelay = m_graph->retryPolicy().delayBeforeResend(error, attempt->resends + 1);
        const bool notNow = error.writeOutcome() == GraphError::WriteOutcome::NotNow;
        if (secondLook) {
            if (resendDelay && !op->isCancelled()) {
                ++attempt->resends;
                return runWrite(op, attempt);
            }
            // "Not now" and still not there: the service refused it. Anything
            // else may still be on its way; never "safe to try again".
            outcome.kind
                = notNow || op->isCancelled() ? WriteOutcome::Kind::NotApplied : WriteOutcome::Kind::NotVisible;
            outcome.lastLook = QTime::currentTime();
            if (op->isCancelled() && notNow)
                outcome.error = GraphError::local(GraphError::Kind::Cancelled,
                    tr("Cancelled; a read showed the write had not landed, and it "
                       "was not sent again."));
            return attempt->done(outcome);
        }
        if (notNow && !resendDelay) {
            outcome.kind = WriteOutcome::Kind::NotApplied;
            return attempt->done(outcome);
        }
        // Look again after a wait: Retry-After (or a backoff) before a resend,
        // a few seconds for a write that may still be in flight.
        const std::chrono::milliseconds wait = resendDelay ? *resendDelay : m_graph->retryPolicy().notVisibleRecheck;
        const qint64 seconds = (wait.count() + 999) / 1000;
        Q_EMIT op->statusChanged(resendDelay
                ? tr("%1; the write did not land; checking again and resending in %n s…", nullptr, int(seconds))
                      .arg(error.httpStatus == 429 ? tr("Throttled by the service (HTTP 429)")
                                                   : tr("The service is busy (HTTP %1)").arg(error.httpStatus))
                : tr("The write's outcome is not visible yet; looking again in %n s…", nullptr, int(seconds)));
        op->wait(wait, [this, op, attempt, error] {
            if (op->isCancelled()) {
                // The last read showed nothing, and nothing more goes out.
                WriteOutcome outcome;
                outcome.error = error;
                outcome.resends = attempt->resends;
                outcome.lastLook = QTime::currentTime();
                outcome.kind = error.writeOutcome() == GraphError::WriteOutcome::NotNow
                    ? WriteOutcome::Kind::NotApplied
                    : WriteOutcome::Kind::NotVisible;
                return attempt->done(outcome);
            }
            settleWrite(op, attempt, error, true);
        });
    });
}

// The message for an outcome that is neither a success nor a certain failure.
GraphError AssignmentService::uncertainOutcomeError(const WriteOutcome &outcome, const QString &what) const
{
    GraphError e = outcome.error;
    e.intunePhrase.clear();
    switch (outcome.kind) {
    case WriteOutcome::Kind::Unreadable:
        e.message = tr("The answer to the write did not show whether it was applied (%1), and the assignments "
                       "could not be re-read (%2), so it is unknown whether %3. Reload the assignments before "
                       "trying again.")
                        .arg(outcome.error.readableMessage(), outcome.readError.readableMessage(), what);
        break;
    case WriteOutcome::Kind::NotVisible:
        e.message
            = tr("Not visible at %1: %2 Two reads of the assignments a few seconds apart do not show that "
                 "%3, but the write may still be on its way. Reload the assignments before trying again.")
                  .arg(outcome.lastLook.toString(QStringLiteral("HH:mm:ss")), outcome.error.readableMessage(), what);
        break;
    case WriteOutcome::Kind::NotApplied:
        if (outcome.error.writeOutcome() == GraphError::WriteOutcome::NotNow)
            e.message = tr("Not done: %1 A re-read of the assignments shows it was not applied; try again later.")
                            .arg(outcome.error.readableMessage());
        break;
    case WriteOutcome::Kind::Succeeded:
    case WriteOutcome::Kind::Confirmed: break;
    }
    return e;
}

// The endings a write shares when it did not succeed: a definite failure
// (journal "failed"), or an outcome no read could settle (journal
// "unknown"); `what` is what could not be confirmed ("the assignment was created").
void AssignmentService::finishUnsettledWrite(
    Operation *op, std::shared_ptr<WriteState> state, const WriteOutcome &outcome, const QString &what)
{
    const bool failed = outcome.kind == WriteOutcome::Kind::NotApplied;
    const GraphError reported = uncertainOutcomeError(outcome, failed ? QString() : what);
    journalResult(*state, failed ? AuditOutcome::Failed : AuditOutcome::Unknown,
        failed ? reported.summary() : reported.message, {}, reported.requestId, reported.clientRequestId,
        reported.httpStatus);
    finishWrite(op, state, reported);
}

// Intune refused the single-request route (the ESP and some other types):
// journal that, then plan the same change as a full list.
void AssignmentService::switchToFullList(Operation *op, std::shared_ptr<WriteState> state, const GraphError &refusal)
{
    journalResult(*state, AuditOutcome::Failed,
        tr("Intune refused the single-assignment route; the full list is needed."), {}, refusal.requestId,
        refusal.clientRequestId, refusal.httpStatus);
    planFullList(op, state, {});
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
            return op->finish<Done>(state->deleteDone, Done {});
        case WriteOutcome::Kind::Confirmed:
            journalResult(*state, AuditOutcome::Succeeded,
                tr("Deleted (confirmed by a re-read after: %1)").arg(outcome.error.summary()), state->assignmentId,
                outcome.error.requestId, outcome.error.clientRequestId, outcome.error.httpStatus);
            return op->finish<Done>(state->deleteDone, Done {});
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

// --- full-list writes -------------------------------------------------------

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
        return op->finish<Done>(state->deleteDone, Done {});
    case WriteState::Kind::Replace:
        journalResult(*state, AuditOutcome::Succeeded, {}, {}, requestId, clientRequestId, status);
        return op->finish<QList<Assignment>>(state->replaceDone, after);
    }
}

void AssignmentService::finishWrite(Operation *op, std::shared_ptr<WriteState> state, const GraphError &error)
{
    switch (state->kind) {
    case WriteState::Kind::Create: return op->finish<CreatedAssignment>(state->createDone, error);
    case WriteState::Kind::Delete: return op->finish<Done>(state->deleteDone, error);
    case WriteState::Kind::Replace: return op->finish<QList<Assignment>>(state->replaceDone, error);
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
    if (state.kind == WriteState::Kind::Replace)
        e.targetSummary = tr("full list of %n", nullptr, int(state.wanted.size()));
    else
        e.target = state.target;
    e.assignmentId = state.assignmentId;
    return e;
}

bool AssignmentService::journalAttempt(
    WriteState &state, AuditAction action, const std::optional<FullListRecord> &fullList)
{
    state.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    state.action = action;
    if (!m_journal)
        return true;
    AuditEntry e = journalEntry(state, AuditPhase::Attempt);
    e.outcome = AuditOutcome::Pending;
    e.fullList = fullList;
    e.undoOf = state.undoOf;
    return m_journal->append(e, &state.journalError);
}

void AssignmentService::journalResult(const WriteState &state, AuditOutcome outcome, const QString &message,
    const QString &assignmentId, const QString &requestId, const QString &clientRequestId, int httpStatus)
{
    if (!m_journal)
        return;
    AuditEntry e = journalEntry(state, AuditPhase::Result);
    if (!assignmentId.isEmpty())
        e.assignmentId = assignmentId;
    e.outcome = outcome;
    e.httpStatus = httpStatus;
    e.requestId = requestId;
    e.clientRequestId = clientRequestId;
    e.message = message.left(2000);
    // A result that cannot be journalled must not hide the outcome from the
    // admin; the attempt line is already there to show the write happened.
    m_journal->append(e);
}

} // namespace ea
