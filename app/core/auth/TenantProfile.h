#pragma once

#include "domain/ApiVersion.h"
#include "graph/GraphEndpoint.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace ea::auth {

// Microsoft Graph Command Line Tools: a public client many community tools
// use when a tenant has no app of its own.
inline constexpr char kGraphCommandLineToolsClientId[] = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
// The Intune PowerShell app, retired in 2024 (fails with AADSTS700016). Refused.
inline constexpr char kRetiredIntunePowerShellClientId[] = "d1ddf0e4-d672-4dae-b554-9d5bdfd93547";

// One tenant the admin signs in to: where, as which app, in which cloud. A
// plain value; the refresh token is never part of it (see TokenStore).
struct TenantProfile
{
    Q_DECLARE_TR_FUNCTIONS(TenantProfile)
public:
    QString id; // stable key in the ProfileStore; empty for an ad-hoc profile (CLI flags)
    QString displayName; // "Contoso production"
    QString tenant; // tenant id (GUID), a verified domain, or "organizations"
    Cloud cloud = Cloud::Global;
    QString clientId;
    // Empty: the cloud's sign-in root. Otherwise a root (scheme, host, port)
    // such as the sandbox's http://127.0.0.1:PORT. Plain http only for loopback.
    QString loginRootOverride;
    // Empty: the cloud's Graph root. Same rules as GraphEndpoint::fromRootUrl.
    QString graphRootOverride;

    // Empty when the profile can be used; otherwise one sentence naming the
    // first problem (tenant, client id, login URL, Graph URL).
    QString validate() const;

    // https://login.microsoftonline.com, or the override (normalized, no trailing slash).
    QUrl loginRoot() const;
    // https://{login}/{tenant}
    QString authority() const;
    QUrl authorizeEndpoint() const; // {authority}/oauth2/v2.0/authorize
    QUrl tokenEndpoint() const; // {authority}/oauth2/v2.0/token
    QUrl deviceCodeEndpoint() const; // {authority}/oauth2/v2.0/devicecode
    // The Graph resource of the profile's cloud, e.g. https://graph.microsoft.us.
    // Tokens are per cloud, so .default names this even when the Graph root is overridden.
    QString graphResource() const;
    // "https://{graph host}/.default offline_access openid profile"
    QString scope() const;
    // Where Graph calls go (the override or the cloud's root). Invalid and
    // *problem set if the override is not usable.
    GraphEndpoint graphEndpoint(ApiVersion version, QString *problem) const;

    // True when this profile's tokens may be sent to a Graph root at graphUrl:
    // the https Graph host of the profile's cloud (port 443), or a loopback
    // root the profile itself names (its Graph override, or its sign-in root
    // for the sandbox and tests, which serve Graph and sign-in on one port).
    // Anything else (a --graph-url pointing elsewhere, another cloud's Graph)
    // would hand a stored sign-in's token to a host it was not issued for;
    // a custom Graph URL takes a token supplied explicitly instead.
    bool tokensMayGoTo(const QUrl &graphUrl) const;

    // The TokenStore key of this profile's refresh token. Derived from the
    // sign-in root, tenant and client id (case-folded), not from `id`, so the
    // CLI finds the same entry from flags alone and a changed tenant never
    // reuses an old token.
    QString tokenStoreKey() const;
    // "Contoso production — contoso.onmicrosoft.com (Global)" for window titles.
    QString label() const;

    // Each returns an empty string when the value is usable, else a sentence.
    static QString checkTenant(const QString &tenant);
    static QString checkClientId(const QString &clientId);
    // On success *normalized holds scheme://host[:port] (no path).
    static QString checkLoginRoot(const QString &url, QUrl *normalized);

    friend bool operator==(const TenantProfile &, const TenantProfile &) = default;
};

// The tenant profiles and which one is active, in QSettings (group
// "auth/profiles"). Holds no token: refresh tokens live in the TokenStore,
// access tokens only in memory.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings *settings); // not owned; must outlive the store

    // The settings the GUI and the CLI share ("Enrollment Assigner" /
    // "Enrollment Assigner", native format, user scope), independent of each
    // executable's application name, so `login` in one is seen by the other.
    static std::unique_ptr<QSettings> openSharedSettings();

    QList<TenantProfile> profiles() const; // sorted by display name
    std::optional<TenantProfile> find(const QString &id) const;
    // Inserts or replaces by id; an empty id gets a new one. Returns the id.
    QString save(TenantProfile profile);
    void remove(const QString &id);

    QString activeProfileId() const; // empty when none
    void setActiveProfileId(const QString &id);

private:
    QSettings *m_settings;
};

} // namespace ea::auth
