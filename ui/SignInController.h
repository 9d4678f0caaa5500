#pragma once

#include "auth/SignInFlow.h"
#include "auth/TenantProfile.h"
#include "auth/TokenClaims.h"
#include "domain/ApiVersion.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QMenu;
class QSettings;

namespace ea {
class Session;
}

namespace ea::auth {
class SignedInTokenProvider;
class TokenStore;
} // namespace ea::auth

namespace ea::ui {

class DeferredTokenStore;
class HoldingTokenProvider;
class MainWindow;
class SignInDialog;

// Which tenant the window works on, and who is signed in there. Owns the
// current Session and its MainWindow and replaces both when the tenant
// changes (another profile, the sandbox, a supplied token, sign-out), so
// nothing of one tenant — a selection, an Undo, a half-typed target — is ever
// carried into another. Adds the Account menu to each window.
//
// A profile's session uses a SignedInTokenProvider behind a thin provider
// that holds a Graph call needing a sign-in, opens the sign-in dialog, and
// lets the call continue once signed in (or fail with the reason if the
// dialog is closed). The token store is not touched before the first window
// has painted, so a keychain prompt never comes before the window.
class SignInController final : public QObject
{
    Q_OBJECT
public:
    struct Environment
    {
        QSettings *settings = nullptr; // the tenant profiles; not owned
        auth::TokenStore *tokenStore = nullptr; // refresh tokens; not owned
        auth::BrowserSignInFlow::UrlOpener openUrl; // the system browser (tests play it)
        // Starts the in-process sandbox and returns a session on it; null with *problem set if it cannot.
        std::function<std::unique_ptr<Session>(QString *problem)> openSandbox;
        ApiVersion apiVersion = ApiVersion::V1;
        QString auditJournalPath; // empty: the default journal
    };

    explicit SignInController(Environment environment, QObject *parent = nullptr);
    ~SignInController() override;

    // Start-up, one of these once.
    // A session made by the caller (--sandbox, a token from the environment).
    void startWithSession(std::unique_ptr<Session> session);
    // A profile that is not saved (the offline sign-in against the sandbox's
    // identity endpoints); sandbox marks the session as the sandbox tenant.
    void startWithProfile(const auth::TenantProfile &profile, bool sandbox);
    // The last active profile (its stored sign-in is used on first need), or
    // on the very first start the welcome dialog.
    void startFromSettings();

    MainWindow *window() const;
    Session *session() const;
    // The profile the session belongs to; nullopt for the sandbox, a supplied token or no session.
    std::optional<auth::TenantProfile> currentProfile() const { return m_profile; }
    auth::SignedInTokenProvider *tokenProvider() const { return m_provider; }
    SignInDialog *signInDialog() const;
    auth::ProfileStore &profileStore() { return m_profiles; }
    // The notice shown when sign-ins cannot be kept (empty when they can).
    QString storageNotice() const { return m_storageNotice; }

public Q_SLOTS:
    void signIn();
    void signOut();
    void exploreSandbox();
    void addProfile();
    void editProfile();
    void removeProfile();
    void switchToProfile(const QString &id);
    void useAccessToken();
    void showAccountDetails();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // A new window replaced the previous one (which is about to be deleted).
    void windowChanged(ea::ui::MainWindow *window);
    void signedIn();
    void signedOut();

private:
    struct Workspace;

    // Replaces the session and window; refused (false, with a message) while a write is in flight.
    bool replaceSession(std::unique_ptr<Session> session, const std::optional<auth::TenantProfile> &profile);
    bool activateProfile(const auth::TenantProfile &profile, bool sandbox = false);
    std::unique_ptr<Session> sessionForProfile(const auth::TenantProfile &profile, bool sandbox);
    void showWelcome();
    void openSignInDialog(const QString &why);
    void onSignInDialogFinished(bool signedIn);
    void onAccessTokenChanged();
    void showClaims(const auth::TokenClaims &claims);
    void showStorageNotice(const QString &notice);
    void buildMenu(MainWindow *window);
    void updateMenu();
    void tell(const QString &message);
    bool refuseWhileBusy();

    Environment m_env;
    auth::ProfileStore m_profiles;
    std::unique_ptr<DeferredTokenStore> m_store;
    std::unique_ptr<Workspace> m_current;
    std::optional<auth::TenantProfile> m_profile;
    auth::SignedInTokenProvider *m_provider = nullptr; // owned by the current session
    HoldingTokenProvider *m_holder = nullptr; // owned by the current session
    std::optional<auth::TokenClaims> m_suppliedClaims; // a supplied token's claims
    QPointer<SignInDialog> m_signInDialog;
    QPointer<QMenu> m_menu;
    QPointer<QLabel> m_storageLabel;
    QString m_storageNotice;
    bool m_storageNoticeShown = false;
};

} // namespace ea::ui
