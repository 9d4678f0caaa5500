// The one write runner of AssignmentService: every write request goes
// through runWrite(), the one place that decides what happens when its
// answer does not prove the outcome (read first; send again only when the read
// proves it did not land and the service said "not now").
#include "service/AssignmentWrites_p.h"

namespace ea {

using writes::cancelledBeforeSending;

void AssignmentService::runWrite(Operation *op, std::shared_ptr<WriteAttempt> attempt)
{
    if (op->isCancelled()) {
        WriteOutcome outcome;
        outcome.error = cancelledBeforeSending();
        outcome.resends = attempt->resends;
        return attempt->done(outcome);
    }
    if (m_governor) {
        // Intune's write limit: a slot now, or wait and ask again (a 429 to
        // another write meanwhile may lengthen the wait).
        const std::chrono::milliseconds delay = m_governor->tryAcquire();
        if (delay.count() > 0) {
            if (delay >= std::chrono::seconds(1))
                Q_EMIT op->statusChanged(tr("Keeping under Intune's write limit; sending in %n s…", nullptr,
                    int((delay.count() + 999) / 1000)));
            return op->wait(delay, [this, op, attempt] { runWrite(op, attempt); });
        }
    }
    op->await(m_graph->send(attempt->request), [this, op, attempt](const Result<GraphResponse> &r) {
        if (m_governor) {
            const GraphError *error = r ? nullptr : &r.error();
            if (error && error->kind == GraphError::Kind::Http
                && (error->httpStatus == 429 || (error->httpStatus == 503 && error->retryAfterSeconds >= 0))) {
                m_governor->setBackoff(m_graph->retryPolicy().baseDelay, m_graph->retryPolicy().maxDelay);
                m_governor->throttled(error->retryAfterSeconds >= 0
                        ? std::optional(std::chrono::milliseconds(qint64(error->retryAfterSeconds) * 1000))
                        : std::nullopt);
            } else if (r) {
                m_governor->accepted();
            }
        }
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

} // namespace ea
