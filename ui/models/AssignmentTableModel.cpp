#include "models/AssignmentTableModel.h"

namespace ea::ui {

AssignmentTableModel::AssignmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AssignmentTableModel::setAssignments(QList<Assignment> assignments)
{
    beginResetModel();
    m_assignments = std::move(assignments);
    endResetModel();
}

void AssignmentTableModel::clear()
{
    setAssignments({});
}

void AssignmentTableModel::setGroupNames(const QHash<QString, GroupName> &names)
{
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_groupNames.insert(it.key().toLower(), it.value());
    if (!m_assignments.isEmpty())
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn));
}

QStringList AssignmentTableModel::groupIds() const
{
    QStringList out;
    for (const Assignment &a : m_assignments) {
        if (a.target.isGroupTarget() && !a.target.groupId().isEmpty() && !out.contains(a.target.groupId()))
            out.append(a.target.groupId());
    }
    return out;
}

int AssignmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_assignments.size());
}

int AssignmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AssignmentTableModel::targetTypeText(const AssignmentTarget &target)
{
    QString text = target.kindDisplayName();
    if (target.kind() == AssignmentTarget::Kind::Unknown && !target.rawODataType().isEmpty())
        text = tr("%1 (%2)").arg(text, target.rawODataType());
    if (target.hasFilter()) {
        text = target.filterMode() == AssignmentTarget::FilterMode::Include ? tr("%1, include filter").arg(text)
                                                                            : tr("%1, exclude filter").arg(text);
    }
    return text;
}

QString AssignmentTableModel::nameText(const Assignment &a) const
{
    if (!a.target.isGroupTarget())
        return {};
    const auto it = m_groupNames.constFind(a.target.groupId().toLower());
    if (it == m_groupNames.cend())
        return {};
    if (it->deleted)
        return tr("(group not found: deleted?)");
    return it->displayName;
}

QVariant AssignmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Assignment &a = m_assignments.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TargetTypeColumn: return targetTypeText(a.target);
        case NameColumn: return nameText(a);
        case SubjectColumn: return a.target.subject();
        case AssignmentIdColumn: return a.id;
        default: break;
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines {targetTypeText(a.target)};
        if (a.target.isGroupTarget()) {
            const QString name = nameText(a);
            lines << (name.isEmpty() ? tr("Group id: %1").arg(a.target.groupId())
                                     : tr("Group: %1 (%2)").arg(name, a.target.groupId()));
        } else if (a.target.kind() == AssignmentTarget::Kind::ConfigMgrCollection) {
            lines << tr("Collection id: %1").arg(a.target.collectionId());
        } else if (a.target.kind() == AssignmentTarget::Kind::Unknown) {
            lines << tr("Graph returned an empty or unrecognised target for this assignment.");
        }
        if (a.target.hasFilter())
            lines << tr("Assignment filter: %1").arg(a.target.filterId());
        if (!a.source.isEmpty())
            lines << tr("Source: %1").arg(a.source);
        lines << tr("Assignment id: %1").arg(a.id);
        return lines.join(u'\n');
    }
    case AssignmentIdRole: return a.id;
    case TargetKindRole: return int(a.target.kind());
    default: break;
    }
    return {};
}

QVariant AssignmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TargetTypeColumn: return tr("Target");
    case NameColumn: return tr("Group name");
    case SubjectColumn: return tr("Group or collection id");
    case AssignmentIdColumn: return tr("Assignment id");
    default: break;
    }
    return {};
}

} // namespace ea::ui
