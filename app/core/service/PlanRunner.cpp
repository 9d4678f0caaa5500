#include "service/PlanRunner.h"

#include "Logging.h"
#include "graph/GraphBatch.h"

#include <QHash>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace ea {

namespace {

GraphError refused(const QString &message)
{
    GraphError e = GraphError::local(GraphError::Kind::Refused, message);
    e.code = refusal::kInvalidInput;
    e.requestMaybeSent = false;
    return e;
}

} // namespace

int PlanConfiguration::writes() const
{
    const int changes
        = int(std::count_if(rows.cbegin(), rows.cend(), [](const PlanDiffRow &r) { return r.needsWrite(); }));
    return fullList ? std::min(changes, 1) : changes;
}

QString PlanWrite::describe() const
{
    const QString where = configurationName.isEmpty() ? configurationId : configurationName;
    if (kind == Kind::FullList) {
        int adds = 0;
        int removes = 0;
        for (const PlanDiffRow &r : rows)
            (r.state == PlanDiffRow::State::Add ? adds : removes) += 1;
        return PlanRunner::tr("full list of %1: %2 to add, %3 to remove").arg(where).arg(adds).arg(removes);
    }
    return rows.isEmpty() ? where : PlanRunner::tr("%1 on %2").arg(rows.first().row.describe(), where);
}

int PlanDiff::count(PlanDiffRow::State state) const
{
    int n = 0;
    for (const PlanConfiguration &c : configurations)
        n += int(
            std::count_if(c.rows.cbegin(), c.rows.cend(), [state](const PlanDiffRow &r) { return r.state == state; }));
    return n;
}

PlanRunner::PlanRunner(AssignmentService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

// --- reading and comparing ------------------------------------------------------

void PlanRunner::diffConfiguration(PlanConfiguration *c)
{
    for (PlanDiffRow &r : c->rows) {
        const Assignment *live = AssignmentService::assignmentWithTarget(c->live, r.row.target);
        if (r.row.action == PlanRow::Action::Add) {
            r.state = live ? PlanDiffRow::State::AlreadyThere : PlanDiffRow::State::Add;
        } else {
            r.state = live ? PlanDiffRow::State::Remove : PlanDiffRow::State::AlreadyGone;
            if (live)
                r.assignmentId = live->id;
        }
    }
}

QList<PlanProblem> PlanRunner::inputProblems(const AssignmentService &service, const QList<PlanRow> &rows)
{
    QList<PlanProblem> problems;
    for (const PlanRow &row : rows) {
        const QString problem = service.createInputProblem(row.configurationId, row.target);
        if (!problem.isEmpty())
            problems.append(row.problem(problem));
    }
    return problems;
}

void PlanRunner::readDiff(const QList<PlanRow> &rows, const ResultCallback<PlanDiff> &done)
{
    auto diff = std::make_shared<PlanDiff>();
    QHash<QString, qsizetype> indexOf; // configuration id, lower case
    for (const PlanRow &row : rows) {
        const QString key = row.configurationId.toLower();
        auto it = indexOf.constFind(key);
        if (it == indexOf.cend()) {
            it = indexOf.insert(key, diff->configurations.size());
            PlanConfiguration c;
            c.configuration.id = row.configurationId;
            diff->configurations.append(c);
        }
        PlanDiffRow r;
        r.row = row;
        diff->configurations[*it].rows.append(r);
    }
    // Two reads per configuration, twenty to a batch.
    QList<GraphRequest> requests;
    for (const PlanConfiguration &c : std::as_const(diff->configurations)) {
        requests << m_service->getConfigurationRequest(c.configuration.id)
                 << m_service->listAssignmentsRequest(c.configuration.id);
    }
    auto *batch = new GraphBatch(m_service->graph(), requests, this);
    connect(batch, &GraphBatch::finished, this, [this, batch, diff, done] {
        batch->deleteLater();
        const QList<Result<GraphResponse>> &results = batch->results();
        for (qsizetype i = 0; i < diff->configurations.size(); ++i) {
            PlanConfiguration &c = diff->configurations[i];
            const Result<GraphResponse> &config = results.at(2 * i);
            const Result<GraphResponse> &assignments = results.at(2 * i + 1);
            if (!config && config.error().kind == GraphError::Kind::Http && config.error().httpStatus == 404) {
                for (const PlanDiffRow &r : std::as_const(c.rows))
                    diff->problems.append(r.row.problem(
                        tr("there is no enrollment configuration %1 in this tenant").arg(c.configuration.id)));
                continue;
            }
            if (!config)
                return done(config.error());
            if (!assignments)
                return done(assignments.error());
            const QString id = c.configuration.id;
            c.configuration = EnrollmentConfiguration::fromJson(config.value().object);
            if (c.configuration.id.isEmpty())
                c.configuration.id = id;
            c.live = assignmentsFromJson(assignments.value().values);
            c.fullList = c.configuration.requiresAssignAction();
            for (const PlanDiffRow &r : std::as_const(c.rows)) {
                // The rules a single assign follows (default policy, a type
                // that cannot take the target, a filter on v1.0), before anything is sent.
                const QString problem = m_service->createInputProblem(c.configuration, r.row.target);
                if (!problem.isEmpty())
                    diff->problems.append(r.row.problem(problem));
            }
            diffConfiguration(&c);
        }
        std::stable_sort(diff->problems.begin(), diff->problems.end(),
            [](const PlanProblem &a, const PlanProblem &b) { return a.line < b.line; });
        for (const PlanConfiguration &c : std::as_const(diff->configurations)) {
            PlanWrite merged;
            merged.kind = PlanWrite::Kind::FullList;
            merged.configurationId = c.configuration.id;
            merged.configurationName = c.configuration.displayName;
            for (const PlanDiffRow &r : c.rows) {
                if (!r.needsWrite())
                    continue;
                if (c.fullList) {
                    merged.rows.append(r);
                    continue;
                }
                PlanWrite single = merged;
                single.kind = r.state == PlanDiffRow::State::Add ? PlanWrite::Kind::Create : PlanWrite::Kind::Delete;
                single.rows = {r};
                diff->writes.append(single);
            }
            if (!merged.rows.isEmpty())
                diff->writes.append(merged);
        }
        done(*diff);
    });
    batch->start();
}

// --- running ----------------------------------------------------------------------

void PlanRunner::run(const PlanDiff &diff, const ResultCallback<PlanRunSummary> &done)
{
    if (m_running)
        return done(refused(tr("A plan is already running.")));
    if (!diff.problems.isEmpty())
        return done(refused(
            tr("The plan has %n row(s) that cannot run; nothing was sent.", nullptr, int(diff.problems.size()))));
    m_runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_summary = PlanRunSummary();
    m_summary.runId = m_runId;
    m_queue = diff.writes;
    m_progress = PlanProgress();
    m_progress.total = int(m_queue.size());
    m_running = true;
    m_cancelled = false;
    m_active = 0;
    m_done = done;
    m_clock.start();
    m_throttledAtStart = m_service->writeGovernor() ? m_service->writeGovernor()->throttledCount() : 0;
    qCInfo(lcService).noquote() << "plan run" << m_runId << "starts:" << m_progress.total << "write(s)";
    emitProgress({});
    // From the event loop: the caller sees the start before the first write.
    QTimer::singleShot(0, this, &PlanRunner::startMore);
}

void PlanRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    // A write still reading before it sends stops now; one that went out is
    // seen to its end (its answer settles what the tenant holds).
    for (const QPointer<Operation> &op : std::as_const(m_inFlight)) {
        if (op && !op->hasSentWrite())
            op->cancel();
    }
    QTimer::singleShot(0, this, &PlanRunner::startMore);
}

void PlanRunner::startMore()
{
    if (!m_running)
        return;
    m_inFlight.removeAll(QPointer<Operation>());
    while (!m_cancelled && !m_queue.isEmpty() && m_active < m_maxInFlight)
        start(m_queue.takeFirst());
    if (m_active == 0 && (m_queue.isEmpty() || m_cancelled))
        finishRun();
}

void PlanRunner::start(const PlanWrite &write)
{
    const PlanDiffRow first = write.rows.value(0);
    const QString id = write.configurationId;
    const auto failedOrCancelled = [this, write](const GraphError &error) {
        // Only writes that had not sent theirs are cancelled: nothing of it went out.
        if (error.kind == GraphError::Kind::Cancelled && m_cancelled)
            return ended(write, false, false, QString()); // not run
        ended(write, false, false, error.summary());
    };
    // The full list of a type that refuses single writes: approved when it
    // carries exactly this write's change (the plan was the admin's approval).
    const auto approveSingle = [write](const FullListPlan &plan, const std::function<void(bool)> &answer) {
        const bool add = write.kind == PlanWrite::Kind::Create;
        answer(
            add ? plan.removed.isEmpty() && plan.added.size() == 1 : plan.removed.size() == 1 && plan.added.isEmpty());
    };
    Operation *op = nullptr;
    m_service->setRunId(m_runId);
    switch (write.kind) {
    case PlanWrite::Kind::Create:
        op = m_service->createAssignment(
            id, first.row.target, this,
            [this, write, failedOrCancelled](const Result<CreatedAssignment> &r) {
                if (r)
                    return ended(write, true, false, {});
                // Someone (or an earlier run whose answer was lost) did it already.
                if (r.error().code == refusal::kAlreadyAssigned)
                    return ended(write, true, true, {});
                failedOrCancelled(r.error());
            },
            approveSingle);
        break;
    case PlanWrite::Kind::Delete:
        op = m_service->deleteAssignment(
            id, first.assignmentId, this,
            [this, write, failedOrCancelled](const Result<RemovedAssignment> &r) {
                if (r)
                    return ended(write, true, false, {});
                // The input was checked before the run: "no such assignment" is all this refusal can mean now.
                if (r.error().kind == GraphError::Kind::Refused && r.error().code == refusal::kInvalidInput)
                    return ended(write, true, true, {});
                failedOrCancelled(r.error());
            },
            approveSingle);
        break;
    case PlanWrite::Kind::FullList: {
        QList<AssignmentTarget> add;
        QList<AssignmentTarget> remove;
        for (const PlanDiffRow &r : write.rows)
            (r.row.action == PlanRow::Action::Add ? add : remove).append(r.row.target);
        op = m_service->mergeIntoFullList(
            id, add, remove, this,
            [this, write, failedOrCancelled](const Result<MergedFullList> &r) {
                if (r)
                    return ended(write, true, !r.value().written, {});
                failedOrCancelled(r.error());
            },
            [remove](const FullListPlan &plan, const std::function<void(bool)> &answer) {
                // Only what the plan removes may leave the list.
                answer(std::all_of(plan.removed.cbegin(), plan.removed.cend(), [&](const Assignment &a) {
                    return std::any_of(remove.cbegin(), remove.cend(),
                        [&](const AssignmentTarget &t) { return a.target.sameTargetAs(t); });
                }));
            });
        break;
    }
    }
    m_service->setRunId({});
    ++m_active;
    m_inFlight.append(op);
    emitProgress(write.describe());
}

void PlanRunner::ended(const PlanWrite &write, bool ok, bool alreadyDone, const QString &message)
{
    --m_active;
    if (!ok && message.isEmpty()) {
        ++m_summary.notRun;
    } else {
        ++m_progress.done;
        if (!ok) {
            ++m_progress.failed;
            ++m_summary.failed;
            m_summary.failures << write.describe() + QStringLiteral(": ") + message;
        } else if (alreadyDone) {
            ++m_summary.alreadyDone;
        } else {
            ++m_summary.written;
        }
    }
    Q_EMIT writeFinished(write, ok, message);
    emitProgress(m_progress.current);
    // The operation reports before it is deleted: start the next from the event loop.
    QTimer::singleShot(0, this, &PlanRunner::startMore);
}

void PlanRunner::emitProgress(const QString &current)
{
    m_progress.current = current;
    const int remaining = m_progress.total - m_progress.done;
    qint64 eta = -1;
    if (m_progress.done > 0)
        eta = m_clock.elapsed() * remaining / m_progress.done;
    // The governor's pace bounds how fast the rest can go.
    if (const WriteGovernor *g = m_service->writeGovernor())
        eta = std::max<qint64>(eta, qint64(remaining) * g->spacing().count());
    m_progress.etaMs = eta;
    Q_EMIT progressChanged(m_progress);
}

void PlanRunner::finishRun()
{
    if (!m_running)
        return;
    m_running = false;
    m_summary.notRun += int(m_queue.size());
    m_queue.clear();
    m_summary.cancelled = m_cancelled;
    m_summary.elapsedMs = m_clock.elapsed();
    if (const WriteGovernor *g = m_service->writeGovernor())
        m_summary.throttled = g->throttledCount() - m_throttledAtStart;
    qCInfo(lcService).noquote().nospace()
        << "plan run " << m_runId << " ended: " << m_summary.written << " written, " << m_summary.alreadyDone
        << " already done, " << m_summary.failed << " failed, " << m_summary.notRun << " not run";
    const auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(m_summary);
}

} // namespace ea
