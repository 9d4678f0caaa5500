// Pure codec and validation tests: the JSON the app sends and reads, and the
// identifier checks that stop bad input before anything is sent.
#include "domain/Assignment.h"
#include "domain/AssignmentTarget.h"
#include "domain/EnrollmentConfiguration.h"
#include "domain/GraphError.h"
#include "domain/Identifiers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace ea;

namespace {
QJsonObject parseObject(const char *json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}
} // namespace

class TestDomainCodecs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void htmlErrorPageSaysAProxyAnswered();
    void seedRequestBodyIsExact();
    void seedResponseDecodes();
    void targetRoundTrip_data();
    void targetRoundTrip();
    void odataTypeWithoutHashIsAccepted();
    void nullOrMissingTargetIsUnknown_data();
    void nullOrMissingTargetIsUnknown();
    void filterOnlySentToBeta();
    void targetValidation_data();
    void targetValidation();
    void targetSpecParsing_data();
    void targetSpecParsing();
    void configurationIds_data();
    void configurationIds();
    void collectionIds_data();
    void collectionIds();
    void odataLiteralDoublesQuotes_data();
    void odataLiteralDoublesQuotes();
    void searchTextSanitized();
    void configurationKinds_data();
    void configurationKinds();
    void unknownConfigurationTypeKeepsRawType();
    void defaultPoliciesRecognised_data();
    void defaultPoliciesRecognised();
    void expandedAssignmentsDecoded();
    void standardGraphError();
    void intuneNestedGraphError();
    void nonJsonErrorBodyKeepsStatus();
    void routeRefusalRecognised();
    void sameTargetComparison();
};

void TestDomainCodecs::seedRequestBodyIsExact()
{
    // The seed document's request, byte for byte in meaning.
    const QJsonObject body
        = Assignment::requestBody(AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")), ApiVersion::V1);
    const QJsonObject expected = parseObject(R"({"@odata.type": "#microsoft.graph.enrollmentConfigurationAssignment",
        "target": {"@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget",
                   "collectionId": "SMS00001"}})");
    QCOMPARE(body, expected);
}

void TestDomainCodecs::seedResponseDecodes()
{
    const QJsonObject response = parseObject(R"({
        "@odata.type": "#microsoft.graph.enrollmentConfigurationAssignment",
        "id": "705b021c-021c-705b-1c02-5b701c025b70",
        "target": {"@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
                   "collectionId": "SMS00001"}})");
    const Assignment a = Assignment::fromJson(response);
    QCOMPARE(a.id, QStringLiteral("705b021c-021c-705b-1c02-5b701c025b70"));
    QCOMPARE(a.target.kind(), AssignmentTarget::Kind::ConfigMgrCollection);
    QCOMPARE(a.target.collectionId(), QStringLiteral("SMS00001"));
}

void TestDomainCodecs::targetRoundTrip_data()
{
    QTest::addColumn<AssignmentTarget>("target");
    QTest::addColumn<QString>("expectedType");
    const QString group = QStringLiteral("3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8");
    QTest::newRow("all devices") << AssignmentTarget::allDevices()
                                 << QStringLiteral("#microsoft.graph.allDevicesAssignmentTarget");
    QTest::newRow("all users") << AssignmentTarget::allLicensedUsers()
                               << QStringLiteral("#microsoft.graph.allLicensedUsersAssignmentTarget");
    QTest::newRow("include group") << AssignmentTarget::includeGroup(group)
                                   << QStringLiteral("#microsoft.graph.groupAssignmentTarget");
    QTest::newRow("exclude group") << AssignmentTarget::excludeGroup(group)
                                   << QStringLiteral("#microsoft.graph.exclusionGroupAssignmentTarget");
    QTest::newRow("collection") << AssignmentTarget::configMgrCollection(QStringLiteral("JAX0002C"))
                                << QStringLiteral("#microsoft.graph.configurationManagerCollectionAssignmentTarget");
}

void TestDomainCodecs::targetRoundTrip()
{
    QFETCH(AssignmentTarget, target);
    QFETCH(QString, expectedType);
    const QJsonObject json = target.toJson(ApiVersion::V1);
    QCOMPARE(json.value(QStringLiteral("@odata.type")).toString(), expectedType);
    QCOMPARE(AssignmentTarget::fromJson(json), target);
    QCOMPARE(json.contains(QStringLiteral("groupId")), target.isGroupTarget());
    QCOMPARE(
        json.contains(QStringLiteral("collectionId")), target.kind() == AssignmentTarget::Kind::ConfigMgrCollection);
}

void TestDomainCodecs::odataTypeWithoutHashIsAccepted()
{
    const AssignmentTarget t = AssignmentTarget::fromJson(
        parseObject(R"({"@odata.type":"microsoft.graph.exclusionGroupAssignmentTarget","groupId":"g"})"));
    QCOMPARE(t.kind(), AssignmentTarget::Kind::ExcludeGroup);
    QCOMPARE(t.groupId(), QStringLiteral("g"));
}

void TestDomainCodecs::nullOrMissingTargetIsUnknown_data()
{
    QTest::addColumn<QByteArray>("assignmentJson");
    QTest::addColumn<QString>("rawType");
    QTest::newRow("null target") << QByteArray(R"({"id":"a","target":null})") << QString();
    QTest::newRow("missing target") << QByteArray(R"({"id":"a"})") << QString();
    QTest::newRow("empty target") << QByteArray(R"({"id":"a","target":{}})") << QString();
    QTest::newRow("string target") << QByteArray(R"({"id":"a","target":"x"})") << QString();
    QTest::newRow("future target") << QByteArray(
        R"({"id":"a","target":{"@odata.type":"#microsoft.graph.futureTarget"}})")
                                   << QStringLiteral("microsoft.graph.futureTarget");
}

void TestDomainCodecs::nullOrMissingTargetIsUnknown()
{
    QFETCH(QByteArray, assignmentJson);
    QFETCH(QString, rawType);
    const Assignment a = Assignment::fromJson(QJsonDocument::fromJson(assignmentJson).object());
    QCOMPARE(a.id, QStringLiteral("a"));
    QCOMPARE(a.target.kind(), AssignmentTarget::Kind::Unknown);
    QCOMPARE(a.target.rawODataType(), rawType);
    QCOMPARE(a.target.kindDisplayName(), QStringLiteral("Unknown target"));
}

void TestDomainCodecs::filterOnlySentToBeta()
{
    AssignmentTarget t = AssignmentTarget::allDevices();
    const QString filter = QStringLiteral("11111111-2222-3333-4444-555555555555");
    t.setFilter(filter, AssignmentTarget::FilterMode::Exclude);
    const QJsonObject beta = t.toJson(ApiVersion::Beta);
    QCOMPARE(beta.value(QStringLiteral("deviceAndAppManagementAssignmentFilterId")).toString(), filter);
    QCOMPARE(
        beta.value(QStringLiteral("deviceAndAppManagementAssignmentFilterType")).toString(), QStringLiteral("exclude"));
    const QJsonObject v1 = t.toJson(ApiVersion::V1);
    QVERIFY(!v1.contains(QStringLiteral("deviceAndAppManagementAssignmentFilterId")));
    QVERIFY(!v1.contains(QStringLiteral("deviceAndAppManagementAssignmentFilterType")));
    QVERIFY(!t.validationProblem(ApiVersion::V1).isEmpty());
    QVERIFY(t.validationProblem(ApiVersion::Beta).isEmpty());
    QCOMPARE(AssignmentTarget::fromJson(beta), t);
}

void TestDomainCodecs::targetValidation_data()
{
    QTest::addColumn<AssignmentTarget>("target");
    QTest::addColumn<bool>("valid");
    QTest::newRow("unknown") << AssignmentTarget() << false;
    QTest::newRow("group without id") << AssignmentTarget::includeGroup(QString()) << false;
    QTest::newRow("group id not a guid") << AssignmentTarget::includeGroup(QStringLiteral("sales")) << false;
    QTest::newRow("group id braces") << AssignmentTarget::excludeGroup(
        QStringLiteral("{3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8}"))
                                     << false;
    QTest::newRow("group ok") << AssignmentTarget::excludeGroup(QStringLiteral("3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8"))
                              << true;
    QTest::newRow("collection empty") << AssignmentTarget::configMgrCollection(QString()) << false;
    QTest::newRow("collection short") << AssignmentTarget::configMgrCollection(QStringLiteral("SMS0001")) << false;
    QTest::newRow("collection not hex") << AssignmentTarget::configMgrCollection(QStringLiteral("SMSXYZ12")) << false;
    QTest::newRow("collection ok") << AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")) << true;
    QTest::newRow("all devices") << AssignmentTarget::allDevices() << true;
}

void TestDomainCodecs::targetValidation()
{
    QFETCH(AssignmentTarget, target);
    QFETCH(bool, valid);
    QCOMPARE(target.validationProblem(ApiVersion::V1).isEmpty(), valid);
}

void TestDomainCodecs::targetSpecParsing_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("kind");
    QTest::newRow("all-devices") << QStringLiteral("all-devices") << true << int(AssignmentTarget::Kind::AllDevices);
    QTest::newRow("all-users") << QStringLiteral("all-users") << true << int(AssignmentTarget::Kind::AllLicensedUsers);
    QTest::newRow("group") << QStringLiteral("group:3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8") << true
                           << int(AssignmentTarget::Kind::IncludeGroup);
    QTest::newRow("exclude") << QStringLiteral("exclude-group:3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8") << true
                             << int(AssignmentTarget::Kind::ExcludeGroup);
    QTest::newRow("collection") << QStringLiteral("collection:SMS00001") << true
                                << int(AssignmentTarget::Kind::ConfigMgrCollection);
    QTest::newRow("all-devices with value") << QStringLiteral("all-devices:x") << false << 0;
    QTest::newRow("group bad id") << QStringLiteral("group:abc") << false << 0;
    QTest::newRow("group empty") << QStringLiteral("group:") << false << 0;
    QTest::newRow("collection bad") << QStringLiteral("collection:SMS0001") << false << 0;
    QTest::newRow("unknown kind") << QStringLiteral("device:SMS00001") << false << 0;
    QTest::newRow("empty") << QString() << false << 0;
}

void TestDomainCodecs::targetSpecParsing()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    QFETCH(int, kind);
    AssignmentTarget target;
    QString problem;
    QCOMPARE(parseTargetSpec(spec, &target, &problem), ok);
    QCOMPARE(problem.isEmpty(), ok);
    if (ok) {
        QCOMPARE(int(target.kind()), kind);
        QCOMPARE(targetSpec(target), spec);
    }
}

void TestDomainCodecs::configurationIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("guid") << QStringLiteral("0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c") << true;
    QTest::newRow("default limit") << QStringLiteral("0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c_DefaultLimit") << true;
    QTest::newRow("esp") << QStringLiteral(
        "0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c_Windows10EnrollmentCompletionPageConfiguration")
                         << true;
    QTest::newRow("empty suffix") << QStringLiteral("0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c_") << false;
    QTest::newRow("path traversal") << QStringLiteral("../deviceManagement") << false;
    QTest::newRow("slash in suffix") << QStringLiteral("0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c_a/b") << false;
    QTest::newRow("query in suffix") << QStringLiteral("0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c_a?x=1") << false;
    QTest::newRow("not a guid") << QStringLiteral("DefaultLimit") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestDomainCodecs::configurationIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(ids::isConfigurationId(id), valid);
}

void TestDomainCodecs::collectionIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("SMS00001") << QStringLiteral("SMS00001") << true;
    QTest::newRow("JAX0002C") << QStringLiteral("JAX0002C") << true;
    QTest::newRow("lowercase hex") << QStringLiteral("p0100abc") << true;
    QTest::newRow("seven") << QStringLiteral("SMS0001") << false;
    QTest::newRow("nine") << QStringLiteral("SMS000001") << false;
    QTest::newRow("non-hex tail") << QStringLiteral("SMS0000G") << false;
    QTest::newRow("symbol site") << QStringLiteral("S-S00001") << false;
}

void TestDomainCodecs::collectionIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(ids::isCollectionId(id), valid);
}

void TestDomainCodecs::odataLiteralDoublesQuotes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("literal");
    QTest::newRow("plain") << QStringLiteral("Sales") << QStringLiteral("'Sales'");
    QTest::newRow("apostrophe") << QStringLiteral("Admins' Laptops") << QStringLiteral("'Admins'' Laptops'");
    QTest::newRow("two") << QStringLiteral("''") << QStringLiteral("''''''");
    QTest::newRow("injection") << QStringLiteral("x') or true or ('") << QStringLiteral("'x'') or true or ('''");
}

void TestDomainCodecs::odataLiteralDoublesQuotes()
{
    QFETCH(QString, text);
    QFETCH(QString, literal);
    QCOMPARE(ids::odataStringLiteral(text), literal);
}

void TestDomainCodecs::searchTextSanitized()
{
    QString problem;
    QCOMPARE(ids::sanitizeSearchText(QStringLiteral("  Équipe  "), &problem), QStringLiteral("Équipe"));
    QVERIFY(problem.isEmpty());
    QVERIFY(ids::sanitizeSearchText(QStringLiteral("a\nb"), &problem).isEmpty());
    QVERIFY(!problem.isEmpty());
    QVERIFY(ids::sanitizeSearchText(QString(500, u'x'), &problem).isEmpty());
    QVERIFY(!problem.isEmpty());
    // An emoji with a zero-width joiner is ordinary text.
    QCOMPARE(ids::sanitizeSearchText(QStringLiteral("👩\u200d💻 Devs"), &problem), QStringLiteral("👩\u200d💻 Devs"));
    QVERIFY(problem.isEmpty());
}

void TestDomainCodecs::configurationKinds_data()
{
    QTest::addColumn<QString>("odataType");
    QTest::addColumn<int>("kind");
    QTest::newRow("limit") << QStringLiteral("#microsoft.graph.deviceEnrollmentLimitConfiguration")
                           << int(EnrollmentConfiguration::Kind::DeviceLimit);
    QTest::newRow("restrictions") << QStringLiteral(
        "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration")
                                  << int(EnrollmentConfiguration::Kind::PlatformRestrictions);
    QTest::newRow("single restriction") << QStringLiteral(
        "microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration")
                                        << int(EnrollmentConfiguration::Kind::SinglePlatformRestriction);
    QTest::newRow("whfb") << QStringLiteral("#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration")
                          << int(EnrollmentConfiguration::Kind::WindowsHelloForBusiness);
    QTest::newRow("esp") << QStringLiteral("#microsoft.graph.windows10EnrollmentCompletionPageConfiguration")
                         << int(EnrollmentConfiguration::Kind::EnrollmentStatusPage);
    QTest::newRow("comanagement") << QStringLiteral("#microsoft.graph.deviceComanagementAuthorityConfiguration")
                                  << int(EnrollmentConfiguration::Kind::CoManagementAuthority);
    QTest::newRow("notifications") << QStringLiteral("#microsoft.graph.deviceEnrollmentNotificationConfiguration")
                                   << int(EnrollmentConfiguration::Kind::EnrollmentNotifications);
    QTest::newRow("restore") << QStringLiteral("#microsoft.graph.windowsRestoreDeviceEnrollmentConfiguration")
                             << int(EnrollmentConfiguration::Kind::WindowsRestore);
}

void TestDomainCodecs::configurationKinds()
{
    QFETCH(QString, odataType);
    QFETCH(int, kind);
    QJsonObject o;
    o.insert(QStringLiteral("@odata.type"), odataType);
    o.insert(QStringLiteral("id"), QStringLiteral("x"));
    const EnrollmentConfiguration c = EnrollmentConfiguration::fromJson(o);
    QCOMPARE(int(c.kind()), kind);
    QVERIFY(!c.typeDisplayName().startsWith(QStringLiteral("Other")));
    QCOMPARE(c.requiresAssignAction(), kind == int(EnrollmentConfiguration::Kind::EnrollmentStatusPage));
}

void TestDomainCodecs::unknownConfigurationTypeKeepsRawType()
{
    const EnrollmentConfiguration c = EnrollmentConfiguration::fromJson(parseObject(
        R"({"@odata.type":"#microsoft.graph.deviceEnrollmentFutureThingConfiguration","id":"x","displayName":"Future",
            "priority":7,"lastModifiedDateTime":"2026-03-04T05:06:07.123Z"})"));
    QCOMPARE(c.kind(), EnrollmentConfiguration::Kind::Unknown);
    QCOMPARE(c.odataType, QStringLiteral("microsoft.graph.deviceEnrollmentFutureThingConfiguration"));
    QVERIFY(c.typeDisplayName().contains(QStringLiteral("deviceEnrollmentFutureThingConfiguration")));
    QCOMPARE(c.priority, 7);
    QCOMPARE(c.lastModifiedDateTime, QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 123), QTimeZone::utc()));
}

void TestDomainCodecs::defaultPoliciesRecognised_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("isDefault");
    QTest::newRow("default limit") << QByteArray(
        R"({"id":"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37_DefaultLimit","priority":0,"displayName":"All users and all devices"})")
                                   << true;
    QTest::newRow("windows restore") << QByteArray(
        R"({"id":"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37_WindowsRestore","priority":0})")
                                     << true;
    QTest::newRow("beta type enum") << QByteArray(
        R"({"id":"x","priority":0,"deviceEnrollmentConfigurationType":"defaultWindowsHelloForBusiness"})")
                                    << true;
    QTest::newRow("custom") << QByteArray(R"({"id":"0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c","priority":1})") << false;
    QTest::newRow("custom esp") << QByteArray(
        R"({"id":"0b4f2c1e-9a7d-4e3b-8c6f-1d2e3f4a5b6c_Windows10EnrollmentCompletionPageConfiguration","priority":2})")
                                << false;
}

void TestDomainCodecs::defaultPoliciesRecognised()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, isDefault);
    const EnrollmentConfiguration c = EnrollmentConfiguration::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(c.isDefault(), isDefault);
    QCOMPARE(c.assignmentGuidance().contains(QStringLiteral("default policy")), isDefault);
}

void TestDomainCodecs::expandedAssignmentsDecoded()
{
    const EnrollmentConfiguration c = EnrollmentConfiguration::fromJson(parseObject(
        R"({"id":"x","assignments":[{"id":"a1","target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget"}},
            5, {"id":"a2","target":null}]})"));
    QVERIFY(c.assignmentsExpanded);
    QCOMPARE(c.assignments.size(), 2);
    QCOMPARE(c.assignments[0].target.kind(), AssignmentTarget::Kind::AllDevices);
    QCOMPARE(c.assignments[1].target.kind(), AssignmentTarget::Kind::Unknown);
}

void TestDomainCodecs::standardGraphError()
{
    const GraphError e = GraphError::fromHttpResponse(403,
        R"({"error":{"code":"Forbidden","message":"Insufficient privileges to complete the operation.",
            "innerError":{"date":"2026-11-29T07:00:00","request-id":"r-1","client-request-id":"c-1"}}})",
        "r-header", "c-header");
    QCOMPARE(e.httpStatus, 403);
    QCOMPARE(e.code, QStringLiteral("Forbidden"));
    QCOMPARE(e.readableMessage(), QStringLiteral("Insufficient privileges to complete the operation."));
    QCOMPARE(e.requestId, QStringLiteral("r-1"));
    QCOMPARE(e.clientRequestId, QStringLiteral("c-1"));
    const QString summary = e.summary();
    QVERIFY(summary.contains(QStringLiteral("403")));
    QVERIFY(summary.contains(QStringLiteral("Forbidden")));
    QVERIFY(summary.contains(QStringLiteral("r-1")));
}

void TestDomainCodecs::intuneNestedGraphError()
{
    // Intune puts a JSON document inside error.message.
    const QByteArray body
        = R"({"error":{"code":"BadRequest","message":"{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: 9e0f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b - Url: https://fef.msub02.manage.microsoft.com/x - CustomApiErrorPhrase: The groupId is not valid. - RetryAfter:  - ErrorSourceService:  - HttpHeaders: {}\",\r\n  \"CustomApiErrorPhrase\": \"The groupId is not valid.\",\r\n  \"RetryAfter\": null,\r\n  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}","innerError":{"date":"2026-11-29T07:00:00","request-id":"r-2","client-request-id":"c-2"}}})";
    const GraphError e = GraphError::fromHttpResponse(400, body, {}, {});
    QCOMPARE(e.code, QStringLiteral("BadRequest"));
    QCOMPARE(e.intunePhrase, QStringLiteral("The groupId is not valid."));
    QCOMPARE(e.readableMessage(), QStringLiteral("The groupId is not valid."));
    QCOMPARE(e.activityId, QStringLiteral("9e0f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"));
    QCOMPARE(e.requestId, QStringLiteral("r-2"));
    QVERIFY(e.details().contains(QStringLiteral("9e0f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b")));
}

void TestDomainCodecs::nonJsonErrorBodyKeepsStatus()
{
    const GraphError e = GraphError::fromHttpResponse(
        502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "r-3", "c-3");
    QCOMPARE(e.httpStatus, 502);
    QVERIFY(e.code.isEmpty());
    QVERIFY2(e.readableMessage().contains(QStringLiteral("“502 Bad Gateway”")), qPrintable(e.readableMessage()));
    QCOMPARE(e.requestId, QStringLiteral("r-3"));
    const GraphError empty = GraphError::fromHttpResponse(500, {}, {}, {});
    QVERIFY(empty.readableMessage().contains(QStringLiteral("500")));
}

void TestDomainCodecs::routeRefusalRecognised()
{
    const GraphError e = GraphError::fromHttpResponse(400,
        R"({"error":{"code":"No method match route template","message":"No OData route exists that match template ~/singleton/navigation/key/navigation with http verb POST for request /DeviceEnrollmentFE/StatelessDeviceEnrollmentFEService/deviceManagement/deviceEnrollmentConfigurations('x')/assignments."}})",
        {}, {});
    QVERIFY(e.isRouteRefusal());
    QVERIFY(!GraphError::fromHttpResponse(400, R"({"error":{"code":"BadRequest","message":"x"}})", {}, {})
                 .isRouteRefusal());
}

void TestDomainCodecs::sameTargetComparison()
{
    const QString g = QStringLiteral("3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8");
    QVERIFY(AssignmentTarget::includeGroup(g).sameTargetAs(AssignmentTarget::includeGroup(g.toUpper())));
    QVERIFY(!AssignmentTarget::includeGroup(g).sameTargetAs(AssignmentTarget::excludeGroup(g)));
    AssignmentTarget filtered = AssignmentTarget::includeGroup(g);
    filtered.setFilter(QStringLiteral("11111111-2222-3333-4444-555555555555"), AssignmentTarget::FilterMode::Include);
    QVERIFY(!filtered.sameTargetAs(AssignmentTarget::includeGroup(g)));
    QVERIFY(!AssignmentTarget().sameTargetAs(AssignmentTarget()));
}

void TestDomainCodecs::htmlErrorPageSaysAProxyAnswered()
{
    // A 502 page from nginx in front of the network: the admin reads who
    // answered and the page's title, never the markup; the words are in the details.
    const GraphError e = GraphError::fromHttpResponse(502,
        "<!DOCTYPE html>\r\n<html><head><title>502 Bad Gateway</title><style>h1{color:red}</style></head>"
        "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.22.1</center></body></html>",
        "req-1", {});
    QVERIFY(e.answeredByIntermediary);
    QCOMPARE(e.message,
        QStringLiteral("A proxy or gateway answered instead of Microsoft Graph (its page says "
                       "\u201c502 Bad Gateway\u201d)."));
    QCOMPARE(e.summary(),
        QStringLiteral("HTTP 502: A proxy or gateway answered instead of Microsoft Graph (its page says "
                       "\u201c502 Bad Gateway\u201d). (request-id req-1)"));
    QVERIFY2(!e.summary().contains(u'<'), qPrintable(e.summary()));
    QVERIFY2(
        e.details().contains(QStringLiteral("The page that came back: 502 Bad Gateway 502 Bad Gateway nginx/1.22.1")),
        qPrintable(e.details()));
    QVERIFY2(!e.details().contains(QStringLiteral("color:red")), qPrintable(e.details()));

    // Graph's own JSON error, and plain text, are not a proxy's page.
    QVERIFY(!GraphError::fromHttpResponse(502, R"({"error":{"code":"BadGateway","message":"x"}})", {}, {})
                 .answeredByIntermediary);
    const GraphError text = GraphError::fromHttpResponse(502, "upstream connect error", {}, {});
    QVERIFY(!text.answeredByIntermediary);
    QCOMPARE(text.message, QStringLiteral("upstream connect error"));
}

QTEST_GUILESS_MAIN(TestDomainCodecs)
#include "tst_domaincodecs.moc"
