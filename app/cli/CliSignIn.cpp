#include "cli/CliSignIn.h"

#include "auth/KeychainTokenStore.h"
#include "auth/SignInFlow.h"
#include "auth/SignedInTokenProvider.h"
#include "auth/TokenStore.h"
#include "cli/CliApp.h"
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
using auth::SaveReceipt;
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

QString formatUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s : u"-"_s;
}

// Label/value lines without a header, aligned like the other tables.
QString labelledLines(const QList<std::pair<QString, QString>> &rows)
{
    TextTable table({QString(), QString()});
    for (const auto &[label, value] : rows)
        table.addRow({label + u':', value});
    return table.toString().section(u'\n', 1);
}

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

CliSignIn::CliSignIn(CliApp *app)
    : QObject(app)
    , m_app(app)
    , m_opener(&CliSignIn::openWithSystemHandler)
{ }

CliSignIn::~CliSignIn()
{
    // A flow still running (the app is being torn down) ends before the provider it uses.
    delete m_flow;
}

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
    if (m_app->m_useSandbox)
        return tr("The sandbox needs no sign-in; use --sandbox with the other commands.");
    if (m_app->m_tokenFileGiven)
        return tr("--token-file supplies a token for one command instead of a sign-in; '%1' does not take one.")
            .arg(command);
    if (m_app->m_dryRun)
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
    if (m_app->m_graphUrlGiven) {
        QString problem;
        GraphEndpoint::fromRootUrl(m_app->m_graphUrl, ApiVersion::V1, &problem);
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
        if (m_app->m_graphUrlGiven)
            p.graphRootOverride = m_app->m_graphUrl;
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

    if (m_app->m_graphUrlGiven) {
        QString problem;
        const GraphEndpoint graph = GraphEndpoint::fromRootUrl(m_app->m_graphUrl, ApiVersion::V1, &problem);
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
                    return m_app->failInput(text);
                }
                return failSignIn(error);
            }
            const TokenClaims &claims = result.value();
            if (beforeWrite && !claims.canWriteEnrollment())
                warnAboutPermissions(claims);
            then(ids::isGuid(claims.tenantId) ? claims.tenantId : m_profile.tenant);
        });
}

// --- commands ---------------------------------------------------------------

void CliSignIn::run()
{
    if (m_command == kLogin)
        runLogin();
    else if (m_command == kLogout)
        runLogout();
    else
        runStatus();
}

void CliSignIn::runLogin()
{
    m_provider = SignedInTokenProvider::create(m_profile, tokenStore(), m_app->network());
    auth::IdentityClient *identity = m_provider->identity();
    m_app->writeErr(tr("Signing in to %1 with the app %2 at %3.\n")
                        .arg(m_profile.label(), m_profile.clientId, m_profile.loginRoot().toString()));
    if (m_browser) {
        auto *flow = new auth::BrowserSignInFlow(identity, m_opener, this);
        connect(flow, &auth::BrowserSignInFlow::authorizeUrlReady, this, [this](const QUrl &url) {
            m_app->writeErr(tr("Opening the sign-in page in the browser. If none opens, open this address in a "
                               "browser on this computer (it returns to 127.0.0.1 here):\n  %1\n"
                               "Waiting for the browser (at most 5 minutes)...\n")
                                .arg(url.toString(QUrl::FullyEncoded)));
        });
        connect(flow, &auth::BrowserSignInFlow::browserOpenFailed, this, [this] {
            m_app->writeErr(tr("No browser could be opened from here: open the address above yourself, or use "
                               "--device-code instead (over SSH, for one).\n"));
        });
        m_flow = flow;
    } else {
        auto *flow = new auth::DeviceCodeFlow(identity, this);
        connect(flow, &auth::DeviceCodeFlow::userCodeReady, this, [this](const auth::DeviceCode &code) {
            // The service's own sentence, in the user's language where it has one.
            const QString instruction = code.message.isEmpty()
                ? tr("To sign in, open %1 and enter the code %2.")
                      .arg(code.verificationUri.toString(QUrl::FullyEncoded), code.userCode)
                : code.message;
            m_app->writeErr(TextTable::terminalSafe(instruction) + u'\n'
                + tr("Waiting for the sign-in (the code expires at %1)...\n").arg(formatUtc(code.expiresAt)));
        });
        connect(flow, &auth::DeviceCodeFlow::pollIntervalChanged, this, [this](int seconds) {
            if (m_app->m_verbose)
                m_app->writeErr(tr("The sign-in service asked to poll more slowly: every %1 s now.\n").arg(seconds));
        });
        m_flow = flow;
    }
    connect(m_flow, &auth::SignInFlow::succeeded, this, &CliSignIn::onSignedIn);
    connect(m_flow, &auth::SignInFlow::failed, this, [this](const AuthError &error) { failSignIn(error); });
    m_flow->start();
}

void CliSignIn::onSignedIn(const auth::TokenSet &tokens)
{
    ProfileStore profiles(settings());
    m_profile.id = profiles.save(m_profile);
    profiles.setActiveProfileId(m_profile.id);
    settings()->sync();
    if (settings()->status() != QSettings::NoError) {
        m_app->writeErr(tr("Warning: the profile could not be saved in %1; the next command will not find this "
                           "sign-in.\n")
                            .arg(settings()->fileName()));
    }
    const auto adopt = [this, tokens] {
        m_provider->adoptSignIn(tokens, [this](const AuthResult<SaveReceipt> &receipt) {
            // FallbackTokenStore never fails a save; another store might, and the sign-in still worked.
            reportSignedIn(receipt
                    ? receipt.value()
                    : SaveReceipt {
                        false, tr("the refresh token could not be stored (%1)").arg(receipt.error().summary())});
        });
    };
    if (m_replacedTokenKey.isEmpty())
        return adopt();
    // The profile now signs in elsewhere: the old place's refresh token must not linger.
    tokenStore()->remove(m_replacedTokenKey, [adopt](const AuthResult<Done> &) { adopt(); });
}

void CliSignIn::reportSignedIn(const SaveReceipt &receipt)
{
    const TokenClaims claims = m_provider->claims();
    const QString storedIn = tokenStoreDescription();
    if (m_app->m_json) {
        QJsonObject object {{u"signedIn"_s, true}, {u"profile"_s, profileJson()}};
        const QJsonObject fromClaims = claimsJson(claims);
        for (auto it = fromClaims.constBegin(); it != fromClaims.constEnd(); ++it)
            object.insert(it.key(), it.value());
        object.insert(
            u"refreshToken"_s, QJsonObject {{u"persistent"_s, receipt.persistent}, {u"storedIn"_s, storedIn}});
        m_app->writeJson(object);
    } else {
        QString text = tr("Signed in to %1.\n").arg(TextTable::terminalSafe(m_profile.label()));
        QList<std::pair<QString, QString>> rows = claimRows(claims);
        rows.append({tr("Profile"), tr("%1 (active: commands without a token use it)").arg(m_profile.displayName)});
        // Not persistent in a persistent store: refused this time, or none was issued (the notice says which).
        const bool notStored = !receipt.persistent && tokenStore()->isPersistent();
        rows.append({tr("Refresh token"), notStored ? tr("not stored") : storedIn});
        m_app->writeOut(text + labelledLines(rows));
    }
    if (!receipt.persistent) {
        const QString why = receipt.notice.isEmpty() ? storedIn : receipt.notice;
        m_app->writeErr(tr("Note: %1. Here that means the sign-in ends with this command: the next command "
                           "will need 'login' again, or a token from --token-file or %2.\n")
                            .arg(TextTable::terminalSafe(why), QLatin1String(CliApp::kTokenVariable)));
    }
    warnAboutPermissions(claims);
    m_app->finish(CliApp::ExitOk);
}

void CliSignIn::runStatus()
{
    if (m_profile.tenant.isEmpty()) {
        if (m_app->m_json)
            m_app->writeJson(QJsonObject {{u"signedIn"_s, false}, {u"profile"_s, QJsonValue::Null}});
        else
            m_app->writeOut(tr("Not signed in: there is no profile yet.\n"));
        m_app->writeErr(tr("Sign in with '%1'.\n").arg(loginCommandHint()));
        return m_app->finish(CliApp::ExitFailure);
    }
    m_provider = SignedInTokenProvider::create(m_profile, tokenStore(), m_app->network());
    // Redeeming the stored refresh token is the only real test that the sign-in still works.
    m_provider->resumeStoredSession([this](const AuthResult<TokenClaims> &result) {
        const QString storedIn = tokenStoreDescription();
        if (m_app->m_json) {
            QJsonObject object {{u"signedIn"_s, result.ok()}, {u"profile"_s, profileJson()}};
            if (result) {
                const QJsonObject claims = claimsJson(result.value());
                for (auto it = claims.constBegin(); it != claims.constEnd(); ++it)
                    object.insert(it.key(), it.value());
                object.insert(u"refreshToken"_s,
                    QJsonObject {{u"persistent"_s, tokenStore()->isPersistent()}, {u"storedIn"_s, storedIn}});
            } else {
                object.insert(u"error"_s, authErrorJson(result.error()));
            }
            m_app->writeJson(object);
        } else {
            QList<std::pair<QString, QString>> rows = profileRows();
            if (result) {
                rows += claimRows(result.value());
                rows.append({tr("Refresh token"), storedIn});
            } else {
                rows.append({tr("Signed in"), tr("no")});
            }
            m_app->writeOut(labelledLines(rows));
        }
        if (!result) {
            const AuthError &error = result.error();
            if (error.reason != AuthError::Reason::NotSignedIn)
                return failSignIn(error); // with what support needs
            QString text = error.message + u' ' + tr("Sign in with '%1'.").arg(loginCommandHint());
            if (!tokenStore()->isPersistent())
                text += u" ("_s + tokenStore()->persistenceNotice() + u')';
            m_app->writeErr(TextTable::terminalSafe(text) + u'\n');
            return m_app->finish(CliApp::ExitFailure);
        }
        warnAboutPermissions(result.value());
        m_app->finish(CliApp::ExitOk);
    });
}

void CliSignIn::runLogout()
{
    if (m_profile.tenant.isEmpty()) {
        if (m_app->m_json)
            m_app->writeJson(QJsonObject {{u"signedOut"_s, true}, {u"profile"_s, QJsonValue::Null}});
        else
            m_app->writeOut(tr("Not signed in: there is no profile, so nothing was stored.\n"));
        return m_app->finish(CliApp::ExitOk);
    }
    m_provider = SignedInTokenProvider::create(m_profile, tokenStore(), m_app->network());
    m_provider->signOut([this](const AuthResult<Done> &result) {
        if (!result) {
            m_app->writeErr(tr("Error: the refresh token of %1 could not be removed from %2: %3\n")
                                .arg(m_profile.displayName, tokenStoreDescription(),
                                    TextTable::terminalSafe(result.error().summary())));
            return m_app->finish(CliApp::ExitFailure);
        }
        if (m_app->m_json) {
            m_app->writeJson(QJsonObject {{u"signedOut"_s, true}, {u"profile"_s, profileJson()}});
        } else {
            const QString where = tokenStore()->isPersistent()
                ? tr("its refresh token was removed from %1").arg(tokenStoreDescription())
                : tr("no keychain here, so nothing was stored");
            m_app->writeOut(tr("Signed out of %1: %2. The profile is kept; '%3' signs in again.\n")
                                .arg(TextTable::terminalSafe(m_profile.label()), where, loginCommandHint()));
        }
        // Entra ID has no revocation a public client can call.
        m_app->writeErr(tr("Access tokens already issued stay valid until they expire (about an hour); to end "
                           "every session at once, revoke the user's sessions in Entra ID.\n"));
        m_app->finish(CliApp::ExitOk);
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
    m_app->writeErr(text);
    m_app->finish(CliApp::ExitFailure);
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
    m_app->writeErr(text + u'\n');
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
