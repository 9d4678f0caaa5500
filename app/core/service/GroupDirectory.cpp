#include "service/GroupDirectory.h"

#include "domain/Group.h"
#include "domain/Identifiers.h"

#include <QTimer>

namespace ea {

GroupDirectory::GroupDirectory(GraphClient *graph, QObject *parent) : QObject(parent), m_graph(graph) {}

void GroupDirectory::remember(const QString &groupId, const QString &displayName)
{
    m_names.insert(groupId.toLower(), GroupName{groupId, displayName, false});
}

QHash<QString, GroupName> GroupDirectory::namesFor(const QStringList &ids) const
{
    QHash<QString, GroupName> out;
    for (const QString &id : ids) {
        const QString key = id.toLower();
        out.insert(key, m_names.value(key, GroupName{id, QString(), false}));
    }
    return out;
}

Operation *GroupDirectory::resolve(const QStringList &groupIds, QObject *context,
                                   const ResultCallback<QHash<QString, GroupName>> &done)
{
    QStringList all;
    QStringList pending;
    for (const QString &id : groupIds) {
        const QString key = id.toLower();
        if (all.contains(key))
            continue;
        all.append(key);
        if (!m_names.contains(key) && ids::isGuid(key))
            pending.append(key);
    }
    auto *op = new Operation(context, this);
    // Start from the event loop so the callback never runs inside resolve().
    QTimer::singleShot(0, op, [this, op, pending, all, done] { resolveNextBatch(op, pending, all, done); });
    return op;
}

void GroupDirectory::resolveNextBatch(Operation *op, QStringList pending, QStringList all,
                                      const ResultCallback<QHash<QString, GroupName>> &done)
{
    if (pending.isEmpty())
        return op->finish<QHash<QString, GroupName>>(done, namesFor(all));
    if (op->isCancelled())
        return op->finish<QHash<QString, GroupName>>(
            done, GraphError::local(GraphError::Kind::Cancelled, tr("The lookup was cancelled.")));

    const QStringList batch = pending.mid(0, kIdsPerRequest);
    pending = pending.mid(kIdsPerRequest);
    QStringList literals;
    for (const QString &id : batch)
        literals.append(ids::odataStringLiteral(id));
    GraphRequest request = GraphRequest::get({QStringLiteral("groups")});
    request.queryItems = {
        {QStringLiteral("$filter"), QStringLiteral("id in (") + literals.join(u',') + u')'},
        {QStringLiteral("$select"), QStringLiteral("id,displayName")},
    };
    request.followNextLinks = true;
    op->await(m_graph->send(request), [this, op, batch, pending, all, done](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<QHash<QString, GroupName>>(done, r.error());
        for (const Group &g : groupsFromJson(r.value().values))
            remember(g.id, g.displayName);
        // Asked for and not returned: the group no longer exists.
        for (const QString &id : batch) {
            if (!m_names.contains(id))
                m_names.insert(id, GroupName{id, QString(), true});
        }
        resolveNextBatch(op, pending, all, done);
    });
}

} // namespace ea
