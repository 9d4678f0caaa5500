#pragma once

#include "controllers/WriteController.h"
#include "domain/EnrollmentConfiguration.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QFrame;
class QLabel;
class QMessageBox;
class QProgressBar;
class QSettings;
class QStackedWidget;
class QToolBar;
class QToolButton;

namespace ea {
struct AuditOperation;
class GroupDirectory;
class Session;
} // namespace ea

namespace ea::ui {

class AboutDialog;
class ApplyPlanDialog;
class EffectiveDialog;
class PriorityDialog;
class AppSettings;
class ConfigurationDetailsPane;
class ConfigurationListPane;
class CreatedAssignmentsPane;
class ErrorBanner;
class FullListConfirmationDialog;
class HistoryPane;
class NewAssignmentPane;
class PreferencesDialog;
class RequestLogDock;

// The one window: the configuration list on the left; the chosen
// configuration's details and current assignments (with Remove) and the new
// assignment (target, the exact request, Assign) on the right; at the bottom,
// in one tabbed dock area, the assignments created in this session (with
// Undo), the audit journal (History) and the request log. The window holds
// the actions, menus, toolbar, docks and status bar; each pane (ui/panes/)
// does its own work, and every write (assign, remove, undo) goes through one
// WriteController. The window answers the controller's questions (a
// confirmation, the full-list approval) with window-modal dialogs opened with
// open(), never a nested event loop.
//
// session may be null: the window then shows how to sign in or open the
// sandbox, and nothing else.
class MainWindow final : public QMainWindow, private WriteQuestions
{
    Q_OBJECT
public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    // A write is in flight.
    bool isBusy() const;
    QString selectedConfigurationId() const;
    // Why Assign is disabled; empty when it is enabled.
    QString assignProblem() const;
    // Why Remove is disabled for the selected assignment; empty when enabled.
    QString removeProblem() const;

    // Who is signed in, for the title and the status bar (details: its tooltip).
    void setAccount(const QString &account, const QString &details);
    // What the sign-in is missing (empty: nothing): a write asks first, the group search says so.
    void setPermissionProblems(const QString &writeProblem, const QString &groupSearchProblem);
    QString writePermissionProblem() const { return m_writePermissionProblem; }

    // The preferences and the remembered layout (not owned; outlives the
    // window). Restores the layout now, saves it when the window goes, and
    // enables Preferences. Without it the window remembers nothing.
    void useSettings(QSettings *settings);
    void saveLayout();

public Q_SLOTS:
    // Re-reads the configurations (and then the selected one's assignments).
    void reloadConfigurations();

Q_SIGNALS:
    void configurationsLoadFinished(bool ok);
    void assignmentsLoadFinished(bool ok);
    void assignmentCreated(const QString &assignmentId);
    // A write (create, remove, undo) ended, whatever the outcome.
    void writeFinished(bool ok);
    void historyReloaded();

private:
    void buildActions();
    void buildToolBar();
    void buildCentralWidget();
    QFrame *buildSandboxBanner(QWidget *parent);
    QWidget *buildDetailsArea();
    void buildStatusBar();
    void buildDocks();
    void connectPanes();
    void addPanelAction(
        QDockWidget *dock, QAction *action, const QString &buttonName, const QString &buttonAccessibleName);
    bool isPanelInFront(QDockWidget *dock) const;
    void showPanel(QDockWidget *dock);
    void restoreBottomDockHeight();
    void setUpTabOrder();
    // MainWindowMenus.cpp: the menu bar, the request log, About, Preferences, the remembered layout.
    void buildRequestLogAndMenus();
    void showAbout();
    void showPreferences();
    void showEffective();
    // File › Apply plan…: a bulk plan (CSV or an export's JSON), its diff, then its writes with progress.
    void showApplyPlan();
    void showCopy();
    // The priority order of the selected configuration's type; or, from the
    // History, the undo of one journalled change.
    void showPriorityOrder();
    // File › Restore assignments…: an export file against the tenant.
    void showRestore();
    void undoPriorityChange(const AuditOperation &change);
    PriorityDialog *openPriorityDialog();
    void applyPreferences();
    void restoreLayout();
    void fitIntoScreen();
    void placeOnScreen();
    int bottomDockHeight(int wanted, int percentOfWindow) const;
    void showEvent(QShowEvent *event) override;

    void showConfiguration(const EnrollmentConfiguration *configuration);
    // The status bar's progress and Cancel, while a read is in flight.
    void updateLoadIndicator();
    void setBusy(bool busy);
    // What a write's end means for the window: the status bar, the error banner, the signals.
    void onWriteFinished(const WriteOutcome &outcome);

    // WriteQuestions: window-modal dialogs, opened with open(), never a nested event loop.
    void confirmWrite(const Confirmation &question, const std::function<void(bool)> &answer) override;
    void approveFullList(
        const FullListPlan &plan, const QString &intro, const std::function<void(bool)> &answer) override;
    void withdrawFullListQuestion() override;

    void onApiVersionChanged();
    void updateTitleAndStatus();

    Session *m_session;
    GroupDirectory *m_groups = nullptr;
    WriteController *m_writes; // the one running write (create, remove, undo)

    QAction *m_refreshAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_assignAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_historyAction = nullptr;
    QComboBox *m_apiVersionCombo = nullptr;
    QToolBar *m_toolBar = nullptr;

    QStackedWidget *m_pages = nullptr;
    ErrorBanner *m_errorBanner = nullptr;
    ConfigurationListPane *m_configurationsPane = nullptr;
    ConfigurationDetailsPane *m_details = nullptr;
    NewAssignmentPane *m_newAssignment = nullptr;
    CreatedAssignmentsPane *m_createdPane = nullptr;
    HistoryPane *m_historyPane = nullptr;
    RequestLogDock *m_requestLogDock = nullptr;
    QAction *m_requestLogAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
    QPointer<PreferencesDialog> m_preferencesDialog;
    QPointer<EffectiveDialog> m_effectiveDialog;
    QPointer<ApplyPlanDialog> m_applyPlanDialog;
    QPointer<PriorityDialog> m_priorityDialog;
    QAction *m_priorityAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    std::unique_ptr<AppSettings> m_settings;
    QDockWidget *m_createdDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QLabel *m_tenantStatus = nullptr;
    QLabel *m_apiStatus = nullptr;
    QProgressBar *m_loadProgress = nullptr;
    QToolButton *m_cancelLoadButton = nullptr;

    QString m_account;
    QString m_accountDetails;
    QString m_writePermissionProblem;

    QPointer<FullListConfirmationDialog> m_fullListDialog;
    QPointer<QMessageBox> m_confirmation;
    bool m_historyShownBefore = false;
    int m_bottomDockHeight = 0; // the Created dock's height before History or Request log joined it
    bool m_closing = false; // the destructor runs: callbacks do nothing
    bool m_fitIntoScreenWhenShown = false; // restoreLayout ran before the window was shown
};

} // namespace ea::ui
