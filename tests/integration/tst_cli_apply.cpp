// `apply PLAN`: a bulk plan from the command line. A bad row stops it before
// any request, with every problem and its line; --dry-run reads and prints
// the whole diff and writes nothing; without a terminal it needs --yes; a run
// prints a line per write and a summary, and a re-run writes nothing.
#include "../common/CliRunner.h"
#include "cli/TerminalPrompt.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using ea::test::CliRun;
using ea::test::runCli;

class TestCliApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void badRowsSendNothingAndNameTheirLines();
    void dryRunPrintsTheDiffAndWritesNothing();
    void withoutATerminalItNeedsYes();
    void runWritesThenARerunWritesNothing();
    void rowThatCannotRunInTheTenantWritesNothing();
    void yesBelongsToApply();

private:
    CliRun apply(const QByteArray &csv, const QStringList &options);
    QByteArray plan() const;

    QTemporaryDir m_dir;
    std::unique_ptr<ea::sandbox::SandboxServer> m_server;
};

void TestCliApply::init()
{
    m_server = std::make_unique<ea::sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
}

void TestCliApply::cleanup()
{
    m_server.reset();
}

QByteArray TestCliApply::plan() const
{
    const QByteArray limit = m_server->tenant().limitConfigurationId().toLatin1();
    const QByteArray esp = m_server->tenant().espConfigurationId().toLatin1();
    return "configuration,action,target,filter,filterMode\n" + limit + ",add,collection:SMS00001,,\n" + limit
        + ",add,collection:JAX0002C,,\n" + esp + ",add,all-devices,,\n";
}

CliRun TestCliApply::apply(const QByteArray &csv, const QStringList &options)
{
    const QString path = m_dir.filePath(u"plan.csv"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
        qFatal("cannot write the plan");
    file.close();
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, m_server->accessToken());
    return runCli(QStringList {u"--graph-url"_s, m_server->url().toString(), u"--journal"_s,
                      m_dir.filePath(u"audit.jsonl"_s), u"apply"_s, path}
            + options,
        env);
}

void TestCliApply::badRowsSendNothingAndNameTheirLines()
{
    const QByteArray limit = m_server->tenant().limitConfigurationId().toLatin1();
    const QByteArray csv = "configuration,action,target\n" + limit + ",add,all-devices\n" + limit + ",ad,all-users\n"
        + limit + ",add,group:not-a-guid\n";
    const CliRun r = apply(csv, {u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QVERIFY2(r.err.contains(u"line 3: action 'ad' is not add or remove"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"line 4: "_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), 0);
}

void TestCliApply::dryRunPrintsTheDiffAndWritesNothing()
{
    const CliRun r = apply(plan(), {u"--dry-run"_s});
    RUN_EXPECT(r, ea::CliApp::ExitOk);
    QVERIFY2(r.out.contains(u"collection:SMS00001"_s) && r.out.contains(u"line 4"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"3 write(s) to send"_s), qPrintable(r.out)); // two creates, one full list
    QVERIFY2(r.err.contains(u"Dry run"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

void TestCliApply::withoutATerminalItNeedsYes()
{
    if (ea::canAskOnTerminal())
        QSKIP("run from a terminal: apply would ask there");
    const CliRun r = apply(plan(), {});
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QVERIFY2(r.err.contains(u"--yes"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

void TestCliApply::runWritesThenARerunWritesNothing()
{
    const CliRun first = apply(plan(), {u"--yes"_s});
    RUN_EXPECT(first, ea::CliApp::ExitOk);
    // Not a terminal: one plain line per write, then the summary.
    QCOMPARE(first.err.count(u"done: "_s), 3);
    QVERIFY2(first.out.contains(u": 3 written, 0 already done, 0 failed, 0 not run"_s), qPrintable(first.out));
    QCOMPARE(m_server->tenant().writeCount(), 3);
    const CliRun again = apply(plan(), {u"--yes"_s});
    RUN_EXPECT(again, ea::CliApp::ExitOk);
    QVERIFY2(again.out.contains(u"Nothing to do"_s), qPrintable(again.out));
    QCOMPARE(m_server->tenant().writeCount(), 3);
}

void TestCliApply::rowThatCannotRunInTheTenantWritesNothing()
{
    const QByteArray csv = plan() + m_server->tenant().defaultLimitConfigurationId().toLatin1() + ",add,all-users,,\n";
    const CliRun r = apply(csv, {u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitFailure);
    QVERIFY2(r.err.contains(u"line 5: "_s) && r.err.contains(u"default policy"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

void TestCliApply::yesBelongsToApply()
{
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, m_server->accessToken());
    const CliRun r = runCli({u"--graph-url"_s, m_server->url().toString(), u"configs"_s, u"--yes"_s}, env);
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QCOMPARE(m_server->tenant().requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliApply)
#include "tst_cli_apply.moc"
