#pragma once

#include "domain/EnrollmentConfiguration.h"
#include "graph/Result.h"
#include "service/AssignmentService.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QDockWidget;
class QFrame;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPlainTextEdit;
class QProgressBar;
class QSettings;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;
class QToolBar;
class QToolButton;

namespace ea {
class GroupDirectory;
class Operation;
class Session;
struct CreatedAssignment;
struct GroupName;
} // namespace ea

namespace ea::ui {

class AboutDialog;
class AppSettings;
class PreferencesDialog;
class AssignmentTableModel;
class ConfigurationFilterModel;
class ColumnFitter;
class CopyAsMenu;
class RequestLogDock;
class ConfigurationTableModel;
class CreatedAssignmentTableModel;
class ErrorBanner;
class FullListConfirmationDialog;
class HistoryTableModel;
class TargetPicker;

// The one window: configurations on the left, the selected configuration's
// assignments (with Remove), the target picker, the exact request and Assign
// on the right; at the bottom, in one tabbed dock area, the assignments
// created in this session (with Undo) and the audit journal (History). Talks to Graph only
// through the session's services; every call runs asynchronously, and every
// question (a confirmation, the full-list approval) is a window-modal dialog
// opened with open(), never a nested event loop.
//
// session may be null: the window then shows how to sign in or open the
// sandbox, and nothing else.
class MainWindow final : public QMainWindow
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
    QString assignProblem() const { return m_assignProblem; }
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
    enum class LoadState { None, Loading, Loaded, Failed };

    void buildActions();
    void buildToolBar();
    void buildCentralWidget();
    void buildStatusBar();
    QWidget *buildConfigurationsPane();
    QWidget *buildDetailsPane();
    QWidget *buildCreatedPane();
    QWidget *buildCreatedTitleBar();
    QWidget *buildNotSignedInPage();
    void buildDocks();
    void addPanelAction(
        QDockWidget *dock, QAction *action, const QString &buttonName, const QString &buttonAccessibleName);
    bool isPanelInFront(QDockWidget *dock) const;
    void showPanel(QDockWidget *dock);
    void restoreBottomDockHeight();
    void setUpTabOrder();
    // MainWindowMenus.cpp: the menu bar, the request log, Copy as on the preview, About.
    void buildRequestLogAndMenus();
    QPushButton *buildPreviewCopyAsButton(QWidget *parent);
    void showPreviewContextMenu(const QPoint &position);
    void showAbout();
    void showPreferences();
    void applyPreferences();
    void restoreLayout();
    void fitIntoScreen();
    void placeOnScreen();
    int bottomDockHeight(int wanted, int percentOfWindow) const;
    void showEvent(QShowEvent *event) override;

    void onConfigurationsLoaded(quint64 generation, const Result<QList<EnrollmentConfiguration>> &result);
    void onConfigurationSelectionChanged();
    void showConfiguration(const EnrollmentConfiguration *configuration);
    void reloadAssignments();
    void onAssignmentsLoaded(quint64 generation, const Result<QList<Assignment>> &result);
    void resolveGroupNames();
    void updateConfigurationsStatus();
    // The status bar's progress and Cancel, while a read is in flight.
    void updateLoadIndicator();
    void updateAssignState();
    void assign();
    void sendAssignment();
    void onAssignFinished(
        const Result<CreatedAssignment> &result, const QString &configurationName, const QString &subjectName);
    void cancelAssign();
    void setBusy(bool busy);
    // One write at a time (create, remove or undo): busy state, progress text, Cancel.
    void startWrite(Operation *operation, const QString &progressText);
    void endWrite();

    // The full-list approval the service asks for, as a dialog; intro says why.
    FullListApproval fullListApprover(const QString &intro);
    void askForFullList(const FullListPlan &plan, const QString &intro, const std::function<void(bool)> &answer);

    // Remove (unassign) the selected current assignment.
    const Assignment *selectedAssignment() const;
    void updateRemoveState();
    void confirmRemoveAssignment();
    void removeAssignment(
        const EnrollmentConfiguration &configuration, const Assignment &assignment, const QString &description);

    // Undo an assignment created in this session.
    int selectedCreatedRow() const;
    void updateUndoState();
    void undoSelectedCreated();
    void startUndo(quint64 key);

    // The audit journal.
    void markHistoryDirty();
    void reloadHistory();
    void resolveHistoryGroupNames();
    QString historyTargetText(const QString &spec) const;

    void updateFilterColumns();
    void onApiVersionChanged();
    void updateTitleAndStatus();
    void focusFilter();

    Session *m_session;
    GroupDirectory *m_groups = nullptr;

    ConfigurationTableModel *m_configurations;
    ConfigurationFilterModel *m_configurationsProxy;
    AssignmentTableModel *m_assignments;
    CreatedAssignmentTableModel *m_created;

    QAction *m_refreshAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_assignAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_historyAction = nullptr;
    QComboBox *m_apiVersionCombo = nullptr;
    QToolBar *m_toolBar = nullptr;

    QStackedWidget *m_pages = nullptr;
    QFrame *m_sandboxBanner = nullptr;
    ErrorBanner *m_errorBanner = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_configurationsView = nullptr;
    ColumnFitter *m_configurationColumns = nullptr;
    QLabel *m_configurationsStatus = nullptr;
    QLabel *m_configTitle = nullptr;
    QLabel *m_configFacts = nullptr;
    QLabel *m_guidance = nullptr;
    QTableView *m_assignmentsView = nullptr;
    ColumnFitter *m_assignmentColumns = nullptr;
    QLabel *m_assignmentsStatus = nullptr;
    QPushButton *m_removeButton = nullptr;
    TargetPicker *m_targetPicker = nullptr;
    QLabel *m_previewCaption = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    std::optional<RequestPreview> m_previewRequest; // what m_preview shows, for Copy as
    CopyAsMenu *m_previewCopyAs = nullptr;
    QPushButton *m_previewCopyAsButton = nullptr;
    RequestLogDock *m_requestLogDock = nullptr;
    QAction *m_requestLogAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
    QPointer<PreferencesDialog> m_preferencesDialog;
    QAction *m_preferencesAction = nullptr;
    std::unique_ptr<AppSettings> m_settings;
    QLabel *m_assignReason = nullptr;
    QProgressBar *m_assignProgress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_assignButton = nullptr;
    QTableView *m_createdView = nullptr;
    QLabel *m_createdStatus = nullptr;
    QPushButton *m_undoButton = nullptr;
    QDockWidget *m_createdDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QTableView *m_historyView = nullptr;
    QLabel *m_historyStatus = nullptr;
    QPushButton *m_historyFileButton = nullptr;
    QLabel *m_historyFile = nullptr; // the journal's path, shown on demand
    QPushButton *m_historyRefreshButton = nullptr;
    QLabel *m_tenantStatus = nullptr;
    QLabel *m_apiStatus = nullptr;
    QProgressBar *m_loadProgress = nullptr;
    QToolButton *m_cancelLoadButton = nullptr;

    std::optional<EnrollmentConfiguration> m_selected;
    LoadState m_configurationsState = LoadState::None;
    LoadState m_assignmentsState = LoadState::None;
    QString m_assignProblem;
    QString m_account;
    QString m_accountDetails;
    QString m_writePermissionProblem;

    QPointer<Operation> m_configurationsLoad;
    QPointer<Operation> m_assignmentsLoad;
    QPointer<Operation> m_namesLoad;
    QPointer<Operation> m_write;
    QPointer<Operation> m_historyNamesLoad;
    bool m_fullListDeclined = false; // the admin said no to the full list of the write in flight
    QPointer<FullListConfirmationDialog> m_fullListDialog;
    QPointer<QMessageBox> m_confirmation;
    QDateTime m_writeStartedAt;
    HistoryTableModel *m_history;
    bool m_historyDirty = true;
    bool m_historyShownBefore = false;
    int m_bottomDockHeight = 0; // the Created dock's height before History or Request log joined it
    bool m_closing = false; // the destructor runs: callbacks do nothing
    bool m_fitIntoScreenWhenShown = false;
    QString m_targetChosenFor; // the configuration the target picker's choice was made for // restoreLayout ran before
                               // the window was shown
    quint64 m_configurationsGeneration = 0;
    quint64 m_assignmentsGeneration = 0;
};

} // namespace ea::ui
