// Restore of an export (issue 17) against the sandbox over real HTTP: an
// export, a wiped tenant and a restore end with the exported assignments
// (every property as read on beta; only the ids of recreated entries are
// Graph's new ones); a second restore writes nothing; a list that changed
// after the plan is not overwritten; defaults and configurations the tenant
// no longer has are left out.
#include "domain/TenantExport.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxTenant.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ea;
using namespace ea::sandbox;
using namespace Qt::StringLiterals;

namespace {

template<typename T> struct Outcome
{
    std::optional<Result<T>> result;
    bool done() const { return result.has_value(); }
};

template<typename T> ResultCallback<T> into(Outcome<T> &outcome)
{
    return [&outcome](const Result<T> &r) {
        outcome.result = r;
    };
}

// An assignment as the comparison sees it: every property but the id Graph gives.
QJsonObject withoutId(QJsonObject o)
{
    o.remove(u"id"_s);
    return o;
}

QList<QJsonObject> contentOf(const QJsonArray &assignments)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : assignments)
        out << withoutId(v.toObject());
    return out;
}

QList<QJsonObject> contentOf(const QList<QJsonObject> &assignments)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : assignments)
        out << withoutId(o);
    return out;
}

} // namespace

class TestRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void exportWipeRestoreEndsWithTheExportedAssignments();
    void aListChangedAfterThePlanIsNotOverwritten();
    void defaultsAndMissingConfigurationsAreLeftOut();

private:
    TenantExport exportTenant();
    RestorePlan plan(const TenantExport &file);
    RestoreOutcome apply(const RestorePlan &plan);
    // Empties every non-default configuration's list straight in the tenant; their ids.
    QStringList wipe();

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;
};

void TestRestore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestRestore::init()
{
    SandboxOptions options;
    options.pageSize = 4; // the plan's read spans several pages
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
    // Policy-set entries, filters and a target type newer than the app are all kept.
    m_server->tenant().setKeepsUnknownAssignmentProperties(true);
    SessionFactory factory;
    factory.setAuditJournalPath(m_dir.filePath(u"audit.jsonl"_s));
    QString problem;
    m_session = factory.forSandbox(m_server->url(), m_server->accessToken(), &problem);
    QVERIFY2(m_session, qPrintable(problem));
}

void TestRestore::cleanup()
{
    m_session.reset();
    m_server.reset();
}

TenantExport TestRestore::exportTenant()
{
    Outcome<Listing<EnrollmentConfiguration>> read;
    m_session->assignments()->listConfigurationsWithAssignments(this, into(read), ApiVersion::Beta);
    if (!QTest::qWaitFor([&] { return read.done(); }) || !read.result->ok())
        qFatal("the export read failed");
    // Through the file format, as a restore from disk would read it.
    QString problem;
    const std::optional<TenantExport> parsed = TenantExport::parse(
        TenantExport::fromConfigurationObjects(read.result->value().objects).toJsonBytes(), &problem);
    if (!parsed)
        qFatal("the export does not parse: %s", qPrintable(problem));
    return *parsed;
}

RestorePlan TestRestore::plan(const TenantExport &file)
{
    Outcome<RestorePlan> out;
    m_session->assignments()->planRestore(file, this, into(out));
    if (!QTest::qWaitFor([&] { return out.done(); }) || !out.result->ok())
        qFatal("the restore plan failed");
    return out.result->value();
}

RestoreOutcome TestRestore::apply(const RestorePlan &plan)
{
    Outcome<RestoreOutcome> out;
    m_session->assignments()->applyRestore(plan, this, {}, into(out));
    if (!QTest::qWaitFor([&] { return out.done(); }, 30000) || !out.result->ok())
        qFatal("the restore did not end");
    return out.result->value();
}

QStringList TestRestore::wipe()
{
    QStringList wiped;
    SandboxTenant &tenant = m_server->tenant();
    for (const QString &id : tenant.configurationIds()) {
        if (tenant.assignmentsOf(id).isEmpty() || id.contains(u"_Default"_s) || id.endsWith(u"_WindowsRestore"_s))
            continue;
        tenant.setAssignments(id, {});
        wiped << id;
    }
    return wiped;
}

void TestRestore::exportWipeRestoreEndsWithTheExportedAssignments()
{
    const TenantExport file = exportTenant();
    QStringList wiped = wipe();
    QVERIFY(wiped.size() >= 5);
    m_server->tenant().resetTrafficCounters();

    const RestorePlan restore = plan(file);
    // One configuration has an entry whose target reads as null: its list cannot be sent back faithfully.
    const QString nullTarget = m_server->tenant().nullTargetConfigurationId();
    QVERIFY(wiped.contains(nullTarget));
    for (const RestoreStep &s : restore.steps) {
        if (s.configurationId == nullTarget)
            QCOMPARE(s.action, RestoreStep::Action::UnreadableEntry);
    }
    wiped.removeOne(nullTarget);
    QCOMPARE(restore.writeCount(), int(wiped.size()));
    QCOMPARE(m_server->tenant().writeCount(), 0); // planning reads only
    const RestoreOutcome outcome = apply(restore);
    QVERIFY2(!outcome.stoppedBy, qPrintable(outcome.stoppedBy ? outcome.stoppedBy->summary() : QString()));
    QCOMPARE(outcome.written.size(), wiped.size());
    QCOMPARE(m_server->tenant().writeCount(), int(wiped.size())); // one full-list write each, nothing more

    for (const ExportedConfiguration &c : file.configurations) {
        if (c.id == nullTarget)
            continue;
        // Every property as exported, in the exported order; the recreated entries have Graph's new ids.
        QCOMPARE(contentOf(m_server->tenant().assignmentsOf(c.id)), contentOf(c.assignments));
    }
    // The ESP's entries that only a faithful write keeps came back: the filter, the policy set, the scope tag.
    const QJsonArray esp = m_server->tenant().assignmentsOf(m_server->tenant().espConfigurationId());
    const QByteArray espText = QJsonDocument(esp).toJson(QJsonDocument::Compact);
    QVERIFY(espText.contains("deviceAndAppManagementAssignmentFilterId"));
    QVERIFY(espText.contains("policySets"));
    QVERIFY(espText.contains("scopeTagGroupAssignmentTarget"));

    // Run again: everything else is the file's already, so nothing is written.
    m_server->tenant().resetTrafficCounters();
    const RestorePlan again = plan(file);
    QCOMPARE(again.writeCount(), 0);
    QCOMPARE(apply(again).written.size(), 0);
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

// Someone adds an assignment after the plan was made: that configuration's
// list is not sent (it would delete the addition), and the run stops there.
void TestRestore::aListChangedAfterThePlanIsNotOverwritten()
{
    const TenantExport file = exportTenant();
    wipe();
    const RestorePlan restore = plan(file);
    QVERIFY(restore.writeCount() >= 2);
    const RestoreStep &first = *std::find_if(restore.steps.cbegin(), restore.steps.cend(),
        [](const RestoreStep &s) { return s.action == RestoreStep::Action::Replace; });
    const QJsonObject added {{u"id"_s, QString(first.configurationId + u"_added"_s)},
        {u"target"_s, QJsonValue(QJsonObject {{u"@odata.type"_s, u"#microsoft.graph.allDevicesAssignmentTarget"_s}})}};
    m_server->tenant().setAssignments(first.configurationId, QJsonArray {added});
    m_server->tenant().resetTrafficCounters();

    const RestoreOutcome outcome = apply(restore);
    QVERIFY(outcome.stoppedBy);
    QCOMPARE(outcome.stoppedAt, first.displayName);
    QVERIFY2(outcome.stoppedBy->message.contains(u"changed since the restore plan was made"_s),
        qPrintable(outcome.stoppedBy->message));
    QCOMPARE(outcome.written.size(), 0);
    QCOMPARE(m_server->tenant().writeCount(), 0);
    QCOMPARE(m_server->tenant().assignmentsOf(first.configurationId).size(), 1); // the addition stands
}

void TestRestore::defaultsAndMissingConfigurationsAreLeftOut()
{
    TenantExport file = exportTenant();
    // A configuration deleted since the export, and a default whose list the file says differently.
    ExportedConfiguration gone;
    gone.id = u"5e0a3d1c-0000-4000-8000-00000000dead"_s;
    gone.displayName = u"Deleted since"_s;
    gone.assignments = {QJsonObject {{u"id"_s, u"x"_s},
        {u"target"_s, QJsonValue(QJsonObject {{u"@odata.type"_s, u"#microsoft.graph.allDevicesAssignmentTarget"_s}})}}};
    file.configurations.append(gone);
    const QString defaultLimit = m_server->tenant().defaultLimitConfigurationId();
    for (ExportedConfiguration &c : file.configurations) {
        if (c.id == defaultLimit)
            c.assignments.clear();
    }
    m_server->tenant().resetTrafficCounters();
    const RestorePlan restore = plan(file);
    QCOMPARE(restore.writeCount(), 0);
    QHash<QString, RestoreStep::Action> actions;
    for (const RestoreStep &s : restore.steps)
        actions.insert(s.configurationId, s.action);
    QCOMPARE(actions.value(gone.id), RestoreStep::Action::NotInTenant);
    QCOMPARE(actions.value(defaultLimit), RestoreStep::Action::DefaultDiffers);
    QVERIFY2(restore.summary().contains(u"1 not in the tenant"_s), qPrintable(restore.summary()));
    QCOMPARE(apply(restore).written.size(), 0);
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
