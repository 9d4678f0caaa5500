// directoryObjects/getByIds: a POST that only reads. Only groups exist in
// the sandbox's directory.

#include "sandbox/ODataQuery.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxResources.h"
#include "sandbox/SandboxSupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

constexpr int MaxGetByIds = 1000;

} // namespace

// One request resolves every group an assignment list names; ids that no
// longer exist are simply absent from the answer.
HttpResponse getByIds(SandboxTenant::Private &d, const Context &ctx)
{
    const auto value = parseJsonBody(ctx.http.body);
    if (!value || !value->isObject())
        return errorResponse(ctx, badDirectoryRequest(u"Invalid request body: a JSON object is expected."_s));
    const QJsonObject object = value->toObject();
    const QJsonValue ids = object.value(u"ids"_s);
    if (!ids.isArray())
        return errorResponse(ctx, badDirectoryRequest(u"The ids property is required."_s));
    const QJsonArray idArray = ids.toArray();
    if (idArray.size() > MaxGetByIds)
        return errorResponse(ctx, badDirectoryRequest(u"Too many ids: at most 1000 may be requested at once."_s));

    bool wantGroups = true;
    const QJsonValue types = object.value(u"types"_s);
    if (!types.isUndefined() && !types.isNull()) {
        if (!types.isArray())
            return errorResponse(ctx, badDirectoryRequest(u"The types property must be an array of strings."_s));
        const QJsonArray typeArray = types.toArray();
        if (!typeArray.isEmpty()) {
            wantGroups = false;
            for (const QJsonValue &t : typeArray) {
                const QString name = stripHash(t.toString());
                if (sameName(name, u"group") || sameName(name, u"microsoft.graph.group"))
                    wantGroups = true;
            }
        }
    }

    QList<QByteArray> items;
    for (const QJsonValue &id : idArray) {
        if (!id.isString() || !isGuid(id.toString()))
            return errorResponse(ctx, badDirectoryRequest(u"Invalid object identifier '"_s + id.toString() + u"'."_s));
        if (!wantGroups)
            continue;
        if (const SandboxGroup *g = d.findGroup(id.toString())) {
            const QByteArray &json = groupJson(*g);
            items.append("{\"@odata.type\":\"#microsoft.graph.group\"," + QByteArrayView(json).sliced(1));
        }
    }
    return jsonResponse(200, collectionBody(ctx.metadata(u"directoryObjects"_s), items, {}));
}

bool isReadOnlyAction(const Context &ctx)
{
    const QStringList &s = ctx.segments;
    return s.size() == 2 && sameName(s.first(), u"directoryObjects")
        && (sameName(s.at(1), u"getByIds") || sameName(s.at(1), u"microsoft.graph.getByIds"));
}

} // namespace ea::sandbox
