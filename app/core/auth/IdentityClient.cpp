#include "auth/IdentityClient.h"

#include "Logging.h"
#include "auth/TokenClaims.h"
#include "net/ProxyAccess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

namespace ea::auth {

namespace {

const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
constexpr int kDefaultExpiresIn = 3600;
constexpr int kMaxExpiresIn = 7 * 24 * 3600;

// A number, or (as the v1 endpoints send) a numeric string; -1 if neither.
qint64 jsonSeconds(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d >= 0 && d < 1e9 ? qint64(d) : -1;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().toLongLong(&ok);
        return ok && n >= 0 && n < 1000000000 ? n : -1;
    }
    return -1;
}

QString jsonText(const QJsonObject &object, const char *key, qsizetype cap = 64 * 1024)
{
    const QJsonValue v = object.value(QLatin1String(key));
    return v.isString() ? v.toString().left(cap) : QString();
}

AuthError invalidResponse(const QString &what)
{
    return AuthError::local(AuthError::Kind::InvalidResponse, AuthError::Reason::Other,
        AuthError::tr("The sign-in service sent an answer this app cannot use: %1.").arg(what),
        AuthError::tr("Check the cloud and the sign-in URL; a proxy may have answered instead "
                      "of the sign-in service."));
}

std::optional<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

// ---------------------------------------------------------------------------
// IdentityRequest

IdentityRequest::IdentityRequest(IdentityClient *client, Handler handler)
    : QObject(client)
    , m_client(client)
    , m_handler(std::move(handler))
{ }

void IdentityRequest::start(const QUrl &url, const QByteArray &form, const QByteArray &label)
{
    m_label = label;
    m_host = url.host();
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setRawHeader(
        QByteArrayLiteral("client-request-id"), QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
    request.setRawHeader(QByteArrayLiteral("return-client-request-id"), QByteArrayLiteral("true"));
    // A redirect would carry a code or refresh token to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(int(m_client->m_timeout.count()));
    m_timer.start();

    QNetworkReply *reply = m_client->m_network->post(request, form);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (m_tooLarge)
            return;
        m_body += reply->readAll();
        if (m_body.size() > IdentityClient::kMaxResponseBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
#if QT_CONFIG(ssl)
    // Never ignored; kept to say which authority signed the certificate (a
    // TLS-inspecting proxy shows up here first, at sign-in).
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_tls.message.isEmpty())
            m_tls = net::diagnoseTls(errors, reply->sslConfiguration().peerCertificateChain(), m_host);
    });
#endif
    connect(reply, &QNetworkReply::finished, this, &IdentityRequest::onFinished);
}

void IdentityRequest::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        // Qt 6.4 warns ("this method must only be called once") when a reply
        // that already carries an error status (a 400 still being read) or
        // has finished is aborted; deleting it ends it just as well.
        if (!reply->isFinished() && reply->error() == QNetworkReply::NoError)
            reply->abort();
        reply->deleteLater();
    }
    QTimer::singleShot(0, this, [this] {
        const AuthError cancelled = AuthError::local(
            AuthError::Kind::Cancelled, AuthError::Reason::Other, AuthError::tr("The sign-in was cancelled."));
        finish(0, {}, &cancelled);
    });
}

void IdentityRequest::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (!m_tooLarge && reply->isOpen())
        m_body += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (m_tooLarge) {
        const AuthError e = invalidResponse(AuthError::tr("more than 1 MiB"));
        return finish(status, {}, &e);
    }
    if (const std::optional<net::ProxyFailure> proxy
        = net::describeProxyFailure(reply->error(), reply->url(), reply->errorString())) {
        const AuthError e
            = AuthError::local(AuthError::Kind::Network, AuthError::Reason::Other, proxy->message, proxy->nextStep);
        return finish(status, {}, &e);
    }
    if (status == 0) {
        // A transfer timeout and abort() look alike; cancel() never gets here.
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            const AuthError e = AuthError::local(AuthError::Kind::Timeout, AuthError::Reason::Other,
                AuthError::tr("The sign-in service at %1 did not answer within %2 seconds.")
                    .arg(m_host)
                    .arg(m_client->m_timeout.count() / 1000.0),
                AuthError::tr("Check the network connection and proxy, then try again."));
            return finish(0, {}, &e);
        }
        if (!m_tls.message.isEmpty()) {
            const AuthError e
                = AuthError::local(AuthError::Kind::Network, AuthError::Reason::Other, m_tls.message, m_tls.nextStep);
            return finish(0, {}, &e);
        }
        const AuthError e = AuthError::local(AuthError::Kind::Network, AuthError::Reason::Other,
            AuthError::tr("The sign-in service at %1 could not be reached: %2").arg(m_host, reply->errorString()),
            AuthError::tr("Check the network connection, the proxy and the cloud (each cloud has its own sign-in "
                          "address)."));
        return finish(0, {}, &e);
    }
    if (status >= 300 && status < 400) {
        const AuthError e = invalidResponse(AuthError::tr("a redirect to %1, which is not followed")
                                                .arg(QString::fromLatin1(reply->rawHeader("Location").left(200))));
        return finish(status, {}, &e);
    }
    finish(status, m_body, nullptr);
}

void IdentityRequest::finish(int status, const QByteArray &body, const AuthError *error)
{
    if (m_finished)
        return;
    m_finished = true;
    const qint64 ms = m_timer.isValid() ? m_timer.elapsed() : -1;
    if (error) {
        qCInfo(lcAuth).noquote() << "POST" << m_host << m_label << "failed after" << ms << "ms:" << error->message;
    } else if (status >= 400) {
        // The error fields are safe to log; bodies are not (a success carries tokens).
        const std::optional<QJsonObject> object = parseObject(body);
        qCInfo(lcAuth).noquote() << "POST" << m_host << m_label << "->" << status << "in" << ms << "ms"
                                 << (object ? object->value(QStringLiteral("error")).toString().left(60) : QString())
                                 << "trace_id"
                                 << (object ? object->value(QStringLiteral("trace_id")).toString().left(60)
                                            : QString());
    } else {
        qCDebug(lcAuth).noquote() << "POST" << m_host << m_label << "->" << status << "in" << ms << "ms";
    }
    Handler handler = std::move(m_handler);
    if (handler)
        handler(status, body, error);
    deleteLater();
}

// ---------------------------------------------------------------------------
// IdentityClient

IdentityClient::IdentityClient(QNetworkAccessManager *network, TenantProfile profile, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_profile(std::move(profile))
{ }

ErrorContext IdentityClient::errorContext() const
{
    return {m_profile.clientId, m_profile.tenant, cloudDisplayName(m_profile.cloud)};
}

std::optional<AuthError> IdentityClient::checkProfile() const
{
    const QString problem = m_profile.validate();
    if (problem.isEmpty())
        return std::nullopt;
    return AuthError::local(AuthError::Kind::Configuration, AuthError::Reason::Other, problem);
}

QUrl IdentityClient::authorizeUrl(const AuthorizeRequest &request) const
{
    QUrl url = m_profile.authorizeEndpoint();
    if (!url.isValid())
        return {};
    FormFields fields = {
        {QStringLiteral("client_id"), m_profile.clientId},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("redirect_uri"), request.redirectUri},
        {QStringLiteral("response_mode"), QStringLiteral("query")},
        {QStringLiteral("scope"), m_profile.scope()},
        {QStringLiteral("state"), request.state},
        {QStringLiteral("code_challenge"), request.codeChallenge},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    if (!request.prompt.isEmpty())
        fields.append({QStringLiteral("prompt"), request.prompt});
    if (!request.loginHint.isEmpty())
        fields.append({QStringLiteral("login_hint"), request.loginHint});
    // Encoded by us: QUrlQuery would leave '+' and '/' as they are.
    url.setQuery(QString::fromLatin1(encodeFormBody(fields)), QUrl::StrictMode);
    return url;
}

IdentityRequest *IdentityClient::postToken(const FormFields &fields, AuthError::Operation operation,
    const QByteArray &label, const AuthCallback<TokenSet> &done)
{
    const ErrorContext context = errorContext();
    auto *request = new IdentityRequest(
        this, [done, operation, context](int status, const QByteArray &body, const AuthError *error) {
            if (error) {
                done(*error);
                return;
            }
            if (status == 200) {
                done(parseTokenResponse(body, QDateTime::currentDateTimeUtc()));
                return;
            }
            done(AuthError::fromEndpointResponse(status, body, operation, context));
        });
    if (const std::optional<AuthError> problem = checkProfile()) {
        QTimer::singleShot(0, request, [request, e = *problem] { request->finish(0, {}, &e); });
        return request;
    }
    request->start(m_profile.tokenEndpoint(), encodeFormBody(fields), label);
    return request;
}

IdentityRequest *IdentityClient::redeemAuthorizationCode(
    const QString &code, const QString &redirectUri, const QString &codeVerifier, const AuthCallback<TokenSet> &done)
{
    return postToken({{QStringLiteral("client_id"), m_profile.clientId},
                         {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                         {QStringLiteral("code"), code}, {QStringLiteral("redirect_uri"), redirectUri},
                         {QStringLiteral("code_verifier"), codeVerifier}, {QStringLiteral("scope"), m_profile.scope()}},
        AuthError::Operation::AuthorizationCode, QByteArrayLiteral("token grant=authorization_code"), done);
}

IdentityRequest *IdentityClient::redeemRefreshToken(const QString &refreshToken, const AuthCallback<TokenSet> &done)
{
    return postToken({{QStringLiteral("client_id"), m_profile.clientId},
                         {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                         {QStringLiteral("refresh_token"), refreshToken}, {QStringLiteral("scope"), m_profile.scope()}},
        AuthError::Operation::RefreshToken, QByteArrayLiteral("token grant=refresh_token"), done);
}

IdentityRequest *IdentityClient::pollDeviceCode(const QString &deviceCode, const AuthCallback<TokenSet> &done)
{
    return postToken({{QStringLiteral("client_id"), m_profile.clientId},
                         {QStringLiteral("grant_type"), kDeviceCodeGrant}, {QStringLiteral("device_code"), deviceCode}},
        AuthError::Operation::DeviceCodePoll, QByteArrayLiteral("token grant=device_code"), done);
}

IdentityRequest *IdentityClient::requestDeviceCode(const AuthCallback<DeviceCode> &done)
{
    const ErrorContext context = errorContext();
    auto *request
        = new IdentityRequest(this, [done, context](int status, const QByteArray &body, const AuthError *error) {
              if (error) {
                  done(*error);
                  return;
              }
              if (status == 200) {
                  done(parseDeviceCodeResponse(body, QDateTime::currentDateTimeUtc()));
                  return;
              }
              done(AuthError::fromEndpointResponse(status, body, AuthError::Operation::DeviceCodeRequest, context));
          });
    if (const std::optional<AuthError> problem = checkProfile()) {
        QTimer::singleShot(0, request, [request, e = *problem] { request->finish(0, {}, &e); });
        return request;
    }
    request->start(m_profile.deviceCodeEndpoint(),
        encodeFormBody(
            {{QStringLiteral("client_id"), m_profile.clientId}, {QStringLiteral("scope"), m_profile.scope()}}),
        QByteArrayLiteral("devicecode"));
    return request;
}

AuthResult<TokenSet> IdentityClient::parseTokenResponse(const QByteArray &body, const QDateTime &receivedAtUtc)
{
    const std::optional<QJsonObject> object = parseObject(body);
    if (!object)
        return invalidResponse(AuthError::tr("the token answer is not a JSON object"));
    TokenSet tokens;
    tokens.accessToken = jsonText(*object, "access_token");
    if (tokens.accessToken.isEmpty())
        return invalidResponse(AuthError::tr("the token answer has no access_token"));
    tokens.tokenType = jsonText(*object, "token_type", 40);
    if (!tokens.tokenType.isEmpty() && tokens.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return invalidResponse(AuthError::tr("the token type is '%1', not Bearer").arg(tokens.tokenType));
    tokens.refreshToken = jsonText(*object, "refresh_token");
    tokens.idToken = jsonText(*object, "id_token");
    tokens.scope = jsonText(*object, "scope", 8 * 1024);
    tokens.receivedAt = receivedAtUtc;
    qint64 expiresIn = jsonSeconds(object->value(QStringLiteral("expires_in")));
    if (expiresIn < 0) {
        // No expires_in: trust the token's own exp if it has one.
        const TokenClaims claims = TokenClaims::fromAccessToken(tokens.accessToken);
        expiresIn = claims.expiresAt.isValid() ? std::max<qint64>(0, receivedAtUtc.secsTo(claims.expiresAt))
                                               : kDefaultExpiresIn;
    }
    tokens.expiresAt = receivedAtUtc.addSecs(std::min<qint64>(expiresIn, kMaxExpiresIn));
    return tokens;
}

AuthResult<DeviceCode> IdentityClient::parseDeviceCodeResponse(const QByteArray &body, const QDateTime &receivedAtUtc)
{
    const std::optional<QJsonObject> object = parseObject(body);
    if (!object)
        return invalidResponse(AuthError::tr("the device code answer is not a JSON object"));
    DeviceCode code;
    code.deviceCode = jsonText(*object, "device_code");
    code.userCode = jsonText(*object, "user_code", 64);
    QString uri = jsonText(*object, "verification_uri", 2048);
    if (uri.isEmpty())
        uri = jsonText(*object, "verification_url", 2048); // the v1 endpoint's spelling
    code.verificationUri = QUrl(uri, QUrl::StrictMode);
    code.message = jsonText(*object, "message", 2048);
    if (code.deviceCode.isEmpty() || code.userCode.isEmpty())
        return invalidResponse(AuthError::tr("the device code answer has no device_code or user_code"));
    const QString scheme = code.verificationUri.scheme();
    if (!code.verificationUri.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return invalidResponse(AuthError::tr("the device code answer has no usable verification_uri"));
    const qint64 expiresIn = jsonSeconds(object->value(QStringLiteral("expires_in")));
    code.expiresInSeconds = int(expiresIn > 0 ? std::min<qint64>(expiresIn, 24 * 3600) : 900);
    const qint64 interval = jsonSeconds(object->value(QStringLiteral("interval")));
    // RFC 8628: 5 seconds when the service names none.
    code.intervalSeconds = int(interval > 0 ? std::min<qint64>(interval, 60) : 5);
    code.expiresAt = receivedAtUtc.addSecs(code.expiresInSeconds);
    return code;
}

} // namespace ea::auth
