#include "cli/commands/SignInCommands.h"

#include "auth/SignInFlow.h"
#include "auth/SignedInTokenProvider.h"
#include "auth/TokenStore.h"
#include "cli/CliApp.h"
#include "cli/CliSignIn.h"
#include "cli/TextTable.h"

#include <QJsonObject>
#include <QSettings>

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

SignInCommand::SignInCommand(CliContext &context, const QString &command)
    : CliCommand(context)
    , m_signIn(*context.signIn)
    , m_command(command)
{ }

SignInCommand::~SignInCommand() = default;

QString SignInCommand::prepare(const QStringList &)
{
    return m_signIn.prepare(m_command);
}

LoginCommand::LoginCommand(CliContext &context)
    : SignInCommand(context, u"login"_s)
{ }

LoginCommand::~LoginCommand()
{
    // A flow still running (the app is being torn down) ends before the provider it uses.
    delete m_flow;
}

LogoutCommand::LogoutCommand(CliContext &context)
    : SignInCommand(context, u"logout"_s)
{ }

StatusCommand::StatusCommand(CliContext &context)
    : SignInCommand(context, u"status"_s)
{ }

void LoginCommand::run()
{
    m_provider = SignedInTokenProvider::create(m_signIn.profile(), m_signIn.tokenStore(), m_cx.network);
    auth::IdentityClient *identity = m_provider->identity();
    m_cx.writeErr(
        tr("Signing in to %1 with the app %2 at %3.\n")
            .arg(m_signIn.profile().label(), m_signIn.profile().clientId, m_signIn.profile().loginRoot().toString()));
    if (m_signIn.browserLogin()) {
        auto *flow = new auth::BrowserSignInFlow(identity, m_signIn.urlOpener(), this);
        connect(flow, &auth::BrowserSignInFlow::authorizeUrlReady, this, [this](const QUrl &url) {
            m_cx.writeErr(tr("Opening the sign-in page in the browser. If none opens, open this address in a "
                             "browser on this computer (it returns to 127.0.0.1 here):\n  %1\n"
                             "Waiting for the browser (at most 5 minutes)...\n")
                              .arg(url.toString(QUrl::FullyEncoded)));
        });
        connect(flow, &auth::BrowserSignInFlow::browserOpenFailed, this, [this] {
            m_cx.writeErr(tr("No browser could be opened from here: open the address above yourself, or use "
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
            m_cx.writeErr(TextTable::terminalSafe(instruction) + u'\n'
                + tr("Waiting for the sign-in (the code expires at %1)...\n").arg(m_signIn.formatUtc(code.expiresAt)));
        });
        connect(flow, &auth::DeviceCodeFlow::pollIntervalChanged, this, [this](int seconds) {
            if (m_cx.options.verbose)
                m_cx.writeErr(tr("The sign-in service asked to poll more slowly: every %1 s now.\n").arg(seconds));
        });
        m_flow = flow;
    }
    connect(m_flow, &auth::SignInFlow::succeeded, this, &LoginCommand::onSignedIn);
    connect(m_flow, &auth::SignInFlow::failed, this, [this](const AuthError &error) { m_signIn.failSignIn(error); });
    m_flow->start();
}

void LoginCommand::onSignedIn(const auth::TokenSet &tokens)
{
    ProfileStore profiles(m_signIn.settings());
    TenantProfile profile = m_signIn.profile();
    profile.id = profiles.save(profile);
    m_signIn.setProfile(profile);
    profiles.setActiveProfileId(profile.id);
    m_signIn.settings()->sync();
    if (m_signIn.settings()->status() != QSettings::NoError) {
        m_cx.writeErr(tr("Warning: the profile could not be saved in %1; the next command will not find this "
                         "sign-in.\n")
                          .arg(m_signIn.settings()->fileName()));
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
    if (m_signIn.replacedTokenKey().isEmpty())
        return adopt();
    // The profile now signs in elsewhere: the old place's refresh token must not linger.
    m_signIn.tokenStore()->remove(m_signIn.replacedTokenKey(), [adopt](const AuthResult<Done> &) { adopt(); });
}

void LoginCommand::reportSignedIn(const SaveReceipt &receipt)
{
    const TokenClaims claims = m_provider->claims();
    const QString storedIn = m_signIn.tokenStoreDescription();
    if (m_cx.options.json) {
        QJsonObject object {{u"signedIn"_s, true}, {u"profile"_s, m_signIn.profileJson()}};
        const QJsonObject fromClaims = m_signIn.claimsJson(claims);
        for (auto it = fromClaims.constBegin(); it != fromClaims.constEnd(); ++it)
            object.insert(it.key(), it.value());
        object.insert(
            u"refreshToken"_s, QJsonObject {{u"persistent"_s, receipt.persistent}, {u"storedIn"_s, storedIn}});
        m_cx.writeJson(object);
    } else {
        QString text = tr("Signed in to %1.\n").arg(TextTable::terminalSafe(m_signIn.profile().label()));
        QList<std::pair<QString, QString>> rows = m_signIn.claimRows(claims);
        rows.append(
            {tr("Profile"), tr("%1 (active: commands without a token use it)").arg(m_signIn.profile().displayName)});
        // Not persistent in a persistent store: refused this time, or none was issued (the notice says which).
        const bool notStored = !receipt.persistent && m_signIn.tokenStore()->isPersistent();
        rows.append({tr("Refresh token"), notStored ? tr("not stored") : storedIn});
        m_cx.writeOut(text + m_signIn.labelledLines(rows));
    }
    if (!receipt.persistent) {
        const QString why = receipt.notice.isEmpty() ? storedIn : receipt.notice;
        m_cx.writeErr(tr("Note: %1. Here that means the sign-in ends with this command: the next command "
                         "will need 'login' again, or a token from --token-file or %2.\n")
                          .arg(TextTable::terminalSafe(why), QLatin1String(CliApp::kTokenVariable)));
    }
    m_signIn.warnAboutPermissions(claims);
    m_cx.finish(CliApp::ExitOk);
}

void StatusCommand::run()
{
    if (m_signIn.profile().tenant.isEmpty()) {
        if (m_cx.options.json)
            m_cx.writeJson(QJsonObject {{u"signedIn"_s, false}, {u"profile"_s, QJsonValue::Null}});
        else
            m_cx.writeOut(tr("Not signed in: there is no profile yet.\n"));
        m_cx.writeErr(tr("Sign in with '%1'.\n").arg(m_signIn.loginCommandHint()));
        return m_cx.finish(CliApp::ExitFailure);
    }
    m_provider = SignedInTokenProvider::create(m_signIn.profile(), m_signIn.tokenStore(), m_cx.network);
    // Redeeming the stored refresh token is the only real test that the sign-in still works.
    m_provider->resumeStoredSession([this](const AuthResult<TokenClaims> &result) {
        const QString storedIn = m_signIn.tokenStoreDescription();
        if (m_cx.options.json) {
            QJsonObject object {{u"signedIn"_s, result.ok()}, {u"profile"_s, m_signIn.profileJson()}};
            if (result) {
                const QJsonObject claims = m_signIn.claimsJson(result.value());
                for (auto it = claims.constBegin(); it != claims.constEnd(); ++it)
                    object.insert(it.key(), it.value());
                object.insert(u"refreshToken"_s,
                    QJsonObject {{u"persistent"_s, m_signIn.tokenStore()->isPersistent()}, {u"storedIn"_s, storedIn}});
            } else {
                object.insert(u"error"_s, m_signIn.authErrorJson(result.error()));
            }
            m_cx.writeJson(object);
        } else {
            QList<std::pair<QString, QString>> rows = m_signIn.profileRows();
            if (result) {
                rows += m_signIn.claimRows(result.value());
                rows.append({tr("Refresh token"), storedIn});
            } else {
                rows.append({tr("Signed in"), tr("no")});
            }
            m_cx.writeOut(m_signIn.labelledLines(rows));
        }
        if (!result) {
            const AuthError &error = result.error();
            if (error.reason != AuthError::Reason::NotSignedIn)
                return m_signIn.failSignIn(error); // with what support needs
            QString text = error.message + u' ' + tr("Sign in with '%1'.").arg(m_signIn.loginCommandHint());
            if (!m_signIn.tokenStore()->isPersistent())
                text += u" ("_s + m_signIn.tokenStore()->persistenceNotice() + u')';
            m_cx.writeErr(TextTable::terminalSafe(text) + u'\n');
            return m_cx.finish(CliApp::ExitFailure);
        }
        m_signIn.warnAboutPermissions(result.value());
        m_cx.finish(CliApp::ExitOk);
    });
}

void LogoutCommand::run()
{
    if (m_signIn.profile().tenant.isEmpty()) {
        if (m_cx.options.json)
            m_cx.writeJson(QJsonObject {{u"signedOut"_s, true}, {u"profile"_s, QJsonValue::Null}});
        else
            m_cx.writeOut(tr("Not signed in: there is no profile, so nothing was stored.\n"));
        return m_cx.finish(CliApp::ExitOk);
    }
    m_provider = SignedInTokenProvider::create(m_signIn.profile(), m_signIn.tokenStore(), m_cx.network);
    m_provider->signOut([this](const AuthResult<Done> &result) {
        if (!result) {
            m_cx.writeErr(tr("Error: the refresh token of %1 could not be removed from %2: %3\n")
                              .arg(m_signIn.profile().displayName, m_signIn.tokenStoreDescription(),
                                  TextTable::terminalSafe(result.error().summary())));
            return m_cx.finish(CliApp::ExitFailure);
        }
        if (m_cx.options.json) {
            m_cx.writeJson(QJsonObject {{u"signedOut"_s, true}, {u"profile"_s, m_signIn.profileJson()}});
        } else {
            const QString where = m_signIn.tokenStore()->isPersistent()
                ? tr("its refresh token was removed from %1").arg(m_signIn.tokenStoreDescription())
                : tr("no keychain here, so nothing was stored");
            m_cx.writeOut(
                tr("Signed out of %1: %2. The profile is kept; '%3' signs in again.\n")
                    .arg(TextTable::terminalSafe(m_signIn.profile().label()), where, m_signIn.loginCommandHint()));
        }
        // Entra ID has no revocation a public client can call.
        m_cx.writeErr(tr("Access tokens already issued stay valid until they expire (about an hour); to end "
                         "every session at once, revoke the user's sessions in Entra ID.\n"));
        m_cx.finish(CliApp::ExitOk);
    });
}

} // namespace ea
