#pragma once

#include "cli/commands/ApplyCommand.h"
#include "domain/CopyPlan.h"
#include "domain/TenantExport.h"

#include <optional>

namespace ea {

// copy SOURCE_ID [TARGET_ID] [--from EXPORT] [--group-map CSV] [--dry-run] [--yes]
//
// Copies the assignments of one configuration to another of the same type.
// Within the tenant (no --from) every target is copied as it is. With
// --from, the source is a configuration of an export file (another tenant
// profile's, as a rule): its groups are matched here by the group map file
// (SOURCE_GROUP_ID,TARGET_GROUP_ID per line), else by display name (exactly
// one group of that name); TARGET_ID may then be left out to take the one
// configuration here of the same type and name. What cannot be matched (a
// group, a filter, a collection, a policy-set entry, a target type the app
// does not model) is listed and left out, never created. The rest runs as a
// bulk plan (apply): read, diff, question or --yes, governed writes; what the
// target has already is skipped, so a copy run again writes nothing.
class CopyCommand final : public ApplyCommand
{
public:
    using ApplyCommand::ApplyCommand;
    QString prepare(const QStringList &args) override;
    QString inputProblemForSession() const override { return {}; }
    GraphRequest firstRequest() const override;
    void run() override;

private:
    void runPlan(const PlannedCopy &copy);

    CopyRequest m_request;
};

} // namespace ea
