// Not a check: renders the pictures README.md shows, from the real window on
// the sandbox tenant, in the light and the dark scheme. Runs only with
// EA_SCREENSHOT_DIR set (tools/screenshots.sh sets it to resources/screenshots).
//
//   main-window-<scheme>.png   configurations, a selected one and its assignments
//   assign-flow-<scheme>.png   a group picked, the exact request in the preview
//   request-log-<scheme>.png   after Assign: the request log with the POST selected

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

namespace {

constexpr int kTimeoutMs = 15000;

void save(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("EA_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    QVERIFY2(widget->grab().save(dir + u'/' + name, "PNG"), qPrintable(name));
}

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
    if (qEnvironmentVariableIsEmpty("EA_SCREENSHOT_DIR"))
        QSKIP("EA_SCREENSHOT_DIR is not set");
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
    QString problem;
    const GraphEndpoint endpoint = GraphEndpoint::fromRootUrl(server.url().toString(), ApiVersion::V1, &problem);
    Session session(endpoint, std::make_unique<StaticTokenProvider>(server.accessToken()));
    session.setSandbox(true);
    session.setTenantLabel(u"Sandbox tenant"_s);
    session.setAuditJournalPath(m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".jsonl"_s));

    MainWindow window(&session);
    window.resize(1440, 1000); // room for the request log below a full details pane
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *configurations = window.findChild<QTableView *>(u"configurationsView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(configurations->model()->rowCount() > 5, kTimeoutMs);

    const QString configurationId = server.tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    const QModelIndex configuration
        = rowWhere(configurations->model(), ui::ConfigurationTableModel::NameColumn, [&](const QModelIndex &i) {
              return i.data(ui::ConfigurationTableModel::IdRole).toString() == configurationId;
          });
    QVERIFY(configuration.isValid());
    clickRow(configurations, configuration);
    QTRY_COMPARE(window.selectedConfigurationId(), configurationId);
    auto *assignments = window.findChild<QTableView *>(u"assignmentsView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(assignments->model()->rowCount() > 0, kTimeoutMs);
    QTest::qWait(300); // the group names of the assignments
    save(&window, u"main-window-"_s + suffix);

    // The assign flow: Include group, a search, a pick; the preview shows the request.
    auto *kind = window.findChild<QComboBox *>(u"targetKindCombo"_s);
    kind->setCurrentIndex(kind->findData(int(AssignmentTarget::Kind::IncludeGroup)));
    auto *search = window.findChild<QLineEdit *>(u"groupSearchEdit"_s);
    search->setFocus();
    QTest::keyClicks(search, u"Marketing"_s);
    auto *results = window.findChild<QTableView *>(u"groupResultsView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() > 1, kTimeoutMs);
    const QModelIndex group = rowWhere(
        results->model(), 0, [](const QModelIndex &i) { return i.data().toString().startsWith(u"Marketing –"_s); });
    QVERIFY(group.isValid());
    clickRow(results, group);
    auto *assign = window.findChild<QPushButton *>(u"assignButton"_s);
    QTRY_VERIFY(assign->isEnabled());
    save(&window, u"assign-flow-"_s + suffix);

    // Assign, then the request log with the POST and its details.
    QTest::mouseClick(assign, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        window.findChild<QTableView *>(u"createdAssignmentsView"_s)->model()->rowCount(), 1, kTimeoutMs);
    window.findChild<QAction *>(u"requestLogAction"_s)->trigger();
    auto *dock = window.findChild<ui::RequestLogDock *>(u"requestLogDock"_s);
    QTRY_VERIFY(dock->isVisible() && !dock->visibleRegion().isEmpty());
    window.resizeDocks({dock}, {dock->fontMetrics().height() * 18}, Qt::Vertical);
    QTableView *log = dock->view();
    const QModelIndex post = rowWhere(log->model(), ui::RequestLogModel::MethodColumn,
        [](const QModelIndex &i) { return i.data().toString() == u"POST"_s; });
    QVERIFY(post.isValid());
    clickRow(log, post);
    QTest::qWait(300); // the dock's resize and the group names of the re-read
    save(&window, u"request-log-"_s + suffix);
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
