// Copy as curl / PowerShell / Graph Explorer link / JSON: the text must run
// as the request it describes (quoting that survives hostile strings, checked
// by a real POSIX shell where there is one), always on the session's Graph
// host, and never with the token in it.

#include "../common/SandboxWithFaults.h"
#include "graph/GraphClient.h"
#include "graph/RequestExport.h"
#include "service/AssignmentService.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <optional>

using namespace ea;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"eyJ0eXAiOiJKV1QiLCJhbGciOi.SECRET-token+value/xyz="_s;
const QString kConfig = u"0b4f7a6e-11d1-4a36-8f4b-0a1c5e6d7f80_Windows10EnrollmentCompletionPageConfiguration"_s;
const QString kGroup = u"b1158b3f-287b-430e-a316-4e0ac0911270"_s;

// A request as the service previews it, on one cloud and version.
RequestPreview previewOn(Cloud cloud, ApiVersion version, const AssignmentTarget &target)
{
    QNetworkAccessManager network;
    GraphClient client(&network, nullptr);
    client.setEndpoint(GraphEndpoint::forCloud(cloud, version));
    AssignmentService service(&client);
    return service.preview(service.createAssignmentRequest(kConfig, target));
}

// The hostile texts every quoting must carry through unchanged.
void addHostileRows()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("apostrophe") << u"Admins' group"_s;
    QTest::newRow("closing quote and command") << u"x'; touch /tmp/ea-pwned; echo '"_s;
    QTest::newRow("dollar expansion") << u"$HOME $(id) ${PATH}"_s;
    QTest::newRow("backticks") << u"`id` and `uname -a`"_s;
    QTest::newRow("newlines") << u"line one\nline two\r\n"_s;
    QTest::newRow("backslashes and double quotes") << u"C:\\temp\\\"quoted\" \\'"_s;
    QTest::newRow("typographic quotes") << u"‘left’ ‚low‛ “double”"_s;
    QTest::newRow("empty") << QString();
}

// Runs a shell snippet, returning stdout; empty optional when there is no POSIX shell.
std::optional<QByteArray> runShell(const QString &script, const QProcessEnvironment &env = {})
{
    if (!QFileInfo::exists(u"/bin/sh"_s))
        return std::nullopt;
    QProcess shell;
    if (!env.isEmpty())
        shell.setProcessEnvironment(env);
    shell.start(u"/bin/sh"_s, {u"-c"_s, script});
    if (!shell.waitForFinished(10000))
        return std::nullopt;
    return shell.readAllStandardOutput();
}

} // namespace

class TestRequestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellQuotingRoundTripsThroughSh_data() { addHostileRows(); }
    void shellQuotingRoundTripsThroughSh();
    void powerShellQuotingDoublesEveryKindOfQuote_data();
    void powerShellQuotingDoublesEveryKindOfQuote();
    void curlCommandRunsAsTheRequestWithTheTokenFromTheEnvironment_data() { addHostileRows(); }
    void curlCommandRunsAsTheRequestWithTheTokenFromTheEnvironment();
    void curlCommandSendsTheRequestWithARealCurl();
    void powerShellCommandShape();
    void graphExplorerLinkCarriesVersionHostAndBody_data();
    void graphExplorerLinkCarriesVersionHostAndBody();
    void graphExplorerLinkCarriesExtraHeaders();
    void graphExplorerLinkNeedsAVersionInThePath();
    void sovereignCloudKeepsItsHost_data();
    void sovereignCloudKeepsItsHost();
    void noFormatEverContainsTheToken_data();
    void noFormatEverContainsTheToken();
    void jsonFormat();
    void textFormatIsThePreviewText();
    void formatNames();
    void exportedLogLineIsRedactedAndComplete();
};

void TestRequestExport::shellQuotingRoundTripsThroughSh()
{
    QFETCH(QString, text);
    const QString quoted = requestexport::posixSingleQuoted(text);
    QVERIFY(quoted.startsWith(u'\'') && quoted.endsWith(u'\''));
    const auto out = runShell(u"printf '%s' "_s + quoted);
    if (!out)
        QSKIP("no POSIX shell here");
    QCOMPARE(QString::fromUtf8(*out), text);
}

void TestRequestExport::powerShellQuotingDoublesEveryKindOfQuote_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"abc"_s << u"'abc'"_s;
    QTest::newRow("apostrophe") << u"it's"_s << u"'it''s'"_s;
    // PowerShell ends a single-quoted string at any of these; each is doubled.
    QTest::newRow("typographic") << u"‘a’ ‚b‛"_s << u"'‘‘a’’ ‚‚b‛‛'"_s;
    // Inside single quotes nothing expands: $, backticks and newlines stay as they are.
    QTest::newRow("no expansion") << u"$env:X `n $(1)\nnext"_s << u"'$env:X `n $(1)\nnext'"_s;
    QTest::newRow("double quotes untouched") << u"\"x\""_s << u"'\"x\"'"_s;
}

void TestRequestExport::powerShellQuotingDoublesEveryKindOfQuote()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QCOMPARE(requestexport::powerShellSingleQuoted(text), quoted);
}

void TestRequestExport::curlCommandRunsAsTheRequestWithTheTokenFromTheEnvironment()
{
    QFETCH(QString, text);
    RequestPreview request = previewOn(Cloud::Global, ApiVersion::V1, AssignmentTarget::includeGroup(kGroup));
    // A hostile value inside the JSON body (a display name, say).
    QJsonObject body = QJsonDocument::fromJson(request.body).object();
    body.insert(u"displayName"_s, text);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Indented);
    request.url.setQuery(u"$filter=displayName eq '"_s + text.left(20) + u"'"_s);

    const QString command = requestexport::toCurl(request);
    QVERIFY(!command.contains(kToken));
    QVERIFY2(command.startsWith(u"printf 'Authorization: Bearer %s\\n' \"$GRAPH_ACCESS_TOKEN\" | curl -H @- "_s),
        qPrintable(command));

    // A stand-in curl that prints its arguments, NUL-separated, then what it
    // reads on standard input: the shell must hand over exactly the request,
    // and the token only on standard input, never as an argument.
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, kToken);
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    const auto out = runShell(
        u"curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf 'STDIN\\0'; cat; }\n"_s + command, env);
    if (!out)
        QSKIP("no POSIX shell here");
    const qsizetype stdinAt = out->indexOf(QByteArrayLiteral("STDIN\0"));
    QVERIFY2(stdinAt >= 0, out->constData());
    QCOMPARE(out->mid(stdinAt + 6), QByteArray("Authorization: Bearer " + kToken.toUtf8() + '\n'));
    QList<QByteArray> args = out->left(stdinAt).split('\0');
    QVERIFY(!args.isEmpty() && args.last().isEmpty());
    args.removeLast();
    for (const QByteArray &arg : std::as_const(args))
        QVERIFY2(!arg.contains(kToken.toUtf8()), arg.constData());

    const QByteArray compact = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QList<QByteArray> expected {
        "-H",
        "@-",
        "-X",
        "POST",
        request.url.toEncoded(),
        "-H",
        "Accept: application/json",
        "-H",
        "Content-Type: application/json",
        "--data-raw",
        compact,
    };
    if (command.contains(u"curl -H @- --globoff"_s))
        expected.insert(2, "--globoff");
    QCOMPARE(args, expected);
}

void TestRequestExport::curlCommandSendsTheRequestWithARealCurl()
{
    // The copied command, run by bash and the real curl against a local
    // server: the request arrives with the token from the environment, and
    // while curl runs no process on the machine has the token in its
    // command line (Linux: /proc/PID/cmdline, what `ps` shows every user).
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (bash.isEmpty() || curl.isEmpty())
        QSKIP("needs bash and curl");
    const bool haveProc = QFileInfo::exists(u"/proc/self/cmdline"_s);
    int processesSeen = 0;
    bool tokenInACommandLine = false;
    test::SandboxWithFaults server([&](const test::HttpRequest &, int) {
        // Called once the whole request is in, while curl still waits for the answer.
        const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &pid : pids) {
            QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
            if (!cmdline.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = cmdline.readAll();
            if (line.contains("--data-raw"))
                ++processesSeen;
            tokenInACommandLine = tokenInACommandLine || line.contains(kToken.toUtf8());
        }
        return test::json(201, R"({"id":"a1"})");
    });
    RequestPreview request = previewOn(Cloud::Global, ApiVersion::V1, AssignmentTarget::includeGroup(kGroup));
    request.url.setScheme(u"http"_s);
    request.url.setHost(u"127.0.0.1"_s);
    request.url.setPort(server.port());

    QProcess shell;
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, kToken);
    env.insert(u"PATH"_s, QFileInfo(curl).path() + u":/usr/bin:/bin"_s);
    shell.setProcessEnvironment(env);
    shell.start(bash, {u"-c"_s, requestexport::toCurl(request) + u" --silent --show-error"_s});
    QVERIFY(shell.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(shell.state(), QProcess::NotRunning, 20000);
    QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());
    QCOMPARE(shell.readAllStandardOutput(), QByteArrayLiteral(R"({"id":"a1"})"));

    QCOMPARE(server.requests().size(), 1);
    const test::HttpRequest &received = server.requests().constFirst();
    QCOMPARE(received.method, QByteArrayLiteral("POST"));
    QCOMPARE(received.rawTarget, request.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
    QCOMPARE(received.header("Authorization"), QByteArray("Bearer " + kToken.toUtf8()));
    QCOMPARE(received.header("Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(received.body, QJsonDocument::fromJson(request.body).toJson(QJsonDocument::Compact));
    if (haveProc) {
        QVERIFY(processesSeen >= 1); // the scan saw curl itself
        QVERIFY(!tokenInACommandLine);
    }
}

void TestRequestExport::powerShellCommandShape()
{
    const RequestPreview request = previewOn(Cloud::Global, ApiVersion::V1, AssignmentTarget::allDevices());
    const QString compact = QString::fromUtf8(QJsonDocument::fromJson(request.body).toJson(QJsonDocument::Compact));
    QCOMPARE(requestexport::toPowerShell(request),
        u"Invoke-MgGraphRequest -Method POST -Uri '"_s + request.url.toString(QUrl::FullyEncoded) + u"' -Body '"_s
            + compact + u"' -ContentType 'application/json'"_s);

    RequestPreview get;
    get.method = "GET";
    get.url = QUrl(u"https://graph.microsoft.com/v1.0/groups?$search=%22displayName:it's%22"_s);
    get.headers = {{"Accept", "application/json"}, {"ConsistencyLevel", "eventual"}};
    QCOMPARE(requestexport::toPowerShell(get),
        u"Invoke-MgGraphRequest -Method GET -Uri "
        u"'https://graph.microsoft.com/v1.0/groups?$search=%22displayName:it''s%22' "
        "-Headers @{ 'ConsistencyLevel' = 'eventual' }"_s);
}

void TestRequestExport::graphExplorerLinkCarriesVersionHostAndBody_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("versionText");
    QTest::newRow("v1.0") << int(ApiVersion::V1) << u"v1.0"_s;
    QTest::newRow("beta") << int(ApiVersion::Beta) << u"beta"_s;
}

void TestRequestExport::graphExplorerLinkCarriesVersionHostAndBody()
{
    QFETCH(int, version);
    QFETCH(QString, versionText);
    const RequestPreview request
        = previewOn(Cloud::Global, ApiVersion(version), AssignmentTarget::excludeGroup(kGroup));
    const QUrl link(requestexport::toGraphExplorerLink(request), QUrl::StrictMode);
    QVERIFY2(link.isValid(), qPrintable(link.toString()));
    QCOMPARE(link.host(), u"developer.microsoft.com"_s);
    QCOMPARE(link.path(), u"/graph/graph-explorer"_s);

    const QUrlQuery query(link);
    QCOMPARE(query.queryItemValue(u"method"_s), u"POST"_s);
    QCOMPARE(query.queryItemValue(u"version"_s), versionText);
    QCOMPARE(query.queryItemValue(u"GraphUrl"_s, QUrl::FullyDecoded), u"https://graph.microsoft.com"_s);
    // Graph Explorer rebuilds the URL as GraphUrl/version/request.
    QCOMPARE(query.queryItemValue(u"GraphUrl"_s, QUrl::FullyDecoded) + u'/' + versionText + u'/'
            + query.queryItemValue(u"request"_s, QUrl::FullyDecoded),
        request.url.toString(QUrl::FullyEncoded));
    const QByteArray body
        = QByteArray::fromBase64(query.queryItemValue(u"requestBody"_s, QUrl::FullyDecoded).toLatin1());
    QCOMPARE(QJsonDocument::fromJson(body), QJsonDocument::fromJson(request.body));
    QVERIFY(!query.hasQueryItem(u"headers"_s)); // Accept and Content-Type are Graph Explorer's own
}

void TestRequestExport::graphExplorerLinkCarriesExtraHeaders()
{
    RequestPreview request;
    request.method = "GET";
    request.url = QUrl(u"https://graph.microsoft.com/beta/groups?$count=true&$search=%22displayName:a%2Bb%22"_s);
    request.headers = {{"Accept", "application/json"}, {"ConsistencyLevel", "eventual"},
        {"Authorization", "Bearer " + kToken.toUtf8()}, {"client-request-id", "1234"}};
    const QUrlQuery query(QUrl(requestexport::toGraphExplorerLink(request)));
    // '&' and '+' of the Graph query must not leak into the link's own query.
    QCOMPARE(query.queryItemValue(u"request"_s, QUrl::FullyDecoded),
        u"groups?$count=true&$search=%22displayName:a%2Bb%22"_s);
    const QJsonArray headers = QJsonDocument::fromJson(
        QByteArray::fromBase64(query.queryItemValue(u"headers"_s, QUrl::FullyDecoded).toLatin1()))
                                   .array();
    QCOMPARE(headers, QJsonArray({QJsonObject {{u"name"_s, u"ConsistencyLevel"_s}, {u"value"_s, u"eventual"_s}}}));
    QVERIFY(!query.hasQueryItem(u"requestBody"_s));
}

void TestRequestExport::graphExplorerLinkNeedsAVersionInThePath()
{
    RequestPreview request;
    request.method = "GET";
    request.url = QUrl(u"https://graph.microsoft.com/v2.0/me"_s);
    QVERIFY(requestexport::toGraphExplorerLink(request).isEmpty());
}

void TestRequestExport::sovereignCloudKeepsItsHost_data()
{
    QTest::addColumn<int>("cloud");
    QTest::addColumn<QString>("host");
    QTest::newRow("global") << int(Cloud::Global) << u"graph.microsoft.com"_s;
    QTest::newRow("usgov") << int(Cloud::UsGovL4) << u"graph.microsoft.us"_s;
    QTest::newRow("usgov-dod") << int(Cloud::UsGovL5DoD) << u"dod-graph.microsoft.us"_s;
    QTest::newRow("china") << int(Cloud::China) << u"microsoftgraph.chinacloudapi.cn"_s;
}

void TestRequestExport::sovereignCloudKeepsItsHost()
{
    QFETCH(int, cloud);
    QFETCH(QString, host);
    const RequestPreview request = previewOn(Cloud(cloud), ApiVersion::V1, AssignmentTarget::allDevices());
    const QString url = u"https://"_s + host + u"/v1.0/deviceManagement/"_s;
    QVERIFY(requestexport::toCurl(request).contains(u'\'' + url));
    QVERIFY(requestexport::toPowerShell(request).contains(u"-Uri '"_s + url));
    QVERIFY(requestexport::toJson(request).value(u"url"_s).toString().startsWith(url));
    const QUrlQuery link(QUrl(requestexport::toGraphExplorerLink(request)));
    QCOMPARE(link.queryItemValue(u"GraphUrl"_s, QUrl::FullyDecoded), u"https://"_s + host);
    if (Cloud(cloud) != Cloud::Global) {
        for (auto format : {requestexport::Format::Curl, requestexport::Format::PowerShell, requestexport::Format::Json,
                 requestexport::Format::Text})
            QVERIFY(!requestexport::toText(format, request).contains(u"graph.microsoft.com"_s));
    }
}

void TestRequestExport::noFormatEverContainsTheToken_data()
{
    QTest::addColumn<int>("format");
    for (auto format : {requestexport::Format::Text, requestexport::Format::Curl, requestexport::Format::PowerShell,
             requestexport::Format::Json, requestexport::Format::GraphExplorer})
        QTest::newRow(qPrintable(requestexport::formatName(format))) << int(format);
}

void TestRequestExport::noFormatEverContainsTheToken()
{
    QFETCH(int, format);
    // Even a request whose headers carry the credential (a record that somehow
    // was not redacted, a header added by hand) is copied without it.
    RequestPreview request = previewOn(Cloud::Global, ApiVersion::Beta, AssignmentTarget::allDevices());
    request.headers.prepend({"Authorization", "Bearer " + kToken.toUtf8()});
    request.headers.append({"authorization", kToken.toUtf8()});
    request.headers.append({"Cookie", "session=" + kToken.toUtf8()});
    const QString text = requestexport::toText(requestexport::Format(format), request);
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains(kToken), qPrintable(text));
    QVERIFY(!text.contains(QString::fromLatin1(kToken.toUtf8().toBase64())));
    QVERIFY(!QUrl::fromPercentEncoding(text.toUtf8()).contains(kToken));
    // The request-specific ids are not repeated either: a copy is a new request.
    RequestPreview logged = request;
    logged.headers.append(
        {QByteArrayLiteral("client-request-id"), QByteArrayLiteral("8d2c7e0a-6a33-4d1b-9f3e-1c2b3a4d5e6f")});
    QVERIFY(!requestexport::toText(requestexport::Format(format), logged).contains(u"8d2c7e0a"_s));
}

void TestRequestExport::jsonFormat()
{
    const RequestPreview request = previewOn(Cloud::Global, ApiVersion::V1, AssignmentTarget::includeGroup(kGroup));
    const QJsonObject json = requestexport::toJson(request);
    QCOMPARE(json.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(json.value(u"url"_s).toString(), request.url.toString(QUrl::FullyEncoded));
    QCOMPARE(json.value(u"body"_s).toObject(), QJsonDocument::fromJson(request.body).object());
    QCOMPARE(json.value(u"headers"_s).toObject().value(u"Content-Type"_s).toString(), u"application/json"_s);

    RequestPreview del;
    del.method = "DELETE";
    del.url = QUrl(u"https://graph.microsoft.com/v1.0/x"_s);
    QVERIFY(requestexport::toJson(del).value(u"body"_s).isNull());
    // The CLI prints it as a document a script can parse.
    const QString printed = requestexport::toText(requestexport::Format::Json, request);
    QCOMPARE(QJsonDocument::fromJson(printed.toUtf8()).object(), json);
}

void TestRequestExport::textFormatIsThePreviewText()
{
    const RequestPreview request = previewOn(Cloud::Global, ApiVersion::V1, AssignmentTarget::allDevices());
    const QString text = requestexport::toText(requestexport::Format::Text, request);
    QCOMPARE(text, request.toText());
    QVERIFY(text.startsWith(u"POST https://graph.microsoft.com/v1.0/deviceManagement/"_s));
}

void TestRequestExport::formatNames()
{
    requestexport::Format format = requestexport::Format::Text;
    QVERIFY(requestexport::parseFormat(u"PowerShell"_s, &format));
    QCOMPARE(format, requestexport::Format::PowerShell);
    QVERIFY(requestexport::parseFormat(u"curl"_s, &format));
    QCOMPARE(format, requestexport::Format::Curl);
    QVERIFY(!requestexport::parseFormat(u"wget"_s, &format));
    QVERIFY(!requestexport::parseFormat(QString(), &format));
    QCOMPARE(format, requestexport::Format::Curl); // unchanged by a failed parse
}

void TestRequestExport::exportedLogLineIsRedactedAndComplete()
{
    ExchangeRecord record;
    record.sequence = 7;
    record.method = "POST";
    record.url = QUrl(u"https://graph.microsoft.com/v1.0/deviceManagement/x/assignments"_s);
    record.requestHeaders = {{"Authorization", "Bearer " + kToken.toUtf8()}, {"Retry-Attempt", "2"}};
    record.requestBody = R"({"target":{}})";
    record.httpStatus = 201;
    record.responseHeaders = {{"request-id", "abc"}, {"Set-Cookie", "x=" + kToken.toUtf8()}};
    record.requestId = u"abc"_s;
    record.clientRequestId = u"def"_s;
    record.retryAttempt = 2;
    record.durationMs = 42;
    record.startedAt = QDateTime::fromString(u"2026-01-02T03:04:05Z"_s, Qt::ISODate);
    record.finished = true;

    const QByteArray line = requestexport::exchangeToJsonLine(record);
    QVERIFY(!line.contains('\n'));
    QVERIFY(!line.contains(kToken.toUtf8()));
    const QJsonObject json = QJsonDocument::fromJson(line).object();
    QCOMPARE(json.value(u"status"_s).toInt(), 201);
    QCOMPARE(json.value(u"requestId"_s).toString(), u"abc"_s);
    QCOMPARE(json.value(u"clientRequestId"_s).toString(), u"def"_s);
    QCOMPARE(json.value(u"retryAttempt"_s).toInt(), 2);
    QCOMPARE(json.value(u"durationMs"_s).toInt(), 42);
    QCOMPARE(json.value(u"startedAt"_s).toString(), u"2026-01-02T03:04:05.000Z"_s);
    QCOMPARE(json.value(u"requestHeaders"_s).toArray().first().toArray(),
        QJsonArray({u"Authorization"_s, u"Bearer [redacted]"_s}));

    // The same record copied as a request: the logged body, no ids of its own.
    const RequestPreview copy = requestexport::fromExchange(record);
    QCOMPARE(QJsonDocument::fromJson(copy.body), QJsonDocument::fromJson(record.requestBody));
    QVERIFY(!requestexport::toCurl(copy).contains(u"Retry-Attempt"_s));
}

QTEST_GUILESS_MAIN(TestRequestExport)
#include "tst_requestexport.moc"
