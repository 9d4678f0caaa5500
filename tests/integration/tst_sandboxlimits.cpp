// The sandbox's emulation of Intune's throttling (SandboxThrottling) and its
// JSON batching (POST /$batch): what the write governor, the plan runner and
// the benchmark stand on. A limit that let writes through, a 429 without
// Graph's shape, or a batch that answered as one would make those tests lie.
#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace ea;
using namespace ea::sandbox;
using namespace Qt::StringLiterals;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject json;
    QByteArray retryAfter;
    bool hasRetryAfter = false;
};

QByteArray collectionBody(int n)
{
    // JAX + five hex digits: a distinct valid collection per write.
    const QByteArray id = "JAX" + QByteArray::number(n, 16).rightJustified(5, '0').toUpper();
    return R"({"target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget","collectionId":")"
        + id + R"("}})";
}

} // namespace

class TestSandboxLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesPastTheLimitAreThrottledInGraphsShape();
    void throttledWindowSlidesOpenAgain();
    void requestLimitCoversReads();
    void batchAnswersEachRequestOnItsOwn();
    void batchThrottlesEachRequestOnItsOwn();
    void batchOfMoreThanTwentyIsRefused();

private:
    Reply send(SandboxServer &server, const QByteArray &verb, const QByteArray &path, const QByteArray &body = {});
    QByteArray assignmentsPath(SandboxServer &server) const
    {
        return "/v1.0/deviceManagement/deviceEnrollmentConfigurations/"
            + server.tenant().limitConfigurationId().toLatin1() + "/assignments";
    }
    // POST /v1.0/$batch with `count` GETs of `url` (relative to the version).
    Reply sendBatchOfGets(SandboxServer &server, const QString &url, int count)
    {
        QJsonArray requests;
        for (int i = 1; i <= count; ++i)
            requests.append(QJsonObject {{u"id"_s, QString::number(i)}, {u"method"_s, u"GET"_s}, {u"url"_s, url}});
        return send(server, "POST", "/v1.0/$batch",
            QJsonDocument(QJsonObject {{u"requests"_s, requests}}).toJson(QJsonDocument::Compact));
    }
    QNetworkAccessManager m_network;
};

Reply TestSandboxLimits::send(
    SandboxServer &server, const QByteArray &verb, const QByteArray &path, const QByteArray &body)
{
    QNetworkRequest request(QUrl::fromEncoded(QByteArray(server.url().toEncoded() + path)));
    request.setRawHeader("Authorization", "Bearer " + server.accessToken().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(5000);
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        qFatal("no answer within 10 s");
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.json = QJsonDocument::fromJson(reply->readAll()).object();
    r.hasRetryAfter = reply->hasRawHeader("Retry-After");
    r.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return r;
}

void TestSandboxLimits::writesPastTheLimitAreThrottledInGraphsShape()
{
    SandboxOptions options;
    options.throttling.writeLimit = 3;
    options.throttling.windowMs = 60000;
    options.throttling.omitRetryAfterEvery = 2;
    SandboxServer server(options);
    QVERIFY(server.listen());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send(server, "POST", assignmentsPath(server), collectionBody(i)).status, 201);
    const Reply first = send(server, "POST", assignmentsPath(server), collectionBody(3));
    QCOMPARE(first.status, 429);
    QCOMPARE(first.json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"TooManyRequests"_s);
    QVERIFY(first.json.value(u"error"_s).toObject().value(u"innerError"_s).toObject().contains(u"request-id"_s));
    QVERIFY(first.hasRetryAfter);
    const int seconds = first.retryAfter.toInt();
    QVERIFY2(seconds >= 59 && seconds <= 60, first.retryAfter.constData()); // until the first write leaves the window
    // Every second 429 comes without Retry-After, as Graph's sometimes do.
    const Reply second = send(server, "POST", assignmentsPath(server), collectionBody(4));
    QCOMPARE(second.status, 429);
    QVERIFY(!second.hasRetryAfter);
    QCOMPARE(server.tenant().throttledCount(), 2);
    QCOMPARE(server.tenant().writeCount(), 3); // the throttled ones did not land
    QCOMPARE(server.tenant().assignmentsOf(server.tenant().limitConfigurationId()).size(), 3 + 3);
    // Reads are not writes.
    QCOMPARE(send(server, "GET", assignmentsPath(server)).status, 200);
}

void TestSandboxLimits::throttledWindowSlidesOpenAgain()
{
    SandboxOptions options;
    options.throttling.writeLimit = 2;
    options.throttling.windowMs = 600;
    SandboxServer server(options);
    QVERIFY(server.listen());
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(send(server, "POST", assignmentsPath(server), collectionBody(1)).status, 201);
    QCOMPARE(send(server, "POST", assignmentsPath(server), collectionBody(2)).status, 201);
    const Reply throttled = send(server, "POST", assignmentsPath(server), collectionBody(3));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.retryAfter, QByteArray("1")); // whole seconds, rounded up
    // Throttled requests count too: once all three left the window, it is open.
    QTest::qWait(int(std::max<qint64>(0, 650 - clock.elapsed())));
    QCOMPARE(send(server, "POST", assignmentsPath(server), collectionBody(4)).status, 201);
}

void TestSandboxLimits::requestLimitCoversReads()
{
    SandboxOptions options;
    options.throttling.requestLimit = 4;
    options.throttling.windowMs = 60000;
    SandboxServer server(options);
    QVERIFY(server.listen());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(send(server, "GET", assignmentsPath(server)).status, 200);
    const Reply r = send(server, "GET", assignmentsPath(server));
    QCOMPARE(r.status, 429);
    QVERIFY(r.hasRetryAfter);
}

void TestSandboxLimits::batchAnswersEachRequestOnItsOwn()
{
    SandboxServer server;
    QVERIFY(server.listen());
    const QString limit = server.tenant().limitConfigurationId();
    const QString config = u"/deviceManagement/deviceEnrollmentConfigurations/"_s + limit;
    const QString assignments = config + u"/assignments"_s;
    const QJsonObject body {{u"requests"_s,
        QJsonArray {
            QJsonObject {{u"id"_s, u"1"_s}, {u"method"_s, u"GET"_s}, {u"url"_s, config}},
            QJsonObject {{u"id"_s, u"2"_s}, {u"method"_s, u"GET"_s}, {u"url"_s, assignments}},
            QJsonObject {{u"id"_s, u"3"_s}, {u"method"_s, u"GET"_s},
                {u"url"_s, u"/deviceManagement/deviceEnrollmentConfigurations/00000000-0000-0000-0000-00000000abcd"_s}},
            QJsonObject {{u"id"_s, u"4"_s}, {u"method"_s, u"POST"_s}, {u"url"_s, assignments},
                {u"headers"_s, QJsonObject {{u"Content-Type"_s, u"application/json"_s}}},
                {u"body"_s, QJsonDocument::fromJson(collectionBody(7)).object()}},
        }}};
    const Reply r = send(server, "POST", "/v1.0/$batch", QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(r.status, 200);
    const QJsonArray responses = r.json.value(u"responses"_s).toArray();
    QCOMPARE(responses.size(), 4);
    QCOMPARE(responses.at(0)[u"id"_s].toString(), u"1"_s);
    QCOMPARE(responses.at(0)[u"status"_s].toInt(), 200);
    QCOMPARE(responses.at(0)[u"body"_s][u"id"_s].toString(), limit);
    QCOMPARE(responses.at(1)[u"status"_s].toInt(), 200);
    QCOMPARE(responses.at(1)[u"body"_s][u"value"_s].toArray().size(), 3);
    QCOMPARE(responses.at(2)[u"status"_s].toInt(), 404);
    QVERIFY(responses.at(2)[u"body"_s][u"error"_s].isObject());
    QCOMPARE(responses.at(3)[u"status"_s].toInt(), 201);
    // The batch itself is no write; the POST inside it is one.
    QCOMPARE(server.tenant().writeCount(), 1);
    QCOMPARE(server.tenant().assignmentsOf(limit).size(), 4);
}

void TestSandboxLimits::batchThrottlesEachRequestOnItsOwn()
{
    SandboxOptions options;
    options.throttling.requestLimit = 2;
    options.throttling.windowMs = 60000;
    options.throttling.omitRetryAfterEvery = 0;
    SandboxServer server(options);
    QVERIFY(server.listen());
    const Reply r = sendBatchOfGets(server, QString::fromLatin1(assignmentsPath(server).mid(5)), 3);
    QCOMPARE(r.status, 200); // the batch went through; one of its requests did not
    const QJsonArray responses = r.json.value(u"responses"_s).toArray();
    QCOMPARE(responses.at(0)[u"status"_s].toInt(), 200);
    QCOMPARE(responses.at(1)[u"status"_s].toInt(), 200);
    QCOMPARE(responses.at(2)[u"status"_s].toInt(), 429);
    QVERIFY(!responses.at(2)[u"headers"_s][u"Retry-After"_s].toString().isEmpty());
    QCOMPARE(responses.at(2)[u"body"_s][u"error"_s][u"code"_s].toString(), u"TooManyRequests"_s);
}

void TestSandboxLimits::batchOfMoreThanTwentyIsRefused()
{
    SandboxServer server;
    QVERIFY(server.listen());
    const Reply r = sendBatchOfGets(server, u"/deviceManagement/deviceEnrollmentConfigurations"_s, 21);
    QCOMPARE(r.status, 400);
    QCOMPARE(server.tenant().requestCount(), 1); // none of them ran
}

QTEST_GUILESS_MAIN(TestSandboxLimits)
#include "tst_sandboxlimits.moc"
