// `export` and `report` (issue 17) of the console front end, run in-process
// against the sandbox tenant over real HTTP on 127.0.0.1: what they print
// matches the tenant, files are written whole or not at all, bad input
// sends nothing, and the reads stay bounded.

#include "../common/CliRunner.h"
#include "cli/CliApp.h"
#include "domain/TenantExport.h"
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ea::CliApp;
using ea::sandbox::SandboxServer;

namespace {

using ea::test::CliRun;

ea::sandbox::HttpResponse denied()
{
    ea::sandbox::HttpResponse r;
    r.status = 403;
    r.headers = {{"Content-Type", "application/json"}, {"request-id", "0d6f8a2e-0000-4000-8000-000000000403"}};
    r.body
        = R"({"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}})";
    return r;
}

// What `export` printed, parsed; nullopt (and *problem) when it is not an export.
std::optional<ea::TenantExport> parsedExport(const CliRun &r, QString *problem)
{
    return ea::TenantExport::parse(r.out.toUtf8(), problem);
}

} // namespace

class TestCliReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void exportJsonHoldsEveryAssignmentAsReadOnBeta();
    void exportNamesGroupsWithoutDirectoryReadAll();
    void exportNamesGroupsGraphSentWithoutNames();
    void exportWithoutAnyGroupNamesStillExports();
    void exportToAFileIsWholeOrNothing();
    void exportCsvIsOneRowPerAssignment();
    void exportBadInputSendsNothing_data();
    void exportBadInputSendsNothing();
    void reportTextForANestedGroup();
    void reportFilesForATicket();
    void reportBadInputSendsNothing_data();
    void reportBadInputSendsNothing();

private:
    CliRun run(const QStringList &args);
    QStringList graph() const { return ea::test::sandboxOptions(*m_server, m_dir.filePath(u"audit.jsonl"_s)); }
    // Answers requests whose target contains `pathPart` with 403, the rest as the tenant does.
    void deny(const QList<QByteArray> &pathParts);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
};

void TestCliReports::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCliReports::init()
{
    ea::sandbox::SandboxOptions options;
    options.pageSize = 3; // several pages even for the seed tenant
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
}

void TestCliReports::cleanup()
{
    m_server.reset();
}

CliRun TestCliReports::run(const QStringList &args)
{
    return ea::test::runCli(args, ea::test::sandboxTokenEnv(*m_server));
}

void TestCliReports::deny(const QList<QByteArray> &pathParts)
{
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    m_server->httpServer().setHandler([&tenant, pathParts](const ea::sandbox::HttpRequest &request) {
        for (const QByteArray &part : pathParts) {
            if (request.rawTarget.contains(part))
                return denied();
        }
        return tenant.handle(request);
    });
}

void TestCliReports::exportJsonHoldsEveryAssignmentAsReadOnBeta()
{
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    const qsizetype logSize = tenant.requestLog().size();
    // On a v1.0 session too: the export reads on beta, where filters and sources show.
    const CliRun r = run(graph() + QStringList {u"export"_s});
    RUN_EXPECT(r, 0);
    QString problem;
    const std::optional<ea::TenantExport> document = parsedExport(r, &problem);
    QVERIFY2(document, qPrintable(problem));

    QStringList exportedIds;
    for (const ea::ExportedConfiguration &c : document->configurations) {
        exportedIds << c.id;
        const QJsonArray live = tenant.assignmentsOf(c.id);
        QCOMPARE(c.assignments.size(), live.size());
        for (qsizetype i = 0; i < live.size(); ++i)
            QCOMPARE(c.assignments.at(i), live.at(i).toObject());
        QCOMPARE(c.priority, tenant.priorityOf(c.id));
    }
    QStringList tenantIds = tenant.configurationIds();
    exportedIds.sort();
    tenantIds.sort();
    QCOMPARE(exportedIds, tenantIds);

    // The ESP's filtered include, policy-set entry and scope-tag target (a type the app does not know), as read.
    const QString esp = tenant.espConfigurationId();
    QJsonObject scopeTag;
    QJsonObject filtered;
    QJsonObject policySet;
    for (const ea::ExportedConfiguration &c : document->configurations) {
        for (const QJsonObject &a : c.assignments) {
            if (a.value(u"id"_s).toString() == tenant.espScopeTagAssignmentId())
                scopeTag = a;
            if (a.value(u"id"_s).toString() == tenant.espFilteredAssignmentId())
                filtered = a;
            if (a.value(u"id"_s).toString() == tenant.espPolicySetAssignmentId())
                policySet = a;
        }
    }
    QCOMPARE(scopeTag.value(u"target"_s).toObject().value(u"@odata.type"_s).toString(),
        u"#microsoft.graph.scopeTagGroupAssignmentTarget"_s);
    QVERIFY(!filtered.value(u"target"_s)
                 .toObject()
                 .value(u"deviceAndAppManagementAssignmentFilterId"_s)
                 .toString()
                 .isEmpty());
    QCOMPARE(policySet.value(u"sourceId"_s).toString(), tenant.policySetId());

    // Group names: the ones that exist by name, the deleted one without a name.
    const QString salesEmea = tenant.groupIdByName(u"Sales – EMEA"_s);
    QCOMPARE(document->groups.value(salesEmea), u"Sales – EMEA"_s);
    QVERIFY(document->groups.contains(tenant.deletedGroupId()));
    QVERIFY(document->groups.value(tenant.deletedGroupId()).isEmpty());
    for (const QString &id : document->referencedGroupIds())
        QVERIFY2(document->groups.contains(id), qPrintable(id));

    // Bounded: the configurations with their assignments on beta (paged), one getByIds, nothing else.
    int configurationPages = 0;
    int getByIds = 0;
    const QList<QByteArray> log = tenant.requestLog().mid(logSize);
    for (const QByteArray &raw : log) {
        const QByteArray line = QByteArray::fromPercentEncoding(raw);
        if (line.startsWith("GET /beta/deviceManagement/deviceEnrollmentConfigurations")
            && (line.contains("expand=assignments") || line.contains("skiptoken")))
            ++configurationPages;
        else if (line.startsWith("POST /v1.0/directoryObjects/getByIds"))
            ++getByIds;
        else
            QFAIL(line.constData());
    }
    QCOMPARE(getByIds, 1);
    QCOMPARE(configurationPages, int((tenant.configurationIds().size() + 2) / 3));
    QCOMPARE(tenant.writeCount(), 0);
}

void TestCliReports::exportNamesGroupsWithoutDirectoryReadAll()
{
    // getByIds needs Directory.Read.All; without it the names come from /groups?$filter=id in (...).
    deny({"/directoryObjects/getByIds"});
    const qsizetype logSize = m_server->tenant().requestLog().size();
    const CliRun r = run(graph() + QStringList {u"export"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(!r.err.contains(u"Warning"_s), qPrintable(r.err));
    QString problem;
    const std::optional<ea::TenantExport> document = parsedExport(r, &problem);
    QVERIFY2(document, qPrintable(problem));
    const QString salesEmea = m_server->tenant().groupIdByName(u"Sales – EMEA"_s);
    QCOMPARE(document->groups.value(salesEmea), u"Sales – EMEA"_s);
    QVERIFY(document->groups.value(m_server->tenant().deletedGroupId()).isEmpty());
    int filterReads = 0;
    for (const QByteArray &line : m_server->tenant().requestLog().mid(logSize))
        filterReads += QByteArray::fromPercentEncoding(line).contains("/groups?$filter=id in (") ? 1 : 0;
    QCOMPARE(filterReads, int((document->referencedGroupIds().size() + 14) / 15));
}

void TestCliReports::exportNamesGroupsGraphSentWithoutNames()
{
    // Graph's "limited information": getByIds answers with the objects but without their names; those ids go
    // the /groups?$filter way.
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    m_server->httpServer().setHandler([&tenant](const ea::sandbox::HttpRequest &request) {
        ea::sandbox::HttpResponse response = tenant.handle(request);
        if (request.rawTarget.contains("/directoryObjects/getByIds")) {
            QJsonObject body = QJsonDocument::fromJson(response.body).object();
            QJsonArray limited;
            for (const QJsonValue &v : body.value(u"value"_s).toArray())
                limited.append(QJsonObject {{u"@odata.type"_s, u"#microsoft.graph.group"_s},
                    {u"id"_s, v.toObject().value(u"id"_s)}, {u"displayName"_s, QJsonValue::Null}});
            body.insert(u"value"_s, limited);
            response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return response;
    });
    const qsizetype logSize = tenant.requestLog().size();
    const CliRun r = run(graph() + QStringList {u"export"_s});
    RUN_EXPECT(r, 0);
    QString problem;
    const std::optional<ea::TenantExport> document = parsedExport(r, &problem);
    QVERIFY2(document, qPrintable(problem));
    QCOMPARE(document->groups.value(tenant.groupIdByName(u"Sales – EMEA"_s)), u"Sales – EMEA"_s);
    int filterReads = 0;
    for (const QByteArray &line : tenant.requestLog().mid(logSize))
        filterReads += QByteArray::fromPercentEncoding(line).contains("/groups?$filter=id in (") ? 1 : 0;
    QVERIFY(filterReads >= 1);
}

void TestCliReports::exportWithoutAnyGroupNamesStillExports()
{
    // No permission to read groups at all: the export is whole, without names, and says why.
    deny({"/directoryObjects/getByIds", "/groups"});
    const CliRun r = run(graph() + QStringList {u"export"_s});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.err.contains(u"Warning: The group names could not be read"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"HTTP 403"_s), qPrintable(r.err));
    QString problem;
    const std::optional<ea::TenantExport> document = parsedExport(r, &problem);
    QVERIFY2(document, qPrintable(problem));
    QCOMPARE(document->configurations.size(), m_server->tenant().configurationIds().size());
    QVERIFY(!document->groups.isEmpty());
    for (const QString &name : document->groups)
        QVERIFY(name.isEmpty());
}

void TestCliReports::exportToAFileIsWholeOrNothing()
{
    const QString path = m_dir.filePath(u"export.json"_s);
    CliRun r = run(graph() + QStringList {u"export"_s, u"--output"_s, path});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"Exported %1 configuration(s)"_s.arg(m_server->tenant().configurationIds().size())),
        qPrintable(r.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    file.close();
    QString problem;
    QVERIFY2(ea::TenantExport::parse(written, &problem), qPrintable(problem));

    // A failed read leaves the earlier file as it was, and no temporary file beside it.
    deny({"/deviceEnrollmentConfigurations"});
    r = run(graph() + QStringList {u"export"_s, u"--output"_s, path});
    RUN_EXPECT(r, 1);
    QVERIFY2(r.err.contains(u"HTTP 403"_s), qPrintable(r.err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), written);
    file.close();
    QCOMPARE(
        QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(u"export"_s), QStringList {u"export.json"_s});
}

void TestCliReports::exportCsvIsOneRowPerAssignment()
{
    ea::sandbox::SandboxTenant &tenant = m_server->tenant();
    const CliRun r = run(graph() + QStringList {u"export"_s, u"--format"_s, u"csv"_s});
    RUN_EXPECT(r, 0);
    QStringList lines = r.out.split(u"\r\n"_s);
    QVERIFY(lines.last().isEmpty());
    lines.removeLast();
    QVERIFY2(lines.first().startsWith(u"configurationId,configurationType,displayName,priority,intent,"_s),
        qPrintable(lines.first()));
    int expected = 0;
    for (const QString &id : tenant.configurationIds())
        expected += std::max<int>(1, int(tenant.assignmentsOf(id).size()));
    QCOMPARE(lines.size() - 1, expected);
    const QString limit = tenant.limitConfigurationId();
    const QString salesEmea = tenant.groupIdByName(u"Sales – EMEA"_s);
    QVERIFY2(
        lines.filter(limit + u",Device limit,Limit 5 devices – Sales,1,include,Included group,"_s + salesEmea
                 + u",Sales – EMEA,"_s)
                .size()
            == 1,
        qPrintable(r.out));
    // The group that no longer exists: its id, no name.
    QVERIFY2(
        lines.filter(u",exclude,Excluded group,"_s + tenant.deletedGroupId() + u",,"_s).size() == 1, qPrintable(r.out));
}

void TestCliReports::exportBadInputSendsNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown format") << QStringList {u"export"_s, u"--format"_s, u"xml"_s} << 2
                                    << u"'xml' is not an export format; use json or csv."_s;
    QTest::newRow("output is a folder") << QStringList {u"export"_s, u"--output"_s, QDir::tempPath()} << 2
                                        << u"is a folder"_s;
    QTest::newRow("folder missing") << QStringList {u"export"_s, u"--output"_s, u"/nonexistent-ea/x.json"_s} << 2
                                    << u"does not exist"_s;
    QTest::newRow("output elsewhere") << QStringList {u"configs"_s, u"--output"_s, u"x.json"_s} << 2
                                      << u"--output belongs to 'export' and 'report'"_s;
    QTest::newRow("arguments") << QStringList {u"export"_s, u"extra"_s} << 2 << u"Too many arguments"_s;
}

void TestCliReports::exportBadInputSendsNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const int before = m_server->tenant().requestCount();
    const CliRun r = run(graph() + args);
    RUN_EXPECT(r, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), before);
}

// Sales Interns, nested in Sales – EMEA: "Limit 5 devices – Sales" includes the parent and excludes the interns.
const QString kSalesInterns = u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s;

void TestCliReports::reportTextForANestedGroup()
{
    const CliRun r = run(graph() + QStringList {u"report"_s, u"--group"_s, kSalesInterns});
    RUN_EXPECT(r, 0);
    QVERIFY2(r.out.contains(u"Group report for “Sales Interns” (08b86be8-a509-4b3a-b4d6-9b8df2aafa58)"_s),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Nested in “Sales – EMEA”."_s), qPrintable(r.out));
    const QStringList lines = r.out.split(u'\n');
    QCOMPARE(lines.filter(u"Limit 5 devices – Sales"_s).size(), 2);
    QVERIFY2(lines.filter(u"Include  through parent group “Sales – EMEA”"_s).value(0).endsWith(u"Excluded"_s),
        qPrintable(r.out));
    QVERIFY2(lines.filter(u"Exclude  directly"_s).value(0).endsWith(u"Excluded"_s), qPrintable(r.out));
    // Held back from the Sales limit, the interns get the default.
    QVERIFY2(lines.filter(u"Device limit  "_s).value(0).contains(u"the default “All users and all devices”"_s),
        qPrintable(r.out));
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

void TestCliReports::reportFilesForATicket()
{
    const QString html = m_dir.filePath(u"report.html"_s);
    CliRun r = run(graph()
        + QStringList {u"report"_s, u"--group"_s, kSalesInterns, u"--format"_s, u"html"_s, u"--output"_s, html});
    RUN_EXPECT(r, 0);
    QVERIFY(r.out.isEmpty());
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(file.readAll());
    QVERIFY(page.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(page.contains(u"Enrollment configurations for group “Sales Interns”"_s));
    QVERIFY(page.contains(kSalesInterns));
    QVERIFY(!page.contains(u"<script"_s));

    r = run(graph() + QStringList {u"report"_s, u"--group"_s, kSalesInterns, u"--format"_s, u"csv"_s});
    RUN_EXPECT(r, 0);
    QStringList csv = r.out.split(u"\r\n"_s);
    QCOMPARE(csv.size(), 1 + 2 + 1);
    QVERIFY2(csv.at(1).startsWith(u"Device limit,Limit 5 devices – Sales,"_s), qPrintable(csv.at(1)));

    r = run(graph() + QStringList {u"--json"_s, u"report"_s, u"--group"_s, kSalesInterns});
    RUN_EXPECT(r, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(u"group"_s).toObject().value(u"displayName"_s).toString(), u"Sales Interns"_s);
    QCOMPARE(o.value(u"assignments"_s).toArray().size(), 2);
    QCOMPARE(o.value(u"parents"_s).toArray().at(0).toObject().value(u"displayName"_s).toString(), u"Sales – EMEA"_s);
}

void TestCliReports::reportBadInputSendsNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no group") << QStringList {u"report"_s} << u"'report' needs --group GROUP_ID"_s;
    QTest::newRow("not a group id") << QStringList {u"report"_s, u"--group"_s, u"Sales"_s} << u"is not a group id"_s;
    QTest::newRow("unknown format") << QStringList {u"report"_s, u"--group"_s, kSalesInterns, u"--format"_s, u"pdf"_s}
                                    << u"'pdf' is not a report format"_s;
    QTest::newRow("--user") << QStringList {u"report"_s, u"--user"_s, u"alice@contoso.onmicrosoft.com"_s}
                            << u"--group also to 'report'"_s;
}

void TestCliReports::reportBadInputSendsNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const int before = m_server->tenant().requestCount();
    const CliRun r = run(graph() + args);
    RUN_EXPECT(r, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), before);
}

QTEST_GUILESS_MAIN(TestCliReports)
#include "tst_cli_reports.moc"
