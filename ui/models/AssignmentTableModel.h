#pragma once

#include "domain/Assignment.h"
#include "service/GroupDirectory.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ea::ui {

// The current assignments of one configuration. A null, empty or unknown
// target (Graph returns those) is shown as "Unknown target". Group names are
// filled in when they are known (setGroupNames); the id is always shown, and a
// group Entra ID no longer has reads "Deleted group" (in italics, with the id).
// The filter and source columns carry beta's properties; the window hides them
// on v1.0, which has neither.
class AssignmentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TargetTypeColumn,
        NameColumn,
        SubjectColumn,
        FilterColumn,
        SourceColumn,
        AssignmentIdColumn,
        ColumnCount
    };
    enum Role {
        AssignmentIdRole = Qt::UserRole + 1,
        TargetKindRole,
        GroupDeletedRole, // bool: the group target names a group that no longer exists
        SourceRole, // beta's raw `source` ("direct", "policySets") or empty
    };

    explicit AssignmentTableModel(QObject *parent = nullptr);

    void setAssignments(QList<Assignment> assignments);
    void clear();
    const QList<Assignment> &assignments() const { return m_assignments; }
    // nullptr when row is out of range.
    const Assignment *assignmentAt(int row) const;
    // -1 when there is none with that id.
    int rowOf(const QString &assignmentId) const;
    // Keyed by lower-case group id, as GroupDirectory::resolve reports them.
    void setGroupNames(const QHash<QString, GroupName> &names);
    // What is known about the group of a group target (nullptr: nothing yet).
    const GroupName *groupNameOf(const AssignmentTarget &target) const;
    // Distinct group ids of the current assignments.
    QStringList groupIds() const;
    // Assignment filter id -> display name, for the filter column.
    void setFilterNames(const QHash<QString, QString> &names);
    // Distinct assignment filter ids of the current assignments.
    QStringList filterIds() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Included group", "Unknown target (microsoft.graph.x)", with the filter mode when there is one.
    static QString targetTypeText(const AssignmentTarget &target);
    // The same without the filter (the filter has its own column here).
    static QString targetKindText(const AssignmentTarget &target);

private:
    QString nameText(const Assignment &assignment) const;

    QList<Assignment> m_assignments;
    QHash<QString, GroupName> m_groupNames;
    QHash<QString, QString> m_filterNames;
};

} // namespace ea::ui
