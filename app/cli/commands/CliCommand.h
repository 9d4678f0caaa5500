#pragma once

#include "cli/CliContext.h"
#include "graph/GraphRequest.h"
#include "service/Session.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace ea {

// One command of `enrollment-assigner-cli`: checks its arguments, then runs
// over the services and writes its output through the shared context.
//
// A QObject so its callbacks end with it (the context object of every call
// and connection); without Q_OBJECT because it has no signals, and so that
// its strings keep CliApp's translation context.
class CliCommand : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(ea::CliApp)
public:
    explicit CliCommand(CliContext &context)
        : m_cx(context)
    { }

    // Checks the arguments and keeps what run() needs. A non-empty problem
    // means exit 2 with nothing sent.
    virtual QString prepare(const QStringList &args)
    {
        Q_UNUSED(args);
        return {};
    }
    // The first request the command sends: --dry-run prints it instead of
    // sending anything. Only asked of commands that use Graph.
    virtual GraphRequest firstRequest() const { return {}; }
    // What --dry-run adds on stderr about the rest of the command.
    virtual QString dryRunNote() const { return {}; }
    // Once the session is up, before anything is sent: the service's last
    // word on the input (it knows the API version). A problem means exit 2.
    virtual QString inputProblemForSession() const { return {}; }
    // --dry-run normally prints firstRequest() and sends nothing at all; a
    // command that needs reads to say what it would write (apply's diff)
    // runs instead and sends no write itself.
    virtual bool readsOnDryRun() const { return false; }
    // Runs it; ends with m_cx.finish() or one of the fail functions.
    virtual void run() = 0;

protected:
    AssignmentService *service() const { return m_cx.session->assignments(); }

    CliContext &m_cx;
};

// A row of the command table: what the dispatcher, the argument count
// check and the help text read.
struct CliCommandSpec
{
    const char *name;
    const char *arguments; // for the help text
    const char *summary;
    int minArgs;
    int maxArgs;
    std::unique_ptr<CliCommand> (*create)(CliContext &context);
    // False: no Graph session and no token (history reads a file; login,
    // logout and status talk to the sign-in service).
    bool needsGraph = true;
    // assign and unassign: the stored sign-in is checked for write permissions first.
    bool writes = false;
};

template<typename Command> std::unique_ptr<CliCommand> makeCommand(CliContext &context)
{
    return std::make_unique<Command>(context);
}

} // namespace ea
