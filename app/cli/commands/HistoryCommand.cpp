#include "cli/commands/HistoryCommand.h"

#include "audit/AuditJournal.h"
#include "cli/CliApp.h"
#include "cli/TextTable.h"

#include <QDir>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

void HistoryCommand::run()
{
    const AuditJournal journal(m_cx.journalPath());
    int skipped = 0;
    const QList<AuditEntry> entries = journal.readAll(&skipped);
    if (skipped > 0) {
        m_cx.writeErr(tr("Note: %1 line(s) of %2 could not be read and were skipped (a write interrupted while it was "
                         "being journalled leaves a torn last line).\n")
                          .arg(skipped)
                          .arg(TextTable::terminalSafe(QDir::toNativeSeparators(journal.filePath()))));
    }
    if (m_cx.options.json) {
        // The journal's own lines, oldest first; attempt and result share an operationId.
        QJsonArray array;
        for (const AuditEntry &e : entries)
            array.append(e.toJson());
        m_cx.writeJson(array);
        return m_cx.finish(CliApp::ExitOk);
    }
    if (entries.isEmpty()) {
        m_cx.writeOut(tr("No writes are recorded in %1.\n")
                          .arg(TextTable::terminalSafe(QDir::toNativeSeparators(journal.filePath()))));
        return m_cx.finish(CliApp::ExitOk);
    }

    // One row per write: the attempt line, completed by the result line with
    // the same operationId. An attempt without a result is a write whose end
    // nobody saw (a crash, a killed process, or one still running elsewhere).
    const QList<AuditOperation> rows = groupByOperation(entries);
    QSet<QString> places;
    for (const AuditOperation &row : rows) {
        const AuditEntry &e = row.first();
        places.insert(e.tenant + u'\n' + e.cloud + u'\n' + e.apiVersion);
    }
    const bool withPlace = places.size() > 1;
    QStringList headers = {tr("TIME (UTC)"), tr("ACTION"), tr("OUTCOME"), tr("HTTP"), tr("CONFIGURATION"), tr("TARGET"),
        tr("ASSIGNMENT"), tr("REQUEST-ID")};
    if (withPlace)
        headers << tr("TENANT");
    TextTable table(headers);
    for (const AuditOperation &row : rows) {
        const AuditEntry &first = row.first();
        const AuditEntry &last = row.last();
        QString outcome = row.hasResult ? row.result.outcomeName() : tr("interrupted / unknown");
        if (outcome.isEmpty())
            outcome = tr("unknown");
        const QString configuration = last.configurationName.isEmpty()
            ? last.configurationId
            : last.configurationName + u" ("_s + last.configurationId + u')';
        const QString assignmentId = !last.assignmentId.isEmpty() ? last.assignmentId : first.assignmentId;
        // An undo from the GUI's history is journalled as the write it sends, with the
        // assignment it undoes: say it is an undo, as the GUI does.
        const QString action = first.isUndo() ? u"undo:"_s + first.actionName() : first.actionName();
        QStringList cells = {first.time.isValid() ? first.time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"-"_s,
            action, outcome, last.httpStatus > 0 ? QString::number(last.httpStatus) : u"-"_s, configuration,
            last.targetText().isEmpty() ? u"-"_s : last.targetText(), assignmentId.isEmpty() ? u"-"_s : assignmentId,
            last.requestId.isEmpty() ? u"-"_s : last.requestId};
        if (withPlace) {
            cells << (first.tenant.isEmpty() ? first.cloud : first.tenant + u" ("_s + first.cloud + u')') + u' '
                    + first.apiVersion;
        }
        table.addRow(cells);
    }
    m_cx.writeOut(table.toString());
    m_cx.finish(CliApp::ExitOk);
}

} // namespace ea
