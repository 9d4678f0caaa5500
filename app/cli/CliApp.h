#pragma once

#include "cli/CliProxy.h"
#include "domain/AssignmentTarget.h"
#include "graph/GraphClient.h"
#include "graph/GraphRequest.h"
#include "graph/RequestExport.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <span>

class QIODevice;
class QNetworkAccessManager;

namespace ea {

class CliSignIn;
class Session;
struct FullListPlan;
struct GraphError;
struct GroupName;
struct GraphResponse;

namespace sandbox {
class SandboxServer;
}

// The console front end, `enrollment-assigner-cli`, as an object so tests can
// run it in-process: arguments in, text on two devices out, an exit code by
// signal. It never blocks on the network (callbacks only; the one blocking
// read is `--token-file -` from `in`).
//
//   enrollment-assigner-cli [--sandbox | --graph-url URL] [--api v1.0|beta]
//                           [--token-file PATH | --profile NAME] [--journal PATH]
//                           [--json] [-v] COMMAND ...
//
// Without a token the commands use the sign-in stored by `login` (CliSignIn).
//
// Exit codes: 0 done; 1 whatever the service or the network said once
// requests were under way (HTTP errors, and the app's own refusals after
// reading the tenant: already assigned, default policy, unknown assignment);
// 2 bad usage or bad input found before any request, and then nothing was sent.
class CliApp : public QObject
{
    Q_OBJECT
public:
    enum ExitCode : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

    // `arguments` may start with the program name (as QCoreApplication::arguments()
    // gives them) or with the first real argument. `in` is read only for
    // `--token-file -`; `environment` supplies GRAPH_ACCESS_TOKEN. The devices
    // must be open and outlive this object.
    CliApp(QStringList arguments, QIODevice *out, QIODevice *err, QIODevice *in, QProcessEnvironment environment,
        QObject *parent = nullptr);
    ~CliApp() override;

    // Parses, validates and starts the command. finished() is always emitted
    // later from the event loop, exactly once, even for a usage error.
    void start();

    bool isFinished() const { return m_exitCode >= 0; }
    int exitCode() const { return m_exitCode; } // -1 while running

    // Sign-in storage and the browser opener, for tests to replace.
    CliSignIn *signIn() const { return m_signIn; }
    // Who answers a proxy's request for credentials the options did not give
    // (cli_main: the terminal, when there is one). Set before start().
    void setProxyPrompt(net::ProxyPrompt prompt) { m_proxyPrompt = std::move(prompt); }

    // The manager the sign-in and the session share, routed through the proxy options.
    QNetworkAccessManager *network() const { return m_network; }

    static QString programName();
    static QString helpText();
    static constexpr const char *kTokenVariable = "GRAPH_ACCESS_TOKEN";

Q_SIGNALS:
    void finished(int exitCode);

private:
    friend class CliSignIn; // writes through the output helpers below and reads the global options

    // One row per command: adding one (history, ...) is a row plus its methods.
    struct Command
    {
        const char *name;
        const char *arguments; // for the help text
        const char *summary;
        int minArgs;
        int maxArgs;
        // Checks the arguments and keeps what run() needs; a non-empty
        // problem means exit 2 with nothing sent.
        QString (CliApp::*prepare)(const QStringList &args);
        // The first request the command sends, shown by --dry-run instead;
        // null for a command that sends nothing (history).
        GraphRequest (CliApp::*firstRequest)() const;
        void (CliApp::*run)();
        // False: no Graph session and no token (history reads a file; login,
        // logout and status talk to the sign-in service).
        bool needsGraph = true;
    };
    static std::span<const Command> commands();
    static const Command *findCommand(const QString &name);

    // Reading arguments and setting up; each returns false after finishing with exit 2 (or 1).
    bool parseArguments();
    bool setUpEndpointAndToken();
    bool readToken(QString *token, QString *problem);
    bool startSession();

    // Commands.
    QString prepareConfigs(const QStringList &args);
    QString prepareAssignments(const QStringList &args);
    QString prepareAssign(const QStringList &args);
    QString prepareUnassign(const QStringList &args);
    QString prepareGroups(const QStringList &args);
    QString prepareFilters(const QStringList &args);
    QString prepareHistory(const QStringList &args);
    QString prepareSignIn(const QStringList &args); // login, logout, status
    GraphRequest configsRequest() const;
    GraphRequest assignmentsRequest() const;
    GraphRequest assignRequest() const;
    GraphRequest unassignRequest() const;
    GraphRequest groupsRequest() const;
    GraphRequest filtersRequest() const;
    void runConfigs();
    void runAssignments();
    void runAssign();
    void runUnassign();
    void runGroups();
    void runFilters();
    void runHistory();
    void runSignIn();

    // Sends a read through GraphClient, so --json can print Graph's objects as received.
    // Finishes with exit 0 after onSuccess unless finishAfter is false (onSuccess goes on).
    void sendRead(
        const GraphRequest &request, std::function<void(const GraphResponse &)> onSuccess, bool finishAfter = true);
    void printAssignments(const QJsonArray &values, const QHash<QString, GroupName> *names);
    // The approval the service asks for before a full-list write: the CLI says
    // on stderr what it sends, and sends it.
    void approveFullList(const FullListPlan &plan, const std::function<void(bool)> &answer);
    QString configurationLabel() const; // "'Name' (id)", or the id while the name is unknown
    QString tenantLabel() const; // for the audit journal
    QString journalPath() const;

    // Output. Everything written passes through scrub(), so the token can never appear.
    void writeOut(const QString &text);
    void writeErr(const QString &text);
    void writeJson(const QJsonValue &value);
    QString scrub(const QString &text) const;
    void logExchangeStarted(const ExchangeRecord &record);
    void logExchangeFinished(const ExchangeRecord &record);

    void finish(int exitCode);
    void failUsage(const QString &problem); // exit 2 with the usage hint
    void failInput(const QString &problem); // exit 2: bad input, nothing sent
    void failService(const GraphError &error); // exit 1

    QStringList m_arguments;
    QIODevice *m_out;
    QIODevice *m_err;
    QIODevice *m_in;
    QProcessEnvironment m_environment;
    int m_exitCode = -1;
    bool m_started = false;

    // Options.
    bool m_useSandbox = false;
    QString m_graphUrl;
    bool m_graphUrlGiven = false;
    QString m_apiText;
    ApiVersion m_apiVersion = ApiVersion::V1;
    QString m_tokenFile;
    bool m_tokenFileGiven = false;
    bool m_json = false;
    bool m_verbose = false;
    bool m_dryRun = false;
    requestexport::Format m_dryRunFormat = requestexport::Format::Text; // --format
    QString m_journalPath; // --journal, absolute; empty: AuditJournal::defaultPath()
    std::chrono::milliseconds m_transferTimeout = GraphClient::kDefaultTransferTimeout; // --timeout
    std::chrono::milliseconds m_connectTimeout = GraphClient::kDefaultConnectTimeout; // --connect-timeout
    bool m_filterGiven = false;
    QString m_filterId; // --filter
    bool m_filterModeGiven = false;
    QString m_filterModeText; // --filter-mode
    const Command *m_command = nullptr;

    // Prepared command input.
    QString m_configurationId;
    AssignmentTarget m_target;
    QString m_assignmentId;
    QString m_searchText;

    QString m_token; // memory only; used to scrub output
    CliSignIn *m_signIn; // a child; outlives the session, whose token provider uses its token store
    // Every request of this run, sign-in and Graph, goes through this one manager (a child).
    QNetworkAccessManager *m_network;
    bool m_useStoredSession = false; // no token supplied: the sign-in `login` stored
    // Proxy options and the policy they make; it outlives the session whose managers it answers.
    CliProxy m_proxyOptions;
    net::ProxyPrompt m_proxyPrompt; // asks on the terminal; empty when nobody can answer
    std::unique_ptr<net::ProxyAccess> m_proxy;
    // The sandbox outlives the session that talks to it (members die in reverse order).
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<Session> m_session;
    // Graph's assignment objects as last received (a POST's answer, a read
    // before or after a write), by id: `--json` prints these rather than a
    // re-serialized copy, and `unassign` names what it deleted.
    QHash<QString, QJsonObject> m_assignmentObjects;
    QString m_lastWriteRequestId; // of the last non-GET exchange
    bool m_writeSent = false; // a non-GET request went out
    bool m_sentFullList = false; // the service asked for (and got) a full-list approval
    int m_fullListKept = 0;
};

} // namespace ea
