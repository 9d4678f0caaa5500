// Speaks real HTTP to the sandbox tenant (QNetworkAccessManager, and raw
// QTcpSocket where the transport itself is under test) and checks that it
// reproduces the Graph behaviour clients rely on, traps included.

#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ea::sandbox::SandboxOptions;
using ea::sandbox::SandboxServer;

namespace {

struct Result
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    bool finished = false;

    QString errorCode() const { return json.value(u"error"_s).toObject().value(u"code"_s).toString(); }
    QString errorMessage() const { return json.value(u"error"_s).toObject().value(u"message"_s).toString(); }
    // Intune nests a JSON document in error.message.
    QString intunePhrase() const
    {
        return QJsonDocument::fromJson(errorMessage().toUtf8()).object().value(u"CustomApiErrorPhrase"_s).toString();
    }
    QJsonArray value() const { return json.value(u"value"_s).toArray(); }
};

QByteArray pct(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

// Reads whole HTTP/1.1 responses (Content-Length framed) off a byte stream.
int countCompleteResponses(const QByteArray &stream, QList<int> *statuses = nullptr)
{
    int count = 0;
    qsizetype pos = 0;
    while (true) {
        const qsizetype headEnd = stream.indexOf("\r\n\r\n", pos);
        if (headEnd < 0)
            return count;
        const QByteArray head = stream.mid(pos, headEnd - pos);
        qsizetype length = 0;
        const QList<QByteArray> lines = head.split('\n');
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (stream.size() < headEnd + 4 + length)
            return count;
        if (statuses)
            statuses->append(head.mid(9, 3).toInt());
        ++count;
        pos = headEnd + 4 + length;
    }
}

// The entry with `id` in an assignment list, or an empty object.
QJsonObject entryWithId(const QJsonArray &list, const QString &id)
{
    for (const QJsonValue &entry : list) {
        if (entry.toObject().value(u"id"_s).toString() == id)
            return entry.toObject();
    }
    return {};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray assignBody(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject {{u"enrollmentConfigurationAssignments"_s, entries}})
        .toJson(QJsonDocument::Compact);
}

const QString FilterIdKey = u"deviceAndAppManagementAssignmentFilterId"_s;
const QString FilterTypeKey = u"deviceAndAppManagementAssignmentFilterType"_s;
const QString ScopeTagTarget = u"#microsoft.graph.scopeTagGroupAssignmentTarget"_s;

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void refusesMissingOrWrongToken();
    void graphHeadersOnEveryResponse();
    void pagingReturnsEveryConfigurationOnce_data();
    void pagingReturnsEveryConfigurationOnce();
    void v1AndBetaShapesDiffer();
    void espPostIsRefusedWithRouteError();
    void defaultConfigurationRefusesAssignments();
    void validPostIsCreatedAndVisible();
    void postValidation_data();
    void postValidation();
    void filterPropertiesRefusedOnV1();
    void assignReplacesWholeList();
    void deleteAssignment();
    void nullTargetIsReadable();
    void unknownConfigurationIs404();
    void startswithHandlesApostrophes();
    void startswithIsCaseInsensitiveAndPaged();
    void malformedFilterAndTopAreRefused();
    void getByIdsSkipsDeletedGroups();
    void deletedGroupIs404();
    void assignmentFiltersOnlyOnBeta();
    void keepAliveServesSeveralRequestsOnOneConnection();
    void connectionCloseIsHonoured();
    void garbageBytesCloseTheConnectionOnly();
    void oversizedAndChunkedRequestsAreRefused();
    void sandboxThreadServesFromItsOwnThread();

    // Full-list fidelity (issue 12)
    void espSeedHoldsFilteredPolicySetAndScopeTagEntries();
    void v1ReadsHideFilterSourceButShowNewTargetType();
    void betaReadsShowFilterSourceAndNewTargetType();
    void assignWithoutFilterOrSourceResetsThem_data();
    void assignWithoutFilterOrSourceResetsThem();
    void assignKeepsFilterAndSourceWhenSent();
    void betaReadSentBackToBetaAssignRoundTripsByteForByte();
    void scopeTagTargetRoundTripsOnBetaAndIsRefusedOnV1();
    void failNextWritesWithoutApplyLeavesTenantUntouched();
    void failNextWritesApplyFirstLandsTheWrite();
    void failNextWritesSkipsReads();

    // Priority order (issue 16)
    void setPriorityShiftsTheOnesInBetween();
    void setPriorityOrdersEachPlatformApart();
    void setPriorityRefusals_data();
    void setPriorityRefusals();

private:
    Result send(
        const QByteArray &verb, const QByteArray &pathAndQuery, const QByteArray &body = {}, bool authorize = true);
    Result sendUrl(const QByteArray &verb, const QUrl &url, const QByteArray &body, bool authorize,
        const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {});
    QByteArray assignmentsPath(const QString &configId, const char *version = "v1.0") const;
    QByteArray assignPath(const QString &configId, const char *version) const;
    QByteArray setPriorityPath(const QString &configId) const;
    QByteArray rawExchange(const QByteArray &bytes, int expectedResponses, bool *closed = nullptr);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QByteArray m_base;
    QByteArray m_token;
};

void TestSandboxServer::initTestCase()
{
    // One token for the whole run; init() gives every test a fresh tenant.
    m_token = SandboxServer::generateAccessToken().toUtf8();
    QVERIFY(m_token.startsWith("sandbox."));
    QVERIFY(m_token.size() > 40);
}

void TestSandboxServer::init()
{
    m_nam = nullptr;
    m_server = nullptr;
    SandboxOptions options;
    options.pageSize = 4; // small, so the seed configurations span several pages
    m_server = std::make_unique<SandboxServer>(options);
    m_server->setAccessToken(QString::fromUtf8(m_token));
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    QCOMPARE(m_server->url().host(), u"127.0.0.1"_s);
    QVERIFY(m_server->url().path().isEmpty());
    m_base = m_server->url().toEncoded();
    m_nam = std::make_unique<QNetworkAccessManager>();
}

Result TestSandboxServer::sendUrl(const QByteArray &verb, const QUrl &url, const QByteArray &body, bool authorize,
    const QList<std::pair<QByteArray, QByteArray>> &extraHeaders)
{
    QNetworkRequest request(url);
    if (authorize)
        request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : extraHeaders)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, verb, body);
    Result result;
    result.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000);
    if (!result.finished) {
        reply->abort();
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &[name, value] : pairs)
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

Result TestSandboxServer::send(
    const QByteArray &verb, const QByteArray &pathAndQuery, const QByteArray &body, bool authorize)
{
    return sendUrl(verb, QUrl::fromEncoded(QByteArray(m_base + pathAndQuery)), body, authorize);
}

QByteArray TestSandboxServer::assignmentsPath(const QString &configId, const char *version) const
{
    return QByteArray("/") + version + "/deviceManagement/deviceEnrollmentConfigurations/" + pct(configId)
        + "/assignments";
}

QByteArray TestSandboxServer::assignPath(const QString &configId, const char *version) const
{
    return QByteArray("/") + version + "/deviceManagement/deviceEnrollmentConfigurations/" + pct(configId) + "/assign";
}

QByteArray TestSandboxServer::setPriorityPath(const QString &configId) const
{
    return "/beta/deviceManagement/deviceEnrollmentConfigurations/" + pct(configId) + "/setPriority";
}

QByteArray TestSandboxServer::rawExchange(const QByteArray &bytes, int expectedResponses, bool *closed)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_server->port());
    if (!QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return {};
    QByteArray received;
    bool disconnected = false;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    connect(&socket, &QTcpSocket::disconnected, this, [&] { disconnected = true; });
    socket.write(bytes);
    // Timeouts are not failures here: callers check what arrived.
    [[maybe_unused]] const bool answered
        = QTest::qWaitFor([&] { return disconnected || countCompleteResponses(received) >= expectedResponses; }, 5000);
    if (closed) {
        [[maybe_unused]] const bool gone = QTest::qWaitFor([&] { return disconnected; }, 2000);
        *closed = disconnected;
    }
    received += socket.readAll();
    return received;
}

// ---------------------------------------------------------------------------

void TestSandboxServer::refusesMissingOrWrongToken()
{
    const QByteArray path = "/v1.0/deviceManagement/deviceEnrollmentConfigurations";
    const Result none = send("GET", path, {}, false);
    QVERIFY(none.finished);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.errorCode(), u"InvalidAuthenticationToken"_s);
    QCOMPARE(none.errorMessage(), u"Access token is empty."_s);
    QVERIFY(none.headers.contains("www-authenticate"));

    QNetworkRequest wrong(QUrl::fromEncoded(QByteArray(m_base + path)));
    wrong.setRawHeader("Authorization", "Bearer " + m_token + "x");
    QNetworkReply *reply = m_nam->get(wrong);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    reply->deleteLater();

    QCOMPARE(m_server->tenant().writeCount(), 0);
    QCOMPARE(m_server->tenant().requestCount(), 2);
}

void TestSandboxServer::graphHeadersOnEveryResponse()
{
    QNetworkRequest request(QUrl::fromEncoded(QByteArray(m_base + "/beta/groups?$top=1")));
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setRawHeader("client-request-id", "3f0b8c1e-1111-4222-8333-444455556666");
    QNetworkReply *reply = m_nam->get(request);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->rawHeader("Content-Type").startsWith("application/json"));
    QCOMPARE(reply->rawHeader("client-request-id"), QByteArrayLiteral("3f0b8c1e-1111-4222-8333-444455556666"));
    QCOMPARE(reply->rawHeader("request-id").size(), 36);
    QVERIFY(!reply->rawHeader("x-ms-ags-diagnostic").isEmpty());
    QVERIFY(!reply->rawHeader("Date").isEmpty());
    QVERIFY(!reply->rawHeader("Content-Length").isEmpty());
    reply->deleteLater();

    const Result error = send("GET", "/v1.0/nothingHere");
    QCOMPARE(error.status, 404);
    const QJsonObject inner = error.json.value(u"error"_s).toObject().value(u"innerError"_s).toObject();
    QCOMPARE(inner.value(u"request-id"_s).toString(), QString::fromLatin1(error.headers.value("request-id")));
    QVERIFY(!inner.value(u"client-request-id"_s).toString().isEmpty());
    QVERIFY(!inner.value(u"date"_s).toString().isEmpty());
}

void TestSandboxServer::pagingReturnsEveryConfigurationOnce_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("v1.0") << QByteArray("/v1.0/deviceManagement/deviceEnrollmentConfigurations");
    QTest::newRow("beta expand") << QByteArray(
        "/beta/deviceManagement/deviceEnrollmentConfigurations?$expand=assignments");
    QTest::newRow("top 5") << QByteArray("/beta/deviceManagement/deviceEnrollmentConfigurations?$top=5");
}

void TestSandboxServer::pagingReturnsEveryConfigurationOnce()
{
    QFETCH(QByteArray, start);
    const QStringList expected = m_server->tenant().configurationIds();
    QVERIFY(expected.size() >= 15);

    QStringList seen;
    QUrl next = QUrl::fromEncoded(QByteArray(m_base + start));
    int pages = 0;
    while (next.isValid() && pages < 100) {
        const Result page = sendUrl("GET", next, {}, true);
        QCOMPARE(page.status, 200);
        ++pages;
        const QJsonArray value = page.value();
        for (const QJsonValue &item : value) {
            seen.append(item.toObject().value(u"id"_s).toString());
            if (start.contains("expand"))
                QVERIFY(item.toObject().value(u"assignments"_s).isArray());
        }
        const QString link = page.json.value(u"@odata.nextLink"_s).toString();
        if (link.isEmpty())
            break;
        next = QUrl(link);
        QCOMPARE(next.host(), u"127.0.0.1"_s);
        QCOMPARE(next.port(), int(m_server->port()));
        QVERIFY(link.contains(u"$skiptoken="_s));
    }
    QVERIFY(pages > 1);
    QCOMPARE(seen.size(), expected.size());
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), QSet<QString>(expected.cbegin(), expected.cend()));
}

void TestSandboxServer::v1AndBetaShapesDiffer()
{
    const QByteArray id = pct(m_server->tenant().limitConfigurationId());
    const Result v1 = send("GET", "/v1.0/deviceManagement/deviceEnrollmentConfigurations/" + id);
    const Result beta = send("GET", "/beta/deviceManagement/deviceEnrollmentConfigurations/" + id);
    QCOMPARE(v1.status, 200);
    QCOMPARE(beta.status, 200);
    QVERIFY(!v1.json.contains(u"deviceEnrollmentConfigurationType"_s));
    QCOMPARE(beta.json.value(u"deviceEnrollmentConfigurationType"_s).toString(), u"limit"_s);
    QCOMPARE(v1.json.value(u"priority"_s).toInt(), 1);
    QCOMPARE(v1.json.value(u"limit"_s).toInt(), 5);

    const Result betaAssignments = send("GET", assignmentsPath(m_server->tenant().limitConfigurationId(), "beta"));
    const QJsonObject first = betaAssignments.value().first().toObject();
    QCOMPARE(first.value(u"source"_s).toString(), u"direct"_s);
    QVERIFY(first.value(u"target"_s).toObject().contains(u"deviceAndAppManagementAssignmentFilterType"_s));
    const Result v1Assignments = send("GET", assignmentsPath(m_server->tenant().limitConfigurationId()));
    QVERIFY(!v1Assignments.value().first().toObject().contains(u"source"_s));
    QVERIFY(!v1Assignments.value()
                 .first()
                 .toObject()
                 .value(u"target"_s)
                 .toObject()
                 .contains(u"deviceAndAppManagementAssignmentFilterType"_s));

    // The made-up future type is listed like any other.
    const Result future = send("GET",
        "/beta/deviceManagement/deviceEnrollmentConfigurations/" + pct(m_server->tenant().futureTypeConfigurationId()));
    QCOMPARE(
        future.json.value(u"@odata.type"_s).toString(), u"#microsoft.graph.deviceEnrollmentFutureThingConfiguration"_s);

    // Beta filter on the configuration type; v1.0 does not know the property.
    const Result filtered = send("GET",
        "/beta/deviceManagement/deviceEnrollmentConfigurations?$filter="
            + pct(u"deviceEnrollmentConfigurationType eq 'singlePlatformRestriction'"_s) + "&$top=50");
    QCOMPARE(filtered.status, 200);
    QCOMPARE(filtered.value().size(), 3);
    const Result v1Filtered = send("GET",
        "/v1.0/deviceManagement/deviceEnrollmentConfigurations?$filter="
            + pct(u"deviceEnrollmentConfigurationType eq 'limit'"_s));
    QCOMPARE(v1Filtered.status, 400);
}

void TestSandboxServer::espPostIsRefusedWithRouteError()
{
    const QByteArray body = R"({"@odata.type":"#microsoft.graph.enrollmentConfigurationAssignment",
        "target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"376361c8-1bd2-4385-9005-7bc966f578a6"}})";
    for (const QString &id :
        {m_server->tenant().espConfigurationId(), m_server->tenant().defaultEspConfigurationId()}) {
        const QJsonArray before = m_server->tenant().assignmentsOf(id);
        const Result result = send("POST", assignmentsPath(id), body);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorCode(), u"No method match route template"_s);
        QCOMPARE(result.errorMessage(),
            u"No OData route exists that match template ~/singleton/navigation/key/navigation with http verb POST "
            "for request /DeviceEnrollmentFE/StatelessDeviceEnrollmentFEService/deviceManagement/"
            "deviceEnrollmentConfigurations('"_s
                + id + u"')/assignments."_s);
        QCOMPARE(m_server->tenant().assignmentsOf(id), before);
    }
    QVERIFY(m_server->tenant().espConfigurationId().endsWith(u"_Windows10EnrollmentCompletionPageConfiguration"_s));
    QCOMPARE(m_server->tenant().writeCount(), 2);

    // What works for an ESP is the assign action.
    const QString esp = m_server->tenant().espConfigurationId();
    const QByteArray assign
        = R"({"enrollmentConfigurationAssignments":[{"@odata.type":"#microsoft.graph.enrollmentConfigurationAssignment",
        "target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget"}}]})";
    const Result assigned
        = send("POST", "/v1.0/deviceManagement/deviceEnrollmentConfigurations/" + pct(esp) + "/assign", assign);
    QCOMPARE(assigned.status, 204);
    QCOMPARE(m_server->tenant().assignmentsOf(esp).size(), 1);
}

void TestSandboxServer::defaultConfigurationRefusesAssignments()
{
    const QString id = m_server->tenant().defaultLimitConfigurationId();
    QCOMPARE(id, m_server->tenant().tenantId() + u"_DefaultLimit"_s);
    const QByteArray body = R"({"target":{"@odata.type":"#microsoft.graph.allLicensedUsersAssignmentTarget"}})";
    const Result post = send("POST", assignmentsPath(id), body);
    QCOMPARE(post.status, 400);
    QCOMPARE(post.errorCode(), u"BadRequest"_s);
    QCOMPARE(post.intunePhrase(), u"Default enrollment configurations cannot be assigned"_s);
    QVERIFY(post.errorMessage().contains(u"Activity ID: "_s + QString::fromLatin1(post.headers.value("request-id"))));

    const Result assign = send("POST", "/beta/deviceManagement/deviceEnrollmentConfigurations/" + pct(id) + "/assign",
        R"({"enrollmentConfigurationAssignments":[]})");
    QCOMPARE(assign.status, 400);
    QCOMPARE(m_server->tenant().assignmentsOf(id).size(), 1);

    const Result restore = send("POST", assignmentsPath(m_server->tenant().tenantId() + u"_WindowsRestore"_s), body);
    QCOMPARE(restore.status, 400);
    QCOMPARE(restore.intunePhrase(), u"Default enrollment configurations cannot be assigned"_s);
}

void TestSandboxServer::validPostIsCreatedAndVisible()
{
    const QString id = m_server->tenant().limitConfigurationId();
    const int before = m_server->tenant().assignmentsOf(id).size();
    const QString group = m_server->tenant().groupIdByName(u"Admins' Laptops"_s);
    QVERIFY(!group.isEmpty());
    const QByteArray body
        = R"({"@odata.type":"#microsoft.graph.enrollmentConfigurationAssignment","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":")"
        + group.toUtf8() + R"("}})";
    const Result created = send("POST", assignmentsPath(id), body);
    QCOMPARE(created.status, 201);
    const QString newId = created.json.value(u"id"_s).toString();
    QVERIFY(newId.startsWith(id + u'_'));
    QCOMPARE(created.json.value(u"target"_s).toObject().value(u"groupId"_s).toString(), group);

    const Result list = send("GET", assignmentsPath(id));
    QCOMPARE(list.value().size(), before + 1);
    bool found = false;
    for (const QJsonValue &a : list.value())
        found = found || a.toObject().value(u"id"_s).toString() == newId;
    QVERIFY(found);
    QCOMPARE(m_server->tenant().assignmentsOf(id).size(), before + 1);

    const Result one = send("GET", assignmentsPath(id) + '/' + pct(newId));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(u"id"_s).toString(), newId);
    QCOMPARE(m_server->tenant().writeCount(), 1);
}

void TestSandboxServer::postValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("phraseContains");

    QTest::newRow("not json") << QByteArray("{nope") << 400 << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << 400 << u"JSON object"_s;
    QTest::newRow("target missing") << QByteArray(
        R"({"@odata.type":"#microsoft.graph.enrollmentConfigurationAssignment"})")
                                    << 400 << u"target property is required"_s;
    QTest::newRow("target null") << QByteArray(R"({"target":null})") << 400 << u"target property is required"_s;
    QTest::newRow("unknown target type") << QByteArray(
        R"({"target":{"@odata.type":"#microsoft.graph.everyoneAssignmentTarget"}})")
                                         << 400 << u"could not be resolved"_s;
    QTest::newRow("groupId missing") << QByteArray(
        R"({"target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget"}})")
                                     << 400 << u"groupId property is required"_s;
    QTest::newRow("groupId not a guid") << QByteArray(
        R"({"target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget","groupId":"abc"}})")
                                        << 400 << u"The groupId 'abc' is not a valid GUID."_s;
    QTest::newRow("collectionId missing")
        << QByteArray(R"({"target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget"}})")
        << 400 << u"collectionId property is required"_s;
    QTest::newRow("collectionId unvalidated") << QByteArray(
        R"({"target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget","collectionId":"not-a-collection"}})")
                                              << 201 << QString();
    QTest::newRow("type without #") << QByteArray(
        R"({"@odata.type":"microsoft.graph.enrollmentConfigurationAssignment","target":{"@odata.type":"microsoft.graph.allDevicesAssignmentTarget"}})")
                                    << 201 << QString();
}

void TestSandboxServer::postValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, phraseContains);
    const QString id = m_server->tenant().limitConfigurationId();
    const int before = m_server->tenant().assignmentsOf(id).size();
    const Result result = send("POST", assignmentsPath(id), body);
    QCOMPARE(result.status, status);
    if (status == 400) {
        QCOMPARE(result.errorCode(), u"BadRequest"_s);
        QVERIFY2(result.intunePhrase().contains(phraseContains), qPrintable(result.errorMessage()));
        QCOMPARE(m_server->tenant().assignmentsOf(id).size(), before);
    } else {
        QCOMPARE(m_server->tenant().assignmentsOf(id).size(), before + 1);
        QVERIFY(result.json.value(u"target"_s).toObject().value(u"@odata.type"_s).toString().startsWith(u'#'));
    }
    QCOMPARE(m_server->tenant().writeCount(), 1); // refused writes count too
}

void TestSandboxServer::filterPropertiesRefusedOnV1()
{
    const QString id = m_server->tenant().limitConfigurationId();
    const QString filter = m_server->tenant().assignmentFilterIdByName(u"Corporate Windows devices"_s);
    QVERIFY(!filter.isEmpty());
    const QString group = m_server->tenant().groupIdByName(u"Sales Interns"_s);
    const auto body = [&](const QString &filterId, const QString &type) {
        return QJsonDocument(QJsonObject {
                                 {u"@odata.type"_s, u"#microsoft.graph.enrollmentConfigurationAssignment"_s},
                                 {u"target"_s,
                                     QJsonObject {
                                         {u"@odata.type"_s, u"#microsoft.graph.groupAssignmentTarget"_s},
                                         {u"groupId"_s, group},
                                         {u"deviceAndAppManagementAssignmentFilterId"_s, filterId},
                                         {u"deviceAndAppManagementAssignmentFilterType"_s, type},
                                     }},
                             })
            .toJson();
    };

    const Result v1 = send("POST", assignmentsPath(id, "v1.0"), body(filter, u"include"_s));
    QCOMPARE(v1.status, 400);
    QVERIFY2(v1.intunePhrase().contains(u"deviceAndAppManagementAssignmentFilterId"_s), qPrintable(v1.errorMessage()));

    const Result unknownFilter
        = send("POST", assignmentsPath(id, "beta"), body(u"00000000-0000-0000-0000-000000000001"_s, u"include"_s));
    QCOMPARE(unknownFilter.status, 400);
    const Result badType = send("POST", assignmentsPath(id, "beta"), body(filter, u"sometimes"_s));
    QCOMPARE(badType.status, 400);

    const Result beta = send("POST", assignmentsPath(id, "beta"), body(filter, u"include"_s));
    QCOMPARE(beta.status, 201);
    const QJsonObject target = beta.json.value(u"target"_s).toObject();
    QCOMPARE(target.value(u"deviceAndAppManagementAssignmentFilterId"_s).toString(), filter);
    QCOMPARE(target.value(u"deviceAndAppManagementAssignmentFilterType"_s).toString(), u"include"_s);
}

void TestSandboxServer::assignReplacesWholeList()
{
    const QString id = m_server->tenant().limitConfigurationId();
    QCOMPARE(m_server->tenant().assignmentsOf(id).size(), 3);
    const QByteArray body = R"({"enrollmentConfigurationAssignments":[
        {"@odata.type":"#microsoft.graph.enrollmentConfigurationAssignment",
         "target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget","collectionId":"SMS00001"}}]})";
    const Result result
        = send("POST", "/v1.0/deviceManagement/deviceEnrollmentConfigurations/" + pct(id) + "/assign", body);
    QCOMPARE(result.status, 204);
    QVERIFY(result.body.isEmpty());
    QVERIFY(!result.headers.contains("content-length")); // RFC 9110: none on 204

    const Result list = send("GET", assignmentsPath(id));
    QCOMPARE(list.value().size(), 1);
    QCOMPARE(list.value().first().toObject().value(u"target"_s).toObject().value(u"collectionId"_s).toString(),
        u"SMS00001"_s);

    // Ids sent back are kept; an invalid entry leaves everything untouched.
    const QString keptId = list.value().first().toObject().value(u"id"_s).toString();
    const QByteArray keep = R"({"enrollmentConfigurationAssignments":[{"id":")" + keptId.toUtf8()
        + R"(","target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget","collectionId":"SMS00001"}},
        {"target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"nope"}}]})";
    QCOMPARE(
        send("POST", "/v1.0/deviceManagement/deviceEnrollmentConfigurations/" + pct(id) + "/assign", keep).status, 400);
    QCOMPARE(m_server->tenant().assignmentsOf(id).size(), 1);
    QCOMPARE(m_server->tenant().assignmentsOf(id).first().toObject().value(u"id"_s).toString(), keptId);
}

void TestSandboxServer::deleteAssignment()
{
    const QString id = m_server->tenant().limitConfigurationId();
    const QString aid = m_server->tenant().assignmentsOf(id).first().toObject().value(u"id"_s).toString();
    QCOMPARE(send("DELETE", assignmentsPath(id) + '/' + pct(aid)).status, 204);
    QCOMPARE(send("DELETE", assignmentsPath(id) + '/' + pct(aid)).status, 404);
    QCOMPARE(send("GET", assignmentsPath(id) + '/' + pct(aid)).status, 404);
    QCOMPARE(m_server->tenant().assignmentsOf(id).size(), 2);
}

void TestSandboxServer::nullTargetIsReadable()
{
    const Result list = send("GET", assignmentsPath(m_server->tenant().nullTargetConfigurationId(), "beta"));
    QCOMPARE(list.status, 200);
    int nulls = 0;
    for (const QJsonValue &a : list.value())
        nulls += a.toObject().value(u"target"_s).isNull() ? 1 : 0;
    QCOMPARE(nulls, 1);
}

void TestSandboxServer::unknownConfigurationIs404()
{
    const Result missing = send("GET", "/v1.0/deviceManagement/deviceEnrollmentConfigurations/does-not-exist");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"ResourceNotFound"_s);
    QVERIFY(!missing.intunePhrase().isEmpty());

    // An encoded slash stays inside the id segment.
    const Result slash = send("GET", "/v1.0/deviceManagement/deviceEnrollmentConfigurations/a%2Fb/assignments");
    QCOMPARE(slash.status, 404);
    QCOMPARE(send("POST", assignmentsPath(u"nope"_s), R"({"target":null})").status, 404);
    QCOMPARE(send("GET", "/v2/groups").status, 404);
}

void TestSandboxServer::startswithHandlesApostrophes()
{
    const QString filter = u"startswith(displayName,'Admins''')"_s;
    const Result result = send("GET", "/v1.0/groups?$filter=" + pct(filter) + "&$select=id,displayName");
    QCOMPARE(result.status, 200);
    QCOMPARE(result.value().size(), 1);
    const QJsonObject group = result.value().first().toObject();
    QCOMPARE(group.value(u"displayName"_s).toString(), u"Admins' Laptops"_s);
    QCOMPARE(group.keys(), (QStringList {u"displayName"_s, u"id"_s}));

    const Result obrien = send("GET", "/v1.0/groups?$filter=" + pct(u"startswith(displayName,'O''Brien''s')"_s));
    QCOMPARE(obrien.value().size(), 1);
    QCOMPARE(obrien.value().first().toObject().value(u"displayName"_s).toString(), u"O'Brien's Devices"_s);

    const Result accents = send("GET", "/v1.0/groups?$filter=" + pct(u"startswith(displayName,'zürich')"_s));
    QCOMPARE(accents.value().size(), 1);
    QCOMPARE(accents.value().first().toObject().value(u"displayName"_s).toString(), u"Zürich Büro"_s);

    const Result emoji = send("GET", "/v1.0/groups?$filter=" + pct(u"startswith(displayName,'🚀')"_s));
    QCOMPARE(emoji.value().size(), 1);
}

void TestSandboxServer::startswithIsCaseInsensitiveAndPaged()
{
    QStringList names;
    QUrl next = QUrl::fromEncoded(QByteArray(
        m_base + "/v1.0/groups?$filter=" + pct(u"startswith(displayName,'SALES')"_s) + "&$top=2&$select=displayName"));
    int pages = 0;
    while (next.isValid() && pages < 20) {
        const Result page = sendUrl("GET", next, {}, true);
        QCOMPARE(page.status, 200);
        ++pages;
        for (const QJsonValue &g : page.value())
            names.append(g.toObject().value(u"displayName"_s).toString());
        const QString link = page.json.value(u"@odata.nextLink"_s).toString();
        next = link.isEmpty() ? QUrl() : QUrl(link);
    }
    names.sort();
    QCOMPARE(names,
        (QStringList {u"Sales Interns"_s, u"Sales Managers"_s, u"Sales – APAC"_s, u"Sales – Americas"_s,
            u"Sales – EMEA"_s, u"sales operations"_s}));
    QCOMPARE(pages, 3);
}

void TestSandboxServer::malformedFilterAndTopAreRefused()
{
    const Result unterminated = send("GET", "/v1.0/groups?$filter=" + pct(u"startswith(displayName,'Admins)"_s));
    QCOMPARE(unterminated.status, 400);
    QCOMPARE(unterminated.errorCode(), u"Request_UnsupportedQuery"_s);
    const Result garbage = send("GET", "/v1.0/groups?$filter=" + pct(u"displayName wat 'x'"_s));
    QCOMPARE(garbage.status, 400);
    QCOMPARE(garbage.errorCode(), u"Request_UnsupportedQuery"_s);
    const Result tooBig = send("GET", "/v1.0/groups?$top=1000");
    QCOMPARE(tooBig.status, 400);
    QCOMPARE(send("GET", "/v1.0/groups?$top=999").status, 200);
    QCOMPARE(send("GET", "/v1.0/groups?$select=displayName,nope").status, 400);
    // $search needs ConsistencyLevel: eventual, as on Graph.
    QCOMPARE(send("GET", "/v1.0/groups?$search=" + pct(u"\"displayName:sales\""_s)).status, 400);
    const Result search = sendUrl("GET",
        QUrl::fromEncoded(QByteArray(m_base + "/v1.0/groups?$search=" + pct(u"\"displayName:emea\""_s))), {}, true,
        {{"ConsistencyLevel", "eventual"}});
    QCOMPARE(search.status, 200);
    QCOMPARE(search.value().size(), 1);
}

void TestSandboxServer::getByIdsSkipsDeletedGroups()
{
    const QString deleted = m_server->tenant().deletedGroupId();
    const QString existing = m_server->tenant().groupIdByName(u"Équipe Réseau"_s);
    QVERIFY(!existing.isEmpty());
    const QByteArray body = QJsonDocument(QJsonObject {
                                              {u"ids"_s, QJsonArray {deleted, existing}},
                                              {u"types"_s, QJsonArray {u"group"_s}},
                                          })
                                .toJson();
    const Result result = send("POST", "/v1.0/directoryObjects/getByIds", body);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.value().size(), 1);
    const QJsonObject group = result.value().first().toObject();
    QCOMPARE(group.value(u"id"_s).toString(), existing);
    QCOMPARE(group.value(u"displayName"_s).toString(), u"Équipe Réseau"_s);
    QCOMPARE(group.value(u"@odata.type"_s).toString(), u"#microsoft.graph.group"_s);
    QCOMPARE(m_server->tenant().writeCount(), 0); // a POST, but only a read
}

void TestSandboxServer::deletedGroupIs404()
{
    const QString deleted = m_server->tenant().deletedGroupId();
    bool referenced = false;
    for (const QString &config : m_server->tenant().configurationIds()) {
        for (const QJsonValue &a : m_server->tenant().assignmentsOf(config))
            referenced
                = referenced || a.toObject().value(u"target"_s).toObject().value(u"groupId"_s).toString() == deleted;
    }
    QVERIFY(referenced);
    const Result result = send("GET", "/v1.0/groups/" + deleted.toUtf8());
    QCOMPARE(result.status, 404);
    QCOMPARE(result.errorCode(), u"Request_ResourceNotFound"_s);
    QCOMPARE(send("GET", "/v1.0/groups/" + m_server->tenant().groupIdByName(u"🚀 Launch Team"_s).toUtf8()).status, 200);
}

void TestSandboxServer::assignmentFiltersOnlyOnBeta()
{
    const Result beta = send("GET", "/beta/deviceManagement/assignmentFilters");
    QCOMPARE(beta.status, 200);
    QVERIFY(beta.value().size() >= 5);
    const QJsonObject first = beta.value().first().toObject();
    for (const auto &key : {u"id"_s, u"displayName"_s, u"platform"_s, u"rule"_s, u"assignmentFilterManagementType"_s})
        QVERIFY2(first.contains(key), qPrintable(key));
    const Result v1 = send("GET", "/v1.0/deviceManagement/assignmentFilters");
    QCOMPARE(v1.status, 400);
    QCOMPARE(v1.errorMessage(), u"Resource not found for the segment 'assignmentFilters'."_s);
}

void TestSandboxServer::keepAliveServesSeveralRequestsOnOneConnection()
{
    const QByteArray auth = "Authorization: Bearer " + m_token + "\r\n";
    const QByteArray get = "GET /v1.0/groups?$top=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\n";
    const QByteArray post = "POST /v1.0/directoryObjects/getByIds HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
        + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"ids\":[]}";

    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_server->port());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });

    // Three pipelined requests in one write, answered in order.
    socket.write(get + post + get);
    QTRY_COMPARE(countCompleteResponses(received), 3);
    QList<int> statuses;
    countCompleteResponses(received, &statuses);
    QCOMPARE(statuses, (QList<int> {200, 200, 200}));

    // The same connection keeps working afterwards.
    socket.write(get);
    QTRY_COMPARE(countCompleteResponses(received), 4);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_server->tenant().requestCount(), 4);
}

void TestSandboxServer::connectionCloseIsHonoured()
{
    bool closed = false;
    const QByteArray response
        = rawExchange("GET /v1.0/groups?$top=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token
                + "\r\nConnection: close\r\n\r\n",
            1, &closed);
    QVERIFY(response.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(response.contains("\r\nConnection: close\r\n"));
    QVERIFY(closed);
}

void TestSandboxServer::garbageBytesCloseTheConnectionOnly()
{
    QRandomGenerator rng(42);
    for (int round = 0; round < 20; ++round) {
        QByteArray junk(64 + round * 97, Qt::Uninitialized);
        for (char &c : junk)
            c = char(rng.bounded(256));
        if (round % 2)
            junk.prepend("GET / HTTP/1.1\r\nHost: x\r\n"); // a plausible start, then noise
        bool closed = false;
        rawExchange(junk + "\r\n\r\n", 1, &closed);
        QVERIFY2(closed, qPrintable(u"round "_s + QString::number(round)));
    }
    for (const QByteArray &bad : {QByteArray("GET\r\n\r\n"), QByteArray("GET /x HTTP/9.9\r\nHost: a\r\n\r\n"),
             QByteArray("GET /x HTTP/1.1\r\n\r\n"), // no Host
             QByteArray("GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n"),
             QByteArray("GET /x HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n"),
             QByteArray("GET http://evil/ HTTP/1.1\r\nHost: a\r\n\r\n")}) {
        bool closed = false;
        const QByteArray response = rawExchange(bad, 1, &closed);
        QVERIFY2(response.startsWith("HTTP/1.1 4") || response.startsWith("HTTP/1.1 5"), bad.constData());
        QVERIFY(closed);
    }
    // Still serving.
    QCOMPARE(send("GET", "/v1.0/groups?$top=1").status, 200);
}

void TestSandboxServer::oversizedAndChunkedRequestsAreRefused()
{
    const QByteArray host = "Host: 127.0.0.1\r\nAuthorization: Bearer " + m_token + "\r\n";
    QByteArray response = rawExchange("POST /v1.0/directoryObjects/getByIds HTTP/1.1\r\n" + host
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        1);
    QVERIFY(response.startsWith("HTTP/1.1 411 "));

    response = rawExchange(
        "POST /v1.0/directoryObjects/getByIds HTTP/1.1\r\n" + host + "Content-Length: 99999999\r\n\r\n", 1);
    QVERIFY(response.startsWith("HTTP/1.1 413 "));

    response
        = rawExchange("GET /v1.0/groups HTTP/1.1\r\n" + host + "X-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n", 1);
    QVERIFY(response.startsWith("HTTP/1.1 431 "));

    QCOMPARE(send("GET", "/v1.0/groups?$top=1").status, 200);
}

void TestSandboxServer::sandboxThreadServesFromItsOwnThread()
{
    ea::sandbox::SandboxThread thread;
    SandboxOptions options;
    options.extraConfigurations = 500;
    options.extraGroups = 2000;
    QVERIFY2(thread.start(options), qPrintable(thread.errorString()));
    QVERIFY(thread.url().isValid());
    QVERIFY(thread.tenant());

    QNetworkRequest request(
        QUrl(thread.url().toString() + u"/beta/deviceManagement/deviceEnrollmentConfigurations?$top=999"_s));
    request.setRawHeader("Authorization", "Bearer " + thread.accessToken().toUtf8());
    QNetworkReply *reply = m_nam->get(request);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(page.value(u"value"_s).toArray().size(), thread.tenant()->configurationIds().size());
    QVERIFY(page.value(u"value"_s).toArray().size() > 500);
    QCOMPARE(thread.tenant()->requestCount(), 1);
    reply->deleteLater();
    thread.stop();
    QVERIFY(!thread.isRunning());
}

// ---------------------------------------------------------------------------
// Full-list fidelity (issue 12): what real tenants hold beyond the app's model

void TestSandboxServer::espSeedHoldsFilteredPolicySetAndScopeTagEntries()
{
    const auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const QJsonArray stored = tenant.assignmentsOf(esp);
    QCOMPARE(stored.size(), 5); // two plain entries + the three below

    const QString filter = tenant.assignmentFilterIdByName(u"Windows 11 only"_s);
    QVERIFY(tenant.assignmentFilterIds().contains(filter));
    const QJsonObject filtered = entryWithId(stored, tenant.espFilteredAssignmentId());
    QVERIFY(tenant.espFilteredAssignmentId().startsWith(esp + u'_'));
    const QJsonObject filteredTarget = filtered.value(u"target"_s).toObject();
    QCOMPARE(filteredTarget.value(u"@odata.type"_s).toString(), u"#microsoft.graph.groupAssignmentTarget"_s);
    QVERIFY(tenant.groupIds().contains(filteredTarget.value(u"groupId"_s).toString()));
    QCOMPARE(filteredTarget.value(FilterIdKey).toString(), filter);
    QCOMPARE(filteredTarget.value(FilterTypeKey).toString(), u"include"_s);

    const QJsonObject policySet = entryWithId(stored, tenant.espPolicySetAssignmentId());
    QCOMPARE(policySet.value(u"source"_s).toString(), u"policySets"_s);
    QCOMPARE(policySet.value(u"sourceId"_s).toString(), tenant.policySetId());
    QVERIFY(!tenant.policySetId().isEmpty());

    const QJsonObject scopeTag = entryWithId(stored, tenant.espScopeTagAssignmentId());
    const QJsonObject scopeTagTarget = scopeTag.value(u"target"_s).toObject();
    QCOMPARE(scopeTagTarget.value(u"@odata.type"_s).toString(), ScopeTagTarget);
    QCOMPARE(scopeTagTarget.value(u"targetType"_s).toString(), u"device"_s);
    QVERIFY(tenant.groupIds().contains(scopeTagTarget.value(u"entraObjectId"_s).toString()));

    // Deterministic: a second tenant has the same ids.
    SandboxServer other;
    QCOMPARE(other.tenant().espFilteredAssignmentId(), tenant.espFilteredAssignmentId());
    QCOMPARE(other.tenant().espPolicySetAssignmentId(), tenant.espPolicySetAssignmentId());
    QCOMPARE(other.tenant().espScopeTagAssignmentId(), tenant.espScopeTagAssignmentId());
    QCOMPARE(other.tenant().assignmentsOf(esp), stored);
}

void TestSandboxServer::v1ReadsHideFilterSourceButShowNewTargetType()
{
    const auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const Result list = send("GET", assignmentsPath(esp, "v1.0"));
    const Result expanded
        = send("GET", "/v1.0/deviceManagement/deviceEnrollmentConfigurations/" + pct(esp) + "?$expand=assignments");
    QCOMPARE(list.status, 200);
    QCOMPARE(expanded.status, 200);
    for (const QJsonArray &entries : {list.value(), expanded.json.value(u"assignments"_s).toArray()}) {
        QCOMPARE(entries.size(), 5);
        for (const QJsonValue &entry : entries) {
            const QJsonObject object = entry.toObject();
            QVERIFY2(!object.contains(u"source"_s) && !object.contains(u"sourceId"_s), compact(object).constData());
            const QJsonObject target = object.value(u"target"_s).toObject();
            QVERIFY2(!target.contains(FilterIdKey) && !target.contains(FilterTypeKey), compact(object).constData());
        }
        // Shown, but nothing says it is filtered or from a policy set.
        QVERIFY(!entryWithId(entries, tenant.espFilteredAssignmentId()).isEmpty());
        QVERIFY(!entryWithId(entries, tenant.espPolicySetAssignmentId()).isEmpty());
        // The reference says nothing else, so v1.0 shows the newer type as stored.
        const QJsonObject scopeTagTarget
            = entryWithId(entries, tenant.espScopeTagAssignmentId()).value(u"target"_s).toObject();
        QCOMPARE(scopeTagTarget.value(u"@odata.type"_s).toString(), ScopeTagTarget);
        QCOMPARE(scopeTagTarget.value(u"targetType"_s).toString(), u"device"_s);
        QVERIFY(!scopeTagTarget.value(u"entraObjectId"_s).toString().isEmpty());
    }
    // One entry fetched alone hides the same.
    const Result one = send("GET", assignmentsPath(esp, "v1.0") + '/' + pct(tenant.espPolicySetAssignmentId()));
    QCOMPARE(one.status, 200);
    QVERIFY(!one.json.contains(u"source"_s));
}

void TestSandboxServer::betaReadsShowFilterSourceAndNewTargetType()
{
    const auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const Result list = send("GET", assignmentsPath(esp, "beta"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.value(), tenant.assignmentsOf(esp)); // everything stored is shown
    for (const QJsonValue &entry : list.value()) {
        const QJsonObject object = entry.toObject();
        QVERIFY(object.contains(u"source"_s) && object.contains(u"sourceId"_s));
        QVERIFY(object.value(u"target"_s).toObject().contains(FilterTypeKey));
    }
    const QJsonObject filtered = entryWithId(list.value(), tenant.espFilteredAssignmentId());
    QCOMPARE(filtered.value(u"target"_s).toObject().value(FilterTypeKey).toString(), u"include"_s);
    QCOMPARE(filtered.value(u"target"_s).toObject().value(FilterIdKey).toString(),
        tenant.assignmentFilterIdByName(u"Windows 11 only"_s));
    const QJsonObject policySet = entryWithId(list.value(), tenant.espPolicySetAssignmentId());
    QCOMPARE(policySet.value(u"source"_s).toString(), u"policySets"_s);
    QCOMPARE(policySet.value(u"sourceId"_s).toString(), tenant.policySetId());
    const QJsonObject scopeTag = entryWithId(list.value(), tenant.espScopeTagAssignmentId());
    QCOMPARE(scopeTag.value(u"target"_s).toObject().value(u"@odata.type"_s).toString(), ScopeTagTarget);
    QCOMPARE(scopeTag.value(u"source"_s).toString(), u"direct"_s);
}

void TestSandboxServer::assignWithoutFilterOrSourceResetsThem_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::newRow("v1.0") << QByteArray("v1.0");
    QTest::newRow("beta") << QByteArray("beta");
}

// The trap: /assign stores what was sent, so a kept entry rebuilt without
// its filter or its source silently loses them, and the write still is a 204.
void TestSandboxServer::assignWithoutFilterOrSourceResetsThem()
{
    QFETCH(QByteArray, version);
    const auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    // What an app that models only id and target sends: the v1.0 shape of
    // each entry, without the type v1.0 refuses.
    QJsonArray rebuilt;
    for (const QJsonValue &entry : send("GET", assignmentsPath(esp, "v1.0")).value()) {
        if (entry.toObject().value(u"id"_s).toString() != tenant.espScopeTagAssignmentId())
            rebuilt.append(entry);
    }
    QCOMPARE(rebuilt.size(), 4);
    const Result assigned = send("POST", assignPath(esp, version.constData()), assignBody(rebuilt));
    QCOMPARE(assigned.status, 204);

    const QJsonArray after = tenant.assignmentsOf(esp);
    QCOMPARE(after.size(), 4); // the entry not sent is gone
    QVERIFY(entryWithId(after, tenant.espScopeTagAssignmentId()).isEmpty());
    const QJsonObject filteredTarget
        = entryWithId(after, tenant.espFilteredAssignmentId()).value(u"target"_s).toObject();
    QVERIFY(!filteredTarget.isEmpty());
    QCOMPARE(filteredTarget.value(FilterTypeKey).toString(), u"none"_s);
    QVERIFY(filteredTarget.value(FilterIdKey).isNull());
    const QJsonObject policySet = entryWithId(after, tenant.espPolicySetAssignmentId());
    QCOMPARE(policySet.value(u"source"_s).toString(), u"direct"_s);
    QVERIFY(policySet.value(u"sourceId"_s).isNull());
}

void TestSandboxServer::assignKeepsFilterAndSourceWhenSent()
{
    const auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const QJsonArray before = send("GET", assignmentsPath(esp, "beta")).value();
    QCOMPARE(before.size(), 5);
    QJsonArray sent = before;
    sent.append(QJsonObject {
        {u"@odata.type"_s, u"#microsoft.graph.enrollmentConfigurationAssignment"_s},
        {u"target"_s, QJsonObject {{u"@odata.type"_s, u"#microsoft.graph.allDevicesAssignmentTarget"_s}}},
    });
    QCOMPARE(send("POST", assignPath(esp, "beta"), assignBody(sent)).status, 204);

    const QJsonArray after = tenant.assignmentsOf(esp);
    QCOMPARE(after.size(), 6);
    for (const QJsonValue &kept : before)
        QCOMPARE(entryWithId(after, kept.toObject().value(u"id"_s).toString()), kept.toObject());
    const QJsonObject added = after.last().toObject();
    QVERIFY(added.value(u"id"_s).toString().startsWith(esp + u'_'));
    QCOMPARE(added.value(u"source"_s).toString(), u"direct"_s);
    QCOMPARE(added.value(u"target"_s).toObject().value(FilterTypeKey).toString(), u"none"_s);

    // Filter and source sent to v1.0 are refused, not dropped: nothing changes.
    QJsonArray filteredOnly {entryWithId(before, tenant.espFilteredAssignmentId())};
    QJsonObject withoutSource = filteredOnly.first().toObject();
    withoutSource.remove(u"source"_s);
    withoutSource.remove(u"sourceId"_s);
    QCOMPARE(send("POST", assignPath(esp, "v1.0"), assignBody(QJsonArray {withoutSource})).status, 400);
    QCOMPARE(send("POST", assignPath(esp, "v1.0"), assignBody(filteredOnly)).status, 400);
    QCOMPARE(tenant.assignmentsOf(esp), after);
}

void TestSandboxServer::betaReadSentBackToBetaAssignRoundTripsByteForByte()
{
    const QString esp = m_server->tenant().espConfigurationId();
    const Result first = send("GET", assignmentsPath(esp, "beta"));
    QCOMPARE(first.status, 200);
    // The read's own bytes, spliced in unparsed.
    const qsizetype start = first.body.indexOf("\"value\":");
    QVERIFY(start > 0);
    const QByteArray rawList = first.body.mid(start + 8, first.body.size() - start - 9);
    QVERIFY(rawList.startsWith('[') && rawList.endsWith(']'));
    const Result assigned
        = send("POST", assignPath(esp, "beta"), QByteArray("{\"enrollmentConfigurationAssignments\":" + rawList + '}'));
    QCOMPARE(assigned.status, 204);

    const Result second = send("GET", assignmentsPath(esp, "beta"));
    QCOMPARE(second.body, first.body); // ids included: /assign keeps the ids it is sent
    const Result v1 = send("GET", assignmentsPath(esp, "v1.0"));
    QCOMPARE(v1.value().size(), 5);
}

void TestSandboxServer::scopeTagTargetRoundTripsOnBetaAndIsRefusedOnV1()
{
    const auto &tenant = m_server->tenant();
    const QString id = tenant.limitConfigurationId();
    const QString entra = tenant.groupIdByName(u"IT Helpdesk"_s);
    const QString filter = tenant.assignmentFilterIdByName(u"Corporate Windows devices"_s);
    const QJsonObject target {
        {u"@odata.type"_s, ScopeTagTarget},
        {u"targetType"_s, u"user"_s},
        {u"entraObjectId"_s, entra},
        {FilterIdKey, filter},
        {FilterTypeKey, u"exclude"_s},
    };
    const QJsonObject entry {
        {u"@odata.type"_s, u"#microsoft.graph.enrollmentConfigurationAssignment"_s},
        {u"id"_s, QString(id + u"_0c9b7f1e-0d61-4b55-9a8e-61b2e7a4c3d0"_s)},
        {u"source"_s, u"direct"_s},
        {u"sourceId"_s, QJsonValue(QJsonValue::Null)},
        {u"target"_s, target},
    };

    // v1.0's model has no such type: refused, nothing replaced.
    const QJsonArray before = tenant.assignmentsOf(id);
    QJsonObject v1Target = target;
    v1Target.remove(FilterIdKey);
    v1Target.remove(FilterTypeKey);
    const Result v1 = send("POST", assignPath(id, "v1.0"),
        assignBody(QJsonArray {QJsonObject {{u"target"_s, v1Target}, {u"id"_s, entry.value(u"id"_s)}}}));
    QCOMPARE(v1.status, 400);
    QVERIFY2(v1.intunePhrase().contains(u"could not be resolved"_s), qPrintable(v1.errorMessage()));
    QCOMPARE(send("POST", assignmentsPath(id, "v1.0"), compact(QJsonObject {{u"target"_s, v1Target}})).status, 400);
    QCOMPARE(tenant.assignmentsOf(id), before);

    // Beta keeps it whole, unknown-to-the-app properties included.
    QCOMPARE(send("POST", assignPath(id, "beta"), assignBody(QJsonArray {entry})).status, 204);
    QCOMPARE(tenant.assignmentsOf(id), QJsonArray {entry});
    QCOMPARE(send("GET", assignmentsPath(id, "beta")).value(), QJsonArray {entry});
    const QJsonObject v1Read = send("GET", assignmentsPath(id, "v1.0")).value().first().toObject();
    QCOMPARE(v1Read.value(u"target"_s).toObject(), v1Target);

    // Sent without targetType, it is stored without it (not invented).
    QJsonObject bare = entry;
    QJsonObject bareTarget = target;
    bareTarget.remove(u"targetType"_s);
    bare.insert(u"target"_s, bareTarget);
    QCOMPARE(send("POST", assignPath(id, "beta"), assignBody(QJsonArray {bare})).status, 204);
    QVERIFY(!tenant.assignmentsOf(id).first().toObject().value(u"target"_s).toObject().contains(u"targetType"_s));

    // A property beta does not define is still refused, as Graph does.
    QJsonObject unknownTarget = target;
    unknownTarget.insert(u"madeUp"_s, 1);
    QJsonObject unknown = entry;
    unknown.insert(u"target"_s, unknownTarget);
    QCOMPARE(send("POST", assignPath(id, "beta"), assignBody(QJsonArray {unknown})).status, 400);
}

void TestSandboxServer::failNextWritesWithoutApplyLeavesTenantUntouched()
{
    auto &tenant = m_server->tenant();
    const QString esp = tenant.espConfigurationId();
    const QJsonArray before = tenant.assignmentsOf(esp);
    tenant.failNextWrites(3, 503, 7, false);

    const Result assign = send("POST", assignPath(esp, "beta"), assignBody(QJsonArray {}));
    QCOMPARE(assign.status, 503);
    QCOMPARE(assign.errorCode(), u"ServiceUnavailable"_s);
    QCOMPARE(assign.headers.value("retry-after"), QByteArray("7"));
    QVERIFY(!assign.headers.value("request-id").isEmpty());
    const QJsonObject inner = assign.json.value(u"error"_s).toObject().value(u"innerError"_s).toObject();
    QCOMPARE(inner.value(u"request-id"_s).toString().toLatin1(), assign.headers.value("request-id"));
    QVERIFY(!assign.headers.value("client-request-id").isEmpty());

    const QString aid = tenant.espFilteredAssignmentId();
    const Result removed = send("DELETE", assignmentsPath(esp, "beta") + '/' + pct(aid));
    QCOMPARE(removed.status, 503);
    const QByteArray patch = compact(QJsonObject {
        {u"target"_s, QJsonObject {{u"@odata.type"_s, u"#microsoft.graph.allDevicesAssignmentTarget"_s}}}});
    QCOMPARE(send("PATCH", assignmentsPath(esp, "beta") + '/' + pct(aid), patch).status, 503);

    QCOMPARE(tenant.assignmentsOf(esp), before); // none of the three landed
    QCOMPARE(tenant.writeCount(), 0);

    // The count is used up: the next write is served normally.
    QCOMPARE(send("DELETE", assignmentsPath(esp, "beta") + '/' + pct(aid)).status, 204);
    QCOMPARE(tenant.assignmentsOf(esp).size(), before.size() - 1);
    QCOMPARE(tenant.writeCount(), 1);
}

void TestSandboxServer::failNextWritesApplyFirstLandsTheWrite()
{
    auto &tenant = m_server->tenant();
    const QString id = tenant.limitConfigurationId();
    const int before = int(tenant.assignmentsOf(id).size());
    const QByteArray body = compact(QJsonObject {
        {u"target"_s, QJsonObject {{u"@odata.type"_s, u"#microsoft.graph.allDevicesAssignmentTarget"_s}}}});

    tenant.failNextWrites(1, 500, std::nullopt, true);
    const Result lost = send("POST", assignmentsPath(id), body);
    QCOMPARE(lost.status, 500);
    QVERIFY(!lost.headers.contains("retry-after"));
    QVERIFY(!lost.json.contains(u"id"_s)); // the client never learns the new id
    QCOMPARE(tenant.assignmentsOf(id).size(), before + 1); // but it landed
    QCOMPARE(tenant.writeCount(), 1);

    // 429 with Retry-After, twice, each landing: a blind re-send doubles.
    tenant.failNextWrites(2, 429, 3, true);
    for (int i = 0; i < 2; ++i) {
        const Result throttled = send("POST", assignmentsPath(id), body);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), u"TooManyRequests"_s);
        QCOMPARE(throttled.headers.value("retry-after"), QByteArray("3"));
    }
    QCOMPARE(tenant.assignmentsOf(id).size(), before + 3);
    QCOMPARE(send("POST", assignmentsPath(id), body).status, 201);
    QCOMPARE(tenant.assignmentsOf(id).size(), before + 4);

    // A full-list write lands whole behind a 503 too.
    const QString esp = tenant.espConfigurationId();
    tenant.failNextWrites(1, 503, 0, true);
    const Result assign = send("POST", assignPath(esp, "beta"), assignBody(QJsonArray {}));
    QCOMPARE(assign.status, 503);
    QCOMPARE(assign.headers.value("retry-after"), QByteArray("0"));
    QVERIFY(tenant.assignmentsOf(esp).isEmpty());
}

void TestSandboxServer::failNextWritesSkipsReads()
{
    auto &tenant = m_server->tenant();
    tenant.failNextWrites(1, 503, 5, false);
    QCOMPARE(send("GET", assignmentsPath(tenant.limitConfigurationId(), "beta")).status, 200);
    // POST getByIds reads: neither faulted nor using up the fault.
    const QByteArray ids = compact(QJsonObject {{u"ids"_s, QJsonArray {tenant.groupIdByName(u"Engineering"_s)}}});
    QCOMPARE(send("POST", "/v1.0/directoryObjects/getByIds", ids).status, 200);
    QCOMPARE(send("DELETE", assignmentsPath(tenant.limitConfigurationId()) + "/nope").status, 503);
    QCOMPARE(send("DELETE", assignmentsPath(tenant.limitConfigurationId()) + "/nope").status, 404);
    QCOMPARE(tenant.requestLog().size(), 4); // every request still reached the server
}

// --- priority order (issue 16) ----------------------------------------------

namespace {

QByteArray priorityBody(int priority)
{
    return compact(QJsonObject {{u"priority"_s, priority}});
}

} // namespace

// Moving one configuration shifts only the ones between its old and its new
// place, by one; priorities stay unique, 1..n.
void TestSandboxServer::setPriorityShiftsTheOnesInBetween()
{
    SandboxOptions options;
    options.extraConfigurations = 40; // several device limits, numbered after the seed's two
    m_server = std::make_unique<SandboxServer>(options);
    m_server->setAccessToken(QString::fromUtf8(m_token));
    QVERIFY(m_server->listen());
    m_base = m_server->url().toEncoded();

    const Result list = send("GET",
        "/beta/deviceManagement/deviceEnrollmentConfigurations?$top=100&$filter="
            + pct(u"deviceEnrollmentConfigurationType eq 'limit'"_s));
    QCOMPARE(list.status, 200);
    QStringList ids;
    for (const QJsonValue &v : list.value())
        ids << v.toObject().value(u"id"_s).toString();
    const auto order = [this, &ids] {
        QStringList sorted = ids;
        std::sort(sorted.begin(), sorted.end(), [this](const QString &a, const QString &b) {
            return m_server->tenant().priorityOf(a) < m_server->tenant().priorityOf(b);
        });
        return sorted;
    };
    const auto priorities = [this, &ids] {
        QList<int> p;
        for (const QString &id : std::as_const(ids))
            p << m_server->tenant().priorityOf(id);
        std::sort(p.begin(), p.end());
        return p;
    };
    QList<int> compactNumbers;
    for (int i = 1; i <= ids.size(); ++i)
        compactNumbers << i;
    QVERIFY2(ids.size() >= 5, qPrintable(QString::number(ids.size())));
    QCOMPARE(priorities(), compactNumbers);
    const QStringList before = order();

    // Up: the last to 2; 2..n-1 move down one place, 1 stays.
    const QString last = before.last();
    QCOMPARE(send("POST", setPriorityPath(last), priorityBody(2)).status, 204);
    QStringList expected = before;
    expected.removeLast();
    expected.insert(1, last);
    QCOMPARE(order(), expected);
    QCOMPARE(priorities(), compactNumbers);
    QCOMPARE(m_server->tenant().priorityOf(last), 2);

    // Down: the first to 3; the two after it move up one place, the rest stay.
    const QStringList middle = order();
    const QString first = middle.first();
    QCOMPARE(send("POST", setPriorityPath(first), priorityBody(3)).status, 204);
    expected = middle;
    expected.removeFirst();
    expected.insert(2, first);
    QCOMPARE(order(), expected);
    QCOMPARE(priorities(), compactNumbers);
    for (qsizetype i = 3; i < expected.size(); ++i)
        QCOMPARE(m_server->tenant().priorityOf(expected.at(i)), int(i + 1));
}

// Beta's single-platform restrictions: each platform has its own order, so
// moving the iOS one touches no Windows or Android restriction, and a place
// beyond its own platform's count is out of range.
void TestSandboxServer::setPriorityOrdersEachPlatformApart()
{
    auto &tenant = m_server->tenant();
    const QString windows = tenant.configurationIdByName(u"Windows – corporate devices only"_s);
    const QString ios = tenant.configurationIdByName(u"iOS/iPadOS – block personal devices"_s);
    const QString android = tenant.configurationIdByName(u"Android – Android Enterprise only"_s);
    QCOMPARE(tenant.priorityOf(windows), 1);
    QCOMPARE(tenant.priorityOf(ios), 2);
    QCOMPARE(tenant.priorityOf(android), 3);

    QCOMPARE(send("POST", setPriorityPath(ios), priorityBody(1)).status, 204);
    QCOMPARE(tenant.priorityOf(ios), 1);
    QCOMPARE(tenant.priorityOf(windows), 1); // another order
    QCOMPARE(tenant.priorityOf(android), 3);

    const Result beyond = send("POST", setPriorityPath(android), priorityBody(2));
    QCOMPARE(beyond.status, 400);
    QVERIFY2(beyond.intunePhrase().contains(u"out of range"_s), beyond.body.constData());
    QCOMPARE(tenant.priorityOf(android), 3);
}

void TestSandboxServer::setPriorityRefusals_data()
{
    QTest::addColumn<QString>("configName"); // empty: an id no configuration has
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("phrase");

    const QString sales = u"Limit 5 devices – Sales"_s; // priority 1 of 2
    const QString contractors = u"Limit 3 devices – Contractors"_s; // priority 2 of 2
    QTest::newRow("default") << u"All users and all devices"_s << priorityBody(1) << 400 << u"BadRequest"_s
                             << u"default enrollment configuration"_s;
    QTest::newRow("Windows Hello for Business") << u"Windows Hello for Business – Pilot"_s << priorityBody(2) << 400
                                                << u"BadRequest"_s << u"do not support priorities"_s;
    QTest::newRow("no-op") << sales << priorityBody(1) << 400 << u"BadRequest"_s << u"already has priority 1"_s;
    QTest::newRow("zero") << contractors << priorityBody(0) << 400 << u"BadRequest"_s << u"out of range"_s;
    QTest::newRow("beyond the order") << contractors << priorityBody(3) << 400 << u"BadRequest"_s << u"out of range"_s;
    QTest::newRow("no body") << contractors << QByteArray() << 400 << u"BadRequest"_s << u"Empty Payload"_s;
    QTest::newRow("not JSON") << contractors << QByteArray("priority=1") << 400 << u"BadRequest"_s
                              << u"not valid JSON"_s;
    QTest::newRow("text") << contractors << QByteArray(R"({"priority":"1"})") << 400 << u"BadRequest"_s
                          << u"must be an integer"_s;
    QTest::newRow("fraction") << contractors << QByteArray(R"({"priority":1.5})") << 400 << u"BadRequest"_s
                              << u"must be an integer"_s;
    QTest::newRow("unknown id") << QString() << priorityBody(1) << 404 << u"ResourceNotFound"_s << u"was not found"_s;
}

// Every refusal has Graph's (Intune's nested) error shape and changes nothing.
void TestSandboxServer::setPriorityRefusals()
{
    QFETCH(QString, configName);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, phrase);
    auto &tenant = m_server->tenant();
    // The default's display name is shared by every default: take the device limit's.
    const QString id = configName.isEmpty()            ? u"5e0a3d1c-0000-4000-8000-00000000dead"_s
        : configName == u"All users and all devices"_s ? tenant.defaultLimitConfigurationId()
                                                       : tenant.configurationIdByName(configName);
    QVERIFY(!id.isEmpty());
    QMap<QString, int> before;
    for (const QString &c : tenant.configurationIds())
        before.insert(c, tenant.priorityOf(c));

    const Result r = send("POST", setPriorityPath(id), body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QVERIFY2(r.intunePhrase().contains(phrase), r.body.constData());
    QVERIFY(r.json.value(u"error"_s).toObject().value(u"innerError"_s).toObject().contains(u"request-id"_s));
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(tenant.priorityOf(it.key()), it.value());
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
