// The audit journal: every entry survives, a torn last line from a crash is
// tolerated and never eats the next entry, two processes appending at once
// take turns, the file is private to its owner, the sandbox has its own
// journal, and no token is ever written.
#include "audit/AuditJournal.h"
#include "graph/AccessTokenProvider.h"
#include "service/Session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/file.h>
#include <sys/stat.h>
#endif

namespace {

// The child mode of this executable: `tst_auditjournal --append-child PATH COUNT WRITER`
// appends COUNT entries to PATH as WRITER and exits 0 if every append succeeded.
constexpr char kChildFlag[] = "--append-child";

// Entries large enough (several KiB) that an unlocked append could be split or interleaved.
ea::AuditEntry bigEntry(const QString &writer, int index)
{
    ea::AuditEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.operationId = writer + u'-' + QString::number(index);
    e.phase = ea::AuditPhase::Attempt;
    e.action = ea::AuditAction::Create;
    e.tenant = QStringLiteral("Contoso");
    e.cloud = QStringLiteral("global");
    e.apiVersion = QStringLiteral("v1.0");
    e.configurationId = QStringLiteral("cfg");
    e.target = ea::AssignmentTarget::allDevices();
    e.outcome = ea::AuditOutcome::Pending;
    e.message = QString(6000 + index % 97, QChar(char16_t(u'a' + (writer.size() + index) % 26)));
    return e;
}

int runAppendChild(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    ea::AuditJournal journal(args.value(2));
    const int count = args.value(3).toInt();
    const QString writer = args.value(4);
    for (int i = 0; i < count; ++i) {
        QString error;
        if (!journal.append(bigEntry(writer, i), &error)) {
            std::fprintf(stderr, "append %d failed: %s\n", i, qPrintable(error));
            return 1;
        }
    }
    return 0;
}

#ifdef Q_OS_UNIX
int modeOf(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}
#endif

} // namespace

using namespace ea;

class TestAuditJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsAndReadsBack();
    void attemptIsSyncedResultOnlyWritten();
    void lostResultLineReadsAsInterrupted();
    void tornLastLineIsSkippedAndNextEntryKept();
    void createsMissingFolder();
    void unwritableLocationReportsError();
    void groupsAttemptsWithResults();
    void typedLinesKeepWhatANewerVersionWrote();
    void priorityChangeKeepsBothOrders();
    void twoProcessesAppendingConcurrentlyLoseNothing();
    void appendWaitsForTheLockHeldByAnotherProgram();
    void createdOwnerOnly();
    void sandboxSessionsHaveTheirOwnJournal();

private:
    static QProcess *startChild(const QString &path, int count, const QString &writer)
    {
        auto *child = new QProcess;
        child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child->start(QCoreApplication::applicationFilePath(),
            {QString::fromLatin1(kChildFlag), path, QString::number(count), writer});
        return child;
    }

    static AuditEntry entry(AuditPhase phase, AuditOutcome outcome)
    {
        AuditEntry e;
        e.time = QDateTime::currentDateTimeUtc();
        e.operationId = QStringLiteral("op-1");
        e.phase = phase;
        e.action = AuditAction::Create;
        e.tenant = QStringLiteral("Contoso");
        e.cloud = QStringLiteral("global");
        e.apiVersion = QStringLiteral("v1.0");
        e.configurationId = QStringLiteral("cfg");
        e.configurationName = QStringLiteral("Limit – Zürich");
        e.target = AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001"));
        e.outcome = outcome;
        e.httpStatus = outcome == AuditOutcome::Succeeded ? 201 : 0;
        e.requestId = QStringLiteral("rid");
        return e;
    }
};

void TestAuditJournal::appendsAndReadsBack()
{
    QTemporaryDir dir;
    AuditJournal journal(dir.filePath(QStringLiteral("audit.jsonl")));
    QVERIFY(journal.append(entry(AuditPhase::Attempt, AuditOutcome::Pending)));
    QVERIFY(journal.append(entry(AuditPhase::Result, AuditOutcome::Succeeded)));
    int skipped = -1;
    const QList<AuditEntry> entries = journal.readAll(&skipped);
    QCOMPARE(skipped, 0);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].phase, AuditPhase::Attempt);
    QCOMPARE(entries[1].outcome, AuditOutcome::Succeeded);
    QCOMPARE(entries[1].httpStatus, 201);
    QCOMPARE(entries[1].configurationName, QStringLiteral("Limit – Zürich"));
    QCOMPARE(entries[1].targetText(), QStringLiteral("collection:SMS00001"));
}

void TestAuditJournal::attemptIsSyncedResultOnlyWritten()
{
    // The attempt is on stable storage before its request goes out; the
    // result line is handed to the OS without a sync (a lost one reads as
    // interrupted, see lostResultLineReadsAsInterrupted), yet this process and
    // any other read it back at once.
    QTemporaryDir dir;
    AuditJournal journal(dir.filePath(QStringLiteral("audit.jsonl")));
    const quint64 before = AuditJournal::stableStorageSyncs();
    QVERIFY(journal.append(entry(AuditPhase::Attempt, AuditOutcome::Pending)));
    QCOMPARE(AuditJournal::stableStorageSyncs(), before + 1);
    QVERIFY(journal.append(entry(AuditPhase::Result, AuditOutcome::Succeeded)));
    QCOMPARE(AuditJournal::stableStorageSyncs(), before + 1);
    const QList<AuditEntry> entries = AuditJournal(journal.filePath()).readAll();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[1].phase, AuditPhase::Result);
    QCOMPARE(entries[1].outcome, AuditOutcome::Succeeded);
}

void TestAuditJournal::lostResultLineReadsAsInterrupted()
{
    // What a power loss right after a write can cost: the result line, never
    // synced, is gone (or its tail is garbage). The write then reads as an
    // attempt whose end nobody saw, never as done, and the next append is whole.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    AuditJournal journal(path);
    QVERIFY(journal.append(entry(AuditPhase::Attempt, AuditOutcome::Pending)));
    const qint64 attemptEnd = QFileInfo(path).size();
    QVERIFY(journal.append(entry(AuditPhase::Result, AuditOutcome::Succeeded)));
    {
        QFile f(path);
        QVERIFY(f.resize(attemptEnd)); // the result line lost...
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray(37, '\0')); // ...and a tail of zeros, as ext4 can leave
    }
    AuditEntry next = entry(AuditPhase::Attempt, AuditOutcome::Pending);
    next.operationId = QStringLiteral("op-2");
    next.time = next.time.addSecs(1);
    QVERIFY(journal.append(next));

    int skipped = -1;
    const QList<AuditOperation> ops = groupByOperation(journal.readAll(&skipped));
    QCOMPARE(skipped, 1);
    QCOMPARE(ops.size(), 2);
    QCOMPARE(ops[0].first().operationId, QStringLiteral("op-1"));
    QVERIFY(ops[0].isInterrupted());
    QCOMPARE(ops[0].last().outcome, AuditOutcome::Pending);
    QCOMPARE(ops[1].first().operationId, QStringLiteral("op-2"));
}

void TestAuditJournal::tornLastLineIsSkippedAndNextEntryKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    AuditJournal journal(path);
    QVERIFY(journal.append(entry(AuditPhase::Attempt, AuditOutcome::Pending)));
    {
        // A crash in the middle of a write leaves half a line without '\n'.
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(R"({"time":"2026-11-29T07:00:00Z","phase":"res)");
    }
    QVERIFY(journal.append(entry(AuditPhase::Result, AuditOutcome::Failed)));
    int skipped = -1;
    const QList<AuditEntry> entries = journal.readAll(&skipped);
    QCOMPARE(skipped, 1);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].phase, AuditPhase::Attempt);
    QCOMPARE(entries[1].outcome, AuditOutcome::Failed);
}

void TestAuditJournal::createsMissingFolder()
{
    QTemporaryDir dir;
    AuditJournal journal(dir.filePath(QStringLiteral("a/b/audit.jsonl")));
    QVERIFY(journal.append(entry(AuditPhase::Attempt, AuditOutcome::Pending)));
    QCOMPARE(journal.readAll().size(), 1);
}

void TestAuditJournal::unwritableLocationReportsError()
{
    QTemporaryDir dir;
    // A directory where the file should be: the append cannot succeed.
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    QVERIFY(QDir().mkpath(path));
    AuditJournal journal(path);
    QString error;
    QVERIFY(!journal.append(entry(AuditPhase::Attempt, AuditOutcome::Pending), &error));
    QVERIFY(!error.isEmpty());
}

void TestAuditJournal::groupsAttemptsWithResults()
{
    AuditEntry a1 = entry(AuditPhase::Attempt, AuditOutcome::Pending);
    AuditEntry r1 = entry(AuditPhase::Result, AuditOutcome::Succeeded);
    AuditEntry a2 = entry(AuditPhase::Attempt, AuditOutcome::Pending);
    a2.operationId = QStringLiteral("op-2");
    a2.time = a1.time.addSecs(5);
    const QList<AuditOperation> ops = groupByOperation({a1, a2, r1});
    QCOMPARE(ops.size(), 2);
    QVERIFY(ops[0].hasAttempt && ops[0].hasResult);
    QCOMPARE(ops[0].last().outcome, AuditOutcome::Succeeded);
    QVERIFY(!ops[0].isInterrupted());
    QCOMPARE(ops[1].first().operationId, QStringLiteral("op-2"));
    QVERIFY(ops[1].isInterrupted()); // an attempt nobody saw finish
}

void TestAuditJournal::typedLinesKeepWhatANewerVersionWrote()
{
    // A line as this version writes it for an undo of a full-list write...
    const QJsonObject known = QJsonDocument::fromJson(R"({"time":"2026-11-29T07:00:00.000Z","operationId":"op-9",
        "phase":"attempt","action":"assign-full-list","tenant":"Contoso","cloud":"global","apiVersion":"beta",
        "configurationId":"cfg","configurationName":"ESP","target":"full list of 2","outcome":"pending",
        "details":{"before":[{"id":"a"}],"sentKept":[{"id":"a"}],"sentAdded":[{"id":"b"}],"undoOf":"created-1"}})")
                                  .object();
    const AuditEntry e = AuditEntry::fromJson(known);
    QCOMPARE(e.phase, AuditPhase::Attempt);
    QCOMPARE(e.action, AuditAction::AssignFullList);
    QCOMPARE(e.outcome, AuditOutcome::Pending);
    QVERIFY(!e.target); // a summary, not one target
    QCOMPARE(e.targetText(), QStringLiteral("full list of 2"));
    QCOMPARE(e.undoOf, QStringLiteral("created-1"));
    QVERIFY(e.isUndo());
    QVERIFY(e.fullList);
    QCOMPARE(e.fullList->sentAdded.size(), 1);
    QVERIFY(e.otherDetails.isEmpty());
    QCOMPARE(e.toJson(), known);

    // ...and one a newer version wrote: words and details this one does not
    // know are kept and written back (history --json) exactly as read.
    const QJsonObject foreign = QJsonDocument::fromJson(R"({"time":"2026-11-29T07:00:01.000Z","operationId":"op-10",
        "phase":"result","action":"set-scope-tags","tenant":"Contoso","cloud":"global","apiVersion":"beta",
        "configurationId":"cfg","configurationName":"ESP","target":"group:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "outcome":"partly","details":{"orderBefore":["x","y"]}})")
                                    .object();
    const AuditEntry f = AuditEntry::fromJson(foreign);
    QCOMPARE(f.phase, AuditPhase::Result);
    QCOMPARE(f.action, AuditAction::Other);
    QCOMPARE(f.actionName(), QStringLiteral("set-scope-tags"));
    QVERIFY(!f.priority); // "orderBefore" under another action is that action's, kept as read
    QCOMPARE(f.outcome, AuditOutcome::Other);
    QCOMPARE(f.outcomeName(), QStringLiteral("partly"));
    QVERIFY(f.target);
    QCOMPARE(f.target->kind(), AssignmentTarget::Kind::IncludeGroup);
    QVERIFY(!f.fullList);
    QCOMPARE(f.toJson(), foreign);
}

// A priority change is journalled with the order before and after: typed
// when read back, written back exactly as read. A set-priority line whose
// details this version does not recognise is kept as read, untyped.
void TestAuditJournal::priorityChangeKeepsBothOrders()
{
    const QJsonObject line = QJsonDocument::fromJson(R"j({"time":"2026-12-03T08:00:00.000Z","operationId":"op-p",
        "phase":"result","action":"set-priority","tenant":"Contoso","cloud":"global","apiVersion":"v1.0",
        "configurationId":"b","configurationName":"Limit B","target":"priority 1 (was 2)","outcome":"succeeded",
        "httpStatus":204,"details":{
    "requestedPriority":1,"previousPriority":2,
        "orderBefore":[{"id":"a","displayName":"Limit A","priority":1},{"id":"b","displayName":"Limit B","priority":2}],
        "orderAfter":[{"id":"b","displayName":"Limit B","priority":1},{"id":"a","displayName":"Limit A","priority":2}]}})j")
                                 .object();
    const AuditEntry e = AuditEntry::fromJson(line);
    QCOMPARE(e.action, AuditAction::SetPriority);
    QCOMPARE(e.actionName(), QStringLiteral("set-priority"));
    QVERIFY(!e.target);
    QCOMPARE(e.targetText(), QStringLiteral("priority 1 (was 2)"));
    QVERIFY(e.priority);
    QCOMPARE(e.priority->requested, 1);
    QCOMPARE(e.priority->previous, 2);
    QCOMPARE(e.priority->orderBefore.size(), 2);
    QCOMPARE(e.priority->orderAfter.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("b"));
    QVERIFY(e.otherDetails.isEmpty());
    QCOMPARE(e.toJson(), line);

    QJsonObject odd = line;
    odd.insert(QStringLiteral("details"), QJsonObject {{QStringLiteral("orderBefore"), QStringLiteral("a,b")}});
    const AuditEntry f = AuditEntry::fromJson(odd);
    QCOMPARE(f.action, AuditAction::SetPriority);
    QVERIFY(!f.priority);
    QCOMPARE(f.toJson(), odd);
}

void TestAuditJournal::twoProcessesAppendingConcurrentlyLoseNothing()
{
    // The GUI and the CLI writing at the same moment: 1,000 entries each, every
    // line whole and parseable, none lost, each writer's own order kept.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal/audit.jsonl"));
    constexpr int kCount = 1000;
    std::unique_ptr<QProcess> a(startChild(path, kCount, QStringLiteral("gui")));
    std::unique_ptr<QProcess> b(startChild(path, kCount, QStringLiteral("cli")));
    for (QProcess *child : {a.get(), b.get()}) {
        QVERIFY(child->waitForFinished(240000));
        QCOMPARE(child->exitStatus(), QProcess::NormalExit);
        QCOMPARE(child->exitCode(), 0);
    }

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.endsWith('\n'));
    const QList<QByteArray> lines = content.left(content.size() - 1).split('\n');
    QCOMPARE(lines.size(), 2 * kCount); // not one line more (torn halves) or less (lost)
    QHash<QString, int> next {{QStringLiteral("gui"), 0}, {QStringLiteral("cli"), 0}};
    for (const QByteArray &line : lines) {
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.left(200).constData());
        const AuditEntry e = AuditEntry::fromJson(doc.object());
        const QString writer = e.operationId.section(u'-', 0, 0);
        const int index = e.operationId.section(u'-', 1).toInt();
        QVERIFY(next.contains(writer));
        QCOMPARE(index, next[writer]); // in order, none skipped
        QCOMPARE(e.message, bigEntry(writer, index).message); // not interleaved with the other's bytes
        ++next[writer];
    }
    QCOMPARE(next.value(QStringLiteral("gui")), kCount);
    QCOMPARE(next.value(QStringLiteral("cli")), kCount);
    int skipped = -1;
    QCOMPARE(AuditJournal(path).readAll(&skipped).size(), 2 * kCount);
    QCOMPARE(skipped, 0);
}

void TestAuditJournal::appendWaitsForTheLockHeldByAnotherProgram()
{
    // While another program holds the journal's lock, an append waits and
    // then writes: it never writes beside the holder.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
#ifdef Q_OS_UNIX
    // flock() on the journal itself, as another append holds it.
    QFile holder(path);
    QVERIFY(holder.open(QIODevice::ReadWrite | QIODevice::Append));
    QCOMPARE(::flock(holder.handle(), LOCK_EX | LOCK_NB), 0);
    const auto release = [&holder] {
        holder.close();
    };
#else
    QLockFile held(AuditJournal::lockPathFor(path));
    QVERIFY(held.lock());
    const auto release = [&held] {
        held.unlock();
    };
#endif
    std::unique_ptr<QProcess> child(startChild(path, 1, QStringLiteral("cli")));
    QVERIFY(child->waitForStarted());
    QVERIFY(!child->waitForFinished(1500)); // still waiting for the lock
    QCOMPARE(QFileInfo(path).size(), 0);
    release();
    QVERIFY(child->waitForFinished(20000));
    QCOMPARE(child->exitCode(), 0);
    QCOMPARE(AuditJournal(path).readAll().size(), 1);
#ifdef Q_OS_UNIX
    // No lock file is made, so none can be left behind by a crash.
    QVERIFY(!QFileInfo::exists(AuditJournal::lockPathFor(path)));
#endif
}

void TestAuditJournal::createdOwnerOnly()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    const mode_t previous = ::umask(022); // the usual umask: without care, 0644 and 0755
    const QString path = dir.filePath(QStringLiteral("new/folder/audit.jsonl"));
    AuditJournal journal(path);
    const bool appended = journal.append(entry(AuditPhase::Attempt, AuditOutcome::Pending));
    ::umask(previous);
    QVERIFY(appended);
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("new/folder"))), 0700);
    QCOMPARE(modeOf(dir.filePath(QStringLiteral("new"))), 0700);
    // A folder that was already there keeps its permissions.
    QCOMPARE(modeOf(dir.path()), 0700); // QTemporaryDir's own

    // A journal an older version left world-readable is made private at the next append.
    const QString old = dir.filePath(QStringLiteral("old.jsonl"));
    {
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFile::setPermissions(old, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    QCOMPARE(modeOf(old), 0644);
    QVERIFY(AuditJournal(old).append(entry(AuditPhase::Attempt, AuditOutcome::Pending)));
    QCOMPARE(modeOf(old), 0600);
#else
    QSKIP("POSIX permissions; on Windows the user profile's ACLs keep the journal private");
#endif
}

void TestAuditJournal::sandboxSessionsHaveTheirOwnJournal()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(AuditJournal::sandboxPath() != AuditJournal::defaultPath());
    QCOMPARE(QFileInfo(AuditJournal::sandboxPath()).path(), QFileInfo(AuditJournal::defaultPath()).path());

    const GraphEndpoint endpoint = GraphEndpoint::forCloud(Cloud::Global, ApiVersion::V1);
    Session real(endpoint, std::make_unique<StaticTokenProvider>(QStringLiteral("t")));
    QCOMPARE(real.auditJournal()->filePath(), AuditJournal::defaultPath());

    Session sandbox(endpoint, std::make_unique<StaticTokenProvider>(QStringLiteral("t")));
    sandbox.setSandbox(true);
    QCOMPARE(sandbox.auditJournal()->filePath(), AuditJournal::sandboxPath());
    QCOMPARE(sandbox.assignments()->auditJournal(), sandbox.auditJournal()); // the service writes there
    sandbox.setSandbox(false);
    QCOMPARE(sandbox.auditJournal()->filePath(), AuditJournal::defaultPath());

    // --journal wins, before or after the sandbox is chosen.
    QTemporaryDir dir;
    const QString given = dir.filePath(QStringLiteral("given.jsonl"));
    Session before(endpoint, std::make_unique<StaticTokenProvider>(QStringLiteral("t")));
    before.setAuditJournalPath(given);
    before.setSandbox(true);
    QCOMPARE(before.auditJournal()->filePath(), given);
    Session after(endpoint, std::make_unique<StaticTokenProvider>(QStringLiteral("t")));
    after.setSandbox(true);
    after.setAuditJournalPath(given);
    QCOMPARE(after.auditJournal()->filePath(), given);
}

int main(int argc, char *argv[])
{
    if (argc == 5 && qstrcmp(argv[1], kChildFlag) == 0)
        return runAppendChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestAuditJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_auditjournal.moc"
