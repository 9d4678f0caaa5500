#pragma once

#include <QLoggingCategory>

// One logging category per subsystem, all named "ea.<subsystem>", declared in
// this one place so README's list and the code cannot drift apart. None of
// them ever logs a token, a password or a request body.
//
// Turn them on with QT_LOGGING_RULES, e.g.
//   QT_LOGGING_RULES="ea.audit.debug=true;ea.graph.debug=true"
// or all at once: QT_LOGGING_RULES="ea.*.debug=true". A category is added
// here when a subsystem first logs (README, "Diagnostics", lists them). The
// sandbox, a library that does not link this one, has its own (ea.sandbox).
namespace ea {

// Requests, retries, throttling (info: retries; debug: every request line).
Q_DECLARE_LOGGING_CATEGORY(lcGraph)
// Sign-in: device code polls, token requests, the keychain's state.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
// Which way a request goes (proxy or direct) and why; proxy authentication.
Q_DECLARE_LOGGING_CATEGORY(lcProxy)
// The audit journal: appends, unreadable lines skipped, failed appends.
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
// The assignment service's writes: each attempt and how it ended (ids, never bodies).
Q_DECLARE_LOGGING_CATEGORY(lcService)
// The command line: which command runs, and how it ended.
Q_DECLARE_LOGGING_CATEGORY(lcCli)
// The window: writes started and finished, lists reloaded.
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace ea
