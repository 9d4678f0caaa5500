#include "auth/TenantProfile.h"

#include "domain/Identifiers.h"

#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace ea::auth {

namespace {

const QString kGroup = QStringLiteral("auth/profiles");
const QString kActiveKey = QStringLiteral("auth/activeProfile");

bool isDomainCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.';
}

// A settings group name must not contain '/' or '\\'; our ids are GUIDs or
// anything a user put into an ini file, so they are checked before use.
bool isSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) { return isDomainCharacter(c) || c == u'_'; });
}

} // namespace

QString TenantProfile::checkTenant(const QString &tenant)
{
    if (tenant.isEmpty())
        return tr("Give the tenant: its id (a GUID), a verified domain such as contoso.onmicrosoft.com, or "
                  "'organizations' for a multi-tenant app.");
    if (tenant.compare(QLatin1String("consumers"), Qt::CaseInsensitive) == 0)
        return tr("'consumers' signs in personal Microsoft accounts, which Intune does not support; give the "
                  "tenant id or domain.");
    if (tenant.size() > 253 || !std::all_of(tenant.cbegin(), tenant.cend(), isDomainCharacter)
        || tenant.startsWith(u'.') || tenant.endsWith(u'.') || tenant.contains(QLatin1String("..")))
        return tr("'%1' is not a tenant id or domain (letters, digits, '-' and '.' only).").arg(tenant.left(100));
    return {};
}

QString TenantProfile::checkClientId(const QString &clientId)
{
    if (clientId.isEmpty())
        return tr("Give the client id (application id) of the app registration, or use Microsoft Graph Command "
                  "Line Tools (%1).")
            .arg(QLatin1String(kGraphCommandLineToolsClientId));
    if (!ids::isGuid(clientId))
        return tr("The client id '%1' is not a GUID; copy the Application (client) ID from the app "
                  "registration.")
            .arg(clientId.left(100));
    if (clientId.compare(QLatin1String(kRetiredIntunePowerShellClientId), Qt::CaseInsensitive) == 0)
        return tr("%1 is the Intune PowerShell app, which Microsoft retired in 2024 (sign-ins fail with "
                  "AADSTS700016). Register your own app or use Microsoft Graph Command Line Tools (%2).")
            .arg(clientId, QLatin1String(kGraphCommandLineToolsClientId));
    return {};
}

QString TenantProfile::checkLoginRoot(const QString &text, QUrl *normalized)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return tr("'%1' is not a URL; give the sign-in root, e.g. https://login.microsoftonline.com.")
            .arg(text.left(200));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return tr("The sign-in URL must start with https://.");
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return tr("Plain http is allowed only for loopback addresses (127.0.0.1, localhost); use https:// for %1 "
                  "so no code or token travels unencrypted.")
            .arg(url.host());
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return tr("The sign-in URL must be only a root (scheme, host, port), without user name, query or "
                  "fragment.");
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return tr("Give the sign-in root without a path (the tenant is added): %1://%2.").arg(scheme, url.authority());
    QUrl root;
    root.setScheme(scheme);
    root.setHost(url.host());
    if (url.port() != -1)
        root.setPort(url.port());
    if (normalized)
        *normalized = root;
    return {};
}

QString TenantProfile::validate() const
{
    QString problem = checkTenant(tenant);
    if (problem.isEmpty())
        problem = checkClientId(clientId);
    if (problem.isEmpty() && !loginRootOverride.isEmpty())
        problem = checkLoginRoot(loginRootOverride, nullptr);
    if (problem.isEmpty() && !graphRootOverride.isEmpty()) {
        const GraphEndpoint graph = GraphEndpoint::fromRootUrl(graphRootOverride, ApiVersion::V1, &problem);
        if (problem.isEmpty() && !tokensMayGoTo(graph.root()))
            problem = tr("The Graph URL %1 is not the Graph of this profile's cloud (%2): a signed-in token is only "
                         "sent there (or to a loopback address for testing). Leave the Graph URL empty.")
                          .arg(graph.root().toString(), graphResource());
    }
    return problem;
}

QUrl TenantProfile::loginRoot() const
{
    if (!loginRootOverride.isEmpty()) {
        QUrl root;
        if (checkLoginRoot(loginRootOverride, &root).isEmpty())
            return root;
        return {};
    }
    return QUrl(QString::fromLatin1(cloudInfo(cloud).loginRoot));
}

QString TenantProfile::authority() const
{
    const QUrl root = loginRoot();
    if (!root.isValid() || !checkTenant(tenant).isEmpty())
        return {};
    return root.toString(QUrl::FullyEncoded) + u'/' + tenant;
}

namespace {

QUrl endpointUnder(const TenantProfile &profile, const char *leaf)
{
    const QString authority = profile.authority();
    if (authority.isEmpty())
        return {};
    return QUrl(authority + QLatin1String("/oauth2/v2.0/") + QLatin1String(leaf), QUrl::StrictMode);
}

} // namespace

QUrl TenantProfile::authorizeEndpoint() const
{
    return endpointUnder(*this, "authorize");
}

QUrl TenantProfile::tokenEndpoint() const
{
    return endpointUnder(*this, "token");
}

QUrl TenantProfile::deviceCodeEndpoint() const
{
    return endpointUnder(*this, "devicecode");
}

QString TenantProfile::graphResource() const
{
    return QString::fromLatin1(cloudInfo(cloud).graphRoot);
}

QString TenantProfile::scope() const
{
    return graphResource() + QLatin1String("/.default offline_access openid profile");
}

GraphEndpoint TenantProfile::graphEndpoint(ApiVersion version, QString *problem) const
{
    if (graphRootOverride.isEmpty()) {
        problem->clear();
        return GraphEndpoint::forCloud(cloud, version);
    }
    return GraphEndpoint::fromRootUrl(graphRootOverride, version, problem);
}

namespace {

bool isSameRoot(const QUrl &a, const QUrl &b)
{
    const auto portOf = [](const QUrl &url) {
        return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && portOf(a) == portOf(b);
}

} // namespace

bool TenantProfile::tokensMayGoTo(const QUrl &graphUrl) const
{
    if (!graphUrl.isValid() || graphUrl.host().isEmpty() || !graphUrl.userInfo().isEmpty())
        return false;
    if (isSameRoot(graphUrl, QUrl(graphResource())))
        return true;
    if (!isLoopbackHost(graphUrl.host()))
        return false;
    // Loopback only where the profile itself points: a local port some other
    // program happens to listen on gets nothing.
    QString problem;
    if (!graphRootOverride.isEmpty()) {
        const GraphEndpoint own = GraphEndpoint::fromRootUrl(graphRootOverride, ApiVersion::V1, &problem);
        if (own.isValid() && own.isLoopback() && own.isSameOrigin(graphUrl))
            return true;
    }
    const QUrl login = loginRoot();
    return login.isValid() && isLoopbackHost(login.host()) && isSameRoot(graphUrl, login);
}

QString TenantProfile::tokenStoreKey() const
{
    const QUrl root = loginRoot();
    return QLatin1String("refresh-token/") + root.authority().toLower() + u'/' + tenant.toLower() + u'/'
        + clientId.toLower();
}

QString TenantProfile::label() const
{
    const QString where = tr("%1 (%2)").arg(tenant, cloudDisplayName(cloud));
    if (displayName.isEmpty() || displayName == tenant)
        return where;
    return displayName + QStringLiteral(" — ") + where;
}

// ---------------------------------------------------------------------------

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{ }

std::unique_ptr<QSettings> ProfileStore::openSharedSettings()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
        QStringLiteral("Enrollment Assigner"), QStringLiteral("Enrollment Assigner"));
}

QList<TenantProfile> ProfileStore::profiles() const
{
    QList<TenantProfile> list;
    m_settings->beginGroup(kGroup);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &id : ids) {
        if (const std::optional<TenantProfile> p = find(id))
            list.append(*p);
    }
    std::sort(list.begin(), list.end(), [](const TenantProfile &a, const TenantProfile &b) {
        const int byName = a.displayName.compare(b.displayName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return list;
}

std::optional<TenantProfile> ProfileStore::find(const QString &id) const
{
    if (!isSafeId(id))
        return std::nullopt;
    m_settings->beginGroup(kGroup + u'/' + id);
    const bool exists = m_settings->contains(QStringLiteral("tenant"));
    TenantProfile p;
    p.id = id;
    p.displayName = m_settings->value(QStringLiteral("displayName")).toString();
    p.tenant = m_settings->value(QStringLiteral("tenant")).toString();
    Cloud cloud = Cloud::Global;
    if (parseCloud(m_settings->value(QStringLiteral("cloud")).toString(), &cloud))
        p.cloud = cloud;
    p.clientId = m_settings->value(QStringLiteral("clientId")).toString();
    p.loginRootOverride = m_settings->value(QStringLiteral("loginRoot")).toString();
    p.graphRootOverride = m_settings->value(QStringLiteral("graphRoot")).toString();
    m_settings->endGroup();
    if (!exists)
        return std::nullopt;
    return p;
}

QString ProfileStore::save(TenantProfile profile)
{
    if (!isSafeId(profile.id))
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_settings->beginGroup(kGroup + u'/' + profile.id);
    m_settings->remove(QString()); // drop keys an older version may have written
    m_settings->setValue(QStringLiteral("displayName"), profile.displayName);
    m_settings->setValue(QStringLiteral("tenant"), profile.tenant);
    m_settings->setValue(QStringLiteral("cloud"), QString::fromLatin1(cloudInfo(profile.cloud).cliName));
    m_settings->setValue(QStringLiteral("clientId"), profile.clientId);
    if (!profile.loginRootOverride.isEmpty())
        m_settings->setValue(QStringLiteral("loginRoot"), profile.loginRootOverride);
    if (!profile.graphRootOverride.isEmpty())
        m_settings->setValue(QStringLiteral("graphRoot"), profile.graphRootOverride);
    m_settings->endGroup();
    return profile.id;
}

void ProfileStore::remove(const QString &id)
{
    if (!isSafeId(id))
        return;
    m_settings->remove(kGroup + u'/' + id);
    if (activeProfileId() == id)
        m_settings->remove(kActiveKey);
}

QString ProfileStore::activeProfileId() const
{
    const QString id = m_settings->value(kActiveKey).toString();
    return find(id) ? id : QString();
}

void ProfileStore::setActiveProfileId(const QString &id)
{
    if (id.isEmpty())
        m_settings->remove(kActiveKey);
    else
        m_settings->setValue(kActiveKey, id);
}

} // namespace ea::auth
