#pragma once

#include "domain/GraphError.h"
#include "domain/RestorePlan.h"
#include "domain/TenantExport.h"

#include <QDialog>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace ea {
class AssignmentService;
struct RestoreOutcome;
} // namespace ea

namespace ea::ui {

class DialogStatus;
class ErrorBanner;

// File › Restore assignments… (issue 17): an export file against the tenant
// as it is now. The plan shows, per configuration of the file, whether its
// list is unchanged, will be replaced (what is added, removed, changed) or
// is left out and why; Restore sends one verified full-list write per
// configuration to replace, one after the other, with progress and Cancel.
// After a run the plan is made again from the tenant, so what is left shows.
class RestoreDialog final : public QDialog
{
    Q_OBJECT
public:
    // tenantLabel: the session's tenant, shown beside the file's.
    RestoreDialog(AssignmentService *service, const QString &tenantLabel, QWidget *parent = nullptr);

    // Reads and checks the file, then plans against the tenant (as Open… does).
    void openFile(const QString &path);

    QTreeWidget *planTree() const { return m_tree; }
    QPushButton *restoreButton() const { return m_restoreButton; }
    QProgressBar *progressBar() const { return m_progress; }
    ErrorBanner *errorBanner() const { return m_error; }
    QString statusText() const;
    const RestorePlan &plan() const { return m_plan; }

Q_SIGNALS:
    // A plan is shown (ok) or the file or the read failed.
    void planned(bool ok);
    // A restore run ended; ok: every write of the plan was made and verified.
    void restored(bool ok);
    // A write was sent (the journal has new entries).
    void wrote();

private:
    void chooseFile();
    void makePlan();
    void showPlan(const RestorePlan &plan);
    void restore();
    void restoreDone(const RestoreOutcome &outcome);
    void setBusy(bool busy, const QString &status);

    AssignmentService *m_service;
    QString m_tenantLabel;
    QLabel *m_file;
    QPushButton *m_openButton;
    DialogStatus *m_status;
    ErrorBanner *m_error;
    QTreeWidget *m_tree;
    QProgressBar *m_progress;
    QPushButton *m_restoreButton;
    QPushButton *m_cancelButton;
    std::optional<TenantExport> m_export;
    RestorePlan m_plan;
};

} // namespace ea::ui
