#pragma once

#include "domain/Assignment.h"
#include "domain/EnrollmentConfiguration.h"
#include "graph/RequestExport.h"
#include "panes/PaneParts.h"

#include <QGroupBox>

#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ea {
class AssignmentService;
}

namespace ea::ui {

class CopyAsMenu;
class TargetPicker;
class WriteController;

// "New assignment": the target picker, the exact request Assign sends (with
// Copy as), why Assign is not ready yet, and Assign and Cancel. Whether a
// target can be assigned is the service's answer (checkTarget), shown as is.
class NewAssignmentPane final : public QGroupBox
{
    Q_OBJECT
public:
    // service may be null (not signed in). assignAction is the window's Assign.
    NewAssignmentPane(
        AssignmentService *service, WriteController *writes, QAction *assignAction, QWidget *parent = nullptr);

    // The chosen configuration; another one resets the target.
    void setConfiguration(const std::optional<EnrollmentConfiguration> &configuration);
    // The chosen configuration's current assignments, as far as they are read.
    void setCurrentAssignments(LoadState state, const QList<Assignment> &assignments);
    // What the sign-in lacks for a write (empty: nothing): Assign says so.
    void setWritePermissionProblem(const QString &problem);
    // The URL (and maybe the body) of the request depends on it.
    void setApiVersion(ApiVersion version);

    // Why Assign is disabled; empty when it is enabled.
    QString problem() const { return m_problem; }
    void assign();
    void updateState();

    TargetPicker *targetPicker() const { return m_targetPicker; }
    CopyAsMenu *copyAs() const { return m_copyAs; }
    QPlainTextEdit *preview() const { return m_preview; }
    QPushButton *copyAsButton() const { return m_copyAsButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *assignButton() const { return m_assignButton; }

Q_SIGNALS:
    // For the status bar (a copy was made).
    void statusMessage(const QString &text, int timeoutMs);

private:
    QPushButton *buildCopyAsButton();
    void showPreviewContextMenu(const QPoint &position);
    void updatePreview();
    void setBusy(bool busy);

    AssignmentService *m_service;
    WriteController *m_writes;
    QAction *m_assignAction;
    TargetPicker *m_targetPicker = nullptr;
    QLabel *m_previewCaption = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    std::optional<RequestPreview> m_previewRequest; // what m_preview shows, for Copy as
    CopyAsMenu *m_copyAs = nullptr;
    QPushButton *m_copyAsButton = nullptr;
    QLabel *m_reason = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_assignButton = nullptr;

    std::optional<EnrollmentConfiguration> m_configuration;
    QString m_targetChosenFor; // the configuration the target picker's choice was made for
    LoadState m_assignmentsState = LoadState::None;
    QList<Assignment> m_assignments;
    QString m_writePermissionProblem;
    QString m_problem;
};

} // namespace ea::ui
