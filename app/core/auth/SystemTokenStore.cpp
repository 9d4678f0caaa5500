#include "auth/SystemTokenStore.h"

#include "Logging.h"
#include "auth/KeychainModule.h"

#include <QCoreApplication>
#include <QDir>
#include <QPluginLoader>

using namespace Qt::StringLiterals;

namespace ea::auth {

QStringList keychainModulePaths()
{
    // The module's file name and its install folder relative to the
    // executable come from CMake (app/CMakeLists.txt, packaging/Install.cmake).
    const QString file = QStringLiteral(EA_KEYCHAIN_MODULE_FILE);
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList paths {QDir::cleanPath(appDir + u'/' + file)};
#ifdef EA_KEYCHAIN_MODULE_RELATIVE_DIR
    const QString installed
        = QDir::cleanPath(appDir + u'/' + QStringLiteral(EA_KEYCHAIN_MODULE_RELATIVE_DIR) + u'/' + file);
    if (!paths.contains(installed))
        paths.append(installed);
#endif
    return paths;
}

OnDemandKeychainStore::OnDemandKeychainStore(const QString &service, QStringList modulePaths)
    : m_service(service)
    , m_modulePaths(std::move(modulePaths))
{ }

OnDemandKeychainStore::~OnDemandKeychainStore() = default;

TokenStore *OnDemandKeychainStore::store()
{
    if (m_store || m_loadError)
        return m_store.get();
    QStringList problems;
    for (const QString &path : std::as_const(m_modulePaths)) {
        // Never unloaded: the store's code and its running keychain jobs live
        // in the module until the process ends.
        QPluginLoader loader(path);
        QObject *root = loader.instance();
        if (!root) {
            problems.append(u"%1: %2"_s.arg(QDir::toNativeSeparators(path), loader.errorString()));
            continue;
        }
        auto *module = qobject_cast<KeychainModule *>(root);
        if (!module) {
            problems.append(QCoreApplication::translate("ea::auth::TokenStore", "%1: not the keychain module %2")
                                .arg(QDir::toNativeSeparators(path), QStringLiteral(EA_KEYCHAIN_MODULE_IID)));
            continue;
        }
        qCDebug(lcAuth).noquote() << "Keychain module loaded from" << QDir::toNativeSeparators(path);
        m_store = module->createTokenStore(m_service);
        return m_store.get();
    }
    if (problems.isEmpty())
        problems.append(QCoreApplication::translate("ea::auth::TokenStore", "no place to look for it"));
    m_loadError = AuthError::local(AuthError::Kind::Storage, AuthError::Reason::KeychainUnavailable,
        QCoreApplication::translate("ea::auth::TokenStore", "the keychain module could not be loaded: %1")
            .arg(problems.join(u"; "_s)),
        QCoreApplication::translate(
            "ea::auth::TokenStore", "Reinstall Enrollment Assigner; the keychain module is part of it."));
    return nullptr;
}

void OnDemandKeychainStore::save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done)
{
    if (TokenStore *keychain = store())
        keychain->save(key, secret, done);
    else
        done(*m_loadError);
}

void OnDemandKeychainStore::load(const QString &key, const AuthCallback<std::optional<QString>> &done)
{
    if (TokenStore *keychain = store())
        keychain->load(key, done);
    else
        done(*m_loadError);
}

void OnDemandKeychainStore::remove(const QString &key, const AuthCallback<Done> &done)
{
    if (TokenStore *keychain = store())
        keychain->remove(key, done);
    else
        done(*m_loadError);
}

qsizetype keychainEntryLimit()
{
#if defined(Q_OS_WIN) && defined(EA_QTKEYCHAIN_VERSION) && EA_QTKEYCHAIN_VERSION < 0x000F00
    return 2560; // CRED_MAX_CREDENTIAL_BLOB_SIZE
#elif defined(Q_OS_WIN) && !defined(EA_QTKEYCHAIN_VERSION)
    return 2560; // version unknown: assume the limit
#else
    return 0;
#endif
}

std::unique_ptr<FallbackTokenStore> createSystemTokenStore(const QString &service, const QStringList &modulePaths)
{
    std::unique_ptr<TokenStore> keychain = std::make_unique<OnDemandKeychainStore>(service, modulePaths);
    if (const qsizetype limit = keychainEntryLimit(); limit > 0)
        keychain = std::make_unique<ChunkingTokenStore>(std::move(keychain), limit);
    return std::make_unique<FallbackTokenStore>(std::move(keychain));
}

} // namespace ea::auth
