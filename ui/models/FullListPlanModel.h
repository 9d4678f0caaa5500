#pragma once

#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ea::ui {

// The list a replace-all write (`POST .../assign`) will leave behind, one row
// per target: what changes first (new, then removed), then what is kept.
class FullListPlanModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ChangeColumn, TargetTypeColumn, NameColumn, SubjectColumn, SourceColumn, ColumnCount };
    enum class Change { Added, Removed, Kept };
    enum Role { ChangeRole = Qt::UserRole + 1, AssignmentIdRole };

    explicit FullListPlanModel(QObject *parent = nullptr);

    void setPlan(const FullListPlan &plan);
    // Keyed by lower-case group id, as GroupDirectory::resolve reports them.
    void setGroupNames(const QHash<QString, GroupName> &names);
    QStringList groupIds() const;
    int count(Change change) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Change change;
        AssignmentTarget target;
        QString assignmentId;
        QString source; // beta: "direct" | "policySets"; a kept entry is sent back with it
        QString sourceId;
    };
    const GroupName *groupNameOf(const AssignmentTarget &target) const;

    QList<Row> m_rows;
    QHash<QString, GroupName> m_groupNames;
};

} // namespace ea::ui
