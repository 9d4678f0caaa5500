// `copy` (issue 17): a configuration's assignments copied to another of its
// type, within the tenant or from an export (another tenant's, here
// simulated by an export whose group ids are not this tenant's): groups are
// matched by display name or a group map, what cannot be matched is listed
// and left out, the rest runs as a bulk plan, and a re-run writes nothing.
#include "../common/CliRunner.h"
#include "../common/OtherTenant.h"
#include "domain/TenantExport.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using ea::test::CliRun;

using namespace ea::test;

class TestCliCopy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void withinTheTenantCopiesWhatIsMissingAndARerunWritesNothing();
    void fromAnotherTenantMatchesGroupsByNameAndLeavesOutTheRest();
    void aGroupMapMatchesWhatNamesCannot();
    void aBadGroupMapLineSendsNothing();
    void anotherTypeIsRefused();

private:
    CliRun cli(const QStringList &args);
    // The tenant's export as another tenant would have written it: Sales –
    // EMEA and Sales – APAC under other ids, APAC named as no group here is.
    QString otherTenantsExport();

    QTemporaryDir m_dir;
    std::unique_ptr<ea::sandbox::SandboxServer> m_server;
};

void TestCliCopy::init()
{
    m_server = std::make_unique<ea::sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
}

void TestCliCopy::cleanup()
{
    m_server.reset();
}

CliRun TestCliCopy::cli(const QStringList &args)
{
    return ea::test::runCliOnSandbox(*m_server, m_dir.filePath(u"audit.jsonl"_s), args);
}

QString TestCliCopy::otherTenantsExport()
{
    const QString path = m_dir.filePath(u"other-tenant.json"_s);
    const CliRun exported = cli({u"export"_s, u"--output"_s, path});
    if (!exported.finished || exported.exitCode != 0)
        qFatal("export failed: %s", qPrintable(exported.err));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the export");
    QByteArray text = file.readAll();
    file.close();
    text = asOtherTenantsExport(text);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        qFatal("cannot write the export");
    return path;
}

void TestCliCopy::withinTheTenantCopiesWhatIsMissingAndARerunWritesNothing()
{
    const QString sales = m_server->tenant().limitConfigurationId();
    const QString contractors = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    const int before = int(targetsOf(m_server->tenant(), contractors).size());
    m_server->tenant().resetTrafficCounters();
    const CliRun r = cli({u"copy"_s, sales, contractors, u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitOk);
    QCOMPARE(m_server->tenant().writeCount(), 3); // EMEA, APAC and the Interns exclusion
    const QStringList after = targetsOf(m_server->tenant(), contractors);
    QCOMPARE(after.size(), before + 3);
    QVERIFY(after.contains(u"groupAssignmentTarget:"_s + kEmea));
    QVERIFY(after.contains(u"exclusionGroupAssignmentTarget:"_s + kInterns));

    const CliRun again = cli({u"copy"_s, sales, contractors, u"--yes"_s});
    RUN_EXPECT(again, ea::CliApp::ExitOk);
    QVERIFY2(again.out.contains(u"Nothing to do"_s), qPrintable(again.out));
    QCOMPARE(m_server->tenant().writeCount(), 3);
}

void TestCliCopy::fromAnotherTenantMatchesGroupsByNameAndLeavesOutTheRest()
{
    const QString path = otherTenantsExport();
    const QString sales = m_server->tenant().limitConfigurationId();
    const QString contractors = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    m_server->tenant().resetTrafficCounters();

    const CliRun dry = cli({u"copy"_s, sales, contractors, u"--from"_s, path, u"--dry-run"_s});
    RUN_EXPECT(dry, ea::CliApp::ExitOk);
    QVERIFY2(dry.err.contains(u"no group is named “Sales – LATAM” in this tenant"_s), qPrintable(dry.err));
    QVERIFY2(dry.out.contains(u"2 write(s) to send"_s), qPrintable(dry.out));
    QCOMPARE(m_server->tenant().writeCount(), 0);

    const CliRun r = cli({u"copy"_s, sales, contractors, u"--from"_s, path, u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitOk);
    const QStringList after = targetsOf(m_server->tenant(), contractors);
    // Sales – EMEA found by its name under this tenant's id; APAC left out; the exclusion kept.
    QVERIFY2(after.contains(u"groupAssignmentTarget:"_s + kEmea), qPrintable(after.join(u'\n')));
    QVERIFY(!after.contains(u"groupAssignmentTarget:"_s + kApac));
    QVERIFY(!after.join(u' ').contains(kOtherEmea));
    QVERIFY(after.contains(u"exclusionGroupAssignmentTarget:"_s + kInterns));
    QCOMPARE(m_server->tenant().writeCount(), 2);

    // Without TARGET_ID the configuration here of the same type and name is taken: Sales, which has them all.
    const CliRun byName = cli({u"copy"_s, sales, u"--from"_s, path, u"--yes"_s});
    RUN_EXPECT(byName, ea::CliApp::ExitOk);
    QVERIFY2(byName.err.contains(u"'Limit 5 devices – Sales' ("_s + sales), qPrintable(byName.err));
    QVERIFY2(byName.out.contains(u"Nothing to do"_s), qPrintable(byName.out));
    QCOMPARE(m_server->tenant().writeCount(), 2);
}

void TestCliCopy::aGroupMapMatchesWhatNamesCannot()
{
    const QString path = otherTenantsExport();
    const QString map = m_dir.filePath(u"groups.csv"_s);
    QFile file(map);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QString(u"source,target\n# LATAM is APAC here\n"_s + kOtherApac + u',' + kApac + u'\n').toUtf8());
    file.close();
    const QString contractors = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    const CliRun r = cli({u"copy"_s, m_server->tenant().limitConfigurationId(), contractors, u"--from"_s, path,
        u"--group-map"_s, map, u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitOk);
    QVERIFY2(!r.err.contains(u"left out"_s), qPrintable(r.err));
    QVERIFY(targetsOf(m_server->tenant(), contractors).contains(u"groupAssignmentTarget:"_s + kApac));
}

void TestCliCopy::aBadGroupMapLineSendsNothing()
{
    const QString path = otherTenantsExport();
    const QString map = m_dir.filePath(u"groups.csv"_s);
    QFile file(map);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QString(u"source,target\n"_s + kOtherApac + u",not-a-group\n"_s).toUtf8());
    file.close();
    m_server->tenant().resetTrafficCounters();
    const CliRun r = cli(
        {u"copy"_s, m_server->tenant().limitConfigurationId(), u"--from"_s, path, u"--group-map"_s, map, u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QVERIFY2(r.err.contains(u"line 2: expected SOURCE_GROUP_ID,TARGET_GROUP_ID"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), 0);
}

void TestCliCopy::anotherTypeIsRefused()
{
    m_server->tenant().resetTrafficCounters();
    const CliRun r = cli(
        {u"copy"_s, m_server->tenant().limitConfigurationId(), m_server->tenant().espConfigurationId(), u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QVERIFY2(r.err.contains(u"is not of the source's type"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliCopy)
#include "tst_cli_copy.moc"
