#pragma once

#include "domain/GraphError.h"
#include "domain/PlanFile.h"

#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace ea {
class AssignmentService;
class GroupDirectory;
class PlanRunner;
struct PlanDiff;
struct PlanProgress;
struct PlanRunSummary;
} // namespace ea

namespace ea::ui {

class ErrorBanner;

// The part of a bulk-plan dialog that reads, shows and runs the rows (File ›
// Apply plan…, File › Copy assignments…): a status line, Graph errors, the
// diff by configuration (with what was left out of the plan and why), then
// on Apply a progress bar (done / total, the write under way, time left)
// and Cancel, which stops between writes. Where the rows come from is the
// dialog's business; the run is PlanRunner's (the CLI's apply): paced under
// Intune's write limit, full-list types in one write each, and a re-run
// writes only what is still missing.
//
// The Apply and Cancel buttons belong to the view; a dialog puts them into
// its button box (applyButton(), cancelButton()).
class PlanRunView final : public QWidget
{
    Q_OBJECT
public:
    // `namePrefix` starts every child's object name ("applyPlan" →
    // "applyPlanTree", "applyPlanStatus", …).
    PlanRunView(AssignmentService *service, const QString &namePrefix, QWidget *parent = nullptr);
    ~PlanRunView() override;

    // Where the diff's group targets get their display names (one bounded
    // read after the diff is shown, names cached for the session); null: ids only.
    void setGroupDirectory(GroupDirectory *groups) { m_groups = groups; }

    // What the status adds when rows cannot run, on how to fix them, and
    // after a run that did not finish, on how to finish it.
    void setHints(const QString &problemHint, const QString &resumeHint)
    {
        m_problemHint = problemHint;
        m_resumeHint = resumeHint;
    }

    // Shows `status` and nothing else (no rows, no diff).
    void reset(const QString &status);
    // A read that failed before any row could be shown (Graph's status, code, message, request-id).
    void showError(const QString &what, const GraphError &error, const QString &status);
    // Rows that cannot run, as found before anything is read; nothing can be applied.
    void showProblems(const QList<PlanProblem> &problems);
    // Checks the rows against the session, reads the tenant and shows the
    // diff (then diffShown()). `leftOut`: what the source had that the rows
    // do not carry, listed first so the admin sees it before applying.
    void readDiff(const QList<PlanRow> &rows, const QList<LeftOutEntry> &leftOut = {});
    // Lists `leftOut` and says there is nothing to write.
    void showNothingToDo(const QList<LeftOutEntry> &leftOut, const QString &status);

    // Reading the tenant or running writes.
    bool isBusy() const;
    bool isRunning() const;
    // Stops a run between writes (a write already sent is seen to its end).
    void cancel();

    QTreeWidget *diffTree() const { return m_tree; }
    QString statusText() const;
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    // The diff is shown (ok), or what keeps the rows from running is.
    void diffShown(bool ok);
    // A run ended (also after a cancel).
    void runFinished(bool ok);
    void busyChanged(bool busy);

private:
    void showLeftOut(const QList<LeftOutEntry> &leftOut);
    void nameGroups();
    void showDiff(const PlanDiff &diff, const QList<LeftOutEntry> &leftOut);
    void apply();
    void showProgress(const PlanProgress &progress);
    void showSummary(const PlanRunSummary &summary);
    void setState(bool busy, bool running);

    AssignmentService *m_service;
    GroupDirectory *m_groups = nullptr;
    PlanRunner *m_runner;
    quint64 m_generation = 0; // bumped by reset(): names read for an older diff are dropped
    QString m_problemHint;
    QString m_resumeHint;
    int m_writes = 0;
    bool m_reading = false;
    QLabel *m_status;
    ErrorBanner *m_error;
    QTreeWidget *m_tree;
    QProgressBar *m_progress;
    QLabel *m_current;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;
    std::unique_ptr<PlanDiff> m_diff;
};

} // namespace ea::ui
