#pragma once

#include "domain/GraphError.h"
#include "graph/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <utility>
#include <variant>

namespace ea::auth {

// Who is signing in where: the facts an error sentence names.
struct ErrorContext
{
    QString clientId;
    QString tenant;
    QString cloudName; // display name, e.g. "US Government L4 (GCC High)"
};

// Why a sign-in, a token refresh or a token-store operation failed: the
// identity platform's own fields (for support tickets), plus one sentence and
// one next step a person can act on.
struct AuthError
{
    Q_DECLARE_TR_FUNCTIONS(AuthError)
public:
    enum class Kind {
        OAuth, // the sign-in service answered with an OAuth error
        Network, // DNS, connection refused, TLS, reset
        Timeout, // no answer in time (a request, the browser, the device code)
        Cancelled, // the user (or the program) cancelled
        InvalidResponse, // a success status with a body that is not what the service sends
        Browser, // the loopback redirect: listener, wrong state, browser-side error
        Storage, // the token store (keychain)
        Configuration, // the profile cannot be used (bad tenant, client id, login URL)
    };
    enum class Reason {
        Other,
        NotSignedIn, // no stored sign-in for this profile
        InteractionRequired, // refresh token revoked, expired or reused (invalid_grant on refresh)
        AppNotFound, // AADSTS700016
        ConsentRequired, // AADSTS65001
        MfaRequired, // AADSTS50076, AADSTS50079
        SingleTenantAppOnCommon, // AADSTS50194
        PublicClientFlowsDisabled, // AADSTS7000218
        TenantNotFound, // AADSTS90002
        BlockedByConditionalAccess, // AADSTS53003
        CodeRejected, // invalid_grant when redeeming an authorization code
        AccessDenied, // access_denied from the authorize endpoint
        AuthorizationDeclined, // device code: the user declined
        ExpiredToken, // device code: expired before approval
        BadVerificationCode, // device code: not recognised
        StateMismatch, // the redirect carried another state: possible CSRF
        KeychainUnavailable, // no keychain service (headless Linux, no D-Bus)
        KeychainAccessDenied, // the keychain refused (the user said no)
    };

    Kind kind = Kind::OAuth;
    Reason reason = Reason::Other;
    int httpStatus = 0;
    QString error; // OAuth "error", e.g. invalid_grant
    QString description; // OAuth "error_description", first line only (the rest repeats the ids)
    QList<qint64> errorCodes; // "error_codes", e.g. {70000}
    QString traceId;
    QString correlationId;
    QString timestamp;
    QString message; // one sentence: what happened
    QString nextStep; // one sentence: what to do about it

    // The first AADSTS number (from error_codes, else from the description), or 0.
    qint64 aadstsCode() const;
    // Only a new interactive sign-in (browser or device code) can fix this.
    bool requiresInteractiveSignIn() const;
    // "message nextStep"
    QString summary() const;
    // Several lines for a details box or a support ticket: the sentence, the
    // next step, the service's code and description, trace and correlation ids.
    QString details() const;
    // For AccessTokenProvider callers (GraphClient): kind mapped, the summary
    // as message, trace id as request-id, correlation id as client-request-id,
    // code = kSignInRequiredCode when only a new sign-in helps, else `error`.
    // requestMaybeSent is false: no Graph request was sent.
    GraphError toGraphError() const;

    static AuthError local(Kind kind, Reason reason, const QString &message, const QString &nextStep = {});

    // What the request was, so the same OAuth error reads right.
    enum class Operation { AuthorizationCode, RefreshToken, DeviceCodeRequest, DeviceCodePoll, Authorize };
    // Parses an error answer of /token or /devicecode (JSON with error,
    // error_description, error_codes, trace_id, correlation_id, timestamp);
    // a body that is not such JSON still gives a readable error.
    static AuthError fromEndpointResponse(
        int httpStatus, const QByteArray &body, Operation operation, const ErrorContext &context);
    // The error and error_description the authorize endpoint put in the redirect.
    static AuthError fromAuthorizeRedirect(
        const QString &error, const QString &description, const ErrorContext &context);
    // Fills message, nextStep and reason from error, errorCodes and description.
    void explain(Operation operation, const ErrorContext &context);
};

// GraphError::code when the token provider needs a new interactive sign-in.
inline const QString kSignInRequiredCode = QStringLiteral("SignInRequired");

// A value or the AuthError that explains why there is none (like ea::Result,
// which carries GraphError).
template<typename T> class AuthResult
{
public:
    AuthResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    AuthResult(AuthError error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const { return std::get<0>(m_data); }
    T &value() { return std::get<0>(m_data); }
    const AuthError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, AuthError> m_data;
};

template<typename T> using AuthCallback = std::function<void(const AuthResult<T> &)>;

using ea::Done;

} // namespace ea::auth
