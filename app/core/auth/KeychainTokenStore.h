#pragma once

#include "auth/TokenStore.h"

#include <QObject>
#include <QString>

namespace ea::auth {

// The operating system's keychain through qtkeychain: Windows Credential
// Manager, macOS Keychain, libsecret/KWallet on Linux. Nothing is touched
// until the first save/load/remove (no keychain prompt at start-up). The
// insecure plain-text fallback of qtkeychain is always off.
//
// Part of the keychain module (ea_keychain), not of ea_core: the app reaches
// it through SystemTokenStore.h, which loads the module on first use; tests
// of the store itself link ea_keychain_store.
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

} // namespace ea::auth
