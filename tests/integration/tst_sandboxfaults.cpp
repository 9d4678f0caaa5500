// The sandbox HTTP server's fault hook, which every fault-injection test
// stands on (tests/common/SandboxWithFaults.h): what it sends reaches the
// client as sent, a dropped connection and a stall look like the network's,
// a delay delays (and holds back what is pipelined behind it), and a request
// it lets pass is the sandbox's as before.
#include "../common/SandboxWithFaults.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace ea;
using namespace ea::test;
using Route = SandboxWithFaults::Route;
using Fault = SandboxWithFaults::Fault;

namespace {

struct Answer
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
};

Answer send(QNetworkAccessManager &network, const QByteArray &verb, const QByteArray &url, const QString &token,
    const QByteArray &body = {})
{
    QNetworkRequest request(QUrl::fromEncoded(url));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(5000);
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        qFatal("no answer within 10 s");
    Answer answer;
    answer.error = reply->error();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return answer;
}

QByteArray configurationsUrl(SandboxWithFaults &graph)
{
    return graph.configurationsUrl();
}

QByteArray assignmentsUrl(SandboxWithFaults &graph)
{
    return graph.configurationsUrl() + '/' + graph.tenant().limitConfigurationId().toLatin1() + "/assignments";
}

const QByteArray kCollectionBody
    = R"({"target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget","collectionId":"SMS00001"}})";

} // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scriptedAnswerReachesTheClient();
    void droppedConnectionIsANetworkError();
    void stallNeverAnswers();
    void delayedAnswerArrivesLateAndInOrder();
    void passThroughIsTheSandboxAnswer();
    void faultAfterRouteKeepsTheWrite();
    void cutBodyIsAnError();
    void hookCanBeRemoved();

private:
    QNetworkAccessManager m_network;
};

void TestSandboxFaults::scriptedAnswerReachesTheClient()
{
    SandboxWithFaults graph;
    graph.inject(Route::ListConfigurations,
        Fault::graphError(503, QStringLiteral("ServiceUnavailable"), QStringLiteral("Busy."), "7"));
    const Answer answer = send(m_network, "GET", configurationsUrl(graph), graph.server().accessToken());
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.retryAfter, QByteArray("7"));
    QVERIFY2(answer.body.contains(R"("code":"ServiceUnavailable")"), answer.body.constData());
    QCOMPARE(graph.count(Route::ListConfigurations), 1);
    QCOMPARE(graph.tenant().requestCount(), 0); // the router never saw it
}

void TestSandboxFaults::droppedConnectionIsANetworkError()
{
    SandboxWithFaults graph;
    // Qt resends an idempotent GET once on a reset connection, so both drop.
    graph.inject(Route::ListConfigurations, Fault::close(), 2);
    const Answer answer = send(m_network, "GET", configurationsUrl(graph), graph.server().accessToken());
    QVERIFY2(answer.error != QNetworkReply::NoError, "a dropped connection must not look like an answer");
    QCOMPARE(answer.status, 0);
    QVERIFY(answer.body.isEmpty());
    QCOMPARE(graph.tenant().requestCount(), 0);
}

void TestSandboxFaults::stallNeverAnswers()
{
    // A raw socket, so nothing retries: the request is read and never answered.
    SandboxWithFaults graph([](const HttpRequest &, int) { return stall(); });
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, graph.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /v1.0/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_COMPARE(graph.requests().size(), 1);
    QVERIFY(!socket.waitForReadyRead(300));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestSandboxFaults::delayedAnswerArrivesLateAndInOrder()
{
    // The first of two pipelined requests is answered 300 ms late; the second
    // (answered at once by the script) must still come after it.
    SandboxWithFaults graph([](const HttpRequest &request, int) {
        HttpFault fault = json(200, request.rawTarget.endsWith("/first") ? "{\"n\":1}" : "{\"n\":2}");
        if (request.rawTarget.endsWith("/first"))
            fault.delay = std::chrono::milliseconds(300);
        return fault;
    });
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, graph.port());
    QVERIFY(socket.waitForConnected(5000));
    QElapsedTimer clock;
    clock.start();
    socket.write("GET /v1.0/first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                 "GET /v1.0/second HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("{\"n\":2}"), 5000);
    QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(received.indexOf("{\"n\":1}") >= 0);
    QVERIFY(received.indexOf("{\"n\":1}") < received.indexOf("{\"n\":2}"));
    QCOMPARE(graph.requests().size(), 2);
}

void TestSandboxFaults::passThroughIsTheSandboxAnswer()
{
    // No fault queued: the sandbox answers, token check and all.
    SandboxWithFaults graph;
    const Answer ok = send(m_network, "GET", configurationsUrl(graph), graph.server().accessToken());
    QCOMPARE(ok.status, 200);
    QVERIFY(ok.body.contains(graph.tenant().limitConfigurationId().toLatin1()));
    const Answer refused = send(m_network, "GET", configurationsUrl(graph), QStringLiteral("not-the-token"));
    QCOMPARE(refused.status, 401);
    QCOMPARE(graph.tenant().requestCount(), 2);
    QCOMPARE(graph.requests().size(), 2);

    // A script that lets a request pass hands it to the sandbox as well.
    graph.setScript([](const HttpRequest &request, int) -> std::optional<HttpFault> {
        if (request.rawTarget.contains("/assignments"))
            return std::nullopt;
        return json(418, "{}");
    });
    QCOMPARE(send(m_network, "GET", assignmentsUrl(graph), graph.server().accessToken()).status, 200);
    QCOMPARE(send(m_network, "GET", configurationsUrl(graph), graph.server().accessToken()).status, 418);
    QCOMPARE(graph.tenant().requestCount(), 3);
}

void TestSandboxFaults::faultAfterRouteKeepsTheWrite()
{
    // The write lands, its answer is lost: the server holds it, the client saw a 504.
    SandboxWithFaults graph;
    const int before = int(graph.tenant().assignmentsOf(graph.tenant().limitConfigurationId()).size());
    graph.inject(Route::CreateAssignment,
        Fault::graphError(504, QStringLiteral("GatewayTimeout"), QStringLiteral("Late.")).afterWrite());
    const Answer answer = send(m_network, "POST", assignmentsUrl(graph), graph.server().accessToken(), kCollectionBody);
    QCOMPARE(answer.status, 504);
    QCOMPARE(graph.tenant().assignmentsOf(graph.tenant().limitConfigurationId()).size(), before + 1);
    QCOMPARE(graph.tenant().writeCount(), 1);

    // Without afterWrite the same fault leaves the server untouched.
    graph.inject(
        Route::CreateAssignment, Fault::graphError(504, QStringLiteral("GatewayTimeout"), QStringLiteral("Late.")));
    QCOMPARE(send(m_network, "POST", assignmentsUrl(graph), graph.server().accessToken(), kCollectionBody).status, 504);
    QCOMPARE(graph.tenant().assignmentsOf(graph.tenant().limitConfigurationId()).size(), before + 1);
    QCOMPARE(graph.tenant().writeCount(), 1);
}

void TestSandboxFaults::cutBodyIsAnError()
{
    // The normal answer's head, half its body, a Content-Length promising more, then close.
    SandboxWithFaults graph;
    graph.inject(Route::ListConfigurations, Fault::truncated(), 2);
    const Answer answer = send(m_network, "GET", configurationsUrl(graph), graph.server().accessToken());
    QVERIFY2(answer.error != QNetworkReply::NoError, "a cut body must not read as complete");
    QCOMPARE(graph.tenant().requestCount(), graph.count(Route::ListConfigurations)); // routed, then spoiled
}

void TestSandboxFaults::hookCanBeRemoved()
{
    SandboxWithFaults graph([](const HttpRequest &, int) { return json(503, "{}"); });
    QCOMPARE(send(m_network, "GET", configurationsUrl(graph), graph.server().accessToken()).status, 503);
    graph.server().httpServer().setFaultHook({});
    QCOMPARE(send(m_network, "GET", configurationsUrl(graph), graph.server().accessToken()).status, 200);
    QCOMPARE(graph.requests().size(), 1); // the hook saw only the first
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
