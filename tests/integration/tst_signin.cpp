// Sign-in end to end over real loopback HTTP against the sandbox's identity
// endpoints: device code (pending, slow_down, declined, expired, cancel),
// the browser flow with the test playing the browser (garbage, wrong state,
// errors), refresh with '+', '/' and '=' in tokens, rotation, revocation,
// and a 401 from Graph leading to exactly one refresh and one replay.

#include "../common/SandboxWithFaults.h"
#include "auth/IdentityClient.h"
#include "auth/LoopbackRedirectListener.h"
#include "auth/SignInFlow.h"
#include "auth/SignedInTokenProvider.h"
#include "auth/TokenClaims.h"
#include "auth/TokenStore.h"
#include "graph/GraphClient.h"
#include "sandbox/SandboxIdentity.h"
#include "sandbox/SandboxServer.h"
#include "tst_signin_support.h"

#include <QElapsedTimer>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ea;
using namespace ea::auth;
using ea::sandbox::SandboxIdentity;
using ea::sandbox::SandboxServer;
using ea::test::Awaited;
using ea::test::HttpAnswer;
using ea::test::httpRequest;
using ea::test::rawExchange;

namespace {

QString queryValue(const QUrl &url, const QString &name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

// The error text of a failed result; empty (and safe to evaluate) on success.
template<typename T> QString whyNot(const Result<T> &r)
{
    return r ? QString() : r.error().summary();
}

template<typename T> QString whyNot(const AuthResult<T> &r)
{
    return r ? QString() : r.error().details();
}

// GraphCall deletes itself after `finished`: keep its result from the signal.
struct CallResult
{
    std::optional<Result<GraphResponse>> result;
};

std::shared_ptr<CallResult> sendCall(GraphClient &graph, const GraphRequest &request)
{
    auto out = std::make_shared<CallResult>();
    GraphCall *call = graph.send(request);
    QObject::connect(call, &GraphCall::finished, &graph, [call, out] { out->result.emplace(call->result()); });
    return out;
}

Result<GraphResponse> runCall(GraphClient &graph, const GraphRequest &request)
{
    const auto out = sendCall(graph, request);
    if (!QTest::qWaitFor([&] { return out->result.has_value(); }, 30000) || !out->result)
        return GraphError::local(GraphError::Kind::Timeout, u"test: no result"_s);
    return *out->result;
}

const GraphRequest kListConfigurations
    = GraphRequest::get({u"deviceManagement"_s, u"deviceEnrollmentConfigurations"_s});

bool hasAll(const QString &s, const QString &chars)
{
    for (QChar c : chars) {
        if (!s.contains(c))
            return false;
    }
    return true;
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // device code
    void deviceCodeApprovedAfterPending();
    void deviceCodeApprovedOverHttp();
    void deviceCodeSlowDown();
    void deviceCodeDeclined();
    void deviceCodeExpiredByServer();
    void deviceCodeExpiresOnClient();
    void deviceCodeBadVerificationCode();
    void deviceCodeCancel();
    void deviceCodeErrorsMapped();
    void deviceCodeAgainstAnotherServer();

    // browser
    void browserSignIn();
    void browserSignInGarbageIgnored();
    void browserSignInWrongState();
    void browserSignInAuthorizeError();
    void browserSignInTimeoutAndCancel();
    void listenerBindsLoopbackOnly();

    // tokens
    void specialCharactersSurviveEveryHop();
    void refreshTokensRotate();
    void revokedRefreshTokenNeedsInteractiveSignIn();
    void unauthorizedLeadsToOneRefreshAndOneReplay();
    void concurrentRequestsShareOneRefresh();
    void refreshShortlyBeforeExpiry();
    void networkFailureKeepsValidToken();
    void resumeAndSignOut();
    void scopeNamesTheProfilesCloud();
    void identityRequestTimeoutAndRefusal();

private:
    // A full device-code sign-in, approved through the C++ hook.
    TokenSet signIn(IdentityClient &identity);
    SandboxIdentity &sandboxIdentity() { return m_server->tenant().identity(); }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestSignIn::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSignIn::cleanup()
{
    m_network.reset();
    m_server.reset();
}

TokenSet TestSignIn::signIn(IdentityClient &identity)
{
    DeviceCodeFlow flow(&identity);
    connect(&flow, &DeviceCodeFlow::userCodeReady, this,
        [this](const DeviceCode &code) { sandboxIdentity().approveDevice(code.userCode); });
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    if (!QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 15000) || ok.isEmpty()) {
        qWarning() << "sign-in failed"
                   << (failed.isEmpty() ? QString() : failed.at(0).at(0).value<AuthError>().details());
        return {};
    }
    return ok.at(0).at(0).value<TokenSet>();
}

// --- device code ------------------------------------------------------------

void TestSignIn::deviceCodeApprovedAfterPending()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QVERIFY(flow.isRunning());
    QCOMPARE(ok.count() + failed.count(), 0); // never inside start()

    QTRY_COMPARE(codes.count(), 1);
    const DeviceCode code = codes.at(0).at(0).value<DeviceCode>();
    QCOMPARE(code.userCode.size(), 9);
    QCOMPARE(code.intervalSeconds, 1);
    QCOMPARE(code.verificationUri.path(), u"/sandbox/devicelogin"_s);
    QVERIFY(code.message.contains(code.userCode));
    QCOMPARE(sandboxIdentity().pendingUserCodes(), QStringList {code.userCode});

    // Two polls answered authorization_pending, then the user approves.
    QTRY_VERIFY_WITH_TIMEOUT(flow.pollCount() >= 2 && sandboxIdentity().devicePollTimes().size() >= 2, 10000);
    QVERIFY(sandboxIdentity().approveDevice(code.userCode));
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 10000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!flow.isRunning());

    const TokenSet tokens = ok.at(0).at(0).value<TokenSet>();
    QVERIFY(!tokens.accessToken.isEmpty());
    QVERIFY(!tokens.refreshToken.isEmpty());
    QVERIFY(!tokens.idToken.isEmpty());
    const TokenClaims claims = TokenClaims::fromAccessToken(tokens.accessToken);
    QCOMPARE(claims.account, u"admin@contoso.sandbox"_s);
    QCOMPARE(claims.tenantId, m_server->tenant().tenantId());
    QVERIFY(claims.canWriteEnrollment());
    QVERIFY(claims.canSearchGroups());

    // Polled at the interval: never faster than 1 s (minus scheduling slack).
    const QList<qint64> polls = sandboxIdentity().devicePollTimes();
    QVERIFY(polls.size() >= 3);
    for (qsizetype i = 1; i < polls.size(); ++i)
        QVERIFY2(polls.at(i) - polls.at(i - 1) >= 900, qPrintable(QString::number(polls.at(i) - polls.at(i - 1))));
    qInfo() << "device code: polls" << polls.size() << "gaps ms" << (polls.size() > 1 ? polls.at(1) - polls.at(0) : -1);
}

void TestSignIn::deviceCodeApprovedOverHttp()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    QTRY_COMPARE(codes.count(), 1);
    const DeviceCode code = codes.at(0).at(0).value<DeviceCode>();
    // The page a person would use, then the approve endpoint.
    const HttpAnswer page = httpRequest(*m_network, "GET", code.verificationUri);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("approve-device"));
    QUrl approve = m_server->url();
    approve.setPath(u"/sandbox/approve-device"_s);
    approve.setQuery(u"user_code="_s + code.userCode);
    QCOMPARE(httpRequest(*m_network, "POST", approve, "x=1").status, 200);
    QCOMPARE(httpRequest(*m_network, "POST", approve, "x=1").status, 404); // not pending any more
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 10000);
}

void TestSignIn::deviceCodeSlowDown()
{
    sandboxIdentity().slowDownNextPoll();
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy interval(&flow, &DeviceCodeFlow::pollIntervalChanged);
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    QTRY_COMPARE(codes.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(interval.count(), 1, 5000);
    QCOMPARE(interval.at(0).at(0).toInt(), 6); // 1 s + 5 s
    QCOMPARE(flow.pollInterval(), std::chrono::seconds(6));
    sandboxIdentity().approveDevice(codes.at(0).at(0).value<DeviceCode>().userCode);
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 15000);
    const QList<qint64> polls = sandboxIdentity().devicePollTimes();
    QCOMPARE(polls.size(), 2);
    const qint64 gap = polls.at(1) - polls.at(0);
    qInfo() << "slow_down: next poll after" << gap << "ms";
    QVERIFY2(gap >= 5900, qPrintable(QString::number(gap)));
}

void TestSignIn::deviceCodeDeclined()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QTRY_COMPARE(codes.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(flow.pollCount() >= 1, 5000);
    QVERIFY(sandboxIdentity().declineDevice(codes.at(0).at(0).value<DeviceCode>().userCode));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    const AuthError e = failed.at(0).at(0).value<AuthError>();
    QCOMPARE(e.reason, AuthError::Reason::AuthorizationDeclined);
    QCOMPARE(e.error, u"authorization_declined"_s);
    QVERIFY(!e.traceId.isEmpty());
    // Polling stopped.
    const qsizetype polls = sandboxIdentity().devicePollTimes().size();
    QTest::qWait(2200);
    QCOMPARE(sandboxIdentity().devicePollTimes().size(), polls);
}

void TestSignIn::deviceCodeExpiredByServer()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QTRY_COMPARE(codes.count(), 1);
    QVERIFY(sandboxIdentity().expireDevice(codes.at(0).at(0).value<DeviceCode>().userCode));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    const AuthError e = failed.at(0).at(0).value<AuthError>();
    QCOMPARE(e.reason, AuthError::Reason::ExpiredToken);
    QCOMPARE(e.error, u"expired_token"_s);
    QCOMPARE(e.aadstsCode(), 70019);
}

void TestSignIn::deviceCodeExpiresOnClient()
{
    // The code's own lifetime ends the flow even if the server never says so.
    sandboxIdentity().setDeviceCodeLifetime(std::chrono::seconds(2));
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QElapsedTimer timer;
    timer.start();
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 8000);
    QCOMPARE(failed.at(0).at(0).value<AuthError>().reason, AuthError::Reason::ExpiredToken);
    QVERIFY(timer.elapsed() < 4000);
}

void TestSignIn::deviceCodeBadVerificationCode()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    connect(&flow, &DeviceCodeFlow::userCodeReady, this, [this] {
        sandboxIdentity().failNextTokenRequest(
            u"bad_verification_code"_s, 70000, u"The provided value for the 'device_code' parameter is not valid."_s);
    });
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QCOMPARE(failed.at(0).at(0).value<AuthError>().reason, AuthError::Reason::BadVerificationCode);
    QCOMPARE(flow.pollCount(), 1);
}

void TestSignIn::deviceCodeCancel()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    QTRY_VERIFY_WITH_TIMEOUT(flow.pollCount() >= 1, 5000);
    flow.cancel();
    QCOMPARE(failed.count(), 0); // from the event loop, not inside cancel()
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Cancelled);
    flow.cancel(); // harmless
    const qsizetype polls = sandboxIdentity().devicePollTimes().size();
    QTest::qWait(2200);
    QCOMPARE(sandboxIdentity().devicePollTimes().size(), polls);
    QCOMPARE(ok.count(), 0);
    QCOMPARE(failed.count(), 1);
}

void TestSignIn::deviceCodeErrorsMapped()
{
    struct Case
    {
        const char *error;
        int code;
        AuthError::Reason reason;
        const char *sentencePart;
    };
    const Case cases[] = {
        {"invalid_client", 7000218, AuthError::Reason::PublicClientFlowsDisabled, "Allow public client flows"},
        {"invalid_request", 50194, AuthError::Reason::SingleTenantAppOnCommon, "organizations"},
        {"invalid_request", 90002, AuthError::Reason::TenantNotFound, "organizations"},
    };
    for (const Case &c : cases) {
        sandboxIdentity().failNextTokenRequest(QString::fromLatin1(c.error), c.code, u"Injected."_s);
        IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
        DeviceCodeFlow flow(&identity);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QTRY_COMPARE(failed.count(), 1);
        const AuthError e = failed.at(0).at(0).value<AuthError>();
        QCOMPARE(e.reason, c.reason);
        QVERIFY2(e.summary().contains(QLatin1String(c.sentencePart)), qPrintable(e.summary()));
        QCOMPARE(e.aadstsCode(), c.code);
        QVERIFY(!e.correlationId.isEmpty());
    }
    // An app the tenant does not know: AADSTS700016 names the client id.
    sandboxIdentity().setRegisteredClientId(u"11111111-2222-3333-4444-555555555555"_s);
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    DeviceCodeFlow flow(&identity);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    QTRY_COMPARE(failed.count(), 1);
    const AuthError e = failed.at(0).at(0).value<AuthError>();
    QCOMPARE(e.reason, AuthError::Reason::AppNotFound);
    QVERIFY(e.message.contains(QLatin1String(kGraphCommandLineToolsClientId)));
}

void TestSignIn::deviceCodeAgainstAnotherServer()
{
    // Not the sandbox: a scripted server answering like Entra ID does,
    // byte for byte, so the client is not only tuned to our own fake.
    const QByteArray device
        = R"({"user_code":"GH7ZK3CTD","device_code":"DAQABAAEAAAD--DLA3VO7QrddgJg7WevrBQ",)"
          R"("verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":1,)"
          R"("message":"To sign in, use a web browser to open the page https://microsoft.com/devicelogin )"
          R"(and enter the code GH7ZK3CTD to authenticate."})";
    const QByteArray pending = R"({"error":"authorization_pending","error_description":"AADSTS70016: OAuth 2.0 )"
                               R"(device flow error. Authorization is pending. Continue polling.\r\nTrace ID: )"
                               R"(0b1e\r\nCorrelation ID: c0\r\nTimestamp: 2024-05-01 10:00:00Z","error_codes":)"
                               R"([70016],"timestamp":"2024-05-01 10:00:00Z","trace_id":"0b1e","correlation_id":"c0",)"
                               R"("error_uri":"https://login.microsoftonline.com/error?code=70016"})";
    const QByteArray tokens
        = R"({"token_type":"Bearer","scope":"https://graph.microsoft.com/DeviceManagementServiceConfig.ReadWrite.All )"
          R"(openid profile","expires_in":4383,"ext_expires_in":4383,"access_token":"eyJ0eXAiOiJKV1QifQ.)"
          R"(eyJ1cG4iOiJhZG1pbkBjb250b3NvLmNvbSJ9.c2ln","refresh_token":"0.AXoA+/x==","id_token":"x.y.z"})";
    int polls = 0;
    ea::test::SandboxWithFaults server([&](const ea::test::HttpRequest &request, int) {
        if (request.rawTarget.endsWith("/devicecode"))
            return ea::test::json(200, device);
        return ++polls < 3 ? ea::test::json(400, pending) : ea::test::json(200, tokens);
    });
    TenantProfile profile;
    profile.tenant = u"contoso.onmicrosoft.com"_s;
    profile.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    profile.loginRootOverride = QString::fromLatin1(server.rootUrl());
    IdentityClient identity(m_network.get(), profile);
    DeviceCodeFlow flow(&identity);
    QSignalSpy codes(&flow, &DeviceCodeFlow::userCodeReady);
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    QTRY_COMPARE(codes.count(), 1);
    QCOMPARE(codes.at(0).at(0).value<DeviceCode>().userCode, u"GH7ZK3CTD"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ok.count(), 1, 10000);
    QCOMPARE(ok.at(0).at(0).value<TokenSet>().refreshToken, u"0.AXoA+/x=="_s);
    QCOMPARE(
        TokenClaims::fromAccessToken(ok.at(0).at(0).value<TokenSet>().accessToken).account, u"admin@contoso.com"_s);

    // What went over the wire: the right paths, form bodies, no secret.
    const auto &requests = server.requests();
    QCOMPARE(requests.size(), 4); // devicecode + 3 polls
    QCOMPARE(requests.at(0).rawTarget, QByteArray("/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"));
    QCOMPARE(requests.at(0).header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QVERIFY(requests.at(0).body.contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default%20offline_access"));
    for (const auto &r : requests) {
        QCOMPARE(r.method, QByteArray("POST"));
        QVERIFY(!r.body.contains("client_secret"));
        QVERIFY(!r.header("client-request-id").isEmpty());
    }
    QCOMPARE(requests.at(1).rawTarget, QByteArray("/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    QVERIFY(requests.at(1).body.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code"));
    QVERIFY(requests.at(1).body.contains("device_code=DAQABAAEAAAD--DLA3VO7QrddgJg7WevrBQ"));
}

// --- browser ----------------------------------------------------------------

void TestSignIn::browserSignIn()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    QUrl opened;
    BrowserSignInFlow flow(&identity, [&opened](const QUrl &url) {
        opened = url;
        return true;
    });
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    QSignalSpy redeeming(&flow, &BrowserSignInFlow::redeemingCode);
    flow.start();
    QVERIFY(opened.isValid());
    QCOMPARE(opened, flow.authorizeUrl());
    QCOMPARE(queryValue(opened, u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(queryValue(opened, u"state"_s).size(), 43);
    QCOMPARE(queryValue(opened, u"prompt"_s), u"select_account"_s);
    QCOMPARE(queryValue(opened, u"redirect_uri"_s), flow.listener()->redirectUri());
    QVERIFY(flow.listener()->redirectUri().startsWith(u"http://localhost:"_s));

    // The browser: the sandbox redirects straight back (auto-approved user).
    const HttpAnswer authorize = httpRequest(*m_network, "GET", opened);
    QCOMPARE(authorize.status, 302);
    QCOMPARE(authorize.location.host(), u"localhost"_s);
    QCOMPARE(authorize.location.port(), int(flow.listener()->port()));
    QCOMPARE(queryValue(authorize.location, u"state"_s), queryValue(opened, u"state"_s));
    const QString code = queryValue(authorize.location, u"code"_s);
    QVERIFY(!code.isEmpty());

    const HttpAnswer page = httpRequest(*m_network, "GET", authorize.location);
    QVERIFY2(page.status == 200, page.body.constData());
    QVERIFY2(page.body.contains("Signed in to Enrollment Assigner"), page.body.constData());
    QCOMPARE(redeeming.count(), 1);
    QTRY_COMPARE(ok.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(sandboxIdentity().receivedAuthorizationCodes(), QStringList {code});
    QCOMPARE(sandboxIdentity().tokenRequestCount(u"authorization_code"_s), 1);
    QCOMPARE(
        TokenClaims::fromAccessToken(ok.at(0).at(0).value<TokenSet>().accessToken).account, u"admin@contoso.sandbox"_s);
    // Exactly one answer: the listener is gone.
    QTRY_VERIFY(!flow.listener() || !flow.listener()->isListening());
    QCOMPARE(httpRequest(*m_network, "GET", authorize.location, {}, 3000).error, QNetworkReply::ConnectionRefusedError);
}

void TestSignIn::browserSignInGarbageIgnored()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    QUrl opened;
    BrowserSignInFlow flow(&identity, [&opened](const QUrl &url) {
        opened = url;
        return true;
    });
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    LoopbackRedirectListener *listener = flow.listener();
    listener->setRequestTimeout(std::chrono::milliseconds(300));
    const quint16 port = listener->port();

    struct Garbage
    {
        const char *name;
        QByteArray bytes;
        const char *status;
    };
    const Garbage garbage[] = {
        {"not http", "GARBAGE\r\n\r\n", "HTTP/1.1 400"},
        {"binary", QByteArray("\x00\x01\x02\xff\r\n\r\n", 8), "HTTP/1.1 400"},
        {"favicon", "GET /favicon.ico HTTP/1.1\r\nHost: localhost\r\n\r\n", "HTTP/1.1 404"},
        {"no parameters", "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "HTTP/1.1 400"},
        {"no state", "GET /?code=abc HTTP/1.1\r\nHost: localhost\r\n\r\n", "HTTP/1.1 400"},
        {"post", "POST /?code=abc&state=x HTTP/1.1\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 400"},
        {"repeated state", "GET /?code=a&state=x&state=y HTTP/1.1\r\n\r\n", "HTTP/1.1 400"},
        {"too large", "GET /?" + QByteArray(20000, 'a'), "HTTP/1.1 400"},
        {"silence", QByteArray(), "HTTP/1.1 400"},
    };
    for (const Garbage &g : garbage) {
        const QByteArray answer = rawExchange(port, g.bytes, 3000);
        QVERIFY2(answer.startsWith(g.status), g.name);
        QVERIFY2(answer.contains("Connection: close"), g.name);
    }
    QCOMPARE(listener->ignoredRequestCount(), int(std::size(garbage)));
    QCOMPARE(ok.count() + failed.count(), 0);
    QVERIFY(listener->isListening());

    // The real answer still works.
    const HttpAnswer authorize = httpRequest(*m_network, "GET", opened);
    const HttpAnswer page = httpRequest(*m_network, "GET", authorize.location);
    QCOMPARE(page.status, 200);
    QTRY_COMPARE(ok.count(), 1);
}

void TestSignIn::browserSignInWrongState()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    QUrl opened;
    BrowserSignInFlow flow(&identity, [&opened](const QUrl &url) {
        opened = url;
        return true;
    });
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    const HttpAnswer authorize = httpRequest(*m_network, "GET", opened);
    QUrl forged = authorize.location;
    QUrlQuery query(forged);
    query.removeQueryItem(u"state"_s);
    query.addQueryItem(u"state"_s, u"attacker-chosen-state"_s);
    forged.setQuery(query);

    const HttpAnswer page = httpRequest(*m_network, "GET", forged);
    QCOMPARE(page.status, 400);
    QVERIFY2(page.body.contains("CSRF"), page.body.constData());
    QTRY_COMPARE(failed.count(), 1);
    const AuthError e = failed.at(0).at(0).value<AuthError>();
    QCOMPARE(e.reason, AuthError::Reason::StateMismatch);
    QCOMPARE(e.kind, AuthError::Kind::Browser);
    QVERIFY(e.message.contains(u"CSRF"_s));
    // The code was never redeemed, and the real answer finds nobody listening.
    QCOMPARE(sandboxIdentity().tokenRequestCount(), 0);
    QCOMPARE(httpRequest(*m_network, "GET", authorize.location, {}, 3000).error, QNetworkReply::ConnectionRefusedError);
    QCOMPARE(ok.count(), 0);
}

void TestSignIn::browserSignInAuthorizeError()
{
    sandboxIdentity().failNextAuthorize(
        u"access_denied"_s, u"AADSTS65004: User declined to consent <script>alert(1)</script>"_s);
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    QUrl opened;
    BrowserSignInFlow flow(&identity, [&opened](const QUrl &url) {
        opened = url;
        return true;
    });
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.start();
    const HttpAnswer authorize = httpRequest(*m_network, "GET", opened);
    QCOMPARE(queryValue(authorize.location, u"error"_s), u"access_denied"_s);
    const HttpAnswer page = httpRequest(*m_network, "GET", authorize.location);
    QCOMPARE(page.status, 400);
    QVERIFY(page.body.contains("AADSTS65004"));
    QVERIFY(!page.body.contains("<script>")); // escaped, not executed
    QVERIFY(page.body.contains("&lt;script&gt;"));
    QTRY_COMPARE(failed.count(), 1);
    const AuthError e = failed.at(0).at(0).value<AuthError>();
    QCOMPARE(e.reason, AuthError::Reason::AccessDenied);
    QCOMPARE(e.aadstsCode(), 65004);
}

void TestSignIn::browserSignInTimeoutAndCancel()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    {
        BrowserSignInFlow flow(&identity, [](const QUrl &) { return true; });
        flow.setTimeout(std::chrono::milliseconds(300));
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        const quint16 port = flow.listener()->port();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 3000);
        QCOMPARE(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Timeout);
        QVERIFY(!flow.listener()->isListening());
        QVERIFY(rawExchange(port, "GET /?code=a&state=b HTTP/1.1\r\n\r\n", 1000).isEmpty());
    }
    {
        QSignalSpy *openFailed = nullptr;
        BrowserSignInFlow flow(&identity, [](const QUrl &) { return false; }); // no browser
        QSignalSpy failed(&flow, &SignInFlow::failed);
        QSignalSpy noBrowser(&flow, &BrowserSignInFlow::browserOpenFailed);
        openFailed = &noBrowser;
        flow.start();
        QCOMPARE(openFailed->count(), 1); // the UI offers the link instead; the flow waits
        QVERIFY(flow.isRunning());
        flow.cancel();
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Cancelled);
        QVERIFY(!flow.listener()->isListening());
    }
    {
        // Invalid profile: fails from the event loop with the profile's problem.
        TenantProfile bad = ea::test::sandboxProfile(*m_server);
        bad.loginRootOverride = u"http://login.example.com"_s;
        IdentityClient badIdentity(m_network.get(), bad);
        BrowserSignInFlow flow(&badIdentity, [](const QUrl &) { return true; });
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QCOMPARE(failed.count(), 0);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::Configuration);
        QVERIFY(failed.at(0).at(0).value<AuthError>().message.contains(u"loopback"_s));
    }
}

void TestSignIn::listenerBindsLoopbackOnly()
{
    LoopbackRedirectListener listener;
    QVERIFY(listener.listen());
    QCOMPARE(listener.serverAddress(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(listener.port() > 0);

    LoopbackRedirectListener second;
    QVERIFY(second.listen());
    QVERIFY(second.port() != listener.port()); // random, not fixed

    // Reachable on 127.0.0.1 ...
    QTcpSocket ok;
    ok.connectToHost(QHostAddress(QHostAddress::LocalHost), listener.port());
    QVERIFY(ok.waitForConnected(2000));
    ok.abort();
    // ... but not on ::1, nor on any other address of this machine.
    int tried = 0;
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address == QHostAddress(QHostAddress::LocalHost) || address.isLinkLocal())
            continue;
        QTcpSocket other;
        other.connectToHost(address, listener.port());
        const bool connected = other.waitForConnected(1000);
        QVERIFY2(!connected, qPrintable(address.toString()));
        ++tried;
    }
    qInfo() << "listener refused on" << tried << "non-127.0.0.1 addresses";
}

// --- tokens -----------------------------------------------------------------

void TestSignIn::specialCharactersSurviveEveryHop()
{
    sandboxIdentity().setSpecialCharacterTokens(true);
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));

    // Browser flow: a code with '+', '/', '=' reaches the token endpoint intact.
    QUrl opened;
    BrowserSignInFlow flow(&identity, [&opened](const QUrl &url) {
        opened = url;
        return true;
    });
    QSignalSpy ok(&flow, &SignInFlow::succeeded);
    flow.start();
    const HttpAnswer authorize = httpRequest(*m_network, "GET", opened);
    const QString code = queryValue(authorize.location, u"code"_s);
    QVERIFY2(hasAll(code, u"+/="_s), qPrintable(code));
    QVERIFY(authorize.location.toEncoded().contains("%2B")); // the sandbox encodes it in the redirect
    QCOMPARE(httpRequest(*m_network, "GET", authorize.location).status, 200);
    QTRY_COMPARE(ok.count(), 1);
    QCOMPARE(sandboxIdentity().receivedAuthorizationCodes(), QStringList {code});
    const TokenSet tokens = ok.at(0).at(0).value<TokenSet>();
    QVERIFY2(hasAll(tokens.refreshToken, u"+/="_s), qPrintable(tokens.refreshToken));
    QVERIFY2(hasAll(tokens.accessToken, u"+/="_s), qPrintable(tokens.accessToken));

    // Refresh: the refresh token arrives intact; the body has %2B, %2F, %3D and no raw '+'.
    MemoryTokenStore store;
    SignedInTokenProvider provider(&identity, &store);
    provider.adoptSignIn(tokens);
    sandboxIdentity().resetTrafficCounters();
    Awaited<Result<QString>> refreshed;
    provider.requestAccessToken(true, refreshed.callback());
    QVERIFY(refreshed.wait());
    QVERIFY2(refreshed.value->ok(), qPrintable(whyNot(*refreshed.value)));
    QCOMPARE(sandboxIdentity().receivedRefreshTokens(), QStringList {tokens.refreshToken});
    const QByteArray body = sandboxIdentity().rawTokenRequestBodies().constLast();
    QVERIFY(body.contains("%2B") && body.contains("%2F") && body.contains("%3D"));
    QVERIFY(!body.contains('+'));

    // The new access token (with '+', '/', '=') works against Graph.
    QVERIFY(hasAll(refreshed.value->value(), u"+/="_s));
    GraphClient graph(m_network.get(), &provider);
    QString problem;
    graph.setEndpoint(ea::test::sandboxProfile(*m_server).graphEndpoint(ApiVersion::V1, &problem));
    const Result<GraphResponse> listed = runCall(graph, kListConfigurations);
    QVERIFY2(listed.ok(), qPrintable(whyNot(listed)));
}

void TestSignIn::refreshTokensRotate()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    const TokenSet tokens = signIn(identity);
    QVERIFY(!tokens.refreshToken.isEmpty());
    MemoryTokenStore store;
    SignedInTokenProvider provider(&identity, &store);
    Awaited<AuthResult<SaveReceipt>> stored;
    provider.adoptSignIn(tokens, stored.callback());
    QVERIFY(stored.wait());
    QVERIFY(stored.value->ok());
    QVERIFY(!stored.value->value().persistent); // the memory store says so
    const QString key = provider.profile().tokenStoreKey();
    QCOMPARE(store.peek(key), std::optional<QString>(tokens.refreshToken));

    // Every request refreshes (margin larger than the lifetime).
    provider.setRefreshMargin(std::chrono::hours(2));
    QStringList seen {tokens.refreshToken};
    for (int i = 0; i < 3; ++i) {
        Awaited<Result<QString>> token;
        provider.requestAccessToken(false, token.callback());
        QVERIFY(token.wait());
        QVERIFY(token.value->ok());
        const QString stored = *store.peek(key);
        QVERIFY(!seen.contains(stored)); // rotated: newest stored, old dropped
        QCOMPARE(stored, sandboxIdentity().lastIssuedRefreshToken());
        seen << stored;
    }
    QCOMPARE(provider.refreshCount(), 3);
    QCOMPARE(store.keys(), QStringList {key});
    // The sandbox presented each refresh token once, in order.
    QCOMPARE(sandboxIdentity().receivedRefreshTokens(), seen.mid(0, 3));

    // Reusing a rotated refresh token is refused: interactive sign-in needed.
    Awaited<AuthResult<TokenSet>> reused;
    identity.redeemRefreshToken(tokens.refreshToken, reused.callback());
    QVERIFY(reused.wait());
    QVERIFY(!reused.value->ok());
    QCOMPARE(reused.value->error().reason, AuthError::Reason::InteractionRequired);
    QCOMPARE(reused.value->error().aadstsCode(), 70000);
}

void TestSignIn::revokedRefreshTokenNeedsInteractiveSignIn()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    MemoryTokenStore store;
    store.setAsynchronous(true);
    SignedInTokenProvider provider(&identity, &store);
    provider.adoptSignIn(signIn(identity));
    const QString key = provider.profile().tokenStoreKey();
    QTRY_VERIFY(store.peek(key).has_value());
    QSignalSpy required(&provider, &SignedInTokenProvider::signInRequired);

    sandboxIdentity().revokeAllRefreshTokens();
    sandboxIdentity().revokeAllAccessTokens();

    // Through a real GraphClient: 401, the refresh is refused, the call fails.
    GraphClient graph(m_network.get(), &provider);
    QString problem;
    graph.setEndpoint(provider.profile().graphEndpoint(ApiVersion::V1, &problem));
    const Result<GraphResponse> listed = runCall(graph, kListConfigurations);
    QVERIFY(!listed.ok());
    QCOMPARE(listed.error().httpStatus, 401);

    QCOMPARE(required.count(), 1);
    const AuthError why = required.at(0).at(0).value<AuthError>();
    QCOMPARE(why.reason, AuthError::Reason::InteractionRequired);
    QVERIFY(why.requiresInteractiveSignIn());
    QCOMPARE(why.aadstsCode(), 50173);
    QVERIFY(why.nextStep.contains(u"Sign in again"_s));
    QVERIFY(!provider.hasAccessToken());
    QVERIFY(!provider.hasRefreshToken());
    QTRY_VERIFY(!store.peek(key).has_value()); // the stored refresh token is removed

    // Later requests say "sign in" without asking the service again.
    const int before = sandboxIdentity().tokenRequestCount();
    Awaited<Result<QString>> token;
    provider.requestAccessToken(false, token.callback());
    QVERIFY(token.wait());
    QVERIFY(!token.value->ok());
    QCOMPARE(token.value->error().code, kSignInRequiredCode);
    QCOMPARE(sandboxIdentity().tokenRequestCount(), before);
}

void TestSignIn::unauthorizedLeadsToOneRefreshAndOneReplay()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    MemoryTokenStore store;
    SignedInTokenProvider provider(&identity, &store);
    provider.adoptSignIn(signIn(identity));
    GraphClient graph(m_network.get(), &provider);
    QString problem;
    graph.setEndpoint(provider.profile().graphEndpoint(ApiVersion::V1, &problem));
    const Result<GraphResponse> first = runCall(graph, kListConfigurations);
    QVERIFY(first.ok());
    QCOMPARE(provider.refreshCount(), 0);

    // The sandbox now rejects the current access token (once: the next one is new).
    sandboxIdentity().revokeAllAccessTokens();
    sandboxIdentity().resetTrafficCounters();
    m_server->tenant().resetTrafficCounters();
    const QString before = sandboxIdentity().lastIssuedAccessToken();

    const Result<GraphResponse> second = runCall(graph, kListConfigurations);
    QVERIFY2(second.ok(), qPrintable(whyNot(second)));
    QCOMPARE(sandboxIdentity().tokenRequestCount(u"refresh_token"_s), 1);
    QCOMPARE(sandboxIdentity().tokenRequestCount(), 1);
    QCOMPARE(provider.refreshCount(), 1);
    const QList<QByteArray> log = m_server->tenant().requestLog();
    QCOMPARE(log.size(), 2); // the 401 and the one replay
    QCOMPARE(log.at(0), log.at(1));
    QVERIFY(sandboxIdentity().lastIssuedAccessToken() != before);
}

void TestSignIn::concurrentRequestsShareOneRefresh()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    MemoryTokenStore store;
    SignedInTokenProvider provider(&identity, &store);
    provider.adoptSignIn(signIn(identity));

    // Five Graph calls in flight when the token is rejected: five 401s, one
    // refresh, five replays.
    GraphClient graph(m_network.get(), &provider);
    QString problem;
    graph.setEndpoint(provider.profile().graphEndpoint(ApiVersion::V1, &problem));
    sandboxIdentity().revokeAllAccessTokens();
    sandboxIdentity().resetTrafficCounters();
    m_server->tenant().resetTrafficCounters();
    QList<std::shared_ptr<CallResult>> calls;
    for (int i = 0; i < 5; ++i)
        calls.append(sendCall(graph, kListConfigurations));
    for (const auto &c : calls) {
        QTRY_VERIFY(c->result.has_value());
        QVERIFY2(c->result->ok(), qPrintable(whyNot(*c->result)));
    }
    QCOMPARE(sandboxIdentity().tokenRequestCount(u"refresh_token"_s), 1);
    QCOMPARE(m_server->tenant().requestCount(), 10);
    qInfo() << "5 concurrent 401s ->" << sandboxIdentity().tokenRequestCount() << "refresh";

    // Five callers while the token needs refreshing: they wait for one refresh.
    sandboxIdentity().resetTrafficCounters();
    provider.setRefreshMargin(std::chrono::hours(2));
    QList<std::shared_ptr<Awaited<Result<QString>>>> waits;
    for (int i = 0; i < 5; ++i) {
        waits.append(std::make_shared<Awaited<Result<QString>>>());
        provider.requestAccessToken(false, waits.last()->callback());
    }
    for (const auto &w : waits) {
        QVERIFY(w->wait());
        QVERIFY(w->value->ok());
        QCOMPARE(w->value->value(), waits.first()->value->value());
    }
    QCOMPARE(provider.refreshCount(), 2);
    QCOMPARE(sandboxIdentity().tokenRequestCount(u"refresh_token"_s), 1);
}

void TestSignIn::refreshShortlyBeforeExpiry()
{
    sandboxIdentity().setAccessTokenLifetime(std::chrono::seconds(120));
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    MemoryTokenStore store;
    SignedInTokenProvider provider(&identity, &store);
    provider.adoptSignIn(signIn(identity));
    const QDateTime firstExpiry = provider.accessTokenExpiresAt();
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(firstExpiry) - 120) <= 5);

    // 120 s left is inside the 5-minute margin: refreshed before use.
    Awaited<Result<QString>> token;
    provider.requestAccessToken(false, token.callback());
    QVERIFY(token.wait());
    QVERIFY(token.value->ok());
    QCOMPARE(provider.refreshCount(), 1);

    // With a 1-minute margin the fresh token is simply used.
    provider.setRefreshMargin(std::chrono::seconds(60));
    Awaited<Result<QString>> again;
    provider.requestAccessToken(false, again.callback());
    QVERIFY(again.value); // synchronous: no request
    QCOMPARE(again.value->value(), token.value->value());
    QCOMPARE(provider.refreshCount(), 1);
}

void TestSignIn::networkFailureKeepsValidToken()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    const TokenSet tokens = signIn(identity);
    MemoryTokenStore store;
    SignedInTokenProvider provider(&identity, &store);
    provider.adoptSignIn(tokens);
    provider.setRefreshMargin(std::chrono::hours(2)); // wants to refresh
    const QString key = provider.profile().tokenStoreKey();
    m_server.reset(); // the sign-in service is gone (close() would leave keep-alive connections)

    Awaited<Result<QString>> token;
    provider.requestAccessToken(false, token.callback());
    QVERIFY(token.wait());
    QVERIFY(token.value->ok()); // the still valid token
    QCOMPARE(token.value->value(), tokens.accessToken);

    Awaited<Result<QString>> forced;
    QTest::qWait(10); // not the same refresh
    provider.requestAccessToken(true, forced.callback());
    QVERIFY(forced.wait());
    QVERIFY(!forced.value->ok()); // after a 401 the old token is no use
    QCOMPARE(forced.value->error().kind, GraphError::Kind::Network);
    QVERIFY(forced.value->error().code != kSignInRequiredCode);
    QVERIFY(provider.hasRefreshToken()); // nothing forgotten
    QCOMPARE(store.peek(key), std::optional<QString>(tokens.refreshToken));
}

void TestSignIn::resumeAndSignOut()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server));
    MemoryTokenStore store;
    {
        SignedInTokenProvider provider(&identity, &store);
        provider.adoptSignIn(signIn(identity));
    }
    {
        // A later run of the CLI: a Session over a fresh provider just works;
        // the store is read on the first call, not before.
        SignedInTokenProvider fresh(&identity, &store);
        QCOMPARE(store.loadCount(), 0);
        GraphClient graph(m_network.get(), &fresh);
        QString problem;
        graph.setEndpoint(fresh.profile().graphEndpoint(ApiVersion::V1, &problem));
        QCOMPARE(store.loadCount(), 0);
        const Result<GraphResponse> listed = runCall(graph, kListConfigurations);
        QVERIFY2(listed.ok(), qPrintable(whyNot(listed)));
        QCOMPARE(store.loadCount(), 1);
        QCOMPARE(fresh.refreshCount(), 1);
        QCOMPARE(fresh.claims().account, u"admin@contoso.sandbox"_s);
    }
    // Another run: `status` asks who is signed in.
    SignedInTokenProvider provider(&identity, &store);
    QVERIFY(!provider.hasAccessToken());
    Awaited<AuthResult<TokenClaims>> resumed;
    provider.resumeStoredSession(resumed.callback());
    QVERIFY(resumed.wait());
    QVERIFY2(resumed.value->ok(), qPrintable(whyNot(*resumed.value)));
    QCOMPARE(resumed.value->value().account, u"admin@contoso.sandbox"_s);
    QCOMPARE(resumed.value->value().tenantId, m_server->tenant().tenantId());
    QCOMPARE(provider.refreshCount(), 1);
    QVERIFY(provider.hasAccessToken());

    Awaited<AuthResult<Done>> out;
    provider.signOut(out.callback());
    QVERIFY(out.wait());
    QVERIFY(out.value->ok());
    QVERIFY(store.keys().isEmpty());
    QVERIFY(!provider.hasAccessToken());
    Awaited<Result<QString>> token;
    provider.requestAccessToken(false, token.callback());
    QVERIFY(token.wait());
    QCOMPARE(token.value->error().code, kSignInRequiredCode);

    Awaited<AuthResult<TokenClaims>> nothing;
    provider.resumeStoredSession(nothing.callback());
    QVERIFY(nothing.wait());
    QVERIFY(!nothing.value->ok());
    QCOMPARE(nothing.value->error().reason, AuthError::Reason::NotSignedIn);
}

void TestSignIn::scopeNamesTheProfilesCloud()
{
    IdentityClient identity(m_network.get(), ea::test::sandboxProfile(*m_server, Cloud::UsGovL5DoD));
    const TokenSet tokens = signIn(identity);
    QCOMPARE(TokenClaims::fromAccessToken(tokens.accessToken).audience, u"https://dod-graph.microsoft.us"_s);
    QVERIFY(tokens.scope.contains(u"https://dod-graph.microsoft.us/DeviceManagementServiceConfig.ReadWrite.All"_s));
}

void TestSignIn::identityRequestTimeoutAndRefusal()
{
    ea::test::SandboxWithFaults stalling([](const ea::test::HttpRequest &, int) { return ea::test::stall(); });
    TenantProfile profile;
    profile.tenant = u"organizations"_s;
    profile.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    profile.loginRootOverride = QString::fromLatin1(stalling.rootUrl());
    IdentityClient identity(m_network.get(), profile);
    identity.setTransferTimeout(std::chrono::milliseconds(300));
    Awaited<AuthResult<TokenSet>> timedOut;
    QElapsedTimer timer;
    timer.start();
    identity.redeemRefreshToken(u"rt"_s, timedOut.callback());
    QVERIFY(timedOut.wait(5000));
    QCOMPARE(timedOut.value->error().kind, AuthError::Kind::Timeout);
    QVERIFY(timer.elapsed() < 3000);

    // Cancel: Cancelled from the event loop, never inside cancel().
    Awaited<AuthResult<TokenSet>> cancelled;
    IdentityRequest *request = identity.redeemRefreshToken(u"rt"_s, cancelled.callback());
    request->cancel();
    QVERIFY(!cancelled.value);
    QVERIFY(cancelled.wait(2000));
    QCOMPARE(cancelled.value->error().kind, AuthError::Kind::Cancelled);

    // Nobody listening.
    profile.loginRootOverride = u"http://127.0.0.1:1"_s;
    IdentityClient refused(m_network.get(), profile);
    Awaited<AuthResult<DeviceCode>> network;
    refused.requestDeviceCode(network.callback());
    QVERIFY(network.wait(5000));
    QCOMPARE(network.value->error().kind, AuthError::Kind::Network);

    // A redirect is not followed (it would carry the refresh token along).
    ea::test::SandboxWithFaults redirecting([](const ea::test::HttpRequest &, int) {
        return ea::test::HttpFault::answer(
            ea::test::httpResponse(307, {}, {}, {{"Location", "http://evil.example/token"}}));
    });
    profile.loginRootOverride = QString::fromLatin1(redirecting.rootUrl());
    IdentityClient redirected(m_network.get(), profile);
    Awaited<AuthResult<TokenSet>> moved;
    redirected.redeemRefreshToken(u"rt"_s, moved.callback());
    QVERIFY(moved.wait(5000));
    QCOMPARE(moved.value->error().kind, AuthError::Kind::InvalidResponse);
    QCOMPARE(redirecting.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
