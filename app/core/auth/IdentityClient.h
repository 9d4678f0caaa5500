#pragma once

#include "auth/AuthError.h"
#include "auth/OAuthEncoding.h"
#include "auth/TenantProfile.h"
#include "net/TlsDiagnosis.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ea::auth {

// What /token gives back. Lives in memory only; the refresh token goes to
// the TokenStore and nowhere else. No QDebug operator on purpose.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty when the service issued none (no offline_access)
    QString idToken;
    QString tokenType; // "Bearer"
    QString scope; // as granted, space-separated
    QDateTime expiresAt; // UTC, from expires_in at receipt
    QDateTime receivedAt; // UTC
};

// What /devicecode gives back: show userCode and verificationUri (or message).
struct DeviceCode
{
    QString deviceCode; // secret-ish: polled with, never shown or logged
    QString userCode;
    QUrl verificationUri;
    QString message; // the service's own instruction sentence
    int expiresInSeconds = 0;
    int intervalSeconds = 5;
    QDateTime expiresAt; // UTC
};

// Parameters of the authorize URL (browser sign-in).
struct AuthorizeRequest
{
    QString redirectUri; // http://localhost:{port}/
    QString state; // 32 random bytes, base64url
    QString codeChallenge; // S256
    QString prompt = QStringLiteral("select_account");
    QString loginHint; // optional
};

class IdentityClient;

// One request to the sign-in service. The callback given when it was made
// runs exactly once, from the event loop (never inside the call that made it,
// never inside cancel()); then the request deletes itself.
class IdentityRequest : public QObject
{
    Q_OBJECT
public:
    // Ends the request; the callback gets Kind::Cancelled.
    void cancel();
    bool isFinished() const { return m_finished; }

private:
    friend class IdentityClient;
    using Handler = std::function<void(int status, const QByteArray &body, const AuthError *transportError)>;
    IdentityRequest(IdentityClient *client, Handler handler);
    void start(const QUrl &url, const QByteArray &form, const QByteArray &label);
    void onFinished();
    void finish(int status, const QByteArray &body, const AuthError *error);

    IdentityClient *m_client;
    Handler m_handler;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QByteArray m_label; // for the log: "token grant=refresh_token"
    QString m_host;
    net::TlsDiagnosis m_tls; // set when the handshake met certificate errors
    QElapsedTimer m_timer;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_finished = false;
};

// A small OAuth 2.0 public client for the Microsoft identity platform (v2
// endpoints), on QNetworkAccessManager: authorization code + PKCE, refresh
// token, device authorization and device-code polling. No client secret.
// Form bodies encoded by encodeFormBody ('+' as %2B). Redirects are not
// followed. Bodies are never logged; the log shows the grant, status, time
// and the service's trace/correlation ids (category "ea.auth").
class IdentityClient : public QObject
{
    Q_OBJECT
public:
    IdentityClient(QNetworkAccessManager *network, TenantProfile profile, QObject *parent = nullptr);

    const TenantProfile &profile() const { return m_profile; }
    ErrorContext errorContext() const;

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds transferTimeout() const { return m_timeout; }
    static constexpr std::chrono::milliseconds kDefaultTransferTimeout {30000};
    static constexpr qint64 kMaxResponseBytes = 1024 * 1024;

    // The URL to open in the browser: client_id, response_type=code,
    // redirect_uri, response_mode=query, scope, state, code_challenge,
    // code_challenge_method=S256, prompt, login_hint.
    QUrl authorizeUrl(const AuthorizeRequest &request) const;

    // Each returns the request (a child of this client) so it can be cancelled.
    IdentityRequest *redeemAuthorizationCode(const QString &code, const QString &redirectUri,
        const QString &codeVerifier, const AuthCallback<TokenSet> &done);
    IdentityRequest *redeemRefreshToken(const QString &refreshToken, const AuthCallback<TokenSet> &done);
    IdentityRequest *requestDeviceCode(const AuthCallback<DeviceCode> &done);
    // One poll. authorization_pending and slow_down come back as errors with
    // that `error`; the caller (DeviceCodeFlow) decides what to do.
    IdentityRequest *pollDeviceCode(const QString &deviceCode, const AuthCallback<TokenSet> &done);

    // Parsers, public for tests.
    static AuthResult<TokenSet> parseTokenResponse(const QByteArray &body, const QDateTime &receivedAtUtc);
    static AuthResult<DeviceCode> parseDeviceCodeResponse(const QByteArray &body, const QDateTime &receivedAtUtc);

private:
    friend class IdentityRequest;
    IdentityRequest *postToken(const FormFields &fields, AuthError::Operation operation, const QByteArray &label,
        const AuthCallback<TokenSet> &done);
    std::optional<AuthError> checkProfile() const;

    QNetworkAccessManager *m_network;
    TenantProfile m_profile;
    std::chrono::milliseconds m_timeout = kDefaultTransferTimeout;
};

} // namespace ea::auth
