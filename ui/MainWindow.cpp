#include "MainWindow.h"

#include "AppSettings.h"
#include "Theme.h"
#include "models/AssignmentTableModel.h"
#include "models/ConfigurationTableModel.h"
#include "models/CreatedAssignmentTableModel.h"
#include "models/DisplayText.h"
#include "models/HistoryTableModel.h"
#include "service/GroupDirectory.h"
#include "service/Session.h"
#include "widgets/AssignmentFilterPicker.h"
#include "widgets/ColumnFitter.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/ErrorBanner.h"
#include "widgets/FullListConfirmationDialog.h"
#include "widgets/GroupSearchWidget.h"
#include "widgets/Icons.h"
#include "widgets/LineEditActions.h"
#include "widgets/ListTableView.h"
#include "widgets/RequestLogDock.h"
#include "widgets/TargetPicker.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Page { WorkspacePage, NotSignedInPage };

int tableHeightForRows(const QTableView *view, int rows)
{
    return view->horizontalHeader()->sizeHint().height() + view->verticalHeader()->defaultSectionSize() * rows
        + 2 * view->frameWidth() + 2;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// A yes/no question as a window-modal message box: the caller connects
// `finished` and calls open(). Cancel is the default and the Escape button.
struct Confirmation
{
    QMessageBox *box;
    QPushButton *confirm;
};

Confirmation makeConfirmation(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
    const QString &informative, const QString &confirmText, const QString &confirmName)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setAccessibleName(title);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(informative);
    // Wide enough that a configuration name and an id do not wrap word by word.
    box->setStyleSheet(
        QStringLiteral("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 30em; }"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    auto *confirm = box->addButton(confirmText, QMessageBox::DestructiveRole);
    confirm->setObjectName(confirmName);
    confirm->setAccessibleName(confirmText);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(objectName + QStringLiteral("Cancel"));
    cancel->setAccessibleName(QMessageBox::tr("Cancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    return {box, confirm};
}

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_configurations(new ConfigurationTableModel(this))
    , m_configurationsProxy(new ConfigurationFilterModel(this))
    , m_assignments(new AssignmentTableModel(this))
    , m_created(new CreatedAssignmentTableModel(this))
    , m_history(new HistoryTableModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Enrollment Assigner"));
    setWindowIcon(appIcon(QStringLiteral("app"), QStyle::SP_ComputerIcon));
    m_configurationsProxy->setSourceModel(m_configurations);
    if (m_session)
        m_groups = m_session->groups();

    buildActions();
    buildToolBar();
    buildCentralWidget();
    buildStatusBar();
    buildDocks();
    buildRequestLogAndMenus();
    setUpTabOrder();

    m_targetPicker->setService(m_session ? m_session->assignments() : nullptr);
    if (m_session)
        m_targetPicker->setApiVersion(m_session->apiVersion());
    connect(m_targetPicker, &TargetPicker::targetChanged, this, &MainWindow::updateAssignState);
    connect(m_targetPicker->filterPicker(), &AssignmentFilterPicker::filtersLoaded, this,
        [this](const QList<AssignmentFilter> &filters) {
            QHash<QString, QString> names;
            for (const AssignmentFilter &f : filters)
                names.insert(f.id, f.displayName);
            m_assignments->setFilterNames(names);
        });
    m_history->setTargetFormatter([this](const QString &spec) { return historyTargetText(spec); });
    updateFilterColumns();
    if (m_groups) {
        connect(
            m_targetPicker->groupSearch(), &GroupSearchWidget::groupsSeen, this, [this](const QList<Group> &groups) {
                for (const Group &g : groups)
                    m_groups->remember(g.id, g.displayName);
            });
    }

    placeOnScreen();
    resizeDocks({m_createdDock}, {bottomDockHeight(180, 22)}, Qt::Vertical);
    updateTitleAndStatus();
    showConfiguration(nullptr);
    setBusy(false);
    updateUndoState();

    if (m_session) {
        m_pages->setCurrentIndex(WorkspacePage);
        reloadConfigurations();
    } else {
        m_pages->setCurrentIndex(NotSignedInPage);
        m_refreshAction->setEnabled(false);
        m_filterAction->setEnabled(false);
        m_apiVersionCombo->setEnabled(false);
        m_historyAction->setEnabled(false);
    }
}

MainWindow::~MainWindow()
{
    // Operations report to this window; stop them before it goes. Their
    // callbacks may still run (a dialog answered "no" on its way out): they
    // see m_closing and do nothing.
    m_closing = true;
    saveLayout();
    for (const QPointer<Operation> &op :
        {m_configurationsLoad, m_assignmentsLoad, m_namesLoad, m_write, m_historyNamesLoad}) {
        if (op)
            op->cancel();
    }
    delete m_fullListDialog; // answers "no": nothing is sent
    delete m_confirmation;
}

// --- construction -----------------------------------------------------------

void MainWindow::buildActions()
{
    m_refreshAction = new QAction(appIcon(QStringLiteral("refresh"), QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    m_refreshAction->setShortcuts(refreshKeys);
    m_refreshAction->setToolTip(tr("Reload the configurations and the selected configuration's assignments (%1)")
                                    .arg(refreshKeys.constFirst().toString(QKeySequence::NativeText)));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::reloadConfigurations);
    addAction(m_refreshAction);

    m_filterAction = new QAction(tr("&Filter configurations"), this);
    m_filterAction->setObjectName(QStringLiteral("filterAction"));
    m_filterAction->setShortcuts(QKeySequence::Find);
    connect(m_filterAction, &QAction::triggered, this, &MainWindow::focusFilter);
    addAction(m_filterAction);

    m_assignAction = new QAction(appIcon(QStringLiteral("assign"), QStyle::SP_DialogApplyButton), tr("&Assign"), this);
    m_assignAction->setObjectName(QStringLiteral("assignAction"));
    m_assignAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_assignAction, &QAction::triggered, this, &MainWindow::assign);
    addAction(m_assignAction);

    // Remove and Undo act on a row of their table: their keys work there only.
    m_removeAction
        = new QAction(appIcon(QStringLiteral("remove"), QStyle::SP_TrashIcon), tr("&Remove assignment…"), this);
    m_removeAction->setObjectName(QStringLiteral("removeAssignmentAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::confirmRemoveAssignment);

    m_undoAction = new QAction(appIcon(QStringLiteral("undo"), QStyle::SP_ArrowBack), tr("&Undo…"), this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, this, &MainWindow::undoSelectedCreated);
}

void MainWindow::buildToolBar()
{
    auto *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The ">>" button Qt shows when the window is too narrow for every button.
    if (auto *extension = toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"))) {
        extension->setAccessibleName(tr("More toolbar buttons"));
        extension->setToolTip(tr("More toolbar buttons"));
    }
    toolBar->addAction(m_refreshAction);
    if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(m_refreshAction))) {
        button->setObjectName(QStringLiteral("refreshButton"));
        button->setAccessibleName(tr("Refresh"));
    }
    toolBar->addSeparator();

    auto *apiLabel = new QLabel(tr("Graph &API:"), toolBar);
    apiLabel->setContentsMargins(6, 0, 4, 0);
    m_apiVersionCombo = new QComboBox(toolBar);
    m_apiVersionCombo->setObjectName(QStringLiteral("apiVersionCombo"));
    m_apiVersionCombo->setAccessibleName(tr("Graph API version"));
    m_apiVersionCombo->setToolTip(tr("v1.0 is the supported API; beta adds assignment filters and more "
                                     "configuration types, and may change without notice."));
    m_apiVersionCombo->addItem(tr("v1.0"), int(ApiVersion::V1));
    m_apiVersionCombo->addItem(tr("beta"), int(ApiVersion::Beta));
    if (m_session)
        m_apiVersionCombo->setCurrentIndex(m_apiVersionCombo->findData(int(m_session->apiVersion())));
    apiLabel->setBuddy(m_apiVersionCombo);
    toolBar->addWidget(apiLabel);
    toolBar->addWidget(m_apiVersionCombo);
    connect(m_apiVersionCombo, &QComboBox::currentIndexChanged, this, &MainWindow::onApiVersionChanged);
    m_toolBar = toolBar;
}

void MainWindow::buildCentralWidget()
{
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);

    m_sandboxBanner = new QFrame(central);
    m_sandboxBanner->setObjectName(QStringLiteral("sandboxBanner"));
    m_sandboxBanner->setAccessibleName(tr("Sandbox tenant notice"));
    theme::onSchemeChange(m_sandboxBanner, [this] {
        m_sandboxBanner->setStyleSheet(
            theme::framedBannerStyleSheet(QStringLiteral("QFrame#sandboxBanner"), theme::Tone::Warning));
    });
    auto *sandboxIcon = new QLabel(m_sandboxBanner);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    sandboxIcon->setPixmap(
        appIcon(QStringLiteral("sandbox"), QStyle::SP_MessageBoxInformation).pixmap(iconSize, iconSize));
    auto *sandboxText = new QLabel(m_sandboxBanner);
    sandboxText->setObjectName(QStringLiteral("sandboxBannerText"));
    sandboxText->setTextFormat(Qt::RichText);
    sandboxText->setWordWrap(true);
    sandboxText->setText(tr("<b>Sandbox tenant</b> — nothing here touches a real Intune tenant. "
                            "Its data is generated and kept in memory until the app closes."));
    auto *sandboxLayout = new QHBoxLayout(m_sandboxBanner);
    sandboxLayout->setContentsMargins(8, 4, 8, 4);
    sandboxLayout->addWidget(sandboxIcon);
    sandboxLayout->addWidget(sandboxText, 1);
    m_sandboxBanner->setVisible(m_session && m_session->isSandbox());
    layout->addWidget(m_sandboxBanner);

    m_errorBanner = new ErrorBanner(central);
    layout->addWidget(m_errorBanner);

    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));

    // The created assignments and the History share the bottom dock area (buildDocks).
    auto *workspace = new QSplitter(Qt::Horizontal, m_pages);
    workspace->setObjectName(QStringLiteral("workspaceSplitter"));
    workspace->setChildrenCollapsible(false);
    workspace->addWidget(buildConfigurationsPane());
    workspace->addWidget(buildDetailsPane());
    // The list gets a little less than half: room for a configuration's name
    // and type beside the priority and the date.
    workspace->setStretchFactor(0, 4);
    workspace->setStretchFactor(1, 5);
    workspace->setSizes({640, 800});

    m_pages->insertWidget(WorkspacePage, workspace);
    m_pages->insertWidget(NotSignedInPage, buildNotSignedInPage());
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

QWidget *MainWindow::buildConfigurationsPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("configurationsPane"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 4, 0);

    auto *title = sectionLabel(tr("Enrollment configurations"), pane);

    m_filterEdit = new QLineEdit(pane);
    m_filterEdit->setObjectName(QStringLiteral("configurationFilterEdit"));
    m_filterEdit->setAccessibleName(tr("Filter configurations"));
    m_filterEdit->setPlaceholderText(
        tr("Filter by name, type or id (%1)").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    enableNamedClearButton(m_filterEdit, tr("Clear the filter"));
    // The funnel inside the field: named for screen readers; a click puts the cursor in the field.
    QAction *filterIcon = m_filterEdit->addAction(
        appIcon(QStringLiteral("filter"), QStyle::SP_FileDialogContentsView), QLineEdit::LeadingPosition);
    nameLineEditAction(m_filterEdit, filterIcon, tr("Filter configurations"));
    connect(filterIcon, &QAction::triggered, this, &MainWindow::focusFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_configurationsProxy->setFilterFixedString(text.trimmed());
        updateConfigurationsStatus();
    });

    m_configurationsView = new QTableView(pane);
    m_configurationsView->setObjectName(QStringLiteral("configurationsView"));
    m_configurationsView->setAccessibleName(tr("Enrollment configurations"));
    setUpListTableView(m_configurationsView);
    m_configurationsView->setModel(m_configurationsProxy);
    QHeaderView *header = m_configurationsView->horizontalHeader();
    // Type, priority and date as wide as they read in this language (the
    // type's limit is set when the list is read); the name takes the rest, and
    // on a narrow pane at least 18 characters: the list then scrolls sideways.
    m_configurationColumns = new ColumnFitter(m_configurationsView, ConfigurationTableModel::NameColumn, 18);
    m_configurationsView->setTextElideMode(Qt::ElideRight);
    // Grouped by type, each type in priority order (the sort key does both).
    header->setSortIndicator(ConfigurationTableModel::TypeColumn, Qt::AscendingOrder);
    m_configurationsView->setSortingEnabled(true);
    connect(m_configurationsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::onConfigurationSelectionChanged);
    // Down or Return in the filter moves into the list and picks its first
    // row when none is picked, as in the group search.
    auto focusList = [this] {
        if (m_configurationsProxy->rowCount() == 0)
            return;
        m_configurationsView->setFocus(Qt::TabFocusReason);
        if (!m_configurationsView->selectionModel()->hasSelection())
            m_configurationsView->selectRow(0);
    };
    connect(m_filterEdit, &QLineEdit::returnPressed, this, focusList);
    new QShortcut(QKeySequence(Qt::Key_Down), m_filterEdit, this, focusList, Qt::WidgetShortcut);

    m_configurationsStatus = new QLabel(pane);
    m_configurationsStatus->setObjectName(QStringLiteral("configurationsStatus"));
    m_configurationsStatus->setTextFormat(Qt::PlainText);
    m_configurationsStatus->setWordWrap(true);

    auto *filterLabel = new QLabel(tr("&Filter:"), pane);
    filterLabel->setBuddy(m_filterEdit);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit, 1);

    layout->addWidget(title);
    layout->addLayout(filterRow);
    layout->addWidget(m_configurationsView, 1);
    layout->addWidget(m_configurationsStatus);
    return pane;
}

QWidget *MainWindow::buildDetailsPane()
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detailsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Its controls take the focus, and Tab scrolls to each; the area itself
    // is no Tab stop of its own (it was one, without a name).
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setAccessibleName(tr("Selected configuration"));

    auto *pane = new QWidget(scroll);
    pane->setObjectName(QStringLiteral("detailsPane"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 0, 0);

    // The selected configuration.
    m_configTitle = new QLabel(pane);
    m_configTitle->setObjectName(QStringLiteral("configurationTitle"));
    m_configTitle->setTextFormat(Qt::PlainText);
    m_configTitle->setWordWrap(true);
    QFont titleFont = m_configTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_configTitle->setFont(titleFont);

    m_configFacts = new QLabel(pane);
    m_configFacts->setObjectName(QStringLiteral("configurationFacts"));
    m_configFacts->setTextFormat(Qt::PlainText);
    m_configFacts->setWordWrap(true);
    m_configFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_guidance = new QLabel(pane);
    m_guidance->setObjectName(QStringLiteral("guidanceLabel"));
    m_guidance->setTextFormat(Qt::PlainText);
    m_guidance->setWordWrap(true);
    theme::onSchemeChange(m_guidance, [this] {
        m_guidance->setStyleSheet(theme::calloutStyleSheet(QStringLiteral("QLabel#guidanceLabel"), theme::Tone::Info));
    });

    // Its current assignments.
    auto *assignmentsTitle = sectionLabel(tr("Current assignments"), pane);
    m_assignmentsStatus = new QLabel(pane);
    m_assignmentsStatus->setObjectName(QStringLiteral("assignmentsStatus"));
    m_assignmentsStatus->setTextFormat(Qt::PlainText);
    m_removeButton = new QPushButton(m_removeAction->icon(), tr("Remove assignment…"), pane);
    m_removeButton->setObjectName(QStringLiteral("removeAssignmentButton"));
    m_removeButton->setAccessibleName(tr("Remove the selected assignment"));
    connect(m_removeButton, &QPushButton::clicked, this, &MainWindow::confirmRemoveAssignment);
    auto *assignmentsHeader = new QHBoxLayout;
    assignmentsHeader->addWidget(assignmentsTitle);
    assignmentsHeader->addWidget(m_assignmentsStatus, 1);
    assignmentsHeader->addWidget(m_removeButton);

    m_assignmentsView = new QTableView(pane);
    m_assignmentsView->setObjectName(QStringLiteral("assignmentsView"));
    m_assignmentsView->setAccessibleName(tr("Current assignments"));
    setUpListTableView(m_assignmentsView);
    m_assignmentsView->setModel(m_assignments);
    // The group's name takes the room; on a narrow pane the ids (elided in
    // the middle, whole in the tooltip), the filter and the source give way first.
    m_assignmentColumns = new ColumnFitter(m_assignmentsView, AssignmentTableModel::NameColumn, 16);
    m_assignmentColumns->setMaximumChars(AssignmentTableModel::AssignmentIdColumn, 32);
    m_assignmentColumns->setMaximumChars(AssignmentTableModel::FilterColumn, 30);
    m_assignmentColumns->setShrinkable(AssignmentTableModel::SubjectColumn, 14);
    m_assignmentColumns->setShrinkable(AssignmentTableModel::AssignmentIdColumn, 14);
    m_assignmentColumns->setShrinkable(AssignmentTableModel::FilterColumn, 14);
    m_assignmentColumns->setShrinkable(AssignmentTableModel::SourceColumn, 10);
    m_assignmentsView->setMinimumHeight(tableHeightForRows(m_assignmentsView, 3));
    m_assignmentsView->setMaximumHeight(tableHeightForRows(m_assignmentsView, 5));
    // Right-click and the Delete key remove the selected assignment (after asking).
    m_assignmentsView->addAction(m_removeAction);
    m_assignmentsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_assignmentsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateRemoveState);
    connect(m_assignments, &QAbstractItemModel::modelReset, this, &MainWindow::updateRemoveState);

    // The new assignment: target, request, Assign.
    auto *newBox = new QGroupBox(tr("New assignment"), pane);
    newBox->setObjectName(QStringLiteral("newAssignmentBox"));
    m_targetPicker = new TargetPicker(newBox);

    m_previewCaption = new QLabel(newBox);
    m_previewCaption->setObjectName(QStringLiteral("requestPreviewCaption"));
    m_previewCaption->setTextFormat(Qt::PlainText);
    m_preview = new QPlainTextEdit(newBox);
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
    const int previewLines = 9;
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * previewLines
        + int(2 * m_preview->document()->documentMargin()) + 2 * m_preview->frameWidth());
    m_previewCaption->setBuddy(m_preview);

    m_assignReason = new QLabel(newBox);
    m_assignReason->setObjectName(QStringLiteral("assignReasonLabel"));
    m_assignReason->setTextFormat(Qt::PlainText);
    m_assignReason->setWordWrap(true);
    m_assignReason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_assignProgress = new QProgressBar(newBox);
    m_assignProgress->setObjectName(QStringLiteral("assignProgress"));
    m_assignProgress->setAccessibleName(tr("Assignment in progress"));
    m_assignProgress->setRange(0, 0);
    m_assignProgress->setTextVisible(false);
    m_assignProgress->setFixedWidth(120);

    m_cancelButton
        = new QPushButton(appIcon(QStringLiteral("cancel"), QStyle::SP_DialogCancelButton), tr("Cancel"), newBox);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the running request"));
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelAssign);

    m_assignButton = new QPushButton(m_assignAction->icon(), tr("Assign"), newBox);
    m_assignButton->setObjectName(QStringLiteral("assignButton"));
    m_assignButton->setAccessibleName(tr("Assign"));
    m_assignButton->setToolTip(
        tr("Send the request shown above (%1)").arg(m_assignAction->shortcut().toString(QKeySequence::NativeText)));
    m_assignButton->setDefault(true);
    connect(m_assignButton, &QPushButton::clicked, this, &MainWindow::assign);

    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_assignReason, 1);
    actionRow->addWidget(m_assignProgress);
    actionRow->addWidget(m_cancelButton);
    actionRow->addWidget(m_assignButton);

    auto *previewColumn = new QVBoxLayout;
    auto *captionRow = new QHBoxLayout;
    captionRow->addWidget(m_previewCaption, 1);
    captionRow->addWidget(buildPreviewCopyAsButton(newBox));
    previewColumn->addLayout(captionRow);
    previewColumn->addWidget(m_preview, 1);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_targetPicker, 1);
    inputRow->addSpacing(8);
    inputRow->addLayout(previewColumn, 2);

    auto *newLayout = new QVBoxLayout(newBox);
    newLayout->addLayout(inputRow, 1);
    newLayout->addWidget(m_targetPicker->filterPicker());
    newLayout->addLayout(actionRow);

    layout->addWidget(m_configTitle);
    layout->addWidget(m_configFacts);
    layout->addWidget(m_guidance);
    layout->addLayout(assignmentsHeader);
    layout->addWidget(m_assignmentsView);
    layout->addWidget(newBox, 1);

    scroll->setWidget(pane);
    return scroll;
}

QWidget *MainWindow::buildCreatedPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("createdPane"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 0, 8, 4);

    m_createdView = new QTableView(pane);
    m_createdView->setObjectName(QStringLiteral("createdAssignmentsView"));
    m_createdView->setAccessibleName(tr("Created assignments"));
    setUpListTableView(m_createdView);
    m_createdView->setModel(m_created);
    QHeaderView *h = m_createdView->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_createdView->fontMetrics();
    h->resizeSection(CreatedAssignmentTableModel::StatusColumn, fm.horizontalAdvance(tr("Created (full list)")) + 24);
    const int guidWidth = fm.horizontalAdvance(QStringLiteral("0000000-0000-0000-0000-000000000000")) + 24;
    h->resizeSection(CreatedAssignmentTableModel::AssignmentIdColumn, guidWidth);
    h->resizeSection(CreatedAssignmentTableModel::ConfigurationColumn, 220);
    h->resizeSection(CreatedAssignmentTableModel::TargetTypeColumn,
        fm.horizontalAdvance(tr("Configuration Manager collection")) + 24);
    h->resizeSection(CreatedAssignmentTableModel::SubjectColumn, guidWidth + 20);
    h->resizeSection(CreatedAssignmentTableModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00 PM")) + 24);
    h->setStretchLastSection(true);
    m_createdView->setMinimumHeight(tableHeightForRows(m_createdView, 2));

    m_createdView->addAction(m_undoAction);
    m_createdView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(
        m_createdView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateUndoState);
    connect(m_created, &QAbstractItemModel::dataChanged, this, &MainWindow::updateUndoState);

    layout->addWidget(m_createdView, 1);
    return pane;
}

// The Created dock's title bar: its title, how many, and Undo, in one row.
QWidget *MainWindow::buildCreatedTitleBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("createdTitleBar"));
    auto *title = sectionLabel(tr("Created assignments"), bar);
    m_createdStatus = new QLabel(bar);
    m_createdStatus->setObjectName(QStringLiteral("createdAssignmentsStatus"));
    m_createdStatus->setTextFormat(Qt::PlainText);
    m_undoButton = new QPushButton(m_undoAction->icon(), tr("Undo…"), bar);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setAccessibleName(tr("Undo the selected created assignment"));
    connect(m_undoButton, &QPushButton::clicked, this, &MainWindow::undoSelectedCreated);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 4, 8, 2);
    layout->addWidget(title);
    layout->addSpacing(6);
    layout->addWidget(m_createdStatus, 1);
    layout->addWidget(m_undoButton);
    connect(m_created, &QAbstractItemModel::rowsInserted, this,
        [this] { m_createdStatus->setText(tr("Created in this session: %1").arg(m_created->rowCount())); });
    m_createdStatus->setText(tr("None yet in this session."));
    return bar;
}

QWidget *MainWindow::buildNotSignedInPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("notSignedInPage"));
    auto *icon = new QLabel(page);
    icon->setPixmap(appIcon(QStringLiteral("app"), QStyle::SP_ComputerIcon).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(page);
    text->setObjectName(QStringLiteral("notSignedInLabel"));
    text->setTextFormat(Qt::RichText);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setText(tr("<h2>Not signed in</h2>"
                     "<p>Use the <b>Account</b> menu to sign in to a tenant, paste an access token, or explore "
                     "the sandbox tenant.</p>"
                     "<p>From the command line: <code>--sandbox</code> opens the sandbox tenant; "
                     "<code>GRAPH_ACCESS_TOKEN</code> supplies a token.</p>"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addWidget(text);
    layout->addStretch(2);
    return page;
}

void MainWindow::buildStatusBar()
{
    m_loadProgress = new QProgressBar(statusBar());
    m_loadProgress->setObjectName(QStringLiteral("loadProgress"));
    m_loadProgress->setAccessibleName(tr("Loading"));
    m_loadProgress->setRange(0, 0);
    m_loadProgress->setTextVisible(false);
    m_loadProgress->setFixedWidth(100);
    m_loadProgress->setMaximumHeight(statusBar()->fontMetrics().height());
    m_loadProgress->hide();

    // Loading the configurations or a configuration's assignments can wait
    // minutes when Intune throttles; the admin can always stop it (the list
    // then says it was not loaded).
    m_cancelLoadButton = new QToolButton(statusBar());
    m_cancelLoadButton->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancelLoadButton->setText(tr("Cancel"));
    m_cancelLoadButton->setAccessibleName(tr("Cancel loading"));
    m_cancelLoadButton->setToolTip(tr("Stop reading the enrollment configurations or the assignments"));
    m_cancelLoadButton->setAutoRaise(true);
    m_cancelLoadButton->hide();
    connect(m_cancelLoadButton, &QToolButton::clicked, this, [this] {
        if (m_configurationsLoad)
            m_configurationsLoad->cancel();
        if (m_assignmentsLoad)
            m_assignmentsLoad->cancel();
    });

    m_tenantStatus = new QLabel(statusBar());
    m_tenantStatus->setObjectName(QStringLiteral("tenantStatus"));
    m_apiStatus = new QLabel(statusBar());
    m_apiStatus->setObjectName(QStringLiteral("apiVersionStatus"));
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_cancelLoadButton);
    statusBar()->addPermanentWidget(m_tenantStatus);
    statusBar()->addPermanentWidget(m_apiStatus);
}

void MainWindow::setUpTabOrder()
{
    const QList<QWidget *> chain {
        m_filterEdit,
        m_configurationsView,
        m_removeButton,
        m_assignmentsView,
        m_targetPicker->kindCombo(),
        m_targetPicker->groupSearch()->searchEdit(),
        m_targetPicker->groupSearch()->resultsView(),
        m_targetPicker->collectionEdit(),
        m_targetPicker->filterPicker()->filterCombo(),
        m_targetPicker->filterPicker()->includeRadio(),
        m_targetPicker->filterPicker()->excludeRadio(),
        m_preview,
        m_previewCopyAsButton,
        m_cancelButton,
        m_assignButton,
        m_undoButton,
        m_createdView,
    };
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

// --- configurations ---------------------------------------------------------

void MainWindow::reloadConfigurations()
{
    if (!m_session || isBusy())
        return;
    const quint64 generation = ++m_configurationsGeneration;
    if (m_configurationsLoad)
        m_configurationsLoad->cancel();
    m_configurationsState = LoadState::Loading;
    statusBar()->showMessage(tr("Loading enrollment configurations…"));
    updateConfigurationsStatus();
    m_configurationsLoad = m_session->assignments()->listConfigurations(
        this, [this, generation](const Result<QList<EnrollmentConfiguration>> &result) {
            onConfigurationsLoaded(generation, result);
        });
    // Throttling waits ("…; retrying in 12 s…") replace the loading message;
    // the status bar's Cancel stops the wait.
    connect(m_configurationsLoad, &Operation::statusChanged, this,
        [this](const QString &status) { statusBar()->showMessage(status); });
    updateLoadIndicator();
}

void MainWindow::onConfigurationsLoaded(quint64 generation, const Result<QList<EnrollmentConfiguration>> &result)
{
    if (generation != m_configurationsGeneration)
        return; // a newer load is on its way
    m_configurationsLoad = nullptr;
    updateLoadIndicator();

    if (!result) {
        m_configurationsState = LoadState::Failed;
        if (result.error().kind == GraphError::Kind::Cancelled) {
            statusBar()->showMessage(tr("Loading was cancelled. Press Refresh (F5) to load the configurations."));
        } else {
            statusBar()->clearMessage();
            m_errorBanner->showError(tr("Could not read the enrollment configurations"), result.error());
        }
        updateConfigurationsStatus();
        Q_EMIT configurationsLoadFinished(false);
        return;
    }

    m_configurationsState = LoadState::Loaded;
    // A type's name is never cut short, whatever the language; an unknown
    // type's raw name ("Other (microsoft.graph.…)") is, past the longest known
    // one (its tooltip has it).
    int widestKnownType = 0;
    QSet<EnrollmentConfiguration::Kind> kinds;
    for (const EnrollmentConfiguration &c : result.value()) {
        const EnrollmentConfiguration::Kind kind = c.kind();
        if (kind != EnrollmentConfiguration::Kind::Unknown && !kinds.contains(kind)) {
            kinds.insert(kind);
            widestKnownType
                = std::max(widestKnownType, m_configurationsView->fontMetrics().horizontalAdvance(c.typeDisplayName()));
        }
    }
    const int cellPadding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) + 4;
    m_configurationColumns->setMaximumWidth(ConfigurationTableModel::TypeColumn,
        widestKnownType > 0 ? widestKnownType + cellPadding
                            : m_configurationsView->fontMetrics().averageCharWidth() * 30);
    m_configurations->setConfigurations(result.value());
    statusBar()->showMessage(tr("Enrollment configurations loaded."), 5000);
    updateConfigurationsStatus();

    // Keep the selection across a reload; if it is gone, say so by clearing the details.
    const QString selectedId = selectedConfigurationId();
    const int sourceRow = selectedId.isEmpty() ? -1 : m_configurations->rowOf(selectedId);
    if (sourceRow >= 0) {
        const QModelIndex proxyIndex = m_configurationsProxy->mapFromSource(m_configurations->index(sourceRow, 0));
        m_selected.reset(); // so the (re)selection reloads its assignments
        if (proxyIndex.isValid()) {
            m_configurationsView->selectRow(proxyIndex.row());
            m_configurationsView->scrollTo(proxyIndex);
        }
        if (!m_selected)
            showConfiguration(m_configurations->configurationAt(sourceRow));
    } else if (!selectedId.isEmpty()) {
        showConfiguration(nullptr);
    }
    Q_EMIT configurationsLoadFinished(true);
}

void MainWindow::updateConfigurationsStatus()
{
    switch (m_configurationsState) {
    case LoadState::None: m_configurationsStatus->clear(); return;
    case LoadState::Loading: m_configurationsStatus->setText(tr("Loading…")); return;
    case LoadState::Failed:
        m_configurationsStatus->setText(
            tr("Could not load the configurations. The message above says why; press Refresh (F5) to try again."));
        return;
    case LoadState::Loaded: break;
    }
    const int total = m_configurations->rowCount();
    int defaults = 0;
    for (const EnrollmentConfiguration &c : m_configurations->configurations())
        defaults += c.isDefault() ? 1 : 0;
    const int shown = m_configurationsProxy->rowCount();
    QString text = tr("Configurations: %1 (%2 default)").arg(total).arg(defaults);
    if (shown != total)
        text = tr("Configurations: %1 of %2 shown (%3 default)").arg(shown).arg(total).arg(defaults);
    // Empty states say what to do next.
    if (total == 0)
        text = tr("The tenant has no enrollment configurations. Create one in the Intune admin center "
                  "(Devices > Enrollment), then press Refresh (F5).");
    else if (shown == 0)
        text = tr("No configuration matches “%1”. Clear the filter to see all %2.")
                   .arg(m_filterEdit->text().trimmed())
                   .arg(total);
    m_configurationsStatus->setText(text);
}

void MainWindow::onConfigurationSelectionChanged()
{
    const QModelIndexList rows = m_configurationsView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // filtered away or cleared by a reload: the details stay until something else is chosen
    const QModelIndex source = m_configurationsProxy->mapToSource(rows.constFirst());
    const EnrollmentConfiguration *configuration = m_configurations->configurationAt(source.row());
    if (configuration && m_selected && m_selected->id == configuration->id)
        return;
    showConfiguration(configuration);
}

QString MainWindow::selectedConfigurationId() const
{
    return m_selected ? m_selected->id : QString();
}

void MainWindow::showConfiguration(const EnrollmentConfiguration *configuration)
{
    if (m_assignmentsLoad)
        m_assignmentsLoad->cancel();
    if (m_namesLoad)
        m_namesLoad->cancel();
    ++m_assignmentsGeneration;
    m_assignments->clear();

    if (!configuration) {
        m_selected.reset();
        m_assignmentsState = LoadState::None;
        m_configTitle->setText(m_session ? tr("No configuration selected") : tr("Not signed in"));
        m_configFacts->setText(tr("Select an enrollment configuration on the left to see its assignments "
                                  "and assign it."));
        m_guidance->hide();
        m_assignmentsStatus->clear();
        updateAssignState();
        return;
    }

    m_selected = *configuration;
    if (m_targetChosenFor != configuration->id) {
        // Another configuration: the target picked for the last one is not
        // "ready" for this one (one stray Ctrl+Return would assign it).
        m_targetPicker->reset();
        m_targetChosenFor = configuration->id;
    }
    m_configTitle->setText(configuration->displayName);
    QStringList facts {configuration->typeDisplayName()};
    facts << (configuration->isDefault() ? tr("Default policy") : tr("Priority %1").arg(configuration->priority));
    if (configuration->lastModifiedDateTime.isValid())
        facts << tr("Modified %1")
                     .arg(QLocale().toString(configuration->lastModifiedDateTime.toLocalTime(), QLocale::ShortFormat));
    facts << tr("Id %1").arg(configuration->id);
    m_configFacts->setText(facts.join(QStringLiteral("  ·  ")));
    const QString guidance = configuration->assignmentGuidance();
    m_guidance->setText(guidance);
    m_guidance->setVisible(!guidance.isEmpty());
    reloadAssignments();
}

// --- assignments of the selected configuration -------------------------------

void MainWindow::reloadAssignments()
{
    if (!m_session || !m_selected)
        return;
    if (m_assignmentsLoad)
        m_assignmentsLoad->cancel();
    const quint64 generation = ++m_assignmentsGeneration;
    m_assignmentsState = LoadState::Loading;
    m_assignmentsStatus->setText(tr("Reading…"));
    updateAssignState();
    m_assignmentsLoad = m_session->assignments()->listAssignments(m_selected->id, this,
        [this, generation](const Result<QList<Assignment>> &result) { onAssignmentsLoaded(generation, result); });
    connect(m_assignmentsLoad, &Operation::statusChanged, m_assignmentsStatus, &QLabel::setText);
    // Also when it is cancelled by a new selection (its answer is then ignored).
    connect(m_assignmentsLoad, &QObject::destroyed, this, &MainWindow::updateLoadIndicator);
    updateLoadIndicator();
}

void MainWindow::updateLoadIndicator()
{
    if (m_closing)
        return;
    const bool loading = m_configurationsLoad || m_assignmentsLoad;
    m_loadProgress->setVisible(loading);
    m_cancelLoadButton->setVisible(loading);
}

void MainWindow::onAssignmentsLoaded(quint64 generation, const Result<QList<Assignment>> &result)
{
    if (generation != m_assignmentsGeneration)
        return; // for a configuration that is no longer selected
    m_assignmentsLoad = nullptr;
    updateLoadIndicator();
    if (!result) {
        m_assignmentsState = LoadState::Failed;
        m_assignmentsStatus->setText(tr("could not be read"));
        if (result.error().kind != GraphError::Kind::Cancelled)
            m_errorBanner->showError(
                tr("Could not read the assignments of “%1”").arg(m_selected->displayName), result.error());
        updateAssignState();
        Q_EMIT assignmentsLoadFinished(false);
        return;
    }
    m_assignmentsState = LoadState::Loaded;
    m_assignments->setAssignments(result.value());
    // A default policy cannot take assignments: never invite one.
    m_assignmentsStatus->setText(!result.value().isEmpty() ? tr("(%1)").arg(result.value().size())
            : m_selected && m_selected->isDefault()        ? tr("none: a default policy applies to everyone")
                                                           : tr("none yet: choose a target below and press Assign"));
    resolveGroupNames();
    // Filter names for the filter column: the same one read the picker needs.
    if (!m_assignments->filterIds().isEmpty())
        m_targetPicker->filterPicker()->ensureLoaded();
    updateAssignState();
    Q_EMIT assignmentsLoadFinished(true);
}

void MainWindow::resolveGroupNames()
{
    const QStringList ids = m_assignments->groupIds();
    if (!m_groups || ids.isEmpty())
        return;
    if (m_namesLoad)
        m_namesLoad->cancel();
    const quint64 generation = m_assignmentsGeneration;
    // Names are a convenience: a failure leaves the ids, which are always shown.
    m_namesLoad = m_groups->resolve(ids, this, [this, generation, ids](const Result<QHash<QString, GroupName>> &r) {
        if (generation != m_assignmentsGeneration)
            return;
        m_namesLoad = nullptr;
        if (r) {
            m_assignments->setGroupNames(r.value());
            return;
        }
        // The lookup failed: still show the names this session already knows (from searches).
        QHash<QString, GroupName> known;
        for (const QString &id : ids) {
            if (m_groups->isKnown(id))
                known.insert(id.toLower(), m_groups->known(id));
        }
        m_assignments->setGroupNames(known);
    });
}

// --- the new assignment --------------------------------------------------------

void MainWindow::updateAssignState()
{
    const AssignmentTarget target = m_targetPicker->target();
    QString problem;
    if (!m_session)
        problem = tr("Not signed in.");
    else if (!m_selected)
        problem = tr("Select an enrollment configuration on the left.");
    else if (isBusy())
        problem = tr("Wait for the running write to finish.");
    else
        problem = m_session->assignments()->createInputProblem(*m_selected, target);

    if (problem.isEmpty() && m_assignmentsState == LoadState::Loading)
        problem = tr("Reading the current assignments first…");
    if (problem.isEmpty() && m_assignmentsState == LoadState::Loaded) {
        for (const Assignment &existing : m_assignments->assignments()) {
            if (existing.target.sameTargetAs(target)) {
                problem = tr("“%1” is already assigned to this target (assignment %2).")
                              .arg(m_selected->displayName, existing.id);
                break;
            }
        }
    }

    // The request, live, as long as there is something to show.
    if (m_session && m_selected && target.kind() != AssignmentTarget::Kind::Unknown) {
        const AssignmentService *service = m_session->assignments();
        const RequestPreview preview = service->preview(service->createAssignmentRequest(m_selected->id, target));
        m_previewRequest = preview;
        QString text = QString::fromLatin1(preview.method) + u' ' + preview.url.toString(QUrl::FullyEncoded);
        if (!preview.body.isEmpty())
            text += QStringLiteral("\n\n") + QString::fromUtf8(preview.body);
        if (m_preview->toPlainText() != text)
            m_preview->setPlainText(text);
        if (!problem.isEmpty())
            m_previewCaption->setText(tr("Request preview (not ready to send yet):"));
        else if (m_selected->requiresAssignAction())
            m_previewCaption->setText(tr("Request that Assign tries first (Intune refuses it for this type; you are "
                                         "then asked before the full list is sent):"));
        else
            m_previewCaption->setText(tr("Request that Assign sends:"));
    } else {
        m_previewRequest.reset();
        m_preview->clear();
        m_preview->setPlaceholderText(!m_selected ? tr("The request appears here once a configuration is selected.")
                                                  : tr("The request appears here once a target type is chosen."));
        m_previewCaption->setText(tr("Request preview:"));
    }

    m_assignProblem = problem;
    const bool canAssign = problem.isEmpty() && !isBusy();
    m_assignAction->setEnabled(canAssign);
    m_assignButton->setEnabled(canAssign);
    // A disabled Assign says why to a screen reader too (the label beside it is not associated).
    m_assignButton->setAccessibleDescription(problem.isEmpty() ? QString() : problem);
    m_previewCopyAs->updateActions();
    if (isBusy())
        return; // the reason label shows the operation's progress
    m_assignReason->setToolTip(problem.isEmpty() ? m_writePermissionProblem : QString());
    if (problem.isEmpty() && !m_writePermissionProblem.isEmpty()) {
        m_assignReason->setText(tr("Ready, but this sign-in lacks the write permission: Intune will likely refuse "
                                   "it (403). Assign asks first."));
        m_assignReason->setStyleSheet(theme::textStyleSheet(theme::Tone::Warning));
    } else if (problem.isEmpty()) {
        QString ready = m_selected->requiresAssignAction()
            ? tr("Ready: Assign tries the request above, then asks before sending the full list.")
            : tr("Ready: Assign sends the request above.");
        // Allowed, but worth a second look (the same group included and excluded).
        const QStringList notes = AssignmentService::createNotes(m_assignments->assignments(), target);
        for (const QString &note : notes)
            ready += u' ' + note;
        m_assignReason->setText(ready);
        m_assignReason->setStyleSheet(
            theme::textStyleSheet(notes.isEmpty() ? theme::Tone::Success : theme::Tone::Warning));
    } else {
        m_assignReason->setText(problem);
        m_assignReason->setStyleSheet(QString());
    }
}

void MainWindow::assign()
{
    updateAssignState();
    if (!m_session || !m_selected || isBusy() || !m_assignProblem.isEmpty() || m_confirmation)
        return;
    if (m_writePermissionProblem.isEmpty()) {
        sendAssignment();
        return;
    }
    // Sent anyway only if the admin says so (the token may be out of date; Graph decides).
    const Confirmation c = makeConfirmation(this, QStringLiteral("writePermissionConfirmation"),
        tr("Missing permission"), tr("The write will likely be refused."), m_writePermissionProblem,
        tr("Assign anyway"), QStringLiteral("assignAnywayButton"));
    m_confirmation = c.box;
    QMessageBox *box = c.box;
    QPushButton *confirm = c.confirm;
    const QString configurationId = m_selected->id;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, configurationId] {
        if (m_closing || box->clickedButton() != confirm)
            return;
        updateAssignState();
        if (selectedConfigurationId() == configurationId && m_assignProblem.isEmpty())
            sendAssignment();
    });
    box->open();
}

void MainWindow::sendAssignment()
{
    const QString configurationName = m_selected->displayName;
    const QString subjectName = m_targetPicker->subjectName();
    const QString intro
        = tr("Intune refused to add a single assignment to “%1” (%2): it accepts this type's assignments only as one "
             "complete list, and whatever the list leaves out is deleted. Nothing has been changed yet.")
              .arg(configurationName, m_selected->typeDisplayName());
    Operation *op = m_session->assignments()->createAssignment(
        m_selected->id, m_targetPicker->target(), this,
        [this, configurationName, subjectName](
            const Result<CreatedAssignment> &result) { onAssignFinished(result, configurationName, subjectName); },
        fullListApprover(intro));
    startWrite(op, tr("Sending the request…"));
}

void MainWindow::cancelAssign()
{
    if (!m_write)
        return;
    m_assignReason->setText(tr("Cancelling…"));
    m_write->cancel();
    // A question still open is answered "no": nothing more is sent.
    if (m_fullListDialog)
        m_fullListDialog->reject();
}

void MainWindow::onAssignFinished(
    const Result<CreatedAssignment> &result, const QString &configurationName, const QString &subjectName)
{
    if (m_closing)
        return;
    const bool declined = m_fullListDeclined;
    endWrite();
    if (result) {
        const CreatedAssignment &created = result.value();
        CreatedAssignmentTableModel::Entry entry;
        entry.created = created;
        entry.configurationName = configurationName;
        entry.subjectName = subjectName;
        entry.time = QDateTime::currentDateTime();
        m_created->addEntry(entry);
        m_createdView->selectRow(0);
        m_createdView->scrollToTop();
        m_errorBanner->dismiss();
        if (created.viaAssignAction)
            statusBar()->showMessage(
                tr("Created assignment %1 by sending the full list (%2 kept); verified by a re-read (request-id %3).")
                    .arg(created.assignment.id)
                    .arg(created.previousAssignments.size())
                    .arg(created.requestId));
        else
            statusBar()->showMessage(
                tr("Created assignment %1 (request-id %2).").arg(created.assignment.id, created.requestId));
        Q_EMIT assignmentCreated(created.assignment.id);
    } else if (declined) {
        statusBar()->showMessage(tr("Cancelled: the full list was not sent; nothing changed."));
    } else if (result.error().kind == GraphError::Kind::Cancelled) {
        // The POST may have reached Graph before the cancel: the re-read below shows whether it did.
        statusBar()->showMessage(tr("Cancelled. Re-reading the assignments to show whether it was created."));
    } else {
        m_errorBanner->showError(tr("Could not create the assignment"), result.error());
    }
    // Whatever happened, show the configuration's real state.
    reloadAssignments();
    markHistoryDirty();
    Q_EMIT writeFinished(result.ok());
}

void MainWindow::startWrite(Operation *operation, const QString &progressText)
{
    m_write = operation;
    m_fullListDeclined = false;
    m_writeStartedAt = QDateTime::currentDateTimeUtc();
    m_history->setInFlightSince(m_writeStartedAt);
    connect(operation, &Operation::statusChanged, m_assignReason, &QLabel::setText);
    setBusy(true);
    m_assignReason->setText(progressText);
    m_assignReason->setStyleSheet(QString());
}

void MainWindow::endWrite()
{
    m_write = nullptr;
    m_writeStartedAt = {};
    m_history->setInFlightSince({});
    setBusy(false);
}

void MainWindow::setBusy(bool busy)
{
    m_configurationsView->setEnabled(!busy);
    m_filterEdit->setEnabled(!busy);
    m_targetPicker->setEnabled(!busy);
    m_targetPicker->filterPicker()->setEnabled(!busy); // laid out outside the picker
    m_refreshAction->setEnabled(!busy && m_session);
    m_apiVersionCombo->setEnabled(!busy && m_session);
    m_assignProgress->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    updateAssignState();
    updateRemoveState();
    updateUndoState();
}

bool MainWindow::isBusy() const
{
    return !m_write.isNull();
}

// --- window-wide ----------------------------------------------------------------

void MainWindow::onApiVersionChanged()
{
    if (!m_session)
        return;
    const auto version = ApiVersion(m_apiVersionCombo->currentData().toInt());
    if (version == m_session->apiVersion())
        return;
    m_session->setApiVersion(version);
    m_targetPicker->setApiVersion(version);
    updateFilterColumns();
    updateTitleAndStatus();
    updateAssignState(); // the URL (and maybe the body) changed
    reloadConfigurations();
}

void MainWindow::updateTitleAndStatus()
{
    QString tenant;
    if (!m_session)
        tenant = tr("Not signed in");
    else if (m_session->isSandbox())
        tenant = tr("Sandbox tenant");
    else
        tenant = m_session->tenantLabel().isEmpty() ? m_session->graph()->endpoint().root().host()
                                                    : m_session->tenantLabel();
    if (m_session && !m_account.isEmpty())
        setWindowTitle(tr("Enrollment Assigner — %1 — %2").arg(tenant, m_account));
    else
        setWindowTitle(tr("Enrollment Assigner — %1").arg(tenant));

    if (!m_session) {
        m_tenantStatus->setText(tr("Not signed in"));
        m_apiStatus->clear();
        return;
    }
    const QUrl root = m_session->graph()->endpoint().root();
    QString tenantText = tr("Tenant: %1 (%2)").arg(tenant, root.toString(QUrl::RemovePath));
    QString tenantTip = tr("Every request goes to %1").arg(root.toString());
    if (!m_account.isEmpty()) {
        tenantText += u' ' + tr("· %1").arg(m_account);
        if (!m_writePermissionProblem.isEmpty())
            tenantText += u' ' + tr("(cannot write)");
        if (!m_accountDetails.isEmpty())
            tenantTip += QStringLiteral("\n\n") + m_accountDetails;
    }
    m_tenantStatus->setText(tenantText);
    m_tenantStatus->setToolTip(tenantTip);
    m_apiStatus->setText(tr("Graph API: %1").arg(apiVersionPath(m_session->apiVersion())));
}

void MainWindow::setAccount(const QString &account, const QString &details)
{
    m_account = account;
    m_accountDetails = details;
    updateTitleAndStatus();
}

void MainWindow::setPermissionProblems(const QString &writeProblem, const QString &groupSearchProblem)
{
    m_writePermissionProblem = writeProblem;
    m_targetPicker->groupSearch()->setSearchUnavailableReason(groupSearchProblem);
    updateTitleAndStatus();
    updateAssignState();
}

void MainWindow::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

// --- the full-list approval ------------------------------------------------------

FullListApproval MainWindow::fullListApprover(const QString &intro)
{
    QPointer<MainWindow> self(this);
    return [self, intro](const FullListPlan &plan, const std::function<void(bool)> &answer) {
        if (!self || self->m_closing)
            return answer(false);
        self->askForFullList(plan, intro, answer);
    };
}

void MainWindow::askForFullList(const FullListPlan &plan, const QString &intro, const std::function<void(bool)> &answer)
{
    // One question per write: a second one while the first is open is answered "no".
    if (m_fullListDialog)
        return answer(false);
    QPointer<MainWindow> self(this);
    auto *dialog = new FullListConfirmationDialog(
        plan, intro,
        [self, answer](bool send) {
            if (self && !send)
                self->m_fullListDeclined = true;
            if (self && !self->m_closing && send)
                self->m_assignReason->setText(tr("Sending the full list…"));
            answer(send);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_fullListDialog = dialog;

    // Names this session knows already, then the rest from Graph (the dialog shows ids meanwhile).
    if (m_groups) {
        const QStringList ids = dialog->groupIds();
        QHash<QString, GroupName> known;
        for (const QString &id : ids) {
            if (m_groups->isKnown(id))
                known.insert(id.toLower(), m_groups->known(id));
        }
        dialog->setGroupNames(known);
        if (known.size() < ids.size()) {
            m_groups->resolve(ids, dialog, [dialog](const Result<QHash<QString, GroupName>> &r) {
                if (r)
                    dialog->setGroupNames(r.value());
            });
        }
    }
    m_assignReason->setText(tr("Waiting for your answer: send the full list?"));
    statusBar()->showMessage(plan.summary());
    dialog->open();
}

// --- remove (unassign) -------------------------------------------------------------

const Assignment *MainWindow::selectedAssignment() const
{
    const QModelIndexList rows = m_assignmentsView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_assignments->assignmentAt(rows.constFirst().row());
}

QString MainWindow::removeProblem() const
{
    const Assignment *a = selectedAssignment();
    if (!m_session)
        return tr("Not signed in.");
    if (isBusy())
        return tr("Wait for the running write to finish.");
    if (!m_selected)
        return tr("Select an enrollment configuration on the left.");
    if (m_selected->isDefault())
        return tr("“%1” is a default policy; its assignments cannot be changed.").arg(m_selected->displayName);
    if (m_assignmentsState != LoadState::Loaded)
        return tr("Wait for the current assignments to be read.");
    if (!a)
        return tr("Select an assignment in the list to remove it.");
    if (a->source == u"policySets")
        return tr("This assignment comes from a policy set: change it in the policy set in the Intune admin center.");
    if (a->id.isEmpty())
        return tr("Graph returned this assignment without an id, so it cannot be removed here.");
    return {};
}

void MainWindow::updateRemoveState()
{
    if (!m_removeAction || !m_removeButton)
        return;
    const QString problem = removeProblem();
    m_removeAction->setEnabled(problem.isEmpty());
    m_removeButton->setEnabled(problem.isEmpty());
    m_removeButton->setToolTip(problem.isEmpty()
            ? tr("Remove the selected assignment, after a confirmation (%1)")
                  .arg(m_removeAction->shortcut().toString(QKeySequence::NativeText))
            : problem);
}

void MainWindow::confirmRemoveAssignment()
{
    if (!removeProblem().isEmpty() || m_confirmation)
        return;
    const Assignment assignment = *selectedAssignment();
    const EnrollmentConfiguration configuration = *m_selected;
    const GroupName *group = m_assignments->groupNameOf(assignment.target);
    const QString description = DisplayText::targetInSentence(
        assignment.target, group ? group->displayName : QString(), group && group->deleted);
    // Turned off in Preferences: no question, unless the sign-in is likely to be refused.
    if (m_settings && !m_settings->confirmRemove() && m_writePermissionProblem.isEmpty()) {
        removeAssignment(configuration, assignment, description);
        return;
    }

    QString informative
        = tr("Intune stops applying the configuration to this target. The removal is recorded in the History.");
    if (configuration.requiresAssignAction())
        informative += u' '
            + tr("Intune may accept this only as a full list; if so, you are asked again before anything is sent.");
    informative += u'\n' + tr("Assignment id: %1").arg(assignment.id);
    if (!m_writePermissionProblem.isEmpty())
        informative = m_writePermissionProblem + QStringLiteral("\n\n") + informative;
    const Confirmation c = makeConfirmation(this, QStringLiteral("removeAssignmentConfirmation"),
        tr("Remove assignment"), tr("Remove the assignment of “%1” to %2?").arg(configuration.displayName, description),
        informative, tr("Remove assignment"), QStringLiteral("confirmRemoveButton"));
    m_confirmation = c.box;
    QMessageBox *box = c.box;
    QPushButton *confirm = c.confirm;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, configuration, assignment, description] {
        if (m_closing || box->clickedButton() != confirm)
            return;
        removeAssignment(configuration, assignment, description);
    });
    box->open();
}

void MainWindow::removeAssignment(
    const EnrollmentConfiguration &configuration, const Assignment &assignment, const QString &description)
{
    if (!m_session || isBusy())
        return;
    const QString intro = tr("Intune refused to delete the single assignment from “%1” (%2): it accepts this type's "
                             "assignments only as one complete list. The list below leaves out %3. Nothing has been "
                             "changed yet.")
                              .arg(configuration.displayName, configuration.typeDisplayName(), description);
    const QString configurationId = configuration.id;
    const QString configurationName = configuration.displayName;
    const QString assignmentId = assignment.id;
    Operation *op = m_session->assignments()->deleteAssignment(
        configurationId, assignmentId, this,
        [this, configurationId, configurationName, assignmentId, description](const Result<Done> &result) {
            if (m_closing)
                return;
            const bool declined = m_fullListDeclined;
            endWrite();
            if (result) {
                m_errorBanner->dismiss();
                statusBar()->showMessage(
                    tr("Removed the assignment of “%1” to %2.").arg(configurationName, description));
                // Created in this session and now gone: it has nothing left to undo.
                for (int row : m_created->rowsOfAssignment(configurationId, assignmentId))
                    m_created->setUndoState(row, CreatedAssignmentTableModel::UndoState::Undone, tr("Removed"));
            } else if (declined) {
                statusBar()->showMessage(tr("Cancelled: the full list was not sent; nothing changed."));
            } else if (result.error().kind == GraphError::Kind::Cancelled) {
                statusBar()->showMessage(tr("Cancelled. Re-reading the assignments to show whether it was removed."));
            } else {
                m_errorBanner->showError(tr("Could not remove the assignment"), result.error());
            }
            if (selectedConfigurationId() == configurationId)
                reloadAssignments();
            markHistoryDirty();
            Q_EMIT writeFinished(result.ok());
        },
        fullListApprover(intro));
    startWrite(op, tr("Removing the assignment to %1…").arg(description));
}

// --- undo --------------------------------------------------------------------------

int MainWindow::selectedCreatedRow() const
{
    const QModelIndexList rows = m_createdView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void MainWindow::updateUndoState()
{
    if (!m_undoAction || !m_undoButton)
        return;
    const int row = selectedCreatedRow();
    QString problem;
    if (!m_session)
        problem = tr("Not signed in.");
    else if (isBusy())
        problem = tr("Wait for the running write to finish.");
    else if (row < 0)
        problem = m_created->rowCount() == 0 ? tr("Nothing created in this session yet.")
                                             : tr("Select a created assignment to undo it.");
    else if (!m_created->canUndo(row)) {
        const auto *entry = m_created->entryAt(row);
        problem = entry && entry->undoState == CreatedAssignmentTableModel::UndoState::Undone
            ? tr("Already undone.")
            : tr("This assignment cannot be undone here.");
    }
    m_undoAction->setEnabled(problem.isEmpty());
    m_undoButton->setEnabled(problem.isEmpty());
    m_undoButton->setToolTip(problem.isEmpty() ? tr("Undo the selected assignment created in this session (%1)")
                                                     .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText))
                                               : problem);
}

void MainWindow::undoSelectedCreated()
{
    const int row = selectedCreatedRow();
    if (!m_session || isBusy() || row < 0 || !m_created->canUndo(row) || m_confirmation)
        return;
    const CreatedAssignmentTableModel::Entry entry = *m_created->entryAt(row);
    if (entry.created.viaAssignAction) {
        // The full-list dialog shows exactly what the undo sends and deletes: it is the confirmation.
        startUndo(entry.key);
        return;
    }
    if (m_settings && !m_settings->confirmUndo()) {
        startUndo(entry.key);
        return;
    }
    const QString description = DisplayText::targetInSentence(entry.created.assignment.target, entry.subjectName);
    const Confirmation c = makeConfirmation(this, QStringLiteral("undoConfirmation"), tr("Undo assignment"),
        tr("Undo the assignment of “%1” to %2, created at %3?")
            .arg(entry.configurationName, description,
                QLocale().toString(entry.time.toLocalTime().time(), QLocale::ShortFormat)),
        tr("The assignment is deleted. The removal is recorded in the History.") + u'\n'
            + tr("Assignment id: %1").arg(entry.created.assignment.id),
        tr("Undo assignment"), QStringLiteral("confirmUndoButton"));
    m_confirmation = c.box;
    QMessageBox *box = c.box;
    QPushButton *confirm = c.confirm;
    const quint64 key = entry.key;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, key] {
        if (!m_closing && box->clickedButton() == confirm)
            startUndo(key);
    });
    box->open();
}

void MainWindow::startUndo(quint64 key)
{
    const int row = m_created->rowOfKey(key);
    if (!m_session || isBusy() || row < 0 || !m_created->canUndo(row))
        return;
    const CreatedAssignmentTableModel::Entry entry = *m_created->entryAt(row);
    const QString configurationId = entry.created.configurationId;
    const QString description = DisplayText::targetInSentence(entry.created.assignment.target, entry.subjectName);

    // Both kinds of undo end the same way: the row says what happened.
    auto finish = [this, key, configurationId](bool ok, const GraphError &error) {
        if (m_closing)
            return;
        const bool declined = m_fullListDeclined;
        endWrite();
        const int r = m_created->rowOfKey(key);
        if (ok) {
            m_errorBanner->dismiss();
            m_created->setUndoState(r, CreatedAssignmentTableModel::UndoState::Undone, tr("Undone"));
            statusBar()->showMessage(tr("Undone."));
        } else if (declined || error.kind == GraphError::Kind::Cancelled) {
            m_created->setUndoState(r, CreatedAssignmentTableModel::UndoState::NotUndone);
            statusBar()->showMessage(declined ? tr("Undo cancelled: the full list was not sent; nothing changed.")
                                              : tr("Undo cancelled. Re-reading the assignments."));
        } else {
            m_created->setUndoState(r, CreatedAssignmentTableModel::UndoState::UndoFailed, error.readableMessage());
            m_errorBanner->showError(tr("Could not undo the assignment"), error);
        }
        if (selectedConfigurationId() == configurationId)
            reloadAssignments();
        markHistoryDirty();
        Q_EMIT writeFinished(ok);
    };

    Operation *op = nullptr;
    if (entry.created.viaAssignAction) {
        const QString intro
            = tr("Undo restores the list of assignments “%1” had before %2. Assignments not in that list — the one "
                 "created then, and any added since — are deleted; they are marked “Removed” below. Nothing has "
                 "been changed yet.")
                  .arg(entry.configurationName,
                      QLocale().toString(entry.time.toLocalTime().time(), QLocale::ShortFormat));
        op = m_session->assignments()->replaceAssignments(
            configurationId, entry.created.previousAssignments, this,
            [finish](const Result<QList<Assignment>> &r) { finish(r.ok(), r ? GraphError() : r.error()); },
            fullListApprover(intro), entry.created.assignment.id);
    } else {
        const QString intro = tr("Intune refused to delete the single assignment from “%1”: it accepts this type's "
                                 "assignments only as one complete list. The list below leaves out %2. Nothing has "
                                 "been changed yet.")
                                  .arg(entry.configurationName, description);
        op = m_session->assignments()->deleteAssignment(
            configurationId, entry.created.assignment.id, this,
            [finish](const Result<Done> &r) { finish(r.ok(), r ? GraphError() : r.error()); }, fullListApprover(intro),
            entry.created.assignment.id);
    }
    m_created->setUndoState(row, CreatedAssignmentTableModel::UndoState::Undoing);
    startWrite(op, tr("Undoing the assignment to %1…").arg(description));
}

// --- history -------------------------------------------------------------------------

void MainWindow::buildDocks()
{
    // The assignments created in this session: always there (it cannot be closed).
    m_createdDock = new QDockWidget(tr("Created assignments"), this);
    m_createdDock->setObjectName(QStringLiteral("createdDock"));
    m_createdDock->setAccessibleName(tr("Created assignments"));
    m_createdDock->setFeatures(QDockWidget::DockWidgetMovable);
    m_createdDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    m_createdDock->setTitleBarWidget(buildCreatedTitleBar());
    m_createdDock->setWidget(buildCreatedPane());
    addDockWidget(Qt::BottomDockWidgetArea, m_createdDock);
    setTabPosition(Qt::BottomDockWidgetArea, QTabWidget::North);
    m_createdDock->setVisible(m_session != nullptr);

    // The History: a tab beside it, so opening it takes no room from the workspace.
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setAccessibleName(tr("History of writes"));
    m_historyDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);

    // Its title bar carries what it says and does: title, how many writes,
    // the journal file (on demand: a full path is long), Reload, Hide.
    auto *bar = new QWidget(m_historyDock);
    bar->setObjectName(QStringLiteral("historyTitleBar"));
    auto *title = sectionLabel(tr("History"), bar);
    m_historyStatus = new QLabel(tr("Not read yet."), bar);
    m_historyStatus->setObjectName(QStringLiteral("historyStatus"));
    m_historyStatus->setTextFormat(Qt::PlainText);
    m_historyStatus->setWordWrap(true);
    m_historyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_historyFileButton = new QPushButton(tr("Journal file"), bar);
    m_historyFileButton->setObjectName(QStringLiteral("historyFileButton"));
    m_historyFileButton->setAccessibleName(tr("Show where the journal file is"));
    m_historyFileButton->setToolTip(tr("Show the path of the audit journal this history is read from"));
    m_historyFileButton->setCheckable(true);
    m_historyFile = new QLabel(bar);
    m_historyFile->setObjectName(QStringLiteral("historyFileLabel"));
    m_historyFile->setTextFormat(Qt::PlainText);
    m_historyFile->setWordWrap(true);
    m_historyFile->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_historyFile->hide();
    connect(m_historyFileButton, &QPushButton::toggled, m_historyFile, &QWidget::setVisible);
    m_historyRefreshButton
        = new QPushButton(appIcon(QStringLiteral("refresh"), QStyle::SP_BrowserReload), tr("Reload"), bar);
    m_historyRefreshButton->setObjectName(QStringLiteral("refreshHistoryButton"));
    m_historyRefreshButton->setAccessibleName(tr("Reload the history"));
    m_historyRefreshButton->setToolTip(tr("Read the audit journal again"));
    connect(m_historyRefreshButton, &QPushButton::clicked, this, &MainWindow::reloadHistory);
    auto *hideButton = new QPushButton(tr("Hide"), bar);
    hideButton->setObjectName(QStringLiteral("hideHistoryButton"));
    hideButton->setAccessibleName(tr("Hide the history"));
    connect(hideButton, &QPushButton::clicked, m_historyDock, &QDockWidget::hide);
    auto *barRow = new QHBoxLayout;
    barRow->addWidget(title);
    barRow->addSpacing(6);
    barRow->addWidget(m_historyStatus, 1);
    barRow->addWidget(m_historyFileButton);
    barRow->addWidget(m_historyRefreshButton);
    barRow->addWidget(hideButton);
    auto *barLayout = new QVBoxLayout(bar);
    barLayout->setContentsMargins(8, 4, 8, 2);
    barLayout->setSpacing(2);
    barLayout->addLayout(barRow);
    barLayout->addWidget(m_historyFile);
    m_historyDock->setTitleBarWidget(bar);

    auto *content = new QWidget(m_historyDock);
    content->setObjectName(QStringLiteral("historyPane"));

    m_historyView = new QTableView(content);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setAccessibleName(tr("History of writes"));
    setUpListTableView(m_historyView);
    m_historyView->setTextElideMode(Qt::ElideRight);
    m_historyView->setModel(m_history);
    QHeaderView *h = m_historyView->horizontalHeader();
    const QFontMetrics fm = m_historyView->fontMetrics();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->resizeSection(HistoryTableModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 20);
    int actionWidth = 0;
    for (const QString &text : HistoryTableModel::actionTexts())
        actionWidth = std::max(actionWidth, fm.horizontalAdvance(text));
    h->resizeSection(HistoryTableModel::ActionColumn, actionWidth + 24);
    h->resizeSection(HistoryTableModel::OutcomeColumn, fm.horizontalAdvance(tr("Interrupted — outcome unknown")) + 24);
    h->resizeSection(HistoryTableModel::ConfigurationColumn, 220);
    h->resizeSection(HistoryTableModel::TargetColumn, 300);
    h->resizeSection(HistoryTableModel::HttpStatusColumn, fm.horizontalAdvance(tr("HTTP status")) + 24);
    h->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 0, 8, 4);
    layout->addWidget(m_historyView, 1);
    m_historyDock->setWidget(content);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_createdDock, m_historyDock);
    m_historyDock->hide();

    m_historyAction = new QAction(this);
    m_historyAction->setObjectName(QStringLiteral("historyAction"));
    m_historyAction->setText(tr("&History"));
    m_historyAction->setIcon(appIcon(QStringLiteral("history"), QStyle::SP_FileDialogDetailedView));
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_historyAction->setToolTip(tr("Show the audit journal: every write, its outcome and request-id (%1)")
                                    .arg(m_historyAction->shortcut().toString(QKeySequence::NativeText)));
    m_toolBar->addSeparator();
    addPanelAction(m_historyDock, m_historyAction, QStringLiteral("historyButton"), tr("History"));
    // The first time, a little more room for the table.
    connect(m_historyAction, &QAction::toggled, this, [this](bool shown) {
        if (!shown || m_historyShownBefore)
            return;
        m_historyShownBefore = true;
        QTimer::singleShot(
            0, m_historyDock, [this] { resizeDocks({m_historyDock}, {bottomDockHeight(260, 35)}, Qt::Vertical); });
    });
    // Read when first shown, never before the window's first paint.
    connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_historyDirty)
            reloadHistory();
    });
}

// One action per panel (History, Request log), in the toolbar, the View menu
// and on its key: checked exactly while the panel is open, whoever opened or
// closed it (the action, its toolbar button toggled by a screen reader, the
// panel's own Hide button). Opening a panel brings it to the front of its
// tab group; triggering the action of a panel that is open behind another
// tab brings it to the front instead of closing it.
void MainWindow::addPanelAction(
    QDockWidget *dock, QAction *action, const QString &buttonName, const QString &buttonAccessibleName)
{
    action->setCheckable(true);
    action->setChecked(!dock->isHidden());
    // On the checked state, not on triggered: a toolbar button toggled by a
    // screen reader sets the action's state without triggering it.
    connect(action, &QAction::toggled, dock, [this, dock, action](bool checked) {
        if (checked && dock->isHidden()) {
            showPanel(dock);
        } else if (!checked && !dock->isHidden()) {
            if (isPanelInFront(dock)) {
                dock->hide();
            } else {
                action->setChecked(true);
                showPanel(dock);
            }
        }
    });
    // Hidden or shown any other way.
    connect(dock, &QDockWidget::visibilityChanged, action, [this, dock, action] {
        action->setChecked(!dock->isHidden());
        if (dock->isHidden())
            restoreBottomDockHeight();
    });
    addAction(action);
    m_toolBar->addAction(action);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action))) {
        button->setObjectName(buttonName);
        button->setAccessibleName(buttonAccessibleName);
        // Qt 6.4 passes a toggled button's state on to its action; should a Qt not, do it here.
        connect(button, &QAbstractButton::toggled, action, [action](bool on) {
            if (on != action->isChecked())
                action->trigger();
        });
    }
}

bool MainWindow::isPanelInFront(QDockWidget *dock) const
{
    // A dock behind another tab is "visible" too; in front it has screen area.
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

void MainWindow::showPanel(QDockWidget *dock)
{
    // Before a panel joins the bottom area, remember how tall the area was:
    // when the panels are closed again, the workspace gets its room back.
    if (m_historyDock->isHidden() && m_requestLogDock->isHidden())
        m_bottomDockHeight = m_createdDock->isVisible() ? m_createdDock->height() : 0;
    dock->show();
    // In front of its tab group, once the dock layout has put its tab back
    // (later in this turn of the event loop).
    QTimer::singleShot(0, dock, [dock] { dock->raise(); });
}

void MainWindow::restoreBottomDockHeight()
{
    if (m_bottomDockHeight > 0 && m_historyDock->isHidden() && m_requestLogDock->isHidden()) {
        resizeDocks({m_createdDock}, {m_bottomDockHeight}, Qt::Vertical);
        m_bottomDockHeight = 0;
    }
}

void MainWindow::markHistoryDirty()
{
    m_historyDirty = true;
    // Behind the Created tab a dock is still "visible"; it has no screen area there.
    if (m_historyDock && m_historyDock->isVisible() && !m_historyDock->visibleRegion().isEmpty())
        reloadHistory();
}

void MainWindow::reloadHistory()
{
    if (!m_session)
        return;
    AuditJournal *journal = m_session->auditJournal();
    int skipped = 0;
    const QList<AuditEntry> entries = journal->readAll(&skipped);
    m_history->setOperations(groupByOperation(entries));
    m_historyDirty = false;

    // The count here; the file's path (long) behind the Journal file button.
    const QString path = QDir::toNativeSeparators(journal->filePath());
    const bool exists = QFileInfo::exists(journal->filePath());
    QString text = entries.isEmpty() && !exists ? tr("No writes recorded yet.")
                                                : tr("%n write(s)", nullptr, m_history->rowCount());
    const int interrupted = m_history->interruptedCount();
    if (interrupted > 0)
        text += u' ' + tr("· %n interrupted (outcome unknown): check those assignments", nullptr, interrupted);
    if (skipped > 0)
        text += u' ' + tr("· %n unreadable line(s) skipped", nullptr, skipped);
    m_historyStatus->setText(text);
    m_historyStatus->setToolTip(text + u'\n' + path);
    m_historyFile->setText(
        exists ? tr("Journal file: %1").arg(path) : tr("Journal file (not written yet): %1").arg(path));
    resolveHistoryGroupNames();
    Q_EMIT historyReloaded();
}

void MainWindow::resolveHistoryGroupNames()
{
    if (!m_groups || m_historyNamesLoad)
        return;
    // The newest rows are what an admin reads; older ones keep their ids.
    QStringList unknown;
    for (const QString &id : m_history->groupIds(200)) {
        if (!m_groups->isKnown(id))
            unknown.append(id);
    }
    if (unknown.isEmpty())
        return;
    m_historyNamesLoad = m_groups->resolve(unknown, this, [this](const Result<QHash<QString, GroupName>> &) {
        if (m_closing)
            return;
        m_historyNamesLoad = nullptr;
        m_history->refreshTargets(); // whatever was learned, even from a partial failure
    });
}

QString MainWindow::historyTargetText(const QString &spec) const
{
    AssignmentTarget target;
    QString problem;
    if (!parseTargetSpec(spec, &target, &problem)) {
        if (spec.isEmpty())
            return spec;
        return spec.at(0).toUpper() + spec.mid(1); // "Full list of 3" and the like
    }
    if (!target.isGroupTarget())
        return target.subject().isEmpty() ? target.kindDisplayName()
                                          : tr("%1 %2").arg(target.kindDisplayName(), target.subject());
    QString name;
    if (m_groups && m_groups->isKnown(target.groupId())) {
        const GroupName known = m_groups->known(target.groupId());
        name = DisplayText::groupName(&known);
    }
    // The id is in the row's tooltip; the cell stays short enough to read.
    return name.isEmpty() ? tr("%1 %2").arg(target.kindDisplayName(), target.groupId())
                          : tr("%1: %2").arg(target.kindDisplayName(), name);
}

void MainWindow::updateFilterColumns()
{
    // v1.0 has neither assignment filters nor `source`; on beta the ids give
    // them room when the pane is narrow (ColumnFitter).
    const bool beta = m_session && m_session->apiVersion() == ApiVersion::Beta;
    m_assignmentColumns->setColumnHidden(AssignmentTableModel::FilterColumn, !beta);
    m_assignmentColumns->setColumnHidden(AssignmentTableModel::SourceColumn, !beta);
    m_assignmentColumns->refit();
}

} // namespace ea::ui
