#include "sandbox/SandboxLogging.h"

namespace ea::sandbox {

// Warnings only by default: the sandbox serves every click of the GUI, and
// its routine traffic is what ea.graph already shows from the client's side.
Q_LOGGING_CATEGORY(lcSandbox, "ea.sandbox", QtWarningMsg)

} // namespace ea::sandbox
