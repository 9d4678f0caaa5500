#include "net/ProxySettings.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace ea::net {

namespace {

const char *const kModeKeys[] = {"system", "none", "manual"};

// "host:port" and "http://host:port" both mean an HTTP proxy.
QUrl addressUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    return QUrl(
        trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("http://") + trimmed, QUrl::StrictMode);
}

QNetworkProxy httpProxy(const QUrl &url)
{
    // An address typed by the admin must name its port (parseProxyAddress);
    // a variable without one gets curl's default, 1080, so both tools agree.
    QNetworkProxy proxy(QNetworkProxy::HttpProxy, url.host(), quint16(url.port(1080)));
    // Credentials from an environment variable (curl accepts them there);
    // never from argv or the settings file (parseProxyAddress refuses them).
    if (!url.userName().isEmpty())
        proxy.setUser(url.userName());
    if (!url.password().isEmpty())
        proxy.setPassword(url.password());
    return proxy;
}

// The variable's value as a proxy; an unusable value is reported by the
// caller as "direct" with the reason saying which variable was ignored.
std::optional<QNetworkProxy> proxyFromVariable(const QString &value)
{
    const QUrl url = addressUrl(value);
    if (!url.isValid() || url.host().isEmpty() || url.scheme() != QLatin1String("http"))
        return std::nullopt;
    return httpProxy(url);
}

} // namespace

QString modeKey(ProxySettings::Mode mode)
{
    return QString::fromLatin1(kModeKeys[int(mode)]);
}

bool parseModeKey(const QString &key, ProxySettings::Mode *mode)
{
    for (int i = 0; i < 3; ++i) {
        if (key == QLatin1String(kModeKeys[i])) {
            *mode = ProxySettings::Mode(i);
            return true;
        }
    }
    return false;
}

std::optional<QUrl> parseProxyAddress(const QString &text, QString *problem, QString *user)
{
    const auto refuse = [problem](const QString &why) -> std::optional<QUrl> {
        *problem = why;
        return std::nullopt;
    };
    if (text.trimmed().isEmpty())
        return refuse(QCoreApplication::translate(
            "ea::net", "No proxy address was given. Write it as host:port, for example proxy.contoso.com:8080."));
    const QUrl url = addressUrl(text);
    if (!url.isValid() || url.host().isEmpty())
        return refuse(QCoreApplication::translate(
            "ea::net", "'%1' is not a proxy address. Write it as host:port, for example proxy.contoso.com:8080.")
                          .arg(text.trimmed()));
    if (url.scheme() != QLatin1String("http"))
        return refuse(QCoreApplication::translate("ea::net",
            "'%1': only HTTP proxies are supported (http://host:port); the connection to Microsoft is "
            "encrypted end to end through them.")
                          .arg(text.trimmed()));
    if (!url.password().isEmpty())
        return refuse(QCoreApplication::translate("ea::net",
            "The proxy address contains a password. Leave it out: the app asks for it when the proxy wants "
            "it (the command line tool reads it from EA_PROXY_PASSWORD, or from standard input with "
            "--proxy-password-stdin)."));
    if (url.port() < 1)
        return refuse(QCoreApplication::translate(
            "ea::net", "'%1' has no port. Write the proxy as host:port, for example proxy.contoso.com:8080.")
                          .arg(text.trimmed()));
    if (!(url.path().isEmpty() || url.path() == QLatin1String("/")) || url.hasQuery() || url.hasFragment())
        return refuse(QCoreApplication::translate("ea::net",
            "'%1' is a web address, not a proxy. Write the proxy as host:port (a PAC file is used through "
            "the system setting).")
                          .arg(text.trimmed()));
    if (user)
        *user = url.userName();
    QUrl clean;
    clean.setScheme(QStringLiteral("http"));
    clean.setHost(url.host());
    clean.setPort(url.port());
    return clean;
}

ProxyEnvironment ProxyEnvironment::fromProcess()
{
    return from([](const QString &name) { return qEnvironmentVariable(name.toLatin1().constData()); });
}

bool noProxyMatches(const QString &noProxy, const QUrl &url)
{
    const QString host = url.host().toLower(); // QUrl strips IPv6 brackets
    if (host.isEmpty())
        return false;
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    QHostAddress hostAddress;
    const bool hostIsAddress = hostAddress.setAddress(host);
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    const QStringList entries = noProxy.split(separators, Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.toLower();
        if (entry == QLatin1String("*"))
            return true;
        // An optional ":port" (not inside a bare IPv6 address).
        int entryPort = -1;
        if (entry.startsWith(u'[')) {
            const qsizetype close = entry.indexOf(u']');
            if (close < 0)
                continue;
            const QString rest = entry.mid(close + 1);
            if (rest.startsWith(u':'))
                entryPort = rest.mid(1).toInt();
            entry = entry.mid(1, close - 1) + (rest.startsWith(u'/') ? rest : QString());
        } else if (entry.count(u':') == 1) {
            const qsizetype colon = entry.indexOf(u':');
            entryPort = entry.mid(colon + 1).toInt();
            entry = entry.left(colon);
        }
        if (entryPort > 0 && entryPort != port)
            continue;
        if (hostIsAddress) {
            if (entry.contains(u'/')) {
                const auto subnet = QHostAddress::parseSubnet(entry);
                if (subnet.first.isNull())
                    continue;
                if (hostAddress.isInSubnet(subnet))
                    return true;
                continue;
            }
            QHostAddress entryAddress;
            if (entryAddress.setAddress(entry) && entryAddress.isEqual(hostAddress))
                return true;
            continue;
        }
        if (entry.startsWith(u'.'))
            entry = entry.mid(1);
        if (entry.startsWith(QLatin1String("*.")))
            entry = entry.mid(2);
        if (host == entry || host.endsWith(u'.' + entry))
            return true;
    }
    return false;
}

ProxyRoute routeFor(const ProxySettings &settings, const ProxyEnvironment &env, const QUrl &url)
{
    ProxyRoute route;
    switch (settings.mode) {
    case ProxySettings::Mode::None: route.reason = QStringLiteral("no proxy"); return route;
    case ProxySettings::Mode::Manual:
        if (noProxyMatches(env.noProxy, url)) {
            route.reason = QStringLiteral("no_proxy");
            return route;
        }
        route.proxy = httpProxy(settings.manualProxy);
        route.reason = QStringLiteral("manual");
        return route;
    case ProxySettings::Mode::System: break;
    }
    if (!env.namesAProxy()) {
        route.askSystem = true;
        route.reason = QStringLiteral("system");
        return route;
    }
    if (noProxyMatches(env.noProxy, url)) {
        route.reason = QStringLiteral("no_proxy");
        return route;
    }
    const bool https = url.scheme() == QLatin1String("https");
    const std::pair<QString, const char *> candidates[] = {
        {https ? env.httpsProxy : env.httpProxy, https ? "https_proxy" : "http_proxy"},
        {env.allProxy, "all_proxy"},
    };
    for (const auto &[value, name] : candidates) {
        if (value.isEmpty())
            continue;
        route.reason = QString::fromLatin1(name);
        if (const std::optional<QNetworkProxy> proxy = proxyFromVariable(value))
            route.proxy = *proxy;
        else
            route.reason += QStringLiteral(" (not an http:// proxy, ignored)");
        return route;
    }
    // Only a proxy for the other scheme is set: this scheme goes direct, as in curl.
    route.reason = https ? QStringLiteral("https_proxy not set") : QStringLiteral("http_proxy not set");
    return route;
}

QString proxyLabel(const QNetworkProxy &proxy)
{
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy)
        return QCoreApplication::translate("ea::net", "direct");
    const QString host = proxy.hostName().contains(u':') ? u'[' + proxy.hostName() + u']' : proxy.hostName();
    return host + u':' + QString::number(proxy.port());
}

} // namespace ea::net
