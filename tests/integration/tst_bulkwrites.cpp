// Writes at scale against the sandbox's emulation of Intune's write limit:
// the session's WriteGovernor keeps a run of writes under the limit (no
// 429 at all), a run without it is throttled (so the first result is the
// governor's doing), and when the tenant allows less than the governor
// thinks, 429s with and without Retry-After pause every write and each one
// still lands exactly once (never re-sent blindly).
#include "sandbox/SandboxServer.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ea;
using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace {

AssignmentTarget collection(int n)
{
    return AssignmentTarget::configMgrCollection(u"JAX"_s + QString::number(n, 16).rightJustified(5, u'0').toUpper());
}

WriteGovernor::Limits governorLimits(int writes, int windowMs)
{
    WriteGovernor::Limits l;
    l.writes = writes;
    l.window = milliseconds(windowMs);
    l.headroom = 0.05;
    return l;
}

} // namespace

class TestBulkWrites : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void governorKeepsWritesUnderTheLimit();
    void withoutGovernorTheSameRunIsThrottled();
    void throttledWritesPauseAndLandExactlyOnce();

private:
    // Creates `count` assignments one after the other; returns how many succeeded.
    int createSequentially(int count);

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    QString m_configId;
};

void TestBulkWrites::init()
{
    m_server = std::make_unique<sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
    SessionFactory factory;
    factory.setAuditJournalPath(m_dir.filePath(u"audit.jsonl"_s));
    QString problem;
    m_session = factory.forSandbox(m_server->url(), m_server->accessToken(), &problem);
    QVERIFY2(m_session, qPrintable(problem));
    m_configId = m_server->tenant().limitConfigurationId();
    m_server->tenant().setAssignments(m_configId, {});
}

void TestBulkWrites::cleanup()
{
    m_session.reset();
    m_server.reset();
}

int TestBulkWrites::createSequentially(int count)
{
    int succeeded = 0;
    for (int i = 0; i < count; ++i) {
        std::optional<Result<CreatedAssignment>> out;
        m_session->assignments()->createAssignment(
            m_configId, collection(i), this, [&out](const Result<CreatedAssignment> &r) { out = r; });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 30000))
            qFatal("a write did not end within 30 s");
        if (out->ok())
            ++succeeded;
        else
            qWarning() << "write" << i << "failed:" << out->error().summary();
    }
    return succeeded;
}

void TestBulkWrites::governorKeepsWritesUnderTheLimit()
{
    // The tenant allows 10 per 2 s; the governor knows it.
    m_server->tenant().setThrottling({10, 0, 2000, 3});
    m_session->writeGovernor()->setLimits(governorLimits(10, 2000));
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(createSequentially(20), 20);
    QCOMPARE(m_server->tenant().throttledCount(), 0);
    // Paced, not bursting: 19 gaps of at least 200 ms.
    QVERIFY2(clock.elapsed() >= 19 * 200, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server->tenant().assignmentsOf(m_configId).size(), 20);
}

void TestBulkWrites::withoutGovernorTheSameRunIsThrottled()
{
    // The control of the test above: the same run without a governor meets the limit.
    m_server->tenant().setThrottling({10, 0, 2000, 3});
    m_session->assignments()->setWriteGovernor(nullptr);
    createSequentially(20);
    QVERIFY(m_server->tenant().throttledCount() > 0);
}

void TestBulkWrites::throttledWritesPauseAndLandExactlyOnce()
{
    // The governor thinks 50 per second are fine; the tenant allows 5, and
    // every second 429 comes without Retry-After.
    m_server->tenant().setThrottling({5, 0, 1000, 2});
    m_session->writeGovernor()->setLimits(governorLimits(50, 1000));
    RetryPolicy policy;
    policy.baseDelay = milliseconds(300);
    policy.maxDelay = milliseconds(2000);
    policy.maxRetries = 6;
    m_session->graph()->setRetryPolicy(policy);
    QCOMPARE(createSequentially(12), 12);
    QVERIFY(m_server->tenant().throttledCount() > 0);
    QVERIFY(m_session->writeGovernor()->throttledCount() > 0);
    // Each one exactly once: twelve distinct collections, no duplicate.
    const QJsonArray all = m_server->tenant().assignmentsOf(m_configId);
    QCOMPARE(all.size(), 12);
    QSet<QString> collections;
    for (const QJsonValue &a : all)
        collections.insert(a[u"target"_s][u"collectionId"_s].toString());
    QCOMPARE(collections.size(), 12);
}

QTEST_GUILESS_MAIN(TestBulkWrites)
#include "tst_bulkwrites.moc"
