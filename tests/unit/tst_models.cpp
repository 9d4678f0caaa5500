// The ea_ui table models, each under QAbstractItemModelTester while its data
// changes, plus the collection id validator the target picker uses.

#include "models/AssignmentTableModel.h"
#include "models/ConfigurationTableModel.h"
#include "models/CreatedAssignmentTableModel.h"
#include "models/FullListPlanModel.h"
#include "models/GroupResultModel.h"
#include "models/HistoryTableModel.h"
#include "widgets/CollectionIdValidator.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace ea;
using namespace ea::ui;

namespace {

const QString kTenant = QStringLiteral("0b4f2c1e-8d2a-4d7e-9a55-3c1f6e2b7a10");

EnrollmentConfiguration configuration(const QString &id, const QString &type, const QString &name, int priority)
{
    EnrollmentConfiguration c;
    c.id = id;
    c.odataType = QStringLiteral("microsoft.graph.") + type;
    c.displayName = name;
    c.priority = priority;
    c.lastModifiedDateTime = QDateTime(QDate(2024, 5, 17), QTime(9, 30), QTimeZone::utc());
    return c;
}

QList<EnrollmentConfiguration> sampleConfigurations()
{
    return {
        configuration(kTenant + QStringLiteral("_DefaultLimit"), QStringLiteral("deviceEnrollmentLimitConfiguration"),
            QStringLiteral("All users and all devices"), 0),
        configuration(QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000001"),
            QStringLiteral("deviceEnrollmentLimitConfiguration"), QStringLiteral("Limit 5 devices – Sales"), 2),
        configuration(QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000002"),
            QStringLiteral("deviceEnrollmentLimitConfiguration"), QStringLiteral("Limit 3 devices – Kiosk"), 1),
        configuration(QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000003"),
            QStringLiteral("windows10EnrollmentCompletionPageConfiguration"), QStringLiteral("ESP for autopilot"), 1),
        configuration(QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000004"), QStringLiteral("somethingFromTheFuture"),
            QStringLiteral("Future policy"), 1),
    };
}

Assignment assignment(const QString &id, const AssignmentTarget &target)
{
    Assignment a;
    a.id = id;
    a.target = target;
    return a;
}

const QString kGroupA = QStringLiteral("3f2a6c1d-0000-4000-8000-00000000000a");
const QString kGroupB = QStringLiteral("3f2a6c1d-0000-4000-8000-00000000000b");

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configurationModel();
    void configurationFilterAndSort();
    void typeOrderIsByEnglishNameWhateverTheListOrder();
    void assignmentModel();
    void createdAssignmentModel();
    void createdAssignmentUndoStates();
    void fullListPlanModel();
    void historyModelPairsAttemptsAndResults();
    void historyModelInFlightAndFormatting();
    void groupResultModel();
    void collectionIdValidator_data();
    void collectionIdValidator();
};

void TestModels::configurationModel()
{
    ConfigurationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 0);
    model.setConfigurations(sampleConfigurations());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(ConfigurationTableModel::ColumnCount));

    const QModelIndex defaultName = model.index(0, ConfigurationTableModel::NameColumn);
    QCOMPARE(defaultName.data().toString(), QStringLiteral("All users and all devices"));
    QVERIFY(defaultName.data(ConfigurationTableModel::IsDefaultRole).toBool());
    QVERIFY(qvariant_cast<QFont>(defaultName.data(Qt::FontRole)).italic());
    QCOMPARE(model.index(0, ConfigurationTableModel::PriorityColumn).data().toString(), QStringLiteral("Default"));
    QVERIFY(defaultName.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Default policy")));

    QCOMPARE(model.index(1, ConfigurationTableModel::TypeColumn).data().toString(), QStringLiteral("Device limit"));
    QCOMPARE(model.index(1, ConfigurationTableModel::PriorityColumn).data().toString(), QStringLiteral("2"));
    QVERIFY(!model.index(1, 0).data(ConfigurationTableModel::IsDefaultRole).toBool());
    QVERIFY(!model.index(1, ConfigurationTableModel::LastModifiedColumn).data().toString().isEmpty());
    QCOMPARE(model.index(3, ConfigurationTableModel::TypeColumn).data().toString(),
        QStringLiteral("Enrollment Status Page"));
    // An unknown subtype is still listed, with its raw type.
    QVERIFY(model.index(4, ConfigurationTableModel::TypeColumn)
                .data()
                .toString()
                .contains(QStringLiteral("somethingFromTheFuture")));

    QCOMPARE(model.rowOf(QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000002")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    QVERIFY(model.configurationAt(5) == nullptr);
    QCOMPARE(model.configurationAt(2)->displayName, QStringLiteral("Limit 3 devices – Kiosk"));
    QCOMPARE(model.headerData(ConfigurationTableModel::LastModifiedColumn, Qt::Horizontal).toString(),
        QStringLiteral("Last modified"));

    model.setConfigurations(sampleConfigurations().mid(1, 2));
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::configurationFilterAndSort()
{
    ConfigurationTableModel model;
    ConfigurationFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setConfigurations(sampleConfigurations());
    proxy.sort(ConfigurationTableModel::PriorityColumn, Qt::AscendingOrder);
    // Defaults apply last, so they sort after every numbered priority.
    QCOMPARE(proxy.index(proxy.rowCount() - 1, ConfigurationTableModel::PriorityColumn).data().toString(),
        QStringLiteral("Default"));

    // By type, then priority within the type.
    proxy.sort(ConfigurationTableModel::TypeColumn, Qt::AscendingOrder);
    QStringList limitNames;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        if (proxy.index(row, ConfigurationTableModel::TypeColumn).data().toString() == QStringLiteral("Device limit"))
            limitNames << proxy.index(row, ConfigurationTableModel::NameColumn).data().toString();
    }
    QCOMPARE(limitNames,
        (QStringList {QStringLiteral("Limit 3 devices – Kiosk"), QStringLiteral("Limit 5 devices – Sales"),
            QStringLiteral("All users and all devices")}));
    // The proxy compares ranks worked out when the list is set; its order must be the one SortRole states.
    const auto verifyTypeOrder = [&proxy] {
        for (int row = 1; row < proxy.rowCount(); ++row) {
            const QString previous = proxy.index(row - 1, ConfigurationTableModel::TypeColumn)
                                         .data(ConfigurationTableModel::SortRole)
                                         .toString();
            const QString current = proxy.index(row, ConfigurationTableModel::TypeColumn)
                                        .data(ConfigurationTableModel::SortRole)
                                        .toString();
            QVERIFY2(previous.compare(current, Qt::CaseInsensitive) <= 0,
                qPrintable(previous + QStringLiteral(" > ") + current));
        }
    };
    verifyTypeOrder();
    if (QTest::currentTestFailed())
        return;

    proxy.setFilterFixedString(QStringLiteral("limit"));
    QCOMPARE(proxy.rowCount(), 3); // matches the type "Device limit" too
    proxy.setFilterFixedString(QStringLiteral("KIOSK"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterFixedString(QStringLiteral("_DefaultLimit")); // the id
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterFixedString(QStringLiteral("status page"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterFixedString(QStringLiteral("no such thing"));
    QCOMPARE(proxy.rowCount(), 0);

    // New data while filtered, then the filter cleared.
    model.setConfigurations(sampleConfigurations().mid(2));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterFixedString(QString());
    QCOMPARE(proxy.rowCount(), 3);
    // Fewer types, so each type's rank differs from the first list's: the order is still SortRole's.
    verifyTypeOrder();
}

void TestModels::typeOrderIsByEnglishNameWhateverTheListOrder()
{
    // Listed in no particular order; two unknown types whose names differ only
    // in case are one type to the order, so their rows go by priority.
    ConfigurationTableModel model;
    model.setConfigurations({
        configuration(QStringLiteral("f1"), QStringLiteral("AFutureThing"), QStringLiteral("Future, priority 3"), 3),
        configuration(QStringLiteral("f2"), QStringLiteral("aFutureThing"), QStringLiteral("future, priority 1"), 1),
        configuration(QStringLiteral("e1"), QStringLiteral("windows10EnrollmentCompletionPageConfiguration"),
            QStringLiteral("ESP"), 1),
        configuration(QStringLiteral("d2"), QStringLiteral("deviceEnrollmentLimitConfiguration"),
            QStringLiteral("Limit, priority 2"), 2),
        configuration(QStringLiteral("d1"), QStringLiteral("deviceEnrollmentLimitConfiguration"),
            QStringLiteral("Limit, priority 1"), 1),
    });
    ConfigurationFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ConfigurationTableModel::TypeColumn, Qt::AscendingOrder);
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names << proxy.index(row, ConfigurationTableModel::NameColumn).data().toString();
    QCOMPARE(names,
        (QStringList {QStringLiteral("Limit, priority 1"), QStringLiteral("Limit, priority 2"), QStringLiteral("ESP"),
            QStringLiteral("future, priority 1"), QStringLiteral("Future, priority 3")}));
}

void TestModels::assignmentModel()
{
    AssignmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    AssignmentTarget filtered = AssignmentTarget::includeGroup(kGroupB);
    filtered.setFilter(QStringLiteral("9a9a9a9a-0000-4000-8000-000000000001"), AssignmentTarget::FilterMode::Exclude);
    model.setAssignments({
        assignment(QStringLiteral("a1"), AssignmentTarget::includeGroup(kGroupA)),
        assignment(QStringLiteral("a2"), AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001"))),
        assignment(QStringLiteral("a3"), AssignmentTarget()), // a null target read back from Graph
        assignment(QStringLiteral("a4"),
            AssignmentTarget::fromJson(
                QJsonObject {{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.newKind")}})),
        assignment(QStringLiteral("a5"), filtered),
        assignment(QStringLiteral("a6"), AssignmentTarget::allDevices()),
    });
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(AssignmentTableModel::ColumnCount));

    QCOMPARE(
        model.index(0, AssignmentTableModel::TargetTypeColumn).data().toString(), QStringLiteral("Included group"));
    QCOMPARE(model.index(0, AssignmentTableModel::SubjectColumn).data().toString(), kGroupA);
    QCOMPARE(model.index(0, AssignmentTableModel::AssignmentIdColumn).data().toString(), QStringLiteral("a1"));
    QCOMPARE(model.index(1, AssignmentTableModel::SubjectColumn).data().toString(), QStringLiteral("SMS00001"));
    QCOMPARE(
        model.index(2, AssignmentTableModel::TargetTypeColumn).data().toString(), QStringLiteral("Unknown target"));
    QCOMPARE(model.index(2, AssignmentTableModel::SubjectColumn).data().toString(), QString());
    QVERIFY(!model.index(2, 0).data(Qt::ToolTipRole).toString().isEmpty());
    // A target type newer than the app is named, not an error: it is kept as read.
    QCOMPARE(
        model.index(3, AssignmentTableModel::TargetTypeColumn).data().toString(), QStringLiteral("Other (newKind)"));
    // The filter has its own column; the tooltip and the static text (other tables) still say it.
    QCOMPARE(
        model.index(4, AssignmentTableModel::TargetTypeColumn).data().toString(), QStringLiteral("Included group"));
    QVERIFY(AssignmentTableModel::targetTypeText(filtered).contains(QStringLiteral("exclude filter")));
    QCOMPARE(model.index(4, AssignmentTableModel::FilterColumn).data().toString(),
        QStringLiteral("Exclude: 9a9a9a9a-0000-4000-8000-000000000001"));
    QCOMPARE(model.index(0, AssignmentTableModel::FilterColumn).data().toString(), QString());
    QCOMPARE(model.filterIds(), QStringList {filtered.filterId()});
    model.setFilterNames({{filtered.filterId(), QStringLiteral("Corporate Windows devices")}});
    QCOMPARE(model.index(4, AssignmentTableModel::FilterColumn).data().toString(),
        QStringLiteral("Exclude: Corporate Windows devices"));
    QVERIFY(model.index(4, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Corporate Windows devices")));
    QCOMPARE(model.index(5, AssignmentTableModel::TargetTypeColumn).data().toString(), QStringLiteral("All devices"));
    QCOMPARE(model.assignmentAt(5)->id, QStringLiteral("a6"));
    QVERIFY(model.assignmentAt(6) == nullptr);
    QCOMPARE(model.rowOf(QStringLiteral("a2")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("zz")), -1);

    QCOMPARE(model.groupIds(), (QStringList {kGroupA, kGroupB}));
    QCOMPARE(model.index(0, AssignmentTableModel::NameColumn).data().toString(), QString());
    QVERIFY(model.groupNameOf(AssignmentTarget::includeGroup(kGroupA)) == nullptr);
    QHash<QString, GroupName> names;
    names.insert(kGroupA, GroupName {kGroupA, QStringLiteral("Sales devices"), false});
    names.insert(kGroupB, GroupName {kGroupB, QString(), true});
    model.setGroupNames(names);
    QCOMPARE(model.index(0, AssignmentTableModel::NameColumn).data().toString(), QStringLiteral("Sales devices"));
    QVERIFY(!model.index(0, 0).data(AssignmentTableModel::GroupDeletedRole).toBool());
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Sales devices")));
    // A deleted group: said in words and in italics, its id still in the next column.
    const QModelIndex deletedName = model.index(4, AssignmentTableModel::NameColumn);
    QCOMPARE(deletedName.data().toString(), QStringLiteral("Deleted group"));
    QVERIFY(qvariant_cast<QFont>(deletedName.data(Qt::FontRole)).italic());
    QVERIFY(deletedName.data(AssignmentTableModel::GroupDeletedRole).toBool());
    QCOMPARE(model.index(4, AssignmentTableModel::SubjectColumn).data().toString(), kGroupB);
    QVERIFY(deletedName.data(Qt::ToolTipRole).toString().contains(kGroupB));

    // Beta's source.
    Assignment viaPolicySet = assignment(QStringLiteral("a7"), AssignmentTarget::includeGroup(kGroupA));
    viaPolicySet.source = QStringLiteral("policySets");
    viaPolicySet.sourceId = QStringLiteral("ef10d1af-bde4-4b51-bd80-027bcce8296f");
    Assignment direct = assignment(QStringLiteral("a8"), AssignmentTarget::allDevices());
    direct.source = QStringLiteral("direct");
    model.setAssignments({viaPolicySet, direct});
    QCOMPARE(model.index(0, AssignmentTableModel::SourceColumn).data().toString(), QStringLiteral("Policy set"));
    QCOMPARE(model.index(0, 0).data(AssignmentTableModel::SourceRole).toString(), QStringLiteral("policySets"));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(viaPolicySet.sourceId));
    QCOMPARE(model.index(1, AssignmentTableModel::SourceColumn).data().toString(), QStringLiteral("Direct"));
    // Names learned earlier still apply after a reload.
    QCOMPARE(model.index(0, AssignmentTableModel::NameColumn).data().toString(), QStringLiteral("Sales devices"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setGroupNames(names); // no rows: nothing to announce
}

void TestModels::createdAssignmentModel()
{
    CreatedAssignmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    CreatedAssignmentTableModel::Entry first;
    first.created.configurationId = QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000001");
    first.created.assignment = assignment(QStringLiteral("created-1"), AssignmentTarget::includeGroup(kGroupA));
    first.created.httpStatus = 201;
    first.created.requestId = QStringLiteral("req-1");
    first.created.clientRequestId = QStringLiteral("client-1");
    first.configurationName = QStringLiteral("Limit 5 devices – Sales");
    first.subjectName = QStringLiteral("Sales devices");
    first.time = QDateTime::currentDateTime();
    model.addEntry(first);

    CreatedAssignmentTableModel::Entry second = first;
    second.created.assignment
        = assignment(QStringLiteral("created-2"), AssignmentTarget::configMgrCollection(QStringLiteral("JAX0002C")));
    second.created.requestId = QStringLiteral("req-2");
    second.created.throttledResends = 2; // created on the third try, after two "not now"s
    second.configurationName.clear();
    second.subjectName.clear();
    model.addEntry(second);
    // A write that was throttled on the way says so in its row.
    QCOMPARE(model.index(0, CreatedAssignmentTableModel::StatusColumn).data().toString(),
        QStringLiteral("Created after 2 throttled attempt(s)"));
    QVERIFY(model.index(0, CreatedAssignmentTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("not now")));
    QCOMPARE(model.index(1, CreatedAssignmentTableModel::StatusColumn).data().toString(), QStringLiteral("Created"));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(CreatedAssignmentTableModel::ColumnCount));
    // Newest first.
    QCOMPARE(
        model.index(0, CreatedAssignmentTableModel::AssignmentIdColumn).data().toString(), QStringLiteral("created-2"));
    QCOMPARE(model.index(0, CreatedAssignmentTableModel::RequestIdColumn).data().toString(), QStringLiteral("req-2"));
    // Without a name the configuration id stands in.
    QCOMPARE(model.index(0, CreatedAssignmentTableModel::ConfigurationColumn).data().toString(),
        first.created.configurationId);
    QCOMPARE(model.index(0, CreatedAssignmentTableModel::SubjectColumn).data().toString(), QStringLiteral("JAX0002C"));
    QCOMPARE(model.index(0, CreatedAssignmentTableModel::TargetTypeColumn).data().toString(),
        QStringLiteral("Configuration Manager collection"));

    QCOMPARE(
        model.index(1, CreatedAssignmentTableModel::AssignmentIdColumn).data().toString(), QStringLiteral("created-1"));
    QCOMPARE(model.index(1, CreatedAssignmentTableModel::ConfigurationColumn).data().toString(),
        QStringLiteral("Limit 5 devices – Sales"));
    QVERIFY(model.index(1, CreatedAssignmentTableModel::SubjectColumn)
                .data()
                .toString()
                .contains(QStringLiteral("Sales devices")));
    QVERIFY(!model.index(1, CreatedAssignmentTableModel::TimeColumn).data().toString().isEmpty());
    QVERIFY(model.index(1, CreatedAssignmentTableModel::RequestIdColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("client-1")));
    QCOMPARE(model.entryAt(1)->created.httpStatus, 201);
    QVERIFY(model.entryAt(2) == nullptr);
    QCOMPARE(model.index(0, CreatedAssignmentTableModel::StatusColumn).data().toString(),
        QStringLiteral("Created after 2 throttled attempt(s)"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::createdAssignmentUndoStates()
{
    CreatedAssignmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    CreatedAssignmentTableModel::Entry direct;
    direct.created.configurationId = QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000001");
    direct.created.assignment = assignment(QStringLiteral("created-1"), AssignmentTarget::includeGroup(kGroupA));
    direct.time = QDateTime::currentDateTime();
    const quint64 directKey = model.addEntry(direct);

    CreatedAssignmentTableModel::Entry fullList;
    fullList.created.configurationId = QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000003");
    fullList.created.assignment = assignment(QStringLiteral("created-2"), AssignmentTarget::allDevices());
    fullList.created.viaAssignAction = true;
    fullList.created.previousAssignments
        = {assignment(QStringLiteral("old-1"), AssignmentTarget::includeGroup(kGroupB))};
    fullList.time = QDateTime::currentDateTime();
    const quint64 fullListKey = model.addEntry(fullList);

    QVERIFY(directKey != fullListKey);
    QCOMPARE(model.rowOfKey(fullListKey), 0);
    QCOMPARE(model.rowOfKey(directKey), 1);
    QCOMPARE(model.rowOfKey(12345), -1);
    QCOMPARE(model.rowsOfAssignment(direct.created.configurationId, QStringLiteral("created-1")), QList<int> {1});
    QVERIFY(model.rowsOfAssignment(direct.created.configurationId, QString()).isEmpty());

    QCOMPARE(model.index(0, CreatedAssignmentTableModel::StatusColumn).data().toString(),
        QStringLiteral("Created (full list)"));
    QVERIFY(model.index(0, CreatedAssignmentTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("restores the 1 assignment")));
    QVERIFY(model.canUndo(0));
    QVERIFY(model.canUndo(1));
    QVERIFY(!model.canUndo(2));

    model.setUndoState(1, CreatedAssignmentTableModel::UndoState::Undoing);
    QCOMPARE(model.index(1, CreatedAssignmentTableModel::StatusColumn).data().toString(), QStringLiteral("Undoing…"));
    QVERIFY(!model.canUndo(1));
    QVERIFY(!model.index(1, 0).data(CreatedAssignmentTableModel::CanUndoRole).toBool());

    model.setUndoState(1, CreatedAssignmentTableModel::UndoState::UndoFailed, QStringLiteral("HTTP 500"));
    QCOMPARE(
        model.index(1, CreatedAssignmentTableModel::StatusColumn).data().toString(), QStringLiteral("Undo failed"));
    QVERIFY(model.index(1, CreatedAssignmentTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("HTTP 500")));
    QVERIFY(model.canUndo(1)); // a failed undo may be tried again

    model.setUndoState(1, CreatedAssignmentTableModel::UndoState::Undone, QStringLiteral("Undone"));
    // In words, not only in a style: "Undone" (the time in the tooltip), and italics on the row.
    QCOMPARE(model.index(1, CreatedAssignmentTableModel::StatusColumn).data().toString(), QStringLiteral("Undone"));
    QVERIFY(model.index(1, CreatedAssignmentTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("no longer be undone")));
    QVERIFY(qvariant_cast<QFont>(model.index(1, CreatedAssignmentTableModel::AssignmentIdColumn).data(Qt::FontRole))
                .italic());
    QVERIFY(!model.canUndo(1));
    QCOMPARE(model.index(1, 0).data(CreatedAssignmentTableModel::UndoStateRole).toInt(),
        int(CreatedAssignmentTableModel::UndoState::Undone));

    // An entry without an assignment id and no earlier list cannot be undone.
    CreatedAssignmentTableModel::Entry unknown;
    unknown.created.configurationId = direct.created.configurationId;
    model.addEntry(unknown);
    QVERIFY(!model.canUndo(0));
    model.setUndoState(99, CreatedAssignmentTableModel::UndoState::Undone); // out of range: ignored
}

void TestModels::fullListPlanModel()
{
    FullListPlanModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    FullListPlan plan;
    plan.configurationId = QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000003");
    plan.configurationName = QStringLiteral("ESP for autopilot");
    plan.kept = {assignment(QStringLiteral("k1"), AssignmentTarget::includeGroup(kGroupA)),
        assignment(QStringLiteral("k2"), AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")))};
    plan.added = {AssignmentTarget::excludeGroup(kGroupB)};
    plan.removed = {assignment(QStringLiteral("r1"), AssignmentTarget::allDevices())};
    model.setPlan(plan);

    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(FullListPlanModel::ColumnCount));
    QCOMPARE(model.count(FullListPlanModel::Change::Added), 1);
    QCOMPARE(model.count(FullListPlanModel::Change::Removed), 1);
    QCOMPARE(model.count(FullListPlanModel::Change::Kept), 2);
    // Changes first: new, removed, then kept.
    QCOMPARE(model.index(0, FullListPlanModel::ChangeColumn).data().toString(), QStringLiteral("New"));
    QCOMPARE(model.index(0, FullListPlanModel::TargetTypeColumn).data().toString(), QStringLiteral("Excluded group"));
    QCOMPARE(model.index(1, FullListPlanModel::ChangeColumn).data().toString(), QStringLiteral("Removed"));
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("r1")));
    QVERIFY(qvariant_cast<QFont>(model.index(1, FullListPlanModel::ChangeColumn).data(Qt::FontRole)).bold());
    QCOMPARE(model.index(2, FullListPlanModel::ChangeColumn).data().toString(), QStringLiteral("Kept"));
    QCOMPARE(model.index(2, 0).data(FullListPlanModel::AssignmentIdRole).toString(), QStringLiteral("k1"));
    QCOMPARE(model.index(3, FullListPlanModel::SubjectColumn).data().toString(), QStringLiteral("SMS00001"));

    QCOMPARE(model.groupIds(), (QStringList {kGroupB, kGroupA}));
    QCOMPARE(model.index(2, FullListPlanModel::NameColumn).data().toString(), QString());
    QHash<QString, GroupName> names;
    names.insert(kGroupA, GroupName {kGroupA, QStringLiteral("Autopilot devices"), false});
    names.insert(kGroupB, GroupName {kGroupB, QString(), true});
    model.setGroupNames(names);
    QCOMPARE(model.index(2, FullListPlanModel::NameColumn).data().toString(), QStringLiteral("Autopilot devices"));
    QCOMPARE(model.index(0, FullListPlanModel::NameColumn).data().toString(), QStringLiteral("Deleted group"));
    QVERIFY(qvariant_cast<QFont>(model.index(0, FullListPlanModel::NameColumn).data(Qt::FontRole)).italic());

    model.setPlan({});
    QCOMPARE(model.rowCount(), 0);
    model.setGroupNames(names);
}

namespace {

AuditEntry journalLine(
    const QString &operationId, AuditPhase phase, const QDateTime &time, AuditOutcome outcome, const QString &target)
{
    AuditEntry e;
    e.time = time;
    e.operationId = operationId;
    e.phase = phase;
    e.action = AuditAction::Create;
    e.tenant = QStringLiteral("Sandbox tenant");
    e.cloud = QStringLiteral("sandbox");
    e.apiVersion = QStringLiteral("v1.0");
    e.configurationId = QStringLiteral("7d1c9f0e-1111-4a2b-8c3d-000000000001");
    e.configurationName = QStringLiteral("Limit 5 devices – Sales");
    AssignmentTarget parsed;
    QString problem;
    if (parseTargetSpec(target, &parsed, &problem))
        e.target = parsed;
    else
        e.targetSummary = target;
    e.outcome = outcome;
    return e;
}

} // namespace

void TestModels::historyModelPairsAttemptsAndResults()
{
    HistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime t0(QDate(2026, 11, 29), QTime(8, 0), QTimeZone::utc());
    const QString group = QStringLiteral("group:") + kGroupA;

    AuditEntry okResult
        = journalLine(QStringLiteral("op-1"), AuditPhase::Result, t0.addSecs(1), AuditOutcome::Succeeded, group);
    okResult.httpStatus = 201;
    okResult.requestId = QStringLiteral("req-1");
    okResult.clientRequestId = QStringLiteral("client-1");
    okResult.assignmentId = QStringLiteral("created-1");
    AuditEntry failedResult = journalLine(QStringLiteral("op-2"), AuditPhase::Result, t0.addSecs(61),
        AuditOutcome::Failed, QStringLiteral("all-devices"));
    failedResult.httpStatus = 400;
    failedResult.message = QStringLiteral("No method match route template");
    AuditEntry fullList
        = journalLine(QStringLiteral("op-3"), AuditPhase::Attempt, t0.addSecs(62), AuditOutcome::Pending, group);
    fullList.action = AuditAction::AssignFullList;
    fullList.fullList = FullListRecord {QJsonArray {QStringLiteral("a"), QStringLiteral("b")},
        QJsonArray {QStringLiteral("a"), QStringLiteral("b")}, QJsonArray {QStringLiteral("c")}};

    model.setOperations(groupByOperation({
        journalLine(QStringLiteral("op-1"), AuditPhase::Attempt, t0, AuditOutcome::Pending, group), okResult,
        journalLine(QStringLiteral("op-2"), AuditPhase::Attempt, t0.addSecs(60), AuditOutcome::Pending, group),
        failedResult,
        fullList, // no result: interrupted
    }));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(HistoryTableModel::ColumnCount));

    // Newest first.
    QCOMPARE(model.index(0, 0).data(HistoryTableModel::OperationIdRole).toString(), QStringLiteral("op-3"));
    QCOMPARE(model.index(0, HistoryTableModel::ActionColumn).data().toString(), QStringLiteral("Send full list"));
    QCOMPARE(model.index(0, HistoryTableModel::OutcomeColumn).data().toString(),
        QStringLiteral("Interrupted — outcome unknown"));
    QCOMPARE(model.index(0, 0).data(HistoryTableModel::OutcomeRole).toString(), QStringLiteral("interrupted"));
    QVERIFY(qvariant_cast<QFont>(model.index(0, HistoryTableModel::OutcomeColumn).data(Qt::FontRole)).bold());
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("2 kept + 1 new")));
    QCOMPARE(model.index(0, HistoryTableModel::HttpStatusColumn).data().toString(), QString());
    QCOMPARE(model.interruptedCount(), 1);

    QCOMPARE(model.index(1, HistoryTableModel::OutcomeColumn).data().toString(), QStringLiteral("Failed"));
    QCOMPARE(model.index(1, HistoryTableModel::HttpStatusColumn).data().toString(), QStringLiteral("400"));
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("No method match")));
    // The attempt's target is the row's target (the result's is the same here anyway).
    QCOMPARE(model.index(1, HistoryTableModel::TargetColumn).data().toString(), group);

    QCOMPARE(model.index(2, HistoryTableModel::ActionColumn).data().toString(), QStringLiteral("Create"));
    QCOMPARE(model.index(2, HistoryTableModel::OutcomeColumn).data().toString(), QStringLiteral("Succeeded"));
    QCOMPARE(model.index(2, HistoryTableModel::HttpStatusColumn).data().toString(), QStringLiteral("201"));
    QCOMPARE(model.index(2, HistoryTableModel::RequestIdColumn).data().toString(), QStringLiteral("req-1"));
    QCOMPARE(model.index(2, HistoryTableModel::ConfigurationColumn).data().toString(),
        QStringLiteral("Limit 5 devices – Sales"));
    QVERIFY(!model.index(2, HistoryTableModel::TimeColumn).data().toString().isEmpty());
    const QString tip = model.index(2, 0).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("client-1")));
    QVERIFY(tip.contains(QStringLiteral("created-1")));
    QVERIFY(qvariant_cast<QFont>(model.index(2, HistoryTableModel::OutcomeColumn).data(Qt::FontRole)) == QFont()
        || !model.index(2, HistoryTableModel::OutcomeColumn).data(Qt::FontRole).isValid());

    // A result whose attempt line was lost still shows; a repeated line gets its own row.
    model.setOperations(groupByOperation({okResult, okResult}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, HistoryTableModel::OutcomeColumn).data().toString(), QStringLiteral("Succeeded"));
    model.setOperations({});
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::historyModelInFlightAndFormatting()
{
    HistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString group = QStringLiteral("exclude-group:") + kGroupB;
    model.setOperations(groupByOperation({
        journalLine(QStringLiteral("old"), AuditPhase::Attempt, now.addSecs(-3600), AuditOutcome::Pending,
            QStringLiteral("collection:SMS00001")),
        journalLine(QStringLiteral("new"), AuditPhase::Attempt, now, AuditOutcome::Pending, group),
    }));
    QCOMPARE(model.interruptedCount(), 2);
    // The write running now is not an interrupted one.
    model.setInFlightSince(now.addMSecs(-10));
    QCOMPARE(model.index(0, HistoryTableModel::OutcomeColumn).data().toString(), QStringLiteral("In progress"));
    QCOMPARE(model.index(1, HistoryTableModel::OutcomeColumn).data().toString(),
        QStringLiteral("Interrupted — outcome unknown"));
    QCOMPARE(model.interruptedCount(), 1);
    model.setInFlightSince({});
    QCOMPARE(model.interruptedCount(), 2);

    QCOMPARE(model.groupIds(10), QStringList {kGroupB});
    QCOMPARE(model.groupIds(0), QStringList());
    // An explicit QString: with QStringBuilder a deduced return type would dangle.
    model.setTargetFormatter(
        [](const QString &spec) -> QString { return QStringLiteral("<") + spec + QStringLiteral(">"); });
    QCOMPARE(model.index(0, HistoryTableModel::TargetColumn).data().toString(), QStringLiteral("<") + group + u'>');
    model.refreshTargets();
    AuditEntry e;
    e.action = AuditAction::Delete;
    QCOMPARE(HistoryTableModel::actionText(e), QStringLiteral("Delete"));
    // A newer version's action is shown as journalled.
    e = AuditEntry::fromJson(QJsonObject {{QStringLiteral("action"), QStringLiteral("future")}});
    QCOMPARE(e.action, AuditAction::Other);
    QCOMPARE(HistoryTableModel::actionText(e), QStringLiteral("future"));
    // An undo is named as one.
    e.action = AuditAction::Delete;
    e.undoOf = QStringLiteral("created-1");
    QCOMPARE(HistoryTableModel::actionText(e), QStringLiteral("Undo: delete"));
    e.action = AuditAction::AssignFullList;
    QCOMPARE(HistoryTableModel::actionText(e), QStringLiteral("Undo: send full list"));
    QVERIFY(HistoryTableModel::actionTexts().contains(QStringLiteral("Undo: send full list")));
}

void TestModels::groupResultModel()
{
    GroupResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    Group a {kGroupA, QStringLiteral("Sales devices"), QStringLiteral("Laptops of the sales team"), true};
    Group b {kGroupB, QString(), QString(), false};
    model.setGroups({a, b});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, GroupResultModel::NameColumn).data().toString(), QStringLiteral("Sales devices"));
    QCOMPARE(model.index(0, GroupResultModel::IdColumn).data().toString(), kGroupA);
    QCOMPARE(model.index(0, 0).data(GroupResultModel::GroupIdRole).toString(), kGroupA);
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("sales team")));
    QVERIFY(!model.index(1, GroupResultModel::NameColumn).data().toString().isEmpty()); // "(no name)"
    QCOMPARE(model.rowOf(kGroupB.toUpper()), 1);
    QCOMPARE(model.rowOf(QStringLiteral("x")), -1);
    QCOMPARE(model.groupAt(0)->displayName, a.displayName);
    QVERIFY(model.groupAt(-1) == nullptr);

    model.setGroups({b});
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::collectionIdValidator_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<bool>("acceptable");
    QTest::addColumn<QString>("hintContains");

    QTest::newRow("builtin") << QStringLiteral("SMS00001") << QStringLiteral("SMS00001") << true << QString();
    QTest::newRow("lower case") << QStringLiteral("jax0002c") << QStringLiteral("JAX0002C") << true << QString();
    QTest::newRow("spaces") << QStringLiteral(" SMS 00001 ") << QStringLiteral("SMS00001") << true << QString();
    QTest::newRow("short") << QStringLiteral("SMS0001") << QStringLiteral("SMS0001") << false
                           << QStringLiteral("7 of 8");
    QTest::newRow("not hex") << QStringLiteral("SMS0000G") << QStringLiteral("SMS0000G") << false
                             << QStringLiteral("hexadecimal");
    QTest::newRow("bad site") << QStringLiteral("S-S00001") << QStringLiteral("S-S00001") << false
                              << QStringLiteral("site code");
    QTest::newRow("long") << QStringLiteral("SMS000011") << QStringLiteral("SMS000011") << false
                          << QStringLiteral("too long");
    QTest::newRow("empty") << QString() << QString() << false << QStringLiteral("SMS00001");
}

void TestModels::collectionIdValidator()
{
    QFETCH(QString, typed);
    QFETCH(QString, normalized);
    QFETCH(bool, acceptable);
    QFETCH(QString, hintContains);

    CollectionIdValidator validator;
    QString input = typed;
    int pos = int(input.size());
    const QValidator::State state = validator.validate(input, pos);
    QCOMPARE(input, normalized);
    QVERIFY(pos <= input.size());
    // Never Invalid: a keystroke or a paste is never swallowed silently.
    QCOMPARE(state, acceptable ? QValidator::Acceptable : QValidator::Intermediate);
    const QString hint = CollectionIdValidator::hint(input);
    QCOMPARE(hint.isEmpty(), acceptable);
    if (!hintContains.isEmpty())
        QVERIFY2(hint.contains(hintContains), qPrintable(hint));
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
