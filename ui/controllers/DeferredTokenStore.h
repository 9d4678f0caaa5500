#pragma once

#include "auth/TokenStore.h"

#include <QList>

#include <functional>
#include <utility>

namespace ea::ui {

// The token store, closed until the first window has painted: operations
// wait in order and run when it opens.
class DeferredTokenStore final : public auth::TokenStore
{
public:
    explicit DeferredTokenStore(auth::TokenStore *inner)
        : m_inner(inner)
    { }

    bool isOpen() const { return m_open; }
    void open()
    {
        if (m_open)
            return;
        m_open = true;
        const QList<std::function<void()>> waiting = std::exchange(m_waiting, {});
        for (const auto &operation : waiting)
            operation();
    }

    void save(const QString &key, const QString &secret, const auth::AuthCallback<auth::SaveReceipt> &done) override
    {
        run([this, key, secret, done] { m_inner->save(key, secret, done); });
    }
    void load(const QString &key, const auth::AuthCallback<std::optional<QString>> &done) override
    {
        run([this, key, done] { m_inner->load(key, done); });
    }
    void remove(const QString &key, const auth::AuthCallback<Done> &done) override
    {
        run([this, key, done] { m_inner->remove(key, done); });
    }
    bool isPersistent() const override { return m_inner->isPersistent(); }
    QString persistenceNotice() const override { return m_inner->persistenceNotice(); }

private:
    void run(std::function<void()> operation)
    {
        if (m_open)
            operation();
        else
            m_waiting.append(std::move(operation));
    }

    auth::TokenStore *m_inner;
    QList<std::function<void()>> m_waiting;
    bool m_open = false;
};

} // namespace ea::ui
