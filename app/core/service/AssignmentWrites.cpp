// The write paths of AssignmentService: create, delete and replace-all, each
// guarded by reads before (default policy, duplicate, the live list that a
// replace-all must keep) and after (verification), and journalled.
#include "service/AssignmentService.h"

#include "domain/Identifiers.h"

#include <QJsonArray>
#include <QPointer>
#include <QUuid>

namespace ea {

struct AssignmentService::WriteState
{
    enum class Kind { Create, Delete, Replace };
    Kind kind = Kind::Create;
    QString configurationId;
    EnrollmentConfiguration configuration;
    AssignmentTarget target;   // Create
    QString assignmentId;      // Delete
    QList<Assignment> wanted;  // Replace
    QList<Assignment> before;  // the live list read before the write
    // The full list about to be sent with POST .../assign.
    QList<Assignment> kept;
    QList<AssignmentTarget> added;
    QList<Assignment> removed;
    bool fullListWasAmbiguous = false;
    GraphError fullListError;
    QString operationId; // pairs the journal's attempt and result lines
    QString action;
    QString journalError;
    FullListApproval approve;
    ResultCallback<CreatedAssignment> createDone;
    ResultCallback<Done> deleteDone;
    ResultCallback<QList<Assignment>> replaceDone;

    QString configurationName() const { return configuration.displayName; }
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

bool containsTarget(const QList<Assignment> &list, const AssignmentTarget &target)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const Assignment &a) { return a.target.sameTargetAs(target); });
}

QJsonArray targetSpecs(const QList<Assignment> &list)
{
    QJsonArray out;
    for (const Assignment &a : list)
        out.append(QString(a.id + u' ' + targetSpec(a.target)));
    return out;
}

} // namespace

GraphError AssignmentService::journalFailure(const WriteState &state) const
{
    return journalFailureFor(m_journal ? m_journal->filePath() : QString(), state.journalError);
}

// --- entry points -----------------------------------------------------------

Operation *AssignmentService::createAssignment(const QString &configurationId, const AssignmentTarget &target,
                                               QObject *context, const ResultCallback<CreatedAssignment> &done,
                                               const FullListApproval &approve)
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
            for (const Assignment &a : std::as_const(state->before)) {
                if (a.target.sameTargetAs(state->target))
                    return finishWrite(op, state,
                                       refusedWith(refusal::kAlreadyAssigned,
                                                   tr("'%1' is already assigned to this target (assignment %2). "
                                                      "Nothing was sent.")
                                                       .arg(state->configurationName(), a.id)));
            }
            postSingleAssignment(op, state);
        });
    });
    return op;
}

Operation *AssignmentService::deleteAssignment(const QString &configurationId, const QString &assignmentId,
                                               QObject *context, const ResultCallback<Done> &done,
                                               const FullListApproval &approve)
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
                                                 QObject *context, const ResultCallback<QList<Assignment>> &done,
                                                 const FullListApproval &approve)
{
    QString problem = configurationIdProblem(configurationId);
    for (const Assignment &a : wanted) {
        if (problem.isEmpty())
            problem = a.target.validationProblem(apiVersion());
    }
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });

    auto state = std::make_shared<WriteState>();
    state->kind = WriteState::Kind::Replace;
    state->configurationId = configurationId;
    state->wanted = wanted;
    state->approve = approve;
    state->replaceDone = done;
    auto *op = new Operation(context, this);
    readConfigurationThen(op, state, [this, op, state] {
        if (state->configuration.isDefault())
            return finishWrite(op, state,
                               refusedWith(refusal::kDefaultPolicy,
                                           tr("'%1' is a default policy; its assignments cannot be changed.")
                                               .arg(state->configurationName())));
        sendFullList(op, state);
    });
    return op;
}

// --- steps ------------------------------------------------------------------

void AssignmentService::readConfigurationThen(Operation *op, std::shared_ptr<WriteState> state,
                                              std::function<void()> next)
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

void AssignmentService::readAssignmentsThen(Operation *op, std::shared_ptr<WriteState> state,
                                            std::function<void()> next)
{
    op->await(m_graph->send(listAssignmentsRequest(state->configurationId)),
              [this, op, state, next](const Result<GraphResponse> &r) {
                  if (!r)
                      return finishWrite(op, state, r.error());
                  state->before = assignmentsFromJson(r.value().values);
                  next();
              });
}

void AssignmentService::postSingleAssignment(Operation *op, std::shared_ptr<WriteState> state)
{
    if (op->isCancelled())
        return finishWrite(op, state, GraphError::local(GraphError::Kind::Cancelled, tr("Cancelled; nothing was sent.")));
    if (!journalAttempt(*state, QStringLiteral("create")))
        return finishWrite(op, state, journalFailure(*state));
    op->await(m_graph->send(createAssignmentRequest(state->configurationId, state->target)),
              [this, op, state](const Result<GraphResponse> &r) {
                  if (r) {
                      const Assignment created = Assignment::fromJson(r.value().object);
                      if (r.value().httpStatus == 201 && !created.id.isEmpty()) {
                          journalResult(*state, QStringLiteral("succeeded"), {}, created.id, r.value().requestId,
                                        r.value().clientRequestId, r.value().httpStatus);
                          CreatedAssignment result;
                          result.configurationId = state->configurationId;
                          result.configurationName = state->configurationName();
                          result.assignment = created;
                          result.httpStatus = r.value().httpStatus;
                          result.requestId = r.value().requestId;
                          result.clientRequestId = r.value().clientRequestId;
                          return op->finish<CreatedAssignment>(state->createDone, result);
                      }
                      // A success status without the object: whether it was created is unknown.
                      GraphError unclear = GraphError::local(
                          GraphError::Kind::InvalidResponse,
                          tr("Graph answered HTTP %1 without the created assignment.").arg(r.value().httpStatus));
                      unclear.httpStatus = r.value().httpStatus;
                      unclear.requestId = r.value().requestId;
                      unclear.clientRequestId = r.value().clientRequestId;
                      return settleAmbiguousCreate(op, state, unclear);
                  }
                  const GraphError &error = r.error();
                  if (error.isRouteRefusal()) {
                      journalResult(*state, QStringLiteral("failed"),
                                    tr("Intune refused the single-assignment route; the full list is needed."), {},
                                    error.requestId, error.clientRequestId, error.httpStatus);
                      return sendFullList(op, state);
                  }
                  if (error.isAmbiguousForWrite())
                      return settleAmbiguousCreate(op, state, error);
                  journalResult(*state, QStringLiteral("failed"), error.summary(), {}, error.requestId,
                                error.clientRequestId, error.httpStatus);
                  finishWrite(op, state, error);
              });
}

void AssignmentService::settleAmbiguousCreate(Operation *op, std::shared_ptr<WriteState> state,
                                              const GraphError &error)
{
    // Never a blind second POST: the re-read says whether the first one landed.
    op->await(m_graph->send(listAssignmentsRequest(state->configurationId)),
              [this, op, state, error](const Result<GraphResponse> &r) {
                  if (!r) {
                      GraphError unknown = error;
                      unknown.message = tr("The answer to the write was lost and the assignments could not be "
                                           "re-read, so it is unknown whether the assignment was created. Reload "
                                           "the assignments before trying again. (%1)")
                                            .arg(error.readableMessage());
                      unknown.intunePhrase.clear();
                      journalResult(*state, QStringLiteral("unknown"), unknown.message, {}, error.requestId,
                                    error.clientRequestId, error.httpStatus);
                      return finishWrite(op, state, unknown);
                  }
                  const QList<Assignment> after = assignmentsFromJson(r.value().values);
                  for (const Assignment &a : after) {
                      const bool isNew = std::none_of(state->before.cbegin(), state->before.cend(),
                                                      [&](const Assignment &b) { return b.id == a.id; });
                      if (isNew && a.target.sameTargetAs(state->target)) {
                          journalResult(*state, QStringLiteral("succeeded"),
                                        tr("Created (confirmed by a re-read after: %1)").arg(error.summary()), a.id,
                                        error.requestId, error.clientRequestId, error.httpStatus);
                          CreatedAssignment result;
                          result.configurationId = state->configurationId;
                          result.configurationName = state->configurationName();
                          result.assignment = a;
                          result.requestId = error.requestId;
                          result.clientRequestId = error.clientRequestId;
                          result.confirmedAfterAmbiguousFailure = true;
                          return op->finish<CreatedAssignment>(state->createDone, result);
                      }
                  }
                  GraphError notCreated = error;
                  notCreated.message = tr("Not created: %1 A re-read of the assignments shows no new assignment "
                                          "for this target, so it is safe to try again.")
                                           .arg(error.readableMessage());
                  notCreated.intunePhrase.clear();
                  journalResult(*state, QStringLiteral("failed"), notCreated.message, {}, error.requestId,
                                error.clientRequestId, error.httpStatus);
                  finishWrite(op, state, notCreated);
              });
}

void AssignmentService::deleteSingleAssignment(Operation *op, std::shared_ptr<WriteState> state)
{
    if (op->isCancelled())
        return finishWrite(op, state, GraphError::local(GraphError::Kind::Cancelled, tr("Cancelled; nothing was sent.")));
    if (!journalAttempt(*state, QStringLiteral("delete")))
        return finishWrite(op, state, journalFailure(*state));
    op->await(m_graph->send(deleteAssignmentRequest(state->configurationId, state->assignmentId)),
              [this, op, state](const Result<GraphResponse> &r) {
                  if (r) {
                      journalResult(*state, QStringLiteral("succeeded"), {}, state->assignmentId, r.value().requestId,
                                    r.value().clientRequestId, r.value().httpStatus);
                      return op->finish<Done>(state->deleteDone, Done{});
                  }
                  const GraphError &error = r.error();
                  if (error.isRouteRefusal()) {
                      journalResult(*state, QStringLiteral("failed"),
                                    tr("Intune refused the single-assignment route; the full list is needed."), {},
                                    error.requestId, error.clientRequestId, error.httpStatus);
                      return sendFullList(op, state);
                  }
                  // A lost answer, or a 404 (Qt resends an idempotent DELETE on a
                  // dropped connection, and the resend finds it gone): re-read.
                  if (error.isAmbiguousForWrite() || error.httpStatus == 404)
                      return settleAmbiguousDelete(op, state, error);
                  journalResult(*state, QStringLiteral("failed"), error.summary(), {}, error.requestId,
                                error.clientRequestId, error.httpStatus);
                  finishWrite(op, state, error);
              });
}

void AssignmentService::settleAmbiguousDelete(Operation *op, std::shared_ptr<WriteState> state,
                                              const GraphError &error)
{
    op->await(m_graph->send(listAssignmentsRequest(state->configurationId)),
              [this, op, state, error](const Result<GraphResponse> &r) {
                  if (!r) {
                      GraphError unknown = error;
                      unknown.message = tr("The answer to the delete was lost and the assignments could not be "
                                           "re-read, so it is unknown whether assignment %1 was removed. Reload "
                                           "the assignments before trying again. (%2)")
                                            .arg(state->assignmentId, error.readableMessage());
                      unknown.intunePhrase.clear();
                      journalResult(*state, QStringLiteral("unknown"), unknown.message, {}, error.requestId,
                                    error.clientRequestId, error.httpStatus);
                      return finishWrite(op, state, unknown);
                  }
                  const QList<Assignment> after = assignmentsFromJson(r.value().values);
                  const bool stillThere = std::any_of(after.cbegin(), after.cend(), [&](const Assignment &a) {
                      return a.id == state->assignmentId;
                  });
                  if (!stillThere) {
                      journalResult(*state, QStringLiteral("succeeded"),
                                    tr("Deleted (confirmed by a re-read after: %1)").arg(error.summary()),
                                    state->assignmentId, error.requestId, error.clientRequestId, error.httpStatus);
                      return op->finish<Done>(state->deleteDone, Done{});
                  }
                  GraphError notDeleted = error;
                  notDeleted.message = tr("Not deleted: %1 A re-read shows assignment %2 is still there, so it is "
                                          "safe to try again.")
                                           .arg(error.readableMessage(), state->assignmentId);
                  notDeleted.intunePhrase.clear();
                  journalResult(*state, QStringLiteral("failed"), notDeleted.message, {}, error.requestId,
                                error.clientRequestId, error.httpStatus);
                  finishWrite(op, state, notDeleted);
              });
}

void AssignmentService::sendFullList(Operation *op, std::shared_ptr<WriteState> state)
{
    // Read the live list again right before replacing it: it is what must be kept.
    readAssignmentsThen(op, state, [this, op, state] {
        state->kept.clear();
        state->added.clear();
        state->removed.clear();
        switch (state->kind) {
        case WriteState::Kind::Create:
            if (containsTarget(state->before, state->target))
                return finishWrite(op, state,
                                   refusedWith(refusal::kAlreadyAssigned,
                                               tr("'%1' is already assigned to this target. Nothing was sent.")
                                                   .arg(state->configurationName())));
            state->kept = state->before;
            state->added = {state->target};
            break;
        case WriteState::Kind::Delete:
            for (const Assignment &a : std::as_const(state->before))
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
                // Entries that still exist keep their id; others are created anew.
                const bool live = std::any_of(state->before.cbegin(), state->before.cend(),
                                              [&](const Assignment &b) { return b.id == w.id; });
                Assignment entry = w;
                if (!live)
                    entry.id.clear();
                state->kept.append(entry);
            }
            for (const Assignment &b : std::as_const(state->before)) {
                if (!containsTarget(state->wanted, b.target))
                    state->removed.append(b);
            }
            break;
        }
        for (const Assignment &a : std::as_const(state->kept)) {
            if (a.target.kind() == AssignmentTarget::Kind::Unknown)
                return finishWrite(op, state,
                                   refusedWith(refusal::kUnreadableAssignment,
                                               tr("Assignment %1 of '%2' has an empty or unknown target when read "
                                                  "back. Sending the full list would delete it, so nothing was "
                                                  "sent. Check it in the Intune admin center.")
                                                   .arg(a.id, state->configurationName())));
        }

        FullListPlan plan;
        plan.configurationId = state->configurationId;
        plan.configurationName = state->configurationName();
        plan.kept = state->kept;
        plan.added = state->added;
        plan.removed = state->removed;
        plan.request = preview(assignFullListRequest(state->configurationId, state->kept, state->added));
        if (!state->approve)
            return finishWrite(op, state,
                               refusedWith(refusal::kFullListNotApproved,
                                           tr("Intune accepts assignments of '%1' only as a full list. %2 Nothing "
                                              "was sent.")
                                               .arg(state->configurationName(), plan.summary())));

        QPointer<Operation> guard(op);
        state->approve(plan, [this, guard, state](bool approved) {
            if (!guard || guard->isCancelled()) {
                if (guard)
                    finishWrite(guard, state,
                                GraphError::local(GraphError::Kind::Cancelled, tr("Cancelled; nothing was sent.")));
                return;
            }
            Operation *op = guard;
            if (!approved)
                return finishWrite(op, state,
                                   GraphError::local(GraphError::Kind::Cancelled,
                                                     tr("The full list was not sent; nothing changed.")));
            QJsonObject details{{QStringLiteral("before"), targetSpecs(state->before)},
                                {QStringLiteral("sentKept"), targetSpecs(state->kept)}};
            QJsonArray added;
            for (const AssignmentTarget &t : std::as_const(state->added))
                added.append(targetSpec(t));
            details.insert(QStringLiteral("sentAdded"), added);
            if (!journalAttempt(*state, QStringLiteral("assign-full-list"), details))
                return finishWrite(op, state, journalFailure(*state));
            op->await(m_graph->send(assignFullListRequest(state->configurationId, state->kept, state->added)),
                      [this, op, state](const Result<GraphResponse> &r) {
                          if (r)
                              return verifyFullList(op, state, r.value());
                          const GraphError &error = r.error();
                          if (error.isAmbiguousForWrite()) {
                              // The re-read tells whether the list was applied.
                              state->fullListWasAmbiguous = true;
                              state->fullListError = error;
                              return verifyFullList(op, state, GraphResponse{});
                          }
                          journalResult(*state, QStringLiteral("failed"), error.summary(), {}, error.requestId,
                                        error.clientRequestId, error.httpStatus);
                          finishWrite(op, state, error);
                      });
        });
    });
}

void AssignmentService::verifyFullList(Operation *op, std::shared_ptr<WriteState> state,
                                       const GraphResponse &assignResponse)
{
    op->await(m_graph->send(listAssignmentsRequest(state->configurationId)),
              [this, op, state, assignResponse](const Result<GraphResponse> &r) {
                  const QString requestId = state->fullListWasAmbiguous ? state->fullListError.requestId
                                                                        : assignResponse.requestId;
                  const QString clientRequestId = state->fullListWasAmbiguous
                      ? state->fullListError.clientRequestId
                      : assignResponse.clientRequestId;
                  const int status = state->fullListWasAmbiguous ? state->fullListError.httpStatus
                                                                 : assignResponse.httpStatus;
                  if (!r) {
                      GraphError unknown = r.error();
                      unknown.message = tr("The full list was sent but the assignments could not be re-read to "
                                           "verify it. Reload them and compare with the list before: %1")
                                            .arg(QString::fromUtf8(QJsonDocument(targetSpecs(state->before))
                                                                       .toJson(QJsonDocument::Compact)));
                      journalResult(*state, QStringLiteral("unknown"), unknown.message, {}, requestId,
                                    clientRequestId, status);
                      return finishWrite(op, state, unknown);
                  }
                  const QList<Assignment> after = assignmentsFromJson(r.value().values);
                  QStringList missing;
                  for (const Assignment &k : std::as_const(state->kept)) {
                      if (!containsTarget(after, k.target))
                          missing << targetSpec(k.target);
                  }
                  for (const AssignmentTarget &t : std::as_const(state->added)) {
                      if (!containsTarget(after, t))
                          missing << targetSpec(t);
                  }
                  QStringList stillThere;
                  for (const Assignment &gone : std::as_const(state->removed)) {
                      if (containsTarget(after, gone.target))
                          stillThere << targetSpec(gone.target);
                  }
                  if (!missing.isEmpty() || !stillThere.isEmpty()) {
                      GraphError mismatch = state->fullListWasAmbiguous
                          ? state->fullListError
                          : GraphError::local(GraphError::Kind::InvalidResponse, QString());
                      mismatch.intunePhrase.clear();
                      mismatch.message = tr("The re-read after sending the full list does not match what was sent. "
                                            "Missing: %1. Still present: %2. The list before was: %3")
                                             .arg(missing.isEmpty() ? tr("none") : missing.join(QStringLiteral(", ")),
                                                  stillThere.isEmpty() ? tr("none")
                                                                       : stillThere.join(QStringLiteral(", ")),
                                                  QString::fromUtf8(QJsonDocument(targetSpecs(state->before))
                                                                        .toJson(QJsonDocument::Compact)));
                      journalResult(*state, state->fullListWasAmbiguous ? QStringLiteral("unknown")
                                                                        : QStringLiteral("failed"),
                                    mismatch.message, {}, requestId, clientRequestId, status);
                      return finishWrite(op, state, mismatch);
                  }

                  switch (state->kind) {
                  case WriteState::Kind::Create: {
                      Assignment created;
                      for (const Assignment &a : after) {
                          if (a.target.sameTargetAs(state->target))
                              created = a;
                      }
                      journalResult(*state, QStringLiteral("succeeded"), {}, created.id, requestId, clientRequestId,
                                    status);
                      CreatedAssignment result;
                      result.configurationId = state->configurationId;
                      result.configurationName = state->configurationName();
                      result.assignment = created;
                      result.httpStatus = status;
                      result.requestId = requestId;
                      result.clientRequestId = clientRequestId;
                      result.viaAssignAction = true;
                      result.previousAssignments = state->before;
                      result.confirmedAfterAmbiguousFailure = state->fullListWasAmbiguous;
                      return op->finish<CreatedAssignment>(state->createDone, result);
                  }
                  case WriteState::Kind::Delete:
                      journalResult(*state, QStringLiteral("succeeded"), {}, state->assignmentId, requestId,
                                    clientRequestId, status);
                      return op->finish<Done>(state->deleteDone, Done{});
                  case WriteState::Kind::Replace:
                      journalResult(*state, QStringLiteral("succeeded"), {}, {}, requestId, clientRequestId, status);
                      return op->finish<QList<Assignment>>(state->replaceDone, after);
                  }
              });
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

AuditEntry AssignmentService::journalEntry(const WriteState &state, const QString &phase) const
{
    AuditEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.operationId = state.operationId;
    e.phase = phase;
    e.action = state.action;
    e.tenant = m_auditContext.tenant;
    e.cloud = m_auditContext.cloud;
    e.apiVersion = apiVersionPath(apiVersion());
    e.configurationId = state.configurationId;
    e.configurationName = state.configurationName();
    e.target = state.kind == WriteState::Kind::Replace ? tr("full list of %n", nullptr, int(state.wanted.size()))
                                                       : targetSpec(state.target);
    e.assignmentId = state.assignmentId;
    return e;
}

bool AssignmentService::journalAttempt(WriteState &state, const QString &action, const QJsonObject &details)
{
    state.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    state.action = action;
    if (!m_journal)
        return true;
    AuditEntry e = journalEntry(state, QStringLiteral("attempt"));
    e.outcome = QStringLiteral("pending");
    e.details = details;
    return m_journal->append(e, &state.journalError);
}

void AssignmentService::journalResult(const WriteState &state, const QString &outcome, const QString &message,
                                      const QString &assignmentId, const QString &requestId,
                                      const QString &clientRequestId, int httpStatus)
{
    if (!m_journal)
        return;
    AuditEntry e = journalEntry(state, QStringLiteral("result"));
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
