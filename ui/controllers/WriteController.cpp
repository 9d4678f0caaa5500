#include "WriteController.h"

#include "AppSettings.h"
#include "Logging.h"
#include "models/DisplayText.h"

#include <QLocale>

#include <type_traits>

namespace ea::ui {

namespace {

// For the log, not for people: the write's kind in one word.
const char *kindWord(WriteTask::Kind kind)
{
    switch (kind) {
    case WriteTask::Kind::Create: return "create";
    case WriteTask::Kind::Remove: return "remove";
    case WriteTask::Kind::Undo: return "undo";
    }
    return "?";
}

QString createdMessage(const CreatedAssignment &created)
{
    if (created.viaAssignAction)
        return WriteController::tr(
            "Created assignment %1 by sending the full list (%2 kept); verified by a re-read (request-id %3).")
            .arg(created.assignment.id)
            .arg(created.previousAssignments.size())
            .arg(created.requestId);
    return WriteController::tr("Created assignment %1 (request-id %2).").arg(created.assignment.id, created.requestId);
}

// What the status bar or the error banner says about a write that ended.
void describe(WriteOutcome &outcome)
{
    const WriteTask &task = outcome.task;
    const bool cancelled = outcome.error.kind == GraphError::Kind::Cancelled;
    const QString notSent = WriteController::tr("Cancelled: the full list was not sent; nothing changed.");
    switch (task.kind) {
    case WriteTask::Kind::Create:
        if (outcome.ok)
            outcome.statusMessage = createdMessage(*outcome.created);
        else if (outcome.declined)
            outcome.statusMessage = notSent;
        else if (cancelled)
            // The POST may have reached Graph before the cancel: the re-read shows whether it did.
            outcome.statusMessage
                = WriteController::tr("Cancelled. Re-reading the assignments to show whether it was created.");
        else
            outcome.errorTitle = WriteController::tr("Could not create the assignment");
        return;
    case WriteTask::Kind::Remove:
        if (outcome.ok)
            outcome.statusMessage = WriteController::tr("Removed the assignment of “%1” to %2.")
                                        .arg(task.configurationName, task.description);
        else if (outcome.declined)
            outcome.statusMessage = notSent;
        else if (cancelled)
            outcome.statusMessage
                = WriteController::tr("Cancelled. Re-reading the assignments to show whether it was removed.");
        else
            outcome.errorTitle = WriteController::tr("Could not remove the assignment");
        return;
    case WriteTask::Kind::Undo:
        if (outcome.ok)
            outcome.statusMessage = WriteController::tr("Undone.");
        else if (outcome.declined)
            outcome.statusMessage = WriteController::tr("Undo cancelled: the full list was not sent; nothing changed.");
        else if (cancelled)
            outcome.statusMessage = WriteController::tr("Undo cancelled. Re-reading the assignments.");
        else
            outcome.errorTitle = WriteController::tr("Could not undo the assignment");
        return;
    }
}

} // namespace

WriteController::WriteController(AssignmentService *service, WriteQuestions *questions, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_questions(questions)
{ }

void WriteController::ask(const WriteQuestions::Confirmation &question, const std::function<void()> &then)
{
    m_asking = true;
    QPointer<WriteController> self(this);
    m_questions->confirmWrite(question, [self, then](bool confirmed) {
        if (!self)
            return;
        self->m_asking = false;
        if (!self->m_closing && confirmed)
            then();
    });
}

// --- create ---------------------------------------------------------------------

void WriteController::assign(const NewAssignmentSource &current)
{
    if (!m_service || isBusy() || m_asking)
        return;
    const std::optional<NewAssignment> now = current();
    if (!now)
        return;
    if (m_writePermissionProblem.isEmpty())
        return startAssign(*now);
    // Sent anyway only if the admin says so (the token may be out of date; Graph decides).
    const QString configurationId = now->configuration.id;
    ask({QStringLiteral("writePermissionConfirmation"), tr("Missing permission"),
            tr("The write will likely be refused."), m_writePermissionProblem, tr("Assign anyway"),
            QStringLiteral("assignAnywayButton")},
        [this, current, configurationId] {
            const std::optional<NewAssignment> confirmed = current();
            if (confirmed && confirmed->configuration.id == configurationId)
                startAssign(*confirmed);
        });
}

void WriteController::startAssign(const NewAssignment &assignment)
{
    if (!m_service || isBusy())
        return;
    const EnrollmentConfiguration &configuration = assignment.configuration;
    WriteTask task;
    task.kind = WriteTask::Kind::Create;
    task.configurationId = configuration.id;
    task.configurationName = configuration.displayName;
    task.subjectName = assignment.subjectName;
    const QString intro
        = tr("Intune refused to add a single assignment to “%1” (%2): it accepts this type's assignments only as one "
             "complete list, and whatever the list leaves out is deleted. Nothing has been changed yet.")
              .arg(configuration.displayName, configuration.typeDisplayName());
    Operation *op = m_service->createAssignment(
        configuration.id, assignment.target, this, finisher<CreatedAssignment>(task), fullListApprover(intro));
    start(op, task, tr("Sending the request…"));
}

// --- remove ---------------------------------------------------------------------

void WriteController::remove(
    const EnrollmentConfiguration &configuration, const Assignment &assignment, const QString &description)
{
    if (!m_service || isBusy() || m_asking)
        return;
    // Turned off in Preferences: no question, unless the sign-in is likely to be refused.
    if (m_settings && !m_settings->confirmRemove() && m_writePermissionProblem.isEmpty())
        return startRemove(configuration, assignment, description);

    QString informative
        = tr("Intune stops applying the configuration to this target. The removal is recorded in the History.");
    if (configuration.requiresAssignAction())
        informative += u' '
            + tr("Intune may accept this only as a full list; if so, you are asked again before anything is sent.");
    informative += u'\n' + tr("Assignment id: %1").arg(assignment.id);
    if (!m_writePermissionProblem.isEmpty())
        informative = m_writePermissionProblem + QStringLiteral("\n\n") + informative;
    ask({QStringLiteral("removeAssignmentConfirmation"), tr("Remove assignment"),
            tr("Remove the assignment of “%1” to %2?").arg(configuration.displayName, description), informative,
            tr("Remove assignment"), QStringLiteral("confirmRemoveButton")},
        [this, configuration, assignment, description] { startRemove(configuration, assignment, description); });
}

void WriteController::startRemove(
    const EnrollmentConfiguration &configuration, const Assignment &assignment, const QString &description)
{
    if (!m_service || isBusy())
        return;
    WriteTask task;
    task.kind = WriteTask::Kind::Remove;
    task.configurationId = configuration.id;
    task.configurationName = configuration.displayName;
    task.assignmentId = assignment.id;
    task.description = description;
    const QString intro = tr("Intune refused to delete the single assignment from “%1” (%2): it accepts this type's "
                             "assignments only as one complete list. The list below leaves out %3. Nothing has been "
                             "changed yet.")
                              .arg(configuration.displayName, configuration.typeDisplayName(), description);
    Operation *op = m_service->deleteAssignment(
        configuration.id, assignment.id, this, finisher<RemovedAssignment>(task), fullListApprover(intro));
    start(op, task, tr("Removing the assignment to %1…").arg(description));
}

// --- undo -----------------------------------------------------------------------

void WriteController::undo(const CreatedAssignmentTableModel::Entry &entry, const std::function<bool()> &stillUndoable)
{
    if (!m_service || isBusy() || m_asking)
        return;
    // A full-list undo: the full-list dialog shows exactly what it sends and deletes; it is the confirmation.
    if (entry.created.viaAssignAction || (m_settings && !m_settings->confirmUndo()))
        return startUndo(entry);
    const QString description = DisplayText::targetInSentence(entry.created.assignment.target, entry.subjectName);
    ask({QStringLiteral("undoConfirmation"), tr("Undo assignment"),
            tr("Undo the assignment of “%1” to %2, created at %3?")
                .arg(entry.configurationName, description,
                    QLocale().toString(entry.time.toLocalTime().time(), QLocale::ShortFormat)),
            tr("The assignment is deleted. The removal is recorded in the History.") + u'\n'
                + tr("Assignment id: %1").arg(entry.created.assignment.id),
            tr("Undo assignment"), QStringLiteral("confirmUndoButton")},
        [this, entry, stillUndoable] {
            if (stillUndoable())
                startUndo(entry);
        });
}

void WriteController::startUndo(const CreatedAssignmentTableModel::Entry &entry)
{
    if (!m_service || isBusy())
        return;
    WriteTask task;
    task.kind = WriteTask::Kind::Undo;
    task.configurationId = entry.created.configurationId;
    task.configurationName = entry.configurationName;
    task.subjectName = entry.subjectName;
    task.assignmentId = entry.created.assignment.id;
    task.description = DisplayText::targetInSentence(entry.created.assignment.target, entry.subjectName);
    task.undoKey = entry.key;

    Operation *op = nullptr;
    if (entry.created.viaAssignAction) {
        const QString intro
            = tr("Undo restores the list of assignments “%1” had before %2. Assignments not in that list — the one "
                 "created then, and any added since — are deleted; they are marked “Removed” below. Nothing has "
                 "been changed yet.")
                  .arg(entry.configurationName,
                      QLocale().toString(entry.time.toLocalTime().time(), QLocale::ShortFormat));
        op = m_service->replaceAssignments(task.configurationId, entry.created.previousAssignments, this,
            finisher<QList<Assignment>>(task), fullListApprover(intro), task.assignmentId);
    } else {
        const QString intro = tr("Intune refused to delete the single assignment from “%1”: it accepts this type's "
                                 "assignments only as one complete list. The list below leaves out %2. Nothing has "
                                 "been changed yet.")
                                  .arg(entry.configurationName, task.description);
        op = m_service->deleteAssignment(task.configurationId, task.assignmentId, this,
            finisher<RemovedAssignment>(task), fullListApprover(intro), task.assignmentId);
    }
    start(op, task, tr("Undoing the assignment to %1…").arg(task.description));
}

// --- the one running write ---------------------------------------------------------

FullListApproval WriteController::fullListApprover(const QString &intro)
{
    QPointer<WriteController> self(this);
    return [self, intro](const FullListPlan &plan, const std::function<void(bool)> &answer) {
        if (!self || self->m_closing)
            return answer(false);
        Q_EMIT self->progressChanged(tr("Waiting for your answer: send the full list?"));
        self->m_questions->approveFullList(plan, intro, [self, answer](bool send) {
            if (self && !send)
                self->m_fullListDeclined = true;
            if (self && !self->m_closing && send)
                Q_EMIT self->progressChanged(tr("Sending the full list…"));
            answer(send);
        });
    };
}

template<typename T> ResultCallback<T> WriteController::finisher(const WriteTask &task)
{
    return [this, task](const Result<T> &result) {
        WriteOutcome outcome;
        outcome.task = task;
        outcome.ok = result.ok();
        if (!result)
            outcome.error = result.error();
        if constexpr (std::is_same_v<T, CreatedAssignment>) {
            if (result)
                outcome.created = result.value();
        }
        finish(outcome);
    };
}

void WriteController::start(Operation *operation, const WriteTask &task, const QString &progressText)
{
    m_write = operation;
    m_fullListDeclined = false;
    m_startedAt = QDateTime::currentDateTimeUtc();
    connect(operation, &Operation::statusChanged, this, &WriteController::progressChanged);
    qCInfo(lcUi).nospace() << "write started: " << kindWord(task.kind) << " on " << task.configurationId;
    Q_EMIT started(task);
    Q_EMIT busyChanged(true);
    Q_EMIT progressChanged(progressText);
}

void WriteController::finish(WriteOutcome outcome)
{
    if (m_closing)
        return;
    outcome.declined = m_fullListDeclined;
    qCInfo(lcUi).nospace() << "write finished: " << kindWord(outcome.task.kind) << " on "
                           << outcome.task.configurationId << (outcome.ok ? " ok" : " failed")
                           << (outcome.declined ? " (full list declined)" : "");
    m_write = nullptr;
    m_startedAt = {};
    Q_EMIT busyChanged(false);
    describe(outcome);
    Q_EMIT finished(outcome);
}

void WriteController::cancel()
{
    if (!m_write)
        return;
    Q_EMIT progressChanged(tr("Cancelling…"));
    m_write->cancel();
    // A question still open is answered "no": nothing more is sent.
    m_questions->withdrawFullListQuestion();
}

void WriteController::shutDown()
{
    m_closing = true;
    if (m_write)
        m_write->cancel();
}

} // namespace ea::ui
