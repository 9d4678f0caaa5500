// The CSV plan of `apply`: rows become PlanRows with the CLI's TARGET syntax,
// and every row that cannot run is reported with its line, all of them in one
// pass, so that nothing is sent while any row is wrong.

#include "domain/PlanFile.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

const QByteArray kConfig = "f7dad281-914f-40a9-a506-8da6627ff3d7";
const QByteArray kGroup = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const QByteArray kFilter = "11111111-2222-4333-8444-555555555555";

QStringList problemTexts(const ParsedPlan &plan)
{
    QStringList out;
    for (const PlanProblem &p : plan.problems)
        out << p.text();
    return out;
}

} // namespace

class TestPlanFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsWithCommentsBlankLinesAndQuotes();
    void filterAndMode();
    void everyBadRowIsReportedWithItsLine();
    void headerColumnsInAnyOrderAndOptional();
    void badHeaderStopsEverything();
    void duplicateAndConflictingRows();
    void quotedFieldAcrossLinesKeepsLineNumbers();
    void unterminatedQuote();
    void emptyPlan();
};

void TestPlanFile::rowsWithCommentsBlankLinesAndQuotes()
{
    const QByteArray csv = "\xEF\xBB\xBF# a comment before the header\n"
                           "configuration,action,target,filter,filterMode\r\n"
                           "\n"
        + kConfig + ",add,group:" + kGroup
        + ",,\n"
          "# another comment\n"
          "\""
        + kConfig + "\", REMOVE ,\"all-devices\",,\n" + kConfig + ",add,collection:SMS00001,,";
    const ParsedPlan plan = PlanFile::parseCsv(csv);
    QCOMPARE(problemTexts(plan), QStringList());
    QCOMPARE(plan.rows.size(), 3);
    QCOMPARE(plan.rows.at(0).line, 4);
    QCOMPARE(plan.rows.at(0).configurationId, QString::fromLatin1(kConfig));
    QCOMPARE(plan.rows.at(0).action, PlanRow::Action::Add);
    QCOMPARE(plan.rows.at(0).target, AssignmentTarget::includeGroup(QString::fromLatin1(kGroup)));
    QCOMPARE(plan.rows.at(1).line, 6);
    QCOMPARE(plan.rows.at(1).action, PlanRow::Action::Remove);
    QCOMPARE(plan.rows.at(1).target, AssignmentTarget::allDevices());
    QCOMPARE(plan.rows.at(2).line, 7);
    QCOMPARE(plan.rows.at(2).target, AssignmentTarget::configMgrCollection(u"SMS00001"_s));
}

void TestPlanFile::filterAndMode()
{
    const QByteArray csv = "configuration,action,target,filter,filterMode\n" + kConfig + ",add,all-users," + kFilter
        + ",exclude\n" + kConfig + ",add,all-devices," + kFilter + ",\n"; // no mode: include, as the CLI's --filter
    const ParsedPlan plan = PlanFile::parseCsv(csv);
    QCOMPARE(problemTexts(plan), QStringList());
    QCOMPARE(plan.rows.at(0).target.filterMode(), AssignmentTarget::FilterMode::Exclude);
    QCOMPARE(plan.rows.at(0).target.filterId(), QString::fromLatin1(kFilter));
    QCOMPARE(plan.rows.at(1).target.filterMode(), AssignmentTarget::FilterMode::Include);
}

void TestPlanFile::everyBadRowIsReportedWithItsLine()
{
    const QByteArray csv = "configuration,action,target,filter,filterMode\n" // 1
        + kConfig
        + ",add,all-devices,,\n" // 2: fine
          "not-an-id,add,all-devices,,\n" // 3
        + kConfig + ",ad,all-devices,,\n" // 4
        + kConfig + ",add,group:nope,,\n" // 5
        + kConfig + ",add,all-users,,include\n" // 6: a mode without a filter
        + kConfig + ",add,all-users," + kFilter + ",sometimes\n" // 7
        + kConfig + ",add,all-users,xyz,include\n" // 8
        + kConfig + ",add\n"; // 9
    const ParsedPlan plan = PlanFile::parseCsv(csv);
    QCOMPARE(plan.rows.size(), 1);
    const QStringList texts = problemTexts(plan);
    QCOMPARE(texts.size(), 7);
    QVERIFY2(texts.at(0).startsWith(u"line 3: 'not-an-id' is not an enrollment configuration id"_s),
        qPrintable(texts.at(0)));
    QCOMPARE(texts.at(1), u"line 4: action 'ad' is not add or remove"_s);
    QVERIFY2(texts.at(2).startsWith(u"line 5: "_s), qPrintable(texts.at(2)));
    QCOMPARE(texts.at(3), u"line 6: a filter mode without a filter id"_s);
    QCOMPARE(texts.at(4), u"line 7: filter mode 'sometimes' is not include or exclude"_s);
    QCOMPARE(texts.at(5), u"line 8: the filter id 'xyz' is not a GUID"_s);
    QCOMPARE(texts.at(6), u"line 9: 2 fields where the header has 5"_s);
}

void TestPlanFile::headerColumnsInAnyOrderAndOptional()
{
    const QByteArray csv = "Target,CONFIGURATION,action\n"
                           "all-devices,"
        + kConfig + ",remove\n";
    const ParsedPlan plan = PlanFile::parseCsv(csv);
    QCOMPARE(problemTexts(plan), QStringList());
    QCOMPARE(plan.rows.size(), 1);
    QCOMPARE(plan.rows.at(0).action, PlanRow::Action::Remove);
    QCOMPARE(plan.rows.at(0).target, AssignmentTarget::allDevices());
}

void TestPlanFile::badHeaderStopsEverything()
{
    const ParsedPlan plan = PlanFile::parseCsv("configuration,verb,target\n" + kConfig + ",add,all-devices\n");
    QCOMPARE(plan.rows.size(), 0);
    QCOMPARE(problemTexts(plan),
        (QStringList {u"line 1: 'verb' is not a column of a plan (configuration, action, target, filter, filterMode)"_s,
            u"line 1: the header has no 'action' column"_s}));
}

void TestPlanFile::duplicateAndConflictingRows()
{
    const QByteArray other = "b797d8ff-f2fa-4f9b-a998-4adc70fd3979_Windows10EnrollmentCompletionPageConfiguration";
    const QByteArray csv = "configuration,action,target\n" // 1
        + kConfig + ",add,group:" + kGroup + "\n" // 2
        + kConfig + ",add,group:" + kGroup.toUpper() + "\n" // 3: the same change (ids compare case-insensitively)
        + kConfig + ",remove,group:" + kGroup + "\n" // 4: conflicts with 2
        + other + ",add,group:" + kGroup + "\n" // 5: another configuration: fine
        + kConfig + ",add,exclude-group:" + kGroup + "\n"; // 6: another target kind: fine
    const ParsedPlan plan = PlanFile::parseCsv(csv);
    QCOMPARE(problemTexts(plan),
        (QStringList {u"line 3: the same change as line 2"_s,
            u"line 4: conflicts with line 2, which adds the same target to the same configuration"_s}));
}

void TestPlanFile::quotedFieldAcrossLinesKeepsLineNumbers()
{
    const QByteArray csv = "configuration,action,target\n" // 1
                           "\"not\n" // 2
                           "an id\",add,all-devices\n" // 3
        + kConfig + ",bad,all-devices\n"; // 4
    const ParsedPlan plan = PlanFile::parseCsv(csv);
    const QStringList texts = problemTexts(plan);
    QCOMPARE(texts.size(), 2);
    QVERIFY2(texts.at(0).startsWith(u"line 2: "_s), qPrintable(texts.at(0)));
    QCOMPARE(texts.at(1), u"line 4: action 'bad' is not add or remove"_s);
}

void TestPlanFile::unterminatedQuote()
{
    const ParsedPlan plan = PlanFile::parseCsv("configuration,action,target\n\"" + kConfig + ",add,all-devices\n");
    QCOMPARE(problemTexts(plan), QStringList {u"line 2: a quoted field is never closed"_s});
}

void TestPlanFile::emptyPlan()
{
    QCOMPARE(PlanFile::parseCsv("# nothing\n\n").problems.size(), 1);
    QCOMPARE(problemTexts(PlanFile::parseCsv("configuration,action,target\n")),
        QStringList {u"The plan has a header but no rows."_s});
    QVERIFY(!PlanFile::parseCsv("\xff\xfe").problems.isEmpty());
}

QTEST_GUILESS_MAIN(TestPlanFile)
#include "tst_planfile.moc"
