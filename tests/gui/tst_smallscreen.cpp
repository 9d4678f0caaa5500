// The main window on an admin's laptop screen, as a user meets it first: no
// remembered layout, the sandbox tenant, then the usual steps (a
// configuration, a target, the exact request, History and Request log, beta's
// extra columns, an error). At every step nothing may be cut off
// (LayoutCheck.h), and a PNG of the window is saved and must show it.
//
// ctest runs this once per screen (tests/gui/CMakeLists.txt): the offscreen
// platform is given the screen by QT_QPA_PLATFORM=offscreen:configfile=…, and
// EA_EXPECTED_SCREEN says what the test must find (WIDTHxHEIGHT@SCALE), so a
// run that did not get that screen fails instead of checking another one;
// EA_LANGUAGE=de runs it in German.
// The PNGs go to EA_SCREENSHOT_DIR, or else to the build folder
// (EA_SMALLSCREEN_OUTPUT_DIR); their names carry the screen.

#include "GuiTestSupport.h"
#include "Language.h"
#include "LayoutCheck.h"
#include "MainWindow.h"
#include "models/ConfigurationTableModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/CopyDialog.h"
#include "widgets/RequestLogDock.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::ui::MainWindow;
using namespace ea::testing;

namespace {

struct ExpectedScreen
{
    QSize logical;
    qreal scale = 1;
    QString tag; // for the PNGs' names
};

ExpectedScreen expectedScreen()
{
    // "1280x720@1": the logical size the screen reports and Qt's scale factor.
    static const QRegularExpression pattern(u"^(\\d+)x(\\d+)@(\\d+(?:\\.\\d+)?)$"_s);
    const QString spec = qEnvironmentVariable("EA_EXPECTED_SCREEN");
    const QRegularExpressionMatch m = pattern.match(spec);
    if (!m.hasMatch())
        return {};
    ExpectedScreen s;
    s.logical = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    s.scale = m.captured(3).toDouble();
    s.tag = s.scale == 1 ? u"%1x%2"_s.arg(s.logical.width()).arg(s.logical.height())
                         : u"%1x%2-at-%3x"_s.arg(s.logical.width()).arg(s.logical.height()).arg(s.scale);
    return s;
}

QString outputDir()
{
    const QString dir = qEnvironmentVariable("EA_SCREENSHOT_DIR");
    return dir.isEmpty() ? QStringLiteral(EA_SMALLSCREEN_OUTPUT_DIR) : dir;
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

// More than a handful of colours: something was drawn, not an empty frame.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const QImage small = image.scaled(200, 120);
    for (int y = 0; y < small.height(); ++y) {
        for (int x = 0; x < small.width(); ++x)
            colours.insert(small.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

// checkStep's QVERIFYs end checkStep only; this ends the test function too.
#define CHECK_STEP(step)                                                                                               \
    do {                                                                                                               \
        checkStep(step);                                                                                               \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

class TestSmallScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void firstWindowFitsTheScreen();
    void rememberedLargerWindowIsFitted();
    void nothingIsClippedAlongTheWay();
    void copyDialogWithAPlanFitsTheScreen();

private:
    // Saves the window's picture and fails on anything cut off.
    void checkStep(const QString &step);
    // A window on its own settings file (nothing remembered unless the file has it).
    void openWindow(const QString &settingsName);

    ExpectedScreen m_screen;
    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QSettings> m_settings; // outlives the window, which saves its layout into it
    std::unique_ptr<MainWindow> m_window;
};

void TestSmallScreen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_screen = expectedScreen();
    QVERIFY2(m_screen.logical.isValid(),
        "EA_EXPECTED_SCREEN (e.g. 1280x720@1) is not set: run this test through ctest, which sets the screen");
    QScreen *screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    // Not the screen this run is for (the platform's configuration was lost): fail, never check another.
    QCOMPARE(screen->availableGeometry().size(), m_screen.logical);
    QCOMPARE(screen->devicePixelRatio(), m_screen.scale);
    QVERIFY2(QDir().mkpath(outputDir()), qPrintable(outputDir()));
    // EA_LANGUAGE=de: the longer German texts must fit too.
    const QString language = qEnvironmentVariable("EA_LANGUAGE");
    if (!language.isEmpty()) {
        QLocale::setDefault(QLocale(language));
        QVERIFY2(ui::installTranslations(QLocale(language)), qPrintable(language));
        m_screen.tag += u'-' + language;
    }

    m_server = std::make_unique<sandbox::SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestSmallScreen::init()
{
    m_session = makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_dir.filePath(u"audit.jsonl"_s)});
    QVERIFY(m_session);
}

void TestSmallScreen::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_session.reset();
    m_server->tenant().failNextRequests(0, 200);
}

void TestSmallScreen::openWindow(const QString &settingsName)
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(settingsName + u".ini"_s), QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->useSettings(m_settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSmallScreen::firstWindowFitsTheScreen()
{
    // Nothing remembered: the first window is sized from this screen.
    openWindow(u"first"_s);
    const QRect available = m_window->screen()->availableGeometry();
    const QRect frame = m_window->frameGeometry();
    QVERIFY2(available.contains(frame),
        qPrintable(u"frame %1,%2 %3x%4 on %5x%6"_s.arg(frame.x())
                       .arg(frame.y())
                       .arg(frame.width())
                       .arg(frame.height())
                       .arg(available.width())
                       .arg(available.height())));
    // Most of the screen, not all of it, and in its middle.
    QVERIFY2(frame.width() >= available.width() * 0.8 && frame.height() >= available.height() * 0.8,
        qPrintable(u"%1x%2"_s.arg(frame.width()).arg(frame.height())));
    QVERIFY(frame.width() <= 1440 && frame.height() <= 900);
    QVERIFY(qAbs(frame.center().x() - available.center().x()) <= 2);
    QVERIFY(qAbs(frame.center().y() - available.center().y()) <= 2);
    // And the window can be made as small as this screen.
    const QSize minimum = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
    QVERIFY2(minimum.width() <= available.width() && minimum.height() <= available.height(),
        qPrintable(u"minimum %1x%2"_s.arg(minimum.width()).arg(minimum.height())));
}

void TestSmallScreen::rememberedLargerWindowIsFitted()
{
    // A layout remembered on a big monitor, opened on this screen.
    {
        QSettings settings(m_dir.filePath(u"big.ini"_s), QSettings::IniFormat);
        MainWindow big(m_session.get());
        big.useSettings(&settings);
        big.setGeometry(100, 100, 1900, 1150);
        big.saveLayout();
    }
    openWindow(u"big"_s);
    const QRect available = m_window->screen()->availableGeometry();
    QTRY_VERIFY(available.contains(m_window->frameGeometry()));
}

void TestSmallScreen::checkStep(const QString &step)
{
    QTest::qWait(150); // layouts and the group names settle
    QStringList problems;

    // The buttons an admin came for can be brought into view whole (a pane
    // scrolls to them), not just lie somewhere inside the window. Assign
    // comes last: the picture then shows the pane scrolled to it.
    for (const QString &name : {u"removeAssignmentButton"_s, u"undoButton"_s, u"previewCopyAsButton"_s,
             u"cancelButton"_s, u"assignButton"_s}) {
        auto *button = m_window->findChild<QPushButton *>(name);
        if (!button || !button->isVisible())
            continue;
        // In a dock behind another dock's tab: the tab brings it (LayoutCheck.h).
        QDockWidget *dock = nullptr;
        for (QWidget *p = button->parentWidget(); p && !dock; p = p->parentWidget())
            dock = qobject_cast<QDockWidget *>(p);
        if (dock && dock->visibleRegion().isEmpty() && !m_window->tabifiedDockWidgets(dock).isEmpty())
            continue;
        for (QWidget *p = button->parentWidget(); p; p = p->parentWidget()) {
            if (auto *area = qobject_cast<QScrollArea *>(p)) {
                area->ensureWidgetVisible(button, 0, 0);
                break;
            }
        }
        QCoreApplication::processEvents();
        const QRect seen = button->visibleRegion().boundingRect();
        if (seen != button->rect())
            problems << u"cannot be scrolled into view whole (%1x%2 of %3x%4 seen): %5"_s.arg(seen.width())
                            .arg(seen.height())
                            .arg(button->width())
                            .arg(button->height())
                            .arg(name);
    }

    const QImage image = m_window->grab().toImage();
    QVERIFY2(!image.isNull(), "the window could not be rendered");
    QCOMPARE(image.size(), m_window->size() * m_screen.scale);
    QVERIFY2(distinctColours(image) > 20, "the picture is (nearly) empty");
    const QString file = QDir(outputDir()).filePath(u"smallscreen-%1-%2.png"_s.arg(m_screen.tag, step));
    QVERIFY2(image.save(file, "PNG"), qPrintable(file));
    qInfo("%s", qPrintable(file));

    // The window itself on the screen: what lies past the screen's edge is cut off too.
    const QRect available = m_window->screen()->availableGeometry();
    if (!available.contains(m_window->frameGeometry()))
        problems << u"the window (%1,%2 %3x%4) is not inside the screen (%5x%6)"_s.arg(m_window->frameGeometry().x())
                        .arg(m_window->frameGeometry().y())
                        .arg(m_window->frameGeometry().width())
                        .arg(m_window->frameGeometry().height())
                        .arg(available.width())
                        .arg(available.height());
    problems += testing::clippingProblems(m_window.get());
    QVERIFY2(problems.isEmpty(), qPrintable(step + u":\n  "_s + problems.join(u"\n  "_s)));
}

void TestSmallScreen::nothingIsClippedAlongTheWay()
{
    openWindow(u"walk"_s);
    auto *configurations = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(configurations);
    QTRY_VERIFY_WITH_TIMEOUT(configurations->model()->rowCount() > 5, kTimeoutMs);
    CHECK_STEP(u"1-loaded"_s);

    // A configuration and its assignments.
    const QString configurationId = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    const QModelIndex configuration
        = rowWhere(configurations->model(), ui::ConfigurationTableModel::NameColumn, [&](const QModelIndex &i) {
              return i.data(ui::ConfigurationTableModel::IdRole).toString() == configurationId;
          });
    QVERIFY(configuration.isValid());
    clickRow(configurations, configuration);
    QTRY_COMPARE(m_window->selectedConfigurationId(), configurationId);
    auto *assignments = child<QTableView>(m_window.get(), "assignmentsView");
    QVERIFY(assignments);
    QTRY_VERIFY_WITH_TIMEOUT(assignments->model()->rowCount() > 0, kTimeoutMs);
    CHECK_STEP(u"2-selected"_s);

    // A group picked: the request in the preview, Assign enabled.
    auto *kind = child<QComboBox>(m_window.get(), "targetKindCombo");
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(int(AssignmentTarget::Kind::IncludeGroup)));
    auto *search = child<QLineEdit>(m_window.get(), "groupSearchEdit");
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, u"Marketing"_s);
    auto *results = child<QTableView>(m_window.get(), "groupResultsView");
    QVERIFY(results);
    QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() > 1, kTimeoutMs);
    const QModelIndex group = rowWhere(
        results->model(), 0, [](const QModelIndex &i) { return i.data().toString().startsWith(u"Marketing –"_s); });
    QVERIFY(group.isValid());
    clickRow(results, group);
    auto *assign = child<QPushButton>(m_window.get(), "assignButton");
    QVERIFY(assign);
    QTRY_VERIFY(assign->isEnabled());
    CHECK_STEP(u"3-group-picked"_s);

    // Assigned; History and Request log open.
    QTest::mouseClick(assign, Qt::LeftButton);
    auto *createdAssignmentsView = child<QTableView>(m_window.get(), "createdAssignmentsView");
    QVERIFY(createdAssignmentsView);
    QTRY_COMPARE_WITH_TIMEOUT(createdAssignmentsView->model()->rowCount(), 1, kTimeoutMs);
    auto *historyAction = child<QAction>(m_window.get(), "historyAction");
    QVERIFY(historyAction);
    historyAction->trigger();
    auto *history = child<QDockWidget>(m_window.get(), "historyDock");
    QVERIFY(history);
    QTRY_VERIFY(history->isVisible() && !history->visibleRegion().isEmpty());
    CHECK_STEP(u"4-history"_s);
    auto *requestLogAction = child<QAction>(m_window.get(), "requestLogAction");
    QVERIFY(requestLogAction);
    requestLogAction->trigger();
    auto *log = child<ui::RequestLogDock>(m_window.get(), "requestLogDock");
    QVERIFY(log);
    QTRY_VERIFY(log->isVisible() && !log->visibleRegion().isEmpty());
    CHECK_STEP(u"5-request-log"_s);
    auto *hideRequestLogButton = child<QPushButton>(m_window.get(), "hideRequestLogButton");
    QVERIFY(hideRequestLogButton);
    QTest::mouseClick(hideRequestLogButton, Qt::LeftButton);
    auto *hideHistoryButton = child<QPushButton>(m_window.get(), "hideHistoryButton");
    QVERIFY(hideHistoryButton);
    QTest::mouseClick(hideHistoryButton, Qt::LeftButton);
    QTRY_VERIFY(!log->isVisible() && !history->isVisible());

    // beta: the filter and source columns, the assignment filter picker; the ESP's five assignments.
    auto *api = child<QComboBox>(m_window.get(), "apiVersionCombo");
    QVERIFY(api);
    api->setCurrentIndex(api->findData(int(ApiVersion::Beta)));
    QTRY_VERIFY_WITH_TIMEOUT(configurations->model()->rowCount() > 5, kTimeoutMs);
    const QString esp = m_server->tenant().espConfigurationId();
    const QModelIndex espRow = rowWhere(configurations->model(), ui::ConfigurationTableModel::NameColumn,
        [&](const QModelIndex &i) { return i.data(ui::ConfigurationTableModel::IdRole).toString() == esp; });
    QVERIFY(espRow.isValid());
    clickRow(configurations, espRow);
    QTRY_COMPARE_WITH_TIMEOUT(assignments->model()->rowCount(), 5, kTimeoutMs);
    kind->setCurrentIndex(kind->findData(int(AssignmentTarget::Kind::ConfigMgrCollection)));
    CHECK_STEP(u"6-beta"_s);

    // An error: the banner with its summary, advice and buttons.
    m_server->tenant().failNextRequests(1, 403);
    m_window->reloadConfigurations();
    auto *banner = child<QWidget>(m_window.get(), "errorBanner");
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeoutMs);
    CHECK_STEP(u"7-error"_s);
}

// File › Copy assignments… with a plan shown (the dialog with the most rows
// of controls): inside the screen, nothing cut off, in either language.
void TestSmallScreen::copyDialogWithAPlanFitsTheScreen()
{
    openWindow(u"copy"_s);
    auto *action = child<QAction>(m_window.get(), "copyAction");
    QVERIFY(action);
    action->trigger();
    auto *dialog = m_window->findChild<ui::CopyDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QSignalSpy loaded(dialog, &ui::CopyDialog::configurationsLoaded);
    QVERIFY(loaded.wait(kTimeoutMs));
    QVERIFY(dialog->chooseSource(m_server->tenant().limitConfigurationId()));
    QSignalSpy planned(dialog, &ui::CopyDialog::planShown);
    dialog->plan();
    QVERIFY(planned.wait(kTimeoutMs));
    QTest::qWait(150); // layouts and the group names settle

    const QString file = QDir(outputDir()).filePath(u"smallscreen-%1-copy-dialog.png"_s.arg(m_screen.tag));
    QVERIFY2(dialog->grab().save(file, "PNG"), qPrintable(file));
    qInfo("%s", qPrintable(file));
    const QRect available = dialog->screen()->availableGeometry();
    QVERIFY2(available.contains(dialog->frameGeometry()),
        qPrintable(u"dialog %1,%2 %3x%4 on %5x%6"_s.arg(dialog->frameGeometry().x())
                       .arg(dialog->frameGeometry().y())
                       .arg(dialog->frameGeometry().width())
                       .arg(dialog->frameGeometry().height())
                       .arg(available.width())
                       .arg(available.height())));
    const QStringList problems = testing::clippingProblems(dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n  "_s)));
    dialog->close();
}

QTEST_MAIN(TestSmallScreen)
#include "tst_smallscreen.moc"
