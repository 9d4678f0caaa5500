#pragma once

#include "models/CreatedAssignmentTableModel.h"
#include "service/AssignmentService.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace ea::ui {

class AppSettings;

// What the write controller asks the admin, answered by whoever shows it (the
// main window, with window-modal dialogs). Every question is answered exactly
// once, later or at once; `answer(false)` means "do nothing".
class WriteQuestions
{
public:
    // A yes/no question before a write (remove, undo, a write the sign-in
    // will likely be refused). objectName and confirmName name the dialog and
    // its confirm button for tests and screen readers.
    struct Confirmation
    {
        QString objectName;
        QString title;
        QString text;
        QString informative;
        QString confirmText;
        QString confirmName;
    };

    virtual ~WriteQuestions() = default;
    virtual void confirmWrite(const Confirmation &question, const std::function<void(bool)> &answer) = 0;
    // The service's full-list approval; intro says why it is asked.
    virtual void approveFullList(
        const FullListPlan &plan, const QString &intro, const std::function<void(bool)> &answer)
        = 0;
    // The write is being cancelled: an open full-list question is answered "no".
    virtual void withdrawFullListQuestion() = 0;
};

// One write (create, remove, undo) as the panes see it.
struct WriteTask
{
    enum class Kind { Create, Remove, Undo };
    Kind kind = Kind::Create;
    QString configurationId;
    QString configurationName;
    QString subjectName; // Create: the group's display name when known
    QString assignmentId; // Remove, Undo: the assignment deleted
    QString description; // the target in a sentence ("the group Sales")
    quint64 undoKey = 0; // Undo: the created row's key
};

// How a write ended, with what the status bar and the error banner say.
struct WriteOutcome
{
    WriteTask task;
    bool ok = false;
    bool declined = false; // the admin said no to the full list: nothing changed
    GraphError error; // when !ok
    std::optional<CreatedAssignment> created; // Create, when ok
    QString statusMessage; // empty when the error banner says it
    QString errorTitle; // the banner's title when it shows `error`
};

// The one write of the window: it asks first when it should (through
// WriteQuestions), runs the service's operation, reports its progress, takes
// Cancel, and ends every write the same way with one `finished` signal that
// the panes and the window react to. No widgets here.
class WriteController final : public QObject
{
    Q_OBJECT
public:
    // service may be null (not signed in): nothing is ever started.
    WriteController(AssignmentService *service, WriteQuestions *questions, QObject *parent = nullptr);

    bool isBusy() const { return !m_write.isNull(); }
    // A confirmation is open: a second write waits for it to be answered.
    bool isAsking() const { return m_asking; }
    QDateTime startedAt() const { return m_startedAt; }

    // Why a write will likely be refused (the sign-in lacks the permission);
    // empty: nothing. A write then asks first.
    void setWritePermissionProblem(const QString &problem) { m_writePermissionProblem = problem; }
    // Preferences (not owned): whether to ask before a remove or an undo,
    // read when one starts. Without them, always ask.
    void useSettings(const AppSettings *settings) { m_settings = settings; }

    // The new assignment as the window has it now; nothing when it cannot be sent.
    struct NewAssignment
    {
        EnrollmentConfiguration configuration;
        AssignmentTarget target;
        QString subjectName;
    };
    using NewAssignmentSource = std::function<std::optional<NewAssignment>()>;
    // `current` is asked now and again after a confirmation: the selection or
    // the target may have changed while the question was open.
    void assign(const NewAssignmentSource &current);
    void remove(const EnrollmentConfiguration &configuration, const Assignment &assignment, const QString &description);
    // `stillUndoable` is asked again after the confirmation.
    void undo(const CreatedAssignmentTableModel::Entry &entry, const std::function<bool()> &stillUndoable);
    void cancel();
    // The window goes: cancel the write, and report nothing more.
    void shutDown();

Q_SIGNALS:
    void busyChanged(bool busy);
    // What the write is doing now ("Sending the request…"), for the line beside Assign.
    void progressChanged(const QString &text);
    void started(const ea::ui::WriteTask &task);
    void finished(const ea::ui::WriteOutcome &outcome);

private:
    void ask(const WriteQuestions::Confirmation &question, const std::function<void()> &then);
    void startAssign(const NewAssignment &assignment);
    void startRemove(
        const EnrollmentConfiguration &configuration, const Assignment &assignment, const QString &description);
    void startUndo(const CreatedAssignmentTableModel::Entry &entry);
    FullListApproval fullListApprover(const QString &intro);
    template<typename T> ResultCallback<T> finisher(const WriteTask &task);
    void start(Operation *operation, const WriteTask &task, const QString &progressText);
    void finish(WriteOutcome outcome);

    AssignmentService *m_service;
    WriteQuestions *m_questions;
    QPointer<Operation> m_write;
    QDateTime m_startedAt;
    QString m_writePermissionProblem;
    const AppSettings *m_settings = nullptr;
    bool m_asking = false;
    bool m_fullListDeclined = false; // the admin said no to the full list of the write in flight
    bool m_closing = false;
};

} // namespace ea::ui
