#include "cli/commands/ApplyCommand.h"

#include "cli/CliApp.h"
#include "cli/InterruptWatch.h"
#include "cli/TerminalPrompt.h"
#include "cli/TextTable.h"
#include "service/PlanRunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return CliCommand::tr("%1 s").arg(seconds);
    return CliCommand::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// The --json words, not translated: scripts read them.
QString stateKey(PlanDiffRow::State state)
{
    switch (state) {
    case PlanDiffRow::State::Add: return u"add"_s;
    case PlanDiffRow::State::Remove: return u"remove"_s;
    case PlanDiffRow::State::AlreadyThere: return u"alreadyThere"_s;
    case PlanDiffRow::State::AlreadyGone: return u"alreadyGone"_s;
    }
    return {};
}

QString stateWord(PlanDiffRow::State state)
{
    switch (state) {
    case PlanDiffRow::State::Add: return CliCommand::tr("add");
    case PlanDiffRow::State::Remove: return CliCommand::tr("remove");
    case PlanDiffRow::State::AlreadyThere: return CliCommand::tr("skip, already there");
    case PlanDiffRow::State::AlreadyGone: return CliCommand::tr("skip, already gone");
    }
    return {};
}

} // namespace

QString ApplyCommand::prepare(const QStringList &args)
{
    m_path = args.at(0);
    const ParsedPlan plan = PlanFile::readFile(m_path);
    if (!plan.leftOut.isEmpty()) {
        // Before the problems and the diff: what the file holds and no write will carry.
        QString text = tr("%n entry(ies) of the export are left out: no row can carry them exactly, so nothing is "
                          "sent for them (restore sends whole lists as exported):",
                           nullptr, int(plan.leftOut.size()))
            + u'\n';
        QJsonArray leftOut;
        for (const LeftOutEntry &e : plan.leftOut) {
            text += u"  "_s + TextTable::terminalSafe(e.entry + u": "_s + e.why) + u'\n';
            leftOut.append(QJsonObject {{u"entry"_s, e.entry}, {u"why"_s, e.why}});
        }
        m_cx.writeErr(text);
        m_json.insert(u"leftOut"_s, leftOut);
    }
    if (!plan.problems.isEmpty())
        return listProblems(plan.problems);
    m_rows = plan.rows;
    return {};
}

QString ApplyCommand::inputProblemForSession() const
{
    const QList<PlanProblem> problems = PlanRunner::inputProblems(*service(), m_rows);
    return problems.isEmpty() ? QString() : listProblems(problems);
}

QString ApplyCommand::listProblems(const QList<PlanProblem> &problems) const
{
    // One line each on standard error; the caller's message sums them up.
    QString text;
    for (const PlanProblem &p : problems)
        text += u"  "_s + TextTable::terminalSafe(p.text()) + u'\n';
    m_cx.writeErr(text);
    return tr("The plan %1 has %n problem(s), listed above.", nullptr, int(problems.size()))
        .arg(TextTable::terminalSafe(m_path));
}

void ApplyCommand::run()
{
    runRows(m_rows);
}

void ApplyCommand::runRows(const QList<PlanRow> &rows)
{
    m_runner = new PlanRunner(service(), this);
    QSet<QString> configurations;
    for (const PlanRow &row : rows)
        configurations.insert(row.configurationId.toLower());
    m_cx.writeErr(tr("Reading %n configuration(s) and their assignments…\n", nullptr, int(configurations.size())));
    m_runner->readDiff(rows, [this](const Result<PlanDiff> &result) {
        if (!result)
            return m_cx.failService(result.error());
        const PlanDiff &diff = result.value();
        printDiff(diff);
        if (!diff.problems.isEmpty()) {
            QString text = tr("%n row(s) of the plan cannot run in this tenant; nothing was written:", nullptr,
                               int(diff.problems.size()))
                + u'\n';
            QJsonArray problems;
            for (const PlanProblem &p : diff.problems) {
                text += u"  "_s + TextTable::terminalSafe(p.text()) + u'\n';
                problems.append(QJsonObject {{u"line"_s, p.line}, {u"message"_s, p.message}});
            }
            m_cx.writeErr(text);
            m_json.insert(u"problems"_s, problems);
            return finishWith(CliApp::ExitFailure);
        }
        if (m_cx.options.dryRun) {
            m_cx.writeErr(tr("Dry run: no write was sent (the configurations and their assignments were read).\n"));
            return finishWith(CliApp::ExitOk);
        }
        if (diff.writes.isEmpty()) {
            say(tr("Nothing to do: the tenant is already as the plan says.\n"));
            return finishWith(CliApp::ExitOk);
        }
        confirmAndRun(diff);
    });
}

void ApplyCommand::printDiff(const PlanDiff &diff)
{
    QString text;
    for (const PlanConfiguration &c : diff.configurations) {
        const QString name = c.configuration.displayName.isEmpty()
            ? c.configuration.id
            : u"'"_s + c.configuration.displayName + u"' ("_s + c.configuration.id + u')';
        text += TextTable::terminalSafe(name);
        if (c.fullList && c.writes() > 0)
            text += u": "_s + tr("Intune takes only full lists here; all changes go out as one write");
        text += u'\n';
        TextTable table({QString(), QString(), QString()});
        for (const PlanDiffRow &r : c.rows) {
            QString what = targetSpec(r.row.target);
            if (r.row.target.hasFilter())
                what += u' '
                    + tr("with filter %1 (%2)")
                          .arg(r.row.target.filterId(), AssignmentTarget::filterModeName(r.row.target.filterMode()));
            if (r.state == PlanDiffRow::State::Remove)
                what += u' ' + tr("(assignment %1)").arg(r.assignmentId);
            // The long column last, so that one long target does not push the others apart; rows a
            // command made (copy) come from no file and have no line.
            table.addRow(
                {u"  "_s + (r.row.line > 0 ? tr("line %1").arg(r.row.line) : QString()), stateWord(r.state), what});
        }
        text += table.toString().section(u'\n', 1);
    }
    const int adds = diff.count(PlanDiffRow::State::Add);
    const int removes = diff.count(PlanDiffRow::State::Remove);
    const int unchanged = diff.count(PlanDiffRow::State::AlreadyThere) + diff.count(PlanDiffRow::State::AlreadyGone);
    text += tr("%n write(s) to send:", nullptr, int(diff.writes.size())) + u' '
        + tr("%1 to add, %2 to remove; %n row(s) already as planned.", nullptr, unchanged).arg(adds).arg(removes)
        + u'\n';
    say(text);
    if (!m_cx.options.json)
        return;
    QJsonArray rows;
    for (const PlanConfiguration &c : diff.configurations) {
        for (const PlanDiffRow &r : c.rows) {
            QJsonObject row {{u"line"_s, r.row.line}, {u"configurationId"_s, c.configuration.id},
                {u"configurationName"_s, c.configuration.displayName}, {u"action"_s, PlanRow::actionName(r.row.action)},
                {u"target"_s, targetSpec(r.row.target)}, {u"change"_s, stateKey(r.state)}, {u"fullList"_s, c.fullList}};
            if (r.row.target.hasFilter()) {
                row.insert(u"filter"_s, r.row.target.filterId());
                row.insert(u"filterMode"_s, AssignmentTarget::filterModeName(r.row.target.filterMode()));
            }
            if (!r.assignmentId.isEmpty())
                row.insert(u"assignmentId"_s, r.assignmentId);
            rows.append(row);
        }
    }
    m_json.insert(u"rows"_s, rows);
    m_json.insert(u"writes"_s, int(diff.writes.size()));
}

void ApplyCommand::say(const QString &text)
{
    // With --json, standard output carries only the one JSON object.
    if (m_cx.options.json)
        m_cx.writeErr(text);
    else
        m_cx.writeOut(text);
}

void ApplyCommand::finishWith(int exitCode)
{
    if (m_cx.options.json)
        m_cx.writeJson(m_json);
    m_cx.finish(exitCode);
}

void ApplyCommand::confirmAndRun(const PlanDiff &diff)
{
    if (!m_cx.options.assumeYes) {
        if (!canAskOnTerminal()) {
            m_cx.writeErr(tr("apply asks before it writes; with no one to answer (a script), pass --yes. "
                             "Nothing was written.\n"));
            return finishWith(CliApp::ExitUsage);
        }
        const auto answer = askOnTerminal(tr("Send these %n write(s) to %1? [y/N] ", nullptr, int(diff.writes.size()))
                                              .arg(TextTable::terminalSafe(m_cx.session->tenantLabel())),
            true);
        if (!answer || !(answer->trimmed().toLower() == u"y"_s || answer->trimmed().toLower() == u"yes"_s)) {
            m_cx.writeErr(tr("Not confirmed; nothing was written.\n"));
            return finishWith(CliApp::ExitFailure);
        }
    }
    m_progressLine = standardErrorIsTerminal();
    connect(m_runner, &PlanRunner::progressChanged, this, [this](const PlanProgress &p) { showProgress(p); });
    connect(
        m_runner, &PlanRunner::writeFinished, this, [this](const PlanWrite &write, bool ok, const QString &message) {
            if (m_progressLine)
                return; // the progress line says it
            const QString line = ok ? tr("done: %1").arg(write.describe())
                : message.isEmpty() ? tr("not run: %1").arg(write.describe())
                                    : tr("FAILED: %1: %2").arg(write.describe(), message);
            m_cx.writeErr(TextTable::terminalSafe(line) + u'\n');
        });
    // Ctrl+C stops between writes; a second one ends the process as usual.
    auto *interrupt = new InterruptWatch(this);
    connect(interrupt, &InterruptWatch::interrupted, this, [this] {
        m_cx.writeErr(u"\n"_s
            + tr("Stopping after the writes under way (Ctrl+C again ends at once; a re-run finishes the plan)…")
            + u'\n');
        m_runner->cancel();
    });
    interrupt->start();
    m_runner->run(diff, [this, interrupt](const Result<PlanRunSummary> &r) {
        interrupt->stop();
        if (!r)
            return m_cx.failService(r.error());
        finishRun(r.value());
    });
}

void ApplyCommand::showProgress(const PlanProgress &p)
{
    if (!m_progressLine)
        return;
    const int percent = p.total ? p.done * 100 / p.total : 100;
    QString line = u"[%1/%2] %3% "_s.arg(p.done).arg(p.total).arg(percent);
    if (p.etaMs >= 0)
        line += u"· "_s + tr("%1 left").arg(duration(p.etaMs)) + u' ';
    if (p.failed)
        line += u"· "_s + tr("%n failed", nullptr, p.failed) + u' ';
    line += u"· "_s + p.current;
    line = TextTable::terminalSafe(line).left(160);
    // \r and spaces over the rest of the last one: no escape sequences needed.
    const QString padded = line + QString(std::max(0, m_lastWidth - int(line.size())), u' ');
    m_lastWidth = int(line.size());
    m_cx.writeErr(u"\r"_s + padded);
}

void ApplyCommand::finishRun(const PlanRunSummary &s)
{
    if (m_progressLine)
        m_cx.writeErr(u"\n"_s);
    for (const QString &failure : s.failures)
        m_cx.writeErr(tr("Failed: %1").arg(TextTable::terminalSafe(failure)) + u'\n');
    QString line = tr("Run %1: %2 written, %3 already done, %4 failed, %5 not run; %6 throttled answer(s); took %7.")
                       .arg(s.runId)
                       .arg(s.written)
                       .arg(s.alreadyDone)
                       .arg(s.failed)
                       .arg(s.notRun)
                       .arg(s.throttled)
                       .arg(duration(s.elapsedMs));
    say(line + u'\n');
    if (!s.ok())
        m_cx.writeErr(tr("Run the same plan again to finish it: it reads the tenant again and writes only what "
                         "is still missing.\n"));
    m_json.insert(u"run"_s,
        QJsonObject {{u"runId"_s, s.runId}, {u"written"_s, s.written}, {u"alreadyDone"_s, s.alreadyDone},
            {u"failed"_s, s.failed}, {u"notRun"_s, s.notRun}, {u"cancelled"_s, s.cancelled},
            {u"throttled"_s, s.throttled}, {u"elapsedMs"_s, double(s.elapsedMs)},
            {u"failures"_s, QJsonArray::fromStringList(s.failures)}});
    finishWith(s.ok() ? CliApp::ExitOk : CliApp::ExitFailure);
}

} // namespace ea
