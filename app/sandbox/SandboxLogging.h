#pragma once

#include <QLoggingCategory>

// The sandbox's own category: the sandbox does not link ea_core, where the
// other categories live (app/core/Logging.h), so it declares it here. Like
// them it never logs a token, an Authorization header or a request body.
//
//   QT_LOGGING_RULES="ea.sandbox.debug=true"   every routed request: method, path, status
//   QT_LOGGING_RULES="ea.sandbox.info=true"    a test's fault hook answering instead of the router
namespace ea::sandbox {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace ea::sandbox
