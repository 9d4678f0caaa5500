// Priority orders: the read of one type's order and setPriority, the one
// write that changes it. The write goes through runWrite()
// (AssignmentWriteRunner.cpp) like every other: an answer that does not prove
// the outcome is settled by reading the configuration, never by sending it
// again blindly. Whether Intune renumbers the others is not documented, so
// the order is read again after every change and returned as read.
#include "service/AssignmentWrites_p.h"

#include <QJsonArray>

#include <algorithm>

namespace ea {

using writes::cancelledBeforeSending;
using writes::refusedWith;

namespace {

using OrderRead = std::pair<EnrollmentConfiguration, PriorityOrder>;

// The journal's copy of an order: what an admin needs to see what it was, and an undo to restore it.
QJsonArray journalOrder(const PriorityOrder &order)
{
    QJsonArray array;
    for (const EnrollmentConfiguration &c : order.ranked) {
        array.append(QJsonObject {
            {QStringLiteral("id"), c.id},
            {QStringLiteral("displayName"), c.displayName},
            {QStringLiteral("priority"), c.priority},
        });
    }
    return array;
}

} // namespace

int PriorityChange::priorityAfter() const
{
    const EnrollmentConfiguration *c = after.find(configurationId);
    return c ? c->priority : 0;
}

bool PriorityChange::matchesPlan() const
{
    return !afterReadError && after.rankedIds() == plannedIds && priorityAfter() == requestedPriority;
}

QString AssignmentService::priorityInputProblem(const QString &configurationId, int priority)
{
    const QString problem = configurationIdProblem(configurationId);
    if (!problem.isEmpty())
        return problem;
    if (priority < 1)
        return tr("Priority %1 is not a position: priorities start at 1 (1 wins over every other of its type).")
            .arg(priority);
    return {};
}

GraphRequest AssignmentService::setPriorityRequest(const QString &configurationId, int priority) const
{
    QStringList path = configurationPath(configurationId);
    path << QStringLiteral("setPriority");
    return GraphRequest::post(path, QJsonObject {{QStringLiteral("priority"), priority}});
}

void AssignmentService::readOrderThen(
    Operation *op, const QString &configurationId, std::function<void(const Result<OrderRead> &)> next)
{
    Q_EMIT op->statusChanged(tr("Reading the priority order…"));
    op->await(m_graph->send(listConfigurationsForOrderRequest()),
        [this, configurationId, next](const Result<GraphResponse> &r) {
            if (!r)
                return next(r.error());
            const QList<EnrollmentConfiguration> all = configurationsFromJson(r.value().values);
            const auto it = std::find_if(all.cbegin(), all.cend(), [&](const EnrollmentConfiguration &c) {
                return c.id.compare(configurationId, Qt::CaseInsensitive) == 0;
            });
            if (it == all.cend())
                return next(refusedWith(refusal::kUnknownConfiguration,
                    tr("The tenant lists no configuration %1 (it may have been deleted). Nothing was sent; list "
                       "them again.")
                        .arg(configurationId)));
            m_configurationNames.insert(it->id, it->displayName);
            next(OrderRead {*it, PriorityOrder::of(all, PriorityOrderKey::of(*it))});
        });
}

Operation *AssignmentService::readPriorityOrder(
    const QString &configurationId, QObject *context, const ResultCallback<PriorityOrder> &done)
{
    const QString problem = configurationIdProblem(configurationId);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    auto *op = new Operation(context, this);
    readOrderThen(op, configurationId, [op, done](const Result<OrderRead> &r) {
        if (!r)
            return op->finish<PriorityOrder>(done, r.error());
        op->finish<PriorityOrder>(done, r.value().second);
    });
    return op;
}

// Why this change must not be sent (the app's refusal, with its code); nullopt when it may.
std::optional<GraphError> AssignmentService::priorityRefusal(const WriteState &state) const
{
    const EnrollmentConfiguration &c = state.configuration;
    const PriorityChange &change = state.priority;
    const auto ranked = int(change.before.ranked.size());
    if (c.isDefault())
        return refusedWith(refusal::kDefaultPolicy,
            tr("'%1' (%2) is a default policy: it applies last, to everyone no other policy of its type "
               "reaches, and its priority cannot be changed. Nothing was sent; move a non-default policy "
               "instead.")
                .arg(c.displayName, c.id));
    if (!PriorityOrder::hasOrder(c.kind()))
        return refusedWith(refusal::kNoPriorityOrder,
            tr("'%1' is of a type without a priority order (%2): Intune applies only the tenant-wide "
               "default at enrollment. Nothing was sent.")
                .arg(c.displayName, c.typeDisplayName()));
    if (change.requestedPriority == c.priority)
        return refusedWith(refusal::kSamePriority,
            tr("'%1' already has priority %2, and Intune refuses to set the priority a configuration "
               "already has. Nothing was sent; give another position (1 to %3).")
                .arg(c.displayName)
                .arg(c.priority)
                .arg(ranked));
    if (change.requestedPriority > ranked)
        return refusedWith(refusal::kPriorityOutOfRange,
            tr("Priority %1 is out of range: %2 has %n configuration(s) that can be ordered, so the "
               "priority is 1 to %n. Nothing was sent.",
                nullptr, ranked)
                .arg(change.requestedPriority)
                .arg(change.before.typeName()));
    return std::nullopt;
}

Operation *AssignmentService::setPriority(
    const QString &configurationId, int priority, QObject *context, const ResultCallback<PriorityChange> &done)
{
    const QString problem = priorityInputProblem(configurationId, priority);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });

    auto state = WriteState::make(WriteState::Kind::Priority, configurationId, {}, {});
    state->runId = m_runId;
    state->priorityDone = done;
    state->priority.configurationId = configurationId;
    state->priority.requestedPriority = priority;
    auto *op = new Operation(context, this);
    readOrderThen(op, configurationId, [this, op, state](const Result<OrderRead> &r) {
        if (!r)
            return finishWrite(op, state, r.error());
        state->configuration = r.value().first;
        state->configurationId = state->configuration.id;
        PriorityChange &change = state->priority;
        change.configurationId = state->configuration.id;
        change.configurationName = state->configuration.displayName;
        change.previousPriority = state->configuration.priority;
        change.before = r.value().second;
        change.plannedIds = change.before.plannedIds(change.configurationId, change.requestedPriority);
        if (const std::optional<GraphError> refused = priorityRefusal(*state))
            return finishWrite(op, state, *refused);
        sendPriority(op, state);
    });
    return op;
}

void AssignmentService::sendPriority(Operation *op, std::shared_ptr<WriteState> state)
{
    if (op->isCancelled())
        return finishWrite(op, state, cancelledBeforeSending());
    state->priorityRecord.requested = state->priority.requestedPriority;
    state->priorityRecord.previous = state->priority.previousPriority;
    state->priorityRecord.orderBefore = journalOrder(state->priority.before);
    if (!journalAttempt(*state, AuditAction::SetPriority))
        return finishWrite(op, state, journalFailure(*state));

    auto attempt = std::make_shared<WriteAttempt>();
    attempt->request = setPriorityRequest(state->configurationId, state->priority.requestedPriority);
    // Whether it landed is the configuration's own priority: one read, and it
    // does not depend on how Intune numbered the others.
    attempt->probe = getConfigurationRequest(state->configurationId);
    attempt->landed = [state](const GraphResponse &probe) {
        return EnrollmentConfiguration::fromJson(probe.object).priority == state->priority.requestedPriority;
    };
    attempt->done = [this, op, state](const WriteOutcome &outcome) {
        finishPriority(op, state, outcome);
    };
    runWrite(op, attempt);
}

void AssignmentService::finishPriority(Operation *op, std::shared_ptr<WriteState> state, const WriteOutcome &outcome)
{
    PriorityChange &change = state->priority;
    change.throttledResends = outcome.resends;
    switch (outcome.kind) {
    case WriteOutcome::Kind::Succeeded:
        change.httpStatus = outcome.answer.httpStatus;
        change.requestId = outcome.answer.requestId;
        change.clientRequestId = outcome.answer.clientRequestId;
        break;
    case WriteOutcome::Kind::Confirmed:
        change.httpStatus = outcome.error.httpStatus;
        change.requestId = outcome.error.requestId;
        change.clientRequestId = outcome.error.clientRequestId;
        change.confirmedAfterAmbiguousFailure = true;
        break;
    case WriteOutcome::Kind::NotApplied:
    case WriteOutcome::Kind::NotVisible:
    case WriteOutcome::Kind::Unreadable: {
        GraphError e = outcome.error;
        if (outcome.kind == WriteOutcome::Kind::Unreadable) {
            e.message = tr("The answer to setPriority did not show whether it was applied (%1), and the "
                           "configuration could not be re-read (%2), so priority %3 may or may not have been "
                           "applied. It was not sent again. Read the order again before trying again.")
                            .arg(outcome.error.readableMessage(), outcome.readError.readableMessage())
                            .arg(change.requestedPriority);
            e.intunePhrase.clear();
        } else if (outcome.kind == WriteOutcome::Kind::NotVisible) {
            e.message = tr("Not visible at %1: %2 Two reads a few seconds apart do not show priority %3, but the "
                           "change may still be on its way. It was not sent again. Read the order again before "
                           "trying again.")
                            .arg(outcome.lastLook.toString(QStringLiteral("HH:mm:ss")), outcome.error.readableMessage())
                            .arg(change.requestedPriority);
            e.intunePhrase.clear();
        } else if (outcome.error.writeOutcome() == GraphError::WriteOutcome::NotNow) {
            e.message = tr("Not done: %1 A re-read shows the priority was not changed; try again later.")
                            .arg(outcome.error.readableMessage());
            e.intunePhrase.clear();
        }
        const bool notApplied = outcome.kind == WriteOutcome::Kind::NotApplied;
        journalResult(*state, notApplied ? AuditOutcome::Failed : AuditOutcome::Unknown,
            notApplied ? e.summary() : e.message, {}, e.requestId, e.clientRequestId, e.httpStatus);
        return finishWrite(op, state, e);
    }
    }

    // Done: read what the order became (never assume the others were renumbered).
    readOrderThen(op, state->configurationId, [this, op, state](const Result<OrderRead> &r) {
        PriorityChange &change = state->priority;
        QString message;
        if (r) {
            change.after = r.value().second;
            state->priorityRecord.orderAfter = journalOrder(change.after);
            if (!change.matchesPlan())
                message = tr("The order read afterwards differs from the one planned.");
        } else {
            change.afterReadError = r.error();
            message = tr("Done, but the order could not be read afterwards: %1").arg(r.error().summary());
        }
        if (change.confirmedAfterAmbiguousFailure)
            message = tr("Confirmed by a re-read after an answer that did not show it.") + u' ' + message;
        else if (change.throttledResends)
            message = tr("Set after %n throttled attempt(s).", nullptr, change.throttledResends) + u' ' + message;
        journalResult(*state, AuditOutcome::Succeeded, message.trimmed(), {}, change.requestId, change.clientRequestId,
            change.httpStatus);
        op->finish<PriorityChange>(state->priorityDone, change);
    });
}

} // namespace ea
