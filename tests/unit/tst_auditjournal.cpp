// The audit journal: every entry survives, a torn last line from a crash is
// tolerated and never eats the next entry, and no token is ever written.
#include "audit/AuditJournal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ea;

class TestAuditJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendsAndReadsBack();
    void tornLastLineIsSkippedAndNextEntryKept();
    void createsMissingFolder();
    void unwritableLocationReportsError();
    void groupsAttemptsWithResults();

private:
    static AuditEntry entry(const QString &phase, const QString &outcome)
    {
        AuditEntry e;
        e.time = QDateTime::currentDateTimeUtc();
        e.operationId = QStringLiteral("op-1");
        e.phase = phase;
        e.action = QStringLiteral("create");
        e.tenant = QStringLiteral("Contoso");
        e.cloud = QStringLiteral("global");
        e.apiVersion = QStringLiteral("v1.0");
        e.configurationId = QStringLiteral("cfg");
        e.configurationName = QStringLiteral("Limit – Zürich");
        e.target = QStringLiteral("collection:SMS00001");
        e.outcome = outcome;
        e.httpStatus = outcome == QLatin1String("succeeded") ? 201 : 0;
        e.requestId = QStringLiteral("rid");
        return e;
    }
};

void TestAuditJournal::appendsAndReadsBack()
{
    QTemporaryDir dir;
    AuditJournal journal(dir.filePath(QStringLiteral("audit.jsonl")));
    QVERIFY(journal.append(entry(QStringLiteral("attempt"), QStringLiteral("pending"))));
    QVERIFY(journal.append(entry(QStringLiteral("result"), QStringLiteral("succeeded"))));
    int skipped = -1;
    const QList<AuditEntry> entries = journal.readAll(&skipped);
    QCOMPARE(skipped, 0);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].phase, QStringLiteral("attempt"));
    QCOMPARE(entries[1].outcome, QStringLiteral("succeeded"));
    QCOMPARE(entries[1].httpStatus, 201);
    QCOMPARE(entries[1].configurationName, QStringLiteral("Limit – Zürich"));
    QCOMPARE(entries[1].target, QStringLiteral("collection:SMS00001"));
}

void TestAuditJournal::tornLastLineIsSkippedAndNextEntryKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    AuditJournal journal(path);
    QVERIFY(journal.append(entry(QStringLiteral("attempt"), QStringLiteral("pending"))));
    {
        // A crash in the middle of a write leaves half a line without '\n'.
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(R"({"time":"2026-11-29T07:00:00Z","phase":"res)");
    }
    QVERIFY(journal.append(entry(QStringLiteral("result"), QStringLiteral("failed"))));
    int skipped = -1;
    const QList<AuditEntry> entries = journal.readAll(&skipped);
    QCOMPARE(skipped, 1);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].phase, QStringLiteral("attempt"));
    QCOMPARE(entries[1].outcome, QStringLiteral("failed"));
}

void TestAuditJournal::createsMissingFolder()
{
    QTemporaryDir dir;
    AuditJournal journal(dir.filePath(QStringLiteral("a/b/audit.jsonl")));
    QVERIFY(journal.append(entry(QStringLiteral("attempt"), QStringLiteral("pending"))));
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
    QVERIFY(!journal.append(entry(QStringLiteral("attempt"), QStringLiteral("pending")), &error));
    QVERIFY(!error.isEmpty());
}

void TestAuditJournal::groupsAttemptsWithResults()
{
    AuditEntry a1 = entry(QStringLiteral("attempt"), QStringLiteral("pending"));
    AuditEntry r1 = entry(QStringLiteral("result"), QStringLiteral("succeeded"));
    AuditEntry a2 = entry(QStringLiteral("attempt"), QStringLiteral("pending"));
    a2.operationId = QStringLiteral("op-2");
    a2.time = a1.time.addSecs(5);
    const QList<AuditOperation> ops = groupByOperation({a1, a2, r1});
    QCOMPARE(ops.size(), 2);
    QVERIFY(ops[0].hasAttempt && ops[0].hasResult);
    QCOMPARE(ops[0].last().outcome, QStringLiteral("succeeded"));
    QVERIFY(!ops[0].isInterrupted());
    QCOMPARE(ops[1].first().operationId, QStringLiteral("op-2"));
    QVERIFY(ops[1].isInterrupted()); // an attempt nobody saw finish
}

QTEST_GUILESS_MAIN(TestAuditJournal)
#include "tst_auditjournal.moc"
