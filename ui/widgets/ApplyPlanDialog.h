#pragma once

#include "widgets/PlanRunView.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace ea {
class AssignmentService;
class GroupDirectory;
} // namespace ea

namespace ea::ui {

// File › Apply plan… (issue 17): a bulk plan (CSV, or an export's JSON, whose
// entries no row can carry are listed as "Left out") checked row by row, the
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

    // The diff names the groups it targets (null: ids only).
    void setGroupDirectory(GroupDirectory *groups);

    // Reads the plan at `path`, checks it and reads the tenant, as choosing it would.
    void openPlan(const QString &path);

    QTreeWidget *diffTree() const { return m_view->diffTree(); }
    QString statusText() const { return m_view->statusText(); }
    QPushButton *applyButton() const { return m_view->applyButton(); }
    QPushButton *cancelButton() const { return m_view->cancelButton(); }
    QProgressBar *progressBar() const { return m_view->progressBar(); }

Q_SIGNALS:
    // The diff is shown (ok), or what keeps the plan from running is.
    void diffShown(bool ok);
    // A run ended (also after a cancel).
    void runFinished(bool ok);

protected:
    void reject() override;

private:
    void choosePlan();

    PlanRunView *m_view;
    QLabel *m_pathLabel;
    QPushButton *m_chooseButton;
};

} // namespace ea::ui
