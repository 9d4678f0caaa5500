#pragma once

#include "cli/commands/WriteCommands.h"

namespace ea {

struct PriorityChange;

// priority CONFIG_ID N: moves a configuration to priority N within its
// type's order (AssignmentService::setPriority), then prints the order as
// read afterwards and says when it is not the one planned.
class PriorityCommand final : public WriteCommand
{
public:
    using WriteCommand::WriteCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    QString dryRunNote() const override;
    void run() override;

private:
    void print(const PriorityChange &change);

    int m_priority = 0;
};

} // namespace ea
