#include "auth/AuthError.h"

#include "Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace ea::auth {

namespace {

constexpr qsizetype kMaxDescription = 600;

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(QRegularExpression(QStringLiteral("[\r\n]")));
    return (end >= 0 ? text.left(end) : text).trimmed().left(kMaxDescription);
}

// A value from the service, made safe to show: no control characters, bounded.
QString cleaned(const QJsonValue &value, qsizetype cap = 200)
{
    QString text = value.isString() ? value.toString() : QString();
    text = text.left(cap);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\r')
            c = u' ';
    }
    return text;
}

qint64 codeFromDescription(const QString &description)
{
    static const QRegularExpression aadsts(QStringLiteral("AADSTS(\\d{1,9})"));
    const QRegularExpressionMatch match = aadsts.match(description);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

QString tenantOrDefault(const ErrorContext &context)
{
    return context.tenant.isEmpty() ? AuthError::tr("the tenant") : context.tenant;
}

} // namespace

qint64 AuthError::aadstsCode() const
{
    for (qint64 code : errorCodes) {
        if (code > 0)
            return code;
    }
    return codeFromDescription(description);
}

bool AuthError::requiresInteractiveSignIn() const
{
    switch (reason) {
    case Reason::NotSignedIn:
    case Reason::InteractionRequired:
    case Reason::MfaRequired:
    case Reason::ConsentRequired: return true;
    default: break;
    }
    return error == QLatin1String("interaction_required") || error == QLatin1String("login_required")
        || error == QLatin1String("consent_required");
}

QString AuthError::summary() const
{
    if (nextStep.isEmpty())
        return message;
    return message + u' ' + nextStep;
}

QString AuthError::details() const
{
    QStringList lines;
    lines << message;
    if (!nextStep.isEmpty())
        lines << nextStep;
    if (!error.isEmpty() || httpStatus != 0)
        lines << tr("Service answer: %1%2")
                     .arg(httpStatus ? QStringLiteral("HTTP %1 ").arg(httpStatus) : QString(), error);
    if (!description.isEmpty())
        lines << tr("Description: %1").arg(description);
    if (!traceId.isEmpty())
        lines << tr("Trace ID: %1").arg(traceId);
    if (!correlationId.isEmpty())
        lines << tr("Correlation ID: %1").arg(correlationId);
    if (!timestamp.isEmpty())
        lines << tr("Timestamp: %1").arg(timestamp);
    return lines.join(u'\n');
}

GraphError AuthError::toGraphError() const
{
    GraphError::Kind graphKind = GraphError::Kind::Refused;
    switch (kind) {
    case Kind::OAuth: graphKind = GraphError::Kind::Http; break;
    case Kind::Network: graphKind = GraphError::Kind::Network; break;
    case Kind::Timeout: graphKind = GraphError::Kind::Timeout; break;
    case Kind::Cancelled: graphKind = GraphError::Kind::Cancelled; break;
    case Kind::InvalidResponse: graphKind = GraphError::Kind::InvalidResponse; break;
    case Kind::Browser:
    case Kind::Storage:
    case Kind::Configuration: graphKind = GraphError::Kind::Refused; break;
    }
    GraphError g = GraphError::local(graphKind, summary());
    g.httpStatus = httpStatus;
    g.code = requiresInteractiveSignIn() ? kSignInRequiredCode : error;
    g.requestId = traceId;
    g.clientRequestId = correlationId;
    g.date = timestamp;
    g.requestMaybeSent = false;
    return g;
}

AuthError AuthError::local(Kind kind, Reason reason, const QString &message, const QString &nextStep)
{
    AuthError e;
    e.kind = kind;
    e.reason = reason;
    e.message = message;
    e.nextStep = nextStep;
    return e;
}

AuthError AuthError::fromEndpointResponse(
    int httpStatus, const QByteArray &body, Operation operation, const ErrorContext &context)
{
    AuthError e;
    e.kind = Kind::OAuth;
    e.httpStatus = httpStatus;
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = doc.object();
    if (parseError.error != QJsonParseError::NoError || !object.value(QStringLiteral("error")).isString()) {
        e.kind = Kind::InvalidResponse;
        e.message = tr("The sign-in service answered HTTP %1 without an OAuth error; a proxy may have answered "
                       "instead of the sign-in service.")
                        .arg(httpStatus);
        e.nextStep = tr("Check the cloud and the sign-in URL, and any proxy between this computer and the "
                        "sign-in service.");
        return e;
    }
    e.error = cleaned(object.value(QStringLiteral("error")), 80);
    e.description = firstLine(cleaned(object.value(QStringLiteral("error_description")), 4000));
    const QJsonArray codes = object.value(QStringLiteral("error_codes")).toArray();
    for (const QJsonValue &code : codes) {
        if (code.isDouble() && e.errorCodes.size() < 16)
            e.errorCodes.append(qint64(code.toDouble()));
    }
    e.traceId = cleaned(object.value(QStringLiteral("trace_id")), 80);
    e.correlationId = cleaned(object.value(QStringLiteral("correlation_id")), 80);
    e.timestamp = cleaned(object.value(QStringLiteral("timestamp")), 80);
    e.explain(operation, context);
    return e;
}

AuthError AuthError::fromAuthorizeRedirect(
    const QString &error, const QString &description, const ErrorContext &context)
{
    AuthError e;
    e.kind = Kind::OAuth;
    e.error = error.left(80);
    e.description = firstLine(description.left(4000));
    e.explain(Operation::Authorize, context);
    return e;
}

void AuthError::explain(Operation operation, const ErrorContext &context)
{
    const qint64 code = aadstsCode();
    const auto set = [this](Reason r, const QString &m, const QString &n) {
        reason = r;
        message = m;
        nextStep = n;
    };
    const QString signInAgain = tr("Sign in again (browser or device code).");

    switch (code) {
    case 700016:
        return set(Reason::AppNotFound,
            tr("The app with client id %1 was not found in %2.")
                .arg(context.clientId.isEmpty() ? tr("(none)") : context.clientId, tenantOrDefault(context)),
            tr("Check the client id, the tenant and the cloud; register the app in this tenant (see the "
               "README, \"Register the app\") and have an administrator consent to it, or use Microsoft "
               "Graph Command Line Tools (client id 14d82eec-204b-4c2f-b7e8-296a70dab67e)."));
    case 65001:
        return set(Reason::ConsentRequired,
            tr("Nobody has consented to the app's permissions in %1 yet.").arg(tenantOrDefault(context)),
            tr("Ask an administrator to grant admin consent (Entra admin center → App registrations → the "
               "app → API permissions → Grant admin consent), then sign in again."));
    case 50076:
    case 50079:
        return set(Reason::MfaRequired, tr("This tenant requires multi-factor authentication for this sign-in."),
            tr("Sign in again interactively (browser or device code) and complete the MFA prompt."));
    case 50194:
        return set(Reason::SingleTenantAppOnCommon,
            tr("The app is registered as single-tenant, so it cannot sign in through '%1'.")
                .arg(context.tenant.isEmpty() ? QStringLiteral("organizations") : context.tenant),
            tr("Set the tenant to the tenant id or its domain (for example contoso.onmicrosoft.com) "
               "instead of common or organizations."));
    case 7000218:
        return set(Reason::PublicClientFlowsDisabled,
            tr("Public client flows are turned off for this app registration, so it asks for a client "
               "secret this app never has."),
            tr("In the Entra admin center open App registrations → the app → Authentication and set "
               "\"Allow public client flows\" to Yes (needed for the device code sign-in)."));
    case 90002:
        return set(Reason::TenantNotFound,
            tr("The tenant '%1' was not found%2.")
                .arg(tenantOrDefault(context),
                    context.cloudName.isEmpty() ? QString() : tr(" in the %1 cloud").arg(context.cloudName)),
            tr("Check the tenant id or domain and the cloud: GCC High and DoD tenants sign in at "
               "login.microsoftonline.us, China at login.chinacloudapi.cn."));
    case 53003:
        return set(Reason::BlockedByConditionalAccess, tr("A Conditional Access policy blocked this sign-in."),
            tr("Ask your administrator which policy applies; the trace id below identifies the attempt."));
    default: break;
    }

    if (error == QLatin1String("authorization_pending")) {
        return set(Reason::Other, tr("The sign-in has not been approved yet."), {});
    }
    if (error == QLatin1String("slow_down")) {
        return set(Reason::Other, tr("The sign-in service asked to poll more slowly."), {});
    }
    if (error == QLatin1String("authorization_declined")) {
        return set(Reason::AuthorizationDeclined, tr("The sign-in was declined on the device-code page."),
            tr("Start the sign-in again and approve it."));
    }
    if (error == QLatin1String("expired_token") || (operation == Operation::DeviceCodePoll && code == 70019)) {
        return set(Reason::ExpiredToken, tr("The device code expired before the sign-in was approved."),
            tr("Start the sign-in again and enter the new code before it expires."));
    }
    if (error == QLatin1String("bad_verification_code")) {
        return set(Reason::BadVerificationCode, tr("The sign-in service did not recognise the device code."),
            tr("Start the sign-in again."));
    }
    if (error == QLatin1String("access_denied")) {
        return set(Reason::AccessDenied, tr("The sign-in was cancelled or denied in the browser."),
            tr("Start the sign-in again and accept the permission request."));
    }
    if (error == QLatin1String("consent_required")) {
        return set(Reason::ConsentRequired,
            tr("The app's permissions need consent in %1.").arg(tenantOrDefault(context)),
            tr("Ask an administrator to grant admin consent, then sign in again."));
    }
    if (error == QLatin1String("interaction_required") || error == QLatin1String("login_required")) {
        return set(
            Reason::InteractionRequired, tr("The sign-in service needs you to sign in interactively."), signInAgain);
    }
    if (error == QLatin1String("invalid_grant")) {
        if (operation == Operation::RefreshToken)
            return set(Reason::InteractionRequired,
                tr("Your sign-in has expired or was revoked (the refresh token is no longer valid)."), signInAgain);
        if (operation == Operation::AuthorizationCode)
            return set(Reason::CodeRejected,
                tr("The sign-in service rejected the sign-in code (it may have expired or been used "
                   "already)."),
                signInAgain);
    }
    const QString said = description.isEmpty() ? error : description;
    set(Reason::Other, tr("The sign-in service refused the request: %1").arg(said),
        tr("Check the app registration, the tenant and the cloud; the trace and correlation ids identify the "
           "attempt for support."));
}

} // namespace ea::auth
