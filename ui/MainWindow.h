#pragma once

#include "domain/EnrollmentConfiguration.h"
#include "graph/Result.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ea {
class GroupDirectory;
class Operation;
class Session;
struct CreatedAssignment;
struct GroupName;
} // namespace ea

namespace ea::ui {

class AssignmentTableModel;
class ConfigurationFilterModel;
class ConfigurationTableModel;
class CreatedAssignmentTableModel;
class ErrorBanner;
class TargetPicker;

// The one window: configurations on the left, the selected configuration's
// assignments, the target picker, the exact request and Assign on the right,
// the assignments created in this session at the bottom. Talks to Graph only
// through the session's services; every call runs asynchronously.
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

public Q_SLOTS:
    // Re-reads the configurations (and then the selected one's assignments).
    void reloadConfigurations();

Q_SIGNALS:
    void configurationsLoadFinished(bool ok);
    void assignmentsLoadFinished(bool ok);
    void assignmentCreated(const QString &assignmentId);

private:
    enum class LoadState { None, Loading, Loaded, Failed };

    void buildActions();
    void buildToolBar();
    void buildCentralWidget();
    void buildStatusBar();
    QWidget *buildConfigurationsPane();
    QWidget *buildDetailsPane();
    QWidget *buildCreatedPane();
    QWidget *buildNotSignedInPage();
    void setUpTabOrder();

    void onConfigurationsLoaded(quint64 generation, const Result<QList<EnrollmentConfiguration>> &result);
    void onConfigurationSelectionChanged();
    void showConfiguration(const EnrollmentConfiguration *configuration);
    void reloadAssignments();
    void onAssignmentsLoaded(quint64 generation, const Result<QList<Assignment>> &result);
    void resolveGroupNames();
    void updateConfigurationsStatus();
    void updateAssignState();
    void assign();
    void onAssignFinished(
        const Result<CreatedAssignment> &result, const QString &configurationName, const QString &subjectName);
    void cancelAssign();
    void setBusy(bool busy);
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
    QComboBox *m_apiVersionCombo = nullptr;

    QStackedWidget *m_pages = nullptr;
    QFrame *m_sandboxBanner = nullptr;
    ErrorBanner *m_errorBanner = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_configurationsView = nullptr;
    QLabel *m_configurationsStatus = nullptr;
    QLabel *m_configTitle = nullptr;
    QLabel *m_configFacts = nullptr;
    QLabel *m_guidance = nullptr;
    QTableView *m_assignmentsView = nullptr;
    QLabel *m_assignmentsStatus = nullptr;
    TargetPicker *m_targetPicker = nullptr;
    QLabel *m_previewCaption = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_assignReason = nullptr;
    QProgressBar *m_assignProgress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_assignButton = nullptr;
    QTableView *m_createdView = nullptr;
    QLabel *m_createdStatus = nullptr;
    QLabel *m_tenantStatus = nullptr;
    QLabel *m_apiStatus = nullptr;
    QProgressBar *m_loadProgress = nullptr;

    std::optional<EnrollmentConfiguration> m_selected;
    LoadState m_configurationsState = LoadState::None;
    LoadState m_assignmentsState = LoadState::None;
    QString m_assignProblem;

    QPointer<Operation> m_configurationsLoad;
    QPointer<Operation> m_assignmentsLoad;
    QPointer<Operation> m_namesLoad;
    QPointer<Operation> m_write;
    quint64 m_configurationsGeneration = 0;
    quint64 m_assignmentsGeneration = 0;
};

} // namespace ea::ui
