#include "cli/CliApp.h"

#include "Logging.h"
#include "audit/AuditJournal.h"
#include "auth/TokenClaims.h"
#include "cli/CliSignIn.h"
#include "cli/TextTable.h"
#include "cli/commands/ApplyCommand.h"
#include "cli/commands/CopyCommand.h"
#include "cli/commands/EffectiveCommand.h"
#include "cli/commands/ExportCommand.h"
#include "cli/commands/HistoryCommand.h"
#include "cli/commands/PriorityCommand.h"
#include "cli/commands/ReadCommands.h"
#include "cli/commands/ReportCommand.h"
#include "cli/commands/RestoreCommand.h"
#include "cli/commands/SignInCommands.h"
#include "cli/commands/WriteCommands.h"
#include "domain/Identifiers.h"
#include "graph/GraphEndpoint.h"
#ifdef EA_WITH_SANDBOX
#include "sandbox/SandboxServer.h"
#endif
#include "service/AssignmentService.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslSocket>
#include <QTimer>

#include <array>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

// A token file is a few KiB; anything much larger is the wrong file.
constexpr qint64 kMaxTokenBytes = 64 * 1024;

// The lines after the version: which Qt runs and which TLS backend it picked,
// so that a packaged build can be checked (the release workflow expects
// "schannel" on Windows and "securetransport" on macOS, never an OpenSSL found
// on PATH). Not translated: scripts read them.
QString runtimeLines()
{
    QString backend = QSslSocket::activeBackend();
    if (backend.isEmpty())
        backend = u"none"_s;
    QString tls = u"TLS backend: "_s + backend;
    const QString library = QSslSocket::sslLibraryVersionString();
    if (!library.isEmpty())
        tls += u" ("_s + library + u')';
    return u"Qt: "_s + QString::fromLatin1(qVersion()) + u'\n' + tls + u'\n';
}

} // namespace

// The table the dispatcher, the argument count check and the help text read.
std::span<const CliCommandSpec> CliApp::commands()
{
    // Sized by its entries: a command added on another branch cannot leave the count stale.
    static const CliCommandSpec table[] = {
        {"configs", "[--type TYPE]", QT_TR_NOOP("list configurations (all pages); one type in priority order"), 0, 0,
            &makeCommand<ConfigsCommand>},
        {"assignments", "CONFIG_ID", QT_TR_NOOP("list a configuration's assignments, with group names"), 1, 1,
            &makeCommand<AssignmentsCommand>},
        {"assign", "CONFIG_ID TARGET [--filter ...]", QT_TR_NOOP("create one assignment"), 2, 2,
            &makeCommand<AssignCommand>, true, true},
        {"unassign", "CONFIG_ID ASSIGNMENT_ID", QT_TR_NOOP("delete one assignment"), 2, 2,
            &makeCommand<UnassignCommand>, true, true},
        {"priority", "CONFIG_ID N", QT_TR_NOOP("move a configuration to priority N within its type"), 2, 2,
            &makeCommand<PriorityCommand>, true, true},
        {"apply", "PLAN [--dry-run] [--yes]",
            QT_TR_NOOP(
                "run a bulk plan: CSV rows that add and remove, or an export's JSON (adds only); a re-run resumes"),
            1, 1, &makeCommand<ApplyCommand>, true, true},
        {"restore", "FILE [--dry-run] [--yes]",
            QT_TR_NOOP("make the assignments what an export file says; a re-run writes only what still differs"), 1, 1,
            &makeCommand<RestoreCommand>, true, true},
        {"copy", "SOURCE_ID [TARGET_ID] [--from EXPORT [--group-map CSV]]",
            QT_TR_NOOP("copy a configuration's assignments to another of its type (or from an export)"), 1, 2,
            &makeCommand<CopyCommand>, true, true},
        {"groups", "TEXT", QT_TR_NOOP("find groups whose name starts with TEXT"), 1, 1, &makeCommand<GroupsCommand>},
        {"filters", "", QT_TR_NOOP("list assignment filters (needs --api beta)"), 0, 0, &makeCommand<FiltersCommand>},
        {"effective", "--user UPN_OR_ID | --group GROUP_ID",
            QT_TR_NOOP("which configuration of each type a user or group gets, and why"), 0, 0,
            &makeCommand<EffectiveCommand>},
        {"export", "[--output FILE] [--format json|csv]",
            QT_TR_NOOP("every configuration with its assignments as read on beta, and group names"), 0, 0,
            &makeCommand<ExportCommand>},
        {"report", "--group GROUP_ID [--format text|csv|html|json] [--output FILE]",
            QT_TR_NOOP("what includes or excludes a group and its parents, and what its members get"), 0, 0,
            &makeCommand<ReportCommand>},
        {"history", "", QT_TR_NOOP("show the audit journal of writes (offline, no token)"), 0, 0,
            &makeCommand<HistoryCommand>, false},
        {"login", "--device-code | --browser", QT_TR_NOOP("sign in and keep the sign-in for the other commands"), 0, 0,
            &makeCommand<LoginCommand>, false},
        {"logout", "", QT_TR_NOOP("remove the stored sign-in (refresh token) of the profile"), 0, 0,
            &makeCommand<LogoutCommand>, false},
        {"status", "", QT_TR_NOOP("show who is signed in where, with which permissions"), 0, 0,
            &makeCommand<StatusCommand>, false},
    };
    return table;
}

const CliCommandSpec *CliApp::findCommand(const QString &name)
{
    for (const CliCommandSpec &command : commands()) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

CliApp::CliApp(QStringList arguments, QIODevice *out, QIODevice *err, QIODevice *in, QProcessEnvironment environment,
    QObject *parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
    , m_in(in)
    , m_environment(std::move(environment))
    , m_cx(out, err, [this](int exitCode) { finish(exitCode); })
    , m_signIn(new CliSignIn(&m_cx, this))
    , m_network(new QNetworkAccessManager(this)) // a child made after m_signIn, so it outlives the sign-in's calls
{
    m_cx.signIn = m_signIn;
    m_cx.network = m_network;
}

CliApp::~CliApp()
{
    // The command's calls and sign-in flow end first; then calls still in flight end (as cancelled)
    // before the sandbox they talk to goes away.
    m_command.reset();
    m_cx.session = nullptr;
    m_session.reset();
#ifdef EA_WITH_SANDBOX
    m_sandbox.reset();
#endif
}

QString CliApp::programName()
{
    return QStringLiteral("enrollment-assigner-cli");
}

QString CliApp::helpText()
{
    const QString name = programName();
    const QString indent(name.size() + 8, u' ');
    QString text = tr("Usage: %1 [--sandbox | --graph-url URL] [--api v1.0|beta]\n").arg(name) + indent
        + tr("[--token-file PATH | --profile NAME] [--journal PATH] [--json] [-v]\n") + indent + tr("COMMAND ...\n\n")
        + tr("Lists and assigns Intune device enrollment configurations through Microsoft Graph.\n\n")
        + tr("Commands:\n");
    TextTable commandTable({QString(), QString()});
    for (const CliCommandSpec &command : commands()) {
        commandTable.addRow(
            {u"  "_s + QLatin1String(command.name) + u' ' + QLatin1String(command.arguments), tr(command.summary)});
    }
    // The table's header row is empty; drop it.
    text += commandTable.toString().section(u'\n', 1);
    text += u'\n' + tr("TARGET:\n")
        + tr("  all-devices | all-users | group:GROUP_ID | exclude-group:GROUP_ID\n"
             "  | collection:COLLECTION_ID\n"
             "  GROUP_ID is the group's object id (a GUID; find it with 'groups'); COLLECTION_ID\n"
             "  is a Configuration Manager collection: a 3-character site code and 5 hex digits\n"
             "  (SMS00001).\n\n");
    text += tr("Options:\n");
    TextTable options({QString(), QString()});
    const std::pair<QString, QString> rows[] = {
#ifdef EA_WITH_SANDBOX
        {u"  --sandbox"_s, tr("use the built-in sandbox tenant (nothing leaves this computer)")},
#endif
        {u"  --graph-url URL"_s, tr("Graph root without version, default https://graph.microsoft.com")},
        {u"  --api VERSION"_s, tr("v1.0 (default) or beta")},
        {u"  --token-file PATH"_s, tr("read the access token from PATH ('-' reads standard input)")},
        {u"  --journal PATH"_s, tr("the audit journal to write to and to show with 'history'")},
        {QString(), tr("(default %1)").arg(QDir::toNativeSeparators(AuditJournal::defaultPath()))},
        {u"  --filter FILTER_ID"_s, tr("assign: narrow the target with an assignment filter (beta only; ids")},
        {QString(), tr("from 'filters')")},
        {u"  --filter-mode MODE"_s, tr("assign: include (default with --filter) or exclude")},
        {u"  --user UPN_OR_ID"_s, tr("effective: the user (user principal name or object id)")},
        {u"  --group GROUP_ID"_s, tr("effective: the group (object id); its members get what it gets")},
        {QString(), tr("report: the group to report on (object id)")},
        {u"  --type TYPE"_s, tr("configs: only that type, in priority order, defaults last (read on beta);")},
        {QString(), tr("TYPE: limit, platform-restrictions, platform-restriction[:PLATFORM], esp,")},
        {QString(), tr("notifications, co-management, windows-hello or windows-restore")},
        {u"  --timeout SECONDS"_s,
            tr("give up on a call that stalls this long (default %1)")
                .arg(GraphClient::kDefaultTransferTimeout.count() / 1000)},
        {u"  --connect-timeout SECONDS"_s,
            tr("give up connecting after this long; nothing was sent then (default %1)")
                .arg(GraphClient::kDefaultConnectTimeout.count() / 1000)},
        {u"  --json"_s, tr("print Graph's JSON objects instead of tables")},
        {u"  --dry-run"_s, tr("print the request that would be sent; send nothing")},
        {QString(), tr("(apply, restore, copy: read the tenant and print the plan's changes; write nothing)")},
        {u"  --yes"_s, tr("apply, restore, copy: do not ask before writing (needed when no one can answer)")},
        {u"  --from EXPORT"_s, tr("copy: the source configuration is in this export file (another tenant's);")},
        {QString(), tr("groups are matched by display name, TARGET_ID by type and name if left out")},
        {u"  --group-map CSV"_s, tr("copy --from: SOURCE_GROUP_ID,TARGET_GROUP_ID lines that override the names")},
        {u"  --format FORMAT"_s, tr("with --dry-run: text (default), curl, powershell or json; never")},
        {QString(), tr("contains the token (curl reads it from $%1)").arg(QLatin1String(kTokenVariable))},
        {u"  --format FORMAT"_s, tr("export: json (default; restorable) or csv (a table for people);")},
        {QString(), tr("report: text (default), csv, html (a page for a change ticket) or json")},
        {u"  --output FILE"_s, tr("export, report: write to FILE (whole or not at all), not standard output")},
        {u"  -v, --verbose"_s, tr("log every request and response to standard error (token redacted)")},
        {u"  -h, --help"_s, tr("show this help")},
        {u"  --version"_s, tr("show the version, the Qt version and the TLS backend in use")},
    };
    for (const auto &[option, description] : rows)
        options.addRow({option, description});
    text += options.toString().section(u'\n', 1);
    text += u'\n' + tr("Proxy options:\n");
    TextTable proxyOptions({QString(), QString()});
    for (const auto &[option, description] : CliProxy::optionHelp())
        proxyOptions.addRow({option, description});
    text += proxyOptions.toString().section(u'\n', 1);
    text += u'\n' + tr("Sign-in options:\n");
    TextTable signInOptions({QString(), QString()});
    for (const auto &[option, description] : CliSignIn::optionHelp())
        signInOptions.addRow({option, description});
    text += signInOptions.toString().section(u'\n', 1);
    text += u'\n'
        + tr("Sign in once with 'login'; the other commands then use that sign-in (the refresh token is kept\n"
             "in the system keychain, never in a file). For example:\n"
             "  %1 login --device-code --tenant contoso.onmicrosoft.com --client-id CLIENT_ID\n"
             "  %1 status\n"
             "CLIENT_ID is your app registration's, or Microsoft Graph Command Line Tools'\n"
             "(14d82eec-204b-4c2f-b7e8-296a70dab67e); the README says how to set either up. 'login' stores\n"
             "--graph-url with the profile; --cloud picks the sign-in and Graph addresses of a national cloud.\n\n")
              .arg(name)
        + tr("A supplied access token wins over the sign-in: from --token-file or the environment\n"
             "variable %1, never from the command line (other users and the shell history could\n"
             "read it there). Either needs DeviceManagementServiceConfig.ReadWrite.All (reading: .Read.All);\n"
             "'groups' and the group names in 'assignments' need GroupMember.Read.All or Group.Read.All;\n"
             "'effective' needs GroupMember.Read.All or Directory.Read.All.\n"
             "For example:\n"
             "  az account get-access-token --resource https://graph.microsoft.com --query accessToken -o tsv \\\n"
             "    | %2 --token-file - configs\n\n")
              .arg(QLatin1String(kTokenVariable), name)
        + tr("Before a write, 'assign' and 'unassign' read the configuration and its assignments: a default\n"
             "policy and a target that is already assigned are refused, and nothing is written. Where Intune\n"
             "refuses the single request (the Enrollment Status Page, for one), they send the whole list with\n"
             "POST .../assign instead, keeping every other assignment, say so on standard error, and verify\n"
             "the result by reading it back. Every write is recorded in the audit journal (never the token).\n\n")
        + tr("'priority CONFIG_ID N' moves a configuration to priority N within its type (1 wins); the others\n"
             "in between shift by one. It reads the order first: a default, the priority it already has and a\n"
             "position out of range are refused with nothing sent. Afterwards it reads the order again, prints\n"
             "it, and says if it differs from the one planned. A lost answer is settled by reading, never by\n"
             "sending again.\n\n")
        + tr("'apply PLAN' takes a CSV plan or the JSON that 'export' writes. From an export, each assignment\n"
             "becomes an add on the configuration of the same id: apply makes sure each is assigned and removes\n"
             "nothing ('restore' makes each list what the file says). Entries no row can carry exactly (a policy\n"
             "set's, a target type the app does not model, an empty target, a default's) are listed on standard\n"
             "error and left out. Exported filters need --api beta.\n\n")
        + tr("Exit status: 0 done; 1 refused or failed once requests were under way (already assigned,\n"
             "default policy, unknown assignment, HTTP or network errors, a refused sign-in; 'status': not\n"
             "signed in); 2 bad usage or input found before any request (nothing was sent), including no\n"
             "token and no sign-in.\n");
    return text;
}

void CliApp::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!parseArguments())
        return;
    qCInfo(lcCli).nospace() << "command " << m_spec->name << (m_cx.options.dryRun ? " (dry run)" : "");
    if (!m_spec->needsGraph) {
        // No token and no Graph session (history reads a local file; --dry-run changes nothing).
        m_command->run();
        return;
    }
    if (!setUpEndpointAndToken())
        return;
    if (!startSession())
        return;
    if (m_cx.options.dryRun && !m_command->readsOnDryRun())
        return runDry();
    if (m_useStoredSession) {
        // The stored sign-in is redeemed first: "not signed in" is said before any Graph request,
        // and the journal names the tenant signed in to.
        m_signIn->resumeStoredSession(m_spec->writes, [this](const QString &tenant) {
            m_session->setTenantLabel(tenant);
            m_command->run();
        });
        return;
    }
    m_command->run();
}

void CliApp::runDry()
{
    // Nothing is sent, not even a read: the request is all the output.
    const GraphRequest request = m_command->firstRequest();
    m_cx.writeOut(requestexport::toText(m_cx.options.dryRunFormat, m_session->assignments()->preview(request)) + u'\n');
    m_cx.writeErr(m_command->dryRunNote() + tr("Dry run: nothing was sent.\n"));
    m_cx.finish(ExitOk);
}

bool CliApp::parseArguments()
{
    QStringList args = m_arguments;
    // Accept the arguments with or without the program name in front.
    if (args.isEmpty() || args.first().startsWith(u'-') || findCommand(args.first()))
        args.prepend(programName());

    CliOptionReader options;
    QCommandLineParser &parser = options.parser();
    CliSignIn::addOptions(&parser);
    CliProxy::addOptions(&parser);

    if (!parser.parse(args)) {
        m_cx.failUsage(parser.errorText());
        return false;
    }
    if (options.helpWanted()) {
        m_cx.writeOut(helpText());
        m_cx.finish(ExitOk);
        return false;
    }
    if (options.versionWanted()) {
        m_cx.writeOut(programName() + u' ' + QLatin1String(EA_VERSION_STRING) + u'\n' + runtimeLines());
        m_cx.finish(ExitOk);
        return false;
    }

    options.read(&m_cx.options);

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        m_cx.failUsage(tr("No command given."));
        return false;
    }
    const QString name = positional.takeFirst();
    m_spec = findCommand(name);
    if (!m_spec) {
        m_cx.failUsage(tr("'%1' is not a command.").arg(TextTable::terminalSafe(name.left(80))));
        return false;
    }
    const QString synopsis
        = programName() + u' ' + QLatin1String(m_spec->name) + u' ' + QLatin1String(m_spec->arguments);
    if (positional.size() < m_spec->minArgs) {
        m_cx.failUsage(tr("'%1' needs more arguments: %2").arg(name, synopsis.trimmed()));
        return false;
    }
    if (positional.size() > m_spec->maxArgs) {
        m_cx.failUsage(tr("Too many arguments for '%1': %2").arg(name, synopsis.trimmed()));
        return false;
    }
    if (const QString problem = m_signIn->readOptions(parser, name); !problem.isEmpty()) {
        m_cx.failUsage(problem);
        return false;
    }

    // Global option conflicts are usage errors too.
    if (m_cx.options.useSandbox && m_cx.options.graphUrlGiven) {
        m_cx.failUsage(tr("--sandbox and --graph-url exclude each other: the sandbox has its own address."));
        return false;
    }
    if (const QString problem = m_proxyOptions.read(parser, m_environment, m_in,
            m_cx.options.tokenFileGiven && m_cx.options.tokenFile == QLatin1String("-"), bool(m_proxyPrompt));
        !problem.isEmpty()) {
        m_cx.failUsage(problem);
        return false;
    }
    if (!options.check(name, m_cx))
        return false;

    // Before anything talks to the network: sign-in and Graph take the same way, through one manager.
    m_proxy = m_proxyOptions.createAccess(m_proxyPrompt);
    SessionFactory::routeNetwork(m_network, SessionFactory::Route::ProcessProxy);

    m_command = m_spec->create(m_cx);
    const QString problem = m_command->prepare(positional);
    if (!problem.isEmpty()) {
        m_cx.failInput(problem);
        return false;
    }
    return true;
}

bool CliApp::setUpEndpointAndToken()
{
    if (m_cx.options.useSandbox)
        return true; // the sandbox brings its own address and token
    if (m_cx.options.graphUrlGiven) {
        // Validated here, before any token is read, so a bad URL costs nothing.
        QString problem;
        GraphEndpoint::fromRootUrl(m_cx.options.graphUrl, m_cx.options.apiVersion, &problem);
        if (!problem.isEmpty()) {
            m_cx.failInput(problem);
            return false;
        }
    }
    QString problem;
    if (!m_cx.options.tokenFileGiven && !m_environment.contains(QLatin1String(kTokenVariable))) {
        // No token supplied: the sign-in `login` stored.
        m_useStoredSession = m_signIn->useStoredSession(&problem);
        if (m_useStoredSession && m_cx.options.graphUrlGiven) {
            // A stored sign-in's token goes only to its own cloud's Graph, never where --graph-url points.
            const auth::TenantProfile &profile = m_signIn->profile();
            const GraphEndpoint custom
                = GraphEndpoint::fromRootUrl(m_cx.options.graphUrl, m_cx.options.apiVersion, &problem);
            if (!profile.tokensMayGoTo(custom.root())) {
                m_useStoredSession = false;
                problem = tr("--graph-url %1 is not the Graph of the signed-in profile '%2' (%3), so its token is "
                             "not sent there. Drop --graph-url to use the profile's Graph, or supply a token for "
                             "that URL with --token-file PATH or the environment variable %4.")
                              .arg(custom.root().toString(), profile.displayName, profile.graphResource(),
                                  QLatin1String(kTokenVariable));
            }
        }
        if (!m_useStoredSession)
            m_cx.failInput(problem);
        return m_useStoredSession;
    }
    if (!readToken(&m_cx.token, &problem)) {
        m_cx.failInput(problem);
        return false;
    }
    if (m_signIn->profileWasNamed()) {
        m_cx.writeErr(tr("Note: using the supplied access token (%1), not the stored sign-in of --profile.\n")
                          .arg(m_cx.options.tokenFileGiven ? u"--token-file"_s : QLatin1String(kTokenVariable)));
    }
    return true;
}

bool CliApp::readToken(QString *token, QString *problem)
{
    QByteArray raw;
    QString source;
    if (m_cx.options.tokenFileGiven) {
        if (m_cx.options.tokenFile == QLatin1String("-")) {
            source = tr("standard input");
            if (!m_in || !m_in->isReadable()) {
                *problem = tr("--token-file -: standard input cannot be read.");
                return false;
            }
            // Until end of input (a pipe delivers in pieces), but never more than the cap.
            while (raw.size() <= kMaxTokenBytes) {
                const QByteArray chunk = m_in->read(kMaxTokenBytes + 1 - raw.size());
                if (chunk.isEmpty())
                    break;
                raw += chunk;
            }
        } else {
            source = m_cx.options.tokenFile;
            QFile file(m_cx.options.tokenFile);
            if (QFileInfo(m_cx.options.tokenFile).isDir() || !file.open(QIODevice::ReadOnly)) {
                *problem = tr("Cannot read the token file '%1': %2")
                               .arg(m_cx.options.tokenFile,
                                   file.errorString().isEmpty() ? tr("it is a directory") : file.errorString());
                return false;
            }
            raw = file.read(kMaxTokenBytes + 1);
        }
        if (raw.size() > kMaxTokenBytes) {
            *problem = tr("The token in %1 is larger than %2 KiB; that is not an access token.")
                           .arg(source)
                           .arg(kMaxTokenBytes / 1024);
            return false;
        }
    } else {
        // Called only when a token was supplied; without one the stored sign-in is used.
        source = QLatin1String(kTokenVariable);
        raw = m_environment.value(QLatin1String(kTokenVariable)).toUtf8();
    }

    // The same rule as the GUI's: "Bearer eyJ..." copied from a browser's network tab is still the token.
    QString why;
    const std::optional<QString> text = auth::normalizeSuppliedToken(QString::fromUtf8(raw), &why);
    if (!text) {
        *problem = tr("%1 (read from %2)").arg(why, source);
        return false;
    }
    *token = *text;
    return true;
}

bool CliApp::startSession()
{
    SessionFactory factory(m_network);
    factory.setApiVersion(m_cx.options.apiVersion);
    factory.setTimeouts(m_cx.options.transferTimeout, m_cx.options.connectTimeout);
    if (!m_cx.options.journalPath.isEmpty())
        factory.setAuditJournalPath(m_cx.options.journalPath);
    QString problem;
    if (m_cx.options.useSandbox) {
#ifdef EA_WITH_SANDBOX
        m_sandbox = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxOptions {}, nullptr);
        if (!m_sandbox->listen()) {
            m_cx.writeErr(tr("Error: the sandbox tenant could not listen on 127.0.0.1.\n"));
            m_cx.finish(ExitFailure);
            return false;
        }
        m_cx.token = m_sandbox->accessToken();
        m_session = factory.forSandbox(m_sandbox->url(), m_cx.token, &problem);
#else
        // Not translated: it names a build option, for whoever made the build.
        m_cx.failInput(u"This build of Enrollment Assigner has no sandbox tenant (it was built with "
                       "EA_WITH_SANDBOX=OFF)."_s);
        return false;
#endif
    } else if (m_useStoredSession) {
        m_session = m_signIn->createSession(factory, &problem); // the profile's cloud
    } else {
        const GraphEndpoint endpoint = m_cx.options.graphUrlGiven
            ? GraphEndpoint::fromRootUrl(m_cx.options.graphUrl, m_cx.options.apiVersion, &problem)
            : GraphEndpoint::forCloud(Cloud::Global, m_cx.options.apiVersion);
        if (endpoint.isValid())
            m_session = factory.forToken(endpoint, m_cx.token, &problem);
    }
    if (!m_session) {
        m_cx.failInput(problem);
        return false;
    }
    m_session->setTenantLabel(tenantLabel());
    m_cx.session = m_session.get();
    GraphClient *graph = m_session->graph();
    if (m_cx.options.verbose) {
        const QUrl root = m_session->graph()->endpoint().root();
        const net::ProxyRoute route = m_cx.options.useSandbox
            ? net::ProxyRoute {QNetworkProxy(QNetworkProxy::NoProxy), false, u"--sandbox"_s}
            : m_proxy->routeFor(root);
        m_cx.writeErr(tr("Proxy for %1: %2 (%3)\n").arg(root.host(), net::proxyLabel(route.proxy), route.reason));
        connect(graph, &GraphClient::exchangeStarted, this,
            [this](const ExchangeRecord &record) { m_cx.logExchangeStarted(record); });
        connect(graph, &GraphClient::exchangeFinished, this,
            [this](const ExchangeRecord &record) { m_cx.logExchangeFinished(record); });
    }
    if (const QString problem = m_command->inputProblemForSession(); !problem.isEmpty()) {
        m_cx.failInput(problem);
        return false;
    }
    return true;
}

QString CliApp::tenantLabel() const
{
    if (m_cx.options.useSandbox)
        return tr("Sandbox tenant");
    if (m_useStoredSession)
        return m_signIn->profile().tenant; // until the sign-in names the tenant id
    // An Entra ID access token is a JWT whose payload names the tenant ("tid").
    // Read for the journal's label only; nothing here trusts or checks the token.
    const QStringList parts = m_cx.token.split(u'.');
    if (parts.size() == 3) {
        const QByteArray payload = QByteArray::fromBase64(
            parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QString tid = QJsonDocument::fromJson(payload).object().value(u"tid"_s).toString();
        if (ids::isGuid(tid))
            return tid;
    }
    const QUrl root = m_cx.options.graphUrlGiven ? QUrl(m_cx.options.graphUrl) : QUrl(u"https://graph.microsoft.com"_s);
    return root.host();
}

void CliApp::finish(int exitCode)
{
    if (m_exitCode >= 0)
        return;
    m_exitCode = exitCode;
    qCInfo(lcCli) << "exit status" << exitCode;
    // From the event loop, so a caller that connects after start() (or a
    // QCoreApplication that is not yet in exec()) still hears it.
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

} // namespace ea
