#pragma once

#include "domain/Assignment.h"
#include "domain/EnrollmentConfiguration.h"
#include "graph/Result.h"
#include "panes/PaneParts.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace ea {
class AssignmentService;
class GroupDirectory;
class Operation;
} // namespace ea

namespace ea::ui {

class AssignmentTableModel;
class ColumnFitter;
class WriteController;
struct WriteOutcome;

// The chosen configuration: its name and facts, Intune's guidance for its
// type, and its current assignments, read from Graph, with Remove. Reads the
// assignments again after every write to it.
class ConfigurationDetailsPane final : public QWidget
{
    Q_OBJECT
public:
    // service and groups may be null (not signed in). removeAction is the
    // window's Remove: this pane enables it and offers it on its rows.
    ConfigurationDetailsPane(AssignmentService *service, GroupDirectory *groups, WriteController *writes,
        QAction *removeAction, QWidget *parent = nullptr);

    void showConfiguration(const EnrollmentConfiguration *configuration);
    void reloadAssignments();
    const std::optional<EnrollmentConfiguration> &configuration() const { return m_configuration; }
    LoadState assignmentsState() const { return m_state; }
    const QList<Assignment> &assignments() const;
    // The assignments are being read (not the group names).
    bool isLoading() const { return !m_load.isNull(); }
    // Stops reading the assignments; cancelLoads() the group names too.
    void cancelLoad();
    void cancelLoads();

    // Why Remove is disabled for the selected assignment; empty when enabled.
    QString removeProblem() const;
    void removeSelected();

    // Names for the filter column (read by the target picker).
    void setFilterNames(const QHash<QString, QString> &names);
    // v1.0 has neither assignment filters nor `source`: their columns show on beta only.
    void setApiVersion(ApiVersion version);

    QPushButton *removeButton() const { return m_removeButton; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    // The assignments are being read, were read, or could not be.
    void assignmentsStateChanged();
    void assignmentsLoadFinished(bool ok);
    // Some are filtered: the filters' names are wanted.
    void filterNamesWanted();
    void loadFailed(const QString &title, const ea::GraphError &error);
    void loadingChanged();

private:
    void onAssignmentsLoaded(quint64 generation, const Result<QList<Assignment>> &result);
    void resolveGroupNames();
    void updateRemoveState();
    void onWriteFinished(const WriteOutcome &outcome);

    AssignmentService *m_service;
    GroupDirectory *m_groups;
    WriteController *m_writes;
    QAction *m_removeAction;
    AssignmentTableModel *m_assignments;
    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_guidance = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_removeButton = nullptr;
    QTableView *m_view = nullptr;
    ColumnFitter *m_columns = nullptr;

    std::optional<EnrollmentConfiguration> m_configuration;
    LoadState m_state = LoadState::None;
    QPointer<Operation> m_load;
    QPointer<Operation> m_namesLoad;
    quint64 m_generation = 0;
};

} // namespace ea::ui
