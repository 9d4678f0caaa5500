// deviceManagement/deviceEnrollmentConfigurations: the list (paged, with
// $filter on the type and $expand=assignments), one configuration, and
// setPriority. Their assignments live in AssignmentsResource.cpp.

#include "sandbox/ODataQuery.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxResources.h"
#include "sandbox/SandboxSupport.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

const QString DefaultRefusal = u"Default enrollment configurations cannot be assigned"_s;

namespace {

using Private = SandboxTenant::Private;

const QByteArray &configurationJson(const SandboxConfiguration &c, ApiVersion version)
{
    QByteArray &cache = version == ApiVersion::V1 ? c.jsonV1 : c.jsonBeta;
    if (cache.isEmpty()) {
        QByteArray out;
        out.reserve(1024);
        out += "{\"@odata.type\":";
        appendJsonString(out, c.odataType);
        out += ",\"id\":";
        appendJsonString(out, c.id);
        out += ",\"displayName\":";
        appendJsonString(out, c.displayName);
        out += ",\"description\":";
        appendStringOrNull(out, c.description);
        out += ",\"priority\":" + QByteArray::number(c.priority);
        out += ",\"createdDateTime\":";
        appendJsonString(out, c.createdDateTime);
        out += ",\"lastModifiedDateTime\":";
        appendJsonString(out, c.lastModifiedDateTime);
        out += ",\"version\":" + QByteArray::number(c.version);
        if (version == ApiVersion::Beta) {
            out += ",\"roleScopeTagIds\":[\"0\"],\"deviceEnrollmentConfigurationType\":";
            appendJsonString(out, c.typeEnum);
        }
        const QJsonObject &specific = version == ApiVersion::V1 ? c.specificV1 : c.specificBeta;
        if (!specific.isEmpty()) {
            const QByteArray fragment = compact(specific);
            out += ',';
            out += QByteArrayView(fragment).sliced(1); // drops '{', keeps '}'
        } else {
            out += '}';
        }
        cache = out;
    }
    return cache;
}

const QByteArray &configurationWithAssignments(const SandboxConfiguration &c, ApiVersion version)
{
    QByteArray &cache = version == ApiVersion::V1 ? c.expandedJsonV1 : c.expandedJsonBeta;
    if (cache.isEmpty()) {
        const QByteArray &item = configurationJson(c, version);
        const QByteArray &assignments = assignmentsJson(c, version);
        QByteArray out;
        out.reserve(item.size() + assignments.size() + 20);
        out += QByteArrayView(item).chopped(1);
        out += ",\"assignments\":";
        out += assignments;
        out += '}';
        cache = out;
    }
    return cache;
}

void touch(SandboxConfiguration &c)
{
    c.lastModifiedDateTime = nowIso();
    c.invalidate();
}

HttpResponse listConfigurations(Private &d, const Context &ctx)
{
    int top = std::clamp(d.options.pageSize, 1, MaxPageSize);
    if (const QueryOption *o = ctx.option(u"top")) {
        int value = 0;
        if (!parseInt(o->value, &value) || value < 1)
            return errorResponse(ctx, intuneBadRequest(u"Invalid $top value '"_s + o->value + u"'."_s));
        // Intune quietly caps large pages instead of refusing them.
        top = std::min(value, MaxPageSize);
    }
    const auto offset = readSkipToken(ctx);
    if (!offset)
        return errorResponse(ctx, intuneBadRequest(u"The $skiptoken value is not valid."_s));

    bool expand = false;
    if (const QueryOption *o = ctx.option(u"expand")) {
        const QStringList parts = o->value.split(u',');
        for (const QString &part : parts) {
            const QString name = part.trimmed();
            if (name != u"assignments")
                return errorResponse(ctx,
                    plainError(400, u"BadRequest"_s,
                        u"Could not find a property named '"_s + name
                            + u"' on type 'microsoft.graph.deviceEnrollmentConfiguration'."_s));
            expand = true;
        }
    }

    bool haveFilter = false;
    QString typeFilter;
    if (const QueryOption *o = ctx.option(u"filter")) {
        FilterParser parser(o->value);
        QString property;
        const bool named = parser.identifier(&property);
        if (named && sameName(property, u"deviceEnrollmentConfigurationType") && !ctx.isBeta())
            return errorResponse(ctx,
                plainError(400, u"BadRequest"_s,
                    u"Could not find a property named 'deviceEnrollmentConfigurationType' on type 'microsoft.graph.deviceEnrollmentConfiguration'."_s));
        if (!named || !sameName(property, u"deviceEnrollmentConfigurationType") || !parser.keyword(u"eq")
            || !parser.stringLiteral(&typeFilter) || !parser.atEnd())
            return errorResponse(ctx, intuneBadRequest(u"Invalid filter clause: '"_s + o->value + u"'."_s));
        haveFilter = true;
    }

    QList<qsizetype> matching;
    if (haveFilter) {
        for (qsizetype i = 0; i < d.configurations.size(); ++i) {
            if (d.configurations.at(i).typeEnum == typeFilter)
                matching.append(i);
        }
    }
    const qsizetype total = haveFilter ? matching.size() : d.configurations.size();
    const qsizetype begin = std::min(*offset, total);
    const qsizetype end = std::min(begin + top, total);

    QList<QByteArray> items;
    items.reserve(end - begin);
    for (qsizetype i = begin; i < end; ++i) {
        const SandboxConfiguration &c = d.configurations.at(haveFilter ? matching.at(i) : i);
        items.append(expand ? configurationWithAssignments(c, ctx.version) : configurationJson(c, ctx.version));
    }
    const QByteArray next = end < total ? nextLink(ctx, end) : QByteArray();
    return jsonResponse(
        200, collectionBody(ctx.metadata(u"deviceManagement/deviceEnrollmentConfigurations"_s), items, next));
}

HttpResponse getConfiguration(const Context &ctx, const SandboxConfiguration &c)
{
    bool expand = false;
    if (const QueryOption *o = ctx.option(u"expand")) {
        if (o->value.trimmed() != u"assignments")
            return errorResponse(ctx,
                plainError(400, u"BadRequest"_s,
                    u"Could not find a property named '"_s + o->value.trimmed()
                        + u"' on type 'microsoft.graph.deviceEnrollmentConfiguration'."_s));
        expand = true;
    }
    const QByteArray &entity
        = expand ? configurationWithAssignments(c, ctx.version) : configurationJson(c, ctx.version);
    return jsonResponse(
        200, withContext(ctx.metadata(u"deviceManagement/deviceEnrollmentConfigurations/$entity"_s), entity));
}

// The order a configuration is numbered in: its type, and for beta's
// single-platform restrictions its platform too (each has its own order).
QString orderOf(const SandboxConfiguration &c)
{
    const QString platform = c.specificBeta.value(u"platformType"_s).toString();
    return c.family == u"singlePlatformRestriction"_s ? c.family + u':' + platform : c.family;
}

HttpResponse setPriority(Private &d, const Context &ctx, SandboxConfiguration &c)
{
    if (c.isDefault)
        return errorResponse(
            ctx, intuneBadRequest(u"The priority of a default enrollment configuration cannot be changed."_s));
    // Windows Hello for Business is one tenant-wide setting: no order to take a place in.
    if (c.family == u"windowsHelloForBusiness"_s)
        return errorResponse(
            ctx, intuneBadRequest(u"Windows Hello for Business configurations do not support priorities."_s));
    ApiError error;
    const auto object = bodyObject(ctx, &error);
    if (!object)
        return errorResponse(ctx, error);
    const QJsonValue value = object->value(u"priority"_s);
    if (!value.isDouble() || value.toDouble() != double(value.toInt()))
        return errorResponse(ctx, intuneBadRequest(u"priority is required and must be an integer."_s));
    const int wanted = value.toInt();

    QList<SandboxConfiguration *> order;
    for (SandboxConfiguration &other : d.configurations) {
        if (!other.isDefault && orderOf(other) == orderOf(c))
            order.append(&other);
    }
    if (wanted < 1 || wanted > order.size())
        return errorResponse(ctx,
            intuneBadRequest(u"Priority "_s + QString::number(wanted) + u" is out of range: it must be between 1 and "_s
                + QString::number(order.size()) + u'.'));
    // As the service answers the same priority again (Microsoft365DSC PR #4295).
    if (wanted == c.priority)
        return errorResponse(
            ctx, intuneBadRequest(u"The configuration already has priority "_s + QString::number(wanted) + u'.'));

    // The ones in between shift by one towards the place c left; the rest keep their numbers.
    const int from = c.priority;
    for (SandboxConfiguration *member : std::as_const(order)) {
        int priority = member->priority;
        if (member == &c)
            priority = wanted;
        else if (wanted < from && priority >= wanted && priority < from)
            ++priority;
        else if (wanted > from && priority > from && priority <= wanted)
            --priority;
        else
            continue;
        member->priority = priority;
        ++member->version;
        touch(*member);
    }
    return noContent();
}

} // namespace

ApiError configurationNotFound(const QString &id)
{
    return intuneError(
        404, u"ResourceNotFound"_s, u"The device enrollment configuration '"_s + id + u"' was not found."_s);
}

std::optional<QJsonObject> bodyObject(const Context &ctx, ApiError *error)
{
    if (ctx.http.body.trimmed().isEmpty()) {
        *error = intuneBadRequest(u"Empty Payload. JSON content expected."_s);
        return std::nullopt;
    }
    const auto value = parseJsonBody(ctx.http.body);
    if (!value) {
        *error = intuneBadRequest(u"The request body is not valid JSON."_s);
        return std::nullopt;
    }
    if (!value->isObject()) {
        *error = intuneBadRequest(u"The request body must be a JSON object."_s);
        return std::nullopt;
    }
    return value->toObject();
}

HttpResponse routeConfigurations(Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    const QByteArray &method = ctx.http.method;
    const qsizetype n = s.size();
    ctx.routeMatched = true;

    if (n == 2) {
        if (method == "GET")
            return listConfigurations(d, ctx);
        if (method == "POST")
            return notImplemented(ctx);
        return routeRefusal(ctx, "~/singleton/navigation");
    }

    SandboxConfiguration *config = d.findConfiguration(s.at(2));
    if (n == 3) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "GET")
            return getConfiguration(ctx, *config);
        if (method == "PATCH" || method == "DELETE")
            return notImplemented(ctx);
        return routeRefusal(ctx, "~/singleton/navigation/key");
    }

    const QString &part = s.at(3);
    if (n == 4 && (sameName(part, u"setPriority") || sameName(part, u"microsoft.graph.setPriority"))) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "POST")
            return setPriority(d, ctx, *config);
        return routeRefusal(ctx, "~/singleton/navigation/key/action");
    }
    if (auto response = routeAssignments(d, ctx, config))
        return *response;

    ctx.routeMatched = false;
    return notFound(ctx, s.at(n - 1));
}

} // namespace ea::sandbox
