#include "service/GroupDirectory.h"

#include "domain/Group.h"
#include "domain/Identifiers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace ea {

GroupDirectory::GroupDirectory(GraphClient *graph, QObject *parent)
    : QObject(parent)
    , m_graph(graph)
{ }

void GroupDirectory::remember(const QString &groupId, const QString &displayName)
{
    m_names.insert(groupId.toLower(), GroupName {groupId, displayName, false});
}

QHash<QString, GroupName> GroupDirectory::namesFor(const QStringList &ids) const
{
    QHash<QString, GroupName> out;
    for (const QString &id : ids) {
        const QString key = id.toLower();
        out.insert(key, m_names.value(key, GroupName {id, QString(), false}));
    }
    return out;
}

namespace {

// Each id once (lower case, as the results are keyed), and which of them to ask for.
void splitIds(
    const QStringList &groupIds, const QHash<QString, GroupName> &known, QStringList *all, QStringList *pending)
{
    for (const QString &id : groupIds) {
        const QString key = id.toLower();
        if (all->contains(key))
            continue;
        all->append(key);
        if (!known.contains(key) && ids::isGuid(key))
            pending->append(key);
    }
}

} // namespace

Operation *GroupDirectory::resolve(
    const QStringList &groupIds, QObject *context, const ResultCallback<QHash<QString, GroupName>> &done)
{
    return start(groupIds, context, done, false);
}

Operation *GroupDirectory::start(
    const QStringList &groupIds, QObject *context, const ResultCallback<QHash<QString, GroupName>> &done, bool inBulk)
{
    QStringList all;
    QStringList pending;
    splitIds(groupIds, m_names, &all, &pending);
    auto *op = new Operation(context, this);
    // Start from the event loop so the callback never runs inside resolve().
    QTimer::singleShot(0, op, [this, op, pending, all, done, inBulk] {
        if (inBulk)
            resolveNextBulk(op, pending, all, {}, done);
        else
            resolveNextBatch(op, pending, all, done);
    });
    return op;
}

GraphRequest GroupDirectory::getByIdsRequest(const QStringList &groupIds)
{
    GraphRequest request = GraphRequest::post({QStringLiteral("directoryObjects"), QStringLiteral("getByIds")},
        QJsonObject {{QStringLiteral("ids"), QJsonArray::fromStringList(groupIds)},
            {QStringLiteral("types"), QJsonArray {QStringLiteral("group")}}});
    request.readsOnly = true;
    return request;
}

Operation *GroupDirectory::resolveInBulk(
    const QStringList &groupIds, QObject *context, const ResultCallback<QHash<QString, GroupName>> &done)
{
    return start(groupIds, context, done, true);
}

void GroupDirectory::resolveNextBulk(Operation *op, QStringList pending, QStringList all, QStringList unnamed,
    const ResultCallback<QHash<QString, GroupName>> &done)
{
    if (op->isCancelled())
        return op->finish<QHash<QString, GroupName>>(
            done, GraphError::local(GraphError::Kind::Cancelled, tr("The lookup was cancelled.")));
    if (pending.isEmpty()) {
        if (unnamed.isEmpty())
            return op->finish<QHash<QString, GroupName>>(done, namesFor(all));
        // Found but nameless: the $filter read (Group.Read.All) names them.
        return resolveNextBatch(op, unnamed, all, done);
    }
    const QStringList batch = pending.mid(0, kIdsPerBulkRequest);
    pending = pending.mid(kIdsPerBulkRequest);
    op->await(m_graph->send(getByIdsRequest(batch)),
        [this, op, batch, pending, all, unnamedBefore = unnamed, done](const Result<GraphResponse> &r) {
            QStringList unnamed = unnamedBefore;
            if (!r) {
                // Without Directory.Read.All: the way that needs only Group.Read.All, for all that is left.
                if (r.error().kind == GraphError::Kind::Http && r.error().httpStatus == 403)
                    return resolveNextBatch(op, unnamed + batch + pending, all, done);
                return op->finish<QHash<QString, GroupName>>(done, r.error());
            }
            QStringList found;
            for (const Group &g : groupsFromJson(r.value().object.value(QStringLiteral("value")).toArray())) {
                found.append(g.id.toLower());
                if (g.displayName.isEmpty())
                    unnamed.append(g.id.toLower());
                else
                    remember(g.id, g.displayName);
            }
            // Asked for and not returned: the group no longer exists.
            for (const QString &id : batch) {
                if (!found.contains(id))
                    m_names.insert(id, GroupName {id, QString(), true});
            }
            resolveNextBulk(op, pending, all, unnamed, done);
        });
}

void GroupDirectory::resolveNextBatch(
    Operation *op, QStringList pending, QStringList all, const ResultCallback<QHash<QString, GroupName>> &done)
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
                m_names.insert(id, GroupName {id, QString(), true});
        }
        resolveNextBatch(op, pending, all, done);
    });
}

} // namespace ea
