// View › Priority order… (issue 16): one type's order as the tenant has it
// beside the order the admin arranges (buttons, Ctrl+Up/Down, drag; defaults
// last and locked), the setPriority requests previewed and copyable, Apply
// sending them one at a time with a re-read after each, a changed tenant
// refusing the plan, and History › Undo priority change putting a moved
// configuration back and checking the whole order.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the dialog (README).

#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "audit/AuditJournal.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxTenant.h"
#include "service/AssignmentService.h"
#include "service/Session.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/ErrorBanner.h"
#include "widgets/PriorityDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ea;
using namespace ea::testing;
using ea::sandbox::SandboxOptions;
using ea::sandbox::SandboxServer;
using ea::ui::PriorityDialog;

namespace {

QStringList rowsOf(const QListWidget *list)
{
    QStringList rows;
    for (int i = 0; i < list->count(); ++i)
        rows << list->item(i)->text();
    return rows;
}

} // namespace

class TestPriorityDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void showsTheSelectedTypesOrderWithTheDefaultLast();
    void arrangedOrderBecomesRequestsThatApplySendsOneByOne();
    void defaultsStayLastWhateverIsDropped();
    void anOrderChangedSinceShownSendsNothing();
    void historyUndoPutsTheConfigurationBack();
    void viewMenuOpensItOnlyWithATenant();

private:
    // A sandbox whose device-limit order has several ranked configurations when `longOrder`.
    void startTenant(bool longOrder);
    bool openOrderOf(PriorityDialog *dialog, const QString &configurationId);
    bool apply(PriorityDialog *dialog, bool expectOk);
    // Moves a configuration straight in the tenant, as another admin in the portal would.
    void moveInTenant(const QString &configurationId, int priority);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
};

void TestPriorityDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installTranslations(QLocale(QLocale::English)));
}

void TestPriorityDialog::startTenant(bool longOrder)
{
    SandboxOptions options;
    if (longOrder)
        options.extraConfigurations = 40; // deterministic: six ranked device limits
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    QFile::remove(m_dir.filePath(u"audit.jsonl"_s));
    m_session = makeSession({m_server->url(), m_server->accessToken(), m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
}

void TestPriorityDialog::cleanup()
{
    m_session.reset();
    m_server.reset();
}

bool TestPriorityDialog::openOrderOf(PriorityDialog *dialog, const QString &configurationId)
{
    QSignalSpy loaded(dialog, &PriorityDialog::loaded);
    dialog->showOrderOf(configurationId);
    return loaded.wait(kTimeoutMs) && loaded.first().first().toBool();
}

bool TestPriorityDialog::apply(PriorityDialog *dialog, bool expectOk)
{
    QSignalSpy applied(dialog, &PriorityDialog::applied);
    if (!dialog->applyButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    return applied.wait(kTimeoutMs) && applied.first().first().toBool() == expectOk;
}

void TestPriorityDialog::moveInTenant(const QString &configurationId, int priority)
{
    sandbox::HttpRequest request;
    request.method = "POST";
    request.rawTarget
        = "/beta/deviceManagement/deviceEnrollmentConfigurations/" + configurationId.toUtf8() + "/setPriority";
    request.url = QUrl::fromEncoded(request.rawTarget);
    request.headers
        = {{"Authorization", "Bearer " + m_server->accessToken().toUtf8()}, {"Content-Type", "application/json"}};
    request.body = "{\"priority\":" + QByteArray::number(priority) + '}';
    QCOMPARE(m_server->tenant().handle(request).status, 204);
}

void TestPriorityDialog::showsTheSelectedTypesOrderWithTheDefaultLast()
{
    startTenant(false);
    PriorityDialog dialog(m_session->assignments());
    dialog.show();
    const QString contractors = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    QVERIFY(openOrderOf(&dialog, contractors));
    QCOMPARE(dialog.typeBox()->currentText(), u"Device limit (2 ranked)"_s);
    const QStringList tenant {u"1. Limit 5 devices – Sales"_s, u"2. Limit 3 devices – Contractors"_s,
        u"Default: All users and all devices (applies last)"_s};
    QCOMPARE(rowsOf(dialog.tenantList()), tenant);
    QCOMPARE(rowsOf(dialog.plannedList()).mid(0, 2), tenant.mid(0, 2));
    QCOMPARE(dialog.stepList()->count(), 0);
    QVERIFY(!dialog.applyButton()->isEnabled()); // nothing arranged: nothing to send
    // Windows Hello for Business has no order: it is not offered.
    for (int i = 0; i < dialog.typeBox()->count(); ++i)
        QVERIFY2(
            !dialog.typeBox()->itemText(i).startsWith(u"Windows Hello"_s), qPrintable(dialog.typeBox()->itemText(i)));
}

// The admin moves the last one to the top with Ctrl+Up: one setPriority,
// previewed and copyable; Apply sends exactly it, re-reads, and the left side
// shows the tenant's new order.
void TestPriorityDialog::arrangedOrderBecomesRequestsThatApplySendsOneByOne()
{
    startTenant(true);
    PriorityDialog dialog(m_session->assignments());
    dialog.resize(1000, 660);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(openOrderOf(&dialog, m_server->tenant().limitConfigurationId()));
    const QStringList before = dialog.plannedIds();
    QVERIFY(before.size() >= 4);
    const QString last = before.constLast();

    dialog.plannedList()->setFocus();
    dialog.plannedList()->setCurrentRow(int(before.size()) - 1);
    for (qsizetype i = 0; i + 1 < before.size(); ++i)
        QTest::keyClick(dialog.plannedList(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(dialog.plannedIds().constFirst(), last);
    QCOMPARE(dialog.plannedList()->currentRow(), 0);
    QCOMPARE(dialog.stepList()->count(), 1);
    QVERIFY2(dialog.stepList()->item(0)->text().endsWith(u"to priority 1"_s),
        qPrintable(dialog.stepList()->item(0)->text()));
    const QString preview = child<QPlainTextEdit>(&dialog, "priorityRequestPreview")->toPlainText();
    QVERIFY2(preview.startsWith(u"POST "_s) && preview.contains(last + u"/setPriority"_s), qPrintable(preview));
    QVERIFY2(preview.contains(u"\"priority\": 1"_s), qPrintable(preview));
    auto *copyAs = child<ui::CopyAsMenu>(&dialog, "priorityCopyAsMenu");
    QVERIFY(copyAs);
    copyAs->updateActions();
    copyAs->curlAction()->trigger();
    QVERIFY2(QApplication::clipboard()->text().contains(last + u"/setPriority"_s),
        qPrintable(QApplication::clipboard()->text()));
    saveScreenshot(&dialog, u"priority-order.png"_s);

    m_server->tenant().resetTrafficCounters();
    QSignalSpy wrote(&dialog, &PriorityDialog::wrote);
    QVERIFY(apply(&dialog, true));
    QCOMPARE(wrote.size(), 1);
    QCOMPARE(m_server->tenant().writeCount(), 1);
    QStringList wanted = before;
    wanted.move(wanted.size() - 1, 0);
    for (qsizetype i = 0; i < wanted.size(); ++i)
        QCOMPARE(m_server->tenant().priorityOf(wanted.at(i)), int(i) + 1);
    QVERIFY2(
        dialog.tenantList()->item(0)->text().startsWith(u"1. "_s), qPrintable(dialog.tenantList()->item(0)->text()));
    QCOMPARE(dialog.stepList()->count(), 0); // the re-read order is the arranged one
    QVERIFY2(dialog.statusText().contains(u"is the one you arranged"_s), qPrintable(dialog.statusText()));
}

void TestPriorityDialog::defaultsStayLastWhateverIsDropped()
{
    startTenant(false);
    PriorityDialog dialog(m_session->assignments());
    dialog.show();
    QVERIFY(openOrderOf(&dialog, m_server->tenant().limitConfigurationId()));
    QListWidget *planned = dialog.plannedList();
    QCOMPARE(planned->count(), 3);
    // The default row: selectable for reading, but no button moves it.
    planned->setCurrentRow(2);
    QVERIFY(!child<QPushButton>(&dialog, "priorityUpButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "priorityDownButton")->isEnabled());
    QVERIFY(!(planned->item(2)->flags() & Qt::ItemIsDragEnabled));
    // What a drop of the first row below the default does to the model.
    const QString first = dialog.plannedIds().constFirst();
    QVERIFY(planned->model()->moveRow({}, 0, {}, 3));
    QTRY_VERIFY(planned->item(2)->text().startsWith(u"Default: "_s));
    QCOMPARE(dialog.plannedIds().constLast(), first);
    QCOMPARE(dialog.stepList()->count(), 1);
}

// Someone else moved a configuration after the dialog read the order: Apply
// refuses with nothing sent and shows the order as it is now.
void TestPriorityDialog::anOrderChangedSinceShownSendsNothing()
{
    startTenant(true);
    PriorityDialog dialog(m_session->assignments());
    dialog.show();
    QVERIFY(openOrderOf(&dialog, m_server->tenant().limitConfigurationId()));
    const QStringList shown = dialog.plannedIds();
    const QString lastName = dialog.tenantList()->item(int(shown.size()) - 1)->text().section(u". "_s, 1);
    dialog.plannedList()->setCurrentRow(0);
    dialog.moveSelected(1);
    QCOMPARE(dialog.stepList()->count(), 1);
    moveInTenant(shown.constLast(), 1);
    m_server->tenant().resetTrafficCounters();

    QSignalSpy reloaded(&dialog, &PriorityDialog::loaded);
    QVERIFY(apply(&dialog, false));
    QCOMPARE(m_server->tenant().writeCount(), 0);
    QVERIFY2(dialog.errorBanner()->summaryText().contains(u"changed since it was shown"_s),
        qPrintable(dialog.errorBanner()->summaryText()));
    QVERIFY(reloaded.wait(kTimeoutMs));
    QCOMPARE(dialog.tenantList()->item(0)->text(), u"1. "_s + lastName);
}

// A priority change in the History can be undone: the dialog opens with the
// moved configuration back at its old priority, Apply sends that one request,
// and the whole order is compared with the journal's order before the change.
void TestPriorityDialog::historyUndoPutsTheConfigurationBack()
{
    startTenant(false);
    const QString sales = m_server->tenant().limitConfigurationId();
    const QString contractors = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    bool changed = false;
    m_session->assignments()->setPriority(
        contractors, 1, this, [&](const Result<PriorityChange> &r) { changed = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(changed, kTimeoutMs);
    QCOMPARE(m_server->tenant().priorityOf(contractors), 1);

    ui::MainWindow window(m_session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    child<QAction>(&window, "historyAction")->trigger();
    auto *history = child<QTableView>(&window, "historyView");
    QTRY_VERIFY(history->model()->rowCount() >= 1);
    auto *undo = child<QPushButton>(&window, "undoPriorityButton");
    QVERIFY(undo && !undo->isEnabled());
    history->setCurrentIndex(history->model()->index(0, 0));
    QVERIFY(undo->isEnabled());
    QTest::mouseClick(undo, Qt::LeftButton);
    auto *dialog = window.findChild<PriorityDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->stepList()->count(), 1);
    QCOMPARE(dialog->plannedIds(), (QStringList {sales, contractors}));
    QVERIFY2(dialog->statusText().contains(u"goes back to priority 2"_s), qPrintable(dialog->statusText()));
    dialog->resize(900, 560);
    saveScreenshot(dialog, u"priority-undo.png"_s);

    m_server->tenant().resetTrafficCounters();
    QVERIFY(apply(dialog, true));
    QCOMPARE(m_server->tenant().writeCount(), 1);
    QCOMPARE(m_server->tenant().priorityOf(sales), 1);
    QCOMPARE(m_server->tenant().priorityOf(contractors), 2);
    QVERIFY2(
        dialog->statusText().contains(u"It is the order from before the change"_s), qPrintable(dialog->statusText()));
    // The journal has the undo as a priority change of its own, and the History shows it.
    QTRY_COMPARE(history->model()->rowCount(), 2);
    dialog->close();
}

void TestPriorityDialog::viewMenuOpensItOnlyWithATenant()
{
    {
        ui::MainWindow window(nullptr);
        auto *action = child<QAction>(&window, "priorityAction");
        QVERIFY(action && !action->isEnabled());
    }
    startTenant(false);
    ui::MainWindow window(m_session.get());
    auto *action = child<QAction>(&window, "priorityAction");
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<PriorityDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy loaded(dialog, &PriorityDialog::loaded);
    QVERIFY(loaded.wait(kTimeoutMs));
    dialog->close();
}

QTEST_MAIN(TestPriorityDialog)
#include "tst_prioritydialog.moc"
