// The CSV plan of `apply`: rows become PlanRows with the CLI's TARGET syntax,
// and every row that cannot run is reported with its line, all of them in one
// pass, so that nothing is sent while any row is wrong. The JSON `export`
// writes is a plan too: one add per exported entry, filters kept; an entry no
// row can carry exactly is listed with why (never dropped unseen) and does not
// block; a file that is not an export does. The format is told by content.

#include "domain/PlanFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

const QByteArray kConfig = "f7dad281-914f-40a9-a506-8da6627ff3d7";
const QByteArray kGroup = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const QByteArray kFilter = "11111111-2222-4333-8444-555555555555";

const QByteArray kEsp = "b797d8ff-f2fa-4f9b-a998-4adc70fd3979_Windows10EnrollmentCompletionPageConfiguration";
const QByteArray kDefault = "7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37_DefaultLimit";

QStringList texts(const QList<PlanProblem> &problems)
{
    QStringList out;
    for (const PlanProblem &p : problems)
        out << p.text();
    return out;
}

QStringList texts(const QList<LeftOutEntry> &leftOut)
{
    QStringList out;
    for (const LeftOutEntry &e : leftOut)
        out << e.entry + u": "_s + e.why;
    return out;
}

QStringList problemTexts(const ParsedPlan &plan)
{
    return texts(plan.problems);
}

// An export document (as `export` writes it) with these configurations.
QByteArray exportOf(const QByteArray &configurations)
{
    return R"({"format": "enrollment-assigner-export", "version": 1, "exportedAt": "2026-12-03T10:00:00Z",
        "graphVersion": "beta", "groups": {}, "configurations": [)"
        + configurations + "]}";
}

QByteArray configuration(const QByteArray &id, const QByteArray &name, const QByteArray &assignments,
    const QByteArray &more = ", \"priority\": 1")
{
    return R"({"id": ")" + id + R"(", "@odata.type": "#microsoft.graph.x", "displayName": ")" + name + "\"" + more
        + R"(, "assignments": [)" + assignments + "]}";
}

QByteArray target(const QByteArray &type, const QByteArray &more = {})
{
    return R"({"id": "x", "source": "direct", "sourceId": null, "target": {"@odata.type": "#microsoft.graph.)" + type
        + "\"" + more + "}}";
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
    void exportEntriesBecomeAddsWithTheirFilters();
    void exportEntriesNoRowCarriesAreListedNotDropped();
    void notAnExportOrADamagedOneBlocks();
    void formatIsPickedByContent();
    void rowsFromAnExportAreNamedByTheirEntry();
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

void TestPlanFile::exportEntriesBecomeAddsWithTheirFilters()
{
    const QByteArray json
        = exportOf(configuration(kEsp, "ESP – Pilot",
                       target("groupAssignmentTarget",
                           R"(, "groupId": ")" + kGroup + R"(", "deviceAndAppManagementAssignmentFilterId": ")"
                               + kFilter + R"(", "deviceAndAppManagementAssignmentFilterType": "exclude")")
                           + ","
                           + target("allDevicesAssignmentTarget",
                               R"(, "deviceAndAppManagementAssignmentFilterId": null,
                                                 "deviceAndAppManagementAssignmentFilterType": "none")"))
            + ","
            + configuration(kConfig, "Limit",
                target("configurationManagerCollectionAssignmentTarget", R"(, "collectionId": "SMS00001")")));
    const ParsedPlan plan = PlanFile::parseExport(json);
    QCOMPARE(problemTexts(plan), QStringList());
    QCOMPARE(texts(plan.leftOut), QStringList());
    QCOMPARE(plan.rows.size(), 3);
    AssignmentTarget filtered = AssignmentTarget::includeGroup(QString::fromLatin1(kGroup));
    filtered.setFilter(QString::fromLatin1(kFilter), AssignmentTarget::FilterMode::Exclude);
    QCOMPARE(plan.rows.at(0).target, filtered);
    QCOMPARE(plan.rows.at(1).target, AssignmentTarget::allDevices());
    QCOMPARE(plan.rows.at(2).target, AssignmentTarget::configMgrCollection(u"SMS00001"_s));
    for (const PlanRow &row : plan.rows) {
        QCOMPARE(row.action, PlanRow::Action::Add); // an export removes nothing: that is restore
        QCOMPARE(row.line, 0);
    }
    QCOMPARE(plan.rows.at(0).configurationId, QString::fromLatin1(kEsp));
    QCOMPARE(plan.rows.at(2).configurationId, QString::fromLatin1(kConfig));
}

void TestPlanFile::exportEntriesNoRowCarriesAreListedNotDropped()
{
    const QByteArray json
        = exportOf(configuration(kEsp, "ESP – Pilot",
                       target("allDevicesAssignmentTarget") + "," // 1: a row
                           + R"({"id": "p", "source": "policySets", "sourceId": "ps1",
                                               "target": {"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}},)" // 2
                           + target("scopeTagGroupAssignmentTarget", R"(, "entraObjectId": "e1")") + "," // 3
                           + R"({"id": "n", "target": null},)" // 4
                           + target("allDevicesAssignmentTarget",
                               R"(, "deviceAndAppManagementAssignmentFilterId": ")" + kFilter
                                   + R"(", "deviceAndAppManagementAssignmentFilterType": "none")")
                           + "," // 5
                           + target("allLicensedUsersAssignmentTarget", R"(, "futureProperty": 7)") + "," // 6
                           + target("allDevicesAssignmentTarget")) // 7: the same as 1
            + ","
            + configuration(kDefault, "All users and all devices", target("allLicensedUsersAssignmentTarget"),
                R"(, "priority": 0, "isDefault": true)"));
    const ParsedPlan plan = PlanFile::parseExport(json);
    QCOMPARE(problemTexts(plan), QStringList()); // none of them blocks the rest
    QCOMPARE(plan.rows.size(), 1);
    QCOMPARE(plan.rows.at(0).target, AssignmentTarget::allDevices());
    const QStringList leftOut = texts(plan.leftOut);
    QCOMPARE(leftOut.size(), 7);
    const QString esp = u"of 'ESP – Pilot' ("_s + QString::fromLatin1(kEsp) + u')';
    const auto check = [&](qsizetype i, const QString &start, const QString &why) {
        QVERIFY2(leftOut.at(i).startsWith(start) && leftOut.at(i).contains(why), qPrintable(leftOut.at(i)));
    };
    check(0, u"assignment 2 "_s + esp, u"policy set ps1"_s);
    check(1, u"assignment 3 "_s + esp, u"scopeTagGroupAssignmentTarget is one this app does not model"_s);
    check(2, u"assignment 4 "_s + esp, u"target was empty"_s);
    check(3, u"assignment 5 "_s + esp, u"mode 'none'"_s);
    check(4, u"assignment 6 "_s + esp, u"(target.futureProperty)"_s);
    check(5, u"assignment 7 "_s + esp, u"the same target and filter as assignment 1"_s);
    check(6, u"assignment 1 of 'All users and all devices' ("_s + QString::fromLatin1(kDefault) + u')',
        u"default configuration"_s);
}

void TestPlanFile::notAnExportOrADamagedOneBlocks()
{
    const auto only = [](const QByteArray &json) {
        const ParsedPlan plan = PlanFile::parseExport(json);
        return plan.problems.size() == 1 ? plan.problems.first().text() : texts(plan.problems).join(u" | "_s);
    };
    QVERIFY(only(R"({"configurations": []})").startsWith(u"The file is not an Enrollment Assigner export"_s));
    QVERIFY(only("[1, 2]").contains(u"not an Enrollment Assigner export: its top level is an array"_s));
    QVERIFY(only(exportOf({}).replace("\"version\": 1", "\"version\": 2")).contains(u"version 2"_s));
    QCOMPARE(only(exportOf(configuration("not-an-id", "Odd", target("allDevicesAssignmentTarget")))),
        u"the configuration 'Odd' (not-an-id): 'not-an-id' is not an enrollment configuration id"_s);
    const ParsedPlan badGroup = PlanFile::parseExport(exportOf(configuration(kConfig, "Limit",
        target("allDevicesAssignmentTarget") + "," + target("groupAssignmentTarget", R"(, "groupId": "nope")"))));
    QCOMPARE(badGroup.problems.size(), 1);
    QVERIFY2(badGroup.problems.first().text().startsWith(
                 u"assignment 2 of 'Limit' ("_s + QString::fromLatin1(kConfig) + u"): The group id 'nope'"_s),
        qPrintable(badGroup.problems.first().text()));
    QCOMPARE(only(exportOf(configuration(kDefault, "Default", {}, R"(, "priority": 0, "isDefault": true)"))),
        u"The export holds no assignment a plan can add (0 left out, listed)."_s);
}

void TestPlanFile::formatIsPickedByContent()
{
    const QByteArray json = exportOf(configuration(kConfig, "Limit", target("allDevicesAssignmentTarget")));
    const QByteArray csv = "configuration,action,target\n" + kConfig + ",remove,all-devices\n";
    QCOMPARE(PlanFile::parse(" \r\n\t" + json).rows.size(), 1);
    QCOMPARE(PlanFile::parse("\xEF\xBB\xBF\n" + json).rows.value(0).origin.isEmpty(), false);
    QCOMPARE(PlanFile::parse(csv).rows.value(0).action, PlanRow::Action::Remove);
    QVERIFY(PlanFile::parse("[]").problems.value(0).text().contains(u"not an Enrollment Assigner export"_s));
    // By content, not by name: a .csv that holds an export is read as one, and the other way round.
    QTemporaryDir dir;
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName();
    };
    const ParsedPlan fromJson = PlanFile::readFile(write(u"plan.csv"_s, json));
    QCOMPARE(problemTexts(fromJson), QStringList());
    QCOMPARE(fromJson.rows.value(0).action, PlanRow::Action::Add);
    QCOMPARE(fromJson.rows.value(0).line, 0);
    const ParsedPlan fromCsv = PlanFile::readFile(write(u"export.json"_s, csv));
    QCOMPARE(problemTexts(fromCsv), QStringList());
    QCOMPARE(fromCsv.rows.value(0).line, 2);
    QVERIFY(PlanFile::readFile(dir.filePath(u"missing.json"_s)).problems.value(0).text().contains(u"cannot be read"_s));
}

void TestPlanFile::rowsFromAnExportAreNamedByTheirEntry()
{
    // Rows from no line (an export's) are placed by their entry in every problem, also across rows.
    PlanRow first;
    first.origin = u"assignment 1 of 'A' (x)"_s;
    first.configurationId = QString::fromLatin1(kConfig);
    first.target = AssignmentTarget::allDevices();
    PlanRow second = first;
    second.origin = u"assignment 2 of 'A' (x)"_s;
    QCOMPARE(texts(PlanFile::crossRowProblems({first, second})),
        QStringList {u"assignment 2 of 'A' (x): the same change as assignment 1 of 'A' (x)"_s});
    QCOMPARE(first.problem(u"no such configuration"_s).text(), u"assignment 1 of 'A' (x): no such configuration"_s);
}

QTEST_GUILESS_MAIN(TestPlanFile)
#include "tst_planfile.moc"
