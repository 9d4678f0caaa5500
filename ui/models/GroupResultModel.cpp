#include "models/GroupResultModel.h"

namespace ea::ui {

GroupResultModel::GroupResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void GroupResultModel::setGroups(QList<Group> groups)
{
    beginResetModel();
    m_groups = std::move(groups);
    endResetModel();
}

void GroupResultModel::clear()
{
    setGroups({});
}

const Group *GroupResultModel::groupAt(int row) const
{
    if (row < 0 || row >= m_groups.size())
        return nullptr;
    return &m_groups.at(row);
}

int GroupResultModel::rowOf(const QString &groupId) const
{
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i).id.compare(groupId, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

int GroupResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int GroupResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Group &g = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return g.displayName.isEmpty() ? tr("(no name)") : g.displayName;
        case IdColumn: return g.id;
        default: break;
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines {g.displayName, tr("Object id: %1").arg(g.id)};
        if (!g.description.isEmpty())
            lines << g.description;
        lines << (g.securityEnabled ? tr("Security group") : tr("Not security-enabled"));
        return lines.join(u'\n');
    }
    case GroupIdRole: return g.id;
    default: break;
    }
    return {};
}

QVariant GroupResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Group");
    case IdColumn: return tr("Object id");
    default: break;
    }
    return {};
}

} // namespace ea::ui
