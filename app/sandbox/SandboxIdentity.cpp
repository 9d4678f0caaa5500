// The sandbox's fake Microsoft identity platform. Shapes follow Microsoft's
// v2 endpoints (see shared/reference/graph/README.md, "Sign-in"); the
// behaviour is strict where clients commonly go wrong: PKCE S256 is
// required, codes are single-use, refresh tokens rotate, form bodies are
// decoded the standard way ('+' is a space), and loopback redirect URIs only.

#include "sandbox/SandboxIdentity.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QUrl>
#include <QUuid>

#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

constexpr qsizetype MaxIssuedAccessTokens = 20'000;
constexpr qint64 CodeLifetimeMs = 10 * 60 * 1000;
const QString DeviceCodeGrant = u"urn:ietf:params:oauth:grant-type:device_code"_s;
const QString UserPrincipalName = u"admin@contoso.sandbox"_s;
const QString UserObjectId = u"4f1c2b7e-8d3a-4e6f-9b0c-5a7d2e1f3c48"_s;
const QString UserDisplayName = u"Sandbox Admin"_s;

using Fields = QList<std::pair<QString, QString>>;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray randomBytes(int count)
{
    std::vector<quint32> words(size_t((count + 3) / 4));
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), count);
}

QByteArray base64Url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An opaque value; in special mode it contains '+', '/' and '=' (standard
// base64 of 31 bytes ends in "==").
QString opaqueValue(const char *prefix, int bytes, bool special)
{
    if (special)
        return QString::fromLatin1(QByteArray(prefix) + "+/" + randomBytes(31).toBase64());
    return QString::fromLatin1(QByteArray(prefix) + base64Url(randomBytes(bytes)));
}

Fields decodeForm(QByteArrayView raw)
{
    Fields fields;
    const auto decode = [](QByteArrayView piece) {
        QByteArray bytes = piece.toByteArray();
        bytes.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    };
    for (const QByteArray &piece : raw.toByteArray().split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        fields.append(eq < 0
                ? std::pair {decode(piece), QString()}
                : std::pair {decode(QByteArrayView(piece).first(eq)), decode(QByteArrayView(piece).sliced(eq + 1))});
    }
    return fields;
}

QString field(const Fields &fields, const QString &name)
{
    for (const auto &[key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

bool hasField(const Fields &fields, const QString &name)
{
    for (const auto &f : fields) {
        if (f.first == name)
            return true;
    }
    return false;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray pct(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

QString timestampText()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss'Z'"_s);
}

QByteArray htmlPage(const QString &title, const QString &bodyHtml)
{
    return (u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"_s + title.toHtmlEscaped()
        + u"</title><style>body{font-family:system-ui,sans-serif;margin:3em auto;max-width:40em}</style></head>"
          "<body><h1>"_s
        + title.toHtmlEscaped() + u"</h1>"_s + bodyHtml + u"</body></html>"_s)
        .toUtf8();
}

HttpResponse html(int status, const QString &title, const QString &bodyHtml)
{
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "text/html; charset=utf-8"}, {"Cache-Control", "no-store"}};
    r.body = htmlPage(title, bodyHtml);
    return r;
}

// A safe "http://host:port" from the Host header, for URLs in answers.
QString originOf(const HttpRequest &request)
{
    const QByteArray host = request.header("Host");
    if (host.isEmpty() || host.size() > 255)
        return u"http://127.0.0.1"_s;
    for (const char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '-' || c == ':' || c == '[' || c == ']';
        if (!ok)
            return u"http://127.0.0.1"_s;
    }
    return u"http://"_s + QString::fromLatin1(host);
}

struct Route
{
    enum Kind { None, Authorize, Token, DeviceCode, DeviceLogin, Approve, Decline, Expire } kind = None;
    QString tenant;
};

Route routeOf(const HttpRequest &request)
{
    QByteArrayView target = request.rawTarget;
    if (const qsizetype q = target.indexOf('?'); q >= 0)
        target = target.first(q);
    const QList<QByteArray> segments = target.toByteArray().split('/');
    Route route;
    if (segments.size() == 5 && segments.at(0).isEmpty() && !segments.at(1).isEmpty() && segments.at(2) == "oauth2"
        && segments.at(3) == "v2.0") {
        const QByteArray &leaf = segments.at(4);
        route.tenant = QString::fromUtf8(QByteArray::fromPercentEncoding(segments.at(1)));
        if (leaf == "authorize")
            route.kind = Route::Authorize;
        else if (leaf == "token")
            route.kind = Route::Token;
        else if (leaf == "devicecode")
            route.kind = Route::DeviceCode;
        return route;
    }
    if (segments.size() == 3 && segments.at(0).isEmpty() && segments.at(1) == "sandbox") {
        const QByteArray &leaf = segments.at(2);
        if (leaf == "devicelogin")
            route.kind = Route::DeviceLogin;
        else if (leaf == "approve-device")
            route.kind = Route::Approve;
        else if (leaf == "decline-device")
            route.kind = Route::Decline;
        else if (leaf == "expire-device")
            route.kind = Route::Expire;
    }
    return route;
}

Fields queryOf(const HttpRequest &request)
{
    const qsizetype q = request.rawTarget.indexOf('?');
    return q < 0 ? Fields() : decodeForm(QByteArrayView(request.rawTarget).sliced(q + 1));
}

// http://localhost:PORT[/] or http://127.0.0.1:PORT[/]: what Entra ID
// accepts for a "Mobile and desktop" app registered with http://localhost.
bool isLoopbackRedirect(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http"_s || url.port() <= 0 || url.hasQuery() || url.hasFragment()
        || !url.userInfo().isEmpty())
        return false;
    if (url.host() != u"localhost"_s && url.host() != u"127.0.0.1"_s)
        return false;
    return url.path().isEmpty() || url.path() == u"/"_s;
}

} // namespace

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
    QStringList scopes {u"DeviceManagementServiceConfig.ReadWrite.All"_s, u"Group.Read.All"_s,
        u"DeviceManagementConfiguration.ReadWrite.All"_s, u"User.Read"_s};
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
    HttpResponse deviceHook(const HttpRequest &request, Route::Kind kind);

    HttpResponse oauthError(
        const HttpRequest &request, int status, const QString &error, int code, const QString &description) const;
    HttpResponse issue(const HttpRequest &request, const QString &clientId, const QString &scope, bool withRefresh);
    QString makeAccessToken(const QString &clientId, const QString &resource, qint64 expiresS);
    QString makeIdToken(const HttpRequest &request, const QString &clientId) const;
    std::optional<HttpResponse> checkClient(const HttpRequest &request, const QString &clientId) const;
    Device *findDevice(const QString &deviceCode);
    Device *findUserCode(const QString &userCode);
};

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

// ---------------------------------------------------------------------------
// endpoints

HttpResponse SandboxIdentity::Private::authorize(const HttpRequest &request)
{
    ++authorizeRequests;
    if (request.method != "GET")
        return html(405, u"Method not allowed"_s, u"<p>Use GET.</p>"_s);
    const Fields q = queryOf(request);
    const QString clientId = field(q, u"client_id"_s);
    const QString redirectUri = field(q, u"redirect_uri"_s);
    const QString state = field(q, u"state"_s);

    // Errors that must not be sent to an unverified redirect URI are shown here.
    if (clientId.isEmpty())
        return html(400, u"Sign-in error"_s,
            u"<p>AADSTS900144: The request body must contain the following "
            "parameter: 'client_id'.</p>"_s);
    if (!registeredClientId.isEmpty() && clientId.compare(registeredClientId, Qt::CaseInsensitive) != 0)
        return html(400, u"Sign-in error"_s,
            u"<p>AADSTS700016: Application with identifier '"_s + clientId.toHtmlEscaped()
                + u"' was not found in the directory.</p>"_s);
    if (!isLoopbackRedirect(redirectUri))
        return html(400, u"Sign-in error"_s,
            u"<p>AADSTS50011: The redirect URI '"_s + redirectUri.toHtmlEscaped()
                + u"' does not match the redirect URIs configured for the application. The sandbox "
                  "accepts http://localhost:PORT/ and http://127.0.0.1:PORT/ only.</p>"_s);

    const auto redirect = [&](const QList<std::pair<QString, QString>> &params) {
        QByteArray location = redirectUri.toUtf8();
        bool first = true;
        for (const auto &[key, value] : params) {
            location += (first ? '?' : '&') + pct(key) + '=' + pct(value);
            first = false;
        }
        if (hasField(q, u"state"_s))
            location += "&state=" + pct(state);
        HttpResponse r;
        r.status = 302;
        r.headers = {{"Location", location}, {"Cache-Control", "no-store"}};
        return r;
    };
    const auto redirectError = [&](const QString &error, int code, const QString &description) {
        return redirect({{u"error"_s, error},
            {u"error_description"_s,
                (code > 0 ? u"AADSTS"_s + QString::number(code) + u": "_s : QString()) + description}});
    };

    if (nextAuthorizeFailure) {
        const auto [error, description] = *nextAuthorizeFailure;
        nextAuthorizeFailure.reset();
        return redirectError(error, 0, description);
    }
    if (field(q, u"response_type"_s) != u"code"_s)
        return redirectError(u"unsupported_response_type"_s, 70005,
            u"The response_type is not supported; the sandbox supports 'code'."_s);
    const QString challenge = field(q, u"code_challenge"_s);
    if (challenge.isEmpty())
        return redirectError(
            u"invalid_request"_s, 9002325, u"Proof Key for Code Exchange is required for this client."_s);
    if (field(q, u"code_challenge_method"_s) != u"S256"_s)
        return redirectError(u"invalid_request"_s, 9002325, u"The sandbox requires code_challenge_method=S256."_s);
    if (challenge.size() != 43)
        return redirectError(u"invalid_request"_s, 501491, u"Invalid size of Code_Challenge parameter."_s);

    const QString code = opaqueValue("1.sbx.", 48, special);
    codes.insert(
        code, AuthCode {clientId, redirectUri, challenge, field(q, u"scope"_s), nowMs() + CodeLifetimeMs, false});
    return redirect({{u"code"_s, code}, {u"session_state"_s, newGuid()}});
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
    if (const auto refused = checkClient(request, clientId))
        return *refused;
    if (nextTokenFailure) {
        const Failure f = *nextTokenFailure;
        nextTokenFailure.reset();
        return oauthError(request, f.status, f.error, f.code, f.description);
    }

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

HttpResponse SandboxIdentity::Private::deviceCode(const HttpRequest &request)
{
    if (request.method != "POST")
        return oauthError(
            request, 400, u"invalid_request"_s, 900561, u"The endpoint only accepts POST, OPTIONS requests."_s);
    rawBodies.append(request.body);
    const Fields form = decodeForm(request.body);
    const QString clientId = field(form, u"client_id"_s);
    if (const auto refused = checkClient(request, clientId))
        return *refused;
    if (nextTokenFailure) {
        const Failure f = *nextTokenFailure;
        nextTokenFailure.reset();
        return oauthError(request, f.status, f.error, f.code, f.description);
    }
    const QString scope = field(form, u"scope"_s);
    if (scope.isEmpty())
        return oauthError(request, 400, u"invalid_request"_s, 900144,
            u"The request body must contain the following parameter: 'scope'."_s);

    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString userCode;
    do {
        userCode.clear();
        for (int i = 0; i < 9; ++i)
            userCode += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    } while (findUserCode(userCode));
    Device device;
    device.deviceCode = opaqueValue("DAQABAAEAAA.sbx.", 96, special);
    device.userCode = userCode;
    device.clientId = clientId;
    device.scope = scope;
    device.expiresMs = nowMs() + deviceLifetimeS * 1000;
    devices.append(device);
    if (devices.size() > 1000)
        devices.removeFirst();

    const QString verificationUri = originOf(request) + u"/sandbox/devicelogin"_s;
    HttpResponse r;
    r.headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Cache-Control", "no-store, no-cache"}};
    r.body = compact(QJsonObject {
        {u"user_code"_s, userCode},
        {u"device_code"_s, device.deviceCode},
        {u"verification_uri"_s, verificationUri},
        {u"expires_in"_s, deviceLifetimeS},
        {u"interval"_s, deviceInterval},
        {u"message"_s,
            QString(u"To sign in, use a web browser to open the page "_s + verificationUri + u" and enter the code "_s
                + userCode + u" to authenticate."_s)},
    });
    return r;
}

HttpResponse SandboxIdentity::Private::deviceHook(const HttpRequest &request, Route::Kind kind)
{
    if (kind == Route::DeviceLogin) {
        return html(200, u"Sandbox device sign-in"_s,
            u"<p>Signing in as <b>"_s + UserPrincipalName
                + u"</b> to the sandbox tenant.</p><form method=\"post\"><label>Code <input "
                  "name=\"user_code\" autofocus></label> <button formaction=\"/sandbox/approve-device\">"
                  "Approve</button> <button formaction=\"/sandbox/decline-device\">Decline</button>"
                  "</form>"_s);
    }
    if (request.method != "POST")
        return html(405, u"Method not allowed"_s, u"<p>Use POST.</p>"_s);
    QString userCode = field(queryOf(request), u"user_code"_s);
    if (userCode.isEmpty())
        userCode = field(decodeForm(request.body), u"user_code"_s);
    Device *device = findUserCode(userCode);
    if (!device || device->state != Device::Pending)
        return html(
            404, u"Unknown code"_s, u"<p>No pending sign-in has the code "_s + userCode.toHtmlEscaped() + u".</p>"_s);
    const char *what = "";
    switch (kind) {
    case Route::Approve:
        device->state = Device::Approved;
        what = "Approved";
        break;
    case Route::Decline:
        device->state = Device::Declined;
        what = "Declined";
        break;
    default:
        device->state = Device::Expired;
        what = "Expired";
        break;
    }
    return html(200, QString::fromLatin1(what),
        u"<p>The sign-in with the code "_s + userCode.toHtmlEscaped()
            + u" was handled. You can close this page.</p>"_s);
}

// ---------------------------------------------------------------------------
// public API

SandboxIdentity::SandboxIdentity(const QString &tenantId)
    : m_d(std::make_unique<Private>())
{
    m_d->tenantId = tenantId;
}

SandboxIdentity::~SandboxIdentity() = default;

bool SandboxIdentity::handles(const HttpRequest &request)
{
    return routeOf(request).kind != Route::None;
}

HttpResponse SandboxIdentity::handle(const HttpRequest &request)
{
    const Route route = routeOf(request);
    QMutexLocker lock(&m_d->mutex);
    switch (route.kind) {
    case Route::Authorize: return m_d->authorize(request);
    case Route::Token: return m_d->token(request);
    case Route::DeviceCode: return m_d->deviceCode(request);
    case Route::DeviceLogin:
    case Route::Approve:
    case Route::Decline:
    case Route::Expire: return m_d->deviceHook(request, route.kind);
    case Route::None: break;
    }
    return html(404, u"Not found"_s, {});
}

bool SandboxIdentity::acceptsAccessToken(QByteArrayView token) const
{
    QMutexLocker lock(&m_d->mutex);
    const auto it = m_d->accessTokens.constFind(QString::fromLatin1(token));
    return it != m_d->accessTokens.cend() && !it->revoked && it->expiresMs > nowMs();
}

QString SandboxIdentity::tenantId() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->tenantId;
}

QString SandboxIdentity::userPrincipalName()
{
    return UserPrincipalName;
}

QString SandboxIdentity::userObjectId()
{
    return UserObjectId;
}

void SandboxIdentity::setGrantedScopes(const QStringList &scopes)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->scopes = scopes;
}

void SandboxIdentity::setAccessTokenLifetime(std::chrono::seconds lifetime)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->accessLifetimeS = std::max<qint64>(1, lifetime.count());
}

void SandboxIdentity::setDeviceCodeInterval(int seconds)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->deviceInterval = std::max(1, seconds);
}

void SandboxIdentity::setDeviceCodeLifetime(std::chrono::seconds lifetime)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->deviceLifetimeS = std::max<qint64>(1, lifetime.count());
}

void SandboxIdentity::setSpecialCharacterTokens(bool on)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->special = on;
}

void SandboxIdentity::setRegisteredClientId(const QString &clientId)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->registeredClientId = clientId;
}

void SandboxIdentity::failNextTokenRequest(const QString &error, int aadstsCode, const QString &description, int status)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->nextTokenFailure = Private::Failure {error, aadstsCode, description, status};
}

void SandboxIdentity::failNextAuthorize(const QString &error, const QString &description)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->nextAuthorizeFailure = std::pair {error, description};
}

bool SandboxIdentity::approveDevice(const QString &userCode)
{
    QMutexLocker lock(&m_d->mutex);
    Private::Device *d = m_d->findUserCode(userCode);
    if (!d || d->state != Private::Device::Pending)
        return false;
    d->state = Private::Device::Approved;
    return true;
}

bool SandboxIdentity::declineDevice(const QString &userCode)
{
    QMutexLocker lock(&m_d->mutex);
    Private::Device *d = m_d->findUserCode(userCode);
    if (!d || d->state != Private::Device::Pending)
        return false;
    d->state = Private::Device::Declined;
    return true;
}

bool SandboxIdentity::expireDevice(const QString &userCode)
{
    QMutexLocker lock(&m_d->mutex);
    Private::Device *d = m_d->findUserCode(userCode);
    if (!d || d->state != Private::Device::Pending)
        return false;
    d->state = Private::Device::Expired;
    return true;
}

void SandboxIdentity::slowDownNextPoll()
{
    QMutexLocker lock(&m_d->mutex);
    m_d->slowDownNext = true;
}

QStringList SandboxIdentity::pendingUserCodes() const
{
    QMutexLocker lock(&m_d->mutex);
    QStringList codes;
    for (const Private::Device &d : std::as_const(m_d->devices)) {
        if (d.state == Private::Device::Pending && d.expiresMs > nowMs())
            codes.append(d.userCode);
    }
    return codes;
}

void SandboxIdentity::revokeAllRefreshTokens()
{
    QMutexLocker lock(&m_d->mutex);
    for (auto it = m_d->refreshTokens.begin(); it != m_d->refreshTokens.end(); ++it)
        it->revoked = true;
}

void SandboxIdentity::revokeAllAccessTokens()
{
    QMutexLocker lock(&m_d->mutex);
    for (auto it = m_d->accessTokens.begin(); it != m_d->accessTokens.end(); ++it)
        it->revoked = true;
}

int SandboxIdentity::tokenRequestCount(const QString &grantType) const
{
    QMutexLocker lock(&m_d->mutex);
    return grantType.isEmpty() ? m_d->tokenRequestTotal : m_d->tokenRequests.value(grantType);
}

int SandboxIdentity::authorizeRequestCount() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->authorizeRequests;
}

QStringList SandboxIdentity::receivedRefreshTokens() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->receivedRefresh;
}

QStringList SandboxIdentity::receivedAuthorizationCodes() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->receivedCodes;
}

QList<QByteArray> SandboxIdentity::rawTokenRequestBodies() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->rawBodies;
}

QString SandboxIdentity::lastIssuedAccessToken() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->lastAccess;
}

QString SandboxIdentity::lastIssuedRefreshToken() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->lastRefresh;
}

QList<qint64> SandboxIdentity::devicePollTimes() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->pollTimes;
}

void SandboxIdentity::resetTrafficCounters()
{
    QMutexLocker lock(&m_d->mutex);
    m_d->tokenRequests.clear();
    m_d->tokenRequestTotal = 0;
    m_d->authorizeRequests = 0;
    m_d->receivedRefresh.clear();
    m_d->receivedCodes.clear();
    m_d->rawBodies.clear();
    m_d->pollTimes.clear();
}

} // namespace ea::sandbox
