#pragma once

#include <QLoggingCategory>

// One logging category per subsystem, all named "ea.<subsystem>", declared in
// this one place so README's list and the code cannot drift apart. None of
// them ever logs a token, a password or a request body.
//
// Turn them on with QT_LOGGING_RULES, e.g.
//   QT_LOGGING_RULES="ea.service.debug=true;ea.graph.debug=true"
// or all at once: QT_LOGGING_RULES="ea.*.debug=true". The CLI's -v turns on
// every category's info messages.
namespace ea {

// Requests, retries, throttling (info: retries; debug: every request line).
Q_DECLARE_LOGGING_CATEGORY(lcGraph)
// Sign-in: device code polls, token requests, the keychain's state.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
// Which way a request goes (proxy or direct) and why; proxy authentication.
Q_DECLARE_LOGGING_CATEGORY(lcProxy)
// What an admin does, in steps: reads, write guards, verification.
Q_DECLARE_LOGGING_CATEGORY(lcService)
// The audit journal: appends, unreadable lines, lock waits.
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
// The sandbox tenant: start, each request it answers, injected faults.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
// The command line: which command runs with which session.
Q_DECLARE_LOGGING_CATEGORY(lcCli)
// The window: session changes, loads, what a pane was told.
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace ea
