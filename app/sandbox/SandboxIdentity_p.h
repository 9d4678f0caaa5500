#pragma once

// Internal to the sandbox's identity endpoints: their state (one lock, like
// the tenant's) and the helpers the endpoint files share. The token endpoint
// and token issuing are in IdentityTokens.cpp; authorize and the device-code
// pages in IdentityEndpoints.cpp; the public API in SandboxIdentity.cpp.

#include "sandbox/HttpServer.h"
#include "sandbox/SandboxIdentity.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace ea::sandbox {

namespace identity {

inline constexpr qsizetype MaxIssuedAccessTokens = 20'000;
inline constexpr qint64 CodeLifetimeMs = 10 * 60 * 1000;
inline const QString DeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
inline const QString UserPrincipalName = QStringLiteral("admin@contoso.sandbox");
inline const QString UserObjectId = QStringLiteral("4f1c2b7e-8d3a-4e6f-9b0c-5a7d2e1f3c48");
inline const QString UserDisplayName = QStringLiteral("Sandbox Admin");

using Fields = QList<std::pair<QString, QString>>;

struct Route
{
    enum Kind { None, Authorize, Token, DeviceCode, DeviceLogin, Approve, Decline, Expire } kind = None;
    QString tenant;
};

qint64 nowMs();
QByteArray randomBytes(int count);
QByteArray base64Url(QByteArrayView bytes);
// An opaque value; in special mode it contains '+', '/' and '=' (standard
// base64 of 31 bytes ends in "==").
QString opaqueValue(const char *prefix, int bytes, bool special);
// application/x-www-form-urlencoded, decoded the standard way ('+' is a space).
Fields decodeForm(QByteArrayView raw);
QString field(const Fields &fields, const QString &name);
bool hasField(const Fields &fields, const QString &name);
QByteArray pct(const QString &text);
QString timestampText();
HttpResponse html(int status, const QString &title, const QString &bodyHtml);
QString originOf(const HttpRequest &request);
Route routeOf(const HttpRequest &request);
Fields queryOf(const HttpRequest &request);
// http://localhost:PORT[/] or http://127.0.0.1:PORT[/]: what Entra ID
// accepts for a "Mobile and desktop" app registered with http://localhost.
bool isLoopbackRedirect(const QString &uri);

} // namespace identity

struct SandboxIdentity::Private
{
    struct AuthCode
    {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        qint64 expiresMs = 0;
        bool used = false;
    };
    struct Device
    {
        enum State { Pending, Approved, Declined, Expired, Redeemed };
        QString deviceCode;
        QString userCode;
        QString clientId;
        QString scope;
        qint64 expiresMs = 0;
        State state = Pending;
    };
    struct Refresh
    {
        QString clientId;
        QString scope;
        bool rotated = false;
        bool revoked = false;
    };
    struct Access
    {
        qint64 expiresMs = 0;
        bool revoked = false;
    };
    struct Failure
    {
        QString error;
        int code = 0;
        QString description;
        int status = 400;
    };

    mutable QMutex mutex;
    QString tenantId;
    QStringList scopes {QStringLiteral("DeviceManagementServiceConfig.ReadWrite.All"), QStringLiteral("Group.Read.All"),
        QStringLiteral("DeviceManagementConfiguration.ReadWrite.All"), QStringLiteral("User.Read")};
    qint64 accessLifetimeS = 3600;
    int deviceInterval = 1;
    qint64 deviceLifetimeS = 900;
    bool special = false;
    QString registeredClientId;
    std::optional<Failure> nextTokenFailure;
    std::optional<std::pair<QString, QString>> nextAuthorizeFailure;
    bool slowDownNext = false;

    QHash<QString, AuthCode> codes;
    QList<Device> devices;
    QHash<QString, Refresh> refreshTokens;
    QHash<QString, Access> accessTokens;

    QHash<QString, int> tokenRequests; // by short grant name
    int tokenRequestTotal = 0;
    int authorizeRequests = 0;
    QStringList receivedRefresh;
    QStringList receivedCodes;
    QList<QByteArray> rawBodies;
    QString lastAccess;
    QString lastRefresh;
    QList<qint64> pollTimes;

    HttpResponse authorize(const HttpRequest &request);
    HttpResponse token(const HttpRequest &request);
    HttpResponse deviceCode(const HttpRequest &request);
    HttpResponse deviceHook(const HttpRequest &request, identity::Route::Kind kind);

    HttpResponse oauthError(
        const HttpRequest &request, int status, const QString &error, int code, const QString &description) const;
    HttpResponse issue(const HttpRequest &request, const QString &clientId, const QString &scope, bool withRefresh);
    QString makeAccessToken(const QString &clientId, const QString &resource, qint64 expiresS);
    QString makeIdToken(const HttpRequest &request, const QString &clientId) const;
    std::optional<HttpResponse> checkClient(const HttpRequest &request, const QString &clientId) const;
    // checkClient, then the failure a test armed with failNextTokenRequest.
    std::optional<HttpResponse> refuseTokenRequest(const HttpRequest &request, const QString &clientId);
    Device *findDevice(const QString &deviceCode);
    Device *findUserCode(const QString &userCode);
};

} // namespace ea::sandbox
