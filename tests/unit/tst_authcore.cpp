// The pure parts of sign-in: PKCE and form encoding, tenant profiles and
// their store, the mapping of identity-platform errors to sentences, and the
// parsers of token and device-code answers.

#include "auth/AuthError.h"
#include "auth/IdentityClient.h"
#include "auth/OAuthEncoding.h"
#include "auth/TenantProfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace ea::auth;
using ea::Cloud;

Q_DECLARE_METATYPE(ea::Cloud)
Q_DECLARE_METATYPE(ea::auth::AuthError::Operation)
Q_DECLARE_METATYPE(ea::auth::AuthError::Reason)

class TestAuthCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // encoding
    void pkceMatchesRfc7636Example();
    void pkceGeneratesFreshVerifiers();
    void randomStringIsBase64UrlOf32Bytes();
    void formEncodingKeepsPlusSlashEquals_data();
    void formEncodingKeepsPlusSlashEquals();
    void formDecodingFollowsTheStandard();

    // profiles
    void authorityAndScopePerCloud_data();
    void authorityAndScopePerCloud();
    void loginRootOverride_data();
    void loginRootOverride();
    void tokensGoOnlyToTheProfilesGraph_data();
    void tokensGoOnlyToTheProfilesGraph();
    void graphOverrideOutsideTheCloudIsRefused();
    void tenantAndClientIdChecks_data();
    void tenantAndClientIdChecks();
    void tokenStoreKeyIsStableAndSpecific();
    void profileStoreRoundTrip();

    // errors
    void errorMapping_data();
    void errorMapping();
    void errorKeepsServiceIds();
    void errorFromNonJsonBody();
    void errorToGraphError();

    // parsers
    void parsesTokenResponse();
    void tokenResponseVariants();
    void parsesDeviceCodeResponse();
    void authorizeUrlCarriesEverything();
};

// --- encoding ---------------------------------------------------------------

void TestAuthCore::pkceMatchesRfc7636Example()
{
    // RFC 7636, appendix B.
    QCOMPARE(Pkce::challengeFor(u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
}

void TestAuthCore::pkceGeneratesFreshVerifiers()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const Pkce p = Pkce::generate();
        QCOMPARE(p.verifier.size(), 43); // 32 bytes
        QCOMPARE(p.challenge, Pkce::challengeFor(p.verifier));
        for (QChar c : p.verifier)
            QVERIFY(c.isLetterOrNumber() || c == u'-' || c == u'_');
        QVERIFY(!seen.contains(p.verifier));
        seen.insert(p.verifier);
    }
}

void TestAuthCore::randomStringIsBase64UrlOf32Bytes()
{
    const QString s = randomUrlSafeString(32);
    QCOMPARE(s.size(), 43);
    const auto decoded = QByteArray::fromBase64Encoding(
        s.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.size(), 32);
    QVERIFY(randomUrlSafeString(32) != s);
}

void TestAuthCore::formEncodingKeepsPlusSlashEquals_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("plus") << u"a+b"_s << QByteArray("v=a%2Bb");
    QTest::newRow("slash") << u"a/b"_s << QByteArray("v=a%2Fb");
    QTest::newRow("equals") << u"ab=="_s << QByteArray("v=ab%3D%3D");
    QTest::newRow("ampersand") << u"a&b"_s << QByteArray("v=a%26b");
    QTest::newRow("space") << u"a b"_s << QByteArray("v=a%20b");
    QTest::newRow("percent") << u"100%"_s << QByteArray("v=100%25");
    QTest::newRow("unreserved") << u"aZ09-._~"_s << QByteArray("v=aZ09-._~");
    QTest::newRow("utf-8") << u"ä"_s << QByteArray("v=%C3%A4");
    QTest::newRow("url") << u"http://localhost:1234/"_s << QByteArray("v=http%3A%2F%2Flocalhost%3A1234%2F");
}

void TestAuthCore::formEncodingKeepsPlusSlashEquals()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    const QByteArray body = encodeFormBody({{u"v"_s, value}});
    QCOMPARE(body, encoded);
    QCOMPARE(formValue(decodeFormBody(body), u"v"), value);
}

void TestAuthCore::formDecodingFollowsTheStandard()
{
    // What a server does with a body whose '+' was not encoded: a space. This
    // is why QUrlQuery (which leaves '+') must not build form bodies.
    QUrlQuery naive;
    naive.addQueryItem(u"refresh_token"_s, u"0.A+B/C=="_s);
    const FormFields decoded = decodeFormBody(naive.toString(QUrl::FullyEncoded).toUtf8());
    QVERIFY(formValue(decoded, u"refresh_token") != u"0.A+B/C=="_s);

    const FormFields fields = decodeFormBody("a=1&&b=&c&d=x%2By+z&a=2");
    QCOMPARE(fields.size(), 5);
    QCOMPARE(formValue(fields, u"a"), u"1"_s);
    QCOMPARE(formValue(fields, u"b"), u""_s);
    QVERIFY(!formValue(fields, u"c").isNull());
    QCOMPARE(formValue(fields, u"d"), u"x+y z"_s);
    QVERIFY(formValue(fields, u"missing").isNull());

    const FormFields roundTrip = decodeFormBody(encodeFormBody(
        {{u"code"_s, u"0.AXo+/=="_s}, {u"redirect_uri"_s, u"http://localhost:5/"_s}, {u"x y"_s, u"&="_s}}));
    QCOMPARE(formValue(roundTrip, u"code"), u"0.AXo+/=="_s);
    QCOMPARE(formValue(roundTrip, u"redirect_uri"), u"http://localhost:5/"_s);
    QCOMPARE(formValue(roundTrip, u"x y"), u"&="_s);
}

// --- profiles ---------------------------------------------------------------

void TestAuthCore::authorityAndScopePerCloud_data()
{
    QTest::addColumn<Cloud>("cloud");
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("scope");
    QTest::newRow("global") << Cloud::Global << u"https://login.microsoftonline.com/contoso.onmicrosoft.com"_s
                            << u"https://graph.microsoft.com/.default offline_access openid profile"_s;
    QTest::newRow("usgov") << Cloud::UsGovL4 << u"https://login.microsoftonline.us/contoso.onmicrosoft.com"_s
                           << u"https://graph.microsoft.us/.default offline_access openid profile"_s;
    QTest::newRow("usgov-dod") << Cloud::UsGovL5DoD << u"https://login.microsoftonline.us/contoso.onmicrosoft.com"_s
                               << u"https://dod-graph.microsoft.us/.default offline_access openid profile"_s;
    QTest::newRow("china") << Cloud::China << u"https://login.chinacloudapi.cn/contoso.onmicrosoft.com"_s
                           << u"https://microsoftgraph.chinacloudapi.cn/.default offline_access openid profile"_s;
}

void TestAuthCore::authorityAndScopePerCloud()
{
    QFETCH(Cloud, cloud);
    QFETCH(QString, authority);
    QFETCH(QString, scope);
    TenantProfile p;
    p.tenant = u"contoso.onmicrosoft.com"_s;
    p.cloud = cloud;
    p.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    QCOMPARE(p.validate(), QString());
    QCOMPARE(p.authority(), authority);
    QCOMPARE(p.scope(), scope);
    QCOMPARE(p.tokenEndpoint().toString(), authority + u"/oauth2/v2.0/token"_s);
    QCOMPARE(p.deviceCodeEndpoint().toString(), authority + u"/oauth2/v2.0/devicecode"_s);
    QCOMPARE(p.authorizeEndpoint().toString(), authority + u"/oauth2/v2.0/authorize"_s);
    QString problem;
    const ea::GraphEndpoint endpoint = p.graphEndpoint(ea::ApiVersion::Beta, &problem);
    QVERIFY(problem.isEmpty());
    QCOMPARE(endpoint.root().toString() + u"/.default offline_access openid profile"_s, scope);
    QVERIFY(p.label().contains(u"contoso.onmicrosoft.com"_s));
}

void TestAuthCore::loginRootOverride_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("authority"); // empty: refused
    QTest::newRow("loopback http") << u"http://127.0.0.1:8400"_s << u"http://127.0.0.1:8400/organizations"_s;
    QTest::newRow("localhost http") << u"http://localhost:8400/"_s << u"http://localhost:8400/organizations"_s;
    QTest::newRow("ipv6 loopback") << u"http://[::1]:8400"_s << u"http://[::1]:8400/organizations"_s;
    QTest::newRow("https elsewhere") << u"https://login.partner.microsoftonline.cn"_s
                                     << u"https://login.partner.microsoftonline.cn/organizations"_s;
    QTest::newRow("http elsewhere") << u"http://login.example.com"_s << QString();
    QTest::newRow("http private net") << u"http://10.0.0.5:8400"_s << QString();
    QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << QString();
    QTest::newRow("path") << u"https://login.example.com/tenant"_s << QString();
    QTest::newRow("query") << u"https://login.example.com/?x=1"_s << QString();
    QTest::newRow("userinfo") << u"https://u:p@login.example.com"_s << QString();
    QTest::newRow("not a url") << u"login"_s << QString();
}

void TestAuthCore::loginRootOverride()
{
    QFETCH(QString, url);
    QFETCH(QString, authority);
    TenantProfile p;
    p.tenant = u"organizations"_s;
    p.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    p.loginRootOverride = url;
    const QString problem = p.validate();
    if (authority.isEmpty()) {
        QVERIFY(!problem.isEmpty());
        QVERIFY(!TenantProfile::checkLoginRoot(url, nullptr).isEmpty());
        QVERIFY(p.authority().isEmpty());
        QVERIFY(!p.tokenEndpoint().isValid() || p.tokenEndpoint().isEmpty());
    } else {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(p.authority(), authority);
    }
    if (url.startsWith(u"http://login.example.com"_s))
        QVERIFY(problem.contains(u"loopback"_s));
}

void TestAuthCore::tokensGoOnlyToTheProfilesGraph_data()
{
    QTest::addColumn<int>("cloud");
    QTest::addColumn<QString>("loginRoot"); // override, empty: the cloud's
    QTest::addColumn<QString>("graphRoot"); // override, empty: the cloud's
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    const int global = int(Cloud::Global);
    QTest::newRow("global graph") << global << QString() << QString() << u"https://graph.microsoft.com"_s << true;
    QTest::newRow("global graph, explicit port")
        << global << QString() << QString() << u"https://graph.microsoft.com:443/"_s << true;
    QTest::newRow("global graph, upper case")
        << global << QString() << QString() << u"https://GRAPH.microsoft.com"_s << true;
    QTest::newRow("usgov graph") << int(Cloud::UsGovL4) << QString() << QString() << u"https://graph.microsoft.us"_s
                                 << true;
    QTest::newRow("dod graph") << int(Cloud::UsGovL5DoD) << QString() << QString()
                               << u"https://dod-graph.microsoft.us"_s << true;
    QTest::newRow("china graph") << int(Cloud::China) << QString() << QString()
                                 << u"https://microsoftgraph.chinacloudapi.cn"_s << true;
    QTest::newRow("another cloud's graph")
        << global << QString() << QString() << u"https://graph.microsoft.us"_s << false;
    QTest::newRow("dod token to l4 graph")
        << int(Cloud::UsGovL5DoD) << QString() << QString() << u"https://graph.microsoft.us"_s << false;
    QTest::newRow("plain http") << global << QString() << QString() << u"http://graph.microsoft.com"_s << false;
    QTest::newRow("other port") << global << QString() << QString() << u"https://graph.microsoft.com:8443"_s << false;
    QTest::newRow("lookalike host") << global << QString() << QString() << u"https://graph.microsoft.com.evil.io"_s
                                    << false;
    QTest::newRow("user info") << global << QString() << QString() << u"https://x@graph.microsoft.com"_s << false;
    QTest::newRow("any host") << global << QString() << QString() << u"https://graph.example.com"_s << false;
    QTest::newRow("loopback, real sign-in") << global << QString() << QString() << u"http://127.0.0.1:8400"_s << false;
    QTest::newRow("sandbox sign-in, its own port")
        << global << u"http://127.0.0.1:8400"_s << QString() << u"http://127.0.0.1:8400"_s << true;
    QTest::newRow("sandbox sign-in, another port")
        << global << u"http://127.0.0.1:8400"_s << QString() << u"http://127.0.0.1:9000"_s << false;
    QTest::newRow("loopback graph override")
        << global << QString() << u"http://127.0.0.1:8400"_s << u"http://127.0.0.1:8400"_s << true;
    QTest::newRow("loopback graph override, another port")
        << global << QString() << u"http://127.0.0.1:8400"_s << u"http://127.0.0.1:8401"_s << false;
    QTest::newRow("sandbox profile, global graph still")
        << global << u"http://127.0.0.1:8400"_s << u"http://127.0.0.1:8400"_s << u"https://graph.microsoft.com"_s
        << true;
    QTest::newRow("not a url") << global << QString() << QString() << u"::"_s << false;
}

void TestAuthCore::tokensGoOnlyToTheProfilesGraph()
{
    QFETCH(int, cloud);
    QFETCH(QString, loginRoot);
    QFETCH(QString, graphRoot);
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    TenantProfile p;
    p.tenant = u"contoso.onmicrosoft.com"_s;
    p.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    p.cloud = Cloud(cloud);
    p.loginRootOverride = loginRoot;
    p.graphRootOverride = graphRoot;
    QCOMPARE(p.tokensMayGoTo(QUrl(url)), allowed);
}

void TestAuthCore::graphOverrideOutsideTheCloudIsRefused()
{
    // A saved profile whose Graph is somewhere else would send every signed-in token there.
    TenantProfile p;
    p.tenant = u"contoso.onmicrosoft.com"_s;
    p.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    for (const QString &ok : {u"https://graph.microsoft.com"_s, u"http://127.0.0.1:8400"_s, u"http://[::1]:9"_s}) {
        p.graphRootOverride = ok;
        QVERIFY2(p.validate().isEmpty(), qPrintable(ok + u": "_s + p.validate()));
    }
    for (const QString &refused : {u"https://graph.example.com"_s, u"https://graph.microsoft.us"_s}) {
        p.graphRootOverride = refused;
        QVERIFY2(p.validate().contains(u"is not the Graph of this profile's cloud"_s), qPrintable(p.validate()));
    }
    p.cloud = Cloud::UsGovL4;
    QVERIFY(p.validate().isEmpty());
}

void TestAuthCore::tenantAndClientIdChecks_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("problemContains"); // empty: fine
    const QString tools = QString::fromLatin1(kGraphCommandLineToolsClientId);
    QTest::newRow("guid tenant") << u"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37"_s << tools << QString();
    QTest::newRow("domain") << u"contoso.onmicrosoft.com"_s << tools << QString();
    QTest::newRow("organizations") << u"organizations"_s << tools << QString();
    QTest::newRow("empty tenant") << QString() << tools << u"tenant"_s;
    QTest::newRow("consumers") << u"consumers"_s << tools << u"personal"_s;
    QTest::newRow("path injection") << u"contoso/../x"_s << tools << u"not a tenant"_s;
    QTest::newRow("query injection") << u"contoso?x=1"_s << tools << u"not a tenant"_s;
    QTest::newRow("empty client") << u"contoso.com"_s << QString() << u"client id"_s;
    QTest::newRow("client not guid") << u"contoso.com"_s << u"my-app"_s << u"not a GUID"_s;
    QTest::newRow("retired intune powershell")
        << u"contoso.com"_s << QString::fromLatin1(kRetiredIntunePowerShellClientId) << u"retired"_s;
}

void TestAuthCore::tenantAndClientIdChecks()
{
    QFETCH(QString, tenant);
    QFETCH(QString, clientId);
    QFETCH(QString, problemContains);
    TenantProfile p;
    p.tenant = tenant;
    p.clientId = clientId;
    const QString problem = p.validate();
    if (problemContains.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(problemContains), qPrintable(problem));
}

void TestAuthCore::tokenStoreKeyIsStableAndSpecific()
{
    TenantProfile a;
    a.tenant = u"Contoso.OnMicrosoft.com"_s;
    a.clientId = u"14D82EEC-204B-4C2F-B7E8-296A70DAB67E"_s;
    TenantProfile b = a;
    b.tenant = a.tenant.toLower();
    b.clientId = a.clientId.toLower();
    b.displayName = u"other name"_s;
    b.id = u"x"_s;
    QCOMPARE(a.tokenStoreKey(), b.tokenStoreKey());
    QCOMPARE(a.tokenStoreKey(),
        u"refresh-token/login.microsoftonline.com/contoso.onmicrosoft.com/14d82eec-204b-4c2f-b7e8-296a70dab67e"_s);
    TenantProfile gov = a;
    gov.cloud = Cloud::UsGovL4;
    QVERIFY(gov.tokenStoreKey() != a.tokenStoreKey());
    TenantProfile sandbox = a;
    sandbox.loginRootOverride = u"http://127.0.0.1:8400"_s;
    QVERIFY(sandbox.tokenStoreKey().contains(u"127.0.0.1:8400"_s));
}

void TestAuthCore::profileStoreRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"settings.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(store.activeProfileId().isEmpty());

        TenantProfile gov;
        gov.displayName = u"Fabrikam (GCC High)"_s;
        gov.tenant = u"fabrikam.onmicrosoft.us"_s;
        gov.cloud = Cloud::UsGovL4;
        gov.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
        const QString govId = store.save(gov);
        QVERIFY(!govId.isEmpty());

        TenantProfile sandbox;
        sandbox.displayName = u"A sandbox"_s;
        sandbox.tenant = u"organizations"_s;
        sandbox.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
        sandbox.loginRootOverride = u"http://127.0.0.1:8400"_s;
        sandbox.graphRootOverride = u"http://127.0.0.1:8400"_s;
        const QString sandboxId = store.save(sandbox);
        store.setActiveProfileId(govId);

        const QList<TenantProfile> all = store.profiles();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).displayName, u"A sandbox"_s); // sorted by name
        QCOMPARE(all.at(0).loginRootOverride, u"http://127.0.0.1:8400"_s);
        QCOMPARE(all.at(1).cloud, Cloud::UsGovL4);
        gov.id = govId;
        QCOMPARE(*store.find(govId), gov);
        QCOMPARE(store.activeProfileId(), govId);

        // Edit in place, then remove the active one.
        gov.displayName = u"Fabrikam"_s;
        QCOMPARE(store.save(gov), govId);
        QCOMPARE(store.find(govId)->displayName, u"Fabrikam"_s);
        store.remove(govId);
        QVERIFY(!store.find(govId));
        QVERIFY(store.activeProfileId().isEmpty());
        QCOMPARE(store.profiles().size(), 1);
        QVERIFY(!store.find(u"../../evil"_s));
        QVERIFY(store.find(sandboxId));
    }
    // Nothing secret-looking in the file: no token keys at all.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll().toLower();
    QVERIFY(!text.contains("token"));
    QVERIFY(!text.contains("secret"));
}

// --- errors -----------------------------------------------------------------

void TestAuthCore::errorMapping_data()
{
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<int>("code");
    QTest::addColumn<AuthError::Operation>("operation");
    QTest::addColumn<AuthError::Reason>("reason");
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<QString>("nextStepContains");

    using O = AuthError::Operation;
    using R = AuthError::Reason;
    QTest::newRow("700016") << QByteArray("unauthorized_client") << 700016 << O::DeviceCodeRequest << R::AppNotFound
                            << false << u"14d82eec-204b-4c2f-b7e8-296a70dab67e"_s;
    QTest::newRow("65001") << QByteArray("invalid_grant") << 65001 << O::AuthorizationCode << R::ConsentRequired << true
                           << u"admin consent"_s;
    QTest::newRow("50076") << QByteArray("invalid_grant") << 50076 << O::RefreshToken << R::MfaRequired << true
                           << u"MFA"_s;
    QTest::newRow("50194") << QByteArray("invalid_request") << 50194 << O::AuthorizationCode
                           << R::SingleTenantAppOnCommon << false << u"tenant id"_s;
    QTest::newRow("7000218") << QByteArray("invalid_client") << 7000218 << O::DeviceCodePoll
                             << R::PublicClientFlowsDisabled << false << u"Allow public client flows"_s;
    QTest::newRow("70000 on refresh") << QByteArray("invalid_grant") << 70000 << O::RefreshToken
                                      << R::InteractionRequired << true << u"Sign in again"_s;
    QTest::newRow("50173 revoked") << QByteArray("invalid_grant") << 50173 << O::RefreshToken << R::InteractionRequired
                                   << true << u"Sign in again"_s;
    QTest::newRow("invalid_grant on code") << QByteArray("invalid_grant") << 54005 << O::AuthorizationCode
                                           << R::CodeRejected << false << u"Sign in again"_s;
    QTest::newRow("90002 tenant") << QByteArray("invalid_request") << 90002 << O::DeviceCodeRequest << R::TenantNotFound
                                  << false << u"login.microsoftonline.us"_s;
    QTest::newRow("declined") << QByteArray("authorization_declined") << 70000 << O::DeviceCodePoll
                              << R::AuthorizationDeclined << false << u"again"_s;
    QTest::newRow("expired") << QByteArray("expired_token") << 70019 << O::DeviceCodePoll << R::ExpiredToken << false
                             << u"again"_s;
    QTest::newRow("bad code") << QByteArray("bad_verification_code") << 70000 << O::DeviceCodePoll
                              << R::BadVerificationCode << false << u"again"_s;
    QTest::newRow("interaction_required") << QByteArray("interaction_required") << 0 << O::RefreshToken
                                          << R::InteractionRequired << true << u"Sign in again"_s;
    QTest::newRow("unknown") << QByteArray("temporarily_unavailable") << 0 << O::RefreshToken << R::Other << false
                             << u"trace"_s;
}

void TestAuthCore::errorMapping()
{
    QFETCH(QByteArray, error);
    QFETCH(int, code);
    QFETCH(AuthError::Operation, operation);
    QFETCH(AuthError::Reason, reason);
    QFETCH(bool, interactive);
    QFETCH(QString, nextStepContains);
    const QByteArray description = (code ? "AADSTS" + QByteArray::number(code) + ": " : QByteArray())
        + "Something.\\r\\nTrace ID: t\\r\\nCorrelation ID: c\\r\\nTimestamp: 2024-05-01 10:00:00Z";
    const QByteArray body = "{\"error\":\"" + error + "\",\"error_description\":\"" + description
        + "\",\"error_codes\":[" + (code ? QByteArray::number(code) : QByteArray()) + "]}";
    const ErrorContext context {QString::fromLatin1(kGraphCommandLineToolsClientId), u"contoso.com"_s, u"Global"_s};
    const AuthError e = AuthError::fromEndpointResponse(400, body, operation, context);
    QCOMPARE(e.kind, AuthError::Kind::OAuth);
    QCOMPARE(e.reason, reason);
    QCOMPARE(e.requiresInteractiveSignIn(), interactive);
    QCOMPARE(e.aadstsCode(), qint64(code));
    QVERIFY(!e.message.isEmpty());
    QVERIFY2(e.nextStep.contains(nextStepContains) || e.details().contains(nextStepContains), qPrintable(e.details()));
    // Only the first line of the description is kept (the rest repeats the ids).
    QVERIFY(!e.description.contains(u"Trace ID"_s));

    // The same code found only in the description (no error_codes array).
    const QByteArray bare = "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
    QCOMPARE(AuthError::fromEndpointResponse(400, bare, operation, context).reason, reason);
}

void TestAuthCore::errorKeepsServiceIds()
{
    const QByteArray body = R"({"error":"invalid_grant","error_description":"AADSTS70000: The provided value.)"
                            R"(\r\nTrace ID: 1","error_codes":[70000],"timestamp":"2024-05-01 10:00:00Z",)"
                            R"("trace_id":"0b1e-trace","correlation_id":"c0ffee-corr","error_uri":"x"})";
    const AuthError e = AuthError::fromEndpointResponse(400, body, AuthError::Operation::RefreshToken, {});
    QCOMPARE(e.traceId, u"0b1e-trace"_s);
    QCOMPARE(e.correlationId, u"c0ffee-corr"_s);
    QCOMPARE(e.timestamp, u"2024-05-01 10:00:00Z"_s);
    QCOMPARE(e.errorCodes, QList<qint64> {70000});
    QCOMPARE(e.description, u"AADSTS70000: The provided value."_s);
    const QString details = e.details();
    QVERIFY(details.contains(u"0b1e-trace"_s));
    QVERIFY(details.contains(u"c0ffee-corr"_s));
    QVERIFY(details.contains(u"invalid_grant"_s));
}

void TestAuthCore::errorFromNonJsonBody()
{
    const AuthError e
        = AuthError::fromEndpointResponse(502, "<html>Bad gateway</html>", AuthError::Operation::RefreshToken, {});
    QCOMPARE(e.kind, AuthError::Kind::InvalidResponse);
    QVERIFY(e.message.contains(u"502"_s));
    QVERIFY(!e.requiresInteractiveSignIn());
}

void TestAuthCore::errorToGraphError()
{
    const QByteArray body = R"({"error":"invalid_grant","error_description":"AADSTS50173: revoked",)"
                            R"("error_codes":[50173],"trace_id":"tr","correlation_id":"co"})";
    const AuthError e = AuthError::fromEndpointResponse(400, body, AuthError::Operation::RefreshToken, {});
    const ea::GraphError g = e.toGraphError();
    QCOMPARE(g.code, kSignInRequiredCode);
    QCOMPARE(g.requestId, u"tr"_s);
    QCOMPARE(g.clientRequestId, u"co"_s);
    QVERIFY(!g.requestMaybeSent);
    QVERIFY(g.message.contains(u"Sign in again"_s));

    const AuthError net = AuthError::local(AuthError::Kind::Network, AuthError::Reason::Other, u"down"_s);
    QCOMPARE(net.toGraphError().kind, ea::GraphError::Kind::Network);
    QVERIFY(net.toGraphError().code != kSignInRequiredCode);
}

// --- parsers ----------------------------------------------------------------

void TestAuthCore::parsesTokenResponse()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1714557600, QTimeZone::utc());
    const QByteArray body = R"({"token_type":"Bearer","scope":"https://graph.microsoft.com/Group.Read.All openid",)"
                            R"("expires_in":4383,"ext_expires_in":4383,"access_token":"eyJ0.eyJ1.sig",)"
                            R"("refresh_token":"0.AXo+/rt==","id_token":"eyJh.eyJi.c"})";
    const AuthResult<TokenSet> r = IdentityClient::parseTokenResponse(body, now);
    QVERIFY(r);
    QCOMPARE(r.value().accessToken, u"eyJ0.eyJ1.sig"_s);
    QCOMPARE(r.value().refreshToken, u"0.AXo+/rt=="_s);
    QCOMPARE(r.value().idToken, u"eyJh.eyJi.c"_s);
    QCOMPARE(r.value().expiresAt, now.addSecs(4383));
    QCOMPARE(r.value().receivedAt, now);
}

void TestAuthCore::tokenResponseVariants()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1714557600, QTimeZone::utc());
    // v1 endpoints send numbers as strings.
    auto r
        = IdentityClient::parseTokenResponse(R"({"token_type":"Bearer","expires_in":"3599","access_token":"a"})", now);
    QVERIFY(r);
    QCOMPARE(r.value().expiresAt, now.addSecs(3599));
    // No expires_in: the JWT's exp.
    const QByteArray payload = QByteArray(R"({"exp":)") + QByteArray::number(1714557600 + 600) + '}';
    const QString jwt = u"h."_s
        + QString::fromLatin1(payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
        + u".s"_s;
    r = IdentityClient::parseTokenResponse(QJsonDocument(QJsonObject {{u"access_token"_s, jwt}}).toJson(), now);
    QVERIFY(r);
    QCOMPARE(r.value().expiresAt, now.addSecs(600));
    // Refusals.
    QVERIFY(!IdentityClient::parseTokenResponse("not json", now));
    QVERIFY(!IdentityClient::parseTokenResponse(R"({"token_type":"Bearer"})", now));
    QVERIFY(!IdentityClient::parseTokenResponse(R"({"token_type":"pop","access_token":"a"})", now));
    QCOMPARE(IdentityClient::parseTokenResponse("[]", now).error().kind, AuthError::Kind::InvalidResponse);
}

void TestAuthCore::parsesDeviceCodeResponse()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1714557600, QTimeZone::utc());
    const QByteArray body = R"({"user_code":"GH7ZK3CTD","device_code":"DAQABAAEAAA-secret",)"
                            R"("verification_uri":"https://microsoft.com/devicelogin","expires_in":900,)"
                            R"("interval":5,"message":"To sign in, use a web browser to open the page )"
                            R"(https://microsoft.com/devicelogin and enter the code GH7ZK3CTD to authenticate."})";
    const AuthResult<DeviceCode> r = IdentityClient::parseDeviceCodeResponse(body, now);
    QVERIFY(r);
    QCOMPARE(r.value().userCode, u"GH7ZK3CTD"_s);
    QCOMPARE(r.value().deviceCode, u"DAQABAAEAAA-secret"_s);
    QCOMPARE(r.value().verificationUri, QUrl(u"https://microsoft.com/devicelogin"_s));
    QCOMPARE(r.value().intervalSeconds, 5);
    QCOMPARE(r.value().expiresAt, now.addSecs(900));
    QVERIFY(r.value().message.contains(u"GH7ZK3CTD"_s));

    // The v1 spelling, strings for numbers, no interval → 5 s (RFC 8628).
    const auto v1 = IdentityClient::parseDeviceCodeResponse(
        R"({"user_code":"A","device_code":"B","verification_url":"https://microsoft.com/devicelogin",)"
        R"("expires_in":"600"})",
        now);
    QVERIFY(v1);
    QCOMPARE(v1.value().intervalSeconds, 5);
    QCOMPARE(v1.value().expiresInSeconds, 600);
    QVERIFY(!IdentityClient::parseDeviceCodeResponse(R"({"user_code":"A"})", now));
    QVERIFY(!IdentityClient::parseDeviceCodeResponse(
        R"x({"user_code":"A","device_code":"B","verification_uri":"javascript:alert(1)"})x", now));
}

void TestAuthCore::authorizeUrlCarriesEverything()
{
    TenantProfile p;
    p.tenant = u"contoso.com"_s;
    p.cloud = Cloud::China;
    p.clientId = QString::fromLatin1(kGraphCommandLineToolsClientId);
    IdentityClient client(nullptr, p);
    AuthorizeRequest request;
    request.redirectUri = u"http://localhost:49152/"_s;
    request.state = u"st+/="_s; // not what we generate, but must survive
    request.codeChallenge = Pkce::challengeFor(u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    request.loginHint = u"admin@contoso.com"_s;
    const QUrl url = client.authorizeUrl(request);
    QCOMPARE(url.scheme(), u"https"_s);
    QCOMPARE(url.host(), u"login.chinacloudapi.cn"_s);
    QCOMPARE(url.path(), u"/contoso.com/oauth2/v2.0/authorize"_s);
    const QByteArray query = url.toEncoded(QUrl::FullyEncoded).mid(url.toEncoded().indexOf('?') + 1);
    QVERIFY2(query.contains("state=st%2B%2F%3D"), query.constData());
    const FormFields fields = decodeFormBody(query);
    QCOMPARE(formValue(fields, u"client_id"), p.clientId);
    QCOMPARE(formValue(fields, u"response_type"), u"code"_s);
    QCOMPARE(formValue(fields, u"redirect_uri"), u"http://localhost:49152/"_s);
    QCOMPARE(formValue(fields, u"scope"),
        u"https://microsoftgraph.chinacloudapi.cn/.default offline_access openid profile"_s);
    QCOMPARE(formValue(fields, u"state"), u"st+/="_s);
    QCOMPARE(formValue(fields, u"code_challenge"), u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s);
    QCOMPARE(formValue(fields, u"code_challenge_method"), u"S256"_s);
    QCOMPARE(formValue(fields, u"prompt"), u"select_account"_s);
    QCOMPARE(formValue(fields, u"login_hint"), u"admin@contoso.com"_s);
    QVERIFY(formValue(fields, u"client_secret").isNull());
}

QTEST_GUILESS_MAIN(TestAuthCore)
#include "tst_authcore.moc"
