#include "models/HistoryTableModel.h"

#include "domain/AssignmentTarget.h"

#include <QFont>
#include <QLocale>

namespace ea::ui {

HistoryTableModel::HistoryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HistoryTableModel::setOperations(const QList<AuditOperation> &operations)
{
    // Newest first; equal times keep the journal's order reversed.
    QList<AuditOperation> rows(operations.crbegin(), operations.crend());
    std::stable_sort(rows.begin(), rows.end(),
        [](const AuditOperation &a, const AuditOperation &b) { return a.first().time > b.first().time; });

    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void HistoryTableModel::setInFlightSince(const QDateTime &time)
{
    if (m_inFlightSince == time)
        return;
    m_inFlightSince = time;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, OutcomeColumn), index(rowCount() - 1, OutcomeColumn));
}

void HistoryTableModel::setTargetFormatter(std::function<QString(const QString &)> formatter)
{
    m_targetFormatter = std::move(formatter);
    refreshTargets();
}

void HistoryTableModel::refreshTargets()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TargetColumn), index(rowCount() - 1, TargetColumn));
}

QStringList HistoryTableModel::groupIds(int limit) const
{
    QStringList out;
    for (qsizetype i = 0; i < m_rows.size() && i < limit; ++i) {
        const std::optional<AssignmentTarget> &target = m_rows.at(i).first().target;
        if (target && target->isGroupTarget() && !out.contains(target->groupId(), Qt::CaseInsensitive))
            out.append(target->groupId());
    }
    return out;
}

int HistoryTableModel::interruptedCount() const
{
    return int(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [this](const AuditOperation &r) { return outcomeKey(r) == u"interrupted"; }));
}

const AuditOperation *HistoryTableModel::operationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryTableModel::actionText(const AuditEntry &entry)
{
    const bool undo = entry.isUndo();
    switch (entry.action) {
    case AuditAction::Create: return tr("Create");
    case AuditAction::AssignFullList: return undo ? tr("Undo: send full list") : tr("Send full list");
    case AuditAction::Delete: return undo ? tr("Undo: delete") : tr("Delete");
    case AuditAction::SetPriority: return tr("Set priority");
    case AuditAction::Other: break;
    }
    return entry.actionName();
}

QStringList HistoryTableModel::actionTexts()
{
    QStringList texts;
    AuditEntry e;
    for (const AuditAction action :
        {AuditAction::Create, AuditAction::AssignFullList, AuditAction::Delete, AuditAction::SetPriority}) {
        e.action = action;
        e.undoOf.clear();
        texts << actionText(e);
        e.undoOf = QStringLiteral("undo");
        texts << actionText(e);
    }
    texts.removeDuplicates();
    return texts;
}

QString HistoryTableModel::outcomeKey(const AuditOperation &row) const
{
    if (row.hasResult)
        return row.result.outcomeName();
    if (m_inFlightSince.isValid() && row.attempt.time.isValid() && row.attempt.time >= m_inFlightSince)
        return QStringLiteral("in-progress");
    return QStringLiteral("interrupted");
}

QString HistoryTableModel::outcomeText(const AuditOperation &row) const
{
    const QString key = outcomeKey(row);
    if (key == u"succeeded")
        return tr("Succeeded");
    if (key == u"failed")
        return tr("Failed");
    if (key == u"unknown")
        return tr("Outcome unknown");
    if (key == u"in-progress")
        return tr("In progress");
    if (key == u"interrupted")
        return tr("Interrupted — outcome unknown");
    return key;
}

QString HistoryTableModel::toolTip(const AuditOperation &row) const
{
    const AuditEntry &m = row.first();
    QStringList lines;
    lines << tr("%1: %2").arg(actionText(m), outcomeText(row));
    if (m.isUndo())
        lines << tr("Undoes the assignment %1 created earlier").arg(m.undoOf);
    if (row.hasResult && !row.result.message.isEmpty())
        lines << row.result.message;
    if (!row.hasResult && outcomeKey(row) == u"interrupted")
        lines << tr("The journal has the attempt but no result: the app stopped before the answer came. Reload "
                    "the configuration's assignments to see whether the write was applied.");
    lines << tr("Configuration: %1 (%2)").arg(m.configurationName, m.configurationId);
    lines << tr("Target: %1").arg(m.targetText());
    const QString assignmentId
        = row.hasResult && !row.result.assignmentId.isEmpty() ? row.result.assignmentId : m.assignmentId;
    if (!assignmentId.isEmpty())
        lines << tr("Assignment id: %1").arg(assignmentId);
    lines << tr("Tenant: %1 · cloud %2 · API %3").arg(m.tenant, m.cloud, m.apiVersion);
    if (row.hasAttempt)
        lines << tr("Sent: %1").arg(QLocale().toString(row.attempt.time.toLocalTime(), QLocale::LongFormat));
    if (row.hasResult) {
        lines << tr("Answered: %1").arg(QLocale().toString(row.result.time.toLocalTime(), QLocale::LongFormat));
        if (!row.result.requestId.isEmpty())
            lines << tr("request-id: %1").arg(row.result.requestId);
        if (!row.result.clientRequestId.isEmpty())
            lines << tr("client-request-id: %1").arg(row.result.clientRequestId);
    }
    if (row.hasAttempt && row.attempt.fullList) {
        const FullListRecord &list = *row.attempt.fullList;
        lines << tr("List before: %n assignment(s); sent: %1 kept + %2 new", nullptr, int(list.before.size()))
                     .arg(list.sentKept.size())
                     .arg(list.sentAdded.size());
    }
    lines << tr("Operation id: %1").arg(m.operationId);
    return lines.join(u'\n');
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditOperation &row = m_rows.at(index.row());
    const AuditEntry &m = row.first();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return m.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ActionColumn: return actionText(m);
        case OutcomeColumn: return outcomeText(row);
        case ConfigurationColumn: return m.configurationName.isEmpty() ? m.configurationId : m.configurationName;
        case TargetColumn: return m_targetFormatter ? m_targetFormatter(m.targetText()) : m.targetText();
        case HttpStatusColumn:
            return row.hasResult && row.result.httpStatus > 0 ? QString::number(row.result.httpStatus) : QString();
        case RequestIdColumn: return row.hasResult ? row.result.requestId : QString();
        default: break;
        }
        break;
    case Qt::FontRole:
        // What needs a look is in bold; the outcome's words say why.
        if (index.column() == OutcomeColumn) {
            const QString key = outcomeKey(row);
            if (key == u"failed" || key == u"unknown" || key == u"interrupted") {
                QFont font;
                font.setBold(true);
                return font;
            }
        }
        break;
    case Qt::ToolTipRole: return toolTip(row);
    case OperationIdRole: return m.operationId;
    case OutcomeRole: return outcomeKey(row);
    case ActionRole: return int(m.action);
    default: break;
    }
    return {};
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case ActionColumn: return tr("Action");
    case OutcomeColumn: return tr("Outcome");
    case ConfigurationColumn: return tr("Configuration");
    case TargetColumn: return tr("Target");
    case HttpStatusColumn: return tr("HTTP status");
    case RequestIdColumn: return tr("Request id");
    default: break;
    }
    return {};
}

} // namespace ea::ui
