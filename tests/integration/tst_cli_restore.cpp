// `restore FILE` (issue 17) from the command line: --dry-run reads and prints
// the plan and writes nothing; without a terminal it needs --yes; a run
// writes one full-list write per configuration that differs and a re-run
// writes nothing; a file that is not an export is bad input, nothing sent.
#include "../common/CliRunner.h"
#include "cli/TerminalPrompt.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using ea::test::CliRun;

class TestCliRestore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void dryRunPrintsThePlanAndWritesNothing();
    void withoutATerminalItNeedsYes();
    void restoreWritesThenARerunWritesNothing();
    void notAnExportIsBadInput();

private:
    CliRun cli(const QStringList &args);
    // Exports the tenant, then empties the Sales limit's list straight in the tenant.
    QString exportThenWipe();

    QTemporaryDir m_dir;
    std::unique_ptr<ea::sandbox::SandboxServer> m_server;
};

void TestCliRestore::init()
{
    m_server = std::make_unique<ea::sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
}

void TestCliRestore::cleanup()
{
    m_server.reset();
}

CliRun TestCliRestore::cli(const QStringList &args)
{
    return ea::test::runCliOnSandbox(*m_server, m_dir.filePath(u"audit.jsonl"_s), args);
}

QString TestCliRestore::exportThenWipe()
{
    const QString path = m_dir.filePath(u"export.json"_s);
    const CliRun exported = cli({u"export"_s, u"--output"_s, path});
    if (!exported.finished || exported.exitCode != 0)
        qFatal("export failed: %s", qPrintable(exported.err));
    m_server->tenant().setAssignments(m_server->tenant().limitConfigurationId(), {});
    m_server->tenant().resetTrafficCounters();
    return path;
}

void TestCliRestore::dryRunPrintsThePlanAndWritesNothing()
{
    const CliRun r = cli({u"restore"_s, exportThenWipe(), u"--dry-run"_s});
    RUN_EXPECT(r, ea::CliApp::ExitOk);
    QVERIFY2(r.out.contains(u"Limit 5 devices – Sales"_s) && r.out.contains(u"replace"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"add back  exclude-group:08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"1 to replace, 15 unchanged"_s), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"Dry run"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

void TestCliRestore::withoutATerminalItNeedsYes()
{
    if (ea::canAskOnTerminal())
        QSKIP("run from a terminal: restore would ask there");
    const CliRun r = cli({u"restore"_s, exportThenWipe()});
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QVERIFY2(r.err.contains(u"--yes"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

void TestCliRestore::restoreWritesThenARerunWritesNothing()
{
    const QString path = exportThenWipe();
    const CliRun r = cli({u"restore"_s, path, u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitOk);
    QVERIFY2(r.out.contains(u"Restored 1 configuration"_s), qPrintable(r.out));
    QCOMPARE(m_server->tenant().writeCount(), 1);
    QCOMPARE(m_server->tenant().assignmentsOf(m_server->tenant().limitConfigurationId()).size(), 3);
    const CliRun again = cli({u"restore"_s, path, u"--yes"_s});
    RUN_EXPECT(again, ea::CliApp::ExitOk);
    QVERIFY2(again.out.contains(u"Nothing to restore"_s), qPrintable(again.out));
    QCOMPARE(m_server->tenant().writeCount(), 1);
}

void TestCliRestore::notAnExportIsBadInput()
{
    const QString path = m_dir.filePath(u"plan.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("configuration,action,target\n");
    file.close();
    const CliRun r = cli({u"restore"_s, path, u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QVERIFY2(r.err.contains(u"is not an export of this app"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliRestore)
#include "tst_cli_restore.moc"
