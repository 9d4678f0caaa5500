#pragma once

#include "auth/AuthError.h"
#include "auth/IdentityClient.h"
#include "auth/TokenClaims.h"
#include "auth/TokenStore.h"
#include "graph/AccessTokenProvider.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace ea::auth {

// The AccessTokenProvider of a signed-in profile. The access token lives in
// memory only; the refresh token in memory and in the TokenStore under
// profile().tokenStoreKey().
//
// - A token within refreshMargin (5 min) of expiry is refreshed before use.
// - forceRefresh (GraphClient after a 401) refreshes once; a burst of 401s
//   shares that one refresh (a forced request within 10 s of a completed
//   refresh gets the fresh token instead of refreshing again).
// - Concurrent requests during a refresh wait for the same refresh.
// - Refresh tokens rotate: the newest is stored, the old one dropped.
// - A refresh that needs interaction (invalid_grant: revoked, expired,
//   reused; MFA; consent) forgets the tokens, removes the stored refresh
//   token, emits signInRequired() and fails the waiting calls with a
//   GraphError whose code is kSignInRequiredCode.
// - A refresh that fails for network reasons keeps everything; a still
//   valid access token is returned instead.
// - A fresh provider (a new run of the CLI or GUI) reads the stored refresh
//   token on its first requestAccessToken(), so a Session built on it works
//   without an explicit resumeStoredSession().
class SignedInTokenProvider : public QObject, public AccessTokenProvider
{
    Q_OBJECT
public:
    // identity and store must outlive the provider (identity may be its child).
    SignedInTokenProvider(IdentityClient *identity, TokenStore *store, QObject *parent = nullptr);
    ~SignedInTokenProvider() override;

    // Convenience for the GUI and CLI: a provider owning its IdentityClient for
    // `profile` (Session owns the provider). Its requests go through `network`
    // (not owned; must outlive the provider: SessionFactory passes the
    // session's). Without one it makes and owns its own, routed through the
    // process's proxy policy like Graph's.
    static std::unique_ptr<SignedInTokenProvider> create(
        const TenantProfile &profile, TokenStore *store, QNetworkAccessManager *network = nullptr);

    IdentityClient *identity() const { return m_identity; }
    const TenantProfile &profile() const { return m_identity->profile(); }

    // After a successful SignInFlow: keep the tokens, store the refresh token.
    // The receipt says whether it was persisted (and why not); storing never
    // fails the sign-in. done may be empty.
    void adoptSignIn(const TokenSet &tokens, const AuthCallback<SaveReceipt> &done = {});
    // Uses the refresh token stored for this profile (from an earlier run):
    // loads it and redeems it, then reports who is signed in (for `status`
    // and the window title). Reason::NotSignedIn when none is stored.
    // Not required before use: the first requestAccessToken() of a fresh
    // provider reads the store by itself (that is when the keychain is
    // first touched).
    void resumeStoredSession(const AuthCallback<TokenClaims> &done);
    // Forgets the tokens and removes the stored refresh token. Calls waiting
    // for a refresh fail (Cancelled).
    void signOut(const AuthCallback<Done> &done = {});

    bool hasAccessToken() const { return !m_accessToken.isEmpty(); }
    bool hasRefreshToken() const { return !m_refreshToken.isEmpty(); }
    QDateTime accessTokenExpiresAt() const { return m_expiresAt; }
    // Claims of the current access token (account, tenant id, permissions).
    TokenClaims claims() const;

    void setRefreshMargin(std::chrono::seconds margin) { m_refreshMargin = margin; }
    std::chrono::seconds refreshMargin() const { return m_refreshMargin; }
    static constexpr std::chrono::seconds kDefaultRefreshMargin {300};
    static constexpr std::chrono::milliseconds kForcedRefreshDebounce {10000};

    // Refreshes that reached the sign-in service (diagnostics, tests).
    int refreshCount() const { return m_refreshCount; }

    void requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done) override;

Q_SIGNALS:
    // Only a new interactive sign-in can continue; the GUI opens the sign-in dialog.
    void signInRequired(const ea::auth::AuthError &why);
    // A new access token arrived (sign-in or refresh); claims() changed.
    void accessTokenChanged();
    // The refresh token could not be kept in the keychain (receipt notice).
    void storageNotice(const QString &notice);

private:
    struct Waiter
    {
        bool forced = false;
        std::function<void(const AuthResult<QString> &)> done;
    };
    void acquire(bool forced, std::function<void(const AuthResult<QString> &)> done);
    void startRefresh();
    void onRefreshed(quint64 generation, const AuthResult<TokenSet> &result);
    void adopt(const TokenSet &tokens);
    void storeRefreshToken(const QString &refreshToken, const AuthCallback<SaveReceipt> &done);
    void forget();
    bool accessTokenUsable(std::chrono::seconds margin) const;

    IdentityClient *m_identity;
    TokenStore *m_store;
    QString m_accessToken; // memory only
    QString m_refreshToken; // memory and the TokenStore
    QDateTime m_expiresAt;
    std::chrono::seconds m_refreshMargin = kDefaultRefreshMargin;
    QPointer<IdentityRequest> m_refresh;
    QList<Waiter> m_waiters;
    QElapsedTimer m_sinceRefresh; // valid after the first successful refresh
    quint64 m_generation = 0; // bumped by sign-in and sign-out; stale refreshes are ignored
    bool m_storeChecked = false; // the TokenStore was read (or is known to hold nothing newer)
    bool m_loadingStoredToken = false;
    int m_refreshCount = 0;
};

} // namespace ea::auth
