#pragma once

#include "sandbox/HttpServer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace ea::sandbox {

// The sign-in side of the sandbox: a fake Microsoft identity platform (v2
// endpoints) that auto-approves one fake administrator, so every sign-in flow
// runs offline end to end over real HTTP.
//
//   GET  /{tenant}/oauth2/v2.0/authorize   → 302 to redirect_uri with code & state
//   POST /{tenant}/oauth2/v2.0/token       grant_type authorization_code (PKCE S256),
//                                          refresh_token (rotating), device_code
//   POST /{tenant}/oauth2/v2.0/devicecode  → device_code, user_code, verification_uri, …
//   GET  /sandbox/devicelogin              a page with approve/decline buttons
//   POST /sandbox/approve-device?user_code=…   (also decline-device, expire-device)
//
// Any tenant segment is accepted ("organizations", a domain, a GUID); the
// tokens always carry the sandbox tenant's id. Access tokens are JWT-shaped
// (header.payload.signature) with tid, oid, upn admin@contoso.sandbox, scp,
// exp; the sandbox's Graph endpoints accept every one it issued until it
// expires or is revoked. Errors have Microsoft's JSON shape (error,
// error_description "AADSTSnnnn: …", error_codes, timestamp, trace_id,
// correlation_id).
//
// Thread-safe: every method takes one internal lock.
class SandboxIdentity
{
public:
    explicit SandboxIdentity(const QString &tenantId);
    ~SandboxIdentity();
    SandboxIdentity(const SandboxIdentity &) = delete;
    SandboxIdentity &operator=(const SandboxIdentity &) = delete;

    // True for the paths above (routing is done by SandboxTenant::handle).
    static bool handles(const HttpRequest &request);
    HttpResponse handle(const HttpRequest &request);
    // For the Graph side: issued here, not expired, not revoked.
    bool acceptsAccessToken(QByteArrayView token) const;

    // --- the fake user ---------------------------------------------------
    QString tenantId() const;
    static QString userPrincipalName(); // admin@contoso.sandbox
    static QString userObjectId();
    // Default: DeviceManagementServiceConfig.ReadWrite.All Group.Read.All
    // DeviceManagementConfiguration.ReadWrite.All User.Read
    void setGrantedScopes(const QStringList &scopes);

    // --- behaviour ---------------------------------------------------------
    void setAccessTokenLifetime(std::chrono::seconds lifetime); // default 3600 s
    void setDeviceCodeInterval(int seconds); // default 1
    void setDeviceCodeLifetime(std::chrono::seconds lifetime); // default 900 s
    // Codes, device codes, access and refresh tokens that contain '+', '/'
    // and '=' (for form-encoding tests).
    void setSpecialCharacterTokens(bool on);
    // Empty (default): any client id. Otherwise others get AADSTS700016.
    void setRegisteredClientId(const QString &clientId);
    // The next /token or /devicecode request is answered with this error,
    // e.g. ("invalid_client", 7000218, "The request body must contain …").
    void failNextTokenRequest(const QString &error, int aadstsCode, const QString &description, int status = 400);
    // The next authorize request redirects with error & error_description.
    void failNextAuthorize(const QString &error, const QString &description);

    // --- device code hooks (user_code as shown to the user) ----------------
    bool approveDevice(const QString &userCode);
    bool declineDevice(const QString &userCode);
    bool expireDevice(const QString &userCode);
    // The next poll of any device code answers slow_down (then back to normal).
    void slowDownNextPoll();
    QStringList pendingUserCodes() const;

    // --- revocation ----------------------------------------------------------
    // Every refresh token issued so far becomes invalid (AADSTS50173 on use).
    void revokeAllRefreshTokens();
    // Every access token issued so far is rejected by Graph (401) from now on.
    void revokeAllAccessTokens();

    // --- traffic -------------------------------------------------------------
    // "authorization_code", "refresh_token", "device_code" (the short
    // names); empty: every /token request.
    int tokenRequestCount(const QString &grantType = {}) const;
    int authorizeRequestCount() const;
    // Values exactly as the server decoded them from the form bodies.
    QStringList receivedRefreshTokens() const;
    QStringList receivedAuthorizationCodes() const;
    QList<QByteArray> rawTokenRequestBodies() const;
    QString lastIssuedAccessToken() const;
    QString lastIssuedRefreshToken() const;
    // Milliseconds since the epoch of each device-code poll, oldest first.
    QList<qint64> devicePollTimes() const;
    void resetTrafficCounters();

    struct Private;

private:
    std::unique_ptr<Private> m_d;
};

} // namespace ea::sandbox
