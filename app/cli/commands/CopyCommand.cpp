#include "cli/commands/CopyCommand.h"

#include "cli/CliApp.h"
#include "cli/TextTable.h"
#include "domain/InputFile.h"
#include "service/AssignmentService.h"

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

QString CopyCommand::prepare(const QStringList &args)
{
    m_request.sourceId = args.at(0);
    m_request.targetId = args.value(1);
    for (const QString &id : {m_request.sourceId, m_request.targetId}) {
        if (id.isEmpty())
            continue;
        if (const QString problem = AssignmentService::configurationIdProblem(id); !problem.isEmpty())
            return problem;
    }
    if (m_cx.options.copyFrom) {
        m_path = *m_cx.options.copyFrom;
        QString problem;
        m_request.file = InputFile::readExport(m_path, &problem);
        if (!m_request.file)
            return TextTable::terminalSafe(problem);
        if (m_cx.options.groupMap) {
            const std::optional<QByteArray> map
                = InputFile::read(*m_cx.options.groupMap, InputFile::tr("The group map"), &problem);
            if (!map)
                return TextTable::terminalSafe(problem);
            QList<PlanProblem> problems;
            m_request.groupMap = CopyPlan::parseGroupMap(*map, &problems);
            if (!problems.isEmpty()) {
                m_path = *m_cx.options.groupMap; // the file the problems are in
                return listProblems(problems);
            }
        }
    }
    if (const QString problem = m_request.problem(); !problem.isEmpty()) {
        if (!m_request.file && m_request.targetId.isEmpty())
            return tr("Within one tenant, give the configuration to copy to: copy SOURCE_ID TARGET_ID.");
        return TextTable::terminalSafe(problem);
    }
    return {};
}

GraphRequest CopyCommand::firstRequest() const
{
    return service()->listConfigurationsWithAssignmentsRequest(ApiVersion::Beta);
}

void CopyCommand::run()
{
    m_cx.writeErr(tr("Reading every configuration with its assignments…\n"));
    service()->planCopy(m_request, this, [this](const Result<PlannedCopy> &r) {
        if (!r)
            return m_cx.failService(r.error());
        runPlan(r.value());
    });
}

void CopyCommand::runPlan(const PlannedCopy &copy)
{
    const CopyEnds &ends = copy.ends;
    if (!ends.problem.isEmpty())
        return m_cx.failInput(TextTable::terminalSafe(ends.problem) + u' ' + tr("Nothing was sent."));
    m_cx.writeErr(tr("Copying the %n assignment(s) of '%1' to '%2' (%3).\n", nullptr, int(ends.assignments.size()))
                      .arg(TextTable::terminalSafe(ends.sourceName), TextTable::terminalSafe(ends.target.displayName),
                          ends.target.id));
    const CopyPlan &plan = copy.plan;
    if (!plan.skipped.isEmpty()) {
        QString text
            = tr("%n assignment(s) cannot be copied and are left out:", nullptr, int(plan.skipped.size())) + u'\n';
        for (const LeftOutEntry &skip : plan.skipped)
            text += u"  "_s + TextTable::terminalSafe(tr("left out: %1: %2").arg(skip.entry, skip.why)) + u'\n';
        m_cx.writeErr(text);
    }
    if (plan.rows.isEmpty()) {
        m_cx.writeOut(tr("Nothing to copy.\n"));
        return m_cx.finish(plan.skipped.isEmpty() ? CliApp::ExitOk : CliApp::ExitFailure);
    }
    runRows(plan.rows);
}

} // namespace ea
