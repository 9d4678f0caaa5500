// What a screen reader finds: the accessible tree (QAccessibleInterface, the
// same one AT-SPI, UI Automation and VoiceOver read) of the main window in
// its states and of every dialog the app opens, walked node by node. Every
// interactive node — a button, check box, radio button, combo box, text
// field, spin box, slider, list, table, tree, tab, link or menu item, and
// anything focusable — must have a name; the test lists each one that has
// none, with its path, and passes only with zero.
//
// Cells of lists and tables are data, not controls: their view's own name is
// checked. Hidden nodes (another page of a stack, a closed panel) are
// skipped: the states below show each of them once.
//
// HOME and the XDG folders point into a temporary directory (main()), tenant
// profiles live in an ini file there and tokens in a MemoryTokenStore.

#include "AppSettings.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "SignInController.h"
#include "auth/IdentityClient.h"
#include "auth/TenantProfile.h"
#include "auth/TokenStore.h"
#include "models/AssignmentTableModel.h"
#include "models/ConfigurationTableModel.h"
#include "sandbox/SandboxIdentity.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/AboutDialog.h"
#include "widgets/AccessTokenDialog.h"
#include "widgets/ApplyPlanDialog.h"
#include "widgets/CopyDialog.h"
#include "widgets/EffectiveDialog.h"
#include "widgets/FullListConfirmationDialog.h"
#include "widgets/GroupReportDialog.h"
#include "widgets/PreferencesDialog.h"
#include "widgets/PriorityDialog.h"
#include "widgets/ProfileDialog.h"
#include "widgets/ProxyCredentialsDialog.h"
#include "widgets/RequestLogDock.h"
#include "widgets/RestoreDialog.h"
#include "widgets/SignInDialog.h"
#include "widgets/WelcomeDialog.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::ui::MainWindow;
using namespace ea::testing;

namespace {

bool isInteractive(const QAccessibleInterface *node)
{
    switch (node->role()) {
    case QAccessible::Button:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::ButtonDropGrid:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Dial:
    case QAccessible::HotkeyField:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::PageTab:
    case QAccessible::Link:
    case QAccessible::MenuItem: return true;
    // A tab list is named after its current tab; one without tabs (Qt keeps
    // the dock area's, empty and out of sight) has nothing to choose.
    case QAccessible::PageTabList: {
        for (int i = 0; i < node->childCount(); ++i) {
            if (QAccessibleInterface *child = node->child(i); child && child->role() == QAccessible::PageTab)
                return true;
        }
        return false;
    }
    default: return node->state().focusable;
    }
}

QString describe(const QAccessibleInterface *node)
{
    const char *role = QMetaEnum::fromType<QAccessible::Role>().valueToKey(node->role());
    const QObject *object = node->object();
    return u"%1 %2 \"%3\""_s.arg(QString::fromLatin1(role ? role : "?"),
        object ? QString::fromLatin1(object->metaObject()->className()) : u"(no object)"_s,
        object ? object->objectName() : QString());
}

void walk(QAccessibleInterface *node, const QString &path, QStringList *unnamed, int *interactive, int depth = 0)
{
    if (!node || !node->isValid() || depth > 60)
        return;
    if (node->state().invisible)
        return;
    const QString here = path.isEmpty() ? describe(node) : path + u" > "_s + describe(node);
    if (qEnvironmentVariableIsSet("EA_ACCESSIBILITY_DUMP"))
        qInfo("%s = \"%s\"", qPrintable(here), qPrintable(node->text(QAccessible::Name)));
    if (isInteractive(node)) {
        ++*interactive;
        if (node->text(QAccessible::Name).trimmed().isEmpty())
            unnamed->append(here);
    }
    // A view's cells are its data; a combo box's child is its closed popup list.
    const QAccessible::Role role = node->role();
    if (role == QAccessible::List || role == QAccessible::Table || role == QAccessible::Tree
        || role == QAccessible::ComboBox)
        return;
    for (int i = 0; i < node->childCount(); ++i)
        walk(node->child(i), here, unnamed, interactive, depth + 1);
}

// The menus of a window are trees of their own (popups); their items are read
// before they open.
void walkMenus(QWidget *window, QStringList *unnamed, int *interactive)
{
    const QList<QMenu *> menus = window->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        QAccessibleInterface *node = QAccessible::queryAccessibleInterface(menu);
        for (int i = 0; node && i < node->childCount(); ++i) {
            QAccessibleInterface *item = node->child(i);
            if (!item || item->role() == QAccessible::Separator)
                continue;
            ++*interactive;
            if (item->text(QAccessible::Name).trimmed().isEmpty())
                unnamed->append(u"menu \"%1\" > %2"_s.arg(menu->objectName(), describe(item)));
        }
    }
}

} // namespace

// Fails listing every unnamed interactive node of root's window (and, for the
// main window, of its menus); at least `atLeast` interactive nodes must have
// been seen, so that an empty walk cannot pass.
#define VERIFY_ALL_NAMED(root, atLeast)                                                                                \
    do {                                                                                                               \
        QStringList unnamed_;                                                                                          \
        int interactive_ = 0;                                                                                          \
        walk(QAccessible::queryAccessibleInterface(root), {}, &unnamed_, &interactive_);                               \
        if (qobject_cast<QMainWindow *>(root))                                                                         \
            walkMenus(root, &unnamed_, &interactive_);                                                                 \
        QVERIFY2(unnamed_.isEmpty(),                                                                                   \
            qPrintable(u"%1 unnamed of %2 interactive nodes:\n  "_s.arg(unnamed_.size())                               \
                           .arg(interactive_)                                                                          \
                           .append(unnamed_.join(u"\n  "_s))));                                                        \
        QVERIFY2(interactive_ >= (atLeast), qPrintable(u"only %1 interactive nodes"_s.arg(interactive_)));             \
    } while (false)

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void mainWindowAlongTheAssignFlow();
    void mainWindowWithAnError();
    void mainWindowWithItsPanels();
    void mainWindowWithAnOverflowingToolbar();
    void mainWindowNotSignedIn();
    void aboutAndPreferences();
    void confirmationsOfRemoveUndoAndFullList();
    void requestLogExport();
    void signInDialogs();
    void accountDialogs();

private:
    void openWindow();
    void waitForConfigurations();
    void selectConfiguration(const QString &id);
    void chooseTargetKind(AssignmentTarget::Kind kind);
    void pickGroup(const QString &name);
    template<typename T> T *waitForDialog(const QString &objectName);
    auth::TenantProfile sandboxProfile() const;

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<sandbox::SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestAccessibility::init()
{
    m_session = makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings->clear();
}

void TestAccessibility::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_session.reset();
    m_server->tenant().failNextRequests(0, 200);
}

void TestAccessibility::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->useSettings(m_settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAccessibility::waitForConfigurations()
{
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 5, kTimeoutMs);
}

void TestAccessibility::selectConfiguration(const QString &id)
{
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 0).data(ui::ConfigurationTableModel::IdRole).toString() == id)
            view->selectRow(r);
    }
    QTRY_COMPARE(m_window->selectedConfigurationId(), id);
    auto *assignments = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(assignments);
    QTRY_VERIFY_WITH_TIMEOUT(assignments->model()->rowCount() > 0, kTimeoutMs);
}

void TestAccessibility::chooseTargetKind(AssignmentTarget::Kind kind)
{
    auto *combo = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(int(kind)));
}

void TestAccessibility::pickGroup(const QString &name)
{
    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    QVERIFY(search);
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, name);
    auto *results = child<QTableView>(m_window.get(), "groupResultsView");
    QVERIFY(results);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() > 0, kTimeoutMs);
    results->selectRow(0);
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY(assignButton->isEnabled());
}

template<typename T> T *TestAccessibility::waitForDialog(const QString &objectName)
{
    // Null when none showed up in time (callers QVERIFY it).
    T *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *d = qobject_cast<T *>(w);
                    d && d->isVisible() && (objectName.isEmpty() || d->objectName() == objectName))
                    dialog = d;
            }
            return dialog != nullptr;
        },
        kTimeoutMs);
    return shown ? dialog : nullptr;
}

auth::TenantProfile TestAccessibility::sandboxProfile() const
{
    auth::TenantProfile p;
    p.displayName = u"Contoso test"_s;
    p.tenant = u"contoso.onmicrosoft.com"_s;
    p.clientId = QString::fromLatin1(auth::kGraphCommandLineToolsClientId);
    p.loginRootOverride = m_server->url().toString();
    p.graphRootOverride = m_server->url().toString();
    return p;
}

// --- the main window ----------------------------------------------------------------

void TestAccessibility::mainWindowAlongTheAssignFlow()
{
    openWindow();
    waitForConfigurations();
    VERIFY_ALL_NAMED(m_window.get(), 12);
    // With text in the filter: its clear button.
    auto *filter = child<QLineEdit>(m_window.get(), "configurationFilterEdit");
    QVERIFY(filter);
    QTest::keyClicks(filter, u"Limit"_s);
    VERIFY_ALL_NAMED(m_window.get(), 13);
    filter->clear();

    selectConfiguration(m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s));
    VERIFY_ALL_NAMED(m_window.get(), 14);
    chooseTargetKind(AssignmentTarget::Kind::AllDevices);
    VERIFY_ALL_NAMED(m_window.get(), 14);
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    pickGroup(u"Marketing"_s);
    VERIFY_ALL_NAMED(m_window.get(), 16);
    chooseTargetKind(AssignmentTarget::Kind::ConfigMgrCollection);
    auto *collectionIdEdit = child<QLineEdit>(m_window.get(), "collectionIdEdit");
    QVERIFY(collectionIdEdit);
    QTest::keyClicks(collectionIdEdit, u"SMS00001"_s);
    VERIFY_ALL_NAMED(m_window.get(), 15);

    // beta: the assignment filter, include/exclude, the ESP's filter and source columns.
    auto *api = child<QComboBox>(m_window.get(), "apiVersionCombo");
    QVERIFY(api);
    api->setCurrentIndex(api->findData(int(ApiVersion::Beta)));
    waitForConfigurations();
    selectConfiguration(m_server->tenant().espConfigurationId());
    VERIFY_ALL_NAMED(m_window.get(), 18);
}

void TestAccessibility::mainWindowWithAnError()
{
    openWindow();
    waitForConfigurations();
    m_server->tenant().failNextRequests(1, 403);
    m_window->reloadConfigurations();
    auto *banner = child<QWidget>(m_window.get(), "errorBanner");
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
    VERIFY_ALL_NAMED(m_window.get(), 15);
    // With its details open.
    auto *details = child<QAbstractButton>(banner, "errorDetailsButton");
    QVERIFY(details);
    details->click();
    VERIFY_ALL_NAMED(m_window.get(), 16);
}

void TestAccessibility::mainWindowWithItsPanels()
{
    openWindow();
    waitForConfigurations();
    selectConfiguration(m_server->tenant().limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::AllLicensedUsers);
    auto *assign = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assign);
    QTRY_VERIFY(assign->isEnabled());
    assign->click();
    auto *createdAssignmentsView = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(createdAssignmentsView);
    QTRY_COMPARE_WITH_TIMEOUT(createdAssignmentsView->model()->rowCount(), 1, kTimeoutMs);
    VERIFY_ALL_NAMED(m_window.get(), 16);

    auto *historyAction = child<QAction>(m_window.get(), "historyAction");
    QVERIFY(historyAction);
    historyAction->trigger();
    auto *history = child<QDockWidget>(m_window.get(), "historyDock");
    QVERIFY(history);
    QTRY_VERIFY(history->isVisible() && !history->visibleRegion().isEmpty());
    VERIFY_ALL_NAMED(m_window.get(), 18);

    auto *requestLogAction = child<QAction>(m_window.get(), "requestLogAction");
    QVERIFY(requestLogAction);
    requestLogAction->trigger();
    auto *log = child<ui::RequestLogDock>(m_window.get(), "requestLogDock");
    QVERIFY(log);
    QTRY_VERIFY(log->isVisible() && !log->visibleRegion().isEmpty());
    log->view()->selectRow(0);
    VERIFY_ALL_NAMED(m_window.get(), 20);
}

void TestAccessibility::mainWindowWithAnOverflowingToolbar()
{
    openWindow();
    waitForConfigurations();
    // Too narrow for its buttons: the extension button offers the rest.
    auto *toolBar = child<QToolBar>(m_window.get(), "mainToolBar");
    QVERIFY(toolBar);
    toolBar->setMaximumWidth(toolBar->sizeHint().width() / 2);
    auto *extension = child<QToolButton>(toolBar, "qt_toolbar_ext_button");
    QVERIFY(extension);
    QTRY_VERIFY(extension->isVisible());
    VERIFY_ALL_NAMED(m_window.get(), 12);
}

void TestAccessibility::mainWindowNotSignedIn()
{
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    VERIFY_ALL_NAMED(m_window.get(), 5);
}

// --- dialogs ------------------------------------------------------------------------

void TestAccessibility::aboutAndPreferences()
{
    openWindow();
    auto *aboutAction = child<QAction>(m_window.get(), "aboutAction");
    QVERIFY(aboutAction);
    aboutAction->trigger();
    auto *about = waitForDialog<ui::AboutDialog>({});
    QVERIFY(about);
    VERIFY_ALL_NAMED(about, 3);
    auto *aboutQtButton = child<QPushButton>(about, "aboutQtButton");
    QVERIFY(aboutQtButton);
    aboutQtButton->click();
    auto *aboutQt = waitForDialog<QMessageBox>(u"aboutQtBox"_s);
    QVERIFY(aboutQt);
    VERIFY_ALL_NAMED(aboutQt, 1);
    aboutQt->close();
    about->close();

    // View › Who gets which…: its controls, and its answer's tree once shown.
    auto *effectiveAction = child<QAction>(m_window.get(), "effectiveAction");
    QVERIFY(effectiveAction);
    effectiveAction->trigger();
    auto *effective = waitForDialog<ui::EffectiveDialog>({});
    QVERIFY(effective);
    QSignalSpy answered(effective, &ui::EffectiveDialog::finished);
    effective->ask(Principal::Kind::User, u"alice@contoso.onmicrosoft.com"_s);
    QVERIFY(answered.wait(kTimeoutMs));
    VERIFY_ALL_NAMED(effective, 5);
    effective->close();

    // View › Group report…: its controls, and the report once shown.
    auto *groupReportAction = child<QAction>(m_window.get(), "groupReportAction");
    QVERIFY(groupReportAction);
    groupReportAction->trigger();
    auto *groupReport = waitForDialog<ui::GroupReportDialog>({});
    QVERIFY(groupReport);
    QSignalSpy reported(groupReport, &ui::GroupReportDialog::reportShown);
    groupReport->ask(u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s); // the sandbox's Sales Interns
    QVERIFY(reported.wait(kTimeoutMs));
    QVERIFY(reported.first().first().toBool());
    VERIFY_ALL_NAMED(groupReport, 7);
    groupReport->close();

    // View › Priority order…: the type, both orders, the buttons, the requests and their preview.
    auto *priorityAction = child<QAction>(m_window.get(), "priorityAction");
    QVERIFY(priorityAction);
    priorityAction->trigger();
    auto *priority = waitForDialog<ui::PriorityDialog>({});
    QVERIFY(priority);
    QSignalSpy loaded(priority, &ui::PriorityDialog::loaded);
    QVERIFY(loaded.wait(kTimeoutMs));
    VERIFY_ALL_NAMED(priority, 10);
    priority->close();

    // File › Apply plan…: its buttons and the diff of a plan.
    auto *applyPlanAction = child<QAction>(m_window.get(), "applyPlanAction");
    QVERIFY(applyPlanAction);
    applyPlanAction->trigger();
    auto *applyPlan = waitForDialog<ui::ApplyPlanDialog>({});
    QVERIFY(applyPlan);
    QFile plan(m_dir.filePath(u"plan.csv"_s));
    QVERIFY(plan.open(QIODevice::WriteOnly | QIODevice::Truncate));
    plan.write(
        "configuration,action,target\n" + m_server->tenant().limitConfigurationId().toLatin1() + ",add,all-devices\n");
    plan.close();
    QSignalSpy diffShown(applyPlan, &ui::ApplyPlanDialog::diffShown);
    applyPlan->openPlan(plan.fileName());
    QVERIFY(diffShown.wait(kTimeoutMs));
    VERIFY_ALL_NAMED(applyPlan, 4);
    applyPlan->close();

    // File › Copy assignments…: the source and target choices, then a plan.
    auto *copyAction = child<QAction>(m_window.get(), "copyAction");
    QVERIFY(copyAction);
    copyAction->trigger();
    auto *copy = waitForDialog<ui::CopyDialog>({});
    QVERIFY(copy);
    QSignalSpy copyLoaded(copy, &ui::CopyDialog::configurationsLoaded);
    QVERIFY(copyLoaded.wait(kTimeoutMs));
    QSignalSpy copyPlanned(copy, &ui::CopyDialog::planShown);
    copy->plan();
    QVERIFY(copyPlanned.wait(kTimeoutMs));
    VERIFY_ALL_NAMED(copy, 10);
    copy->close();

    // File › Restore assignments…: before a file is opened.
    auto *restoreAction = child<QAction>(m_window.get(), "restoreAction");
    QVERIFY(restoreAction);
    restoreAction->trigger();
    auto *restore = waitForDialog<ui::RestoreDialog>({});
    QVERIFY(restore);
    VERIFY_ALL_NAMED(restore, 4);
    restore->close();

    auto *preferencesAction = child<QAction>(m_window.get(), "preferencesAction");
    QVERIFY(preferencesAction);
    preferencesAction->trigger();
    auto *preferences = waitForDialog<ui::PreferencesDialog>({});
    QVERIFY(preferences);
    VERIFY_ALL_NAMED(preferences, 6);
    preferences->reject();
}

void TestAccessibility::confirmationsOfRemoveUndoAndFullList()
{
    openWindow();
    waitForConfigurations();
    auto &tenant = m_server->tenant();

    // Remove: the question before a delete.
    selectConfiguration(tenant.limitConfigurationId());
    auto *assignmentsView = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(assignmentsView);
    assignmentsView->selectRow(0);
    auto *remove = child<QPushButton>(m_window.get(), "removeAssignmentButton");
    QVERIFY(remove);
    QTRY_VERIFY(remove->isEnabled());
    remove->click();
    auto *removeBox = waitForDialog<QMessageBox>(u"removeAssignmentConfirmation"_s);
    QVERIFY(removeBox);
    VERIFY_ALL_NAMED(removeBox, 2);
    QPointer<QMessageBox> removed = removeBox;
    removeBox->reject();
    QTRY_VERIFY(!removed); // deleted on close; the window asks one question at a time

    // The question before a write the sign-in lacks the permission for.
    chooseTargetKind(AssignmentTarget::Kind::ConfigMgrCollection);
    auto *collectionIdEdit = child<QLineEdit>(m_window.get(), "collectionIdEdit");
    QVERIFY(collectionIdEdit);
    QTest::keyClicks(collectionIdEdit, u"ACC00001"_s);
    auto *assign = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assign);
    QTRY_VERIFY(assign->isEnabled());
    m_window->setPermissionProblems(u"The sign-in lacks DeviceManagementServiceConfig.ReadWrite.All."_s, {});
    assign->click();
    auto *permissionBox = waitForDialog<QMessageBox>(u"writePermissionConfirmation"_s);
    QVERIFY(permissionBox);
    VERIFY_ALL_NAMED(permissionBox, 2);
    QPointer<QMessageBox> asked = permissionBox;
    permissionBox->reject();
    QTRY_VERIFY(!asked);
    m_window->setPermissionProblems({}, {});

    // Undo: the question before undoing a created assignment.
    QTRY_VERIFY(assign->isEnabled());
    assign->click();
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_COMPARE_WITH_TIMEOUT(created->model()->rowCount(), 1, kTimeoutMs);
    created->selectRow(0);
    auto *undo = child<QPushButton>(m_window.get(), "undoButton");
    QVERIFY(undo);
    QTRY_VERIFY(undo->isEnabled());
    undo->click();
    auto *undoBox = waitForDialog<QMessageBox>(u"undoConfirmation"_s);
    QVERIFY(undoBox);
    VERIFY_ALL_NAMED(undoBox, 2);
    undoBox->reject();

    // The full list Intune wants for an ESP, with the request shown.
    selectConfiguration(tenant.espConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    pickGroup(u"Engineering"_s);
    assign->click();
    auto *fullList = waitForDialog<ui::FullListConfirmationDialog>(u"fullListConfirmationDialog"_s);
    QVERIFY(fullList);
    VERIFY_ALL_NAMED(fullList, 3);
    auto *showRequest = child<QAbstractButton>(fullList, "fullListRequestButton");
    QVERIFY(showRequest);
    showRequest->click();
    VERIFY_ALL_NAMED(fullList, 4);
    fullList->reject();
}

void TestAccessibility::requestLogExport()
{
    openWindow();
    waitForConfigurations();
    auto *requestLogAction = child<QAction>(m_window.get(), "requestLogAction");
    QVERIFY(requestLogAction);
    requestLogAction->trigger();
    auto *log = child<ui::RequestLogDock>(m_window.get(), "requestLogDock");
    QVERIFY(log);
    QTRY_VERIFY(log->isVisible());
    auto *requestLogExportButton = child<QPushButton>(log, "requestLogExportButton");
    QVERIFY(requestLogExportButton);
    requestLogExportButton->click();
    auto *dialog = waitForDialog<QFileDialog>(u"requestLogExportDialog"_s);
    QVERIFY(dialog);
    VERIFY_ALL_NAMED(dialog, 6);
    dialog->reject();
}

void TestAccessibility::signInDialogs()
{
    ui::WelcomeDialog welcome;
    welcome.show();
    QVERIFY(QTest::qWaitForWindowExposed(&welcome));
    VERIFY_ALL_NAMED(&welcome, 3);

    QNetworkAccessManager network;
    auth::IdentityClient client(&network, sandboxProfile());
    {
        ui::SignInDialog signIn(
            &client, [](const QUrl &) { return true; }, u"The session expired."_s);
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        VERIFY_ALL_NAMED(&signIn, 3);
        // Waiting for the browser.
        signIn.startBrowserSignIn();
        QTRY_COMPARE(signIn.currentPage(), ui::SignInDialog::BrowserPage);
        VERIFY_ALL_NAMED(&signIn, 2);
    }
    {
        // A device code, then (the sandbox refuses the next token request) the error page.
        ui::SignInDialog signIn(&client, {}, {});
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        signIn.startDeviceCodeSignIn();
        QTRY_VERIFY_WITH_TIMEOUT(!signIn.userCode().isEmpty(), kTimeoutMs);
        VERIFY_ALL_NAMED(&signIn, 4);
    }
    {
        m_server->tenant().identity().failNextTokenRequest(
            u"invalid_client"_s, 7000218, u"The request body must contain 'client_assertion'."_s);
        ui::SignInDialog signIn(&client, {}, {});
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        signIn.startDeviceCodeSignIn();
        QTRY_COMPARE_WITH_TIMEOUT(signIn.currentPage(), ui::SignInDialog::ErrorPage, kTimeoutMs);
        VERIFY_ALL_NAMED(&signIn, 3);
        auto *signInErrorDetailsButton = child<QAbstractButton>(&signIn, "signInErrorDetailsButton");
        QVERIFY(signInErrorDetailsButton);
        signInErrorDetailsButton->click();
        VERIFY_ALL_NAMED(&signIn, 4);
    }

    ui::ProfileDialog newProfile(auth::TenantProfile {});
    newProfile.show();
    QVERIFY(QTest::qWaitForWindowExposed(&newProfile));
    VERIFY_ALL_NAMED(&newProfile, 8);
    ui::ProfileDialog editProfile(sandboxProfile());
    editProfile.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editProfile));
    VERIFY_ALL_NAMED(&editProfile, 8);

    // The proxy's 407: first asked, then after a refusal (which says so).
    for (const bool refused : {false, true}) {
        ui::ProxyCredentialsDialog proxy({u"proxy.contoso.com:8080"_s, u"alex"_s, refused}, true);
        proxy.show();
        QVERIFY(QTest::qWaitForWindowExposed(&proxy));
        VERIFY_ALL_NAMED(&proxy, 4);
    }

    ui::AccessTokenDialog token;
    token.show();
    QVERIFY(QTest::qWaitForWindowExposed(&token));
    VERIFY_ALL_NAMED(&token, 3);
    token.tokenEdit()->setText(m_server->accessToken());
    VERIFY_ALL_NAMED(&token, 3);
}

// The Account menu's questions, through the controller that asks them.
void TestAccessibility::accountDialogs()
{
    auth::MemoryTokenStore tokens;
    auth::ProfileStore store(m_settings.get());
    auth::TenantProfile profile = sandboxProfile();
    profile.id = store.save(profile);
    store.setActiveProfileId(profile.id);

    ui::SignInController::Environment env;
    env.settings = m_settings.get();
    env.tokenStore = &tokens;
    env.openUrl = [](const QUrl &) {
        return true;
    };
    env.auditJournalPath = m_dir.filePath(u"audit.jsonl"_s);
    ui::SignInController controller(env);
    controller.startFromSettings();
    QVERIFY(QTest::qWaitForWindowExposed(controller.window()));
    VERIFY_ALL_NAMED(controller.window(), 12);

    // The sign-in the first read asks for.
    QTRY_VERIFY_WITH_TIMEOUT(controller.signInDialog() && controller.signInDialog()->isVisible(), kTimeoutMs);
    VERIFY_ALL_NAMED(controller.signInDialog(), 3);
    controller.signInDialog()->reject();

    controller.showAccountDetails();
    auto *details = waitForDialog<QMessageBox>(u"accountDetailsBox"_s);
    QVERIFY(details);
    VERIFY_ALL_NAMED(details, 1);
    details->accept();

    controller.removeProfile();
    auto *remove = waitForDialog<QMessageBox>(u"removeProfileConfirmation"_s);
    QVERIFY(remove);
    VERIFY_ALL_NAMED(remove, 2);
    remove->reject();

    controller.addProfile();
    auto *added = waitForDialog<ui::ProfileDialog>({});
    QVERIFY(added);
    VERIFY_ALL_NAMED(added, 8);
    added->reject();

    controller.useAccessToken();
    auto *token = waitForDialog<ui::AccessTokenDialog>({});
    QVERIFY(token);
    VERIFY_ALL_NAMED(token, 3);
    token->reject();
}

int main(int argc, char *argv[])
{
    // Before anything reads them: HOME and the XDG folders in a temporary directory.
    QTemporaryDir home;
    if (!home.isValid())
        return 2;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + u"/.config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + u"/.local/share"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", (home.path() + u"/.cache"_s).toUtf8());
    qputenv("XDG_STATE_HOME", (home.path() + u"/.local/state"_s).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Enrollment Assigner"_s);
    QCoreApplication::setApplicationName(u"Enrollment Assigner"_s);
    TestAccessibility test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_accessibility.moc"
