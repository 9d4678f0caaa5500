#pragma once

#include "cli/commands/CliCommand.h"
#include "service/ReportService.h"

namespace ea {

// export [--output FILE] [--format json|csv]: every configuration with its
// assignments as read on beta, raw, and the names of the groups they name,
// as one versioned JSON document (TenantExport) or a flat CSV table.
class ExportCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    QString dryRunNote() const override;
    void run() override;

private:
    bool m_csv = false;
    ReportService *m_reports = nullptr;
};

} // namespace ea
