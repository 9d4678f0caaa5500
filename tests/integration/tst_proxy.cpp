// Corporate networks: the proxy rule (no_proxy, the variables, manual and
// none), the CLI through a real proxy (Debian's squid on 127.0.0.1, with
// and without basic authentication) to the sandbox tenant, 407 answered once
// and a refusal said clearly, and a TLS-inspecting proxy's certificate named
// by its issuer.

#include "../common/CliRunner.h"
#include "../common/LocalProxy.h"
#include "auth/TokenStore.h"
#include "cli/CliApp.h"
#include "cli/CliSignIn.h"
#include "graph/AccessTokenProvider.h"
#include "graph/GraphClient.h"
#include "net/ProxyAccess.h"
#include "net/ProxySettings.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using ea::CliApp;
using ea::net::ProxyEnvironment;
using ea::net::ProxySettings;
using ea::test::CliRun;
using ea::test::runCli;

namespace {

ProxyEnvironment env(const QString &https, const QString &http, const QString &all, const QString &no)
{
    return ProxyEnvironment {https, http, all, no};
}

} // namespace

class TestProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void noProxyRule_data();
    void noProxyRule();
    void proxyAddress_data();
    void proxyAddress();
    void route_data();
    void route();
    void upperCaseVariablesCount();
    void systemIsAskedOncePerHost();

    void cliGoesThroughTheGivenProxy();
    void cliFollowsTheProxyVariables();
    void cliNoProxyRuleAndOptionGoDirect();
    void cliBuiltInSandboxIsNeverProxied();
    void cliProxyUsageErrors_data();
    void cliProxyUsageErrors();
    void cliAnswers407WithTheGivenCredentials_data();
    void cliAnswers407WithTheGivenCredentials();
    void cliWrongPasswordIsSaidOnceNotLooped();
    void cliWithoutCredentialsExplains407();
    void cliPromptIsAskedAgainAfterARefusal();
    void unreachableProxyIsNamed();
    void rememberedCredentialsAreUsedWithoutAsking();

    void tlsInspectionNamesTheIssuer();
    void tlsInspectionIsFixedByTrustingTheCa();
    void cliSaysWhatToDoAboutTlsInspection();

private:
    CliRun run(const QStringList &args, const QProcessEnvironment &environment, const QByteArray &stdinData = {},
        ea::net::ProxyPrompt prompt = {});
    QProcessEnvironment tokenEnv() const { return ea::test::sandboxTokenEnv(*m_server); }
    QStringList graph() const { return ea::test::sandboxOptions(*m_server, m_tempDir.filePath(u"audit.jsonl"_s)); }
    bool startTlsServer(QSslServer *server);
    // Sends one request of the test's own through proxy (to the sandbox, at a
    // path only it uses) and waits until squid has logged it; true then, with
    // that path in *marker.
    [[nodiscard]] bool proxyLogHasCaughtUp(LocalProxy &proxy, QString *marker);
    // One GET through GraphClient to https://127.0.0.1:port; the call's result as it ended.
    std::optional<ea::Result<ea::GraphResponse>> getOverTls(quint16 port);
    QString root() const { return m_server->url().toString(QUrl::StripTrailingSlash); }

    std::unique_ptr<ea::sandbox::SandboxServer> m_server;
    // One open proxy and one that wants alice's password, for the whole run (squid takes a second to start).
    LocalProxy m_open;
    LocalProxy m_authed;
    QTemporaryDir m_tempDir;
    std::unique_ptr<QSettings> m_settings;
    ea::auth::MemoryTokenStore m_tokens;
};

void TestProxy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tempDir.isValid());
    QVERIFY2(m_open.start(), qPrintable(m_open.errorString()));
    QVERIFY2(m_authed.start(u"alice"_s, u"s3cret"_s), qPrintable(m_authed.errorString()));
}

void TestProxy::init()
{
    m_server = std::make_unique<ea::sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
    m_settings = std::make_unique<QSettings>(m_tempDir.filePath(u"settings.ini"_s), QSettings::IniFormat);
}

void TestProxy::cleanup()
{
    m_server.reset();
    QCOMPARE(ea::net::ProxyAccess::installed(), nullptr); // each CLI run removes its policy
}

CliRun TestProxy::run(const QStringList &args, const QProcessEnvironment &environment, const QByteArray &stdinData,
    ea::net::ProxyPrompt prompt)
{
    return runCli(
        args, environment, stdinData,
        [this, prompt](CliApp &app) {
            app.signIn()->setStorage(m_settings.get(), &m_tokens, u"memory"_s);
            if (prompt)
                app.setProxyPrompt(prompt);
        },
        30000);
}

// ---- the rule -------------------------------------------------------------

void TestProxy::noProxyRule_data()
{
    QTest::addColumn<QString>("noProxy");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("direct");
    QTest::newRow("empty") << QString() << u"https://graph.microsoft.com/v1.0"_s << false;
    QTest::newRow("star") << u"*"_s << u"https://graph.microsoft.com/v1.0"_s << true;
    QTest::newRow("exact host") << u"graph.microsoft.com"_s << u"https://graph.microsoft.com/"_s << true;
    QTest::newRow("domain covers subdomains") << u"microsoft.com"_s << u"https://graph.microsoft.com/"_s << true;
    QTest::newRow("leading dot") << u".microsoft.com"_s << u"https://graph.microsoft.com/"_s << true;
    QTest::newRow("wildcard dot") << u"*.microsoftonline.com"_s << u"https://login.microsoftonline.com/"_s << true;
    QTest::newRow("suffix is not a domain") << u"soft.com"_s << u"https://graph.microsoft.com/"_s << false;
    QTest::newRow("case") << u"GRAPH.Microsoft.COM"_s << u"https://graph.microsoft.com/"_s << true;
    QTest::newRow("list with spaces") << u"localhost, .contoso.com ,graph.microsoft.com"_s
                                      << u"https://graph.microsoft.com/"_s << true;
    QTest::newRow("other host in list") << u"localhost,.contoso.com"_s << u"https://graph.microsoft.com/"_s << false;
    QTest::newRow("ip exact") << u"127.0.0.1"_s << u"http://127.0.0.1:8080/x"_s << true;
    QTest::newRow("ip other") << u"127.0.0.2"_s << u"http://127.0.0.1:8080/x"_s << false;
    QTest::newRow("cidr v4") << u"10.0.0.0/8,127.0.0.0/8"_s << u"http://127.0.0.1:8080/x"_s << true;
    QTest::newRow("cidr v4 outside") << u"10.0.0.0/8"_s << u"http://127.0.0.1:8080/x"_s << false;
    QTest::newRow("ipv6") << u"::1"_s << u"http://[::1]:8080/x"_s << true;
    QTest::newRow("ipv6 cidr") << u"fd00::/8"_s << u"http://[fd12::5]/x"_s << true;
    QTest::newRow("host with matching port")
        << u"graph.microsoft.com:443"_s << u"https://graph.microsoft.com/"_s << true;
    QTest::newRow("host with other port")
        << u"graph.microsoft.com:8443"_s << u"https://graph.microsoft.com/"_s << false;
    QTest::newRow("name does not match an address") << u"localhost"_s << u"http://127.0.0.1/"_s << false;
}

void TestProxy::noProxyRule()
{
    QFETCH(QString, noProxy);
    QFETCH(QString, url);
    QFETCH(bool, direct);
    QCOMPARE(ea::net::noProxyMatches(noProxy, QUrl(url)), direct);
}

void TestProxy::proxyAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("url"); // empty: refused
    QTest::addColumn<QString>("problem"); // part of the message when refused
    QTest::addColumn<QString>("user");
    QTest::newRow("host:port") << u"proxy.contoso.com:8080"_s << u"http://proxy.contoso.com:8080"_s << QString()
                               << QString();
    QTest::newRow("http url") << u" http://10.1.2.3:3128/ "_s << u"http://10.1.2.3:3128"_s << QString() << QString();
    QTest::newRow("user in url") << u"http://alice@proxy:3128"_s << u"http://proxy:3128"_s << QString() << u"alice"_s;
    QTest::newRow("password refused") << u"http://alice:pw@proxy:3128"_s << QString() << u"contains a password"_s
                                      << QString();
    QTest::newRow("no port") << u"proxy.contoso.com"_s << QString() << u"has no port"_s << QString();
    QTest::newRow("https proxy") << u"https://proxy:443"_s << QString() << u"only HTTP proxies"_s << QString();
    QTest::newRow("socks") << u"socks5://proxy:1080"_s << QString() << u"only HTTP proxies"_s << QString();
    QTest::newRow("pac url") << u"http://wpad.contoso.com:80/proxy.pac"_s << QString() << u"a PAC file"_s << QString();
    QTest::newRow("empty") << u"  "_s << QString() << u"No proxy address"_s << QString();
}

void TestProxy::proxyAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, url);
    QFETCH(QString, problem);
    QFETCH(QString, user);
    QString why;
    QString gotUser;
    const std::optional<QUrl> parsed = ea::net::parseProxyAddress(text, &why, &gotUser);
    if (url.isEmpty()) {
        QVERIFY(!parsed);
        QVERIFY2(why.contains(problem), qPrintable(why));
        QVERIFY2(!why.contains(u"pw"_s) || !text.contains(u":pw@"_s), "the password is never repeated");
        return;
    }
    QVERIFY2(parsed, qPrintable(why));
    QCOMPARE(parsed->toString(), url);
    QCOMPARE(gotUser, user);
}

void TestProxy::route_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<ProxyEnvironment>("environment");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("proxy"); // "direct", "system" or host:port
    QTest::addColumn<QString>("reason");
    const int System = int(ProxySettings::Mode::System);
    const int None = int(ProxySettings::Mode::None);
    const int Manual = int(ProxySettings::Mode::Manual);
    const QString graph = u"https://graph.microsoft.com/v1.0/me"_s;
    QTest::newRow("system, no variables: the OS decides")
        << System << ProxyEnvironment {} << graph << u"system"_s << u"system"_s;
    QTest::newRow("https_proxy for https")
        << System << env(u"http://p1:3128"_s, u"http://p2:8080"_s, {}, {}) << graph << u"p1:3128"_s << u"https_proxy"_s;
    QTest::newRow("http_proxy for http") << System << env(u"http://p1:3128"_s, u"p2:8080"_s, {}, {})
                                         << u"http://127.0.0.1:5000/v1.0"_s << u"p2:8080"_s << u"http_proxy"_s;
    QTest::newRow("all_proxy as fallback")
        << System << env({}, {}, u"http://p3:9000"_s, {}) << graph << u"p3:9000"_s << u"all_proxy"_s;
    QTest::newRow("only the other scheme's variable: direct")
        << System << env({}, u"http://p2:8080"_s, {}, {}) << graph << u"direct"_s << u"https_proxy not set"_s;
    QTest::newRow("no_proxy wins") << System << env(u"http://p1:3128"_s, {}, {}, u".microsoft.com"_s) << graph
                                   << u"direct"_s << u"no_proxy"_s;
    QTest::newRow("port defaults to 1080 like curl")
        << System << env(u"http://p1"_s, {}, {}, {}) << graph << u"p1:1080"_s << u"https_proxy"_s;
    QTest::newRow("socks variable is not used") << System << env(u"socks5://p1:1080"_s, {}, {}, {}) << graph
                                                << u"direct"_s << u"https_proxy (not an http:// proxy, ignored)"_s;
    QTest::newRow("none ignores the variables")
        << None << env(u"http://p1:3128"_s, {}, {}, {}) << graph << u"direct"_s << u"no proxy"_s;
    QTest::newRow("manual ignores the variables")
        << Manual << env(u"http://p1:3128"_s, {}, {}, {}) << graph << u"manual.contoso.com:8080"_s << u"manual"_s;
    QTest::newRow("manual honours no_proxy")
        << Manual << env({}, {}, {}, u"graph.microsoft.com"_s) << graph << u"direct"_s << u"no_proxy"_s;
}

void TestProxy::route()
{
    QFETCH(int, mode);
    QFETCH(ProxyEnvironment, environment);
    QFETCH(QString, url);
    QFETCH(QString, proxy);
    QFETCH(QString, reason);
    ProxySettings settings;
    settings.mode = ProxySettings::Mode(mode);
    settings.manualProxy = QUrl(u"http://manual.contoso.com:8080"_s);
    const ea::net::ProxyRoute r = ea::net::routeFor(settings, environment, QUrl(url));
    QCOMPARE(r.reason, reason);
    if (proxy == u"system"_s) {
        QVERIFY(r.askSystem);
    } else {
        QVERIFY(!r.askSystem);
        QCOMPARE(r.isDirect() ? u"direct"_s : ea::net::proxyLabel(r.proxy), proxy);
    }
}

void TestProxy::upperCaseVariablesCount()
{
    const QHash<QString, QString> vars {{u"HTTPS_PROXY"_s, u"http://up:1"_s}, {u"NO_PROXY"_s, u"contoso.com"_s},
        {u"http_proxy"_s, u"http://low:2"_s}, {u"HTTP_PROXY"_s, u"http://up:3"_s}};
    const ProxyEnvironment e = ProxyEnvironment::from([&vars](const QString &name) { return vars.value(name); });
    QCOMPARE(e.httpsProxy, u"http://up:1"_s);
    QCOMPARE(e.httpProxy, u"http://low:2"_s); // lower case first, as curl
    QCOMPARE(e.noProxy, u"contoso.com"_s);
}

void TestProxy::systemIsAskedOncePerHost()
{
    // Qt asks a manager's proxy factory for every request; the OS's answer
    // (libproxy on Linux: a hand-off to its own thread each time) is asked
    // once per scheme, host and port and kept, so a list of 400 pages asks
    // once, and every request still takes the way the OS named.
    QList<QUrl> asked;
    ea::net::ProxyAccess::setSystemLookup([&asked](const QNetworkProxyQuery &query) {
        asked << query.url();
        return QList<QNetworkProxy> {QNetworkProxy(QNetworkProxy::HttpProxy, u"proxy.contoso.com"_s, 8080)};
    });
    const auto restore = qScopeGuard([] { ea::net::ProxyAccess::setSystemLookup({}); });
    ea::net::ProxyAccess access(ProxySettings {}, ProxyEnvironment {});
    QNetworkAccessManager network;
    access.attach(&network);
    const auto wayOf = [&network](const QString &url) {
        const QList<QNetworkProxy> proxies = network.proxyFactory()->queryProxy(QNetworkProxyQuery(QUrl(url)));
        return proxies.isEmpty() ? QString() : ea::net::proxyLabel(proxies.constFirst());
    };
    for (int page = 0; page < 5; ++page)
        QCOMPARE(wayOf(u"https://graph.microsoft.com/v1.0/deviceManagement/x?$skiptoken="_s + QString::number(page)),
            u"proxy.contoso.com:8080"_s);
    QCOMPARE(asked.size(), 1);
    // Another host, scheme or port is asked on its own.
    QCOMPARE(wayOf(u"https://login.microsoftonline.com/common"_s), u"proxy.contoso.com:8080"_s);
    QCOMPARE(wayOf(u"http://graph.microsoft.com/v1.0"_s), u"proxy.contoso.com:8080"_s);
    QCOMPARE(wayOf(u"https://graph.microsoft.com:8443/v1.0"_s), u"proxy.contoso.com:8080"_s);
    QCOMPARE(asked.size(), 4);
    // New settings make a new factory: the OS is asked again when they say so.
    ProxySettings none;
    none.mode = ProxySettings::Mode::None;
    access.setSettings(none);
    QCOMPARE(wayOf(u"https://graph.microsoft.com/v1.0"_s), u"direct"_s);
    access.setSettings(ProxySettings {});
    QCOMPARE(wayOf(u"https://graph.microsoft.com/v1.0"_s), u"proxy.contoso.com:8080"_s);
    QCOMPARE(asked.size(), 5);
}

// ---- the CLI through a real proxy --------------------------------------------

void TestProxy::cliGoesThroughTheGivenProxy()
{
    LocalProxy &proxy = m_open;
    const CliRun r = run(graph() + QStringList {u"--proxy"_s, proxy.url(), u"-v"_s, u"configs"_s}, tokenEnv());
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Limit 5 devices"_s), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"Proxy for 127.0.0.1: 127.0.0.1:%1 (manual)"_s.arg(proxy.port())), qPrintable(r.err));
    // The proxy forwarded the read (absolute URL in its log: it was a proxy request).
    QTRY_VERIFY2(proxy.forwarded(u"GET "_s + root() + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s) >= 1,
        qPrintable(proxy.log()));
}

void TestProxy::cliFollowsTheProxyVariables()
{
    LocalProxy &proxy = m_open;
    for (const QString &variable : {u"http_proxy"_s, u"HTTP_PROXY"_s, u"all_proxy"_s}) {
        const int before = proxy.forwarded(root() + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s);
        QProcessEnvironment e = tokenEnv();
        e.insert(variable, proxy.url());
        const CliRun r = run(graph() + QStringList {u"configs"_s}, e);
        RUN_EXPECT(r, 0);
        QTRY_VERIFY2(proxy.forwarded(root() + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s) > before,
            qPrintable(variable));
    }
}

void TestProxy::cliNoProxyRuleAndOptionGoDirect()
{
    LocalProxy &proxy = m_open;
    // no_proxy names the sandbox's address: direct, even with --proxy.
    QProcessEnvironment e = tokenEnv();
    e.insert(u"no_proxy"_s, u"localhost,127.0.0.1"_s);
    CliRun r = run(graph() + QStringList {u"--proxy"_s, proxy.url(), u"-v"_s, u"configs"_s}, e);
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.contains(u"Proxy for 127.0.0.1: direct (no_proxy)"_s), qPrintable(r.err));
    // --no-proxy beats http_proxy.
    e = tokenEnv();
    e.insert(u"http_proxy"_s, proxy.url());
    r = run(graph() + QStringList {u"--no-proxy"_s, u"configs"_s}, e);
    RUN_EXPECT(r, 0);
    // Squid logs a request when it ends. Every run above has ended; once a
    // request sent after them is in the log, anything they sent through the
    // proxy is too: only that one request reached the sandbox through it.
    QString marker;
    QVERIFY2(proxyLogHasCaughtUp(proxy, &marker), qPrintable(proxy.log()));
    QCOMPARE(proxy.count({marker}), 1);
    QVERIFY2(proxy.count({root()}) == 1, qPrintable(proxy.log()));
}

void TestProxy::cliBuiltInSandboxIsNeverProxied()
{
    // The built-in sandbox runs inside the CLI: a proxy (here a dead one) could never reach it.
    QProcessEnvironment e;
    e.insert(u"http_proxy"_s, u"http://127.0.0.1:9"_s);
    const CliRun r = run({u"--sandbox"_s, u"-v"_s, u"configs"_s}, e);
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.contains(u"direct (--sandbox)"_s), qPrintable(r.err));
}

void TestProxy::cliProxyUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("variable"); // EA_PROXY_PASSWORD, if not empty
    QTest::addColumn<QString>("message");
    QTest::newRow("password in the address")
        << QStringList {u"--proxy"_s, u"http://alice:secret@proxy:3128"_s} << QString() << u"contains a password"_s;
    QTest::newRow("both --proxy and --no-proxy")
        << QStringList {u"--proxy"_s, u"proxy:3128"_s, u"--no-proxy"_s} << QString() << u"exclude each other"_s;
    QTest::newRow("user without a password and no terminal") << QStringList {u"--proxy"_s, u"proxy:3128"_s,
        u"--proxy-user"_s, u"alice"_s} << QString() << u"needs a password: put it in EA_PROXY_PASSWORD"_s;
    QTest::newRow("password variable without a user")
        << QStringList {u"--proxy"_s, u"proxy:3128"_s} << u"pw"_s << u"add --proxy-user USER"_s;
    QTest::newRow("stdin taken by the token")
        << QStringList {u"--token-file"_s, u"-"_s, u"--proxy-user"_s, u"alice"_s, u"--proxy-password-stdin"_s}
        << QString() << u"both read standard input"_s;
    QTest::newRow("no port") << QStringList {u"--proxy"_s, u"proxy.contoso.com"_s} << QString() << u"has no port"_s;
}

void TestProxy::cliProxyUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, variable);
    QFETCH(QString, message);
    QProcessEnvironment e = tokenEnv();
    if (!variable.isEmpty())
        e.insert(u"EA_PROXY_PASSWORD"_s, variable);
    const int before = m_server->tenant().requestCount();
    const CliRun r = run(graph() + args + QStringList {u"configs"_s}, e, "token\n");
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"secret"_s), "the password is never repeated");
    QCOMPARE(m_server->tenant().requestCount(), before);
}

void TestProxy::cliAnswers407WithTheGivenCredentials_data()
{
    QTest::addColumn<bool>("fromStdin");
    QTest::newRow("EA_PROXY_PASSWORD") << false;
    QTest::newRow("--proxy-password-stdin") << true;
}

void TestProxy::cliAnswers407WithTheGivenCredentials()
{
    QFETCH(bool, fromStdin);
    LocalProxy &proxy = m_authed;
    QProcessEnvironment e = tokenEnv();
    QStringList args = graph() + QStringList {u"--proxy"_s, proxy.url(), u"--proxy-user"_s, u"alice"_s};
    if (fromStdin)
        args << u"--proxy-password-stdin"_s;
    else
        e.insert(u"EA_PROXY_PASSWORD"_s, u"s3cret"_s);
    const CliRun r = run(args + QStringList {u"configs"_s}, e, fromStdin ? "s3cret\nrest" : "");
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Limit 5 devices"_s), qPrintable(r.out));
    QTRY_VERIFY(proxy.forwarded(root() + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations"_s) >= 1);
    QVERIFY2(!r.out.contains(u"s3cret"_s) && !r.err.contains(u"s3cret"_s), "never printed");
}

void TestProxy::cliWrongPasswordIsSaidOnceNotLooped()
{
    LocalProxy &proxy = m_authed;
    QProcessEnvironment e = tokenEnv();
    e.insert(u"EA_PROXY_PASSWORD"_s, u"wrong"_s);
    const int before = m_server->tenant().requestCount();
    const CliRun r
        = run(graph() + QStringList {u"--proxy"_s, proxy.url(), u"--proxy-user"_s, u"alice"_s, u"configs"_s}, e);
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"The proxy 127.0.0.1:%1 refused the user name or password of alice"_s.arg(proxy.port())),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(u"407"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Nothing was sent to 127.0.0.1"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), before); // the proxy forwarded nothing
    // Asked without credentials, then once with the wrong ones: refused twice, no loop.
    QTRY_COMPARE(proxy.refused(root()), 2);
    QCOMPARE(proxy.forwarded(root()), 0);
}

void TestProxy::cliWithoutCredentialsExplains407()
{
    LocalProxy &proxy = m_authed;
    const CliRun r = run(graph() + QStringList {u"--proxy"_s, proxy.url(), u"configs"_s}, tokenEnv());
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"HTTP 407 ProxyAuthenticationRequired"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"asks for a user name and password"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"--proxy-user"_s), qPrintable(r.err));
}

void TestProxy::cliPromptIsAskedAgainAfterARefusal()
{
    LocalProxy &proxy = m_authed;
    QList<ea::net::ProxyAuthRequest> asked;
    const auto prompt = [&asked](const ea::net::ProxyAuthRequest &request) -> std::optional<ea::net::ProxyCredentials> {
        asked << request;
        if (asked.size() == 1)
            return ea::net::ProxyCredentials {u"alice"_s, u"typo"_s, false};
        if (asked.size() == 2)
            return ea::net::ProxyCredentials {u"alice"_s, u"s3cret"_s, false};
        return std::nullopt;
    };
    const CliRun r = run(graph() + QStringList {u"--proxy"_s, proxy.url(), u"configs"_s}, tokenEnv(), {}, prompt);
    RUN_EXPECT(r, 0);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked[0].proxy, u"127.0.0.1:%1"_s.arg(proxy.port()));
    QVERIFY(!asked[0].refused);
    QVERIFY(asked[1].refused);
    QCOMPARE(asked[1].user, u"alice"_s);
    // Without credentials, with the typo, then through.
    QTRY_VERIFY(proxy.forwarded(root()) >= 1);
    QCOMPARE(proxy.refused(root()), 2);
}

void TestProxy::unreachableProxyIsNamed()
{
    // Nothing listens on port 9 (discard) of 127.0.0.1 here.
    const int before = m_server->tenant().requestCount();
    const CliRun r = run(graph() + QStringList {u"--proxy"_s, u"http://127.0.0.1:9"_s, u"configs"_s}, tokenEnv());
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"The proxy 127.0.0.1:9 (set by: manual) could not be used: Connection refused"_s),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Check the proxy setting"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), before);
}

void TestProxy::rememberedCredentialsAreUsedWithoutAsking()
{
    // The GUI's "Remember in the system keychain": here the keychain is the memory store.
    ea::auth::MemoryTokenStore keychain;
    ProxySettings manual;
    manual.mode = ProxySettings::Mode::Manual;
    manual.manualProxy = QUrl(m_authed.url());
    const auto readConfigurations = [this] {
        QString problem;
        ea::Session session(ea::GraphEndpoint::fromRootUrl(m_server->url().toString(), ea::ApiVersion::V1, &problem),
            std::make_unique<ea::StaticTokenProvider>(m_server->accessToken()));
        ea::GraphCall *call = session.graph()->send(
            ea::GraphRequest::get({u"deviceManagement"_s, u"deviceEnrollmentConfigurations"_s}));
        QSignalSpy finished(call, &ea::GraphCall::finished);
        return finished.wait(20000) && call->result();
    };
    int asked = 0;
    {
        ea::net::ProxyAccess access(manual, ProxyEnvironment {});
        access.setCredentialStore(&keychain);
        access.setPrompt([&asked](const ea::net::ProxyAuthRequest &) {
            ++asked;
            return std::optional<ea::net::ProxyCredentials>({u"alice"_s, u"s3cret"_s, true});
        });
        access.install();
        QVERIFY(readConfigurations());
        QCOMPARE(asked, 1);
    }
    QCOMPARE(keychain.keys(), QStringList {u"proxy:"_s + m_authed.label()});
    QVERIFY(keychain.peek(keychain.keys().constFirst())->contains(uR"("password":"s3cret")"_s));
    {
        // The next start: the keychain answers, nobody is asked.
        ea::net::ProxyAccess access(manual, ProxyEnvironment {});
        access.setCredentialStore(&keychain);
        access.setPrompt([&asked](const ea::net::ProxyAuthRequest &) {
            ++asked;
            return std::optional<ea::net::ProxyCredentials>();
        });
        access.install();
        QVERIFY(readConfigurations());
        QCOMPARE(asked, 1);
    }
    {
        // A remembered password the proxy no longer takes: asked, told so; typed again without
        // "remember", the entry goes.
        ea::net::ProxyAccess access(manual, ProxyEnvironment {});
        access.setCredentialStore(&keychain);
        bool toldRefused = false;
        access.setPrompt([&asked, &toldRefused](const ea::net::ProxyAuthRequest &request) {
            ++asked;
            toldRefused = request.refused;
            return std::optional<ea::net::ProxyCredentials>({u"alice"_s, u"s3cret"_s, false});
        });
        keychain.save(u"proxy:"_s + m_authed.label(), uR"({"user":"alice","password":"old"})"_s,
            [](const ea::auth::AuthResult<ea::auth::SaveReceipt> &) {});
        access.install();
        QVERIFY(readConfigurations());
        QCOMPARE(asked, 2);
        QVERIFY(toldRefused);
        QTRY_VERIFY(keychain.keys().isEmpty());
    }
}

// ---- TLS inspection -----------------------------------------------------------

bool TestProxy::proxyLogHasCaughtUp(LocalProxy &proxy, QString *marker)
{
    *marker = u"/proxy-log-marker-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.port()));
    const std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(root() + *marker))));
    return QTest::qWaitFor([&proxy, marker] { return proxy.count({*marker}) >= 1; }, 20000);
}

bool TestProxy::startTlsServer(QSslServer *server)
{
    QFile chainFile(QFINDTESTDATA("../data/inspection-chain.pem"));
    QFile keyFile(QFINDTESTDATA("../data/inspection-leaf-key.pem"));
    if (!chainFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(QSslCertificate::fromData(chainFile.readAll()));
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(config);
    return server->listen(QHostAddress::LocalHost, 0);
}

std::optional<ea::Result<ea::GraphResponse>> TestProxy::getOverTls(quint16 port)
{
    QNetworkAccessManager network;
    ea::StaticTokenProvider tokens(u"token"_s);
    ea::GraphClient client(&network, &tokens);
    QString problem;
    client.setEndpoint(
        ea::GraphEndpoint::fromRootUrl(u"https://127.0.0.1:%1"_s.arg(port), ea::ApiVersion::V1, &problem));
    ea::GraphCall *call = client.send(ea::GraphRequest::get({u"deviceManagement"_s}));
    // Copied when it ends: the call deletes itself afterwards.
    std::optional<ea::Result<ea::GraphResponse>> result;
    connect(call, &ea::GraphCall::finished, this, [&result, call] { result = call->result(); });
    // A timeout leaves the result empty, which the callers check.
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 15000);
    return result;
}

void TestProxy::tlsInspectionNamesTheIssuer()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend here");
    QSslServer server;
    QVERIFY(startTlsServer(&server));
    const auto result = getOverTls(server.serverPort());
    QVERIFY(result);
    QVERIFY(!*result);
    const ea::GraphError e = result->error();
    QVERIFY2(e.message.contains(u"was issued by “Contoso TLS Inspection CA”, which this computer does not trust"_s),
        qPrintable(e.message));
    QVERIFY2(e.message.contains(u"a proxy or firewall that inspects TLS traffic"_s), qPrintable(e.message));
    QVERIFY2(e.nextStep.contains(u"root certificate (“Contoso TLS Inspection CA”)"_s), qPrintable(e.nextStep));
    QVERIFY2(e.nextStep.contains(u"trust store"_s), qPrintable(e.nextStep));
    QVERIFY2(e.certificate.contains(u"CN=Contoso TLS Inspection CA"_s), qPrintable(e.certificate));
    QVERIFY(!e.requestMaybeSent);
}

void TestProxy::tlsInspectionIsFixedByTrustingTheCa()
{
    // The advice works: with the organisation's CA trusted, the same server is accepted.
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend here");
    QSslServer server;
    QVERIFY(startTlsServer(&server));
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&server] {
        QSslSocket *socket = qobject_cast<QSslSocket *>(server.nextPendingConnection());
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                          "Connection: close\r\n\r\n{}");
            socket->disconnectFromHost();
        });
    });
    QFile caFile(QFINDTESTDATA("../data/inspection-ca.pem"));
    QVERIFY(caFile.open(QIODevice::ReadOnly));
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = saved;
    trusting.addCaCertificates(QSslCertificate::fromData(caFile.readAll()));
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto result = getOverTls(server.serverPort());
    QSslConfiguration::setDefaultConfiguration(saved);
    QVERIFY(result);
    QVERIFY2(*result, qPrintable(*result ? QString() : result->error().summary()));
}

void TestProxy::cliSaysWhatToDoAboutTlsInspection()
{
    QSslServer server;
    QVERIFY(startTlsServer(&server));
    const CliRun r = run({u"--graph-url"_s, u"https://127.0.0.1:%1"_s.arg(server.serverPort()), u"--journal"_s,
                             m_tempDir.filePath(u"audit.jsonl"_s), u"configs"_s},
        tokenEnv());
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"issued by “Contoso TLS Inspection CA”"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"trust store"_s), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
