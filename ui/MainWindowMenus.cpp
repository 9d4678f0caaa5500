// The parts of the main window that issue 6 added around the workspace: the
// menu bar (with the request preview's Copy as entries), the request log dock,
// About, Preferences and the remembered layout.
// Kept apart from MainWindow.cpp so the workspace code stays readable.

#include "AppSettings.h"
#include "MainWindow.h"
#include "audit/AuditJournal.h"
#include "controllers/WriteController.h"
#include "net/ProxyAccess.h"
#include "panes/HistoryPane.h"
#include "panes/NewAssignmentPane.h"
#include "service/Session.h"
#include "widgets/AboutDialog.h"
#include "widgets/ApplyPlanDialog.h"
#include "widgets/ColumnFitter.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/CopyDialog.h"
#include "widgets/EffectiveDialog.h"
#include "widgets/GroupReportDialog.h"
#include "widgets/Icons.h"
#include "widgets/PreferencesDialog.h"
#include "widgets/PriorityDialog.h"
#include "widgets/RequestLogDock.h"
#include "widgets/RestoreDialog.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace ea::ui {

namespace {

constexpr int kStatusMessageMs = 5000;
// The first window: this size where it fits, else this share of the screen.
constexpr int kDefaultWidth = 1440;
constexpr int kDefaultHeight = 900;
constexpr qreal kDefaultScreenShare = 0.9;

} // namespace

void MainWindow::buildRequestLogAndMenus()
{
    m_requestLogDock = new RequestLogDock(this);
    if (m_session)
        m_requestLogDock->attach(m_session->graph());
    connect(m_requestLogDock, &RequestLogDock::message, this,
        [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });
    addDockWidget(Qt::BottomDockWidgetArea, m_requestLogDock);
    tabifyDockWidget(m_historyDock, m_requestLogDock);
    m_requestLogDock->hide();

    m_requestLogAction = new QAction(this);
    m_requestLogAction->setObjectName(QStringLiteral("requestLogAction"));
    m_requestLogAction->setText(tr("Request &log"));
    m_requestLogAction->setIcon(appIcon(QStringLiteral("request-log"), QStyle::SP_FileDialogContentsView));
    m_requestLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_requestLogAction->setToolTip(tr("Show every call sent to Graph: status, duration, request-id, headers and "
                                      "bodies (%1)")
                                       .arg(m_requestLogAction->shortcut().toString(QKeySequence::NativeText)));
    m_requestLogAction->setEnabled(m_session != nullptr);
    addPanelAction(m_requestLogDock, m_requestLogAction, QStringLiteral("requestLogButton"), tr("Request log"));
    connect(m_requestLogAction, &QAction::toggled, this, [this](bool shown) {
        if (!shown)
            return;
        QTimer::singleShot(0, m_requestLogDock, [this] {
            // Room for a few calls and their details, not a two-row strip.
            const int wanted = bottomDockHeight(m_requestLogDock->fontMetrics().height() * 16, 40);
            if (m_requestLogDock->height() < wanted)
                resizeDocks({m_requestLogDock}, {wanted}, Qt::Vertical);
        });
    });

    // The writes that read a file: a bulk plan, an export to restore.
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    auto *applyPlan = file->addAction(tr("Apply &plan…"), this, &MainWindow::showApplyPlan);
    applyPlan->setObjectName(QStringLiteral("applyPlanAction"));
    applyPlan->setToolTip(
        tr("Add and remove many assignments from a plan file (CSV, or the JSON that export writes), at the pace "
           "Intune allows"));
    applyPlan->setEnabled(m_session != nullptr);
    auto *copy = file->addAction(tr("&Copy assignments…"), this, &MainWindow::showCopy);
    copy->setObjectName(QStringLiteral("copyAction"));
    copy->setToolTip(tr("Copy the assignments of one configuration to another of the same type, in this tenant or "
                        "from another tenant's export"));
    copy->setEnabled(m_session != nullptr);
    auto *restore = file->addAction(tr("&Restore assignments…"), this, &MainWindow::showRestore);
    restore->setObjectName(QStringLiteral("restoreAction"));
    restore->setToolTip(tr("Make the assignments of the configurations in an export file what the file says"));
    restore->setEnabled(m_session != nullptr);
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcuts(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Linux and Windows keep Preferences under Edit; macOS moves it into the application menu.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    m_preferencesAction = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_preferencesAction->setShortcuts(QKeySequence::Preferences);
    m_preferencesAction->setEnabled(false); // until useSettings()
    addAction(m_preferencesAction);
    // The request in the preview as curl, PowerShell or a Graph Explorer link,
    // from anywhere in the window: the same three copies as the Copy as
    // button's menu, reachable from the keyboard and by a screen reader
    // without opening that menu.
    const struct
    {
        QAction *copy;
        QString text;
        const char *objectName;
        QKeySequence key;
    } copies[] = {
        {m_newAssignment->copyAs()->curlAction(), tr("Copy the request as &curl"), "copyRequestAsCurlAction",
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        {m_newAssignment->copyAs()->powerShellAction(), tr("Copy the request as &PowerShell"),
            "copyRequestAsPowerShellAction", {}},
        {m_newAssignment->copyAs()->graphExplorerAction(), tr("Copy the request as a &Graph Explorer link"),
            "copyRequestAsGraphExplorerAction", {}},
    };
    QList<std::pair<QAction *, QAction *>> editCopies; // (the Edit menu's, the Copy as menu's)
    for (const auto &c : copies) {
        auto *action = new QAction(c.text, this);
        action->setObjectName(QString::fromLatin1(c.objectName));
        action->setShortcut(c.key);
        QAction *copy = c.copy;
        connect(action, &QAction::triggered, this, [this, copy] {
            m_newAssignment->copyAs()->updateActions();
            if (copy->isEnabled())
                copy->trigger();
        });
        // Enabled as the Copy as menu's is, for the request shown now (it is
        // updated whenever the preview changes).
        action->setEnabled(copy->isEnabled());
        connect(copy, &QAction::enabledChanged, action, &QAction::setEnabled);
        addAction(action);
        edit->insertAction(m_preferencesAction, action);
    }
    edit->insertSeparator(m_preferencesAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_historyAction);
    view->addAction(m_requestLogAction);
    view->addSeparator();
    // Reads only; there is nothing to ask without a tenant.
    auto *effective = view->addAction(tr("&Who gets which…"), this, &MainWindow::showEffective);
    effective->setObjectName(QStringLiteral("effectiveAction"));
    effective->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    effective->setToolTip(tr("Which enrollment configuration of each type a user or group gets, and why"));
    effective->setEnabled(m_session != nullptr);
    addAction(effective);
    auto *groupReport = view->addAction(tr("&Group report…"), this, [this] {
        // One at a time, like Who gets which; it reads only.
        auto *dialog = findChild<GroupReportDialog *>(QString(), Qt::FindDirectChildrenOnly);
        if (!dialog) {
            dialog = new GroupReportDialog(m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    groupReport->setObjectName(QStringLiteral("groupReportAction"));
    groupReport->setToolTip(tr("Every configuration that includes or excludes a group, and what its members get"));
    groupReport->setEnabled(m_session != nullptr);
    m_priorityAction = view->addAction(tr("&Priority order…"), this, &MainWindow::showPriorityOrder);
    m_priorityAction->setObjectName(QStringLiteral("priorityAction"));
    m_priorityAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_priorityAction->setToolTip(tr("Arrange the priority order of the selected configuration's type"));
    m_priorityAction->setEnabled(m_session != nullptr);
    addAction(m_priorityAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    auto *about = help->addAction(tr("&About Enrollment Assigner"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole); // macOS: in the application menu
    auto *aboutQt = help->addAction(tr("About &Qt"), this, [this] { AboutDialog::showAboutQt(this); });
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->open();
    m_aboutDialog->raise();
}

void MainWindow::useSettings(QSettings *settings)
{
    m_settings = std::make_unique<AppSettings>(settings);
    m_writes->useSettings(m_settings.get());
    m_preferencesAction->setEnabled(true);
    restoreLayout();
    applyPreferences();
}

void MainWindow::showEffective()
{
    if (!m_session)
        return;
    if (!m_effectiveDialog) {
        m_effectiveDialog = new EffectiveDialog(m_session->assignments(), this);
        m_effectiveDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_effectiveDialog->show();
    m_effectiveDialog->raise();
    m_effectiveDialog->activateWindow();
}

PriorityDialog *MainWindow::openPriorityDialog()
{
    if (!m_session || (m_writes->isBusy() && !m_priorityDialog))
        return nullptr;
    if (!m_priorityDialog) {
        m_priorityDialog = new PriorityDialog(m_session->assignments(), this);
        m_priorityDialog->setAttribute(Qt::WA_DeleteOnClose);
        // One write at a time: the window waits while the order is arranged and sent.
        m_priorityDialog->setWindowModality(Qt::WindowModal);
        connect(m_priorityDialog, &PriorityDialog::wrote, m_historyPane, &HistoryPane::journalChanged);
        // The list's Priority column is stale after any request that was sent.
        auto sent = std::make_shared<bool>(false);
        connect(m_priorityDialog, &PriorityDialog::wrote, this, [sent] { *sent = true; });
        connect(m_priorityDialog, &PriorityDialog::applied, this, [this, sent] {
            if (std::exchange(*sent, false))
                reloadConfigurations();
        });
    }
    m_priorityDialog->show();
    m_priorityDialog->raise();
    m_priorityDialog->activateWindow();
    return m_priorityDialog;
}

void MainWindow::showPriorityOrder()
{
    if (PriorityDialog *dialog = openPriorityDialog())
        dialog->showOrderOf(selectedConfigurationId());
}

void MainWindow::undoPriorityChange(const AuditOperation &change)
{
    const AuditEntry &attempt = change.first();
    if (PriorityDialog *dialog = openPriorityDialog())
        dialog->planUndo(attempt.configurationId, attempt.configurationName, attempt.priority->previous,
            attempt.priority->orderBeforeIds(), attempt.time);
}

void MainWindow::showApplyPlan()
{
    if (!m_session)
        return;
    if (!m_applyPlanDialog) {
        m_applyPlanDialog = new ApplyPlanDialog(m_session->assignments(), this);
        m_applyPlanDialog->setGroupDirectory(m_groups);
        m_applyPlanDialog->setAttribute(Qt::WA_DeleteOnClose);
        // The lists shown here are from before the run: read them again.
        connect(m_applyPlanDialog, &ApplyPlanDialog::runFinished, this, [this] {
            if (m_refreshAction->isEnabled())
                m_refreshAction->trigger();
            m_historyPane->reload();
        });
    }
    m_applyPlanDialog->show();
    m_applyPlanDialog->raise();
    m_applyPlanDialog->activateWindow();
}

void MainWindow::showCopy()
{
    // Window-modal, as a restore: one write at a time, and not while the window's own write runs.
    if (!m_session || m_writes->isBusy())
        return;
    auto *dialog = new CopyDialog(m_session->assignments(), selectedConfigurationId(), this);
    dialog->setGroupDirectory(m_groups);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    // The lists shown here are from before the run: read them again.
    connect(dialog, &CopyDialog::runFinished, this, [this] {
        reloadConfigurations();
        m_historyPane->reload();
    });
    dialog->show();
}

void MainWindow::showRestore()
{
    // Window-modal: one write at a time, and not while the window's own write runs.
    if (!m_session || m_writes->isBusy())
        return;
    auto *dialog = new RestoreDialog(m_session->assignments(), m_session->tenantLabel(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &RestoreDialog::wrote, m_historyPane, &HistoryPane::journalChanged);
    connect(dialog, &RestoreDialog::restored, this, &MainWindow::reloadConfigurations);
    dialog->show();
}

void MainWindow::showPreferences()
{
    if (!m_settings)
        return;
    if (!m_preferencesDialog) {
        m_preferencesDialog = new PreferencesDialog(m_settings.get(), this);
        m_preferencesDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_preferencesDialog->setWindowModality(Qt::WindowModal);
        connect(m_preferencesDialog, &QDialog::accepted, this, &MainWindow::applyPreferences);
    }
    m_preferencesDialog->open();
    m_preferencesDialog->raise();
}

// The timeout applies to the calls started from now on; the default API
// version to the next session (the toolbar switches this one).
void MainWindow::applyPreferences()
{
    // The proxy applies to sign-in and Graph requests from now on (unless
    // this is the in-process sandbox, which is always reached directly).
    if (net::ProxyAccess *proxy = net::ProxyAccess::installed(); proxy && m_settings)
        proxy->setSettings(m_settings->proxySettings());
    if (m_session && m_settings) {
        m_session->assignments()->setRequestTimeouts(std::chrono::seconds(m_settings->transferTimeoutSeconds()),
            std::chrono::seconds(m_settings->connectTimeoutSeconds()));
    }
}

// The first window, with nothing remembered: the default size where the
// screen has room for it, else most of the screen (a 1366×768 or 1280×720
// laptop), centred either way.
void MainWindow::placeOnScreen()
{
    const QScreen *screen = this->screen();
    if (!screen) {
        resize(kDefaultWidth, kDefaultHeight);
        return;
    }
    const QRect available = screen->availableGeometry();
    QSize wanted = QSize(kDefaultWidth, kDefaultHeight).boundedTo(available.size() * kDefaultScreenShare);
    // Never smaller than the layout needs; never larger than the screen.
    wanted = wanted.expandedTo(minimumSizeHint()).boundedTo(available.size());
    resize(wanted);
    QRect placed(QPoint(), wanted);
    placed.moveCenter(available.center());
    move(placed.topLeft());
}

// A bottom dock's height: what it wants, but no more than this share of the
// window, so that on a laptop screen the workspace above keeps its room.
int MainWindow::bottomDockHeight(int wanted, int percentOfWindow) const
{
    return std::min(wanted, height() * percentOfWindow / 100);
}

// A geometry saved on a larger monitor must not open past this screen's
// edges (Qt 6.8's restoreGeometry fits it; 6.4's does not, so do it here).
void MainWindow::fitIntoScreen()
{
    const QScreen *screen = this->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize frameExtra = frameGeometry().size() - size();
    const QSize fitted = size().boundedTo(available.size() - frameExtra).expandedTo(minimumSizeHint());
    if (fitted != size())
        resize(fitted);
    QRect frame = frameGeometry();
    frame.moveLeft(
        std::clamp(frame.left(), available.left(), std::max(available.left(), available.right() - frame.width() + 1)));
    frame.moveTop(
        std::clamp(frame.top(), available.top(), std::max(available.top(), available.bottom() - frame.height() + 1)));
    if (frame.topLeft() != frameGeometry().topLeft())
        move(frame.topLeft());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_fitIntoScreenWhenShown) {
        m_fitIntoScreenWhenShown = false;
        // After this event the platform window exists and reports its frame.
        QTimer::singleShot(0, this, &MainWindow::fitIntoScreen);
    }
}

// Splitters and table headers are found by objectName, so a new pane or
// table is remembered once it has a name.
void MainWindow::restoreLayout()
{
    if (!m_settings)
        return;
    const QByteArray geometry = m_settings->windowGeometry();
    if (!geometry.isEmpty()) {
        restoreGeometry(geometry);
        fitIntoScreen();
        // Frame margins are known only once the window is on screen: fit
        // again then, frame included.
        m_fitIntoScreenWhenShown = !isVisible();
    }
    const QByteArray state = m_settings->windowState();
    if (!state.isEmpty())
        restoreState(state);
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        const QByteArray saved
            = splitter->objectName().isEmpty() ? QByteArray() : m_settings->splitterState(splitter->objectName());
        if (!saved.isEmpty())
            splitter->restoreState(saved);
    }
    const QList<QTableView *> views = findChildren<QTableView *>();
    for (QTableView *view : views) {
        const QByteArray saved
            = view->objectName().isEmpty() ? QByteArray() : m_settings->headerState(view->objectName());
        if (saved.isEmpty())
            continue;
        // The remembered widths win over widths from the content (stopped
        // first: restoring resizes the viewport, which would refit at once).
        auto *fitter = view->findChild<ColumnFitter *>(QString(), Qt::FindDirectChildrenOnly);
        if (fitter)
            fitter->setActive(false);
        if (!view->horizontalHeader()->restoreState(saved)) {
            if (fitter)
                fitter->setActive(true);
            continue;
        }
        // restoreState sets the indicator without sorting.
        if (view->isSortingEnabled())
            view->sortByColumn(
                view->horizontalHeader()->sortIndicatorSection(), view->horizontalHeader()->sortIndicatorOrder());
    }
}

void MainWindow::saveLayout()
{
    if (!m_settings)
        return;
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            m_settings->setSplitterState(splitter->objectName(), splitter->saveState());
    }
    const QList<QTableView *> views = findChildren<QTableView *>();
    for (QTableView *view : views) {
        if (!view->objectName().isEmpty())
            m_settings->setHeaderState(view->objectName(), view->horizontalHeader()->saveState());
    }
    m_settings->sync();
}

} // namespace ea::ui
