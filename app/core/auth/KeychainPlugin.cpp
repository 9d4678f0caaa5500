// The entry point of the keychain module (ea_keychain), the only binary that
// links qtkeychain. SystemTokenStore.cpp loads it with QPluginLoader.

#include "auth/KeychainModule.h"
#include "auth/KeychainTokenStore.h"

#include <QObject>

namespace ea::auth {

class KeychainPlugin final : public QObject, public KeychainModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID EA_KEYCHAIN_MODULE_IID)
    Q_INTERFACES(ea::auth::KeychainModule)

public:
    std::unique_ptr<TokenStore> createTokenStore(const QString &service) override
    {
        return std::make_unique<KeychainTokenStore>(service);
    }
};

} // namespace ea::auth

#include "KeychainPlugin.moc"
