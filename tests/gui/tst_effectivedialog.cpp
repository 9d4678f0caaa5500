// View › Who gets which… (issue 16): the answer for a user or a group from
// the sandbox tenant, read with two bounded reads and shown per type; bad
// input sends nothing; a failed read shows Graph's error; Cancel stops it.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the dialog (README).

#include "../common/SandboxWithFaults.h"
#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/EffectiveDialog.h"
#include "widgets/ErrorBanner.h"

#include <QAction>
#include <QLineEdit>
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
using ea::ui::EffectiveDialog;

namespace {

const QString kAlice = u"alice@contoso.onmicrosoft.com"_s;

// The top-level row of one type ("Device limit").
QTreeWidgetItem *typeRow(QTreeWidget *tree, const QString &typeName)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == typeName)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

QStringList childRows(const QTreeWidgetItem *type)
{
    QStringList rows;
    for (int i = 0; i < type->childCount(); ++i) {
        const QTreeWidgetItem *c = type->child(i);
        rows << (c->text(0) + u" | "_s + c->text(1) + u" | "_s + c->text(3));
    }
    return rows;
}

} // namespace

class TestEffectiveDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void userGetsWinnerExclusionAndDefault();
    void groupIsAnsweredToo();
    void filterIsNamedOnBeta();
    void badInputSendsNothing();
    void unknownUserShowsGraphsError();
    void cancelStopsTheReads();
    void refusedReadsSayWhichPermission();
    void viewMenuOpensItOnlyWithATenant();

private:
    bool waitForAnswer(EffectiveDialog *dialog, bool expectOk);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
};

void TestEffectiveDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installTranslations(QLocale(QLocale::English)));
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestEffectiveDialog::init()
{
    m_session = makeSession({m_server->url(), m_server->accessToken(), m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
}

void TestEffectiveDialog::cleanup()
{
    m_session.reset();
}

bool TestEffectiveDialog::waitForAnswer(EffectiveDialog *dialog, bool expectOk)
{
    QSignalSpy finished(dialog, &EffectiveDialog::finished);
    if (!finished.wait(kTimeoutMs))
        return false;
    return finished.first().first().toBool() == expectOk;
}

void TestEffectiveDialog::userGetsWinnerExclusionAndDefault()
{
    EffectiveDialog dialog(m_session->assignments());
    dialog.resize(1000, 640);
    dialog.show();
    QSignalSpy finished(&dialog, &EffectiveDialog::finished);
    dialog.ask(Principal::Kind::User, kAlice);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().first().toBool(), true);

    // Device limit: Contractors' limit wins; Sales' is held back by Sales
    // Interns (nested in Sales – EMEA); the default is there for the rest.
    QTreeWidgetItem *limit = typeRow(dialog.resultTree(), u"Device limit"_s);
    QVERIFY(limit);
    QCOMPARE(limit->text(1), u"Limit 3 devices – Contractors"_s);
    QCOMPARE(limit->text(2), u"2"_s);
    QVERIFY2(limit->text(3).contains(u"group “Contractors”"_s), qPrintable(limit->text(3)));
    const QStringList rows = childRows(limit);
    QVERIFY2(rows.filter(u"Excluded | Limit 5 devices – Sales | excluded by group “Sales Interns”"_s).size() == 1,
        qPrintable(rows.join(u'\n')));
    QVERIFY2(rows.filter(u"Default | All users and all devices"_s).size() == 1, qPrintable(rows.join(u'\n')));
    QVERIFY2(rows.filter(u"Note: Enrollment restrictions apply to users"_s).size() == 1, qPrintable(rows.join(u'\n')));
    // A type nothing targets: the default applies, said so.
    QTreeWidgetItem *esp = typeRow(dialog.resultTree(), u"Enrollment Status Page"_s);
    QVERIFY(esp);
    QCOMPARE(esp->text(2), u"Default"_s);
    saveScreenshot(&dialog, u"effective-alice.png"_s);
    QVERIFY2(dialog.statusText().contains(u"member of 6 groups"_s), qPrintable(dialog.statusText()));
}

void TestEffectiveDialog::groupIsAnsweredToo()
{
    // The members of Sales Interns: excluded from the Sales limit themselves.
    const QString salesInterns = u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s; // the sandbox's Sales Interns
    EffectiveDialog dialog(m_session->assignments());
    dialog.ask(Principal::Kind::Group, salesInterns);
    QVERIFY(waitForAnswer(&dialog, true));
    QTreeWidgetItem *limit = typeRow(dialog.resultTree(), u"Device limit"_s);
    QVERIFY(limit);
    QVERIFY2(childRows(limit).filter(u"Excluded | Limit 5 devices – Sales"_s).size() == 1,
        qPrintable(childRows(limit).join(u'\n')));
}

// On beta a row that depends on an assignment filter names it: the filters
// are read once more, only because the answer needs them.
void TestEffectiveDialog::filterIsNamedOnBeta()
{
    m_session->setApiVersion(ApiVersion::Beta);
    const QString autopilot = u"e9ed6d10-9751-4386-af72-3eb024bdb74c"_s; // the sandbox's IT – Autopilot Devices
    EffectiveDialog dialog(m_session->assignments());
    dialog.ask(Principal::Kind::Group, autopilot);
    QVERIFY(waitForAnswer(&dialog, true));
    QTreeWidgetItem *windows = typeRow(dialog.resultTree(), u"Platform restriction (single platform): windows"_s);
    QVERIFY(windows);
    QCOMPARE(windows->text(1), u"Windows – corporate devices only"_s);
    QVERIFY2(
        windows->text(3).contains(u"depends on filter “Corporate Windows devices”"_s), qPrintable(windows->text(3)));
}

void TestEffectiveDialog::badInputSendsNothing()
{
    ExchangeRecorder sent(m_session->graph());
    EffectiveDialog dialog(m_session->assignments());
    auto *principal = child<QLineEdit>(&dialog, "effectivePrincipal");
    auto *show = child<QPushButton>(&dialog, "effectiveShowButton");
    QVERIFY(principal && show);
    QVERIFY(!show->isEnabled()); // nothing typed yet
    dialog.ask(Principal::Kind::Group, u"not a group id"_s); // a group is asked for by object id
    QVERIFY(!show->isEnabled());
    QVERIFY2(!show->accessibleDescription().isEmpty(), "a disabled Show says why");
    QVERIFY2(dialog.statusText() == show->accessibleDescription(), qPrintable(dialog.statusText()));
    QVERIFY(letQueuedWorkRun());
    QCOMPARE(sent.started().size(), 0);
    QCOMPARE(dialog.resultTree()->topLevelItemCount(), 0);
}

void TestEffectiveDialog::unknownUserShowsGraphsError()
{
    EffectiveDialog dialog(m_session->assignments());
    dialog.ask(Principal::Kind::User, u"nobody@contoso.onmicrosoft.com"_s);
    QVERIFY(waitForAnswer(&dialog, false));
    auto *banner = dialog.findChild<ui::ErrorBanner *>();
    QVERIFY(banner && banner->isVisibleTo(&dialog));
    QVERIFY2(banner->summaryText().contains(u"404"_s), qPrintable(banner->summaryText()));
    QVERIFY2(banner->summaryText().contains(u"request-id"_s), qPrintable(banner->summaryText()));
    QCOMPARE(dialog.resultTree()->topLevelItemCount(), 0);
}

void TestEffectiveDialog::cancelStopsTheReads()
{
    // The groups read never answers: Cancel ends the wait, and nothing is shown.
    ea::test::SandboxWithFaults graph(
        [](const sandbox::HttpRequest &request, int) -> std::optional<ea::test::HttpFault> {
            if (request.url.path().contains(u"transitiveMemberOf"_s))
                return ea::test::stall();
            return std::nullopt;
        });
    const std::unique_ptr<Session> session = makeSession(
        {QUrl(QString::fromLatin1(graph.rootUrl())), graph.server().accessToken(), m_dir.filePath(u"audit2.jsonl"_s)});
    QVERIFY(session);
    EffectiveDialog dialog(session->assignments());
    QSignalSpy finished(&dialog, &EffectiveDialog::finished);
    dialog.ask(Principal::Kind::User, kAlice);
    auto *cancel = child<QPushButton>(&dialog, "effectiveCancelButton");
    QVERIFY(cancel);
    QTRY_VERIFY(cancel->isEnabled());
    cancel->click();
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(dialog.statusText().startsWith(u"Cancelled"_s), qPrintable(dialog.statusText()));
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(dialog.resultTree()->topLevelItemCount(), 0);
}

// A 403 on the groups read names the directory permission it needs; a 403 on
// the configurations read is not blamed on it.
void TestEffectiveDialog::refusedReadsSayWhichPermission()
{
    for (const bool groupsRefused : {true, false}) {
        ea::test::SandboxWithFaults graph(
            [groupsRefused](const sandbox::HttpRequest &request, int) -> std::optional<ea::test::HttpFault> {
                const bool groupsRead = request.url.path().contains(u"transitiveMemberOf"_s);
                const bool configurationsRead = request.url.path().endsWith(u"/deviceEnrollmentConfigurations"_s);
                if ((groupsRefused && groupsRead) || (!groupsRefused && configurationsRead))
                    return ea::test::json(403,
                        R"({"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges."}})");
                return std::nullopt;
            });
        const std::unique_ptr<Session> session = makeSession({QUrl(QString::fromLatin1(graph.rootUrl())),
            graph.server().accessToken(), m_dir.filePath(u"audit3.jsonl"_s)});
        QVERIFY(session);
        EffectiveDialog dialog(session->assignments());
        dialog.ask(Principal::Kind::User, kAlice);
        QVERIFY(waitForAnswer(&dialog, false));
        QCOMPARE(dialog.statusText().contains(u"GroupMember.Read.All"_s), groupsRefused);
        auto *banner = dialog.findChild<ui::ErrorBanner *>();
        QVERIFY(banner);
        QVERIFY2(banner->summaryText().contains(u"403"_s), qPrintable(banner->summaryText()));
    }
}

void TestEffectiveDialog::viewMenuOpensItOnlyWithATenant()
{
    {
        ui::MainWindow window(nullptr);
        auto *action = child<QAction>(&window, "effectiveAction");
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
    }
    ui::MainWindow window(m_session.get());
    auto *action = child<QAction>(&window, "effectiveAction");
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<EffectiveDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->close();
}

QTEST_MAIN(TestEffectiveDialog)
#include "tst_effectivedialog.moc"
