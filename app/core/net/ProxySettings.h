#pragma once

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QString>
#include <QUrl>

#include <optional>

namespace ea::net {

// How requests to the identity platform and to Graph leave this computer.
// The GUI keeps it in Preferences, the CLI takes --proxy / --no-proxy; both
// default to System.
struct ProxySettings
{
    enum class Mode {
        System, // the usual environment variables if set, else the OS's settings (WinHTTP/IE with PAC, macOS)
        None, // always direct
        Manual, // one HTTP proxy for everything the no_proxy rule does not exclude
    };
    Mode mode = Mode::System;
    QUrl manualProxy; // http://host:port, no credentials (Manual only)

    friend bool operator==(const ProxySettings &a, const ProxySettings &b)
    {
        return a.mode == b.mode && a.manualProxy == b.manualProxy;
    }
};

QString modeKey(ProxySettings::Mode mode); // "system", "none", "manual" (settings, JSON)
bool parseModeKey(const QString &key, ProxySettings::Mode *mode);

// Parses what an admin types or passes to --proxy: "host:port",
// "http://host:port" or "http://user@host:port". A password in the address is
// refused (it would sit in argv, the settings file or the shell history);
// other schemes are refused because Qt speaks only plain HTTP to a proxy.
// *user receives a user name from the address, if any.
std::optional<QUrl> parseProxyAddress(const QString &text, QString *problem, QString *user = nullptr);

// The proxy variables as curl, git and the Azure CLI read them: lower case
// first, then upper case.
struct ProxyEnvironment
{
    QString httpsProxy;
    QString httpProxy;
    QString allProxy;
    QString noProxy;

    bool namesAProxy() const { return !httpsProxy.isEmpty() || !httpProxy.isEmpty() || !allProxy.isEmpty(); }
    static ProxyEnvironment fromProcess();
    // From a name → value map (the CLI's injected environment, tests).
    template<typename Lookup> static ProxyEnvironment from(Lookup value)
    {
        const auto either = [&](const char *lower, const char *upper) {
            const QString v = value(QString::fromLatin1(lower)).trimmed();
            return v.isEmpty() ? value(QString::fromLatin1(upper)).trimmed() : v;
        };
        return {either("https_proxy", "HTTPS_PROXY"), either("http_proxy", "HTTP_PROXY"),
            either("all_proxy", "ALL_PROXY"), either("no_proxy", "NO_PROXY")};
    }
};

// curl's no_proxy rule: comma- or space-separated entries; "*" matches every
// host; a name matches itself and its subdomains (a leading dot is
// optional); an IP address matches itself; "10.0.0.0/8" and "fd00::/8" match
// the addresses in the range. An entry may end in ":port", which then must
// match too.
bool noProxyMatches(const QString &noProxy, const QUrl &url);

// Where one request goes and why, in words for status lines and errors.
struct ProxyRoute
{
    QNetworkProxy proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    // When true, ask QNetworkProxyFactory::systemProxyForQuery (the OS decides).
    bool askSystem = false;
    QString reason; // "https_proxy", "no_proxy", "Preferences", "--proxy"…

    bool isDirect() const { return !askSystem && proxy.type() == QNetworkProxy::NoProxy; }
};

// The rule, without asking the OS: what ProxyFactory applies to each request.
ProxyRoute routeFor(const ProxySettings &settings, const ProxyEnvironment &env, const QUrl &url);

// "proxy.contoso.com:8080" for messages.
QString proxyLabel(const QNetworkProxy &proxy);

} // namespace ea::net
