#include "Logging.h"

namespace ea {

// graph, auth and proxy say what matters by default (a retry, a sign-in
// step, the proxy in use); the others only their warnings unless turned on
// (QT_LOGGING_RULES, or the CLI's -v), so the CLI's output stays its own.
Q_LOGGING_CATEGORY(lcGraph, "ea.graph", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "ea.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProxy, "ea.proxy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "ea.audit", QtWarningMsg)
Q_LOGGING_CATEGORY(lcService, "ea.service", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "ea.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "ea.ui", QtWarningMsg)

} // namespace ea
