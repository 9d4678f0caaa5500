// CopyPlan: which assignments a copy takes and which it leaves out, and why.
// Within a tenant every modelled target goes as it is (filter included);
// across tenants a group goes only under its match here, and a filter, a
// collection, a policy-set entry or an unknown target type is left out.

#include "domain/CopyPlan.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

const QString kSource = u"11111111-1111-4111-8111-111111111111"_s;
const QString kTarget = u"22222222-2222-4222-8222-222222222222"_s;
const QString kFilter = u"33333333-3333-4333-8333-333333333333"_s;

Assignment fromJson(const char *json)
{
    return Assignment::fromJson(QJsonDocument::fromJson(json).object());
}

QList<Assignment> source()
{
    return {
        fromJson(R"({"id":"a1","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget",
            "groupId":"11111111-1111-4111-8111-111111111111"}})"),
        fromJson(R"({"id":"a2","target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget",
            "deviceAndAppManagementAssignmentFilterId":"33333333-3333-4333-8333-333333333333",
            "deviceAndAppManagementAssignmentFilterType":"include"}})"),
        fromJson(R"({"id":"a3","source":"policySets","sourceId":"ps1",
            "target":{"@odata.type":"#microsoft.graph.allLicensedUsersAssignmentTarget"}})"),
        fromJson(R"({"id":"a4","target":{"@odata.type":"#microsoft.graph.scopeTagGroupAssignmentTarget",
            "targetType":"device","entraObjectId":"11111111-1111-4111-8111-111111111111"}})"),
        fromJson(
            R"({"id":"a5","target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget",
            "collectionId":"SMS00001"}})"),
    };
}

EnrollmentConfiguration configuration(const QString &id, const QString &type, const QString &name, int priority = 1)
{
    EnrollmentConfiguration c;
    c.id = id;
    c.odataType = type;
    c.displayName = name;
    c.priority = priority;
    return c;
}

const QString kLimit = u"microsoft.graph.deviceEnrollmentLimitConfiguration"_s;
const QString kEsp = u"microsoft.graph.windows10EnrollmentCompletionPageConfiguration"_s;

QList<EnrollmentConfiguration> tenant()
{
    QList<EnrollmentConfiguration> list = {
        configuration(kSource, kLimit, u"Sales"_s),
        configuration(kTarget, kLimit, u"Contractors"_s),
        configuration(u"44444444-4444-4444-8444-444444444444"_s, kEsp, u"Kiosk ESP"_s),
        configuration(u"55555555-5555-4555-8555-555555555555_DefaultLimit"_s, kLimit, u"All users"_s, 0),
        configuration(u"66666666-6666-4666-8666-666666666666"_s, kLimit, u"Contractors"_s),
    };
    list.first().assignments = source();
    return list;
}

} // namespace

class TestCopyPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withinATenantModelledTargetsGoAsTheyAre();
    void acrossTenantsOnlyMatchedGroupsGo();
    void groupMapNamesBadLines();
    void endsAreFoundAndATargetThatCannotTakeTheCopyIsRefused();
    void fromAnExportTheTargetIsTheOneOfTheSameTypeAndName();
};

void TestCopyPlan::withinATenantModelledTargetsGoAsTheyAre()
{
    const CopyPlan plan = CopyPlan::make(source(), u"target-config"_s, true);
    QCOMPARE(plan.rows.size(), 3); // group, all devices with its filter, the collection
    QCOMPARE(plan.rows.at(0).target.groupId(), kSource);
    QCOMPARE(plan.rows.at(1).target.filterId(), kFilter);
    QCOMPARE(plan.rows.at(2).target.collectionId(), u"SMS00001"_s);
    for (const PlanRow &row : plan.rows) {
        QCOMPARE(row.configurationId, u"target-config"_s);
        QCOMPARE(row.action, PlanRow::Action::Add);
    }
    QCOMPARE(plan.skipped.size(), 2);
    QVERIFY2(plan.skipped.at(0).why.contains(u"policy set ps1"_s), qPrintable(plan.skipped.at(0).why));
    QVERIFY2(plan.skipped.at(1).why.contains(u"does not model"_s), qPrintable(plan.skipped.at(1).why));
}

void TestCopyPlan::acrossTenantsOnlyMatchedGroupsGo()
{
    const CopyPlan matched = CopyPlan::make(source(), u"t"_s, false, {{kSource, GroupMatch {kTarget, {}}}});
    QCOMPARE(matched.rows.size(), 1);
    QCOMPARE(matched.rows.at(0).target.groupId(), kTarget); // the group under its id here
    QCOMPARE(matched.skipped.size(), 4); // the filter, the policy set, the unknown type, the collection
    QVERIFY(matched.skipped.at(0).why.contains(u"filter"_s));
    QVERIFY(matched.skipped.at(3).why.contains(u"collection"_s));

    const CopyPlan unmatched
        = CopyPlan::make(source(), u"t"_s, false, {{kSource, GroupMatch {{}, u"no group is named “X”"_s}}});
    QCOMPARE(unmatched.rows.size(), 0);
    QCOMPARE(unmatched.skipped.at(0).why, u"no group is named “X”"_s);
}

void TestCopyPlan::groupMapNamesBadLines()
{
    QList<PlanProblem> problems;
    const QHash<QString, QString> map
        = CopyPlan::parseGroupMap(QString(u"source,target\n"_s + kSource.toUpper() + u',' + kTarget
                                      + u"\n\n# comment\nnot,ids\n" + kSource + u',' + kTarget + u'\n')
                                      .toUtf8(),
            &problems);
    QCOMPARE(map.value(kSource), kTarget); // keyed in lower case
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).line, 5);
    QCOMPARE(problems.at(1).line, 6);
    QVERIFY(problems.at(1).message.contains(u"mapped twice"_s));
}

void TestCopyPlan::endsAreFoundAndATargetThatCannotTakeTheCopyIsRefused()
{
    CopyRequest request;
    request.sourceId = kSource.toUpper(); // ids compare without case
    request.targetId = kTarget;
    QVERIFY(request.problem().isEmpty());
    const CopyEnds ends = CopyEnds::resolve(request, tenant());
    QVERIFY2(ends.problem.isEmpty(), qPrintable(ends.problem));
    QCOMPARE(ends.sourceName, u"Sales"_s);
    QCOMPARE(ends.assignments.size(), source().size());
    QCOMPARE(ends.target.id, kTarget);

    request.targetId = u"44444444-4444-4444-8444-444444444444"_s;
    QVERIFY(CopyEnds::resolve(request, tenant()).problem.contains(u"is not of the source's type"_s));
    request.targetId = u"55555555-5555-4555-8555-555555555555_DefaultLimit"_s;
    QVERIFY(CopyEnds::resolve(request, tenant()).problem.contains(u"is a default policy"_s));
    request.targetId = u"77777777-7777-4777-8777-777777777777"_s;
    QVERIFY(CopyEnds::resolve(request, tenant()).problem.contains(u"has no configuration 77777777"_s));
    request.targetId = kSource;
    QVERIFY(request.problem().contains(u"the same configuration"_s));
    QVERIFY(CopyEnds::resolve(request, tenant()).problem.contains(u"the same configuration"_s));
    request.targetId.clear();
    QVERIFY(request.problem().contains(u"choose the configuration to copy to"_s));
}

void TestCopyPlan::fromAnExportTheTargetIsTheOneOfTheSameTypeAndName()
{
    TenantExport file;
    ExportedConfiguration exported;
    exported.id = u"99999999-9999-4999-8999-999999999999"_s;
    exported.odataType = u"#"_s + kLimit;
    exported.displayName = u"Sales"_s;
    exported.assignments = {QJsonDocument::fromJson(R"({"id":"a1","target":{
        "@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"11111111-1111-4111-8111-111111111111"}})")
                                .object()};
    file.configurations = {exported};
    CopyRequest request;
    request.sourceId = exported.id;
    request.file = file;
    QVERIFY(request.problem().isEmpty());
    CopyEnds ends = CopyEnds::resolve(request, tenant());
    QVERIFY2(ends.problem.isEmpty(), qPrintable(ends.problem));
    QCOMPARE(ends.target.id, kSource); // "Sales", of the same type, here
    QCOMPARE(ends.assignments.size(), 1);

    // Two configurations here share the name: the target must be chosen by hand.
    request.file->configurations.first().displayName = u"Contractors"_s;
    ends = CopyEnds::resolve(request, tenant());
    QVERIFY2(ends.problem.startsWith(u"2 configuration(s) here are of the source's type and named 'Contractors'"_s),
        qPrintable(ends.problem));
    request.targetId = kTarget;
    QVERIFY(CopyEnds::resolve(request, tenant()).problem.isEmpty());

    request.sourceId = u"88888888-8888-4888-8888-888888888888"_s;
    QVERIFY(request.problem().contains(u"The export has no configuration 88888888"_s));
    QVERIFY(CopyEnds::resolve(request, tenant()).problem.contains(u"The export has no configuration 88888888"_s));
}

QTEST_GUILESS_MAIN(TestCopyPlan)
#include "tst_copyplan.moc"
