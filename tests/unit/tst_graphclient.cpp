// GraphClient against a scripted HTTP server on loopback: what goes on the
// wire (headers, path encoding), paging, and the rules that keep the token
// with the Graph origin.
#include "../common/SandboxWithFaults.h"
#include "graph/GraphClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ea;
using namespace ea::test;

namespace {

const QString kToken = QStringLiteral("eyJ0eXAi.secret+token/with=chars");

// Hands out tokens from a list; counts forced refreshes.
class CountingTokens : public AccessTokenProvider
{
public:
    QStringList tokens {kToken};
    int refreshes = 0;
    void requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done) override
    {
        if (forceRefresh) {
            ++refreshes;
            if (tokens.size() < 2)
                return done(GraphError::local(GraphError::Kind::Refused, QStringLiteral("cannot refresh")));
            tokens.removeFirst();
        }
        done(tokens.first());
    }
};

struct Fixture
{
    explicit Fixture(SandboxWithFaults::Script script)
        : server(std::move(script))
    {
        QString problem;
        client.setEndpoint(GraphEndpoint::fromRootUrl(QString::fromLatin1(server.rootUrl()), ApiVersion::V1, &problem));
        Q_ASSERT(problem.isEmpty());
        client.setRetryPolicy(fastRetries());
    }

    static RetryPolicy fastRetries()
    {
        RetryPolicy policy;
        policy.baseDelay = std::chrono::milliseconds(5);
        return policy;
    }

    Result<GraphResponse> run(const GraphRequest &request)
    {
        GraphCall *call = client.send(request);
        QSignalSpy spy(call, &GraphCall::finished);
        std::optional<Result<GraphResponse>> result;
        QObject::connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
        if (!spy.wait(10000))
            qFatal("call did not finish");
        return *result;
    }

    SandboxWithFaults server;
    QNetworkAccessManager network;
    CountingTokens tokens;
    GraphClient client {&network, &tokens};
};

QByteArray page(const QByteArray &values, const QByteArray &nextLink = {})
{
    QByteArray body = R"({"value":[)" + values + "]";
    if (!nextLink.isEmpty())
        body += R"(,"@odata.nextLink":")" + nextLink + "\"";
    return body + "}";
}

} // namespace

class TestGraphClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsGraphHeaders();
    void clientRequestIdIsFreshPerCall();
    void idStaysOneEncodedPathSegment();
    void dotSegmentsAreRefusedBeforeSending();
    void followsNextLinksOnSameOrigin();
    void retryBookkeepingBelongsToEachPage();
    void requestMayAskForItsOwnApiVersion();
    void refusesNextLinkToAnotherHost();
    void refusesNextLinkLoop();
    void doesNotFollowRedirects();
    void replaysOnceAfter401WithRefreshedToken();
    void reports401WhenRefreshImpossible();
    void graphErrorCarriesStatusCodeAndIds();
    void invalidJsonOnSuccessIsAnError();
    void oversizedResponseIsCut();
    void timeoutIsNotReportedAsCancel();
    void cancelIsNotReportedAsTimeout();
    void connectionRefusedIsNetworkError();
    void connectTimeoutMeansNothingWasSent();
    void recordsNeverContainTheToken();
    void loggedBodyHoldsNoSpareCapacity();
    void retries_data();
    void retries();
    void retryWaitCanBeCancelled();
    void retryAfterHttpDateIsRead();
    void plainHttpOnlyForLoopback_data();
    void plainHttpOnlyForLoopback();
};

void TestGraphClient::sendsGraphHeaders()
{
    Fixture f([](const HttpRequest &, int) { return json(201, R"({"id":"a"})"); });
    GraphRequest request = GraphRequest::post(
        {QStringLiteral("deviceManagement"), QStringLiteral("x")}, QJsonObject {{QStringLiteral("k"), 1}});
    const auto result = f.run(request);
    QVERIFY(result.ok());
    QCOMPARE(result.value().httpStatus, 201);
    const HttpRequest &sent = f.server.requests().at(0);
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.rawTarget, QByteArray("/v1.0/deviceManagement/x"));
    QCOMPARE(sent.header("Authorization"), "Bearer " + kToken.toUtf8());
    QCOMPARE(sent.header("Accept"), QByteArray("application/json"));
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!sent.header("client-request-id").isEmpty());
    QCOMPARE(sent.body, QByteArray(R"({"k":1})"));
    QCOMPARE(result.value().clientRequestId, QString::fromLatin1(sent.header("client-request-id")));
}

void TestGraphClient::clientRequestIdIsFreshPerCall()
{
    Fixture f([](const HttpRequest &, int) { return json(200, "{}"); });
    QVERIFY(f.run(GraphRequest::get({QStringLiteral("a")})).ok());
    QVERIFY(f.run(GraphRequest::get({QStringLiteral("a")})).ok());
    QCOMPARE(f.server.requests().size(), 2);
    QVERIFY(f.server.requests()[0].header("client-request-id") != f.server.requests()[1].header("client-request-id"));
}

void TestGraphClient::idStaysOneEncodedPathSegment()
{
    Fixture f([](const HttpRequest &, int) { return json(200, "{}"); });
    const auto result = f.run(GraphRequest::get({QStringLiteral("configs"), QStringLiteral("a/b?c=d#e f%")}));
    QVERIFY(result.ok());
    QCOMPARE(f.server.requests().at(0).rawTarget, QByteArray("/v1.0/configs/a%2Fb%3Fc%3Dd%23e%20f%25"));
}

void TestGraphClient::dotSegmentsAreRefusedBeforeSending()
{
    Fixture f([](const HttpRequest &, int) { return json(200, "{}"); });
    const auto result = f.run(GraphRequest::del({QStringLiteral("configs"), QStringLiteral("..")}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, GraphError::Kind::Refused);
    QCOMPARE(f.server.requests().size(), 0);
}

void TestGraphClient::followsNextLinksOnSameOrigin()
{
    QByteArray root;
    Fixture f([&root](const HttpRequest &r, int) {
        if (r.rawTarget.contains("skip=2"))
            return json(200, page(R"({"id":"3"})"));
        if (r.rawTarget.contains("skip=1"))
            return json(200, page(R"({"id":"2"})", root + "/v1.0/list?skip=2"));
        return json(200, page(R"({"id":"1"})", root + "/v1.0/list?skip=1"));
    });
    root = f.server.rootUrl();
    GraphRequest request = GraphRequest::get({QStringLiteral("list")});
    request.followNextLinks = true;
    const auto result = f.run(request);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().summary()));
    QCOMPARE(result.value().values.size(), 3);
    QCOMPARE(result.value().values.at(2).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("3"));
    QCOMPARE(result.value().pageCount, 3);
    for (const HttpRequest &r : f.server.requests())
        QCOMPARE(r.header("Authorization"), "Bearer " + kToken.toUtf8());
}

void TestGraphClient::retryBookkeepingBelongsToEachPage()
{
    // Five pages; page 1 is throttled once, then page 4 three times. Each
    // page is one request with its own Retry-Attempt count and its own
    // budget of 3 retries: first attempts of later pages carry no header,
    // and page 4 still gets all three retries after page 1 used one.
    QByteArray root;
    QHash<int, int> failuresLeft {{1, 1}, {4, 3}};
    Fixture f([&](const HttpRequest &r, int) {
        const int pageNumber = r.rawTarget.contains("skip=") ? r.rawTarget.split('=').last().toInt() + 1 : 1;
        if (failuresLeft.value(pageNumber) > 0) {
            --failuresLeft[pageNumber];
            return json(503, R"({"error":{"code":"ServiceUnavailable","message":"busy"}})", {{"Retry-After", "0"}});
        }
        const QByteArray next
            = pageNumber < 5 ? root + "/v1.0/list?skip=" + QByteArray::number(pageNumber) : QByteArray();
        return json(200, page(R"({"id":")" + QByteArray::number(pageNumber) + R"("})", next));
    });
    root = f.server.rootUrl();
    GraphRequest request = GraphRequest::get({QStringLiteral("list")});
    request.followNextLinks = true;
    const auto result = f.run(request);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().summary()));
    QCOMPARE(result.value().values.size(), 5);
    QList<QByteArray> seen;
    for (const HttpRequest &r : f.server.requests())
        seen << (r.rawTarget.contains("skip=") ? r.rawTarget.mid(r.rawTarget.indexOf("skip=")) : QByteArray("first"))
                + ' ' + (r.header("Retry-Attempt").isEmpty() ? QByteArray("-") : r.header("Retry-Attempt"));
    const QList<QByteArray> expected {
        "first -", "first 1", "skip=1 -", "skip=2 -", "skip=3 -", "skip=3 1", "skip=3 2", "skip=3 3", "skip=4 -"};
    QCOMPARE(seen, expected);
}

void TestGraphClient::requestMayAskForItsOwnApiVersion()
{
    // Full-list writes read and write on beta whatever the session uses.
    Fixture f([](const HttpRequest &, int) { return json(200, page("")); });
    GraphRequest request = GraphRequest::get({QStringLiteral("list")});
    request.apiVersion = ApiVersion::Beta;
    QVERIFY(f.run(request).ok());
    QVERIFY(f.run(GraphRequest::get({QStringLiteral("list")})).ok());
    QCOMPARE(f.server.requests().size(), 2);
    QVERIFY2(
        f.server.requests().at(0).rawTarget.startsWith("/beta/list"), f.server.requests().at(0).rawTarget.constData());
    QVERIFY2(
        f.server.requests().at(1).rawTarget.startsWith("/v1.0/list"), f.server.requests().at(1).rawTarget.constData());
}

void TestGraphClient::refusesNextLinkToAnotherHost()
{
    // The "other host" is a second real server: it must never see a request.
    SandboxWithFaults other([](const HttpRequest &, int) { return json(200, page("")); });
    const QByteArray otherRoot = other.rootUrl().replace("127.0.0.1", "localhost");
    Fixture f([&otherRoot](const HttpRequest &, int) {
        return json(200, page(R"({"id":"1"})", otherRoot + "/v1.0/list?skip=1"));
    });
    GraphRequest request = GraphRequest::get({QStringLiteral("list")});
    request.followNextLinks = true;
    const auto result = f.run(request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, GraphError::Kind::Refused);
    QVERIFY(result.error().message.contains(QStringLiteral("localhost")));
    QCOMPARE(other.requests().size(), 0);
}

void TestGraphClient::refusesNextLinkLoop()
{
    QByteArray root;
    Fixture f([&root](const HttpRequest &r, int) {
        // Page 2 points back to page 1's URL.
        if (r.rawTarget.contains("skip=1"))
            return json(200, page(R"({"id":"2"})", root + "/v1.0/list"));
        return json(200, page(R"({"id":"1"})", root + "/v1.0/list?skip=1"));
    });
    root = f.server.rootUrl();
    GraphRequest request = GraphRequest::get({QStringLiteral("list")});
    request.followNextLinks = true;
    const auto result = f.run(request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, GraphError::Kind::InvalidResponse);
    QCOMPARE(f.server.requests().size(), 2);
}

void TestGraphClient::doesNotFollowRedirects()
{
    SandboxWithFaults other([](const HttpRequest &, int) { return json(200, "{}"); });
    const QByteArray location = other.rootUrl() + "/v1.0/steal";
    Fixture f([&location](const HttpRequest &, int) {
        return HttpFault::answer(httpResponse(307, {}, {}, {{"Location", location}}));
    });
    const auto result = f.run(GraphRequest::get({QStringLiteral("x")}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, GraphError::Kind::Refused);
    QCOMPARE(result.error().httpStatus, 307);
    QCOMPARE(other.requests().size(), 0);
}

void TestGraphClient::replaysOnceAfter401WithRefreshedToken()
{
    Fixture f([](const HttpRequest &r, int) {
        if (r.header("Authorization") == "Bearer fresh")
            return json(200, R"({"ok":true})");
        return json(401, R"({"error":{"code":"InvalidAuthenticationToken","message":"expired"}})");
    });
    f.tokens.tokens = {kToken, QStringLiteral("fresh")};
    const auto result = f.run(GraphRequest::get({QStringLiteral("x")}));
    QVERIFY(result.ok());
    QCOMPARE(f.tokens.refreshes, 1);
    QCOMPARE(f.server.requests().size(), 2);
}

void TestGraphClient::reports401WhenRefreshImpossible()
{
    Fixture f([](const HttpRequest &, int) {
        return json(401, R"({"error":{"code":"InvalidAuthenticationToken","message":"expired"}})");
    });
    const auto result = f.run(GraphRequest::get({QStringLiteral("x")}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().httpStatus, 401);
    QCOMPARE(result.error().code, QStringLiteral("InvalidAuthenticationToken"));
    QCOMPARE(f.server.requests().size(), 1); // no replay without a new token
}

void TestGraphClient::graphErrorCarriesStatusCodeAndIds()
{
    Fixture f([](const HttpRequest &, int) {
        return json(404,
            R"({"error":{"code":"ResourceNotFound","message":"gone","innerError":{"request-id":"rid-9"}}})",
            {{"x-ms-ags-diagnostic", R"({"ServerInfo":{}})"}});
    });
    const auto result = f.run(GraphRequest::get({QStringLiteral("x")}));
    QVERIFY(!result.ok());
    const GraphError &e = result.error();
    QCOMPARE(e.httpStatus, 404);
    QCOMPARE(e.code, QStringLiteral("ResourceNotFound"));
    QCOMPARE(e.requestId, QStringLiteral("rid-9"));
    QCOMPARE(e.clientRequestId, QString::fromLatin1(f.server.requests().at(0).header("client-request-id")));
    QCOMPARE(e.diagnostics, QStringLiteral("{\"ServerInfo\":{}}"));
}

void TestGraphClient::invalidJsonOnSuccessIsAnError()
{
    Fixture f(
        [](const HttpRequest &, int) { return HttpFault::answer(httpResponse(200, "<html>x</html>", "text/html")); });
    const auto result = f.run(GraphRequest::get({QStringLiteral("x")}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, GraphError::Kind::InvalidResponse);
    QCOMPARE(result.error().httpStatus, 200);
}

void TestGraphClient::oversizedResponseIsCut()
{
    Fixture f([](const HttpRequest &, int) { return json(200, R"({"value":")" + QByteArray(200000, 'x') + "\"}"); });
    f.client.setMaxResponseBytes(64 * 1024);
    const auto result = f.run(GraphRequest::get({QStringLiteral("x")}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, GraphError::Kind::InvalidResponse);
}

void TestGraphClient::timeoutIsNotReportedAsCancel()
{
    Fixture f([](const HttpRequest &, int) { return stall(); });
    f.client.setTransferTimeout(std::chrono::milliseconds(300));
    const auto result = f.run(GraphRequest::get({QStringLiteral("x")}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, GraphError::Kind::Timeout);
    QCOMPARE(f.server.requests().size(), 4); // a read is tried again after a timeout

    // A write that timed out may have landed: it is never sent again here.
    Fixture w([](const HttpRequest &, int) { return stall(); });
    w.client.setTransferTimeout(std::chrono::milliseconds(300));
    const auto write = w.run(GraphRequest::post({QStringLiteral("x")}, QJsonObject {}));
    QCOMPARE(write.error().kind, GraphError::Kind::Timeout);
    QVERIFY(write.error().isAmbiguousForWrite());
    QCOMPARE(w.server.requests().size(), 1);
}

void TestGraphClient::cancelIsNotReportedAsTimeout()
{
    Fixture f([](const HttpRequest &, int) { return stall(); });
    GraphCall *call = f.client.send(GraphRequest::get({QStringLiteral("x")}));
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_COMPARE(f.server.requests().size(), 1);
    call->cancel();
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, GraphError::Kind::Cancelled);
}

void TestGraphClient::connectionRefusedIsNetworkError()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    QNetworkAccessManager network;
    CountingTokens tokens;
    GraphClient client(&network, &tokens);
    client.setRetryPolicy(Fixture::fastRetries());
    QString problem;
    client.setEndpoint(
        GraphEndpoint::fromRootUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort), ApiVersion::V1, &problem));
    GraphCall *call = client.send(GraphRequest::get({QStringLiteral("x")}));
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, GraphError::Kind::Network);
    // Nothing reached a server: a write could not have landed.
    QVERIFY(!result->error().requestMaybeSent);
}

void TestGraphClient::connectTimeoutMeansNothingWasSent()
{
    // A TLS endpoint that accepts the TCP connection and never answers the
    // handshake (a dead proxy or VPN gateway): the request cannot get out.
    QTcpServer blackHole;
    QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> connections;
    QByteArray received;
    connect(&blackHole, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = blackHole.nextPendingConnection()) {
            connections.append(socket);
            connect(socket, &QTcpSocket::readyRead, this, [&, socket] { received += socket->readAll(); });
        }
    });
    QNetworkAccessManager network;
    CountingTokens tokens;
    GraphClient client(&network, &tokens);
    client.setRetryPolicy(Fixture::fastRetries());
    client.setConnectTimeout(std::chrono::milliseconds(300));
    client.setTransferTimeout(std::chrono::milliseconds(60000));
    QString problem;
    client.setEndpoint(GraphEndpoint::fromRootUrl(
        QStringLiteral("https://127.0.0.1:%1").arg(blackHole.serverPort()), ApiVersion::V1, &problem));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QElapsedTimer elapsed;
    elapsed.start();
    GraphCall *call = client.send(GraphRequest::post({QStringLiteral("x")}, QJsonObject {}));
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);

    // Told apart from the 60 s transfer timeout, and known to be harmless:
    // no HTTP byte left the client, so even this write is safely retried.
    QCOMPARE(result->error().kind, GraphError::Kind::Timeout);
    QVERIFY(!result->error().requestMaybeSent);
    QVERIFY2(result->error().message.contains(QStringLiteral("nothing was sent")), qPrintable(result->error().message));
    QVERIFY(elapsed.elapsed() < 20000);
    QVERIFY(!connections.isEmpty());
    QVERIFY(!received.isEmpty());
    QCOMPARE(received.at(0), char(0x16)); // a TLS handshake record, not HTTP
    QVERIFY(!received.contains("POST"));
}

void TestGraphClient::recordsNeverContainTheToken()
{
    Fixture f([](const HttpRequest &, int) { return json(200, "{}"); });
    QList<ExchangeRecord> records;
    connect(&f.client, &GraphClient::exchangeStarted, this, [&](const ExchangeRecord &r) { records.append(r); });
    connect(&f.client, &GraphClient::exchangeFinished, this, [&](const ExchangeRecord &r) { records.append(r); });
    QVERIFY(f.run(GraphRequest::get({QStringLiteral("x")})).ok());
    QCOMPARE(records.size(), 2);
    for (const ExchangeRecord &r : records) {
        bool sawAuthorization = false;
        for (const auto &[name, value] : r.requestHeaders) {
            QVERIFY(!value.contains(kToken.toUtf8()));
            if (name == "Authorization") {
                sawAuthorization = true;
                QCOMPARE(value, QByteArray("Bearer [redacted]"));
            }
        }
        QVERIFY(sawAuthorization);
    }
    QVERIFY(records.at(1).finished);
    QCOMPARE(records.at(1).httpStatus, 200);
}

// The request log keeps many response bodies (issue 15, P5): each must cost
// its own size, not the reading buffer's spare room behind it.
void TestGraphClient::loggedBodyHoldsNoSpareCapacity()
{
    const QByteArray body = R"({"value":")" + QByteArray(40000, 'x') + "\"}";
    Fixture f([body](const HttpRequest &, int) { return json(200, body); });
    std::optional<ExchangeRecord> finished;
    connect(&f.client, &GraphClient::exchangeFinished, this, [&](const ExchangeRecord &r) { finished = r; });
    QVERIFY(f.run(GraphRequest::get({QStringLiteral("x")})).ok());
    QVERIFY(finished);
    QCOMPARE(finished->responseBody, body);
    QCOMPARE(finished->responseBody.capacity(), finished->responseBody.size());
}

void TestGraphClient::retries_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("failures"); // how many times the server fails before succeeding
    QTest::addColumn<int>("expectedSends"); // requests the server sees
    QTest::addColumn<bool>("succeeds");
    QTest::newRow("read 429 retry-after") << QByteArray("GET") << 429 << QByteArray("0") << 2 << 3 << true;
    QTest::newRow("read 429 no retry-after") << QByteArray("GET") << 429 << QByteArray() << 1 << 2 << true;
    QTest::newRow("read 503") << QByteArray("GET") << 503 << QByteArray() << 1 << 2 << true;
    QTest::newRow("read 504") << QByteArray("GET") << 504 << QByteArray() << 1 << 2 << true;
    QTest::newRow("read 500 not retried") << QByteArray("GET") << 500 << QByteArray() << 1 << 1 << false;
    QTest::newRow("read 429 gives up after 3 retries")
        << QByteArray("GET") << 429 << QByteArray("0") << 10 << 4 << false;
    // A write answered at all may have landed: GraphClient hands every such
    // answer to the service, which reads before it ever sends again.
    QTest::newRow("write 429 not retried here") << QByteArray("POST") << 429 << QByteArray("0") << 1 << 1 << false;
    QTest::newRow("write 503 with retry-after not retried here")
        << QByteArray("POST") << 503 << QByteArray("0") << 1 << 1 << false;
    QTest::newRow("write 503 without retry-after not retried")
        << QByteArray("POST") << 503 << QByteArray() << 1 << 1 << false;
    QTest::newRow("write 504 not retried") << QByteArray("POST") << 504 << QByteArray() << 1 << 1 << false;
    QTest::newRow("write 500 not retried") << QByteArray("POST") << 500 << QByteArray() << 1 << 1 << false;
    QTest::newRow("retry-after too long not waited")
        << QByteArray("GET") << 429 << QByteArray("3600") << 1 << 1 << false;
}

void TestGraphClient::retries()
{
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, failures);
    QFETCH(int, expectedSends);
    QFETCH(bool, succeeds);
    Fixture f([&](const HttpRequest &, int index) {
        if (index < failures)
            return json(status, R"({"error":{"code":"TooManyRequests","message":"slow down"}})",
                retryAfter.isEmpty() ? QList<std::pair<QByteArray, QByteArray>> {}
                                     : QList<std::pair<QByteArray, QByteArray>> {{"Retry-After", retryAfter}});
        return json(method == "POST" ? 201 : 200, R"({"id":"x"})");
    });
    RetryPolicy policy;
    policy.baseDelay = std::chrono::milliseconds(10);
    f.client.setRetryPolicy(policy);
    QList<int> attempts;
    GraphRequest request = method == "POST" ? GraphRequest::post({QStringLiteral("x")}, QJsonObject {})
                                            : GraphRequest::get({QStringLiteral("x")});
    GraphCall *call = f.client.send(request);
    connect(call, &GraphCall::retryScheduled, this, [&](int attempt, qint64, const QString &) { attempts << attempt; });
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->ok(), succeeds);
    QCOMPARE(int(f.server.requests().size()), expectedSends);
    QCOMPARE(int(attempts.size()), expectedSends - 1);
    for (int i = 0; i < f.server.requests().size(); ++i) {
        const QByteArray header = f.server.requests().at(i).header("Retry-Attempt");
        QCOMPARE(header, i == 0 ? QByteArray() : QByteArray::number(i));
    }
    if (!succeeds)
        QCOMPARE(result->error().httpStatus, status);
}

void TestGraphClient::retryWaitCanBeCancelled()
{
    Fixture f([](const HttpRequest &, int) {
        return json(429, R"({"error":{"code":"TooManyRequests","message":"wait"}})", {{"Retry-After", "30"}});
    });
    GraphCall *call = f.client.send(GraphRequest::get({QStringLiteral("x")}));
    QSignalSpy scheduled(call, &GraphCall::retryScheduled);
    std::optional<Result<GraphResponse>> result;
    connect(call, &GraphCall::finished, call, [&] { result = call->result(); });
    QTRY_COMPARE(scheduled.size(), 1);
    QCOMPARE(scheduled.at(0).at(1).toLongLong(), 30000);
    call->cancel();
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind, GraphError::Kind::Cancelled);
    QCOMPARE(f.server.requests().size(), 1);
}

void TestGraphClient::retryAfterHttpDateIsRead()
{
    const QDateTime in30 = QDateTime::currentDateTimeUtc().addSecs(30);
    const QByteArray date = QLocale::c().toString(in30, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    const int seconds = parseRetryAfterSeconds(date);
    QVERIFY2(seconds >= 28 && seconds <= 30, qPrintable(QString::number(seconds)));
    QCOMPARE(parseRetryAfterSeconds("12"), 12);
    QCOMPARE(parseRetryAfterSeconds(""), -1);
    QCOMPARE(parseRetryAfterSeconds("soon"), -1);
}

void TestGraphClient::plainHttpOnlyForLoopback_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("graph") << QStringLiteral("https://graph.microsoft.com") << true;
    QTest::newRow("graph slash") << QStringLiteral("https://graph.microsoft.com/") << true;
    QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8080") << true;
    QTest::newRow("localhost http") << QStringLiteral("http://localhost:8080") << true;
    QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:8080") << true;
    QTest::newRow("remote http") << QStringLiteral("http://graph.microsoft.com") << false;
    QTest::newRow("private http") << QStringLiteral("http://10.0.0.5") << false;
    QTest::newRow("with version path") << QStringLiteral("https://graph.microsoft.com/v1.0") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://graph.microsoft.com") << false;
    QTest::newRow("user info") << QStringLiteral("https://u:p@graph.microsoft.com") << false;
    QTest::newRow("not a url") << QStringLiteral("graph") << false;
}

void TestGraphClient::plainHttpOnlyForLoopback()
{
    QFETCH(QString, root);
    QFETCH(bool, accepted);
    QString problem;
    const GraphEndpoint e = GraphEndpoint::fromRootUrl(root, ApiVersion::V1, &problem);
    QCOMPARE(e.isValid(), accepted);
    QCOMPARE(problem.isEmpty(), accepted);
}

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"
