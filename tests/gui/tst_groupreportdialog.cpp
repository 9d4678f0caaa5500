// View › Group report… (issue 17): the report for a group of the sandbox
// tenant (nested in another), its rows per type, and the CSV and HTML files
// saved from it through the file dialog; Show waits for a group; Cancel stops
// the reads; a failed read shows Graph's error.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the dialog.

#include "../common/SandboxWithFaults.h"
#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/ErrorBanner.h"
#include "widgets/GroupReportDialog.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ea;
using namespace ea::testing;
using ea::sandbox::SandboxServer;
using ea::ui::GroupReportDialog;

namespace {

// The sandbox's Sales Interns, nested in Sales – EMEA: "Limit 5 devices – Sales" includes the parent and
// excludes the interns.
const QString kSalesInterns = u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s;

QTreeWidgetItem *typeRow(QTreeWidget *tree, const QString &typeName)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == typeName)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

// "configuration | intent | reaches | filter | for the members" of each child row.
QStringList childRows(const QTreeWidgetItem *type)
{
    QStringList rows;
    for (int i = 0; i < type->childCount(); ++i) {
        const QTreeWidgetItem *c = type->child(i);
        rows << QStringList {c->text(1), c->text(3), c->text(4), c->text(5), c->text(6)}.join(u" | "_s);
    }
    return rows;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestGroupReportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void reportForANestedGroup();
    void savedThroughTheFileDialog();
    void showWaitsForAGroup();
    void cancelStopsTheReads();
    void unknownGroupShowsGraphsError();
    void viewMenuOpensItOnlyWithATenant();

private:
    bool waitForReport(GroupReportDialog *dialog, bool expectOk);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
};

void TestGroupReportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installTranslations(QLocale(QLocale::English)));
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestGroupReportDialog::init()
{
    m_session = makeSession({m_server->url(), m_server->accessToken(), m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
}

void TestGroupReportDialog::cleanup()
{
    m_session.reset();
}

bool TestGroupReportDialog::waitForReport(GroupReportDialog *dialog, bool expectOk)
{
    QSignalSpy shown(dialog, &GroupReportDialog::reportShown);
    if (!shown.wait(kTimeoutMs))
        return false;
    return shown.first().first().toBool() == expectOk;
}

void TestGroupReportDialog::reportForANestedGroup()
{
    GroupReportDialog dialog(m_session.get());
    dialog.resize(1000, 640);
    dialog.show();
    dialog.ask(kSalesInterns);
    QVERIFY(waitForReport(&dialog, true));

    // Device limit: the Sales limit includes the parent and excludes the interns themselves, so the default is
    // what they get.
    QTreeWidgetItem *limit = typeRow(dialog.resultTree(), u"Device limit"_s);
    QVERIFY(limit);
    QCOMPARE(limit->text(1), u"All users and all devices"_s);
    QCOMPARE(limit->text(2), u"Default"_s);
    const QStringList rows = childRows(limit);
    QVERIFY2(rows.contains(u"Limit 5 devices – Sales | Include | through parent group “Sales – EMEA” |  | Excluded"_s),
        qPrintable(rows.join(u'\n')));
    QVERIFY2(
        rows.contains(u"Limit 5 devices – Sales | Exclude | directly |  | Excluded"_s), qPrintable(rows.join(u'\n')));
    QCOMPARE(rows.size(), 2);
    // Every type is listed with what the members get, rows or not.
    QVERIFY(typeRow(dialog.resultTree(), u"Enrollment Status Page"_s));
    QVERIFY2(dialog.statusText().contains(u"“Sales Interns”"_s), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(u"2 assignments"_s), qPrintable(dialog.statusText()));
    saveScreenshot(&dialog, u"group-report-sales-interns.png"_s);

    // The files hold the same rows, whole.
    QString problem;
    const QString csvPath = m_dir.filePath(u"report.csv"_s);
    const QString htmlPath = m_dir.filePath(u"report.html"_s);
    QVERIFY2(dialog.saveCsv(csvPath, &problem), qPrintable(problem));
    QVERIFY2(dialog.saveHtml(htmlPath, &problem), qPrintable(problem));
    const QStringList csv = readFile(csvPath).split(u"\r\n"_s);
    QCOMPARE(csv.size(), 1 + 2 + 1);
    QVERIFY2(csv.at(1).startsWith(u"Device limit,Limit 5 devices – Sales,"_s), qPrintable(csv.at(1)));
    const QString html = readFile(htmlPath);
    QVERIFY(html.contains(u"Enrollment configurations for group “Sales Interns”"_s));
    QVERIFY(html.contains(kSalesInterns));
    QVERIFY(html.contains(u"Sales – EMEA"_s));
}

void TestGroupReportDialog::savedThroughTheFileDialog()
{
    GroupReportDialog dialog(m_session.get());
    dialog.show();
    auto *saveHtml = child<QPushButton>(&dialog, "groupReportSaveHtmlButton");
    auto *saveCsv = child<QPushButton>(&dialog, "groupReportSaveCsvButton");
    QVERIFY(saveHtml && saveCsv);
    QVERIFY(!saveHtml->isEnabled() && !saveCsv->isEnabled()); // nothing to save yet
    dialog.ask(kSalesInterns);
    QVERIFY(waitForReport(&dialog, true));
    QVERIFY(saveHtml->isEnabled() && saveCsv->isEnabled());

    const QString path = m_dir.filePath(u"ticket.html"_s);
    saveHtml->click();
    auto *fileDialog = dialog.findChild<QFileDialog *>(u"groupReportSaveHtmlDialog"_s);
    QVERIFY(fileDialog);
    QVERIFY(QTest::qWaitForWindowExposed(fileDialog));
    // What the dialog says when the admin picks a file (its own accept logic is Qt's).
    QCOMPARE(fileDialog->acceptMode(), QFileDialog::AcceptSave);
    Q_EMIT fileDialog->fileSelected(path);
    fileDialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), kTimeoutMs);
    QVERIFY(readFile(path).contains(u"Sales Interns"_s));
    QVERIFY2(dialog.statusText().contains(u"Saved the report"_s), qPrintable(dialog.statusText()));
}

void TestGroupReportDialog::showWaitsForAGroup()
{
    ExchangeRecorder sent(m_session->graph());
    GroupReportDialog dialog(m_session.get());
    auto *show = child<QPushButton>(&dialog, "groupReportShowButton");
    QVERIFY(show);
    QVERIFY(!show->isEnabled());
    QVERIFY2(!show->accessibleDescription().isEmpty(), "a disabled Show says why");
    show->click();
    QVERIFY(letQueuedWorkRun());
    QCOMPARE(sent.started().size(), 0);
    QCOMPARE(dialog.resultTree()->topLevelItemCount(), 0);
}

void TestGroupReportDialog::cancelStopsTheReads()
{
    // The configurations read never answers: Cancel ends the wait, and nothing is shown.
    ea::test::SandboxWithFaults graph(
        [](const sandbox::HttpRequest &request, int) -> std::optional<ea::test::HttpFault> {
            if (request.url.path().endsWith(u"/deviceEnrollmentConfigurations"_s))
                return ea::test::stall();
            return std::nullopt;
        });
    const std::unique_ptr<Session> session = makeSession(
        {QUrl(QString::fromLatin1(graph.rootUrl())), graph.server().accessToken(), m_dir.filePath(u"audit2.jsonl"_s)});
    QVERIFY(session);
    GroupReportDialog dialog(session.get());
    QSignalSpy shown(&dialog, &GroupReportDialog::reportShown);
    dialog.ask(kSalesInterns);
    auto *cancel = child<QPushButton>(&dialog, "groupReportCancelButton");
    QVERIFY(cancel);
    QTRY_VERIFY(cancel->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(u"configuration"_s), kTimeoutMs);
    cancel->click();
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(shown.first().first().toBool(), false);
    QVERIFY2(dialog.statusText().startsWith(u"Cancelled"_s), qPrintable(dialog.statusText()));
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(dialog.resultTree()->topLevelItemCount(), 0);
    QVERIFY(!child<QPushButton>(&dialog, "groupReportSaveCsvButton")->isEnabled());
}

void TestGroupReportDialog::unknownGroupShowsGraphsError()
{
    GroupReportDialog dialog(m_session.get());
    dialog.ask(u"0badc0de-0000-4000-8000-000000000000"_s);
    QVERIFY(waitForReport(&dialog, false));
    auto *banner = dialog.findChild<ui::ErrorBanner *>();
    QVERIFY(banner && banner->isVisibleTo(&dialog));
    QVERIFY2(banner->summaryText().contains(u"404"_s), qPrintable(banner->summaryText()));
    QVERIFY2(banner->summaryText().contains(u"request-id"_s), qPrintable(banner->summaryText()));
    QCOMPARE(dialog.resultTree()->topLevelItemCount(), 0);
}

void TestGroupReportDialog::viewMenuOpensItOnlyWithATenant()
{
    {
        ui::MainWindow window(nullptr);
        auto *action = child<QAction>(&window, "groupReportAction");
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
    }
    ui::MainWindow window(m_session.get());
    auto *action = child<QAction>(&window, "groupReportAction");
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<GroupReportDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->close();
}

QTEST_MAIN(TestGroupReportDialog)
#include "tst_groupreportdialog.moc"
