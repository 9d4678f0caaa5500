#include "MainWindow.h"

#include "AppSettings.h"
#include "Logging.h"
#include "Theme.h"
#include "panes/ConfigurationDetailsPane.h"
#include "panes/ConfigurationListPane.h"
#include "panes/CreatedAssignmentsPane.h"
#include "panes/HistoryPane.h"
#include "panes/NewAssignmentPane.h"
#include "panes/PaneParts.h"
#include "service/GroupDirectory.h"
#include "service/Session.h"
#include "ui_NotSignedInPage.h"
#include "widgets/AssignmentFilterPicker.h"
#include "widgets/ErrorBanner.h"
#include "widgets/FullListConfirmationDialog.h"
#include "widgets/GroupSearchWidget.h"
#include "widgets/Icons.h"
#include "widgets/RequestLogDock.h"
#include "widgets/TargetPicker.h"
#include "widgets/WrappingLabel.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
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

// A yes/no question as a window-modal message box: the caller connects
// `finished` and calls open(). Cancel is the default and the Escape button.
struct ConfirmationBox
{
    QMessageBox *box;
    QPushButton *confirm;
};

ConfirmationBox makeConfirmation(QWidget *parent, const WriteQuestions::Confirmation &question)
{
    auto *box = new QMessageBox(QMessageBox::Warning, question.title, question.text, QMessageBox::NoButton, parent);
    box->setObjectName(question.objectName);
    box->setAccessibleName(question.title);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(question.informative);
    // Wide enough that a configuration name and an id do not wrap word by word.
    box->setStyleSheet(
        QStringLiteral("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 30em; }"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    auto *confirm = box->addButton(question.confirmText, QMessageBox::DestructiveRole);
    confirm->setObjectName(question.confirmName);
    confirm->setAccessibleName(question.confirmText);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(question.objectName + QStringLiteral("Cancel"));
    cancel->setAccessibleName(QMessageBox::tr("Cancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    return {box, confirm};
}

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_groups(session ? session->groups() : nullptr)
    , m_writes(new WriteController(session ? session->assignments() : nullptr, this, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Enrollment Assigner"));
    setWindowIcon(appIcon(QStringLiteral("app"), QStyle::SP_ComputerIcon));

    buildActions();
    buildToolBar();
    buildCentralWidget();
    buildStatusBar();
    buildDocks();
    buildRequestLogAndMenus();
    setUpTabOrder();
    connectPanes();

    placeOnScreen();
    resizeDocks({m_createdDock}, {bottomDockHeight(180, 22)}, Qt::Vertical);
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
        m_historyAction->setEnabled(false);
    }
}

MainWindow::~MainWindow()
{
    // The panes' reads and the write report to this window; stop them before
    // it goes. Their callbacks may still run (a dialog answered "no" on its
    // way out): they see m_closing and do nothing.
    m_closing = true;
    saveLayout();
    m_writes->shutDown();
    m_configurationsPane->cancelLoad();
    m_details->cancelLoads();
    m_historyPane->cancelLoads();
    delete m_fullListDialog; // answers "no": nothing is sent
    delete m_confirmation;
}

QString MainWindow::selectedConfigurationId() const
{
    return m_details->configuration() ? m_details->configuration()->id : QString();
}

QString MainWindow::assignProblem() const
{
    return m_newAssignment->problem();
}

QString MainWindow::removeProblem() const
{
    return m_details->removeProblem();
}

bool MainWindow::isBusy() const
{
    return m_writes->isBusy();
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
    connect(m_filterAction, &QAction::triggered, this, [this] { m_configurationsPane->focusFilter(); });
    addAction(m_filterAction);

    m_assignAction = new QAction(appIcon(QStringLiteral("assign"), QStyle::SP_DialogApplyButton), tr("&Assign"), this);
    m_assignAction->setObjectName(QStringLiteral("assignAction"));
    m_assignAction->setIconText(tr("Assign")); // the Assign button's text
    m_assignAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_assignAction, &QAction::triggered, this, [this] { m_newAssignment->assign(); });
    addAction(m_assignAction);

    // Remove and Undo act on a row of their table: their keys work there only.
    m_removeAction
        = new QAction(appIcon(QStringLiteral("remove"), QStyle::SP_TrashIcon), tr("&Remove assignment…"), this);
    m_removeAction->setObjectName(QStringLiteral("removeAssignmentAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_removeAction, &QAction::triggered, this, [this] { m_details->removeSelected(); });

    m_undoAction = new QAction(appIcon(QStringLiteral("undo"), QStyle::SP_ArrowBack), tr("&Undo…"), this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, this, [this] { m_createdPane->undoSelected(); });
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

    QFrame *sandboxBanner = buildSandboxBanner(central);
    sandboxBanner->setVisible(m_session && m_session->isSandbox());
    layout->addWidget(sandboxBanner);

    m_errorBanner = new ErrorBanner(central);
    layout->addWidget(m_errorBanner);

    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));

    // The created assignments and the History share the bottom dock area (buildDocks).
    auto *workspace = new QSplitter(Qt::Horizontal, m_pages);
    workspace->setObjectName(QStringLiteral("workspaceSplitter"));
    workspace->setChildrenCollapsible(false);
    m_configurationsPane = new ConfigurationListPane(m_session ? m_session->assignments() : nullptr, this);
    workspace->addWidget(m_configurationsPane);
    workspace->addWidget(buildDetailsArea());
    // The list gets a little less than half: room for a configuration's name
    // and type beside the priority and the date.
    workspace->setStretchFactor(0, 4);
    workspace->setStretchFactor(1, 5);
    workspace->setSizes({640, 800});

    m_pages->insertWidget(WorkspacePage, workspace);
    if (!m_session) {
        // A static page: a Designer form (panes/NotSignedInPage.ui) with its
        // icon set here. Built only for a window without a session (a window
        // never changes its session): its word-wrapped text costs start-up
        // time even hidden, as the layout asks it for its height.
        auto *notSignedIn = new QWidget(m_pages);
        Ui::NotSignedInPage notSignedInForm;
        notSignedInForm.setupUi(notSignedIn);
        notSignedInForm.icon->setPixmap(appIcon(QStringLiteral("app"), QStyle::SP_ComputerIcon).pixmap(96, 96));
        m_pages->insertWidget(NotSignedInPage, notSignedIn);
    }
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

QFrame *MainWindow::buildSandboxBanner(QWidget *parent)
{
    auto *banner = new QFrame(parent);
    banner->setObjectName(QStringLiteral("sandboxBanner"));
    banner->setAccessibleName(tr("Sandbox tenant notice"));
    theme::onSchemeChange(banner, [banner] {
        banner->setStyleSheet(
            theme::framedBannerStyleSheet(QStringLiteral("QFrame#sandboxBanner"), theme::Tone::Warning));
    });
    auto *sandboxIcon = new QLabel(banner);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    sandboxIcon->setPixmap(
        appIcon(QStringLiteral("sandbox"), QStyle::SP_MessageBoxInformation).pixmap(iconSize, iconSize));
    auto *sandboxText = new WrappingLabel(banner);
    sandboxText->setObjectName(QStringLiteral("sandboxBannerText"));
    sandboxText->setTextFormat(Qt::RichText);
    sandboxText->setText(tr("<b>Sandbox tenant</b> — nothing here touches a real Intune tenant. "
                            "Its data is generated and kept in memory until the app closes."));
    auto *sandboxLayout = new QHBoxLayout(banner);
    sandboxLayout->setContentsMargins(8, 4, 8, 4);
    sandboxLayout->addWidget(sandboxIcon);
    sandboxLayout->addWidget(sandboxText, 1);
    return banner;
}

// The chosen configuration above the new assignment, in one scroll area (on a
// small screen the whole right side scrolls, not each part).
QWidget *MainWindow::buildDetailsArea()
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
    AssignmentService *service = m_session ? m_session->assignments() : nullptr;
    m_details = new ConfigurationDetailsPane(service, m_groups, m_writes, m_removeAction, pane);
    m_newAssignment = new NewAssignmentPane(service, m_writes, m_assignAction, pane);
    layout->addWidget(m_details);
    layout->addWidget(m_newAssignment, 1);

    scroll->setWidget(pane);
    return scroll;
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
        m_configurationsPane->cancelLoad();
        m_details->cancelLoad();
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
    const TargetPicker *picker = m_newAssignment->targetPicker();
    const QList<QWidget *> chain {
        m_configurationsPane->filterEdit(),
        m_configurationsPane->view(),
        m_details->removeButton(),
        m_details->view(),
        picker->kindCombo(),
        picker->groupSearch()->searchEdit(),
        picker->groupSearch()->resultsView(),
        picker->collectionEdit(),
        picker->filterPicker()->filterCombo(),
        picker->filterPicker()->includeRadio(),
        picker->filterPicker()->excludeRadio(),
        m_newAssignment->preview(),
        m_newAssignment->copyAsButton(),
        m_newAssignment->cancelButton(),
        m_newAssignment->assignButton(),
        m_createdPane->undoButton(),
        m_createdPane->view(),
    };
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

// The panes report to the window (status bar, error banner, the window's
// signals) and to each other through it. The window's own reaction to a
// write's end is connected last, after every pane's.
void MainWindow::connectPanes()
{
    auto showMessage = [this](const QString &text, int timeoutMs) {
        statusBar()->showMessage(text, timeoutMs);
    };
    auto showError = [this](const QString &title, const GraphError &error) {
        m_errorBanner->showError(title, error);
    };

    connect(m_configurationsPane, &ConfigurationListPane::currentConfigurationChanged, this,
        &MainWindow::showConfiguration);
    connect(m_configurationsPane, &ConfigurationListPane::statusMessage, this, showMessage);
    connect(m_configurationsPane, &ConfigurationListPane::loadFailed, this, showError);
    connect(m_configurationsPane, &ConfigurationListPane::loadingChanged, this, &MainWindow::updateLoadIndicator);
    connect(m_configurationsPane, &ConfigurationListPane::loadFinished, this, &MainWindow::configurationsLoadFinished);

    connect(m_details, &ConfigurationDetailsPane::assignmentsStateChanged, this,
        [this] { m_newAssignment->setCurrentAssignments(m_details->assignmentsState(), m_details->assignments()); });
    connect(m_details, &ConfigurationDetailsPane::loadFailed, this, showError);
    connect(m_details, &ConfigurationDetailsPane::loadingChanged, this, &MainWindow::updateLoadIndicator);
    connect(m_details, &ConfigurationDetailsPane::assignmentsLoadFinished, this, &MainWindow::assignmentsLoadFinished);
    // Filter names for the filter column: the same one read the picker needs.
    AssignmentFilterPicker *filterPicker = m_newAssignment->targetPicker()->filterPicker();
    connect(
        m_details, &ConfigurationDetailsPane::filterNamesWanted, filterPicker, &AssignmentFilterPicker::ensureLoaded);
    connect(filterPicker, &AssignmentFilterPicker::filtersLoaded, this, [this](const QList<AssignmentFilter> &filters) {
        QHash<QString, QString> names;
        for (const AssignmentFilter &f : filters)
            names.insert(f.id, f.displayName);
        m_details->setFilterNames(names);
    });
    m_details->setApiVersion(m_session ? m_session->apiVersion() : ApiVersion::V1);

    connect(m_newAssignment, &NewAssignmentPane::statusMessage, this, showMessage);
    if (m_groups) {
        connect(m_newAssignment->targetPicker()->groupSearch(), &GroupSearchWidget::groupsSeen, this,
            [this](const QList<Group> &groups) {
                for (const Group &g : groups)
                    m_groups->remember(g.id, g.displayName);
            });
    }

    connect(m_historyPane, &HistoryPane::reloaded, this, &MainWindow::historyReloaded);
    connect(m_historyPane, &HistoryPane::undoPriorityRequested, this, &MainWindow::undoPriorityChange);

    connect(m_writes, &WriteController::busyChanged, this, &MainWindow::setBusy);
    connect(m_writes, &WriteController::finished, this, &MainWindow::onWriteFinished);
}

// --- reads --------------------------------------------------------------------

void MainWindow::reloadConfigurations()
{
    if (!m_session || isBusy())
        return;
    qCDebug(lcUi) << "reloading the configurations";
    m_configurationsPane->reload();
}

void MainWindow::showConfiguration(const EnrollmentConfiguration *configuration)
{
    // The new assignment first: another configuration resets its target
    // before the details report their assignments.
    m_newAssignment->setConfiguration(
        configuration ? std::optional<EnrollmentConfiguration>(*configuration) : std::nullopt);
    m_details->showConfiguration(configuration);
}

void MainWindow::updateLoadIndicator()
{
    if (m_closing)
        return;
    const bool loading = m_configurationsPane->isLoading() || m_details->isLoading();
    m_loadProgress->setVisible(loading);
    m_cancelLoadButton->setVisible(loading);
}

// --- writes ---------------------------------------------------------------------

void MainWindow::setBusy(bool busy)
{
    m_configurationsPane->setBusy(busy);
    m_refreshAction->setEnabled(!busy && m_session);
    m_apiVersionCombo->setEnabled(!busy && m_session);
}

// Every write ends here for the window (the panes have reacted already):
// the status bar or the error banner says how it went.
void MainWindow::onWriteFinished(const WriteOutcome &outcome)
{
    if (outcome.ok)
        m_errorBanner->dismiss();
    if (!outcome.errorTitle.isEmpty())
        m_errorBanner->showError(outcome.errorTitle, outcome.error);
    else
        statusBar()->showMessage(outcome.statusMessage);
    if (outcome.created)
        Q_EMIT assignmentCreated(outcome.created->assignment.id);
    Q_EMIT writeFinished(outcome.ok);
}

void MainWindow::confirmWrite(const Confirmation &question, const std::function<void(bool)> &answer)
{
    const ConfirmationBox c = makeConfirmation(this, question);
    m_confirmation = c.box;
    QMessageBox *box = c.box;
    QPushButton *confirm = c.confirm;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, answer] {
        if (!m_closing)
            answer(box->clickedButton() == confirm);
    });
    box->open();
}

void MainWindow::approveFullList(
    const FullListPlan &plan, const QString &intro, const std::function<void(bool)> &answer)
{
    // One question per write: a second one while the first is open is answered "no".
    if (m_fullListDialog)
        return answer(false);
    auto *dialog = new FullListConfirmationDialog(plan, intro, answer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_fullListDialog = dialog;

    // Names this session knows already, then the rest from Graph (the dialog shows ids meanwhile).
    if (m_groups) {
        const QStringList ids = dialog->groupIds();
        const QHash<QString, GroupName> known = knownGroupNames(m_groups, ids);
        dialog->setGroupNames(known);
        if (known.size() < ids.size()) {
            m_groups->resolve(ids, dialog, [dialog](const Result<QHash<QString, GroupName>> &r) {
                if (r)
                    dialog->setGroupNames(r.value());
            });
        }
    }
    statusBar()->showMessage(plan.summary());
    dialog->open();
}

void MainWindow::withdrawFullListQuestion()
{
    if (m_fullListDialog)
        m_fullListDialog->reject();
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
    m_details->setApiVersion(version);
    updateTitleAndStatus();
    m_newAssignment->setApiVersion(version); // the URL (and maybe the body) changed
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
    m_writes->setWritePermissionProblem(writeProblem);
    m_newAssignment->targetPicker()->groupSearch()->setSearchUnavailableReason(groupSearchProblem);
    updateTitleAndStatus();
    m_newAssignment->setWritePermissionProblem(writeProblem);
}

} // namespace ea::ui
