// The sign-in side of the window, driven like an admin drives it: the first
// start's welcome, the profile dialog, a device-code sign-in against the
// sandbox's own identity endpoints (the test approves the code as the user
// would), the account in the title and status bar, the permission warnings,
// sign-out and the lazy resume of a saved sign-in.
//
// HOME and the XDG folders point into a temporary directory (set in main()
// before anything reads them), profiles live in an ini file there and tokens
// in a MemoryTokenStore: the real keychain and settings are never touched.
//
// Set EA_SCREENSHOT_DIR to also save PNGs of the dialogs.

#include "../integration/tst_signin_support.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "SignInController.h"
#include "auth/IdentityClient.h"
#include "auth/SignInFlow.h"
#include "auth/TenantProfile.h"
#include "auth/TokenStore.h"
#include "models/ConfigurationTableModel.h"
#include "sandbox/SandboxIdentity.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "widgets/AccessTokenDialog.h"
#include "widgets/GroupSearchWidget.h"
#include "widgets/ProfileDialog.h"
#include "widgets/SignInDialog.h"
#include "widgets/WelcomeDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ea;
using ea::sandbox::SandboxServer;
using ea::ui::MainWindow;
using ea::ui::SignInController;
using namespace ea::testing;

namespace {

QString g_home;

// Every button, field, list and combo a user can reach in root's window has an objectName and an accessible name.
void checkNamed(QWidget *root, int atLeast)
{
    int checked = 0;
    const QList<QWidget *> widgets = interactiveWidgets(root);
    for (QWidget *w : widgets) {
        if (w->window() != root->window())
            continue;
        ++checked;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY2(checked >= atLeast, qPrintable(QString::number(checked)));
}

} // namespace

class TestSignInUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstStartOffersSandbox();
    void firstStartSignInAddsAProfileAndSignsInWithADeviceCode();
    void profileDialogSaysWhatIsWrong();
    void savedSignInIsResumedAfterTheFirstPaint();
    void missingWritePermissionWarnsBeforeAssign();
    void signOutDeletesTheStoredToken();
    void browserSignInWithTheTestAsTheBrowser();
    void signInErrorShowsTheSentenceAndTheNextStep();
    void rejectedRefreshAsksToSignInAgain();
    void closedSignInDialogExplainsTheFailedLoad();
    void keychainUnavailableIsSaidOnce();
    void suppliedTokenIsHiddenAndItsClaimsShown();
    void newDialogsAreNamedForAccessibility();

private:
    auth::TenantProfile sandboxProfile() const;
    auth::TenantProfile saveActiveProfile();
    void startController();
    MainWindow *window() const { return m_controller ? m_controller->window() : nullptr; }
    ui::SignInDialog *waitForSignInDialog();
    void signInWithDeviceCode();
    void waitForConfigurations();
    sandbox::SandboxIdentity &identity() { return m_server->tenant().identity(); }

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<auth::MemoryTokenStore> m_tokens;
    std::unique_ptr<SignInController> m_controller;
    QList<QUrl> m_openedUrls;
};

void TestSignInUi::initTestCase()
{
    QVERIFY(QDir::homePath() == g_home);
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestSignInUi::init()
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    m_settings->clear();
    m_tokens = std::make_unique<auth::MemoryTokenStore>();
    m_openedUrls.clear();
}

void TestSignInUi::cleanup()
{
    m_controller.reset();
    m_settings.reset();
    identity().setGrantedScopes(
        {QStringLiteral("DeviceManagementServiceConfig.ReadWrite.All"), QStringLiteral("Group.Read.All"),
            QStringLiteral("DeviceManagementConfiguration.ReadWrite.All"), QStringLiteral("User.Read")});
}

auth::TenantProfile TestSignInUi::sandboxProfile() const
{
    auth::TenantProfile p;
    p.displayName = QStringLiteral("Contoso test");
    p.tenant = QStringLiteral("contoso.onmicrosoft.com");
    p.clientId = QString::fromLatin1(auth::kGraphCommandLineToolsClientId);
    p.loginRootOverride = m_server->url().toString();
    p.graphRootOverride = m_server->url().toString();
    return p;
}

auth::TenantProfile TestSignInUi::saveActiveProfile()
{
    auth::ProfileStore store(m_settings.get());
    auth::TenantProfile p = sandboxProfile();
    p.id = store.save(p);
    store.setActiveProfileId(p.id);
    return p;
}

void TestSignInUi::startController()
{
    SignInController::Environment env;
    env.settings = m_settings.get();
    env.tokenStore = m_tokens.get();
    env.openUrl = [this](const QUrl &url) {
        m_openedUrls.append(url);
        return true; // the test plays the browser with the URL
    };
    env.auditJournalPath = m_dir.filePath(QStringLiteral("audit.jsonl"));
    env.openSandbox = [this, journal = env.auditJournalPath](QString *problem) -> std::unique_ptr<Session> {
        auto session = makeSession(
            {.graphRoot = m_server->url(), .accessToken = m_server->accessToken(), .auditJournalPath = journal});
        if (!session)
            *problem = QStringLiteral("the sandbox's URL is not a Graph root: ") + m_server->url().toString();
        return session;
    };
    m_controller = std::make_unique<SignInController>(env);
}

// Null if no sign-in dialog showed up in time (callers QVERIFY it).
ui::SignInDialog *TestSignInUi::waitForSignInDialog()
{
    const bool shown = QTest::qWaitFor(
        [this] { return m_controller->signInDialog() && m_controller->signInDialog()->isVisible(); }, kTimeoutMs);
    return shown ? m_controller->signInDialog() : nullptr;
}

void TestSignInUi::signInWithDeviceCode()
{
    ui::SignInDialog *dialog = waitForSignInDialog();
    QVERIFY(dialog);
    auto *deviceCodeSignInButton = child<QPushButton>(dialog, "deviceCodeSignInButton");
    QVERIFY(deviceCodeSignInButton);
    QTest::mouseClick(deviceCodeSignInButton, Qt::LeftButton);
    QCOMPARE(dialog->currentPage(), ui::SignInDialog::DeviceCodePage);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->userCode().isEmpty(), kTimeoutMs);
    QVERIFY(dialog->verificationUrl().startsWith(m_server->url().toString()));
    auto *copyDeviceCodeButton = child<QPushButton>(dialog, "copyDeviceCodeButton");
    QVERIFY(copyDeviceCodeButton);
    QVERIFY(copyDeviceCodeButton->isEnabled());
    auto *copyDeviceCodeUrlButton = child<QPushButton>(dialog, "copyDeviceCodeUrlButton");
    QVERIFY(copyDeviceCodeUrlButton);
    QVERIFY(copyDeviceCodeUrlButton->isEnabled());
    saveScreenshot(dialog, QStringLiteral("signin-device-code.png"));
    // The user enters the code on the sandbox's page and approves.
    QVERIFY(identity().approveDevice(dialog->userCode()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->signInDialog(), kTimeoutMs);
}

void TestSignInUi::waitForConfigurations()
{
    QTRY_VERIFY_WITH_TIMEOUT(window() && window()->session(), kTimeoutMs);
    auto *view = child<QTableView>(window(), "configurationsView");
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 5, kTimeoutMs);
}

// --- tests --------------------------------------------------------------------------

void TestSignInUi::firstStartOffersSandbox()
{
    startController();
    m_controller->startFromSettings();
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    auto *welcome = window()->findChild<ui::WelcomeDialog *>();
    QVERIFY(welcome);
    QTRY_VERIFY(welcome->isVisible());
    QVERIFY(window()->windowTitle().contains(QStringLiteral("Not signed in")));
    saveScreenshot(welcome, QStringLiteral("welcome.png"));

    QTest::mouseClick(welcome->sandboxButton(), Qt::LeftButton);
    waitForConfigurations();
    QVERIFY(window()->session()->isSandbox());
    QVERIFY(window()->windowTitle().contains(QStringLiteral("Sandbox tenant")));
    auto *tenantStatus = child<QLabel>(window(), "tenantStatus");
    QVERIFY(tenantStatus);
    QVERIFY(tenantStatus->text().contains(QStringLiteral("Sandbox tenant")));
    auto *sandboxBanner = child<QWidget>(window(), "sandboxBanner");
    QVERIFY(sandboxBanner);
    QVERIFY(sandboxBanner->isVisible());
    // Nothing was saved: the next start offers the same choice again.
    QVERIFY(auth::ProfileStore(m_settings.get()).profiles().isEmpty());
}

void TestSignInUi::firstStartSignInAddsAProfileAndSignsInWithADeviceCode()
{
    startController();
    m_controller->startFromSettings();
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    auto *welcome = window()->findChild<ui::WelcomeDialog *>();
    QVERIFY(welcome);
    QTest::mouseClick(welcome->signInButton(), Qt::LeftButton);

    ui::ProfileDialog *profileDialog = nullptr;
    QTRY_VERIFY((profileDialog = window()->findChild<ui::ProfileDialog *>()) && profileDialog->isVisible());
    const auth::TenantProfile wanted = sandboxProfile();
    QTest::keyClicks(profileDialog->displayNameEdit(), wanted.displayName);
    QTest::keyClicks(profileDialog->tenantEdit(), wanted.tenant);
    auto *profileUseGraphCliButton = child<QPushButton>(profileDialog, "profileUseGraphCliButton");
    QVERIFY(profileUseGraphCliButton);
    QTest::mouseClick(profileUseGraphCliButton, Qt::LeftButton);
    QTest::keyClicks(profileDialog->loginRootEdit(), wanted.loginRootOverride);
    QTest::keyClicks(profileDialog->graphRootEdit(), wanted.graphRootOverride);
    QVERIFY2(profileDialog->saveButton()->isEnabled(), qPrintable(profileDialog->problem()));
    QTest::mouseClick(profileDialog->saveButton(), Qt::LeftButton);

    // Saved and active; the first Graph call finds nobody signed in and asks.
    auth::ProfileStore store(m_settings.get());
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.activeProfileId(), store.profiles().constFirst().id);
    QVERIFY(window()->windowTitle().contains(QStringLiteral("Contoso test")));
    QVERIFY(window()->windowTitle().contains(QStringLiteral("not signed in")));
    signInWithDeviceCode();

    // Who and where, in the title and the permanent status bar label; the list loaded.
    waitForConfigurations();
    const QString account = sandbox::SandboxIdentity::userPrincipalName();
    QTRY_VERIFY(window()->windowTitle().contains(account));
    QVERIFY(window()->windowTitle().contains(QStringLiteral("Contoso test")));
    auto *tenantStatus = child<QLabel>(window(), "tenantStatus");
    QVERIFY(tenantStatus);
    QVERIFY(tenantStatus->text().contains(account));
    QVERIFY(tenantStatus->text().contains(QStringLiteral("contoso.onmicrosoft.com")));
    QVERIFY(tenantStatus->toolTip().contains(identity().tenantId()));
    QVERIFY(tenantStatus->toolTip().contains(QStringLiteral("DeviceManagementServiceConfig.ReadWrite.All")));
    QVERIFY(!tenantStatus->text().contains(QStringLiteral("cannot write")));
    saveScreenshot(window(), QStringLiteral("signed-in-window.png"));
    // The refresh token is in the store under the profile's key, and nowhere in the settings.
    const std::optional<QString> stored = m_tokens->peek(wanted.tokenStoreKey());
    QVERIFY(stored && !stored->isEmpty());
    m_settings->sync();
    QFile ini(m_settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(stored->toUtf8()));
}

void TestSignInUi::profileDialogSaysWhatIsWrong()
{
    ui::ProfileDialog dialog(auth::TenantProfile {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *problem = child<QLabel>(&dialog, "profileProblemLabel");
    QVERIFY(problem);
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("tenant")));

    QTest::keyClicks(dialog.tenantEdit(), QStringLiteral("contoso onmicrosoft"));
    QVERIFY(problem->text().contains(QStringLiteral("is not a tenant id or domain")));
    dialog.tenantEdit()->clear();
    QTest::keyClicks(dialog.tenantEdit(), QStringLiteral("contoso.onmicrosoft.com"));
    QVERIFY(problem->text().contains(QStringLiteral("client id")));
    QVERIFY(!dialog.saveButton()->isEnabled());

    QTest::keyClicks(dialog.clientIdEdit(), QString::fromLatin1(auth::kRetiredIntunePowerShellClientId));
    QVERIFY(problem->text().contains(QStringLiteral("retired")));
    QVERIFY(!dialog.saveButton()->isEnabled());

    auto *profileUseGraphCliButton = child<QPushButton>(&dialog, "profileUseGraphCliButton");
    QVERIFY(profileUseGraphCliButton);
    QTest::mouseClick(profileUseGraphCliButton, Qt::LeftButton);
    QCOMPARE(dialog.clientIdEdit()->text(), QString::fromLatin1(auth::kGraphCommandLineToolsClientId));
    QVERIFY(dialog.saveButton()->isEnabled());
    QVERIFY(!problem->isVisible());

    // A sign-in server over plain http anywhere but loopback is refused, with the reason.
    QTest::keyClicks(dialog.loginRootEdit(), QStringLiteral("http://login.example.com"));
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("loopback")));
    dialog.loginRootEdit()->clear();
    dialog.cloudCombo()->setCurrentIndex(dialog.cloudCombo()->findData(int(Cloud::UsGovL4)));
    QVERIFY(dialog.saveButton()->isEnabled());
    QCOMPARE(dialog.profile().cloud, Cloud::UsGovL4);
    QCOMPARE(dialog.profile().tenant, QStringLiteral("contoso.onmicrosoft.com"));
}

void TestSignInUi::savedSignInIsResumedAfterTheFirstPaint()
{
    // An earlier run signed in (through the core, as the CLI's login would).
    const auth::TenantProfile profile = saveActiveProfile();
    {
        QNetworkAccessManager network;
        auth::IdentityClient client(&network, profile);
        auth::DeviceCodeFlow flow(&client);
        connect(&flow, &auth::DeviceCodeFlow::userCodeReady, this,
            [this](const auth::DeviceCode &code) { identity().approveDevice(code.userCode); });
        QSignalSpy ok(&flow, &auth::SignInFlow::succeeded);
        flow.start();
        QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, kTimeoutMs);
        const auto tokens = ok.at(0).at(0).value<auth::TokenSet>();
        m_tokens->save(profile.tokenStoreKey(), tokens.refreshToken, [](const auto &) {});
    }

    startController();
    m_controller->startFromSettings();
    // The window asked for a token while it was being built; the store waits for the first paint.
    QCOMPARE(m_tokens->loadCount(), 0);
    QVERIFY(window()->windowTitle().contains(QStringLiteral("Contoso test")));
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    QTRY_COMPARE(m_tokens->loadCount(), 1);

    waitForConfigurations();
    QTRY_VERIFY(window()->windowTitle().contains(sandbox::SandboxIdentity::userPrincipalName()));
    QVERIFY(!m_controller->signInDialog()); // nobody was asked to sign in
}

void TestSignInUi::missingWritePermissionWarnsBeforeAssign()
{
    identity().setGrantedScopes(
        {QStringLiteral("DeviceManagementServiceConfig.Read.All"), QStringLiteral("User.Read")});
    saveActiveProfile();
    startController();
    m_controller->startFromSettings();
    signInWithDeviceCode();
    waitForConfigurations();
    auto *tenantStatus = child<QLabel>(window(), "tenantStatus");
    QVERIFY(tenantStatus);
    QTRY_VERIFY(tenantStatus->text().contains(QStringLiteral("cannot write")));

    auto &tenant = m_server->tenant();
    const QString configId = tenant.limitConfigurationId();
    const QString groupId = tenant.groupIdByName(QStringLiteral("Sales Managers"));
    const int before = int(tenant.assignmentsOf(configId).size());

    // Select the configuration, then an include-group target.
    auto *view = child<QTableView>(window(), "configurationsView");
    QVERIFY(view);
    QModelIndex found;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, ui::ConfigurationTableModel::NameColumn);
        if (index.data(ui::ConfigurationTableModel::IdRole).toString() == configId)
            found = index;
    }
    QVERIFY(found.isValid());
    view->scrollTo(found);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(found).center());
    QTRY_COMPARE(window()->selectedConfigurationId(), configId);
    auto *kind = child<QComboBox>(window(), "targetKindCombo");
    QVERIFY(kind);
    kind->setCurrentIndex(kind->findData(int(AssignmentTarget::Kind::IncludeGroup)));

    // No Group.Read.All: typing a name does not search, and says to paste the id.
    auto *search = child<QLineEdit>(window(), "groupSearchEdit");
    auto *groupSearch = child<ui::GroupSearchWidget>(window(), "groupSearch");
    QVERIFY(search && groupSearch);
    QTest::keyClicks(search, QStringLiteral("Sales"));
    QVERIFY(groupSearch->statusText().contains(QStringLiteral("Group.Read.All")));
    QVERIFY(groupSearch->statusText().contains(QStringLiteral("object id")));
    QVERIFY(!groupSearch->isSearchPending());
    search->clear();
    QTest::keyClicks(search, groupId);

    auto *assignButton = child<QPushButton>(window(), "assignButton");
    QVERIFY(assignButton);
    QTRY_VERIFY2_WITH_TIMEOUT(assignButton->isEnabled(), qPrintable(window()->assignProblem()), kTimeoutMs);
    auto *assignReasonLabel = child<QLabel>(window(), "assignReasonLabel");
    QVERIFY(assignReasonLabel);
    QVERIFY(assignReasonLabel->text().contains(QStringLiteral("403")));
    // From the click on: the question comes before anything is sent.
    const int writes = tenant.writeCount();
    ExchangeRecorder calls(window()->session()->graph());
    QTest::mouseClick(assignButton, Qt::LeftButton);

    QMessageBox *box = nullptr;
    QTRY_VERIFY(
        (box = window()->findChild<QMessageBox *>(QStringLiteral("writePermissionConfirmation"))) && box->isVisible());
    QVERIFY(box->informativeText().contains(QStringLiteral("DeviceManagementServiceConfig.ReadWrite.All")));
    QVERIFY(box->informativeText().contains(QStringLiteral("403")));
    auto *writePermissionConfirmationCancel = child<QPushButton>(box, "writePermissionConfirmationCancel");
    QVERIFY(writePermissionConfirmationCancel);
    QTest::mouseClick(writePermissionConfirmationCancel, Qt::LeftButton);

    // Nothing was sent: no write started, and none is under way that could go out later.
    QTRY_VERIFY(!window()->findChild<QMessageBox *>(QStringLiteral("writePermissionConfirmation")));
    QVERIFY(letQueuedWorkRun());
    QVERIFY(!window()->isBusy());
    QVERIFY2(calls.writes() == 0, qPrintable(calls.describe()));
    QCOMPARE(tenant.writeCount(), writes);
    QCOMPARE(int(tenant.assignmentsOf(configId).size()), before);
}

void TestSignInUi::signOutDeletesTheStoredToken()
{
    const auth::TenantProfile profile = saveActiveProfile();
    startController();
    m_controller->startFromSettings();
    signInWithDeviceCode();
    waitForConfigurations();
    QVERIFY(m_tokens->peek(profile.tokenStoreKey()));

    auto *signOut = child<QAction>(window(), "signOutAction");
    QVERIFY(signOut && signOut->isEnabled());
    QSignalSpy signedOut(m_controller.get(), &SignInController::signedOut);
    signOut->trigger();
    QCOMPARE(signedOut.count(), 1);
    QVERIFY(!m_tokens->peek(profile.tokenStoreKey()));
    QVERIFY(!window()->session());
    QVERIFY(window()->windowTitle().contains(QStringLiteral("Not signed in")));
    QVERIFY(!window()->windowTitle().contains(sandbox::SandboxIdentity::userPrincipalName()));
    // The profile stays; signing in again goes to it.
    QCOMPARE(auth::ProfileStore(m_settings.get()).activeProfileId(), profile.id);
    auto *signInAction = child<QAction>(window(), "signInAction");
    QVERIFY(signInAction);
    signInAction->trigger();
    QVERIFY(waitForSignInDialog());
}

void TestSignInUi::browserSignInWithTheTestAsTheBrowser()
{
    saveActiveProfile();
    startController();
    m_controller->startFromSettings();
    ui::SignInDialog *dialog = waitForSignInDialog();
    QVERIFY(dialog);
    auto *browserSignInButton = child<QPushButton>(dialog, "browserSignInButton");
    QVERIFY(browserSignInButton);
    QTest::mouseClick(browserSignInButton, Qt::LeftButton);
    QCOMPARE(dialog->currentPage(), ui::SignInDialog::BrowserPage);
    QVERIFY(dialog->statusText().contains(QStringLiteral("Waiting for the browser")));
    QCOMPARE(m_openedUrls.size(), 1);
    saveScreenshot(dialog, QStringLiteral("signin-browser.png"));

    // The browser: the sandbox signs the user in and redirects to the app's listener on 127.0.0.1.
    QNetworkAccessManager browser;
    const test::HttpAnswer authorize = test::httpRequest(browser, "GET", m_openedUrls.constFirst());
    QCOMPARE(authorize.status, 302);
    QCOMPARE(authorize.location.host(), QStringLiteral("localhost"));
    const test::HttpAnswer page = test::httpRequest(browser, "GET", authorize.location);
    QCOMPARE(page.status, 200);

    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->signInDialog(), kTimeoutMs);
    waitForConfigurations();
    QTRY_VERIFY(window()->windowTitle().contains(sandbox::SandboxIdentity::userPrincipalName()));
}

void TestSignInUi::signInErrorShowsTheSentenceAndTheNextStep()
{
    saveActiveProfile();
    startController();
    m_controller->startFromSettings();
    ui::SignInDialog *dialog = waitForSignInDialog();
    QVERIFY(dialog);
    identity().failNextTokenRequest(QStringLiteral("invalid_client"), 7000218,
        QStringLiteral("The request body must contain the following parameter: 'client_assertion' or "
                       "'client_secret'."));
    auto *deviceCodeSignInButton = child<QPushButton>(dialog, "deviceCodeSignInButton");
    QVERIFY(deviceCodeSignInButton);
    QTest::mouseClick(deviceCodeSignInButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->currentPage(), ui::SignInDialog::ErrorPage, kTimeoutMs);
    auto *signInErrorMessage = child<QLabel>(dialog, "signInErrorMessage");
    QVERIFY(signInErrorMessage);
    QVERIFY(signInErrorMessage->text().contains(QStringLiteral("Public client flows")));
    auto *signInErrorNextStep = child<QLabel>(dialog, "signInErrorNextStep");
    QVERIFY(signInErrorNextStep);
    QVERIFY(signInErrorNextStep->text().contains(QStringLiteral("Allow public client flows")));
    auto *signInErrorDetails = child<QPlainTextEdit>(dialog, "signInErrorDetails");
    QVERIFY(signInErrorDetails);
    QVERIFY(signInErrorDetails->toPlainText().contains(QStringLiteral("7000218")));
    saveScreenshot(dialog, QStringLiteral("signin-error.png"));

    // Try again, and this time it works.
    auto *signInRetryButton = child<QPushButton>(dialog, "signInRetryButton");
    QVERIFY(signInRetryButton);
    QTest::mouseClick(signInRetryButton, Qt::LeftButton);
    QCOMPARE(dialog->currentPage(), ui::SignInDialog::ChoosePage);
    signInWithDeviceCode();
    waitForConfigurations();
}

void TestSignInUi::rejectedRefreshAsksToSignInAgain()
{
    saveActiveProfile();
    startController();
    m_controller->startFromSettings();
    signInWithDeviceCode();
    waitForConfigurations();

    // The admin's sign-in was revoked: Graph refuses the token, the refresh is refused too.
    identity().revokeAllRefreshTokens();
    identity().revokeAllAccessTokens();
    QSignalSpy loaded(window(), &MainWindow::configurationsLoadFinished);
    window()->reloadConfigurations();
    ui::SignInDialog *dialog = waitForSignInDialog();
    QVERIFY(dialog);
    auto *signInReason = child<QLabel>(dialog, "signInReason");
    QVERIFY(signInReason);
    QVERIFY(signInReason->isVisible());
    QVERIFY(!signInReason->text().isEmpty());
    QCOMPARE(loaded.count(), 0); // held, not failed, while the dialog is open

    signInWithDeviceCode();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(loaded.at(0).at(0).toBool(), true); // the held call went on with the new token
}

void TestSignInUi::closedSignInDialogExplainsTheFailedLoad()
{
    saveActiveProfile();
    startController();
    m_controller->startFromSettings();
    QSignalSpy loaded(window(), &MainWindow::configurationsLoadFinished);
    ui::SignInDialog *dialog = waitForSignInDialog();
    QVERIFY(dialog);
    auto *signInCancelButton = child<QPushButton>(dialog, "signInCancelButton");
    QVERIFY(signInCancelButton);
    QTest::mouseClick(signInCancelButton, Qt::LeftButton);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toBool(), false);
    auto *summary = child<QLabel>(window(), "errorSummary");
    QVERIFY(summary);
    QVERIFY(summary->isVisible());
    QVERIFY2(summary->text().contains(QStringLiteral("Contoso test")), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("Sign in")));
}

void TestSignInUi::keychainUnavailableIsSaidOnce()
{
    const QString notice = auth::sessionOnlyNotice(QStringLiteral("no D-Bus"));
    m_tokens->setPersistenceNotice(notice);
    saveActiveProfile();
    startController();
    m_controller->startFromSettings();
    signInWithDeviceCode();
    QTRY_COMPARE(m_controller->storageNotice(), notice);
    auto *label = child<QLabel>(window(), "storageNoticeLabel");
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->toolTip(), notice);
    QCOMPARE(window()->findChildren<QLabel *>(QStringLiteral("storageNoticeLabel")).size(), 1);
}

void TestSignInUi::suppliedTokenIsHiddenAndItsClaimsShown()
{
    // A token as Entra issues them: header.payload.signature, base64url.
    const QByteArray payload = QByteArrayLiteral(
        R"({"aud":"https://graph.microsoft.us","tid":"11111111-2222-3333-4444-555555555555",)"
        R"("upn":"admin@fabrikam.us","scp":"DeviceManagementServiceConfig.Read.All User.Read","exp":4102444800})");
    const QString token = QStringLiteral("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.")
        + QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        + QStringLiteral(".c2lnbmF0dXJl");
    ui::AccessTokenDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog.useButton()->isEnabled());
    dialog.tokenEdit()->setText(QStringLiteral("Bearer ") + token);
    QCOMPARE(dialog.token(), token);
    const QString shown = dialog.claimsLabel()->text();
    QVERIFY(shown.contains(QStringLiteral("admin@fabrikam.us")));
    QVERIFY(shown.contains(QStringLiteral("11111111-2222-3333-4444-555555555555")));
    QVERIFY(shown.contains(QStringLiteral("403"))); // no write permission in it
    QVERIFY(!shown.contains(token));
    QCOMPARE(dialog.cloud(), Cloud::UsGovL4); // from the audience
    QVERIFY(dialog.useButton()->isEnabled());
}

void TestSignInUi::newDialogsAreNamedForAccessibility()
{
    ui::WelcomeDialog welcome;
    checkNamed(&welcome, 3);
    ui::ProfileDialog profile(sandboxProfile());
    checkNamed(&profile, 9);
    ui::AccessTokenDialog token;
    checkNamed(&token, 4);

    QNetworkAccessManager network;
    auth::IdentityClient client(&network, sandboxProfile());
    ui::SignInDialog signIn(&client, {}, QStringLiteral("The session expired."));
    checkNamed(&signIn, 10); // every page is built up front
    signIn.show();
    QVERIFY(QTest::qWaitForWindowExposed(&signIn));
    saveScreenshot(&signIn, QStringLiteral("signin-choose.png"));
}

int main(int argc, char *argv[])
{
    // Before anything reads them: HOME and the XDG folders in a temporary directory.
    QTemporaryDir home;
    if (!home.isValid())
        return 2;
    g_home = home.path();
    qputenv("HOME", g_home.toUtf8());
    qputenv("XDG_CONFIG_HOME", (g_home + QStringLiteral("/.config")).toUtf8());
    qputenv("XDG_DATA_HOME", (g_home + QStringLiteral("/.local/share")).toUtf8());
    qputenv("XDG_CACHE_HOME", (g_home + QStringLiteral("/.cache")).toUtf8());
    qputenv("XDG_STATE_HOME", (g_home + QStringLiteral("/.local/state")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Enrollment Assigner"));
    QCoreApplication::setApplicationName(QStringLiteral("Enrollment Assigner"));
    TestSignInUi test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signinui.moc"
