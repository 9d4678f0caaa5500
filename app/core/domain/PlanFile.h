#pragma once

#include "domain/Assignment.h"
#include "domain/AssignmentTarget.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ea {

// A row the plan cannot run, with the line it is on ("line 7: …").
struct PlanProblem
{
    int line = 0; // 0: the plan as a whole, or a row from no line (its message says where)
    QString message;
    QString text() const;
};

// One change a bulk plan asks for: add or remove one target (with its
// filter) on one configuration. Independent of the file it came from (a CSV
// plan, or the JSON that `export` writes), so the runner never sees a file
// format.
struct PlanRow
{
    enum class Action { Add, Remove };
    int line = 0; // where the row starts in its file (1-based); 0 when it came from no line
    // Where a row from no line comes from, for messages: "assignment 3 of 'Contoso ESP' (id)" for an
    // export's entry; empty for a CSV row (its line says it) and for rows a command made (copy).
    QString origin;
    QString configurationId;
    Action action = Action::Add;
    AssignmentTarget target; // with its filter, if any

    static QString actionName(Action action); // "add" | "remove", as written in a plan
    // "add group:… (filter … include) on CONFIG": one line for messages and the diff.
    QString describe() const;
    // "line 7", the origin, or empty: where the row is, for messages.
    QString place() const;
    // A problem of this row, placed by its line or, without one, its origin.
    PlanProblem problem(const QString &message) const;
};

// An entry of a source (an export, a copy's source configuration) that no row carries, and why.
struct LeftOutEntry
{
    QString entry; // which entry: "assignment 2 of 'ESP' (id), group:…", or Assignment::describe()
    QString why;
};

struct ParsedPlan
{
    QList<PlanRow> rows;
    QList<PlanProblem> problems; // nothing may be sent while this is not empty
    // Entries of an export that no row can carry exactly (a policy set's entry, a target type the app
    // does not model, an empty target, a default's entries, …), each with why. They do not block the
    // rest: the plan means "make sure each of these is assigned", and a front end lists them before the
    // diff so that nothing is dropped unseen. Always empty for a CSV plan, whose rows are all explicit.
    QList<LeftOutEntry> leftOut;
};

// The CSV plan: a header `configuration,action,target,filter,filterMode`
// (filter and filterMode may be left out; columns in any order, names
// case-insensitive), then one row per change. `target` is written exactly as
// the CLI's assign TARGET; `filter` is an assignment filter id and
// `filterMode` include or exclude (include when a filter has no mode). Fields
// may be quoted ("..." with "" for a quote, commas and line breaks inside);
// blank lines and lines starting with # are skipped. Every row is checked and
// every problem reported with its line, so one pass shows them all.
class PlanFile
{
    Q_DECLARE_TR_FUNCTIONS(PlanFile)
public:
    static ParsedPlan parseCsv(const QByteArray &utf8);
    // The JSON document `export` writes (TenantExport) as a plan: one `add` row per exported
    // assignment, on the configuration of the same id. It removes nothing (that is `restore`). What
    // makes the file unusable (not an export, a newer version, a malformed id) is a problem; an
    // entry no row can carry exactly is listed in leftOut (see rowProblemOf()) and does not block.
    // JSON has no lines: every message names the configuration and the entry's position.
    static ParsedPlan parseExport(const QByteArray &utf8);
    // Either format, told apart by content: an export when the first byte that is not white space
    // (after a byte-order mark) opens JSON (`{`, or `[`, so that a JSON array is called what it is),
    // else CSV.
    static ParsedPlan parse(const QByteArray &bytes);
    // The file at `path`, parsed by parse(): the one entry point of the CLI's apply and the window's
    // Apply plan. A file that cannot be read, or is far too large to be a plan, is one problem (line 0).
    static ParsedPlan readFile(const QString &path);
    // Why an assignment as read cannot become a row that recreates it exactly (a policy set manages
    // it, a target type the app does not model, an empty target, a filter mode other than include or
    // exclude, properties a row cannot carry), or empty when it can. Copy and an export plan leave
    // such entries out and list them.
    static QString rowProblemOf(const Assignment &assignment);
    // What no row may do together with another: the same change twice, or
    // adding and removing the same target on one configuration. Run on rows
    // of any source, after parsing.
    static QList<PlanProblem> crossRowProblems(const QList<PlanRow> &rows);

    // Plans bigger than this are refused: a slip (a wrong file) should not
    // become hours of writes.
    static constexpr int kMaxRows = 100000;
};

} // namespace ea
