#include "cli/CliSignIn.h"

#include "auth/SignedInTokenProvider.h"
#include "auth/SystemTokenStore.h"
#include "auth/TokenStore.h"
#include "cli/CliApp.h"
#include "cli/CliContext.h"
#include "cli/TextTable.h"
#include "domain/Identifiers.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>

#include <array>

using namespace Qt::StringLiterals;

namespace ea {

using auth::AuthError;
using auth::AuthResult;
using auth::ProfileStore;
using auth::SignedInTokenProvider;
using auth::TenantProfile;
using auth::TokenClaims;
using cli::TextTable;

namespace {

const QString kLogin = u"login"_s;
const QString kLogout = u"logout"_s;
const QString kStatus = u"status"_s;
const QString kProfileOption = u"profile"_s;
// Options that only `login` reads; anywhere else they are a usage error.
constexpr std::array<const char *, 6> kLoginOnlyOptions
    = {"device-code", "browser", "tenant", "client-id", "cloud", "login-url"};

QString quotedIfNeeded(const QString &text)
{
    return text.contains(u' ') ? u'"' + text + u'"' : text;
}

QString systemKeychainName()
{
#if defined(Q_OS_WIN)
    return CliSignIn::tr("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return CliSignIn::tr("the macOS Keychain");
#else
    return CliSignIn::tr("the Secret Service keyring (GNOME Keyring or KWallet)");
#endif
}

} // namespace

QString CliSignIn::formatUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s : u"-"_s;
}

QString CliSignIn::labelledLines(const QList<std::pair<QString, QString>> &rows)
{
    TextTable table({QString(), QString()});
    for (const auto &[label, value] : rows)
        table.addRow({label + u':', value});
    return table.toString().section(u'\n', 1);
}

CliSignIn::CliSignIn(CliContext *context, QObject *parent)
    : QObject(parent)
    , m_cx(context)
    , m_opener(&CliSignIn::openWithSystemHandler)
{ }

CliSignIn::~CliSignIn() = default;

void CliSignIn::setStorage(QSettings *settings, auth::TokenStore *tokens, const QString &tokenStoreDescription)
{
    m_settings = settings;
    m_tokens = tokens;
    m_tokenStoreDescription = tokenStoreDescription;
}

QSettings *CliSignIn::settings()
{
    if (!m_settings) {
        m_ownSettings = ProfileStore::openSharedSettings();
        m_settings = m_ownSettings.get();
    }
    return m_settings;
}

auth::TokenStore *CliSignIn::tokenStore()
{
    if (!m_tokens) {
        m_ownTokens = auth::createSystemTokenStore();
        m_tokens = m_ownTokens.get();
    }
    return m_tokens;
}

QString CliSignIn::tokenStoreDescription()
{
    // Why it is not persistent is in the store's notice, said where it matters.
    if (!tokenStore()->isPersistent())
        return tr("the memory of this process only");
    if (!m_tokenStoreDescription.isEmpty())
        return m_tokenStoreDescription;
    return tr("%1, service \"%2\"").arg(systemKeychainName(), auth::kKeychainService);
}

bool CliSignIn::openWithSystemHandler(const QUrl &url)
{
    const QString address = url.toString(QUrl::FullyEncoded);
#if defined(Q_OS_WIN)
    // The shell's URL handler, without cmd.exe (which would split the address at '&').
    return QProcess::startDetached(u"rundll32"_s, {u"url.dll,FileProtocolHandler"_s, address});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(u"/usr/bin/open"_s, {address});
#else
    // Over SSH or on a text console there is no desktop to open it on; the
    // address is printed for the user either way.
    if (!qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return false;
    const QString xdgOpen = QStandardPaths::findExecutable(u"xdg-open"_s);
    return !xdgOpen.isEmpty() && QProcess::startDetached(xdgOpen, {address});
#endif
}

// --- options ----------------------------------------------------------------

bool CliSignIn::isSignInCommand(const QString &command)
{
    return command == kLogin || command == kLogout || command == kStatus;
}

void CliSignIn::addOptions(QCommandLineParser *parser)
{
    parser->addOptions({
        QCommandLineOption(u"device-code"_s),
        QCommandLineOption(u"browser"_s),
        QCommandLineOption(u"tenant"_s, QString(), u"TENANT"_s),
        QCommandLineOption(u"client-id"_s, QString(), u"CLIENT_ID"_s),
        QCommandLineOption(u"cloud"_s, QString(), u"CLOUD"_s),
        QCommandLineOption(u"login-url"_s, QString(), u"URL"_s),
        QCommandLineOption(kProfileOption, QString(), u"NAME"_s),
    });
}

QList<std::pair<QString, QString>> CliSignIn::optionHelp()
{
    return {
        {u"  --profile NAME"_s, tr("the stored sign-in to use (default: the last one signed in to)")},
        {u"  --device-code"_s, tr("login: show a code to enter at the sign-in page on any device")},
        {u"  --browser"_s, tr("login: sign in with the browser on this computer")},
        {u"  --tenant TENANT"_s, tr("login: tenant id or domain (contoso.onmicrosoft.com); 'organizations'")},
        {QString(), tr("for a multi-tenant app")},
        {u"  --client-id CLIENT_ID"_s, tr("login: the app registration's application (client) id")},
        {u"  --cloud CLOUD"_s, tr("login: global (default), usgov (GCC High), usgov-dod or china")},
        {u"  --login-url URL"_s, tr("login: another sign-in root (https; http only for 127.0.0.1 and")},
        {QString(), tr("localhost)")},
    };
}

QString CliSignIn::readOptions(const QCommandLineParser &parser, const QString &command)
{
    m_command = command;
    const auto valueIfSet = [&parser](const QString &name) -> std::optional<QString> {
        if (!parser.isSet(name))
            return std::nullopt;
        return parser.value(name).trimmed();
    };
    if (command != kLogin) {
        for (const char *name : kLoginOnlyOptions) {
            if (parser.isSet(QLatin1String(name)))
                return tr("--%1 belongs to 'login'.").arg(QLatin1String(name));
        }
    }
    m_deviceCode = parser.isSet(u"device-code"_s);
    m_browser = parser.isSet(u"browser"_s);
    m_tenant = valueIfSet(u"tenant"_s);
    m_clientId = valueIfSet(u"client-id"_s);
    m_cloudName = valueIfSet(u"cloud"_s);
    m_loginUrl = valueIfSet(u"login-url"_s);
    m_profileName = parser.value(kProfileOption).trimmed();
    if (parser.isSet(kProfileOption) && m_profileName.isEmpty())
        return tr("--profile needs the name of a profile.");
    return {};
}

// --- profiles ---------------------------------------------------------------

std::optional<TenantProfile> CliSignIn::findProfile(const QString &name)
{
    const QList<TenantProfile> profiles = ProfileStore(settings()).profiles();
    for (const TenantProfile &p : profiles) {
        if (p.id == name)
            return p;
    }
    for (const TenantProfile &p : profiles) {
        if (p.displayName.compare(name, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString CliSignIn::loginCommandHint() const
{
    const QString program = CliApp::programName();
    if (!m_profile.tenant.isEmpty() && !m_profile.displayName.isEmpty())
        return tr("%1 login --device-code --profile %2").arg(program, quotedIfNeeded(m_profile.displayName));
    return tr("%1 login --device-code --tenant TENANT --client-id CLIENT_ID").arg(program);
}

QString CliSignIn::prepare(const QString &command)
{
    if (m_cx->options.useSandbox)
        return tr("The sandbox needs no sign-in; use --sandbox with the other commands.");
    if (m_cx->options.tokenFileGiven)
        return tr("--token-file supplies a token for one command instead of a sign-in; '%1' does not take one.")
            .arg(command);
    if (m_cx->options.dryRun)
        return tr("--dry-run shows a Graph request; '%1' sends none.").arg(command);
    if (command == kLogin)
        return prepareLogin();
    return prepareSelectedProfile();
}

QString CliSignIn::prepareLogin()
{
    if (m_deviceCode == m_browser) {
        return m_deviceCode ? tr("Give either --device-code or --browser, not both.")
                            : tr("'login' needs --device-code (enter a code at the sign-in page on any device) or "
                                 "--browser (the browser on this computer).");
    }
    // Each given value is checked on its own first, so the message names the option.
    Cloud cloud = Cloud::Global;
    if (m_cloudName && !parseCloud(*m_cloudName, &cloud))
        return tr("--cloud: '%1' is not a cloud; use global, usgov, usgov-dod or china.")
            .arg(ids::printable(*m_cloudName, 40));
    if (m_tenant) {
        QString problem = TenantProfile::checkTenant(*m_tenant);
        const bool multiTenant = m_tenant->compare(u"organizations"_s, Qt::CaseInsensitive) == 0
            || m_tenant->compare(u"common"_s, Qt::CaseInsensitive) == 0;
        // A name without a dot is neither a tenant id nor a domain: sign-in would fail with AADSTS90002.
        if (problem.isEmpty() && !multiTenant && !ids::isGuid(*m_tenant) && !m_tenant->contains(u'.'))
            problem = tr("'%1' is neither a tenant id (a GUID) nor a domain such as contoso.onmicrosoft.com.")
                          .arg(ids::printable(*m_tenant, 100));
        if (!problem.isEmpty())
            return u"--tenant: "_s + problem;
    }
    if (m_clientId) {
        if (const QString problem = TenantProfile::checkClientId(*m_clientId); !problem.isEmpty())
            return u"--client-id: "_s + problem;
    }
    QUrl loginRoot;
    if (m_loginUrl) {
        if (const QString problem = TenantProfile::checkLoginRoot(*m_loginUrl, &loginRoot); !problem.isEmpty())
            return u"--login-url: "_s + problem;
    }
    if (m_cx->options.graphUrlGiven) {
        QString problem;
        GraphEndpoint::fromRootUrl(m_cx->options.graphUrl, ApiVersion::V1, &problem);
        if (!problem.isEmpty())
            return u"--graph-url: "_s + problem;
    }

    const auto applyOptions = [&](TenantProfile &p) {
        if (m_tenant)
            p.tenant = *m_tenant;
        if (m_clientId)
            p.clientId = *m_clientId;
        if (m_cloudName)
            p.cloud = cloud;
        if (m_loginUrl)
            p.loginRootOverride = loginRoot.toString();
        if (m_cx->options.graphUrlGiven)
            p.graphRootOverride = m_cx->options.graphUrl;
    };
    ProfileStore profiles(settings());
    std::optional<TenantProfile> existing;
    TenantProfile profile;
    if (!m_profileName.isEmpty()) {
        existing = findProfile(m_profileName);
        if (!existing) {
            profile.id = m_profileName; // ProfileStore replaces it by a new id if it cannot be a key
            profile.displayName = m_profileName;
        }
    } else if (m_tenant || m_clientId) {
        // Signing in to the same place again (tenant, app, sign-in root) reuses its profile.
        applyOptions(profile);
        const QList<TenantProfile> all = profiles.profiles();
        for (const TenantProfile &p : all) {
            if (p.cloud == profile.cloud && p.tokenStoreKey() == profile.tokenStoreKey()) {
                existing = p;
                break;
            }
        }
    } else {
        existing = profiles.find(profiles.activeProfileId());
        if (!existing) {
            return tr("There is no profile to sign in to yet: give --tenant TENANT and --client-id CLIENT_ID "
                      "(see the README, \"Signing in to your tenant\").");
        }
    }
    if (existing)
        profile = *existing;
    applyOptions(profile);
    if (profile.displayName.isEmpty())
        profile.displayName = profile.tenant;

    if (m_cx->options.graphUrlGiven) {
        QString problem;
        const GraphEndpoint graph = GraphEndpoint::fromRootUrl(m_cx->options.graphUrl, ApiVersion::V1, &problem);
        if (!profile.tokensMayGoTo(graph.root())) {
            return tr("--graph-url: %1 is not the Graph of the %2 cloud (%3), and a signed-in token is sent only "
                      "there (or to a loopback address for testing). Drop --graph-url, or give --cloud for a "
                      "national cloud.")
                .arg(graph.root().toString(), cloudDisplayName(profile.cloud), profile.graphResource());
        }
    }
    if (profile.tenant.isEmpty())
        return u"--tenant: "_s + TenantProfile::checkTenant(profile.tenant);
    if (profile.clientId.isEmpty())
        return u"--client-id: "_s + TenantProfile::checkClientId(profile.clientId);
    if (const QString problem = profile.validate(); !problem.isEmpty())
        return problem;
    if (existing && existing->tokenStoreKey() != profile.tokenStoreKey())
        m_replacedTokenKey = existing->tokenStoreKey();
    m_profile = profile;
    return {};
}

QString CliSignIn::prepareSelectedProfile()
{
    if (!m_profileName.isEmpty()) {
        const std::optional<TenantProfile> found = findProfile(m_profileName);
        if (!found) {
            return tr("There is no profile named '%1'; 'login --profile %1' creates it.")
                .arg(ids::printable(m_profileName, 80));
        }
        m_profile = *found;
        return {};
    }
    ProfileStore profiles(settings());
    m_profile = profiles.find(profiles.activeProfileId()).value_or(TenantProfile {});
    return {};
}

bool CliSignIn::useStoredSession(QString *problem)
{
    *problem = prepareSelectedProfile();
    if (!problem->isEmpty())
        return false;
    if (m_profile.tenant.isEmpty()) {
        *problem = tr("No access token and no sign-in. Sign in once with '%1' (or --browser), or supply a token "
                      "with --token-file PATH (--token-file - reads standard input) or in the environment "
                      "variable %2; it is never taken from the command line. To try the tool without a tenant, "
                      "use --sandbox.")
                       .arg(loginCommandHint(), QLatin1String(CliApp::kTokenVariable));
        return false;
    }
    if (const QString invalid = m_profile.validate(); !invalid.isEmpty()) {
        *problem = tr("The profile '%1' cannot be used: %2").arg(m_profile.displayName, invalid);
        return false;
    }
    return true;
}

std::unique_ptr<Session> CliSignIn::createSession(const SessionFactory &factory, QString *problem)
{
    SignedInTokenProvider *provider = nullptr;
    std::unique_ptr<Session> session = factory.forProfile(m_profile, tokenStore(), problem, &provider);
    m_sessionProvider = provider;
    return session;
}

void CliSignIn::resumeStoredSession(bool beforeWrite, std::function<void(const QString &)> then)
{
    Q_ASSERT(m_sessionProvider);
    m_sessionProvider->resumeStoredSession(
        [this, beforeWrite, then = std::move(then)](const AuthResult<TokenClaims> &result) {
            if (!result) {
                const AuthError &error = result.error();
                if (error.reason == AuthError::Reason::NotSignedIn && error.kind == AuthError::Kind::OAuth) {
                    // Nothing was stored, so nothing was sent: like a missing token.
                    QString text = error.message + u' ' + tr("Sign in with '%1'.").arg(loginCommandHint());
                    if (!tokenStore()->isPersistent())
                        text += u" ("_s + tokenStore()->persistenceNotice() + u')';
                    return m_cx->failInput(text);
                }
                return failSignIn(error);
            }
            const TokenClaims &claims = result.value();
            if (beforeWrite && !claims.canWriteEnrollment())
                warnAboutPermissions(claims);
            then(ids::isGuid(claims.tenantId) ? claims.tenantId : m_profile.tenant);
        });
}

// --- output -----------------------------------------------------------------

void CliSignIn::failSignIn(const AuthError &error)
{
    // details(): the sentence, the next step, then what support needs (code, trace and correlation ids).
    QStringList lines = error.details().split(u'\n');
    QString text = tr("Error: %1\n").arg(TextTable::terminalSafe(lines.takeFirst()));
    for (const QString &line : std::as_const(lines))
        text += u"  "_s + TextTable::terminalSafe(line) + u'\n';
    if (error.requiresInteractiveSignIn() && m_command != kLogin)
        text += tr("Sign in again with '%1'.\n").arg(loginCommandHint());
    m_cx->writeErr(text);
    m_cx->finish(CliApp::ExitFailure);
}

void CliSignIn::warnAboutPermissions(const TokenClaims &claims)
{
    if (!claims.isValid())
        return; // not a JWT (it may be opaque): Graph has the last word
    const QString missing = claims.missingPermissionsDescription();
    if (missing.isEmpty())
        return;
    QString text = tr("Warning: %1").arg(missing);
    if (!claims.canSearchGroups())
        text += u' ' + tr("Here: give targets as group:GROUP_ID; 'groups' will be refused.");
    m_cx->writeErr(text + u'\n');
}

QList<std::pair<QString, QString>> CliSignIn::profileRows() const
{
    QString problem;
    const GraphEndpoint graph = m_profile.graphEndpoint(ApiVersion::V1, &problem);
    return {
        {tr("Profile"), m_profile.displayName},
        {tr("Tenant"), m_profile.tenant},
        {tr("Cloud"), cloudDisplayName(m_profile.cloud)},
        {tr("Client id"), m_profile.clientId},
        {tr("Sign-in URL"), m_profile.loginRoot().toString()},
        {tr("Graph URL"), graph.root().toString()},
    };
}

QList<std::pair<QString, QString>> CliSignIn::claimRows(const TokenClaims &claims)
{
    if (!claims.isValid())
        return {{tr("Account"), tr("unknown (%1)").arg(claims.parseError)}};
    const QString account = claims.name.isEmpty() || claims.name == claims.account
        ? claims.account
        : tr("%1 (%2)").arg(claims.account, claims.name);
    QStringList permissions = claims.scopes + claims.roles;
    permissions.sort(Qt::CaseInsensitive);
    return {
        {tr("Account"), account},
        {tr("Tenant id"), claims.tenantId},
        {tr("Permissions"), permissions.isEmpty() ? tr("none") : permissions.join(u", "_s)},
        {tr("Access token valid until"), formatUtc(claims.expiresAt)},
    };
}

QJsonObject CliSignIn::profileJson() const
{
    QString problem;
    const GraphEndpoint graph = m_profile.graphEndpoint(ApiVersion::V1, &problem);
    return {
        {u"id"_s, m_profile.id},
        {u"name"_s, m_profile.displayName},
        {u"tenant"_s, m_profile.tenant},
        {u"cloud"_s, QLatin1String(cloudInfo(m_profile.cloud).cliName)},
        {u"clientId"_s, m_profile.clientId},
        {u"loginUrl"_s, m_profile.loginRoot().toString()},
        {u"graphUrl"_s, graph.root().toString()},
    };
}

QJsonObject CliSignIn::claimsJson(const TokenClaims &claims)
{
    QJsonArray permissions;
    for (const QString &p : claims.scopes + claims.roles)
        permissions.append(p);
    return {
        {u"account"_s, claims.account},
        {u"tenantId"_s, claims.tenantId},
        {u"permissions"_s, permissions},
        {u"accessTokenExpiresAt"_s,
            claims.expiresAt.isValid() ? QJsonValue(claims.expiresAt.toUTC().toString(Qt::ISODate)) : QJsonValue()},
        {u"missingPermissions"_s, claims.isValid() ? claims.missingPermissionsDescription() : QString()},
    };
}

QJsonObject CliSignIn::authErrorJson(const AuthError &error)
{
    QJsonObject object {{u"message"_s, error.message}, {u"nextStep"_s, error.nextStep}};
    if (!error.error.isEmpty())
        object.insert(u"error"_s, error.error);
    if (const qint64 code = error.aadstsCode(); code > 0)
        object.insert(u"aadsts"_s, code);
    if (!error.traceId.isEmpty())
        object.insert(u"traceId"_s, error.traceId);
    if (!error.correlationId.isEmpty())
        object.insert(u"correlationId"_s, error.correlationId);
    return object;
}

} // namespace ea
