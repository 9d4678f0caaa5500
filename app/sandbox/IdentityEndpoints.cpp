// The browser and device-code sides of sign-in: /authorize (redirecting to
// a loopback URI), /devicecode, and the sandbox's own device-login page with
// its approve, decline and expire hooks.

#include "sandbox/SandboxIdentity_p.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxSupport.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

using namespace identity;

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

HttpResponse SandboxIdentity::Private::deviceCode(const HttpRequest &request)
{
    if (request.method != "POST")
        return oauthError(
            request, 400, u"invalid_request"_s, 900561, u"The endpoint only accepts POST, OPTIONS requests."_s);
    rawBodies.append(request.body);
    const Fields form = decodeForm(request.body);
    const QString clientId = field(form, u"client_id"_s);
    if (const auto refused = refuseTokenRequest(request, clientId))
        return *refused;
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

HttpResponse SandboxIdentity::Private::deviceHook(const HttpRequest &request, identity::Route::Kind kind)
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

} // namespace ea::sandbox
