#include "models/CreatedAssignmentTableModel.h"

#include "models/AssignmentTableModel.h"

#include <QFont>
#include <QLocale>

namespace ea::ui {

CreatedAssignmentTableModel::CreatedAssignmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

quint64 CreatedAssignmentTableModel::addEntry(const Entry &entry)
{
    Entry e = entry;
    e.key = m_nextKey++;
    beginInsertRows({}, 0, 0);
    m_entries.prepend(e);
    endInsertRows();
    return e.key;
}

const CreatedAssignmentTableModel::Entry *CreatedAssignmentTableModel::entryAt(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return nullptr;
    return &m_entries.at(row);
}

int CreatedAssignmentTableModel::rowOfKey(quint64 key) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).key == key)
            return int(i);
    }
    return -1;
}

QList<int> CreatedAssignmentTableModel::rowsOfAssignment(
    const QString &configurationId, const QString &assignmentId) const
{
    QList<int> rows;
    if (assignmentId.isEmpty())
        return rows;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const CreatedAssignment &c = m_entries.at(i).created;
        if (c.configurationId == configurationId && c.assignment.id == assignmentId)
            rows.append(int(i));
    }
    return rows;
}

void CreatedAssignmentTableModel::setUndoState(int row, UndoState state, const QString &note)
{
    if (row < 0 || row >= m_entries.size())
        return;
    Entry &e = m_entries[row];
    e.undoState = state;
    e.undoNote = note;
    e.undoneTime = state == UndoState::Undone ? QDateTime::currentDateTime() : QDateTime();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool CreatedAssignmentTableModel::canUndo(int row) const
{
    const Entry *e = entryAt(row);
    if (!e || (e->undoState != UndoState::NotUndone && e->undoState != UndoState::UndoFailed))
        return false;
    return e->created.viaAssignAction || !e->created.assignment.id.isEmpty();
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

QString CreatedAssignmentTableModel::statusText(const Entry &e) const
{
    switch (e.undoState) {
    case UndoState::Undoing: return tr("Undoing…");
    case UndoState::Undone: return e.undoNote.isEmpty() ? tr("Undone") : e.undoNote;
    case UndoState::UndoFailed: return tr("Undo failed");
    case UndoState::NotUndone: break;
    }
    QString status = tr("Created");
    if (e.created.viaAssignAction)
        status = tr("Created (full list)");
    else if (e.created.confirmedAfterAmbiguousFailure)
        status = tr("Created (confirmed)");
    // Throttled on the way: worth knowing before the next write.
    if (e.created.throttledResends > 0)
        status += u' ' + tr("after %n throttled attempt(s)", nullptr, e.created.throttledResends);
    return status;
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
        case StatusColumn: return statusText(e);
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
    case Qt::FontRole:
        // An undone row reads "Undone" in the status column; italics repeat it across the row.
        if (e.undoState == UndoState::Undone) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StatusColumn: {
            QStringList lines {statusText(e)};
            if (e.created.viaAssignAction)
                lines << tr("Intune accepted this only as a full list (POST …/assign); undo restores the %n "
                            "assignment(s) the configuration had before.",
                    nullptr, int(e.created.previousAssignments.size()));
            if (e.created.confirmedAfterAmbiguousFailure)
                lines << tr("The answer to the write was lost; a re-read confirmed it had been applied.");
            if (e.created.throttledResends > 0)
                lines << tr("Intune said “not now” (HTTP 429 or 503) %n time(s); each time a re-read showed the "
                            "write had not landed before it was sent again.",
                    nullptr, e.created.throttledResends);
            if (e.undoState == UndoState::UndoFailed && !e.undoNote.isEmpty())
                lines << e.undoNote;
            if (e.undoState == UndoState::Undone)
                lines << tr("At %1; it can no longer be undone here.")
                             .arg(QLocale().toString(e.undoneTime.toLocalTime(), QLocale::LongFormat));
            return lines.join(u'\n');
        }
        case ConfigurationColumn: return tr("Configuration id: %1").arg(e.created.configurationId);
        case TimeColumn: return QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat);
        case RequestIdColumn:
            return tr("request-id: %1\nclient-request-id: %2").arg(e.created.requestId, e.created.clientRequestId);
        default: return data(index, Qt::DisplayRole);
        }
    case AssignmentIdRole: return a.id;
    case ConfigurationIdRole: return e.created.configurationId;
    case RequestIdRole: return e.created.requestId;
    case UndoStateRole: return int(e.undoState);
    case CanUndoRole: return canUndo(index.row());
    default: break;
    }
    return {};
}

QVariant CreatedAssignmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn: return tr("Status");
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
