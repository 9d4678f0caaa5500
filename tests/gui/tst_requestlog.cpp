// The request log dock of the main window against the sandbox tenant: every
// call appears with status and request-id, a retry is a row of its own, and
// the token is nowhere (not in any model data, the details pane, the
// clipboard or the exported file), since the test knows the sandbox token.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the window with the log open.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "graph/RequestExport.h"
#include "models/RequestLogModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/RequestLogDock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::sandbox::SandboxServer;
using ea::ui::MainWindow;
using ea::ui::RequestLogDock;
using ea::ui::RequestLogModel;
using namespace ea::testing;

namespace {

// Every piece of data the model hands out, in every role a view or a screen reader asks for.
QStringList everythingIn(const QAbstractItemModel *model)
{
    QStringList out;
    const QList<int> roles {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, Qt::StatusTipRole,
        RequestLogModel::DetailsRole, RequestLogModel::RequestIdRole};
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role : roles)
                out << model->index(row, column).data(role).toString();
        }
    }
    for (int column = 0; column < model->columnCount(); ++column)
        out << model->headerData(column, Qt::Horizontal).toString();
    return out;
}

ExchangeRecord exchange(quint64 sequence, int status = 0)
{
    ExchangeRecord e;
    e.sequence = sequence;
    e.method = "GET";
    e.url = QUrl(u"https://graph.microsoft.com/v1.0/x/"_s + QString::number(sequence));
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.httpStatus = status;
    e.finished = status != 0;
    return e;
}

} // namespace

class TestRequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void modelIsBoundedAndCompletesRowsInPlace();
    void modelKeepsResponseBodiesWithinItsBudget();
    void viewMenuTogglesTheDock();
    void followsTheNewestCallOnlyWhileItIsInView();
    void hiddenLogShowsTheNewestCallWhenOpened();
    void showsEveryCallWithStatusAndRequestIdAndNoToken();
    void retryIsARowOfItsOwn();
    void copyRequestIdAndCopyAsFromALoggedCall();
    void exportWritesJsonLinesWithoutTheToken();
    void clearEmptiesTheLog();

private:
    void openWindow();
    RequestLogDock *showLog();

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestRequestLog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestRequestLog::init()
{
    // A tenant of its own per test, so its request count is this test's.
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_session = makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
    RetryPolicy quick;
    quick.baseDelay = std::chrono::milliseconds(10);
    quick.maxDelay = std::chrono::milliseconds(20);
    m_session->graph()->setRetryPolicy(quick);
    openWindow();
}

void TestRequestLog::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_server.reset();
}

void TestRequestLog::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

RequestLogDock *TestRequestLog::showLog()
{
    auto *dock = child<RequestLogDock>(m_window.get(), "requestLogDock");
    auto *action = child<QAction>(m_window.get(), "requestLogAction");
    if (!dock || !action)
        return nullptr;
    if (!dock->isVisible())
        action->trigger();
    return dock;
}

void TestRequestLog::modelIsBoundedAndCompletesRowsInPlace()
{
    RequestLogModel model(nullptr, 3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (quint64 s = 1; s <= 5; ++s)
        model.record(exchange(s));
    // The oldest go first; the last three remain.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.exchangeAt(0)->sequence, quint64(3));
    QCOMPARE(model.index(2, RequestLogModel::StatusColumn).data().toString(), u"sending…"_s);

    // The answer completes the row of its request instead of adding one.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.record(exchange(5, 204));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(2, RequestLogModel::StatusColumn).data().toString(), u"204"_s);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRequestLog::modelKeepsResponseBodiesWithinItsBudget()
{
    // A list read page by page must not be held a second time in the log:
    // the newest bodies are kept up to the budget, older rows lose only theirs.
    RequestLogModel model(nullptr, 100, 100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto page = [](quint64 sequence) {
        ExchangeRecord e = exchange(sequence, 200);
        e.responseBody = QByteArray(40, 'a' + char(sequence));
        return e;
    };
    for (quint64 s = 1; s <= 5; ++s)
        model.record(page(s));
    QCOMPARE(model.rowCount(), 5);
    for (int row = 0; row < 3; ++row) {
        const ExchangeRecord *e = model.exchangeAt(row);
        QVERIFY(model.responseBodyDropped(*e));
        QVERIFY(e->responseBody.isEmpty());
        QVERIFY(e->responseBodyTruncated);
        QVERIFY(model.detailsText(*e).contains(u"not kept"_s));
        QVERIFY(model.detailsText(*e).contains(e->url.toString())); // the rest of the row is all there
    }
    for (int row = 3; row < 5; ++row) {
        const ExchangeRecord *e = model.exchangeAt(row);
        QVERIFY(!model.responseBodyDropped(*e));
        QCOMPARE(e->responseBody, QByteArray(40, 'a' + char(row + 1)));
        QVERIFY(model.detailsText(*e).contains(QString::fromLatin1(e->responseBody)));
    }

    // The newest keeps its body even when it alone is over the budget.
    ExchangeRecord big = exchange(6, 200);
    big.responseBody = QByteArray(500, 'z');
    model.record(big);
    QCOMPARE(model.exchangeAt(5)->responseBody, big.responseBody);
    QVERIFY(model.exchangeAt(4)->responseBody.isEmpty());

    model.clear();
    model.record(page(7));
    QVERIFY(!model.responseBodyDropped(*model.exchangeAt(0)));
}

void TestRequestLog::viewMenuTogglesTheDock()
{
    auto *dock = child<RequestLogDock>(m_window.get(), "requestLogDock");
    auto *action = child<QAction>(m_window.get(), "requestLogAction");
    QVERIFY(dock && action);
    QVERIFY(!dock->isVisible());
    auto *viewMenu = child<QMenu>(m_window.get(), "viewMenu");
    QVERIFY(viewMenu);
    QVERIFY(viewMenu->actions().contains(action));
    action->trigger();
    QTRY_VERIFY(dock->isVisible() && !dock->visibleRegion().isEmpty());
    action->trigger();
    QTRY_VERIFY(!dock->isVisible());
}

namespace {
bool showsTheNewestRow(const QTableView *view)
{
    const int last = view->model()->rowCount() - 1;
    const QRect lastRow = view->visualRect(view->model()->index(last, 0));
    return last >= 0 && view->viewport()->rect().contains(lastRow.center());
}
} // namespace

void TestRequestLog::followsTheNewestCallOnlyWhileItIsInView()
{
    RequestLogDock *dock = showLog();
    QVERIFY(dock);
    QTRY_VERIFY(dock->isVisible());
    QTableView *view = dock->view();
    RequestLogModel *model = dock->model();
    for (quint64 s = 1000; s < 1100; ++s)
        model->record(exchange(s));
    QTRY_VERIFY(showsTheNewestRow(view));

    // The admin scrolls up to read an older call: new calls do not pull the view away.
    view->scrollToTop();
    const int reading = view->verticalScrollBar()->value();
    for (quint64 s = 1100; s < 1110; ++s)
        model->record(exchange(s));
    QCoreApplication::processEvents();
    QCOMPARE(view->verticalScrollBar()->value(), reading);
    QVERIFY(!showsTheNewestRow(view));
}

void TestRequestLog::hiddenLogShowsTheNewestCallWhenOpened()
{
    // The log is hidden while calls arrive (it then does not scroll, issue 15);
    // opened, it shows the newest call, as if it had followed all along.
    auto *dock = child<RequestLogDock>(m_window.get(), "requestLogDock");
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
    for (quint64 s = 1000; s < 1100; ++s)
        dock->model()->record(exchange(s));
    QVERIFY(showLog());
    QTRY_VERIFY(dock->isVisible());
    QTRY_VERIFY(showsTheNewestRow(dock->view()));

    // Scrolled up, then hidden and shown again: it stays where the admin left it.
    dock->view()->scrollToTop();
    QCoreApplication::processEvents();
    dock->hide();
    for (quint64 s = 1100; s < 1110; ++s)
        dock->model()->record(exchange(s));
    dock->show();
    QTRY_VERIFY(dock->isVisible());
    QCoreApplication::processEvents();
    QCOMPARE(dock->view()->verticalScrollBar()->value(), 0);
}

void TestRequestLog::showsEveryCallWithStatusAndRequestIdAndNoToken()
{
    const QString token = m_server->accessToken();
    QVERIFY(!token.isEmpty());
    RequestLogDock *dock = showLog();
    QVERIFY(dock);
    RequestLogModel *model = dock->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // The configurations list was read as the window opened (paged: one row per page).
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && model->exchanges().constLast().finished, kTimeoutMs);
    const int sandboxRequests = m_server->tenant().requestCount();
    QCOMPARE(model->rowCount(), sandboxRequests);
    for (int row = 0; row < model->rowCount(); ++row) {
        const ExchangeRecord *e = model->exchangeAt(row);
        QCOMPARE(model->index(row, RequestLogModel::MethodColumn).data().toString(), u"GET"_s);
        QCOMPARE(model->index(row, RequestLogModel::StatusColumn).data().toString(), u"200"_s);
        QVERIFY(model->index(row, RequestLogModel::UrlColumn)
                    .data()
                    .toString()
                    .startsWith(u"/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s));
        QVERIFY(!model->index(row, RequestLogModel::RequestIdColumn).data().toString().isEmpty());
        QCOMPARE(model->index(row, RequestLogModel::ClientRequestIdColumn).data().toString(), e->clientRequestId);
        QVERIFY(model->index(row, RequestLogModel::DurationColumn).data().toString().endsWith(u" ms"_s));
    }

    // The details pane shows the headers, Authorization redacted, and the body.
    dock->view()->selectRow(0);
    auto *details = child<QPlainTextEdit>(dock, "requestLogDetails");
    QVERIFY(details);
    const QString text = details->toPlainText();
    QVERIFY2(text.contains(u"Authorization: Bearer [redacted]"_s), qPrintable(text));
    QVERIFY(text.contains(u"request-id: "_s + model->exchangeAt(0)->requestId));
    QVERIFY(text.contains(u"\"value\""_s)); // the response body
    QVERIFY(!text.contains(token));

    for (const QString &data : everythingIn(model))
        QVERIFY2(!data.contains(token), qPrintable(data.left(200)));
}

void TestRequestLog::retryIsARowOfItsOwn()
{
    RequestLogDock *dock = showLog();
    RequestLogModel *model = dock->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && model->exchanges().constLast().finished, kTimeoutMs);
    model->clear();

    m_server->tenant().failNextRequests(1, 503);
    QSignalSpy loaded(m_window.get(), &MainWindow::configurationsLoadFinished);
    m_window->reloadConfigurations();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kTimeoutMs);
    QVERIFY(loaded.first().first().toBool());

    QVERIFY(model->rowCount() >= 2);
    QCOMPARE(model->index(0, RequestLogModel::StatusColumn).data().toString(), u"503"_s);
    QCOMPARE(model->index(0, RequestLogModel::AttemptColumn).data().toString(), QString());
    QCOMPARE(model->index(1, RequestLogModel::StatusColumn).data().toString(), u"200"_s);
    QCOMPARE(model->index(1, RequestLogModel::AttemptColumn).data().toString(), u"retry 1"_s);
    QCOMPARE(model->exchangeAt(1)->url, model->exchangeAt(0)->url);
    QVERIFY(model->index(1, 0).data(RequestLogModel::DetailsRole).toString().contains(u"Retry-Attempt: 1"_s));
    // Each attempt is its own exchange with its own client-request-id.
    QVERIFY(model->exchangeAt(1)->clientRequestId != model->exchangeAt(0)->clientRequestId);
}

void TestRequestLog::copyRequestIdAndCopyAsFromALoggedCall()
{
    const QString token = m_server->accessToken();
    RequestLogDock *dock = showLog();
    RequestLogModel *model = dock->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && model->exchanges().constLast().finished, kTimeoutMs);
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();

    // Nothing selected: nothing to copy.
    dock->view()->clearSelection();
    dock->view()->setCurrentIndex({});
    QVERIFY(!dock->copyRequestIdAction()->isEnabled());
    QVERIFY(!dock->copyAsMenu()->curlAction()->isEnabled());

    dock->view()->selectRow(0);
    const ExchangeRecord *e = model->exchangeAt(0);
    QVERIFY(dock->copyRequestIdAction()->isEnabled());
    dock->copyRequestIdAction()->trigger();
    QCOMPARE(clipboard->text(), e->requestId);

    dock->copyAsMenu()->curlAction()->trigger();
    const QString curl = clipboard->text();
    QVERIFY2(curl.startsWith(u"printf 'Authorization: Bearer %s\\n' \"$GRAPH_ACCESS_TOKEN\" | curl -H @- -X GET '"_s
                 + e->url.toString(QUrl::FullyEncoded) + u'\''),
        qPrintable(curl));
    QVERIFY(curl.contains(u"$GRAPH_ACCESS_TOKEN"_s));
    QVERIFY(!curl.contains(token));
    QVERIFY(!curl.contains(e->clientRequestId)); // a copy is a new request

    dock->copyAsMenu()->powerShellAction()->trigger();
    QVERIFY(clipboard->text().startsWith(u"Invoke-MgGraphRequest -Method GET -Uri '"_s));
    QVERIFY(!clipboard->text().contains(token));
    // Graph Explorer cannot reach the sandbox on 127.0.0.1.
    QVERIFY(!dock->copyAsMenu()->graphExplorerAction()->isEnabled());

    // The Copy as button of the dock opens the same menu.
    auto *button = child<QPushButton>(dock, "requestLogCopyAsButton");
    QVERIFY(button && button->isEnabled());
    QCOMPARE(button->menu(), dock->copyAsMenu());
}

void TestRequestLog::exportWritesJsonLinesWithoutTheToken()
{
    const QString token = m_server->accessToken();
    RequestLogDock *dock = showLog();
    RequestLogModel *model = dock->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && model->exchanges().constLast().finished, kTimeoutMs);

    const QString path = m_dir.filePath(u"log.jsonl"_s);
    QString problem;
    QVERIFY2(dock->exportTo(path, &problem), qPrintable(problem));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(!content.contains(token.toUtf8()));
    const QList<QByteArray> lines = content.trimmed().split('\n');
    QCOMPARE(lines.size(), model->rowCount());
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject line = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(line.value(u"requestId"_s).toString(), model->exchangeAt(i)->requestId);
        QCOMPARE(line.value(u"status"_s).toInt(), 200);
    }

    // A folder that does not exist: a reason, and no file.
    const QString bad = m_dir.filePath(u"missing/folder/log.jsonl"_s);
    QVERIFY(!dock->exportTo(bad, &problem));
    QVERIFY(!problem.isEmpty());
    QVERIFY(!QFile::exists(bad));

    if (screenshotsWanted()) {
        // A configuration selected, so the log holds more than the first read.
        auto *configurations = child<QTableView>(m_window.get(), "configurationsView");
        QVERIFY(configurations);
        configurations->selectRow(1);
        QTRY_VERIFY_WITH_TIMEOUT(
            model->rowCount() > lines.size() && model->exchanges().constLast().finished, kTimeoutMs);
        dock->view()->selectRow(model->rowCount() - 1);
        QTest::qWait(200); // only for the picture: the details pane and the columns settle
        saveScreenshot(m_window.get(), u"request-log.png"_s);
    }
}

void TestRequestLog::clearEmptiesTheLog()
{
    RequestLogDock *dock = showLog();
    RequestLogModel *model = dock->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, kTimeoutMs);
    auto *clear = child<QPushButton>(dock, "requestLogClearButton");
    QVERIFY(clear && clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!clear->isEnabled());
    auto *requestLogDetails = child<QPlainTextEdit>(dock, "requestLogDetails");
    QVERIFY(requestLogDetails);
    QVERIFY(requestLogDetails->toPlainText().isEmpty());
}

QTEST_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
