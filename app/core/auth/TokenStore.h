#pragma once

#include "auth/AuthError.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace ea::auth {

// How a saved secret is kept.
struct SaveReceipt
{
    bool persistent = true; // false: memory only, gone when the app quits
    QString notice; // for the user when not persistent, e.g. "keychain unavailable: …"
};

// Where refresh tokens are kept between runs, one secret per key
// (TenantProfile::tokenStoreKey()). Access tokens never come here.
//
// Callbacks are called exactly once, possibly synchronously (inside the
// call) or later on the caller's thread; callers must handle both.
class TokenStore
{
public:
    virtual ~TokenStore() = default;

    virtual void save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done) = 0;
    // std::nullopt when nothing is stored under key.
    virtual void load(const QString &key, const AuthCallback<std::optional<QString>> &done) = 0;
    // Succeeds when nothing was stored.
    virtual void remove(const QString &key, const AuthCallback<Done> &done) = 0;

    // False once the store keeps secrets in memory only.
    virtual bool isPersistent() const = 0;
    // Empty while persistent; otherwise why not (shown to the user).
    virtual QString persistenceNotice() const { return {}; }
};

// Secrets in memory only: the fake for tests and the fallback when no
// keychain is available. Not persistent.
class MemoryTokenStore final : public QObject, public TokenStore
{
    Q_OBJECT
public:
    explicit MemoryTokenStore(QObject *parent = nullptr);

    void save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done) override;
    void load(const QString &key, const AuthCallback<std::optional<QString>> &done) override;
    void remove(const QString &key, const AuthCallback<Done> &done) override;
    bool isPersistent() const override { return false; }
    QString persistenceNotice() const override { return m_notice; }
    void setPersistenceNotice(const QString &notice) { m_notice = notice; }

    // Tests: answer from the event loop instead of synchronously.
    void setAsynchronous(bool asynchronous) { m_asynchronous = asynchronous; }
    // Tests: the next `count` operations fail with `error`.
    void failNextOperations(int count, const AuthError &error);

    // Inspection (tests; never shown).
    QStringList keys() const { return m_secrets.keys(); }
    std::optional<QString> peek(const QString &key) const;
    int saveCount() const { return m_saves; }
    int loadCount() const { return m_loads; }
    int removeCount() const { return m_removes; }

private:
    void answer(std::function<void()> call);
    std::optional<AuthError> takeFailure();

    QHash<QString, QString> m_secrets;
    QString m_notice;
    bool m_asynchronous = false;
    int m_failuresLeft = 0;
    AuthError m_failure;
    int m_saves = 0;
    int m_loads = 0;
    int m_removes = 0;
};

// Splits secrets longer than maxBytes (UTF-8) over several entries of an
// inner store: the main key holds "ea-chunked:v1:N" and key#1..key#N hold the
// parts. Windows Credential Manager holds at most 2560 bytes per credential
// with qtkeychain < 0.15, and a refresh token can be longer.
class ChunkingTokenStore final : public TokenStore
{
public:
    ChunkingTokenStore(std::unique_ptr<TokenStore> inner, qsizetype maxBytes);

    void save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done) override;
    void load(const QString &key, const AuthCallback<std::optional<QString>> &done) override;
    void remove(const QString &key, const AuthCallback<Done> &done) override;
    bool isPersistent() const override { return m_inner->isPersistent(); }
    QString persistenceNotice() const override { return m_inner->persistenceNotice(); }

    TokenStore *inner() const { return m_inner.get(); }
    static QString chunkKey(const QString &key, int index); // "key#index"

private:
    std::unique_ptr<TokenStore> m_inner;
    qsizetype m_maxBytes;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

// The store the app uses: the keychain while it works, memory for the rest
// of the session once it does not. Failing to persist never fails a
// sign-in: the secret is kept in memory and the receipt says so. Never a
// plain-text fallback.
class FallbackTokenStore final : public QObject, public TokenStore
{
    Q_OBJECT
public:
    explicit FallbackTokenStore(std::unique_ptr<TokenStore> primary, QObject *parent = nullptr);

    void save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done) override;
    void load(const QString &key, const AuthCallback<std::optional<QString>> &done) override;
    void remove(const QString &key, const AuthCallback<Done> &done) override;
    bool isPersistent() const override { return !m_degraded; }
    QString persistenceNotice() const override { return m_notice; }

    bool isDegraded() const { return m_degraded; }

Q_SIGNALS:
    // Once, when the keychain turned out to be unavailable.
    void degraded(const QString &notice);

private:
    void degrade(const AuthError &why);

    std::unique_ptr<TokenStore> m_primary;
    MemoryTokenStore m_memory;
    bool m_degraded = false;
    QString m_notice;
};

// The notice when secrets are kept in memory only.
QString sessionOnlyNotice(const QString &why);

} // namespace ea::auth
