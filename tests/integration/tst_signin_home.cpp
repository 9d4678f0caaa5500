// "No token in plain text under HOME": full sign-ins (device code against
// the sandbox and against a scripted Entra-like server, and the browser flow)
// with HOME and the XDG folders pointed at a temporary directory, the real
// system token store (keychain, or memory where there is none), profiles in
// QSettings, a write through Session (audit journal) and every log message
// of every category written to a file there. Then every file under HOME is
// searched for every token, code and refresh token that was issued.

#include "../common/SandboxWithFaults.h"
#include "auth/SignInFlow.h"
#include "auth/SignedInTokenProvider.h"
#include "auth/SystemTokenStore.h"
#include "auth/TenantProfile.h"
#include "domain/AssignmentTarget.h"
#include "sandbox/SandboxIdentity.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "tst_signin_support.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ea;
using namespace ea::auth;
using ea::sandbox::SandboxServer;
using ea::test::Awaited;
using ea::test::HttpAnswer;
using ea::test::httpRequest;

namespace {

QString g_home;
QFile *g_log = nullptr;
QMutex g_logMutex;
QtMessageHandler g_previousHandler = nullptr;

// Every message of every category goes to $HOME/logs/messages.log.
void logToHome(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        if (g_log && g_log->isOpen()) {
            g_log->write(QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() + '\n');
            g_log->flush();
        }
    }
    if (type != QtDebugMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestSignInHome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void deviceCodeSignInAndWrite();
    void browserSignIn();
    void deviceCodeAgainstAnotherServer();
    void noTokenInPlainTextUnderHome();

private:
    void remember(const QString &secret)
    {
        if (secret.size() >= 16 && !m_secrets.contains(secret))
            m_secrets.append(secret);
    }
    void rememberTokens(const TokenSet &tokens)
    {
        remember(tokens.accessToken);
        remember(tokens.refreshToken);
        remember(tokens.idToken);
    }

    QStringList m_secrets;
    std::unique_ptr<FallbackTokenStore> m_store;
    QNetworkAccessManager m_network;
};

void TestSignInHome::initTestCase()
{
    QVERIFY(QDir::homePath() == g_home);
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).startsWith(g_home));
    // QTest installs its own handler in qExec(); ours goes on top of it.
    g_previousHandler = qInstallMessageHandler(logToHome);
    // The store the app uses; the keychain is touched on first use only.
    m_store = createSystemTokenStore(kKeychainService, {QStringLiteral(EA_KEYCHAIN_MODULE_PATH)});
}

void TestSignInHome::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestSignInHome::deviceCodeSignInAndWrite()
{
    SandboxServer server;
    QVERIFY(server.listen());
    sandbox::SandboxIdentity &identity = server.tenant().identity();
    identity.setSpecialCharacterTokens(true);

    TenantProfile profile = ea::test::sandboxProfile(server);
    {
        const std::unique_ptr<QSettings> settings = ProfileStore::openSharedSettings(); // under HOME
        ProfileStore profiles(settings.get());
        profile.id = profiles.save(profile);
        profiles.setActiveProfileId(profile.id);
    }

    std::unique_ptr<SignedInTokenProvider> provider = SignedInTokenProvider::create(profile, m_store.get());
    SignedInTokenProvider *tokens = provider.get();
    DeviceCodeFlow flow(provider->identity());
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    QTRY_COMPARE(codes.count(), 1);
    const DeviceCode code = codes.at(0).at(0).value<DeviceCode>();
    remember(code.deviceCode);
    QUrl approve = server.url();
    approve.setPath(u"/sandbox/approve-device"_s);
    approve.setQuery(u"user_code="_s + code.userCode);
    QTRY_VERIFY_WITH_TIMEOUT(flow.pollCount() >= 1, 5000); // shown, polled, then approved
    QCOMPARE(httpRequest(m_network, "POST", approve, "x=1").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 10000);
    const TokenSet signedIn = ok.at(0).at(0).value<TokenSet>();
    rememberTokens(signedIn);

    Awaited<AuthResult<SaveReceipt>> receipt;
    provider->adoptSignIn(signedIn, receipt.callback());
    QVERIFY(receipt.wait(60000));
    QVERIFY(receipt.value->ok());
    qInfo().noquote() << "refresh token persisted:" << receipt.value->value().persistent
                      << "notice:" << receipt.value->value().notice;
    if (!receipt.value->value().persistent)
        QVERIFY(receipt.value->value().notice.startsWith(u"keychain unavailable"_s));

    // A write through the real session: the audit journal lands under HOME.
    QString problem;
    Session session(profile.graphEndpoint(ApiVersion::V1, &problem), std::move(provider));
    session.setTenantLabel(profile.label());
    std::optional<Result<CreatedAssignment>> created;
    session.assignments()->createAssignment(server.tenant().limitConfigurationId(),
        AssignmentTarget::includeGroup(server.tenant().groupIds().constLast()), this,
        [&created](const Result<CreatedAssignment> &r) { created.emplace(r); });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
    QVERIFY2(created->ok(), qPrintable(created->ok() ? QString() : created->error().summary()));
    QVERIFY(QFile::exists(session.auditJournal()->filePath()));
    QVERIFY(session.auditJournal()->filePath().startsWith(g_home));

    // A 401 → refresh → rotated refresh token stored.
    identity.revokeAllAccessTokens();
    std::optional<Result<QList<Assignment>>> listed;
    session.assignments()->listAssignments(server.tenant().limitConfigurationId(), this,
        [&listed](const Result<QList<Assignment>> &r) { listed.emplace(r); });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
    QVERIFY(listed->ok());
    QCOMPARE(tokens->refreshCount(), 1);
    remember(identity.lastIssuedAccessToken());
    remember(identity.lastIssuedRefreshToken());
    for (const QString &rt : identity.receivedRefreshTokens())
        remember(rt);
}

void TestSignInHome::browserSignIn()
{
    SandboxServer server;
    QVERIFY(server.listen());
    server.tenant().identity().setSpecialCharacterTokens(true);
    std::unique_ptr<SignedInTokenProvider> provider
        = SignedInTokenProvider::create(ea::test::sandboxProfile(server), m_store.get());
    QUrl opened;
    BrowserSignInFlow flow(provider->identity(), [&opened](const QUrl &url) {
        opened = url;
        return true;
    });
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    const HttpAnswer authorize = httpRequest(m_network, "GET", opened);
    remember(QUrlQuery(authorize.location).queryItemValue(u"code"_s, QUrl::FullyDecoded));
    QCOMPARE(httpRequest(m_network, "GET", authorize.location).status, 200);
    QTRY_COMPARE(ok.count(), 1);
    rememberTokens(ok.at(0).at(0).value<TokenSet>());
    Awaited<AuthResult<SaveReceipt>> receipt;
    provider->adoptSignIn(ok.at(0).at(0).value<TokenSet>(), receipt.callback());
    QVERIFY(receipt.wait(60000));

    // Resume from the store in a "new run", then sign out.
    std::unique_ptr<SignedInTokenProvider> later
        = SignedInTokenProvider::create(ea::test::sandboxProfile(server), m_store.get());
    Awaited<AuthResult<TokenClaims>> resumed;
    later->resumeStoredSession(resumed.callback());
    QVERIFY(resumed.wait(60000));
    QVERIFY(resumed.value->ok());
    remember(server.tenant().identity().lastIssuedAccessToken());
    remember(server.tenant().identity().lastIssuedRefreshToken());
    Awaited<AuthResult<Done>> out;
    later->signOut(out.callback());
    QVERIFY(out.wait(60000));
}

void TestSignInHome::deviceCodeAgainstAnotherServer()
{
    // The "done when" of issue 4: a sign-in server that is not the sandbox.
    const QString accessToken
        = u"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ1cG4iOiJhZG1pbkBmYWJyaWthbS5jb20iLCJ0aWQiOiJ0In0."
          "c2lnbmF0dXJlK3dpdGgvc3BlY2lhbD0"_s;
    const QString refreshToken = u"0.AXoAscripted+refresh/token=="_s;
    const QByteArray device
        = R"({"user_code":"FABRIKAM9","device_code":"DAQABAAEAAAD--scripted-device-code-0001",)"
          R"("verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":1,)"
          R"("message":"To sign in, use a web browser to open the page https://microsoft.com/devicelogin )"
          R"(and enter the code FABRIKAM9 to authenticate."})";
    const QByteArray pending = R"({"error":"authorization_pending","error_description":"AADSTS70016: Pending.",)"
                               R"("error_codes":[70016],"trace_id":"t","correlation_id":"c"})";
    const QByteArray tokens = R"({"token_type":"Bearer","scope":"openid","expires_in":3600,"access_token":")"
        + accessToken.toLatin1() + R"(","refresh_token":")" + refreshToken.toLatin1() + R"("})";
    int polls = 0;
    ea::test::SandboxWithFaults server([&](const ea::test::HttpRequest &request, int) {
        if (request.rawTarget.endsWith("/devicecode"))
            return ea::test::json(200, device);
        return ++polls < 3 ? ea::test::json(400, pending) : ea::test::json(200, tokens);
    });
    remember(accessToken);
    remember(refreshToken);
    remember(u"DAQABAAEAAAD--scripted-device-code-0001"_s);

    TenantProfile profile;
    profile.displayName = u"Fabrikam"_s;
    profile.tenant = u"fabrikam.onmicrosoft.com"_s;
    profile.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    profile.loginRootOverride = QString::fromLatin1(server.rootUrl());
    {
        const std::unique_ptr<QSettings> settings = ProfileStore::openSharedSettings();
        ProfileStore(settings.get()).save(profile);
    }
    std::unique_ptr<SignedInTokenProvider> provider = SignedInTokenProvider::create(profile, m_store.get());
    DeviceCodeFlow flow(provider->identity());
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    QTRY_COMPARE(codes.count(), 1);
    QCOMPARE(codes.at(0).at(0).value<DeviceCode>().userCode, u"FABRIKAM9"_s); // shows the code
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 10000); // polls until authorized
    QCOMPARE(polls, 3);
    Awaited<AuthResult<SaveReceipt>> receipt;
    provider->adoptSignIn(ok.at(0).at(0).value<TokenSet>(), receipt.callback());
    QVERIFY(receipt.wait(60000));
    QVERIFY(receipt.value->ok());
    QCOMPARE(provider->claims().account, u"admin@fabrikam.com"_s);
}

void TestSignInHome::noTokenInPlainTextUnderHome()
{
    QVERIFY(m_secrets.size() >= 10);
    ProfileStore::openSharedSettings()->sync();
    QMutexLocker lock(&g_logMutex);
    g_log->flush();
    lock.unlock();

    int files = 0;
    qint64 bytes = 0;
    QStringList names;
    QDirIterator it(g_home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        ++files;
        bytes += content.size();
        names << QDir(g_home).relativeFilePath(path);
        const QByteArray decoded = QByteArray::fromPercentEncoding(content);
        for (const QString &secret : std::as_const(m_secrets)) {
            const QByteArray s = secret.toUtf8();
            // The whole secret, its percent-encoded form, and its last 24
            // characters (a truncated log line still leaks the signature).
            QVERIFY2(!content.contains(s) && !decoded.contains(s) && !content.contains(QUrl::toPercentEncoding(secret))
                    && !content.contains(s.right(24)),
                qPrintable(u"a token is in plain text in "_s + path));
        }
    }
    qInfo().noquote() << "searched" << files << "files," << bytes << "bytes under HOME for" << m_secrets.size()
                      << "secrets:" << names.join(u", "_s);
    QFile log(g_home + u"/logs/messages.log"_s);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    // The log is worth searching: sign-in and Graph traffic are in it.
    QVERIFY(logged.contains("ea.auth: Signed in to"));
    QVERIFY(logged.contains("ea.auth: POST"));
    QVERIFY(logged.contains("ea.graph"));
    QVERIFY(std::any_of(names.cbegin(), names.cend(), [](const QString &n) { return n.endsWith(u"audit.jsonl"_s); }));
    QVERIFY(std::any_of(names.cbegin(), names.cend(),
        [](const QString &n) { return n.endsWith(u".conf"_s) || n.endsWith(u".ini"_s); }));
}

int main(int argc, char *argv[])
{
    // Before anything reads them: HOME and the XDG folders in a temporary directory.
    QTemporaryDir home;
    if (!home.isValid())
        return 2;
    // For a look at what was written: EA_KEEP_HOME=1 keeps the directory.
    if (qEnvironmentVariableIsSet("EA_KEEP_HOME")) {
        home.setAutoRemove(false);
        std::fprintf(stderr, "HOME kept at %s\n", qPrintable(home.path()));
    }
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

    QDir().mkpath(g_home + u"/logs"_s);
    QFile log(g_home + u"/logs/messages.log"_s);
    if (!log.open(QIODevice::WriteOnly | QIODevice::Append))
        return 2;
    g_log = &log;
    // Everything of ours at debug level, and Qt's network logging too.
    QLoggingCategory::setFilterRules(u"ea.*.debug=true\nqt.network.*.debug=true"_s);

    TestSignInHome test;
    QTEST_SET_MAIN_SOURCE_PATH
    const int result = QTest::qExec(&test, argc, argv);
    g_log = nullptr;
    return result;
}

#include "tst_signin_home.moc"
