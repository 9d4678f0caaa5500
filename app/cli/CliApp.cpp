#include "cli/CliApp.h"

#include "audit/AuditJournal.h"
#include "auth/AuthError.h"
#include "auth/TokenClaims.h"
#include "cli/CliSignIn.h"
#include "cli/JsonText.h"
#include "cli/TextTable.h"
#include "domain/AssignmentFilter.h"
#include "domain/Identifiers.h"
#include "graph/AccessTokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/GraphEndpoint.h"
#include "sandbox/SandboxServer.h"
#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
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

QString formatDateTime(const QDateTime &when)
{
    // Default policies carry 0001-01-01: that is "never", not a date.
    if (!when.isValid() || when.date().year() <= 1)
        return QStringLiteral("-");
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString describeTarget(const AssignmentTarget &target)
{
    const QString subject = target.subject();
    return subject.isEmpty() ? target.displayName() : target.displayName() + u' ' + subject;
}

} // namespace

// The table the dispatcher, the argument count check and the help text read.
std::span<const CliApp::Command> CliApp::commands()
{
    static const std::array<Command, 10> table = {{
        {"configs", "", QT_TR_NOOP("list configurations (all pages)"), 0, 0, &CliApp::prepareConfigs,
            &CliApp::configsRequest, &CliApp::runConfigs},
        {"assignments", "CONFIG_ID", QT_TR_NOOP("list a configuration's assignments, with group names"), 1, 1,
            &CliApp::prepareAssignments, &CliApp::assignmentsRequest, &CliApp::runAssignments},
        {"assign", "CONFIG_ID TARGET [--filter ...]", QT_TR_NOOP("create one assignment"), 2, 2, &CliApp::prepareAssign,
            &CliApp::assignRequest, &CliApp::runAssign},
        {"unassign", "CONFIG_ID ASSIGNMENT_ID", QT_TR_NOOP("delete one assignment"), 2, 2, &CliApp::prepareUnassign,
            &CliApp::unassignRequest, &CliApp::runUnassign},
        {"groups", "TEXT", QT_TR_NOOP("find groups whose name starts with TEXT"), 1, 1, &CliApp::prepareGroups,
            &CliApp::groupsRequest, &CliApp::runGroups},
        {"filters", "", QT_TR_NOOP("list assignment filters (needs --api beta)"), 0, 0, &CliApp::prepareFilters,
            &CliApp::filtersRequest, &CliApp::runFilters},
        {"history", "", QT_TR_NOOP("show the audit journal of writes (offline, no token)"), 0, 0,
            &CliApp::prepareHistory, nullptr, &CliApp::runHistory, false},
        {"login", "--device-code | --browser", QT_TR_NOOP("sign in and keep the sign-in for the other commands"), 0, 0,
            &CliApp::prepareSignIn, nullptr, &CliApp::runSignIn, false},
        {"logout", "", QT_TR_NOOP("remove the stored sign-in (refresh token) of the profile"), 0, 0,
            &CliApp::prepareSignIn, nullptr, &CliApp::runSignIn, false},
        {"status", "", QT_TR_NOOP("show who is signed in where, with which permissions"), 0, 0, &CliApp::prepareSignIn,
            nullptr, &CliApp::runSignIn, false},
    }};
    return table;
}

const CliApp::Command *CliApp::findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

CliApp::CliApp(QStringList arguments, QIODevice *out, QIODevice *err, QIODevice *in, QProcessEnvironment environment,
    QObject *parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
    , m_out(out)
    , m_err(err)
    , m_in(in)
    , m_environment(std::move(environment))
    , m_signIn(new CliSignIn(this))
    , m_network(new QNetworkAccessManager(this)) // a child made after m_signIn, so it outlives the sign-in's calls
{ }

CliApp::~CliApp()
{
    // Calls still in flight end (as cancelled) before the sandbox they talk to goes away.
    m_session.reset();
    m_sandbox.reset();
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
    for (const Command &command : commands()) {
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
        {u"  --sandbox"_s, tr("use the built-in sandbox tenant (nothing leaves this computer)")},
        {u"  --graph-url URL"_s, tr("Graph root without version, default https://graph.microsoft.com")},
        {u"  --api VERSION"_s, tr("v1.0 (default) or beta")},
        {u"  --token-file PATH"_s, tr("read the access token from PATH ('-' reads standard input)")},
        {u"  --journal PATH"_s, tr("the audit journal to write to and to show with 'history'")},
        {QString(), tr("(default %1)").arg(QDir::toNativeSeparators(AuditJournal::defaultPath()))},
        {u"  --filter FILTER_ID"_s, tr("assign: narrow the target with an assignment filter (beta only; ids")},
        {QString(), tr("from 'filters')")},
        {u"  --filter-mode MODE"_s, tr("assign: include (default with --filter) or exclude")},
        {u"  --timeout SECONDS"_s,
            tr("give up on a call that stalls this long (default %1)")
                .arg(GraphClient::kDefaultTransferTimeout.count() / 1000)},
        {u"  --connect-timeout SECONDS"_s,
            tr("give up connecting after this long; nothing was sent then (default %1)")
                .arg(GraphClient::kDefaultConnectTimeout.count() / 1000)},
        {u"  --json"_s, tr("print Graph's JSON objects instead of tables")},
        {u"  --dry-run"_s, tr("print the request that would be sent; send nothing")},
        {u"  --format FORMAT"_s, tr("with --dry-run: text (default), curl, powershell or json; never")},
        {QString(), tr("contains the token (curl reads it from $%1)").arg(QLatin1String(kTokenVariable))},
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
             "'groups' and the group names in 'assignments' need GroupMember.Read.All or Group.Read.All.\n"
             "For example:\n"
             "  az account get-access-token --resource https://graph.microsoft.com --query accessToken -o tsv \\\n"
             "    | %2 --token-file - configs\n\n")
              .arg(QLatin1String(kTokenVariable), name)
        + tr("Before a write, 'assign' and 'unassign' read the configuration and its assignments: a default\n"
             "policy and a target that is already assigned are refused, and nothing is written. Where Intune\n"
             "refuses the single request (the Enrollment Status Page, for one), they send the whole list with\n"
             "POST .../assign instead, keeping every other assignment, say so on standard error, and verify\n"
             "the result by reading it back. Every write is recorded in the audit journal (never the token).\n\n")
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
    if (!m_command->needsGraph) {
        // No token and no Graph session (history reads a local file; --dry-run changes nothing).
        (this->*m_command->run)();
        return;
    }
    if (!setUpEndpointAndToken())
        return;
    if (!startSession())
        return;

    if (m_dryRun) {
        // Nothing is sent, not even a read: the request is all the output.
        const GraphRequest request = (this->*m_command->firstRequest)();
        writeOut(requestexport::toText(m_dryRunFormat, m_session->assignments()->preview(request)) + u'\n');
        QString note;
        if (m_command->run == &CliApp::runAssign || m_command->run == &CliApp::runUnassign) {
            note = m_command->run == &CliApp::runAssign
                ? tr("Without --dry-run the configuration and its assignments are read first (a default policy "
                     "or a target that is already assigned is refused), then this request is sent.")
                : tr("Without --dry-run the configuration and its assignments are read first (an assignment "
                     "that is not there is refused), then this request is sent.");
            note += u' ';
            if (m_configurationId.endsWith(
                    QLatin1String("EnrollmentCompletionPageConfiguration"), Qt::CaseInsensitive)) {
                note += tr("This looks like an Enrollment Status Page: Intune refuses this request for that type, "
                           "so the full list of assignments would be sent with POST .../assign instead, keeping "
                           "every other assignment.");
            } else {
                note += tr("If Intune refuses it for this type of configuration (as it does for the Enrollment "
                           "Status Page), the full list of assignments would be sent with POST .../assign instead, "
                           "keeping every other assignment.");
            }
            note += u'\n';
        }
        writeErr(note + tr("Dry run: nothing was sent.\n"));
        finish(ExitOk);
        return;
    }
    if (m_useStoredSession) {
        // The stored sign-in is redeemed first: "not signed in" is said before any Graph request,
        // and the journal names the tenant signed in to.
        const bool write = m_command->run == &CliApp::runAssign || m_command->run == &CliApp::runUnassign;
        m_signIn->resumeStoredSession(write, [this](const QString &tenant) {
            m_session->setTenantLabel(tenant);
            (this->*m_command->run)();
        });
        return;
    }
    (this->*m_command->run)();
}

bool CliApp::parseArguments()
{
    QStringList args = m_arguments;
    // Accept the arguments with or without the program name in front.
    if (args.isEmpty() || args.first().startsWith(u'-') || findCommand(args.first()))
        args.prepend(programName());

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    const QCommandLineOption sandboxOption(u"sandbox"_s);
    const QCommandLineOption graphUrlOption(u"graph-url"_s, QString(), u"URL"_s);
    const QCommandLineOption apiOption(u"api"_s, QString(), u"VERSION"_s, u"v1.0"_s);
    const QCommandLineOption tokenFileOption(u"token-file"_s, QString(), u"PATH"_s);
    const QCommandLineOption jsonOption(u"json"_s);
    const QCommandLineOption verboseOption(QStringList {u"v"_s, u"verbose"_s});
    const QCommandLineOption dryRunOption(u"dry-run"_s);
    const QCommandLineOption formatOption(u"format"_s, QString(), u"FORMAT"_s);
    const QCommandLineOption journalOption(u"journal"_s, QString(), u"PATH"_s);
    const QCommandLineOption timeoutOption(u"timeout"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption connectTimeoutOption(u"connect-timeout"_s, QString(), u"SECONDS"_s);
    const QCommandLineOption filterOption(u"filter"_s, QString(), u"FILTER_ID"_s);
    const QCommandLineOption filterModeOption(u"filter-mode"_s, QString(), u"MODE"_s);
    const QCommandLineOption helpOption(QStringList {u"h"_s, u"help"_s, u"?"_s});
    const QCommandLineOption versionOption(u"version"_s);
    parser.addOptions({sandboxOption, graphUrlOption, apiOption, tokenFileOption, jsonOption, verboseOption,
        dryRunOption, formatOption, journalOption, timeoutOption, connectTimeoutOption, filterOption, filterModeOption,
        helpOption, versionOption});
    CliSignIn::addOptions(&parser);
    CliProxy::addOptions(&parser);

    if (!parser.parse(args)) {
        failUsage(parser.errorText());
        return false;
    }
    if (parser.isSet(helpOption)) {
        writeOut(helpText());
        finish(ExitOk);
        return false;
    }
    if (parser.isSet(versionOption)) {
        writeOut(programName() + u' ' + QLatin1String(EA_VERSION_STRING) + u'\n' + runtimeLines());
        finish(ExitOk);
        return false;
    }

    m_useSandbox = parser.isSet(sandboxOption);
    m_graphUrlGiven = parser.isSet(graphUrlOption);
    m_graphUrl = parser.value(graphUrlOption);
    m_apiText = parser.value(apiOption);
    m_tokenFileGiven = parser.isSet(tokenFileOption);
    m_tokenFile = parser.value(tokenFileOption);
    m_json = parser.isSet(jsonOption);
    m_verbose = parser.isSet(verboseOption);
    m_dryRun = parser.isSet(dryRunOption);
    m_filterGiven = parser.isSet(filterOption);
    m_filterId = parser.value(filterOption);
    m_filterModeGiven = parser.isSet(filterModeOption);
    m_filterModeText = parser.value(filterModeOption);

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        failUsage(tr("No command given."));
        return false;
    }
    const QString name = positional.takeFirst();
    m_command = findCommand(name);
    if (!m_command) {
        failUsage(tr("'%1' is not a command.").arg(TextTable::terminalSafe(name.left(80))));
        return false;
    }
    const QString synopsis
        = programName() + u' ' + QLatin1String(m_command->name) + u' ' + QLatin1String(m_command->arguments);
    if (positional.size() < m_command->minArgs) {
        failUsage(tr("'%1' needs more arguments: %2").arg(name, synopsis.trimmed()));
        return false;
    }
    if (positional.size() > m_command->maxArgs) {
        failUsage(tr("Too many arguments for '%1': %2").arg(name, synopsis.trimmed()));
        return false;
    }
    if (const QString problem = m_signIn->readOptions(parser, name); !problem.isEmpty()) {
        failUsage(problem);
        return false;
    }

    // Global option conflicts are usage errors too.
    if (m_useSandbox && parser.isSet(graphUrlOption)) {
        failUsage(tr("--sandbox and --graph-url exclude each other: the sandbox has its own address."));
        return false;
    }
    if (const QString problem = m_proxyOptions.read(
            parser, m_environment, m_in, m_tokenFileGiven && m_tokenFile == QLatin1String("-"), bool(m_proxyPrompt));
        !problem.isEmpty()) {
        failUsage(problem);
        return false;
    }
    if (!parseApiVersion(m_apiText, &m_apiVersion)) {
        failUsage(
            tr("'%1' is not a Graph API version; use v1.0 or beta.").arg(TextTable::terminalSafe(m_apiText.left(40))));
        return false;
    }

    if ((parser.isSet(filterOption) || parser.isSet(filterModeOption)) && m_command->run != &CliApp::runAssign) {
        failUsage(tr("--filter and --filter-mode belong to 'assign'."));
        return false;
    }
    if (parser.isSet(filterModeOption) && !parser.isSet(filterOption)) {
        failUsage(tr("--filter-mode needs --filter FILTER_ID (the assignment filter to include or exclude)."));
        return false;
    }
    if (parser.isSet(formatOption)) {
        const QString format = parser.value(formatOption);
        // The Graph Explorer link is the GUI's; the CLI prints what a script can run or read.
        if (!requestexport::parseFormat(format, &m_dryRunFormat)
            || m_dryRunFormat == requestexport::Format::GraphExplorer) {
            failUsage(tr("'%1' is not a --format; use text, curl, powershell or json.")
                          .arg(TextTable::terminalSafe(format.left(40))));
            return false;
        }
        if (!m_dryRun) {
            failUsage(tr("--format goes with --dry-run: it says how to print the request instead of sending it."));
            return false;
        }
    }
    // Whole seconds, 1 to 600: a slow VPN needs more than the defaults, and
    // nobody means an hour (or zero, which would be no timeout at all).
    const auto readSeconds = [this, &parser](const QCommandLineOption &option, std::chrono::milliseconds *out) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const int seconds = parser.value(option).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 600) {
            failUsage(tr("--%1 needs a whole number of seconds from 1 to 600, not '%2'.")
                          .arg(option.names().constFirst(), TextTable::terminalSafe(parser.value(option).left(40))));
            return false;
        }
        *out = std::chrono::seconds(seconds);
        return true;
    };
    if (!readSeconds(timeoutOption, &m_transferTimeout) || !readSeconds(connectTimeoutOption, &m_connectTimeout))
        return false;
    if (parser.isSet(journalOption)) {
        const QString path = parser.value(journalOption);
        if (path.trimmed().isEmpty()) {
            failUsage(tr("--journal needs the path of a file."));
            return false;
        }
        const QFileInfo info(path);
        if (info.isDir()) {
            failInput(tr("--journal %1 is a folder; give the path of a file (it is created if missing).")
                          .arg(TextTable::terminalSafe(path)));
            return false;
        }
        m_journalPath = info.absoluteFilePath();
    }

    // Before anything talks to the network: sign-in and Graph take the same way, through one manager.
    m_proxy = m_proxyOptions.createAccess(m_proxyPrompt);
    SessionFactory::routeNetwork(m_network, SessionFactory::Route::ProcessProxy);

    const QString problem = (this->*m_command->prepare)(positional);
    if (!problem.isEmpty()) {
        failInput(problem);
        return false;
    }
    return true;
}

bool CliApp::setUpEndpointAndToken()
{
    if (m_useSandbox)
        return true; // the sandbox brings its own address and token
    if (m_graphUrlGiven) {
        // Validated here, before any token is read, so a bad URL costs nothing.
        QString problem;
        GraphEndpoint::fromRootUrl(m_graphUrl, m_apiVersion, &problem);
        if (!problem.isEmpty()) {
            failInput(problem);
            return false;
        }
    }
    QString problem;
    if (!m_tokenFileGiven && !m_environment.contains(QLatin1String(kTokenVariable))) {
        // No token supplied: the sign-in `login` stored.
        m_useStoredSession = m_signIn->useStoredSession(&problem);
        if (m_useStoredSession && m_graphUrlGiven) {
            // A stored sign-in's token goes only to its own cloud's Graph, never where --graph-url points.
            const auth::TenantProfile &profile = m_signIn->profile();
            const GraphEndpoint custom = GraphEndpoint::fromRootUrl(m_graphUrl, m_apiVersion, &problem);
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
            failInput(problem);
        return m_useStoredSession;
    }
    if (!readToken(&m_token, &problem)) {
        failInput(problem);
        return false;
    }
    if (m_signIn->profileWasNamed()) {
        writeErr(tr("Note: using the supplied access token (%1), not the stored sign-in of --profile.\n")
                     .arg(m_tokenFileGiven ? u"--token-file"_s : QLatin1String(kTokenVariable)));
    }
    return true;
}

bool CliApp::readToken(QString *token, QString *problem)
{
    QByteArray raw;
    QString source;
    if (m_tokenFileGiven) {
        if (m_tokenFile == QLatin1String("-")) {
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
            source = m_tokenFile;
            QFile file(m_tokenFile);
            if (QFileInfo(m_tokenFile).isDir() || !file.open(QIODevice::ReadOnly)) {
                *problem = tr("Cannot read the token file '%1': %2")
                               .arg(m_tokenFile,
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
    factory.setApiVersion(m_apiVersion);
    factory.setTimeouts(m_transferTimeout, m_connectTimeout);
    if (!m_journalPath.isEmpty())
        factory.setAuditJournalPath(m_journalPath);
    QString problem;
    if (m_useSandbox) {
        m_sandbox = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxOptions {}, nullptr);
        if (!m_sandbox->listen()) {
            writeErr(tr("Error: the sandbox tenant could not listen on 127.0.0.1.\n"));
            finish(ExitFailure);
            return false;
        }
        m_token = m_sandbox->accessToken();
        m_session = factory.forSandbox(m_sandbox->url(), m_token, &problem);
    } else if (m_useStoredSession) {
        m_session = m_signIn->createSession(factory, &problem); // the profile's cloud
    } else {
        const GraphEndpoint endpoint = m_graphUrlGiven ? GraphEndpoint::fromRootUrl(m_graphUrl, m_apiVersion, &problem)
                                                       : GraphEndpoint::forCloud(Cloud::Global, m_apiVersion);
        if (endpoint.isValid())
            m_session = factory.forToken(endpoint, m_token, &problem);
    }
    if (!m_session) {
        failInput(problem);
        return false;
    }
    m_session->setTenantLabel(tenantLabel());
    GraphClient *graph = m_session->graph();
    connect(graph, &GraphClient::exchangeStarted, this,
        [this](const ExchangeRecord &record) { m_writeSent = m_writeSent || record.method != "GET"; });
    connect(graph, &GraphClient::exchangeFinished, this, [this](const ExchangeRecord &record) {
        if (record.method != "GET")
            m_lastWriteRequestId = record.requestId;
        if (!record.url.path().contains(QLatin1String("/assignments")) || record.httpStatus < 200
            || record.httpStatus > 299)
            return;
        // A POST's created object, or a page of a list read before or after a write.
        const QJsonObject object = QJsonDocument::fromJson(record.responseBody).object();
        const QJsonArray values = object.value(QStringLiteral("value")).toArray();
        for (const QJsonValue &v : values) {
            const QString id = v.toObject().value(QStringLiteral("id")).toString();
            if (!id.isEmpty())
                m_assignmentObjects.insert(id, v.toObject());
        }
        const QString id = object.value(QStringLiteral("id")).toString();
        if (values.isEmpty() && !id.isEmpty())
            m_assignmentObjects.insert(id, object);
    });
    if (m_verbose) {
        const QUrl root = m_session->graph()->endpoint().root();
        const net::ProxyRoute route = m_useSandbox
            ? net::ProxyRoute {QNetworkProxy(QNetworkProxy::NoProxy), false, u"--sandbox"_s}
            : m_proxy->routeFor(root);
        writeErr(tr("Proxy for %1: %2 (%3)\n").arg(root.host(), net::proxyLabel(route.proxy), route.reason));
        connect(graph, &GraphClient::exchangeStarted, this, &CliApp::logExchangeStarted);
        connect(graph, &GraphClient::exchangeFinished, this, &CliApp::logExchangeFinished);
    }

    // The shapes were checked without knowing the API version; the service has the last word.
    if (m_command->run == &CliApp::runAssign) {
        const QString inputProblem = m_session->assignments()->createInputProblem(m_configurationId, m_target);
        if (!inputProblem.isEmpty()) {
            failInput(inputProblem);
            return false;
        }
    }
    return true;
}

// --- commands -------------------------------------------------------------

QString CliApp::prepareConfigs(const QStringList &)
{
    return {};
}

QString CliApp::prepareAssignments(const QStringList &args)
{
    m_configurationId = args.at(0);
    return AssignmentService::configurationIdProblem(m_configurationId);
}

QString CliApp::prepareAssign(const QStringList &args)
{
    m_configurationId = args.at(0);
    const QString problem = AssignmentService::configurationIdProblem(m_configurationId);
    if (!problem.isEmpty())
        return problem;
    QString targetProblem;
    if (!parseTargetSpec(args.at(1), &m_target, &targetProblem))
        return targetProblem;
    if (!m_filterGiven)
        return {};
    // A filter only exists on beta; v1.0 rejects the properties, so it is refused here, before sending.
    if (!ids::isGuid(m_filterId))
        return tr("The assignment filter id '%1' is not a GUID; list the filters with '--api beta filters'.")
            .arg(m_filterId.left(80));
    AssignmentTarget::FilterMode mode = AssignmentTarget::FilterMode::Include;
    if (m_filterModeGiven
        && (!AssignmentTarget::parseFilterMode(m_filterModeText, &mode) || mode == AssignmentTarget::FilterMode::None))
        return tr("--filter-mode is include or exclude, not '%1'.").arg(m_filterModeText.left(40));
    if (m_apiVersion != ApiVersion::Beta)
        return tr("Assignment filters need --api beta: Graph v1.0 has no filter properties and rejects them.");
    m_target.setFilter(m_filterId, mode);
    return {};
}

QString CliApp::prepareUnassign(const QStringList &args)
{
    m_configurationId = args.at(0);
    m_assignmentId = args.at(1);
    const QString problem = AssignmentService::configurationIdProblem(m_configurationId);
    if (!problem.isEmpty())
        return problem;
    if (!ids::isAssignmentId(m_assignmentId))
        return tr("'%1' is not an assignment id; list them with the 'assignments' command.")
            .arg(m_assignmentId.left(80));
    return {};
}

QString CliApp::prepareGroups(const QStringList &args)
{
    QString problem;
    m_searchText = ids::sanitizeSearchText(args.at(0), &problem);
    if (problem.isEmpty() && m_searchText.isEmpty())
        problem = tr("Give the start of a group name to search for.");
    return problem;
}

QString CliApp::prepareFilters(const QStringList &)
{
    if (m_apiVersion != ApiVersion::Beta)
        return tr("Assignment filters exist only on the beta API; add --api beta.");
    return {};
}

QString CliApp::prepareHistory(const QStringList &)
{
    return {};
}

QString CliApp::prepareSignIn(const QStringList &)
{
    return m_signIn->prepare(QLatin1String(m_command->name));
}

void CliApp::runSignIn()
{
    m_signIn->run();
}

GraphRequest CliApp::configsRequest() const
{
    return m_session->assignments()->listConfigurationsRequest();
}

GraphRequest CliApp::assignmentsRequest() const
{
    return m_session->assignments()->listAssignmentsRequest(m_configurationId);
}

GraphRequest CliApp::assignRequest() const
{
    return m_session->assignments()->createAssignmentRequest(m_configurationId, m_target);
}

GraphRequest CliApp::unassignRequest() const
{
    return m_session->assignments()->deleteAssignmentRequest(m_configurationId, m_assignmentId);
}

GraphRequest CliApp::groupsRequest() const
{
    return m_session->assignments()->findGroupsRequest(m_searchText);
}

GraphRequest CliApp::filtersRequest() const
{
    // --json wants Graph's objects, so the CLI sends the service's request itself.
    return m_session->assignments()->listAssignmentFiltersRequest();
}

void CliApp::runConfigs()
{
    sendRead(configsRequest(), [this](const GraphResponse &response) {
        if (m_json)
            return writeJson(response.values);
        const QList<EnrollmentConfiguration> configurations = configurationsFromJson(response.values);
        if (configurations.isEmpty())
            return writeOut(tr("No enrollment configurations.\n"));
        TextTable table({tr("ID"), tr("TYPE"), tr("PRIORITY"), tr("NAME"), tr("LAST MODIFIED")});
        for (const EnrollmentConfiguration &c : configurations) {
            QString type = c.kind() == EnrollmentConfiguration::Kind::Unknown && !c.odataType.isEmpty()
                ? tr("Other (%1)").arg(c.odataType.section(u'.', -1))
                : c.typeDisplayName();
            if (c.isDefault())
                type = tr("%1 (default)").arg(type);
            table.addRow(
                {c.id, type, QString::number(c.priority), c.displayName, formatDateTime(c.lastModifiedDateTime)});
        }
        writeOut(table.toString());
    });
}

void CliApp::runAssignments()
{
    sendRead(
        assignmentsRequest(),
        [this](const GraphResponse &response) {
            // Graph's objects as received: names are the CLI's addition to the table, not to Graph's data.
            if (m_json) {
                writeJson(response.values);
                return finish(ExitOk);
            }
            const QList<Assignment> assignments = assignmentsFromJson(response.values);
            QStringList groupIds;
            for (const Assignment &a : assignments) {
                if (a.target.isGroupTarget() && !a.target.groupId().isEmpty())
                    groupIds << a.target.groupId();
            }
            if (groupIds.isEmpty()) {
                printAssignments(response.values, nullptr);
                return finish(ExitOk);
            }
            const QJsonArray values = response.values;
            m_session->groups()->resolve(
                groupIds, this, [this, values](const Result<QHash<QString, GroupName>> &names) {
                    if (!names) {
                        // The assignments were read; only the names are missing. Not a failure.
                        const GraphError &e = names.error();
                        QString note = tr("Note: the group names could not be read (%1); the table shows group "
                                          "ids only.")
                                           .arg(TextTable::terminalSafe(e.summary()));
                        if (e.httpStatus == 403)
                            note += u' '
                                + tr("Reading names needs GroupMember.Read.All, Group.Read.All or "
                                     "Directory.Read.All.");
                        writeErr(note + u'\n');
                        printAssignments(values, nullptr);
                    } else {
                        printAssignments(values, &names.value());
                    }
                    finish(ExitOk);
                });
        },
        false);
}

void CliApp::printAssignments(const QJsonArray &values, const QHash<QString, GroupName> *names)
{
    const QList<Assignment> assignments = assignmentsFromJson(values);
    if (assignments.isEmpty())
        return writeOut(tr("No assignments.\n"));
    bool anyFilter = false;
    bool anySource = false;
    bool anyGroup = false;
    for (const Assignment &a : assignments) {
        anyFilter = anyFilter || a.target.hasFilter();
        // Only beta has `source`; v1.0 leaves it out.
        anySource = anySource || !a.source.isEmpty();
        anyGroup = anyGroup || a.target.isGroupTarget();
    }
    const bool withNames = names && anyGroup;
    QStringList headers = {tr("ID"), tr("TARGET"), tr("GROUP / COLLECTION")};
    if (withNames)
        headers << tr("GROUP NAME");
    if (anyFilter)
        headers << tr("FILTER");
    if (anySource)
        headers << tr("SOURCE");
    TextTable table(headers);
    for (const Assignment &a : assignments) {
        QString kind = a.target.kindDisplayName();
        if (a.target.kind() == AssignmentTarget::Kind::Unknown && !a.target.rawODataType().isEmpty())
            kind += u" ("_s + a.target.rawODataType() + u')';
        QStringList row = {a.id, kind, a.target.subject().isEmpty() ? u"-"_s : a.target.subject()};
        if (withNames) {
            QString name = u"-"_s;
            if (a.target.isGroupTarget()) {
                const GroupName group = names->value(a.target.groupId().toLower());
                if (group.deleted)
                    name = tr("(deleted group)");
                else if (!group.displayName.isEmpty())
                    name = group.displayName;
                else
                    name = tr("(unknown)");
            }
            row << name;
        }
        if (anyFilter) {
            row << (a.target.hasFilter()
                    ? AssignmentTarget::filterModeName(a.target.filterMode()) + u' ' + a.target.filterId()
                    : u"-"_s);
        }
        if (anySource) {
            if (a.source == QLatin1String("policySets"))
                row << tr("policy set %1").arg(a.sourceId);
            else if (a.source == QLatin1String("direct"))
                row << tr("direct");
            else
                row << (a.source.isEmpty() ? u"-"_s : a.source);
        }
        table.addRow(row);
    }
    writeOut(table.toString());
}

QString CliApp::configurationLabel() const
{
    const QString name = m_session ? m_session->assignments()->knownConfigurationName(m_configurationId) : QString();
    if (name.isEmpty())
        return u"'"_s + m_configurationId + u'\'';
    return u"'"_s + TextTable::terminalSafe(name) + u"' ("_s + m_configurationId + u')';
}

void CliApp::approveFullList(const FullListPlan &plan, const std::function<void(bool)> &answer)
{
    // The CLI has no dialog: the command itself was the admin's decision. It
    // says what goes out, which is all of it, and sends it.
    const QString name
        = TextTable::terminalSafe(plan.configurationName.isEmpty() ? plan.configurationId : plan.configurationName);
    if (!plan.changedSinceApproval.isEmpty()) {
        // Someone changed the list between the plan and the send: the command
        // was decided on a list that is gone, so the admin decides again.
        writeErr(TextTable::terminalSafe(tr("The assignments of '%1' changed while the full list was being prepared, "
                                            "so nothing was sent. What changed: %2 Run the command again.")
                                             .arg(name, plan.changedSinceApproval))
            + u'\n');
        return answer(false);
    }
    QStringList parts;
    parts << tr("%n existing", nullptr, int(plan.kept.size()));
    if (!plan.added.isEmpty())
        parts << tr("%n new", nullptr, int(plan.added.size()));
    QStringList lines;
    if (plan.removed.isEmpty()) {
        lines << tr("Intune accepts assignments of '%1' only as a full list: %2 will be sent with POST …/assign.")
                     .arg(name, parts.join(u" + "_s));
    } else {
        QStringList removed;
        for (const Assignment &a : plan.removed)
            removed << a.id;
        lines << tr("Intune accepts changes to the assignments of '%1' only as a full list: %2 will be sent with "
                    "POST …/assign, without %3.")
                     .arg(name, parts.join(u" + "_s), removed.join(u", "_s));
    }
    // Kept entries go back exactly as read on beta; describe() names what
    // travels with them (filter, policy set, a target type newer than the app).
    for (const Assignment &a : plan.kept)
        lines << u"  "_s + tr("keep") + u"    "_s + a.id + u"  "_s + a.describe();
    for (const AssignmentTarget &t : plan.added)
        lines << u"  "_s + tr("add") + u"     "_s + describeTarget(t);
    for (const Assignment &a : plan.removed)
        lines << u"  "_s + tr("remove") + u"  "_s + a.id + u"  "_s + a.describe();
    for (const QString &note : plan.notes)
        lines << tr("Note: %1").arg(note);
    QString text;
    for (const QString &line : std::as_const(lines))
        text += TextTable::terminalSafe(line) + u'\n';
    writeErr(text);
    m_sentFullList = true;
    m_fullListKept = int(plan.kept.size());
    answer(true);
}

void CliApp::runAssign()
{
    m_session->assignments()->createAssignment(
        m_configurationId, m_target, this,
        [this](const Result<CreatedAssignment> &result) {
            if (!result)
                return failService(result.error());
            const CreatedAssignment &created = result.value();
            QString note;
            if (created.viaAssignAction) {
                const auto kept = created.previousAssignments.size();
                note = kept == 1 ? tr("sent as the full list; 1 earlier assignment kept")
                                 : tr("sent as the full list; %1 earlier assignments kept").arg(kept);
            }
            if (created.confirmedAfterAmbiguousFailure) {
                note += (note.isEmpty() ? QString() : u"; "_s)
                    + tr("the answer to the write was lost, a re-read confirmed it");
            }
            if (m_json) {
                // Graph's object as received (from the POST, or from the re-read after a full list);
                // the typed one only if that is somehow gone.
                QJsonObject object = m_assignmentObjects.value(created.assignment.id);
                if (object.isEmpty())
                    object = created.assignment.raw;
                writeJson(object);
                if (!note.isEmpty())
                    writeErr(u"("_s + note + u")\n"_s);
            } else {
                const AssignmentTarget &target = created.assignment.target;
                QString what = describeTarget(target);
                if (target.hasFilter()) {
                    what += u' '
                        + tr("with filter %1 (%2)")
                              .arg(target.filterId(), AssignmentTarget::filterModeName(target.filterMode()));
                }
                QString line = tr("Created assignment %1: %2 on %3 (request-id %4)")
                                   .arg(created.assignment.id, what, configurationLabel(),
                                       created.requestId.isEmpty() ? tr("none") : created.requestId);
                if (!note.isEmpty())
                    line += u" ("_s + note + u')';
                writeOut(line + u'\n');
            }
            finish(ExitOk);
        },
        [this](const FullListPlan &plan, const std::function<void(bool)> &answer) { approveFullList(plan, answer); });
}

void CliApp::runUnassign()
{
    m_session->assignments()->deleteAssignment(
        m_configurationId, m_assignmentId, this,
        [this](const Result<Done> &result) {
            if (!result)
                return failService(result.error());
            // What was deleted, from the read the service made before the write.
            const QJsonObject deleted = m_assignmentObjects.value(m_assignmentId);
            const Assignment assignment = Assignment::fromJson(deleted);
            const QString requestId = m_lastWriteRequestId;
            if (m_json) {
                QJsonObject object {{u"deleted"_s, true}, {u"id"_s, m_assignmentId},
                    {u"configurationId"_s, m_configurationId}, {u"requestId"_s, requestId},
                    {u"viaAssignAction"_s, m_sentFullList}};
                if (deleted.contains(u"target"_s))
                    object.insert(u"target"_s, deleted.value(u"target"_s));
                writeJson(object);
            } else {
                QString line = tr("Deleted assignment %1").arg(m_assignmentId);
                if (!deleted.isEmpty())
                    line += u" ("_s + describeTarget(assignment.target) + u')';
                line += u' '
                    + tr("from %1 (request-id %2)")
                          .arg(configurationLabel(), requestId.isEmpty() ? tr("none") : requestId);
                if (m_sentFullList)
                    line += u" ("_s
                        + (m_fullListKept == 1
                                ? tr("sent as the full list; 1 other assignment kept")
                                : tr("sent as the full list; %1 other assignments kept").arg(m_fullListKept))
                        + u')';
                writeOut(line + u'\n');
            }
            finish(ExitOk);
        },
        [this](const FullListPlan &plan, const std::function<void(bool)> &answer) { approveFullList(plan, answer); });
}

void CliApp::runGroups()
{
    sendRead(groupsRequest(), [this](const GraphResponse &response) {
        const QJsonArray values = response.object.value(QStringLiteral("value")).toArray();
        const bool hasMore = response.object.contains(QStringLiteral("@odata.nextLink"));
        if (hasMore) {
            writeErr(tr("More groups start with '%1' than the first %2 shown; type more of the name.\n")
                         .arg(TextTable::terminalSafe(m_searchText))
                         .arg(values.size()));
        }
        if (m_json)
            return writeJson(values);
        const QList<Group> groups = groupsFromJson(values);
        if (groups.isEmpty())
            return writeOut(tr("No group's name starts with '%1'.\n").arg(TextTable::terminalSafe(m_searchText)));
        TextTable table({tr("ID"), tr("NAME")});
        for (const Group &g : groups)
            table.addRow({g.id, g.displayName});
        writeOut(table.toString());
    });
}

void CliApp::runFilters()
{
    sendRead(filtersRequest(), [this](const GraphResponse &response) {
        if (m_json)
            return writeJson(response.values);
        const QList<AssignmentFilter> filters = assignmentFiltersFromJson(response.values);
        if (filters.isEmpty())
            return writeOut(tr("No assignment filters.\n"));
        TextTable table({tr("ID"), tr("NAME"), tr("PLATFORM"), tr("RULE")});
        for (const AssignmentFilter &f : filters)
            table.addRow({f.id, f.displayName, f.platform, f.rule});
        writeOut(table.toString());
    });
}

QString CliApp::journalPath() const
{
    if (!m_journalPath.isEmpty())
        return m_journalPath;
    return m_useSandbox ? AuditJournal::sandboxPath() : AuditJournal::defaultPath();
}

void CliApp::runHistory()
{
    const AuditJournal journal(journalPath());
    int skipped = 0;
    const QList<AuditEntry> entries = journal.readAll(&skipped);
    if (skipped > 0) {
        writeErr(tr("Note: %1 line(s) of %2 could not be read and were skipped (a write interrupted while it was "
                    "being journalled leaves a torn last line).\n")
                     .arg(skipped)
                     .arg(TextTable::terminalSafe(QDir::toNativeSeparators(journal.filePath()))));
    }
    if (m_json) {
        // The journal's own lines, oldest first; attempt and result share an operationId.
        QJsonArray array;
        for (const AuditEntry &e : entries)
            array.append(e.toJson());
        writeJson(array);
        return finish(ExitOk);
    }
    if (entries.isEmpty()) {
        writeOut(tr("No writes are recorded in %1.\n")
                     .arg(TextTable::terminalSafe(QDir::toNativeSeparators(journal.filePath()))));
        return finish(ExitOk);
    }

    // One row per write: the attempt line, completed by the result line with
    // the same operationId. An attempt without a result is a write whose end
    // nobody saw (a crash, a killed process, or one still running elsewhere).
    const QList<AuditOperation> rows = groupByOperation(entries);
    QSet<QString> places;
    for (const AuditOperation &row : rows) {
        const AuditEntry &e = row.first();
        places.insert(e.tenant + u'\n' + e.cloud + u'\n' + e.apiVersion);
    }
    const bool withPlace = places.size() > 1;
    QStringList headers = {tr("TIME (UTC)"), tr("ACTION"), tr("OUTCOME"), tr("HTTP"), tr("CONFIGURATION"), tr("TARGET"),
        tr("ASSIGNMENT"), tr("REQUEST-ID")};
    if (withPlace)
        headers << tr("TENANT");
    TextTable table(headers);
    for (const AuditOperation &row : rows) {
        const AuditEntry &first = row.first();
        const AuditEntry &last = row.last();
        QString outcome = row.hasResult ? row.result.outcomeName() : tr("interrupted / unknown");
        if (outcome.isEmpty())
            outcome = tr("unknown");
        const QString configuration = last.configurationName.isEmpty()
            ? last.configurationId
            : last.configurationName + u" ("_s + last.configurationId + u')';
        const QString assignmentId = !last.assignmentId.isEmpty() ? last.assignmentId : first.assignmentId;
        // An undo from the GUI's history is journalled as the write it sends, with the
        // assignment it undoes: say it is an undo, as the GUI does.
        const QString action = first.isUndo() ? u"undo:"_s + first.actionName() : first.actionName();
        QStringList cells = {first.time.isValid() ? first.time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"-"_s,
            action, outcome, last.httpStatus > 0 ? QString::number(last.httpStatus) : u"-"_s, configuration,
            last.targetText().isEmpty() ? u"-"_s : last.targetText(), assignmentId.isEmpty() ? u"-"_s : assignmentId,
            last.requestId.isEmpty() ? u"-"_s : last.requestId};
        if (withPlace) {
            cells << (first.tenant.isEmpty() ? first.cloud : first.tenant + u" ("_s + first.cloud + u')') + u' '
                    + first.apiVersion;
        }
        table.addRow(cells);
    }
    writeOut(table.toString());
    finish(ExitOk);
}

void CliApp::sendRead(
    const GraphRequest &request, std::function<void(const GraphResponse &)> onSuccess, bool finishAfter)
{
    GraphCall *call = m_session->graph()->send(request);
    connect(call, &GraphCall::finished, this, [this, call, onSuccess = std::move(onSuccess), finishAfter] {
        const Result<GraphResponse> &result = call->result();
        if (!result)
            return failService(result.error());
        onSuccess(result.value());
        if (finishAfter)
            finish(ExitOk);
    });
}

QString CliApp::tenantLabel() const
{
    if (m_useSandbox)
        return tr("Sandbox tenant");
    if (m_useStoredSession)
        return m_signIn->profile().tenant; // until the sign-in names the tenant id
    // An Entra ID access token is a JWT whose payload names the tenant ("tid").
    // Read for the journal's label only; nothing here trusts or checks the token.
    const QStringList parts = m_token.split(u'.');
    if (parts.size() == 3) {
        const QByteArray payload = QByteArray::fromBase64(
            parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QString tid = QJsonDocument::fromJson(payload).object().value(u"tid"_s).toString();
        if (ids::isGuid(tid))
            return tid;
    }
    const QUrl root = m_graphUrlGiven ? QUrl(m_graphUrl) : QUrl(u"https://graph.microsoft.com"_s);
    return root.host();
}

// --- output ---------------------------------------------------------------

QString CliApp::scrub(const QString &text) const
{
    // Belt and braces: GraphClient already redacts, but nothing this program
    // prints (a service message echoing a header, say) may carry the token.
    if (m_token.size() < 8 || !text.contains(m_token))
        return text;
    QString copy = text;
    return copy.replace(m_token, QStringLiteral("[redacted]"));
}

void CliApp::writeOut(const QString &text)
{
    if (m_out)
        m_out->write(scrub(text).toUtf8());
}

void CliApp::writeErr(const QString &text)
{
    if (m_err)
        m_err->write(scrub(text).toUtf8());
}

void CliApp::writeJson(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    writeOut(QString::fromUtf8(cli::withUtf8SurrogatePairs(document.toJson(QJsonDocument::Indented))));
}

void CliApp::logExchangeStarted(const ExchangeRecord &record)
{
    QString text
        = u"> "_s + QString::fromLatin1(record.method) + u' ' + record.url.toString(QUrl::FullyEncoded) + u'\n';
    for (const auto &[name, value] : record.requestHeaders) {
        text += u"> "_s + QString::fromLatin1(name) + u": "_s + QString::fromLatin1(redactedHeaderValue(name, value))
            + u'\n';
    }
    if (!record.requestBody.isEmpty())
        text += u"> "_s + TextTable::terminalSafe(QString::fromUtf8(record.requestBody)) + u'\n';
    writeErr(text);
}

void CliApp::logExchangeFinished(const ExchangeRecord &record)
{
    QString text = u"< "_s;
    if (record.httpStatus > 0)
        text += QString::number(record.httpStatus);
    else
        text += tr("no response");
    text += u" ("_s + tr("%1 ms").arg(record.durationMs) + u')';
    if (!record.requestId.isEmpty())
        text += u" request-id "_s + record.requestId;
    if (!record.clientRequestId.isEmpty())
        text += u" client-request-id "_s + record.clientRequestId;
    if (!record.errorText.isEmpty())
        text += u": "_s + TextTable::terminalSafe(record.errorText);
    writeErr(text + u'\n');
}

// --- endings --------------------------------------------------------------

void CliApp::finish(int exitCode)
{
    if (m_exitCode >= 0)
        return;
    m_exitCode = exitCode;
    // From the event loop, so a caller that connects after start() (or a
    // QCoreApplication that is not yet in exec()) still hears it.
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

void CliApp::failUsage(const QString &problem)
{
    writeErr(programName() + u": "_s + TextTable::terminalSafe(problem) + u'\n'
        + tr("Try '%1 --help' for the commands and options.\n").arg(programName()));
    finish(ExitUsage);
}

void CliApp::failInput(const QString &problem)
{
    writeErr(programName() + u": "_s + TextTable::terminalSafe(problem) + u'\n' + tr("Nothing was sent.\n"));
    finish(ExitUsage);
}

void CliApp::failService(const GraphError &error)
{
    // summary() is the one greppable line (status, code, message, request ids);
    // below it what else a support ticket needs, without repeating it.
    QString text = tr("Error: %1\n").arg(TextTable::terminalSafe(error.summary()));
    QStringList more;
    if (!error.intunePhrase.isEmpty() && error.message != error.intunePhrase)
        more << tr("Service message: %1").arg(error.message);
    if (!error.activityId.isEmpty())
        more << tr("Intune activity id: %1").arg(error.activityId);
    if (!error.date.isEmpty())
        more << tr("Date: %1").arg(error.date);
    if (!error.diagnostics.isEmpty())
        more << tr("x-ms-ags-diagnostic: %1").arg(error.diagnostics);
    for (const QString &line : std::as_const(more))
        text += u"  "_s + TextTable::terminalSafe(line) + u'\n';

    QString hint;
    if (error.code == refusal::kDefaultPolicy) {
        hint = tr("To target groups, create a policy of the same type and assign that; among policies that apply "
                  "to a user or device, the lowest priority number wins, and the default covers everyone else.");
    } else if (error.code == refusal::kAlreadyAssigned) {
        hint = tr("'assignments %1' lists what is assigned.").arg(m_configurationId);
    } else if (error.isRouteRefusal()) {
        hint = tr("Intune does not accept this request for this kind of configuration (the Enrollment Status "
                  "Page, for one); only the 'assign' action, which replaces every assignment, is accepted.");
    } else if (error.code == auth::kSignInRequiredCode) {
        hint = tr("Sign in again with '%1 login --device-code' (or --browser).").arg(programName());
    } else if (error.httpStatus == 407) {
        hint = tr("Give the proxy's user name with --proxy-user USER and its password in %1 or on standard input "
                  "with --proxy-password-stdin; on a terminal you are asked.")
                   .arg(QLatin1String(CliProxy::kPasswordVariable));
    } else if (error.httpStatus == 401) {
        hint = tr("The access token was rejected: it may have expired, or be for another tenant or cloud. Get a "
                  "new one.");
    } else if (error.httpStatus == 403) {
        hint = tr("The token lacks a permission: DeviceManagementServiceConfig.ReadWrite.All for assignments "
                  "(.Read.All to read), GroupMember.Read.All or Group.Read.All for groups.");
    } else if (error.httpStatus == 404 && !m_configurationId.isEmpty()) {
        hint = tr("Check the ids; 'configs' lists the configurations, 'assignments CONFIG_ID' the assignments.");
    } else if (error.retryAfterSeconds >= 0) {
        hint = tr("The service is throttling; try again in %1 seconds.").arg(error.retryAfterSeconds);
    } else if ((error.kind == GraphError::Kind::Timeout || error.kind == GraphError::Kind::Network) && m_writeSent) {
        hint = tr("The write may or may not have been applied; run 'assignments %1' before trying again. "
                  "'history' shows what was sent.")
                   .arg(m_configurationId);
    }
    if (hint.isEmpty())
        hint = error.nextStep;
    if (!hint.isEmpty())
        text += hint + u'\n';
    writeErr(text);
    finish(ExitFailure);
}

} // namespace ea
