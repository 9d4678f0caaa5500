#pragma once

#include "audit/AuditJournal.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <functional>

namespace ea::ui {

// The audit journal as a table, newest first: one row per write, its
// "attempt" and "result" lines paired by operationId. An attempt without a
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
        ActionRole, // the journal's action: "create" | "assign-full-list" | "delete"
    };

    explicit HistoryTableModel(QObject *parent = nullptr);

    void setEntries(const QList<AuditEntry> &entries);
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The journal's action in words; an undo (a write journalled with
    // details.undoOf) is named as one: "Undo: delete", not "Delete".
    static QString actionText(const QString &action, bool undo = false);

private:
    struct Row
    {
        AuditEntry attempt;
        AuditEntry result;
        bool hasAttempt = false;
        bool hasResult = false;
        const AuditEntry &main() const { return hasAttempt ? attempt : result; }
        QDateTime time() const { return hasAttempt ? attempt.time : result.time; }
        // The assignment whose creation this write undid; empty for any other write.
        QString undoOf() const { return attempt.details.value(QStringLiteral("undoOf")).toString(); }
    };
    QString outcomeKey(const Row &row) const;
    QString outcomeText(const Row &row) const;
    QString toolTip(const Row &row) const;

    QList<Row> m_rows;
    QDateTime m_inFlightSince;
    std::function<QString(const QString &)> m_targetFormatter;
};

} // namespace ea::ui
