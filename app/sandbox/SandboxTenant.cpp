// The sandbox tenant's request pipeline (authentication, version, path and
// query parsing, injected faults, traffic counters), its router, and the
// public API tests use to inspect and set up state. The resources live in
// *Resource.cpp; the data in SandboxData.cpp.

#include "sandbox/SandboxTenant.h"

#include "sandbox/GraphErrors.h"
#include "sandbox/GraphRequest.h"
#include "sandbox/SandboxResources.h"
#include "sandbox/SandboxSupport.h"
#include "sandbox/SandboxTenant_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

constexpr qsizetype RequestLogCap = 100'000;

// What Graph actually sends; clients must compare the media type, not the
// whole header.
const QByteArray JsonContentType = QByteArrayLiteral(
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
const QByteArray AgsDiagnostic = QByteArrayLiteral(
    R"({"ServerInfo":{"DataCenter":"Sandbox","Slice":"E","Ring":"1","ScaleUnit":"000","RoleInstance":"SANDBOX"}})");

bool isWriteMethod(QByteArrayView method)
{
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

} // namespace

// ===========================================================================
// Private: lookups

const SandboxConfiguration *SandboxTenant::Private::findConfiguration(const QString &id) const
{
    const auto it = configurationIndex.constFind(id.toLower());
    return it == configurationIndex.cend() ? nullptr : &configurations.at(*it);
}

SandboxConfiguration *SandboxTenant::Private::findConfiguration(const QString &id)
{
    const auto it = configurationIndex.constFind(id.toLower());
    return it == configurationIndex.cend() ? nullptr : &configurations[*it];
}

const SandboxGroup *SandboxTenant::Private::findGroup(const QString &id) const
{
    const auto it = groupIndex.constFind(id.toLower());
    return it == groupIndex.cend() ? nullptr : &groups.at(*it);
}

const SandboxFilter *SandboxTenant::Private::findFilter(const QString &id) const
{
    for (const SandboxFilter &f : filters) {
        if (f.id.compare(id, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

// ===========================================================================
// routes

namespace {

using Private = SandboxTenant::Private;

HttpResponse route(Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    if (s.isEmpty())
        return notFound(ctx, QString::fromLatin1(ctx.versionSegment));

    if (sameName(s.first(), u"deviceManagement")) {
        if (s.size() >= 2 && sameName(s.at(1), u"deviceEnrollmentConfigurations"))
            return routeConfigurations(d, ctx);
        if (s.size() >= 2 && sameName(s.at(1), u"assignmentFilters")) {
            if (!ctx.isBeta())
                return errorResponse(ctx,
                    plainError(400, u"BadRequest"_s, u"Resource not found for the segment 'assignmentFilters'."_s));
            return routeFilters(d, ctx);
        }
        return notFound(ctx, s.value(1, s.first()));
    }
    if (sameName(s.first(), u"groups"))
        return routeGroups(d, ctx);
    if (sameName(s.first(), u"users"))
        return routeUsers(d, ctx);
    if (isBatchRequest(ctx))
        return batch(d, ctx);
    if (isReadOnlyAction(ctx)) {
        ctx.routeMatched = true;
        ctx.readOnlyAction = true;
        if (ctx.http.method != "POST")
            return errorResponse(ctx,
                plainError(
                    405, u"Request_BadRequest"_s, u"Specified HTTP method is not allowed for the request target."_s));
        return getByIds(d, ctx);
    }
    return notFound(ctx, s.first());
}

bool isSafeClientRequestId(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > 128)
        return false;
    for (const char c : value) {
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\')
            return false;
    }
    return true;
}

const QStringList SystemQueryOptions {
    u"top"_s, u"skiptoken"_s, u"filter"_s, u"select"_s, u"expand"_s, u"orderby"_s, u"search"_s, u"count"_s, u"skip"_s};

} // namespace

// ===========================================================================
// the request pipeline

HttpResponse SandboxTenant::Private::handle(const HttpRequest &request)
{
    ++requestCount;
    if (requestLog.size() >= RequestLogCap)
        requestLog.remove(0, RequestLogCap / 2);
    requestLog.append(request.method + ' ' + request.rawTarget);

    Context ctx(request);
    ctx.requestId = newGuid();
    const QByteArray clientRequestId = request.header("client-request-id");
    ctx.clientRequestId = isSafeClientRequestId(clientRequestId) ? QString::fromLatin1(clientRequestId) : newGuid();
    ctx.origin = originFromHost(request.header("Host"));
    if (ctx.origin.isEmpty())
        ctx.origin = fallbackOrigin;

    const auto finish = [&ctx](HttpResponse response) {
        if (!response.body.isEmpty()) {
            response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
            if (response.status < 400)
                response.headers.append({QByteArrayLiteral("OData-Version"), QByteArrayLiteral("4.0")});
        }
        response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
        response.headers.append({QByteArrayLiteral("request-id"), ctx.requestId.toLatin1()});
        response.headers.append({QByteArrayLiteral("client-request-id"), ctx.clientRequestId.toLatin1()});
        response.headers.append({QByteArrayLiteral("x-ms-ags-diagnostic"), AgsDiagnostic});
        return response;
    };

    // Authentication comes first, as on Graph: without a valid token even a
    // wrong path answers 401.
    const QByteArray authorization = request.header("Authorization");
    const bool bearer = authorization.size() > 7 && authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
    const QByteArray presented = bearer ? authorization.mid(7).trimmed() : QByteArray();
    if (presented.isEmpty()
        || (presented != token.toUtf8() && !extraTokens.contains(presented)
            && !identity->acceptsAccessToken(presented))) {
        HttpResponse response = errorResponse(ctx,
            plainError(401, u"InvalidAuthenticationToken"_s,
                presented.isEmpty() ? u"Access token is empty."_s
                                    : u"Access token validation failure. Invalid audience."_s));
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"),
            QByteArrayLiteral(
                R"(Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000")")});
        return finish(response);
    }

    if (faultsLeft > 0) {
        --faultsLeft;
        return finish(injectedFault(
            ctx, faultStatus, faultRetryAfter >= 0 ? std::optional<int>(faultRetryAfter) : std::optional<int>()));
    }

    // Split the raw target ourselves: decoding segment by segment keeps an
    // encoded '/' inside a configuration id from becoming a separator.
    QByteArrayView target = request.rawTarget;
    if (const qsizetype hash = target.indexOf('#'); hash >= 0)
        target = target.first(hash);
    const qsizetype question = target.indexOf('?');
    ctx.rawPath = (question >= 0 ? target.first(question) : target).toByteArray();
    const QByteArrayView rawQuery = question >= 0 ? target.sliced(question + 1) : QByteArrayView();

    const QList<QByteArray> rawSegments = ctx.rawPath.split('/');
    if (rawSegments.size() < 2
        || (rawSegments.at(1).compare("v1.0", Qt::CaseInsensitive) != 0
            && rawSegments.at(1).compare("beta", Qt::CaseInsensitive) != 0)) {
        return finish(errorResponse(ctx,
            plainError(404, u"ResourceNotFound"_s, u"Invalid version: "_s + QString::fromUtf8(rawSegments.value(1)))));
    }
    ctx.versionSegment = rawSegments.at(1);
    ctx.version = ctx.versionSegment.compare("beta", Qt::CaseInsensitive) == 0 ? ApiVersion::Beta : ApiVersion::V1;
    for (qsizetype i = 2; i < rawSegments.size(); ++i) {
        const QByteArray &raw = rawSegments.at(i);
        if (raw.isEmpty()) {
            if (i == rawSegments.size() - 1)
                break; // a trailing slash is tolerated
            return finish(notFound(ctx, QString()));
        }
        ctx.segments.append(QString::fromUtf8(QByteArray::fromPercentEncoding(raw)));
    }

    QSet<QString> seenOptions;
    for (const QByteArrayView piece : rawQuery.toByteArray().split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        const auto decode = [](QByteArrayView raw) {
            QByteArray bytes = raw.toByteArray();
            bytes.replace('+', ' ');
            return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
        };
        QueryOption option {decode(eq >= 0 ? piece.first(eq) : piece),
            decode(eq >= 0 ? piece.sliced(eq + 1) : QByteArrayView()), piece.toByteArray()};
        const QString normalized = (option.key.startsWith(u'$') ? option.key.mid(1) : option.key).toLower();
        if (SystemQueryOptions.contains(normalized)) {
            if (seenOptions.contains(normalized))
                return finish(errorResponse(ctx,
                    plainError(400, u"BadRequest"_s,
                        u"Query option '$"_s + normalized
                            + u"' was specified more than once, but it must be specified at most once."_s)));
            seenOptions.insert(normalized);
        }
        ctx.query.append(option);
    }

    if (!isBatchRequest(ctx)) {
        if (const auto retryAfter = throttleRetryAfter(isWriteMethod(request.method) && !isReadOnlyAction(ctx)))
            return finish(throttledResponse(ctx, *retryAfter));
    }

    if (writeFaultsLeft > 0 && isWriteMethod(request.method) && !isReadOnlyAction(ctx) && !isBatchRequest(ctx)) {
        --writeFaultsLeft;
        if (writeFaultApplyFirst) {
            // The write lands (or is refused) as usual; only its answer is
            // replaced, as when a gateway loses the reply.
            route(*this, ctx);
            if (ctx.routeMatched)
                ++writeCount;
        }
        return finish(injectedFault(ctx, writeFaultStatus, writeFaultRetryAfter));
    }

    HttpResponse response = route(*this, ctx);
    if (ctx.routeMatched && !ctx.readOnlyAction && isWriteMethod(request.method))
        ++writeCount;
    return finish(response);
}

// ===========================================================================
// public API

SandboxTenant::SandboxTenant(const QString &accessToken, const SandboxOptions &options)
    : m_d(std::make_unique<Private>())
{
    m_d->options = options;
    m_d->token = accessToken;
    m_d->populate();
    m_d->identity = std::make_unique<SandboxIdentity>(m_d->tenantId);
}

SandboxTenant::~SandboxTenant() = default;

QString SandboxTenant::userIdByPrincipalName(const QString &userPrincipalName) const
{
    QMutexLocker lock(&m_d->mutex);
    const SandboxUser *user = m_d->findUser(userPrincipalName);
    return user ? user->id : QString();
}

HttpResponse SandboxTenant::handle(const HttpRequest &request)
{
    // Sign-in paths never reach the Graph pipeline (no bearer token there).
    if (SandboxIdentity::handles(request))
        return m_d->identity->handle(request);
    QMutexLocker lock(&m_d->mutex);
    return m_d->handle(request);
}

void SandboxTenant::setAccessToken(const QString &token)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->token = token;
}

QString SandboxTenant::accessToken() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->token;
}

void SandboxTenant::setFallbackOrigin(const QByteArray &origin)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->fallbackOrigin = origin;
}

QString SandboxTenant::tenantId() const
{
    return m_d->tenantId; // immutable after construction
}

QStringList SandboxTenant::configurationIds() const
{
    QMutexLocker lock(&m_d->mutex);
    QStringList ids;
    ids.reserve(m_d->configurations.size());
    for (const SandboxConfiguration &c : std::as_const(m_d->configurations))
        ids.append(c.id);
    return ids;
}

QString SandboxTenant::configurationIdByName(const QString &displayName) const
{
    QMutexLocker lock(&m_d->mutex);
    for (const SandboxConfiguration &c : std::as_const(m_d->configurations)) {
        if (c.displayName == displayName)
            return c.id;
    }
    return {};
}

QString SandboxTenant::defaultLimitConfigurationId() const
{
    return m_d->tenantId + u"_DefaultLimit"_s;
}

QString SandboxTenant::defaultEspConfigurationId() const
{
    return m_d->tenantId + u"_DefaultWindows10EnrollmentCompletionPageConfiguration"_s;
}

QString SandboxTenant::espConfigurationId() const
{
    return m_d->espConfigurationId;
}

QString SandboxTenant::limitConfigurationId() const
{
    return m_d->limitConfigurationId;
}

QString SandboxTenant::nullTargetConfigurationId() const
{
    return m_d->nullTargetConfigurationId;
}

QString SandboxTenant::futureTypeConfigurationId() const
{
    return m_d->futureTypeConfigurationId;
}

QString SandboxTenant::espFilteredAssignmentId() const
{
    return m_d->espFilteredAssignmentId; // immutable after construction
}

QString SandboxTenant::espPolicySetAssignmentId() const
{
    return m_d->espPolicySetAssignmentId;
}

QString SandboxTenant::espScopeTagAssignmentId() const
{
    return m_d->espScopeTagAssignmentId;
}

QString SandboxTenant::policySetId() const
{
    return m_d->policySetId;
}

QStringList SandboxTenant::groupIds() const
{
    QStringList ids;
    ids.reserve(m_d->groups.size());
    for (const SandboxGroup &g : std::as_const(m_d->groups))
        ids.append(g.id);
    return ids;
}

QString SandboxTenant::groupIdByName(const QString &displayName) const
{
    // Test and tooling API: a scan is fine, and skipping a name index keeps
    // start-up fast with 100,000 generated groups.
    for (const SandboxGroup &g : std::as_const(m_d->groups)) {
        if (g.displayName == displayName)
            return g.id;
    }
    return {};
}

QString SandboxTenant::groupNameById(const QString &groupId) const
{
    const SandboxGroup *g = m_d->findGroup(groupId);
    return g ? g->displayName : QString();
}

QString SandboxTenant::deletedGroupId() const
{
    return m_d->deletedGroupId;
}

QStringList SandboxTenant::assignmentFilterIds() const
{
    QStringList ids;
    for (const SandboxFilter &f : std::as_const(m_d->filters))
        ids.append(f.id);
    return ids;
}

QString SandboxTenant::assignmentFilterIdByName(const QString &displayName) const
{
    for (const SandboxFilter &f : std::as_const(m_d->filters)) {
        if (f.displayName == displayName)
            return f.id;
    }
    return {};
}

QJsonArray SandboxTenant::assignmentsOf(const QString &configId) const
{
    QMutexLocker lock(&m_d->mutex);
    QJsonArray array;
    if (const SandboxConfiguration *c = m_d->findConfiguration(configId)) {
        for (const SandboxAssignment &a : c->assignments)
            array.append(assignmentObject(a, ApiVersion::Beta));
    }
    return array;
}

void SandboxTenant::setAssignments(const QString &configId, const QJsonArray &assignments)
{
    QMutexLocker lock(&m_d->mutex);
    SandboxConfiguration *c = m_d->findConfiguration(configId);
    if (!c)
        return;
    QList<SandboxAssignment> replacement;
    for (const QJsonValue &value : assignments) {
        const QJsonObject object = value.toObject();
        SandboxAssignment a;
        a.id = object.value(u"id"_s).toString();
        if (a.id.isEmpty())
            a.id = c->id + u'_' + newGuid();
        QJsonValue target = object.value(u"target"_s);
        if (target.isObject()) {
            QJsonObject t = target.toObject();
            const QString type = t.value(u"@odata.type"_s).toString();
            if (!type.isEmpty() && !type.startsWith(u'#'))
                t.insert(u"@odata.type"_s, QString(u'#' + type));
            if (!t.contains(FilterIdKey))
                t.insert(FilterIdKey, QJsonValue(QJsonValue::Null));
            if (!t.contains(FilterTypeKey))
                t.insert(FilterTypeKey, u"none"_s);
            target = t;
        } else {
            target = QJsonValue(QJsonValue::Null);
        }
        a.target = target;
        a.source = object.value(u"source"_s).toString(u"direct"_s);
        a.sourceId = object.value(u"sourceId"_s).toString();
        if (m_d->keepUnknownAssignmentProperties)
            a.unknown = unknownAssignmentProperties(object);
        replacement.append(a);
    }
    c->assignments = replacement;
    c->invalidate();
}

int SandboxTenant::priorityOf(const QString &configId) const
{
    QMutexLocker lock(&m_d->mutex);
    const SandboxConfiguration *c = m_d->findConfiguration(configId);
    return c ? c->priority : -1;
}

int SandboxTenant::writeCount() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->writeCount;
}

int SandboxTenant::requestCount() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->requestCount;
}

QList<QByteArray> SandboxTenant::requestLog() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->requestLog;
}

void SandboxTenant::resetTrafficCounters()
{
    QMutexLocker lock(&m_d->mutex);
    m_d->requestCount = 0;
    m_d->writeCount = 0;
    m_d->requestLog.clear();
    m_d->throttledCount = 0;
}

SandboxIdentity &SandboxTenant::identity()
{
    return *m_d->identity; // set once in the constructor
}

void SandboxTenant::failNextRequests(int count, int status, int retryAfterSeconds)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->faultsLeft = std::max(0, count);
    m_d->faultStatus = status;
    m_d->faultRetryAfter = retryAfterSeconds;
}

void SandboxTenant::failNextWrites(int count, int status, std::optional<int> retryAfterSeconds, bool applyFirst)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->writeFaultsLeft = std::max(0, count);
    m_d->writeFaultStatus = status;
    m_d->writeFaultRetryAfter = retryAfterSeconds;
    m_d->writeFaultApplyFirst = applyFirst;
}

void SandboxTenant::setEspRefusesDelete(bool refuse)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->espRefusesDelete = refuse;
}

void SandboxTenant::acceptAccessToken(const QString &token)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->extraTokens.append(token.toUtf8());
}

bool SandboxTenant::removeConfiguration(const QString &configId)
{
    QMutexLocker lock(&m_d->mutex);
    const auto it = m_d->configurationIndex.constFind(configId.toLower());
    if (it == m_d->configurationIndex.cend())
        return false;
    m_d->configurations.removeAt(*it);
    // Only the configuration index: the group indexes are read without the
    // lock and must never change after construction.
    m_d->configurationIndex.clear();
    for (qsizetype i = 0; i < m_d->configurations.size(); ++i)
        m_d->configurationIndex.insert(m_d->configurations.at(i).id.toLower(), i);
    return true;
}

void SandboxTenant::setKeepsUnknownAssignmentProperties(bool keep)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->keepUnknownAssignmentProperties = keep;
}

void SandboxTenant::setAssignmentPageSize(int size)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->assignmentPageSize = std::max(0, size);
}

} // namespace ea::sandbox
