#include "graph/GraphEndpoint.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace ea {

namespace {

constexpr CloudInfo kClouds[] = {
    {Cloud::Global, "global", "https://graph.microsoft.com", "https://login.microsoftonline.com"},
    {Cloud::UsGovL4, "usgov", "https://graph.microsoft.us", "https://login.microsoftonline.us"},
    {Cloud::UsGovL5DoD, "usgov-dod", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"},
    {Cloud::China, "china", "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn"},
};

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace

const CloudInfo &cloudInfo(Cloud cloud)
{
    for (const CloudInfo &info : kClouds) {
        if (info.cloud == cloud)
            return info;
    }
    return kClouds[0];
}

bool parseCloud(const QString &cliName, Cloud *out)
{
    for (const CloudInfo &info : kClouds) {
        if (cliName.compare(QLatin1String(info.cliName), Qt::CaseInsensitive) == 0) {
            *out = info.cloud;
            return true;
        }
    }
    return false;
}

QString cloudDisplayName(Cloud cloud)
{
    switch (cloud) {
    case Cloud::Global: return QCoreApplication::translate("ea::Cloud", "Global");
    case Cloud::UsGovL4: return QCoreApplication::translate("ea::Cloud", "US Government L4 (GCC High)");
    case Cloud::UsGovL5DoD: return QCoreApplication::translate("ea::Cloud", "US Government L5 (DoD)");
    case Cloud::China: return QCoreApplication::translate("ea::Cloud", "China (21Vianet)");
    }
    return {};
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

GraphEndpoint GraphEndpoint::forCloud(Cloud cloud, ApiVersion version)
{
    GraphEndpoint e;
    e.m_root = QUrl(QString::fromLatin1(cloudInfo(cloud).graphRoot));
    e.m_version = version;
    return e;
}

GraphEndpoint GraphEndpoint::fromRootUrl(const QString &rootUrl, ApiVersion version, QString *problem)
{
    const QUrl url(rootUrl.trimmed(), QUrl::StrictMode);
    const auto fail = [&](const QString &why) {
        *problem = why;
        return GraphEndpoint();
    };
    if (!url.isValid() || url.host().isEmpty())
        return fail(QCoreApplication::translate("ea::GraphEndpoint",
                                                "'%1' is not a URL; give the Graph root, e.g. https://graph.microsoft.com.")
                        .arg(rootUrl.left(200)));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(QCoreApplication::translate("ea::GraphEndpoint", "The Graph URL must start with https://."));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return fail(QCoreApplication::translate("ea::GraphEndpoint",
                                                "Plain http is allowed only for loopback addresses (127.0.0.1, "
                                                "localhost); use https:// for %1 so the token is never sent "
                                                "unencrypted.")
                        .arg(url.host()));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return fail(QCoreApplication::translate("ea::GraphEndpoint",
                                                "The Graph URL must be only a root (scheme, host, port), without "
                                                "user name, query or fragment."));
    const QString path = url.path();
    if (!path.isEmpty() && path != QLatin1String("/"))
        return fail(QCoreApplication::translate("ea::GraphEndpoint",
                                                "Give the Graph root without a path (the version is added): "
                                                "%1://%2 instead of %3.")
                        .arg(scheme, url.authority(), rootUrl.left(200)));
    GraphEndpoint e;
    QUrl root;
    root.setScheme(scheme);
    root.setHost(url.host());
    if (url.port() != -1)
        root.setPort(url.port());
    e.m_root = root;
    e.m_version = version;
    problem->clear();
    return e;
}

bool GraphEndpoint::isLoopback() const
{
    return isLoopbackHost(m_root.host());
}

bool GraphEndpoint::isSameOrigin(const QUrl &url) const
{
    return url.scheme().compare(m_root.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(m_root.host(), Qt::CaseInsensitive) == 0
        && effectivePort(url) == effectivePort(m_root);
}

} // namespace ea
