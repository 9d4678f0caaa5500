// The main window driven like an admin drives it: clicks and keystrokes on
// widgets found by objectName, against the sandbox tenant over real HTTP on
// 127.0.0.1 (the server runs on the test thread; every call is asynchronous,
// so QTRY_* lets the event loop serve it).
//
// Set EA_SCREENSHOT_DIR to also save PNGs of the window mid-flow.
//
// The audit journal goes to a temporary folder (and QStandardPaths' test
// mode guards the default path), never into the real HOME.

#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "models/AssignmentTableModel.h"
#include "models/ConfigurationTableModel.h"
#include "models/CreatedAssignmentTableModel.h"
#include "models/FullListPlanModel.h"
#include "models/HistoryTableModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/ErrorBanner.h"
#include "widgets/FullListConfirmationDialog.h"
#include "widgets/GroupSearchWidget.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace ea;
using ea::sandbox::SandboxServer;
using ea::ui::MainWindow;
using namespace ea::testing;

namespace {

// The sandbox tenant's assignments of one configuration carry this group.
bool tenantHasGroupAssignment(const sandbox::SandboxTenant &tenant, const QString &configId, const QString &groupId)
{
    const QJsonArray assignments = tenant.assignmentsOf(configId);
    for (const QJsonValue &a : assignments) {
        if (a.toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("groupId")).toString()
            == groupId)
            return true;
    }
    return false;
}

// The targets of a configuration's assignments in the sandbox, as "type|group|collection|filter|mode".
QStringList tenantTargets(const sandbox::SandboxTenant &tenant, const QString &configId)
{
    QStringList out;
    const QJsonArray assignments = tenant.assignmentsOf(configId);
    for (const QJsonValue &a : assignments) {
        const QJsonObject t = a.toObject().value(QStringLiteral("target")).toObject();
        out << QStringList {t.value(QStringLiteral("@odata.type")).toString().remove(u'#'),
            t.value(QStringLiteral("groupId")).toString(), t.value(QStringLiteral("collectionId")).toString(),
            t.value(QStringLiteral("deviceAndAppManagementAssignmentFilterId")).toString(),
            t.value(QStringLiteral("deviceAndAppManagementAssignmentFilterType")).toString()}
                   .join(u'|');
    }
    out.sort();
    return out;
}

// A tabbed dock is "visible" even behind another tab; in front means it has screen area.
bool inFront(QWidget *dock)
{
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

// Counts how often a widget with this objectName is shown (to prove a question is asked once).
class ShowCounter : public QObject
{
public:
    explicit ShowCounter(const QString &objectName)
        : m_objectName(objectName)
    {
        qApp->installEventFilter(this);
    }
    ~ShowCounter() override { qApp->removeEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && watched->objectName() == m_objectName)
            ++count;
        return false;
    }

private:
    QString m_objectName;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void assignIncludeGroupThroughTheUi();
    void pastedGroupIdIsUsedWithoutSearching();
    void typingFastSearchesOnceForTheLastText();
    void invalidCollectionIdKeepsAssignDisabled();
    void defaultConfigurationCannotBeAssigned();
    void wrongTokenShowsTheErrorPanel();
    void sandboxBannerAndTitle();
    void keyboardShortcuts();
    void busyStateAndCancel();
    void failedCreateIsShownInTheWindow();
    void apiVersionSwitchReloadsAndUpdatesThePreview();
    void unknownTargetIsShownAsUnknown();
    void everyInteractiveWidgetIsNamed();
    void notSignedInShowsTheEmptyState();
    void fullListFallbackAsksOnceAndKeepsEveryAssignment();
    void cancellingTheFullListWritesNothing();
    void fullListChangedAfterApprovalIsNotSent();
    void switchingConfigurationClearsTheTarget();
    void defaultShowsGuidanceAndCannotBeChanged();
    void undoOfADirectCreateDeletesIt();
    void undoOfAFullListCreateRestoresTheEarlierList();
    void removeAssignmentAfterConfirmation();
    void removeFromAnEspAsksForTheFullList();
    void filterPickerOnBetaOnly();
    void groupNamesDeletedGroupAndSource();
    void historyListsTheWrites();
    void panelActionsFollowThePanelsWhateverShowsThem();
    void readmeScreenshot();

private:
    std::unique_ptr<Session> makeSession(const QString &token);
    void openWindow(Session *session);
    void waitForConfigurations();
    void selectConfiguration(const QString &configId);
    void chooseTargetKind(AssignmentTarget::Kind kind);
    void pasteGroupId(const QString &groupId);
    void typeCollectionId(const QString &collectionId);
    void waitForAssignments(int rows);
    void switchApiVersion(ApiVersion version);
    int assignmentRowOf(const QString &assignmentId);
    ui::FullListConfirmationDialog *waitForFullListDialog();
    QMessageBox *waitForMessageBox(const char *objectName);
    void assignEspToEngineering();
    bool nothingCreatedAndNoErrorShown();

    void resetEsp();

    QTemporaryDir m_journalDir;
    QJsonArray m_espSeed; // the custom ESP's assignments as the sandbox starts
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    // Belt and braces: the sessions journal into m_journalDir; anything that
    // still asked for the default path would get a test location, not HOME.
    QStandardPaths::setTestModeEnabled(true);
    // As the app does at start: English has a translation too, for its plural forms ("1 write", "3 writes").
    QVERIFY(ui::installTranslations(QLocale(QLocale::English)));
    QVERIFY(m_journalDir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_espSeed = m_server->tenant().assignmentsOf(m_server->tenant().espConfigurationId());
    QCOMPARE(m_espSeed.size(), 5); // with a filter, a policy-set source and a newer target type among them
}

void TestMainWindow::resetEsp()
{
    m_server->tenant().setAssignments(m_server->tenant().espConfigurationId(), m_espSeed);
}

void TestMainWindow::init()
{
    m_session = makeSession(m_server->accessToken());
    QVERIFY(m_session);
    openWindow(m_session.get());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    // Nothing left over for the next test.
    m_server->tenant().failNextRequests(0, 200);
    m_server->tenant().setEspRefusesDelete(false);
}

std::unique_ptr<Session> TestMainWindow::makeSession(const QString &token)
{
    return testing::makeSession({.graphRoot = m_server->url(),
        .accessToken = token,
        .auditJournalPath = m_journalDir.filePath(QStringLiteral("audit.jsonl"))});
}

void TestMainWindow::openWindow(Session *session)
{
    m_window = std::make_unique<MainWindow>(session);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::waitForConfigurations()
{
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 5, kTimeoutMs);
}

void TestMainWindow::selectConfiguration(const QString &configId)
{
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    QModelIndex found;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, ui::ConfigurationTableModel::NameColumn);
        if (index.data(ui::ConfigurationTableModel::IdRole).toString() == configId)
            found = index;
    }
    QVERIFY2(found.isValid(), qPrintable(configId));
    view->scrollTo(found);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(found).center());
    QTRY_COMPARE(m_window->selectedConfigurationId(), configId);
}

void TestMainWindow::chooseTargetKind(AssignmentTarget::Kind kind)
{
    auto *combo = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(combo);
    combo->setFocus();
    // The keyboard, as an admin without a mouse would: Home, then Down until it is there.
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentData().toInt() != int(kind); ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toInt(), int(kind));
}

void TestMainWindow::pasteGroupId(const QString &groupId)
{
    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    QVERIFY(search && search->isVisible());
    search->setFocus();
    search->selectAll();
    QTest::keyClicks(search, groupId);
    auto *requestPreview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(requestPreview);
    QTRY_VERIFY(requestPreview->toPlainText().contains(groupId));
}

void TestMainWindow::typeCollectionId(const QString &collectionId)
{
    auto *edit = child<QLineEdit>(m_window.get(), "collectionIdEdit");
    QVERIFY(edit && edit->isVisible());
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, collectionId);
    QCOMPARE(edit->text(), collectionId);
}

void TestMainWindow::waitForAssignments(int rows)
{
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(view);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), rows, kTimeoutMs);
    auto *assignmentsStatus = child<QLabel>(m_window.get(), "assignmentsStatus");
    QVERIFY(assignmentsStatus);
    QTRY_VERIFY_WITH_TIMEOUT(!assignmentsStatus->text().contains(u'…'), kTimeoutMs);
}

void TestMainWindow::switchApiVersion(ApiVersion version)
{
    auto *api = child<QComboBox>(m_window.get(), "apiVersionCombo");
    QVERIFY(api);
    QSignalSpy loaded(m_window.get(), &MainWindow::configurationsLoadFinished);
    api->setFocus();
    QTest::keyClick(api, version == ApiVersion::Beta ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(m_session->apiVersion(), version);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kTimeoutMs);
}

int TestMainWindow::assignmentRowOf(const QString &assignmentId)
{
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    if (!view)
        return -1;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, ui::AssignmentTableModel::AssignmentIdColumn).data().toString() == assignmentId)
            return r;
    }
    return -1;
}

// Null when it does not appear in time (the caller QVERIFYs).
ui::FullListConfirmationDialog *TestMainWindow::waitForFullListDialog()
{
    return waitForVisibleChild<ui::FullListConfirmationDialog>(
        m_window.get(), QStringLiteral("fullListConfirmationDialog"));
}

QMessageBox *TestMainWindow::waitForMessageBox(const char *objectName)
{
    return waitForVisibleChild<QMessageBox>(m_window.get(), QString::fromLatin1(objectName));
}

void TestMainWindow::assignIncludeGroupThroughTheUi()
{
    auto &tenant = m_server->tenant();
    const QString configId = tenant.limitConfigurationId();
    const QString groupId = tenant.groupIdByName(QStringLiteral("Sales Managers"));
    QVERIFY(!configId.isEmpty());
    QVERIFY(!groupId.isEmpty());
    QVERIFY(!tenantHasGroupAssignment(tenant, configId, groupId));

    waitForConfigurations();
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    auto *reason = child<QLabel>(m_window.get(), "assignReasonLabel");
    QVERIFY(assignButton && reason);
    QVERIFY(!assignButton->isEnabled());
    QVERIFY(!reason->text().isEmpty()); // says why: nothing selected yet

    const int before = int(tenant.assignmentsOf(configId).size());
    selectConfiguration(configId);
    auto *assignmentsView = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(assignmentsView);
    QTRY_VERIFY_WITH_TIMEOUT(assignmentsView->model()->rowCount() == before, kTimeoutMs);
    auto *guidanceLabel = child<QLabel>(m_window.get(), "guidanceLabel");
    QVERIFY(guidanceLabel);
    QVERIFY(!guidanceLabel->text().isEmpty());

    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    QVERIFY(!assignButton->isEnabled());
    QVERIFY(reason->text().contains(QStringLiteral("group")));

    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    QVERIFY(search);
    QVERIFY(search->isVisible());
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("Sales M"));

    auto *results = child<QTableView>(m_window.get(), "groupResultsView");
    QVERIFY(results);
    QTRY_COMPARE_WITH_TIMEOUT(results->model()->rowCount(), 1, kTimeoutMs);
    const QModelIndex row = results->model()->index(0, 0);
    QCOMPARE(row.data().toString(), QStringLiteral("Sales Managers"));
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(row).center());

    auto *preview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(preview);
    QTRY_VERIFY(preview->toPlainText().contains(groupId));
    QVERIFY(preview->toPlainText().startsWith(QStringLiteral("POST ")));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("/v1.0/deviceManagement/deviceEnrollmentConfigurations/")
        + configId + QStringLiteral("/assignments")));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("#microsoft.graph.groupAssignmentTarget")));
    QVERIFY(preview->isReadOnly());
    QVERIFY2(assignButton->isEnabled(), qPrintable(reason->text()));
    saveScreenshot(m_window.get(), QStringLiteral("main-window-flow.png"));

    QTest::mouseClick(assignButton, Qt::LeftButton);
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_COMPARE_WITH_TIMEOUT(created->model()->rowCount(), 1, kTimeoutMs);
    const QString assignmentId
        = created->model()->index(0, ui::CreatedAssignmentTableModel::AssignmentIdColumn).data().toString();
    QVERIFY(!assignmentId.isEmpty());
    QVERIFY(!created->model()->index(0, ui::CreatedAssignmentTableModel::RequestIdColumn).data().toString().isEmpty());
    QCOMPARE(created->model()->index(0, ui::CreatedAssignmentTableModel::ConfigurationColumn).data().toString(),
        QStringLiteral("Limit 5 devices – Sales"));
    QVERIFY(tenantHasGroupAssignment(tenant, configId, groupId));

    // The configuration's assignments were read again and show the new one.
    QTRY_VERIFY_WITH_TIMEOUT(assignmentsView->model()->rowCount() == before + 1, kTimeoutMs);
    int listedRow = -1;
    for (int r = 0; r < assignmentsView->model()->rowCount(); ++r) {
        if (assignmentsView->model()->index(r, ui::AssignmentTableModel::AssignmentIdColumn).data().toString()
            == assignmentId)
            listedRow = r;
    }
    QVERIFY(listedRow >= 0);
    // The picked group's name is known from the search.
    QTRY_COMPARE_WITH_TIMEOUT(
        assignmentsView->model()->index(listedRow, ui::AssignmentTableModel::NameColumn).data().toString(),
        QStringLiteral("Sales Managers"), kTimeoutMs);
    // And the same target again is refused as a duplicate, with the reason shown.
    QTRY_VERIFY(reason->text().contains(QStringLiteral("already assigned")));
    QVERIFY(!assignButton->isEnabled());
    saveScreenshot(m_window.get(), QStringLiteral("main-window-created.png"));
}

void TestMainWindow::pastedGroupIdIsUsedWithoutSearching()
{
    auto &tenant = m_server->tenant();
    const QString groupId = tenant.groupIdByName(QStringLiteral("Engineering"));
    waitForConfigurations();
    selectConfiguration(tenant.limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::ExcludeGroup);

    tenant.resetTrafficCounters();
    ExchangeRecorder calls(m_session->graph());
    auto *groupSearch = child<ui::GroupSearchWidget>(m_window.get(), "groupSearch");
    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    QVERIFY(groupSearch && search);
    search->setFocus();
    QTest::keyClicks(search, QLatin1Char(' ') + groupId.toUpper() + QLatin1Char(' '));
    auto *preview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(preview);
    QTRY_VERIFY(preview->toPlainText().contains(groupId));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("exclusionGroupAssignmentTarget")));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY(assignButton->isEnabled());
    // No search waits for its debounce and none is in flight, so none can go out
    // later; and none was started or reached the tenant.
    QVERIFY(!groupSearch->isSearchPending());
    QVERIFY2(calls.count("startswith") == 0, qPrintable(calls.describe()));
    for (const QByteArray &line : tenant.requestLog())
        QVERIFY2(!line.contains("startswith"), line.constData());
}

void TestMainWindow::typingFastSearchesOnceForTheLastText()
{
    waitForConfigurations();
    selectConfiguration(m_server->tenant().limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    m_server->tenant().resetTrafficCounters();

    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("Sales"));
    auto *results = child<QTableView>(m_window.get(), "groupResultsView");
    QVERIFY(results);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() > 1, kTimeoutMs);
    for (int r = 0; r < results->model()->rowCount(); ++r)
        QVERIFY(
            results->model()->index(r, 0).data().toString().startsWith(QStringLiteral("sales"), Qt::CaseInsensitive));

    int searches = 0;
    for (const QByteArray &line : m_server->tenant().requestLog())
        searches += line.contains("startswith") ? 1 : 0;
    QCOMPARE(searches, 1); // five keystrokes, one request

    // Narrowing the text replaces the results; nothing from the earlier text stays.
    QTest::keyClicks(search, QStringLiteral(" I"));
    QTRY_COMPARE_WITH_TIMEOUT(results->model()->rowCount(), 1, kTimeoutMs);
    QCOMPARE(results->model()->index(0, 0).data().toString(), QStringLiteral("Sales Interns"));
}

void TestMainWindow::invalidCollectionIdKeepsAssignDisabled()
{
    waitForConfigurations();
    selectConfiguration(m_server->tenant().limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::ConfigMgrCollection);

    auto *edit = child<QLineEdit>(m_window.get(), "collectionIdEdit");
    auto *hint = child<QLabel>(m_window.get(), "collectionIdHint");
    auto *reason = child<QLabel>(m_window.get(), "assignReasonLabel");
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(edit && hint && reason && assignButton);
    QVERIFY(edit->isVisible());
    edit->setFocus();

    QTest::keyClicks(edit, QStringLiteral("sms0000g"));
    QCOMPARE(edit->text(), QStringLiteral("SMS0000G")); // upper-cased as typed
    QVERIFY(!edit->hasAcceptableInput());
    QVERIFY(!assignButton->isEnabled());
    QVERIFY2(reason->text().contains(QStringLiteral("collection id")), qPrintable(reason->text()));
    QVERIFY2(hint->text().contains(QStringLiteral("hexadecimal")), qPrintable(hint->text()));
    // Ctrl+Return does nothing while the input is invalid. An assign makes the
    // window busy within the key press: not busy, nothing can be sent later;
    // the writes are counted to the end of the test as well.
    const int writes = m_server->tenant().writeCount();
    ExchangeRecorder calls(m_session->graph());
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!m_window->isBusy());
    QVERIFY(letQueuedWorkRun());
    QVERIFY(!m_window->isBusy());
    QCOMPARE(calls.writes(), 0);
    QCOMPARE(m_server->tenant().writeCount(), writes);

    QTest::keyClick(edit, Qt::Key_Backspace);
    QVERIFY(hint->text().contains(QStringLiteral("7 of 8")));
    QVERIFY(!assignButton->isEnabled());

    QTest::keyClick(edit, Qt::Key_1);
    QCOMPARE(edit->text(), QStringLiteral("SMS00001"));
    QVERIFY(edit->hasAcceptableInput());
    QTRY_VERIFY2(assignButton->isEnabled(), qPrintable(reason->text()));
    auto *requestPreview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(requestPreview);
    QVERIFY(requestPreview->toPlainText().contains(QStringLiteral("SMS00001")));
    QVERIFY2(calls.writes() == 0, qPrintable(calls.describe()));
    QCOMPARE(m_server->tenant().writeCount(), writes);
}

void TestMainWindow::defaultConfigurationCannotBeAssigned()
{
    waitForConfigurations();
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    // Defaults are marked as such in the list.
    bool marked = false;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, ui::ConfigurationTableModel::PriorityColumn);
        if (index.data(ui::ConfigurationTableModel::IdRole).toString()
            == m_server->tenant().defaultLimitConfigurationId())
            marked = index.data().toString() == QStringLiteral("Default");
    }
    QVERIFY(marked);

    selectConfiguration(m_server->tenant().defaultLimitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::AllDevices);
    auto *reason = child<QLabel>(m_window.get(), "assignReasonLabel");
    QVERIFY(reason);
    QTRY_VERIFY2(reason->text().contains(QStringLiteral("default")), qPrintable(reason->text()));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QVERIFY(!assignButton->isEnabled());
}

void TestMainWindow::wrongTokenShowsTheErrorPanel()
{
    m_window.reset();
    auto wrong = makeSession(QStringLiteral("not-the-sandbox-token"));
    QVERIFY(wrong);
    openWindow(wrong.get());

    auto *banner = child<ui::ErrorBanner>(m_window.get(), "errorBanner");
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
    QVERIFY2(banner->summaryText().contains(QStringLiteral("401")), qPrintable(banner->summaryText()));
    QVERIFY2(banner->detailsText().contains(QStringLiteral("HTTP status: 401")), qPrintable(banner->detailsText()));
    // What to try, besides what happened.
    QVERIFY2(banner->suggestionText().contains(QStringLiteral("sign in again")), qPrintable(banner->suggestionText()));
    // A screen reader gets the words, not only "Error summary".
    auto *summaryLabel = child<QLabel>(m_window.get(), "errorSummary");
    QVERIFY(summaryLabel);
    QVERIFY2(
        summaryLabel->accessibleName().contains(QStringLiteral("401")), qPrintable(summaryLabel->accessibleName()));
    QVERIFY2(summaryLabel->accessibleDescription().contains(QStringLiteral("sign in again")),
        qPrintable(summaryLabel->accessibleDescription()));
    auto *errorSuggestion = child<QLabel>(m_window.get(), "errorSuggestion");
    QVERIFY(errorSuggestion);
    QVERIFY2(errorSuggestion->accessibleName().startsWith(QStringLiteral("What to try: ")),
        qPrintable(errorSuggestion->accessibleName()));

    auto *details = child<QPlainTextEdit>(m_window.get(), "errorDetails");
    QVERIFY(details);
    QVERIFY(!details->isVisible());
    auto *errorDetailsButton = child<QAbstractButton>(m_window.get(), "errorDetailsButton");
    QVERIFY(errorDetailsButton);
    QTest::mouseClick(errorDetailsButton, Qt::LeftButton);
    QVERIFY(details->isVisible());
    QVERIFY(details->toPlainText().contains(QStringLiteral("request-id")));
    saveScreenshot(m_window.get(), QStringLiteral("main-window-error.png"));

    auto *errorDismissButton = child<QAbstractButton>(m_window.get(), "errorDismissButton");
    QVERIFY(errorDismissButton);
    QTest::mouseClick(errorDismissButton, Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    m_window.reset(); // before its session goes
}

void TestMainWindow::sandboxBannerAndTitle()
{
    auto *banner = child<QWidget>(m_window.get(), "sandboxBanner");
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    auto *text = child<QLabel>(m_window.get(), "sandboxBannerText");
    QVERIFY(text->text().contains(QStringLiteral("nothing here touches a real Intune tenant")));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Enrollment Assigner — Sandbox tenant"));
    auto *tenantStatus = child<QLabel>(m_window.get(), "tenantStatus");
    QVERIFY(tenantStatus);
    QVERIFY(tenantStatus->text().contains(QStringLiteral("Sandbox tenant")));
    auto *apiVersionStatus = child<QLabel>(m_window.get(), "apiVersionStatus");
    QVERIFY(apiVersionStatus);
    QVERIFY(apiVersionStatus->text().contains(QStringLiteral("v1.0")));
    waitForConfigurations();
    saveScreenshot(m_window.get(), QStringLiteral("main-window-start.png"));
}

void TestMainWindow::keyboardShortcuts()
{
    waitForConfigurations();
    auto *filter = child<QLineEdit>(m_window.get(), "configurationFilterEdit");
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(filter && view);
    const int all = view->model()->rowCount();

    view->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("limit 5"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Limit 5 devices – Sales"));
    filter->clear();
    QCOMPARE(view->model()->rowCount(), all);

    // F5 reloads: the tenant sees a second list request.
    m_server->tenant().resetTrafficCounters();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->tenant().requestCount() > 0, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), all, kTimeoutMs);

    // Ctrl+Return assigns once the input is complete.
    selectConfiguration(m_server->tenant().limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::ConfigMgrCollection);
    auto *edit = child<QLineEdit>(m_window.get(), "collectionIdEdit");
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("JAX0002C"));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY(assignButton->isEnabled());
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_COMPARE_WITH_TIMEOUT(created->model()->rowCount(), 1, kTimeoutMs);
    QCOMPARE(created->model()->index(0, ui::CreatedAssignmentTableModel::SubjectColumn).data().toString(),
        QStringLiteral("JAX0002C"));
}

void TestMainWindow::busyStateAndCancel()
{
    waitForConfigurations();
    selectConfiguration(m_server->tenant().limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::AllLicensedUsers);
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    auto *cancelButton = child<QPushButton>(m_window.get(), "cancelButton");
    auto *progress = child<QProgressBar>(m_window.get(), "assignProgress");
    auto *configurations = child<QTableView>(m_window.get(), "configurationsView");
    auto *kind = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(assignButton && cancelButton && progress && configurations && kind);
    QTRY_VERIFY(assignButton->isEnabled());
    QVERIFY(!cancelButton->isEnabled());
    QVERIFY(!progress->isVisible());

    // The reply cannot arrive before the event loop runs again, so the busy state is observable here.
    QTest::mouseClick(assignButton, Qt::LeftButton);
    QVERIFY(m_window->isBusy());
    QVERIFY(progress->isVisible());
    QCOMPARE(progress->maximum(), 0); // busy mode
    QVERIFY(cancelButton->isEnabled());
    QVERIFY(!assignButton->isEnabled());
    QVERIFY(!configurations->isEnabled());
    QVERIFY(!kind->isEnabled());
    auto *assignmentFilterPicker = child<QWidget>(m_window.get(), "assignmentFilterPicker");
    QVERIFY(assignmentFilterPicker);
    QVERIFY(!assignmentFilterPicker->isEnabled());

    QTest::mouseClick(cancelButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancelButton->isEnabled());
    QVERIFY(configurations->isEnabled());
    QVERIFY(kind->isEnabled());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Cancelled")),
        qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(nothingCreatedAndNoErrorShown());
}

void TestMainWindow::failedCreateIsShownInTheWindow()
{
    waitForConfigurations();
    selectConfiguration(m_server->tenant().limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::ConfigMgrCollection);
    auto *edit = child<QLineEdit>(m_window.get(), "collectionIdEdit");
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("ABC00042"));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY(assignButton->isEnabled());

    // A throttled write is sent again only after a read shows it did not land,
    // at most three times: four 429s in a row make the create fail. Only writes
    // are failed, so a read still in flight (group names) cannot use them up.
    // Retry-After: 0 keeps the test fast.
    m_server->tenant().failNextWrites(4, 429, 0);
    QTest::mouseClick(assignButton, Qt::LeftButton);
    auto *banner = child<ui::ErrorBanner>(m_window.get(), "errorBanner");
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
    QVERIFY2(banner->summaryText().contains(QStringLiteral("Could not create the assignment")),
        qPrintable(banner->summaryText()));
    QVERIFY2(banner->summaryText().contains(QStringLiteral("429")), qPrintable(banner->summaryText()));
    QVERIFY2(banner->summaryText().contains(QStringLiteral("Not done")), qPrintable(banner->summaryText()));
    QVERIFY(banner->detailsText().contains(QStringLiteral("HTTP status: 429")));
    auto *createdAssignmentsView = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(createdAssignmentsView);
    QCOMPARE(createdAssignmentsView->model()->rowCount(), 0);
    // Nothing stuck: the input is still there and Assign is offered again once the re-read is done.
    QTRY_VERIFY_WITH_TIMEOUT(assignButton->isEnabled(), kTimeoutMs);
    QCOMPARE(edit->text(), QStringLiteral("ABC00042"));
}

void TestMainWindow::apiVersionSwitchReloadsAndUpdatesThePreview()
{
    waitForConfigurations();
    const QString configId = m_server->tenant().limitConfigurationId();
    selectConfiguration(configId);
    chooseTargetKind(AssignmentTarget::Kind::AllDevices);
    auto *preview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(preview);
    QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("/v1.0/")));

    m_server->tenant().resetTrafficCounters();
    auto *api = child<QComboBox>(m_window.get(), "apiVersionCombo");
    QVERIFY(api);
    api->setFocus();
    QTest::keyClick(api, Qt::Key_Down);
    QCOMPARE(api->currentText(), QStringLiteral("beta"));
    QCOMPARE(m_session->apiVersion(), ApiVersion::Beta);
    QVERIFY(preview->toPlainText().contains(QStringLiteral("/beta/deviceManagement/")));
    auto *apiVersionStatus = child<QLabel>(m_window.get(), "apiVersionStatus");
    QVERIFY(apiVersionStatus);
    QVERIFY(apiVersionStatus->text().contains(QStringLiteral("beta")));

    // The list is read again from beta, and the selection survives the reload.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->tenant().requestCount() >= 2, kTimeoutMs);
    bool readFromBeta = false;
    for (const QByteArray &line : m_server->tenant().requestLog())
        readFromBeta = readFromBeta || line.startsWith("GET /beta/deviceManagement/deviceEnrollmentConfigurations");
    QVERIFY(readFromBeta);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->selectedConfigurationId(), configId, kTimeoutMs);
    auto *assignmentsView = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(assignmentsView);
    QTRY_VERIFY_WITH_TIMEOUT(assignmentsView->model()->rowCount() > 0, kTimeoutMs);
}

void TestMainWindow::unknownTargetIsShownAsUnknown()
{
    waitForConfigurations();
    const QString configId = m_server->tenant().nullTargetConfigurationId();
    QVERIFY(!configId.isEmpty());
    selectConfiguration(configId);
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, kTimeoutMs);
    bool unknown = false;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        unknown = unknown
            || view->model()
                   ->index(r, ui::AssignmentTableModel::TargetTypeColumn)
                   .data()
                   .toString()
                   .startsWith(QStringLiteral("Unknown target"));
    QVERIFY(unknown);
}

void TestMainWindow::everyInteractiveWidgetIsNamed()
{
    waitForConfigurations();
    // Visit every page of the target picker so nothing hides behind a stack.
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);

    const QList<QWidget *> widgets = interactiveWidgets(m_window.get());
    int checked = 0;
    for (QWidget *w : widgets) {
        if (w->window() != m_window.get())
            continue;
        ++checked;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY2(checked >= 15, qPrintable(QString::number(checked)));
}

void TestMainWindow::notSignedInShowsTheEmptyState()
{
    m_window.reset();
    openWindow(nullptr);
    auto *label = child<QLabel>(m_window.get(), "notSignedInLabel");
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("--sandbox")));
    QVERIFY(label->text().contains(QStringLiteral("GRAPH_ACCESS_TOKEN")));
    auto *sandboxBanner = child<QWidget>(m_window.get(), "sandboxBanner");
    QVERIFY(sandboxBanner);
    QVERIFY(!sandboxBanner->isVisible());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Not signed in")));
}

// A write that was cancelled or declined leaves Created assignments empty and shows no error.
bool TestMainWindow::nothingCreatedAndNoErrorShown()
{
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    auto *banner = child<ui::ErrorBanner>(m_window.get(), "errorBanner");
    if (!created || !banner)
        return false;
    if (created->model()->rowCount() == 0 && !banner->isVisible())
        return true;
    qWarning("%d created assignment(s); error banner %s: %s", created->model()->rowCount(),
        banner->isVisible() ? "shown" : "hidden", qPrintable(banner->summaryText()));
    return false;
}

// Starts an include-group assignment of the custom ESP to Engineering; stops at the question.
void TestMainWindow::assignEspToEngineering()
{
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    waitForConfigurations();
    selectConfiguration(esp);
    waitForAssignments(int(tenant.assignmentsOf(esp).size()));
    auto *caption = child<QLabel>(m_window.get(), "requestPreviewCaption");
    QVERIFY(caption);
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    pasteGroupId(tenant.groupIdByName(QStringLiteral("Engineering")));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY2(assignButton->isEnabled(), qPrintable(m_window->assignProblem()));
    // Said before anything is sent: Intune refuses this request for the type.
    QVERIFY2(caption->text().contains(QStringLiteral("asked before the full list")), qPrintable(caption->text()));
    QTest::mouseClick(assignButton, Qt::LeftButton);
}

void TestMainWindow::fullListFallbackAsksOnceAndKeepsEveryAssignment()
{
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const QString engineering = tenant.groupIdByName(QStringLiteral("Engineering"));
    resetEsp();
    const QStringList before = tenantTargets(tenant, esp);
    QCOMPARE(before.size(), 5);
    ShowCounter questions(QStringLiteral("fullListConfirmationDialog"));

    assignEspToEngineering();
    auto *dialog = waitForFullListDialog();
    QVERIFY(dialog);
    // Modal for the window, without a nested event loop (we are in QTRY's loop here).
    QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);
    QCOMPARE(QApplication::activeModalWidget(), static_cast<QWidget *>(dialog));
    QVERIFY(m_window->isBusy());
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("5 existing + 1 new")), qPrintable(dialog->summaryText()));
    // The list: the new one first, then the five kept, with their group names once resolved.
    auto *list = child<QTableView>(dialog, "fullListTargetsView");
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 6);
    QCOMPARE(list->model()->index(0, ui::FullListPlanModel::ChangeColumn).data().toString(), QStringLiteral("New"));
    QCOMPARE(list->model()->index(0, ui::FullListPlanModel::SubjectColumn).data().toString(), engineering);
    QCOMPARE(list->model()->index(1, ui::FullListPlanModel::ChangeColumn).data().toString(), QStringLiteral("Kept"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !list->model()->index(1, ui::FullListPlanModel::NameColumn).data().toString().isEmpty(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->index(0, ui::FullListPlanModel::NameColumn).data().toString(),
        QStringLiteral("Engineering"), kTimeoutMs);
    // The exact request, in the details area: the assign action with the whole list.
    QVERIFY(dialog->requestText().startsWith(QStringLiteral("POST ")));
    QVERIFY(dialog->requestText().contains(QStringLiteral("/assign")));
    QVERIFY(dialog->requestText().contains(QStringLiteral("enrollmentConfigurationAssignments")));
    QVERIFY(dialog->requestText().contains(engineering));
    auto *requestText = child<QPlainTextEdit>(dialog, "fullListRequestText");
    QVERIFY(requestText);
    QVERIFY(!requestText->isVisible());
    auto *fullListRequestButton = child<QAbstractButton>(dialog, "fullListRequestButton");
    QVERIFY(fullListRequestButton);
    QTest::mouseClick(fullListRequestButton, Qt::LeftButton);
    QVERIFY(requestText->isVisible());
    // The dialog grows for it: nothing under the buttons.
    QTRY_VERIFY(requestText->geometry().bottom() < dialog->sendButton()->mapTo(dialog, QPoint(0, 0)).y());
    // Cancel is the default: Enter does not replace a list by accident.
    QVERIFY(dialog->cancelButton()->isDefault());
    QCOMPARE(dialog->sendButton()->objectName(), QStringLiteral("sendFullListButton"));
    QVERIFY(!dialog->sendButton()->accessibleName().isEmpty());
    saveScreenshot(dialog, QStringLiteral("full-list-confirmation.png"));
    QCOMPARE(tenantTargets(tenant, esp), before); // nothing replaced yet

    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_COMPARE_WITH_TIMEOUT(created->model()->rowCount(), 1, kTimeoutMs);
    QCOMPARE(created->model()->index(0, ui::CreatedAssignmentTableModel::StatusColumn).data().toString(),
        QStringLiteral("Created (full list)"));
    QVERIFY(
        !created->model()->index(0, ui::CreatedAssignmentTableModel::AssignmentIdColumn).data().toString().isEmpty());
    // Nothing lost, nothing duplicated: the five earlier ones, byte for byte
    // (filter, policy-set source, newer target type), plus the new one.
    const QStringList after = tenantTargets(tenant, esp);
    QCOMPARE(after.size(), 6);
    const QJsonArray afterObjects = tenant.assignmentsOf(esp);
    for (const QJsonValue &seed : std::as_const(m_espSeed))
        QVERIFY2(afterObjects.contains(seed), qPrintable(QString::fromUtf8(QJsonDocument(seed.toObject()).toJson())));
    QVERIFY(tenantHasGroupAssignment(tenant, esp, engineering));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QCOMPARE(questions.count, 1); // asked once for the write
    waitForAssignments(6);
}

void TestMainWindow::fullListChangedAfterApprovalIsNotSent()
{
    // The admin approves; before the list goes out, someone else adds an
    // assignment. Nothing is sent: the dialog comes back with the list as it
    // is now and says what changed.
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    resetEsp();
    ShowCounter questions(QStringLiteral("fullListConfirmationDialog"));
    assignEspToEngineering();
    auto *first = waitForFullListDialog();
    QVERIFY(first);
    QCOMPARE(first->model()->count(ui::FullListPlanModel::Change::Kept), 5);
    QVERIFY(!first->findChild<QLabel *>(QStringLiteral("fullListChangedLabel")));

    QJsonArray changed = m_espSeed;
    QJsonObject other = m_espSeed.at(0).toObject();
    other.insert(QStringLiteral("id"), QString(esp + QStringLiteral("_0d1e2f30-4152-4637-8899-aabbccddeeff")));
    QJsonObject otherTarget = other.value(QStringLiteral("target")).toObject();
    otherTarget.insert(QStringLiteral("groupId"), tenant.groupIdByName(QStringLiteral("Frontline Workers")));
    other.insert(QStringLiteral("target"), otherTarget);
    changed.append(other);
    tenant.setAssignments(esp, changed); // the other admin's write
    const int writes = tenant.writeCount();

    QTest::mouseClick(first->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(questions.count, 2, kTimeoutMs);
    ui::FullListConfirmationDialog *second = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto dialogs = m_window->findChildren<ui::FullListConfirmationDialog *>();
            for (auto *d : dialogs) {
                if (d->isVisible() && d->findChild<QLabel *>(QStringLiteral("fullListChangedLabel")))
                    second = d;
            }
            return second != nullptr;
        }(),
        kTimeoutMs);
    const QString why = second->findChild<QLabel *>(QStringLiteral("fullListChangedLabel"))->text();
    QVERIFY2(why.contains(QStringLiteral("nothing was sent")), qPrintable(why));
    QVERIFY2(why.contains(other.value(QStringLiteral("id")).toString()), qPrintable(why));
    QCOMPARE(second->model()->count(ui::FullListPlanModel::Change::Kept), 6); // the other admin's one is kept
    QCOMPARE(tenant.writeCount(), writes); // the stale list never went out
    saveScreenshot(second, QStringLiteral("full-list-changed.png"));

    QTest::mouseClick(second->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QCOMPARE(tenant.writeCount(), writes);
    QCOMPARE(tenant.assignmentsOf(esp), changed);
    resetEsp();
}

void TestMainWindow::switchingConfigurationClearsTheTarget()
{
    // A target chosen for one configuration is not "ready" for the next one:
    // one stray Ctrl+Return would assign a group nobody chose for it.
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const QString limit = tenant.limitConfigurationId();
    resetEsp();
    waitForConfigurations();
    selectConfiguration(esp);
    waitForAssignments(int(tenant.assignmentsOf(esp).size()));
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    pasteGroupId(tenant.groupIdByName(QStringLiteral("Engineering")));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY2(assignButton->isEnabled(), qPrintable(m_window->assignProblem()));
    QVERIFY(assignButton->accessibleDescription().isEmpty());
    auto *selectedGroupLabel = child<QLabel>(m_window.get(), "selectedGroupLabel");
    QVERIFY(selectedGroupLabel);
    const QString picked = selectedGroupLabel->accessibleName();
    QVERIFY2(picked.startsWith(QStringLiteral("Picked group")), qPrintable(picked));

    // F5 reads the same configuration again: the choice stays.
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy() && assignButton->isEnabled(), kTimeoutMs);
    auto *targetKindCombo = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(targetKindCombo);
    QCOMPARE(targetKindCombo->currentIndex() >= 0, true);

    const int writes = tenant.writeCount();
    selectConfiguration(limit);
    waitForAssignments(int(tenant.assignmentsOf(limit).size()));
    QCOMPARE(targetKindCombo->currentIndex(), -1);
    QVERIFY(!assignButton->isEnabled());
    // Disabled, and says why to a screen reader.
    QCOMPARE(assignButton->accessibleDescription(), m_window->assignProblem());
    QVERIFY(!assignButton->accessibleDescription().isEmpty());
    ExchangeRecorder calls(m_session->graph());
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier); // the stray Ctrl+Return
    // An assign makes the window busy within the key press: not busy once what
    // the key queued has run, so nothing was started and nothing can go out later.
    QVERIFY(letQueuedWorkRun());
    QVERIFY(!m_window->isBusy());
    QVERIFY2(calls.writes() == 0, qPrintable(calls.describe()));
    QCOMPARE(tenant.writeCount(), writes);
}

void TestMainWindow::cancellingTheFullListWritesNothing()
{
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    resetEsp();
    const QStringList before = tenantTargets(tenant, esp);

    assignEspToEngineering();
    auto *dialog = waitForFullListDialog();
    QVERIFY(dialog);
    const int writes = tenant.writeCount(); // the refused POST is behind us
    // Counted from the answer to the next Assign: a write that went out late is still seen.
    auto calls = std::make_unique<ExchangeRecorder>(m_session->graph());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    // The write is over (not busy): nothing of it can be sent after this.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("full list was not sent")),
        qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(tenant.writeCount(), writes);
    QCOMPARE(tenantTargets(tenant, esp), before);
    QVERIFY(nothingCreatedAndNoErrorShown());
    // Assign is offered again.
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY_WITH_TIMEOUT(assignButton->isEnabled(), kTimeoutMs);

    QVERIFY2(calls->writes() == 0, qPrintable(calls->describe()));
    QCOMPARE(tenant.writeCount(), writes);

    // Escape answers "no" too.
    QTest::mouseClick(assignButton, Qt::LeftButton);
    dialog = waitForFullListDialog();
    QVERIFY(dialog);
    calls = std::make_unique<ExchangeRecorder>(m_session->graph()); // the refused POST is behind us again
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QVERIFY2(calls->writes() == 0, qPrintable(calls->describe()));
    QCOMPARE(tenantTargets(tenant, esp), before);
}

void TestMainWindow::defaultShowsGuidanceAndCannotBeChanged()
{
    auto &tenant = m_server->tenant();
    waitForConfigurations();
    selectConfiguration(tenant.defaultEspConfigurationId());
    waitForAssignments(int(tenant.assignmentsOf(tenant.defaultEspConfigurationId()).size()));
    auto *guidance = child<QLabel>(m_window.get(), "guidanceLabel");
    QVERIFY(guidance);
    QVERIFY(guidance->isVisible());
    QVERIFY2(guidance->text().contains(QStringLiteral("default policy")), qPrintable(guidance->text()));
    chooseTargetKind(AssignmentTarget::Kind::AllDevices);
    QTRY_VERIFY2(
        m_window->assignProblem().contains(QStringLiteral("default policy")), qPrintable(m_window->assignProblem()));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QVERIFY(!assignButton->isEnabled());
    // Its assignments cannot be removed either, and the button says why.
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(view);
    view->selectRow(0);
    auto *remove = child<QPushButton>(m_window.get(), "removeAssignmentButton");
    QVERIFY(remove);
    QVERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(QStringLiteral("default policy")), qPrintable(remove->toolTip()));
    // The Delete key is the disabled remove action's: it can neither ask nor write.
    auto *removeAction = m_window->findChild<QAction *>(QStringLiteral("removeAssignmentAction"));
    QVERIFY(removeAction);
    QVERIFY(!removeAction->isEnabled());
    const int writes = tenant.writeCount();
    ShowCounter questions(QStringLiteral("removeAssignmentConfirmation"));
    ExchangeRecorder calls(m_session->graph());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    // The question would be shown from the key press or from what it queued.
    QVERIFY(letQueuedWorkRun());
    QCOMPARE(questions.count, 0);
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("removeAssignmentConfirmation")));
    QVERIFY(!m_window->isBusy());
    QVERIFY2(calls.writes() == 0, qPrintable(calls.describe()));
    QCOMPARE(tenant.writeCount(), writes);
}

void TestMainWindow::undoOfADirectCreateDeletesIt()
{
    auto &tenant = m_server->tenant();
    const QString configId = tenant.limitConfigurationId();
    waitForConfigurations();
    selectConfiguration(configId);
    chooseTargetKind(AssignmentTarget::Kind::ConfigMgrCollection);
    typeCollectionId(QStringLiteral("UND00001"));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY2(assignButton->isEnabled(), qPrintable(m_window->assignProblem()));
    auto *undo = child<QPushButton>(m_window.get(), "undoButton");
    QVERIFY(undo);
    QVERIFY(!undo->isEnabled()); // nothing created yet
    QTest::mouseClick(assignButton, Qt::LeftButton);
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_COMPARE_WITH_TIMEOUT(created->model()->rowCount(), 1, kTimeoutMs);
    QVERIFY(tenantTargets(tenant, configId).join(u',').contains(QStringLiteral("UND00001")));
    QTRY_VERIFY_WITH_TIMEOUT(undo->isEnabled(), kTimeoutMs); // the new row is selected

    // Undo asks first; Cancel leaves it.
    QTest::mouseClick(undo, Qt::LeftButton);
    QMessageBox *box = waitForMessageBox("undoConfirmation");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("UND00001")), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral("Limit 5 devices – Sales")));
    QTest::mouseClick(box->defaultButton(), Qt::LeftButton); // Cancel is the default
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("undoConfirmation")));
    QVERIFY(tenantTargets(tenant, configId).join(u',').contains(QStringLiteral("UND00001")));

    QTest::mouseClick(undo, Qt::LeftButton);
    box = waitForMessageBox("undoConfirmation");
    QVERIFY(box);
    auto *confirmUndoButton = child<QPushButton>(box, "confirmUndoButton");
    QVERIFY(confirmUndoButton);
    QTest::mouseClick(confirmUndoButton, Qt::LeftButton);
    const QModelIndex status = created->model()->index(0, ui::CreatedAssignmentTableModel::StatusColumn);
    QTRY_VERIFY_WITH_TIMEOUT(status.data().toString().startsWith(QStringLiteral("Undone")), kTimeoutMs);
    QVERIFY(!tenantTargets(tenant, configId).join(u',').contains(QStringLiteral("UND00001")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QVERIFY(!undo->isEnabled());
    QVERIFY(undo->toolTip().contains(QStringLiteral("Already undone")));
}

void TestMainWindow::undoOfAFullListCreateRestoresTheEarlierList()
{
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const QString engineering = tenant.groupIdByName(QStringLiteral("Engineering"));
    resetEsp();
    const QStringList before = tenantTargets(tenant, esp);

    assignEspToEngineering();
    auto *dialog = waitForFullListDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_COMPARE_WITH_TIMEOUT(created->model()->rowCount(), 1, kTimeoutMs);
    QCOMPARE(tenantTargets(tenant, esp).size(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);

    // Undo: the full-list dialog is the confirmation; it shows the new one as removed.
    auto *undo = child<QPushButton>(m_window.get(), "undoButton");
    QVERIFY(undo);
    QTRY_VERIFY(undo->isEnabled());
    QTest::mouseClick(undo, Qt::LeftButton);
    dialog = waitForFullListDialog();
    QVERIFY(dialog);
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("5 existing")), qPrintable(dialog->summaryText()));
    auto *list = dialog->model();
    QCOMPARE(list->count(ui::FullListPlanModel::Change::Removed), 1);
    QCOMPARE(list->count(ui::FullListPlanModel::Change::Kept), 5);
    QCOMPARE(list->index(0, ui::FullListPlanModel::SubjectColumn).data().toString(), engineering);
    QCOMPARE(created->model()->index(0, ui::CreatedAssignmentTableModel::StatusColumn).data().toString(),
        QStringLiteral("Undoing…"));
    if (screenshotsWanted()) // the picture shows the group's name, resolved after the dialog opens
        QTRY_COMPARE_WITH_TIMEOUT(list->index(0, ui::FullListPlanModel::NameColumn).data().toString(),
            QStringLiteral("Engineering"), kTimeoutMs);
    saveScreenshot(dialog, QStringLiteral("full-list-undo.png"));
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(created->model()
                                 ->index(0, ui::CreatedAssignmentTableModel::StatusColumn)
                                 .data()
                                 .toString()
                                 .startsWith(QStringLiteral("Undone")),
        kTimeoutMs);
    QCOMPARE(tenantTargets(tenant, esp), before);
    // The earlier list exactly: filters, policy-set sources and the newer
    // target type restored from the journal's raw "before", ids included.
    QCOMPARE(tenant.assignmentsOf(esp), m_espSeed);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QVERIFY(!undo->isEnabled());

    // The journal marks the full list as the undo of that create; the History names it so.
    const QString createdId
        = created->model()->index(0, ui::CreatedAssignmentTableModel::AssignmentIdColumn).data().toString();
    const QList<AuditEntry> journal = m_session->auditJournal()->readAll();
    QVERIFY(!journal.isEmpty());
    const AuditEntry &attempt = journal.at(journal.size() - 2);
    QCOMPARE(attempt.phase, AuditPhase::Attempt);
    QCOMPARE(attempt.action, AuditAction::AssignFullList);
    QCOMPARE(attempt.undoOf, createdId);
    ui::HistoryTableModel history;
    history.setOperations(groupByOperation(journal));
    QCOMPARE(history.index(0, ui::HistoryTableModel::ActionColumn).data().toString(),
        QStringLiteral("Undo: send full list"));
    QCOMPARE(history.index(1, ui::HistoryTableModel::ActionColumn).data().toString(), QStringLiteral("Send full list"));
}

void TestMainWindow::removeAssignmentAfterConfirmation()
{
    auto &tenant = m_server->tenant();
    const QString configId = tenant.configurationIdByName(QStringLiteral("Co-management – ConfigMgr client"));
    QVERIFY(!configId.isEmpty());
    const QJsonArray seed = tenant.assignmentsOf(configId);
    QVERIFY(seed.size() >= 2);
    QString collectionAssignment;
    for (const QJsonValue &a : seed) {
        if (a.toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("collectionId")).toString()
            == QStringLiteral("SMS00001"))
            collectionAssignment = a.toObject().value(QStringLiteral("id")).toString();
    }
    QVERIFY(!collectionAssignment.isEmpty());

    waitForConfigurations();
    selectConfiguration(configId);
    waitForAssignments(int(seed.size()));
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    auto *remove = child<QPushButton>(m_window.get(), "removeAssignmentButton");
    QVERIFY(view && remove);
    QVERIFY(!remove->isEnabled()); // nothing selected
    QVERIFY(!remove->toolTip().isEmpty());
    const int row = assignmentRowOf(collectionAssignment);
    QVERIFY(row >= 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
        view->visualRect(view->model()->index(row, ui::AssignmentTableModel::TargetTypeColumn)).center());
    QTRY_VERIFY2(remove->isEnabled(), qPrintable(m_window->removeProblem()));
    // The context menu offers it too.
    QVERIFY(view->contextMenuPolicy() == Qt::ActionsContextMenu);
    QVERIFY(view->actions().contains(m_window->findChild<QAction *>(QStringLiteral("removeAssignmentAction"))));

    // The Delete key asks, naming what goes; Cancel keeps it.
    const int writes = tenant.writeCount();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QMessageBox *box = waitForMessageBox("removeAssignmentConfirmation");
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("Co-management – ConfigMgr client")), qPrintable(box->text()));
    QVERIFY2(
        box->text().contains(QStringLiteral("Configuration Manager collection SMS00001")), qPrintable(box->text()));
    QVERIFY(box->informativeText().contains(collectionAssignment));
    saveScreenshot(box, QStringLiteral("remove-confirmation.png"));
    // Counted from the answer to the next confirmation: a delete that went out late is still seen.
    ExchangeRecorder calls(m_session->graph());
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("removeAssignmentConfirmation")));
    QVERIFY(!m_window->isBusy()); // a remove would be under way from the answer on
    QCOMPARE(tenant.writeCount(), writes);

    QTest::mouseClick(remove, Qt::LeftButton);
    box = waitForMessageBox("removeAssignmentConfirmation");
    QVERIFY(box);
    QVERIFY2(calls.writes() == 0, qPrintable(calls.describe()));
    QCOMPARE(tenant.writeCount(), writes);
    auto *confirmRemoveButton = child<QPushButton>(box, "confirmRemoveButton");
    QVERIFY(confirmRemoveButton);
    QTest::mouseClick(confirmRemoveButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tenant.assignmentsOf(configId).size(), seed.size() - 1, kTimeoutMs);
    QVERIFY(!tenantTargets(tenant, configId).join(u',').contains(QStringLiteral("SMS00001")));
    waitForAssignments(int(seed.size() - 1));
    QCOMPARE(assignmentRowOf(collectionAssignment), -1);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Removed")));
}

void TestMainWindow::removeFromAnEspAsksForTheFullList()
{
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    resetEsp();
    tenant.setEspRefusesDelete(true); // as Intune does for some types
    const QString kioskAssignment = m_espSeed.at(1).toObject().value(QStringLiteral("id")).toString();
    ShowCounter questions(QStringLiteral("fullListConfirmationDialog"));

    waitForConfigurations();
    selectConfiguration(esp);
    waitForAssignments(5);
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(view);
    view->selectRow(assignmentRowOf(kioskAssignment));
    auto *remove = child<QPushButton>(m_window.get(), "removeAssignmentButton");
    QVERIFY(remove);
    QTRY_VERIFY2(remove->isEnabled(), qPrintable(m_window->removeProblem()));
    QTest::mouseClick(remove, Qt::LeftButton);
    QMessageBox *box = waitForMessageBox("removeAssignmentConfirmation");
    QVERIFY(box);
    QVERIFY2(box->informativeText().contains(QStringLiteral("full list")), qPrintable(box->informativeText()));
    auto *confirmRemoveButton = child<QPushButton>(box, "confirmRemoveButton");
    QVERIFY(confirmRemoveButton);
    QTest::mouseClick(confirmRemoveButton, Qt::LeftButton);

    // DELETE is refused: the list without it, after asking.
    auto *dialog = waitForFullListDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->count(ui::FullListPlanModel::Change::Removed), 1);
    QCOMPARE(dialog->model()->count(ui::FullListPlanModel::Change::Kept), 4);
    QCOMPARE(tenant.assignmentsOf(esp).size(), 5);
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tenant.assignmentsOf(esp).size(), 4, kTimeoutMs);
    // The four others, byte for byte.
    QJsonArray others = m_espSeed;
    others.removeAt(1);
    QCOMPARE(tenant.assignmentsOf(esp), others);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), kTimeoutMs);
    QCOMPARE(questions.count, 1);
    waitForAssignments(4);
    tenant.setEspRefusesDelete(false);
    resetEsp();
}

void TestMainWindow::filterPickerOnBetaOnly()
{
    auto &tenant = m_server->tenant();
    const QString configId = tenant.configurationIdByName(QStringLiteral("Windows – corporate devices only"));
    const QString filterId = tenant.assignmentFilterIdByName(QStringLiteral("Windows 11 only"));
    const QString frontline = tenant.groupIdByName(QStringLiteral("Frontline Workers"));
    QVERIFY(!configId.isEmpty());
    QVERIFY(!filterId.isEmpty());
    QVERIFY(!frontline.isEmpty());
    waitForConfigurations();
    tenant.resetTrafficCounters();
    ExchangeRecorder calls(m_session->graph()); // to the end of the test: a late read of the filters counts
    selectConfiguration(configId);
    waitForAssignments(int(tenant.assignmentsOf(configId).size()));
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    auto *combo = child<QComboBox>(m_window.get(), "assignmentFilterCombo");
    auto *note = child<QLabel>(m_window.get(), "assignmentFilterNote");
    auto *exclude = child<QRadioButton>(m_window.get(), "filterExcludeRadio");
    QVERIFY(combo && note && exclude);
    // v1.0: not available, and the note says why.
    QVERIFY(combo->isVisible());
    QVERIFY(!combo->isEnabled());
    QVERIFY2(note->text().contains(QStringLiteral("beta")), qPrintable(note->text()));
    // The configuration and its assignments are read and the picker shown: the
    // filters were not asked for (and the one read counted below is beta's).
    QVERIFY(letQueuedWorkRun());
    QVERIFY2(calls.count("assignmentFilters") == 0, qPrintable(calls.describe()));
    for (const QByteArray &line : tenant.requestLog())
        QVERIFY2(!line.contains("assignmentFilters"), line.constData());

    switchApiVersion(ApiVersion::Beta);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->selectedConfigurationId(), configId, kTimeoutMs);
    // Read once, when needed; device filters only.
    QTRY_VERIFY_WITH_TIMEOUT(combo->isEnabled(), kTimeoutMs);
    QVERIFY(combo->count() > 2);
    QCOMPARE(combo->itemText(0), QStringLiteral("No filter"));
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY(!combo->itemText(i).contains(QStringLiteral("Managed apps")));
    pasteGroupId(frontline);
    combo->setFocus();
    const int index = combo->findData(filterId);
    QVERIFY(index > 0);
    combo->setCurrentIndex(index);
    QVERIFY(exclude->isEnabled());
    QTest::mouseClick(exclude, Qt::LeftButton);
    QVERIFY(exclude->isChecked());
    auto *preview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(preview);
    QTRY_VERIFY(preview->toPlainText().contains(filterId));
    QVERIFY(
        preview->toPlainText().contains(QStringLiteral("\"deviceAndAppManagementAssignmentFilterType\": \"exclude\"")));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("/beta/")));
    saveScreenshot(m_window.get(), QStringLiteral("main-window-beta-filter.png"));

    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY2(assignButton->isEnabled(), qPrintable(m_window->assignProblem()));
    QTest::mouseClick(assignButton, Qt::LeftButton);
    auto *createdAssignmentsView = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(createdAssignmentsView);
    QTRY_COMPARE_WITH_TIMEOUT(createdAssignmentsView->model()->rowCount(), 1, kTimeoutMs);
    // The stored assignment carries the filter.
    const QString expected = QStringLiteral("microsoft.graph.groupAssignmentTarget|") + frontline + QStringLiteral("||")
        + filterId + QStringLiteral("|exclude");
    QVERIFY2(
        tenantTargets(tenant, configId).contains(expected), qPrintable(tenantTargets(tenant, configId).join(u'\n')));
    int filterReads = 0;
    for (const QByteArray &line : tenant.requestLog())
        filterReads += line.contains("/assignmentFilters") ? 1 : 0;
    QCOMPARE(filterReads, 1);
    QVERIFY2(calls.count("/assignmentFilters") == 1, qPrintable(calls.describe()));
    // The table names the filter (beta columns are shown).
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(view);
    QVERIFY(!view->isColumnHidden(ui::AssignmentTableModel::FilterColumn));
    bool named = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < view->model()->rowCount(); ++r)
                named = named
                    || view->model()->index(r, ui::AssignmentTableModel::FilterColumn).data().toString()
                        == QStringLiteral("Exclude: Windows 11 only");
            return named;
        }(),
        kTimeoutMs);

    // Back on v1.0: the filter is neither offered nor sent.
    switchApiVersion(ApiVersion::V1);
    QVERIFY(!combo->isEnabled());
    QVERIFY(view->isColumnHidden(ui::AssignmentTableModel::FilterColumn));
    QTRY_VERIFY(preview->toPlainText().contains(QStringLiteral("/v1.0/")));
    QVERIFY(!preview->toPlainText().contains(QStringLiteral("deviceAndAppManagementAssignmentFilter")));

    // Another configuration starts with no target and no filter chosen.
    QVERIFY(combo->currentIndex() > 0);
    selectConfiguration(tenant.limitConfigurationId());
    auto *targetKindCombo = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(targetKindCombo);
    QTRY_COMPARE(combo->currentIndex(), 0); // "No filter"
    QCOMPARE(targetKindCombo->currentIndex(), -1);
}

void TestMainWindow::groupNamesDeletedGroupAndSource()
{
    auto &tenant = m_server->tenant();
    const QString contractors = tenant.configurationIdByName(QStringLiteral("Limit 3 devices – Contractors"));
    const QString deleted = tenant.deletedGroupId();
    const QString contractorsGroup = tenant.groupIdByName(QStringLiteral("Contractors"));
    waitForConfigurations();
    tenant.resetTrafficCounters();
    selectConfiguration(contractors);
    waitForAssignments(int(tenant.assignmentsOf(contractors).size()));
    auto *view = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(view);
    int deletedRow = -1;
    int groupRow = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        const QString subject = view->model()->index(r, ui::AssignmentTableModel::SubjectColumn).data().toString();
        if (subject == deleted)
            deletedRow = r;
        if (subject == contractorsGroup)
            groupRow = r;
    }
    QVERIFY(deletedRow >= 0 && groupRow >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(groupRow, ui::AssignmentTableModel::NameColumn).data().toString(),
        QStringLiteral("Contractors"), kTimeoutMs);
    const QModelIndex deletedName = view->model()->index(deletedRow, ui::AssignmentTableModel::NameColumn);
    QTRY_COMPARE_WITH_TIMEOUT(deletedName.data().toString(), QStringLiteral("Deleted group"), kTimeoutMs);
    QVERIFY(qvariant_cast<QFont>(deletedName.data(Qt::FontRole)).italic());
    // Names come in one batch request.
    int lookups = 0;
    for (const QByteArray &line : tenant.requestLog())
        lookups += line.startsWith("GET /v1.0/groups?") ? 1 : 0;
    QCOMPARE(lookups, 1);
    // v1.0 has no source column.
    QVERIFY(view->isColumnHidden(ui::AssignmentTableModel::SourceColumn));
    saveScreenshot(m_window.get(), QStringLiteral("main-window-names.png"));

    // Beta: the source column, and a policy-set assignment cannot be removed here.
    switchApiVersion(ApiVersion::Beta);
    QVERIFY(!view->isColumnHidden(ui::AssignmentTableModel::SourceColumn));
    const QString ios = tenant.configurationIdByName(QStringLiteral("iOS/iPadOS – block personal devices"));
    selectConfiguration(ios);
    waitForAssignments(1);
    QCOMPARE(view->model()->index(0, ui::AssignmentTableModel::SourceColumn).data().toString(),
        QStringLiteral("Policy set"));
    view->selectRow(0);
    auto *remove = child<QPushButton>(m_window.get(), "removeAssignmentButton");
    QVERIFY(remove);
    QVERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(QStringLiteral("policy set")), qPrintable(remove->toolTip()));
    selectConfiguration(contractors);
    waitForAssignments(int(tenant.assignmentsOf(contractors).size()));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(groupRow, ui::AssignmentTableModel::SourceColumn).data().toString(),
        QStringLiteral("Direct"), kTimeoutMs);
}

void TestMainWindow::historyListsTheWrites()
{
    auto &tenant = m_server->tenant();
    const QString journalPath = m_journalDir.filePath(QStringLiteral("audit.jsonl"));
    QCOMPARE(m_session->auditJournal()->filePath(), journalPath);
    waitForConfigurations();

    auto *dock = child<QDockWidget>(m_window.get(), "historyDock");
    auto *historyView = child<QTableView>(m_window.get(), "historyView");
    QVERIFY(dock && historyView);
    QVERIFY(!dock->isVisible());
    auto *action = m_window->findChild<QAction *>(QStringLiteral("historyAction"));
    QVERIFY(action);
    QSignalSpy reloaded(m_window.get(), &MainWindow::historyReloaded);
    auto *historyButton = child<QAbstractButton>(m_window.get(), "historyButton");
    QVERIFY(historyButton);
    QTest::mouseClick(historyButton, Qt::LeftButton);
    QTRY_VERIFY(inFront(dock));
    QTRY_VERIFY(reloaded.count() >= 1);
    QVERIFY(action->isChecked());
    const int earlier = historyView->model()->rowCount(); // writes of the tests before, if any ran
    // The header counts the writes in words; the journal's path is shown on demand.
    auto *status = child<QLabel>(m_window.get(), "historyStatus");
    QVERIFY(status);
    const auto writes = [](int n) {
        return n == 1 ? QStringLiteral("1 write") : QStringLiteral("%1 writes").arg(n);
    };
    QCOMPARE(status->text(),
        earlier == 0 && !QFile::exists(journalPath) ? QStringLiteral("No writes recorded yet.") : writes(earlier));
    QVERIFY(!status->text().contains(QDir::toNativeSeparators(journalPath)));
    auto *fileLabel = child<QLabel>(m_window.get(), "historyFileLabel");
    QVERIFY(fileLabel);
    QVERIFY(!fileLabel->isVisible());
    auto *historyFileButton = child<QPushButton>(m_window.get(), "historyFileButton");
    QVERIFY(historyFileButton);
    QTest::mouseClick(historyFileButton, Qt::LeftButton);
    QTRY_VERIFY(fileLabel->isVisible());
    QVERIFY2(fileLabel->text().endsWith(QDir::toNativeSeparators(journalPath)), qPrintable(fileLabel->text()));
    QTest::mouseClick(historyFileButton, Qt::LeftButton);
    QTRY_VERIFY(!fileLabel->isVisible());

    // A write while the History is open shows up when it is done, without a reload.
    selectConfiguration(tenant.limitConfigurationId());
    chooseTargetKind(AssignmentTarget::Kind::ConfigMgrCollection);
    typeCollectionId(QStringLiteral("HIS00001"));
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY2(assignButton->isEnabled(), qPrintable(m_window->assignProblem()));
    QTest::mouseClick(assignButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(historyView->model()->rowCount(), earlier + 1, kTimeoutMs);
    const auto cell = [historyView](int row, int column) {
        return historyView->model()->index(row, column).data().toString();
    };
    QCOMPARE(cell(0, ui::HistoryTableModel::ActionColumn), QStringLiteral("Create"));
    QCOMPARE(cell(0, ui::HistoryTableModel::OutcomeColumn), QStringLiteral("Succeeded"));
    QCOMPARE(cell(0, ui::HistoryTableModel::ConfigurationColumn), QStringLiteral("Limit 5 devices – Sales"));
    QVERIFY2(cell(0, ui::HistoryTableModel::TargetColumn).contains(QStringLiteral("HIS00001")),
        qPrintable(cell(0, ui::HistoryTableModel::TargetColumn)));
    QCOMPARE(cell(0, ui::HistoryTableModel::HttpStatusColumn), QStringLiteral("201"));
    QVERIFY(!cell(0, ui::HistoryTableModel::RequestIdColumn).isEmpty());
    QCOMPARE(status->text(), writes(earlier + 1)); // "1 write", not "1 write(s)"

    // Undo it (a delete), from the Created tab; the History catches up when it is back in front.
    auto *createdDock = child<QDockWidget>(m_window.get(), "createdDock");
    QVERIFY(createdDock);
    createdDock->raise();
    QTRY_VERIFY(!inFront(dock));
    auto *undo = child<QPushButton>(m_window.get(), "undoButton");
    QVERIFY(undo);
    QTRY_VERIFY(undo->isVisible() && undo->isEnabled());
    QTest::mouseClick(undo, Qt::LeftButton);
    QMessageBox *box = waitForMessageBox("undoConfirmation");
    QVERIFY(box);
    auto *confirmUndoButton = child<QPushButton>(box, "confirmUndoButton");
    QVERIFY(confirmUndoButton);
    QTest::mouseClick(confirmUndoButton, Qt::LeftButton);
    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_VERIFY_WITH_TIMEOUT(created->model()
                                 ->index(0, ui::CreatedAssignmentTableModel::StatusColumn)
                                 .data()
                                 .toString()
                                 .startsWith(QStringLiteral("Undone")),
        kTimeoutMs);
    QCOMPARE(historyView->model()->rowCount(), earlier + 1); // not re-read while hidden
    dock->raise();
    QTRY_VERIFY(inFront(dock));
    QTRY_COMPARE_WITH_TIMEOUT(historyView->model()->rowCount(), earlier + 2, kTimeoutMs);
    // An undo reads as one, not as a plain "Delete".
    QCOMPARE(cell(0, ui::HistoryTableModel::ActionColumn), QStringLiteral("Undo: delete"));
    QCOMPARE(cell(0, ui::HistoryTableModel::OutcomeColumn), QStringLiteral("Succeeded"));
    QCOMPARE(cell(0, ui::HistoryTableModel::HttpStatusColumn), QStringLiteral("204"));
    QVERIFY(historyView->model()
                ->index(0, ui::HistoryTableModel::ActionColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Undoes the assignment")));
    QCOMPARE(status->text(), writes(earlier + 2));

    // The ESP: the refused single POST, then the full list, with the group's name.
    resetEsp();
    assignEspToEngineering();
    auto *dialog = waitForFullListDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(historyView->model()->rowCount(), earlier + 4, kTimeoutMs);
    QCOMPARE(cell(0, ui::HistoryTableModel::ActionColumn), QStringLiteral("Send full list"));
    QCOMPARE(cell(0, ui::HistoryTableModel::OutcomeColumn), QStringLiteral("Succeeded"));
    QCOMPARE(cell(1, ui::HistoryTableModel::ActionColumn), QStringLiteral("Create"));
    QCOMPARE(cell(1, ui::HistoryTableModel::OutcomeColumn), QStringLiteral("Failed"));
    QCOMPARE(cell(1, ui::HistoryTableModel::HttpStatusColumn), QStringLiteral("400"));
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(0, ui::HistoryTableModel::TargetColumn).contains(QStringLiteral("Engineering")), kTimeoutMs);
    resetEsp();

    // An attempt without a result (the app died mid-write) reads as interrupted.
    AuditEntry attempt;
    attempt.time = QDateTime::currentDateTimeUtc().addSecs(-5);
    attempt.operationId = QStringLiteral("interrupted-operation");
    attempt.phase = AuditPhase::Attempt;
    attempt.action = AuditAction::Delete;
    attempt.tenant = QStringLiteral("Sandbox tenant");
    attempt.cloud = QStringLiteral("sandbox");
    attempt.apiVersion = QStringLiteral("v1.0");
    attempt.configurationId = tenant.limitConfigurationId();
    attempt.configurationName = QStringLiteral("Limit 5 devices – Sales");
    attempt.target = AssignmentTarget::allLicensedUsers();
    attempt.outcome = AuditOutcome::Pending;
    QVERIFY(AuditJournal(journalPath).append(attempt));
    auto *refreshHistoryButton = child<QPushButton>(m_window.get(), "refreshHistoryButton");
    QVERIFY(refreshHistoryButton);
    QTest::mouseClick(refreshHistoryButton, Qt::LeftButton);
    QCOMPARE(historyView->model()->rowCount(), earlier + 5);
    bool interrupted = false;
    for (int r = 0; r < historyView->model()->rowCount(); ++r)
        interrupted = interrupted
            || (historyView->model()->index(r, 0).data(ui::HistoryTableModel::OperationIdRole).toString()
                    == attempt.operationId
                && cell(r, ui::HistoryTableModel::OutcomeColumn) == QStringLiteral("Interrupted — outcome unknown"));
    QVERIFY(interrupted);
    QVERIFY(status->text().contains(QStringLiteral("interrupted")));
    saveScreenshot(m_window.get(), QStringLiteral("history.png"));

    // Ctrl+H hides it again (a window shortcut: the window must be the active one).
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(!dock->isVisible());
}

// History and Request log: one action each, checked exactly while its panel
// is open, whoever opens or closes it; opening brings the panel to the front.
void TestMainWindow::panelActionsFollowThePanelsWhateverShowsThem()
{
    waitForConfigurations();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *created = child<QDockWidget>(m_window.get(), "createdDock");
    auto *history = child<QDockWidget>(m_window.get(), "historyDock");
    auto *log = child<QDockWidget>(m_window.get(), "requestLogDock");
    auto *historyAction = m_window->findChild<QAction *>(QStringLiteral("historyAction"));
    auto *logAction = m_window->findChild<QAction *>(QStringLiteral("requestLogAction"));
    auto *historyButton = child<QToolButton>(m_window.get(), "historyButton");
    auto *logButton = child<QToolButton>(m_window.get(), "requestLogButton");
    QVERIFY(created && history && log && historyAction && logAction && historyButton && logButton);
    const auto inSync = [&] {
        return historyAction->isChecked() == !history->isHidden() && historyButton->isChecked() == !history->isHidden()
            && logAction->isChecked() == !log->isHidden() && logButton->isChecked() == !log->isHidden();
    };
    QVERIFY(history->isHidden() && log->isHidden() && inSync());

    // A screen reader toggles the toolbar button: the panel opens, in front of Created assignments.
    QAccessibleInterface *historyNode = QAccessible::queryAccessibleInterface(historyButton);
    QVERIFY(historyNode && historyNode->actionInterface());
    QVERIFY(historyNode->actionInterface()->actionNames().contains(QAccessibleActionInterface::toggleAction()));
    historyNode->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QTRY_VERIFY(inFront(history));
    QVERIFY(!inFront(created));
    QVERIFY(inSync());
    QVERIFY(historyAction->isChecked());

    // Ctrl+H, right after: hidden, and the button agrees.
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(history->isHidden());
    QVERIFY(inSync());

    // Open behind another tab: Ctrl+H, and a screen reader's toggle, bring it to the front instead of hiding it.
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(inFront(history));
    created->raise();
    QTRY_VERIFY(inFront(created) && !inFront(history));
    QVERIFY(historyAction->isChecked() && inSync());
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(inFront(history));
    QVERIFY(historyAction->isChecked() && inSync());
    created->raise();
    QTRY_VERIFY(!inFront(history));
    historyNode->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QTRY_VERIFY(inFront(history));
    QVERIFY(historyAction->isChecked() && inSync());

    // The panel's own Hide button: the action and the button follow.
    auto *hideHistoryButton = child<QPushButton>(m_window.get(), "hideHistoryButton");
    QVERIFY(hideHistoryButton);
    QTest::mouseClick(hideHistoryButton, Qt::LeftButton);
    QTRY_VERIFY(history->isHidden());
    QVERIFY(!historyAction->isChecked() && inSync());

    // The Request log the same way: a screen reader's press, its key, its Hide button.
    QAccessibleInterface *logNode = QAccessible::queryAccessibleInterface(logButton);
    QVERIFY(logNode && logNode->actionInterface());
    logNode->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QTRY_VERIFY(inFront(log));
    QVERIFY(logAction->isChecked() && inSync());
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(log->isHidden());
    QVERIFY(inSync());
    logNode->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
    QTRY_VERIFY(inFront(log));
    QVERIFY(inSync());
    // History opened now comes in front of the Request log; the log stays open behind it.
    historyAction->trigger();
    QTRY_VERIFY(inFront(history) && !inFront(log));
    QVERIFY(!log->isHidden() && inSync());
    auto *hideRequestLogButton = child<QPushButton>(m_window.get(), "hideRequestLogButton");
    QVERIFY(hideRequestLogButton);
    QTest::mouseClick(hideRequestLogButton, Qt::LeftButton);
    QTRY_VERIFY(log->isHidden());
    QVERIFY(!logAction->isChecked() && inSync());
}

// Not a check: a picture of the flow for reviews. Runs only with EA_SCREENSHOT_DIR set;
// README.md shows the pictures tools/screenshots.sh renders (tst_screenshots).
void TestMainWindow::readmeScreenshot()
{
    if (!screenshotsWanted())
        QSKIP("renders only with EA_SCREENSHOT_DIR set (tools/screenshots.sh)");
    waitForConfigurations();
    selectConfiguration(m_server->tenant().configurationIdByName(QStringLiteral("Limit 3 devices – Contractors")));
    chooseTargetKind(AssignmentTarget::Kind::IncludeGroup);
    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    auto *results = child<QTableView>(m_window.get(), "groupResultsView");
    QVERIFY(search && results);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("Marketing"));
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() > 2, kTimeoutMs);
    int row = -1;
    for (int r = 0; r < results->model()->rowCount(); ++r) {
        if (results->model()->index(r, 0).data().toString().startsWith(QStringLiteral("Marketing –")))
            row = r;
    }
    QVERIFY(row >= 0);
    QTest::mouseClick(
        results->viewport(), Qt::LeftButton, {}, results->visualRect(results->model()->index(row, 0)).center());
    auto *assignButton = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY(assignButton->isEnabled());
    QTest::mouseClick(assignButton, Qt::LeftButton);
    auto *createdAssignmentsView = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(createdAssignmentsView);
    QTRY_COMPARE_WITH_TIMEOUT(createdAssignmentsView->model()->rowCount(), 1, kTimeoutMs);

    chooseTargetKind(AssignmentTarget::Kind::ExcludeGroup);
    search->setFocus();
    search->selectAll();
    QTest::keyClicks(search, QStringLiteral("Finance"));
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() == 2, kTimeoutMs);
    QTest::mouseClick(
        results->viewport(), Qt::LeftButton, {}, results->visualRect(results->model()->index(0, 0)).center());
    QTRY_VERIFY(assignButton->isEnabled());
    QTest::qWait(300); // only for the picture (this runs only for screenshots): group names come in
    saveScreenshot(m_window.get(), QStringLiteral("main-window.png"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
