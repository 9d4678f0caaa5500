// `--dry-run --format text|curl|powershell|json` of the console front end,
// run in-process against the sandbox tenant: the request in the asked form,
// nothing sent, never the token; a format it does not know is a usage error
// (exit 2) with nothing sent.

#include "../common/CliRunner.h"
#include "cli/CliApp.h"
#include "sandbox/SandboxServer.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ea::CliApp;
using ea::sandbox::SandboxServer;
using ea::test::CliRun;
using ea::test::runCli;

namespace {

const QString kGroupGuid = u"b1158b3f-287b-430e-a316-4e0ac0911270"_s;

} // namespace

class TestCliFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dryRunPrintsTheRequestInTheFormat_data();
    void dryRunPrintsTheRequestInTheFormat();
    void otherCommandsToo();
    void badFormatIsAUsageError_data();
    void badFormatIsAUsageError();
    void helpListsTheFormats();

private:
    CliRun run(const QStringList &args);
    QStringList graph() const { return ea::test::sandboxOptions(*m_server, m_dir.filePath(u"audit.jsonl"_s)); }
    QString assignUrl() const
    {
        return m_server->url().toString() + u"/v1.0/deviceManagement/deviceEnrollmentConfigurations/"_s
            + m_server->tenant().limitConfigurationId() + u"/assignments"_s;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
};

void TestCliFormat::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCliFormat::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
}

void TestCliFormat::cleanup()
{
    m_server.reset();
}

CliRun TestCliFormat::run(const QStringList &args)
{
    return runCli(args, ea::test::sandboxTokenEnv(*m_server));
}

void TestCliFormat::dryRunPrintsTheRequestInTheFormat_data()
{
    QTest::addColumn<QString>("format"); // empty: no --format at all
    QTest::newRow("default") << QString();
    QTest::newRow("text") << u"text"_s;
    QTest::newRow("curl") << u"curl"_s;
    QTest::newRow("powershell") << u"powershell"_s;
    QTest::newRow("json") << u"json"_s;
    QTest::newRow("upper case") << u"CURL"_s;
}

void TestCliFormat::dryRunPrintsTheRequestInTheFormat()
{
    QFETCH(QString, format);
    const int requests = m_server->tenant().requestCount();
    QStringList args = graph()
        + QStringList {
            u"assign"_s, m_server->tenant().limitConfigurationId(), u"group:"_s + kGroupGuid, u"--dry-run"_s};
    if (!format.isEmpty())
        args << u"--format"_s << format;
    const CliRun r = run(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(m_server->tenant().requestCount(), requests); // nothing sent, not even a read
    QVERIFY(!r.out.contains(m_server->accessToken()));
    QVERIFY(!r.err.contains(m_server->accessToken()));
    QVERIFY(r.err.contains(u"Dry run: nothing was sent."_s));

    const QString kind = format.toLower();
    if (kind.isEmpty() || kind == u"text"_s) {
        QVERIFY2(r.out.startsWith(u"POST "_s + assignUrl() + u'\n'), qPrintable(r.out));
        QVERIFY(QJsonDocument::fromJson(r.out.section(u'\n', 1).toUtf8()).isObject());
    } else if (kind == u"curl"_s) {
        QVERIFY2(
            r.out.startsWith(u"printf 'Authorization: Bearer %s\\n' \"$GRAPH_ACCESS_TOKEN\" | curl -H @- -X POST '"_s
                + assignUrl() + u"' \\\n"_s),
            qPrintable(r.out));
        QVERIFY(!r.out.contains(u"-H \"Authorization"_s)); // on standard input, not curl's command line
        QVERIFY(r.out.contains(u"--data-raw '{"_s));
        QVERIFY(r.out.contains(kGroupGuid));
    } else if (kind == u"powershell"_s) {
        QVERIFY2(r.out.startsWith(u"Invoke-MgGraphRequest -Method POST -Uri '"_s + assignUrl() + u"' -Body '{"_s),
            qPrintable(r.out));
        QVERIFY(r.out.endsWith(u" -ContentType 'application/json'\n"_s));
        QVERIFY(r.out.contains(kGroupGuid));
    } else {
        QJsonParseError error {};
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
        QCOMPARE(json.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(json.value(u"url"_s).toString(), assignUrl());
        const QJsonObject target = json.value(u"body"_s).toObject().value(u"target"_s).toObject();
        QCOMPARE(target.value(u"groupId"_s).toString(), kGroupGuid);
        QCOMPARE(target.value(u"@odata.type"_s).toString(), u"#microsoft.graph.groupAssignmentTarget"_s);
    }
}

void TestCliFormat::otherCommandsToo()
{
    const int requests = m_server->tenant().requestCount();
    CliRun r = run(graph() + QStringList {u"--dry-run"_s, u"--format"_s, u"curl"_s, u"configs"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(u"printf 'Authorization: Bearer %s\\n' \"$GRAPH_ACCESS_TOKEN\" | curl -H @- -X GET '"_s
                 + m_server->url().toString() + u"/v1.0/deviceManagement/"_s),
        qPrintable(r.out));
    QVERIFY(!r.out.contains(u"--data-raw"_s));

    r = run(graph()
        + QStringList {u"--dry-run"_s, u"--format"_s, u"powershell"_s, u"unassign"_s,
            m_server->tenant().limitConfigurationId(),
            m_server->tenant()
                .assignmentsOf(m_server->tenant().limitConfigurationId())
                .first()
                .toObject()
                .value(u"id"_s)
                .toString()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(u"Invoke-MgGraphRequest -Method DELETE -Uri '"_s), qPrintable(r.out));
    QVERIFY(!r.out.contains(u"-Body"_s));
    QCOMPARE(m_server->tenant().requestCount(), requests);
}

void TestCliFormat::badFormatIsAUsageError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString config = u"0b4f7a6e-11d1-4a36-8f4b-0a1c5e6d7f80_DefaultLimit"_s;
    QTest::newRow("unknown") << QStringList {u"assign"_s, config, u"all-devices"_s, u"--dry-run"_s, u"--format"_s,
        u"wget"_s} << u"'wget' is not a --format; use text, curl, powershell or json."_s;
    QTest::newRow("the GUI's link") << QStringList {u"assign"_s, config, u"all-devices"_s, u"--dry-run"_s,
        u"--format"_s, u"graph-explorer"_s}
                                    << u"is not a --format"_s;
    QTest::newRow("empty") << QStringList {u"configs"_s, u"--dry-run"_s, u"--format="_s} << u"is not a --format"_s;
    QTest::newRow("without --dry-run") << QStringList {u"assign"_s, config, u"all-devices"_s, u"--format"_s, u"curl"_s}
                                       << u"--format goes with --dry-run"_s;
}

void TestCliFormat::badFormatIsAUsageError()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const int requests = m_server->tenant().requestCount();
    const int writes = m_server->tenant().writeCount();
    const CliRun r = run(graph() + args);
    QCOMPARE(r.exitCode, int(CliApp::ExitUsage));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_server->tenant().requestCount(), requests);
    QCOMPARE(m_server->tenant().writeCount(), writes);
}

void TestCliFormat::helpListsTheFormats()
{
    const CliRun r = run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"--format FORMAT"_s));
    QVERIFY(r.out.contains(u"curl, powershell or json"_s));
}

QTEST_GUILESS_MAIN(TestCliFormat)
#include "tst_cli_format.moc"
