// Not a check: renders the pictures README.md shows, from the real window on
// the sandbox tenant, in the light and the dark scheme. Runs only with
// EA_SCREENSHOT_DIR set (tools/screenshots.sh sets it to resources/screenshots).
//
//   main-window-<scheme>.png   configurations, a selected one and its assignments
//   assign-flow-<scheme>.png   a group picked, the exact request in the preview
//   request-log-<scheme>.png   after Assign: the request log with the POST selected

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Theme.h"
#include "models/ConfigurationTableModel.h"
#include "models/RequestLogModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/RequestLogDock.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::ui::MainWindow;
using namespace ea::testing;

namespace {

QModelIndex rowWhere(QAbstractItemModel *model, int column, const std::function<bool(const QModelIndex &)> &match)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, column);
        if (match(index))
            return index;
    }
    return {};
}

void clickRow(QTableView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void render_data();
    void render();

private:
    QTemporaryDir m_dir;
};

void TestScreenshots::initTestCase()
{
    if (!screenshotsWanted())
        QSKIP("renders only with EA_SCREENSHOT_DIR set (tools/screenshots.sh)");
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestScreenshots::render_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ui::theme::Scheme::Light);
    QTest::newRow("dark") << int(ui::theme::Scheme::Dark);
}

void TestScreenshots::render()
{
    QFETCH(int, scheme);
    ui::theme::applyScheme(ui::theme::Scheme(scheme));
    const QString suffix = QString::fromLatin1(QTest::currentDataTag()) + u".png"_s;

    // A fresh tenant per scheme, so both pictures show the same data.
    sandbox::SandboxServer server;
    QVERIFY(server.listen());
    const auto session = makeSession({.graphRoot = server.url(),
        .accessToken = server.accessToken(),
        .auditJournalPath = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".jsonl"_s)});
    QVERIFY(session);

    MainWindow window(session.get());
    window.resize(1440, 1000); // room for the request log below a full details pane
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *configurations = child<QTableView>(&window, "configurationsView");
    QVERIFY(configurations);
    QTRY_VERIFY_WITH_TIMEOUT(configurations->model()->rowCount() > 5, kTimeoutMs);

    const QString configurationId = server.tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    const QModelIndex configuration
        = rowWhere(configurations->model(), ui::ConfigurationTableModel::NameColumn, [&](const QModelIndex &i) {
              return i.data(ui::ConfigurationTableModel::IdRole).toString() == configurationId;
          });
    QVERIFY(configuration.isValid());
    clickRow(configurations, configuration);
    QTRY_COMPARE(window.selectedConfigurationId(), configurationId);
    auto *assignments = child<QTableView>(&window, "assignmentsView");
    QVERIFY(assignments);
    QTRY_VERIFY_WITH_TIMEOUT(assignments->model()->rowCount() > 0, kTimeoutMs);
    QTest::qWait(300); // the group names of the assignments
    saveScreenshot(&window, u"main-window-"_s + suffix);

    // The assign flow: Include group, a search, a pick; the preview shows the request.
    auto *kind = child<QComboBox>(&window, "targetKindCombo");
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(int(AssignmentTarget::Kind::IncludeGroup)));
    auto *search = child<QLineEdit>(&window, "groupSearchEdit");
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, u"Marketing"_s);
    auto *results = child<QTableView>(&window, "groupResultsView");
    QVERIFY(results);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() > 1, kTimeoutMs);
    const QModelIndex group = rowWhere(
        results->model(), 0, [](const QModelIndex &i) { return i.data().toString().startsWith(u"Marketing –"_s); });
    QVERIFY(group.isValid());
    clickRow(results, group);
    auto *assign = child<QPushButton>(&window, "assignButton");
    QVERIFY(assign);
    QTRY_VERIFY(assign->isEnabled());
    saveScreenshot(&window, u"assign-flow-"_s + suffix);

    // Assign, then the request log with the POST and its details.
    QTest::mouseClick(assign, Qt::LeftButton);
    auto *createdAssignmentsView = child<QTableView>(&window, "createdAssignmentsView");
    QVERIFY(createdAssignmentsView);
    QTRY_COMPARE_WITH_TIMEOUT(createdAssignmentsView->model()->rowCount(), 1, kTimeoutMs);
    auto *requestLogAction = child<QAction>(&window, "requestLogAction");
    QVERIFY(requestLogAction);
    requestLogAction->trigger();
    auto *dock = child<ui::RequestLogDock>(&window, "requestLogDock");
    QVERIFY(dock);
    QTRY_VERIFY(dock->isVisible() && !dock->visibleRegion().isEmpty());
    window.resizeDocks({dock}, {dock->fontMetrics().height() * 18}, Qt::Vertical);
    QTableView *log = dock->view();
    const QModelIndex post = rowWhere(log->model(), ui::RequestLogModel::MethodColumn,
        [](const QModelIndex &i) { return i.data().toString() == u"POST"_s; });
    QVERIFY(post.isValid());
    clickRow(log, post);
    QTest::qWait(300); // the dock's resize and the group names of the re-read
    saveScreenshot(&window, u"request-log-"_s + suffix);
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
