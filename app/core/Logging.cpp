#include "Logging.h"

namespace ea {

// graph, auth and proxy say what matters by default (a retry, a sign-in
// step, the proxy in use); audit only its warnings unless turned on.
Q_LOGGING_CATEGORY(lcGraph, "ea.graph", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "ea.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProxy, "ea.proxy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "ea.audit", QtWarningMsg)

} // namespace ea
