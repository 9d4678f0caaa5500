// Writes over HTTP/2 (issue 12, item 4): Qt uses HTTP/2 for https whenever
// the server offers it (Graph does), and GraphClient's connect timeout
// ("nothing was sent") stops on QNetworkReply::requestSent/metaDataChanged.
// Against a real HTTP/2 TLS server on 127.0.0.1 (tests/support/h2_test_server.py,
// python3-h2) this proves, by counting what the server received:
//  - a slow POST (answered after the connect timeout, before the call
//    timeout) is sent exactly once and succeeds;
//  - a POST that is never answered is reported as "may have been sent";
//  - many writes queued on one connection (the server allows two streams;
//    Qt's own limit over HTTP/1.1 is six connections) each reach the server at
//    most once, and a write reported as "not sent" really never arrived.
// Every case also runs over HTTP/1.1 (the same server offering only
// http/1.1 in ALPN) for comparison. Qt's reply signals are recorded per
// request, so the log shows when Qt emits requestSent on each protocol.
#include "graph/GraphClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#endif

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

using namespace ea;
using namespace std::chrono_literals;

namespace {

const char *const kPython = "/usr/bin/python3"; // Debian's, with python3-h2 (a pyenv python on PATH has no h2)

// One line of the server's log: "EVENT key=value ... t=seconds".
struct ServerEvent
{
    QString event;
    QHash<QString, QString> fields;
    QString operator[](const QString &key) const { return fields.value(key); }
};

// The test server as a child process; its standard output is its log.
class TestServer
{
public:
    ~TestServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

    bool start(const QString &alpn, int maxStreams, QString *problem)
    {
        QStringList args {QFINDTESTDATA("../support/h2_test_server.py"), QStringLiteral("--cert"),
            QFINDTESTDATA("../data/h2-loopback-cert.pem"), QStringLiteral("--key"),
            QFINDTESTDATA("../data/h2-loopback-key.pem"), QStringLiteral("--alpn"), alpn, QStringLiteral("--lifetime"),
            QStringLiteral("90")};
        if (maxStreams > 0)
            args << QStringLiteral("--max-streams") << QString::number(maxStreams);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] { readLines(); });
        m_process.start(QString::fromLatin1(kPython), args);
        if (!m_process.waitForStarted(5000)) {
            *problem = QStringLiteral("could not start %1: %2").arg(QLatin1String(kPython), m_process.errorString());
            return false;
        }
        if (!QTest::qWaitFor([this] { return m_port > 0 || m_process.state() == QProcess::NotRunning; }, 10000)
            || m_port <= 0) {
            *problem = QStringLiteral("the test server did not say \"listening on PORT\"");
            return false;
        }
        return true;
    }

    int port() const { return m_port; }
    const QList<ServerEvent> &events() const { return m_events; }

    QList<ServerEvent> eventsOf(const QString &event, const QString &method = {}) const
    {
        QList<ServerEvent> out;
        for (const ServerEvent &e : m_events) {
            if (e.event == event && (method.isEmpty() || e[QStringLiteral("method")] == method))
                out << e;
        }
        return out;
    }
    // Complete POSTs whose path contains marker.
    int postsReceived(const QString &marker = {}) const
    {
        int n = 0;
        for (const ServerEvent &e : eventsOf(QStringLiteral("REQUEST"), QStringLiteral("POST")))
            n += e[QStringLiteral("path")].contains(marker) ? 1 : 0;
        return n;
    }
    // Every connection negotiated the protocol asked for (ALPN), and there was one.
    bool negotiated(bool h2) const
    {
        const QList<ServerEvent> connections = eventsOf(QStringLiteral("CONNECTION"));
        return !connections.isEmpty()
            && std::all_of(connections.begin(), connections.end(), [h2](const ServerEvent &e) {
                   return e[QStringLiteral("alpn")] == (h2 ? QLatin1String("h2") : QLatin1String("http/1.1"));
               });
    }
    QString log() const { return m_rawLines.join(u'\n'); }

private:
    void readLines()
    {
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            m_rawLines << line;
            static const QRegularExpression listening(QStringLiteral("^listening on (\\d+)$"));
            if (const auto m = listening.match(line); m.hasMatch()) {
                m_port = m.captured(1).toInt();
                continue;
            }
            const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
            if (parts.isEmpty())
                continue;
            ServerEvent e;
            e.event = parts.first();
            for (const QString &part : parts.mid(1)) {
                const qsizetype eq = part.indexOf(u'=');
                if (eq > 0)
                    e.fields.insert(part.left(eq), part.mid(eq + 1));
            }
            m_events << e;
        }
    }

    QProcess m_process;
    int m_port = 0;
    QList<ServerEvent> m_events;
    QStringList m_rawLines;
};

// What Qt's reply did, per request, in ms since the request was created.
struct ReplyTrace
{
    QByteArray method;
    QString path;
    QList<qint64> requestSentAt;
    qint64 firstMetaDataAt = -1;
    qint64 finishedAt = -1;
    qint64 lastUploadProgressAt = -1;
    bool http2WasUsed = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QString describe() const
    {
        QStringList sent;
        for (qint64 t : requestSentAt)
            sent << QString::number(t);
        return QStringLiteral("%1 %2: http2=%3 requestSent@[%4] ms, upload done@%5 ms, metaData@%6 ms, "
                              "finished@%7 ms, status %8, error %9")
            .arg(QString::fromLatin1(method), path)
            .arg(http2WasUsed ? QStringLiteral("yes") : QStringLiteral("no"))
            .arg(sent.join(u','))
            .arg(lastUploadProgressAt)
            .arg(firstMetaDataAt)
            .arg(finishedAt)
            .arg(status)
            .arg(int(error));
    }
};

// The real QNetworkAccessManager, with every reply's signals recorded.
class TracingNetworkAccessManager : public QNetworkAccessManager
{
public:
    QList<std::shared_ptr<ReplyTrace>> traces;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        auto trace = std::make_shared<ReplyTrace>();
        trace->method = reply->operation() == PostOperation
            ? QByteArrayLiteral("POST")
            : request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        if (trace->method.isEmpty())
            trace->method = reply->operation() == GetOperation ? QByteArrayLiteral("GET") : QByteArrayLiteral("?");
        trace->path = request.url().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        traces << trace;
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        connect(reply, &QNetworkReply::requestSent, this, [trace, clock] { trace->requestSentAt << clock->elapsed(); });
        connect(reply, &QNetworkReply::uploadProgress, this, [trace, clock](qint64 sent, qint64 total) {
            if (total > 0 && sent == total)
                trace->lastUploadProgressAt = clock->elapsed();
        });
        connect(reply, &QNetworkReply::metaDataChanged, this, [trace, clock] {
            if (trace->firstMetaDataAt < 0)
                trace->firstMetaDataAt = clock->elapsed();
        });
        connect(reply, &QNetworkReply::finished, this, [trace, clock, reply] {
            trace->finishedAt = clock->elapsed();
            trace->http2WasUsed = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
            trace->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            trace->error = reply->error();
        });
        return reply;
    }
};

class FixedToken final : public AccessTokenProvider
{
public:
    void requestAccessToken(bool, const ResultCallback<QString> &done) override { done(QStringLiteral("test-token")); }
};

// Quick retries, so that a write wrongly classified "not sent" would show up
// at the server as a second POST within the test's time.
RetryPolicy fastRetries()
{
    RetryPolicy policy;
    policy.baseDelay = 20ms;
    policy.maxDelay = 100ms;
    return policy;
}

QString describe(const Result<GraphResponse> &result)
{
    if (result.ok())
        return QStringLiteral("HTTP %1").arg(result.value().httpStatus);
    const GraphError &e = result.error();
    return QStringLiteral("error kind %1, HTTP %2, maybeSent %3: %4")
        .arg(int(e.kind))
        .arg(e.httpStatus)
        .arg(e.requestMaybeSent ? QStringLiteral("yes") : QStringLiteral("no"))
        .arg(e.message);
}

QString protocolName(bool h2)
{
    return h2 ? QStringLiteral("HTTP/2") : QStringLiteral("HTTP/1.1");
}

// One GraphClient against one freshly started server.
struct Harness
{
    TestServer server;
    TracingNetworkAccessManager network;
    FixedToken tokens;
    std::unique_ptr<GraphClient> client;
    int exchangesStarted = 0;

    bool start(bool h2, int maxStreams, std::chrono::milliseconds connectTimeout, std::chrono::milliseconds callTimeout,
        QString *problem)
    {
        if (!server.start(h2 ? QStringLiteral("h2") : QStringLiteral("http/1.1"), maxStreams, problem))
            return false;
        const GraphEndpoint endpoint = GraphEndpoint::fromRootUrl(
            QStringLiteral("https://127.0.0.1:%1").arg(server.port()), ApiVersion::V1, problem);
        if (!endpoint.isValid())
            return false;
        client = std::make_unique<GraphClient>(&network, &tokens);
        client->setEndpoint(endpoint);
        client->setConnectTimeout(connectTimeout);
        client->setTransferTimeout(callTimeout);
        client->setRetryPolicy(fastRetries());
        QObject::connect(client.get(), &GraphClient::exchangeStarted, client.get(),
            [this](const ExchangeRecord &) { ++exchangesStarted; });
        return true;
    }

    // Starts a POST; *out is set when GraphClient reports.
    void post(const QString &marker, const QList<std::pair<QString, QString>> &script,
        std::optional<Result<GraphResponse>> *out)
    {
        GraphRequest request = GraphRequest::post(
            {QStringLiteral("deviceManagement"), QStringLiteral("deviceEnrollmentConfigurations"), marker,
                QStringLiteral("assignments")},
            QJsonObject {{QStringLiteral("target"),
                QJsonObject {
                    {QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.allDevicesAssignmentTarget")}}}});
        request.queryItems = script;
        GraphCall *call = client->send(request);
        QObject::connect(call, &GraphCall::finished, call, [call, out] { *out = call->result(); });
    }

    // Ends Qt's connections to the server and waits until the server has seen
    // every one of them close. All that Qt sent on them has then been read and
    // logged by the server, and nothing more can come on them: a resend shows
    // up in the counts however late it was sent, without a fixed wait.
    [[nodiscard]] bool closeConnections()
    {
        network.clearConnectionCache();
        return QTest::qWaitFor(
            [this] {
                return server.eventsOf(QStringLiteral("CLOSED")).size()
                    >= server.eventsOf(QStringLiteral("CONNECTION")).size();
            },
            20000);
    }

    void dumpTraces() const
    {
        for (const auto &trace : network.traces)
            qInfo().noquote() << "  Qt:" << trace->describe();
        qInfo().noquote() << "  server log:\n" << server.log();
    }
};

} // namespace

class TestHttp2Writes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void slowPostIsSentOnceAndSucceeds_data() { protocols(); }
    void slowPostIsSentOnceAndSucceeds();
    void unansweredPostMayHaveBeenSent_data() { protocols(); }
    void unansweredPostMayHaveBeenSent();
    void queuedWritesAreSentAtMostOnce_data() { protocols(); }
    void queuedWritesAreSentAtMostOnce();

private:
    static void protocols()
    {
        QTest::addColumn<bool>("h2");
        QTest::newRow("h2") << true;
        QTest::newRow("http/1.1") << false;
    }
};

void TestHttp2Writes::initTestCase()
{
#if !QT_CONFIG(ssl)
    QSKIP("Qt was built without TLS");
#else
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend");
    if (!QFile::exists(QString::fromLatin1(kPython)))
        QSKIP("/usr/bin/python3 is missing; install python3 and python3-h2 (.ci/install-deps does)");
    QProcess probe;
    probe.start(QString::fromLatin1(kPython), {QStringLiteral("-c"), QStringLiteral("import h2.connection")});
    if (!probe.waitForFinished(20000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("/usr/bin/python3 has no h2 module; install python3-h2 (.ci/install-deps does)");

    // Trust exactly the test server's throwaway certificate, in addition to
    // the system's roots: GraphClient builds its requests with the default
    // TLS configuration and never ignores certificate errors.
    QFile certFile(QFINDTESTDATA("../data/h2-loopback-cert.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(config);
#endif
}

// The server reads the whole POST, then waits longer than the connect timeout
// (but less than the call timeout) before answering 201. The connect timer
// must have been stopped by Qt's requestSent: one POST, one success.
void TestHttp2Writes::slowPostIsSentOnceAndSucceeds()
{
    QFETCH(bool, h2);
    Harness h;
    QString problem;
    QVERIFY2(h.start(h2, 0, 2000ms, 6000ms, &problem), qPrintable(problem));

    std::optional<Result<GraphResponse>> result;
    QElapsedTimer clock;
    clock.start();
    h.post(QStringLiteral("slow"), {{QStringLiteral("delay_ms"), QStringLiteral("3000")}}, &result);
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 15000));
    const qint64 took = clock.elapsed();
    QVERIFY2(h.closeConnections(), qPrintable(h.server.log()));
    qInfo().noquote() << protocolName(h2) << "slow POST:" << describe(*result) << "after" << took << "ms";
    h.dumpTraces();

    QCOMPARE(int(h.network.traces.size()), h.exchangesStarted);
    QVERIFY(!h.network.traces.isEmpty());
    QCOMPARE(h.network.traces.first()->http2WasUsed, h2);
    QVERIFY(h.server.negotiated(h2));
    QVERIFY2(!h.network.traces.first()->requestSentAt.isEmpty(), "Qt never emitted requestSent for the POST");
    QVERIFY2(h.network.traces.first()->requestSentAt.first() < 2000, "requestSent came only after the connect timeout");
    QVERIFY2(result->ok(), qPrintable(describe(*result)));
    QCOMPARE(result->value().httpStatus, 201);
    QCOMPARE(h.server.postsReceived(), 1);
    QCOMPARE(h.exchangesStarted, 1);
    QVERIFY2(took >= 2900, "the answer cannot have come before the server's delay");
}

// The server reads the POST and never answers. After the call timeout the
// POST had reached the server, so GraphClient must say "may have been sent"
// (the service layer then settles it with a re-read) and never send it again.
void TestHttp2Writes::unansweredPostMayHaveBeenSent()
{
    QFETCH(bool, h2);
    Harness h;
    QString problem;
    QVERIFY2(h.start(h2, 0, 2000ms, 4000ms, &problem), qPrintable(problem));

    std::optional<Result<GraphResponse>> result;
    QElapsedTimer clock;
    clock.start();
    h.post(QStringLiteral("unanswered"), {{QStringLiteral("never"), QStringLiteral("1")}}, &result);
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 15000));
    const qint64 took = clock.elapsed();
    QVERIFY2(h.closeConnections(), qPrintable(h.server.log()));
    qInfo().noquote() << protocolName(h2) << "unanswered POST:" << describe(*result) << "after" << took << "ms";
    h.dumpTraces();

    QVERIFY(!h.network.traces.isEmpty());
    QVERIFY(h.server.negotiated(h2));
    QVERIFY(!result->ok());
    const GraphError &e = result->error();
    QCOMPARE(e.kind, GraphError::Kind::Timeout);
    QVERIFY2(e.requestMaybeSent, qPrintable(describe(*result)));
    QVERIFY2(!e.message.contains(QStringLiteral("nothing was sent")), qPrintable(e.message));
    QCOMPARE(h.server.postsReceived(), 1);
    QCOMPARE(h.exchangesStarted, 1);
    // Qt's transfer timer is a coarse timer: it may fire up to 5 % early.
    QVERIFY2(took >= 3700, "the call must run until its timeout");
}

// More writes at once than the connection takes: the h2 server allows two
// concurrent streams; over HTTP/1.1 Qt opens at most six connections per
// host. Each is answered after longer than the connect timeout, so writes
// queued inside Qt hit the connect timeout before they get a stream. Every
// write must reach the server at most once; a write reported "not sent" must
// not have reached it; a success must have reached it exactly once.
void TestHttp2Writes::queuedWritesAreSentAtMostOnce()
{
    QFETCH(bool, h2);
    constexpr int kWrites = 8;
    Harness h;
    QString problem;
    QVERIFY2(h.start(h2, 2, 1500ms, 5000ms, &problem), qPrintable(problem));

    std::array<std::optional<Result<GraphResponse>>, kWrites> results;
    const auto write = [&](int i) {
        h.post(QStringLiteral("w%1").arg(i), {{QStringLiteral("delay_ms"), QStringLiteral("2000")}}, &results[i]);
    };
    // Two first, until they have reached the server: by then Qt has read the
    // server's SETTINGS (at most two streams), so the next six really queue
    // inside Qt instead of all going out before the limit is known.
    write(0);
    write(1);
    QVERIFY2(QTest::qWaitFor([&] { return h.server.postsReceived() >= 2; }, 10000), qPrintable(h.server.log()));
    for (int i = 2; i < kWrites; ++i)
        write(i);
    QVERIFY(QTest::qWaitFor(
        [&] { return std::all_of(results.begin(), results.end(), [](const auto &r) { return r.has_value(); }); },
        30000));
    QVERIFY2(h.closeConnections(), qPrintable(h.server.log()));
    h.dumpTraces();

    int succeeded = 0, notSent = 0, maybeSent = 0;
    for (int i = 0; i < kWrites; ++i) {
        const QString marker = QStringLiteral("/w%1/").arg(i);
        const int received = h.server.postsReceived(marker);
        const Result<GraphResponse> &r = *results[i];
        qInfo().noquote() << protocolName(h2) << "write" << i << ":" << describe(r) << "- server received" << received;
        QVERIFY2(
            received <= 1, qPrintable(QStringLiteral("write %1 reached the server %2 times").arg(i).arg(received)));
        if (r.ok()) {
            ++succeeded;
            QCOMPARE(received, 1);
        } else if (!r.error().requestMaybeSent) {
            ++notSent;
            QVERIFY2(received == 0,
                qPrintable(QStringLiteral("write %1 was reported \"not sent\" but reached the server").arg(i)));
        } else {
            ++maybeSent;
        }
    }
    qInfo().noquote() << protocolName(h2) << kWrites << "queued writes:" << succeeded << "succeeded," << notSent
                      << "not sent," << maybeSent << "may have been sent;" << h.exchangesStarted << "exchanges,"
                      << h.server.postsReceived() << "POSTs at the server over"
                      << h.server.eventsOf(QStringLiteral("CONNECTION")).size() << "connection(s)";
    QVERIFY(succeeded >= 2); // the first two get their streams at once
    QVERIFY(h.server.negotiated(h2));
    for (const auto &trace : h.network.traces) {
        if (trace->status)
            QCOMPARE(trace->http2WasUsed, h2);
    }
    if (h2) // one connection carries all streams
        QCOMPARE(int(h.server.eventsOf(QStringLiteral("CONNECTION")).size()), 1);
}

QTEST_GUILESS_MAIN(TestHttp2Writes)
#include "tst_http2writes.moc"
