#pragma once

#include "auth/TokenStore.h"

#include <QString>
#include <QtPlugin>

#include <memory>

namespace ea::auth {

// What the keychain module offers (ea_keychain: KeychainPlugin.cpp with
// KeychainTokenStore). qtkeychain brings QtDBus, libdbus, libsystemd and
// libgcrypt on Linux, so it is a module of its own that SystemTokenStore.cpp
// loads on the first save/load/remove; a command that never reads a stored
// sign-in does not load it.
class KeychainModule
{
public:
    virtual ~KeychainModule() = default;

    // A store in the OS keychain under service; the module stays loaded for
    // the rest of the process, so the store may outlive the loader.
    virtual std::unique_ptr<TokenStore> createTokenStore(const QString &service) = 0;
};

} // namespace ea::auth

// Bump the version when the interface changes: an old module is then refused
// with a clear message instead of being called through the wrong vtable.
#define EA_KEYCHAIN_MODULE_IID "io.github.enrollmentassigner.KeychainModule/1"
Q_DECLARE_INTERFACE(ea::auth::KeychainModule, EA_KEYCHAIN_MODULE_IID)
