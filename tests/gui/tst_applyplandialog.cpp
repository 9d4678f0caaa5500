// File › Apply plan… (issue 17): a plan with a bad row lists it with its line
// and sends nothing; a good plan shows its whole diff, runs with a progress
// bar to the end and leaves the planned state, and choosing it again shows
// nothing to do; Cancel stops between writes and the plan chosen again
// writes only the rest. An export's JSON opens too: what no row can carry is
// shown as "Left out", the rest as adds without a line.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the dialog with its progress (README).

#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/ApplyPlanDialog.h"

#include <QAction>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ea;
using namespace ea::testing;
using ea::sandbox::SandboxServer;
using ea::ui::ApplyPlanDialog;

class TestApplyPlanDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void badRowIsListedWithItsLineAndNothingIsSent();
    void diffThenRunWithProgressToThePlannedState();
    void cancelStopsBetweenWritesAndTheRestRunsLater();
    void exportJsonShowsLeftOutAndAddsTheRest();
    void fileMenuOpensItOnlyWithATenant();

private:
    QString writePlan(const QByteArray &rows);
    QByteArray collectionRows(int count) const;

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
};

void TestApplyPlanDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installTranslations(QLocale(QLocale::English)));
}

void TestApplyPlanDialog::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_server->tenant().setAssignments(m_server->tenant().limitConfigurationId(), {});
    m_session = makeSession({m_server->url(), m_server->accessToken(), m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
}

void TestApplyPlanDialog::cleanup()
{
    m_session.reset();
    m_server.reset();
}

QString TestApplyPlanDialog::writePlan(const QByteArray &rows)
{
    const QString path = m_dir.filePath(u"plan.csv"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write the plan");
    file.write("configuration,action,target,filter,filterMode\n" + rows);
    return path;
}

QByteArray TestApplyPlanDialog::collectionRows(int count) const
{
    const QByteArray limit = m_server->tenant().limitConfigurationId().toLatin1();
    QByteArray rows;
    for (int i = 0; i < count; ++i)
        rows += limit + ",add,collection:JAX" + QByteArray::number(i, 16).rightJustified(5, '0').toUpper() + ",,\n";
    return rows;
}

void TestApplyPlanDialog::badRowIsListedWithItsLineAndNothingIsSent()
{
    ApplyPlanDialog dialog(m_session->assignments());
    dialog.show();
    QSignalSpy shown(&dialog, &ApplyPlanDialog::diffShown);
    dialog.openPlan(
        writePlan(collectionRows(2) + m_server->tenant().limitConfigurationId().toLatin1() + ",ad,all-devices,,\n"));
    QVERIFY(shown.size() == 1 || shown.wait(kTimeoutMs));
    QCOMPARE(shown.first().first().toBool(), false);
    QCOMPARE(dialog.diffTree()->topLevelItemCount(), 1);
    QCOMPARE(dialog.diffTree()->topLevelItem(0)->text(0), u"4"_s);
    QCOMPARE(dialog.diffTree()->topLevelItem(0)->text(2), u"action 'ad' is not add or remove"_s);
    QVERIFY(!dialog.applyButton()->isEnabled());
    QCOMPARE(m_server->tenant().requestCount(), 0);
}

void TestApplyPlanDialog::diffThenRunWithProgressToThePlannedState()
{
    // Paced like a tenant at its limit, so the progress is seen moving.
    WriteLimits limits;
    limits.writes = 20;
    limits.window = std::chrono::milliseconds(1000);
    m_session->writeGovernor()->setLimits(limits);
    const QByteArray esp = m_server->tenant().espConfigurationId().toLatin1();
    const QString path
        = writePlan(collectionRows(24) + esp + ",add,collection:SMS00001,,\n" + esp + ",add,collection:SMS00002,,\n");
    ApplyPlanDialog dialog(m_session->assignments());
    dialog.resize(900, 600);
    dialog.show();
    QSignalSpy shown(&dialog, &ApplyPlanDialog::diffShown);
    dialog.openPlan(path);
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(shown.first().first().toBool(), true);
    QCOMPARE(dialog.diffTree()->topLevelItemCount(), 2); // one row per configuration
    QCOMPARE(dialog.diffTree()->topLevelItem(0)->childCount(), 24);
    QCOMPARE(dialog.diffTree()->topLevelItem(0)->child(0)->text(1), u"Add"_s);
    // 24 single writes and one full list for the ESP's two rows.
    QVERIFY2(dialog.statusText().startsWith(u"25 writes to send: 26 to add, 0 to remove"_s),
        qPrintable(dialog.statusText()));
    QVERIFY(dialog.applyButton()->isEnabled());
    QCOMPARE(m_server->tenant().writeCount(), 0);

    QSignalSpy finished(&dialog, &ApplyPlanDialog::runFinished);
    bool screenshotTaken = false;
    int highest = 0;
    connect(dialog.progressBar(), &QProgressBar::valueChanged, this, [&](int value) {
        highest = std::max(highest, value);
        if (!screenshotTaken && value >= 12) {
            screenshotTaken = true;
            saveScreenshot(&dialog, u"apply-plan-progress.png"_s);
        }
    });
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QVERIFY(dialog.cancelButton()->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(dialog.progressBar()->maximum(), 25);
    QCOMPARE(highest, 25);
    QVERIFY(!dialog.cancelButton()->isEnabled());
    QVERIFY2(dialog.statusText().startsWith(u"25 written, 0 found done already, 0 failed, 0 not run"_s),
        qPrintable(dialog.statusText()));
    QCOMPARE(m_server->tenant().assignmentsOf(m_server->tenant().limitConfigurationId()).size(), 24);
    QCOMPARE(m_server->tenant().writeCount(), 25);

    // Chosen again: nothing to do, nothing sent.
    shown.clear();
    dialog.openPlan(path);
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(dialog.statusText(), u"Nothing to do: the tenant is already as the plan says."_s);
    QVERIFY(!dialog.applyButton()->isEnabled());
    QCOMPARE(m_server->tenant().writeCount(), 25);
}

void TestApplyPlanDialog::cancelStopsBetweenWritesAndTheRestRunsLater()
{
    WriteLimits slow;
    slow.writes = 10;
    slow.window = std::chrono::milliseconds(1000);
    m_session->writeGovernor()->setLimits(slow);
    const QString path = writePlan(collectionRows(30));
    ApplyPlanDialog dialog(m_session->assignments());
    dialog.show();
    QSignalSpy shown(&dialog, &ApplyPlanDialog::diffShown);
    dialog.openPlan(path);
    QVERIFY(shown.wait(kTimeoutMs));
    QSignalSpy finished(&dialog, &ApplyPlanDialog::runFinished);
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.progressBar()->value() >= 3, kTimeoutMs);
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().first().toBool(), false);
    const int written = m_server->tenant().writeCount();
    QVERIFY2(written >= 3 && written < 30, qPrintable(QString::number(written)));
    QVERIFY2(dialog.statusText().contains(u"not run"_s), qPrintable(dialog.statusText()));

    // The plan chosen again: only the rest.
    shown.clear();
    dialog.openPlan(path);
    QVERIFY(shown.wait(kTimeoutMs));
    QVERIFY2(dialog.statusText().startsWith(QString::number(30 - written) + u" writes to send"_s),
        qPrintable(dialog.statusText()));
}

void TestApplyPlanDialog::exportJsonShowsLeftOutAndAddsTheRest()
{
    const QByteArray limit = m_server->tenant().limitConfigurationId().toLatin1();
    const QByteArray json = R"({"format": "enrollment-assigner-export", "version": 1,
        "exportedAt": "2026-12-03T10:00:00Z", "graphVersion": "beta", "groups": {}, "configurations": [
        {"id": ")"
        + limit + R"(", "@odata.type": "#microsoft.graph.deviceEnrollmentLimitConfiguration",
         "displayName": "Limit 5 devices – Sales", "priority": 1, "assignments": [
          {"id": "a1", "target": {"@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget",
           "collectionId": "SMS00001"}},
          {"id": "a2", "source": "policySets", "sourceId": "ps1",
           "target": {"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}},
          {"id": "a3", "target": {"@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget",
           "collectionId": "SMS00002"}}]}]})";
    const QString path = m_dir.filePath(u"export.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);
    file.close();

    ApplyPlanDialog dialog(m_session->assignments());
    dialog.show();
    QSignalSpy shown(&dialog, &ApplyPlanDialog::diffShown);
    dialog.openPlan(path);
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(shown.first().first().toBool(), true);
    QTreeWidget *tree = dialog.diffTree();
    QCOMPARE(tree->topLevelItemCount(), 2);
    // First what is left out, with the entry and why; then the configuration's adds, which have no line.
    QTreeWidgetItem *leftOut = tree->topLevelItem(0);
    QVERIFY2(
        leftOut->text(0).startsWith(u"Left out: 1 assignment cannot be carried over"_s), qPrintable(leftOut->text(0)));
    QCOMPARE(leftOut->childCount(), 1);
    QVERIFY2(leftOut->child(0)->text(2).startsWith(u"assignment 2 of 'Limit 5 devices – Sales'"_s)
            && leftOut->child(0)->text(2).contains(u"policy set ps1"_s),
        qPrintable(leftOut->child(0)->text(2)));
    QTreeWidgetItem *configuration = tree->topLevelItem(1);
    QCOMPARE(configuration->childCount(), 2);
    QCOMPARE(configuration->child(0)->text(0), QString());
    QCOMPARE(configuration->child(0)->text(1), u"Add"_s);
    QCOMPARE(configuration->child(1)->text(2), u"collection:SMS00002"_s);
    QVERIFY2(
        dialog.statusText().startsWith(u"2 writes to send: 2 to add, 0 to remove"_s), qPrintable(dialog.statusText()));
    QCOMPARE(m_server->tenant().writeCount(), 0);

    QSignalSpy finished(&dialog, &ApplyPlanDialog::runFinished);
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(m_server->tenant().writeCount(), 2);
    QCOMPARE(m_server->tenant().assignmentsOf(m_server->tenant().limitConfigurationId()).size(), 2);
}

void TestApplyPlanDialog::fileMenuOpensItOnlyWithATenant()
{
    {
        ui::MainWindow window(nullptr);
        auto *action = child<QAction>(&window, "applyPlanAction");
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
    }
    ui::MainWindow window(m_session.get());
    auto *action = child<QAction>(&window, "applyPlanAction");
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<ApplyPlanDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->close();
}

QTEST_MAIN(TestApplyPlanDialog)
#include "tst_applyplandialog.moc"
