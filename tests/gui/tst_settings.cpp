// Settings: the typed preferences survive a restart (a new QSettings on the
// same file), keep their defaults and bounds, leave the tenant profiles
// alone; a new main window comes back with the size, splitter, column widths
// and sort order the previous one had; Preferences saves what OK confirms and
// the window applies it (the Graph call timeout; Remove without a question).

#include "AppSettings.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "auth/TenantProfile.h"
#include "graph/GraphClient.h"
#include "models/ConfigurationTableModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/PreferencesDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ea;
using namespace Qt::StringLiterals;
using ea::ui::AppSettings;
using ea::ui::MainWindow;
using namespace ea::testing;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void preferencesRoundTripAndDefaults();
    void profilesAreLeftAlone();
    void newWindowRestoresTheLayout();
    void layoutLargerThanTheScreenIsFittedIn();
    void preferencesDialogSavesAndTheWindowApplies();

private:
    std::unique_ptr<Session> makeSession();
    QString settingsPath() const { return m_dir.filePath(u"settings.ini"_s); }

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
}

std::unique_ptr<Session> TestSettings::makeSession()
{
    return testing::makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_dir.filePath(u"audit.jsonl"_s),
        .tenantLabel = {}});
}

void TestSettings::preferencesRoundTripAndDefaults()
{
    const QString path = m_dir.filePath(u"prefs.ini"_s);
    {
        QSettings empty(path, QSettings::IniFormat);
        const AppSettings defaults(&empty);
        QCOMPARE(defaults.defaultApiVersion(), ApiVersion::V1);
        QCOMPARE(defaults.transferTimeoutSeconds(), 30);
        QCOMPARE(defaults.connectTimeoutSeconds(), 15);
        QVERIFY(defaults.confirmRemove());
        QVERIFY(defaults.confirmUndo());
        QVERIFY(defaults.windowGeometry().isEmpty());
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        AppSettings app(&settings);
        app.setDefaultApiVersion(ApiVersion::Beta);
        app.setTransferTimeoutSeconds(75);
        app.setConnectTimeoutSeconds(40);
        app.setConfirmRemove(false);
        app.setConfirmUndo(false);
        app.setHeaderState(u"someView"_s, QByteArray("header"));
        app.setSplitterState(u"someSplitter"_s, QByteArray("splitter"));
        app.sync();
    }
    {
        QSettings reread(path, QSettings::IniFormat);
        AppSettings app(&reread);
        QCOMPARE(app.defaultApiVersion(), ApiVersion::Beta);
        QCOMPARE(app.transferTimeoutSeconds(), 75);
        QCOMPARE(app.connectTimeoutSeconds(), 40);
        QVERIFY(!app.confirmRemove());
        QVERIFY(!app.confirmUndo());
        QCOMPARE(app.headerState(u"someView"_s), QByteArray("header"));
        QCOMPARE(app.splitterState(u"someSplitter"_s), QByteArray("splitter"));

        // Out of range (hand-edited file) is held to the bounds.
        reread.setValue(u"preferences/transferTimeoutSeconds"_s, 1);
        QCOMPARE(app.transferTimeoutSeconds(), AppSettings::kMinTransferTimeoutSeconds);
        reread.setValue(u"preferences/connectTimeoutSeconds"_s, 100000);
        QCOMPARE(app.connectTimeoutSeconds(), AppSettings::kMaxConnectTimeoutSeconds);
        reread.setValue(u"preferences/apiVersion"_s, u"v9"_s);
        QCOMPARE(app.defaultApiVersion(), ApiVersion::V1);
    }
}

void TestSettings::profilesAreLeftAlone()
{
    QSettings settings(m_dir.filePath(u"shared.ini"_s), QSettings::IniFormat);
    auth::ProfileStore profiles(&settings);
    auth::TenantProfile profile;
    profile.displayName = u"Contoso"_s;
    profile.tenant = u"contoso.onmicrosoft.com"_s;
    profile.clientId = QString::fromLatin1(auth::kGraphCommandLineToolsClientId);
    const QString id = profiles.save(profile);
    QVERIFY(!id.isEmpty());

    AppSettings app(&settings);
    app.setDefaultApiVersion(ApiVersion::Beta);
    app.setWindowGeometry(QByteArray("geometry"));
    app.sync();
    QCOMPARE(profiles.find(id).value_or(auth::TenantProfile {}).displayName, u"Contoso"_s);
    for (const QString &key : settings.allKeys())
        QVERIFY2(key.startsWith(u"auth/"_s) || key.startsWith(u"preferences/"_s) || key.startsWith(u"window/"_s),
            qPrintable(key));
}

void TestSettings::newWindowRestoresTheLayout()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    QSize saved;
    const std::unique_ptr<Session> session = makeSession();
    {
        MainWindow first(session.get());
        first.useSettings(&settings);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        // A size that fits the screen (the offscreen one is 800 x 600): a
        // larger one is fitted into it when restored (layoutLargerThanTheScreenIsFittedIn).
        const QSize available = first.screen()->availableGeometry().size();
        first.resize(QSize(1100, 760).boundedTo(available - QSize(10, 10)).expandedTo(first.minimumSizeHint()));
        saved = first.size();
        auto *splitter = child<QSplitter>(&first, "workspaceSplitter");
        QVERIFY(splitter);
        QTRY_VERIFY(splitter->width() > 400);
        const int total = splitter->sizes().constFirst() + splitter->sizes().constLast();
        splitter->setSizes({300, total - 300});
        auto *view = child<QTableView>(&first, "configurationsView");
        QVERIFY(view);
        view->horizontalHeader()->resizeSection(ui::ConfigurationTableModel::TypeColumn, 333);
        view->sortByColumn(ui::ConfigurationTableModel::PriorityColumn, Qt::DescendingOrder);
        QTRY_COMPARE(splitter->sizes().constFirst(), 300);
    } // saved as it closes

    MainWindow second(session.get());
    second.useSettings(&settings);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.size(), saved);
    auto *workspaceSplitter = child<QSplitter>(&second, "workspaceSplitter");
    QVERIFY(workspaceSplitter);
    QCOMPARE(workspaceSplitter->sizes().constFirst(), 300);
    auto *configurationsView = child<QTableView>(&second, "configurationsView");
    QVERIFY(configurationsView);
    QHeaderView *header = configurationsView->horizontalHeader();
    QCOMPARE(header->sectionSize(ui::ConfigurationTableModel::TypeColumn), 333);
    QCOMPARE(header->sortIndicatorSection(), int(ui::ConfigurationTableModel::PriorityColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
}

void TestSettings::layoutLargerThanTheScreenIsFittedIn()
{
    // Saved on a large monitor, opened on a laptop: the window opens inside
    // the screen instead of past its edges (Qt 6.8 fits it itself, 6.4 does not).
    QSettings settings(m_dir.filePath(u"large.ini"_s), QSettings::IniFormat);
    const std::unique_ptr<Session> session = makeSession();
    {
        MainWindow first(session.get());
        first.useSettings(&settings);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.setGeometry(QRect(QPoint(200, 150), QSize(2400, 1600)));
        QTRY_COMPARE(first.width(), 2400);
    }
    MainWindow second(session.get());
    second.useSettings(&settings);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    const QRect available = second.screen()->availableGeometry();
    QTRY_VERIFY2(available.contains(second.frameGeometry()),
        qPrintable(u"window %1,%2 %3x%4 on a screen of %5x%6"_s.arg(second.frameGeometry().x())
                       .arg(second.frameGeometry().y())
                       .arg(second.frameGeometry().width())
                       .arg(second.frameGeometry().height())
                       .arg(available.width())
                       .arg(available.height())));
}

void TestSettings::preferencesDialogSavesAndTheWindowApplies()
{
    QSettings settings(m_dir.filePath(u"dialog.ini"_s), QSettings::IniFormat);
    const std::unique_ptr<Session> session = makeSession();
    MainWindow window(session.get());
    QAction *preferences = child<QAction>(&window, "preferencesAction");
    QVERIFY(preferences);
    QCOMPARE(preferences->menuRole(), QAction::PreferencesRole);
    QVERIFY(!preferences->isEnabled()); // nothing to save to yet
    window.useSettings(&settings);
    QVERIFY(preferences->isEnabled());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    preferences->trigger();
    auto *dialog = child<ui::PreferencesDialog>(&window, "preferencesDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(window.isVisible()); // open(), not exec()
    auto *api = child<QComboBox>(dialog, "preferencesApiVersion");
    QVERIFY(api);
    api->setCurrentIndex(api->findData(int(ApiVersion::Beta)));
    auto *preferencesTimeout = child<QSpinBox>(dialog, "preferencesTimeout");
    QVERIFY(preferencesTimeout);
    preferencesTimeout->setValue(90);
    auto *preferencesConnectTimeout = child<QSpinBox>(dialog, "preferencesConnectTimeout");
    QVERIFY(preferencesConnectTimeout);
    preferencesConnectTimeout->setValue(7);
    auto *preferencesConfirmUndo = child<QCheckBox>(dialog, "preferencesConfirmUndo");
    QVERIFY(preferencesConfirmUndo);
    preferencesConfirmUndo->setChecked(false);
    auto *preferencesOkButton = child<QPushButton>(dialog, "preferencesOkButton");
    QVERIFY(preferencesOkButton);
    QTest::mouseClick(preferencesOkButton, Qt::LeftButton);
    QTRY_VERIFY(!window.findChild<ui::PreferencesDialog *>(u"preferencesDialog"_s));

    const AppSettings saved(&settings);
    QCOMPARE(saved.defaultApiVersion(), ApiVersion::Beta);
    QCOMPARE(saved.transferTimeoutSeconds(), 90);
    QVERIFY(!saved.confirmUndo());
    QVERIFY(saved.confirmRemove());
    QCOMPARE(session->graph()->transferTimeout(), std::chrono::milliseconds(90000));
    QCOMPARE(saved.connectTimeoutSeconds(), 7);
    QCOMPARE(session->graph()->connectTimeout(), std::chrono::milliseconds(7000));
    // The session keeps its version; the default is for the next one.
    QCOMPARE(session->apiVersion(), ApiVersion::V1);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
