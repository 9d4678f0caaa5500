// File › Restore assignments… (issue 17): an export file planned against the
// sandbox (what is replaced, added back, deleted, left out), the question
// before anything is sent, the writes with progress, and the plan made again
// afterwards; a file that is not an export reads and sends nothing.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the plan (README).

#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "domain/TenantExport.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxTenant.h"
#include "service/AssignmentService.h"
#include "service/ReportService.h"
#include "service/Session.h"
#include "widgets/ErrorBanner.h"
#include "widgets/RestoreDialog.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QMessageBox>
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
using ea::sandbox::SandboxTenant;
using ea::ui::RestoreDialog;

namespace {

QTreeWidgetItem *rowOf(QTreeWidget *tree, const QString &configurationName)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == configurationName)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestRestoreDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void plansAsksThenRestoresAndPlansAgain();
    void aFileThatIsNotAnExportReadsAndSendsNothing();
    void fileMenuOpensItOnlyWithATenant();

private:
    // The tenant as an export file, as `export` writes it.
    QString writeExport();

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
};

void TestRestoreDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installTranslations(QLocale(QLocale::English)));
}

void TestRestoreDialog::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_session = makeSession({m_server->url(), m_server->accessToken(), m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
}

void TestRestoreDialog::cleanup()
{
    m_session.reset();
    m_server.reset();
}

QString TestRestoreDialog::writeExport()
{
    ReportService reports(m_session.get());
    std::optional<Result<TenantExportRead>> read;
    reports.exportTenant(this, [&read](const Result<TenantExportRead> &r) { read = r; });
    if (!QTest::qWaitFor([&] { return read.has_value(); }, kTimeoutMs) || !read->ok())
        qFatal("the export read failed");
    TenantExport file = read->value().document;
    file.tenant = u"Sandbox tenant"_s;
    const QString path = m_dir.filePath(u"export.json"_s);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(file.toJsonBytes()) < 0)
        qFatal("cannot write the export");
    return path;
}

void TestRestoreDialog::plansAsksThenRestoresAndPlansAgain()
{
    const QString path = writeExport();
    SandboxTenant &tenant = m_server->tenant();
    const QString sales = tenant.limitConfigurationId();
    const QString esp = tenant.espConfigurationId();
    const QJsonArray salesBefore = tenant.assignmentsOf(sales);
    const qsizetype espCount = tenant.assignmentsOf(esp).size();
    tenant.setAssignments(sales, {}); // wiped
    QJsonArray espNow = tenant.assignmentsOf(esp);
    espNow.removeAt(0); // one entry lost
    tenant.setAssignments(esp, espNow);
    tenant.resetTrafficCounters();

    RestoreDialog dialog(m_session->assignments(), u"Sandbox tenant"_s);
    dialog.resize(980, 600);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy planned(&dialog, &RestoreDialog::planned);
    dialog.openFile(path);
    QVERIFY(planned.wait(kTimeoutMs));
    QCOMPARE(planned.first().first().toBool(), true);
    QCOMPARE(dialog.plan().writeCount(), 2);
    QTreeWidgetItem *salesRow = rowOf(dialog.planTree(), u"Limit 5 devices – Sales"_s);
    QVERIFY(salesRow);
    QCOMPARE(salesRow->text(1), u"Device limit"_s);
    QCOMPARE(salesRow->text(2), u"Replace the list"_s);
    QCOMPARE(salesRow->childCount(), int(salesBefore.size())); // each entry to add back
    QCOMPARE(salesRow->child(0)->text(2), u"Add back"_s);
    // Groups by the names the file has, not by id.
    QCOMPARE(salesRow->child(0)->text(3), u"group:“Sales – EMEA”"_s);
    QCOMPARE(rowOf(dialog.planTree(), u"Limit 3 devices – Contractors"_s)->text(2), u"Unchanged"_s);
    QVERIFY2(dialog.statusText().contains(u"restoring into Sandbox tenant"_s), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.restoreButton()->text(), u"&Restore 2 configurations"_s);
    QCOMPARE(tenant.writeCount(), 0);
    QVERIFY(letQueuedWorkRun()); // the buttons' new texts laid out
    saveScreenshot(&dialog, u"restore-plan.png"_s);

    // Restore asks first; Cancel there sends nothing.
    QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
    auto *question = dialog.findChild<QMessageBox *>(u"restoreConfirmation"_s);
    QVERIFY(question);
    QVERIFY2(question->informativeText().contains(u"0 assignments not in the file will be deleted"_s),
        qPrintable(question->informativeText()));
    question->button(QMessageBox::Cancel)->click();
    QVERIFY(letQueuedWorkRun());
    QCOMPARE(tenant.writeCount(), 0);

    QSignalSpy restored(&dialog, &RestoreDialog::restored);
    QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
    question = dialog.findChild<QMessageBox *>(u"restoreConfirmation"_s);
    QVERIFY(question);
    child<QPushButton>(question, "confirmRestoreButton")->click();
    QVERIFY(restored.wait(kTimeoutMs));
    QCOMPARE(restored.first().first().toBool(), true);
    QCOMPARE(tenant.writeCount(), 2);
    QCOMPARE(tenant.assignmentsOf(sales).size(), salesBefore.size());
    QCOMPARE(tenant.assignmentsOf(esp).size(), espCount);
    QCOMPARE(dialog.progressBar()->value(), 2);
    QVERIFY2(dialog.statusText().startsWith(u"Restored 2 configurations"_s), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.plan().writeCount(), 0); // planned again: nothing is left to do
    QVERIFY(!dialog.restoreButton()->isEnabled());
}

void TestRestoreDialog::aFileThatIsNotAnExportReadsAndSendsNothing()
{
    const QString path = m_dir.filePath(u"not-an-export.json"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"format":"something-else","version":1})");
    out.close();
    m_server->tenant().resetTrafficCounters();
    RestoreDialog dialog(m_session->assignments(), u"Sandbox tenant"_s);
    QSignalSpy planned(&dialog, &RestoreDialog::planned);
    dialog.openFile(path);
    QCOMPARE(planned.size(), 1);
    QCOMPARE(planned.first().first().toBool(), false);
    QVERIFY2(dialog.statusText().contains(u"is not an export of this app"_s), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(u"nothing was sent"_s), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.restoreButton()->isEnabled());
    QCOMPARE(m_server->tenant().requestCount(), 0);
}

void TestRestoreDialog::fileMenuOpensItOnlyWithATenant()
{
    {
        ui::MainWindow window(nullptr);
        auto *action = child<QAction>(&window, "restoreAction");
        QVERIFY(action && !action->isEnabled());
    }
    ui::MainWindow window(m_session.get());
    auto *action = child<QAction>(&window, "restoreAction");
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<RestoreDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->close();
}

QTEST_MAIN(TestRestoreDialog)
#include "tst_restoredialog.moc"
