// groups and groups/{id}: Graph's directory rules for $filter, $search,
// $orderby, $count, $select and $top (with the ConsistencyLevel: eventual
// header the advanced queries need), and the group's JSON in Graph's order.

#include "sandbox/ODataQuery.h"
#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxResources.h"
#include "sandbox/SandboxSupport.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

using Private = SandboxTenant::Private;

constexpr int DefaultGroupPageSize = 100;

bool matches(const SandboxGroup &g, const GroupClause &c)
{
    switch (c.property) {
    case GroupClause::Property::DisplayName:
        return c.op == GroupClause::Op::StartsWith ? g.folded.startsWith(c.folded) : g.folded == c.folded;
    case GroupClause::Property::MailNickname: {
        const QString nick = caseFolded(g.nickname());
        return c.op == GroupClause::Op::StartsWith ? nick.startsWith(c.folded) : nick == c.folded;
    }
    case GroupClause::Property::Id:
        if (c.op == GroupClause::Op::In)
            return c.foldedValues.contains(caseFolded(g.id));
        return g.id.compare(c.folded, Qt::CaseInsensitive) == 0;
    case GroupClause::Property::SecurityEnabled: return g.securityEnabled == c.flag;
    case GroupClause::Property::MailEnabled: return g.mailEnabled == c.flag;
    }
    return false;
}

// $search="displayName:x": Graph tokenizes names, so a term matches at the
// start of any word, case-insensitively.
bool searchMatches(const SandboxGroup &g, const QString &foldedTerm)
{
    const QString &name = g.folded;
    for (qsizetype i = 0; i + foldedTerm.size() <= name.size(); ++i) {
        if (i > 0 && name.at(i - 1).isLetterOrNumber())
            continue;
        if (QStringView(name).sliced(i).startsWith(foldedTerm))
            return true;
    }
    return false;
}

enum class GroupProperty {
    Id,
    DeletedDateTime,
    Classification,
    CreatedDateTime,
    Description,
    DisplayName,
    GroupTypes,
    Mail,
    MailEnabled,
    MailNickname,
    MembershipRule,
    MembershipRuleProcessingState,
    OnPremisesSyncEnabled,
    SecurityEnabled,
    Visibility,
};

struct GroupPropertyName
{
    GroupProperty property;
    const char *key;
};

// Graph's own order for a group.
constexpr std::array<GroupPropertyName, 15> GroupProperties {{
    {GroupProperty::Id, "id"},
    {GroupProperty::DeletedDateTime, "deletedDateTime"},
    {GroupProperty::Classification, "classification"},
    {GroupProperty::CreatedDateTime, "createdDateTime"},
    {GroupProperty::Description, "description"},
    {GroupProperty::DisplayName, "displayName"},
    {GroupProperty::GroupTypes, "groupTypes"},
    {GroupProperty::Mail, "mail"},
    {GroupProperty::MailEnabled, "mailEnabled"},
    {GroupProperty::MailNickname, "mailNickname"},
    {GroupProperty::MembershipRule, "membershipRule"},
    {GroupProperty::MembershipRuleProcessingState, "membershipRuleProcessingState"},
    {GroupProperty::OnPremisesSyncEnabled, "onPremisesSyncEnabled"},
    {GroupProperty::SecurityEnabled, "securityEnabled"},
    {GroupProperty::Visibility, "visibility"},
}};

const GroupPropertyName *findGroupProperty(QStringView name)
{
    for (const GroupPropertyName &p : GroupProperties) {
        if (name.compare(QLatin1String(p.key), Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

void appendGroupProperty(QByteArray &out, bool *first, const SandboxGroup &g, const GroupPropertyName &p)
{
    appendKey(out, first, p.key);
    switch (p.property) {
    case GroupProperty::Id: appendJsonString(out, g.id); break;
    case GroupProperty::DisplayName: appendJsonString(out, g.displayName); break;
    case GroupProperty::Description: appendStringOrNull(out, g.description); break;
    case GroupProperty::CreatedDateTime: appendJsonString(out, g.created()); break;
    case GroupProperty::GroupTypes:
        out += '[';
        for (qsizetype i = 0; i < g.groupTypes.size(); ++i) {
            if (i > 0)
                out += ',';
            appendJsonString(out, g.groupTypes.at(i));
        }
        out += ']';
        break;
    case GroupProperty::Mail: appendStringOrNull(out, g.mailAddress()); break;
    case GroupProperty::MailEnabled: out += g.mailEnabled ? "true" : "false"; break;
    case GroupProperty::MailNickname: appendJsonString(out, g.nickname()); break;
    case GroupProperty::MembershipRule: appendStringOrNull(out, g.membershipRule); break;
    case GroupProperty::MembershipRuleProcessingState: out += g.membershipRule.isEmpty() ? "null" : "\"On\""; break;
    case GroupProperty::SecurityEnabled: out += g.securityEnabled ? "true" : "false"; break;
    case GroupProperty::Visibility: out += g.groupTypes.contains(u"Unified"_s) ? "\"Private\"" : "null"; break;
    case GroupProperty::DeletedDateTime:
    case GroupProperty::Classification:
    case GroupProperty::OnPremisesSyncEnabled: out += "null"; break;
    }
}

} // namespace

const QByteArray &groupJson(const SandboxGroup &g)
{
    if (g.json.isEmpty()) {
        QByteArray out;
        out.reserve(512);
        out += '{';
        bool first = true;
        for (const GroupPropertyName &p : GroupProperties)
            appendGroupProperty(out, &first, g, p);
        out += '}';
        g.json = out;
    }
    return g.json;
}

namespace {

QByteArray groupJson(const SandboxGroup &g, const QList<const GroupPropertyName *> &select)
{
    if (select.isEmpty())
        return groupJson(g);
    QByteArray out = "{";
    bool first = true;
    for (const GroupPropertyName *p : select)
        appendGroupProperty(out, &first, g, *p);
    out += '}';
    return out;
}

// Parses $select for groups; unknown names are an error like on Graph.
std::optional<ApiError> parseGroupSelect(const Context &ctx, QList<const GroupPropertyName *> *select, QString *text)
{
    const QueryOption *o = ctx.option(u"select");
    if (!o)
        return std::nullopt;
    QStringList names;
    const QStringList parts = o->value.split(u',');
    for (const QString &part : parts) {
        const QString name = part.trimmed();
        const GroupPropertyName *p = findGroupProperty(name);
        if (!p)
            return plainError(400, u"Request_BadRequest"_s,
                u"Could not find a property named '"_s + name + u"' on type 'microsoft.graph.group'."_s);
        if (!select->contains(p)) {
            select->append(p);
            names.append(QLatin1String(p->key));
        }
    }
    *text = names.join(u',');
    return std::nullopt;
}

HttpResponse listGroups(Private &d, const Context &ctx)
{
    const bool eventual = ctx.http.header("ConsistencyLevel").trimmed().compare("eventual", Qt::CaseInsensitive) == 0;

    if (ctx.option(u"skip"))
        return errorResponse(ctx, badDirectoryRequest(u"'$skip' is not supported by the service."_s));

    int top = DefaultGroupPageSize;
    if (const QueryOption *o = ctx.option(u"top")) {
        if (!parseInt(o->value, &top))
            return errorResponse(
                ctx, badDirectoryRequest(u"Invalid value '"_s + o->value + u"' for query option $top."_s));
        if (top < 1 || top > MaxPageSize)
            return errorResponse(ctx,
                unsupportedQuery(
                    u"Invalid page size specified: '"_s + o->value + u"'. Must be between 1 and 999 inclusive."_s));
    }
    const auto offset = readSkipToken(ctx);
    if (!offset)
        return errorResponse(ctx,
            plainError(400, u"Directory_ExpiredPageToken"_s,
                u"The specified page token value has expired and can no longer be included in your request."_s));

    bool count = false;
    if (const QueryOption *o = ctx.option(u"count")) {
        if (o->value != u"true" && o->value != u"false")
            return errorResponse(
                ctx, badDirectoryRequest(u"Invalid value '"_s + o->value + u"' for query option $count."_s));
        count = o->value == u"true";
        if (count && !eventual)
            return errorResponse(
                ctx, unsupportedQuery(u"$count is only supported with the header 'ConsistencyLevel: eventual'."_s));
    }

    QList<const GroupPropertyName *> select;
    QString selectText;
    if (const auto error = parseGroupSelect(ctx, &select, &selectText))
        return errorResponse(ctx, *error);

    QList<GroupClause> clauses;
    if (const QueryOption *o = ctx.option(u"filter")) {
        if (const auto error = parseGroupFilter(o->value, &clauses))
            return errorResponse(ctx, *error);
    }

    QString searchTerm;
    bool haveSearch = false;
    if (const QueryOption *o = ctx.option(u"search")) {
        if (!eventual)
            return errorResponse(ctx,
                unsupportedQuery(
                    u"Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'"_s));
        QString term = o->value.trimmed();
        if (term.size() < 2 || !term.startsWith(u'"') || !term.endsWith(u'"'))
            return errorResponse(
                ctx, badDirectoryRequest(u"Syntax error: the $search value must be enclosed in double quotes."_s));
        term = term.mid(1, term.size() - 2);
        const qsizetype colon = term.indexOf(u':');
        if (colon >= 0) {
            if (!sameName(term.left(colon), u"displayName"))
                return errorResponse(ctx, unsupportedQuery(u"The sandbox only searches displayName."_s));
            term = term.mid(colon + 1);
        }
        searchTerm = caseFolded(term);
        haveSearch = true;
    }

    bool ordered = false;
    bool descending = false;
    if (const QueryOption *o = ctx.option(u"orderby")) {
        const QStringList words = o->value.simplified().split(u' ');
        if (words.isEmpty() || !sameName(words.first(), u"displayName") || words.size() > 2
            || (words.size() == 2 && !sameName(words.at(1), u"asc") && !sameName(words.at(1), u"desc")))
            return errorResponse(ctx, unsupportedQuery(u"Sorting not supported for current query."_s));
        // Combining $orderby with $filter or $search is an advanced query on
        // the directory: it needs ConsistencyLevel: eventual and $count=true.
        if ((!clauses.isEmpty() || haveSearch) && !(eventual && count))
            return errorResponse(ctx, unsupportedQuery(u"Sorting not supported for current query."_s));
        ordered = true;
        descending = words.size() == 2 && sameName(words.at(1), u"desc");
    }

    const bool filtering = !clauses.isEmpty() || haveSearch;
    QList<qsizetype> result;
    if (filtering) {
        const auto accept = [&](const SandboxGroup &g) {
            for (const GroupClause &c : std::as_const(clauses)) {
                if (!matches(g, c))
                    return false;
            }
            return !haveSearch || searchMatches(g, searchTerm);
        };
        const bool prefixOnly = clauses.size() == 1 && clauses.first().op == GroupClause::Op::StartsWith
            && clauses.first().property == GroupClause::Property::DisplayName;
        if (prefixOnly) {
            // The name index is sorted by folded name: a prefix is a range,
            // found by two binary searches (one letter matches a fifth of a
            // 100,000-group tenant, which a scan made the search's bottleneck).
            const QString &prefix = clauses.first().folded;
            const auto first = std::lower_bound(d.groupsByName.cbegin(), d.groupsByName.cend(), prefix,
                [&d](qsizetype index, const QString &p) { return d.groups.at(index).folded < p; });
            const auto last = std::partition_point(first, d.groupsByName.cend(),
                [&](qsizetype index) { return d.groups.at(index).folded.startsWith(prefix); });
            if (haveSearch) {
                for (auto it = first; it != last; ++it) {
                    if (accept(d.groups.at(*it)))
                        result.append(*it);
                }
            } else {
                result = QList<qsizetype>(first, last);
            }
            // Unordered lists come in tenant order, and a page needs only its
            // first offset + top entries in that order.
            if (!ordered) {
                const qsizetype needed = std::min(result.size(), qsizetype(*offset) + top);
                std::partial_sort(result.begin(), result.begin() + needed, result.end());
            }
        } else {
            for (qsizetype i = 0; i < d.groups.size(); ++i) {
                const qsizetype index = ordered ? d.groupsByName.at(i) : i;
                if (accept(d.groups.at(index)))
                    result.append(index);
            }
        }
        if (descending)
            std::reverse(result.begin(), result.end());
    }

    const qsizetype total = filtering ? result.size() : d.groups.size();
    const auto indexAt = [&](qsizetype i) -> qsizetype {
        if (filtering)
            return result.at(i);
        if (!ordered)
            return i;
        return descending ? d.groupsByName.at(total - 1 - i) : d.groupsByName.at(i);
    };
    const qsizetype begin = std::min(*offset, total);
    const qsizetype end = std::min(begin + top, total);
    QList<QByteArray> items;
    items.reserve(end - begin);
    for (qsizetype i = begin; i < end; ++i)
        items.append(groupJson(d.groups.at(indexAt(i)), select));

    const QString context = selectText.isEmpty() ? u"groups"_s : u"groups("_s + selectText + u')';
    return jsonResponse(200,
        collectionBody(
            ctx.metadata(context), items, end < total ? nextLink(ctx, end) : QByteArray(), count ? total : -1));
}

} // namespace

QByteArray selectedGroupJson(
    const SandboxGroup &g, const Context &ctx, QString *selectText, std::optional<ApiError> *error)
{
    QList<const GroupPropertyName *> select;
    *error = parseGroupSelect(ctx, &select, selectText);
    return *error ? QByteArray() : groupJson(g, select);
}

namespace {

HttpResponse getGroup(Private &d, const Context &ctx, const QString &id)
{
    if (!isGuid(id))
        return errorResponse(ctx, badDirectoryRequest(u"Invalid object identifier '"_s + id + u"'."_s));
    const SandboxGroup *g = d.findGroup(id);
    if (!g)
        return errorResponse(ctx,
            plainError(404, u"Request_ResourceNotFound"_s,
                u"Resource '"_s + id
                    + u"' does not exist or one of its queried reference-property objects are not present."_s));
    QList<const GroupPropertyName *> select;
    QString selectText;
    if (const auto error = parseGroupSelect(ctx, &select, &selectText))
        return errorResponse(ctx, *error);
    return jsonResponse(200, withContext(ctx.metadata(u"groups/$entity"_s), groupJson(*g, select)));
}

} // namespace

HttpResponse routeGroups(SandboxTenant::Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    const QByteArray &method = ctx.http.method;
    ctx.routeMatched = true;
    const auto methodNotAllowed = [&] {
        return errorResponse(ctx,
            plainError(
                405, u"Request_BadRequest"_s, u"Specified HTTP method is not allowed for the request target."_s));
    };
    if (s.size() == 1) {
        if (method == "GET")
            return listGroups(d, ctx);
        if (method == "POST")
            return notImplemented(ctx);
        return methodNotAllowed();
    }
    if ((s.size() == 3 || s.size() == 4) && sameName(s.at(2), u"transitiveMemberOf")) {
        if (method != "GET")
            return methodNotAllowed();
        if (!d.findGroup(s.at(1)))
            return getGroup(d, ctx, s.at(1)); // Graph's 400 or 404 for the group
        return transitiveMemberOf(d, ctx, {s.at(1)});
    }
    if (s.size() == 2) {
        if (method == "GET")
            return getGroup(d, ctx, s.at(1));
        if (method == "PATCH" || method == "DELETE")
            return notImplemented(ctx);
        return methodNotAllowed();
    }
    ctx.routeMatched = false;
    return notFound(ctx, s.last());
}

// One request resolves every group an assignment list names; ids that no

} // namespace ea::sandbox
