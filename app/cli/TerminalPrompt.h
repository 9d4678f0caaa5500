#pragma once

#include "net/ProxyAccess.h"

#include <QString>

#include <optional>

namespace ea {

// True when a person can answer: standard input and standard error are a terminal.
bool canAskOnTerminal();

// True when standard error is a terminal: a progress line may rewrite itself there.
bool standardErrorIsTerminal();

// Writes `question` to standard error and reads one line from the terminal;
// without echo for a password. std::nullopt at end of input or Ctrl+D.
std::optional<QString> askOnTerminal(const QString &question, bool echo);

// The CLI's answer to a proxy's 407: user name (offered if known) and password.
net::ProxyPrompt terminalProxyPrompt();

} // namespace ea
