#pragma once

#include "domain/Group.h"

#include <QAbstractTableModel>
#include <QList>

namespace ea::ui {

// The groups one search returned, for the group picker.
class GroupResultModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, ColumnCount };
    enum Role { GroupIdRole = Qt::UserRole + 1 };

    explicit GroupResultModel(QObject *parent = nullptr);

    void setGroups(QList<Group> groups);
    void clear();
    const Group *groupAt(int row) const;
    int rowOf(const QString &groupId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Group> m_groups;
};

} // namespace ea::ui
