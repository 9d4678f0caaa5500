#pragma once

#include "audit/AuditJournal.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <functional>

namespace ea::ui {

// The audit journal as a table, newest first: one row per write, as the
// journal pairs them (groupByOperation: "attempt" and "result" by operationId). An attempt without a
// result is a write whose outcome nobody saw (a crash, a killed process):
// "Interrupted — outcome unknown", unless it is the write running right now.
class HistoryTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ActionColumn,
        OutcomeColumn,
        ConfigurationColumn,
        TargetColumn,
        HttpStatusColumn,
        RequestIdColumn,
        ColumnCount
    };
    enum Role {
        OperationIdRole = Qt::UserRole + 1,
        // "succeeded" | "failed" | "unknown" | "interrupted" | "in-progress"
        OutcomeRole,
        ActionRole, // the journal's action as an AuditAction (int)
    };

    explicit HistoryTableModel(QObject *parent = nullptr);

    // Operations oldest first, as groupByOperation returns them.
    void setOperations(const QList<AuditOperation> &operations);
    // Attempts at or after this time without a result belong to the write in
    // flight, not to an interrupted one. Null: no write is in flight.
    void setInFlightSince(const QDateTime &time);
    // Turns the journal's target text ("group:<id>") into words with a group
    // name; called for display only. Default: the text as journalled.
    void setTargetFormatter(std::function<QString(const QString &)> formatter);
    // The formatter's answers may have changed (group names arrived).
    void refreshTargets();
    // Group ids named in the targets of the newest `limit` rows, for a lookup.
    QStringList groupIds(int limit) const;
    int interruptedCount() const;
    // The write shown in `row`, or null.
    const AuditOperation *operationAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The journal's action in words; an undo is named as one: "Undo: delete", not "Delete".
    static QString actionText(const AuditEntry &entry);
    // Every text actionText gives for the actions this version knows (to size a column).
    static QStringList actionTexts();

private:
    QString outcomeKey(const AuditOperation &row) const;
    QString outcomeText(const AuditOperation &row) const;
    QString toolTip(const AuditOperation &row) const;

    QList<AuditOperation> m_rows;
    QDateTime m_inFlightSince;
    std::function<QString(const QString &)> m_targetFormatter;
};

} // namespace ea::ui
