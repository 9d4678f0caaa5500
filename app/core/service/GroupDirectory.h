#pragma once

#include "graph/GraphClient.h"
#include "service/Operation.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace ea {

struct GroupName
{
    QString id;
    QString displayName;
    bool deleted = false; // Graph has no such group (deleted, or never existed)
};

// Turns the group ids of assignments into display names, asking Graph only
// for ids not seen before in this session, in as few requests as Graph
// allows: `$filter=id in (...)` takes up to 15 ids per request and needs no
// more than Group.Read.All (getByIds would need Directory.Read.All).
class GroupDirectory : public QObject
{
    Q_OBJECT
public:
    explicit GroupDirectory(GraphClient *graph, QObject *parent = nullptr);

    // What is known already (from earlier lookups or searches).
    bool isKnown(const QString &groupId) const { return m_names.contains(groupId.toLower()); }
    GroupName known(const QString &groupId) const { return m_names.value(groupId.toLower()); }
    // Searches and pickers learn names too; no request needed later.
    void remember(const QString &groupId, const QString &displayName);
    void clear() { m_names.clear(); }

    // Resolves every id (non-GUID ids are reported as unknown without a
    // request). The result maps lower-case id -> name.
    Operation *resolve(
        const QStringList &groupIds, QObject *context, const ResultCallback<QHash<QString, GroupName>> &done);

    // The same for many ids at once (an export, a report): POST
    // directoryObjects/getByIds, up to 1000 ids per request. That needs
    // Directory.Read.All; refused (403), or where an object comes back
    // without its name (Graph's "limited information"), the ids go the
    // `$filter=id in (...)` way above, which Group.Read.All allows.
    Operation *resolveInBulk(
        const QStringList &groupIds, QObject *context, const ResultCallback<QHash<QString, GroupName>> &done);
    static GraphRequest getByIdsRequest(const QStringList &groupIds);

    static constexpr int kIdsPerRequest = 15;
    static constexpr int kIdsPerBulkRequest = 1000;

private:
    Operation *start(const QStringList &groupIds, QObject *context,
        const ResultCallback<QHash<QString, GroupName>> &done, bool inBulk);
    void resolveNextBatch(
        Operation *op, QStringList pending, QStringList all, const ResultCallback<QHash<QString, GroupName>> &done);
    void resolveNextBulk(Operation *op, QStringList pending, QStringList all, QStringList unnamed,
        const ResultCallback<QHash<QString, GroupName>> &done);
    QHash<QString, GroupName> namesFor(const QStringList &ids) const;

    GraphClient *m_graph;
    QHash<QString, GroupName> m_names; // lower-case id -> name
};

} // namespace ea
