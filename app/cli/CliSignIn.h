#pragma once

#include "auth/AuthError.h"
#include "auth/TenantProfile.h"
#include "auth/TokenClaims.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;
class QSettings;

namespace ea {

class CliContext;
class Session;
class SessionFactory;

namespace auth {
class FallbackTokenStore;
class ProfileStore;
class SignInFlow;
class SignedInTokenProvider;
class TokenStore;
struct SaveReceipt;
struct TokenSet;
} // namespace auth

// The CLI's side of signing in: options, profiles and refresh-token storage
// for the `login`, `logout` and `status` commands (commands/SignInCommands),
// and the stored sign-in the other commands use when no token is supplied.
// Profiles go to the settings the GUI shares (ProfileStore), refresh tokens
// to the system keychain; where there is none they stay in this process's
// memory and the user is told that the next command will need `login` again.
// Access tokens never leave memory.
class CliSignIn : public QObject
{
    Q_OBJECT
public:
    CliSignIn(CliContext *context, QObject *parent);
    ~CliSignIn() override;

    // Tests: profiles in `settings` and refresh tokens in `tokens` instead of
    // the shared settings and the system keychain (not owned), described as
    // `tokenStoreDescription` in `status`.
    void setStorage(QSettings *settings, auth::TokenStore *tokens, const QString &tokenStoreDescription);
    // How `login --browser` opens the sign-in page; returns false when it could not.
    using UrlOpener = std::function<bool(const QUrl &)>;
    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    const UrlOpener &urlOpener() const { return m_opener; }
    // The default opener: the desktop's URL handler, where one can be run
    // without a GUI library (xdg-open under X11/Wayland, open, the Windows shell).
    static bool openWithSystemHandler(const QUrl &url);

    static bool isSignInCommand(const QString &command);
    static void addOptions(QCommandLineParser *parser);
    // Keeps the option values. Empty, or a usage problem: a login option given
    // to another command.
    QString readOptions(const QCommandLineParser &parser, const QString &command);
    // Help rows: option and description.
    static QList<std::pair<QString, QString>> optionHelp();
    bool browserLogin() const { return m_browser; }

    // login / logout / status: checks the input (a problem means exit 2,
    // nothing sent) and selects the profile they work on.
    QString prepare(const QString &command);

    // The other commands, when no token is supplied: the profile named by
    // --profile or the active one. False and *problem (exit 2) when there is none.
    bool useStoredSession(QString *problem);
    bool profileWasNamed() const { return !m_profileName.isEmpty(); }
    const auth::TenantProfile &profile() const { return m_profile; }
    void setProfile(const auth::TenantProfile &profile) { m_profile = profile; }
    // The session of the stored sign-in, from `factory` (null and *problem when
    // the profile names no usable Graph).
    std::unique_ptr<Session> createSession(const SessionFactory &factory, QString *problem);
    // Redeems the stored refresh token before the first Graph request, so
    // "not signed in" is said before anything is sent. Then `then` with the
    // tenant the journal names; on failure the app finishes with the error.
    void resumeStoredSession(bool beforeWrite, std::function<void(const QString &tenantLabel)> then);

    // For the login, logout and status commands.
    QSettings *settings();
    auth::TokenStore *tokenStore();
    QString tokenStoreDescription();
    QString loginCommandHint() const;
    // login changed where the profile signs in: the old place's refresh token goes.
    QString replacedTokenKey() const { return m_replacedTokenKey; }
    // Exit 1 with the mapped sentence, the next step and the service's ids.
    void failSignIn(const auth::AuthError &error);
    // On stderr: what the granted permissions will not allow (nothing when all is there).
    void warnAboutPermissions(const auth::TokenClaims &claims);
    QList<std::pair<QString, QString>> profileRows() const;
    static QList<std::pair<QString, QString>> claimRows(const auth::TokenClaims &claims);
    QJsonObject profileJson() const;
    static QJsonObject claimsJson(const auth::TokenClaims &claims);
    static QJsonObject authErrorJson(const auth::AuthError &error);
    static QString formatUtc(const QDateTime &when);
    // Label/value lines without a header, aligned like the other tables.
    static QString labelledLines(const QList<std::pair<QString, QString>> &rows);

private:
    QString prepareLogin();
    QString prepareSelectedProfile();
    std::optional<auth::TenantProfile> findProfile(const QString &name);

    CliContext *m_cx;
    QSettings *m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    auth::TokenStore *m_tokens = nullptr;
    std::unique_ptr<auth::FallbackTokenStore> m_ownTokens;
    QString m_tokenStoreDescription;
    UrlOpener m_opener;

    // Options.
    QString m_command;
    bool m_deviceCode = false;
    bool m_browser = false;
    QString m_profileName;
    std::optional<QString> m_tenant;
    std::optional<QString> m_clientId;
    std::optional<QString> m_cloudName;
    std::optional<QString> m_loginUrl;

    auth::TenantProfile m_profile; // the one signed in to, out of or shown
    QString m_replacedTokenKey; // login changed where the profile signs in: its old refresh token goes
    QPointer<auth::SignedInTokenProvider> m_sessionProvider; // the other commands (the Session owns it)
};

} // namespace ea
