#include "NewAssignmentPane.h"

#include "Theme.h"
#include "controllers/WriteController.h"
#include "service/AssignmentService.h"
#include "widgets/AssignmentFilterPicker.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/Icons.h"
#include "widgets/TargetPicker.h"
#include "widgets/WrappingLabel.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ea::ui {

namespace {
constexpr int kCopiedMessageMs = 5000;
constexpr int kPreviewLines = 9;
} // namespace

// Built in code rather than a Designer form: the target picker is a composite
// of its own, the preview's font and height come from the system's fixed font,
// and the buttons share the window's actions' icons and keys.
NewAssignmentPane::NewAssignmentPane(
    AssignmentService *service, WriteController *writes, QAction *assignAction, QWidget *parent)
    : QGroupBox(tr("New assignment"), parent)
    , m_service(service)
    , m_writes(writes)
    , m_assignAction(assignAction)
{
    setObjectName(QStringLiteral("newAssignmentBox"));
    m_targetPicker = new TargetPicker(this);

    m_previewCaption = new QLabel(this);
    m_previewCaption->setObjectName(QStringLiteral("requestPreviewCaption"));
    m_previewCaption->setTextFormat(Qt::PlainText);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("requestPreview"));
    m_preview->setAccessibleName(tr("Request preview"));
    m_preview->setAccessibleDescription(tr("The exact request Assign sends: method, URL and JSON body"));
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    // One point smaller than the fixed font, so the JSON body's longest line fits beside the picker.
    QFont previewFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (previewFont.pointSizeF() > 8)
        previewFont.setPointSizeF(previewFont.pointSizeF() - 1);
    m_preview->setFont(previewFont);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * kPreviewLines
        + int(2 * m_preview->document()->documentMargin()) + 2 * m_preview->frameWidth());
    m_previewCaption->setBuddy(m_preview);

    m_reason = new WrappingLabel(this);
    m_reason->setObjectName(QStringLiteral("assignReasonLabel"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("assignProgress"));
    m_progress->setAccessibleName(tr("Assignment in progress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(120);

    m_cancelButton
        = new QPushButton(appIcon(QStringLiteral("cancel"), QStyle::SP_DialogCancelButton), tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the running request"));
    connect(m_cancelButton, &QPushButton::clicked, m_writes, &WriteController::cancel);

    // Named as the window's Assign action is, in its short form.
    m_assignButton = new QPushButton(m_assignAction->icon(), m_assignAction->iconText(), this);
    m_assignButton->setObjectName(QStringLiteral("assignButton"));
    m_assignButton->setAccessibleName(m_assignAction->iconText());
    m_assignButton->setToolTip(
        tr("Send the request shown above (%1)").arg(m_assignAction->shortcut().toString(QKeySequence::NativeText)));
    m_assignButton->setDefault(true);
    connect(m_assignButton, &QPushButton::clicked, this, &NewAssignmentPane::assign);

    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_reason, 1);
    actionRow->addWidget(m_progress);
    actionRow->addWidget(m_cancelButton);
    actionRow->addWidget(m_assignButton);

    auto *previewColumn = new QVBoxLayout;
    auto *captionRow = new QHBoxLayout;
    captionRow->addWidget(m_previewCaption, 1);
    captionRow->addWidget(buildCopyAsButton());
    previewColumn->addLayout(captionRow);
    previewColumn->addWidget(m_preview, 1);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_targetPicker, 1);
    inputRow->addSpacing(8);
    inputRow->addLayout(previewColumn, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(inputRow, 1);
    layout->addWidget(m_targetPicker->filterPicker());
    layout->addLayout(actionRow);

    connect(m_writes, &WriteController::busyChanged, this, &NewAssignmentPane::setBusy);
    // While a write runs, the line beside Assign shows what it is doing.
    connect(m_writes, &WriteController::progressChanged, this, [this](const QString &text) {
        m_reason->setText(text);
        m_reason->setStyleSheet(QString());
    });
    m_targetPicker->setService(m_service);
    if (m_service)
        m_targetPicker->setApiVersion(m_service->apiVersion());
    connect(m_targetPicker, &TargetPicker::targetChanged, this, &NewAssignmentPane::updateState);
    setBusy(false);
}

QPushButton *NewAssignmentPane::buildCopyAsButton()
{
    m_copyAs = new CopyAsMenu([this] { return m_previewRequest; }, this);
    m_copyAs->setObjectName(QStringLiteral("previewCopyAsMenu"));
    connect(m_copyAs, &CopyAsMenu::copied, this,
        [this](const QString &message) { Q_EMIT statusMessage(message, kCopiedMessageMs); });

    m_copyAsButton = new QPushButton(tr("Copy as"), this);
    m_copyAsButton->setObjectName(QStringLiteral("previewCopyAsButton"));
    m_copyAsButton->setAccessibleName(tr("Copy the request as curl, PowerShell or a Graph Explorer link"));
    m_copyAsButton->setToolTip(tr("Copy this request to run it elsewhere; the token is never included"));
    m_copyAs->addButton(m_copyAsButton);

    // The preview's own menu (Copy, Select All) gains the same entries.
    m_preview->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_preview, &QWidget::customContextMenuRequested, this, &NewAssignmentPane::showPreviewContextMenu);
    return m_copyAsButton;
}

void NewAssignmentPane::showPreviewContextMenu(const QPoint &position)
{
    QMenu *menu = m_preview->createStandardContextMenu(position);
    menu->setObjectName(QStringLiteral("previewContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSeparator();
    m_copyAs->updateActions();
    menu->addActions(m_copyAs->copyActions());
    menu->popup(m_preview->viewport()->mapToGlobal(position));
}

void NewAssignmentPane::setConfiguration(const std::optional<EnrollmentConfiguration> &configuration)
{
    m_configuration = configuration;
    if (configuration && m_targetChosenFor != configuration->id) {
        // Another configuration: the target picked for the last one is not
        // "ready" for this one (one stray Ctrl+Return would assign it).
        m_targetPicker->reset();
        m_targetChosenFor = configuration->id;
    }
}

void NewAssignmentPane::setCurrentAssignments(LoadState state, const QList<Assignment> &assignments)
{
    m_assignmentsState = state;
    m_assignments = assignments;
    updateState();
}

void NewAssignmentPane::setWritePermissionProblem(const QString &problem)
{
    m_writePermissionProblem = problem;
    updateState();
}

void NewAssignmentPane::setApiVersion(ApiVersion version)
{
    m_targetPicker->setApiVersion(version);
    updateState();
}

void NewAssignmentPane::setBusy(bool busy)
{
    m_targetPicker->setEnabled(!busy);
    m_targetPicker->filterPicker()->setEnabled(!busy); // laid out outside the picker
    m_progress->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    updateState();
}

void NewAssignmentPane::updateState()
{
    const AssignmentTarget target = m_targetPicker->target();
    const bool busy = m_writes->isBusy();
    QString problem;
    if (!m_service)
        problem = tr("Not signed in.");
    else if (!m_configuration)
        problem = tr("Select an enrollment configuration on the left.");
    else if (busy)
        problem = tr("Wait for the running write to finish.");
    else
        problem = m_service->checkTarget(
            *m_configuration, target, m_assignmentsState == LoadState::Loaded ? &m_assignments : nullptr);
    if (problem.isEmpty() && m_assignmentsState == LoadState::Loading)
        problem = tr("Reading the current assignments first…");
    m_problem = problem;
    updatePreview();

    const bool canAssign = problem.isEmpty() && !busy;
    m_assignAction->setEnabled(canAssign);
    m_assignButton->setEnabled(canAssign);
    // A disabled Assign says why to a screen reader too (the label beside it is not associated).
    m_assignButton->setAccessibleDescription(problem.isEmpty() ? QString() : problem);
    m_copyAs->updateActions();
    if (busy)
        return; // the reason label shows the write's progress
    m_reason->setToolTip(problem.isEmpty() ? m_writePermissionProblem : QString());
    if (problem.isEmpty() && !m_writePermissionProblem.isEmpty()) {
        m_reason->setText(tr("Ready, but this sign-in lacks the write permission: Intune will likely refuse "
                             "it (403). Assign asks first."));
        m_reason->setStyleSheet(theme::textStyleSheet(theme::Tone::Warning));
    } else if (problem.isEmpty()) {
        QString ready = m_configuration->requiresAssignAction()
            ? tr("Ready: Assign tries the request above, then asks before sending the full list.")
            : tr("Ready: Assign sends the request above.");
        // Allowed, but worth a second look (the same group included and excluded).
        const QStringList notes = AssignmentService::createNotes(m_assignments, target);
        for (const QString &note : notes)
            ready += u' ' + note;
        m_reason->setText(ready);
        m_reason->setStyleSheet(theme::textStyleSheet(notes.isEmpty() ? theme::Tone::Success : theme::Tone::Warning));
    } else {
        m_reason->setText(problem);
        m_reason->setStyleSheet(QString());
    }
}

// The request, live, as long as there is something to show.
void NewAssignmentPane::updatePreview()
{
    const AssignmentTarget target = m_targetPicker->target();
    if (!m_service || !m_configuration || target.kind() == AssignmentTarget::Kind::Unknown) {
        m_previewRequest.reset();
        m_preview->clear();
        m_preview->setPlaceholderText(!m_configuration
                ? tr("The request appears here once a configuration is selected.")
                : tr("The request appears here once a target type is chosen."));
        m_previewCaption->setText(tr("Request preview:"));
        return;
    }
    const RequestPreview preview = m_service->preview(m_service->createAssignmentRequest(m_configuration->id, target));
    m_previewRequest = preview;
    QString text = QString::fromLatin1(preview.method) + u' ' + preview.url.toString(QUrl::FullyEncoded);
    if (!preview.body.isEmpty())
        text += QStringLiteral("\n\n") + QString::fromUtf8(preview.body);
    if (m_preview->toPlainText() != text)
        m_preview->setPlainText(text);
    if (!m_problem.isEmpty())
        m_previewCaption->setText(tr("Request preview (not ready to send yet):"));
    else if (m_configuration->requiresAssignAction())
        m_previewCaption->setText(tr("Request that Assign tries first (Intune refuses it for this type; you are "
                                     "then asked before the full list is sent):"));
    else
        m_previewCaption->setText(tr("Request that Assign sends:"));
}

void NewAssignmentPane::assign()
{
    m_writes->assign([this]() -> std::optional<WriteController::NewAssignment> {
        updateState();
        if (!m_configuration || !m_problem.isEmpty() || m_writes->isBusy())
            return std::nullopt;
        return WriteController::NewAssignment {
            *m_configuration, m_targetPicker->target(), m_targetPicker->subjectName()};
    });
}

} // namespace ea::ui
