// `apply PLAN`: a bulk plan from the command line. A bad row stops it before
// any request, with every problem and its line; --dry-run reads and prints
// the whole diff and writes nothing; without a terminal it needs --yes; a run
// prints a line per write and a summary, and a re-run writes nothing. The
// JSON `export` writes is a plan too: applied after some assignments were
// deleted, it adds exactly those back (filters kept), lists what no row can
// carry, and a second run writes nothing.
#include "../common/CliRunner.h"
#include "audit/AuditJournal.h"
#include "cli/TerminalPrompt.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

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
    void ctrlCStopsBetweenWrites();
    void jsonIsOneObjectOnStandardOutput();
    void exportAddsBackExactlyWhatIsMissing();

private:
    CliRun cli(const QStringList &args);
    CliRun apply(const QByteArray &csv, const QStringList &options);
    QByteArray plan() const;

    QTemporaryDir m_dir;
    std::unique_ptr<ea::sandbox::SandboxServer> m_server;
};

void TestCliApply::init()
{
    m_server = std::make_unique<ea::sandbox::SandboxServer>();
    QVERIFY(m_server->listen());
    QFile::remove(m_dir.filePath(u"audit.jsonl"_s)); // each test reads only its own writes
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

CliRun TestCliApply::cli(const QStringList &args)
{
    return ea::test::runCliOnSandbox(*m_server, m_dir.filePath(u"audit.jsonl"_s), args);
}

CliRun TestCliApply::apply(const QByteArray &csv, const QStringList &options)
{
    const QString path = m_dir.filePath(u"plan.csv"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
        qFatal("cannot write the plan");
    file.close();
    return cli(QStringList {u"apply"_s, path} + options);
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
    const CliRun r = runCli(
        {u"--graph-url"_s, m_server->url().toString(), u"configs"_s, u"--yes"_s}, ea::test::sandboxTokenEnv(*m_server));
    RUN_EXPECT(r, ea::CliApp::ExitUsage);
    QCOMPARE(m_server->tenant().requestCount(), 0);
}

void TestCliApply::ctrlCStopsBetweenWrites()
{
#ifndef Q_OS_UNIX
    QSKIP("raises SIGINT, which is POSIX's");
#else
    // Twelve writes at the real pace (204 ms apart); Ctrl+C once three have landed.
    const QByteArray limit = m_server->tenant().limitConfigurationId().toLatin1();
    QByteArray csv = "configuration,action,target\n";
    for (int i = 0; i < 12; ++i)
        csv += limit + ",add,collection:JAX" + QByteArray::number(i, 16).rightJustified(5, '0').toUpper() + "\n";
    struct sigaction before = {};
    ::sigaction(SIGINT, nullptr, &before);
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [this, &poll] {
        if (m_server->tenant().writeCount() >= 3) {
            poll.stop();
            ::raise(SIGINT);
        }
    });
    poll.start(10);
    const CliRun r = apply(csv, {u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitFailure);
    const int written = m_server->tenant().writeCount();
    QVERIFY2(written >= 3 && written < 12, qPrintable(QString::number(written)));
    QVERIFY2(r.err.contains(u"Stopping after the writes under way"_s), qPrintable(r.err));
    QVERIFY2(r.out.contains(u"0 failed"_s) && !r.out.contains(u", 0 not run"_s), qPrintable(r.out));
    // Every write has its end in the journal, none was cut off: the ones that
    // went out succeeded, the ones still waiting for their turn were not sent.
    const ea::AuditJournal journal(m_dir.filePath(u"audit.jsonl"_s));
    int succeeded = 0;
    for (const ea::AuditOperation &op : ea::groupByOperation(journal.readAll())) {
        QVERIFY(!op.isInterrupted());
        if (op.result.outcome == ea::AuditOutcome::Succeeded)
            ++succeeded;
        else
            QVERIFY2(op.result.outcome == ea::AuditOutcome::Failed && op.result.message.contains(u"nothing was sent"_s),
                qPrintable(op.result.message));
    }
    QCOMPARE(succeeded, written);
    // Watching ended with the run: Ctrl+C does again what it did before.
    struct sigaction now = {};
    ::sigaction(SIGINT, nullptr, &now);
    QVERIFY(now.sa_handler == before.sa_handler);
#endif
}

void TestCliApply::jsonIsOneObjectOnStandardOutput()
{
    const CliRun dry = apply(plan(), {u"--dry-run"_s, u"--json"_s});
    RUN_EXPECT(dry, ea::CliApp::ExitOk);
    QJsonParseError error;
    const QJsonObject diff = QJsonDocument::fromJson(dry.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(dry.out));
    QCOMPARE(diff.value(u"writes"_s).toInt(), 3);
    const QJsonArray rows = diff.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0)[u"line"_s].toInt(), 2);
    QCOMPARE(rows.at(0)[u"change"_s].toString(), u"add"_s);
    QCOMPARE(rows.at(0)[u"target"_s].toString(), u"collection:SMS00001"_s);
    QCOMPARE(rows.at(2)[u"fullList"_s].toBool(), true); // the ESP
    QVERIFY(!diff.contains(u"run"_s));
    QVERIFY2(dry.err.contains(u"3 write(s) to send"_s), qPrintable(dry.err)); // the text went to standard error

    const CliRun run = apply(plan(), {u"--yes"_s, u"--json"_s});
    RUN_EXPECT(run, ea::CliApp::ExitOk);
    const QJsonObject done = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.out));
    QCOMPARE(done[u"run"_s][u"written"_s].toInt(), 3);
    QCOMPARE(done[u"run"_s][u"failed"_s].toInt(), 0);
    QVERIFY(!done[u"run"_s][u"runId"_s].toString().isEmpty());
}

void TestCliApply::exportAddsBackExactlyWhatIsMissing()
{
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    const QString path = m_dir.filePath(u"export.json"_s);
    const CliRun exported = cli({u"export"_s, u"--output"_s, path});
    RUN_EXPECT(exported, ea::CliApp::ExitOk);
    // Two of the Sales limit's three entries deleted, and the ESP's filtered one.
    const QString limit = tenant.limitConfigurationId();
    const QString esp = tenant.espConfigurationId();
    const QJsonArray limitBefore = tenant.assignmentsOf(limit);
    const QJsonArray espBefore = tenant.assignmentsOf(esp);
    QCOMPARE(limitBefore.size(), 3);
    tenant.setAssignments(limit, {limitBefore.at(0)});
    QJsonArray espLeft;
    QJsonObject filtered;
    for (const QJsonValue &v : espBefore) {
        if (v[u"id"_s].toString() == tenant.espFilteredAssignmentId())
            filtered = v.toObject();
        else
            espLeft.append(v);
    }
    QVERIFY(!filtered.isEmpty());
    QVERIFY(!filtered[u"target"_s][u"deviceAndAppManagementAssignmentFilterId"_s].toString().isEmpty());
    tenant.setAssignments(esp, espLeft);
    tenant.resetTrafficCounters();

    const CliRun r = cli({u"--api"_s, u"beta"_s, u"apply"_s, path, u"--yes"_s});
    RUN_EXPECT(r, ea::CliApp::ExitOk);
    // What no row carries is listed before the diff, with the entry and why.
    QVERIFY2(r.err.contains(u"left out"_s) && r.err.contains(u"from policy set "_s + tenant.policySetId())
            && r.err.contains(u"scopeTagGroupAssignmentTarget is one this app does not model"_s)
            && r.err.contains(u"target was empty"_s) && r.err.contains(u"default configuration"_s),
        qPrintable(r.err));
    QVERIFY2(r.err.indexOf(u"left out"_s) < r.err.indexOf(u"Reading "_s), qPrintable(r.err));
    // Two creates on the limit, one full-list write for the ESP: exactly the deleted entries.
    QVERIFY2(r.out.contains(u"3 write(s) to send: 3 to add, 0 to remove"_s), qPrintable(r.out));
    QCOMPARE(tenant.writeCount(), 3);
    const auto targets = [](const QJsonArray &list) {
        QList<QJsonObject> out;
        for (const QJsonValue &v : list)
            out << v[u"target"_s].toObject();
        std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return QJsonDocument(a).toJson() < QJsonDocument(b).toJson();
        });
        return out;
    };
    QCOMPARE(targets(tenant.assignmentsOf(limit)), targets(limitBefore));
    QCOMPARE(targets(tenant.assignmentsOf(esp)), targets(espBefore)); // the filter came back with its entry
    // Every entry the ESP kept went back as read, the policy set's too.
    for (const QJsonValue &kept : espLeft)
        QVERIFY(tenant.assignmentsOf(esp).contains(kept));

    const CliRun again = cli({u"--api"_s, u"beta"_s, u"apply"_s, path, u"--yes"_s});
    RUN_EXPECT(again, ea::CliApp::ExitOk);
    QVERIFY2(again.out.contains(u"Nothing to do"_s), qPrintable(again.out));
    QCOMPARE(tenant.writeCount(), 3);
}

QTEST_GUILESS_MAIN(TestCliApply)
#include "tst_cli_apply.moc"
