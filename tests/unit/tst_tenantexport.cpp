// The export document (TenantExport) and the one CSV writer (csv::): raw
// assignments go out and come back exactly as read; a file that is not an
// export, or one a restore could not trust, is refused with what is wrong
// and where; CSV cells a spreadsheet would run as formulas are written as
// text.

#include "domain/CsvText.h"
#include "domain/TenantExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// Configurations as listConfigurationsWithAssignments hands them over: each
// with "assignments" as read on beta.
QJsonArray readConfigurations()
{
    return QJsonArray {
        object(R"({"@odata.type":"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
            "id":"b797d8ff-f2fa-4f9b-a998-4adc70fd3979_Windows10EnrollmentCompletionPageConfiguration",
            "displayName":"ESP – Pilot","priority":1,"showInstallationProgress":true,
            "assignments":[
              {"id":"a1","source":"direct","sourceId":null,"target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget",
                "groupId":"376361c8-1bd2-4385-9005-7bc966f578a6",
                "deviceAndAppManagementAssignmentFilterId":"f1","deviceAndAppManagementAssignmentFilterType":"include"}},
              {"id":"a2","source":"policySets","sourceId":"ps1","target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget",
                "groupId":"08B86BE8-A509-4B3A-B4D6-9B8DF2AAFA58"}},
              {"id":"a3","target":{"@odata.type":"#microsoft.graph.scopeTagGroupAssignmentTarget","targetType":"group",
                "entraObjectId":"e1","futureProperty":{"nested":[1,2,3]}}},
              {"id":"a4","target":null},
              {"id":"a5","target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget"}}
            ]})"),
        object(R"({"@odata.type":"#microsoft.graph.deviceEnrollmentLimitConfiguration",
            "id":"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37_DefaultLimit","displayName":"All users and all devices",
            "priority":0,"limit":15,"assignments":[]})"),
    };
}

TenantExport sample()
{
    TenantExport e = TenantExport::fromConfigurationObjects(readConfigurations());
    e.exportedAt = QDateTime::fromString(u"2026-12-03T10:00:00Z"_s, Qt::ISODate);
    e.tenant = u"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37"_s;
    e.groups.insert(u"376361c8-1bd2-4385-9005-7bc966f578a6"_s, u"Sales – EMEA"_s);
    e.groups.insert(u"08B86BE8-A509-4B3A-B4D6-9B8DF2AAFA58"_s, QString()); // not found
    return e;
}

} // namespace

class TestTenantExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsEveryAssignmentAsRead();
    void roundTripGivesTheSameRawAssignments();
    void referencedGroupsAreEachNamedOnce();
    void parseRefusesWhatARestoreCannotTrust_data();
    void parseRefusesWhatARestoreCannotTrust();
    void csvCells_data();
    void csvCells();
    void csvRowsOfAnExport();
};

void TestTenantExport::keepsEveryAssignmentAsRead()
{
    const TenantExport e = sample();
    QCOMPARE(e.configurations.size(), 2);
    const ExportedConfiguration &esp = e.configurations.at(0);
    QCOMPARE(esp.odataType, u"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration"_s);
    QCOMPARE(esp.displayName, u"ESP – Pilot"_s);
    QCOMPARE(esp.priority, 1);
    QVERIFY(!esp.isDefault);
    const QJsonArray read = readConfigurations().at(0).toObject().value(u"assignments"_s).toArray();
    QCOMPARE(esp.assignments.size(), read.size());
    for (qsizetype i = 0; i < read.size(); ++i)
        QCOMPARE(esp.assignments.at(i), read.at(i).toObject());
    QVERIFY(e.configurations.at(1).isDefault);
    QVERIFY(e.configurations.at(1).assignments.isEmpty());
}

void TestTenantExport::roundTripGivesTheSameRawAssignments()
{
    const TenantExport written = sample();
    const QByteArray bytes = written.toJsonBytes();
    const QJsonObject document = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(document.value(u"format"_s).toString(), u"enrollment-assigner-export"_s);
    QCOMPARE(document.value(u"version"_s).toInt(), 1);
    QCOMPARE(document.value(u"graphVersion"_s).toString(), u"beta"_s);
    QCOMPARE(document.value(u"exportedAt"_s).toString(), u"2026-12-03T10:00:00Z"_s);
    // A group that was not found has no name: null, not an invented one.
    QVERIFY(document.value(u"groups"_s).toObject().value(u"08B86BE8-A509-4B3A-B4D6-9B8DF2AAFA58"_s).isNull());

    QString problem;
    const std::optional<TenantExport> read = TenantExport::parse(bytes, &problem);
    QVERIFY2(read, qPrintable(problem));
    QVERIFY(problem.isEmpty());
    QCOMPARE(read->exportedAt, written.exportedAt);
    QCOMPARE(read->tenant, written.tenant);
    QCOMPARE(read->groups, written.groups);
    QCOMPARE(read->configurations.size(), written.configurations.size());
    for (qsizetype i = 0; i < written.configurations.size(); ++i) {
        const ExportedConfiguration &a = written.configurations.at(i);
        const ExportedConfiguration &b = read->configurations.at(i);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.odataType, a.odataType);
        QCOMPARE(b.displayName, a.displayName);
        QCOMPARE(b.priority, a.priority);
        QCOMPARE(b.isDefault, a.isDefault);
        // Raw, unknown target type, unknown properties and the null target included.
        QCOMPARE(b.assignments, a.assignments);
    }
    // Written again, the same bytes.
    QCOMPARE(read->toJsonBytes(), bytes);
}

void TestTenantExport::referencedGroupsAreEachNamedOnce()
{
    TenantExport e = sample();
    // The same group again in another case is the same group.
    e.configurations[1].assignments.append(object(
        R"({"id":"x","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"376361C8-1BD2-4385-9005-7BC966F578A6"}})"));
    // A target type newer than the app that names a group by "groupId".
    e.configurations[1].assignments.append(object(
        R"({"id":"y","target":{"@odata.type":"#microsoft.graph.futureGroupTarget","groupId":"eefc9c0e-371a-4ee2-ab95-a3a917c26069"}})"));
    QCOMPARE(e.referencedGroupIds(),
        (QStringList {u"376361c8-1bd2-4385-9005-7bc966f578a6"_s, u"08B86BE8-A509-4B3A-B4D6-9B8DF2AAFA58"_s,
            u"eefc9c0e-371a-4ee2-ab95-a3a917c26069"_s}));
}

void TestTenantExport::parseRefusesWhatARestoreCannotTrust_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray good = sample().toJsonBytes();
    const auto edited = [&good](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject o = QJsonDocument::fromJson(good).object();
        edit(o);
        return QJsonDocument(o).toJson();
    };
    const auto editConfiguration = [&edited](const std::function<void(QJsonObject &)> &edit) {
        return edited([&edit](QJsonObject &o) {
            QJsonArray list = o.value(u"configurations"_s).toArray();
            QJsonObject c = list.at(0).toObject();
            edit(c);
            list.replace(0, c);
            o.insert(u"configurations"_s, list);
        });
    };
    QTest::newRow("not json") << QByteArray("{\"format\": ") << u"not valid JSON"_s;
    QTest::newRow("an array") << QByteArray("[]") << u"its top level is an array"_s;
    QTest::newRow("another format") << edited([](QJsonObject &o) { o.insert(u"format"_s, u"intune-backup"_s); })
                                    << u"\"format\" is \"intune-backup\", expected \"enrollment-assigner-export\""_s;
    QTest::newRow("no format") << edited([](QJsonObject &o) { o.remove(u"format"_s); }) << u"\"format\" is missing"_s;
    QTest::newRow("newer version") << edited([](QJsonObject &o) { o.insert(u"version"_s, 2); })
                                   << u"version 2, written by a newer Enrollment Assigner; this one reads version 1"_s;
    QTest::newRow("version as text") << edited([](QJsonObject &o) { o.insert(u"version"_s, u"1"_s); })
                                     << u"\"version\" must be a whole number from 1; it is a string"_s;
    QTest::newRow("fractional version") << edited([](QJsonObject &o) { o.insert(u"version"_s, 1.5); })
                                        << u"\"version\" must be a whole number"_s;
    QTest::newRow("read on v1.0") << edited([](QJsonObject &o) { o.insert(u"graphVersion"_s, u"v1.0"_s); })
                                  << u"\"graphVersion\" must be \"beta\""_s;
    QTest::newRow("no date") << edited([](QJsonObject &o) { o.remove(u"exportedAt"_s); }) << u"\"exportedAt\""_s;
    QTest::newRow("no configurations") << edited([](QJsonObject &o) { o.remove(u"configurations"_s); })
                                       << u"\"configurations\" must be an array; it is missing"_s;
    QTest::newRow("no groups") << edited([](QJsonObject &o) { o.insert(u"groups"_s, QJsonArray()); })
                               << u"\"groups\" must be an object"_s;
    QTest::newRow("configuration without id")
        << editConfiguration([](QJsonObject &c) { c.remove(u"id"_s); }) << u"configurations[0] has no \"id\""_s;
    QTest::newRow("configuration without type")
        << editConfiguration([](QJsonObject &c) { c.remove(u"@odata.type"_s); }) << u"has no \"@odata.type\""_s;
    QTest::newRow("priority as text") << editConfiguration([](QJsonObject &c) { c.insert(u"priority"_s, u"1"_s); })
                                      << u"\"priority\" must be a whole number from 0; it is a string"_s;
    QTest::newRow("assignments missing")
        << editConfiguration([](QJsonObject &c) { c.remove(u"assignments"_s); })
        << u"configurations[0] (b797d8ff-f2fa-4f9b-a998-4adc70fd3979_Windows10EnrollmentCompletionPageConfiguration): "
           "\"assignments\" must be an array; it is missing"_s;
    QTest::newRow("assignment not an object") << editConfiguration([](QJsonObject &c) {
        c.insert(u"assignments"_s, QJsonArray {QJsonObject(), 42});
    }) << u"configurations[0].assignments[1] must be an object; it is a number"_s;
    QTest::newRow("twice the same configuration") << edited([](QJsonObject &o) {
        QJsonArray list = o.value(u"configurations"_s).toArray();
        list.append(list.at(0));
        o.insert(u"configurations"_s, list);
    }) << u"configurations[2]: the configuration"_s;
    QTest::newRow("group name a number") << edited([](QJsonObject &o) {
        o.insert(u"groups"_s, QJsonObject {{u"g"_s, 1}});
    }) << u"groups.g must be a name or null; it is a number"_s;
}

void TestTenantExport::parseRefusesWhatARestoreCannotTrust()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString problem;
    QVERIFY(!TenantExport::parse(json, &problem));
    QVERIFY2(problem.contains(message), qPrintable(problem));
}

void TestTenantExport::csvCells_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << u"Sales – EMEA"_s << u"Sales – EMEA"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("formula") << u"=HYPERLINK(\"http://x\")"_s << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
    QTest::newRow("plus") << u"+1+cmd"_s << u"'+1+cmd"_s;
    QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
    QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::newRow("tab first") << u"\t=1"_s << u"'\t=1"_s;
    QTest::newRow("carriage return first") << u"\r=1"_s << u"\"'\r=1\""_s;
    QTest::newRow("formula sign inside") << u"a=b"_s << u"a=b"_s;
    QTest::newRow("comma") << u"Admins, London"_s << u"\"Admins, London\""_s;
    QTest::newRow("quote") << u"O\"Brien"_s << u"\"O\"\"Brien\""_s;
    QTest::newRow("newline") << u"two\nlines"_s << u"\"two\nlines\""_s;
    QTest::newRow("apostrophe") << u"O'Brien's Devices"_s << u"O'Brien's Devices"_s;
}

void TestTenantExport::csvCells()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(csv::cell(text), cell);
}

void TestTenantExport::csvRowsOfAnExport()
{
    QCOMPARE(csv::row({u"a"_s, u"b,c"_s, u"=1"_s}), u"a,\"b,c\",'=1\r\n"_s);
    const QStringList lines = sample().toCsv().split(u"\r\n"_s);
    QCOMPARE(lines.first(),
        u"configurationId,configurationType,displayName,priority,intent,targetKind,groupId,groupName,collectionId,"
        "filterId,filterType,assignmentId"_s);
    // Five assignments, one row for the configuration without any, and the empty string after the last CRLF.
    QCOMPARE(lines.size(), 1 + 5 + 1 + 1);
    QVERIFY(lines.last().isEmpty());
    const QString espId = u"b797d8ff-f2fa-4f9b-a998-4adc70fd3979_Windows10EnrollmentCompletionPageConfiguration"_s;
    QCOMPARE(lines.at(1),
        espId
            + u",Enrollment Status Page,ESP – Pilot,1,include,Included group,376361c8-1bd2-4385-9005-7bc966f578a6,"
              "Sales – EMEA,,f1,include,a1"_s);
    QCOMPARE(lines.at(2),
        espId
            + u",Enrollment Status Page,ESP – Pilot,1,exclude,Excluded group,08B86BE8-A509-4B3A-B4D6-9B8DF2AAFA58,,,,,a2"_s);
    QVERIFY2(lines.at(3).contains(u",include,Other (scopeTagGroupAssignmentTarget),"_s), qPrintable(lines.at(3)));
    QCOMPARE(lines.at(6),
        u"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37_DefaultLimit,Device limit,All users and all devices,default"_s);
}

QTEST_GUILESS_MAIN(TestTenantExport)
#include "tst_tenantexport.moc"
