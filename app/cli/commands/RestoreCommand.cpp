#include "cli/commands/RestoreCommand.h"

#include "cli/CliApp.h"
#include "cli/TerminalPrompt.h"
#include "cli/TextTable.h"
#include "domain/InputFile.h"
#include "service/AssignmentService.h"

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

QString actionWord(RestoreStep::Action action)
{
    switch (action) {
    case RestoreStep::Action::Unchanged: return CliCommand::tr("unchanged");
    case RestoreStep::Action::Replace: return CliCommand::tr("replace");
    case RestoreStep::Action::NotInTenant: return CliCommand::tr("left out: not in the tenant");
    case RestoreStep::Action::DefaultDiffers: return CliCommand::tr("left out: a default's list cannot change");
    case RestoreStep::Action::UnreadableEntry:
        return CliCommand::tr("left out: an entry's target was empty when exported");
    }
    return {};
}

} // namespace

QString RestoreCommand::prepare(const QStringList &args)
{
    m_path = args.at(0);
    QString problem;
    m_file = InputFile::readExport(m_path, &problem);
    return m_file ? QString() : TextTable::terminalSafe(problem);
}

GraphRequest RestoreCommand::firstRequest() const
{
    return service()->listConfigurationsWithAssignmentsRequest(ApiVersion::Beta);
}

void RestoreCommand::run()
{
    m_cx.writeErr(tr("Reading every configuration with its assignments…\n"));
    service()->planRestore(*m_file, this, [this](const Result<RestorePlan> &r) {
        if (!r)
            return m_cx.failService(r.error());
        const RestorePlan &plan = r.value();
        printPlan(plan);
        if (m_cx.options.dryRun) {
            m_cx.writeErr(tr("Dry run: no write was sent (the configurations and their assignments were read).\n"));
            return m_cx.finish(CliApp::ExitOk);
        }
        if (plan.writeCount() == 0) {
            m_cx.writeOut(tr("Nothing to restore: every configuration of the file that can be written is as the "
                             "file says.\n"));
            return m_cx.finish(CliApp::ExitOk);
        }
        confirmAndRestore(plan);
    });
}

void RestoreCommand::printPlan(const RestorePlan &plan)
{
    QString text
        = tr("Exported from %1 at %2; restoring into %3.\n")
              .arg(TextTable::terminalSafe(m_file->tenant.isEmpty() ? tr("an unnamed tenant") : m_file->tenant),
                  m_file->exportedAt.toString(Qt::ISODate), TextTable::terminalSafe(m_cx.session->tenantLabel()));
    TextTable table({tr("CONFIGURATION"), tr("ID"), tr("ACTION"), tr("CHANGES")});
    for (const RestoreStep &s : plan.steps) {
        const bool differs = s.action != RestoreStep::Action::Unchanged && s.action != RestoreStep::Action::NotInTenant;
        table.addRow({s.displayName, s.configurationId, actionWord(s.action), differs ? s.summary() : QString()});
    }
    text += table.toString();
    // The entries each write adds back, deletes or changes, under their configuration.
    for (const RestoreStep &s : plan.steps) {
        if (s.action != RestoreStep::Action::Replace)
            continue;
        text += u'\n' + TextTable::terminalSafe(s.displayName) + u'\n';
        for (const QString &e : s.difference.missing)
            text += u"  "_s + tr("add back") + u"  "_s + TextTable::terminalSafe(e) + u'\n';
        for (const QString &e : s.difference.unexpected)
            text += u"  "_s + tr("delete") + u"    "_s + TextTable::terminalSafe(e) + u'\n';
        for (const QString &e : s.difference.changed)
            text += u"  "_s + tr("change") + u"    "_s + TextTable::terminalSafe(e) + u'\n';
    }
    text += TextTable::terminalSafe(plan.summary()) + u".\n"_s;
    m_cx.writeOut(text);
}

void RestoreCommand::confirmAndRestore(const RestorePlan &plan)
{
    if (!m_cx.options.assumeYes) {
        if (!canAskOnTerminal()) {
            m_cx.writeErr(tr("restore asks before it writes; with no one to answer (a script), pass --yes. "
                             "Nothing was written.\n"));
            return m_cx.finish(CliApp::ExitUsage);
        }
        const auto answer
            = askOnTerminal(tr("Replace the assignments of %n configuration(s) in %1 with the file's? [y/N] ", nullptr,
                                plan.writeCount())
                                .arg(TextTable::terminalSafe(m_cx.session->tenantLabel())),
                true);
        if (!answer || !(answer->trimmed().toLower() == u"y"_s || answer->trimmed().toLower() == u"yes"_s)) {
            m_cx.writeErr(tr("Not confirmed; nothing was written.\n"));
            return m_cx.finish(CliApp::ExitFailure);
        }
    }
    service()->applyRestore(
        plan, this,
        [this](const RestoreStep &step, int index, int total) {
            m_cx.writeErr(tr("[%1/%2] %3\n").arg(index + 1).arg(total).arg(TextTable::terminalSafe(step.displayName)));
        },
        [this, plan](const Result<RestoreOutcome> &r) {
            if (!r)
                return m_cx.failService(r.error());
            finishRestore(plan, r.value());
        });
}

void RestoreCommand::finishRestore(const RestorePlan &plan, const RestoreOutcome &outcome)
{
    if (outcome.stoppedBy) {
        m_cx.writeErr(tr("Stopped at '%1': %2\n")
                          .arg(TextTable::terminalSafe(outcome.stoppedAt),
                              TextTable::terminalSafe(outcome.stoppedBy->summary())));
        m_cx.writeOut(tr("Restored %1 of %2 configuration(s); each was read back and is the file's. Run the same "
                         "restore again to finish: it plans from the tenant again.\n")
                          .arg(outcome.written.size())
                          .arg(plan.writeCount()));
        return m_cx.finish(CliApp::ExitFailure);
    }
    m_cx.writeOut(tr(
        "Restored %n configuration(s); each was read back and is the file's.\n", nullptr, int(outcome.written.size())));
    m_cx.finish(CliApp::ExitOk);
}

} // namespace ea
