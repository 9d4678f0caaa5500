// The console front end, run in-process (CliApp) against the sandbox tenant
// over real HTTP on 127.0.0.1. Every bad-input case must exit 2 and send
// nothing; service failures exit 1 with what a support ticket needs.

#include "../common/CliRunner.h"
#include "../common/SandboxWithFaults.h"
#include "audit/AuditJournal.h"
#include "auth/TokenStore.h"
#include "cli/CliApp.h"
#include "cli/CliSignIn.h"
#include "cli/JsonText.h"
#include "cli/TextTable.h"
#include "sandbox/SandboxServer.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ea::CliApp;
using ea::sandbox::SandboxOptions;
using ea::sandbox::SandboxServer;
using ea::test::CliRun;
using ea::test::runCli;

namespace {

// Already included on "Limit 5 devices – Sales": assigning it there again is a duplicate.
const QString kAssignedGroup = u"376361c8-1bd2-4385-9005-7bc966f578a6"_s; // "Sales – EMEA"
// Assigned nowhere in the seed tenant.
const QString kGroupGuid = u"b1158b3f-287b-430e-a316-4e0ac0911270"_s; // "Marketing – Contractors"
const QString kGroupName = u"Marketing – Contractors"_s;
const QString kOtherGroupGuid = u"eefc9c0e-371a-4ee2-ab95-a3a917c26069"_s; // "Finance"

// How many assignments in `list` have this target (type and group or collection id).
int countTarget(const QJsonArray &list, const QString &odataType, const QString &key = {}, const QString &value = {})
{
    int n = 0;
    for (const QJsonValue &v : list) {
        const QJsonObject t = v.toObject().value(u"target"_s).toObject();
        if (t.value(u"@odata.type"_s).toString() == odataType
            && (key.isEmpty() || t.value(key).toString().compare(value, Qt::CaseInsensitive) == 0))
            ++n;
    }
    return n;
}

const QString kGroupType = u"#microsoft.graph.groupAssignmentTarget"_s;
const QString kExclusionType = u"#microsoft.graph.exclusionGroupAssignmentTarget"_s;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void helpAndVersion();
    void verboseTurnsOnEverySubsystemsLog();
    void lostWriteAnswerSaysTheWriteMayHaveLanded();
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
    void jsonOutputNeverShowsTheToken();
    void badInputSendsNothing_data();
    void badInputSendsNothing();
    void unknownConfigurationIsAServiceFailure();
    void espAssignKeepsEveryEarlierAssignment_data();
    void espAssignKeepsEveryEarlierAssignment();
    void espAssignJsonPrintsTheCreatedObject();
    void duplicateIsRefusedWithoutWriting_data();
    void duplicateIsRefusedWithoutWriting();
    void defaultPolicyIsRefusedWithoutWriting();
    void betaFilterIsSent_data();
    void betaFilterIsSent();
    void filtersListOnBeta();
    void assignmentsShowGroupNames();
    void assignmentsShowIdsWhenNamesCannotBeRead();
    void assignmentsShowSourceOnBeta();
    void unassignEspThroughTheFullList_data();
    void unassignEspThroughTheFullList();
    void historyShowsEveryWrite();
    void historySurvivesATornLastLine();
    void lostResultLineReadsAsInterruptedAndNothingIsSentAgain();
    void historyWithoutAJournal();
    void unwritableJournalSendsNoWrite();
    void dryRunMentionsTheFullListFallback();
    void wrongTokenIsAServiceFailure();
    void builtInSandbox();
    void builtInSandboxJournalsApart();
    void finishedIsEmittedOnceFromTheEventLoop();
    void jsonSurrogatePairs_data();
    void jsonSurrogatePairs();
    void tableAlignsByDisplayWidth();
    void tableNeutralizesTerminalControls();
    void effectiveForAliceNestedAndExcluded();
    void effectiveJsonForAGroup();
    void effectiveUnknownUserIsGraphs404();
    void effectiveBadUsageSendsNothing_data();
    void effectiveBadUsageSendsNothing();
    void effectiveNamesThePermissionOn403();
    void effectiveFallsBackWhenExpandIsRefused();
    void effectiveNamesTheFilterOnBeta();
    void priorityMovesUpAndDownAndShowsTheOrderRead();
    void priorityRefusalsSendNothing_data();
    void priorityRefusalsSendNothing();
    void priorityDryRunSendsNothing();
    void configsTypeListsOneTypeInPriorityOrder();
    void priorityLostAnswerIsSettledByARead();
    void priorityUnsettledIsNeverSentAgain();
    void priorityThrottledIsSentAgainOnlyAfterAReadShowsItDidNotLand();
    void priorityShowsTheOrderReadNotTheOnePlanned();

private:
    CliRun run(const QStringList &args, const QProcessEnvironment &env, const QByteArray &stdinData = {});
    CliRun run(const QStringList &args) { return run(args, tokenEnv()); }
    QProcessEnvironment tokenEnv() const { return ea::test::sandboxTokenEnv(*m_server); }
    // Every run that talks to the sandbox journals into the test's own file, never the real one.
    QStringList graph() const { return ea::test::sandboxOptions(*m_server, m_journalPath); }
    QStringList journal() const { return {u"--journal"_s, m_journalPath}; }
    QString limitConfig() const;
    // POST .../setPriority requests the sandbox received.
    int setPriorityPosts() const;
    // Requests the sandbox saw whose line starts with `method` ("GET ") and whose target contains `pathPart`.
    int requestsTo(const QByteArray &method, const QByteArray &pathPart) const;
    // `priority "Limit 3 devices – Contractors" 1` against a sandbox with faults, journalled in the test's file.
    CliRun movePriorityUp(ea::test::SandboxWithFaults &faults);
    // Graph's 403 for a token without the permission, for every request whose target contains `pathPart`.
    void denyPermission(const QByteArray &pathPart);

    std::unique_ptr<SandboxServer> m_server;
    QTemporaryDir m_tempDir;
    QString m_journalPath;
    // No stored sign-in: runs without a token find no profile (tst_cli_signin covers signing in).
    std::unique_ptr<QSettings> m_settings;
    ea::auth::MemoryTokenStore m_tokens;
};

void TestCli::initTestCase()
{
    // A default journal path, should a run lack --journal, is a test location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestCli::init()
{
    m_journalPath = m_tempDir.filePath(u"audit.jsonl"_s);
    QFile::remove(m_journalPath);
    SandboxOptions options;
    options.pageSize = 3; // several pages even for the seed tenant
    m_server = std::make_unique<SandboxServer>(options, nullptr);
    QVERIFY(m_server->listen());
    QVERIFY(m_tempDir.isValid());
    m_settings = std::make_unique<QSettings>(m_tempDir.filePath(u"settings.ini"_s), QSettings::IniFormat);
}

void TestCli::cleanup()
{
    m_server.reset();
}

void TestCli::denyPermission(const QByteArray &pathPart)
{
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    m_server->httpServer().setHandler([&tenant, pathPart](const ea::sandbox::HttpRequest &request) {
        if (request.rawTarget.contains(pathPart)) {
            ea::sandbox::HttpResponse denied;
            denied.status = 403;
            denied.headers
                = {{"Content-Type", "application/json"}, {"request-id", "0d6f8a2e-0000-4000-8000-000000000403"}};
            denied.body = R"({"error":{"code":"Authorization_RequestDenied",)"
                          R"("message":"Insufficient privileges to complete the operation."}})";
            return denied;
        }
        return tenant.handle(request);
    });
}

QString TestCli::limitConfig() const
{
    return m_server->tenant().limitConfigurationId();
}

int TestCli::setPriorityPosts() const
{
    return requestsTo("POST ", "/setPriority");
}

int TestCli::requestsTo(const QByteArray &method, const QByteArray &pathPart) const
{
    int n = 0;
    for (const QByteArray &line : m_server->tenant().requestLog())
        n += line.startsWith(method) && line.contains(pathPart) ? 1 : 0;
    return n;
}

CliRun TestCli::run(const QStringList &args, const QProcessEnvironment &env, const QByteArray &stdinData)
{
    return runCli(args, env, stdinData,
        [this](CliApp &app) { app.signIn()->setStorage(m_settings.get(), &m_tokens, u"memory"_s); });
}

void TestCli::helpAndVersion()
{
    const int before = m_server->tenant().requestCount();
    CliRun r = run({u"--help"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.contains(u"assign CONFIG_ID TARGET"_s));
    QVERIFY(r.out.contains(u"GRAPH_ACCESS_TOKEN"_s));
    for (const QString &text : {u"--journal PATH"_s, u"--filter FILTER_ID"_s, u"--filter-mode MODE"_s, u"  history "_s,
             u"  filters "_s, u"Exit status"_s, u"  login --device-code | --browser"_s, u"  logout "_s, u"  status "_s,
             u"--profile NAME"_s, u"--tenant TENANT"_s, u"--client-id CLIENT_ID"_s, u"--cloud CLOUD"_s,
             u"--login-url URL"_s, u"14d82eec-204b-4c2f-b7e8-296a70dab67e"_s,
             u"  effective --user UPN_OR_ID | --group GROUP_ID"_s, u"--user UPN_OR_ID"_s, u"  priority CONFIG_ID N "_s,
             u"  configs [--type TYPE] "_s, u"--type TYPE"_s, u"platform-restriction[:PLATFORM]"_s})
        QVERIFY2(r.out.contains(text), qPrintable(text));
    // The retired Intune PowerShell app is never offered.
    QVERIFY(!r.out.contains(QLatin1String(ea::auth::kRetiredIntunePowerShellClientId)));

    r = run({u"--version"_s}, {});
    RUN_EXPECT(r, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), u"enrollment-assigner-cli "_s + QLatin1String(EA_VERSION_STRING));
    QCOMPARE(lines.at(1), u"Qt: "_s + QString::fromLatin1(qVersion()));
    // The TLS backend Qt actually uses (the release workflow asserts schannel
    // and securetransport from this line), with its library's version.
    const QString backend = QSslSocket::activeBackend();
    QVERIFY2(QSslSocket::availableBackends().contains(backend), qPrintable(backend));
    const QString library = QSslSocket::sslLibraryVersionString();
    QCOMPARE(lines.at(2), u"TLS backend: "_s + backend + (library.isEmpty() ? QString() : u" ("_s + library + u')'));

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

// Only the real binary runs cli_main, where -v sets the logging rules: every
// subsystem's info with -v, none of it (and the same output) without.
void TestCli::verboseTurnsOnEverySubsystemsLog()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_LOGGING_RULES"_s);
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, m_server->accessToken());
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Asynchronous: the sandbox answers from this test's event loop.
    auto runBinary = [&env](const QStringList &args) {
        QProcess process;
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(EA_CLI_EXECUTABLE), args);
        Run run;
        if (!finished.wait(30000))
            return run;
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    };
    const QStringList assign {u"assign"_s, limitConfig(), u"group:"_s + kGroupGuid};

    const Run quiet = runBinary(graph() + QStringList {u"configs"_s});
    QCOMPARE(quiet.exitCode, 0);
    QVERIFY2(!quiet.err.contains(u"ea."_s), qPrintable(quiet.err));

    const Run verbose = runBinary(graph() + QStringList {u"-v"_s, u"configs"_s});
    QCOMPARE(verbose.exitCode, 0);
    QCOMPARE(verbose.out, quiet.out); // the log goes to stderr only
    QVERIFY2(verbose.err.contains(u"ea.cli: command configs"_s), qPrintable(verbose.err));
    QVERIFY2(verbose.err.contains(u"ea.cli: exit status 0"_s), qPrintable(verbose.err));

    const Run write = runBinary(graph() + QStringList {u"-v"_s} + assign);
    QCOMPARE(write.exitCode, 0);
    QVERIFY2(write.err.contains(u"ea.service: sending create on "_s + limitConfig()), qPrintable(write.err));
    QVERIFY2(write.err.contains(u"ea.service: create succeeded"_s), qPrintable(write.err));
    QVERIFY(!write.err.contains(m_server->accessToken()));
}

// The POST's answer is lost (the connection drops after the write landed)
// and every re-read fails: the CLI cannot know, sends nothing again, and says
// the write may have landed. Before the POST, the same failure is plain.
void TestCli::lostWriteAnswerSaysTheWriteMayHaveLanded()
{
    using ea::test::SandboxWithFaults;
    using Route = SandboxWithFaults::Route;
    using Fault = SandboxWithFaults::Fault;
    SandboxWithFaults faults;
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, faults.server().accessToken());
    const QStringList args {u"--graph-url"_s, QString::fromLatin1(faults.rootUrl()), u"--journal"_s, m_journalPath,
        u"assign"_s, faults.tenant().limitConfigurationId(), u"group:"_s + kGroupGuid};

    faults.inject(Route::CreateAssignment, Fault::close().afterWrite());
    bool posted = false;
    faults.beforeAnswer = [&](Route route, const ea::sandbox::HttpRequest &) {
        if (route == Route::CreateAssignment && !posted) {
            posted = true;
            faults.inject(Route::ListAssignments, Fault::close(), 50); // every re-read after it
        }
    };
    const CliRun lost = run(args, env);
    RUN_EXPECT(lost, 1);
    QVERIFY2(lost.err.contains(u"may or may not have been applied"_s), qPrintable(lost.err));
    QCOMPARE(faults.postCount(), 1); // never sent again

    // The same network failure on the first read: nothing was written, no such hint.
    SandboxWithFaults before;
    before.inject(Route::GetConfiguration, Fault::close(), 50);
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, before.server().accessToken());
    QStringList beforeArgs = args;
    beforeArgs[1] = QString::fromLatin1(before.rootUrl());
    beforeArgs[5] = before.tenant().limitConfigurationId();
    const CliRun failed = run(beforeArgs, env);
    RUN_EXPECT(failed, 1);
    QVERIFY2(!failed.err.contains(u"may or may not have been applied"_s), qPrintable(failed.err));
    QCOMPARE(before.postCount(), 0);
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
    // Options after the command work too (and valid timeouts are accepted).
    const CliRun r = run(
        QStringList {u"configs"_s, u"--json"_s, u"--timeout"_s, u"45"_s, u"--connect-timeout"_s, u"5"_s} + graph());
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

    QVERIFY2(r.out.contains(u"(Excluded group "_s + kGroupGuid + u')'), qPrintable(r.out)); // what was deleted
    QVERIFY2(r.out.contains(u"'Limit 5 devices – Sales' ("_s + config + u')'), qPrintable(r.out));
    QVERIFY(r.out.contains(u"request-id "_s));
    QVERIFY(!r.out.contains(u"request-id none"_s));
    QVERIFY(!r.out.contains(u"full list"_s));

    // Deleting it again: the read before the write finds no such assignment; exit 1, nothing sent.
    const int writes = m_server->tenant().writeCount();
    r = run(graph() + QStringList {u"unassign"_s, config, id});
    RUN_EXPECT(r, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"has no assignment "_s + id), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), writes);
    QCOMPARE(m_server->tenant().assignmentsOf(config), after);
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

// --json output goes out as UTF-8 bytes (issue 15, P3); it is scrubbed all
// the same, even when Graph itself echoes the token in a value.
void TestCli::jsonOutputNeverShowsTheToken()
{
    using ea::test::SandboxWithFaults;
    SandboxWithFaults graph;
    const QByteArray token = graph.server().accessToken().toUtf8();
    graph.setScript([token](const ea::sandbox::HttpRequest &request, int) -> std::optional<ea::test::HttpFault> {
        if (!request.url.path().endsWith(u"/deviceEnrollmentConfigurations"_s))
            return std::nullopt;
        return ea::test::json(200,
            R"({"value":[{"@odata.type":"#microsoft.graph.deviceEnrollmentLimitConfiguration",)"
            R"("id":"c1","displayName":"echo )"
                + token + R"( 🚀","priority":1,"limit":5}]})");
    });
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, QString::fromUtf8(token));
    const CliRun r = run({u"--graph-url"_s, QString::fromLatin1(graph.rootUrl()), u"configs"_s, u"--json"_s}, env);
    RUN_EXPECT(r, 0);
    QVERIFY2(!r.out.contains(QString::fromUtf8(token)), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"echo [redacted] 🚀"_s), qPrintable(r.out));
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
    QTest::newRow("zero timeout") << QStringList {u"--timeout"_s, u"0"_s, u"configs"_s} << true
                                  << u"--timeout needs a whole number of seconds"_s;
    QTest::newRow("word as connect timeout")
        << QStringList {u"--connect-timeout"_s, u"soon"_s, u"configs"_s} << true << u"'soon'"_s;
    QTest::newRow("hour-long timeout") << QStringList {u"--timeout"_s, u"3600"_s, u"configs"_s} << true
                                       << u"1 to 600"_s;
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
    const QString filter = u"1fac265f-b170-484f-a7f6-3c868e6a20db"_s;
    QTest::newRow("filter on v1.0") << QStringList {u"assign"_s, config, group, u"--filter"_s, filter} << true
                                    << u"--api beta"_s;
    QTest::newRow("filter on v1.0, dry run")
        << QStringList {u"assign"_s, config, group, u"--filter"_s, filter, u"--dry-run"_s} << true << u"--api beta"_s;
    QTest::newRow("filter id not a GUID")
        << QStringList {u"--api"_s, u"beta"_s, u"assign"_s, config, group, u"--filter"_s, u"Windows 11"_s} << true
        << u"not a GUID"_s;
    QTest::newRow("bad filter mode") << QStringList {u"--api"_s, u"beta"_s, u"assign"_s, config, group, u"--filter"_s,
        filter, u"--filter-mode"_s, u"only"_s}
                                     << true << u"include or exclude"_s;
    QTest::newRow("filter mode none") << QStringList {u"--api"_s, u"beta"_s, u"assign"_s, config, group, u"--filter"_s,
        filter, u"--filter-mode"_s, u"none"_s}
                                      << true << u"include or exclude"_s;
    QTest::newRow("filter mode without filter")
        << QStringList {u"--api"_s, u"beta"_s, u"assign"_s, config, group, u"--filter-mode"_s, u"exclude"_s} << true
        << u"needs --filter"_s;
    QTest::newRow("filter on another command") << QStringList {u"--api"_s, u"beta"_s, u"assignments"_s, config,
        u"--filter"_s, filter} << true << u"belong to 'assign'"_s;
    QTest::newRow("filters on v1.0") << QStringList {u"filters"_s} << true << u"--api beta"_s;
    QTest::newRow("journal is a folder") << QStringList {u"--journal"_s, u"@dir"_s, u"history"_s} << false
                                         << u"folder"_s;
    QTest::newRow("journal empty") << QStringList {u"--journal"_s, u""_s, u"history"_s} << false << u"--journal"_s;
    QTest::newRow("history takes no arguments") << QStringList {u"history"_s, u"all"_s} << false << u"--help"_s;
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

namespace {

// "request-id X" as the CLI prints it after a write.
QString printedRequestId(const QString &text)
{
    static const QRegularExpression re(u"request-id ([^ )\n]+)"_s);
    return re.match(text).captured(1);
}

QJsonObject findById(const QJsonArray &list, const QString &id)
{
    for (const QJsonValue &v : list) {
        if (v.toObject().value(u"id"_s).toString() == id)
            return v.toObject();
    }
    return {};
}

// The ids in `after` that are not in `before`.
QStringList newIds(const QJsonArray &before, const QJsonArray &after)
{
    QStringList out;
    for (const QJsonValue &v : after) {
        const QString id = v.toObject().value(u"id"_s).toString();
        if (findById(before, id).isEmpty())
            out << id;
    }
    return out;
}

QStringList writesIn(const QList<QByteArray> &log)
{
    QStringList out;
    for (const QByteArray &line : log) {
        if (!line.startsWith("GET "))
            out << QString::fromUtf8(line);
    }
    return out;
}

} // namespace

void TestCli::espAssignKeepsEveryEarlierAssignment_data()
{
    // The session's API version must not matter: v1.0 reads hide filters and
    // policy-set sources, so the full list is always planned and sent on beta.
    QTest::addColumn<QStringList>("api");
    QTest::newRow("v1.0") << QStringList {};
    QTest::newRow("beta") << QStringList {u"--api"_s, u"beta"_s};
}

void TestCli::espAssignKeepsEveryEarlierAssignment()
{
    QFETCH(QStringList, api);
    const QString esp = m_server->tenant().espConfigurationId();
    // As stored: a filtered entry, one from a policy set and one whose target
    // type is newer than the app among them.
    const QJsonArray before = m_server->tenant().assignmentsOf(esp);
    QCOMPARE(before.size(), 5);
    QCOMPARE(countTarget(before, kGroupType, u"groupId"_s, kGroupGuid), 0);
    const int writes = m_server->tenant().writeCount();
    const qsizetype logSize = m_server->tenant().requestLog().size();

    const CliRun r = run(graph() + api + QStringList {u"assign"_s, esp, u"group:"_s + kGroupGuid});
    RUN_EXPECT(r, 0);
    // Said on stderr before it was sent, and in the result.
    QVERIFY2(r.err.contains(u"Intune accepts assignments of 'ESP – Autopilot devices' only as a full list: 5 existing "
                            u"+ 1 new will be sent with POST …/assign."_s),
        qPrintable(r.err));
    for (const QJsonValue &v : before)
        QVERIFY2(r.err.contains(u"keep    "_s + v.toObject().value(u"id"_s).toString()), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"add     Included group "_s + kGroupGuid), qPrintable(r.err));
    QVERIFY2(r.out.contains(u"(sent as the full list; 5 earlier assignments kept)"_s), qPrintable(r.out));

    // The tenant: every earlier assignment is still there, byte for byte
    // (filter, policy-set source, newer target type), and exactly one was added.
    const QJsonArray after = m_server->tenant().assignmentsOf(esp);
    QCOMPARE(after.size(), before.size() + 1);
    for (const QJsonValue &v : before) {
        const QJsonObject kept = findById(after, v.toObject().value(u"id"_s).toString());
        QVERIFY2(!kept.isEmpty(), qPrintable(v.toObject().value(u"id"_s).toString()));
        QCOMPARE(kept, v.toObject());
    }
    QCOMPARE(countTarget(after, kGroupType, u"groupId"_s, kGroupGuid), 1);
    const QStringList added = newIds(before, after);
    QCOMPARE(added.size(), 1);
    QVERIFY2(r.out.startsWith(u"Created assignment "_s + added.first() + u": Included group "_s + kGroupGuid),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(u"on 'ESP – Autopilot devices' ("_s + esp + u')'), qPrintable(r.out));
    QVERIFY(!printedRequestId(r.out).isEmpty());
    QVERIFY(printedRequestId(r.out) != u"none"_s);

    // Exactly two writes: the single POST Intune refuses, then the full list.
    QCOMPARE(m_server->tenant().writeCount(), writes + 2);
    const QStringList sent = writesIn(m_server->tenant().requestLog().mid(logSize));
    QCOMPARE(sent.size(), 2);
    const QString sessionVersion = api.isEmpty() ? u"/v1.0/"_s : u"/beta/"_s;
    QVERIFY2(sent.at(0).startsWith(u"POST "_s + sessionVersion) && sent.at(0).endsWith(u"/assignments"_s),
        qPrintable(sent.at(0)));
    // The full list goes to beta, where filters and policy-set sources are
    // visible and so sent back; v1.0 would reset them.
    QVERIFY2(sent.at(1).startsWith(u"POST /beta/"_s) && sent.at(1).endsWith(u"/assign"_s), qPrintable(sent.at(1)));
}

void TestCli::espAssignJsonPrintsTheCreatedObject()
{
    const QString esp = m_server->tenant().espConfigurationId();
    const QJsonArray before = m_server->tenant().assignmentsOf(esp);
    const CliRun r = run(graph() + QStringList {u"--json"_s, u"assign"_s, esp, u"exclude-group:"_s + kGroupGuid});
    RUN_EXPECT(r, 0);
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    QVERIFY2(doc.isObject(), qPrintable(r.out));
    const QStringList added = newIds(before, m_server->tenant().assignmentsOf(esp));
    QCOMPARE(added.size(), 1);
    QCOMPARE(doc.object().value(u"id"_s).toString(), added.first());
    const QJsonObject target = doc.object().value(u"target"_s).toObject();
    QCOMPARE(target.value(u"@odata.type"_s).toString(), kExclusionType);
    QCOMPARE(target.value(u"groupId"_s).toString(), kGroupGuid);
    // stdout is the object only; the note goes to stderr.
    QVERIFY2(r.err.contains(u"(sent as the full list; 5 earlier assignments kept)"_s), qPrintable(r.err));
}

void TestCli::duplicateIsRefusedWithoutWriting_data()
{
    QTest::addColumn<QString>("configName");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("odataType");
    QTest::addColumn<QString>("groupId");

    QTest::newRow("included group") << u"Limit 5 devices – Sales"_s << u"group:"_s + kAssignedGroup << kGroupType
                                    << kAssignedGroup;
    // Ids compare case-insensitively.
    QTest::newRow("upper-case id") << u"Limit 5 devices – Sales"_s << u"group:"_s + kAssignedGroup.toUpper()
                                   << kGroupType << kAssignedGroup;
    QTest::newRow("excluded group") << u"Limit 5 devices – Sales"_s
                                    << u"exclude-group:08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s << kExclusionType
                                    << u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s;
    // On the ESP too, where the write would be a full list: refused before any of it.
    QTest::newRow("esp") << u"ESP – Autopilot devices"_s << u"group:e9ed6d10-9751-4386-af72-3eb024bdb74c"_s
                         << kGroupType << u"e9ed6d10-9751-4386-af72-3eb024bdb74c"_s;
}

void TestCli::duplicateIsRefusedWithoutWriting()
{
    QFETCH(QString, configName);
    QFETCH(QString, target);
    QFETCH(QString, odataType);
    QFETCH(QString, groupId);

    const QString config = m_server->tenant().configurationIdByName(configName);
    QVERIFY(!config.isEmpty());
    const QJsonArray before = m_server->tenant().assignmentsOf(config);
    QCOMPARE(countTarget(before, odataType, u"groupId"_s, groupId), 1);
    QString existingId;
    for (const QJsonValue &v : before) {
        const QJsonObject t = v.toObject().value(u"target"_s).toObject();
        if (t.value(u"@odata.type"_s).toString() == odataType && t.value(u"groupId"_s).toString() == groupId)
            existingId = v.toObject().value(u"id"_s).toString();
    }
    const int writes = m_server->tenant().writeCount();

    const CliRun r = run(graph() + QStringList {u"assign"_s, config, target});
    RUN_EXPECT(r, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"already assigned"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(existingId), qPrintable(r.err));
    QVERIFY2(r.err.contains(configName), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"full list"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), writes);
    QCOMPARE(m_server->tenant().assignmentsOf(config), before);
    // Nothing was written, so nothing was journalled.
    QVERIFY(!QFile::exists(m_journalPath));
}

void TestCli::defaultPolicyIsRefusedWithoutWriting()
{
    for (const QString &config :
        {m_server->tenant().defaultLimitConfigurationId(), m_server->tenant().defaultEspConfigurationId()}) {
        const QJsonArray before = m_server->tenant().assignmentsOf(config);
        const int writes = m_server->tenant().writeCount();
        const CliRun r = run(graph() + QStringList {u"assign"_s, config, u"group:"_s + kGroupGuid});
        RUN_EXPECT(r, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(u"'All users and all devices' ("_s + config + u')'), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"default policy"_s), qPrintable(r.err));
        QCOMPARE(m_server->tenant().writeCount(), writes);
        QCOMPARE(m_server->tenant().assignmentsOf(config), before);
    }
    QVERIFY(!QFile::exists(m_journalPath));
}

void TestCli::betaFilterIsSent_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("mode");

    QTest::newRow("include") << QStringList {u"--filter-mode"_s, u"include"_s} << kGroupGuid << u"include"_s;
    QTest::newRow("exclude") << QStringList {u"--filter-mode"_s, u"exclude"_s} << kGroupGuid << u"exclude"_s;
    QTest::newRow("mode defaults to include") << QStringList {} << kGroupGuid << u"include"_s;
    // With a filter the same group is another target: not a duplicate.
    QTest::newRow("assigned group, now filtered")
        << QStringList {u"--filter-mode"_s, u"EXCLUDE"_s} << kAssignedGroup << u"exclude"_s;
}

void TestCli::betaFilterIsSent()
{
    QFETCH(QStringList, options);
    QFETCH(QString, group);
    QFETCH(QString, mode);

    const QString config = limitConfig();
    const QString filter = m_server->tenant().assignmentFilterIdByName(u"Windows 11 only"_s);
    QVERIFY(!filter.isEmpty());
    const QJsonArray before = m_server->tenant().assignmentsOf(config);
    const qsizetype logSize = m_server->tenant().requestLog().size();

    const CliRun r = run(graph()
        + QStringList {u"--api"_s, u"beta"_s, u"assign"_s, config, u"group:"_s + group, u"--filter"_s, filter}
        + options);
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"with filter "_s + filter + u" ("_s + mode + u')'), qPrintable(r.out));

    const QJsonArray after = m_server->tenant().assignmentsOf(config);
    const QStringList added = newIds(before, after);
    QCOMPARE(added.size(), 1);
    QCOMPARE(after.size(), before.size() + 1);
    const QJsonObject target = findById(after, added.first()).value(u"target"_s).toObject();
    QCOMPARE(target.value(u"groupId"_s).toString(), group);
    QCOMPARE(target.value(u"deviceAndAppManagementAssignmentFilterId"_s).toString(), filter);
    QCOMPARE(target.value(u"deviceAndAppManagementAssignmentFilterType"_s).toString(), mode);
    const QStringList sent = writesIn(m_server->tenant().requestLog().mid(logSize));
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first().startsWith(u"POST /beta/"_s), qPrintable(sent.first()));
}

void TestCli::filtersListOnBeta()
{
    const QStringList ids = m_server->tenant().assignmentFilterIds();
    QVERIFY(ids.size() >= 3);
    CliRun r = run(graph() + QStringList {u"--api"_s, u"beta"_s, u"filters"_s});
    RUN_EXPECT(r, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), ids.size() + 1);
    QVERIFY(lines.first().startsWith(u"ID"_s));
    QVERIFY(lines.first().contains(u"PLATFORM"_s) && lines.first().contains(u"RULE"_s));
    for (const QString &id : ids)
        QVERIFY2(r.out.contains(id), qPrintable(id));
    const QString windows11 = m_server->tenant().assignmentFilterIdByName(u"Windows 11 only"_s);
    bool found = false;
    for (const QString &line : lines) {
        if (line.startsWith(windows11)) {
            found = true;
            QVERIFY2(line.contains(u"Windows 11 only"_s) && line.contains(u"windows10AndLater"_s)
                    && line.contains(u"(device.osVersion -startsWith \"10.0.22\")"_s),
                qPrintable(line));
        }
    }
    QVERIFY(found);

    r = run(graph() + QStringList {u"--api"_s, u"beta"_s, u"--json"_s, u"filters"_s});
    RUN_EXPECT(r, 0);
    const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(array.size(), ids.size());
    QVERIFY(array.first().toObject().contains(u"rule"_s));
}

void TestCli::assignmentsShowGroupNames()
{
    const QString config = m_server->tenant().configurationIdByName(u"Limit 3 devices – Contractors"_s);
    QVERIFY(!config.isEmpty());
    const QString deleted = m_server->tenant().deletedGroupId();
    const QString contractors = m_server->tenant().groupIdByName(u"Contractors"_s);
    QCOMPARE(countTarget(m_server->tenant().assignmentsOf(config), kExclusionType, u"groupId"_s, deleted), 1);
    const qsizetype logSize = m_server->tenant().requestLog().size();

    CliRun r = run(graph() + QStringList {u"assignments"_s, config});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.first().contains(u"GROUP NAME"_s), qPrintable(lines.first()));
    bool sawName = false;
    bool sawDeleted = false;
    for (const QString &line : lines) {
        if (line.contains(contractors)) {
            sawName = true;
            QVERIFY2(line.endsWith(u"Contractors"_s), qPrintable(line));
        }
        if (line.contains(deleted)) {
            sawDeleted = true;
            QVERIFY2(line.contains(u"Excluded group"_s) && line.endsWith(u"(deleted group)"_s), qPrintable(line));
        }
    }
    QVERIFY(sawName && sawDeleted);
    // Both names in one request.
    int groupReads = 0;
    for (const QByteArray &line : m_server->tenant().requestLog().mid(logSize))
        groupReads += line.startsWith("GET /v1.0/groups") ? 1 : 0;
    QCOMPARE(groupReads, 1);

    // --json keeps Graph's objects as they are: no names added, no extra request.
    const int requests = m_server->tenant().requestCount();
    r = run(graph() + QStringList {u"--json"_s, u"assignments"_s, config});
    RUN_EXPECT(r, 0);
    QCOMPARE(m_server->tenant().requestCount(), requests + 1);
    const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    for (const QJsonValue &v : array) {
        QStringList keys = v.toObject().keys();
        keys.sort();
        QCOMPARE(keys, (QStringList {u"@odata.type"_s, u"id"_s, u"target"_s}));
    }
    QVERIFY(!r.out.contains(u"deleted group"_s));
}

void TestCli::assignmentsShowIdsWhenNamesCannotBeRead()
{
    // A token without Group.Read.All: Graph answers 403 for /groups, and only there.
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    denyPermission("/groups");
    const QString config = tenant.configurationIdByName(u"Limit 3 devices – Contractors"_s);
    const CliRun r = run(graph() + QStringList {u"assignments"_s, config});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.contains(u"group names could not be read"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"403"_s) && r.err.contains(u"Group.Read.All"_s), qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(!lines.first().contains(u"NAME"_s));
    QVERIFY(r.out.contains(tenant.deletedGroupId()));
    QVERIFY(r.out.contains(tenant.groupIdByName(u"Contractors"_s)));
}

void TestCli::assignmentsShowSourceOnBeta()
{
    const QString viaPolicySet = m_server->tenant().configurationIdByName(u"iOS/iPadOS – block personal devices"_s);
    CliRun r = run(graph() + QStringList {u"--api"_s, u"beta"_s, u"assignments"_s, viaPolicySet});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.section(u'\n', 0, 0).contains(u"SOURCE"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"policy set ef10d1af-bde4-4b51-bd80-027bcce8296f"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Shared iPads"_s), qPrintable(r.out));

    r = run(graph() + QStringList {u"--api"_s, u"beta"_s, u"assignments"_s, limitConfig()});
    RUN_EXPECT(r, 0);
    QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.takeFirst().endsWith(u"SOURCE"_s));
    for (const QString &line : std::as_const(lines))
        QVERIFY2(line.endsWith(u"direct"_s), qPrintable(line));

    // v1.0 has no source.
    r = run(graph() + QStringList {u"assignments"_s, limitConfig()});
    RUN_EXPECT(r, 0);
    QVERIFY(!r.out.contains(u"SOURCE"_s));
    QVERIFY(!r.out.contains(u"direct"_s));
}

void TestCli::unassignEspThroughTheFullList_data()
{
    QTest::addColumn<QStringList>("api");
    QTest::newRow("v1.0") << QStringList {};
    QTest::newRow("beta") << QStringList {u"--api"_s, u"beta"_s};
}

void TestCli::unassignEspThroughTheFullList()
{
    QFETCH(QStringList, api);
    m_server->tenant().setEspRefusesDelete(true);
    const QString esp = m_server->tenant().espConfigurationId();
    const QJsonArray before = m_server->tenant().assignmentsOf(esp);
    QCOMPARE(before.size(), 5);
    QJsonObject gone;
    QJsonArray stays;
    for (const QJsonValue &v : before) {
        if (v.toObject().value(u"target"_s).toObject().value(u"@odata.type"_s).toString() == kExclusionType)
            gone = v.toObject();
        else
            stays.append(v);
    }
    const QString goneId = gone.value(u"id"_s).toString();
    const QString goneGroup = gone.value(u"target"_s).toObject().value(u"groupId"_s).toString();
    QVERIFY(!goneId.isEmpty());
    QCOMPARE(stays.size(), 4);
    const int writes = m_server->tenant().writeCount();

    const CliRun r = run(graph() + api + QStringList {u"unassign"_s, esp, goneId});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.contains(u"only as a full list: 4 existing will be sent with POST …/assign, without "_s + goneId),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(u"remove  "_s + goneId), qPrintable(r.err));
    QVERIFY2(r.out.startsWith(u"Deleted assignment "_s + goneId + u" (Excluded group "_s + goneGroup + u')'),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(u"(sent as the full list; 4 other assignments kept)"_s), qPrintable(r.out));

    // The others are still there, byte for byte; only the deleted one is gone.
    QCOMPARE(m_server->tenant().assignmentsOf(esp), stays);
    QCOMPARE(m_server->tenant().writeCount(), writes + 2); // the refused DELETE, then the full list
}

void TestCli::historyShowsEveryWrite()
{
    const QString token = m_server->accessToken();
    const QString config = limitConfig();
    const QString esp = m_server->tenant().espConfigurationId();

    // 1. A plain create.
    CliRun created = run(graph() + QStringList {u"assign"_s, config, u"group:"_s + kGroupGuid});
    RUN_EXPECT(created, 0);
    const QString createdId = created.out.section(u' ', 2, 2).chopped(1);
    const QString createRequestId = printedRequestId(created.out);
    QVERIFY(!createdId.isEmpty() && !createRequestId.isEmpty());
    // 2. A create Intune refuses, then the full list (-v shows the refused POST's request-id).
    CliRun full = run(graph() + QStringList {u"-v"_s, u"assign"_s, esp, u"group:"_s + kOtherGroupGuid});
    RUN_EXPECT(full, 0);
    const QString fullListRequestId = printedRequestId(full.out);
    static const QRegularExpression refusedLine(u"< 400 \\(\\d+ ms\\) request-id ([^ \n]+)"_s);
    const QString refusedRequestId = refusedLine.match(full.err).captured(1);
    QVERIFY2(!fullListRequestId.isEmpty() && !refusedRequestId.isEmpty(), qPrintable(full.err));
    // 3. A delete.
    CliRun deleted = run(graph() + QStringList {u"unassign"_s, config, createdId});
    RUN_EXPECT(deleted, 0);
    const QString deleteRequestId = printedRequestId(deleted.out);
    QVERIFY(!deleteRequestId.isEmpty());

    // `history` needs no token and sends nothing.
    const int requests = m_server->tenant().requestCount();
    const CliRun h = run(journal() + QStringList {u"history"_s}, {});
    RUN_EXPECT(h, 0);
    QCOMPARE(m_server->tenant().requestCount(), requests);
    QVERIFY2(h.err.isEmpty(), qPrintable(h.err));
    const QStringList lines = h.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 4); // header; create, create (refused), full list, delete — newest last
    const QString header = lines.at(0);
    for (const QString &column : {u"TIME (UTC)"_s, u"ACTION"_s, u"OUTCOME"_s, u"HTTP"_s, u"CONFIGURATION"_s,
             u"TARGET"_s, u"ASSIGNMENT"_s, u"REQUEST-ID"_s})
        QVERIFY2(header.contains(column), qPrintable(header));
    const auto expectRow = [&](const QString &line, const QStringList &parts) {
        for (const QString &part : parts)
            QVERIFY2(line.contains(part), qPrintable(part + u" not in: "_s + line));
    };
    expectRow(lines.at(1),
        {u" create "_s, u" succeeded "_s, u" 201 "_s, u"Limit 5 devices – Sales ("_s + config + u')',
            u"group:"_s + kGroupGuid, createdId, createRequestId});
    expectRow(lines.at(2),
        {u" create "_s, u" failed "_s, u" 400 "_s, u"ESP – Autopilot devices ("_s + esp + u')',
            u"group:"_s + kOtherGroupGuid, refusedRequestId});
    expectRow(lines.at(3),
        {u" assign-full-list "_s, u" succeeded "_s, u" 204 "_s, u"ESP – Autopilot devices"_s,
            u"group:"_s + kOtherGroupGuid, fullListRequestId});
    expectRow(lines.at(4),
        {u" delete "_s, u" succeeded "_s, u" 204 "_s, u"Limit 5 devices – Sales"_s, u"group:"_s + kGroupGuid, createdId,
            deleteRequestId});
    QVERIFY(!h.out.contains(u"interrupted"_s));

    // --json: the journal's lines, an attempt and a result per write, paired by operationId.
    const CliRun j = run(journal() + QStringList {u"--json"_s, u"history"_s}, {});
    RUN_EXPECT(j, 0);
    const QJsonArray entries = QJsonDocument::fromJson(j.out.toUtf8()).array();
    QCOMPARE(entries.size(), 8);
    QStringList actions;
    for (qsizetype i = 0; i < entries.size(); i += 2) {
        const QJsonObject attempt = entries.at(i).toObject();
        const QJsonObject result = entries.at(i + 1).toObject();
        QCOMPARE(attempt.value(u"phase"_s).toString(), u"attempt"_s);
        QCOMPARE(result.value(u"phase"_s).toString(), u"result"_s);
        QCOMPARE(result.value(u"operationId"_s), attempt.value(u"operationId"_s));
        QVERIFY(!result.value(u"requestId"_s).toString().isEmpty());
        QVERIFY(!result.value(u"clientRequestId"_s).toString().isEmpty());
        actions << attempt.value(u"action"_s).toString();
    }
    QCOMPARE(actions, (QStringList {u"create"_s, u"create"_s, u"assign-full-list"_s, u"delete"_s}));

    // Never the token: not in what history prints, not in the file.
    QFile file(m_journalPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QVERIFY(!raw.contains(token.toUtf8()));
    for (const CliRun *r : {&h, &j})
        QVERIFY(!r->out.contains(token) && !r->err.contains(token));

    // An undo made in the GUI (journalled with the assignment it undoes) reads as an undo.
    {
        ea::AuditJournal journalFile(m_journalPath);
        ea::AuditEntry undo;
        undo.time = QDateTime::currentDateTimeUtc();
        undo.operationId = u"undo-op"_s;
        undo.phase = ea::AuditPhase::Attempt;
        undo.action = ea::AuditAction::Delete;
        undo.configurationId = config;
        undo.assignmentId = createdId;
        undo.target = ea::AssignmentTarget::includeGroup(kGroupGuid);
        undo.undoOf = createdId;
        QString error;
        QVERIFY2(journalFile.append(undo, &error), qPrintable(error));
        undo.phase = ea::AuditPhase::Result;
        undo.outcome = ea::AuditOutcome::Succeeded;
        undo.httpStatus = 204;
        QVERIFY2(journalFile.append(undo, &error), qPrintable(error));
    }
    const CliRun withUndo = run(journal() + QStringList {u"history"_s}, {});
    RUN_EXPECT(withUndo, 0);
    const QStringList undoLines = withUndo.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(undoLines.size(), 1 + 5);
    expectRow(undoLines.at(5), {u" undo:delete "_s, u" succeeded "_s, u" 204 "_s, createdId});
    expectRow(undoLines.at(4), {u" delete "_s}); // the CLI's own unassign stays a plain delete
}

void TestCli::historySurvivesATornLastLine()
{
    CliRun r = run(graph() + QStringList {u"assign"_s, limitConfig(), u"collection:JAX0002C"_s});
    RUN_EXPECT(r, 0);

    // A write whose end nobody saw: an attempt without a result...
    ea::AuditEntry attempt;
    attempt.time = QDateTime::currentDateTimeUtc().addSecs(1);
    attempt.operationId = u"6a0e4b1c-0000-4000-8000-00000000beef"_s;
    attempt.phase = ea::AuditPhase::Attempt;
    attempt.action = ea::AuditAction::Create;
    attempt.configurationId = limitConfig();
    attempt.configurationName = u"Limit 5 devices – Sales"_s;
    attempt.target = ea::AssignmentTarget::includeGroup(kOtherGroupGuid);
    attempt.outcome = ea::AuditOutcome::Pending;
    QVERIFY(ea::AuditJournal(m_journalPath).append(attempt));
    // ...and a line torn by a crash in the middle of journalling the next one.
    {
        QFile file(m_journalPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        file.write(R"({"time":"2026-01-01T00:00:00.000Z","operationId":"9f1c)");
    }

    const CliRun h = run(journal() + QStringList {u"history"_s}, {});
    RUN_EXPECT(h, 0);
    const QStringList lines = h.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(1).contains(u" succeeded "_s) && lines.at(1).contains(u"collection:JAX0002C"_s),
        qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(u" interrupted / unknown "_s) && lines.at(2).contains(kOtherGroupGuid),
        qPrintable(lines.at(2)));
    QVERIFY2(h.err.contains(u"1 line(s)"_s) && h.err.contains(u"skipped"_s), qPrintable(h.err));

    const CliRun j = run(journal() + QStringList {u"--json"_s, u"history"_s}, {});
    RUN_EXPECT(j, 0);
    QCOMPARE(QJsonDocument::fromJson(j.out.toUtf8()).array().size(), 3);
}

void TestCli::lostResultLineReadsAsInterruptedAndNothingIsSentAgain()
{
    // The journal syncs a write's attempt line before the request goes out,
    // not its result line. A power loss right after `assign` may lose that
    // result: the write must then read as interrupted / unknown (never as
    // done or failed), and assigning again must read the tenant and refuse,
    // not send the write a second time.
    const CliRun r = run(graph() + QStringList {u"assign"_s, limitConfig(), u"group:"_s + kOtherGroupGuid});
    RUN_EXPECT(r, 0);
    QFile file(m_journalPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    QCOMPARE(lines.size(), 3); // attempt, result, and the empty rest after the last '\n'
    QVERIFY(lines.at(0).contains(R"("phase":"attempt")"));
    QVERIFY(lines.at(1).contains(R"("phase":"result")"));
    QVERIFY(file.resize(lines.at(0).size() + 1)); // the result line lost

    const CliRun h = run(journal() + QStringList {u"history"_s}, {});
    RUN_EXPECT(h, 0);
    const QStringList rows = h.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 2);
    QVERIFY2(rows.at(1).contains(u" interrupted / unknown "_s) && rows.at(1).contains(kOtherGroupGuid),
        qPrintable(rows.at(1)));

    const int writes = m_server->tenant().writeCount();
    const CliRun again = run(graph() + QStringList {u"assign"_s, limitConfig(), u"group:"_s + kOtherGroupGuid});
    RUN_EXPECT(again, 1);
    QVERIFY2(again.err.contains(u"already assigned"_s), qPrintable(again.err));
    QCOMPARE(m_server->tenant().writeCount(), writes);
}

void TestCli::historyWithoutAJournal()
{
    QVERIFY(!QFile::exists(m_journalPath));
    const int requests = m_server->tenant().requestCount();
    CliRun r = run(journal() + QStringList {u"history"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.startsWith(u"No writes are recorded in "_s), qPrintable(r.out));
    r = run(journal() + QStringList {u"history"_s, u"--json"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isArray());
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
    QCOMPARE(m_server->tenant().requestCount(), requests);
    QVERIFY(!QFile::exists(m_journalPath));
}

void TestCli::unwritableJournalSendsNoWrite()
{
    // A file where the journal's folder would have to be.
    const QString blocker = m_tempDir.filePath(u"not-a-folder"_s);
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QString config = limitConfig();
    const QJsonArray before = m_server->tenant().assignmentsOf(config);
    const int writes = m_server->tenant().writeCount();
    const CliRun r = run(QStringList {u"--graph-url"_s, m_server->url().toString(), u"--journal"_s,
        blocker + u"/audit.jsonl"_s, u"assign"_s, config, u"group:"_s + kGroupGuid});
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"audit journal"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().writeCount(), writes);
    QCOMPARE(m_server->tenant().assignmentsOf(config), before);
}

void TestCli::dryRunMentionsTheFullListFallback()
{
    const int requests = m_server->tenant().requestCount();
    const QString esp = m_server->tenant().espConfigurationId();
    CliRun r = run(graph() + QStringList {u"--dry-run"_s, u"assign"_s, esp, u"group:"_s + kGroupGuid});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.startsWith(u"POST "_s) && r.out.section(u'\n', 0, 0).endsWith(u"/assignments"_s), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"Enrollment Status Page"_s) && r.err.contains(u"POST .../assign"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"nothing was sent"_s));

    r = run(graph() + QStringList {u"--dry-run"_s, u"assign"_s, limitConfig(), u"group:"_s + kGroupGuid});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.contains(u"If Intune refuses it"_s) && r.err.contains(u"POST .../assign"_s), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), requests);
    QVERIFY(!QFile::exists(m_journalPath));
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

void TestCli::builtInSandboxJournalsApart()
{
    // A write to the built-in sandbox is journalled in the sandbox's own
    // journal, never in the real tenants' one; --journal still wins.
    QFile::remove(ea::AuditJournal::defaultPath());
    QFile::remove(ea::AuditJournal::sandboxPath());
    CliRun r = run({u"--sandbox"_s, u"assign"_s, limitConfig(), u"all-devices"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY(!QFileInfo::exists(ea::AuditJournal::defaultPath()));
    const QList<ea::AuditEntry> entries = ea::AuditJournal(ea::AuditJournal::sandboxPath()).readAll();
    QVERIFY(!entries.isEmpty());
    for (const ea::AuditEntry &e : entries)
        QCOMPARE(e.cloud, u"sandbox"_s);

    r = run({u"--sandbox"_s, u"history"_s}, {});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(limitConfig()) || r.out.contains(u"Limit 5 devices"_s), qPrintable(r.out));
    r = run({u"history"_s}, {});
    QVERIFY2(!r.out.contains(limitConfig()) && !r.out.contains(u"Limit 5 devices"_s), qPrintable(r.out));

    const int before = int(entries.size());
    r = run(QStringList {u"--sandbox"_s, u"assign"_s, limitConfig(), u"all-users"_s} + journal(), {});
    RUN_EXPECT(r, 0);
    QVERIFY(!ea::AuditJournal(m_journalPath).readAll().isEmpty());
    QCOMPARE(ea::AuditJournal(ea::AuditJournal::sandboxPath()).readAll().size(), before);
    QVERIFY(!QFileInfo::exists(ea::AuditJournal::defaultPath()));
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

// The section of `effective`'s text output for one configuration type.
static QString typeSection(const QString &out, const QString &typeName)
{
    const qsizetype start = out.indexOf(u"\n"_s + typeName + u"\n"_s);
    if (start < 0)
        return {};
    const qsizetype end = out.indexOf(u"\n\n"_s, start + 1);
    return out.mid(start + 1, end < 0 ? -1 : end - start - 1);
}

void TestCli::effectiveForAliceNestedAndExcluded()
{
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    const qsizetype logSize = tenant.requestLog().size();
    const CliRun r = run(graph() + QStringList {u"effective"_s, u"--user"_s, u"alice@contoso.onmicrosoft.com"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"member of 6 group(s)"_s), qPrintable(r.out));

    // Included in "Limit 5 devices – Sales" through Sales – EMEA (Sales Interns are nested in it) and excluded
    // through Sales Interns: the exclusion wins, and the contractors' limit decides.
    const QString limit = typeSection(r.out, u"Device limit"_s);
    QVERIFY2(limit.contains(u"gets       “Limit 3 devices – Contractors” (priority 2"_s), qPrintable(limit));
    QVERIFY2(limit.contains(u"excluded   “Limit 5 devices – Sales” (priority 1"_s), qPrintable(limit));
    QVERIFY2(limit.contains(u"excluded by group “Sales Interns”"_s), qPrintable(limit));
    QVERIFY2(limit.contains(u"default    “All users and all devices”"_s), qPrintable(limit));
    QVERIFY2(limit.contains(u"userless enrollment"_s), qPrintable(limit));
    // Engineering reaches her through two levels of nesting (C++ Developers → Linux Workstations → Engineering).
    const QString comanagement = typeSection(r.out, u"Co-management authority"_s);
    QVERIFY2(comanagement.contains(u"through group “Engineering”"_s), qPrintable(comanagement));
    // Nothing targets her ESP: the default, with the device-before-user note.
    const QString esp = typeSection(r.out, u"Enrollment Status Page"_s);
    QVERIFY2(esp.contains(u"gets       the default “All users and all devices”"_s), qPrintable(esp));
    QVERIFY2(esp.contains(u"targets the device wins"_s), qPrintable(esp));

    // Bounded: her groups in pages of the tenant's size (3: two pages), the configurations with their
    // assignments in pages, and never one assignments read per configuration.
    const QList<QByteArray> log = tenant.requestLog().mid(logSize);
    int groupPages = 0;
    int configPages = 0;
    for (const QByteArray &raw : log) {
        const QByteArray line = QByteArray::fromPercentEncoding(raw);
        QVERIFY2(!line.contains("/assignments"), line.constData());
        if (line.contains("/users/alice@contoso.onmicrosoft.com/transitiveMemberOf/microsoft.graph.group")) {
            QVERIFY2(line.contains("select=id,displayName") || line.contains("skiptoken"), line.constData());
            ++groupPages;
        } else if (line.contains("/deviceEnrollmentConfigurations")) {
            QVERIFY2(line.contains("expand=assignments") || line.contains("skiptoken"), line.constData());
            ++configPages;
        }
    }
    QCOMPARE(groupPages, 2);
    QCOMPARE(configPages, int((tenant.configurationIds().size() + 2) / 3));
    QCOMPARE(log.size(), qsizetype(groupPages + configPages));
}

void TestCli::effectiveJsonForAGroup()
{
    // Members of C++ Developers get what its parents (Linux Workstations, Engineering) get.
    const QString group = m_server->tenant().groupIdByName(u"C++ Developers"_s);
    const CliRun r = run(graph() + QStringList {u"--json"_s, u"effective"_s, u"--group"_s, group});
    RUN_EXPECT(r, 0);
    const QJsonObject answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject principal = answer.value(u"principal"_s).toObject();
    QCOMPARE(principal.value(u"kind"_s).toString(), u"group"_s);
    QCOMPARE(principal.value(u"id"_s).toString(), group);
    // Graph's objects as read: the two parents, with the $select'ed properties only.
    const QJsonArray parents = principal.value(u"transitiveMemberOf"_s).toArray();
    QCOMPARE(parents.size(), 2);
    QCOMPARE(parents.at(0).toObject().keys(), (QStringList {u"displayName"_s, u"id"_s}));
    QCOMPARE(parents.at(1).toObject().value(u"displayName"_s).toString(), u"Engineering"_s);

    QJsonObject comanagement;
    for (const QJsonValue &t : answer.value(u"types"_s).toArray()) {
        if (t.toObject().value(u"type"_s).toString() == u"Co-management authority"_s)
            comanagement = t.toObject();
    }
    const QJsonObject winner = comanagement.value(u"winner"_s).toObject();
    QCOMPARE(winner.value(u"displayName"_s).toString(), u"Co-management – ConfigMgr client"_s);
    QCOMPARE(winner.value(u"reason"_s).toString(), u"group"_s);
    QCOMPARE(winner.value(u"group"_s).toObject().value(u"displayName"_s).toString(), u"Engineering"_s);
    QCOMPARE(comanagement.value(u"defaultApplies"_s).toBool(), false);
}

// On beta an answer that depends on a filter names it (one small read of the
// filters); on v1.0 Graph hides filters, and no filters read is made.
void TestCli::effectiveNamesTheFilterOnBeta()
{
    const QString group = m_server->tenant().groupIdByName(u"IT – Autopilot Devices"_s);
    const QString windows = m_server->tenant().configurationIdByName(u"Windows – corporate devices only"_s);
    m_server->tenant().resetTrafficCounters();
    const CliRun text = run(graph() + QStringList {u"--api"_s, u"beta"_s, u"effective"_s, u"--group"_s, group});
    RUN_EXPECT(text, 0);
    QVERIFY2(text.out.contains(u"depends on filter “Corporate Windows devices”"_s), qPrintable(text.out));
    QCOMPARE(requestsTo("GET ", "/assignmentFilters"), 1);

    const CliRun json
        = run(graph() + QStringList {u"--api"_s, u"beta"_s, u"--json"_s, u"effective"_s, u"--group"_s, group});
    RUN_EXPECT(json, 0);
    QJsonObject filter;
    for (const QJsonValue &t : QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"types"_s).toArray()) {
        const QJsonObject winner = t.toObject().value(u"winner"_s).toObject();
        if (winner.value(u"configurationId"_s).toString() == windows)
            filter = winner.value(u"filter"_s).toObject();
    }
    QCOMPARE(filter.value(u"displayName"_s).toString(), u"Corporate Windows devices"_s);
    QCOMPARE(filter.value(u"mode"_s).toString(), u"include"_s);

    m_server->tenant().resetTrafficCounters();
    const CliRun v1 = run(graph() + QStringList {u"effective"_s, u"--group"_s, group});
    RUN_EXPECT(v1, 0);
    QVERIFY2(!v1.out.contains(u"depends on filter"_s), qPrintable(v1.out));
    QCOMPARE(requestsTo("GET ", "/assignmentFilters"), 0);
}

void TestCli::effectiveUnknownUserIsGraphs404()
{
    const CliRun r = run(graph() + QStringList {u"effective"_s, u"--user"_s, u"nobody@contoso.onmicrosoft.com"_s});
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"HTTP 404"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Request_ResourceNotFound"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"nobody@contoso.onmicrosoft.com"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"request-id"_s), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    // An unknown group the same way.
    const CliRun g
        = run(graph() + QStringList {u"effective"_s, u"--group"_s, u"0badc0de-0000-4000-8000-000000000000"_s});
    RUN_EXPECT(g, 1);
    QVERIFY2(g.err.contains(u"HTTP 404"_s), qPrintable(g.err));
}

void TestCli::effectiveBadUsageSendsNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("neither") << QStringList {u"effective"_s} << u"exactly one of --user"_s;
    QTest::newRow("both") << QStringList {u"effective"_s, u"--user"_s, u"alice@contoso.onmicrosoft.com"_s, u"--group"_s,
        kGroupGuid} << u"exactly one of --user"_s;
    QTest::newRow("group is not a guid") << QStringList {u"effective"_s, u"--group"_s, u"Sales"_s}
                                         << u"is not a group id"_s;
    QTest::newRow("user is neither upn nor id")
        << QStringList {u"effective"_s, u"--user"_s, u"../groups"_s} << u"is not a user"_s;
    QTest::newRow("--user elsewhere") << QStringList {u"configs"_s, u"--user"_s, u"alice@contoso.onmicrosoft.com"_s}
                                      << u"--user and --group belong to 'effective'"_s;
}

void TestCli::effectiveBadUsageSendsNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const int before = m_server->tenant().requestCount();
    const CliRun r = run(graph() + args);
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), before);
}

void TestCli::effectiveNamesThePermissionOn403()
{
    // A token without GroupMember.Read.All: the membership read is refused.
    denyPermission("/transitiveMemberOf");
    const CliRun r = run(graph() + QStringList {u"effective"_s, u"--user"_s, u"alice@contoso.onmicrosoft.com"_s});
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"GroupMember.Read.All or Directory.Read.All"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"HTTP 403"_s) && r.err.contains(u"Authorization_RequestDenied"_s)
            && r.err.contains(u"0d6f8a2e-0000-4000-8000-000000000403"_s),
        qPrintable(r.err));
}

void TestCli::effectiveFallsBackWhenExpandIsRefused()
{
    // A Graph that refuses $expand on the list: one plain list read, then one assignments read per
    // configuration, and the same answer.
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    int refused = 0;
    m_server->httpServer().setHandler([&tenant, &refused](const ea::sandbox::HttpRequest &request) {
        if (request.rawTarget.contains("expand=")) {
            ++refused;
            ea::sandbox::HttpResponse no;
            no.status = 400;
            no.headers = {{"Content-Type", "application/json"}, {"request-id", "0d6f8a2e-0000-4000-8000-000000000400"}};
            no.body = R"({"error":{"code":"BadRequest","message":"Query option 'Expand' is not allowed."}})";
            return no;
        }
        return tenant.handle(request);
    });
    const qsizetype logSize = tenant.requestLog().size();
    const CliRun r = run(graph() + QStringList {u"effective"_s, u"--user"_s, u"alice@contoso.onmicrosoft.com"_s});
    RUN_EXPECT(r, 0);
    QCOMPARE(refused, 1);
    const QString limit = typeSection(r.out, u"Device limit"_s);
    QVERIFY2(limit.contains(u"gets       “Limit 3 devices – Contractors”"_s), qPrintable(limit));
    QVERIFY2(limit.contains(u"excluded   “Limit 5 devices – Sales”"_s), qPrintable(limit));
    int assignmentReads = 0;
    for (const QByteArray &line : tenant.requestLog().mid(logSize))
        assignmentReads += line.contains("/assignments") ? 1 : 0;
    QCOMPARE(assignmentReads, int(tenant.configurationIds().size()));
}

// --- priority (issue 16) -----------------------------------------------------

namespace {

const QString kSales = u"Limit 5 devices – Sales"_s; // device limit, priority 1 of 2
const QString kContractors = u"Limit 3 devices – Contractors"_s; // device limit, priority 2 of 2

// The lines of the order table `priority` prints that name one of `names`, in the order printed.
QStringList namesInOrder(const QString &text, const QStringList &names)
{
    QStringList found;
    for (const QString &line : text.section(u"as read afterwards:"_s, 1).split(u'\n')) {
        for (const QString &name : names) {
            if (line.contains(name))
                found << name;
        }
    }
    return found;
}

} // namespace

CliRun TestCli::movePriorityUp(ea::test::SandboxWithFaults &faults)
{
    QProcessEnvironment env;
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, faults.server().accessToken());
    const QString contractors = faults.tenant().configurationIdByName(kContractors);
    return run({u"--graph-url"_s, QString::fromLatin1(faults.rootUrl()), u"--journal"_s, m_journalPath, u"priority"_s,
                   contractors, u"1"_s},
        env);
}

// One POST each way; the order printed is the one read afterwards, and the
// journal keeps the order before and after.
void TestCli::priorityMovesUpAndDownAndShowsTheOrderRead()
{
    auto &tenant = m_server->tenant();
    const QString sales = tenant.configurationIdByName(kSales);
    const QString contractors = tenant.configurationIdByName(kContractors);
    const QStringList names {kSales, kContractors, u"All users and all devices"_s};

    CliRun up = run(graph() + QStringList {u"priority"_s, contractors, u"1"_s});
    RUN_EXPECT(up, 0);
    QCOMPARE(setPriorityPosts(), 1);
    QCOMPARE(tenant.priorityOf(contractors), 1);
    QCOMPARE(tenant.priorityOf(sales), 2);
    QVERIFY2(up.out.contains(u"set to 1 (was 2; request-id "_s), qPrintable(up.out));
    QVERIFY2(up.out.contains(u"Device limit, as read afterwards:"_s), qPrintable(up.out));
    QCOMPARE(namesInOrder(up.out, names), (QStringList {kContractors, kSales, u"All users and all devices"_s}));
    QVERIFY2(up.err.isEmpty(), qPrintable(up.err)); // the order read is the one planned

    CliRun down = run(graph() + QStringList {u"priority"_s, contractors, u"2"_s});
    RUN_EXPECT(down, 0);
    QCOMPARE(setPriorityPosts(), 2);
    QCOMPARE(tenant.priorityOf(contractors), 2);
    QCOMPARE(tenant.priorityOf(sales), 1);
    QCOMPARE(namesInOrder(down.out, names), (QStringList {kSales, kContractors, u"All users and all devices"_s}));

    const QList<ea::AuditOperation> ops = ea::groupByOperation(ea::AuditJournal(m_journalPath).readAll());
    QCOMPARE(ops.size(), 2);
    const ea::AuditEntry &result = ops.first().result;
    QVERIFY(ops.first().hasAttempt && ops.first().hasResult);
    QCOMPARE(result.action, ea::AuditAction::SetPriority);
    QCOMPARE(result.outcome, ea::AuditOutcome::Succeeded);
    QVERIFY(result.priority);
    QCOMPARE(result.priority->requested, 1);
    QCOMPARE(result.priority->previous, 2);
    QCOMPARE(result.priority->orderBefore.at(0).toObject().value(u"id"_s).toString(), sales);
    QCOMPARE(result.priority->orderAfter.at(0).toObject().value(u"id"_s).toString(), contractors);
    QVERIFY(ops.first().attempt.priority);
    QVERIFY(ops.first().attempt.priority->orderAfter.isEmpty()); // known only after the write

    const CliRun history = run(journal() + QStringList {u"history"_s}, {});
    RUN_EXPECT(history, 0);
    QVERIFY2(history.out.contains(u"set-priority"_s) && history.out.contains(u"priority 1 (was 2)"_s),
        qPrintable(history.out));
}

void TestCli::priorityRefusalsSendNothing_data()
{
    QTest::addColumn<QString>("config"); // a name, or "default"
    QTest::addColumn<QString>("priority");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    // Read first, then refused: exit 1, like a default policy for 'assign'.
    QTest::newRow("the priority it has") << kSales << u"1"_s << 1 << u"already has priority 1"_s;
    QTest::newRow("default") << u"default"_s << u"1"_s << 1 << u"default policy"_s;
    QTest::newRow("beyond the order") << kContractors << u"3"_s << 1 << u"out of range"_s;
    QTest::newRow("Windows Hello for Business")
        << u"Windows Hello for Business – Pilot"_s << u"2"_s << 1 << u"without a priority order"_s;
    // Bad input: exit 2 before any request.
    QTest::newRow("zero") << kContractors << u"0"_s << 2 << u"priorities start at 1"_s;
    QTest::newRow("not a number") << kContractors << u"first"_s << 2 << u"is not a priority"_s;
}

void TestCli::priorityRefusalsSendNothing()
{
    QFETCH(QString, config);
    QFETCH(QString, priority);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    auto &tenant = m_server->tenant();
    const QString id
        = config == u"default"_s ? tenant.defaultLimitConfigurationId() : tenant.configurationIdByName(config);
    const int requests = tenant.requestCount();
    const CliRun r = run(graph() + QStringList {u"priority"_s, id, priority});
    RUN_EXPECT(r, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Nothing was sent"_s), qPrintable(r.err));
    QCOMPARE(setPriorityPosts(), 0);
    QCOMPARE(tenant.writeCount(), 0);
    if (exitCode == 2)
        QCOMPARE(tenant.requestCount(), requests);
    QVERIFY(!QFile::exists(m_journalPath));
}

void TestCli::priorityDryRunSendsNothing()
{
    const QString contractors = m_server->tenant().configurationIdByName(kContractors);
    const int requests = m_server->tenant().requestCount();
    CliRun r = run(graph() + QStringList {u"--dry-run"_s, u"priority"_s, contractors, u"1"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"POST "_s)
            && r.out.contains(u"/deviceEnrollmentConfigurations/"_s + contractors + u"/setPriority"_s),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(u"\"priority\": 1"_s), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"Dry run: nothing was sent."_s), qPrintable(r.err));

    r = run(graph() + QStringList {u"--dry-run"_s, u"--format"_s, u"curl"_s, u"priority"_s, contractors, u"1"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"curl"_s) && r.out.contains(u"setPriority"_s), qPrintable(r.out));
    QCOMPARE(m_server->tenant().requestCount(), requests);
    QCOMPARE(m_server->tenant().priorityOf(contractors), 2);
}

void TestCli::configsTypeListsOneTypeInPriorityOrder()
{
    auto &tenant = m_server->tenant();
    // Moved first, so the listing's order is not the tenant's list order.
    QCOMPARE(
        run(graph() + QStringList {u"priority"_s, tenant.configurationIdByName(kContractors), u"1"_s}).exitCode, 0);
    CliRun r = run(graph() + QStringList {u"configs"_s, u"--type"_s, u"limit"_s});
    RUN_EXPECT(r, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // a header, two ranked, the default last
    QVERIFY(lines.at(1).contains(kContractors));
    QVERIFY(lines.at(2).contains(kSales));
    QVERIFY2(lines.at(3).contains(u"(default)"_s) && lines.at(3).contains(u"last"_s), qPrintable(r.out));

    // Single-platform restrictions: one order per platform (read on beta), each platform apart.
    r = run(graph() + QStringList {u"configs"_s, u"--type"_s, u"platform-restriction"_s});
    RUN_EXPECT(r, 0);
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), 4);
    QVERIFY2(r.out.contains(u": windows"_s) && r.out.contains(u": ios"_s), qPrintable(r.out));
    r = run(graph() + QStringList {u"--json"_s, u"configs"_s, u"--type"_s, u"platform-restriction:ios"_s});
    RUN_EXPECT(r, 0);
    const QJsonArray ios = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(ios.size(), 1);
    QCOMPARE(ios.at(0).toObject().value(u"platformType"_s).toString(), u"ios"_s);

    const int requests = tenant.requestCount();
    r = run(graph() + QStringList {u"configs"_s, u"--type"_s, u"laptops"_s});
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(u"limit, platform-restrictions"_s), qPrintable(r.err));
    r = run(graph() + QStringList {u"assignments"_s, limitConfig(), u"--type"_s, u"limit"_s});
    RUN_EXPECT(r, 2);
    QCOMPARE(tenant.requestCount(), requests);
}

// The write lands, its answer is lost: one POST, a read settles it, done.
void TestCli::priorityLostAnswerIsSettledByARead()
{
    using ea::test::SandboxWithFaults;
    using Route = SandboxWithFaults::Route;
    using Fault = SandboxWithFaults::Fault;
    SandboxWithFaults faults;
    const QString contractors = faults.tenant().configurationIdByName(kContractors);
    faults.inject(Route::SetPriority, Fault::close().afterWrite());

    const CliRun r = movePriorityUp(faults);
    RUN_EXPECT(r, 0);
    QCOMPARE(faults.count(Route::SetPriority), 1);
    QVERIFY(faults.count(Route::GetConfiguration) >= 1); // the read that settled it
    QCOMPARE(faults.tenant().priorityOf(contractors), 1);
    QVERIFY2(r.out.contains(u"a re-read confirmed it"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"set to 1 (was 2"_s), qPrintable(r.out));
    const QList<ea::AuditOperation> ops = ea::groupByOperation(ea::AuditJournal(m_journalPath).readAll());
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().result.outcome, ea::AuditOutcome::Succeeded);
}

// The write did not land and every read that would tell fails: the CLI
// cannot know, says so, and never sends it again.
void TestCli::priorityUnsettledIsNeverSentAgain()
{
    using ea::test::SandboxWithFaults;
    using Route = SandboxWithFaults::Route;
    using Fault = SandboxWithFaults::Fault;
    SandboxWithFaults faults;
    const QString contractors = faults.tenant().configurationIdByName(kContractors);
    faults.inject(Route::SetPriority, Fault::close());
    bool posted = false;
    faults.beforeAnswer = [&](Route route, const ea::sandbox::HttpRequest &) {
        if (route == Route::SetPriority && !posted) {
            posted = true;
            faults.inject(Route::GetConfiguration, Fault::close(), 50); // every re-read after it
        }
    };

    const CliRun r = movePriorityUp(faults);
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"may or may not have been applied"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"run 'configs'"_s), qPrintable(r.err));
    QCOMPARE(faults.count(Route::SetPriority), 1);
    QCOMPARE(faults.tenant().priorityOf(contractors), 2);
    const QList<ea::AuditOperation> ops = ea::groupByOperation(ea::AuditJournal(m_journalPath).readAll());
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().result.outcome, ea::AuditOutcome::Unknown);
}

// 429 before the write landed: the runner's rule, as for every write. A read
// shows it did not land, then (after Retry-After) it is sent once more.
void TestCli::priorityThrottledIsSentAgainOnlyAfterAReadShowsItDidNotLand()
{
    using ea::test::SandboxWithFaults;
    using Route = SandboxWithFaults::Route;
    using Fault = SandboxWithFaults::Fault;
    SandboxWithFaults faults;
    const QString contractors = faults.tenant().configurationIdByName(kContractors);
    faults.inject(Route::SetPriority, Fault::graphError(429, u"TooManyRequests"_s, u"Slow down."_s, "1"));
    QList<Route> seen;
    faults.beforeAnswer = [&seen](Route route, const ea::sandbox::HttpRequest &) {
        seen << route;
    };

    const CliRun r = movePriorityUp(faults);
    RUN_EXPECT(r, 0);
    QCOMPARE(faults.count(Route::SetPriority), 2);
    const qsizetype first = seen.indexOf(Route::SetPriority);
    const qsizetype second = seen.lastIndexOf(Route::SetPriority);
    QVERIFY(seen.mid(first, second - first).contains(Route::GetConfiguration)); // read before sending again
    QCOMPARE(faults.tenant().priorityOf(contractors), 1);
}

// Intune's renumbering is not documented: the CLI prints the order it reads
// afterwards and says when it is not the one planned. Here the tenant answers
// 204 and changes nothing.
void TestCli::priorityShowsTheOrderReadNotTheOnePlanned()
{
    auto &tenant = m_server->tenant();
    const QString contractors = tenant.configurationIdByName(kContractors);
    m_server->httpServer().setHandler([&tenant](const ea::sandbox::HttpRequest &request) {
        if (request.method == "POST" && request.rawTarget.contains("/setPriority")) {
            ea::sandbox::HttpResponse ignored;
            ignored.status = 204;
            ignored.headers = {{"request-id", "0d6f8a2e-0000-4000-8000-000000000204"}};
            return ignored;
        }
        return tenant.handle(request);
    });
    const CliRun r = run(graph() + QStringList {u"priority"_s, contractors, u"1"_s});
    RUN_EXPECT(r, 0);
    QCOMPARE(namesInOrder(r.out, {kSales, kContractors}), (QStringList {kSales, kContractors}));
    QVERIFY2(r.err.contains(u"differs from the one planned"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(kContractors + u" has priority 2"_s), qPrintable(r.err));
    const QList<ea::AuditOperation> ops = ea::groupByOperation(ea::AuditJournal(m_journalPath).readAll());
    QCOMPARE(ops.size(), 1);
    QVERIFY(ops.first().result.message.contains(u"differs from the one planned"_s));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
