#include "models/AssignmentTableModel.h"

#include "models/DisplayText.h"

#include <QFont>

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

const Assignment *AssignmentTableModel::assignmentAt(int row) const
{
    if (row < 0 || row >= m_assignments.size())
        return nullptr;
    return &m_assignments.at(row);
}

int AssignmentTableModel::rowOf(const QString &assignmentId) const
{
    for (qsizetype i = 0; i < m_assignments.size(); ++i) {
        if (m_assignments.at(i).id == assignmentId)
            return int(i);
    }
    return -1;
}

void AssignmentTableModel::setGroupNames(const QHash<QString, GroupName> &names)
{
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_groupNames.insert(it.key().toLower(), it.value());
    if (!m_assignments.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const GroupName *AssignmentTableModel::groupNameOf(const AssignmentTarget &target) const
{
    if (!target.isGroupTarget())
        return nullptr;
    const auto it = m_groupNames.constFind(target.groupId().toLower());
    return it == m_groupNames.cend() ? nullptr : &*it;
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

void AssignmentTableModel::setFilterNames(const QHash<QString, QString> &names)
{
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_filterNames.insert(it.key().toLower(), it.value());
    if (!m_assignments.isEmpty())
        Q_EMIT dataChanged(index(0, FilterColumn), index(rowCount() - 1, FilterColumn));
}

QStringList AssignmentTableModel::filterIds() const
{
    QStringList out;
    for (const Assignment &a : m_assignments) {
        if (a.target.hasFilter() && !out.contains(a.target.filterId()))
            out.append(a.target.filterId());
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

QString AssignmentTableModel::targetKindText(const AssignmentTarget &target)
{
    return target.displayName();
}

QString AssignmentTableModel::targetTypeText(const AssignmentTarget &target)
{
    QString text = targetKindText(target);
    if (target.hasFilter()) {
        text = target.filterMode() == AssignmentTarget::FilterMode::Include ? tr("%1, include filter").arg(text)
                                                                            : tr("%1, exclude filter").arg(text);
    }
    return text;
}

QString AssignmentTableModel::nameText(const Assignment &a) const
{
    return DisplayText::groupName(groupNameOf(a.target));
}

QVariant AssignmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Assignment &a = m_assignments.at(index.row());
    const GroupName *group = groupNameOf(a.target);
    const bool deleted = group && group->deleted;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TargetTypeColumn: return targetKindText(a.target);
        case NameColumn: return nameText(a);
        case SubjectColumn: return a.target.subject();
        case FilterColumn: return DisplayText::filter(a.target, m_filterNames.value(a.target.filterId().toLower()));
        case SourceColumn: return DisplayText::source(a.source);
        case AssignmentIdColumn: return a.id;
        default: break;
        }
        break;
    case Qt::FontRole:
        // Not by colour alone: the text says "Deleted group", the italics repeat it.
        if (index.column() == NameColumn && deleted) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines {targetTypeText(a.target)};
        if (a.target.isGroupTarget()) {
            const QString name = nameText(a);
            if (deleted)
                lines << tr("Deleted group: Entra ID has no group with id %1 any more. The assignment still "
                            "exists; remove it if it is no longer needed.")
                             .arg(a.target.groupId());
            else if (name.isEmpty())
                lines << tr("Group id: %1").arg(a.target.groupId());
            else
                lines << tr("Group: %1 (%2)").arg(name, a.target.groupId());
        } else if (a.target.kind() == AssignmentTarget::Kind::ConfigMgrCollection) {
            lines << tr("Collection id: %1").arg(a.target.collectionId());
        } else if (a.target.kind() == AssignmentTarget::Kind::Unknown) {
            lines << tr("Graph returned an empty or unrecognised target for this assignment.");
        }
        if (a.target.hasFilter()) {
            const QString filterName = m_filterNames.value(a.target.filterId().toLower());
            lines << (filterName.isEmpty() ? tr("Assignment filter: %1").arg(a.target.filterId())
                                           : tr("Assignment filter: %1 (%2)").arg(filterName, a.target.filterId()));
        }
        if (!a.source.isEmpty()) {
            lines << tr("Source: %1").arg(DisplayText::source(a.source));
            if (!a.sourceId.isEmpty())
                lines << tr("Policy set id: %1").arg(a.sourceId);
            if (a.source == u"policySets")
                lines << tr("Change it in the policy set; it cannot be removed here.");
        }
        lines << tr("Assignment id: %1").arg(a.id);
        return lines.join(u'\n');
    }
    case AssignmentIdRole: return a.id;
    case TargetKindRole: return int(a.target.kind());
    case GroupDeletedRole: return deleted;
    case SourceRole: return a.source;
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
    case FilterColumn: return tr("Filter");
    case SourceColumn: return tr("Source");
    case AssignmentIdColumn: return tr("Assignment id");
    default: break;
    }
    return {};
}

} // namespace ea::ui
