// States: empty lists say what to do next, reads that can wait have a Cancel,
// errors say what to try besides what happened, and the light/dark scheme
// recolours the banners while their words and icons stay (nothing is said by
// colour alone).

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Theme.h"
#include "models/ConfigurationTableModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/ErrorBanner.h"

#include <QComboBox>
#include <QFrame>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::ui::MainWindow;
using namespace ea::testing;

class TestStates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void filterWithoutMatchSaysHowToSeeAll();
    void groupSearchWithoutResultSaysWhatToTry();
    void noAssignmentsSaysWhatToDoNext();
    void assignmentsReadCanBeCancelled();
    void errorsSayWhatToTry();
    void darkSchemeRecoloursBannersAndKeepsTheirWords(); // last: it changes the application style

private:
    void select(const QString &configurationId);

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestStates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
}

void TestStates::init()
{
    m_session = makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_dir.filePath(u"audit.jsonl"_s),
        .tenantLabel = {}});
    QVERIFY(m_session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *configurationsView = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(configurationsView);
    QTRY_VERIFY_WITH_TIMEOUT(configurationsView->model()->rowCount() > 5, kTimeoutMs);
}

void TestStates::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_server->tenant().failNextRequests(0, 200);
}

void TestStates::select(const QString &configurationId)
{
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ui::ConfigurationTableModel::IdRole).toString() == configurationId)
            view->selectRow(row);
    }
    QTRY_COMPARE(m_window->selectedConfigurationId(), configurationId);
}

void TestStates::filterWithoutMatchSaysHowToSeeAll()
{
    auto *filter = child<QLineEdit>(m_window.get(), "configurationFilterEdit");
    QVERIFY(filter);
    QTest::keyClicks(filter, u"no such configuration"_s);
    auto *configurationsStatus = child<QLabel>(m_window.get(), "configurationsStatus");
    QVERIFY(configurationsStatus);
    const QString status = configurationsStatus->text();
    QVERIFY2(status.contains(u"No configuration matches “no such configuration”"_s), qPrintable(status));
    QVERIFY2(status.contains(u"Clear the filter"_s), qPrintable(status));
}

void TestStates::groupSearchWithoutResultSaysWhatToTry()
{
    select(m_server->tenant().limitConfigurationId());
    auto *kind = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(int(AssignmentTarget::Kind::IncludeGroup)));
    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    QVERIFY(search);
    QTest::keyClicks(search, u"Qqqq nothing"_s);
    auto *status = child<QLabel>(m_window.get(), "groupSearchStatus");
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"No group name starts with"_s), kTimeoutMs);
    QVERIFY2(status->text().contains(u"paste the group's object id"_s), qPrintable(status->text()));
}

void TestStates::noAssignmentsSaysWhatToDoNext()
{
    // A non-default configuration the sandbox has no assignments for.
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    QString empty;
    for (int row = 0; row < view->model()->rowCount() && empty.isEmpty(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        const QString id = index.data(ui::ConfigurationTableModel::IdRole).toString();
        if (!id.contains(u"_Default"_s) && m_server->tenant().assignmentsOf(id).isEmpty())
            empty = id;
    }
    if (empty.isEmpty()) {
        empty = m_server->tenant().limitConfigurationId();
        m_server->tenant().setAssignments(empty, {});
    }
    select(empty);
    auto *status = child<QLabel>(m_window.get(), "assignmentsStatus");
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"none yet"_s), kTimeoutMs);
    QVERIFY2(status->text().contains(u"press Assign"_s), qPrintable(status->text()));

    // A default policy with no assignments does not invite one.
    // (Tenants show defaults with or without their implicit all-users entry.)
    const QString defaultConfig = m_server->tenant().defaultLimitConfigurationId();
    const QJsonArray defaultAssignments = m_server->tenant().assignmentsOf(defaultConfig);
    m_server->tenant().setAssignments(defaultConfig, {});
    const auto restore = qScopeGuard([&] { m_server->tenant().setAssignments(defaultConfig, defaultAssignments); });
    select(defaultConfig);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"none:"_s), kTimeoutMs);
    QVERIFY2(!status->text().contains(u"press Assign"_s), qPrintable(status->text()));
}

// A throttled read waits for Retry-After; the status bar's Cancel stops it.
void TestStates::assignmentsReadCanBeCancelled()
{
    auto *cancel = child<QToolButton>(m_window.get(), "cancelLoadButton");
    QVERIFY(cancel);
    QVERIFY(!cancel->isVisible());
    m_server->tenant().failNextRequests(1, 429, 30);
    select(m_server->tenant().limitConfigurationId());
    auto *status = child<QLabel>(m_window.get(), "assignmentsStatus");
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"retrying in 30 s"_s), kTimeoutMs);
    QVERIFY(cancel->isVisible());
    QVERIFY(!cancel->accessibleName().isEmpty());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"could not be read"_s, 5000);
    QTRY_VERIFY(!cancel->isVisible());
}

void TestStates::errorsSayWhatToTry()
{
    using Kind = GraphError::Kind;
    auto http = [](int status) {
        GraphError e;
        e.kind = Kind::Http;
        e.httpStatus = status;
        return e;
    };
    QSet<QString> seen;
    for (const GraphError &e : {http(400), http(401), http(403), http(404), http(409), http(429), http(500),
             GraphError::local(Kind::Network, u"refused"_s), GraphError::local(Kind::Timeout, u"late"_s),
             GraphError::local(Kind::InvalidResponse, u"html"_s)}) {
        const QString suggestion = ui::ErrorBanner::suggestion(e);
        QVERIFY2(!suggestion.isEmpty(), qPrintable(e.summary()));
        seen.insert(suggestion);
    }
    QCOMPARE(seen.size(), 10); // each says something of its own
    QVERIFY(ui::ErrorBanner::suggestion(GraphError::local(Kind::Cancelled, u"x"_s)).isEmpty());
    QVERIFY(ui::ErrorBanner::suggestion(http(401)).contains(u"sign in again"_s));

    // A gateway's HTML page is not Graph's failure: no "give Microsoft support the request-id".
    const GraphError gateway = GraphError::fromHttpResponse(
        502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>", {}, {});
    const QString advice = ui::ErrorBanner::suggestion(gateway);
    QVERIFY2(advice.contains(u"VPN or proxy"_s), qPrintable(advice));
    QVERIFY2(!advice.contains(u"give Microsoft support"_s), qPrintable(advice));
    QVERIFY(ui::ErrorBanner::suggestion(http(502)).contains(u"give Microsoft support"_s));
}

void TestStates::darkSchemeRecoloursBannersAndKeepsTheirWords()
{
    m_window.reset();
    ui::theme::applyScheme(ui::theme::Scheme::Dark);
    QVERIFY(ui::theme::isDark());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    auto *banner = child<QFrame>(m_window.get(), "sandboxBanner");
    QVERIFY(banner);
    const ui::theme::BannerColors dark = ui::theme::bannerColors(ui::theme::Tone::Warning);
    QVERIFY2(banner->styleSheet().contains(dark.background.name()), qPrintable(banner->styleSheet()));
    // Readable: light text on a dark fill.
    QVERIFY(dark.text.lightness() - dark.background.lightness() > 120);
    // The words and the icon, not only the colour.
    auto *sandboxBannerText = child<QLabel>(m_window.get(), "sandboxBannerText");
    QVERIFY(sandboxBannerText);
    QVERIFY(sandboxBannerText->text().contains(u"Sandbox tenant"_s));

    ui::theme::applyScheme(ui::theme::Scheme::Light);
    QVERIFY(!ui::theme::isDark());
    const ui::theme::BannerColors light = ui::theme::bannerColors(ui::theme::Tone::Warning);
    QVERIFY(light.background != dark.background);
    QVERIFY(light.background.lightness() - light.text.lightness() > 120);
}

QTEST_MAIN(TestStates)
#include "tst_states.moc"
