#pragma once

#include "cli/CliContext.h"
#include "cli/CliProxy.h"
#include "cli/commands/CliCommand.h"

#include <QObject>
#include <QProcessEnvironment>

#include <memory>
#include <span>

class QIODevice;
class QNetworkAccessManager;

namespace ea {

class CliSignIn;

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
// Each command is a class of its own (commands/), over the services; this
// class reads the global options (CliOptionReader declares and checks them),
// builds the session with SessionFactory and hands the command a CliContext
// (options, session, output, endings).
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

    static QString programName();
    static QString helpText();
    static constexpr const char *kTokenVariable = "GRAPH_ACCESS_TOKEN";

Q_SIGNALS:
    void finished(int exitCode);

private:
    static std::span<const CliCommandSpec> commands();
    static const CliCommandSpec *findCommand(const QString &name);

    // Reading arguments and setting up; each returns false after finishing with exit 2 (or 1).
    bool parseArguments();
    bool setUpEndpointAndToken();
    bool readToken(QString *token, QString *problem);
    bool startSession();
    void runDry();
    QString tenantLabel() const; // for the audit journal
    void finish(int exitCode);

    QStringList m_arguments;
    QIODevice *m_in;
    QProcessEnvironment m_environment;
    int m_exitCode = -1;
    bool m_started = false;

    // Options, output and endings, shared with the command.
    CliContext m_cx;
    const CliCommandSpec *m_spec = nullptr;
    std::unique_ptr<CliCommand> m_command;

    CliSignIn *m_signIn; // a child; outlives the session, whose token provider uses its token store
    // Every request of this run, sign-in and Graph, goes through this one manager (a child).
    QNetworkAccessManager *m_network;
    bool m_useStoredSession = false; // no token supplied: the sign-in `login` stored
    // Proxy options and the policy they make; it outlives the session whose managers it answers.
    CliProxy m_proxyOptions;
    net::ProxyPrompt m_proxyPrompt; // asks on the terminal; empty when nobody can answer
    std::unique_ptr<net::ProxyAccess> m_proxy;
    // The sandbox outlives the session that talks to it (members die in reverse order).
#ifdef EA_WITH_SANDBOX
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
#endif
    std::unique_ptr<Session> m_session;
};

} // namespace ea
