// compareAssignmentLists: how the list read back after a full-list write is
// checked against the list that was sent. Here: a new entry (sent without an
// id) of a target type the app does not model is found by its target's
// properties, and a different one of that type is not.

#include "domain/AssignmentListDiff.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestAssignmentListDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newEntryOfAnUnknownTargetTypeIsFoundByItsTarget();
    void aDifferentUnknownTargetIsMissingAndUnexpected();
};

void TestAssignmentListDiff::newEntryOfAnUnknownTargetTypeIsFoundByItsTarget()
{
    const QJsonObject sent = object(R"({"target":{"@odata.type":"#microsoft.graph.scopeTagGroupAssignmentTarget",
        "targetType":"device","entraObjectId":"1fc4f7cf-9f7b-4c81-a18e-9614438b388e"}})");
    // Graph gives it an id and may add properties of its own.
    const QList<Assignment> read {Assignment::fromJson(object(R"({"id":"c_new","source":"direct",
        "target":{"@odata.type":"#microsoft.graph.scopeTagGroupAssignmentTarget","targetType":"device",
        "entraObjectId":"1fc4f7cf-9f7b-4c81-a18e-9614438b388e","deviceAndAppManagementAssignmentFilterType":"none"}})"))};
    const AssignmentListDiff diff = compareAssignmentLists({sent}, read);
    QVERIFY2(diff.isEmpty(), qPrintable(diff.describe()));
}

void TestAssignmentListDiff::aDifferentUnknownTargetIsMissingAndUnexpected()
{
    const QJsonObject sent = object(R"({"target":{"@odata.type":"#microsoft.graph.scopeTagGroupAssignmentTarget",
        "targetType":"device","entraObjectId":"1fc4f7cf-9f7b-4c81-a18e-9614438b388e"}})");
    const QList<Assignment> read {Assignment::fromJson(object(R"({"id":"c_new",
        "target":{"@odata.type":"#microsoft.graph.scopeTagGroupAssignmentTarget","targetType":"user",
        "entraObjectId":"1fc4f7cf-9f7b-4c81-a18e-9614438b388e"}})"))};
    const AssignmentListDiff diff = compareAssignmentLists({sent}, read);
    QCOMPARE(diff.missing.size(), 1);
    QCOMPARE(diff.unexpected.size(), 1);
}

QTEST_GUILESS_MAIN(TestAssignmentListDiff)
#include "tst_assignmentlistdiff.moc"
