// deviceManagement/assignmentFilters (beta only; the router refuses v1.0).

#include "sandbox/ODataQuery.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxResources.h"
#include "sandbox/SandboxSupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

QJsonObject filterObject(const SandboxFilter &f)
{
    return QJsonObject {
        {u"@odata.type"_s, u"#microsoft.graph.deviceAndAppManagementAssignmentFilter"_s},
        {u"id"_s, f.id},
        {u"displayName"_s, f.displayName},
        {u"description"_s, f.description},
        {u"platform"_s, f.platform},
        {u"rule"_s, f.rule},
        {u"assignmentFilterManagementType"_s, f.managementType},
        {u"createdDateTime"_s, f.createdDateTime},
        {u"lastModifiedDateTime"_s, f.lastModifiedDateTime},
        {u"roleScopeTags"_s, QJsonArray {u"0"_s}},
        {u"payloads"_s, QJsonArray {}},
    };
}

} // namespace

HttpResponse routeFilters(SandboxTenant::Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    ctx.routeMatched = true;
    if (ctx.http.method != "GET")
        return notImplemented(ctx);
    if (s.size() == 2) {
        QList<QByteArray> items;
        for (const SandboxFilter &f : std::as_const(d.filters))
            items.append(compact(filterObject(f)));
        return jsonResponse(200, collectionBody(ctx.metadata(u"deviceManagement/assignmentFilters"_s), items, {}));
    }
    if (s.size() == 3) {
        const SandboxFilter *f = d.findFilter(s.at(2));
        if (!f)
            return errorResponse(ctx,
                intuneError(
                    404, u"ResourceNotFound"_s, u"The assignment filter '"_s + s.at(2) + u"' was not found."_s));
        return jsonResponse(
            200, withContext(ctx.metadata(u"deviceManagement/assignmentFilters/$entity"_s), compact(filterObject(*f))));
    }
    ctx.routeMatched = false;
    return notFound(ctx, s.last());
}

} // namespace ea::sandbox
