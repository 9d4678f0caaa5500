#pragma once

#include "domain/AssignmentTarget.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ea {

// What a journal line records. The words in the file ("attempt", "create",
// "succeeded"...) are the journal's format, read by older and newer versions
// alike; in memory they are enums. A word this version does not know (a
// newer version's action or outcome) is kept as written: Other + the word.
enum class AuditPhase { Attempt, Result };
enum class AuditAction { Create, AssignFullList, Delete, SetPriority, Other };
enum class AuditOutcome { Pending, Succeeded, Failed, Unknown, Other };

// What a full-list write (beta's assign action) replaced and sent: the
// assignment objects as read before the write and as sent, raw (filters,
// sources and target types newer than the app included), so the history
// can say exactly what the list was.
struct FullListRecord
{
    QJsonArray before;
    QJsonArray sentKept;
    QJsonArray sentAdded;
};

// A priority change (setPriority): what was asked, and the type's order as
// read before the write and after it (on the result line, when the re-read
// worked), so the history shows what the order was and what it became, and
// an undo knows the old position. Each order entry is {id, displayName,
// priority}, best first; defaults are left out (they cannot move).
struct PriorityRecord
{
    int requested = 0;
    int previous = 0;
    QJsonArray orderBefore;
    QJsonArray orderAfter;

    // The ids of orderBefore, best first.
    QStringList orderBeforeIds() const;
};

// One line of the journal. A write is journalled twice: an "attempt" line
// before the request goes out and a "result" line after, sharing an
// operationId, so a write interrupted by a crash or a lost connection still
// shows up (an attempt without a result). Never holds a token.
struct AuditEntry
{
    QDateTime time;
    QString operationId;
    AuditPhase phase = AuditPhase::Attempt;
    AuditAction action = AuditAction::Create;
    AuditOutcome outcome = AuditOutcome::Pending;
    QString tenant; // tenant label or id
    QString cloud; // "global", "usgov", ..., "sandbox"
    QString apiVersion;
    QString configurationId;
    QString configurationName;
    // The one target a create or delete aimed at; empty for a full-list write,
    // whose targetSummary says "full list of N" instead (and for a line whose
    // target this version cannot read, whose text is kept there as written).
    std::optional<AssignmentTarget> target;
    QString targetSummary;
    QString assignmentId;
    int httpStatus = 0;
    QString requestId;
    QString clientRequestId;
    QString message;
    // The assignment whose creation this write undoes (History › Undo); empty otherwise.
    QString undoOf;
    // The bulk-plan run this write belongs to (`apply`); empty for a one-off.
    // A plan re-run after a crash or cancel has a run id of its own.
    QString runId;
    // Set on a full-list write's attempt line.
    std::optional<FullListRecord> fullList;
    // Set on both lines of a priority change.
    std::optional<PriorityRecord> priority;
    // The words and details a newer version wrote that this one does not know,
    // kept so that nothing read is lost.
    QString otherAction;
    QString otherOutcome;
    QJsonObject otherDetails;

    // The journal's words: "attempt", "create", "succeeded"...
    QString phaseName() const;
    QString actionName() const;
    QString outcomeName() const;
    // The target as the CLI writes it ("group:<id>") or the summary.
    QString targetText() const;
    bool isUndo() const { return !undoOf.isEmpty(); }

    QJsonObject toJson() const;
    static AuditEntry fromJson(const QJsonObject &object);
};

// One write as the history shows it: the attempt line completed by the
// result line with the same operationId. A write without a result is one
// whose end nobody saw (a crash, a killed process, or one still running).
struct AuditOperation
{
    AuditEntry attempt;
    AuditEntry result;
    bool hasAttempt = false;
    bool hasResult = false;

    const AuditEntry &first() const { return hasAttempt ? attempt : result; }
    const AuditEntry &last() const { return hasResult ? result : attempt; }
    bool isInterrupted() const { return hasAttempt && !hasResult; }
};

// Pairs entries by operationId, oldest first (by the time the write started;
// the file's order breaks ties). A repeated phase for one id starts a new row.
QList<AuditOperation> groupByOperation(const QList<AuditEntry> &entries);

// Append-only JSON-lines file. An attempt line is flushed and synced to
// stable storage before the call it records goes out; a result line is
// written to the OS without that sync (see append() for why that is safe);
// a torn last line (a crash mid-write) is skipped on reading, and earlier
// lines are never rewritten. The GUI and the CLI may append to one journal at
// the same moment: each append holds a lock (flock() on the journal on Linux
// and macOS; the lock file <journal>.lock on Windows and where flock() is
// refused), so lines never interleave. On POSIX systems the journal is
// created 0600 in a folder created 0700 (it names tenants, groups and who
// changed what); on Windows the user profile's ACLs already keep it private.
class AuditJournal
{
public:
    explicit AuditJournal(QString filePath);

    // <app data>/audit.jsonl (QStandardPaths::AppDataLocation).
    static QString defaultPath();
    // <app data>/sandbox-audit.jsonl: writes to the sandbox tenant are
    // journalled here, never in the real tenants' journal.
    static QString sandboxPath();
    // The lock file an append holds where flock() is not used: <journal>.lock.
    static QString lockPathFor(const QString &journalPath);
    // How many entries this process has synced to stable storage (tests check
    // that an attempt is synced before its request goes out).
    static quint64 stableStorageSyncs();

    QString filePath() const { return m_filePath; }
    // Returns false with *error set when the entry could not be made durable.
    bool append(const AuditEntry &entry, QString *error = nullptr);
    // Every readable entry, oldest first; *skippedLines counts torn or foreign lines.
    QList<AuditEntry> readAll(int *skippedLines = nullptr) const;

private:
    QString m_filePath;
};

} // namespace ea
