#include "MainWindow.h"

#include "models/AssignmentTableModel.h"
#include "models/ConfigurationTableModel.h"
#include "models/CreatedAssignmentTableModel.h"
#include "service/GroupDirectory.h"
#include "service/Session.h"
#include "widgets/ErrorBanner.h"
#include "widgets/GroupSearchWidget.h"
#include "widgets/Icons.h"
#include "widgets/TargetPicker.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Page { WorkspacePage, NotSignedInPage };

constexpr int kDefaultWidth = 1440;
constexpr int kDefaultHeight = 900;

// Tables here are read-only lists: whole rows, one at a time, no editing.
void setUpTableView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setMinimumSectionSize(60);
}

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

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_configurations(new ConfigurationTableModel(this))
    , m_configurationsProxy(new ConfigurationFilterModel(this))
    , m_assignments(new AssignmentTableModel(this))
    , m_created(new CreatedAssignmentTableModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Enrollment Assigner"));
    m_configurationsProxy->setSourceModel(m_configurations);
    if (m_session)
        m_groups = m_session->groups();

    buildActions();
    buildToolBar();
    buildCentralWidget();
    buildStatusBar();
    setUpTabOrder();

    m_targetPicker->setService(m_session ? m_session->assignments() : nullptr);
    connect(m_targetPicker, &TargetPicker::targetChanged, this, &MainWindow::updateAssignState);
    if (m_groups) {
        connect(
            m_targetPicker->groupSearch(), &GroupSearchWidget::groupsSeen, this, [this](const QList<Group> &groups) {
                for (const Group &g : groups)
                    m_groups->remember(g.id, g.displayName);
            });
    }

    resize(kDefaultWidth, kDefaultHeight);
    updateTitleAndStatus();
    showConfiguration(nullptr);
    setBusy(false);

    if (m_session) {
        m_pages->setCurrentIndex(WorkspacePage);
        reloadConfigurations();
    } else {
        m_pages->setCurrentIndex(NotSignedInPage);
        m_refreshAction->setEnabled(false);
        m_filterAction->setEnabled(false);
        m_apiVersionCombo->setEnabled(false);
    }
}

MainWindow::~MainWindow()
{
    // Operations report to this window; stop them before it goes.
    for (const QPointer<Operation> &op : {m_configurationsLoad, m_assignmentsLoad, m_namesLoad, m_write}) {
        if (op)
            op->cancel();
    }
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
}

void MainWindow::buildToolBar()
{
    auto *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
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
    m_sandboxBanner->setStyleSheet(
        QStringLiteral("QFrame#sandboxBanner { background: #fff4ce; border: 1px solid #c19c00; border-radius: 4px; }"
                       "QFrame#sandboxBanner QLabel { color: #3d2e00; background: transparent; }"));
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

    auto *workspace = new QSplitter(Qt::Vertical, m_pages);
    workspace->setObjectName(QStringLiteral("workspaceSplitter"));
    workspace->setChildrenCollapsible(false);
    auto *top = new QSplitter(Qt::Horizontal, workspace);
    top->setObjectName(QStringLiteral("topSplitter"));
    top->setChildrenCollapsible(false);
    top->addWidget(buildConfigurationsPane());
    top->addWidget(buildDetailsPane());
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    top->setSizes({620, 800});
    workspace->addWidget(top);
    workspace->addWidget(buildCreatedPane());
    workspace->setStretchFactor(0, 1);
    workspace->setStretchFactor(1, 0);
    workspace->setSizes({650, 160});

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
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->addAction(
        appIcon(QStringLiteral("filter"), QStyle::SP_FileDialogContentsView), QLineEdit::LeadingPosition);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_configurationsProxy->setFilterFixedString(text.trimmed());
        updateConfigurationsStatus();
    });

    m_configurationsView = new QTableView(pane);
    m_configurationsView->setObjectName(QStringLiteral("configurationsView"));
    m_configurationsView->setAccessibleName(tr("Enrollment configurations"));
    setUpTableView(m_configurationsView);
    m_configurationsView->setModel(m_configurationsProxy);
    QHeaderView *header = m_configurationsView->horizontalHeader();
    header->setSectionResizeMode(ConfigurationTableModel::NameColumn, QHeaderView::Stretch);
    // Wide enough for the longest known type; an unknown type's raw name is elided (tooltip has it).
    header->setSectionResizeMode(ConfigurationTableModel::TypeColumn, QHeaderView::Interactive);
    header->resizeSection(ConfigurationTableModel::TypeColumn,
        m_configurationsView->fontMetrics().horizontalAdvance(tr("Windows Hello for Business")) + 24);
    m_configurationsView->setTextElideMode(Qt::ElideRight);
    header->setSectionResizeMode(ConfigurationTableModel::PriorityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ConfigurationTableModel::LastModifiedColumn, QHeaderView::ResizeToContents);
    // Grouped by type, each type in priority order (the sort key does both).
    header->setSortIndicator(ConfigurationTableModel::TypeColumn, Qt::AscendingOrder);
    m_configurationsView->setSortingEnabled(true);
    connect(m_configurationsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::onConfigurationSelectionChanged);

    m_configurationsStatus = new QLabel(pane);
    m_configurationsStatus->setObjectName(QStringLiteral("configurationsStatus"));
    m_configurationsStatus->setTextFormat(Qt::PlainText);

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
    m_guidance->setStyleSheet(QStringLiteral("QLabel#guidanceLabel { background: #eff6fc; color: #0b2e4f; "
                                             "border-left: 3px solid #0f6cbd; padding: 4px 6px; }"));

    // Its current assignments.
    auto *assignmentsTitle = sectionLabel(tr("Current assignments"), pane);
    m_assignmentsStatus = new QLabel(pane);
    m_assignmentsStatus->setObjectName(QStringLiteral("assignmentsStatus"));
    m_assignmentsStatus->setTextFormat(Qt::PlainText);
    auto *assignmentsHeader = new QHBoxLayout;
    assignmentsHeader->addWidget(assignmentsTitle);
    assignmentsHeader->addWidget(m_assignmentsStatus, 1);

    m_assignmentsView = new QTableView(pane);
    m_assignmentsView->setObjectName(QStringLiteral("assignmentsView"));
    m_assignmentsView->setAccessibleName(tr("Current assignments"));
    setUpTableView(m_assignmentsView);
    m_assignmentsView->setModel(m_assignments);
    QHeaderView *header = m_assignmentsView->horizontalHeader();
    header->setSectionResizeMode(AssignmentTableModel::TargetTypeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssignmentTableModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AssignmentTableModel::SubjectColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssignmentTableModel::AssignmentIdColumn, QHeaderView::Interactive);
    header->resizeSection(AssignmentTableModel::AssignmentIdColumn, 220);
    m_assignmentsView->setMinimumHeight(tableHeightForRows(m_assignmentsView, 3));
    m_assignmentsView->setMaximumHeight(tableHeightForRows(m_assignmentsView, 5));

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
    previewColumn->addWidget(m_previewCaption);
    previewColumn->addWidget(m_preview, 1);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_targetPicker, 1);
    inputRow->addSpacing(8);
    inputRow->addLayout(previewColumn, 2);

    auto *newLayout = new QVBoxLayout(newBox);
    newLayout->addLayout(inputRow, 1);
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
    layout->setContentsMargins(0, 4, 0, 0);

    auto *title = sectionLabel(tr("Created assignments"), pane);
    m_createdStatus = new QLabel(pane);
    m_createdStatus->setObjectName(QStringLiteral("createdAssignmentsStatus"));
    m_createdStatus->setTextFormat(Qt::PlainText);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addWidget(m_createdStatus, 1);

    m_createdView = new QTableView(pane);
    m_createdView->setObjectName(QStringLiteral("createdAssignmentsView"));
    m_createdView->setAccessibleName(tr("Created assignments"));
    setUpTableView(m_createdView);
    m_createdView->setModel(m_created);
    QHeaderView *h = m_createdView->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_createdView->fontMetrics();
    const int guidWidth = fm.horizontalAdvance(QStringLiteral("0000000-0000-0000-0000-000000000000")) + 24;
    h->resizeSection(CreatedAssignmentTableModel::AssignmentIdColumn, guidWidth + 40);
    h->resizeSection(CreatedAssignmentTableModel::ConfigurationColumn, 220);
    h->resizeSection(CreatedAssignmentTableModel::TargetTypeColumn, 140);
    h->resizeSection(CreatedAssignmentTableModel::SubjectColumn, guidWidth + 120);
    h->resizeSection(CreatedAssignmentTableModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00 PM")) + 24);
    h->setStretchLastSection(true);
    m_createdView->setMinimumHeight(tableHeightForRows(m_createdView, 2));

    layout->addLayout(header);
    layout->addWidget(m_createdView, 1);
    connect(m_created, &QAbstractItemModel::rowsInserted, this,
        [this] { m_createdStatus->setText(tr("Created in this session: %1").arg(m_created->rowCount())); });
    m_createdStatus->setText(tr("None yet in this session."));
    return pane;
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
                     "<p>Start with <code>--sandbox</code> to explore the sandbox tenant, "
                     "or set <code>GRAPH_ACCESS_TOKEN</code> to use a real tenant.</p>"));
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

    m_tenantStatus = new QLabel(statusBar());
    m_tenantStatus->setObjectName(QStringLiteral("tenantStatus"));
    m_apiStatus = new QLabel(statusBar());
    m_apiStatus->setObjectName(QStringLiteral("apiVersionStatus"));
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_tenantStatus);
    statusBar()->addPermanentWidget(m_apiStatus);
}

void MainWindow::setUpTabOrder()
{
    const QList<QWidget *> chain {
        m_filterEdit,
        m_configurationsView,
        m_assignmentsView,
        m_targetPicker->kindCombo(),
        m_targetPicker->groupSearch()->searchEdit(),
        m_targetPicker->groupSearch()->resultsView(),
        m_targetPicker->collectionEdit(),
        m_preview,
        m_cancelButton,
        m_assignButton,
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
    m_loadProgress->show();
    statusBar()->showMessage(tr("Loading enrollment configurations…"));
    updateConfigurationsStatus();
    m_configurationsLoad = m_session->assignments()->listConfigurations(
        this, [this, generation](const Result<QList<EnrollmentConfiguration>> &result) {
            onConfigurationsLoaded(generation, result);
        });
}

void MainWindow::onConfigurationsLoaded(quint64 generation, const Result<QList<EnrollmentConfiguration>> &result)
{
    if (generation != m_configurationsGeneration)
        return; // a newer load is on its way
    m_configurationsLoad = nullptr;
    m_loadProgress->hide();

    if (!result) {
        m_configurationsState = LoadState::Failed;
        statusBar()->clearMessage();
        if (result.error().kind != GraphError::Kind::Cancelled)
            m_errorBanner->showError(tr("Could not read the enrollment configurations"), result.error());
        updateConfigurationsStatus();
        Q_EMIT configurationsLoadFinished(false);
        return;
    }

    m_configurationsState = LoadState::Loaded;
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
    case LoadState::Failed: m_configurationsStatus->setText(tr("Could not load the configurations.")); return;
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
}

void MainWindow::onAssignmentsLoaded(quint64 generation, const Result<QList<Assignment>> &result)
{
    if (generation != m_assignmentsGeneration)
        return; // for a configuration that is no longer selected
    m_assignmentsLoad = nullptr;
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
    m_assignmentsStatus->setText(result.value().isEmpty() ? tr("none yet") : tr("(%1)").arg(result.value().size()));
    resolveGroupNames();
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
        problem = tr("Assigning…");
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
        QString text = QString::fromLatin1(preview.method) + u' ' + preview.url.toString(QUrl::FullyEncoded);
        if (!preview.body.isEmpty())
            text += QStringLiteral("\n\n") + QString::fromUtf8(preview.body);
        if (m_preview->toPlainText() != text)
            m_preview->setPlainText(text);
        m_previewCaption->setText(
            problem.isEmpty() ? tr("Request that Assign sends:") : tr("Request preview (not ready to send yet):"));
    } else {
        m_preview->clear();
        m_preview->setPlaceholderText(!m_selected ? tr("The request appears here once a configuration is selected.")
                                                  : tr("The request appears here once a target type is chosen."));
        m_previewCaption->setText(tr("Request preview:"));
    }

    m_assignProblem = problem;
    const bool canAssign = problem.isEmpty() && !isBusy();
    m_assignAction->setEnabled(canAssign);
    m_assignButton->setEnabled(canAssign);
    if (isBusy())
        return; // the reason label shows the operation's progress
    if (problem.isEmpty()) {
        m_assignReason->setText(tr("Ready: Assign sends the request above."));
        m_assignReason->setStyleSheet(QStringLiteral("color: #107c10;"));
    } else {
        m_assignReason->setText(problem);
        m_assignReason->setStyleSheet(QString());
    }
}

void MainWindow::assign()
{
    updateAssignState();
    if (!m_session || !m_selected || isBusy() || !m_assignProblem.isEmpty())
        return;
    const QString configurationName = m_selected->displayName;
    const QString subjectName = m_targetPicker->subjectName();
    m_write = m_session->assignments()->createAssignment(m_selected->id, m_targetPicker->target(), this,
        [this, configurationName, subjectName](
            const Result<CreatedAssignment> &result) { onAssignFinished(result, configurationName, subjectName); });
    connect(m_write, &Operation::statusChanged, m_assignReason, &QLabel::setText);
    setBusy(true);
    m_assignReason->setText(tr("Sending the request…"));
}

void MainWindow::cancelAssign()
{
    if (m_write) {
        m_assignReason->setText(tr("Cancelling…"));
        m_write->cancel();
    }
}

void MainWindow::onAssignFinished(
    const Result<CreatedAssignment> &result, const QString &configurationName, const QString &subjectName)
{
    m_write = nullptr;
    setBusy(false);
    if (result) {
        CreatedAssignmentTableModel::Entry entry;
        entry.created = result.value();
        entry.configurationName = configurationName;
        entry.subjectName = subjectName;
        entry.time = QDateTime::currentDateTime();
        m_created->addEntry(entry);
        m_createdView->selectRow(0);
        m_createdView->scrollToTop();
        m_errorBanner->dismiss();
        statusBar()->showMessage(
            tr("Created assignment %1 (request-id %2).").arg(result.value().assignment.id, result.value().requestId));
        Q_EMIT assignmentCreated(result.value().assignment.id);
    } else if (result.error().kind == GraphError::Kind::Cancelled) {
        // The POST may have reached Graph before the cancel: the re-read below shows whether it did.
        statusBar()->showMessage(tr("Cancelled. Re-reading the assignments to show whether it was created."));
    } else {
        m_errorBanner->showError(tr("Could not create the assignment"), result.error());
    }
    // Whatever happened, show the configuration's real state.
    reloadAssignments();
}

void MainWindow::setBusy(bool busy)
{
    m_configurationsView->setEnabled(!busy);
    m_filterEdit->setEnabled(!busy);
    m_targetPicker->setEnabled(!busy);
    m_refreshAction->setEnabled(!busy && m_session);
    m_apiVersionCombo->setEnabled(!busy && m_session);
    m_assignProgress->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    updateAssignState();
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
    setWindowTitle(tr("Enrollment Assigner — %1").arg(tenant));

    if (!m_session) {
        m_tenantStatus->setText(tr("Not signed in"));
        m_apiStatus->clear();
        return;
    }
    const QUrl root = m_session->graph()->endpoint().root();
    m_tenantStatus->setText(tr("Tenant: %1 (%2)").arg(tenant, root.toString(QUrl::RemovePath)));
    m_tenantStatus->setToolTip(tr("Every request goes to %1").arg(root.toString()));
    m_apiStatus->setText(tr("Graph API: %1").arg(apiVersionPath(m_session->apiVersion())));
}

void MainWindow::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

} // namespace ea::ui
