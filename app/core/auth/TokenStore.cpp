#include "auth/TokenStore.h"

#include "Logging.h"

#include <QPointer>
#include <QTimer>

namespace ea::auth {

QString sessionOnlyNotice(const QString &why)
{
    const QString base = QCoreApplication::translate(
        "ea::auth::TokenStore", "keychain unavailable: the sign-in lasts for this session only");
    return why.isEmpty() ? base : base + QStringLiteral(" (") + why + u')';
}

// ---------------------------------------------------------------------------
// MemoryTokenStore

MemoryTokenStore::MemoryTokenStore(QObject *parent)
    : QObject(parent)
{ }

void MemoryTokenStore::failNextOperations(int count, const AuthError &error)
{
    m_failuresLeft = count;
    m_failure = error;
}

std::optional<AuthError> MemoryTokenStore::takeFailure()
{
    if (m_failuresLeft <= 0)
        return std::nullopt;
    --m_failuresLeft;
    return m_failure;
}

std::optional<QString> MemoryTokenStore::peek(const QString &key) const
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return std::nullopt;
    return *it;
}

void MemoryTokenStore::answer(std::function<void()> call)
{
    if (m_asynchronous)
        QTimer::singleShot(0, this, std::move(call));
    else
        call();
}

void MemoryTokenStore::save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done)
{
    ++m_saves;
    if (const std::optional<AuthError> failure = takeFailure()) {
        answer([done, e = *failure] { done(e); });
        return;
    }
    m_secrets.insert(key, secret);
    answer([done, notice = m_notice] { done(SaveReceipt {false, notice}); });
}

void MemoryTokenStore::load(const QString &key, const AuthCallback<std::optional<QString>> &done)
{
    ++m_loads;
    if (const std::optional<AuthError> failure = takeFailure()) {
        answer([done, e = *failure] { done(e); });
        return;
    }
    answer([done, value = peek(key)] { done(value); });
}

void MemoryTokenStore::remove(const QString &key, const AuthCallback<Done> &done)
{
    ++m_removes;
    if (const std::optional<AuthError> failure = takeFailure()) {
        answer([done, e = *failure] { done(e); });
        return;
    }
    m_secrets.remove(key);
    answer([done] { done(Done {}); });
}

// ---------------------------------------------------------------------------
// ChunkingTokenStore

namespace {

const QString kChunkManifest = QStringLiteral("ea-chunked:v1:");
constexpr int kMaxChunks = 64;

// -1: not a manifest.
int manifestCount(const std::optional<QString> &value)
{
    if (!value || !value->startsWith(kChunkManifest))
        return -1;
    bool ok = false;
    const int n = value->mid(kChunkManifest.size()).toInt(&ok);
    return ok && n >= 1 && n <= kMaxChunks ? n : -1;
}

// Parts whose UTF-8 size is at most maxBytes each, split between characters.
QStringList splitByUtf8Size(const QString &secret, qsizetype maxBytes)
{
    QStringList parts;
    QString current;
    qsizetype currentBytes = 0;
    for (qsizetype i = 0; i < secret.size();) {
        const qsizetype len = (secret.at(i).isHighSurrogate() && i + 1 < secret.size()) ? 2 : 1;
        const QString unit = secret.mid(i, len);
        const qsizetype bytes = unit.toUtf8().size();
        if (currentBytes + bytes > maxBytes && !current.isEmpty()) {
            parts.append(current);
            current.clear();
            currentBytes = 0;
        }
        current += unit;
        currentBytes += bytes;
        i += len;
    }
    if (!current.isEmpty())
        parts.append(current);
    return parts;
}

using StepDone = std::function<void(const std::optional<AuthError> &)>;
using Step = std::function<void(const StepDone &)>;

// Runs asynchronous steps one after another; stops at the first error.
void runSteps(std::shared_ptr<QList<Step>> steps, qsizetype index, StepDone done)
{
    if (index >= steps->size()) {
        done(std::nullopt);
        return;
    }
    (*steps)[index]([steps, index, done](const std::optional<AuthError> &error) {
        if (error) {
            done(error);
            return;
        }
        runSteps(steps, index + 1, done);
    });
}

} // namespace

ChunkingTokenStore::ChunkingTokenStore(std::unique_ptr<TokenStore> inner, qsizetype maxBytes)
    : m_inner(std::move(inner))
    , m_maxBytes(std::max<qsizetype>(64, maxBytes))
{ }

QString ChunkingTokenStore::chunkKey(const QString &key, int index)
{
    return key + u'#' + QString::number(index);
}

void ChunkingTokenStore::save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done)
{
    TokenStore *inner = m_inner.get();
    std::weak_ptr<bool> alive = m_alive;
    const qsizetype maxBytes = m_maxBytes;
    inner->load(key, [=](const AuthResult<std::optional<QString>> &old) {
        if (alive.expired())
            return;
        if (!old) {
            done(old.error());
            return;
        }
        const int oldCount = std::max(0, manifestCount(old.value()));
        const QStringList parts
            = secret.toUtf8().size() <= maxBytes ? QStringList() : splitByUtf8Size(secret, maxBytes);
        if (parts.size() > kMaxChunks) {
            done(AuthError::local(AuthError::Kind::Storage, AuthError::Reason::Other,
                QCoreApplication::translate("ea::auth::TokenStore",
                    "The refresh token (%1 bytes) is too large for the "
                    "keychain.")
                    .arg(secret.toUtf8().size())));
            return;
        }
        auto steps = std::make_shared<QList<Step>>();
        auto receipt = std::make_shared<SaveReceipt>();
        const auto saveStep = [inner, receipt](const QString &k, const QString &v) {
            return Step([inner, receipt, k, v](const StepDone &next) {
                inner->save(k, v, [receipt, next](const AuthResult<SaveReceipt> &r) {
                    if (r)
                        *receipt = r.value();
                    next(r ? std::nullopt : std::optional<AuthError>(r.error()));
                });
            });
        };
        const auto removeStep = [inner](const QString &k) {
            return Step([inner, k](const StepDone &next) {
                inner->remove(k, [next](const AuthResult<Done> &r) {
                    next(r ? std::nullopt : std::optional<AuthError>(r.error()));
                });
            });
        };
        // Parts first, then the manifest: a crash in between leaves the old
        // entry readable rather than a manifest pointing at missing parts.
        for (qsizetype i = 0; i < parts.size(); ++i)
            steps->append(saveStep(chunkKey(key, int(i + 1)), parts.at(i)));
        steps->append(saveStep(key, parts.isEmpty() ? secret : kChunkManifest + QString::number(parts.size())));
        for (int i = int(parts.size()) + 1; i <= oldCount; ++i)
            steps->append(removeStep(chunkKey(key, i)));
        runSteps(steps, 0, [done, receipt, alive](const std::optional<AuthError> &error) {
            if (alive.expired())
                return;
            if (error)
                done(*error);
            else
                done(*receipt);
        });
    });
}

void ChunkingTokenStore::load(const QString &key, const AuthCallback<std::optional<QString>> &done)
{
    TokenStore *inner = m_inner.get();
    std::weak_ptr<bool> alive = m_alive;
    inner->load(key, [=](const AuthResult<std::optional<QString>> &head) {
        if (alive.expired())
            return;
        if (!head) {
            done(head.error());
            return;
        }
        const int count = manifestCount(head.value());
        if (count < 0) {
            done(head.value());
            return;
        }
        auto assembled = std::make_shared<QString>();
        auto steps = std::make_shared<QList<Step>>();
        for (int i = 1; i <= count; ++i) {
            steps->append([inner, assembled, k = chunkKey(key, i)](const StepDone &next) {
                inner->load(k, [assembled, next](const AuthResult<std::optional<QString>> &part) {
                    if (!part) {
                        next(part.error());
                        return;
                    }
                    if (!part.value()) {
                        next(AuthError::local(AuthError::Kind::Storage, AuthError::Reason::Other,
                            QCoreApplication::translate("ea::auth::TokenStore",
                                "The stored sign-in is incomplete (a "
                                "part is missing from the keychain)."),
                            QCoreApplication::translate("ea::auth::TokenStore", "Sign in again.")));
                        return;
                    }
                    *assembled += *part.value();
                    next(std::nullopt);
                });
            });
        }
        runSteps(steps, 0, [done, assembled, alive](const std::optional<AuthError> &error) {
            if (alive.expired())
                return;
            if (error)
                done(*error);
            else
                done(std::optional<QString>(*assembled));
        });
    });
}

void ChunkingTokenStore::remove(const QString &key, const AuthCallback<Done> &done)
{
    TokenStore *inner = m_inner.get();
    std::weak_ptr<bool> alive = m_alive;
    inner->load(key, [=](const AuthResult<std::optional<QString>> &head) {
        if (alive.expired())
            return;
        // Even when the head cannot be read, try to remove it.
        const int count = head ? std::max(0, manifestCount(head.value())) : 0;
        auto steps = std::make_shared<QList<Step>>();
        for (int i = 0; i <= count; ++i) {
            const QString k = i == 0 ? key : chunkKey(key, i);
            steps->append([inner, k](const StepDone &next) {
                inner->remove(k, [next](const AuthResult<Done> &r) {
                    next(r ? std::nullopt : std::optional<AuthError>(r.error()));
                });
            });
        }
        runSteps(steps, 0, [done, alive](const std::optional<AuthError> &error) {
            if (alive.expired())
                return;
            if (error)
                done(*error);
            else
                done(Done {});
        });
    });
}

// ---------------------------------------------------------------------------
// FallbackTokenStore

FallbackTokenStore::FallbackTokenStore(std::unique_ptr<TokenStore> primary, QObject *parent)
    : QObject(parent)
    , m_primary(std::move(primary))
{ }

void FallbackTokenStore::degrade(const AuthError &why)
{
    if (m_degraded)
        return;
    m_degraded = true;
    m_notice = sessionOnlyNotice(why.message);
    m_memory.setPersistenceNotice(m_notice);
    qCWarning(lcAuth).noquote() << "Token store:" << m_notice;
    Q_EMIT degraded(m_notice);
}

void FallbackTokenStore::save(const QString &key, const QString &secret, const AuthCallback<SaveReceipt> &done)
{
    if (m_degraded || !m_primary) {
        m_memory.save(key, secret, done);
        return;
    }
    QPointer<FallbackTokenStore> self(this);
    m_primary->save(key, secret, [self, key, secret, done](const AuthResult<SaveReceipt> &result) {
        if (!self)
            return;
        if (result) {
            // The keychain holds it now; a session-only copy would shadow later loads.
            self->m_memory.remove(key, [](const AuthResult<Done> &) {});
            done(result);
            return;
        }
        const AuthError &error = result.error();
        if (error.reason == AuthError::Reason::KeychainUnavailable) {
            self->degrade(error);
            self->m_memory.save(key, secret, done);
            return;
        }
        // Refused this time (the user said no, a locked keychain): keep it for
        // the session and say why, without giving up on the keychain.
        qCWarning(lcAuth).noquote() << "Token store: could not save to the keychain:" << error.message;
        self->m_memory.save(key, secret, [done, why = error.message](const AuthResult<SaveReceipt> &r) {
            if (!r) {
                done(r);
                return;
            }
            done(SaveReceipt {false,
                QCoreApplication::translate("ea::auth::TokenStore",
                    "the keychain did not store the sign-in (%1): it lasts "
                    "for this session only")
                    .arg(why)});
        });
    });
}

void FallbackTokenStore::load(const QString &key, const AuthCallback<std::optional<QString>> &done)
{
    // A session-only copy is the newest secret there is.
    if (const std::optional<QString> kept = m_memory.peek(key)) {
        done(kept);
        return;
    }
    if (m_degraded || !m_primary) {
        done(std::optional<QString>());
        return;
    }
    QPointer<FallbackTokenStore> self(this);
    m_primary->load(key, [self, done](const AuthResult<std::optional<QString>> &result) {
        if (!self)
            return;
        if (!result && result.error().reason == AuthError::Reason::KeychainUnavailable) {
            self->degrade(result.error());
            done(std::optional<QString>());
            return;
        }
        done(result);
    });
}

void FallbackTokenStore::remove(const QString &key, const AuthCallback<Done> &done)
{
    m_memory.remove(key, [](const AuthResult<Done> &) {});
    if (m_degraded || !m_primary) {
        done(Done {});
        return;
    }
    QPointer<FallbackTokenStore> self(this);
    m_primary->remove(key, [self, done](const AuthResult<Done> &result) {
        if (!self)
            return;
        if (!result && result.error().reason == AuthError::Reason::KeychainUnavailable) {
            self->degrade(result.error());
            done(Done {});
            return;
        }
        done(result);
    });
}

} // namespace ea::auth
