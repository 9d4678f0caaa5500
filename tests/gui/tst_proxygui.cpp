// The GUI behind a proxy: Preferences' proxy choice (checked, saved and
// applied at once), and the main window reaching the sandbox tenant through
// a real proxy that wants a password (Debian's squid on 127.0.0.1): the
// dialog asks, a wrong password is said in the dialog, Cancel ends in a
// banner that explains the 407 instead of a loop.

#include "../common/LocalProxy.h"
#include "AppSettings.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "net/ProxyAccess.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/ErrorBanner.h"
#include "widgets/PreferencesDialog.h"
#include "widgets/ProxyCredentialsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ea;
using namespace ea::testing;

namespace {

// A proxy that asks for a password takes longer than the sandbox alone.
constexpr int kProxyTimeoutMs = 2 * kTimeoutMs;

// Answers the next proxy dialogs as a user would, one function per dialog.
class DialogAnswerer : public QObject
{
public:
    using Answer = std::function<void(ui::ProxyCredentialsDialog *)>;
    explicit DialogAnswerer(QList<Answer> answers)
        : m_answers(std::move(answers))
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *dialog = qobject_cast<ui::ProxyCredentialsDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog == m_last || m_answers.isEmpty())
                return;
            m_last = dialog;
            auto *proxyCredentialsRefused = child<QLabel>(dialog, "proxyCredentialsRefused");
            QVERIFY(proxyCredentialsRefused);
            m_refusedTexts << proxyCredentialsRefused->text();
            m_answers.takeFirst()(dialog);
        });
        m_timer.start();
    }
    int asked() const { return m_refusedTexts.size(); }
    const QStringList &refusedTexts() const { return m_refusedTexts; }

private:
    QList<Answer> m_answers;
    QTimer m_timer;
    QPointer<ui::ProxyCredentialsDialog> m_last;
    QStringList m_refusedTexts;
};

DialogAnswerer::Answer typeAndSignIn(const QString &user, const QString &password)
{
    return [user, password](ui::ProxyCredentialsDialog *dialog) {
        auto *userEdit = child<QLineEdit>(dialog, "proxyUser");
        QVERIFY(userEdit);
        userEdit->selectAll();
        QTest::keyClicks(userEdit, user);
        auto *proxyPassword = child<QLineEdit>(dialog, "proxyPassword");
        QVERIFY(proxyPassword);
        QTest::keyClicks(proxyPassword, password);
        auto *proxyCredentialsOk = child<QPushButton>(dialog, "proxyCredentialsOk");
        QVERIFY(proxyCredentialsOk);
        QTest::mouseClick(proxyCredentialsOk, Qt::LeftButton);
    };
}

DialogAnswerer::Answer cancel()
{
    return [](ui::ProxyCredentialsDialog *dialog) {
        auto *proxyCredentialsCancel = child<QPushButton>(dialog, "proxyCredentialsCancel");
        QVERIFY(proxyCredentialsCancel);
        QTest::mouseClick(proxyCredentialsCancel, Qt::LeftButton);
    };
}

} // namespace

class TestProxyGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void preferencesRefuseAnUnusableAddress();
    void preferencesApplyAtOnce();
    void windowLoadsThroughTheProxyAfterTheDialog();
    void wrongPasswordIsSaidInTheDialogAndCancelExplains407();

private:
    std::unique_ptr<Session> makeSession();
    void openWindow();

    LocalProxy m_proxy;
    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<net::ProxyAccess> m_access;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestProxyGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_proxy.start(u"alice"_s, u"s3cret"_s), qPrintable(m_proxy.errorString()));
}

void TestProxyGui::init()
{
    m_server = std::make_unique<sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
    m_settings = std::make_unique<QSettings>(
        m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_s), QSettings::IniFormat);
    net::ProxySettings manual;
    manual.mode = net::ProxySettings::Mode::Manual;
    manual.manualProxy = QUrl(m_proxy.url());
    // As app/main.cpp does: from the settings, installed before any session exists.
    ui::AppSettings(m_settings.get()).setProxySettings(manual);
    m_access = std::make_unique<net::ProxyAccess>(
        ui::AppSettings(m_settings.get()).proxySettings(), net::ProxyEnvironment {});
    m_access->setPrompt(ui::ProxyCredentialsDialog::prompt(false));
    m_access->install();
}

void TestProxyGui::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_access.reset();
    m_server.reset();
    m_settings.reset();
}

std::unique_ptr<Session> TestProxyGui::makeSession()
{
    // Not marked as the sandbox: the window treats it as a tenant reached through the proxy.
    return testing::makeSession({.graphRoot = m_server->url(),
        .accessToken = m_server->accessToken(),
        .auditJournalPath = m_dir.filePath(u"audit.jsonl"_s),
        .tenantLabel = u"Sandbox behind a proxy"_s,
        .sandbox = false});
}

void TestProxyGui::openWindow()
{
    m_session = makeSession();
    m_window = std::make_unique<ui::MainWindow>(m_session.get());
    m_window->useSettings(m_settings.get());
    m_window->show();
}

void TestProxyGui::preferencesRefuseAnUnusableAddress()
{
    ui::AppSettings settings(m_settings.get());
    net::ProxySettings none;
    none.mode = net::ProxySettings::Mode::None;
    settings.setProxySettings(none);
    ui::PreferencesDialog dialog(&settings);
    dialog.show();
    auto *preferencesProxyManual = child<QRadioButton>(&dialog, "preferencesProxyManual");
    QVERIFY(preferencesProxyManual);
    QTest::mouseClick(preferencesProxyManual, Qt::LeftButton);
    auto *address = child<QLineEdit>(&dialog, "preferencesProxyAddress");
    QVERIFY(address);
    QVERIFY(address->isEnabled());
    address->clear();
    QTest::keyClicks(address, u"proxy.contoso.com"_s);
    auto *preferencesOkButton = child<QPushButton>(&dialog, "preferencesOkButton");
    QVERIFY(preferencesOkButton);
    QTest::mouseClick(preferencesOkButton, Qt::LeftButton);
    // Still open, the problem said next to the field, nothing saved.
    QVERIFY(dialog.isVisible());
    auto *problem = child<QLabel>(&dialog, "preferencesProxyProblem");
    QVERIFY(problem);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"has no port"_s), qPrintable(problem->text()));
    QCOMPARE(settings.proxySettings().mode, net::ProxySettings::Mode::None);
    // Typing hides the old problem.
    QTest::keyClicks(address, u":8080"_s);
    QVERIFY(!problem->isVisible());
}

void TestProxyGui::preferencesApplyAtOnce()
{
    openWindow();
    ui::AppSettings settings(m_settings.get());
    auto *dialog = new ui::PreferencesDialog(&settings, m_window.get());
    // The note says which way Graph goes now and why.
    auto *preferencesProxyNote = child<QLabel>(dialog, "preferencesProxyNote");
    QVERIFY(preferencesProxyNote);
    QVERIFY2(preferencesProxyNote->text().contains(m_proxy.label() + u" (manual)"_s),
        qPrintable(preferencesProxyNote->text()));
    delete dialog;

    // Through the window's Preferences: No proxy, saved, and applied to the policy.
    auto *preferencesAction = child<QAction>(m_window.get(), "preferencesAction");
    QVERIFY(preferencesAction);
    preferencesAction->trigger();
    QTRY_VERIFY(m_window->findChild<ui::PreferencesDialog *>());
    auto *prefs = m_window->findChild<ui::PreferencesDialog *>();
    auto *preferencesProxyNone = child<QRadioButton>(prefs, "preferencesProxyNone");
    QVERIFY(preferencesProxyNone);
    QTest::mouseClick(preferencesProxyNone, Qt::LeftButton);
    auto *preferencesOkButton = child<QPushButton>(prefs, "preferencesOkButton");
    QVERIFY(preferencesOkButton);
    QTest::mouseClick(preferencesOkButton, Qt::LeftButton);
    QCOMPARE(ui::AppSettings(m_settings.get()).proxySettings().mode, net::ProxySettings::Mode::None);
    QCOMPARE(m_access->settings().mode, net::ProxySettings::Mode::None);
    QVERIFY(m_access->routeFor(m_server->url()).isDirect());
}

void TestProxyGui::windowLoadsThroughTheProxyAfterTheDialog()
{
    DialogAnswerer answerer({typeAndSignIn(u"alice"_s, u"s3cret"_s)});
    openWindow();
    auto *view = child<QTableView>(m_window.get(), "configurationsView");
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 5, kProxyTimeoutMs);
    QCOMPARE(answerer.asked(), 1);
    QVERIFY(answerer.refusedTexts().constFirst().isEmpty());
    const QString root = m_server->url().toString(QUrl::StripTrailingSlash);
    QTRY_VERIFY2(m_proxy.forwarded(root + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s) >= 1,
        qPrintable(m_proxy.log()));
    QVERIFY2(m_proxy.count({root, u" alice "_s}) >= 1, "forwarded as alice");
}

void TestProxyGui::wrongPasswordIsSaidInTheDialogAndCancelExplains407()
{
    DialogAnswerer answerer({typeAndSignIn(u"alice"_s, u"typo"_s), cancel()});
    openWindow();
    // The load starts once the event loop runs: both are in place before it.
    QSignalSpy loaded(m_window.get(), &ui::MainWindow::configurationsLoadFinished);
    ExchangeRecorder calls(m_session->graph());
    auto *banner = child<ui::ErrorBanner>(m_window.get(), "errorBanner");
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kProxyTimeoutMs);
    QCOMPARE(answerer.asked(), 2);
    QCOMPARE(answerer.refusedTexts().at(1),
        u"The proxy refused the user name or password of alice. Check them (Caps Lock?) and try again, or Cancel."_s);
    QVERIFY2(banner->summaryText().contains(u"HTTP 407"_s), qPrintable(banner->summaryText()));
    QVERIFY2(banner->summaryText().contains(
                 u"The proxy %1 refused the user name or password of alice"_s.arg(m_proxy.label())),
        qPrintable(banner->summaryText()));
    QVERIFY2(banner->suggestionText().contains(u"Try again to be asked for the proxy's user name and password"_s),
        qPrintable(banner->suggestionText()));
    // The load is over, and nothing else was started that could ask a third
    // time or reach the tenant later; the tenant (this test's own) saw nothing.
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, kProxyTimeoutMs);
    QCOMPARE(loaded.constFirst().constFirst().toBool(), false);
    const qsizetype startedForTheLoad = calls.started().size();
    QVERIFY(letQueuedWorkRun());
    QVERIFY2(calls.started().size() == startedForTheLoad, qPrintable(calls.describe()));
    QCOMPARE(answerer.asked(), 2);
    QCOMPARE(m_server->tenant().requestCount(), 0);
    QCOMPARE(m_proxy.forwarded(m_server->url().toString(QUrl::StripTrailingSlash)), 0);
}

QTEST_MAIN(TestProxyGui)
#include "tst_proxygui.moc"
