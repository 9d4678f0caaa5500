// The console front end, run in-process (CliApp) against the sandbox tenant
// over real HTTP on 127.0.0.1. Every bad-input case must exit 2 and send
// nothing; service failures exit 1 with what a support ticket needs.

#include "cli/CliApp.h"
#include "cli/JsonText.h"
#include "cli/TextTable.h"
#include "sandbox/SandboxServer.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ea::CliApp;
using ea::sandbox::SandboxOptions;
using ea::sandbox::SandboxServer;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false;
};

const QString kGroupGuid = u"376361c8-1bd2-4385-9005-7bc966f578a6"_s; // "Sales – EMEA"

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpAndVersion();
    void configsListsEveryPage();
    void configsJsonIsTheRawArray();
    void assignmentsOfAConfiguration();
    void assignAddsExactlyOne_data();
    void assignAddsExactlyOne();
    void assignJsonPrintsTheCreatedObject();
    void dryRunSendsNothing_data();
    void dryRunSendsNothing();
    void dryRunOfUnassignDeletesNothing();
    void dryRunOnBetaAndReads();
    void unassignRemovesIt();
    void unassignJson();
    void groupsWithApostrophe();
    void groupsPrintUtf8();
    void tokenFromFile();
    void tokenFromStdin();
    void tokenWithBearerPrefixAndNewlines();
    void verboseNeverShowsTheToken();
    void badInputSendsNothing_data();
    void badInputSendsNothing();
    void unknownConfigurationIsAServiceFailure();
    void espRouteRefusalIsAServiceFailure();
    void wrongTokenIsAServiceFailure();
    void builtInSandbox();
    void finishedIsEmittedOnceFromTheEventLoop();
    void jsonSurrogatePairs_data();
    void jsonSurrogatePairs();
    void tableAlignsByDisplayWidth();
    void tableNeutralizesTerminalControls();

private:
    CliRun run(const QStringList &args, const QProcessEnvironment &env, const QByteArray &stdinData = {});
    CliRun run(const QStringList &args) { return run(args, tokenEnv()); }
    QProcessEnvironment tokenEnv() const;
    QStringList graph() const { return {u"--graph-url"_s, m_server->url().toString()}; }
    QString limitConfig() const;

    std::unique_ptr<SandboxServer> m_server;
    QTemporaryDir m_tempDir;
};

void TestCli::init()
{
    SandboxOptions options;
    options.pageSize = 3; // several pages even for the seed tenant
    m_server = std::make_unique<SandboxServer>(options, nullptr);
    QVERIFY(m_server->listen());
    QVERIFY(m_tempDir.isValid());
}

void TestCli::cleanup()
{
    m_server.reset();
}

QProcessEnvironment TestCli::tokenEnv() const
{
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, m_server->accessToken());
    return env;
}

QString TestCli::limitConfig() const
{
    return m_server->tenant().limitConfigurationId();
}

CliRun TestCli::run(const QStringList &args, const QProcessEnvironment &env, const QByteArray &stdinData)
{
    QBuffer out;
    QBuffer err;
    QBuffer in;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    in.setData(stdinData);
    in.open(QIODevice::ReadOnly);

    CliRun result;
    {
        CliApp app(QStringList {u"enrollment-assigner-cli"_s} + args, &out, &err, &in, env);
        QSignalSpy spy(&app, &CliApp::finished);
        app.start();
        result.finished = spy.wait(20000);
        if (result.finished) {
            result.exitCode = spy.first().first().toInt();
            // Exactly once.
            QTest::qWait(10);
            if (spy.size() != 1)
                result.finished = false;
        }
    }
    result.out = QString::fromUtf8(out.data());
    result.err = QString::fromUtf8(err.data());
    return result;
}

#define RUN_EXPECT(r, code)                                                                                            \
    do {                                                                                                               \
        QVERIFY2((r).finished, qPrintable((r).err));                                                                   \
        QVERIFY2((r).exitCode == (code),                                                                               \
            qPrintable(u"exit %1, expected %2\nstdout:\n%3\nstderr:\n%4"_s.arg((r).exitCode)                           \
                           .arg(code)                                                                                  \
                           .arg((r).out, (r).err)));                                                                   \
    } while (false)

void TestCli::helpAndVersion()
{
    const int before = m_server->tenant().requestCount();
    CliRun r = run({u"--help"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.contains(u"assign CONFIG_ID TARGET"_s));
    QVERIFY(r.out.contains(u"GRAPH_ACCESS_TOKEN"_s));

    r = run({u"--version"_s}, {});
    RUN_EXPECT(r, 0);
    QCOMPARE(r.out.trimmed(), u"enrollment-assigner-cli "_s + QLatin1String(EA_VERSION_STRING));

    // Without the program name in front, too.
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliApp app({u"--version"_s}, &out, &err, nullptr, {});
    QSignalSpy spy(&app, &CliApp::finished);
    app.start();
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().first().toInt(), 0);
    QVERIFY(out.data().startsWith("enrollment-assigner-cli "));
    QCOMPARE(m_server->tenant().requestCount(), before);
}

void TestCli::configsListsEveryPage()
{
    const QStringList ids = m_server->tenant().configurationIds();
    QVERIFY(ids.size() > 3); // more than one page

    const CliRun r = run(graph() + QStringList {u"configs"_s});
    RUN_EXPECT(r, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), ids.size() + 1); // a header and one line per configuration
    QVERIFY(lines.first().startsWith(u"ID"_s));
    QVERIFY(lines.first().contains(u"PRIORITY"_s));
    for (const QString &id : ids)
        QVERIFY2(r.out.contains(id), qPrintable(id));
    // Types in words, not @odata.type.
    QVERIFY(r.out.contains(u"Device limit"_s));
    QVERIFY(r.out.contains(u"Enrollment Status Page"_s));
    QVERIFY(!r.out.contains(u"#microsoft.graph"_s));
    QVERIFY(r.err.isEmpty());
}

void TestCli::configsJsonIsTheRawArray()
{
    // Options after the command work too.
    const CliRun r = run(QStringList {u"configs"_s, u"--json"_s} + graph());
    RUN_EXPECT(r, 0);
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), m_server->tenant().configurationIds().size());
    QStringList seen;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.value(u"@odata.type"_s).toString().startsWith(u"#microsoft.graph."_s));
        seen << o.value(u"id"_s).toString();
    }
    seen.sort();
    QStringList expected = m_server->tenant().configurationIds();
    expected.sort();
    QCOMPARE(seen, expected);
}

void TestCli::assignmentsOfAConfiguration()
{
    const QString config = limitConfig();
    const QJsonArray expected = m_server->tenant().assignmentsOf(config);
    QVERIFY(!expected.isEmpty());

    CliRun r = run(graph() + QStringList {u"--json"_s, u"assignments"_s, config});
    RUN_EXPECT(r, 0);
    const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(array.size(), expected.size());

    r = run(graph() + QStringList {u"assignments"_s, config});
    RUN_EXPECT(r, 0);
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), expected.size() + 1);
    for (const QJsonValue &v : expected)
        QVERIFY(r.out.contains(v.toObject().value(u"id"_s).toString()));
    QVERIFY(r.out.contains(u"TARGET"_s));
}

void TestCli::assignAddsExactlyOne_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("odataType");
    QTest::addColumn<QString>("subjectKey");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("words");

    QTest::newRow("group") << u"group:"_s + kGroupGuid << u"#microsoft.graph.groupAssignmentTarget"_s << u"groupId"_s
                           << kGroupGuid << u"Included group "_s + kGroupGuid;
    QTest::newRow("exclude-group") << u"exclude-group:"_s + kGroupGuid
                                   << u"#microsoft.graph.exclusionGroupAssignmentTarget"_s << u"groupId"_s << kGroupGuid
                                   << u"Excluded group "_s + kGroupGuid;
    QTest::newRow("collection") << u"collection:JAX0002C"_s
                                << u"#microsoft.graph.configurationManagerCollectionAssignmentTarget"_s
                                << u"collectionId"_s << u"JAX0002C"_s << u"Configuration Manager collection JAX0002C"_s;
    QTest::newRow("all-devices") << u"all-devices"_s << u"#microsoft.graph.allDevicesAssignmentTarget"_s << QString()
                                 << QString() << u"All devices"_s;
}

void TestCli::assignAddsExactlyOne()
{
    QFETCH(QString, target);
    QFETCH(QString, odataType);
    QFETCH(QString, subjectKey);
    QFETCH(QString, subject);
    QFETCH(QString, words);

    const QString config = limitConfig();
    const QJsonArray before = m_server->tenant().assignmentsOf(config);
    const int writesBefore = m_server->tenant().writeCount();

    const CliRun r = run(graph() + QStringList {u"assign"_s, config, target});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.startsWith(u"Created assignment "_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(words), qPrintable(r.out));
    QVERIFY(r.out.contains(u"request-id "_s));
    QVERIFY(r.out.contains(config));

    const QJsonArray after = m_server->tenant().assignmentsOf(config);
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(m_server->tenant().writeCount(), writesBefore + 1);
    const auto countMatching = [&](const QJsonArray &list) {
        int n = 0;
        for (const QJsonValue &v : list) {
            const QJsonObject t = v.toObject().value(u"target"_s).toObject();
            if (t.value(u"@odata.type"_s).toString() == odataType
                && (subjectKey.isEmpty() || t.value(subjectKey).toString() == subject))
                ++n;
        }
        return n;
    };
    QCOMPARE(countMatching(after), countMatching(before) + 1);
}

void TestCli::assignJsonPrintsTheCreatedObject()
{
    const QString config = limitConfig();
    const CliRun r = run(graph() + QStringList {u"assign"_s, u"--json"_s, config, u"group:"_s + kGroupGuid});
    RUN_EXPECT(r, 0);
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    QVERIFY(doc.isObject());
    const QString id = doc.object().value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(doc.object().value(u"target"_s).toObject().value(u"groupId"_s).toString(), kGroupGuid);
    bool found = false;
    for (const QJsonValue &v : m_server->tenant().assignmentsOf(config))
        found = found || v.toObject().value(u"id"_s).toString() == id;
    QVERIFY(found);
}

void TestCli::dryRunSendsNothing_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expectedType");
    QTest::newRow("collection") << u"collection:SMS00001"_s
                                << u"#microsoft.graph.configurationManagerCollectionAssignmentTarget"_s;
    QTest::newRow("group") << u"group:"_s + kGroupGuid << u"#microsoft.graph.groupAssignmentTarget"_s;
    QTest::newRow("all-users") << u"all-users"_s << u"#microsoft.graph.allLicensedUsersAssignmentTarget"_s;
}

void TestCli::dryRunSendsNothing()
{
    QFETCH(QString, target);
    QFETCH(QString, expectedType);
    const QString config = limitConfig();
    const int requests = m_server->tenant().requestCount();
    const int writes = m_server->tenant().writeCount();
    const QJsonArray before = m_server->tenant().assignmentsOf(config);

    const CliRun r = run(graph() + QStringList {u"assign"_s, config, target, u"--dry-run"_s});
    RUN_EXPECT(r, 0);
    const QString url = m_server->url().toString() + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations/"_s
        + config + u"/assignments"_s;
    QVERIFY2(r.out.startsWith(u"POST "_s + url + u'\n'), qPrintable(r.out));
    QVERIFY(r.out.contains(expectedType));
    QVERIFY(r.out.contains(u"#microsoft.graph.enrollmentConfigurationAssignment"_s));
    // The body is JSON.
    const QString body = r.out.section(u'\n', 1);
    QVERIFY(QJsonDocument::fromJson(body.toUtf8()).isObject());

    QCOMPARE(m_server->tenant().requestCount(), requests);
    QCOMPARE(m_server->tenant().writeCount(), writes);
    QCOMPARE(m_server->tenant().assignmentsOf(config), before);
}

void TestCli::dryRunOfUnassignDeletesNothing()
{
    const QString config = limitConfig();
    const QJsonArray before = m_server->tenant().assignmentsOf(config);
    const QString assignmentId = before.first().toObject().value(u"id"_s).toString();
    const int requests = m_server->tenant().requestCount();

    const CliRun r = run(graph() + QStringList {u"--dry-run"_s, u"unassign"_s, config, assignmentId});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.startsWith(u"DELETE "_s));
    QVERIFY(r.out.contains(assignmentId));
    QCOMPARE(m_server->tenant().requestCount(), requests);
    QCOMPARE(m_server->tenant().assignmentsOf(config), before);
}

void TestCli::dryRunOnBetaAndReads()
{
    const int requests = m_server->tenant().requestCount();
    CliRun r = run(
        graph() + QStringList {u"--api"_s, u"beta"_s, u"--dry-run"_s, u"assign"_s, limitConfig(), u"all-devices"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(
        r.out.startsWith(u"POST "_s + m_server->url().toString() + u"/beta/deviceManagement/"_s), qPrintable(r.out));

    r = run(graph() + QStringList {u"--dry-run"_s, u"groups"_s, u"Admins'"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.startsWith(u"GET "_s + m_server->url().toString() + u"/v1.0/groups?"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"%27Admins%27%27%27"_s)); // the quote doubled inside the OData literal

    r = run(graph() + QStringList {u"--dry-run"_s, u"configs"_s});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.startsWith(u"GET "_s));
    QCOMPARE(m_server->tenant().requestCount(), requests);
}

void TestCli::unassignRemovesIt()
{
    const QString config = limitConfig();
    CliRun r = run(graph() + QStringList {u"--json"_s, u"assign"_s, config, u"exclude-group:"_s + kGroupGuid});
    RUN_EXPECT(r, 0);
    const QString id = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    const qsizetype count = m_server->tenant().assignmentsOf(config).size();

    r = run(graph() + QStringList {u"unassign"_s, config, id});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.startsWith(u"Deleted assignment "_s + id), qPrintable(r.out));
    const QJsonArray after = m_server->tenant().assignmentsOf(config);
    QCOMPARE(after.size(), count - 1);
    for (const QJsonValue &v : after)
        QVERIFY(v.toObject().value(u"id"_s).toString() != id);

    // Deleting it again: Graph says 404, the CLI says 1.
    r = run(graph() + QStringList {u"unassign"_s, config, id});
    RUN_EXPECT(r, 1);
    QVERIFY(r.err.contains(u"404"_s));
}

void TestCli::unassignJson()
{
    const QString config = limitConfig();
    const QString id = m_server->tenant().assignmentsOf(config).first().toObject().value(u"id"_s).toString();
    const CliRun r = run(graph() + QStringList {u"unassign"_s, config, id, u"--json"_s});
    RUN_EXPECT(r, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(u"deleted"_s).toBool(), true);
    QCOMPARE(o.value(u"id"_s).toString(), id);
}

void TestCli::groupsWithApostrophe()
{
    const QString admins = m_server->tenant().groupIdByName(u"Admins' Laptops"_s);
    QVERIFY(!admins.isEmpty());

    CliRun r = run(graph() + QStringList {u"groups"_s, u"Admins'"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Admins' Laptops"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(admins));

    r = run(graph() + QStringList {u"groups"_s, u"--json"_s, u"Admins'"_s});
    RUN_EXPECT(r, 0);
    const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.first().toObject().value(u"id"_s).toString(), admins);

    r = run(graph() + QStringList {u"groups"_s, u"O'Brien"_s});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.contains(u"O'Brien's Devices"_s));
}

void TestCli::groupsPrintUtf8()
{
    CliRun r = run(graph() + QStringList {u"groups"_s, u"Équipe"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Équipe Réseau"_s), qPrintable(r.out));

    r = run(graph() + QStringList {u"groups"_s, u"🚀"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"🚀 Launch Team"_s), qPrintable(r.out));

    // JSON keeps emoji as UTF-8 too (Qt 6.4 would write an escaped surrogate pair).
    r = run(graph() + QStringList {u"--json"_s, u"groups"_s, u"🚀"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"\"displayName\": \"🚀 Launch Team\""_s), qPrintable(r.out));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject().value(u"displayName"_s).toString(),
        u"🚀 Launch Team"_s);

    r = run(graph() + QStringList {u"groups"_s, u"Nobody by this name"_s});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.startsWith(u"No group"_s));
}

void TestCli::tokenFromFile()
{
    const QString path = m_tempDir.filePath(u"token.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_server->accessToken().toUtf8() + "\r\n\n");
    file.close();

    // The file wins over the environment (which holds a wrong token here).
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, u"wrong-token-wrong-token"_s);
    const CliRun r = run(graph() + QStringList {u"--token-file"_s, path, u"configs"_s}, env);
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.contains(limitConfig()));
}

void TestCli::tokenFromStdin()
{
    const CliRun r = run(graph() + QStringList {u"--token-file"_s, u"-"_s, u"groups"_s, u"Sales"_s}, {},
        "  " + m_server->accessToken().toUtf8() + "\n");
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.contains(u"Sales – EMEA"_s));
}

void TestCli::tokenWithBearerPrefixAndNewlines()
{
    const CliRun r = run(graph() + QStringList {u"--token-file"_s, u"-"_s, u"configs"_s}, {},
        "Bearer " + m_server->accessToken().toUtf8() + "\n");
    RUN_EXPECT(r, 0);
}

void TestCli::verboseNeverShowsTheToken()
{
    const QString token = m_server->accessToken();
    QVERIFY(token.size() >= 8);
    const QString config = limitConfig();
    const QStringList commands[] = {
        {u"configs"_s}, {u"--json"_s, u"assignments"_s, config}, {u"assign"_s, config, u"group:"_s + kGroupGuid},
        {u"groups"_s, u"Sales"_s},
        {u"assign"_s, m_server->tenant().espConfigurationId(), u"all-devices"_s}, // refused by Graph
    };
    for (const QStringList &command : commands) {
        const CliRun r = run(graph() + QStringList {u"-v"_s} + command);
        QVERIFY(r.finished);
        QVERIFY2(!r.out.contains(token), qPrintable(command.join(u' ')));
        QVERIFY2(!r.err.contains(token), qPrintable(command.join(u' ')));
        QVERIFY2(r.err.contains(u"> GET "_s) || r.err.contains(u"> POST "_s), qPrintable(r.err));
        QVERIFY(r.err.contains(u"Authorization: Bearer [redacted]"_s));
        QVERIFY(r.err.contains(u"request-id "_s));
        QVERIFY(r.err.contains(u" ms)"_s));
    }
    // Through stdin, too.
    const CliRun r = run(graph() + QStringList {u"-v"_s, u"--token-file"_s, u"-"_s, u"configs"_s}, {}, token.toUtf8());
    RUN_EXPECT(r, 0);
    QVERIFY(!r.out.contains(token) && !r.err.contains(token));
    QVERIFY(r.err.contains(u"< 200 ("_s));
}

void TestCli::badInputSendsNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<QString>("errorContains");

    const QString config = u"0b4f1c2a-1111-4222-8333-944455556666"_s;
    const QString group = u"group:"_s + kGroupGuid;
    QTest::newRow("bad config id") << QStringList {u"assign"_s, u"not-a-config"_s, group} << true
                                   << u"not an enrollment configuration id"_s;
    QTest::newRow("path traversal config id") << QStringList {u"assign"_s, u"../x"_s, group} << true << u"../x"_s;
    QTest::newRow("traversal in assignments")
        << QStringList {u"assignments"_s, u"../../groups"_s} << true << u"not an enrollment configuration id"_s;
    QTest::newRow("config id with slash suffix")
        << QStringList {u"assign"_s, config + u"_Default/../x"_s, group} << true << QString();
    QTest::newRow("bad group guid") << QStringList {u"assign"_s, config, u"group:1234"_s} << true << u"GUID"_s;
    QTest::newRow("bad exclude guid") << QStringList {u"assign"_s, config, u"exclude-group:"_s} << true << QString();
    QTest::newRow("collection SMS0001") << QStringList {u"assign"_s, config, u"collection:SMS0001"_s} << true
                                        << u"SMS0001"_s;
    QTest::newRow("collection SMSXYZ12") << QStringList {u"assign"_s, config, u"collection:SMSXYZ12"_s} << true
                                         << u"SMSXYZ12"_s;
    QTest::newRow("unknown target kind") << QStringList {u"assign"_s, config, u"users:everyone"_s} << true
                                         << u"not a target"_s;
    QTest::newRow("bad target on dry run")
        << QStringList {u"assign"_s, config, u"collection:SMS0001"_s, u"--dry-run"_s} << true << QString();
    QTest::newRow("bad assignment id") << QStringList {u"unassign"_s, config, u"a/b"_s} << true
                                       << u"not an assignment id"_s;
    QTest::newRow("empty group search") << QStringList {u"groups"_s, u"  "_s} << true << QString();
    QTest::newRow("control char in search")
        << QStringList {u"groups"_s, u"Sales\u001b[31m"_s} << true << u"control character"_s;
    QTest::newRow("missing args assign") << QStringList {u"assign"_s, config} << true << u"--help"_s;
    QTest::newRow("missing args assignments") << QStringList {u"assignments"_s} << true << u"--help"_s;
    QTest::newRow("missing args groups") << QStringList {u"groups"_s} << true << u"--help"_s;
    QTest::newRow("extra args") << QStringList {u"configs"_s, u"extra"_s} << true << u"--help"_s;
    QTest::newRow("extra args assign") << QStringList {u"assign"_s, config, group, u"more"_s} << true << u"--help"_s;
    QTest::newRow("no command") << QStringList {} << true << u"--help"_s;
    QTest::newRow("unknown command") << QStringList {u"frobnicate"_s} << true << u"--help"_s;
    QTest::newRow("unknown option") << QStringList {u"--frobnicate"_s, u"configs"_s} << true << u"--help"_s;
    QTest::newRow("token on the command line")
        << QStringList {u"--token"_s, u"abc"_s, u"configs"_s} << true << u"--help"_s;
    QTest::newRow("bad api version") << QStringList {u"--api"_s, u"v2"_s, u"configs"_s} << true << u"v2"_s;
    QTest::newRow("http to a non-loopback host")
        << QStringList {u"--graph-url"_s, u"http://graph.example.com"_s, u"configs"_s} << true << u"loopback"_s;
    QTest::newRow("graph url with a path") << QStringList {u"--graph-url"_s, u"https://graph.microsoft.com/v1.0"_s,
        u"configs"_s} << true << u"without a path"_s;
    QTest::newRow("graph url bad scheme")
        << QStringList {u"--graph-url"_s, u"ftp://graph.microsoft.com"_s, u"configs"_s} << true << u"https"_s;
    QTest::newRow("sandbox and graph url")
        << QStringList {u"--sandbox"_s, u"--graph-url"_s, u"https://graph.microsoft.com"_s, u"configs"_s} << true
        << u"--sandbox"_s;
    QTest::newRow("no token") << QStringList {u"configs"_s} << false << u"GRAPH_ACCESS_TOKEN"_s;
    QTest::newRow("no token for assign") << QStringList {u"assign"_s, config, group} << false << u"--token-file"_s;
    QTest::newRow("empty token file") << QStringList {u"--token-file"_s, u"@empty"_s, u"configs"_s} << false
                                      << u"empty"_s;
    QTest::newRow("blank token file") << QStringList {u"--token-file"_s, u"@blank"_s, u"configs"_s} << false
                                      << u"empty"_s;
    QTest::newRow("missing token file") << QStringList {u"--token-file"_s, u"@missing"_s, u"configs"_s} << false
                                        << u"Cannot read the token file"_s;
    QTest::newRow("token file is a directory")
        << QStringList {u"--token-file"_s, u"@dir"_s, u"configs"_s} << false << u"Cannot read the token file"_s;
    QTest::newRow("empty stdin") << QStringList {u"--token-file"_s, u"-"_s, u"configs"_s} << false << u"empty"_s;
    QTest::newRow("token with a space") << QStringList {u"--token-file"_s, u"@spaced"_s, u"configs"_s} << false
                                        << u"not an access token"_s;
}

void TestCli::badInputSendsNothing()
{
    QFETCH(QStringList, args);
    QFETCH(bool, withToken);
    QFETCH(QString, errorContains);

    // "@name" stands for a prepared file in the temporary directory.
    {
        QFile empty(m_tempDir.filePath(u"empty"_s));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        QFile blank(m_tempDir.filePath(u"blank"_s));
        QVERIFY(blank.open(QIODevice::WriteOnly));
        blank.write(" \r\n\t\n");
        QFile spaced(m_tempDir.filePath(u"spaced"_s));
        QVERIFY(spaced.open(QIODevice::WriteOnly));
        spaced.write(m_server->accessToken().toUtf8() + " and more");
        QDir(m_tempDir.path()).mkpath(u"dir"_s);
    }
    for (QString &arg : args) {
        if (arg.startsWith(u'@'))
            arg = m_tempDir.filePath(arg.mid(1));
    }
    // Point at the sandbox unless the case is about the Graph URL itself.
    if (!args.contains(u"--graph-url"_s) && !args.contains(u"--sandbox"_s))
        args = graph() + args;

    const int requests = m_server->tenant().requestCount();
    const int writes = m_server->tenant().writeCount();
    const CliRun r = run(args, withToken ? tokenEnv() : QProcessEnvironment());
    RUN_EXPECT(r, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    if (!errorContains.isEmpty())
        QVERIFY2(r.err.contains(errorContains), qPrintable(r.err));
    QVERIFY(!r.err.contains(m_server->accessToken()));
    QCOMPARE(m_server->tenant().requestCount(), requests);
    QCOMPARE(m_server->tenant().writeCount(), writes);
}

void TestCli::unknownConfigurationIsAServiceFailure()
{
    const QString unknown = u"0b4f1c2a-1111-4222-8333-944455556666"_s;
    const int writes = m_server->tenant().writeCount();
    const CliRun r = run(graph() + QStringList {u"assign"_s, unknown, u"group:"_s + kGroupGuid});
    RUN_EXPECT(r, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"HTTP 404"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"ResourceNotFound"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"request-id"_s), qPrintable(r.err));
    QVERIFY(m_server->tenant().writeCount() >= writes);

    const CliRun read = run(graph() + QStringList {u"assignments"_s, unknown});
    RUN_EXPECT(read, 1);
    QVERIFY(read.err.contains(u"HTTP 404"_s));
}

void TestCli::espRouteRefusalIsAServiceFailure()
{
    const QString esp = m_server->tenant().espConfigurationId();
    const qsizetype before = m_server->tenant().assignmentsOf(esp).size();
    const CliRun r = run(graph() + QStringList {u"assign"_s, esp, u"group:"_s + kGroupGuid});
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"HTTP 400"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"No method match route template"_s));
    QVERIFY(r.err.contains(u"request-id"_s));
    QCOMPARE(m_server->tenant().assignmentsOf(esp).size(), before);
}

void TestCli::wrongTokenIsAServiceFailure()
{
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, u"eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.wrong"_s);
    const CliRun r = run(graph() + QStringList {u"configs"_s}, env);
    RUN_EXPECT(r, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"HTTP 401"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"request-id"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"rejected"_s));
}

void TestCli::builtInSandbox()
{
    // No token, no URL: the CLI starts its own sandbox.
    CliRun r = run({u"--sandbox"_s, u"configs"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.contains(u"Device limit"_s));

    r = run({u"--sandbox"_s, u"--api"_s, u"beta"_s, u"--json"_s, u"groups"_s, u"Sales"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).array().size() >= 3);
}

void TestCli::finishedIsEmittedOnceFromTheEventLoop()
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliApp app({u"frobnicate"_s}, &out, &err, nullptr, {});
    QSignalSpy spy(&app, &CliApp::finished);
    app.start();
    QCOMPARE(spy.size(), 0); // not from inside start()
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().toInt(), 2);
    app.start(); // a second start does nothing
    QTest::qWait(20);
    QCOMPARE(spy.size(), 1);
}

void TestCli::jsonSurrogatePairs_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("emoji") << u"🚀 Launch Team"_s;
    QTest::newRow("accents and CJK") << u"Équipe Réseau 東京"_s;
    QTest::newRow("literal backslash-u text") << u"C:\\ud83d\\ude80 \\"_s;
    QTest::newRow("quotes and controls") << u"\"a\"\n\t\u0001 😀😀"_s;
    QTest::newRow("lone surrogate") << QString(QChar(char16_t(0xD83D)));
}

void TestCli::jsonSurrogatePairs()
{
    QFETCH(QString, text);
    const QJsonDocument doc(QJsonObject {{u"name"_s, text}});
    const QByteArray converted = ea::cli::withUtf8SurrogatePairs(doc.toJson());
    QJsonParseError error {};
    const QJsonDocument back = QJsonDocument::fromJson(converted, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(back, QJsonDocument::fromJson(doc.toJson()));
    QVERIFY(!converted.contains("\\ud83d\\ude80") || text.contains(u"C:"_s));
}

void TestCli::tableAlignsByDisplayWidth()
{
    using ea::cli::TextTable;
    QCOMPARE(TextTable::displayWidth(u"abc"_s), 3);
    QCOMPARE(TextTable::displayWidth(u"Équipe"_s), 6);
    QCOMPARE(TextTable::displayWidth(u"E\u0301quipe"_s), 6); // combining accent
    QCOMPARE(TextTable::displayWidth(u"🚀 x"_s), 4);
    QCOMPARE(TextTable::displayWidth(u"東京"_s), 4);

    TextTable table({u"NAME"_s, u"ID"_s});
    table.addRow({u"🚀 Launch"_s, u"1"_s});
    table.addRow({u"Zürich"_s, u"2"_s});
    const QStringList lines = table.toString().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    // "🚀 Launch" is 9 cells wide, then two blanks: the last column starts at cell 11 on every line.
    const QStringList lastCells = {u"ID"_s, u"1"_s, u"2"_s};
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(TextTable::displayWidth(lines.at(i)) - TextTable::displayWidth(lastCells.at(i)), 11);
}

void TestCli::tableNeutralizesTerminalControls()
{
    using ea::cli::TextTable;
    const QString hostile = u"Evil\u001b[2J\u001b]0;title\u0007\r\nName\u202Eabc"_s;
    const QString safe = TextTable::terminalSafe(hostile);
    QVERIFY(!safe.contains(QChar(0x1b)));
    QVERIFY(!safe.contains(u'\n'));
    QVERIFY(!safe.contains(u'\r'));
    QVERIFY(!safe.contains(QChar(0x202E)));
    QVERIFY(!safe.contains(QChar(0x07)));
    QVERIFY(safe.startsWith(u"Evil"_s));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
