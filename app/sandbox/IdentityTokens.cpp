// The token endpoint (authorization code with PKCE, refresh token rotation,
// device code polling) and what it issues: JWT-shaped access and id tokens,
// opaque refresh tokens, and Entra ID's error bodies.

#include "sandbox/SandboxIdentity_p.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

using namespace identity;

// ---------------------------------------------------------------------------

HttpResponse SandboxIdentity::Private::oauthError(
    const HttpRequest &request, int status, const QString &error, int code, const QString &description) const
{
    const QString traceId = newGuid();
    const QByteArray clientRequestId = request.header("client-request-id");
    const QString correlationId = QUuid::fromString(QString::fromLatin1(clientRequestId)).isNull()
        ? newGuid()
        : QString::fromLatin1(clientRequestId);
    const QString timestamp = timestampText();
    const QString prefix = code > 0 ? u"AADSTS"_s + QString::number(code) + u": "_s : QString();
    QJsonObject body {
        {u"error"_s, error},
        {u"error_description"_s,
            QString(prefix + description + u"\r\nTrace ID: "_s + traceId + u"\r\nCorrelation ID: "_s + correlationId
                + u"\r\nTimestamp: "_s + timestamp)},
        {u"error_codes"_s, code > 0 ? QJsonArray {code} : QJsonArray()},
        {u"timestamp"_s, timestamp},
        {u"trace_id"_s, traceId},
        {u"correlation_id"_s, correlationId},
    };
    if (code > 0)
        body.insert(
            u"error_uri"_s, QString(u"https://login.microsoftonline.com/error?code="_s + QString::number(code)));
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store, no-cache"},
        {"Pragma", "no-cache"}, {"x-ms-request-id", traceId.toLatin1()}};
    if (!clientRequestId.isEmpty())
        r.headers.append({"client-request-id", correlationId.toLatin1()});
    r.body = compact(body);
    return r;
}

std::optional<HttpResponse> SandboxIdentity::Private::checkClient(
    const HttpRequest &request, const QString &clientId) const
{
    if (clientId.isEmpty())
        return oauthError(request, 400, u"invalid_request"_s, 900144,
            u"The request body must contain the following parameter: 'client_id'."_s);
    if (!registeredClientId.isEmpty() && clientId.compare(registeredClientId, Qt::CaseInsensitive) != 0)
        return oauthError(request, 400, u"unauthorized_client"_s, 700016,
            u"Application with identifier '"_s + clientId + u"' was not found in the directory '"_s + tenantId
                + u"'. This can happen if the application has not been installed by the administrator "
                  "of the tenant or consented to by any user in the tenant."_s);
    return std::nullopt;
}

QString SandboxIdentity::Private::makeAccessToken(const QString &clientId, const QString &resource, qint64 expiresS)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject header {{u"typ"_s, u"JWT"_s}, {u"alg"_s, u"RS256"_s}, {u"kid"_s, u"sandbox"_s}};
    const QJsonObject payload {
        {u"aud"_s, resource},
        {u"iss"_s, QString(u"https://sts.windows.net/"_s + tenantId + u'/')},
        {u"iat"_s, now},
        {u"nbf"_s, now},
        {u"exp"_s, now + expiresS},
        {u"app_displayname"_s, u"Enrollment Assigner (sandbox)"_s},
        {u"appid"_s, clientId},
        {u"idtyp"_s, u"user"_s},
        {u"name"_s, UserDisplayName},
        {u"oid"_s, UserObjectId},
        {u"scp"_s, scopes.join(u' ')},
        {u"tid"_s, tenantId},
        {u"unique_name"_s, UserPrincipalName},
        {u"upn"_s, UserPrincipalName},
        {u"uti"_s, QString::fromLatin1(base64Url(randomBytes(16)))},
        {u"ver"_s, u"1.0"_s},
    };
    const QByteArray signature = special ? "+/" + randomBytes(31).toBase64() : base64Url(randomBytes(64));
    return QString::fromLatin1(base64Url(compact(header)) + '.' + base64Url(compact(payload)) + '.' + signature);
}

QString SandboxIdentity::Private::makeIdToken(const HttpRequest &request, const QString &clientId) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject header {{u"typ"_s, u"JWT"_s}, {u"alg"_s, u"RS256"_s}, {u"kid"_s, u"sandbox"_s}};
    const QJsonObject payload {
        {u"aud"_s, clientId},
        {u"iss"_s, QString(originOf(request) + u'/' + tenantId + u"/v2.0"_s)},
        {u"iat"_s, now},
        {u"nbf"_s, now},
        {u"exp"_s, now + 3600},
        {u"name"_s, UserDisplayName},
        {u"oid"_s, UserObjectId},
        {u"preferred_username"_s, UserPrincipalName},
        {u"tid"_s, tenantId},
        {u"ver"_s, u"2.0"_s},
    };
    return QString::fromLatin1(
        base64Url(compact(header)) + '.' + base64Url(compact(payload)) + '.' + base64Url(randomBytes(64)));
}

HttpResponse SandboxIdentity::Private::issue(
    const HttpRequest &request, const QString &clientId, const QString &scope, bool withRefresh)
{
    // The resource is what ".default" names, e.g. https://graph.microsoft.us.
    QString resource = u"https://graph.microsoft.com"_s;
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (s.endsWith(u"/.default"_s)) {
            resource = s.chopped(9);
            break;
        }
    }
    const QStringList requested = scope.split(u' ', Qt::SkipEmptyParts);
    const bool offline = withRefresh || requested.contains(u"offline_access"_s);
    const bool openid = requested.contains(u"openid"_s);

    if (accessTokens.size() > MaxIssuedAccessTokens) {
        const qint64 now = nowMs();
        accessTokens.removeIf([now](const auto &it) { return it.value().expiresMs <= now; });
    }
    const QString access = makeAccessToken(clientId, resource, accessLifetimeS);
    accessTokens.insert(access, Access {nowMs() + accessLifetimeS * 1000, false});
    lastAccess = access;

    QStringList granted;
    for (const QString &s : std::as_const(scopes))
        granted << resource + u'/' + s;
    granted << u"openid"_s << u"profile"_s;
    QJsonObject body {
        {u"token_type"_s, u"Bearer"_s},
        {u"scope"_s, granted.join(u' ')},
        {u"expires_in"_s, accessLifetimeS},
        {u"ext_expires_in"_s, accessLifetimeS},
        {u"access_token"_s, access},
    };
    if (offline) {
        const QString refresh = opaqueValue("0.sbx.", 96, special);
        refreshTokens.insert(refresh, Refresh {clientId, scope, false, false});
        body.insert(u"refresh_token"_s, refresh);
        lastRefresh = refresh;
    }
    if (openid)
        body.insert(u"id_token"_s, makeIdToken(request, clientId));
    HttpResponse r;
    r.headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store, no-cache"},
        {"Pragma", "no-cache"}, {"x-ms-request-id", newGuid().toLatin1()}};
    r.body = compact(body);
    return r;
}

std::optional<HttpResponse> SandboxIdentity::Private::refuseTokenRequest(
    const HttpRequest &request, const QString &clientId)
{
    if (auto refused = checkClient(request, clientId))
        return refused;
    if (nextTokenFailure) {
        const Failure f = *nextTokenFailure;
        nextTokenFailure.reset();
        return oauthError(request, f.status, f.error, f.code, f.description);
    }
    return std::nullopt;
}

SandboxIdentity::Private::Device *SandboxIdentity::Private::findDevice(const QString &deviceCode)
{
    for (Device &d : devices) {
        if (d.deviceCode == deviceCode)
            return &d;
    }
    return nullptr;
}

SandboxIdentity::Private::Device *SandboxIdentity::Private::findUserCode(const QString &userCode)
{
    for (Device &d : devices) {
        if (d.userCode.compare(userCode.trimmed(), Qt::CaseInsensitive) == 0)
            return &d;
    }
    return nullptr;
}

HttpResponse SandboxIdentity::Private::token(const HttpRequest &request)
{
    if (request.method != "POST")
        return oauthError(request, 400, u"invalid_request"_s, 900561,
            u"The endpoint only accepts POST, OPTIONS requests. Received a "_s + QString::fromLatin1(request.method)
                + u" request."_s);
    ++tokenRequestTotal;
    rawBodies.append(request.body);
    if (rawBodies.size() > 1000)
        rawBodies.removeFirst();
    if (!request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded"))
        return oauthError(request, 400, u"invalid_request"_s, 900144,
            u"The request body must be application/x-www-form-urlencoded."_s);
    const Fields form = decodeForm(request.body);
    const QString grant = field(form, u"grant_type"_s);
    const QString shortGrant = grant == DeviceCodeGrant ? u"device_code"_s : grant;
    ++tokenRequests[shortGrant];

    if (hasField(form, u"client_secret"_s) || hasField(form, u"client_assertion"_s))
        return oauthError(request, 401, u"invalid_client"_s, 700025,
            u"Client is public so neither 'client_assertion' nor 'client_secret' should be presented."_s);
    const QString clientId = field(form, u"client_id"_s);
    if (const auto refused = refuseTokenRequest(request, clientId))
        return *refused;

    if (grant == u"authorization_code"_s) {
        const QString code = field(form, u"code"_s);
        receivedCodes.append(code);
        const auto it = codes.find(code);
        if (it == codes.end())
            return oauthError(request, 400, u"invalid_grant"_s, 70000,
                u"The provided value for the 'code' parameter is not valid."_s);
        if (it->used)
            return oauthError(request, 400, u"invalid_grant"_s, 54005,
                u"OAuth2 Authorization code was already redeemed, please retry with a new valid code "
                "or use an existing refresh token."_s);
        it->used = true; // single use, whatever happens next
        if (it->expiresMs < nowMs())
            return oauthError(request, 400, u"invalid_grant"_s, 70008,
                u"The provided authorization code or refresh token has expired due to inactivity."_s);
        if (it->clientId.compare(clientId, Qt::CaseInsensitive) != 0)
            return oauthError(request, 400, u"invalid_grant"_s, 70000, u"The code was issued to another client."_s);
        if (field(form, u"redirect_uri"_s) != it->redirectUri)
            return oauthError(request, 400, u"invalid_grant"_s, 500112,
                u"The reply address does not match the reply address used in the authorization "
                "request."_s);
        const QString verifier = field(form, u"code_verifier"_s);
        const QString expected
            = QString::fromLatin1(base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
        if (verifier.size() < 43 || verifier.size() > 128 || expected != it->challenge)
            return oauthError(request, 400, u"invalid_grant"_s, 501481,
                u"The Code_Verifier does not match the code_challenge supplied in the authorization "
                "request."_s);
        return issue(request, clientId, field(form, u"scope"_s).isEmpty() ? it->scope : field(form, u"scope"_s), false);
    }

    if (grant == u"refresh_token"_s) {
        const QString refresh = field(form, u"refresh_token"_s);
        receivedRefresh.append(refresh);
        const auto it = refreshTokens.find(refresh);
        if (it == refreshTokens.end())
            return oauthError(
                request, 400, u"invalid_grant"_s, 70000, u"The provided value for the 'refresh_token' is not valid."_s);
        if (it->revoked)
            return oauthError(request, 400, u"invalid_grant"_s, 50173,
                u"The provided grant has expired due to it being revoked, a fresh auth token is "
                "needed. The user might have changed or reset their password."_s);
        if (it->rotated)
            return oauthError(request, 400, u"invalid_grant"_s, 70000,
                u"The refresh token was already used; refresh tokens rotate and the newest one must "
                "be presented."_s);
        if (it->clientId.compare(clientId, Qt::CaseInsensitive) != 0)
            return oauthError(
                request, 400, u"invalid_grant"_s, 70000, u"The refresh token was issued to another client."_s);
        it->rotated = true;
        const QString scope = field(form, u"scope"_s).isEmpty() ? it->scope : field(form, u"scope"_s);
        return issue(request, clientId, scope, true);
    }

    if (grant == DeviceCodeGrant) {
        pollTimes.append(nowMs());
        Device *device = findDevice(field(form, u"device_code"_s));
        if (!device)
            return oauthError(request, 400, u"bad_verification_code"_s, 70000,
                u"The provided value for the 'device_code' parameter is not valid."_s);
        if (device->state == Device::Pending && device->expiresMs < nowMs())
            device->state = Device::Expired;
        switch (device->state) {
        case Device::Expired:
            return oauthError(request, 400, u"expired_token"_s, 70019, u"Verification code expired."_s);
        case Device::Declined:
            return oauthError(
                request, 400, u"authorization_declined"_s, 70000, u"The user declined the sign-in request."_s);
        case Device::Redeemed:
            return oauthError(request, 400, u"invalid_grant"_s, 54005, u"The device code was already redeemed."_s);
        case Device::Pending:
            if (slowDownNext) {
                slowDownNext = false;
                return oauthError(request, 400, u"slow_down"_s, 0,
                    u"The client is polling too quickly; add 5 seconds to the interval."_s);
            }
            return oauthError(request, 400, u"authorization_pending"_s, 70016,
                u"OAuth 2.0 device flow error. Authorization is pending. Continue polling."_s);
        case Device::Approved: device->state = Device::Redeemed; return issue(request, clientId, device->scope, false);
        }
    }

    return oauthError(request, 400, u"unsupported_grant_type"_s, 70003,
        u"The app requested an unsupported grant type '"_s + grant.left(100) + u"'."_s);
}

} // namespace ea::sandbox
