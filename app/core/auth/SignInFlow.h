#pragma once

#include "auth/AuthError.h"
#include "auth/IdentityClient.h"
#include "auth/OAuthEncoding.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

namespace ea::auth {

class LoopbackRedirectListener;

// One interactive sign-in. After start(), exactly one of succeeded() or
// failed() is emitted, always from the event loop (never inside start() or
// cancel()). cancel() ends it with failed(Kind::Cancelled). Give the
// TokenSet to SignedInTokenProvider::adoptSignIn().
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    ~SignInFlow() override;

    virtual void start() = 0;
    void cancel();
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void succeeded(const ea::auth::TokenSet &tokens);
    void failed(const ea::auth::AuthError &error);

protected:
    SignInFlow(IdentityClient *identity, QObject *parent);
    // Both queue the signal; later calls are ignored.
    void succeed(const TokenSet &tokens);
    void fail(const AuthError &error);
    // Called once when the flow ends for any reason: stop timers, listeners, requests.
    virtual void cleanUp() = 0;
    void beginRunning() { m_running = true; }

    IdentityClient *m_identity;

private:
    // Marks the flow finished and cleans up; false when it already was.
    bool finishOnce();

    bool m_running = false;
    bool m_finished = false;
};

// Browser sign-in: authorization code with PKCE (S256) and a 32-byte state,
// the redirect to LoopbackRedirectListener on 127.0.0.1, then the code
// redeemed with the verifier. The browser page says whether it worked.
class BrowserSignInFlow final : public SignInFlow
{
    Q_OBJECT
public:
    // Opens the URL in the system browser. The GUI passes
    // [](const QUrl &u) { return QDesktopServices::openUrl(u); }; tests play
    // the browser. Returning false does not end the flow (the user may
    // open authorizeUrl() by hand); browserOpenFailed() is emitted.
    using UrlOpener = std::function<bool(const QUrl &)>;

    BrowserSignInFlow(IdentityClient *identity, UrlOpener opener, QObject *parent = nullptr);
    ~BrowserSignInFlow() override;

    // The whole sign-in must finish within this (default 5 minutes).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setPrompt(const QString &prompt) { m_prompt = prompt; } // default select_account; empty: none
    void setLoginHint(const QString &hint) { m_loginHint = hint; } // e.g. admin@contoso.com

    void start() override;

    // Valid after start(): for a "copy the link" fallback.
    QUrl authorizeUrl() const { return m_authorizeUrl; }
    // Valid after start(); tests use it (per-connection timeout, garbage).
    LoopbackRedirectListener *listener() const { return m_listener; }

Q_SIGNALS:
    // The authorize URL is ready (emitted inside start(), before the opener runs).
    void authorizeUrlReady(const QUrl &url);
    void browserOpenFailed(const QUrl &url);
    // The browser came back with a code; it is being redeemed now.
    void redeemingCode();

protected:
    void cleanUp() override;

private:
    void onCodeReceived(const QString &code);

    UrlOpener m_opener;
    std::chrono::milliseconds m_timeout {5 * 60 * 1000};
    QString m_prompt = QStringLiteral("select_account");
    QString m_loginHint;
    Pkce m_pkce;
    QString m_state;
    QUrl m_authorizeUrl;
    LoopbackRedirectListener *m_listener = nullptr;
    QTimer m_deadline;
    QPointer<IdentityRequest> m_request;
};

// Device code sign-in (RFC 8628): shows a code and a URL, polls /token at
// `interval`, adds 5 s on slow_down, keeps polling on authorization_pending,
// stops on authorization_declined, expired_token, bad_verification_code,
// any other error, the code's expiry, or cancel(). A network failure or
// timeout of one poll is retried (at most 3 in a row).
class DeviceCodeFlow final : public SignInFlow
{
    Q_OBJECT
public:
    explicit DeviceCodeFlow(IdentityClient *identity, QObject *parent = nullptr);
    ~DeviceCodeFlow() override;

    void start() override;

    // Valid once userCodeReady() was emitted.
    const DeviceCode &deviceCode() const { return m_code; }
    int pollCount() const { return m_polls; }
    std::chrono::seconds pollInterval() const { return m_interval; }

    static constexpr std::chrono::seconds kSlowDownIncrement {5};
    static constexpr int kMaxTransientFailures = 3;

Q_SIGNALS:
    // Show code.userCode and code.verificationUri (or code.message), with Copy buttons.
    void userCodeReady(const ea::auth::DeviceCode &code);
    // After slow_down: the new interval.
    void pollIntervalChanged(int seconds);

protected:
    void cleanUp() override;

private:
    void schedulePoll();
    void poll();

    DeviceCode m_code;
    std::chrono::seconds m_interval {5};
    QTimer m_timer;
    QPointer<IdentityRequest> m_request;
    int m_polls = 0;
    int m_transientFailures = 0;
};

} // namespace ea::auth
