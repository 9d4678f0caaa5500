// Users and nested groups, for "who gets which": users/{id|upn} and
// users/{id|upn}/transitiveMemberOf[/microsoft.graph.group], and
// groups/{id}/transitiveMemberOf (routed from GroupsResource.cpp). Paged with
// $top and $skiptoken; $select as on /groups. The seed users are fixed here.

#include "sandbox/ODataQuery.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxResources.h"
#include "sandbox/SandboxSupport.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

using Private = SandboxTenant::Private;

const QString GroupCast = u"microsoft.graph.group"_s;

ApiError resourceNotFound(const QString &id)
{
    return plainError(404, u"Request_ResourceNotFound"_s,
        u"Resource '"_s + id + u"' does not exist or one of its queried reference-property objects are not present."_s);
}

} // namespace

void SandboxTenant::Private::populateUsers()
{
    const QString salesEmea = u"376361c8-1bd2-4385-9005-7bc966f578a6"_s;
    const QString salesApac = u"7998f934-c5ac-4677-a46d-64b9887ade00"_s;
    const QString salesInterns = u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s;
    const QString contractors = u"f2390b30-f6dc-4ded-be69-3cc38b72d24e"_s;
    const QString cppDevelopers = u"003b5aa1-4cf6-4199-b854-84bb8f052e71"_s;
    const QString linuxWorkstations = u"2a917cdd-55e6-4f5b-8b49-f47fd8cad199"_s;
    const QString engineering = u"d87d5065-fc61-4add-952e-9c47e52054a3"_s;
    const QString helpdesk = u"a9c24112-f5a3-4782-8f40-95215ae8e9b6"_s;
    const QString pilotUsers = u"38a33759-44ef-4e93-817f-14f4731cdea6"_s;
    const QString ring0 = u"a26c6407-abff-49fb-a185-80e416a670a9"_s;

    // Nesting: Sales Interns sit inside Sales – EMEA (which "Limit 5 devices –
    // Sales" includes while it excludes the interns: the exclusion wins);
    // C++ Developers reach Engineering through two levels; the helpdesk
    // reaches Ring 0 through IT – Pilot Users.
    groupParents.insert(salesInterns, {salesEmea});
    groupParents.insert(cppDevelopers, {linuxWorkstations});
    groupParents.insert(linuxWorkstations, {engineering});
    groupParents.insert(helpdesk, {pilotUsers});
    groupParents.insert(pilotUsers, {ring0});

    users = {
        // Excluded from "Limit 5 devices – Sales" (through Sales Interns), so
        // "Limit 3 devices – Contractors" decides her device limit;
        // co-management reaches her through two levels of nesting.
        {u"94f46b90-1228-40dc-9db6-bfdf29b0a8ee"_s, u"alice@contoso.onmicrosoft.com"_s, u"Alice Wong"_s,
            {contractors, salesInterns, cppDevelopers}},
        // "Limit 5 devices – Sales" directly; the custom ESP through the helpdesk's nesting.
        {u"a01b62ed-bb6f-4068-b1ee-d3cbac53335a"_s, u"bob@contoso.onmicrosoft.com"_s, u"Bob Meyer"_s,
            {helpdesk, salesApac}},
        // In no group: the defaults decide everything.
        {u"efa32dc9-1b05-4680-abf7-429a77d4b72b"_s, u"noor@contoso.onmicrosoft.com"_s, u"Noor Haddad"_s, {}},
    };
}

const SandboxUser *SandboxTenant::Private::findUser(const QString &idOrUpn) const
{
    for (const SandboxUser &u : users) {
        if (u.id.compare(idOrUpn, Qt::CaseInsensitive) == 0
            || u.userPrincipalName.compare(idOrUpn, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

QStringList SandboxTenant::Private::transitiveGroups(const QStringList &direct) const
{
    QStringList out;
    QSet<QString> seen;
    QStringList queue = direct;
    while (!queue.isEmpty()) {
        const QString id = queue.takeFirst().toLower();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        out.append(id);
        queue.append(groupParents.value(id));
    }
    return out;
}

HttpResponse transitiveMemberOf(Private &d, const Context &ctx, const QStringList &direct)
{
    const QStringList &s = ctx.segments;
    const bool cast = s.size() == 4;
    if (cast && !sameName(s.at(3), GroupCast))
        return errorResponse(
            ctx, plainError(400, u"BadRequest"_s, u"Resource not found for the segment '"_s + s.at(3) + u"'."_s));

    int top = 100;
    if (const QueryOption *o = ctx.option(u"top")) {
        if (!parseInt(o->value, &top) || top < 1 || top > MaxPageSize)
            return errorResponse(
                ctx, badDirectoryRequest(u"Invalid value '"_s + o->value + u"' for query option $top."_s));
    } else {
        // Small pages, like the configuration list's: a client that ignores @odata.nextLink fails visibly.
        top = std::clamp(d.options.pageSize, 1, MaxPageSize);
    }
    const auto offset = readSkipToken(ctx);
    if (!offset)
        return errorResponse(ctx,
            plainError(400, u"Directory_ExpiredPageToken"_s,
                u"The specified page token value has expired and can no longer be included in your request."_s));

    // From the group the principal is directly in (a group principal: itself) outwards; the principal's own
    // group is not its own membership.
    QStringList groups = d.transitiveGroups(direct);
    if (s.first().compare(u"groups"_s, Qt::CaseInsensitive) == 0)
        groups.removeFirst();

    const qsizetype total = groups.size();
    const qsizetype begin = std::min(*offset, total);
    const qsizetype end = std::min(begin + top, total);
    QList<QByteArray> items;
    QString selectText;
    for (qsizetype i = begin; i < end; ++i) {
        const SandboxGroup *g = d.findGroup(groups.at(i));
        if (!g)
            continue;
        std::optional<ApiError> error;
        QByteArray json = selectedGroupJson(*g, ctx, &selectText, &error);
        if (error)
            return errorResponse(ctx, *error);
        // Without the cast the collection holds directoryObjects: each names its type.
        if (!cast)
            json = "{\"@odata.type\":\"#microsoft.graph.group\"," + QByteArrayView(json).sliced(1);
        items.append(json);
    }
    const QString context = selectText.isEmpty() ? u"groups"_s : u"groups("_s + selectText + u')';
    return jsonResponse(200,
        collectionBody(ctx.metadata(cast ? context : u"directoryObjects"_s), items,
            end < total ? nextLink(ctx, end) : QByteArray()));
}

HttpResponse routeUsers(Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    ctx.routeMatched = true;
    if (ctx.http.method != "GET")
        return errorResponse(ctx,
            plainError(
                405, u"Request_BadRequest"_s, u"Specified HTTP method is not allowed for the request target."_s));
    if (s.size() < 2) {
        ctx.routeMatched = false;
        return notFound(ctx, s.last());
    }
    const SandboxUser *user = d.findUser(s.at(1));
    if (!user)
        return errorResponse(ctx, resourceNotFound(s.at(1)));
    if (s.size() == 2) {
        QByteArray out = "{\"id\":";
        appendJsonString(out, user->id);
        out += ",\"displayName\":";
        appendJsonString(out, user->displayName);
        out += ",\"userPrincipalName\":";
        appendJsonString(out, user->userPrincipalName);
        out += '}';
        return jsonResponse(200, withContext(ctx.metadata(u"users/$entity"_s), out));
    }
    if ((s.size() == 3 || s.size() == 4) && sameName(s.at(2), u"transitiveMemberOf"))
        return transitiveMemberOf(d, ctx, user->memberOf);
    ctx.routeMatched = false;
    return notFound(ctx, s.last());
}

} // namespace ea::sandbox
