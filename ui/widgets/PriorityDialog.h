#pragma once

#include "domain/GraphError.h"
#include "domain/PriorityOrder.h"
#include "graph/RequestExport.h"

#include <QDateTime>
#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace ea {
class AssignmentService;
struct PriorityChange;
struct PriorityReorder;
} // namespace ea

namespace ea::ui {

class CopyAsMenu;
class DialogStatus;
class ErrorBanner;

// Priority order (issue 16): one configuration type's order as the tenant
// has it (left) beside the order the admin arranges (right: move up/down,
// Ctrl+Up/Ctrl+Down, drag; defaults stay last and locked), the setPriority
// requests that turn one into the other (previewed, copyable), and Apply,
// which sends them one at a time through AssignmentService::reorder: after
// each the order is re-read and shown on the left, and a re-read that
// differs from the plan stops the run and says so.
class PriorityDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PriorityDialog(AssignmentService *service, QWidget *parent = nullptr);

    // Reads every order and shows the one `configurationId` belongs to (the
    // first one when empty or unknown).
    void showOrderOf(const QString &configurationId);
    // The undo of a journalled priority change: reads, then arranges the
    // moved configuration back at `previousPriority`; Apply sends it, and the
    // order afterwards is compared with `orderBefore` (ranked ids as journalled).
    void planUndo(const QString &configurationId, const QString &configurationName, int previousPriority,
        const QStringList &orderBefore, const QDateTime &changedAt);

    QComboBox *typeBox() const { return m_type; }
    QListWidget *tenantList() const { return m_tenant; }
    QListWidget *plannedList() const { return m_planned; }
    QListWidget *stepList() const { return m_steps; }
    QPushButton *applyButton() const { return m_applyButton; }
    QString statusText() const;
    ErrorBanner *errorBanner() const { return m_error; }
    // The ranked ids in the order the admin arranged.
    QStringList plannedIds() const;
    // Moves the planned row up (-1) or down (+1), as the buttons do.
    void moveSelected(int delta);

Q_SIGNALS:
    // The orders were read (ok) or could not be (not ok).
    void loaded(bool ok);
    // An Apply ended; ok: the tenant's order is the one arranged.
    void applied(bool ok);
    // A setPriority was sent (the journal has a new entry).
    void wrote();

private:
    void reload();
    void showOrders(const QList<PriorityOrder> &orders, const QString &selectId);
    void showType(int index);
    void fillTenantList();
    void setPlanned(const QStringList &ids);
    void keepDefaultsLast();
    void updatePlan();
    void showStep(int row);
    void apply();
    void stepDone(const PriorityChange &change);
    void applyDone(const PriorityReorder &run);
    void applyFailed(const GraphError &error);
    void setBusy(bool busy, const QString &status);
    void updateButtons();
    const PriorityOrder *currentOrder() const;
    QString nameOf(const QString &id) const;

    AssignmentService *m_service;
    QComboBox *m_type;
    QPushButton *m_reloadButton;
    DialogStatus *m_status;
    ErrorBanner *m_error;
    QLabel *m_tenantCaption;
    QListWidget *m_tenant;
    QListWidget *m_planned;
    QPushButton *m_upButton;
    QPushButton *m_downButton;
    QPushButton *m_resetButton;
    QLabel *m_stepsCaption;
    QListWidget *m_steps;
    QPlainTextEdit *m_preview;
    CopyAsMenu *m_copyAs;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;

    QList<PriorityOrder> m_orders; // every order as last read; the current one updated after each step
    QDateTime m_readAt;
    QList<PriorityMove> m_plan; // from the tenant's order (left) to the arranged one (right)
    QString m_pendingSelect; // the configuration whose order to show once read
    // An undo in preparation or running: what the order was before the change.
    struct Undo
    {
        QString configurationId;
        int previousPriority = 0;
        QStringList orderBefore;
        QDateTime changedAt;
    };
    std::optional<Undo> m_undo;
};

} // namespace ea::ui
