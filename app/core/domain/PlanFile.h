#pragma once

#include "domain/AssignmentTarget.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ea {

// One change a bulk plan asks for: add or remove one target (with its
// filter) on one configuration. Independent of the file it came from (CSV
// today; the JSON that `export` writes can produce the same rows), so the
// runner never sees a file format.
struct PlanRow
{
    enum class Action { Add, Remove };
    int line = 0; // where the row starts in its file (1-based); 0 when it came from no file
    QString configurationId;
    Action action = Action::Add;
    AssignmentTarget target; // with its filter, if any

    static QString actionName(Action action); // "add" | "remove", as written in a plan
    // "add group:… (filter … include) on CONFIG": one line for messages and the diff.
    QString describe() const;
};

// A row the plan cannot run, with the line it is on ("line 7: …").
struct PlanProblem
{
    int line = 0; // 0: the plan as a whole
    QString message;
    QString text() const;
};

struct ParsedPlan
{
    QList<PlanRow> rows;
    QList<PlanProblem> problems; // nothing may be sent while this is not empty
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
    // The file at `path`, parsed; a file that cannot be read, or is far too
    // large to be a plan, is one problem (line 0).
    static ParsedPlan readCsvFile(const QString &path);
    // What no row may do together with another: the same change twice, or
    // adding and removing the same target on one configuration. Run on rows
    // of any source, after parsing.
    static QList<PlanProblem> crossRowProblems(const QList<PlanRow> &rows);

    // Plans bigger than this are refused: a slip (a wrong file) should not
    // become hours of writes.
    static constexpr int kMaxRows = 100000;
    static constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;
};

} // namespace ea
