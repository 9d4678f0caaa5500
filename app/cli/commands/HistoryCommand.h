#pragma once

#include "cli/commands/CliCommand.h"

namespace ea {

// history: the audit journal of writes, one row per write (offline, no token).
class HistoryCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    void run() override;
};

} // namespace ea
