// deviceManagement/deviceEnrollmentConfigurations/{id}/assignments[/{aid}]
// and the assign action: serialization in both versions, the validation the
// service does on a target, and the traps (the ESP's route refusal, refused
// defaults, assign replacing the whole list).

#include "sandbox/ODataQuery.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxResources.h"
#include "sandbox/SandboxSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

const QString FilterIdKey = u"deviceAndAppManagementAssignmentFilterId"_s;
const QString FilterTypeKey = u"deviceAndAppManagementAssignmentFilterType"_s;

namespace {

using Private = SandboxTenant::Private;

const QString AssignmentType = u"#microsoft.graph.enrollmentConfigurationAssignment"_s;
const QString GraphPrefix = u"microsoft.graph."_s;

void appendTarget(QByteArray &out, const QJsonValue &target, ApiVersion version)
{
    if (!target.isObject()) {
        out += "null";
        return;
    }
    const QJsonObject object = target.toObject();
    out += '{';
    bool first = true;
    // @odata.type first, as Graph writes it.
    if (object.contains(u"@odata.type"_s)) {
        appendKey(out, &first, "@odata.type");
        appendJsonValue(out, object.value(u"@odata.type"_s));
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"@odata.type")
            continue;
        if (version == ApiVersion::V1 && (it.key() == FilterIdKey || it.key() == FilterTypeKey))
            continue;
        appendKey(out, &first, it.key().toUtf8());
        appendJsonValue(out, it.value());
    }
    out += '}';
}

void appendAssignment(QByteArray &out, const SandboxAssignment &a, ApiVersion version)
{
    out += "{\"@odata.type\":\"#microsoft.graph.enrollmentConfigurationAssignment\",\"id\":";
    appendJsonString(out, a.id);
    if (version == ApiVersion::Beta) {
        out += ",\"source\":";
        appendJsonString(out, a.source);
        out += ",\"sourceId\":";
        appendStringOrNull(out, a.sourceId);
    }
    out += ",\"target\":";
    appendTarget(out, a.target, version);
    if (version == ApiVersion::Beta) {
        bool first = false;
        for (auto it = a.unknown.begin(); it != a.unknown.end(); ++it) {
            appendKey(out, &first, it.key().toUtf8());
            appendJsonValue(out, it.value());
        }
    }
    out += '}';
}

const QStringList KnownAssignmentProperties {u"@odata.type"_s, u"id"_s, u"target"_s, u"source"_s, u"sourceId"_s};

QByteArray assignmentJson(const SandboxAssignment &a, ApiVersion version)
{
    QByteArray out;
    appendAssignment(out, a, version);
    return out;
}

// The five target types of both schemas (reference README, "Target types").
const QStringList TargetTypes {
    u"allDevicesAssignmentTarget"_s,
    u"allLicensedUsersAssignmentTarget"_s,
    u"groupAssignmentTarget"_s,
    u"exclusionGroupAssignmentTarget"_s,
    u"configurationManagerCollectionAssignmentTarget"_s,
};

// Newer than any client, seen on beta only (reference README, "Full-list
// writes"). v1.0's model lacks it, so v1.0 refuses it on a write like any
// type it cannot resolve; its reads show it as stored (minus the beta-only
// filter properties), as the reference says nothing else.
const QString ScopeTagTargetType = u"scopeTagGroupAssignmentTarget"_s;

std::optional<ApiError> parseTarget(const QJsonValue &value, ApiVersion version, const SandboxTenant::Private &d,
    const SandboxConfiguration &config, QJsonObject *out)
{
    if (value.isUndefined() || value.isNull())
        return intuneBadRequest(u"The target property is required."_s);
    if (!value.isObject())
        return intuneBadRequest(u"The target property must be an object."_s);
    const QJsonObject target = value.toObject();

    const QJsonValue typeValue = target.value(u"@odata.type"_s);
    if (!typeValue.isString())
        return intuneBadRequest(
            u"The target must name its type in @odata.type; deviceAndAppManagementAssignmentTarget is abstract."_s);
    // The docs' request examples omit the '#', responses carry it: accept both.
    const QString qualified = stripHash(typeValue.toString());
    const QString type = qualified.startsWith(GraphPrefix) ? qualified.mid(GraphPrefix.size()) : QString();
    const bool isScopeTag = version == ApiVersion::Beta && type == ScopeTagTargetType;
    if (!TargetTypes.contains(type) && !isScopeTag)
        return intuneBadRequest(u"A type named '"_s + qualified
            + u"' could not be resolved by the model. When a model is available, each type name must resolve to a valid type."_s);

    const bool isGroup = type == u"groupAssignmentTarget" || type == u"exclusionGroupAssignmentTarget";
    const bool isCollection = type == u"configurationManagerCollectionAssignmentTarget";
    QStringList allowed {u"@odata.type"_s};
    if (isGroup)
        allowed << u"groupId"_s;
    if (isCollection)
        allowed << u"collectionId"_s;
    if (isScopeTag)
        allowed << u"targetType"_s << u"entraObjectId"_s;
    // The filter properties exist on beta only; v1.0 rejects them as
    // unknown properties.
    if (version == ApiVersion::Beta)
        allowed << FilterIdKey << FilterTypeKey;
    for (auto it = target.begin(); it != target.end(); ++it) {
        if (!allowed.contains(it.key()))
            return unknownProperty(it.key(), GraphPrefix + type);
    }

    QJsonObject canonical {{u"@odata.type"_s, QString(u"#"_s + GraphPrefix + type)}};
    if (isGroup) {
        const QJsonValue groupId = target.value(u"groupId"_s);
        if (!groupId.isString() || groupId.toString().isEmpty())
            return intuneBadRequest(u"The groupId property is required for "_s + GraphPrefix + type + u'.');
        if (!isGuid(groupId.toString()))
            return intuneBadRequest(u"The groupId '"_s + groupId.toString() + u"' is not a valid GUID."_s);
        if (type == u"exclusionGroupAssignmentTarget" && config.typeEnum == u"enrollmentNotificationsConfiguration")
            return intuneBadRequest(u"Enrollment notifications do not support group exclusion."_s);
        canonical.insert(u"groupId"_s, groupId.toString().toLower());
    }
    if (isCollection) {
        // Graph only checks presence; the format is not validated.
        const QJsonValue collectionId = target.value(u"collectionId"_s);
        if (!collectionId.isString() || collectionId.toString().isEmpty())
            return intuneBadRequest(u"The collectionId property is required for "_s + GraphPrefix + type + u'.');
        canonical.insert(u"collectionId"_s, collectionId.toString());
    }
    if (isScopeTag) {
        // Undocumented: only the types are checked, and what was sent is kept
        // exactly (null and absent stay apart), so a round trip is lossless.
        for (const QString &key : {u"targetType"_s, u"entraObjectId"_s}) {
            const QJsonValue field = target.value(key);
            if (field.isUndefined())
                continue;
            if (!field.isString() && !field.isNull())
                return intuneBadRequest(key + u" must be a string."_s);
            canonical.insert(key, field);
        }
    }

    QString filterType = u"none"_s;
    QJsonValue filterId(QJsonValue::Null);
    if (version == ApiVersion::Beta) {
        const QJsonValue typeField = target.value(FilterTypeKey);
        if (!typeField.isUndefined() && !typeField.isNull()) {
            if (!typeField.isString())
                return intuneBadRequest(u"deviceAndAppManagementAssignmentFilterType must be a string."_s);
            filterType = typeField.toString();
            if (filterType != u"none" && filterType != u"include" && filterType != u"exclude")
                return intuneBadRequest(u"The value '"_s + filterType
                    + u"' is not valid for deviceAndAppManagementAssignmentFilterType; expected none, include or exclude."_s);
        }
        const QJsonValue idField = target.value(FilterIdKey);
        if (!idField.isUndefined() && !idField.isNull() && !idField.isString())
            return intuneBadRequest(u"deviceAndAppManagementAssignmentFilterId must be a string."_s);
        const QString id = idField.toString();
        if (filterType != u"none") {
            if (id.isEmpty())
                return intuneBadRequest(
                    u"An assignment filter id is required when the filter type is '"_s + filterType + u"'."_s);
            if (!d.findFilter(id))
                return intuneBadRequest(u"The assignment filter '"_s + id + u"' does not exist."_s);
        }
        if (!id.isEmpty())
            filterId = id;
    }
    canonical.insert(FilterIdKey, filterId);
    canonical.insert(FilterTypeKey, filterType);
    *out = canonical;
    return std::nullopt;
}

std::optional<ApiError> parseAssignment(const QJsonValue &value, ApiVersion version, const SandboxTenant::Private &d,
    const SandboxConfiguration &config, bool keepId, SandboxAssignment *out)
{
    if (!value.isObject())
        return intuneBadRequest(u"An enrollmentConfigurationAssignment must be a JSON object."_s);
    const QJsonObject object = value.toObject();

    QStringList allowed {u"@odata.type"_s, u"id"_s, u"target"_s};
    if (version == ApiVersion::Beta)
        allowed << u"source"_s << u"sourceId"_s;
    const bool keepUnknown = version == ApiVersion::Beta && d.keepUnknownAssignmentProperties;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()) && !keepUnknown)
            return unknownProperty(it.key(), u"microsoft.graph.enrollmentConfigurationAssignment"_s);
    }
    const QJsonValue type = object.value(u"@odata.type"_s);
    if (!type.isUndefined()) {
        if (!type.isString() || stripHash(type.toString()) != stripHash(AssignmentType))
            return intuneBadRequest(u"A type named '"_s + stripHash(type.toString())
                + u"' could not be resolved by the model. When a model is available, each type name must resolve to a valid type."_s);
    }

    SandboxAssignment result;
    QJsonObject target;
    if (const auto error = parseTarget(object.value(u"target"_s), version, d, config, &target))
        return error;
    result.target = target;

    const QJsonValue id = object.value(u"id"_s);
    if (!id.isUndefined() && !id.isNull() && !id.isString())
        return intuneBadRequest(u"The id property must be a string."_s);
    result.id = keepId && !id.toString().isEmpty() ? id.toString() : config.id + u'_' + newGuid();

    result.source = u"direct"_s;
    const QJsonValue source = object.value(u"source"_s);
    if (source.isString()) {
        if (source.toString() != u"direct" && source.toString() != u"policySets")
            return intuneBadRequest(
                u"The value '"_s + source.toString() + u"' is not valid for deviceAndAppManagementAssignmentSource."_s);
        result.source = source.toString();
    }
    result.sourceId = object.value(u"sourceId"_s).toString();
    if (keepUnknown)
        result.unknown = unknownAssignmentProperties(object);
    *out = result;
    return std::nullopt;
}

QString configurationsContext(const QString &configId)
{
    return u"deviceManagement/deviceEnrollmentConfigurations"_s + odataKey(configId);
}

HttpResponse listAssignments(const Private &d, const Context &ctx, const SandboxConfiguration &c)
{
    if (d.assignmentPageSize > 0) {
        const auto offset = readSkipToken(ctx);
        if (!offset)
            return errorResponse(ctx, intuneBadRequest(u"The $skiptoken value is not valid."_s));
        QList<QByteArray> items;
        const qsizetype end = std::min(c.assignments.size(), *offset + d.assignmentPageSize);
        for (qsizetype i = *offset; i < end; ++i)
            items.append(assignmentJson(c.assignments.at(i), ctx.version));
        return jsonResponse(200,
            collectionBody(ctx.metadata(configurationsContext(c.id) + u"/assignments"_s), items,
                end < c.assignments.size() ? nextLink(ctx, end) : QByteArray()));
    }
    QByteArray body = "{\"@odata.context\":" + jsonString(ctx.metadata(configurationsContext(c.id) + u"/assignments"_s))
        + ",\"value\":";
    body += assignmentsJson(c, ctx.version);
    body += '}';
    return jsonResponse(200, body);
}

HttpResponse assignmentEntity(const Context &ctx, const SandboxConfiguration &c, const SandboxAssignment &a, int status)
{
    return jsonResponse(status,
        withContext(
            ctx.metadata(configurationsContext(c.id) + u"/assignments/$entity"_s), assignmentJson(a, ctx.version)));
}

// Defaults refuse every write before their body is read; otherwise the body
// must be a JSON object. On refusal, *refusal holds the answer.
std::optional<QJsonObject> bodyForWrite(const Context &ctx, const SandboxConfiguration &c, HttpResponse *refusal)
{
    if (c.isDefault) {
        *refusal = errorResponse(ctx, intuneBadRequest(DefaultRefusal));
        return std::nullopt;
    }
    ApiError error;
    auto object = bodyObject(ctx, &error);
    if (!object)
        *refusal = errorResponse(ctx, error);
    return object;
}

HttpResponse createAssignment(Private &d, const Context &ctx, SandboxConfiguration &c)
{
    // The real service has no POST route for ESP assignments at all; what
    // works is the assign action. The refusal comes before any validation.
    if (c.isEsp)
        return routeRefusal(ctx, "~/singleton/navigation/key/navigation");
    HttpResponse refusal;
    const auto object = bodyForWrite(ctx, c, &refusal);
    if (!object)
        return refusal;
    SandboxAssignment a;
    if (const auto invalid = parseAssignment(*object, ctx.version, d, c, false, &a))
        return errorResponse(ctx, *invalid);
    c.assignments.append(a);
    c.invalidate();
    HttpResponse response = assignmentEntity(ctx, c, a, 201);
    response.headers.append(
        {QByteArrayLiteral("Location"), ctx.origin + ctx.rawPath + '/' + QUrl::toPercentEncoding(a.id)});
    return response;
}

// Replaces the whole list: whatever is not sent is gone. Graph does not
// document this; it is what every tenant does.
HttpResponse assign(Private &d, const Context &ctx, SandboxConfiguration &c)
{
    HttpResponse refusal;
    const auto object = bodyForWrite(ctx, c, &refusal);
    if (!object)
        return refusal;
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (it.key() != u"enrollmentConfigurationAssignments")
            return errorResponse(ctx,
                intuneBadRequest(u"The parameter '"_s + it.key()
                    + u"' in the request payload is not a valid parameter for the operation 'assign'."_s));
    }
    const QJsonValue list = object->value(u"enrollmentConfigurationAssignments"_s);
    if (!list.isArray())
        return errorResponse(
            ctx, intuneBadRequest(u"enrollmentConfigurationAssignments is required and must be an array."_s));

    // All or nothing: one bad entry leaves the existing list untouched.
    QList<SandboxAssignment> replacement;
    QSet<QString> seenIds;
    const QJsonArray entries = list.toArray();
    for (const QJsonValue &entry : entries) {
        SandboxAssignment a;
        if (const auto invalid = parseAssignment(entry, ctx.version, d, c, true, &a))
            return errorResponse(ctx, *invalid);
        if (seenIds.contains(a.id.toLower()))
            a.id = c.id + u'_' + newGuid();
        seenIds.insert(a.id.toLower());
        replacement.append(a);
    }
    c.assignments = replacement;
    c.invalidate();
    return noContent();
}

qsizetype findAssignment(const SandboxConfiguration &c, const QString &id)
{
    for (qsizetype i = 0; i < c.assignments.size(); ++i) {
        if (c.assignments.at(i).id.compare(id, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace

QJsonObject unknownAssignmentProperties(const QJsonObject &assignment)
{
    QJsonObject unknown;
    for (auto it = assignment.begin(); it != assignment.end(); ++it) {
        if (!KnownAssignmentProperties.contains(it.key()))
            unknown.insert(it.key(), it.value());
    }
    return unknown;
}

const QByteArray &assignmentsJson(const SandboxConfiguration &c, ApiVersion version)
{
    QByteArray &cache = version == ApiVersion::V1 ? c.assignmentsJsonV1 : c.assignmentsJsonBeta;
    if (cache.isEmpty()) {
        QByteArray out = "[";
        for (qsizetype i = 0; i < c.assignments.size(); ++i) {
            if (i > 0)
                out += ',';
            appendAssignment(out, c.assignments.at(i), version);
        }
        out += ']';
        cache = out;
    }
    return cache;
}

QJsonObject assignmentObject(const SandboxAssignment &a, ApiVersion version)
{
    return QJsonDocument::fromJson(assignmentJson(a, version)).object();
}

std::optional<HttpResponse> routeAssignments(Private &d, Context &ctx, SandboxConfiguration *config)
{
    const QStringList &s = ctx.segments;
    const QByteArray &method = ctx.http.method;
    const qsizetype n = s.size();
    const QString &part = s.at(3);
    if (n == 4 && sameName(part, u"assignments")) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "GET")
            return listAssignments(d, ctx, *config);
        if (method == "POST")
            return createAssignment(d, ctx, *config);
        return routeRefusal(ctx, "~/singleton/navigation/key/navigation");
    }
    // Bound actions answer to the bare and the namespace-qualified name.
    if (n == 4 && (sameName(part, u"assign") || sameName(part, u"microsoft.graph.assign"))) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "POST")
            return assign(d, ctx, *config);
        return routeRefusal(ctx, "~/singleton/navigation/key/action");
    }
    if (n == 5 && sameName(part, u"assignments")) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        const qsizetype index = findAssignment(*config, s.at(4));
        if (method != "GET" && method != "DELETE" && method != "PATCH")
            return routeRefusal(ctx, "~/singleton/navigation/key/navigation/key");
        if (method == "DELETE" && config->isEsp && d.espRefusesDelete)
            return routeRefusal(ctx, "~/singleton/navigation/key/navigation/key");
        if (method != "GET" && config->isDefault)
            return errorResponse(ctx, intuneBadRequest(DefaultRefusal));
        if (index < 0)
            return errorResponse(ctx,
                intuneError(404, u"ResourceNotFound"_s,
                    u"The enrollment configuration assignment '"_s + s.at(4) + u"' was not found."_s));
        if (method == "GET")
            return assignmentEntity(ctx, *config, config->assignments.at(index), 200);
        if (method == "DELETE") {
            config->assignments.removeAt(index);
            config->invalidate();
            return noContent();
        }
        ApiError error;
        const auto object = bodyObject(ctx, &error);
        if (!object)
            return errorResponse(ctx, error);
        SandboxAssignment updated;
        if (const auto invalid = parseAssignment(*object, ctx.version, d, *config, false, &updated))
            return errorResponse(ctx, *invalid);
        SandboxAssignment &existing = config->assignments[index];
        existing.target = updated.target;
        if (ctx.isBeta() && object->contains(u"source"_s)) {
            existing.source = updated.source;
            existing.sourceId = updated.sourceId;
        }
        config->invalidate();
        return assignmentEntity(ctx, *config, existing, 200);
    }
    return std::nullopt;
}

} // namespace ea::sandbox
