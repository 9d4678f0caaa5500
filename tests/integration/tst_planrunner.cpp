// Bulk plans against the sandbox (PlanRunner): reads batched with $batch,
// the diff against the live tenant, a run that stops half-way and a re-run
// that finishes it with exactly the planned state and no duplicate, a
// finished plan that writes nothing, one full-list write for many rows of a
// full-list type, the governor under the emulated write limit, and every
// write of a run journalled with its run id.
#include "../common/SandboxWithFaults.h"
#include "service/PlanRunner.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ea;
using namespace ea::test;
using namespace Qt::StringLiterals;
using Route = SandboxWithFaults::Route;
using Fault = SandboxWithFaults::Fault;
using std::chrono::milliseconds;

namespace {

AssignmentTarget collection(int n)
{
    return AssignmentTarget::configMgrCollection(u"JAX"_s + QString::number(n, 16).rightJustified(5, u'0').toUpper());
}

QJsonObject collectionAssignment(int n)
{
    return {{u"target"_s,
        QJsonObject {{u"@odata.type"_s, u"#microsoft.graph.configurationManagerCollectionAssignmentTarget"_s},
            {u"collectionId"_s, collection(n).collectionId()}}}};
}

PlanRow row(const QString &configurationId, PlanRow::Action action, const AssignmentTarget &target, int line)
{
    PlanRow r;
    r.configurationId = configurationId;
    r.action = action;
    r.target = target;
    r.line = line;
    return r;
}

// The targets of a list as the CLI writes them, sorted; a duplicate shows twice.
QStringList targetsOf(const QJsonArray &assignments)
{
    QStringList out;
    for (const QJsonValue &a : assignments) {
        const QJsonObject t = a[u"target"_s].toObject();
        out << t.value(u"@odata.type"_s).toString() + u' ' + t.value(u"collectionId"_s).toString()
                + t.value(u"groupId"_s).toString();
    }
    out.sort();
    return out;
}

} // namespace

class TestPlanRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readsAreBatchedAndThrottledReadsRetriedOnTheirOwn();
    void rowThatCannotRunStopsThePlanBeforeAnyWrite();
    void interruptedPlanResumesToExactlyThePlannedState();
    void finishedPlanWritesNothing();
    void fullListTypeGetsOneWriteForManyRows();
    void governorKeepsTheRunUnderTheEmulatedLimit();

private:
    PlanDiff readDiff(const QList<PlanRow> &rows);
    PlanRunSummary run(const PlanDiff &diff, const std::function<void(const PlanProgress &)> &onProgress = {});

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxWithFaults> m_graph;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<PlanRunner> m_runner;
    QString m_limit; // "Limit 5 devices – Sales": single writes
    QString m_esp; // the custom ESP: full lists only
};

void TestPlanRunner::init()
{
    m_graph = std::make_unique<SandboxWithFaults>();
    SessionFactory factory;
    factory.setAuditJournalPath(m_dir.filePath(u"audit.jsonl"_s));
    QString problem;
    m_session
        = factory.forSandbox(QUrl(QString::fromLatin1(m_graph->rootUrl())), m_graph->server().accessToken(), &problem);
    QVERIFY2(m_session, qPrintable(problem));
    RetryPolicy quick;
    quick.baseDelay = milliseconds(20);
    quick.maxDelay = milliseconds(200);
    quick.notVisibleRecheck = milliseconds(50);
    m_session->graph()->setRetryPolicy(quick);
    // Unless a test says otherwise, no pace: the limit is not what these tests are about.
    WriteLimits fast;
    fast.writes = 100000;
    fast.window = milliseconds(1000);
    m_session->writeGovernor()->setLimits(fast);
    m_runner = std::make_unique<PlanRunner>(m_session->assignments());
    m_limit = m_graph->tenant().limitConfigurationId();
    m_esp = m_graph->tenant().espConfigurationId();
    QFile::remove(m_dir.filePath(u"audit.jsonl"_s));
}

void TestPlanRunner::cleanup()
{
    m_runner.reset();
    m_session.reset();
    m_graph.reset();
}

PlanDiff TestPlanRunner::readDiff(const QList<PlanRow> &rows)
{
    std::optional<Result<PlanDiff>> out;
    m_runner->readDiff(rows, [&out](const Result<PlanDiff> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 60000))
        qFatal("readDiff did not end");
    if (!out->ok())
        qFatal("readDiff failed: %s", qPrintable(out->error().summary()));
    return out->value();
}

PlanRunSummary TestPlanRunner::run(const PlanDiff &diff, const std::function<void(const PlanProgress &)> &onProgress)
{
    QMetaObject::Connection c;
    if (onProgress)
        c = connect(m_runner.get(), &PlanRunner::progressChanged, this, onProgress);
    std::optional<Result<PlanRunSummary>> out;
    m_runner->run(diff, [&out](const Result<PlanRunSummary> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 120000))
        qFatal("run did not end");
    disconnect(c);
    if (!out->ok())
        qFatal("run refused: %s", qPrintable(out->error().summary()));
    return out->value();
}

void TestPlanRunner::readsAreBatchedAndThrottledReadsRetriedOnTheirOwn()
{
    // Eight configurations: sixteen reads, one batch. The tenant allows ten
    // requests a second, so six of them are throttled inside the batch and
    // must come back on their own, in a second batch.
    const QStringList ids = m_graph->tenant().configurationIds().mid(0, 8);
    QList<PlanRow> rows;
    for (const QString &id : ids)
        rows << row(id, PlanRow::Action::Remove, collection(1), int(rows.size()) + 2);
    m_graph->tenant().setThrottling({0, 10, 1000, 0});
    const PlanDiff diff = readDiff(rows);
    QCOMPARE(m_graph->tenant().throttledCount(), 6);
    QCOMPARE(diff.configurations.size(), 8);
    for (const PlanConfiguration &c : diff.configurations)
        QVERIFY2(!c.configuration.displayName.isEmpty(), qPrintable(c.configuration.id)); // every one was read
    int batches = 0;
    int single = 0;
    for (const HttpRequest &r : m_graph->requests()) {
        batches += r.rawTarget.endsWith("/$batch") ? 1 : 0;
        single += r.method == "GET" ? 1 : 0;
    }
    QCOMPARE(batches, 2);
    QCOMPARE(single, 0);
}

void TestPlanRunner::rowThatCannotRunStopsThePlanBeforeAnyWrite()
{
    // Fine rows around two that cannot run: a default policy, and a
    // configuration that is not in the tenant. Nothing may be written.
    const QList<PlanRow> rows {row(m_limit, PlanRow::Action::Add, collection(1), 2),
        row(m_graph->tenant().defaultLimitConfigurationId(), PlanRow::Action::Add, collection(2), 3),
        row(u"00000000-0000-4000-8000-00000000dead"_s, PlanRow::Action::Remove, collection(3), 4),
        row(m_esp, PlanRow::Action::Add, collection(4), 5)};
    const PlanDiff diff = readDiff(rows);
    QCOMPARE(diff.problems.size(), 2);
    QCOMPARE(diff.problems.at(0).line, 3);
    QVERIFY2(diff.problems.at(0).message.contains(u"default policy"_s), qPrintable(diff.problems.at(0).message));
    QCOMPARE(diff.problems.at(1).line, 4);
    std::optional<Result<PlanRunSummary>> out;
    m_runner->run(diff, [&out](const Result<PlanRunSummary> &r) { out = r; });
    QVERIFY(out.has_value()); // refused at once
    QVERIFY(!out->ok());
    QTest::qWait(50);
    QCOMPARE(m_graph->tenant().writeCount(), 0);
}

void TestPlanRunner::interruptedPlanResumesToExactlyThePlannedState()
{
    // 500 rows: 400 adds and 50 removes on a type that takes single writes,
    // 50 adds on the ESP (one full-list write).
    QJsonArray seeded;
    for (int i = 0; i < 50; ++i)
        seeded.append(collectionAssignment(10000 + i));
    m_graph->tenant().setAssignments(m_limit, seeded);
    const QStringList espBefore = targetsOf(m_graph->tenant().assignmentsOf(m_esp));
    QList<PlanRow> rows;
    for (int i = 0; i < 400; ++i)
        rows << row(m_limit, PlanRow::Action::Add, collection(i), int(rows.size()) + 2);
    for (int i = 0; i < 50; ++i)
        rows << row(m_limit, PlanRow::Action::Remove, collection(10000 + i), int(rows.size()) + 2);
    for (int i = 0; i < 50; ++i)
        rows << row(m_esp, PlanRow::Action::Add, collection(20000 + i), int(rows.size()) + 2);
    QCOMPARE(rows.size(), 500);
    // Three creates land but their answers are lost (the connection drops):
    // settled by a re-read, never sent twice.
    Fault lost;
    lost.kind = Fault::Kind::Close;
    m_graph->inject(Route::CreateAssignment, lost.afterWrite(), 3);

    const PlanDiff first = readDiff(rows);
    QCOMPARE(first.problems.size(), 0);
    QCOMPARE(first.writes.size(), 451);
    const PlanRunSummary stopped = run(first, [this](const PlanProgress &p) {
        if (p.done >= 200)
            m_runner->cancel();
    });
    QVERIFY(stopped.cancelled);
    QVERIFY2(stopped.written >= 200 && stopped.written < 451, qPrintable(QString::number(stopped.written)));
    QVERIFY(stopped.notRun > 0);
    QVERIFY2(stopped.failed == 0, qPrintable(stopped.failures.join(u'\n')));
    QCOMPARE(m_graph->faultsLeft(Route::CreateAssignment), 0);

    // The re-run reads again and writes only what is missing.
    const PlanDiff rest = readDiff(rows);
    QCOMPARE(rest.writes.size(), 451 - stopped.written - stopped.alreadyDone);
    const int writesBefore = m_graph->tenant().writeCount();
    const PlanRunSummary finished = run(rest);
    QVERIFY(finished.ok());
    QCOMPARE(finished.written, int(rest.writes.size()));
    QCOMPARE(m_graph->tenant().writeCount() - writesBefore, int(rest.writes.size()));
    QVERIFY(finished.runId != stopped.runId);

    // Exactly the planned state: the 400 new ones, none of the removed, no duplicate.
    QStringList expected;
    for (int i = 0; i < 400; ++i)
        expected << u"#microsoft.graph.configurationManagerCollectionAssignmentTarget "_s
                + collection(i).collectionId();
    expected.sort();
    QCOMPARE(targetsOf(m_graph->tenant().assignmentsOf(m_limit)), expected);
    QStringList espExpected = espBefore;
    for (int i = 0; i < 50; ++i)
        espExpected << u"#microsoft.graph.configurationManagerCollectionAssignmentTarget "_s
                + collection(20000 + i).collectionId();
    espExpected.sort();
    QCOMPARE(targetsOf(m_graph->tenant().assignmentsOf(m_esp)), espExpected);

    // Every write is journalled with its run's id, and only the two runs' ids appear.
    AuditJournal journal(m_dir.filePath(u"audit.jsonl"_s));
    QSet<QString> runIds;
    for (const AuditEntry &e : journal.readAll())
        runIds.insert(e.runId);
    QCOMPARE(runIds, (QSet<QString> {stopped.runId, finished.runId}));
}

void TestPlanRunner::finishedPlanWritesNothing()
{
    const QList<PlanRow> rows {row(m_limit, PlanRow::Action::Add, collection(1), 2),
        row(m_limit, PlanRow::Action::Add, collection(2), 3), row(m_esp, PlanRow::Action::Add, collection(3), 4),
        row(m_limit, PlanRow::Action::Remove, collection(4), 5)};
    QVERIFY(run(readDiff(rows)).ok());
    const int writes = m_graph->tenant().writeCount();
    QCOMPARE(writes, 3); // two creates and one full list; the remove had nothing to remove
    const PlanDiff again = readDiff(rows);
    QCOMPARE(again.writes.size(), 0);
    QCOMPARE(again.count(PlanDiffRow::State::AlreadyThere), 3);
    QCOMPARE(again.count(PlanDiffRow::State::AlreadyGone), 1);
    const PlanRunSummary summary = run(again);
    QVERIFY(summary.ok());
    QCOMPARE(summary.written, 0);
    QCOMPARE(m_graph->tenant().writeCount(), writes);
}

void TestPlanRunner::fullListTypeGetsOneWriteForManyRows()
{
    // The ESP takes only full lists: ten adds and two removes are one write,
    // and what the plan does not name (a filter, a policy set, a target type
    // newer than the app) is kept as read.
    const QJsonArray before = m_graph->tenant().assignmentsOf(m_esp);
    QList<PlanRow> rows;
    for (int i = 0; i < 10; ++i)
        rows << row(m_esp, PlanRow::Action::Add, collection(i), i + 2);
    // Remove the two plain group entries (the first two of the seed).
    for (const QJsonValue &a : before) {
        const AssignmentTarget t = AssignmentTarget::fromJson(a[u"target"_s]);
        if ((t.kind() == AssignmentTarget::Kind::IncludeGroup || t.kind() == AssignmentTarget::Kind::ExcludeGroup)
            && !t.hasFilter() && a[u"source"_s].toString() == u"direct"_s && rows.size() < 12)
            rows << row(m_esp, PlanRow::Action::Remove, t, int(rows.size()) + 2);
    }
    QCOMPARE(rows.size(), 12);
    const PlanDiff diff = readDiff(rows);
    QCOMPARE(diff.writes.size(), 1);
    QCOMPARE(diff.writes.first().kind, PlanWrite::Kind::FullList);
    QVERIFY(run(diff).ok());
    QCOMPARE(m_graph->count(Route::AssignFullList), 1);
    QCOMPARE(m_graph->count(Route::CreateAssignment), 0);
    QCOMPARE(m_graph->count(Route::DeleteAssignment), 0);
    const QJsonArray after = m_graph->tenant().assignmentsOf(m_esp);
    QCOMPARE(after.size(), before.size() + 10 - 2);
    // The kept entries exactly as they were (ids, filters, sources, unknown types).
    for (const QString &id : {m_graph->tenant().espFilteredAssignmentId(), m_graph->tenant().espPolicySetAssignmentId(),
             m_graph->tenant().espScopeTagAssignmentId()}) {
        QJsonObject was;
        QJsonObject now;
        for (const QJsonValue &a : before)
            was = a[u"id"_s].toString() == id ? a.toObject() : was;
        for (const QJsonValue &a : after)
            now = a[u"id"_s].toString() == id ? a.toObject() : now;
        QVERIFY(!was.isEmpty());
        QCOMPARE(now, was);
    }
}

void TestPlanRunner::governorKeepsTheRunUnderTheEmulatedLimit()
{
    // 20 writes per 2 s in the tenant and in the governor, four writes at
    // once: 40 creates in about 4 s without a single 429.
    m_graph->tenant().setThrottling({20, 0, 2000, 3});
    WriteLimits limits;
    limits.writes = 20;
    limits.window = milliseconds(2000);
    m_session->writeGovernor()->setLimits(limits);
    m_runner->setMaxInFlight(4);
    QList<PlanRow> rows;
    for (int i = 0; i < 40; ++i)
        rows << row(m_limit, PlanRow::Action::Add, collection(i), i + 2);
    const PlanRunSummary summary = run(readDiff(rows));
    QVERIFY(summary.ok());
    QCOMPARE(summary.written, 40);
    QCOMPARE(m_graph->tenant().throttledCount(), 0);
    QCOMPARE(summary.throttled, 0);
    // Paced: 39 gaps of 102 ms at least.
    QVERIFY2(summary.elapsedMs >= 39 * 102 - 50, qPrintable(QString::number(summary.elapsedMs)));
}

QTEST_GUILESS_MAIN(TestPlanRunner)
#include "tst_planrunner.moc"
