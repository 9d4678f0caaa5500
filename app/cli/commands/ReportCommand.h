#pragma once

#include "cli/commands/CliCommand.h"
#include "service/ReportService.h"

namespace ea {

// report --group GROUP_ID [--format text|csv|html|json] [--output FILE]:
// every enrollment configuration that includes or excludes the group or a
// group it is nested in, and per type which one its members get
// (GroupReport; the ranking is EffectiveConfiguration's).
class ReportCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    QString dryRunNote() const override;
    void run() override;

private:
    enum class Format { Text, Csv, Html, Json };
    QString text(const GroupReport &report) const;

    Format m_format = Format::Text;
    QString m_groupId;
};

} // namespace ea
