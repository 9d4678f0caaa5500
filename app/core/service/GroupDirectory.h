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
    Operation *resolve(const QStringList &groupIds, QObject *context,
                       const ResultCallback<QHash<QString, GroupName>> &done);

    static constexpr int kIdsPerRequest = 15;

private:
    void resolveNextBatch(Operation *op, QStringList pending, QStringList all,
                          const ResultCallback<QHash<QString, GroupName>> &done);
    QHash<QString, GroupName> namesFor(const QStringList &ids) const;

    GraphClient *m_graph;
    QHash<QString, GroupName> m_names; // lower-case id -> name
};

} // namespace ea
