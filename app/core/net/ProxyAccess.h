#pragma once

#include "net/ProxySettings.h"

#include <QHash>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAuthenticator;
class QNetworkAccessManager;

namespace ea::auth {
class TokenStore;
}

namespace ea::net {

struct ProxyCredentials
{
    QString user;
    QString password;
    bool remember = false; // keep them in the system keychain (asked in the GUI's dialog)
};

// What a prompt shows when the proxy answers 407.
struct ProxyAuthRequest
{
    QString proxy; // "proxy.contoso.com:8080"
    QString user; // the user name to offer (--proxy-user, the last one typed)
    bool refused = false; // the proxy just refused the last credentials
};

// Asked on the thread of the network access manager, while the request
// waits: a dialog (GUI) or a terminal prompt (CLI). std::nullopt: cancelled.
using ProxyPrompt = std::function<std::optional<ProxyCredentials>(const ProxyAuthRequest &)>;

// The process's proxy policy, applied to every network access manager that
// talks to the identity platform or to Graph, so sign-in and Graph always take
// the same way (msgraph-sdk-dotnet #2032: sign-in went direct while Graph
// used the proxy). One per process, installed by the GUI's and the CLI's
// entry points; Session and the sign-in code attach their managers to it.
//
// A 407 from the proxy is answered once with the credentials the app has
// (--proxy-user, the keychain, the last ones typed); when the proxy refuses
// them, the prompt is asked again saying so, and without a prompt (CLI not on
// a terminal) the request fails with 407: never a silent loop.
class ProxyAccess final : public QObject
{
    Q_OBJECT
public:
    explicit ProxyAccess(const ProxySettings &settings, const ProxyEnvironment &environment, QObject *parent = nullptr);
    ~ProxyAccess() override;

    // Makes this the process's policy (ProxyAccess::attachTo uses it).
    void install();
    static ProxyAccess *installed();
    // Session and the sign-in code call this for each manager they create;
    // without an installed policy (unit tests) the manager is left as Qt made it.
    static void attachTo(QNetworkAccessManager *network);
    // For a manager that talks only to the app's own in-process sandbox: it
    // is inside this process, so no proxy could ever reach it.
    static void useDirect(QNetworkAccessManager *network);

    void attach(QNetworkAccessManager *network);
    // True while someone is being asked for the proxy's credentials: the
    // request waits for them, so its connect timeout must not run out.
    static bool isAsking();
    ProxySettings settings() const { return m_settings; }
    // Applies to requests made from now on.
    void setSettings(const ProxySettings &settings);
    // The way a request to `url` takes. routeFor() asks the OS when the rule
    // says so, which can mean fetching a PAC file (Windows): never on the GUI
    // thread. rule() answers without asking (askSystem set instead).
    ProxyRoute routeFor(const QUrl &url) const;
    ProxyRoute rule(const QUrl &url) const { return net::routeFor(m_settings, m_environment, url); }

    // Tests: what "ask the OS" answers (empty: QNetworkProxyFactory::systemProxyForQuery).
    using SystemLookup = std::function<QList<QNetworkProxy>(const QNetworkProxyQuery &)>;
    static void setSystemLookup(SystemLookup lookup);

    // Credentials known up front (CLI --proxy-user), for whichever proxy asks.
    void setCredentials(const QString &user, const QString &password);
    // A user name known without its password: the prompt offers it.
    void setUserName(const QString &user) { m_userName = user; }
    void setPrompt(ProxyPrompt prompt) { m_prompt = std::move(prompt); }
    // Where "remember" keeps credentials; nullptr (default): nowhere.
    void setCredentialStore(auth::TokenStore *store) { m_store = store; }

    // The last refusal, for messages: "proxy.contoso.com:8080 refused the
    // password of CONTOSO\\admin". Empty when none.
    QString lastRefusal() const { return m_lastRefusal; }

private:
    void onProxyAuthenticationRequired(
        QNetworkAccessManager *network, const QNetworkProxy &proxy, QAuthenticator *authenticator);
    std::optional<ProxyCredentials> rememberedCredentials(const QString &proxy);
    void rememberCredentials(const QString &proxy, const ProxyCredentials &credentials);

    ProxySettings m_settings;
    ProxyEnvironment m_environment;
    QList<QPointer<QNetworkAccessManager>> m_networks;
    std::optional<ProxyCredentials> m_given; // --proxy-user
    QString m_userName;
    ProxyPrompt m_prompt;
    auth::TokenStore *m_store = nullptr;
    // Per proxy: the credentials that are used next, and which manager was
    // given them (each manager caches what it got; a second question from the
    // same manager means the proxy refused them).
    struct Known
    {
        std::optional<ProxyCredentials> credentials;
        bool storeAsked = false;
        QList<QPointer<QNetworkAccessManager>> answered;
    };
    QHash<QString, Known> m_known;
    QString m_lastRefusal;
};

// A failure that the proxy caused (refused, not found, timed out, wants a
// password), in words that name the proxy and where its setting came from.
struct ProxyFailure
{
    QString message;
    QString nextStep;
};
// std::nullopt when `code` is not about the proxy.
std::optional<ProxyFailure> describeProxyFailure(
    QNetworkReply::NetworkError code, const QUrl &url, const QString &qtErrorText);

} // namespace ea::net
