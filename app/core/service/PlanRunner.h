#pragma once

#include "domain/PlanFile.h"
#include "service/AssignmentService.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace ea {

// What one row of a plan means for the tenant as read just now.
struct PlanDiffRow
{
    enum class State {
        Add, // the target is not there: a write adds it
        Remove, // it is there: a write removes it
        AlreadyThere, // add, and it is there already (a re-run, or someone did it): nothing to write
        AlreadyGone, // remove, and it is not there: nothing to write
    };
    PlanRow row;
    State state = State::Add;
    QString assignmentId; // Remove: the live assignment
    bool needsWrite() const { return state == State::Add || state == State::Remove; }
};

// One configuration of the plan, as read, with its rows.
struct PlanConfiguration
{
    EnrollmentConfiguration configuration;
    QList<Assignment> live;
    QList<PlanDiffRow> rows;
    // Intune takes this type's assignments only as a whole list: all of its
    // changes go out as ONE full-list write.
    bool fullList = false;
    int writes() const;
};

// One write the run makes: a single create or delete, or one full-list
// write carrying every change of its configuration.
struct PlanWrite
{
    enum class Kind { Create, Delete, FullList };
    Kind kind = Kind::Create;
    QString configurationId;
    QString configurationName;
    QList<PlanDiffRow> rows; // Create/Delete: one; FullList: every change of the configuration
    QString describe() const;
};

// The plan against the live tenant: what each row means, the writes that
// makes, and the rows that cannot run (nothing may be written while there
// is one).
struct PlanDiff
{
    QList<PlanConfiguration> configurations;
    QList<PlanWrite> writes;
    QList<PlanProblem> problems;
    int count(PlanDiffRow::State state) const;
};

struct PlanProgress
{
    int done = 0; // writes ended (succeeded, failed or found done already)
    int total = 0;
    int failed = 0;
    QString current; // the write that started last
    qint64 etaMs = -1; // time left, estimated; -1 while unknown
};

struct PlanRunSummary
{
    QString runId;
    int written = 0; // writes that went out and succeeded
    int alreadyDone = 0; // writes found unnecessary when their turn came (done in the meantime)
    int failed = 0;
    int notRun = 0; // left out after a cancel
    bool cancelled = false;
    QStringList failures; // one line per failed write: what, and Graph's error summary
    qint64 elapsedMs = 0;
    int throttled = 0; // 429s the writes met (the governor's count during the run)
    bool ok() const { return failed == 0 && notRun == 0 && !cancelled; }
};

// Runs a bulk plan over AssignmentService's careful writes (the CLI's
// `apply`, the GUI's File › Apply plan…):
//  1. readDiff(): every configuration of the plan and its assignments, read
//     with $batch (GraphBatch); each row checked against what was read (a
//     configuration that is not there, a default policy, a type that refuses
//     the target) and turned into add / remove / already there / already gone;
//  2. run(): the writes, each through the session's governor (Intune's write
//     limit); create and delete one by one as the service makes them (read,
//     write, settle), a full-list configuration's changes merged into one
//     verified write. A 429 pauses every write; nothing is re-sent blindly.
// A re-run reads again and writes only what is still missing, so a plan
// stopped by a crash, a cancel or a lost network resumes where it stopped,
// and a finished plan run again writes nothing. Every write of a run is
// journalled with the run's id.
class PlanRunner : public QObject
{
    Q_OBJECT
public:
    explicit PlanRunner(AssignmentService *service, QObject *parent = nullptr);

    // Writes that may be under way at once (each paced by the governor):
    // several hide the network's latency from the rate; 1 is strictly one by one.
    void setMaxInFlight(int writes) { m_maxInFlight = std::max(1, writes); }

    // What the session rules out before anything is read (a filter on
    // v1.0), for every row, with its line.
    static QList<PlanProblem> inputProblems(const AssignmentService &service, const QList<PlanRow> &rows);
    // Reads and compares; writes nothing. The diff's problems (with the
    // rows' lines) say what keeps it from running.
    void readDiff(const QList<PlanRow> &rows, const ResultCallback<PlanDiff> &done);
    // Runs the diff's writes (refused when it has problems); `done` gets the
    // summary, also after a cancel.
    void run(const PlanDiff &diff, const ResultCallback<PlanRunSummary> &done);
    // Stops between writes: no new write starts, a write still reading
    // before it sends is stopped, one already sent is seen to its end.
    void cancel();
    bool isRunning() const { return m_running; }
    QString runId() const { return m_runId; }

Q_SIGNALS:
    void progressChanged(const ea::PlanProgress &progress);
    // One write ended: ok, or failed with `message`.
    void writeFinished(const ea::PlanWrite &write, bool ok, const QString &message);

private:
    void startMore();
    void start(const PlanWrite &write);
    void ended(const PlanWrite &write, bool ok, bool alreadyDone, const QString &message);
    void emitProgress(const QString &current);
    void finishRun();
    static void diffConfiguration(PlanConfiguration *c);

    AssignmentService *m_service;
    int m_maxInFlight = 4;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_runId;
    QList<PlanWrite> m_queue;
    QList<QPointer<Operation>> m_inFlight; // for cancel(); may still hold ones that ended
    int m_active = 0; // writes started and not ended
    PlanRunSummary m_summary;
    PlanProgress m_progress;
    QElapsedTimer m_clock;
    int m_throttledAtStart = 0;
    ResultCallback<PlanRunSummary> m_done;
};

} // namespace ea
