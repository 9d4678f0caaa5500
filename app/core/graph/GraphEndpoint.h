#pragma once

#include "domain/ApiVersion.h"

#include <QString>
#include <QUrl>

namespace ea {

// The national clouds Graph runs in. Tokens are not interchangeable across them.
enum class Cloud { Global, UsGovL4, UsGovL5DoD, China };

struct CloudInfo
{
    Cloud cloud;
    const char *cliName;   // global | usgov | usgov-dod | china
    const char *graphRoot; // https://graph.microsoft.com
    const char *loginRoot; // https://login.microsoftonline.com
};

const CloudInfo &cloudInfo(Cloud cloud);
bool parseCloud(const QString &cliName, Cloud *out);
QString cloudDisplayName(Cloud cloud);

// Where Graph calls go: a root (scheme, host, port; no path) and a version.
// Plain http is allowed only for loopback addresses (the sandbox and tests),
// so a bearer token never travels unencrypted over a network.
class GraphEndpoint
{
public:
    GraphEndpoint() = default;
    static GraphEndpoint forCloud(Cloud cloud, ApiVersion version);
    // Returns an invalid endpoint and sets *problem if the root is not usable.
    static GraphEndpoint fromRootUrl(const QString &rootUrl, ApiVersion version, QString *problem);

    bool isValid() const { return m_root.isValid() && !m_root.isEmpty(); }
    QUrl root() const { return m_root; }
    ApiVersion version() const { return m_version; }
    void setVersion(ApiVersion version) { m_version = version; }
    bool isLoopback() const;

    // True when url has the same scheme, host and port as the root: the only
    // place the Authorization header may be sent.
    bool isSameOrigin(const QUrl &url) const;

private:
    QUrl m_root;
    ApiVersion m_version = ApiVersion::V1;
};

bool isLoopbackHost(const QString &host);

} // namespace ea
