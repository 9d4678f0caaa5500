#pragma once

#include "service/AssignmentService.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ea::ui {

// Assignments created in this window, newest first: what an admin pastes
// into a change record or a support ticket (hence the request id). Each row
// can be undone once; the status column says so in words.
class CreatedAssignmentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        AssignmentIdColumn,
        ConfigurationColumn,
        TargetTypeColumn,
        SubjectColumn,
        TimeColumn,
        RequestIdColumn,
        ColumnCount
    };
    enum Role { AssignmentIdRole = Qt::UserRole + 1, ConfigurationIdRole, RequestIdRole, UndoStateRole, CanUndoRole };

    enum class UndoState { NotUndone, Undoing, Undone, UndoFailed };

    struct Entry
    {
        CreatedAssignment created;
        QString configurationName;
        QString subjectName; // group display name when known
        QDateTime time; // when the answer arrived
        UndoState undoState = UndoState::NotUndone;
        QDateTime undoneTime;
        QString undoNote; // why it is undone ("Undone", "Removed") or why undo failed
        quint64 key = 0; // stable across insertions; set by addEntry
    };

    explicit CreatedAssignmentTableModel(QObject *parent = nullptr);

    // Inserted at row 0. Returns the entry's key (rows move; keys do not).
    quint64 addEntry(const Entry &entry);
    const Entry *entryAt(int row) const;
    int rowOfKey(quint64 key) const;
    // Rows whose created assignment has this id (normally zero or one).
    QList<int> rowsOfAssignment(const QString &configurationId, const QString &assignmentId) const;
    void setUndoState(int row, UndoState state, const QString &note = {});
    // An undo can be started for the row: not undone yet, and the app knows
    // how (the assignment's id for a single delete, or the earlier list).
    bool canUndo(int row) const;
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(const Entry &entry) const;

    QList<Entry> m_entries;
    quint64 m_nextKey = 1;
};

} // namespace ea::ui
