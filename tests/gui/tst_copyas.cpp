// Copy as on the main window's request preview, against the sandbox tenant:
// the clipboard gets exactly the request the preview shows, as curl or
// PowerShell, on the session's host, and never the token (which the test
// knows: it is the sandbox's).

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "graph/RequestExport.h"
#include "models/ConfigurationTableModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/CopyAsMenu.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::sandbox::SandboxServer;
using ea::ui::CopyAsMenu;
using ea::ui::MainWindow;
using namespace ea::testing;

class TestCopyAs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void nothingToCopyBeforeThereIsARequest();
    void copiesThePreviewedRequestWithoutTheToken();
    void previewContextMenuOffersCopyAs();
    void screenReaderOpensTheMenuAndPicksACopy();
    void editMenuOffersTheThreeCopies();

private:
    void selectConfigurationAndAllDevices();
    CopyAsMenu *previewMenu() const { return child<CopyAsMenu>(m_window.get(), "previewCopyAsMenu"); }
    RequestPreview expectedRequest() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestCopyAs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestCopyAs::init()
{
    m_session = makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_dir.filePath(u"audit.jsonl"_s),
        .tenantLabel = {}});
    QVERIFY(m_session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QGuiApplication::clipboard()->clear();
}

void TestCopyAs::cleanup()
{
    m_window.reset();
    m_session.reset();
}

void TestCopyAs::selectConfigurationAndAllDevices()
{
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 5, kTimeoutMs);
    const QString configId = m_server->tenant().limitConfigurationId();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ui::ConfigurationTableModel::IdRole).toString() == configId)
            view->selectRow(row);
    }
    QTRY_COMPARE(m_window->selectedConfigurationId(), configId);
    auto *kind = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(int(AssignmentTarget::Kind::AllDevices)));
    auto *requestPreview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(requestPreview);
    QTRY_VERIFY(!requestPreview->toPlainText().isEmpty());
}

RequestPreview TestCopyAs::expectedRequest() const
{
    const AssignmentService *service = m_session->assignments();
    return service->preview(
        service->createAssignmentRequest(m_server->tenant().limitConfigurationId(), AssignmentTarget::allDevices()));
}

void TestCopyAs::nothingToCopyBeforeThereIsARequest()
{
    auto *button = child<QPushButton>(m_window.get(), "previewCopyAsButton");
    QVERIFY(button);
    QVERIFY(!button->accessibleName().isEmpty());
    QVERIFY(!button->isEnabled());
    QVERIFY(!previewMenu()->curlAction()->isEnabled());
    previewMenu()->curlAction()->trigger(); // a disabled action does nothing
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestCopyAs::copiesThePreviewedRequestWithoutTheToken()
{
    const QString token = m_server->accessToken();
    selectConfigurationAndAllDevices();
    auto *button = child<QPushButton>(m_window.get(), "previewCopyAsButton");
    QVERIFY(button);
    QTRY_VERIFY(button->isEnabled());
    QCOMPARE(button->menu(), previewMenu());
    QClipboard *clipboard = QGuiApplication::clipboard();
    const RequestPreview expected = expectedRequest();
    const QString url = m_server->url().toString() + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations/"_s
        + m_server->tenant().limitConfigurationId() + u"/assignments"_s;

    previewMenu()->curlAction()->trigger();
    const QString curl = clipboard->text();
    QCOMPARE(curl, requestexport::toCurl(expected));
    QVERIFY2(curl.startsWith(u"printf 'Authorization: Bearer %s\\n' \"$GRAPH_ACCESS_TOKEN\" | curl -H @- -X POST '"_s
                 + url + u'\''),
        qPrintable(curl));
    QVERIFY(curl.contains(u"allDevicesAssignmentTarget"_s));
    QVERIFY(!curl.contains(token));

    previewMenu()->powerShellAction()->trigger();
    const QString powerShell = clipboard->text();
    QCOMPARE(powerShell, requestexport::toPowerShell(expected));
    QVERIFY(powerShell.startsWith(u"Invoke-MgGraphRequest -Method POST -Uri '"_s + url + u'\''));
    QVERIFY(powerShell.endsWith(u"-ContentType 'application/json'"_s));
    QVERIFY(!powerShell.contains(token));

    // The sandbox is on 127.0.0.1: Graph Explorer could not open it.
    QVERIFY(!previewMenu()->graphExplorerAction()->isEnabled());
    previewMenu()->graphExplorerAction()->trigger();
    QCOMPARE(clipboard->text(), powerShell);
    QVERIFY(!clipboard->text().contains(token));

    // The status bar says what was copied.
    QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
}

void TestCopyAs::previewContextMenuOffersCopyAs()
{
    selectConfigurationAndAllDevices();
    auto *preview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(preview);
    QCOMPARE(preview->contextMenuPolicy(), Qt::CustomContextMenu);
    Q_EMIT preview->customContextMenuRequested(QPoint(10, 10));
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = m_window->findChild<QMenu *>(u"previewContextMenu"_s)) && menu->isVisible());
    const QList<QAction *> actions = menu->actions();
    QVERIFY(actions.contains(previewMenu()->curlAction()));
    QVERIFY(actions.contains(previewMenu()->powerShellAction()));
    QVERIFY(actions.contains(previewMenu()->graphExplorerAction()));
    // The preview's own entries (Copy, Select All) stay.
    QVERIFY(actions.size() > 4);
    previewMenu()->curlAction()->trigger();
    menu->close();
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(u"printf 'Authorization: Bearer %s\\n' "_s));
}

// The Copy as button through the accessibility interface, as a screen reader
// drives it: its action opens the menu, whose items it reads and presses.
void TestCopyAs::screenReaderOpensTheMenuAndPicksACopy()
{
    selectConfigurationAndAllDevices();
    auto *button = child<QPushButton>(m_window.get(), "previewCopyAsButton");
    QVERIFY(button);
    QTRY_VERIFY(button->isEnabled());
    QAccessibleInterface *node = QAccessible::queryAccessibleInterface(button);
    QVERIFY(node && node->actionInterface());
    QCOMPARE(node->role(), QAccessible::ButtonMenu);
    const QStringList names = node->actionInterface()->actionNames();
    QVERIFY2(names.contains(QAccessibleActionInterface::showMenuAction()), qPrintable(names.join(u", "_s)));

    // The menu runs while it is open: what the screen reader does there runs from a timer.
    QStringList items;
    bool shown = false;
    QTimer::singleShot(0, this, [&] {
        CopyAsMenu *menu = previewMenu();
        shown = menu->isVisible();
        QAccessibleInterface *menuNode = QAccessible::queryAccessibleInterface(menu);
        for (int i = 0; menuNode && i < menuNode->childCount(); ++i) {
            QAccessibleInterface *item = menuNode->child(i);
            items << item->text(QAccessible::Name);
            if (item->text(QAccessible::Name) == u"Copy as PowerShell"_s && item->actionInterface())
                item->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        }
        menu->close();
    });
    node->actionInterface()->doAction(QAccessibleActionInterface::showMenuAction());
    QTRY_VERIFY(!previewMenu()->isVisible());
    QVERIFY(shown);
    QCOMPARE(items, (QStringList {u"Copy as curl"_s, u"Copy as PowerShell"_s, u"Copy as Graph Explorer link"_s}));
    QCOMPARE(QGuiApplication::clipboard()->text(), requestexport::toPowerShell(expectedRequest()));
}

// The same three copies in the Edit menu, enabled as the Copy as menu's are.
void TestCopyAs::editMenuOffersTheThreeCopies()
{
    auto *edit = child<QMenu>(m_window.get(), "editMenu");
    QVERIFY(edit);
    QAction *curl = child<QAction>(m_window.get(), "copyRequestAsCurlAction");
    QAction *powerShell = child<QAction>(m_window.get(), "copyRequestAsPowerShellAction");
    QAction *explorer = child<QAction>(m_window.get(), "copyRequestAsGraphExplorerAction");
    QVERIFY(curl && powerShell && explorer);
    for (QAction *a : {curl, powerShell, explorer})
        QVERIFY2(edit->actions().contains(a), qPrintable(a->objectName()));
    QCOMPARE(curl->text(), u"Copy the request as &curl"_s);
    QCOMPARE(powerShell->text(), u"Copy the request as &PowerShell"_s);
    QCOMPARE(explorer->text(), u"Copy the request as a &Graph Explorer link"_s);
    // Nothing to copy yet.
    QVERIFY(!curl->isEnabled() && !powerShell->isEnabled() && !explorer->isEnabled());

    selectConfigurationAndAllDevices();
    QTRY_VERIFY(curl->isEnabled() && powerShell->isEnabled());
    // The sandbox is on 127.0.0.1: Graph Explorer cannot open it, here as in the Copy as menu.
    QVERIFY(!explorer->isEnabled());
    QCOMPARE(explorer->isEnabled(), previewMenu()->graphExplorerAction()->isEnabled());

    powerShell->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), requestexport::toPowerShell(expectedRequest()));
    // Ctrl+Shift+C copies the curl command from anywhere in the window.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), requestexport::toCurl(expectedRequest()));
}

QTEST_MAIN(TestCopyAs)
#include "tst_copyas.moc"
