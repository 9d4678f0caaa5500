// The reads behind "who gets which" (issue 16): the configurations with
// their assignments, and a principal's groups. Bounded: one paged read each
// where Graph allows $expand; the pure answer is EffectiveConfiguration's.

#include "domain/AssignmentFilter.h"
#include "domain/Group.h"
#include "domain/Identifiers.h"
#include "service/AssignmentService.h"

namespace ea {

namespace {

const QString kAssignments = QStringLiteral("assignments");

} // namespace

// What the fallback has read so far: the plain list, then one configuration's
// assignments after the other.
struct AssignmentService::ExpandFallback
{
    Listing<EnrollmentConfiguration> listing;
    qsizetype next = 0;
    std::optional<ApiVersion> version;
};

// One read per configuration, one after the other: never a burst against the throttle.
void AssignmentService::readAssignmentsOneByOne(
    Operation *op, std::shared_ptr<ExpandFallback> state, const ResultCallback<Listing<EnrollmentConfiguration>> &done)
{
    using Configurations = Listing<EnrollmentConfiguration>;
    if (state->next >= state->listing.items.size())
        return op->finish<Configurations>(done, state->listing);
    const qsizetype i = state->next++;
    GraphRequest request = listAssignmentsRequest(state->listing.items.at(i).id);
    request.apiVersion = state->version;
    op->await(m_graph->send(request), [this, op, done, state, i](const Result<GraphResponse> &read) {
        if (!read)
            return op->finish<Configurations>(done, read.error());
        EnrollmentConfiguration &c = state->listing.items[i];
        c.assignments = assignmentsFromJson(read.value().values);
        c.assignmentsExpanded = true;
        // The objects say what was read too (--json prints them).
        for (qsizetype j = 0; j < state->listing.objects.size(); ++j) {
            QJsonObject object = state->listing.objects.at(j).toObject();
            if (object.value(QStringLiteral("id")).toString() == c.id) {
                object.insert(kAssignments, read.value().values);
                state->listing.objects.replace(j, object);
                break;
            }
        }
        readAssignmentsOneByOne(op, state, done);
    });
}

GraphRequest AssignmentService::listConfigurationsWithAssignmentsRequest(std::optional<ApiVersion> version) const
{
    GraphRequest request = listConfigurationsRequest();
    request.queryItems = {{QStringLiteral("$expand"), kAssignments}};
    request.apiVersion = version;
    return request;
}

GraphRequest AssignmentService::principalGroupsRequest(Principal::Kind kind, const QString &idOrUpn) const
{
    GraphRequest request
        = GraphRequest::get({kind == Principal::Kind::User ? QStringLiteral("users") : QStringLiteral("groups"),
            idOrUpn, QStringLiteral("transitiveMemberOf"), QStringLiteral("microsoft.graph.group")});
    request.queryItems = {{QStringLiteral("$select"), QStringLiteral("id,displayName")}};
    request.followNextLinks = true;
    return request;
}

QString AssignmentService::principalProblem(Principal::Kind kind, const QString &idOrUpn)
{
    if (kind == Principal::Kind::Group) {
        if (!ids::isGuid(idOrUpn))
            return tr("'%1' is not a group id: expected the group's object id (a GUID; find it with 'groups').")
                .arg(ids::printable(idOrUpn, 80));
        return {};
    }
    // A UPN is name@domain; Graph takes the object id as well.
    const bool upn = idOrUpn.size() <= 113 && idOrUpn.count(u'@') == 1 && !idOrUpn.startsWith(u'@')
        && !idOrUpn.endsWith(u'@') && !idOrUpn.contains(u'/') && !idOrUpn.contains(u' ');
    if (!upn && !ids::isGuid(idOrUpn))
        return tr("'%1' is not a user: expected a user principal name (alice@contoso.com) or the user's object id "
                  "(a GUID).")
            .arg(ids::printable(idOrUpn, 80));
    return {};
}

Operation *AssignmentService::readPrincipal(
    Principal::Kind kind, const QString &idOrUpn, QObject *context, const ResultCallback<PrincipalRead> &done)
{
    const QString problem = principalProblem(kind, idOrUpn);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    auto *op = new Operation(context, this);
    op->await(m_graph->send(principalGroupsRequest(kind, idOrUpn)),
        [op, done, kind, idOrUpn](const Result<GraphResponse> &r) {
            if (!r)
                return op->finish<PrincipalRead>(done, r.error());
            PrincipalRead read;
            read.objects = r.value().values;
            read.principal.kind = kind;
            read.principal.id = idOrUpn;
            if (kind == Principal::Kind::Group) {
                // The group's members get what the group gets: it counts as their own group.
                PrincipalGroup self;
                self.id = idOrUpn;
                self.pathKnown = true;
                read.principal.groups.append(self);
            }
            for (const Group &g : groupsFromJson(read.objects)) {
                PrincipalGroup member;
                member.id = g.id;
                member.displayName = g.displayName;
                read.principal.groups.append(member);
            }
            op->finish<PrincipalRead>(done, read);
        });
    return op;
}

Operation *AssignmentService::listConfigurationsWithAssignments(
    QObject *context, const ResultCallback<Listing<EnrollmentConfiguration>> &done, std::optional<ApiVersion> version)
{
    using Configurations = Listing<EnrollmentConfiguration>;
    auto *op = new Operation(context, this);
    op->await(m_graph->send(listConfigurationsWithAssignmentsRequest(version)),
        [this, op, done, version](const Result<GraphResponse> &r) {
            if (r) {
                Configurations listing;
                listing.objects = r.value().values;
                listing.items = configurationsFromJson(listing.objects);
                return op->finish<Configurations>(done, listing);
            }
            // Only a refusal of the query itself falls back; anything else (403, 5xx, ...) is the answer.
            if (r.error().kind != GraphError::Kind::Http || r.error().httpStatus != 400)
                return op->finish<Configurations>(done, r.error());
            GraphRequest plainRequest = listConfigurationsRequest();
            plainRequest.apiVersion = version;
            op->await(m_graph->send(plainRequest), [this, op, done, version](const Result<GraphResponse> &plain) {
                if (!plain)
                    return op->finish<Configurations>(done, plain.error());
                auto state = std::make_shared<ExpandFallback>();
                state->version = version;
                state->listing.objects = plain.value().values;
                state->listing.items = configurationsFromJson(state->listing.objects);
                readAssignmentsOneByOne(op, state, done);
            });
        });
    return op;
}

Operation *AssignmentService::readFilterNames(
    const QStringList &filterIds, QObject *context, const ResultCallback<QHash<QString, QString>> &done)
{
    if (filterIds.isEmpty() || apiVersion() != ApiVersion::Beta) {
        done(QHash<QString, QString>());
        return nullptr;
    }
    return listAssignmentFilters(context, [done](const Result<QList<AssignmentFilter>> &r) {
        if (!r)
            return done(r.error());
        QHash<QString, QString> names;
        for (const AssignmentFilter &f : r.value())
            names.insert(f.id.toLower(), f.displayName);
        done(names);
    });
}

} // namespace ea
