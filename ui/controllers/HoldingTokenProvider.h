#pragma once

#include "auth/AuthError.h"
#include "auth/SignedInTokenProvider.h"
#include "graph/AccessTokenProvider.h"

#include <QList>

#include <functional>
#include <memory>
#include <utility>

namespace ea::ui {

// A profile's token provider as the Session sees it. A call that finds
// nobody signed in is held (not failed) and the sign-in dialog is asked for;
// after the sign-in it gets the new token, after a closed dialog the reason.
class HoldingTokenProvider final : public AccessTokenProvider
{
public:
    HoldingTokenProvider(std::unique_ptr<auth::SignedInTokenProvider> inner, std::function<void()> needSignIn)
        : m_inner(std::move(inner))
        , m_needSignIn(std::move(needSignIn))
    { }
    // Held callbacks are dropped, not called: their GraphCalls go with the same Session.
    ~HoldingTokenProvider() override { *m_alive = false; }

    auth::SignedInTokenProvider *inner() const { return m_inner.get(); }
    bool isHolding() const { return !m_held.isEmpty(); }

    void requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done) override
    {
        const std::shared_ptr<bool> alive = m_alive;
        m_inner->requestAccessToken(forceRefresh, [this, alive, done](const Result<QString> &token) {
            if (!*alive)
                return;
            if (!token && token.error().code == auth::kSignInRequiredCode) {
                m_held.append({done, token.error()});
                m_needSignIn();
                return;
            }
            done(token);
        });
    }

    // Straight to the signed-in provider: a call still without a token fails instead of waiting again.
    void resume()
    {
        const QList<Held> held = std::exchange(m_held, {});
        for (const Held &h : held)
            m_inner->requestAccessToken(false, h.done);
    }
    void release()
    {
        const QList<Held> held = std::exchange(m_held, {});
        for (const Held &h : held)
            h.done(h.why);
    }

private:
    struct Held
    {
        ResultCallback<QString> done;
        GraphError why;
    };
    std::unique_ptr<auth::SignedInTokenProvider> m_inner;
    std::function<void()> m_needSignIn;
    QList<Held> m_held;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace ea::ui
