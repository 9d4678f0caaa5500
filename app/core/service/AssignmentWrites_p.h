// What the write paths of AssignmentService share across their files
// (AssignmentWrites.cpp, AssignmentWriteRunner.cpp, AssignmentFullList.cpp).
// Private to the service: nothing outside app/core/service includes it.
#pragma once

#include "service/AssignmentService.h"

#include <QTime>

#include <functional>
#include <memory>

namespace ea {

struct AssignmentService::WriteState
{
    enum class Kind { Create, Delete, Replace, Priority, Merge };
    Kind kind = Kind::Create;
    QString configurationId;
    EnrollmentConfiguration configuration;
    AssignmentTarget target; // Create
    QString assignmentId; // Delete
    QList<Assignment> wanted; // Replace
    QList<AssignmentTarget> mergeAdd; // Merge
    QList<AssignmentTarget> mergeRemove; // Merge
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
    QString runId; // the bulk-plan run that started it (journalled as runId)
    AuditAction action = AuditAction::Create;
    QString journalError;
    FullListApproval approve;
    ResultCallback<CreatedAssignment> createDone;
    ResultCallback<RemovedAssignment> deleteDone;
    ResultCallback<QList<Assignment>> replaceDone;
    ResultCallback<MergedFullList> mergeDone;
    // Priority: the change as planned, then as it ended; the journal's record of it.
    PriorityChange priority;
    PriorityRecord priorityRecord;
    ResultCallback<PriorityChange> priorityDone;

    static std::shared_ptr<WriteState> make(
        Kind kind, const QString &configurationId, const FullListApproval &approve, const QString &undoOf)
    {
        auto state = std::make_shared<WriteState>();
        state->kind = kind;
        state->configurationId = configurationId;
        state->approve = approve;
        state->undoOf = undoOf;
        return state;
    }

    QString configurationName() const { return configuration.displayName; }
    // Delete: what was removed, from the read before the write (on beta when
    // a full list was planned, so filters and sources are there too).
    RemovedAssignment removalResult(const GraphResponse &answer, bool confirmed, const GraphError &error) const;
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

namespace writes {

// The app's own refusal: nothing was written.
inline GraphError refusedWith(const QString &code, const QString &message)
{
    GraphError e = GraphError::local(GraphError::Kind::Refused, message);
    e.code = code;
    return e;
}

inline GraphError cancelledBeforeSending()
{
    GraphError e
        = GraphError::local(GraphError::Kind::Cancelled, AssignmentService::tr("Cancelled; nothing was sent."));
    e.requestMaybeSent = false;
    return e;
}

} // namespace writes

} // namespace ea
