// The CLI's sign-in (login, status, logout, and the other commands on the
// stored sign-in), run in-process against the sandbox's identity and Graph
// endpoints over real HTTP. The test plays the user: it approves or declines
// the device code through the sandbox's own page API and plays the browser
// against the CLI's real loopback listener.
//
// HOME and the XDG folders point at a temporary directory before anything
// reads them; profiles go to an ini file there and refresh tokens to a fake
// keychain in memory, so no run touches the real keychain or settings.

#include "../common/LocalProxy.h"
#include "audit/AuditJournal.h"
#include "auth/TokenStore.h"
#include "cli/CliApp.h"
#include "cli/CliSignIn.h"
#include "sandbox/SandboxIdentity.h"
#include "sandbox/SandboxServer.h"
#include "tst_signin_support.h"

#include <QBuffer>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using ea::CliApp;
using ea::auth::AuthError;
using ea::auth::AuthResult;
using ea::auth::MemoryTokenStore;
using ea::auth::SaveReceipt;
using ea::auth::TokenStore;
using ea::sandbox::SandboxServer;

namespace {

QString g_home;

const QString kClientId = QString::fromLatin1(ea::auth::kGraphCommandLineToolsClientId);
const QString kGroupGuid = u"b1158b3f-287b-430e-a316-4e0ac0911270"_s; // assigned nowhere in the seed tenant

// A keychain for tests: persistent like the real one, in memory, countable.
class FakeKeychain final : public TokenStore
{
public:
    void save(const QString &key, const QString &secret, const ea::auth::AuthCallback<SaveReceipt> &done) override
    {
        m_memory.save(key, secret, [done](const AuthResult<SaveReceipt> &r) {
            if (r)
                done(SaveReceipt {true, {}});
            else
                done(r);
        });
    }
    void load(const QString &key, const ea::auth::AuthCallback<std::optional<QString>> &done) override
    {
        m_memory.load(key, done);
    }
    void remove(const QString &key, const ea::auth::AuthCallback<ea::Done> &done) override
    {
        m_memory.remove(key, done);
    }
    bool isPersistent() const override { return true; }

    MemoryTokenStore m_memory;
};

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false;
};

// One CLI run that the test can act on while it is under way (approve a code, play the browser).
struct RunningCli
{
    QBuffer out;
    QBuffer err;
    QBuffer in;
    std::unique_ptr<CliApp> app;
    std::unique_ptr<QSignalSpy> finished;
    QString errText() const { return QString::fromUtf8(err.data()); }
};

// `r` may be a call (RUN_EXPECT(run(...), 0)): it is evaluated once.
#define RUN_EXPECT(r, code)                                                                                            \
    do {                                                                                                               \
        const CliRun &expected_ = (r);                                                                                 \
        QVERIFY2(expected_.finished, qPrintable(expected_.err));                                                       \
        QVERIFY2(expected_.exitCode == (code),                                                                         \
            qPrintable(u"exit %1, expected %2\nstdout:\n%3\nstderr:\n%4"_s.arg(expected_.exitCode)                     \
                           .arg(code)                                                                                  \
                           .arg(expected_.out, expected_.err)));                                                       \
    } while (false)

} // namespace

class TestCliSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void deviceCodeLoginStatusConfigsLogout();
    void signInAndGraphGoThroughTheSameProxy();
    void loginAndStatusJson();
    void browserLogin();
    void badLoginInputSendsNothing_data();
    void badLoginInputSendsNothing();
    void deviceCodeRefused_data();
    void deviceCodeRefused();
    void aadstsErrorIsExplained();
    void withoutKeychainTheSessionLastsThisProcess();
    void missingPermissionsAreWarned();
    void graphFollowsTheProfilesCloud();
    void suppliedTokenWinsOverTheSignIn();
    void storedSignInNeverGoesToAnotherGraphUrl();
    void loginRefusesAGraphUrlOutsideTheCloud();
    void revokedSignInAsksForLogin();
    void profilesAreSelectedByName();
    void noTokenUnderHomeOrInTheJournal();

private:
    std::unique_ptr<RunningCli> launch(const QStringList &args, const QProcessEnvironment &env = {});
    CliRun wait(RunningCli &running, int timeoutMs = 20000);
    CliRun run(const QStringList &args, const QProcessEnvironment &env = {}) { return wait(*launch(args, env)); }
    // login --device-code with the sandbox as sign-in and Graph root; the test approves the code.
    CliRun loginWithDeviceCode(const QStringList &extra = {});
    bool approvePendingCode(RunningCli &running, QString *userCode = nullptr);
    QStringList sandboxRoots() const
    {
        return {u"--login-url"_s, m_server->url().toString(), u"--graph-url"_s, m_server->url().toString()};
    }
    QStringList journal() const { return {u"--journal"_s, m_journalPath}; }
    ea::sandbox::SandboxIdentity &identity() { return m_server->tenant().identity(); }
    void remember(const CliRun &r)
    {
        m_output += r.out;
        m_output += r.err;
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TokenStore> m_tokens;
    FakeKeychain *m_keychain = nullptr; // m_tokens when it is the fake keychain
    QString m_journalPath;
    QString m_output; // everything the CLI printed in the current test
    QNetworkAccessManager m_network;
    QList<QUrl> m_opened; // what the CLI asked the "system browser" to open
};

void TestCliSignIn::initTestCase()
{
    QCOMPARE(QDir::homePath(), g_home);
}

void TestCliSignIn::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    // A fresh settings file per test, under the temporary HOME.
    const QString settingsPath
        = g_home + u"/.config/cli-signin/"_s + QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_s;
    QFile::remove(settingsPath);
    m_settings = std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);
    auto keychain = std::make_unique<FakeKeychain>();
    m_keychain = keychain.get();
    m_tokens = std::move(keychain);
    m_journalPath = g_home + u"/journal/audit.jsonl"_s;
    QFile::remove(m_journalPath);
    m_output.clear();
    m_opened.clear();
}

void TestCliSignIn::cleanup()
{
    m_server.reset();
    m_settings.reset();
    m_keychain = nullptr;
    m_tokens.reset();
}

std::unique_ptr<RunningCli> TestCliSignIn::launch(const QStringList &args, const QProcessEnvironment &env)
{
    auto running = std::make_unique<RunningCli>();
    running->out.open(QIODevice::WriteOnly);
    running->err.open(QIODevice::WriteOnly);
    running->in.open(QIODevice::ReadOnly);
    running->app = std::make_unique<CliApp>(
        QStringList {u"enrollment-assigner-cli"_s} + args, &running->out, &running->err, &running->in, env);
    running->app->signIn()->setStorage(m_settings.get(), m_tokens.get(), u"the test keychain"_s);
    running->app->signIn()->setUrlOpener([this](const QUrl &url) {
        m_opened.append(url);
        return true;
    });
    running->finished = std::make_unique<QSignalSpy>(running->app.get(), &CliApp::finished);
    running->app->start();
    return running;
}

CliRun TestCliSignIn::wait(RunningCli &running, int timeoutMs)
{
    CliRun result;
    result.finished = running.finished->size() > 0 || running.finished->wait(timeoutMs);
    if (result.finished)
        result.exitCode = running.finished->first().first().toInt();
    running.app.reset();
    result.out = QString::fromUtf8(running.out.data());
    result.err = QString::fromUtf8(running.err.data());
    remember(result);
    return result;
}

bool TestCliSignIn::approvePendingCode(RunningCli &running, QString *userCode)
{
    // Shown first, then approved on the sandbox's device-login page, as a user would.
    if (!QTest::qWaitFor([&] { return !identity().pendingUserCodes().isEmpty(); }, 10000))
        return false;
    const QString code = identity().pendingUserCodes().constFirst();
    if (!QTest::qWaitFor([&] { return running.errText().contains(code); }, 5000))
        return false;
    QUrl approve = m_server->url();
    approve.setPath(u"/sandbox/approve-device"_s);
    approve.setQuery(u"user_code="_s + code);
    if (ea::test::httpRequest(m_network, "POST", approve, "x=1").status != 200)
        return false;
    if (userCode)
        *userCode = code;
    return true;
}

CliRun TestCliSignIn::loginWithDeviceCode(const QStringList &extra)
{
    std::unique_ptr<RunningCli> running = launch(QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s,
                                                     u"contoso.onmicrosoft.com"_s, u"--client-id"_s, kClientId}
        + sandboxRoots() + extra);
    if (!approvePendingCode(*running))
        qWarning().noquote() << "no device code was shown:" << running->errText();
    return wait(*running);
}

// --- tests ------------------------------------------------------------------

void TestCliSignIn::signInAndGraphGoThroughTheSameProxy()
{
    // The identity platform and Graph take the same way out (msgraph-sdk-dotnet
    // #2032: sign-in went direct while Graph used the proxy). Here both are the
    // sandbox, behind a proxy that wants a password.
    LocalProxy proxy;
    QVERIFY2(proxy.start(u"alice"_s, u"s3cret"_s), qPrintable(proxy.errorString()));
    QProcessEnvironment env;
    env.insert(u"EA_PROXY_PASSWORD"_s, u"s3cret"_s);
    const QStringList viaProxy {u"--proxy"_s, proxy.url(), u"--proxy-user"_s, u"alice"_s};
    std::unique_ptr<RunningCli> running = launch(QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s,
                                                     u"contoso.onmicrosoft.com"_s, u"--client-id"_s, kClientId}
            + sandboxRoots() + viaProxy,
        env);
    QVERIFY2(approvePendingCode(*running), qPrintable(running->errText()));
    CliRun r = wait(*running);
    RUN_EXPECT(r, 0);
    r = run(QStringList {u"configs"_s} + journal() + viaProxy, env);
    RUN_EXPECT(r, 0);
    const QString root = m_server->url().toString(QUrl::StripTrailingSlash);
    QTRY_VERIFY2(proxy.forwarded(u"POST "_s + root + u"/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"_s) == 1,
        qPrintable(proxy.log()));
    QVERIFY2(proxy.forwarded(u"POST "_s + root + u"/contoso.onmicrosoft.com/oauth2/v2.0/token"_s) >= 2,
        qPrintable(proxy.log())); // the device-code poll that succeeded, the refresh for 'configs'
    QVERIFY2(proxy.forwarded(u"GET "_s + root + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s) >= 1,
        qPrintable(proxy.log()));
}

void TestCliSignIn::deviceCodeLoginStatusConfigsLogout()
{
    // Before: not signed in, and a command without a token says how to sign in (exit 2, nothing sent).
    CliRun r = run({u"status"_s});
    RUN_EXPECT(r, 1);
    QVERIFY2(r.out.contains(u"Not signed in"_s), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"login --device-code"_s), qPrintable(r.err));
    r = run(QStringList {u"configs"_s} + journal());
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(u"login --device-code"_s) && r.err.contains(u"GRAPH_ACCESS_TOKEN"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), 0);

    std::unique_ptr<RunningCli> running
        = launch(QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s, u"contoso.onmicrosoft.com"_s,
                     u"--client-id"_s, kClientId, u"--profile"_s, u"Contoso sandbox"_s}
            + sandboxRoots());
    QString userCode;
    QVERIFY2(approvePendingCode(*running, &userCode), qPrintable(running->errText()));
    r = wait(*running);
    RUN_EXPECT(r, 0);
    // The service's own instruction, with the code and the page, on stderr.
    QVERIFY2(r.err.contains(u"To sign in, use a web browser to open the page "_s + m_server->url().toString()
                 + u"/sandbox/devicelogin and enter the code "_s + userCode),
        qPrintable(r.err));
    QVERIFY2(r.out.contains(ea::sandbox::SandboxIdentity::userPrincipalName()), qPrintable(r.out));
    QVERIFY(r.out.contains(identity().tenantId()));
    QVERIFY(r.out.contains(u"DeviceManagementServiceConfig.ReadWrite.All"_s));
    QVERIFY(r.out.contains(u"the test keychain"_s));
    QVERIFY2(!r.err.contains(u"Warning"_s), qPrintable(r.err)); // every permission is granted
    // Stored: the profile (active) in the settings, the refresh token in the keychain.
    QCOMPARE(m_keychain->m_memory.keys().size(), 1);
    QCOMPARE(*m_keychain->m_memory.peek(m_keychain->m_memory.keys().constFirst()), identity().lastIssuedRefreshToken());
    m_settings->sync();
    QVERIFY(!m_settings->value(u"auth/activeProfile"_s).toString().isEmpty());

    r = run({u"status"_s});
    RUN_EXPECT(r, 0);
    for (const QString &text : {u"Contoso sandbox"_s, u"contoso.onmicrosoft.com"_s, u"Global"_s,
             ea::sandbox::SandboxIdentity::userPrincipalName(), identity().tenantId(), u"Group.Read.All"_s,
             u"the test keychain"_s, kClientId, u"valid until"_s})
        QVERIFY2(r.out.contains(text), qPrintable(text + u" not in:\n"_s + r.out));

    // The stored sign-in serves a command with no token at all.
    const int refreshes = identity().tokenRequestCount(u"refresh_token"_s);
    r = run(QStringList {u"configs"_s} + journal());
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Device limit"_s), qPrintable(r.out));
    QCOMPARE(identity().tokenRequestCount(u"refresh_token"_s), refreshes + 1);
    QVERIFY(m_server->tenant().requestCount() > 0);

    r = run({u"logout"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Signed out"_s), qPrintable(r.out));
    QVERIFY(m_keychain->m_memory.keys().isEmpty());

    r = run({u"status"_s});
    RUN_EXPECT(r, 1);
    QVERIFY2(r.out.contains(u"Contoso sandbox"_s), qPrintable(r.out)); // the profile is kept
    QVERIFY2(r.err.contains(u"no saved sign-in"_s), qPrintable(r.err));

    // After logout, nothing is sent to Graph and the user is told to sign in.
    const int graphRequests = m_server->tenant().requestCount();
    r = run(QStringList {u"configs"_s} + journal());
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(u"login --device-code --profile \"Contoso sandbox\""_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), graphRequests);
}

void TestCliSignIn::loginAndStatusJson()
{
    CliRun r = loginWithDeviceCode({u"--json"_s});
    RUN_EXPECT(r, 0);
    QJsonObject object = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(object.value(u"signedIn"_s).toBool(), true);
    QCOMPARE(object.value(u"account"_s).toString(), ea::sandbox::SandboxIdentity::userPrincipalName());
    QCOMPARE(object.value(u"tenantId"_s).toString(), identity().tenantId());
    QVERIFY(object.value(u"permissions"_s).toArray().contains(u"Group.Read.All"_s));
    QCOMPARE(object.value(u"profile"_s).toObject().value(u"cloud"_s).toString(), u"global"_s);
    QCOMPARE(object.value(u"refreshToken"_s).toObject().value(u"persistent"_s).toBool(), true);
    QVERIFY(r.err.contains(u"enter the code"_s)); // the prompt stays on stderr

    r = run({u"status"_s, u"--json"_s});
    RUN_EXPECT(r, 0);
    object = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(object.value(u"signedIn"_s).toBool(), true);
    QCOMPARE(object.value(u"profile"_s).toObject().value(u"tenant"_s).toString(), u"contoso.onmicrosoft.com"_s);
    QVERIFY(!object.value(u"accessTokenExpiresAt"_s).toString().isEmpty());

    QVERIFY(run({u"logout"_s, u"--json"_s}).exitCode == 0);
    r = run({u"status"_s, u"--json"_s});
    RUN_EXPECT(r, 1);
    object = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(object.value(u"signedIn"_s).toBool(), false);
    QVERIFY(!object.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
}

void TestCliSignIn::browserLogin()
{
    std::unique_ptr<RunningCli> running = launch(QStringList {u"login"_s, u"--browser"_s, u"--tenant"_s,
                                                     u"contoso.onmicrosoft.com"_s, u"--client-id"_s, kClientId}
        + sandboxRoots());
    QTRY_COMPARE(m_opened.size(), 1);
    const QUrl authorize = m_opened.constFirst();
    // The address is printed too, for when no browser opens.
    QVERIFY2(running->errText().contains(authorize.toString(QUrl::FullyEncoded)), qPrintable(running->errText()));
    QCOMPARE(QUrlQuery(authorize).queryItemValue(u"code_challenge_method"_s), u"S256"_s);

    // The test plays the browser: the sandbox approves and redirects to the CLI's loopback listener.
    const ea::test::HttpAnswer approved = ea::test::httpRequest(m_network, "GET", authorize);
    QCOMPARE(approved.status, 302);
    QCOMPARE(approved.location.host(), u"localhost"_s);
    const ea::test::HttpAnswer page = ea::test::httpRequest(m_network, "GET", approved.location);
    QCOMPARE(page.status, 200);
    CliRun r = wait(*running);
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.contains(ea::sandbox::SandboxIdentity::userPrincipalName()));
    QCOMPARE(identity().tokenRequestCount(u"authorization_code"_s), 1);
    QCOMPARE(m_keychain->m_memory.keys().size(), 1);

    r = run(QStringList {u"configs"_s} + journal());
    RUN_EXPECT(r, 0);
}

void TestCliSignIn::badLoginInputSendsNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("errorContains");

    const QStringList client = {u"--client-id"_s, kClientId};
    const QStringList tenant = {u"--tenant"_s, u"contoso.onmicrosoft.com"_s};
    const QStringList login = QStringList {u"login"_s, u"--device-code"_s} + tenant + client;
    QTest::newRow("http login url to another host")
        << login + QStringList {u"--login-url"_s, u"http://login.example.com"_s} << u"loopback"_s;
    QTest::newRow("login url with a path")
        << login + QStringList {u"--login-url"_s, u"https://login.example.com/tenant"_s} << u"without a path"_s;
    QTest::newRow("login url not a url") << login + QStringList {u"--login-url"_s, u"::"_s} << u"--login-url"_s;
    QTest::newRow("bad cloud") << login + QStringList {u"--cloud"_s, u"mars"_s} << u"usgov-dod"_s;
    QTest::newRow("tenant without a dot")
        << QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s, u"contoso"_s} + client << u"domain"_s;
    QTest::newRow("tenant with a slash") << QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s, u"../x"_s}
            + client << u"--tenant"_s;
    QTest::newRow("consumers tenant") << QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s, u"consumers"_s}
            + client << u"personal"_s;
    QTest::newRow("client id not a guid")
        << QStringList {u"login"_s, u"--device-code"_s, u"--client-id"_s, u"my-app"_s} + tenant << u"not a GUID"_s;
    QTest::newRow("retired intune powershell app")
        << QStringList {u"login"_s, u"--device-code"_s, u"--client-id"_s,
               QString::fromLatin1(ea::auth::kRetiredIntunePowerShellClientId)}
            + tenant
        << u"retired"_s;
    QTest::newRow("no client id") << QStringList {u"login"_s, u"--device-code"_s} + tenant << u"--client-id"_s;
    QTest::newRow("no tenant") << QStringList {u"login"_s, u"--device-code"_s} + client << u"--tenant"_s;
    QTest::newRow("no profile yet") << QStringList {u"login"_s, u"--browser"_s} << u"--tenant TENANT"_s;
    QTest::newRow("no method") << QStringList {u"login"_s} + tenant + client << u"--device-code"_s;
    QTest::newRow("both methods") << login + QStringList {u"--browser"_s} << u"not both"_s;
    QTest::newRow("http graph url to another host")
        << login + QStringList {u"--graph-url"_s, u"http://graph.example.com"_s} << u"loopback"_s;
    QTest::newRow("login option on another command")
        << QStringList {u"--tenant"_s, u"contoso.onmicrosoft.com"_s, u"configs"_s} << u"belongs to 'login'"_s;
    QTest::newRow("cloud on status") << QStringList {u"status"_s, u"--cloud"_s, u"usgov"_s} << u"--cloud"_s;
    QTest::newRow("login with the sandbox") << QStringList {u"--sandbox"_s} + login << u"sandbox"_s;
    QTest::newRow("login with a token file") << QStringList {u"--token-file"_s, u"-"_s} + login << u"--token-file"_s;
    QTest::newRow("login dry run") << QStringList {u"--dry-run"_s} + login << u"--dry-run"_s;
    QTest::newRow("unknown profile on status")
        << QStringList {u"status"_s, u"--profile"_s, u"nowhere"_s} << u"no profile named 'nowhere'"_s;
    QTest::newRow("unknown profile on configs")
        << QStringList {u"configs"_s, u"--profile"_s, u"nowhere"_s} << u"no profile named"_s;
    QTest::newRow("empty profile name") << QStringList {u"status"_s, u"--profile"_s, u" "_s} << u"--profile"_s;
    QTest::newRow("login takes no arguments") << login + QStringList {u"now"_s} << u"--help"_s;
}

void TestCliSignIn::badLoginInputSendsNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, errorContains);
    // Point the sign-in at the sandbox unless the case is about the sign-in root itself.
    if (args.contains(u"login"_s) && !args.contains(u"--login-url"_s))
        args += QStringList {u"--login-url"_s, m_server->url().toString()};

    const CliRun r = run(args);
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(errorContains), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(identity().tokenRequestCount(), 0);
    QVERIFY(identity().pendingUserCodes().isEmpty());
    QCOMPARE(identity().authorizeRequestCount(), 0);
    QVERIFY(m_opened.isEmpty());
    QVERIFY(m_keychain->m_memory.keys().isEmpty());
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestCliSignIn::deviceCodeRefused_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("declined") << u"decline"_s << u"declined on the device-code page"_s;
    QTest::newRow("expired") << u"expire"_s << u"expired before the sign-in was approved"_s;
}

void TestCliSignIn::deviceCodeRefused()
{
    QFETCH(QString, action);
    QFETCH(QString, errorContains);
    std::unique_ptr<RunningCli> running = launch(QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s,
                                                     u"contoso.onmicrosoft.com"_s, u"--client-id"_s, kClientId}
        + sandboxRoots());
    QTRY_VERIFY_WITH_TIMEOUT(!identity().pendingUserCodes().isEmpty(), 10000);
    const QString code = identity().pendingUserCodes().constFirst();
    QVERIFY(action == u"decline"_s ? identity().declineDevice(code) : identity().expireDevice(code));
    const CliRun r = wait(*running);
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(errorContains), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Start the sign-in again"_s), qPrintable(r.err)); // the next step
    QVERIFY2(r.err.contains(u"Trace ID"_s), qPrintable(r.err)); // for a support ticket
    QVERIFY(r.out.isEmpty());
    // Nothing kept: no profile, no token.
    QVERIFY(m_keychain->m_memory.keys().isEmpty());
    QVERIFY(run({u"status"_s}).exitCode == 1);
}

void TestCliSignIn::aadstsErrorIsExplained()
{
    // The app registration refuses public client flows: /devicecode answers AADSTS7000218.
    identity().failNextTokenRequest(u"invalid_client"_s, 7000218,
        u"The request body must contain the following parameter: 'client_assertion' or 'client_secret'."_s);
    const CliRun r = run(QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s, u"contoso.onmicrosoft.com"_s,
                             u"--client-id"_s, kClientId}
        + sandboxRoots());
    RUN_EXPECT(r, 1);
    QVERIFY(identity().pendingUserCodes().isEmpty());
    QVERIFY2(r.err.contains(u"Public client flows are turned off"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"\"Allow public client flows\" to Yes"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"AADSTS7000218"_s), qPrintable(r.err));
}

void TestCliSignIn::withoutKeychainTheSessionLastsThisProcess()
{
    // The real store's behaviour on a machine without a keychain: memory, with a notice.
    auto keychain = std::make_unique<MemoryTokenStore>();
    keychain->failNextOperations(10,
        AuthError::local(AuthError::Kind::Storage, AuthError::Reason::KeychainUnavailable,
            u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s));
    m_keychain = nullptr;
    m_tokens = std::make_unique<ea::auth::FallbackTokenStore>(std::move(keychain));

    CliRun r = loginWithDeviceCode();
    RUN_EXPECT(r, 0); // the sign-in itself worked
    QVERIFY2(r.err.contains(u"keychain unavailable"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"the next command will need 'login' again"_s), qPrintable(r.err));
    QVERIFY2(r.out.contains(u"the memory of this process only"_s), qPrintable(r.out));
}

void TestCliSignIn::missingPermissionsAreWarned()
{
    identity().setGrantedScopes({u"DeviceManagementServiceConfig.Read.All"_s, u"User.Read"_s});
    CliRun r = loginWithDeviceCode();
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.contains(u"Neither DeviceManagementServiceConfig.ReadWrite.All nor "
                            "DeviceManagementConfiguration.ReadWrite.All"_s),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Group.Read.All"_s) && r.err.contains(u"group:GROUP_ID"_s), qPrintable(r.err));

    r = run({u"status"_s});
    RUN_EXPECT(r, 0);
    QVERIFY(r.err.contains(u"Neither DeviceManagementServiceConfig.ReadWrite.All"_s));

    // Before a write on the stored sign-in, the same warning; the service has the last word.
    r = run(QStringList {u"assign"_s, m_server->tenant().limitConfigurationId(), u"group:"_s + kGroupGuid} + journal());
    QVERIFY2(r.err.contains(u"Neither DeviceManagementServiceConfig.ReadWrite.All"_s), qPrintable(r.err));
}

void TestCliSignIn::graphFollowsTheProfilesCloud()
{
    // Signed in (through the sandbox's sign-in) to a US Government profile without a Graph override:
    // Graph calls go to that cloud's Graph.
    std::unique_ptr<RunningCli> running
        = launch({u"login"_s, u"--device-code"_s, u"--tenant"_s, u"contoso.onmicrosoft.us"_s, u"--client-id"_s,
            kClientId, u"--cloud"_s, u"usgov"_s, u"--login-url"_s, m_server->url().toString()});
    QVERIFY(approvePendingCode(*running));
    CliRun r = wait(*running);
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"US Government L4"_s), qPrintable(r.out));

    r = run(QStringList {u"--dry-run"_s, u"configs"_s} + journal());
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"https://graph.microsoft.us/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s),
        qPrintable(r.out));

    r = run({u"status"_s, u"--json"_s});
    RUN_EXPECT(r, 0);
    const QJsonObject profile = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"profile"_s).toObject();
    QCOMPARE(profile.value(u"cloud"_s).toString(), u"usgov"_s);
    QCOMPARE(profile.value(u"graphUrl"_s).toString(), u"https://graph.microsoft.us"_s);
}

void TestCliSignIn::suppliedTokenWinsOverTheSignIn()
{
    RUN_EXPECT(loginWithDeviceCode(), 0);
    const int refreshes = identity().tokenRequestCount(u"refresh_token"_s);
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, m_server->accessToken());
    const CliRun r = run(QStringList {u"--graph-url"_s, m_server->url().toString(), u"--profile"_s,
                             u"contoso.onmicrosoft.com"_s, u"configs"_s}
            + journal(),
        env);
    RUN_EXPECT(r, 0);
    QCOMPARE(identity().tokenRequestCount(u"refresh_token"_s), refreshes); // the stored sign-in was not used
    QVERIFY2(r.err.contains(u"using the supplied access token"_s), qPrintable(r.err));
}

void TestCliSignIn::storedSignInNeverGoesToAnotherGraphUrl()
{
    // Signed in through the sandbox (its Graph on the same port). Another
    // Graph, even on loopback, never gets the stored sign-in's token: exit 2,
    // nothing sent anywhere, not even a token refresh.
    RUN_EXPECT(loginWithDeviceCode({u"--profile"_s, u"Contoso sandbox"_s}), 0);
    SandboxServer other;
    QVERIFY(other.listen());
    const int refreshes = identity().tokenRequestCount(u"refresh_token"_s);
    const int graphRequests = m_server->tenant().requestCount();
    for (const QString &url : {other.url().toString(), u"https://graph.example.com"_s, u"https://graph.microsoft.us"_s,
             u"https://graph.microsoft.com:8443"_s}) {
        for (const QStringList &profile : {QStringList {}, QStringList {u"--profile"_s, u"Contoso sandbox"_s}}) {
            const CliRun r
                = run(QStringList {u"--graph-url"_s, url} + profile + QStringList {u"configs"_s} + journal());
            RUN_EXPECT(r, 2);
            QVERIFY2(r.err.contains(u"--graph-url "_s + QUrl(url).adjusted(QUrl::StripTrailingSlash).toString()),
                qPrintable(r.err));
            for (const QString &advice :
                {u"Drop --graph-url"_s, u"--token-file"_s, u"GRAPH_ACCESS_TOKEN"_s, u"Nothing was sent."_s})
                QVERIFY2(r.err.contains(advice), qPrintable(advice + u" not in:\n"_s + r.err));
        }
    }
    QCOMPARE(other.tenant().requestCount(), 0);
    QCOMPARE(m_server->tenant().requestCount(), graphRequests);
    QCOMPARE(identity().tokenRequestCount(u"refresh_token"_s), refreshes);

    // The profile's own Graph, named with --graph-url, is fine.
    CliRun r = run(QStringList {u"--graph-url"_s, m_server->url().toString(), u"configs"_s} + journal());
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Device limit"_s), qPrintable(r.out));

    // A token supplied for the other URL still goes there: that is what --graph-url is for.
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, other.accessToken());
    r = run(QStringList {u"--graph-url"_s, other.url().toString(), u"configs"_s} + journal(), env);
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Device limit"_s), qPrintable(r.out));
    QVERIFY(other.tenant().requestCount() > 0);
}

void TestCliSignIn::loginRefusesAGraphUrlOutsideTheCloud()
{
    // A profile whose Graph is not its cloud's would send every later command's token there.
    const int tokenRequests = identity().tokenRequestCount();
    const CliRun r = run({u"login"_s, u"--device-code"_s, u"--tenant"_s, u"contoso.onmicrosoft.com"_s, u"--client-id"_s,
        kClientId, u"--login-url"_s, m_server->url().toString(), u"--graph-url"_s, u"https://graph.example.com"_s});
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(u"--graph-url: https://graph.example.com is not the Graph of the Global cloud"_s),
        qPrintable(r.err));
    QCOMPARE(identity().tokenRequestCount(), tokenRequests);
    QVERIFY(identity().pendingUserCodes().isEmpty());
    QVERIFY(ea::auth::ProfileStore(m_settings.get()).profiles().isEmpty());
}

void TestCliSignIn::revokedSignInAsksForLogin()
{
    RUN_EXPECT(loginWithDeviceCode(), 0);
    identity().revokeAllRefreshTokens();
    const int graphRequests = m_server->tenant().requestCount();
    CliRun r = run(QStringList {u"configs"_s} + journal());
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"expired or was revoked"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"login --device-code"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), graphRequests);
    // The refused refresh token is forgotten: status says so without asking the service again.
    QVERIFY(m_keychain->m_memory.keys().isEmpty());
    r = run({u"status"_s});
    RUN_EXPECT(r, 1);
}

void TestCliSignIn::profilesAreSelectedByName()
{
    // Two tenants' profiles; --profile picks one, and login makes the last one active.
    RUN_EXPECT(loginWithDeviceCode({u"--profile"_s, u"first"_s}), 0);
    std::unique_ptr<RunningCli> running
        = launch(QStringList {u"login"_s, u"--device-code"_s, u"--tenant"_s, u"fabrikam.onmicrosoft.com"_s,
                     u"--client-id"_s, kClientId, u"--profile"_s, u"second"_s}
            + sandboxRoots());
    QVERIFY(approvePendingCode(*running));
    RUN_EXPECT(wait(*running), 0);
    QCOMPARE(m_keychain->m_memory.keys().size(), 2);

    CliRun r = run({u"status"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"fabrikam.onmicrosoft.com"_s), qPrintable(r.out));
    r = run({u"status"_s, u"--profile"_s, u"FIRST"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"contoso.onmicrosoft.com"_s), qPrintable(r.out));

    // Logging out of one leaves the other signed in.
    RUN_EXPECT(run({u"logout"_s, u"--profile"_s, u"first"_s}), 0);
    QCOMPARE(m_keychain->m_memory.keys().size(), 1);
    RUN_EXPECT(run({u"status"_s}), 0);
    RUN_EXPECT(run({u"status"_s, u"--profile"_s, u"first"_s}), 1);

    // Re-login to a profile by name alone reuses its tenant and app.
    running = launch({u"login"_s, u"--device-code"_s, u"--profile"_s, u"first"_s});
    QVERIFY(approvePendingCode(*running));
    r = wait(*running);
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"contoso.onmicrosoft.com"_s), qPrintable(r.out));
    QCOMPARE(ea::auth::ProfileStore(m_settings.get()).profiles().size(), 2);

    // Moving a profile to another tenant drops the old place's refresh token.
    running = launch(
        {u"login"_s, u"--device-code"_s, u"--profile"_s, u"first"_s, u"--tenant"_s, u"northwind.onmicrosoft.com"_s});
    QVERIFY(approvePendingCode(*running));
    RUN_EXPECT(wait(*running), 0);
    const QStringList keys = m_keychain->m_memory.keys();
    QCOMPARE(keys.size(), 2);
    QVERIFY(std::none_of(keys.cbegin(), keys.cend(), [](const QString &k) { return k.contains(u"contoso"_s); }));
}

void TestCliSignIn::noTokenUnderHomeOrInTheJournal()
{
    RUN_EXPECT(loginWithDeviceCode(), 0);
    QStringList secrets = {identity().lastIssuedAccessToken(), identity().lastIssuedRefreshToken()};
    CliRun r = run(
        QStringList {u"assign"_s, m_server->tenant().limitConfigurationId(), u"group:"_s + kGroupGuid} + journal());
    RUN_EXPECT(r, 0);
    r = run(QStringList {u"-v"_s, u"assignments"_s, m_server->tenant().limitConfigurationId()} + journal());
    RUN_EXPECT(r, 0);
    secrets << identity().lastIssuedAccessToken() << identity().lastIssuedRefreshToken()
            << identity().receivedRefreshTokens();
    secrets.removeDuplicates();
    QVERIFY(secrets.size() >= 4);

    // The journal names the tenant signed in to and the cloud, not the token.
    const QList<ea::AuditEntry> entries = ea::AuditJournal(m_journalPath).readAll();
    QVERIFY(!entries.isEmpty());
    for (const ea::AuditEntry &e : entries)
        QCOMPARE(e.tenant, identity().tenantId());

    m_settings->sync();
    int files = 0;
    QDirIterator it(g_home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    bool sawJournal = false;
    bool sawSettings = false;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        ++files;
        sawJournal = sawJournal || path == m_journalPath;
        sawSettings = sawSettings || path == m_settings->fileName();
        for (const QString &secret : std::as_const(secrets)) {
            const QByteArray s = secret.toUtf8();
            QVERIFY2(!content.contains(s) && !content.contains(QUrl::toPercentEncoding(secret))
                    && !content.contains(s.right(24)),
                qPrintable(u"a token is in plain text in "_s + path));
        }
    }
    QVERIFY(sawJournal && sawSettings);
    // Nor anything the CLI printed, verbose traffic included.
    for (const QString &secret : std::as_const(secrets))
        QVERIFY2(!m_output.contains(secret) && !m_output.contains(secret.right(24)), "a token was printed");
    qInfo().noquote() << "searched" << files << "files under HOME and the output of the runs for" << secrets.size()
                      << "tokens";
}

int main(int argc, char *argv[])
{
    // Before anything reads them: HOME and the XDG folders in a temporary directory.
    QTemporaryDir home;
    if (!home.isValid())
        return 2;
    g_home = home.path();
    qputenv("HOME", g_home.toUtf8());
    qputenv("XDG_CONFIG_HOME", (g_home + u"/.config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", (g_home + u"/.local/share"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", (g_home + u"/.cache"_s).toUtf8());
    qputenv("XDG_STATE_HOME", (g_home + u"/.local/state"_s).toUtf8());
    QStandardPaths::setTestModeEnabled(true);

    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Enrollment Assigner"_s);
    QCoreApplication::setApplicationName(u"Enrollment Assigner"_s);

    TestCliSignIn test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cli_signin.moc"
