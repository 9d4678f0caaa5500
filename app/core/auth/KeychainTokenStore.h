#pragma once

#include "auth/TokenStore.h"

#include <QObject>
#include <QString>

#include <memory>

namespace ea::auth {

// The operating system's keychain through qtkeychain: Windows Credential
// Manager, macOS Keychain, libsecret/KWallet on Linux. Nothing is touched
// until the first save/load/remove (no keychain prompt at start-up). The
// insecure plain-text fallback of qtkeychain is always off.
//
// Errors: no backend, no D-Bus ("Cannot autolaunch D-Bus without X11
// $DISPLAY" on a headless Linux machine), not implemented → Reason
// KeychainUnavailable; access denied → KeychainAccessDenied; anything else
// → Kind Storage. A missing entry is not an error.
class KeychainTokenStore final : public QObject, public TokenStore
{
    Q_OBJECT
public:
    explicit KeychainTokenStore(const QString &service, QObject *parent = nullptr);

    void save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done) override;
    void load(const QString &key, const AuthCallback<std::optional<QString>> &done) override;
    void remove(const QString &key, const AuthCallback<Done> &done) override;
    bool isPersistent() const override { return true; }

    QString service() const { return m_service; }
    // qtkeychain's error enum and text → AuthError (public for tests).
    static AuthError errorFromKeychain(int qkeychainError, const QString &errorString);

private:
    QString m_service;
};

// The keychain service name shared by the GUI and the CLI, so a sign-in in
// one is seen by the other.
inline const QString kKeychainService = QStringLiteral("Enrollment Assigner");

// Bytes per keychain entry before secrets are split (0: never split). On
// Windows with qtkeychain older than 0.15 a credential holds at most 2560
// bytes; elsewhere there is no practical limit.
qsizetype keychainEntryLimit();

// What the app uses: the keychain (split into parts where entries are
// small), falling back to memory with a notice when there is no keychain.
std::unique_ptr<FallbackTokenStore> createSystemTokenStore(const QString &service = kKeychainService);

} // namespace ea::auth
