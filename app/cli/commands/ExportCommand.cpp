#include "cli/commands/ExportCommand.h"

#include "cli/CliApp.h"
#include "cli/JsonText.h"
#include "cli/TextTable.h"
#include "service/AssignmentService.h"

#include <QDir>

namespace ea {

QString ExportCommand::prepare(const QStringList &)
{
    const QString format = m_cx.options.outputFormat.value_or(QStringLiteral("json"));
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        return tr("'%1' is not an export format; use json or csv.").arg(cli::TextTable::terminalSafe(format.left(40)));
    m_csv = format == QLatin1String("csv");
    return m_cx.outputPathProblem();
}

GraphRequest ExportCommand::firstRequest() const
{
    return service()->listConfigurationsWithAssignmentsRequest(ApiVersion::Beta);
}

QString ExportCommand::dryRunNote() const
{
    return tr("Without --dry-run this read (on beta, where filters and policy-set sources show) is followed by "
              "the names of the groups the assignments name (POST .../directoryObjects/getByIds, up to 1000 ids "
              "per request).\n");
}

void ExportCommand::run()
{
    m_reports = new ReportService(m_cx.session, this);
    m_reports->exportTenant(this, [this](const Result<TenantExportRead> &read) {
        if (!read)
            return m_cx.failService(read.error());
        const TenantExportRead &result = read.value();
        if (!result.groupNamesProblem.isEmpty())
            m_cx.writeErr(tr("Warning: %1\n").arg(result.groupNamesProblem));
        const QByteArray bytes
            = m_csv ? result.document.toCsv().toUtf8() : cli::withUtf8SurrogatePairs(result.document.toJsonBytes());
        if (!m_cx.writeDocument(bytes))
            return;
        if (m_cx.options.outputPath) {
            int assignments = 0;
            for (const ExportedConfiguration &c : result.document.configurations)
                assignments += int(c.assignments.size());
            m_cx.writeErr(tr("Exported %n configuration(s) with %1 assignment(s) to %2.\n", nullptr,
                int(result.document.configurations.size()))
                              .arg(assignments)
                              .arg(QDir::toNativeSeparators(*m_cx.options.outputPath)));
        }
        m_cx.finish(CliApp::ExitOk);
    });
}

} // namespace ea
