#include "models/CreatedAssignmentTableModel.h"

#include "models/AssignmentTableModel.h"

#include <QLocale>

namespace ea::ui {

CreatedAssignmentTableModel::CreatedAssignmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CreatedAssignmentTableModel::addEntry(const Entry &entry)
{
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
}

const CreatedAssignmentTableModel::Entry *CreatedAssignmentTableModel::entryAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return nullptr;
    return &m_entries.at(row);
}

void CreatedAssignmentTableModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int CreatedAssignmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CreatedAssignmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CreatedAssignmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    const Assignment &a = e.created.assignment;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AssignmentIdColumn: return a.id;
        case ConfigurationColumn:
            return e.configurationName.isEmpty() ? e.created.configurationId : e.configurationName;
        case TargetTypeColumn: return AssignmentTableModel::targetTypeText(a.target);
        case SubjectColumn:
            return e.subjectName.isEmpty() ? a.target.subject() : tr("%1 (%2)").arg(e.subjectName, a.target.subject());
        case TimeColumn: return QLocale().toString(e.time.toLocalTime().time(), QLocale::LongFormat);
        case RequestIdColumn: return e.created.requestId;
        default: break;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ConfigurationColumn: return tr("Configuration id: %1").arg(e.created.configurationId);
        case TimeColumn: return QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat);
        case RequestIdColumn:
            return tr("request-id: %1\nclient-request-id: %2").arg(e.created.requestId, e.created.clientRequestId);
        default: return data(index, Qt::DisplayRole);
        }
    case AssignmentIdRole: return a.id;
    case ConfigurationIdRole: return e.created.configurationId;
    case RequestIdRole: return e.created.requestId;
    default: break;
    }
    return {};
}

QVariant CreatedAssignmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AssignmentIdColumn: return tr("Assignment id");
    case ConfigurationColumn: return tr("Configuration");
    case TargetTypeColumn: return tr("Target");
    case SubjectColumn: return tr("Group or collection");
    case TimeColumn: return tr("Time");
    case RequestIdColumn: return tr("Request id");
    default: break;
    }
    return {};
}

} // namespace ea::ui
