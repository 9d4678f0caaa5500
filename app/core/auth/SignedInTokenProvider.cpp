#include "auth/SignedInTokenProvider.h"

#include "Logging.h"
#include "net/ProxyAccess.h"

#include <QNetworkAccessManager>

namespace ea::auth {

SignedInTokenProvider::SignedInTokenProvider(IdentityClient *identity, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_identity(identity)
    , m_store(store)
{ }

SignedInTokenProvider::~SignedInTokenProvider()
{
    if (m_refresh)
        m_refresh->cancel();
}

std::unique_ptr<SignedInTokenProvider> SignedInTokenProvider::create(
    const TenantProfile &profile, TokenStore *store, QNetworkAccessManager *network)
{
    const bool ownNetwork = network == nullptr;
    if (ownNetwork) {
        network = new QNetworkAccessManager;
        // Sign-in goes the same way as Graph: through the process's proxy policy.
        net::ProxyAccess::attachTo(network);
    }
    auto *identity = new IdentityClient(network, profile);
    if (ownNetwork)
        network->setParent(identity);
    auto provider = std::make_unique<SignedInTokenProvider>(identity, store);
    identity->setParent(provider.get());
    return provider;
}

TokenClaims SignedInTokenProvider::claims() const
{
    return TokenClaims::fromAccessToken(m_accessToken);
}

bool SignedInTokenProvider::accessTokenUsable(std::chrono::seconds margin) const
{
    return !m_accessToken.isEmpty() && m_expiresAt.isValid()
        && QDateTime::currentDateTimeUtc().addSecs(margin.count()) < m_expiresAt;
}

void SignedInTokenProvider::requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done)
{
    if (!forceRefresh && accessTokenUsable(m_refreshMargin)) {
        done(m_accessToken);
        return;
    }
    // A burst of 401s (several calls in flight with the old token) shares the
    // refresh that the first of them caused.
    if (forceRefresh && m_sinceRefresh.isValid() && m_sinceRefresh.elapsed() < kForcedRefreshDebounce.count()
        && accessTokenUsable(std::chrono::seconds(0))) {
        done(m_accessToken);
        return;
    }
    if (m_refreshToken.isEmpty() && m_storeChecked) {
        if (!forceRefresh && accessTokenUsable(std::chrono::seconds(0))) {
            done(m_accessToken); // close to expiry, but nothing to refresh with
            return;
        }
        const AuthError e = AuthError::local(AuthError::Kind::OAuth, AuthError::Reason::NotSignedIn,
            m_accessToken.isEmpty() ? tr("Not signed in to %1.").arg(profile().label())
                                    : tr("The access token for %1 expired or was rejected, and there is no refresh "
                                         "token to renew it.")
                                          .arg(profile().label()),
            tr("Sign in again (browser or device code)."));
        if (!m_accessToken.isEmpty())
            Q_EMIT signInRequired(e);
        done(e.toGraphError());
        return;
    }
    acquire(forceRefresh, [done](const AuthResult<QString> &r) {
        if (r)
            done(r.value());
        else
            done(r.error().toGraphError());
    });
}

void SignedInTokenProvider::acquire(bool forced, std::function<void(const AuthResult<QString> &)> done)
{
    m_waiters.append({forced, std::move(done)});
    if (m_refresh || m_loadingStoredToken)
        return; // joins the refresh (or the keychain read) in progress
    if (!m_refreshToken.isEmpty()) {
        startRefresh();
        return;
    }
    // Nothing in memory yet: the refresh token of an earlier run, read from
    // the keychain on first use (never at start-up).
    m_loadingStoredToken = true;
    const quint64 generation = m_generation;
    QPointer<SignedInTokenProvider> self(this);
    m_store->load(profile().tokenStoreKey(), [self, generation](const AuthResult<std::optional<QString>> &r) {
        if (!self || generation != self->m_generation)
            return; // signed in or out meanwhile; the waiters were answered then
        self->m_loadingStoredToken = false;
        self->m_storeChecked = true;
        if (r && r.value() && !r.value()->isEmpty()) {
            self->m_refreshToken = *r.value();
            self->startRefresh();
            return;
        }
        const AuthError e = r ? AuthError::local(AuthError::Kind::OAuth, AuthError::Reason::NotSignedIn,
                                tr("There is no saved sign-in for %1.").arg(self->profile().label()),
                                tr("Sign in with the browser or a device code."))
                              : r.error();
        const QList<Waiter> waiters = std::exchange(self->m_waiters, {});
        for (const Waiter &w : waiters) {
            if (!self)
                return;
            w.done(e);
        }
    });
}

void SignedInTokenProvider::startRefresh()
{
    ++m_refreshCount;
    const quint64 generation = m_generation;
    QPointer<SignedInTokenProvider> self(this);
    m_refresh = m_identity->redeemRefreshToken(m_refreshToken, [self, generation](const AuthResult<TokenSet> &r) {
        if (self)
            self->onRefreshed(generation, r);
    });
}

void SignedInTokenProvider::onRefreshed(quint64 generation, const AuthResult<TokenSet> &result)
{
    if (generation != m_generation)
        return; // signed out or signed in anew meanwhile; the waiters were answered then
    m_refresh = nullptr;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    QPointer<SignedInTokenProvider> self(this);

    if (result) {
        adopt(result.value());
        m_sinceRefresh.start();
        qCInfo(lcAuth).noquote() << "Access token refreshed; valid until" << m_expiresAt.toString(Qt::ISODate);
        Q_EMIT accessTokenChanged();
        for (const Waiter &w : waiters) {
            if (!self)
                return;
            w.done(m_accessToken);
        }
        return;
    }

    const AuthError &error = result.error();
    if (error.requiresInteractiveSignIn()) {
        qCInfo(lcAuth).noquote() << "Refresh refused; interactive sign-in needed:" << error.error << error.aadstsCode();
        forget();
        m_store->remove(profile().tokenStoreKey(), [](const AuthResult<Done> &r) {
            if (!r)
                qCWarning(lcAuth).noquote() << "Could not remove the stored refresh token:" << r.error().message;
        });
        Q_EMIT signInRequired(error);
        for (const Waiter &w : waiters) {
            if (!self)
                return;
            w.done(error);
        }
        return;
    }
    // The service could not be asked (network, timeout): keep everything and
    // let a still valid token serve those who did not see a 401.
    for (const Waiter &w : waiters) {
        if (!self)
            return;
        if (!w.forced && accessTokenUsable(std::chrono::seconds(0)))
            w.done(m_accessToken);
        else
            w.done(error);
    }
}

void SignedInTokenProvider::adopt(const TokenSet &tokens)
{
    m_accessToken = tokens.accessToken;
    m_expiresAt = tokens.expiresAt;
    // Rotation: the newest refresh token replaces the old one, here and in the store.
    if (!tokens.refreshToken.isEmpty() && tokens.refreshToken != m_refreshToken) {
        m_refreshToken = tokens.refreshToken;
        storeRefreshToken(m_refreshToken, {});
    }
}

void SignedInTokenProvider::storeRefreshToken(const QString &refreshToken, const AuthCallback<SaveReceipt> &done)
{
    QPointer<SignedInTokenProvider> self(this);
    m_store->save(profile().tokenStoreKey(), refreshToken, [self, done](const AuthResult<SaveReceipt> &r) {
        if (self) {
            if (!r)
                Q_EMIT self->storageNotice(r.error().message);
            else if (!r.value().persistent && !r.value().notice.isEmpty())
                Q_EMIT self->storageNotice(r.value().notice);
        }
        if (done)
            done(r);
    });
}

void SignedInTokenProvider::adoptSignIn(const TokenSet &tokens, const AuthCallback<SaveReceipt> &done)
{
    ++m_generation;
    if (m_refresh)
        m_refresh->cancel();
    m_refresh = nullptr;
    m_accessToken = tokens.accessToken;
    m_expiresAt = tokens.expiresAt;
    m_refreshToken = tokens.refreshToken;
    m_sinceRefresh.invalidate();
    m_storeChecked = true;
    m_loadingStoredToken = false;
    qCInfo(lcAuth).noquote() << "Signed in to" << profile().authority() << "- access token valid until"
                             << m_expiresAt.toString(Qt::ISODate);

    if (m_refreshToken.isEmpty()) {
        m_store->remove(profile().tokenStoreKey(), [done](const AuthResult<Done> &) {
            if (done)
                done(SaveReceipt {false,
                    tr("No refresh token was issued (offline_access was not granted): sign "
                       "in again when the access token expires.")});
        });
    } else {
        storeRefreshToken(m_refreshToken, done);
    }

    QPointer<SignedInTokenProvider> self(this);
    Q_EMIT accessTokenChanged();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (!self)
            return;
        w.done(m_accessToken);
    }
}

void SignedInTokenProvider::resumeStoredSession(const AuthCallback<TokenClaims> &done)
{
    if (m_refreshToken.isEmpty())
        m_storeChecked = false; // look again, even if an earlier look found nothing
    QPointer<SignedInTokenProvider> self(this);
    acquire(false, [self, done](const AuthResult<QString> &token) {
        if (!token)
            done(token.error());
        else if (self)
            done(self->claims());
    });
}

void SignedInTokenProvider::forget()
{
    m_storeChecked = true; // the stored token is being removed too
    m_loadingStoredToken = false;
    m_accessToken.clear();
    m_refreshToken.clear();
    m_expiresAt = QDateTime();
    m_sinceRefresh.invalidate();
}

void SignedInTokenProvider::signOut(const AuthCallback<Done> &done)
{
    ++m_generation;
    if (m_refresh)
        m_refresh->cancel();
    m_refresh = nullptr;
    forget();
    QPointer<SignedInTokenProvider> self(this);
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    const AuthError signedOut
        = AuthError::local(AuthError::Kind::Cancelled, AuthError::Reason::NotSignedIn, tr("Signed out."));
    for (const Waiter &w : waiters) {
        if (!self)
            return;
        w.done(signedOut);
    }
    qCInfo(lcAuth).noquote() << "Signed out of" << profile().authority();
    Q_EMIT accessTokenChanged();
    m_store->remove(profile().tokenStoreKey(), [done](const AuthResult<Done> &r) {
        if (done)
            done(r);
    });
}

} // namespace ea::auth
