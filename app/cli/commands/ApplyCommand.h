#pragma once

#include "cli/commands/CliCommand.h"
#include "domain/PlanFile.h"

#include <QJsonObject>
#include <QPointer>

namespace ea {

class PlanRunner;
struct PlanDiff;
struct PlanProgress;
struct PlanRunSummary;

// apply PLAN [--dry-run] [--yes]: a bulk plan (CSV, or the JSON `export`
// writes: PlanFile::readFile; an export's entries no row can carry are
// listed on standard error first). Every row is checked before anything is read; the live state is read (in $batch) and
// the whole diff printed; --dry-run stops there. Otherwise it asks (on a
// terminal) or needs --yes (a script), then runs the writes with a progress
// line on a terminal and plain lines otherwise. A re-run writes only what is
// still missing.
class ApplyCommand : public CliCommand
{
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    QString inputProblemForSession() const override;
    bool readsOnDryRun() const override { return true; }
    void run() override;

protected:
    // Reads the live state for `rows`, prints the diff, and (unless --dry-run)
    // asks and runs it: what apply does with a plan file's rows, and copy
    // with the rows it makes.
    void runRows(const QList<PlanRow> &rows);
    QString listProblems(const QList<PlanProblem> &problems) const;

    QString m_path; // the file the rows come from, for messages

private:
    void printDiff(const PlanDiff &diff);
    // Standard output, or standard error with --json (whose object goes to standard output at the end).
    void say(const QString &text);
    void finishWith(int exitCode);
    void confirmAndRun(const PlanDiff &diff);
    void showProgress(const PlanProgress &progress);
    void finishRun(const PlanRunSummary &summary);

    QList<PlanRow> m_rows;
    QPointer<PlanRunner> m_runner;
    bool m_progressLine = false; // a terminal: one line, rewritten
    int m_lastWidth = 0;
    QJsonObject m_json; // --json: the diff's rows, problems and the run's summary
};

} // namespace ea
