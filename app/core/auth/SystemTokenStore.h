#pragma once

#include "auth/TokenStore.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ea::auth {

// The keychain service name shared by the GUI and the CLI, so a sign-in in
// one is seen by the other.
inline const QString kKeychainService = QStringLiteral("Enrollment Assigner");

// Where the keychain module (ea_keychain) is looked for, in this order: next
// to the executable (the build tree; bin\ on Windows), then where the
// packages install it, relative to the executable
// (../lib/enrollment-assigner/plugins on Linux, ../PlugIns/enrollment-assigner in the
// macOS bundle). Needs a QCoreApplication.
QStringList keychainModulePaths();

// The OS keychain, loaded on demand: the first save/load/remove loads the
// keychain module (and with it qtkeychain, and on Linux QtDBus and libdbus)
// and hands every call to the KeychainTokenStore it makes. If no path in
// modulePaths loads, every call fails with KeychainUnavailable, naming the
// files tried, so FallbackTokenStore keeps secrets in memory with a notice,
// as when the keychain has no backend.
class OnDemandKeychainStore final : public TokenStore
{
public:
    explicit OnDemandKeychainStore(const QString &service, QStringList modulePaths = keychainModulePaths());
    ~OnDemandKeychainStore() override;

    void save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done) override;
    void load(const QString &key, const AuthCallback<std::optional<QString>> &done) override;
    void remove(const QString &key, const AuthCallback<Done> &done) override;
    bool isPersistent() const override { return true; }

    // Whether the module has been loaded (tests; a failed load stays false).
    bool isLoaded() const { return m_store != nullptr; }

private:
    // The keychain's store, loading the module the first time; nullptr (and
    // m_loadError) when it cannot be loaded. Tried once per store.
    TokenStore *store();

    QString m_service;
    QStringList m_modulePaths;
    std::unique_ptr<TokenStore> m_store;
    std::optional<AuthError> m_loadError;
};

// Bytes per keychain entry before secrets are split (0: never split). On
// Windows with qtkeychain older than 0.15 a credential holds at most 2560
// bytes; elsewhere there is no practical limit.
qsizetype keychainEntryLimit();

// What the app uses: the keychain (split into parts where entries are
// small), falling back to memory with a notice when there is no keychain.
// Nothing is loaded until the first save/load/remove.
std::unique_ptr<FallbackTokenStore> createSystemTokenStore(
    const QString &service = kKeychainService, const QStringList &modulePaths = keychainModulePaths());

} // namespace ea::auth
