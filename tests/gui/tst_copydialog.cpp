// File › Copy assignments… (issue 17 §2): within the tenant the source's
// targets are planned onto the target, nothing is sent before Apply, the run
// adds them, and a copy planned again writes nothing; the plan names the
// groups beside their ids. From another tenant's export (here the sandbox's
// own export with two groups under other ids, one of them under a name no
// group here has) the group found by its name is copied under this tenant's
// id and the other is listed as left out, never created; a group map file
// then carries it over. A plan shown for one source is withdrawn when another
// source is chosen.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the dialog with its plan (README).

#include "../common/OtherTenant.h"
#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "sandbox/SandboxServer.h"
#include "service/ReportService.h"
#include "service/Session.h"
#include "widgets/CopyDialog.h"
#include "widgets/PlanRunView.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QRadioButton>
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
using ea::ui::CopyDialog;
using namespace ea::test;

namespace {

// Every item's texts of the tree, one line each ("Add\tgroup:…").
QStringList treeLines(const QTreeWidget *tree)
{
    QStringList lines;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = tree->topLevelItem(i);
        lines << group->text(0);
        for (int j = 0; j < group->childCount(); ++j)
            lines << group->child(j)->text(1) + u'\t' + group->child(j)->text(2);
    }
    return lines;
}

} // namespace

class TestCopyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void withinTheTenantPlansAppliesAndARerunWritesNothing();
    void fromAnotherTenantsExportMatchesByNameAndListsWhatIsLeftOut();
    void aGroupMapCarriesOverWhatNamesCannot();
    void choosingAnotherSourceWithdrawsThePlan();
    void fileMenuOpensIt();

private:
    // Opens the dialog on `source` and waits for the tenant's configurations.
    std::unique_ptr<CopyDialog> openDialog(const QString &source);
    // Plans and waits for the plan; true when it can be applied.
    bool planCopy(CopyDialog *dialog);
    QString otherTenantsExport();

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    QString m_sales;
    QString m_contractors;
};

void TestCopyDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installTranslations(QLocale(QLocale::English)));
}

void TestCopyDialog::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_session = makeSession({m_server->url(), m_server->accessToken(), m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
    m_sales = m_server->tenant().limitConfigurationId();
    m_contractors = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    QVERIFY(!m_contractors.isEmpty());
}

void TestCopyDialog::cleanup()
{
    m_session.reset();
    m_server.reset();
}

std::unique_ptr<CopyDialog> TestCopyDialog::openDialog(const QString &source)
{
    auto dialog = std::make_unique<CopyDialog>(m_session->assignments(), source);
    dialog->setGroupDirectory(m_session->groups());
    QSignalSpy loaded(dialog.get(), &CopyDialog::configurationsLoaded);
    dialog->show();
    if (!loaded.wait(kTimeoutMs) || !loaded.first().first().toBool())
        qFatal("the configurations were not read");
    return dialog;
}

bool TestCopyDialog::planCopy(CopyDialog *dialog)
{
    QSignalSpy shown(dialog, &CopyDialog::planShown);
    dialog->plan();
    return shown.wait(kTimeoutMs) && shown.first().first().toBool();
}

QString TestCopyDialog::otherTenantsExport()
{
    ReportService reports(m_session.get());
    std::optional<TenantExport> document;
    reports.exportTenant(this, [&document](const Result<TenantExportRead> &r) {
        if (r)
            document = r.value().document;
    });
    if (!QTest::qWaitFor([&document] { return document.has_value(); }, kTimeoutMs))
        qFatal("the export was not read");
    const QByteArray text = asOtherTenantsExport(document->toJsonBytes());
    const QString path = m_dir.filePath(u"other-tenant.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        qFatal("cannot write the export");
    return path;
}

void TestCopyDialog::withinTheTenantPlansAppliesAndARerunWritesNothing()
{
    const qsizetype before = targetsOf(m_server->tenant(), m_contractors).size();
    auto dialog = openDialog(m_sales);
    // Only configurations that can take the copy are offered: the source's type, no default, not the source.
    for (int i = 0; i < dialog->targetBox()->count(); ++i)
        QVERIFY(dialog->targetBox()->itemData(i).toString() != m_sales);
    QVERIFY(dialog->chooseTarget(m_contractors));
    QVERIFY(!dialog->chooseTarget(m_server->tenant().espConfigurationId()));
    m_server->tenant().resetTrafficCounters();

    QVERIFY2(planCopy(dialog.get()), qPrintable(dialog->statusText()));
    const QStringList lines = treeLines(dialog->planView()->diffTree());
    QCOMPARE(lines.filter(u"Add\t"_s).size(), 3); // EMEA, APAC and the Interns exclusion
    QVERIFY2(lines.filter(kEmea).size() == 1, qPrintable(lines.join(u'\n')));
    QCOMPARE(m_server->tenant().writeCount(), 0);
    // The groups are named beside their ids (read after the diff is shown).
    QTRY_VERIFY_WITH_TIMEOUT(
        treeLines(dialog->planView()->diffTree()).filter(kEmea + u" — Sales – EMEA"_s).size() == 1, kTimeoutMs);
    QVERIFY(treeLines(dialog->planView()->diffTree()).filter(kInterns + u" — Sales Interns"_s).size() == 1);

    QSignalSpy finished(dialog.get(), &CopyDialog::runFinished);
    QVERIFY(dialog->planView()->applyButton()->isEnabled());
    dialog->planView()->applyButton()->click();
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(m_server->tenant().writeCount(), 3);
    const QStringList after = targetsOf(m_server->tenant(), m_contractors);
    QCOMPARE(after.size(), before + 3);
    QVERIFY(after.contains(u"groupAssignmentTarget:"_s + kEmea));
    QVERIFY(after.contains(u"exclusionGroupAssignmentTarget:"_s + kInterns));

    // Planned again: everything is there already; Apply has nothing to send.
    QVERIFY(planCopy(dialog.get()));
    QVERIFY2(dialog->statusText().startsWith(u"Nothing to do"_s), qPrintable(dialog->statusText()));
    QVERIFY(!dialog->planView()->applyButton()->isEnabled());
    QCOMPARE(m_server->tenant().writeCount(), 3);
}

void TestCopyDialog::fromAnotherTenantsExportMatchesByNameAndListsWhatIsLeftOut()
{
    const QString path = otherTenantsExport();
    auto dialog = openDialog(QString());
    dialog->openExport(path);
    QVERIFY(dialog->fromFileButton()->isChecked());
    QVERIFY(dialog->chooseSource(m_sales));
    // The configuration of the same type and name here is offered first.
    QCOMPARE(dialog->targetBox()->currentData().toString(), m_sales);
    QVERIFY(dialog->chooseTarget(m_contractors));
    m_server->tenant().resetTrafficCounters();

    QVERIFY2(planCopy(dialog.get()), qPrintable(dialog->statusText()));
    const QStringList lines = treeLines(dialog->planView()->diffTree());
    // Sales – EMEA under this tenant's id; Sales – LATAM (APAC's id over there) has no match and is left out.
    QVERIFY2(lines.filter(u"Add\t"_s).filter(kEmea).size() == 1, qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.filter(u"Left out\t"_s).filter(u"no group is named “Sales – LATAM” in this tenant"_s).size() == 1,
        qPrintable(lines.join(u'\n')));
    QVERIFY(lines.filter(kOtherEmea).isEmpty());
    QCOMPARE(m_server->tenant().writeCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        treeLines(dialog->planView()->diffTree()).filter(kEmea + u" — Sales – EMEA"_s).size() == 1, kTimeoutMs);
    saveScreenshot(dialog.get(), u"copy-plan.png"_s);

    QSignalSpy finished(dialog.get(), &CopyDialog::runFinished);
    dialog->planView()->applyButton()->click();
    QVERIFY(finished.wait(kTimeoutMs));
    const QStringList after = targetsOf(m_server->tenant(), m_contractors);
    QVERIFY2(after.contains(u"groupAssignmentTarget:"_s + kEmea), qPrintable(after.join(u'\n')));
    QVERIFY(!after.contains(u"groupAssignmentTarget:"_s + kApac));
    QVERIFY(!after.join(u' ').contains(kOtherEmea));
    QCOMPARE(m_server->tenant().writeCount(), 2); // EMEA and the Interns exclusion
}

void TestCopyDialog::aGroupMapCarriesOverWhatNamesCannot()
{
    const QString path = otherTenantsExport();
    const QString map = m_dir.filePath(u"groups.csv"_s);
    QFile file(map);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QString(u"source,target\n"_s + kOtherApac + u',' + kApac + u'\n').toUtf8());
    file.close();
    auto dialog = openDialog(QString());
    dialog->openExport(path);
    QVERIFY(dialog->chooseSource(m_sales));
    QVERIFY(dialog->chooseTarget(m_contractors));
    dialog->openGroupMap(map);
    QVERIFY2(planCopy(dialog.get()), qPrintable(dialog->statusText()));
    const QStringList lines = treeLines(dialog->planView()->diffTree());
    QVERIFY2(lines.filter(u"Left out"_s).isEmpty(), qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.filter(u"Add\t"_s).filter(kApac).size() == 1, qPrintable(lines.join(u'\n')));
}

void TestCopyDialog::choosingAnotherSourceWithdrawsThePlan()
{
    auto dialog = openDialog(m_sales);
    QVERIFY(dialog->chooseTarget(m_contractors));
    QVERIFY(planCopy(dialog.get()));
    QVERIFY(dialog->planView()->applyButton()->isEnabled());
    // Another source: the plan shown was for the first one and cannot be applied to this choice.
    QVERIFY(dialog->chooseSource(m_contractors));
    QVERIFY(!dialog->planView()->applyButton()->isEnabled());
    QCOMPARE(dialog->planView()->diffTree()->topLevelItemCount(), 0);
    QVERIFY2(dialog->statusText().startsWith(u"Plan the copy"_s), qPrintable(dialog->statusText()));
}

void TestCopyDialog::fileMenuOpensIt()
{
    {
        ui::MainWindow window(nullptr);
        auto *action = child<QAction>(&window, "copyAction");
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
    }
    ui::MainWindow window(m_session.get());
    auto *action = child<QAction>(&window, "copyAction");
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<CopyDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->close();
}

QTEST_MAIN(TestCopyDialog)
#include "tst_copydialog.moc"
