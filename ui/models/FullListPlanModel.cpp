#include "models/FullListPlanModel.h"

#include "models/AssignmentTableModel.h"
#include "models/DisplayText.h"

#include <QFont>

namespace ea::ui {

FullListPlanModel::FullListPlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FullListPlanModel::setPlan(const FullListPlan &plan)
{
    beginResetModel();
    m_rows.clear();
    for (const AssignmentTarget &t : plan.added)
        m_rows.append(Row {Change::Added, t, QString(), QString(), QString()});
    for (const Assignment &a : plan.removed)
        m_rows.append(Row {Change::Removed, a.target, a.id, a.source, a.sourceId});
    for (const Assignment &a : plan.kept)
        m_rows.append(Row {Change::Kept, a.target, a.id, a.source, a.sourceId});
    endResetModel();
}

void FullListPlanModel::setGroupNames(const QHash<QString, GroupName> &names)
{
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_groupNames.insert(it.key().toLower(), it.value());
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QStringList FullListPlanModel::groupIds() const
{
    QStringList out;
    for (const Row &r : m_rows) {
        if (r.target.isGroupTarget() && !r.target.groupId().isEmpty() && !out.contains(r.target.groupId()))
            out.append(r.target.groupId());
    }
    return out;
}

int FullListPlanModel::count(Change change) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [change](const Row &r) { return r.change == change; }));
}

const GroupName *FullListPlanModel::groupNameOf(const AssignmentTarget &target) const
{
    if (!target.isGroupTarget())
        return nullptr;
    const auto it = m_groupNames.constFind(target.groupId().toLower());
    return it == m_groupNames.cend() ? nullptr : &*it;
}

int FullListPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FullListPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FullListPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const GroupName *group = groupNameOf(r.target);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChangeColumn:
            switch (r.change) {
            case Change::Added: return tr("New");
            case Change::Removed: return tr("Removed");
            case Change::Kept: return tr("Kept");
            }
            break;
        case TargetTypeColumn: return AssignmentTableModel::targetTypeText(r.target);
        case NameColumn: return DisplayText::groupName(group);
        case SubjectColumn: return r.target.subject();
        case SourceColumn: return r.change == Change::Added ? QString() : DisplayText::source(r.source);
        default: break;
        }
        break;
    case Qt::FontRole: {
        // The changes stand out in bold; a deleted group's name in italics.
        QFont font;
        bool set = false;
        if (r.change != Change::Kept && index.column() == ChangeColumn) {
            font.setBold(true);
            set = true;
        }
        if (index.column() == NameColumn && group && group->deleted) {
            font.setItalic(true);
            set = true;
        }
        return set ? QVariant(font) : QVariant();
    }
    case Qt::ToolTipRole:
        switch (r.change) {
        case Change::Added: return tr("Sent as a new assignment.");
        case Change::Removed:
            return tr("Left out of the list: Intune deletes assignment %1 when the list is sent.").arg(r.assignmentId);
        case Change::Kept: {
            // Exactly as read on beta: what the app does not model travels too.
            QString tip = tr("Sent again exactly as read (assignment %1).").arg(r.assignmentId);
            if (r.target.hasFilter())
                tip += u' '
                    + tr("Its assignment filter (%1, %2) is kept.")
                          .arg(AssignmentTarget::filterModeName(r.target.filterMode()), r.target.filterId());
            if (r.source == QLatin1String("policySets"))
                tip += u' ' + tr("It stays part of policy set %1.").arg(r.sourceId);
            if (r.target.kind() == AssignmentTarget::Kind::Unknown)
                tip += u' ' + tr("Its target type is newer than this app; it is sent back unchanged.");
            return tip;
        }
        }
        break;
    case ChangeRole: return int(r.change);
    case AssignmentIdRole: return r.assignmentId;
    default: break;
    }
    return {};
}

QVariant FullListPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChangeColumn: return tr("Change");
    case TargetTypeColumn: return tr("Target");
    case NameColumn: return tr("Group name");
    case SubjectColumn: return tr("Group or collection id");
    case SourceColumn: return tr("Source");
    default: break;
    }
    return {};
}

} // namespace ea::ui
