#pragma once

#include "domain/PlanFile.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace ea {
class AssignmentService;
class PlanRunner;
struct PlanDiff;
struct PlanProgress;
struct PlanRunSummary;
} // namespace ea

namespace ea::ui {

class ErrorBanner;

// File › Apply plan… (issue 17): a bulk plan (CSV) checked row by row, the
// tenant read and the whole diff shown, then run on approval with a progress
// bar (done / total, the write under way, time left) and Cancel, which stops
// between writes. The same PlanRunner as the CLI's `apply`: every write
// paced under Intune's limit, full-list types in one write each; running a
// plan again writes only what is still missing.
class ApplyPlanDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ApplyPlanDialog(AssignmentService *service, QWidget *parent = nullptr);
    ~ApplyPlanDialog() override;

    // Reads the plan at `path`, checks it and reads the tenant, as choosing it would.
    void openPlan(const QString &path);

    QTreeWidget *diffTree() const { return m_tree; }
    QString statusText() const;
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    // The diff is shown (ok), or what keeps the plan from running is.
    void diffShown(bool ok);
    // A run ended (also after a cancel).
    void runFinished(bool ok);

protected:
    void reject() override;

private:
    void choosePlan();
    void showProblems(const QList<PlanProblem> &problems);
    void showDiff(const PlanDiff &diff);
    void apply();
    void showProgress(const PlanProgress &progress);
    void showSummary(const PlanRunSummary &summary);
    void setState(bool busy, bool running);

    AssignmentService *m_service;
    PlanRunner *m_runner;
    QString m_path;
    QList<PlanRow> m_rows;
    int m_writes = 0;
    bool m_reading = false;
    QLabel *m_pathLabel;
    QPushButton *m_chooseButton;
    QLabel *m_status;
    ErrorBanner *m_error;
    QTreeWidget *m_tree;
    QProgressBar *m_progress;
    QLabel *m_current;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
    std::unique_ptr<PlanDiff> m_diff;
};

} // namespace ea::ui
