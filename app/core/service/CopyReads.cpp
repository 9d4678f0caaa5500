// The reads a copy into another tenant needs (issue 17): the groups of the
// source tenant found here by their display names. One small read per name,
// one after the other (a copy names a handful of groups, not thousands);
// nothing is ever created: a name with no match or several is a problem the
// plan lists, and that assignment is left out.
#include "domain/Identifiers.h"
#include "service/AssignmentService.h"

#include <QJsonArray>

namespace ea {

struct AssignmentService::GroupMatching
{
    QList<std::pair<QString, QString>> groups; // source id, display name
    qsizetype next = 0;
    QHash<QString, GroupMatch> matches;
    ResultCallback<QHash<QString, GroupMatch>> done;
};

GraphRequest AssignmentService::groupsNamedRequest(const QString &displayName) const
{
    GraphRequest request = GraphRequest::get({QStringLiteral("groups")});
    request.queryItems = {
        {QStringLiteral("$filter"), QStringLiteral("displayName eq ") + ids::odataStringLiteral(displayName)},
        {QStringLiteral("$select"), QStringLiteral("id,displayName")},
        // Two are enough to know a name is not unique.
        {QStringLiteral("$top"), QStringLiteral("2")},
    };
    return request;
}

Operation *AssignmentService::matchGroupsByName(
    const QMap<QString, QString> &groups, QObject *context, const ResultCallback<QHash<QString, GroupMatch>> &done)
{
    auto state = std::make_shared<GroupMatching>();
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        state->groups.append({it.key(), it.value()});
    state->done = done;
    auto *op = new Operation(context, this);
    matchNextGroup(op, state);
    return op;
}

void AssignmentService::matchNextGroup(Operation *op, std::shared_ptr<GroupMatching> state)
{
    using Matches = QHash<QString, GroupMatch>;
    while (state->next < state->groups.size() && state->groups.at(state->next).second.isEmpty()) {
        const QString id = state->groups.at(state->next++).first;
        state->matches.insert(id.toLower(),
            GroupMatch {
                {}, tr("group %1 had no name in the source tenant (deleted there?), so it cannot be matched").arg(id)});
    }
    if (state->next == state->groups.size())
        return op->finish<Matches>(state->done, state->matches);
    const auto [id, name] = state->groups.at(state->next++);
    Q_EMIT op->statusChanged(tr("Looking for the group “%1”…").arg(name));
    op->await(m_graph->send(groupsNamedRequest(name)), [this, op, state, id, name](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<Matches>(state->done, r.error());
        const QJsonArray found = r.value().object.value(QStringLiteral("value")).toArray();
        GroupMatch match;
        if (found.size() == 1 && !r.value().object.contains(QStringLiteral("@odata.nextLink")))
            match.targetGroupId = found.at(0).toObject().value(QStringLiteral("id")).toString();
        else if (found.isEmpty())
            match.problem = tr("no group is named “%1” in this tenant").arg(name);
        else
            match.problem
                = tr("more than one group is named “%1” in this tenant; map it in a group map file").arg(name);
        state->matches.insert(id.toLower(), match);
        matchNextGroup(op, state);
    });
}

Operation *AssignmentService::planCopy(
    const CopyRequest &request, QObject *context, const ResultCallback<PlannedCopy> &done)
{
    auto *op = new Operation(context, this);
    op->follow(listConfigurationsWithAssignments(
        op,
        [this, op, request, done](const Result<Listing<EnrollmentConfiguration>> &read) {
            if (!read)
                return op->finish<PlannedCopy>(done, read.error());
            PlannedCopy copy;
            copy.ends = CopyEnds::resolve(request, read.value().items);
            if (!copy.ends.problem.isEmpty())
                return op->finish<PlannedCopy>(done, copy);
            if (!request.file) {
                copy.plan = CopyPlan::make(copy.ends.assignments, copy.ends.target.id, true);
                return op->finish<PlannedCopy>(done, copy);
            }
            // The groups the map does not settle are looked for by the name the export has for them.
            QMap<QString, QString> byName;
            for (const Assignment &a : std::as_const(copy.ends.assignments)) {
                if (a.target.isGroupTarget() && !request.groupMap.contains(a.target.groupId().toLower()))
                    byName.insert(a.target.groupId(), request.file->groups.value(a.target.groupId()));
            }
            op->follow(matchGroupsByName(
                byName, op, [op, request, done, copy](const Result<QHash<QString, GroupMatch>> &matched) mutable {
                    if (!matched)
                        return op->finish<PlannedCopy>(done, matched.error());
                    QHash<QString, GroupMatch> matches = matched.value();
                    for (auto it = request.groupMap.cbegin(); it != request.groupMap.cend(); ++it)
                        matches.insert(it.key(), GroupMatch {it.value(), {}});
                    copy.plan = CopyPlan::make(copy.ends.assignments, copy.ends.target.id, false, matches);
                    op->finish<PlannedCopy>(done, copy);
                }));
        },
        ApiVersion::Beta));
    return op;
}

} // namespace ea
