// Hostile input at every edge: ids and search text an admin (or a script)
// passes in, and bodies a service, a proxy or an attacker sends back. Each
// row states what must happen: refused with a clear message, escaped so it
// cannot change the request, or decoded to a safe default. Never a crash,
// never a control character echoed to a terminal.
#include "../common/SandboxWithFaults.h"
#include "domain/Assignment.h"
#include "domain/EnrollmentConfiguration.h"
#include "domain/GraphError.h"
#include "domain/Identifiers.h"
#include "graph/GraphClient.h"
#include "graph/RetryPolicy.h"
#include "service/AssignmentService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace ea;
using namespace ea::test;

namespace {

const QString kGuid = QStringLiteral("3f2a0c4e-8b1d-4c5e-9a7f-0123456789ab");

bool hasUnsafeCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return ids::isUnsafeForDisplay(c); });
}

QJsonArray valuesOf(const QByteArray &json, QJsonParseError *error = nullptr)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (error)
        *error = parseError;
    return doc.object().value(QStringLiteral("value")).toArray();
}

// Splits an encoded query into decoded (key, value) pairs, the way a server does.
QList<std::pair<QByteArray, QByteArray>> decodedQuery(const QUrl &url)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &item : query.split('&')) {
        const qsizetype eq = item.indexOf('=');
        out.append({QByteArray::fromPercentEncoding(item.left(eq)), QByteArray::fromPercentEncoding(item.mid(eq + 1))});
    }
    return out;
}

GraphClient *offlineClient(QObject *parent)
{
    auto *client = new GraphClient(nullptr, nullptr, parent);
    client->setEndpoint(GraphEndpoint::forCloud(Cloud::Global, ApiVersion::V1));
    return client;
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // what the admin types
    void configurationIds_data();
    void configurationIds();
    void assignmentIds_data();
    void assignmentIds();
    void targetSpecs_data();
    void targetSpecs();
    void echoedInputIsPrintable_data();
    void echoedInputIsPrintable();
    void searchText_data();
    void searchText();
    void searchTextCannotEscapeItsLiteral_data();
    void searchTextCannotEscapeItsLiteral();
    void pathSegmentsStayOneSegment_data();
    void pathSegmentsStayOneSegment();
    // what comes back
    void nestingBeyondQtsLimitIsAParseError();
    void nestingWithinTheLimitDecodes();
    void configurationsWithWrongTypes_data();
    void configurationsWithWrongTypes();
    void assignmentsWithWrongTypes_data();
    void assignmentsWithWrongTypes();
    void errorBodies_data();
    void errorBodies();
    void retryAfterValues_data();
    void retryAfterValues();
    void sizeCapCoversAllPages();
    void announcedOversizeIsRefusedBeforeReading();
    void entryCountIsCapped_data();
    void entryCountIsCapped();
};

// --- ids ----------------------------------------------------------------------

void TestHostileInput::configurationIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("guid") << kGuid << true;
    QTest::newRow("upper-case guid") << kGuid.toUpper() << true;
    QTest::newRow("default limit") << kGuid + QStringLiteral("_DefaultLimit") << true;
    QTest::newRow("suffix of 100") << kGuid + u'_' + QString(100, u'a') << true;
    QTest::newRow("suffix of 101") << kGuid + u'_' + QString(101, u'a') << false;
    QTest::newRow("empty suffix") << kGuid + u'_' << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("path in suffix") << kGuid + QStringLiteral("_a/../b") << false;
    QTest::newRow("query in suffix") << kGuid + QStringLiteral("_a?$top=1") << false;
    QTest::newRow("braces") << u'{' + kGuid + u'}' << false;
    QTest::newRow("leading space") << u' ' + kGuid << false;
    QTest::newRow("trailing newline") << kGuid + u'\n' << false;
    QTest::newRow("nul inside") << kGuid + QChar(0) + QStringLiteral("_x") << false;
    QTest::newRow("arabic-indic digit") << QString(kGuid).replace(0, 1, QChar(0x0663)) << false;
    QTest::newRow("fullwidth letter suffix") << kGuid + u'_' + QChar(0xFF21) << false;
    QTest::newRow("10000 characters") << QString(10000, u'a') << false;
}

void TestHostileInput::configurationIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(ids::isConfigurationId(id), valid);
    const QString problem = AssignmentService::configurationIdProblem(id);
    QCOMPARE(problem.isEmpty(), valid);
    QVERIFY(!hasUnsafeCharacter(problem));
    QVERIFY(problem.size() < 400);
}

void TestHostileInput::assignmentIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("guid") << kGuid << true;
    QTest::newRow("config_suffix") << kGuid + QStringLiteral("_abc-DEF_1") << true;
    QTest::newRow("200 characters") << QString(200, u'a') << true;
    QTest::newRow("201 characters") << QString(201, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("percent") << QStringLiteral("%2e%2e") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("quote") << QStringLiteral("a'b") << false;
    QTest::newRow("escape") << QStringLiteral("a\x1b[2Jb") << false;
}

void TestHostileInput::assignmentIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(ids::isAssignmentId(id), valid);
}

void TestHostileInput::targetSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("all devices") << QStringLiteral("all-devices") << true << QStringLiteral("all-devices");
    QTest::newRow("upper case kind, padded") << QStringLiteral("  ALL-USERS\t") << true << QStringLiteral("all-users");
    QTest::newRow("group") << QStringLiteral("group:") + kGuid << true << QStringLiteral("group:") + kGuid;
    QTest::newRow("group, value padded") << QStringLiteral("group:  ") + kGuid + QStringLiteral(" ") << true
                                         << QStringLiteral("group:") + kGuid;
    QTest::newRow("collection") << QStringLiteral("collection:SMS00001") << true
                                << QStringLiteral("collection:SMS00001");
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("colon only") << QStringLiteral(":") << false << QString();
    QTest::newRow("all-devices with value") << QStringLiteral("all-devices:x") << false << QString();
    QTest::newRow("group without value") << QStringLiteral("group:") << false << QString();
    QTest::newRow("group without colon") << QStringLiteral("group") << false << QString();
    QTest::newRow("two colons") << QStringLiteral("group:") + kGuid + QStringLiteral(":x") << false << QString();
    QTest::newRow("group braces") << QStringLiteral("group:{") + kGuid + u'}' << false << QString();
    QTest::newRow("group with nul") << QStringLiteral("group:") + kGuid + QChar(0) << false << QString();
    QTest::newRow("collection too long") << QStringLiteral("collection:SMS000010") << false << QString();
    QTest::newRow("collection not hex") << QStringLiteral("collection:SMS0000G") << false << QString();
    QTest::newRow("collection with slash") << QStringLiteral("collection:SMS/0001") << false << QString();
    QTest::newRow("unknown kind") << QStringLiteral("user:") + kGuid << false << QString();
    QTest::newRow("100k characters") << QStringLiteral("group:") + QString(100000, u'a') << false << QString();
    QTest::newRow("lone surrogate") << QStringLiteral("group:") + QChar(0xD800) << false << QString();
}

void TestHostileInput::targetSpecs()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    AssignmentTarget target;
    QString problem = QStringLiteral("unchanged");
    QCOMPARE(parseTargetSpec(spec, &target, &problem), valid);
    QCOMPARE(problem.isEmpty(), valid);
    if (valid) {
        QCOMPARE(targetSpec(target), canonical);
        QVERIFY(target.validationProblem(ApiVersion::V1).isEmpty());
    } else {
        QCOMPARE(target.kind(), AssignmentTarget::Kind::Unknown); // untouched
        QVERIFY(problem.size() < 400);
    }
}

void TestHostileInput::echoedInputIsPrintable_data()
{
    QTest::addColumn<QString>("spec");
    // Each of these would move the cursor, clear the screen, set the terminal
    // title or reorder text if echoed verbatim by the CLI.
    QTest::newRow("ANSI clear screen") << QStringLiteral("\x1b[2J\x1b[Hgroup");
    QTest::newRow("OSC title") << QStringLiteral("group:\x1b]0;pwned\x07");
    QTest::newRow("C1 CSI") << QStringLiteral("group:") + QChar(0x9B) + QStringLiteral("31m");
    QTest::newRow("bidi override") << QStringLiteral("group:") + QChar(0x202E) + QStringLiteral("fdp.exe");
    QTest::newRow("line separator") << QStringLiteral("group:a") + QChar(0x2028) + QStringLiteral("b");
    QTest::newRow("carriage return") << QStringLiteral("collection:SMS\r00001");
    QTest::newRow("backspaces") << QStringLiteral("collection:") + QString(20, QChar(0x08));
}

void TestHostileInput::echoedInputIsPrintable()
{
    QFETCH(QString, spec);
    AssignmentTarget target;
    QString problem;
    QVERIFY(!parseTargetSpec(spec, &target, &problem));
    QVERIFY2(!hasUnsafeCharacter(problem), problem.toUtf8().toHex().constData());
    QVERIFY(!problem.isEmpty());
    QVERIFY(!hasUnsafeCharacter(AssignmentService::configurationIdProblem(spec)));
}

void TestHostileInput::searchText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("result");
    QTest::newRow("plain") << QStringLiteral("Kiosk") << true << QStringLiteral("Kiosk");
    QTest::newRow("trimmed") << QStringLiteral("  Kiosk \t") << true << QStringLiteral("Kiosk");
    QTest::newRow("quote") << QStringLiteral("Admins' Laptops") << true << QStringLiteral("Admins' Laptops");
    QTest::newRow("120 characters") << QString(120, u'x') << true << QString(120, u'x');
    QTest::newRow("121 characters") << QString(121, u'x') << false << QString();
    QTest::newRow("emoji with zero-width joiner")
        << QString::fromUtf8("Team \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB") << true
        << QString::fromUtf8("Team \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << false << QString();
    QTest::newRow("escape") << QStringLiteral("a\x1b[31mb") << false << QString();
    QTest::newRow("delete") << QStringLiteral("a\x7f") << false << QString();
    QTest::newRow("C1 next line") << QStringLiteral("a") + QChar(0x85) + QStringLiteral("b") << false << QString();
    QTest::newRow("newline inside") << QStringLiteral("a\nb") << false << QString();
    QTest::newRow("line separator") << QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b") << false << QString();
    QTest::newRow("paragraph separator") << QStringLiteral("a") + QChar(0x2029) + QStringLiteral("b") << false
                                         << QString();
    QTest::newRow("right-to-left override") << QStringLiteral("a") + QChar(0x202E) << false << QString();
    QTest::newRow("first strong isolate") << QStringLiteral("a") + QChar(0x2068) << false << QString();
    QTest::newRow("lone high surrogate") << QStringLiteral("a") + QChar(0xD83D) << false << QString();
    QTest::newRow("lone low surrogate") << QChar(0xDC00) + QStringLiteral("a") << false << QString();
}

void TestHostileInput::searchText()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(QString, result);
    QString problem = QStringLiteral("unchanged");
    QCOMPARE(ids::sanitizeSearchText(text, &problem), result);
    QCOMPARE(problem.isEmpty(), accepted);
}

void TestHostileInput::searchTextCannotEscapeItsLiteral_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quote and or") << QStringLiteral("x') or startswith(displayName,'");
    QTest::newRow("ampersand and dollar") << QStringLiteral("a&$top=999&$select=*");
    QTest::newRow("hash") << QStringLiteral("a#fragment");
    QTest::newRow("percent escapes") << QStringLiteral("%27%26%00");
    QTest::newRow("plus and equals") << QStringLiteral("C++ = fun");
    QTest::newRow("backslash and double quote") << QStringLiteral("a\\\"b");
    QTest::newRow("unicode") << QString::fromUtf8("Ärzte ünd Kiosk \xE6\x97\xA5\xE6\x9C\xAC");
    QTest::newRow("only quotes") << QStringLiteral("''''");
}

void TestHostileInput::searchTextCannotEscapeItsLiteral()
{
    QFETCH(QString, text);
    QObject parent;
    AssignmentService service(offlineClient(&parent));
    const QUrl url = service.graph()->urlFor(service.findGroupsRequest(text));
    QVERIFY(url.isValid());
    QCOMPARE(url.path(), QStringLiteral("/v1.0/groups"));
    QVERIFY(!url.hasFragment());
    const auto query = decodedQuery(url);
    QCOMPARE(query.size(), 3); // $filter, $select, $top: nothing added by the text
    QCOMPARE(query.at(0).first, QByteArray("$filter"));
    const QString expected = QStringLiteral("startswith(displayName,'")
        + QString(text).replace(QStringLiteral("'"), QStringLiteral("''")) + QStringLiteral("')");
    QCOMPARE(QString::fromUtf8(query.at(0).second), expected);
    QCOMPARE(query.at(2), (std::pair<QByteArray, QByteArray>("$top", "25")));
}

void TestHostileInput::pathSegmentsStayOneSegment_data()
{
    QTest::addColumn<QString>("segment");
    QTest::addColumn<bool>("buildable");
    QTest::newRow("slash") << QStringLiteral("a/b") << true;
    QTest::newRow("backslash") << QStringLiteral("a\\..\\b") << true;
    QTest::newRow("encoded dot dot") << QStringLiteral("%2e%2e") << true;
    QTest::newRow("triple dot") << QStringLiteral("...") << true;
    QTest::newRow("query") << QStringLiteral("x?$expand=assignments") << true;
    QTest::newRow("fragment") << QStringLiteral("x#y") << true;
    QTest::newRow("semicolon") << QStringLiteral("x;y=z") << true;
    QTest::newRow("nul") << QStringLiteral("x") + QChar(0) << true;
    QTest::newRow("CRLF header injection") << QStringLiteral("x HTTP/1.1\r\nHost: evil") << true;
    QTest::newRow("unicode") << QString::fromUtf8("\xE6\x97\xA5") << true;
    QTest::newRow("dot") << QStringLiteral(".") << false;
    QTest::newRow("dot dot") << QStringLiteral("..") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestHostileInput::pathSegmentsStayOneSegment()
{
    QFETCH(QString, segment);
    QFETCH(bool, buildable);
    QObject parent;
    GraphClient *client = offlineClient(&parent);
    const QUrl url = client->urlFor(GraphRequest::get({QStringLiteral("configs"), segment, QStringLiteral("tail")}));
    QCOMPARE(url.isValid(), buildable);
    if (!buildable)
        return;
    QCOMPARE(url.host(), QStringLiteral("graph.microsoft.com"));
    QVERIFY(!url.hasQuery());
    QVERIFY(!url.hasFragment());
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    QVERIFY(!path.contains('\r') && !path.contains('\n') && !path.contains(' '));
    const QList<QByteArray> parts = path.split('/');
    QCOMPARE(parts.size(), 5); // "", "v1.0", "configs", segment, "tail"
    QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(parts.at(3))), segment);
}

// --- bodies -------------------------------------------------------------------

void TestHostileInput::nestingBeyondQtsLimitIsAParseError()
{
    // QJsonDocument stops at 1024 levels: a depth of 10,000 is an error, not
    // a stack overflow, in every place the app parses a body.
    const QByteArray deep = R"({"value":)" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}";
    QJsonParseError error {};
    const QJsonArray values = valuesOf(deep, &error);
    QCOMPARE(error.error, QJsonParseError::DeepNesting);
    QVERIFY(configurationsFromJson(values).isEmpty());

    const QByteArray deepObject = QByteArray("{\"a\":").repeated(10000) + "1" + QByteArray(10000, '}');
    QJsonDocument::fromJson(deepObject, &error);
    QCOMPARE(error.error, QJsonParseError::DeepNesting);

    const GraphError e = GraphError::fromHttpResponse(400, deep, "rid", "crid");
    QCOMPARE(e.httpStatus, 400);
    QVERIFY(e.message.size() <= 300);
    // The same depth inside Intune's nested message string.
    const QByteArray nested = R"({"error":{"code":"x","message":")" + QByteArray(10000, '[') + R"("}})";
    const GraphError n = GraphError::fromHttpResponse(500, nested, {}, {});
    QCOMPARE(n.code, QStringLiteral("x"));
    QVERIFY(n.message.size() <= 2001);
}

void TestHostileInput::nestingWithinTheLimitDecodes()
{
    // 1000 levels parse; the decoders only look at the fields they know.
    const QByteArray deepTarget = R"({"value":[{"id":"a1","target":)" + QByteArray(1000, '[') + QByteArray(1000, ']')
        + R"(},{"id":")" + kGuid.toLatin1() + R"(","displayName":)" + QByteArray(1000, '[') + QByteArray(1000, ']')
        + "}]}";
    QJsonParseError error {};
    const QJsonArray values = valuesOf(deepTarget, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QList<Assignment> assignments = assignmentsFromJson(values);
    QCOMPARE(assignments.size(), 2);
    QCOMPARE(assignments.at(0).target.kind(), AssignmentTarget::Kind::Unknown);
    const QList<EnrollmentConfiguration> configs = configurationsFromJson(values);
    QCOMPARE(configs.at(1).displayName, QString());
}

void TestHostileInput::configurationsWithWrongTypes_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<int>("priority");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<bool>("isDefault");
    const QByteArray id = "\"id\":\"" + kGuid.toLatin1() + "\"";
    QTest::newRow("priority as text") << "{" + id + R"(,"priority":"high"})" << 0 << QString() << false;
    QTest::newRow("priority as fraction") << "{" + id + R"(,"priority":1.5})" << 0 << QString() << false;
    QTest::newRow("priority out of range") << "{" + id + R"(,"priority":1e300})" << 0 << QString() << false;
    QTest::newRow("priority negative") << "{" + id + R"(,"priority":-3})" << -3 << QString() << false;
    QTest::newRow("display name as array") << "{" + id + R"(,"displayName":["a"]})" << 0 << QString() << false;
    QTest::newRow("display name as null") << "{" + id + R"(,"displayName":null})" << 0 << QString() << false;
    QTest::newRow("id as number") << QByteArray(R"({"id":42,"displayName":"x"})") << 0 << QStringLiteral("x") << false;
    QTest::newRow("odata type as object") << "{" + id + R"(,"@odata.type":{}})" << 0 << QString() << false;
    QTest::newRow("dates garbage") << "{" + id + R"(,"createdDateTime":"yesterday","lastModifiedDateTime":7})" << 0
                                   << QString() << false;
    QTest::newRow("assignments as object") << "{" + id + R"(,"assignments":{"value":[]}})" << 0 << QString() << false;
    QTest::newRow("configuration type as number")
        << "{" + id + R"(,"deviceEnrollmentConfigurationType":5})" << 0 << QString() << false;
    QTest::newRow("default id, priority as text")
        << "{\"id\":\"" + kGuid.toLatin1() + R"(_DefaultLimit","priority":"0"})" << 0 << QString() << true;
    QTest::newRow("empty object") << QByteArray("{}") << 0 << QString() << false;
}

void TestHostileInput::configurationsWithWrongTypes()
{
    QFETCH(QByteArray, entry);
    QFETCH(int, priority);
    QFETCH(QString, displayName);
    QFETCH(bool, isDefault);
    // Around the odd entry: values that are not objects, which are skipped.
    const QJsonArray values = valuesOf(R"({"value":[null,1,"x",[],)" + entry + "]}");
    const QList<EnrollmentConfiguration> configs = configurationsFromJson(values);
    QCOMPARE(configs.size(), 1);
    const EnrollmentConfiguration &c = configs.first();
    QCOMPARE(c.priority, priority);
    QCOMPARE(c.displayName, displayName);
    QCOMPARE(c.isDefault(), isDefault);
    QVERIFY(!c.assignmentsExpanded);
    QVERIFY(!c.typeDisplayName().isEmpty());
    QVERIFY(!c.createdDateTime.isValid());
}

void TestHostileInput::assignmentsWithWrongTypes_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("subject");
    const int unknown = int(AssignmentTarget::Kind::Unknown);
    QTest::newRow("target null") << QByteArray(R"({"id":"a","target":null})") << unknown << QString();
    QTest::newRow("target missing") << QByteArray(R"({"id":"a"})") << unknown << QString();
    QTest::newRow("target as text") << QByteArray(R"({"id":"a","target":"allDevices"})") << unknown << QString();
    QTest::newRow("target empty") << QByteArray(R"({"id":"a","target":{}})") << unknown << QString();
    QTest::newRow("type as number") << QByteArray(R"({"id":"a","target":{"@odata.type":7}})") << unknown << QString();
    QTest::newRow("group id as number") << QByteArray(
        R"({"id":"a","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":7}})")
                                        << int(AssignmentTarget::Kind::IncludeGroup) << QString();
    QTest::newRow("filter type unknown") << QByteArray(
        R"({"id":"a","target":{"@odata.type":"microsoft.graph.allDevicesAssignmentTarget",)"
        R"("deviceAndAppManagementAssignmentFilterId":"f","deviceAndAppManagementAssignmentFilterType":"maybe"}})")
                                         << int(AssignmentTarget::Kind::AllDevices) << QString();
    QTest::newRow("collection with control characters") << QByteArray(
        R"({"id":"a","target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget","collectionId":"\u001b[2J"}})")
                                                        << int(AssignmentTarget::Kind::ConfigMgrCollection)
                                                        << QStringLiteral("\x1b[2J");
}

void TestHostileInput::assignmentsWithWrongTypes()
{
    QFETCH(QByteArray, entry);
    QFETCH(int, kind);
    QFETCH(QString, subject);
    const QList<Assignment> list = assignmentsFromJson(valuesOf(R"({"value":[null,)" + entry + "]}"));
    QCOMPARE(list.size(), 1);
    const AssignmentTarget &t = list.first().target;
    QCOMPARE(int(t.kind()), kind);
    QCOMPARE(t.subject(), subject);
    QVERIFY(!t.hasFilter());
    // A target read back with a bad id is not accepted for a write.
    if (t.kind() != AssignmentTarget::Kind::AllDevices)
        QVERIFY(!t.validationProblem(ApiVersion::V1).isEmpty());
    // An unreadable target is never taken for a duplicate of anything.
    if (t.kind() == AssignmentTarget::Kind::Unknown)
        QVERIFY(!t.sameTargetAs(t));
}

void TestHostileInput::errorBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("readable");
    QTest::addColumn<int>("retryAfter");
    QTest::newRow("empty") << QByteArray() << QString()
                           << QStringLiteral("The service answered HTTP 503 without an explanation.") << -1;
    QTest::newRow("JSON array") << QByteArray("[1,2]") << QString() << QStringLiteral("[1,2]") << -1;
    QTest::newRow("error as text") << QByteArray(R"({"error":"nope"})") << QString()
                                   << QStringLiteral("{\"error\":\"nope\"}") << -1;
    QTest::newRow("message as object") << QByteArray(R"({"error":{"code":"C","message":{"a":1}}})")
                                       << QStringLiteral("C")
                                       << QStringLiteral("The service answered HTTP 503 without an explanation.") << -1;
    QTest::newRow("code as number") << QByteArray(R"({"error":{"code":5,"message":"m"}})") << QString()
                                    << QStringLiteral("m") << -1;
    QTest::newRow("inner error as text") << QByteArray(R"({"error":{"code":"C","message":"m","innerError":"x"}})")
                                         << QStringLiteral("C") << QStringLiteral("m") << -1;
    QTest::newRow("Intune RetryAfter text")
        << QByteArray(R"({"error":{"code":"C","message":"{\"Message\":\"busy\",\"RetryAfter\":\"abc\"}"}})")
        << QStringLiteral("C") << QStringLiteral("busy") << -1;
    QTest::newRow("Intune RetryAfter number")
        << QByteArray(R"({"error":{"code":"C","message":"{\"Message\":\"busy\",\"RetryAfter\":12}"}})")
        << QStringLiteral("C") << QStringLiteral("busy") << 12;
    QTest::newRow("Intune RetryAfter huge")
        << QByteArray(R"({"error":{"code":"C","message":"{\"Message\":\"busy\",\"RetryAfter\":1e300}"}})")
        << QStringLiteral("C") << QStringLiteral("busy") << -1;
    QTest::newRow("Intune RetryAfter negative")
        << QByteArray(R"({"error":{"code":"C","message":"{\"Message\":\"busy\",\"RetryAfter\":\"-5\"}"}})")
        << QStringLiteral("C") << QStringLiteral("busy") << -1;
    QTest::newRow("Intune nested message of the wrong type")
        << QByteArray(R"({"error":{"code":"C","message":"{\"Message\":[1],\"CustomApiErrorPhrase\":{}}"}})")
        << QStringLiteral("C") << QStringLiteral("{\"Message\":[1],\"CustomApiErrorPhrase\":{}}") << -1;
    QTest::newRow("escape sequences in the message")
        << QByteArray(R"({"error":{"code":"C\u001b[31m","message":"a\u001b]0;pwned\u0007b\r\nc"}})")
        << QStringLiteral("C\uFFFD[31m") << QStringLiteral("a\uFFFD]0;pwned\uFFFDb  c") << -1;
    QTest::newRow("bidi override in an HTML title")
        << QByteArray("<html><title>Proxy \xE2\x80\xAE error</title></html>") << QString()
        << QStringLiteral("A proxy or gateway answered instead of Microsoft Graph (its page says \u201cProxy \uFFFD "
                          "error\u201d).")
        << -1;
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xfd") << QString() << QStringLiteral("\uFFFD\uFFFD\uFFFD")
                                   << -1;
}

void TestHostileInput::errorBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, readable);
    QFETCH(int, retryAfter);
    const GraphError e = GraphError::fromHttpResponse(503, body, "rid\x1b[0m", "crid");
    QCOMPARE(e.kind, GraphError::Kind::Http);
    QCOMPARE(e.httpStatus, 503);
    QCOMPARE(e.code, code);
    QCOMPARE(e.readableMessage(), readable);
    QCOMPARE(e.retryAfterSeconds, retryAfter);
    QVERIFY(!hasUnsafeCharacter(e.summary()));
    for (const QString &line : e.details().split(u'\n'))
        QVERIFY2(!hasUnsafeCharacter(line), qPrintable(line));
}

void TestHostileInput::retryAfterValues_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds");
    QTest::newRow("seconds") << QByteArray("7") << 7;
    QTest::newRow("padded") << QByteArray("  7 ") << 7;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("beyond int") << QByteArray("99999999999") << -1;
    QTest::newRow("fraction") << QByteArray("1.5") << -1;
    QTest::newRow("exponent") << QByteArray("1e9") << -1;
    QTest::newRow("text") << QByteArray("soon") << -1;
    QTest::newRow("date in the past") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << 0;
    QTest::newRow("date far ahead is capped") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << 24 * 3600;
    QTest::newRow("broken date") << QByteArray("Sun, 99 Nov 1994 08:49:37 GMT") << -1;
    QTest::newRow("10 KiB") << QByteArray(10240, '9') << -1;
}

void TestHostileInput::retryAfterValues()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    QCOMPARE(parseRetryAfterSeconds(value), seconds);
}

void TestHostileInput::sizeCapCoversAllPages()
{
    // Each page is under the cap; together they are not.
    QByteArray root;
    SandboxWithFaults server([&root](const HttpRequest &, int index) {
        const QByteArray filler(20 * 1024, 'x');
        return json(200,
            R"({"value":[{"id":")" + filler + R"("}],"@odata.nextLink":")" + root
                + "/v1.0/list?page=" + QByteArray::number(index + 1) + "\"}");
    });
    root = server.rootUrl();
    QNetworkAccessManager network;
    StaticTokenProvider tokens(QStringLiteral("t"));
    GraphClient client(&network, &tokens);
    QString problem;
    client.setEndpoint(GraphEndpoint::fromRootUrl(QString::fromLatin1(root), ApiVersion::V1, &problem));
    client.setMaxResponseBytes(100 * 1024);
    GraphRequest request = GraphRequest::get({QStringLiteral("list")});
    request.followNextLinks = true;
    GraphCall *call = client.send(request);
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, GraphError::Kind::InvalidResponse);
    QVERIFY(result->error().message.contains(QStringLiteral("larger than")));
    QCOMPARE(server.requests().size(), 5); // 4 pages fit in 100 KiB, the 5th does not
}

void TestHostileInput::announcedOversizeIsRefusedBeforeReading()
{
    SandboxWithFaults server([](const HttpRequest &, int) {
        // Announces 1 GiB, sends a little, then waits: the client must not wait for the rest.
        HttpFault fault = HttpFault::answer(httpResponse(200, R"({"value":[)"));
        fault.announcedLength = 1073741824;
        return fault;
    });
    QNetworkAccessManager network;
    StaticTokenProvider tokens(QStringLiteral("t"));
    GraphClient client(&network, &tokens);
    QString problem;
    client.setEndpoint(GraphEndpoint::fromRootUrl(QString::fromLatin1(server.rootUrl()), ApiVersion::V1, &problem));
    client.setTransferTimeout(std::chrono::milliseconds(5000));
    GraphCall *call = client.send(GraphRequest::get({QStringLiteral("x")}));
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000); // well before the transfer timeout
    QCOMPARE(result->error().kind, GraphError::Kind::InvalidResponse);
    QVERIFY(result->error().message.contains(QStringLiteral("larger than 32 MiB")));
}

void TestHostileInput::entryCountIsCapped_data()
{
    QTest::addColumn<bool>("paged");
    QTest::addColumn<int>("perPage");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("requests");
    QTest::newRow("one page within the cap") << false << 10 << true << 1;
    QTest::newRow("one page over the cap") << false << 11 << false << 1;
    QTest::newRow("pages within the cap") << true << 5 << true << 2;
    QTest::newRow("pages over the cap together") << true << 6 << false << 2;
}

void TestHostileInput::entryCountIsCapped()
{
    // 32 MiB of "{}," is 11 million entries, which decode to gigabytes: the
    // client counts entries, not only bytes.
    QFETCH(bool, paged);
    QFETCH(int, perPage);
    QFETCH(bool, ok);
    QFETCH(int, requests);
    QByteArray root;
    SandboxWithFaults server([&](const HttpRequest &, int index) {
        QByteArray body = R"({"value":[)" + QByteArray("{},").repeated(perPage);
        body.chop(1);
        body += "]";
        if (paged && index == 0)
            body += R"(,"@odata.nextLink":")" + root + "/v1.0/list?page=2\"";
        return json(200, body + "}");
    });
    root = server.rootUrl();
    QNetworkAccessManager network;
    StaticTokenProvider tokens(QStringLiteral("t"));
    GraphClient client(&network, &tokens);
    QString problem;
    client.setEndpoint(GraphEndpoint::fromRootUrl(QString::fromLatin1(root), ApiVersion::V1, &problem));
    client.setMaxItems(10);
    GraphRequest request = GraphRequest::get({QStringLiteral("list")});
    request.followNextLinks = paged;
    GraphCall *call = client.send(request);
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->ok(), ok);
    QCOMPARE(int(server.requests().size()), requests);
    if (!ok) {
        QCOMPARE(result->error().kind, GraphError::Kind::InvalidResponse);
        QVERIFY(result->error().message.contains(QStringLiteral("more than 10 entries")));
    }
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
