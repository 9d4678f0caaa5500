#pragma once

#include "domain/Assignment.h"
#include "service/GroupDirectory.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ea::ui {

// The current assignments of one configuration. A null, empty or unknown
// target (Graph returns those) is shown as "Unknown target". Group names are
// filled in when they are known (setGroupNames); the id is always shown.
class AssignmentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TargetTypeColumn, NameColumn, SubjectColumn, AssignmentIdColumn, ColumnCount };
    enum Role { AssignmentIdRole = Qt::UserRole + 1, TargetKindRole };

    explicit AssignmentTableModel(QObject *parent = nullptr);

    void setAssignments(QList<Assignment> assignments);
    void clear();
    const QList<Assignment> &assignments() const { return m_assignments; }
    // Keyed by lower-case group id, as GroupDirectory::resolve reports them.
    void setGroupNames(const QHash<QString, GroupName> &names);
    // Distinct group ids of the current assignments.
    QStringList groupIds() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Included group", "Unknown target (microsoft.graph.x)", with the filter mode when there is one.
    static QString targetTypeText(const AssignmentTarget &target);

private:
    QString nameText(const Assignment &assignment) const;

    QList<Assignment> m_assignments;
    QHash<QString, GroupName> m_groupNames;
};

} // namespace ea::ui
