// Keyboard and accessibility: the whole assign flow with the keyboard alone
// (every key goes to the widget that has the focus, as on a real keyboard; no
// setFocus, no mouse), ending with the assignment in the sandbox tenant; and
// every interactive widget of the main window and of each dialog has an
// accessible name for screen readers.

#include "AppSettings.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "auth/TenantProfile.h"
#include "models/ConfigurationTableModel.h"
#include "models/CreatedAssignmentTableModel.h"
#include "models/GroupResultModel.h"
#include "sandbox/SandboxServer.h"
#include "service/AssignmentService.h"
#include "service/Session.h"
#include "widgets/AboutDialog.h"
#include "widgets/AccessTokenDialog.h"
#include "widgets/FullListConfirmationDialog.h"
#include "widgets/PreferencesDialog.h"
#include "widgets/ProfileDialog.h"
#include "widgets/WelcomeDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::sandbox::SandboxServer;
using ea::ui::MainWindow;
using namespace ea::testing;

namespace {

// The key goes where the keyboard focus is.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClick(focus, key, modifiers);
}

void type(const QString &text)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "nothing has the keyboard focus");
    QTest::keyClicks(focus, text);
}

QString focusName()
{
    QWidget *focus = QApplication::focusWidget();
    return focus ? focus->objectName() : u"(none)"_s;
}

// Tab until the named widget has the focus; fails after a full lap.
bool tabTo(const QString &objectName, int maxPresses = 30)
{
    for (int i = 0; i < maxPresses; ++i) {
        if (focusName() == objectName)
            return true;
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return false;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return focusName() == objectName;
}

// Interactive widgets that must carry an accessible name; returns how many were checked.
int checkAccessibleNames(QWidget *top, QStringList *unnamed)
{
    int checked = 0;
    const QList<QWidget *> widgets = interactiveWidgets(top);
    for (QWidget *w : widgets) {
        // Also the parts Qt builds inside a spin box or a combo box, and a combo box's popup.
        QWidget *parent = w->parentWidget();
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent)
            || (w->window() != top && w->window()->inherits("QComboBoxPrivateContainer")))
            continue;
        ++checked;
        if (w->accessibleName().isEmpty())
            *unnamed << u"%1 (%2) in %3"_s.arg(
                w->objectName(), QString::fromLatin1(w->metaObject()->className()), top->objectName());
    }
    return checked;
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void wholeAssignFlowWithTheKeyboardOnly();
    void everyInteractiveWidgetInTheWindowAndItsDialogsIsNamed();

private:
    QTemporaryDir m_tempDir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tempDir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestKeyboard::init()
{
    m_session = makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_tempDir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    m_window->activateWindow(); // setActiveWindow is deprecated from 6.5 (an error with warnings as errors)
#else
    QApplication::setActiveWindow(m_window.get());
#endif
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestKeyboard::cleanup()
{
    m_window.reset();
    m_session.reset();
}

void TestKeyboard::wholeAssignFlowWithTheKeyboardOnly()
{
    auto *configurations = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(configurations);
    QTRY_VERIFY_WITH_TIMEOUT(configurations->model()->rowCount() > 5, kTimeoutMs);
    const QString configurationId = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    QVERIFY(!configurationId.isEmpty());

    // Ctrl+F: the filter; type; Down moves into the list and picks the first row.
    press(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(focusName(), u"configurationFilterEdit"_s);
    type(u"Limit 3 devices"_s);
    QTRY_COMPARE(configurations->model()->rowCount(), 1);
    press(Qt::Key_Down);
    QCOMPARE(focusName(), u"configurationsView"_s);
    QTRY_COMPARE(m_window->selectedConfigurationId(), configurationId);

    // Tab and Shift+Tab leave the table at once (no walk through its cells).
    press(Qt::Key_Backtab);
    QCOMPARE(focusName(), u"configurationFilterEdit"_s);
    press(Qt::Key_Tab);
    QCOMPARE(focusName(), u"configurationsView"_s);

    // On through the current assignments to the target type: Include group.
    QVERIFY2(tabTo(u"targetKindCombo"_s, 4), qPrintable(focusName()));
    auto *kind = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(kind);
    for (int i = 0; i < kind->count() && kind->currentData().toInt() != int(AssignmentTarget::Kind::IncludeGroup); ++i)
        press(Qt::Key_Down);
    QCOMPARE(kind->currentData().toInt(), int(AssignmentTarget::Kind::IncludeGroup));

    // The group search is the next stop; Down moves into the results and picks the first.
    press(Qt::Key_Tab);
    QCOMPARE(focusName(), u"groupSearchEdit"_s);
    type(u"Marketing"_s);
    auto *results = child<QTableView>(m_window.get(), "groupResultsView");
    QVERIFY(results);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() > 0, kTimeoutMs);
    press(Qt::Key_Down);
    QCOMPARE(focusName(), u"groupResultsView"_s);
    const QString groupId = results->currentIndex().data(ui::GroupResultModel::GroupIdRole).toString();
    QVERIFY(!groupId.isEmpty());
    auto *preview = child<QPlainTextEdit>(m_window.get(), "requestPreview");
    QVERIFY(preview);
    QTRY_VERIFY(preview->toPlainText().contains(groupId));

    // Ctrl+Shift+C: the request as curl, with the token left out.
    QGuiApplication::clipboard()->clear();
    press(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.contains(u"| curl -H @- -X POST"_s) && copied.contains(groupId), qPrintable(copied));
    QVERIFY(!copied.contains(m_server->accessToken()));

    // Tab reaches Assign (through the preview and Copy as); Space presses it.
    auto *assign = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assign);
    QTRY_VERIFY(assign->isEnabled());
    QVERIFY2(tabTo(u"assignButton"_s, 10), qPrintable(focusName()));
    press(Qt::Key_Space);

    auto *created = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(created);
    QTRY_COMPARE_WITH_TIMEOUT(created->model()->rowCount(), 1, kTimeoutMs);
    bool inTenant = false;
    const QJsonArray assignments = m_server->tenant().assignmentsOf(configurationId);
    for (const QJsonValue &a : assignments) {
        inTenant = inTenant || a.toObject().value(u"target"_s).toObject().value(u"groupId"_s).toString() == groupId;
    }
    QVERIFY2(inTenant, "the sandbox tenant has no assignment to the picked group");
}

void TestKeyboard::everyInteractiveWidgetInTheWindowAndItsDialogsIsNamed()
{
    QStringList unnamed;
    auto *configurationsView = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(configurationsView);
    QTRY_VERIFY_WITH_TIMEOUT(configurationsView->model()->rowCount() > 5, kTimeoutMs);
    int checked = checkAccessibleNames(m_window.get(), &unnamed);
    QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));

    ui::AboutDialog about;
    about.setObjectName(u"aboutDialog"_s);
    checked += checkAccessibleNames(&about, &unnamed);
    ui::AccessTokenDialog token;
    token.setObjectName(u"accessTokenDialog"_s);
    checked += checkAccessibleNames(&token, &unnamed);
    ui::ProfileDialog profile {auth::TenantProfile {}};
    profile.setObjectName(u"profileDialog"_s);
    checked += checkAccessibleNames(&profile, &unnamed);
    ui::WelcomeDialog welcome;
    welcome.setObjectName(u"welcomeDialog"_s);
    checked += checkAccessibleNames(&welcome, &unnamed);
    QSettings settings(m_tempDir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ui::AppSettings appSettings(&settings);
    ui::PreferencesDialog preferences(&appSettings);
    checked += checkAccessibleNames(&preferences, &unnamed);
    FullListPlan plan;
    plan.configurationId = u"c"_s;
    plan.configurationName = u"ESP"_s;
    plan.added << AssignmentTarget::allDevices();
    ui::FullListConfirmationDialog fullList(plan, u"Why"_s, [](bool) {});
    checked += checkAccessibleNames(&fullList, &unnamed);

    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    QVERIFY2(checked >= 40, qPrintable(QString::number(checked)));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
