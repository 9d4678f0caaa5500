#pragma once

#include "cli/commands/CliCommand.h"
#include "domain/TenantExport.h"

#include <optional>

namespace ea {

struct RestoreOutcome;
struct RestorePlan;

// restore FILE [--dry-run] [--yes]: an export file against the tenant. Reads
// every configuration with its assignments (on beta), prints per
// configuration of the file what differs, and after a question (or --yes)
// sends one verified full-list write per configuration that differs
// (AssignmentService::applyRestore). --dry-run reads and prints the plan and
// sends no write. Running it again writes only what still differs.
class RestoreCommand final : public CliCommand
{
    Q_OBJECT
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    bool readsOnDryRun() const override { return true; }
    void run() override;

private:
    void printPlan(const RestorePlan &plan);
    void confirmAndRestore(const RestorePlan &plan);
    void finishRestore(const RestorePlan &plan, const RestoreOutcome &outcome);

    QString m_path;
    std::optional<TenantExport> m_file;
};

} // namespace ea
