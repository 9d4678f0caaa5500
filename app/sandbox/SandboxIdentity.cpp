// The sandbox's fake Microsoft identity platform. Shapes follow Microsoft's
// v2 endpoints (see shared/reference/graph/README.md, "Sign-in"); the
// behaviour is strict where clients commonly go wrong: PKCE S256 is
// required, codes are single-use, refresh tokens rotate, form bodies are
// decoded the standard way ('+' is a space), and loopback redirect URIs only.

#include "sandbox/SandboxIdentity.h"

#include "sandbox/SandboxIdentity_p.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

using namespace identity;

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
