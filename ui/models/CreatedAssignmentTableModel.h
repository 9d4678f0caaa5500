#pragma once

#include "service/AssignmentService.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ea::ui {

// Assignments created in this window, newest first: what an admin pastes
// into a change record or a support ticket (hence the request id).
class CreatedAssignmentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        AssignmentIdColumn,
        ConfigurationColumn,
        TargetTypeColumn,
        SubjectColumn,
        TimeColumn,
        RequestIdColumn,
        ColumnCount
    };
    enum Role { AssignmentIdRole = Qt::UserRole + 1, ConfigurationIdRole, RequestIdRole };

    struct Entry
    {
        CreatedAssignment created;
        QString configurationName;
        QString subjectName; // group display name when known
        QDateTime time; // when the answer arrived
    };

    explicit CreatedAssignmentTableModel(QObject *parent = nullptr);

    void addEntry(const Entry &entry); // inserted at row 0
    const Entry *entryAt(int row) const;
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};

} // namespace ea::ui
