#include "auth/KeychainTokenStore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace ea::auth {

namespace {

// Every job is created here, so the plain-text fallback is off in one place.
template<typename JobType> JobType *newJob(const QString &service, const QString &key, QObject *context)
{
    auto *job = new JobType(service, context);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    return job;
}

} // namespace

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

AuthError KeychainTokenStore::errorFromKeychain(int qkeychainError, const QString &errorString)
{
    const QString detail = errorString.left(300);
    switch (QKeychain::Error(qkeychainError)) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what a machine without a session bus gives; nothing
        // else about it suggests the keychain could work later in this run.
        return AuthError::local(AuthError::Kind::Storage, AuthError::Reason::KeychainUnavailable,
            detail.isEmpty() ? tr("no keychain service is available") : detail);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return AuthError::local(AuthError::Kind::Storage, AuthError::Reason::KeychainAccessDenied,
            tr("the keychain denied access: %1").arg(detail),
            tr("Allow Enrollment Assigner to use the keychain, or sign in again each session."));
    default: break;
    }
    return AuthError::local(
        AuthError::Kind::Storage, AuthError::Reason::Other, tr("the keychain failed: %1").arg(detail));
}

void KeychainTokenStore::save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setBinaryData(secret.toUtf8());
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(errorFromKeychain(j->error(), j->errorString()));
            return;
        }
        done(SaveReceipt {true, {}});
    });
    job->start();
}

void KeychainTokenStore::load(const QString &key, const AuthCallback<std::optional<QString>> &done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (j->error() == QKeychain::EntryNotFound) {
            done(std::optional<QString>());
            return;
        }
        if (j->error() != QKeychain::NoError) {
            done(errorFromKeychain(j->error(), j->errorString()));
            return;
        }
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        done(std::optional<QString>(QString::fromUtf8(read->binaryData())));
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &key, const AuthCallback<Done> &done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            done(errorFromKeychain(j->error(), j->errorString()));
            return;
        }
        done(Done {});
    });
    job->start();
}

} // namespace ea::auth
