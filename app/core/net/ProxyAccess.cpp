#include "net/ProxyAccess.h"

#include "Logging.h"
#include "auth/TokenStore.h"

#include <QAuthenticator>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

namespace ea::net {

namespace {

ProxyAccess *g_installed = nullptr;
int g_asking = 0; // prompts open (nested: one per manager at most)
ProxyAccess::SystemLookup g_systemLookup; // tests only; empty: the OS

QList<QNetworkProxy> askTheSystem(const QNetworkProxyQuery &query)
{
    QList<QNetworkProxy> system
        = g_systemLookup ? g_systemLookup(query) : QNetworkProxyFactory::systemProxyForQuery(query);
    if (system.isEmpty())
        system << QNetworkProxy(QNetworkProxy::NoProxy);
    return system;
}

// How long a manager keeps the OS's answer for one scheme, host and port.
// Qt asks the factory for every request; on Linux the OS's answer comes from
// libproxy, in a thread of its own, and every question is a hand-off to that
// thread and back (with a parse of /etc/services): a 401-page list asked 401
// times, and a CLI `assign` three times for one host. A change of the system's
// settings (or of a PAC script's answer) is followed within this time instead
// of at the next request; a PAC script that routes two paths of one host
// differently is followed per host, not per path.
constexpr int kSystemAnswerLifetimeMs = 30000;

// Asked by Qt for every request of one manager. Holds a copy of the rule, so
// it never points back at a ProxyAccess that may be gone.
class RoutingProxyFactory final : public QNetworkProxyFactory
{
public:
    RoutingProxyFactory(const ProxySettings &settings, const ProxyEnvironment &environment)
        : m_settings(settings)
        , m_environment(environment)
    { }

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        // Listening sockets and raw connections (the sign-in's loopback
        // redirect listener) are never proxied.
        if (query.queryType() != QNetworkProxyQuery::UrlRequest)
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        const ProxyRoute route = net::routeFor(m_settings, m_environment, query.url());
        if (!route.askSystem) {
            qCDebug(lcProxy) << query.url().host() << "→" << proxyLabel(route.proxy) << route.reason;
            return {route.proxy};
        }
        return systemAnswer(query);
    }

private:
    QList<QNetworkProxy> systemAnswer(const QNetworkProxyQuery &query)
    {
        const QUrl url = query.url();
        const QString key = url.scheme() + u' ' + url.host() + u' ' + QString::number(url.port());
        {
            const QMutexLocker locker(&m_mutex);
            const auto kept = m_systemAnswers.constFind(key);
            if (kept != m_systemAnswers.cend() && !kept->expiry.hasExpired())
                return kept->proxies;
        }
        const QList<QNetworkProxy> system = askTheSystem(query);
        qCDebug(lcProxy) << url.host() << "→ system:" << proxyLabel(system.constFirst());
        const QMutexLocker locker(&m_mutex);
        m_systemAnswers.insert(key, {system, QDeadlineTimer(kSystemAnswerLifetimeMs)});
        return system;
    }

    struct SystemAnswer
    {
        QList<QNetworkProxy> proxies;
        QDeadlineTimer expiry;
    };

    const ProxySettings m_settings;
    const ProxyEnvironment m_environment;
    // Qt may ask from the thread of any request; the answers are shared.
    QMutex m_mutex;
    QHash<QString, SystemAnswer> m_systemAnswers;
};

// The keychain entry's name; the secret is {"user","password"} as JSON.
QString storeKey(const QString &proxy)
{
    return QStringLiteral("proxy:") + proxy;
}

} // namespace

ProxyAccess::ProxyAccess(const ProxySettings &settings, const ProxyEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_environment(environment)
{ }

ProxyAccess::~ProxyAccess()
{
    if (g_installed == this)
        g_installed = nullptr;
}

void ProxyAccess::install()
{
    g_installed = this;
}

ProxyAccess *ProxyAccess::installed()
{
    return g_installed;
}

void ProxyAccess::attachTo(QNetworkAccessManager *network)
{
    if (g_installed)
        g_installed->attach(network);
}

void ProxyAccess::useDirect(QNetworkAccessManager *network)
{
    // setProxy() drops any factory: this manager asks no one.
    network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    if (g_installed)
        g_installed->m_networks.removeAll(network);
}

void ProxyAccess::attach(QNetworkAccessManager *network)
{
    network->setProxyFactory(new RoutingProxyFactory(m_settings, m_environment)); // the manager owns it
    if (!m_networks.contains(network)) {
        m_networks.append(network);
        connect(network, &QNetworkAccessManager::proxyAuthenticationRequired, this,
            [this, network](const QNetworkProxy &proxy, QAuthenticator *authenticator) {
                onProxyAuthenticationRequired(network, proxy, authenticator);
            });
    }
}

void ProxyAccess::setSettings(const ProxySettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    m_networks.removeAll(nullptr);
    // Requests in flight finish the way they started; Qt keys its connections
    // by proxy, so the next request opens one the new way.
    for (const QPointer<QNetworkAccessManager> &network : std::as_const(m_networks))
        network->setProxyFactory(new RoutingProxyFactory(m_settings, m_environment));
}

void ProxyAccess::setSystemLookup(SystemLookup lookup)
{
    g_systemLookup = std::move(lookup);
}

bool ProxyAccess::isAsking()
{
    return g_asking > 0;
}

ProxyRoute ProxyAccess::routeFor(const QUrl &url) const
{
    ProxyRoute route = net::routeFor(m_settings, m_environment, url);
    if (route.askSystem) {
        route.proxy = askTheSystem(QNetworkProxyQuery(url)).constFirst();
        route.askSystem = false;
    }
    return route;
}

void ProxyAccess::setCredentials(const QString &user, const QString &password)
{
    m_given = ProxyCredentials {user, password, false};
}

std::optional<ProxyCredentials> ProxyAccess::rememberedCredentials(const QString &proxy)
{
    if (!m_store)
        return std::nullopt;
    // The keychain answers asynchronously; the request waits for this answer
    // anyway (Qt paused its connection while this signal runs).
    std::optional<ProxyCredentials> found;
    QEventLoop loop;
    bool finished = false;
    m_store->load(storeKey(proxy), [&](const auth::AuthResult<std::optional<QString>> &result) {
        if (result && result.value()) {
            const QJsonObject o = QJsonDocument::fromJson(result.value()->toUtf8()).object();
            if (!o.value(QLatin1String("user")).toString().isEmpty())
                found = ProxyCredentials {
                    o.value(QLatin1String("user")).toString(), o.value(QLatin1String("password")).toString(), true};
        }
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return found;
}

void ProxyAccess::rememberCredentials(const QString &proxy, const ProxyCredentials &credentials)
{
    if (!m_store)
        return;
    if (!credentials.remember) {
        m_store->remove(storeKey(proxy), [](const auth::AuthResult<auth::Done> &) {});
        return;
    }
    const QJsonObject o {{QLatin1String("user"), credentials.user}, {QLatin1String("password"), credentials.password}};
    m_store->save(storeKey(proxy), QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)),
        [proxy](const auth::AuthResult<auth::SaveReceipt> &result) {
            if (!result)
                qCWarning(lcProxy) << "Could not remember the credentials for" << proxy << ":"
                                   << result.error().message;
        });
}

void ProxyAccess::onProxyAuthenticationRequired(
    QNetworkAccessManager *network, const QNetworkProxy &proxy, QAuthenticator *authenticator)
{
    const QString key = proxyLabel(proxy);
    // A copy: the prompt below runs an event loop in which m_known may change.
    Known known = m_known.value(key);
    known.answered.removeAll(nullptr);

    // Qt asks a manager once per proxy and then reuses what it got; a second
    // question from the same manager means the proxy refused those
    // credentials. Credentials that came with the proxy's address (a user in
    // http_proxy) count as already given.
    const bool refused = known.answered.contains(network) || !proxy.user().isEmpty();
    QString lastUser = known.credentials ? known.credentials->user : (m_given ? m_given->user : m_userName);
    if (refused) {
        if (lastUser.isEmpty())
            lastUser = proxy.user();
        m_lastRefusal = tr("The proxy %1 refused the user name or password of %2.").arg(key, lastUser);
        qCInfo(lcProxy).noquote() << m_lastRefusal;
        // Never offered again in this process: the same answer gets the same refusal.
        if (known.credentials && m_given && m_given->user == known.credentials->user
            && m_given->password == known.credentials->password)
            m_given.reset();
        known.credentials.reset();
        known.answered.removeAll(network);
    } else if (!known.credentials) {
        if (m_given) {
            known.credentials = m_given;
        } else if (!known.storeAsked) {
            known.storeAsked = true;
            known.credentials = rememberedCredentials(key);
        }
    }
    if (!known.credentials && m_prompt) {
        ++g_asking;
        std::optional<ProxyCredentials> typed = m_prompt(ProxyAuthRequest {key, lastUser, refused});
        --g_asking;
        if (typed) {
            known.credentials = typed;
            rememberCredentials(key, *typed);
        }
    }
    if (known.credentials) {
        authenticator->setUser(known.credentials->user);
        authenticator->setPassword(known.credentials->password);
        known.answered.append(network);
        if (!refused)
            m_lastRefusal.clear();
    }
    // Left empty, Qt fails the request with ProxyAuthenticationRequiredError.
    m_known.insert(key, known);
}

std::optional<ProxyFailure> describeProxyFailure(
    QNetworkReply::NetworkError code, const QUrl &url, const QString &qtErrorText)
{
    // The rule only: asking the OS could mean fetching a PAC file, and this
    // runs on the thread that shows the error.
    const ProxyAccess *access = ProxyAccess::installed();
    const ProxyRoute route = access ? access->rule(url) : ProxyRoute {};
    switch (code) {
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProxyAuthenticationRequiredError: break;
    // Through an HTTP proxy a plain http:// request connects to the proxy
    // itself, so Qt reports the proxy's refusal without "proxy" in it.
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
        // Only when the rule itself names a proxy: what the OS would say is not asked here.
        if (route.askSystem || route.isDirect())
            return std::nullopt;
        break;
    default: return std::nullopt;
    }
    const QString proxy = route.askSystem ? ProxyAccess::tr("The proxy from the system's settings")
        : route.isDirect()                ? ProxyAccess::tr("The proxy")
                                          : ProxyAccess::tr("The proxy %1").arg(proxyLabel(route.proxy));
    const QString origin = route.reason.isEmpty() || route.isDirect() || route.askSystem
        ? QString()
        : u' ' + ProxyAccess::tr("(set by: %1)").arg(route.reason);
    ProxyFailure failure;
    if (code == QNetworkReply::ProxyAuthenticationRequiredError) {
        const QString refusal = access ? access->lastRefusal() : QString();
        // The status (HTTP 407) leads the summary line; the message says what it means here.
        failure.message
            = (refusal.isEmpty() ? ProxyAccess::tr("%1%2 asks for a user name and password, and none was given.")
                                       .arg(proxy, origin)
                                 : refusal)
            + u' ' + ProxyAccess::tr("Nothing was sent to %1.").arg(url.host());
        failure.nextStep = ProxyAccess::tr("Try again to be asked for the proxy's user name and password; your IT "
                                           "department can tell you which account the proxy accepts.");
        return failure;
    }
    failure.message = ProxyAccess::tr("%1%2 could not be used: %3. Nothing was sent to %4.")
                          .arg(proxy, origin, qtErrorText, url.host());
    failure.nextStep = ProxyAccess::tr("Check the proxy setting (Preferences, or --proxy / --no-proxy and the "
                                       "https_proxy and no_proxy variables for the command line) and that the proxy "
                                       "is running.");
    return failure;
}

} // namespace ea::net
